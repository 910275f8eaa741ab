"""Quote marks paired into quotes, and interview turns ("PENCE: …") read as quotes.

Marks are paired per paragraph: a quote may run on over paragraphs that reopen it; an apostrophe
inside a word or before an elided word ('t, 's) opens none. Used by the quote stage.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...model import Entity, SpanIndex
from .attribution import SpeakerMention
from .hits import Hit
from .lexicon import QuoteLexicon


@dataclass(slots=True)
class Group:
    """One direct quote: its inner segments and the span from first opening to last closing mark."""

    start: int
    end: int
    segs: list[tuple[int, int]]
    para: tuple[int, int]
    attr: tuple[str, SpeakerMention | None, int] | None = None  # cue, mention, cue offset
    speech: bool = False
    whole: bool = False  # opened at the start of its paragraph
    attr_after: bool = False  # the attribution follows the quote: its cue is spent


def _mark_re(lex: QuoteLexicon) -> re.Pattern[str]:
    """Any quote mark; an apostrophe between two letters (don't, Trump's) neither opens nor closes
    a quote (`_is_open`, `_is_close`), so it is not matched at all: a third of the marks in English."""
    marks = set(lex.marks) | {c for cs in lex.marks.values() for c in cs}
    return re.compile("|".join(rf"{m}(?:(?<![^\W_]{m})|(?![^\W_]))" if m in _APOSTROPHES else re.escape(m)
                               for m in sorted(marks, key=len, reverse=True)))


_MARK_RES: dict[str, re.Pattern[str]] = {}
_APOSTROPHES = frozenset("'’")  # marks that are also apostrophes, and never open a quote inside a word


_SPACED = frozenset({",,"})  # typewriter marks set with a space inside (",, Je moet … ''")


def _is_open(mark: str, prev: str, nxt: str) -> bool:
    if mark in _SPACED:
        return bool(nxt)
    if nxt.isspace() or not nxt:
        return False
    if mark in ("'", "‘", '"', "''"):
        return not prev.isalnum()
    return True


def _is_close(mark: str, prev: str, nxt: str, opener: str = "", before: str = "") -> bool:
    """`before`: the character before `prev`; a nested quote closed just before ("… clearly.' "")
    lets a spaced mark close too."""
    if prev.isspace():
        return (opener in _SPACED or before in _APOSTROPHES and mark not in _APOSTROPHES) and not nxt.isalnum()
    if mark in ("'", "’", "''"):
        return not nxt.isalnum()
    return True


_WORD_AT = re.compile(r"[^\W\d_]+")


def _elision(text: str, mark: str, j: int, lex: QuoteLexicon) -> bool:
    """An apostrophe that stands for dropped letters ("Van 't Klooster", "'s avonds", "rock 'n' roll"),
    not an opening mark: the word after it is one of the language's elided forms (quotes.yaml)."""
    if mark not in _APOSTROPHES:
        return False
    m = _WORD_AT.match(text, j)
    return m is not None and m.group().lower() in lex.elisions and not text[m.end():m.end() + 1].isalnum()


def find_groups(text: str, paragraphs: list[tuple[int, int]], lex: QuoteLexicon) -> list[Group]:
    """Pair quote marks paragraph by paragraph. An unclosed quote continues into a paragraph
    that opens with a mark again; else it stands only when it filled its own paragraph."""
    mark_re = _MARK_RES.get(lex.lang) or _MARK_RES.setdefault(lex.lang, _mark_re(lex))
    groups: list[Group] = []
    carry: Group | None = None
    for ps, pe in paragraphs:
        first = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
        opened: tuple[int, str] | None = None
        if carry is not None:
            m = mark_re.match(text, first)
            if not (m and m.group() in lex.marks) or turn_label(text, m.end(), lex) is not None:
                _flush(carry, groups)  # a new speaker's turn ('"PENCE: …') is a new quote
                carry = None
        if lex.link_labels and text[first:first + 20].casefold().startswith(lex.link_labels):
            continue  # "Lees ook: …": another article's headline
        for m in mark_re.finditer(text, ps, pe):
            mk, i, j = m.group(), m.start(), m.end()
            prev = text[i - 1] if i > ps else " "
            nxt = text[j] if j < pe else " "
            if opened is not None:
                if mk in lex.marks[opened[1]] and _is_close(mk, prev, nxt, opened[1], text[i - 2] if i - 2 >= ps else ""):
                    seg = (opened[0], i)
                    if carry is not None:
                        carry.segs.append(seg)
                        carry.end, carry.para = j, (carry.para[0], pe)
                        groups.append(carry)
                        carry = None
                    else:
                        groups.append(Group(opened[0] - len(opened[1]), j, [seg], (ps, pe)))
                    opened = None
            elif mk in lex.marks and _is_open(mk, prev, nxt) and not _elision(text, mk, j, lex):
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


_TURN = re.compile(r"([A-ZÀ-Ý][\w.'’-]*(?:[ -][A-ZÀ-Ý][\w.'’-]*){0,3}):[ \t]+(?=\S)")


def turn_label(text: str, pos: int, lex: QuoteLexicon, ents: SpanIndex[Entity] | None = None) -> re.Match[str] | None:
    """'PENCE: ' (or a known person's name and a colon) at pos: who speaks the words after it;
    a label such as 'LIVE: ' or 'UPDATE: ' (segment.yaml) speaks nothing."""
    m = _TURN.match(text, pos)
    if m is None or m.group(1).casefold() in lex.labels:
        return None
    label = m.group(1)
    person = ents is not None and any(e.type == "PER" and e.end == m.end(1) for e in ents.within(m.start(1), m.end(1)))
    return m if person or (label.isupper() and len(label) > 2) else None


def transcript_turns(text: str, paragraphs: list[tuple[int, int]], groups: list[Group],
                     ents: SpanIndex[Entity], lex: QuoteLexicon) -> list[Hit]:
    """Interview transcripts: a paragraph 'PENCE: Well, look, …' (a capitalised label or a known
    person, then a colon) is that speaker's words, unless quote marks already say who speaks."""
    hits = []
    starts = [g.start for g in groups]
    for ps, pe in paragraphs:
        first = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
        m = turn_label(text, first, lex, ents)
        if m is None or m.end() > pe:
            continue
        person = any(e.type == "PER" for e in ents.within(m.start(1), m.end(1)))
        end = first + len(text[first:pe].rstrip())
        i = bisect.bisect_left(starts, m.end())
        if (i < len(starts) and starts[i] < end) or len(text[m.end():end].split()) < 3:
            continue
        mention = SpeakerMention(m.start(1), m.end(1), m.group(1), "entity" if person else "name")
        hits.append(Hit(m.end(), end, text[m.end():end], True, None, mention, -1))
    return hits


def group_text(text: str, g: Group) -> str:
    return " ".join(t for t in (text[s:e].strip() for s, e in g.segs) if t)
