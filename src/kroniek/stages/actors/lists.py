"""Names in a list share a type: "Koerts, Kemna en Van Dijk" are riders when Koerts is one, "Festina,
Rabobank en Farm Frites" teams when one is known to be. A name no clue types takes the type of the
others in its list (`list_joiners` in actors.yaml join them)."""
from __future__ import annotations

import re

from ...model import Entity
from .lexicon import ActorLexicon

STRONG = 2.5  # a clue this strong (or a KB link) types a list's other names
LIST_STRENGTH = 2.0  # what a list gives a name no clue typed: above the defaults and a place preposition


def _joiner(lex: ActorLexicon) -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(lex.list_joiners, key=len, reverse=True) if w.isalpha())
    return re.compile(rf"\s*,\s*(?:(?:{words})\s+)?|\s+(?:{words})\s+" if words else r"\s*,\s*")


def list_types(text: str, spans: list[tuple[int, int, str]], votes: dict[str, tuple[float, str]],
               known: list[Entity], lex: ActorLexicon) -> dict[str, str]:
    """The type each weakly typed name (`votes` below LIST_STRENGTH) takes from the list it stands in:
    the one type of the list's strongly typed names (a KB link or a clue of STRONG or more), in a list
    of three names or more."""
    items = sorted([(s, e, key) for s, e, key in spans]
                   + [(k.start, k.end, None) for k in known if k.type in ("PER", "ORG", "LOC")])
    if len(items) < 2:
        return {}
    joiner = _joiner(lex)
    kinds = {(k.start, k.end): k.type for k in known}
    out: dict[str, str] = {}
    group = [items[0]]
    for item in [*items[1:], None]:
        if item is not None and item[0] > group[-1][1] and joiner.fullmatch(text, group[-1][1], item[0]):
            group.append(item)
            continue
        if len(group) > 2:  # "A en B" is as often two clauses' words as a list
            strong = {kinds[s, e] if key is None else votes[key][1] for s, e, key in group
                      if key is None or votes[key][0] >= STRONG}
            if len(strong) == 1:
                kind = strong.pop()
                out.update({key: kind for _, _, key in group if key is not None and votes[key][0] < LIST_STRENGTH
                            and not key.lower().endswith(lex.adjective_endings)})  # "Educational, Scientific"
        group = [item] if item is not None else []
    return out
