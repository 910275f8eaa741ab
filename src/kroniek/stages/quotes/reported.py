"""Reported speech: the clause a cue verb reports, and the words that name its speaker.

`X zei dat …`, `zei hij open te staan …`, `…, meldden Amerikaanse media`, `volgens X …`,
`Trump told reporters he would …`, `according to X`: found over tokens of the sentences that
hold a cue word, with the cue lexicon of data/<lang>/quotes.yaml. Used by the quote stage.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from operator import attrgetter

from ...model import Entity, SpanIndex, Token
from .according import (
    according_at,
    according_hit,
    own_account_at,
    own_account_hit,
)
from .attribution import SpeakerMention, apposed, mention_in, np_after, word
from .chunks import Chunker
from .hits import (
    OPENERS,
    TERMINAL,
    Hit,
    content_end,
    continues,
    span_hit,
)
from .lexicon import QuoteLexicon, tokens
from .subjects import (
    agent,
    clause_speaker,
    cue_at,
    fronted_subject,
    opening_subject,
    passive,
)

_START = attrgetter("start")


def _reported_before(toks: list[Token], a: int, lex: QuoteLexicon) -> bool:
    """A cue and its complementizer before toks[a]: a 'volgens' there is inside what the cue reports
    ("kon hij meedelen dat de wet volgens de regels verliep"), the cue's to attribute."""
    dat = next((k for k in range(a) if toks[k].low in lex.complementizers), None)
    return dat is not None and any(toks[k].low in lex.cue_lemma and cue_at(toks, k, lex) for k in range(dat))


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
        acc = according_at(toks, lex, low)
        own = own_account_at(toks, lex, low) if acc is None else None
        hit = None
        if own is not None:
            hit = own_account_hit(toks, own, lex, text, ents)
        elif acc is not None and not _reported_before(toks, acc[0], lex):
            hit = according_hit(toks, acc, lex, text, ents, chunker)
        if hit:
            hits.append(hit)
            taken = len(toks)
        if toks[-1].text == "?":
            continue  # "Denkt u dat hij gelijk heeft?": a question asks, it reports no statement
        for ci, t in enumerate(toks):
            if t.low not in cue_lemma or ci <= taken or t.start in spent or lex.cue_lemma[t.low] in lex.direct_only:
                continue
            lemma = cue_at(toks, ci, lex)
            if lemma is None or ci == 0 and len(toks) > 1 and toks[1].low in lex.prepositions:
                continue  # "Gevraagd naar het genoegen dat hij …, repliceerde hij": a participle clause
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


def _anaphoric(toks: list[Token], ci: int, si: int, sentences: list[tuple[int, int]], lex: QuoteLexicon, text: str,
               ents: SpanIndex[Entity]) -> Hit | None:
    """'Dat meldt het ANP.': the cue's content is the sentence before; so in the perfect, the speaker
    between auxiliary and participle ('Dat heeft premier De Croo dinsdag bekendgemaakt.')."""
    if ci == 0 or toks[0].low not in lex.anaphors or si == 0:
        return None
    if any(t.low not in lex.auxiliaries for t in toks[1:ci]):
        rest = [t for t in toks[ci + 1:] if word(t)]  # the cue ends the clause, as a participle does, but
        perfect = len(toks) > 3 and toks[1].low in lex.auxiliaries and lex.verb_second \
            and (not rest or rest[0].low in lex.prepositions)  # for a phrase after it ("na overleg met …")
        m = mention_in(np_after(toks, 2, lex), lex, text, ents) if perfect else None
    else:
        m = agent(toks, ci, lex, text, ents) or mention_in(np_after(toks, ci + 1, lex), lex, text, ents)
    s, e = sentences[si - 1]
    body = text[s:e].rstrip()
    if m is None or len(body.split()) < 3 or body[:1] in OPENERS or m.text.lower() in lex.first_person:
        return None  # "Dat noemen we de vitrines van de stad": the writer names, no one is reported
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
    if lex.verb_second and _apposed_relative(toks, k, lex, text, ents):
        return None  # "De ex-directeur, die gisteren werd gehoord, vindt die rol verdedigbaar": subject, relative, verb
    tail = toks[ci + 1:]
    stop = next((n for n, t in enumerate(tail) if t.text in TERMINAL or t.text in ",:;"
                 or n > 0 and t.low in lex.joiners and lex.verb_second), len(tail))  # ", zei Peeters kalm | en …"
    back = ci - k > 1 and all(t.low in lex.back_joiners for t in toks[k + 1:ci])  # "…, zo bevestigde dat bedrijf"; the
    # attribution after it may run longer ("zo betoogde prins X bij zijn eedaflegging als senator")
    after_only = lex.cue(toks[ci].low) in lex.after_only  # "…, aldus een rapport | dat vorige maand uitkwam": a relative
    if stop > (14 if back else 8) or not after_only and any(t.low in lex.complementizers for t in tail[0 if back else None:stop][1 if back else 0:]):
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
    if back and not after and tail and tail[0].low in lex.determiners:
        after = tail[:1] + np_after(toks, ci + 2, lex)  # "zo bevestigde | dat bedrijf": a demonstrative
    if after and not lex.verb_second and finite_clause([t for t in toks[ci + 1:] if t.low not in lex.possessives], 0, lex):
        return None  # "Trump, who spoke in Ohio, said the debate went well": the cue's clause follows it
    if lex.verb_second and not between and not after:
        return None  # "Vermeulen werkte als bakker, schreef voor een weekblad": a coordinated verb, its subject before
    if after and not lex.verb_second and after[0].text[0].isupper() and not all(t.text[0].isupper() for t in after):
        return None  # "announced Avenatti intended to …": a name then a verb is a clause, not a speaker
    lemma = lex.cue(toks[ci].low) or ""
    own = lex.particles.get(lemma, frozenset())
    hearer = np_after(toks, ci + 1, lex) if between and lemma in lex.object_cues else []  # "…, officials told state media"
    rest = [t for t in tail[len(after) + len(hearer):stop] if word(t) and t.low not in own]
    adjunct = rest[next((n for n, t in enumerate(rest) if t.low not in lex.adverbs or t.low in lex.determiners), len(rest)):] \
        if lex.verb_second else rest  # "zo zei hij | zelf | na afloop": adverbs, then a phrase of the attribution's
    relative = after_only and rest and (rest[0].low in lex.complementizers or rest[0].low in lex.relatives)
    if rest and rest[0].low not in lex.prepositions and not (len(rest) <= 2 and rest[0].low in lex.adverbs) \
            and not (adjunct and adjunct[0].low in lex.prepositions) and not relative:
        return None  # "…, said parents still want …" is a forward clause; "…, aldus een rapport | dat …" is not
    if len(after) == 1 and after[0].text[0].islower() and after[0].low not in lex.pronouns \
            and chunker is not None and not chunker.nominal(after[0], lex):
        return None
    m = mention_in(between, lex, text, ents) if between else \
        None if lemma in lex.message_cues else mention_in(apposed(toks, after, lex, ents), lex, text, ents)
    start, depth = 0, 0
    for n in range(k - 1, -1, -1):
        depth += (toks[n].text == ")") - (toks[n].text == "(")
        if toks[n].text in (":", ";") and depth <= 0:  # not "(kostprijs: 35 miljard)"
            start = n + 1
            break
    first = next((t for t in toks[start:k] if t.low not in lex.joiners), None)
    lead = sum(1 for t in toks[start:k] if word(t))
    j = ci + 2 + stop
    if lead < 3 and stop < len(tail) and tail[stop].text == "," and (not adjunct or adjunct[0].low in lex.prepositions) \
            and m is not None and sum(1 for t in toks[j:] if word(t)) >= 3 and finite_clause(toks, j, lex):
        hit = span_hit(toks, j, content_end(toks, j, lex), text, toks[ci], m)  # "In between, she testified, she was …"
        if hit is not None and lex.verb_second and lead:  # "Het land, zo zegt X, is …": the lead opens the clause
            s = toks[start].start
            hit.text, hit.start = f"{text[s:toks[k - 1].end]} {hit.text}", s
        return hit
    if first is None or (first.low in lex.prepositions and not lex.verb_second) or lead < 3:
        return None  # "In a statement, the ministry said" has no content before the comma
    participial = lex.cue(first.low) is not None and start + 1 < k and toks[start + 1].low in lex.prepositions
    if lex.verb_second and (first.low in lex.subordinators or participial) and not any(t.text == "," for t in toks[start:k]):
        return None  # "Toen we hem ermee confronteerden, antwoordde hij …", "Gevraagd naar …, lachte X": adverbial, no content
    ends = stop == len(tail) or tail[stop].text != ","
    comma = max((n for n in range(start, k) if toks[n].text == ","), default=None)
    name = [t for t in toks[comma + 1:k] if word(t)] if comma is not None and not between else []
    if ends and not lex.verb_second and name and all(t.text[0].isupper() for t in name) \
            and chunker is not None and not chunker.has_verb(toks[start:comma]):
        return None  # "The bank's chief executive, John Stumpf, testified …": an appositive subject, no content
    hit = span_hit(toks, start, k, text, toks[ci], m)
    if hit is None or ends or rest or not continues(toks, j, lex) \
            or lex.verb_second and chunker is not None and chunker.nominal(toks[j], lex):
        return hit  # "…, zegt X, politicologe aan de universiteit": an apposition, where the clause goes on with its verb
    more = span_hit(toks, j, content_end(toks, j, lex), text, toks[ci], m)  # "The bridge, officials said, will open"
    return hit if more is None else Hit(hit.start, more.end, f"{hit.text} {more.text}", False, hit.cue, m, hit.cue_pos)


def _apposed_relative(toks: list[Token], k: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> bool:
    """Whether the words before the comma at k are a short noun phrase and a relative clause set off
    by commas ("De ex-directeur, die gisteren werd gehoord, vindt …"): the subject of the verb after
    them, no content that verb reports."""
    commas = [n for n in range(k) if toks[n].text in ",;:"]
    if len(commas) != 1 or commas[0] + 1 >= k or toks[commas[0] + 1].low not in lex.relatives:
        return False
    head = [t for t in toks[:commas[0]] if word(t)]
    return 0 < len(head) <= 5 and not any(t.low in lex.auxiliaries for t in head) \
        and fronted_subject(toks[:commas[0] + 1], lex, text, ents, relative=False) is not None


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
            if lex.verb_second and k > ci + 3 and toks[k - 1].text == "," \
                    and sum(x.text == "," for x in toks[ci + 1:k]) == 1:
                return None  # "wordt een studie voorgesteld over een nieuw centrum, dat …": a relative clause
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
    hit = span_hit(toks, j, content_end(toks, j, lex), text, toks[ci], m)
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


def _infinitive(toks: list[Token], ci: int, lemma: str, m: SpeakerMention | None, lex: QuoteLexicon,
                opened: bool = False) -> int | None:
    """A te/to-infinitive content right after the cue: 'zei hij open te staan', 'vowed to repeal';
    after an object, an opener ('om') may start it. `opened`: toks[ci] is that opener, and the
    te-verb may come up to ten words on ("om zo snel mogelijk een boosterprik te halen")."""
    if opened:
        for n, t in enumerate(toks[ci + 1:ci + 12]):
            if not t.text[0].isalnum() or t.low in lex.complementizers:
                return None
            if t.low == lex.infinitive and ci + n + 2 < len(toks) and _verb_like(toks[ci + n + 2], lex):
                return ci + 1
        return None
    if lemma not in lex.infinitive_cues:  # "riep iedereen op": the split form of oproepen ("riep" alone is roepen)
        lemma = next((p + lemma for t in toks[ci + 1:ci + 8] for p in (t.low,)
                      if p in lex.particle_words and p + lemma in lex.infinitive_cues and p + lemma in lex.separable), lemma)
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
        if t.low == lex.infinitive_opener and n > 0 and lemma in lex.opener_cues:  # "riep iedereen op | om … te halen"
            k = j + n + 1
            return k if _infinitive(toks, k - 1, "", None, lex, opened=True) is not None else None
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
    break, comes an auxiliary, a negation or a past form (irregular ones from the lexicon: "went"), or a present form ("Trump represents")
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
        if low in lex.auxiliaries or low in lex.negations or lex.cue(low) or low.endswith(lex.finite_suffixes) \
                or low in lex.irregular_past:
            return True
        head = head and low not in lex.prepositions
        if head and n > 0 and low.endswith(lex.present_suffixes) and toks[j + n - 1].low not in lex.determiners:
            return True
    return False


