"""Reported speech by a source phrase rather than a cue verb: 'volgens X', 'according to X' (at the
start, mid-clause as an aside, or at the end), 'naar eigen zeggen', and a document's maker ('a poll by
NBC News')."""
from __future__ import annotations

import itertools

from ...model import Entity, SpanIndex, Token
from .attribution import SpeakerMention, apposed, mention_in, np_after, word
from .chunks import Chunker
from .hits import Hit, content_end, continues, phrase_at, span_hit
from .lexicon import QuoteLexicon
from .subjects import subject


def according_at(toks: list[Token], lex: QuoteLexicon, sentence: str) -> tuple[int, int] | None:
    """Where 'volgens' / 'according to' / 'in de visie van' stands in the tokens of `sentence` (which,
    lower-cased, must hold its longest word: a test in C before one in Python)."""
    for a in lex.according:
        if max(a, key=len) not in sentence:
            continue
        for k in range(len(toks) - len(a) + 1):
            if toks[k].low == a[0] and all(toks[k + n].low == a[n] for n in range(1, len(a))):
                return k, k + len(a)
    return None


def source_mention(src: list[Token], lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> SpeakerMention | None:
    """Who a source phrase names: an object pronoun ("volgens hem", "according to her") or its mention."""
    if len(src) == 1 and src[0].low in lex.object_pronouns:
        return SpeakerMention(src[0].start, src[0].end, src[0].text, "pronoun")
    return mention_in(src, lex, text, ents)


def according_source(toks: list[Token], lex: QuoteLexicon, text: str, ents: SpanIndex[Entity],
                     chunker: Chunker) -> tuple[Token, SpeakerMention | None] | None:
    """The 'volgens X' of a sentence's words before a partial quote ("Volgens de minister krijgen boeren
    “alle ruimte”"): the source word and whom it names (the phrase up to the verb, as in
    `according_hit`); the quote is X's, not a scare quote."""
    acc = according_at(toks, lex, " ".join(t.low for t in toks))
    if acc is None or any(t.low in lex.relatives for t in toks[acc[1]:]):
        return None  # "…, X engaged in a scheme in which they “looted”": the quote is in a relative clause
    src = np_after(toks, acc[1], lex)
    if len(src) > 1:
        src = chunker.noun_phrase(src, lex)
    return toks[acc[0]], source_mention(apposed(toks, src, lex, ents), lex, text, ents)


def according_hit(toks: list[Token], acc: tuple[int, int], lex: QuoteLexicon, text: str, ents: SpanIndex[Entity],
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
    src = apposed(toks, src, lex, ents)
    m = source_mention(src, lex, text, ents)
    src_end = b + len(src)
    if src_end + 2 < len(toks) and toks[src_end].text == "(":  # "volgens Pierre Chevalier (VLD) heeft …"
        src_end = next((n + 1 for n in range(src_end + 1, min(len(toks), src_end + 6)) if toks[n].text == ")"), src_end)
    maker = _maker(toks, src, lex)
    if maker:  # "according to a poll published by NBC News": the pollster
        m = mention_in(maker, lex, text, ents) or m
        src_end = toks.index(maker[-1]) + 1
    if a == 0 or toks[a - 1].text in (":", ";") or (toks[a - 1].low in lex.joiners and a > 3):
        # "… and according to X he died …", "…: volgens X is …": X's is the clause after the break
        src_end = _modifier_end(toks, src_end, lex)
        j = src_end + 1 if src_end < len(toks) and toks[src_end].text == "," else src_end
        if j < len(toks) and toks[j].low in lex.relatives:  # "Volgens X, die eerder …, verliep alles goed"
            j = next((n + 1 for n in range(j + 1, min(len(toks), j + 40)) if toks[n].text == ","), j)
        return span_hit(toks, j, content_end(toks, j, lex), text, toks[a], m) if m else None
    if toks[a - 1].text == ",":
        return aside_hit(toks, a, b, lex, text, ents) or (span_hit(toks, 0, a - 1, text, toks[a], m) if m else None)
    return split_hit(toks, a, src_end, lex, text, m) if m else None


def own_account_at(toks: list[Token], lex: QuoteLexicon, sentence: str) -> tuple[int, int] | None:
    """Where 'naar eigen zeggen' / 'by his own account' stands in the tokens of `sentence`."""
    for a in lex.own_account:
        if " ".join(a) in sentence:
            return next(((k, k + len(a)) for k in range(len(toks)) if phrase_at(toks, k, (a,))), None)
    return None


def own_account_hit(toks: list[Token], own: tuple[int, int], lex: QuoteLexicon, text: str,
                     ents: SpanIndex[Entity]) -> Hit | None:
    """'In totaal deed hij naar eigen zeggen tien telefoontjes': the clause without the phrase,
    said by its subject."""
    a, b = own
    m = subject([t for t in toks[:a] + toks[b:] if word(t)][:8], lex, text, ents)
    if m is None:
        return None
    if a == 0:
        j = b + 1 if b < len(toks) and toks[b].text == "," else b
        hit = span_hit(toks, j, content_end(toks, j, lex), text, toks[a], m)
    else:
        hit = split_hit(toks, a, b, lex, text, m)
    if hit is not None:
        hit.cue = text[toks[a].start:toks[b - 1].end]
    return hit


def aside_hit(toks: list[Token], a: int, b: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> Hit | None:
    """'The company, according to two people familiar with the talks, will cut jobs': the source runs
    to the comma that closes the aside, and the clause around it is the content, its parts joined."""
    c = next((n for n in range(b, min(len(toks), b + 10)) if not word(toks[n])), len(toks))
    if c == len(toks) or toks[c].text != "," or c == b or not continues(toks, c + 1, lex):
        return None
    c_src = next((n for n in range(b + 1, c) if toks[n].text[0].islower() and toks[n].low.endswith(lex.participles)
                  and toks[n].low not in lex.content_gerunds), c)  # "a report | citing the mayor's office"
    m = mention_in(toks[b:c_src], lex, text, ents)
    lead = span_hit(toks, 0, a - 1, text, toks[a], m)
    more = span_hit(toks, c + 1, content_end(toks, c + 1, lex), text, toks[a], m)
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


def split_hit(toks: list[Token], a: int, b: int, lex: QuoteLexicon, text: str, m: SpeakerMention) -> Hit | None:
    """'Gisteravond telde de luchthaven volgens de Spaanse media achtduizend wachtenden': the clause
    around the source is the content, its two parts joined by a space (FORMAT.md §1)."""
    end = content_end(toks, b, lex)
    end = next((k for k in range(b, end - 1) if toks[k].text == "," and toks[k + 1].low in lex.joiners), end)
    parts = [(0, a), (b, end)]  # up to ", en …": a second main clause is not the source's
    words = [toks[i] for lo, hi in parts for i in range(lo, hi) if word(toks[i])]
    if len(words) < 3 or not words[0].start < toks[a].start < words[-1].end:
        return None
    segs = [text[toks[lo].start:toks[hi - 1].end] for lo, hi in parts if hi > lo]
    return Hit(words[0].start, words[-1].end, " ".join(segs).strip(" ,"), False, toks[a].text, m, toks[a].start)
