"""Where a person's name stands in its sentence: which names are no subject a pronoun goes back to.

The speaker resolver (`resolver.py`) and salience (`salience.py`) both weigh a name by its role in
the sentence; these rules say when a name that is not after a preposition is still no subject, and
when one after a preposition is one.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from ...model import Entity, SpanIndex
from .attribution import modifies
from .lexicon import QuoteLexicon

_NON_SPACE = re.compile(r"\S+")


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
               s: int, ent: Entity, nxt: Entity | None) -> bool:
    """A person named where no subject stands (s: the sentence's start): modifying the role phrase
    of the next person `nxt` ("Trump campaign spokesman Jason Miller") or, after a determiner,
    the noun that follows ("the Clinton campaign"), or in the clause a cue reports ("McLenney
    said Clinton doesn't …")."""
    if nxt is not None and modifies(text, ent.end, nxt.start, lex):
        return True
    before = list(_NON_SPACE.finditer(text, max(s, ent.start - 200), ent.start))
    after = text[ent.end:ent.end + 20].split()
    if before and before[-1].group().lower() in lex.determiners and after and after[0][:1].islower():
        return True
    if lex.verb_second:  # "Zaterdag zei Rutte": the subject follows the verb
        return False
    for prev, w in pairwise(before):  # a cue after its own subject, not "…,” said X" or "a proposed …"
        word = w.group()
        if word.islower() and lex.cue(word) and not word.endswith(lex.participles) and prev.group()[-1].isalnum() \
                and prev.group().lower() not in lex.cue_blockers and not in_quote(w.start()) \
                and not any(c in ",;:" for c in text[w.end():ent.start]):  # "While all agreed …, X emphasized"
            # an organisation's report is about the person it names ("PBS revealed that X …")
            return not any(x.type != "PER" for x in entities.covering(prev.end() - 1))
    return False
