"""Stage 5: direct and reported speech, each with its cue, speaker and date.

Rule-based over the raw text, so it needs no parse and keeps up with the readers: quote
marks are paired per paragraph (a quote may run on over paragraphs that reopen it), quoted
words are told from scare quotes and titles by length and context, reported clauses hang off
the cue verbs of data/<lang>/quotes.yaml, and `attribution.py` names the speaker.
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from ...kb import KB
from ...model import Doc, Entity, Options, Quote, SpanIndex, Speaker, Token
from ..registry import register
from .according import according_source
from .attribution import SpeakerMention, apposed, mention_in, np_after, word
from .chunks import Chunker
from .extent import Extent, not_np
from .hits import TERMINAL, Hit
from .lexicon import QuoteLexicon, itokens, lexicon, tokens
from .marks import Group, find_groups, group_text, transcript_turns, turn_label
from .naming import surname_end
from .records import confidence, quote_date, speaker_confidence, speaker_kind
from .reported import find_reported, finite_clause
from .resolver import SpeakerResolver
from .subjects import clause_speaker, colon_np, cue_at, subject
from .terms import MIN_WORDS, naming_word, partial_word, scare_term, term, title_case

_DASHES = frozenset("―—–-")
_ASIDE_DASHES = frozenset("―—–")


_MARKUP = frozenset("/@<{[#")  # what a link, handle, tag or markup needs (then `not_speech` decides)



def _attribution(toks: list[Token], lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> tuple[str, SpeakerMention | None, int] | None:
    """A cue and speaker in the words right after or between quotes: „…”, zei hij / said Trump /
    the source added / Scott Pruitt, the attorney general of Oklahoma, said."""
    i0 = 0
    while i0 < len(toks) and (not word(toks[i0]) or toks[i0].low in lex.joiners):
        i0 += 1
    if i0 < len(toks) and toks[i0].low in lex.subordinators:
        return None  # '“…,” when Clinton blasted him': a clause of its own
    if lex.verb_second and i0 < len(toks) and toks[i0].low in lex.auxiliaries:
        return _perfect(toks, i0, lex, text, ents)
    nwords = 0
    for k in range(i0, min(len(toks), i0 + 40)):
        t = toks[k]
        if not word(t):
            continue
        if lex.cue(t.low) is None or cue_at(toks, k, lex) is None and not (k == i0 and t.text[0].isupper()):
            nwords += 1
            continue
        appositive = nwords > 6
        if appositive and (toks[k - 1].text != "," or not toks[i0].text[0].isupper()):
            nwords += 1
            continue
        for x in toks[k + 1:k + 5]:  # "„…” en hij voegde eraan toe dat …" starts a new clause
            if x.low in lex.complementizers:
                return None
            if not word(x):
                break
        if k == i0:
            after = np_after(toks, k + 1, lex, inverted=True)
            nxt = toks[k + 1 + len(after)] if k + 1 + len(after) < len(toks) else None
            if i0 > 0 and toks[i0 - 1].low in lex.joiners and not lex.verb_second:
                return None  # "“…” and said the emergency began …" is a new clause
            if not lex.verb_second and nxt is not None and word(nxt) and nxt.low not in lex.prepositions \
                    and nxt.low not in lex.adverbs:
                return None  # "said the national emergency began": a clause, not an inverted speaker
            m = None if lex.cue_lemma[t.low] in lex.message_cues else mention_in(apposed(toks, after, lex, ents), lex, text, ents)
        elif appositive:
            comma = next(n for n in range(i0, k) if toks[n].text == ",")
            m = mention_in(toks[i0:comma], lex, text, ents, last=True)
        else:
            m = mention_in(toks[i0:k], lex, text, ents, last=True)
        return t.text, m, t.start
    return None


def _elision(text: str, t: Token, lex: QuoteLexicon) -> bool:
    """An apostrophe that shortens the word after it ("'s morgens", "'t"): no quote mark."""
    word_after = text[t.end:t.end + 3]
    return t.text in ("'", "’") and any(word_after.startswith(e) and not word_after[len(e):len(e) + 1].isalpha()
                                        for e in lex.elisions)


def _perfect(toks: list[Token], i0: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> tuple[str, SpeakerMention | None, int] | None:
    """„…”, had hij 's morgens op een briefje geschreven / heeft de minister gezegd: after a quote an
    auxiliary comes first, its subject right after it, the cue (a participle) last in the clause, with
    no conjunction, comma or clause between ("„…” was door zijn optreden, dat … kon stellen" is none)."""
    after = np_after(toks, i0 + 1, lex, inverted=True)
    for k in range(i0 + 1 + len(after), min(len(toks), i0 + 25)):
        t = toks[k]
        if t.text in TERMINAL or t.text in (",", ":", ";") or t.low in lex.joiners or t.low in lex.complementizers \
                or t.text in lex.marks and t.text not in lex.scare_marks:
            return None  # ("'s morgens": an apostrophe, no quote); "„…” heeft veroordeeld maar ze vindt": no perfect
        if lex.cue(t.low) and cue_at(toks, k, lex):
            nxt = toks[k + 1] if k + 1 < len(toks) else None  # the clause ends: "had Thys geantwoord | toen …"
            last = nxt is None or nxt.text in TERMINAL or nxt.text == "," or nxt.low in lex.subordinators \
                or nxt.low in lex.prepositions
            return (t.text, mention_in(after, lex, text, ents) if after else None, t.start) if last else None
    return None


def _reports(toks: list[Token], attr: tuple[str, SpeakerMention | None, int], lex: QuoteLexicon) -> bool:
    """Whether the cue of an attribution goes on to a clause of its own (a complementizer, or a
    subject and finite verb) rather than ending with its speaker."""
    m = attr[1]
    rest = [t for t in toks if t.start > attr[2] and t.text[0].isalnum() and not (m and m.start <= t.start < m.end)]
    return any(t.low in lex.complementizers for t in rest) or (len(rest) >= 3 and finite_clause(rest, 0, lex))


def _headline(text: str, paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
    """The span of a headline that opens the article (one short line without a full stop, more to
    follow): "X says Y" there sums up the story, it is no statement of its own. (0, 0) when none."""
    if len(paragraphs) < 2:
        return (0, 0)
    s, e = paragraphs[0]
    line = text[s:e].strip()
    if not line or "\n" in line or len(line.split()) > 20 or line.rstrip("”\"'’»")[-1:] in TERMINAL:
        return (0, 0)
    return (s, e)


def _intro_line(text: str, start: int, lex: QuoteLexicon) -> list[Token]:
    """The short line ending in a colon just before a quote that opens its paragraph ("He said:",
    "The New York Times reports:"): it introduces the quote, though a paragraph break lies between."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":" or "\n" not in text[end:start]:
        return []
    line = text.rfind("\n", 0, end) + 1
    toks = tokens(text, line, end, lex)
    return toks if sum(t.text[0].isalnum() for t in toks) <= 8 else []


def _aside(toks: list[Token], k: int) -> bool:
    """Whether toks[k] lies in an aside closed before the quote ("Bercow commented — which the BBC
    noted as unusual — “…”", "(as Reuters reported)"): its cue is not the quote's."""
    before = {t.text for t in toks[:k]}
    after = {t.text for t in toks[k + 1:]}
    return bool(before & _ASIDE_DASHES and after & _ASIDE_DASHES) or ("(" in before and ")" in after)


def _cue_index(pre: list[Token], end: int, lex: QuoteLexicon) -> int | None:
    """The last cue before the quote, outside asides; one in a relative clause ("told a young woman
    who suggested …", "saying anybody who complains about …") gives way to a cue before it, whose
    object that clause describes."""
    k = next((k for k in range(end - 1, -1, -1)
              if pre[k].low in lex.cue_lemma and not _aside(pre, k) and cue_at(pre, k, lex)), None)
    if k is not None and k > 0 and pre[k - 1].low in lex.relatives:
        earlier = _cue_index(pre, k - 1, lex)
        return k if earlier is None else earlier
    return k


def _interruption(text: str, start: int, end: int, lex: QuoteLexicon) -> list[Token] | None:
    """The tokens between two quotes of a paragraph; None, without reading on, where they cannot be
    an attribution that interrupts one quote (`_merge`): a question or exclamation mark, words
    after a full stop, more than 30 words."""
    if start > end:
        return None
    out: list[Token] = []
    nwords = 0
    for t in itokens(text, start, end, lex):
        if t.text in ("?", "!") or (out and out[-1].text in TERMINAL) or nwords > 30:
            return None
        nwords += t.text[0].isalnum()
        out.append(t)
    return out


def _lists(text: str, groups: list[Group], lex: QuoteLexicon) -> list[Group]:
    """Three or more short partial quotes one clause lists (called him a “nasty guy,” an “anchor
    baby,” “unstable” and “sick”): one statement, not a quote each. Two stay apart ("a “corrupt
    oaf” and a “lousy traitor”"), as the quote corpus marks them."""
    out: list[Group] = []
    run: list[Group] = []
    for g in [*groups, None]:
        prev = run[-1] if run else None
        between = _interruption(text, prev.end, g.start, lex) if prev is not None and g is not None \
            and g.start - prev.end <= 10 and prev.para == g.para and g.end - g.start < 80 else None
        if between is not None and all(t.low in lex.list_joiners or t.text == "," for t in between):
            run.append(g)
            continue
        if len(run) >= 3:
            run[0].segs = [s for r in run for s in r.segs]
            run[0].end = run[-1].end
            run = run[:1]
        out += run
        run = [g] if g is not None and g.end - g.start < 80 else []
        if g is not None and not run:
            out.append(g)
    return out


def _second_cue(between: list[Token], cue_pos: int, lex: QuoteLexicon) -> bool:
    """Whether the words between two quotes end in a clause of a cue after the attribution's, past a
    comma, that runs into the second quote ("…,” she said, asking Cengiz to be “…”): the second quote is
    that cue's own. Not a clause closed by a comma ("…,” Tester said, referring to the excuse, “…”)."""
    after = [t for t in between if t.start > cue_pos]
    comma = next((n for n, t in enumerate(after) if t.text == ","), None)
    if comma is None:
        return False
    tail = after[comma + 1:]
    k = next((n for n, t in enumerate(tail) if t.text[0].islower() and lex.cue(t.low)), None)
    return k is not None and k + 1 < len(tail) and not any(t.text in (",", ":") or t.text in TERMINAL for t in tail[k:])


def _joined(entities: list[Entity], text: str, lex: QuoteLexicon, kb: KB) -> list[Entity]:
    """One person where a tagger split a name at its particle ("Prince Mohammad" + "bin Salman",
    "Jan" + "van Alebeek"): the two names side by side, the second opening with a lower-case
    particle, are one name, linked as the linked part is; a first name alone takes the particles
    and surname after it (`naming.surname_end`), and whatever the tagger found there goes."""
    out: list[Entity] = []
    for e in sorted(entities, key=lambda e: e.start):
        if out and out[-1].type == "PER" and e.start < out[-1].end:
            if e.type == "PER" and e.actor is not None and e.actor.id is not None:  # "Mohammad" + "bin Salman"
                end = max(e.end, out[-1].end)
                out[-1] = Entity(out[-1].start, end, text[out[-1].start:end], "PER", e.actor)
            continue  # inside a surname taken on below ("Jan de Boer" + "Boer van Barneveld")
        end = surname_end(e, text, lex, kb)
        if end is not None:
            ref = replace(e.actor, name=text[e.start:end]) if e.actor is not None else None
            e = Entity(e.start, end, text[e.start:end], "PER", ref)
        prev = out[-1] if out else None
        if prev is not None and prev.type == e.type == "PER" and 0 < e.start - prev.end <= 1 \
                and not text[prev.end:e.start].strip() and e.text.split()[0] in lex.name_particles:
            linked = e.actor if e.actor is not None and e.actor.id is not None else prev.actor
            out[-1] = Entity(prev.start, e.end, text[prev.start:e.end], "PER", linked)
            continue
        out.append(e)
    return out


def _sentence_start(doc: Doc, starts: list[int], pos: int, para_start: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return max(starts[i] if i >= 0 else 0, para_start)


@register
class QuoteStage:
    """Finds direct and reported speech and names its speakers; see the module docstring."""

    name = "quotes"
    requires: tuple[str, ...] = ("sentences", "entities", "timexes")
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self, options: Options, kb: KB) -> None:
        self.options = options
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon(doc.lang or doc.article.lang)
        text = doc.text
        paragraphs = doc.paragraphs or [(0, len(text))]
        sentences = doc.sentences or paragraphs
        ents = SpanIndex([*_joined(doc.entities, text, lex, self.kb), *getattr(doc, "mentions", [])])
        starts = [s for s, _ in sentences]
        groups = find_groups(text, paragraphs, lex)
        groups = self._merge(text, groups, lex, ents)
        chunker = Chunker(doc, self.options)
        for g in groups:
            self._classify(doc, g, lex, ents, starts, chunker)
        hits = [self._direct_hit(text, g) for g in groups if g.speech]
        turns = transcript_turns(text, paragraphs, groups, ents, lex)
        hits += turns
        quoted = sorted([(s, e) for g in groups for s, e in g.segs] + [(h.start, h.end) for h in turns])
        speech = [(g.start, g.end) for g in groups if g.speech]
        spent = {g.attr[2] for g in groups if g.speech and g.attr_after and g.attr}
        head = _headline(text, paragraphs)
        cues: list[tuple[int, int]] = []
        hits += [h for h in find_reported(text, sentences, lex, ents, quoted, speech, spent,
                                           chunker, cues)
                 if not head[0] <= h.start < head[1]]
        hits.sort(key=lambda h: h.start)
        resolver = SpeakerResolver(doc, lex, ents, self.kb, quoted, cues)
        extent = Extent(doc, lex, ents)
        for h in hits:
            h.mention = extent.check(h.mention)
            pos = h.mention.start if h.mention else h.start
            speaker = None if h.anonymous else resolver.resolve(h.mention, pos)
            if speaker is not None:
                self._describe(speaker, h.mention, text, lex)
            inner = [(h.start, h.end)] if not h.direct else quoted[bisect.bisect_left(quoted, (h.start,)):
                                                                  bisect.bisect_left(quoted, (h.end,))]
            anchor = h.cue_pos if h.cue_pos >= 0 else h.start
            doc.quotes.append(Quote(h.start, h.end, h.text, h.direct, h.cue, speaker,
                                    quote_date(doc, sentences[max(0, bisect.bisect_right(starts, anchor) - 1)],
                                               h.cue_pos, h.start, h.end, inner, lex),
                                    confidence(h, lex, speaker)))
        return doc

    def _describe(self, sp: Speaker, m: SpeakerMention | None, text: str, lex: QuoteLexicon) -> None:
        """The words that name the speaker here (the whole noun phrase or pronoun) and its kind."""
        if m is not None:
            sp.start, sp.end, sp.text = m.start, m.end, text[m.start:m.end]
        actor = self.kb.get(sp.id)
        if actor is not None:
            sp.kind = {"LOC": "GPE"}.get(actor.type, actor.type)
        elif m is not None and m.kind == "pronoun":
            sp.kind = "PER"
        elif sp.text:
            sp.kind = speaker_kind(sp.text, lex)
        sp.confidence = speaker_confidence(m, sp)

    def _merge(self, text: str, groups: list[Group], lex: QuoteLexicon, ents: SpanIndex[Entity]) -> list[Group]:
        """Join a quote interrupted by its attribution („…,” zei hij, „…”) into one group; across a
        full stop ("“…,” he said. “…”") only when the second part has no attribution of its own."""
        out: list[Group] = []
        for g in _lists(text, groups, lex):
            prev = out[-1] if out else None
            between = _interruption(text, prev.end, g.start, lex) if prev is not None and prev.para == g.para else None
            if prev is not None and between is not None:
                nwords = sum(1 for t in between if t.text[0].isalnum())
                own_sentence = bool(between) and between[-1].text in TERMINAL
                intro = any(t.text in TERMINAL for t in between[:-1]) or (bool(between) and between[-1].text == ":")
                next_intro = not own_sentence and bool(between) and between[0].text[0].isupper() \
                    and group_text(text, prev).rstrip()[-1:] in TERMINAL  # '"…done." She also said "…"' introduces the next quote
                if 0 < nwords <= (30 if own_sentence else 8) and not intro and not next_intro \
                        and not any(t.text in ("?", "!") for t in between):
                    attr = _attribution(between, lex, text, ents)
                    if attr is not None and not (own_sentence and self._after(text, g, lex, ents, False)) \
                            and not _second_cue(between, attr[2], lex):
                        prev.segs += g.segs
                        prev.end = g.end
                        prev.attr, prev.attr_after = attr, True
                        continue
            out.append(g)
        return out

    def _classify(self, doc: Doc, g: Group, lex: QuoteLexicon, ents: SpanIndex[Entity], starts: list[int],
                  chunker: Chunker) -> None:
        """Speech or not, and who said it as far as the words around the quote tell."""
        text = doc.text
        inner = group_text(text, g)
        nwords = len(inner.split())
        if nwords == 0 or not any(c.isalpha() for c in inner) or (not _MARKUP.isdisjoint(inner) and lex.not_speech.search(inner)):
            return  # a tweet id, a link, markup: not anyone's words
        turn = turn_label(text, g.segs[0][0], lex, ents)
        if turn is not None:
            person = any(e.type == "PER" for e in ents.within(turn.start(1), turn.end(1)))
            g.segs[0] = (turn.end(), g.segs[0][1])
            g.attr = ("", SpeakerMention(turn.start(1), turn.end(1), turn.group(1), "entity" if person else "name"), -1)
            g.speech = True
            return
        s0 = _sentence_start(doc, starts, g.start, g.para[0])
        s0 = max(s0, text.rfind("\n", 0, g.start) + 1)
        pre = tokens(text, s0, g.start, lex)
        cut = len(pre)
        while cut and pre[cut - 1].text not in TERMINAL and pre[cut - 1].text not in ("”", "»"):
            cut -= 1
        pre = pre[cut:]
        pre_words = [t for t in pre if t.text[0].isalnum()]
        if pre_words and pre_words[-1].low in lex.title_signals:
            return
        if g.attr is None:
            g.attr = self._after(text, g, lex, ents, not pre_words)
            if g.attr is not None and pre_words and scare_term(text, g, nwords, g.attr[2], lex):
                g.attr = None
            g.attr_after = g.attr is not None
        if g.attr is not None:
            g.speech = True
            return
        if not pre:
            pre = _intro_line(text, g.start, lex)
            pre_words = [t for t in pre if t.text[0].isalnum()]
        colon = bool(pre) and pre[-1].text == ":"
        if not colon and title_case(inner):
            return
        cue_idx = _cue_index(pre, len(pre), lex)
        if cue_idx is not None:
            g.attr = (pre[cue_idx].text, clause_speaker(pre, cue_idx, lex, text, ents), pre[cue_idx].start)
            partial = MIN_WORDS if text[g.start:g.segs[0][0]] in lex.scare_marks else 2
            g.speech = nwords >= partial or colon or inner.rstrip()[-1:] in TERMINAL or naming_word(pre, cue_idx, inner, lex) \
                or partial == 2 and partial_word(pre, cue_idx, inner, text[g.start - 1:g.start], lex)
            return
        source = according_source(pre, lex, text, ents, chunker) if 2 <= nwords < MIN_WORDS and not colon else None
        if source is not None and text[g.start:g.segs[0][0]] not in lex.scare_marks:
            g.attr = (source[0].text, source[1], source[0].start)  # "volgens hem is het “een wonder”": a partial quote
            g.speech = True
            return
        if colon and 0 < len(pre_words) <= 4:
            subject_np = chunker.noun_phrase(pre_words, lex)  # "Koning bezoekt Valkenburg: '…'": the subject speaks
            g.attr = ("", mention_in(subject_np, lex, text, ents) if len(subject_np) < len(pre_words)
                      else mention_in(pre_words, lex, text, ents, last=True), -1)
            g.speech = True
            return
        last_char = inner.rstrip()[-1:]
        if pre_words and not colon and term(text, g, inner, nwords, lex):
            return
        if colon or (not pre_words and (nwords >= 3 or last_char in TERMINAL)) or nwords >= MIN_WORDS:
            g.speech = True
            if pre_words:
                g.attr = ("", subject(pre_words, lex, text, ents) or (colon_np(pre_words, lex, text) if colon else None), -1)

    def _after(self, text: str, g: Group, lex: QuoteLexicon, ents: SpanIndex[Entity],
               starts_sentence: bool) -> tuple[str, SpeakerMention | None, int] | None:
        """The attribution after the closing mark, up to the end of its sentence; or a
        name-and-role line under a pull quote that fills its own paragraph."""
        pe = g.para[1]
        line_end = text.find("\n", g.end, pe)
        tail = itokens(text, g.end, min(pe if line_end < 0 else line_end, g.end + 200), lex)
        cut = []
        for t in tail:
            if t.text in TERMINAL or t.text in (":", ";") or t.text in lex.marks and not _elision(text, t, lex):
                cut_at = t
                break
            cut.append(t)
        else:
            cut_at = None
        words = [t for t in cut if t.text[0].isalnum()]
        if not words:
            return None
        new_sentence = group_text(text, g).rstrip()[-1:] in TERMINAL and words[0].text[0].isupper()
        if new_sentence and cut_at is not None and cut_at.text in lex.marks:
            return None  # '"…done." She also said "…"': the words introduce the next quote
        attr = _attribution(cut, lex, text, ents)
        if attr is not None and (new_sentence or title_case(group_text(text, g))) and _reports(cut, attr, lex):
            return None  # '"…that." UNESCO reportedly said a change …', 'on "Face the Nation," Ryan said the …'
        if attr is not None:
            return attr
        if (starts_sentence or cut[0].text in _DASHES) and len(words) <= 12 and words[0].text[0].isupper() \
                and not any(t.text[0].isalnum() for t in ([cut_at, *tail] if cut_at else ())):
            comma = next((k for k, t in enumerate(cut) if t.text == ","), len(cut))
            name = [t for t in cut[:comma] if t.text[0].isalnum()]
            if not name or not_np([t.text for t in name], lex) and not any(lex.cue(t.low) for t in name):
                return None  # a sentence of its own ("Private feesten zijn verboden, …"), no name line
            return "", mention_in(name, lex, text, ents), -1
        return None

    def _direct_hit(self, text: str, g: Group) -> Hit:
        cue, mention, cue_pos = g.attr if g.attr else (None, None, -1)
        return Hit(g.start, g.end, group_text(text, g), True, cue or None, mention, cue_pos)
