"""What a plural pronoun ("they") may point back to besides a named organisation: a plural noun
phrase or two names that open a sentence ("The researchers found …", "Ryan and McConnell met …"), and whether a name
stands where a sentence's subject stands ("If it grew, it would be named Tropical Storm X": no).

Only asked on a plural pronoun, so it costs nothing on sentences without one.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Entity
from .lexicon import QuoteLexicon

_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_JOIN = re.compile(r"\s+(\w+)\s+")
_SPACE = re.compile(r"\s*")


def acronym(text: str, named: list[Entity], lex: QuoteLexicon) -> Entity:
    """The first name, or the acronym in brackets that the name runs on to ("the United States
    Commission on International Religious Freedom (USCIRF)"): the short name the text goes on with."""
    first = named[0]
    for x in named[1:]:
        between = text[first.end:x.start - 1].split()
        if not all(w[0].isupper() or w in lex.prepositions for w in between):
            break
        if x.type == "ORG" and x.text.isupper() and text[x.start - 1:x.start] == "(" and text[x.end:x.end + 1] == ")":
            return x
    return first


def opens_as_subject(text: str, s: int, start: int, lex: QuoteLexicon) -> bool:
    """Whether the words from sentence start s (or from the last comma before start, after an
    opening phrase) to start are only determiners and capitalised words: the name opens its clause."""
    before = text[s:start]
    comma = before.rfind(",")
    words = [w for w in _WORD.findall(before[comma + 1:]) if w[0].isalnum()]
    return all(w.lower() in lex.determiners or w[0].isupper() or w in lex.possessives for w in words)


def people_noun(word: str, lex: QuoteLexicon) -> bool:
    """A noun for people in the plural: a group noun of the lexicon, or a title or role with a plural
    ending ("researchers", "senators")."""
    return word in lex.group_nouns or any(word.endswith(p) and word[:-len(p)] in lex.titles for p in lex.plurals)


def plural_subjects(text: str, sentences: list[tuple[int, int]], lex: QuoteLexicon,
                    in_quote: Callable[[int], bool], persons: list[Entity] = ()) -> list[tuple[int, int]]:
    """(start, end) of each plural noun phrase that opens a sentence outside quotes and is followed
    by a verb or an apposition: an optional determiner or possessor, up to two modifiers, a noun for
    people in the plural ("Researchers used …", "The study's lead authors, …", "His lawyers said").
    A noun for things ("Results showed", "Rats …") is nothing a "they" quotes."""
    out: list[tuple[int, int]] = []
    starts = {p.start: p for p in persons}
    for s, e in sentences:
        if in_quote(s):
            continue
        first = starts.get(_SPACE.match(text, s).end()) if starts else None
        if first is not None:  # "Paul Ryan and Mitch McConnell met …": two people named as one subject
            m = _JOIN.match(text, first.end)
            second = starts.get(m.end()) if m and m.group(1).lower() in lex.joiners - lex.subordinators else None
            if second is not None:
                out.append((first.start, second.end))
                continue
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, s, min(e, s + 60))][:6]
        if not toks:
            continue
        first = toks[0][2]
        k = 1 if first.lower() in lex.plural_openers or first.endswith(lex.possessives) else 0
        for n in range(k, min(k + 3, len(toks) - 1)):
            w, nxt = toks[n][2], toks[n + 1][2]
            low = w.lower()
            if not w[0].isalpha() or n > 0 and not w[0].islower() or low in lex.function_words or lex.cue(low):
                break  # "If the researchers", "In findings": no subject opens the sentence
            if people_noun(low, lex) and (nxt == "," or nxt[0].islower() and nxt not in lex.determiners
                                     and nxt != lex.infinitive):
                out.append((toks[0][0], toks[n][1]))  # not "The companies to …", "Researchers the …"
                break
    return out
