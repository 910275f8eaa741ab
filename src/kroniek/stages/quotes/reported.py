"""Reported speech: the clause a cue verb reports, and the words that name its speaker.

`X zei dat …`, `zei hij open te staan …`, `…, meldden Amerikaanse media`, `volgens X …`,
`Trump told reporters he would …`, `according to X`: found over tokens of the sentences that
hold a cue word, with the cue lexicon of data/<lang>/quotes.yaml. Used by the quote stage.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from ...model import Entity, SpanIndex, Token
from .attribution import SpeakerMention, mention_in, np_after, word
from .chunks import Chunker
from .lexicon import QuoteLexicon, tokens
from .subjects import (
    agent,
    clause_speaker,
    cue_at,
    fronted_subject,
    opening_subject,
    passive,
    subject,
)

TERMINAL = frozenset(".!?")
_START = attrgetter("start")
OPENERS = frozenset("„“\"«‘")


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None
    mention: SpeakerMention | None
    cue_pos: int
    anonymous: bool = False  # an agentless passive ("Er wordt gevreesd dat"): no one to resolve


def _content_end(toks: list[Token], j: int, lex: QuoteLexicon) -> int:
    """Where a reported clause starting at toks[j] stops: the sentence end, or a comma or
    'en/and' that opens another attribution (", zo zei hij", "en kondigde aan")."""
    n = len(toks)
    for k in range(j, n):
        t = toks[k]
        if t.text == ";":
            return k
        if t.text == ",":
            nxt = toks[k + 1].low if k + 1 < n else ""
            if lex.gerunds and nxt.endswith(lex.gerunds) and nxt not in lex.content_gerunds and k > j:
                return k  # "…a no-deal Brexit, meaning the UK would …": an adjunct of the reporter's
            if (lex.cue(nxt) or nxt in lex.joiners and k + 2 < n and lex.cue(toks[k + 2].low)
                    or nxt in lex.after_only or nxt in lex.relatives or _phrase_at(toks, k + 1, lex.according)):
                return k
        elif t.low in lex.joiners and k > j and any(_next_cue(toks, x, lex) for x in range(k + 1, min(n, k + 4))):
            return k
    return max(j, n)


def _phrase_at(toks: list[Token], k: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of the phrases (word tuples) starts at toks[k]."""
    return any(k + len(a) <= len(toks) and all(toks[k + n].low == w for n, w in enumerate(a)) for a in phrases)


def _next_cue(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """A cue that opens another attribution ("… and added"), not a verb with an infinitive of its
    own ("… and continued to attack others")."""
    lemma = lex.cue(toks[k].low)
    return lemma is not None and not (k + 1 < len(toks) and toks[k + 1].low == lex.infinitive
                                      and lemma not in lex.infinitive_cues)


def _reported_before(toks: list[Token], a: int, lex: QuoteLexicon) -> bool:
    """A cue and its complementizer before toks[a]: a 'volgens' there is inside what the cue reports
    ("kon hij meedelen dat de wet volgens de regels verliep"), the cue's to attribute."""
    dat = next((k for k in range(a) if toks[k].low in lex.complementizers), None)
    return dat is not None and any(toks[k].low in lex.cue_lemma and cue_at(toks, k, lex) for k in range(dat))


def _according(toks: list[Token], lex: QuoteLexicon, sentence: str) -> tuple[int, int] | None:
    """Where 'volgens' / 'according to' / 'in de visie van' stands in the tokens of `sentence` (which,
    lower-cased, must hold its longest word: a test in C before one in Python)."""
    for a in lex.according:
        if max(a, key=len) not in sentence:
            continue
        for k in range(len(toks) - len(a) + 1):
            if toks[k].low == a[0] and all(toks[k + n].low == a[n] for n in range(1, len(a))):
                return k, k + len(a)
    return None


def find_reported(text: str, sentences: list[tuple[int, int]], lex: QuoteLexicon, ents: SpanIndex[Entity],
                  quoted: list[tuple[int, int]], speech: list[tuple[int, int]], spent: set[int],
                  chunker: Chunker | None = None, cues: list[tuple[int, int]] | None = None) -> list[Hit]:
    """Reported speech: cue + dat/that-clause, te/to-infinitive, inverted '…, meldden media',
    'volgens X' / 'according to X' and 'aldus X'. The content is the reported clause.
    Only sentences with a cue word anywhere are tokenized (one regex pass over the text).
    `speech` holds the direct quotes as (start, end); `spent` the offsets of cues that
    already attribute one of them; `chunker` ends a source's noun phrase at its verb; `cues`, when
    given, gets where every cue word outside quotes stands (the speaker resolver reads them too)."""
    hits: list[Hit] = []
    qstarts = [s for s, _ in quoted]
    starts = [s for s, _ in sentences]
    found: set[int] = set()
    for m in _unquoted_cues(text, quoted, lex):
        pos = m.start()
        if cues is not None:
            cues.append(m.span())
        i = bisect.bisect_right(qstarts, pos) - 1
        if (i < 0 or not quoted[i][0] <= pos < quoted[i][1]) and not _name_part(text, m.group(), pos, lex):
            found.add(bisect.bisect_right(starts, pos) - 1)
    cue_lemma = lex.cue_lemma
    for si in sorted(found - {-1}):
        s, e = sentences[si]
        toks = []
        for a, b in _outside(s, e, quoted, qstarts):
            toks += tokens(text, a, b, lex)
        if len(toks) < 3:
            continue
        taken = -1
        low = text[s:e].lower()
        acc = _according(toks, lex, low)
        own = _own_account(toks, lex, low) if acc is None else None
        hit = None
        if own is not None:
            hit = _own_account_hit(toks, own, lex, text, ents)
        elif acc is not None and not _reported_before(toks, acc[0], lex):
            hit = _according_hit(toks, acc, lex, text, ents, chunker)
        if hit:
            hits.append(hit)
            taken = len(toks)
        for ci, t in enumerate(toks):
            if t.low not in cue_lemma or ci <= taken or t.start in spent or lex.cue_lemma[t.low] in lex.direct_only:
                continue
            lemma = cue_at(toks, ci, lex)
            if lemma is None:
                continue
            hit = (_anaphoric(toks, ci, si, sentences, lex, text, ents) or _after_clause(toks, ci, lex, text, ents, chunker)
                   or _forward(toks, ci, lemma, lex, text, ents))
            if hit is not None:
                hits.append(hit)
                taken = max(ci, _index_at(toks, hit.end))
    speech = sorted(speech)
    return [h for h in hits if _keep(h, speech)]


def _unquoted_cues(text: str, quoted: list[tuple[int, int]], lex: QuoteLexicon) -> Iterator[re.Match[str]]:
    """Cue words in the gaps between quoted spans (a fifth of a news text is quoted): a cue word
    cannot run over a gap's end, which is always just after an opening mark or a speaker label."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would drift
        yield from lex.cue_re.finditer(low)
        return
    gap = 0
    for qs, qe in [*quoted, (len(low), len(low))]:
        if gap < qs:
            yield from lex.cue_re.finditer(low, gap, qs)
        gap = qe


def _name_part(text: str, form: str, pos: int, lex: QuoteLexicon) -> bool:
    """A capitalised cue form where verbs do not open sentences ("United States"): no cue (cue_at)."""
    return not lex.verb_second and text[pos].isupper() and form in lex.cue_lemma


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


def _index_at(toks: list[Token], pos: int) -> int:
    """The last token starting before pos (0 if none), by binary search."""
    return max(bisect.bisect_left(toks, pos, key=_START) - 1, 0)


def _keep(h: Hit, speech: list[tuple[int, int]]) -> bool:
    """One statement, one record: a reported clause around or running into a direct (partial)
    quote ('said the situation had "a lot of adrenaline …"') is left to that quote, which keeps the
    speaker's own words (docs/quotes.md, "One record")."""
    i = bisect.bisect_left(speech, (h.start - 1,))  # speech is sorted: only quotes starting in the clause
    return i == bisect.bisect_right(speech, (h.end + 1, float("inf")))


def _span_hit(toks: list[Token], a: int, b: int, text: str, cue: Token, m: SpeakerMention | None) -> Hit | None:
    while b > a and not toks[b - 1].text[0].isalnum() and toks[b - 1].text not in ("”", "’", '"', "'"):
        b -= 1
    if b - a < 2:
        return None
    start, end = toks[a].start, toks[b - 1].end
    return Hit(start, end, text[start:end], False, cue.text, m, cue.start)


def _anaphoric(toks: list[Token], ci: int, si: int, sentences: list[tuple[int, int]], lex: QuoteLexicon, text: str,
               ents: SpanIndex[Entity]) -> Hit | None:
    """'Dat meldt het ANP.': the cue's content is the sentence before; so in the perfect, the speaker
    between auxiliary and participle ('Dat heeft premier De Croo dinsdag bekendgemaakt.')."""
    if ci == 0 or toks[0].low not in lex.anaphors or si == 0:
        return None
    if any(t.low not in lex.auxiliaries for t in toks[1:ci]):
        perfect = len(toks) > 3 and toks[1].low in lex.auxiliaries and lex.verb_second \
            and all(not word(t) for t in toks[ci + 1:])  # the cue ends the clause, as a participle does
        m = mention_in(np_after(toks, 2, lex), lex, text, ents) if perfect else None
    else:
        m = agent(toks, ci, lex, text, ents) or mention_in(np_after(toks, ci + 1, lex), lex, text, ents)
    s, e = sentences[si - 1]
    body = text[s:e].rstrip()
    if m is None or len(body.split()) < 3 or body[:1] in OPENERS:
        return None
    return Hit(s, s + len(body), body, False, toks[ci].text, m, toks[ci].start)


def _after_clause(toks: list[Token], ci: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity],
                  chunker: Chunker | None = None) -> Hit | None:
    """'<content>, meldden Amerikaanse media' / '<content>, sources said' / '<content>, aldus X', and
    the parenthetical attribution after a short lead ('In between, she testified, she was …').
    A lone lower-case word after the cue that is no noun ("…, reageerden ontgoocheld", "…, denkt er
    zo over") leaves the cue's subject before the comma: nothing is reported."""
    k = ci - 1
    while k >= 0 and ci - k <= 5 and toks[k].text != ",":
        if not toks[k].text[0].isalnum():
            return None
        k -= 1
    if k < 1 or toks[k].text != "," or toks[ci].low.endswith(lex.participles):
        return None
    if lex.verb_second and (opening_subject(toks, k, lex, text, ents) is not None
                            or not any(t.text in ",;:" for t in toks[:k])
                            and fronted_subject(toks[:k + 1], lex, text, ents, relative=True) is not None):
        return None  # "Brouwerij Maes, vroeger Maes Bieren, meldt orders", "Het geld dat …, bevestigt": a fronted subject
    tail = toks[ci + 1:]
    stop = next((n for n, t in enumerate(tail) if t.text in TERMINAL or t.text in ",:;"
                 or n > 0 and t.low in lex.joiners and lex.verb_second), len(tail))  # ", zei Peeters kalm | en …"
    if stop > 8 or any(t.low in lex.complementizers for t in tail[:stop]):
        return None
    if stop < len(tail) and tail[stop].text in ":;":
        return None
    gap_end = tail[stop].end + 3 if stop < len(tail) else toks[-1].end
    if any(c in OPENERS for c in text[toks[ci].end:gap_end].split("\n", 1)[0]):  # not the next paragraph's mark
        return None  # "…, said, “…”" introduces a direct quote
    between = [t for t in toks[k + 1:ci] if t.low not in lex.joiners]
    if any(t.low in lex.auxiliaries and lex.verb_second or t.low in lex.negations or t.low in lex.reflexives for t in between) \
            or between and between[0].low in lex.relatives:
        return None  # "…, zullen zich niet meer herhalen" (verb final), "De chauffeur, die de fout toegaf, …"
    after = np_after(toks, ci + 1, lex) if not between else []
    if lex.verb_second and not between and not after:
        return None  # "Vermeulen werkte als bakker, schreef voor een weekblad": a coordinated verb, its subject before
    if after and not lex.verb_second and after[0].text[0].isupper() and not all(t.text[0].isupper() for t in after):
        return None  # "announced Avenatti intended to …": a name then a verb is a clause, not a speaker
    lemma = lex.cue(toks[ci].low) or ""
    own = lex.particles.get(lemma, frozenset())
    hearer = np_after(toks, ci + 1, lex) if between and lemma in lex.object_cues else []  # "…, officials told state media"
    rest = [t for t in tail[len(after) + len(hearer):stop] if word(t) and t.low not in own]
    if rest and rest[0].low not in lex.prepositions and not (len(rest) <= 2 and rest[0].low in lex.adverbs):
        return None  # "…, said parents still want …" is a forward clause, not an inverted attribution
    if len(after) == 1 and after[0].text[0].islower() and after[0].low not in lex.pronouns \
            and chunker is not None and not chunker.nominal(after[0]):
        return None
    m = mention_in(between, lex, text, ents) if between else mention_in(after, lex, text, ents)
    start = 0
    for n in range(k - 1, -1, -1):
        if toks[n].text in (":", ";"):
            start = n + 1
            break
    first = next((t for t in toks[start:k] if t.low not in lex.joiners), None)
    lead = sum(1 for t in toks[start:k] if word(t))
    j = ci + 2 + stop
    if lead < 3 and stop < len(tail) and tail[stop].text == "," and (not rest or rest[0].low in lex.prepositions) \
            and m is not None and sum(1 for t in toks[j:] if word(t)) >= 3 and finite_clause(toks, j, lex):
        hit = _span_hit(toks, j, _content_end(toks, j, lex), text, toks[ci], m)  # "In between, she testified, she was …"
        if hit is not None and lex.verb_second and lead:  # "Het land, zo zegt X, is …": the lead opens the clause
            s = toks[start].start
            hit.text, hit.start = f"{text[s:toks[k - 1].end]} {hit.text}", s
        return hit
    if first is None or (first.low in lex.prepositions and not lex.verb_second) or lead < 3:
        return None  # "In a statement, the ministry said" has no content before the comma
    hit = _span_hit(toks, start, k, text, toks[ci], m)
    if hit is None or stop == len(tail) or tail[stop].text != "," or rest or not _continues(toks, j, lex):
        return hit
    more = _span_hit(toks, j, _content_end(toks, j, lex), text, toks[ci], m)  # "The bridge, officials said, will open"
    return hit if more is None else Hit(hit.start, more.end, f"{hit.text} {more.text}", False, hit.cue, m, hit.cue_pos)


def _continues(toks: list[Token], j: int, lex: QuoteLexicon) -> bool:
    """Whether the words after a parenthetical attribution go on with the clause before it (", officials
    said, will open in May"): three words or more, opening in lower case with no preposition,
    conjunction, relative or gerund (", he said, in a statement" and ", he said, adding …" are his)."""
    words = [t for t in toks[j:j + 3] if word(t)]
    if len(words) < 3 or words[0] is not toks[j]:
        return False
    low = toks[j].low
    return toks[j].text[0].islower() and low not in lex.prepositions and low not in lex.joiners \
        and low not in lex.relatives and low not in lex.whether and low not in lex.subordinators \
        and not (low.endswith(lex.gerunds) and low not in lex.content_gerunds)


def _forward(toks: list[Token], ci: int, lemma: str, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> Hit | None:
    """'<speaker> <cue> … dat/that <content>', the te/to-infinitive, or English 'said he would'."""
    if lemma in lex.after_only:
        return None
    m = clause_speaker(toks, ci, lex, text, ents)
    j = _infinitive(toks, ci, lemma, m, lex)
    if j is None and lemma in lex.clause_cues and lemma not in lex.object_cues:
        nxt = _after_speaker(toks, ci, m, lex)
        if nxt < len(toks) and word(toks[nxt]) and toks[nxt].low not in lex.prepositions \
                and toks[nxt].low not in lex.complementizers:
            j = _bare_clause(toks, ci, lemma, m, lex)  # "said officials are …": a later 'that' is a relative
    for k in range(ci + 1, min(len(toks), ci + 14) if j is None else 0):
        t = toks[k]
        if t.low in lex.whether and k <= ci + 2:
            return None
        if t.low in lex.complementizers:
            j = k + 1
            break
        if t.low in lex.content_preps.get(lemma, ()) and k + 1 < len(toks) and (
                not lex.gerunds and toks[k + 1].low not in lex.complementizers or toks[k + 1].low.endswith(lex.gerunds)):
            j = k + 1  # "accused Hamas on Thursday of reneging on …", "wezen op de juist gebleken aanpak"
            break
        if t.text in TERMINAL or lex.cue(t.low) or t.text in (";", ":"):
            break
    if j is None:
        j = _bare_clause(toks, ci, lemma, m, lex)
    if j is None or j >= len(toks):
        return None
    hit = _span_hit(toks, j, _content_end(toks, j, lex), text, toks[ci], m)
    if hit is not None and m is None:
        hit.anonymous = passive(toks, ci, lex)
    return hit


def _after_speaker(toks: list[Token], ci: int, m: SpeakerMention | None, lex: QuoteLexicon) -> int:
    """The first token after the cue and an inverted speaker and adverbs ("zei hij ook")."""
    j = ci + 1
    if m is not None and j < len(toks) and toks[j].start <= m.start:
        while j < len(toks) and toks[j].end <= m.end:
            j += 1
    while j < len(toks) and toks[j].low in lex.adverbs and toks[j].low not in lex.pronouns \
            and not (toks[j].low in lex.determiners and j + 1 < len(toks) and toks[j + 1].low not in lex.adverbs):
        j += 1  # "said this week he …" skips "this week"; "said this is a ploy" keeps "this"
    return j


def _infinitive(toks: list[Token], ci: int, lemma: str, m: SpeakerMention | None, lex: QuoteLexicon) -> int | None:
    """A te/to-infinitive content right after the cue: 'zei hij open te staan', 'vowed to repeal'."""
    if lemma not in lex.infinitive_cues or not lex.infinitive:
        return None
    j = _after_speaker(toks, ci, m, lex)
    if lemma in lex.object_cues:
        j += len(np_after(toks, j, lex))  # "urged voters | to stay calm"
    own = lex.particles.get(lemma, frozenset())
    while j < len(toks) and toks[j].low in own:
        j += 1
    for n, t in enumerate(toks[j:j + lex.infinitive_window + 1]):
        if not t.text[0].isalnum() or t.low in lex.complementizers:
            return None
        if t.low == lex.infinitive and j + n + 1 < len(toks) and _verb_like(toks[j + n + 1], lex):
            return j
    return None


def _verb_like(t: Token, lex: QuoteLexicon) -> bool:
    """A word that can be the verb after te/to: not a determiner, pronoun or name. "Agreed to a
    ceasefire" has a noun object, not a stated content ("vowed to repeal" has)."""
    return t.text[0].isalpha() and t.text[0].islower() and t.low not in lex.determiners \
        and t.low not in lex.pronouns


def _bare_clause(toks: list[Token], ci: int, lemma: str, m: SpeakerMention | None, lex: QuoteLexicon) -> int | None:
    """Content without a complementizer (English 'said he would')."""
    j = _after_speaker(toks, ci, m, lex)
    if j >= len(toks):
        return None
    if lemma in lex.clause_cues:
        if lemma in lex.object_cues:
            obj = np_after(toks, j, lex)
            cut = next((n for n in range(1, len(obj)) if obj[n].low in lex.determiners), len(obj))
            j += cut  # "told reporters | the talks had failed": a determiner opens the clause's subject
            if j < len(toks) and toks[j].low in lex.complementizers:
                j += 1
        if j + 1 < len(toks) and toks[j].low in lex.prepositions and toks[j + 1].low in lex.adverbs \
                and toks[j + 1].low not in lex.determiners:
            j += 2  # "indicated on Monday the chances … were": a time phrase, then the clause
        elif j < len(toks) and toks[j].low in lex.prepositions:  # "said after the convention he would"
            j = next((n for n in range(j + 1, min(len(toks), j + 6)) if toks[n].low in lex.pronouns), len(toks))
        if j < len(toks) and word(toks[j]) and toks[j].low not in lex.prepositions and toks[j].low != lex.infinitive \
                and sum(1 for x in toks[j:] if word(x)) >= 3 and finite_clause(toks, j, lex):
            return j
    return None


def finite_clause(toks: list[Token], j: int, lex: QuoteLexicon) -> bool:
    """A bare clause needs a subject and a verb, not just a noun object ("claimed credit for the
    deal"): it opens with a pronoun ("it's", "she'll" too), or within the next words, before a
    break, comes an auxiliary, a negation or a past form, or a present form ("Trump represents")
    before any preposition and not after a determiner (a plural noun: "the allegations")."""
    if toks[j].low.replace("’", "'").split("'")[0] in lex.pronouns:
        return True
    head = True  # no preposition seen yet
    for n, t in enumerate(toks[j:j + 12]):
        if t.text in TERMINAL or t.text in ",;:()–—":
            return False
        if not word(t):
            continue  # quote marks around a partial quote
        low = t.low
        if low in lex.auxiliaries or low in lex.negations or lex.cue(low) or low.endswith(lex.finite_suffixes):
            return True
        head = head and low not in lex.prepositions
        if head and n > 0 and low.endswith(lex.present_suffixes) and toks[j + n - 1].low not in lex.determiners:
            return True
    return False


def _according_hit(toks: list[Token], acc: tuple[int, int], lex: QuoteLexicon, text: str, ents: SpanIndex[Entity],
                   chunker: Chunker | None = None) -> Hit | None:
    """'Volgens X is …' / 'According to X, …' / '…, according to X.' The source's words end at the
    clause's verb ("Volgens een woordvoerder van de politie | raakte niemand gewond")."""
    a, b = acc
    src = np_after(toks, b, lex)
    b = next((i for i in range(b, len(toks)) if toks[i] is src[0]), b) if src else b  # past skipped adverbs ("volgens slechts enkele buren")
    k = b + len(src)
    ended = k < len(toks) and not word(toks[k]) and not lex.verb_second  # English sources end at their comma
    if chunker is not None and src and not ended and not (k < len(toks) and toks[k].text == ",") \
            and not (a > 0 and toks[a - 1].text == ","):
        # no comma ends it, and it is not the trailing "…, volgens de politie.": the clause may go on inside it
        if k + 1 < len(toks) and toks[k].low == lex.genitive and toks[k + 1].text[0].islower():
            src = src + toks[k:k + 1] + np_after(toks, k + 1, lex)  # "de woordvoerster van justitie"
        src = chunker.noun_phrase(src, lex)
    if chunker is not None and lex.verb_second and a == 0 and k < len(toks) and toks[k].low in lex.prepositions:
        seg = list(itertools.takewhile(word, toks[b:b + 12]))
        cut = chunker.noun_phrase(seg, lex)  # "Volgens de politie in Gent | is …": one constituent before the verb
        src = cut if len(src) < len(cut) < len(seg) else src
    if len(src) == 1 and src[0].low in lex.object_pronouns:  # "volgens hem", "according to her"
        m: SpeakerMention | None = SpeakerMention(src[0].start, src[0].end, src[0].text, "pronoun")
    else:
        m = mention_in(src, lex, text, ents)
    src_end = b + len(src)
    maker = _maker(toks, src, lex)
    if maker:  # "according to a poll published by NBC News": the pollster
        m = mention_in(maker, lex, text, ents) or m
        src_end = toks.index(maker[-1]) + 1
    if a == 0 or (toks[a - 1].low in lex.joiners and a > 3):  # "… and according to X he died …": X's is the second clause
        src_end = _modifier_end(toks, src_end, lex)
        j = src_end + 1 if src_end < len(toks) and toks[src_end].text == "," else src_end
        return _span_hit(toks, j, _content_end(toks, j, lex), text, toks[a], m) if m else None
    if toks[a - 1].text == ",":
        return _aside(toks, a, b, lex, text, ents) or (_span_hit(toks, 0, a - 1, text, toks[a], m) if m else None)
    return _split_hit(toks, a, src_end, lex, text, m) if m else None


def _own_account(toks: list[Token], lex: QuoteLexicon, sentence: str) -> tuple[int, int] | None:
    """Where 'naar eigen zeggen' / 'by his own account' stands in the tokens of `sentence`."""
    for a in lex.own_account:
        if " ".join(a) in sentence:
            return next(((k, k + len(a)) for k in range(len(toks)) if _phrase_at(toks, k, (a,))), None)
    return None


def _own_account_hit(toks: list[Token], own: tuple[int, int], lex: QuoteLexicon, text: str,
                     ents: SpanIndex[Entity]) -> Hit | None:
    """'In totaal deed hij naar eigen zeggen tien telefoontjes': the clause without the phrase,
    said by its subject."""
    a, b = own
    m = subject([t for t in toks[:a] + toks[b:] if word(t)][:8], lex, text, ents)
    if m is None:
        return None
    if a == 0:
        j = b + 1 if b < len(toks) and toks[b].text == "," else b
        hit = _span_hit(toks, j, _content_end(toks, j, lex), text, toks[a], m)
    else:
        hit = _split_hit(toks, a, b, lex, text, m)
    if hit is not None:
        hit.cue = text[toks[a].start:toks[b - 1].end]
    return hit


def _aside(toks: list[Token], a: int, b: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> Hit | None:
    """'The company, according to two people familiar with the talks, will cut jobs': the source runs
    to the comma that closes the aside, and the clause around it is the content, its parts joined."""
    c = next((n for n in range(b, min(len(toks), b + 10)) if not word(toks[n])), len(toks))
    if c == len(toks) or toks[c].text != "," or c == b or not _continues(toks, c + 1, lex):
        return None
    c_src = next((n for n in range(b + 1, c) if toks[n].text[0].islower() and toks[n].low.endswith(lex.participles)
                  and toks[n].low not in lex.content_gerunds), c)  # "a report | citing the mayor's office"
    m = mention_in(toks[b:c_src], lex, text, ents)
    lead = _span_hit(toks, 0, a - 1, text, toks[a], m)
    more = _span_hit(toks, c + 1, _content_end(toks, c + 1, lex), text, toks[a], m)
    if m is None or lead is None or more is None:
        return None
    return Hit(lead.start, more.end, f"{lead.text} {more.text}", False, toks[a].text, m, toks[a].start)


def _modifier_end(toks: list[Token], k: int, lex: QuoteLexicon) -> int:
    """Past what modifies a sentence-opening source up to its comma ("According to a video | posted
    on social media |, people …", "According to the BBC | and NPR |, …"): a participle, a
    preposition or a conjunction first, a comma within eight words; else k."""
    t = toks[k] if k < len(toks) else None
    if t is None or not t.text[0].islower() or not (
            t.low.endswith((*lex.finite_suffixes, *lex.participles)) or t.low in lex.prepositions or t.low in lex.joiners):
        return k
    return next((n for n in range(k + 1, min(len(toks), k + 9)) if toks[n].text == ","), k)


def _maker(toks: list[Token], src: list[Token], lex: QuoteLexicon) -> list[Token]:
    """Who made a document that is the source ("a Twitter post by Amy Cook", "een peiling van X",
    "a poll published by NBC News"): the noun phrase after by/van, else nothing."""
    doc = next((t for t in src if t.low in lex.documents), None)
    if doc is None:
        return []
    first = toks.index(doc) + 1
    for k in range(first, min(len(toks), first + 2)):
        t = toks[k]
        if t.low in lex.agent_preps or t.low == lex.genitive:
            return np_after(toks, k + 1, lex)
        if not word(t) or t.text[0].isupper():
            break
    return []


def _split_hit(toks: list[Token], a: int, b: int, lex: QuoteLexicon, text: str, m: SpeakerMention) -> Hit | None:
    """'Gisteravond telde de luchthaven volgens de Spaanse media achtduizend wachtenden': the clause
    around the source is the content, its two parts joined by a space (FORMAT.md §1)."""
    end = _content_end(toks, b, lex)
    end = next((k for k in range(b, end - 1) if toks[k].text == "," and toks[k + 1].low in lex.joiners), end)
    parts = [(0, a), (b, end)]  # up to ", en …": a second main clause is not the source's
    words = [toks[i] for lo, hi in parts for i in range(lo, hi) if word(toks[i])]
    if len(words) < 3 or not words[0].start < toks[a].start < words[-1].end:
        return None
    segs = [text[toks[lo].start:toks[hi - 1].end] for lo, hi in parts if hi > lo]
    return Hit(words[0].start, words[-1].end, " ".join(segs).strip(" ,"), False, toks[a].text, m, toks[a].start)
