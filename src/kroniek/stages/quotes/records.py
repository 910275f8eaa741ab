"""What a quote record carries beyond its words: the date of the statement, the kind of speaker,
and how sure the stage is of both (FORMAT.md §1 `confidence`)."""
from __future__ import annotations

import re

from ...model import Doc, Speaker
from ..dates import date_for
from .attribution import SpeakerMention
from .hits import Hit
from .lexicon import QuoteLexicon

_CLAUSE_BREAK = re.compile(r"[,;:„“”\"()]|\s[–—]\s")
_NEAR = 30  # characters between a cue and a time expression told after it ("said on Monday")


def quote_date(doc: Doc, sent: tuple[int, int], cue_pos: int, start: int, end: int,
               inner: list[tuple[int, int]], lex: QuoteLexicon) -> str | None:
    """The day of the statement (`sent`: the sentence of its cue): the time expression governing the attribution clause, never one
    inside the quoted or reported words ("1368 million pounds", "2019-nCoV", "will vote in 2028"),
    and not after the article's day unless the cue itself is in the future ("will testify Tuesday")."""
    ref = doc.reference_date
    if not doc.timexes:
        return ref
    anchor = cue_pos if cue_pos >= 0 else start
    governing = None
    for t in doc.timexes_in(*sent):
        if t.end > sent[1] or any(s <= t.start < e for s, e in inner):
            continue
        near = t.start < anchor or (t.start - anchor <= _NEAR and not _CLAUSE_BREAK.search(doc.text, anchor, t.start))
        if near and (governing is None or abs(t.start - anchor) < abs(governing.start - anchor)):
            governing = t
    day = date_for(doc, governing.start, governing.end) if governing is not None else ref
    if day and ref and day[:len(ref)] > ref[:len(day)] and not _future(doc.text, cue_pos, lex):
        return ref
    return day


def _future(text: str, cue_pos: int, lex: QuoteLexicon) -> bool:
    """A cue told in the future ("will say", "zal melden"): a statement after the article's day."""
    if cue_pos < 0:
        return False
    before = text[max(0, cue_pos - 30):cue_pos].lower().split()
    return any(w in lex.future for w in before[-3:])


def confidence(h: Hit, lex: QuoteLexicon, speaker: Speaker | None) -> float:
    """How sure it is speech: by the cue's class (opinion verbs least), a bare quote less."""
    if h.cue:
        lemma = lex.cue(h.cue.lower()) or ""
        base = lex.cue_confidence.get(lex.cue_class.get(lemma, "other"), 0.8)
        base = max(base, 0.95) if h.direct else base
    else:
        base = 0.75 if h.direct else 0.6
    return round(base if speaker is not None else base * 0.9, 2)


def speaker_confidence(m: SpeakerMention | None, sp: Speaker) -> float:
    """How sure the speaker is: a linked name most, a pronoun or role less, context least."""
    if m is None:
        return 0.5
    linked = sp.id is not None
    return {"entity": 0.9 if linked else 0.75, "name": 0.85 if linked else 0.7,
            "pronoun": 0.7, "np": 0.75 if linked else 0.6}.get(m.kind, 0.5)


def speaker_kind(words: str, lex: QuoteLexicon) -> str | None:
    """PER for a role or title phrase or a two-word name, GROUP for a plural noun phrase."""
    low = [w.casefold().strip(".,") for w in words.split()]
    if not low:
        return None
    if any(w in lex.titles for w in low) or (len(low) >= 2 and all(w[:1].isupper() for w in words.split())):
        return "PER" if not low[-1].endswith(lex.plurals) else "GROUP"
    return "GROUP" if low[-1].endswith(lex.plurals) else None
