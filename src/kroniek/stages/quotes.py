"""Stage 5: direct and reported speech, each with its cue, speaker and date.

Rule-based over the raw text, so it needs no parse and keeps up with the readers: quote
marks are paired per paragraph (a quote may run on over paragraphs that reopen it), quoted
words are told from scare quotes and titles by length and context, reported clauses hang off
the cue verbs of data/<lang>/quotes.yaml, and `kroniek.attribution` names the speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..attribution import EntityIndex, Lexicon, Mention, Resolver, Tok, lexicon, mention_in, np_after, tokens, word
from ..model import Doc, Quote
from ..pipeline import Options
from .dates import date_for

_TERMINAL = frozenset(".!?")
_DASHES = frozenset("―—–-")
_OPENERS = frozenset("„“\"«‘")
_BREAKS = frozenset(",;:–—().!?„“”\"«»‘’")
MIN_WORDS = 4  # a quote this long is speech even without a cue in sight


@dataclass(slots=True)
class Group:
    """One direct quote: its inner segments and the span from first opening to last closing mark."""

    start: int
    end: int
    segs: list[tuple[int, int]]
    para: tuple[int, int]
    attr: tuple[str, Mention | None, int] | None = None  # cue, mention, cue offset
    speech: bool = False
    whole: bool = False  # opened at the start of its paragraph
    attr_after: bool = False  # the attribution follows the quote: its cue is spent


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None
    mention: Mention | None
    cue_pos: int
    speaker_from_context: bool = False
    groups: list[Group] = field(default_factory=list)


def _mark_re(lex: Lexicon) -> re.Pattern[str]:
    marks = set(lex.marks) | {c for cs in lex.marks.values() for c in cs}
    return re.compile("|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)))


_MARK_RES: dict[str, re.Pattern[str]] = {}


def _is_open(mark: str, prev: str, nxt: str) -> bool:
    if nxt.isspace() or not nxt:
        return False
    if mark in ("'", "‘", '"', "''"):
        return not prev.isalnum()
    return True


def _is_close(mark: str, prev: str, nxt: str) -> bool:
    if prev.isspace():
        return False
    if mark in ("'", "’", "''"):
        return not nxt.isalnum()
    return True


def find_groups(text: str, paragraphs: list[tuple[int, int]], lex: Lexicon) -> list[Group]:
    """Pair quote marks paragraph by paragraph. An unclosed quote continues into a paragraph
    that opens with a mark again; else it stands only when it filled its own paragraph."""
    mark_re = _MARK_RES.setdefault(lex.lang, _mark_re(lex))
    groups: list[Group] = []
    carry: Group | None = None
    for ps, pe in paragraphs:
        first = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
        opened: tuple[int, str] | None = None
        if carry is not None:
            m = mark_re.match(text, first)
            if not (m and m.group() in lex.marks):
                _flush(carry, groups)
                carry = None
        for m in mark_re.finditer(text, ps, pe):
            mk, i, j = m.group(), m.start(), m.end()
            prev = text[i - 1] if i > ps else " "
            nxt = text[j] if j < pe else " "
            if opened is not None:
                if mk in lex.marks[opened[1]] and _is_close(mk, prev, nxt):
                    seg = (opened[0], i)
                    if carry is not None:
                        carry.segs.append(seg)
                        carry.end, carry.para = j, (carry.para[0], pe)
                        groups.append(carry)
                        carry = None
                    else:
                        groups.append(Group(opened[0] - len(opened[1]), j, [seg], (ps, pe)))
                    opened = None
            elif mk in lex.marks and _is_open(mk, prev, nxt):
                opened = (j, mk)
        if opened is not None:
            seg = (opened[0], pe)
            if carry is None:
                start = opened[0] - len(opened[1])
                carry = Group(start, pe, [seg], (ps, pe), whole=start == first)
            else:
                carry.segs.append(seg)
                carry.end, carry.para = pe, (carry.para[0], pe)
        elif carry is not None:
            _flush(carry, groups)
            carry = None
    if carry is not None:
        _flush(carry, groups)
    return groups


def _flush(carry: Group, groups: list[Group]) -> None:
    """Keep an unclosed quote that ran over paragraphs or filled its own; drop a stray mark."""
    if len(carry.segs) > 1 or carry.whole:
        groups.append(carry)


def group_text(text: str, g: Group) -> str:
    return " ".join(t for t in (text[s:e].strip() for s, e in g.segs) if t)


def _attribution(toks: list[Tok], lex: Lexicon, text: str, ents: EntityIndex) -> tuple[str, Mention | None, int] | None:
    """A cue and speaker in the words right after or between quotes: „…”, zei hij / said Trump /
    the source added / Scott Pruitt, the attorney general of Oklahoma, said."""
    i0 = 0
    while i0 < len(toks) and (not word(toks[i0]) or toks[i0].low in lex.joiners):
        i0 += 1
    nwords = 0
    for k in range(i0, min(len(toks), i0 + 40)):
        t = toks[k]
        if not word(t):
            continue
        if lex.cue(t.low) is None:
            nwords += 1
            continue
        appositive = nwords > 6
        if appositive and (toks[k - 1].text != "," or not toks[i0].text[0].isupper()):
            nwords += 1
            continue
        for x in toks[k + 1:]:
            if x.low in lex.complementizers:
                return None
            if not word(x):
                break
        if k == i0:
            m = mention_in(np_after(toks, k + 1, lex), lex, text, ents)
        elif appositive:
            comma = next(n for n in range(i0, k) if toks[n].text == ",")
            m = mention_in(toks[i0:comma], lex, text, ents, last=True)
        else:
            m = mention_in(toks[i0:k], lex, text, ents, last=True)
        return t.text, m, t.start
    return None


def _sentence_start(doc: Doc, starts: list[int], pos: int, para_start: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return max(starts[i] if i >= 0 else 0, para_start)


class QuoteStage:
    name = "quotes"
    requires: tuple[str, ...] = ("sentences", "entities", "timexes")
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon(doc.lang or doc.article.lang)
        text = doc.text
        paragraphs = doc.paragraphs or [(0, len(text))]
        sentences = doc.sentences or paragraphs
        ents = EntityIndex([*doc.entities, *getattr(doc, "mentions", [])])
        starts = [s for s, _ in sentences]
        groups = find_groups(text, paragraphs, lex)
        groups = self._merge(text, groups, lex, ents)
        for g in groups:
            self._classify(doc, g, lex, ents, starts)
        hits = [self._direct_hit(text, g) for g in groups if g.speech]
        quoted = [(s, e) for g in groups for s, e in g.segs]
        hits += find_reported(text, sentences, lex, ents, quoted, [g for g in groups if g.speech])
        hits.sort(key=lambda h: h.start)
        resolver = Resolver(doc, lex, ents)
        for h in hits:
            pos = h.mention.start if h.mention else h.start
            speaker = resolver.resolve(h.mention, pos)
            lo = min(h.start, h.cue_pos) if h.cue_pos >= 0 else h.start
            doc.quotes.append(Quote(h.start, h.end, h.text, h.direct, h.cue, speaker, date_for(doc, lo, h.end)))
        return doc

    def _merge(self, text: str, groups: list[Group], lex: Lexicon, ents: EntityIndex) -> list[Group]:
        """Join a quote interrupted by its attribution („…,” zei hij, „…”) into one group; across a
        full stop ("“…,” he said. “…”") only when the second part has no attribution of its own."""
        out: list[Group] = []
        for g in groups:
            prev = out[-1] if out else None
            if prev is not None and prev.para == g.para and prev.end <= g.start:
                between = tokens(text, prev.end, g.start, lex)
                nwords = sum(1 for t in between if t.text[0].isalnum())
                if 0 < nwords <= 8 and not any(t.text in ("?", "!") for t in between):
                    attr = _attribution(between, lex, text, ents)
                    own_sentence = between[-1].text in _TERMINAL
                    if attr is not None and not (own_sentence and self._after(text, g, lex, ents, False)):
                        prev.segs += g.segs
                        prev.end = g.end
                        prev.attr, prev.attr_after = attr, True
                        continue
            out.append(g)
        return out

    def _classify(self, doc: Doc, g: Group, lex: Lexicon, ents: EntityIndex, starts: list[int]) -> None:
        """Speech or not, and who said it as far as the words around the quote tell."""
        text = doc.text
        inner = group_text(text, g)
        nwords = len(inner.split())
        if nwords == 0:
            return
        s0 = _sentence_start(doc, starts, g.start, g.para[0])
        s0 = max(s0, text.rfind("\n", 0, g.start) + 1)
        pre = tokens(text, s0, g.start, lex)
        cut = max((k + 1 for k, t in enumerate(pre) if t.text in _TERMINAL or t.text in ("”", "»")), default=0)
        pre = pre[cut:]
        pre_words = [t for t in pre if t.text[0].isalnum()]
        if pre_words and pre_words[-1].low in lex.title_signals:
            return
        if g.attr is None:
            g.attr = self._after(text, g, lex, ents, not pre_words)
            g.attr_after = g.attr is not None
        if g.attr is not None:
            g.speech = True
            return
        colon = bool(pre) and pre[-1].text == ":"
        cue_idx = next((k for k in range(len(pre) - 1, -1, -1) if cue_at(pre, k, lex)), None)
        if cue_idx is not None:
            g.attr = (pre[cue_idx].text, clause_speaker(pre, cue_idx, lex, text, ents), pre[cue_idx].start)
            g.speech = nwords >= 2 or colon or inner.rstrip()[-1:] in _TERMINAL
            return
        if colon and 0 < len(pre_words) <= 4:
            g.attr = ("", mention_in(pre_words, lex, text, ents, last=True), -1)
            g.speech = True
            return
        last_char = inner.rstrip()[-1:]
        if colon or (not pre_words and (nwords >= 3 or last_char in _TERMINAL)) or nwords >= MIN_WORDS:
            g.speech = True
            if pre_words:
                g.attr = ("", _subject(pre_words, lex, text, ents), -1)

    def _after(self, text: str, g: Group, lex: Lexicon, ents: EntityIndex,
               starts_sentence: bool) -> tuple[str, Mention | None, int] | None:
        """The attribution after the closing mark, up to the end of its sentence; or a
        name-and-role line under a pull quote that fills its own paragraph."""
        pe = g.para[1]
        line_end = text.find("\n", g.end, pe)
        tail = tokens(text, g.end, min(pe if line_end < 0 else line_end, g.end + 200), lex)
        cut = []
        for t in tail:
            if t.text in _TERMINAL or t.text == ":" or t.text in lex.marks:
                break
            cut.append(t)
        words = [t for t in cut if t.text[0].isalnum()]
        if not words:
            return None
        attr = _attribution(cut, lex, text, ents)
        if attr is not None:
            return attr
        rest_is_punct = all(not t.text[0].isalnum() for t in tail[len(cut):])
        dash = tail[0].text in _DASHES
        if (starts_sentence or dash) and rest_is_punct and len(words) <= 12 and words[0].text[0].isupper():
            comma = next((k for k, t in enumerate(cut) if t.text == ","), len(cut))
            name = [t for t in cut[:comma] if t.text[0].isalnum()]
            return None if not name else ("", mention_in(name, lex, text, ents), -1)
        return None

    def _direct_hit(self, text: str, g: Group) -> Hit:
        cue, mention, cue_pos = g.attr if g.attr else (None, None, -1)
        return Hit(g.start, g.end, group_text(text, g), True, cue or None, mention, cue_pos, groups=[g])


def cue_at(toks: list[Tok], k: int, lex: Lexicon) -> str | None:
    """The cue lemma of toks[k], unless a blocker makes it a noun or infinitive, or it is negated."""
    lemma = lex.cue(toks[k].low)
    if lemma is None or (k > 0 and toks[k - 1].low in lex.cue_blockers) or _negated(toks, k, lex):
        return None
    particles = lex.particles.get(lemma)
    if particles and not any(x.low in particles for x in toks[max(0, k - 3):k + 8]):
        return None
    return lemma


def _negated(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    near = toks[max(0, k - 2):k] + toks[k + 1:k + 3]
    return any(t.low in lex.negations or t.low.endswith(("n't", "n’t")) for t in near)


def _subject(words: list[Tok], lex: Lexicon, text: str, ents: EntityIndex) -> Mention | None:
    """Who a sentence is about, for a quote with no cue: its first entity, pronoun or role noun phrase."""
    m = mention_in(words, lex, text, ents)
    if m is not None and m.kind in ("entity", "pronoun"):
        return m
    for k, t in enumerate(words):
        if t.low in lex.roles:
            lo = k
            while lo > 0 and k - lo < 3 and words[lo - 1].low not in lex.prepositions and lex.cue(words[lo - 1].low) is None:
                lo -= 1
                if words[lo].low in lex.determiners:
                    break
            return Mention(words[lo].start, t.end, text[words[lo].start:t.end], "np")
    return None


def clause_speaker(toks: list[Tok], ci: int, lex: Lexicon, text: str, ents: EntityIndex) -> Mention | None:
    """The speaker of the cue at toks[ci]: the subject before it, or after it when the clause
    is inverted (Dutch V2: "Zaterdag zei hij", "Op X voegde hij eraan toe")."""
    cs = ci
    while cs > 0 and toks[cs - 1].text not in _BREAKS:
        cs -= 1
    if cs > 0 and toks[ci].low.endswith(lex.participles):
        return _subject([t for t in toks[:cs] if word(t)][:8], lex, text, ents)
    own = lex.particles.get(lex.cue(toks[ci].low) or "", frozenset())
    pre = [t for t in toks[cs:ci] if t.text[0].isalnum() and t.low not in own]
    core = [t for t in pre if t.low not in lex.adverbs and t.low not in lex.auxiliaries]
    if not pre and cs > 1 and toks[cs - 1].text == "," and not lex.verb_second:
        return _appositive(toks, cs - 1, lex, text, ents)
    after = np_after(toks, ci + 1, lex)
    if not core or core[0].low in lex.prepositions:
        m = mention_in(after, lex, text, ents) if after else None
        return m or (mention_in(pre, lex, text, ents, last=True) if pre else None)
    return mention_in(pre, lex, text, ents)


def _appositive(toks: list[Tok], comma: int, lex: Lexicon, text: str, ents: EntityIndex) -> Mention | None:
    """The subject before an appositive: "The chairman, Phil Lovas, said" -> Phil Lovas."""
    end = comma
    for _ in range(2):
        start = end
        while start > 0 and toks[start - 1].text not in _BREAKS:
            start -= 1
        chunk = [t for t in toks[start:end] if word(t)]
        m = mention_in(chunk, lex, text, ents, last=True) if 0 < len(chunk) <= 9 else None
        if m is not None or start == 0 or toks[start - 1].text != ",":
            return m
        end = start - 1
    return None


def _content_end(toks: list[Tok], j: int, lex: Lexicon) -> int:
    """Where a reported clause starting at toks[j] stops: the sentence end, or a comma or
    'en/and' that opens another attribution (", zo zei hij", "en kondigde aan")."""
    k = j
    while k < len(toks):
        t = toks[k]
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        if t.text == ";":
            return k
        if t.text == "," and (lex.cue(nxt) or nxt in lex.joiners and k + 2 < len(toks) and lex.cue(toks[k + 2].low)
                              or nxt in lex.after_only or any(a[0] == nxt for a in lex.according)):
            return k
        if t.low in lex.joiners and lex.cue(nxt) and k > j:
            return k
        k += 1
    return k


def _according(toks: list[Tok], lex: Lexicon) -> tuple[int, int] | None:
    for a in lex.according:
        for k in range(len(toks) - len(a) + 1):
            if toks[k].low == a[0] and all(toks[k + n].low == a[n] for n in range(1, len(a))):
                return k, k + len(a)
    return None


def find_reported(text: str, sentences: list[tuple[int, int]], lex: Lexicon, ents: EntityIndex,
                  quoted: list[tuple[int, int]], speech: list[Group]) -> list[Hit]:
    """Reported speech: cue + dat/that-clause, te/to-infinitive, inverted '…, meldden media',
    'volgens X' / 'according to X' and 'aldus X'. The content is the reported clause.
    Only sentences with a cue word anywhere are tokenized (one regex pass over the text)."""
    hits: list[Hit] = []
    qstarts = [s for s, _ in quoted]
    starts = [s for s, _ in sentences]
    spent = {g.attr[2] for g in speech if g.attr_after and g.attr}

    def inside_quote(pos: int) -> bool:
        i = bisect.bisect_right(qstarts, pos) - 1
        return i >= 0 and quoted[i][0] <= pos < quoted[i][1]

    todo = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in lex.cue_re.finditer(text.lower())
                   if not inside_quote(m.start())} - {-1})
    for si in todo:
        s, e = sentences[si]
        toks = []
        for a, b in _outside(s, e, quoted, qstarts):
            toks += tokens(text, a, b, lex)
        if len(toks) < 3:
            continue
        taken = -1
        acc = _according(toks, lex)
        if acc is not None:
            hit = _according_hit(toks, acc, lex, text, ents)
            if hit:
                hits.append(hit)
                taken = len(toks)
        for ci, t in enumerate(toks):
            if ci <= taken or t.low not in lex.cue_lemma or t.start in spent:
                continue
            lemma = cue_at(toks, ci, lex)
            if lemma is None:
                continue
            hit = _after_clause(toks, ci, lex, text, ents) or _forward(toks, ci, lemma, lex, text, ents)
            if hit is not None:
                hits.append(hit)
                taken = max(ci, _index_at(toks, hit.end))
    return [h for h in hits if _keep(h, speech, text)]


def _outside(s: int, e: int, quoted: list[tuple[int, int]], qstarts: list[int]) -> list[tuple[int, int]]:
    """The parts of [s, e) outside quoted text."""
    out = []
    i = max(0, bisect.bisect_right(qstarts, s) - 1)
    while i < len(quoted) and quoted[i][0] < e:
        qs, qe = quoted[i]
        if qe > s:
            if qs > s:
                out.append((s, qs))
            s = max(s, qe)
        i += 1
    if s < e:
        out.append((s, e))
    return out


def _index_at(toks: list[Tok], pos: int) -> int:
    return max((k for k, t in enumerate(toks) if t.start < pos), default=0)


def _keep(h: Hit, speech: list[Group], text: str) -> bool:
    """A reported clause that is mostly a direct quote is that quote, already recorded."""
    words = len(h.text.split()) or 1
    inside = sum(len(group_text(text, g).split()) for g in speech if g.start >= h.start - 1 and g.end <= h.end + 1)
    return inside * 2 < words


def _span_hit(toks: list[Tok], a: int, b: int, text: str, cue: Tok, m: Mention | None) -> Hit | None:
    while b > a and not toks[b - 1].text[0].isalnum() and toks[b - 1].text not in ("”", "’", '"', "'"):
        b -= 1
    if b - a < 2:
        return None
    start, end = toks[a].start, toks[b - 1].end
    return Hit(start, end, text[start:end], False, cue.text, m, cue.start)


def _after_clause(toks: list[Tok], ci: int, lex: Lexicon, text: str, ents: EntityIndex) -> Hit | None:
    """'<content>, meldden Amerikaanse media' / '<content>, sources said' / '<content>, aldus X'."""
    k = ci - 1
    while k >= 0 and ci - k <= 5 and toks[k].text != ",":
        if not toks[k].text[0].isalnum():
            return None
        k -= 1
    if k < 2 or toks[k].text != "," or toks[ci].low.endswith(lex.participles):
        return None
    tail = toks[ci + 1:]
    stop = next((n for n, t in enumerate(tail) if t.text in _TERMINAL or t.text in ",:;"), len(tail))
    if stop > 8 or any(t.low in lex.complementizers for t in tail[:stop]):
        return None
    if stop < len(tail) and tail[stop].text in ":;":
        return None
    gap_end = tail[stop].start if stop < len(tail) else toks[-1].end
    if any(c in _OPENERS for c in text[toks[ci].end:gap_end]):
        return None
    between = [t for t in toks[k + 1:ci] if t.low not in lex.joiners]
    m = mention_in(between, lex, text, ents) if between else mention_in(np_after(toks, ci + 1, lex), lex, text, ents)
    start = 0
    for n in range(k - 1, -1, -1):
        if toks[n].text in (":", ";"):
            start = n + 1
            break
    first = next((t for t in toks[start:k] if t.low not in lex.joiners), None)
    if first is None or first.low in lex.prepositions or sum(1 for t in toks[start:k] if word(t)) < 4:
        return None
    return _span_hit(toks, start, k, text, toks[ci], m)


def _forward(toks: list[Tok], ci: int, lemma: str, lex: Lexicon, text: str, ents: EntityIndex) -> Hit | None:
    """'<speaker> <cue> … dat/that <content>', the te/to-infinitive, or English 'said he would'."""
    if lemma in lex.after_only:
        return None
    m = clause_speaker(toks, ci, lex, text, ents)
    j = _infinitive(toks, ci, lemma, m, lex)
    for k in range(ci + 1, min(len(toks), ci + 14) if j is None else 0):
        t = toks[k]
        if t.low in lex.whether and k <= ci + 2:
            return None
        if t.low in lex.complementizers:
            j = k + 1
            break
        if t.text in _TERMINAL or lex.cue(t.low) or t.text in (";", ":"):
            break
    if j is None:
        j = _bare_clause(toks, ci, lemma, m, lex)
    if j is None or j >= len(toks):
        return None
    return _span_hit(toks, j, _content_end(toks, j, lex), text, toks[ci], m)


def _after_speaker(toks: list[Tok], ci: int, m: Mention | None, lex: Lexicon) -> int:
    """The first token after the cue and an inverted speaker and adverbs ("zei hij ook")."""
    j = ci + 1
    if m is not None and j < len(toks) and toks[j].start <= m.start:
        while j < len(toks) and toks[j].end <= m.end:
            j += 1
    while j < len(toks) and toks[j].low in lex.adverbs and toks[j].low not in lex.pronouns:
        j += 1
    return j


def _infinitive(toks: list[Tok], ci: int, lemma: str, m: Mention | None, lex: Lexicon) -> int | None:
    """A te/to-infinitive content right after the cue: 'zei hij open te staan', 'vowed to repeal'."""
    if lemma not in lex.infinitive_cues or not lex.infinitive:
        return None
    j = _after_speaker(toks, ci, m, lex)
    own = lex.particles.get(lemma, frozenset())
    while j < len(toks) and toks[j].low in own:
        j += 1
    for n, t in enumerate(toks[j:j + lex.infinitive_window + 1]):
        if not t.text[0].isalnum() or t.low in lex.complementizers:
            return None
        if t.low == lex.infinitive and j + n + 1 < len(toks) and toks[j + n + 1].text[0].isalpha():
            return j
    return None


def _bare_clause(toks: list[Tok], ci: int, lemma: str, m: Mention | None, lex: Lexicon) -> int | None:
    """Content without a complementizer (English 'said he would')."""
    j = _after_speaker(toks, ci, m, lex)
    if j >= len(toks):
        return None
    if lemma in lex.clause_cues:
        if lemma in lex.object_cues:
            obj = np_after(toks, j, lex)
            j += len(obj)
            if j < len(toks) and toks[j].low in lex.complementizers:
                j += 1
        if j < len(toks) and word(toks[j]) and toks[j].low not in lex.prepositions and toks[j].low != "to":
            if sum(1 for t in toks[j:] if word(t)) >= 4:
                return j
    return None


def _according_hit(toks: list[Tok], acc: tuple[int, int], lex: Lexicon, text: str, ents: EntityIndex) -> Hit | None:
    """'Volgens X is …' / 'According to X, …' / '…, according to X.'"""
    a, b = acc
    src = np_after(toks, b, lex)
    m = mention_in(src, lex, text, ents)
    src_end = b + len(src)
    if a == 0:
        j = src_end + 1 if src_end < len(toks) and toks[src_end].text == "," else src_end
        return _span_hit(toks, j, _content_end(toks, j, lex), text, toks[a], m) if m else None
    if toks[a - 1].text == ",":
        return _span_hit(toks, 0, a - 1, text, toks[a], m) if m else None
    return None
