"""Where a person's name stands in its sentence: which names are no subject a pronoun goes back to.

The speaker resolver (`resolver.py`) and salience (`salience.py`) both weigh a name by its role in
the sentence; these rules say when a name that is not after a preposition is still no subject, and
when one after a preposition is one.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable

from ...model import Entity, SpanIndex
from .attribution import modifies
from .lexicon import QuoteLexicon


def listed(text: str, end: int, limit: int, lex: QuoteLexicon) -> bool:
    """Whether a comma or a joiner follows a name: it goes on a list ("by Quirin, Redouane, and
    …"), not the clause after an opening phrase ("In an interview with X, Ham made it clear")."""
    after = text[end:min(limit, end + 12)].split()
    return bool(after) and (after[0][0] in ",;" or after[0].lower() in lex.joiners)


def absolute(text: str, start: int, end: int, lex: QuoteLexicon) -> bool:
    """A name after 'with' that a participle follows is the subject of an absolute clause ("with
    Zinichev describing the threat"), not the preposition's object."""
    before = text[max(0, start - 12):start].split()
    after = text[end:end + 30].split()
    return bool(before and after) and before[-1].lower() in lex.absolute_preps \
        and after[0].lower().endswith(lex.participles) and after[0].islower()


def no_subject(text: str, lex: QuoteLexicon, entities: SpanIndex[Entity], in_quote: Callable[[int], bool],
               cues: list[tuple[int, int]], s: int, ent: Entity, nxt: Entity | None) -> bool:
    """A person named where no subject stands (s: the sentence's start): modifying the role phrase
    of the next person `nxt` ("Trump campaign spokesman Jason Miller") or, after a determiner,
    the noun that follows ("the Clinton campaign"), or in the clause a cue reports ("McLenney
    said Clinton doesn't …"). `cues`: where the text's cue words stand, in order."""
    if nxt is not None and modifies(text, ent.end, nxt.start, lex):
        return True
    lo = max(s, ent.start - 20)
    if text[text.rfind(" ", lo, ent.start - 1) + 1 or lo:ent.start].strip().lower() in lex.determiners:
        after = text[ent.end:ent.end + 20].split()
        if after and after[0][:1].islower():
            return True
    if lex.verb_second:  # "Zaterdag zei Rutte": the subject follows the verb
        return False
    i = bisect.bisect_left(cues, (max(s, ent.start - 200),))
    if i == len(cues) or cues[i][0] >= ent.start:  # most names have no cue before them in their sentence
        return False
    lo = max(s, ent.start - 200, *(text.rfind(c, s, ent.start) + 1 for c in ",;:"))  # "While all agreed …, X"
    for a, b in cues[bisect.bisect_left(cues, (lo,)):bisect.bisect_left(cues, (ent.start,))]:
        prev = text[lo:a].split()[-1:]  # a cue after its subject, not "a proposed …"
        if prev and prev[0][-1].isalnum() and prev[0].lower() not in lex.cue_blockers and text[a:b].islower() \
                and not text[a:b].endswith(lex.participles) and not in_quote(a):
            # an organisation's report is about the person it names ("PBS revealed that X …")
            return not any(x.type != "PER" for x in entities.covering(text.rfind(prev[0], lo, a)))
    return False

