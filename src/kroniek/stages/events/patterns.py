"""Trigger patterns and the word forms they match: a pattern's elements spelled out from
data/<lang>/events.yaml (a starred stem takes its language's endings, Dutch spelling rules, doubled
consonants in English), the included and generated entries, and the key word a sentence is filtered
by. `lexicon.py` compiles them into a language's EventLexicon."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ... import lexicons, plover


@dataclass(slots=True)
class Pattern:
    elems: list[tuple[frozenset[str], bool]]  # (forms, must end its clause)
    cameo: str | None = None
    type: str | None = None
    mode: str | None = None
    frame: str | None = None
    noun: bool = False
    gap: int = 4
    embeds: bool = False
    modal: bool = False  # "must": the clause's subject is asked, the one who says it asks
    needs_target: bool = False  # a weak frame: no event unless someone is addressed
    needs_subject: bool = False  # a bare future (will): an intention only of an actor subject
    prio: int = 0  # 0 hand-written (events.yaml), 1 generated from lemmas, 2 imported: a lower one wins an overlap
    not_next: frozenset[str] = frozenset()  # sense guards: no match with one of these inside it or just after it
    not_prev: frozenset[str] = frozenset()  # ... or just before it
    source: str = "events.yaml"
    order: int = 0  # position in the lexicon: ties between equal matches go to the earlier pattern
    not_then: frozenset[str] = frozenset()  # sense guard: no match with one of these right after it (an object)

    def found_in(self, words: set[str], start: int = 0) -> bool:
        """Whether every element from `start` on has a form among a sentence's words: a match
        needs it, and a set test is far cheaper than trying the match."""
        elems = self.elems
        for k in range(start, len(elems)):  # a loop, not all(): called a hundred thousand times per corpus
            if elems[k][0].isdisjoint(words):
                return False
        return True

    def type_(self) -> str | None:
        row = plover.lookup(self.cameo)
        return self.type or (row.type if row else None)

    def mode_(self) -> str | None:
        row = plover.lookup(self.cameo)
        return self.mode or (row.mode if row else None)


@dataclass(slots=True)
class Match:
    pattern: Pattern
    head: int
    last: int
    idxs: tuple[int, ...]


COMMON = frozenset(["to", "for", "from", "with", "by", "on", "in", "at", "of", "as", "and", "or", "it", "its", "he", "she", "they", "we", "i", "you", "be", "is", "are", "was", "were", "has", "have", "had", "not", "no", "this", "that", "these", "those", "people", "state", "states", "united", "after", "other", "first", "over", "out", "during", "according", "new", "more", "if", "up", "day", "house"])
_VOWELS = "aeiouy"
_OPEN_ENDINGS = ("en", "ende", "enden", "er", "ers", "ing", "ingen", "e")


def _open_stem(stem: str) -> str | None:
    """Dutch spelling before a vowel ending: aanval → aanvall(en), overweeg → overweg(en),
    beloof → belov(en), wijs → wijz(en). Extra forms that no text holds are harmless."""
    if len(stem) < 3 or stem[-1] in _VOWELS:
        return None
    *head, v1, v2, c = stem
    voiced = {"f": "v", "s": "z"}.get(c, c)
    if v1 == v2 and v1 in "aeou":
        return "".join(head) + v1 + voiced
    if v1 + v2 in ("ij", "ei", "ui", "ie", "ou", "au", "eu", "oe"):
        return "".join(head) + v1 + v2 + voiced if voiced != c else None
    if v2 in _VOWELS and v1 not in _VOWELS:
        return stem + c
    return None


_DOUBLED_ENDINGS = ("ed", "ing", "er", "ers")
_CVC = re.compile(r"[^aeiou]*[aeiou][bdgklmnprt]")


def _doubled(stem: str) -> str | None:
    """English spelling before a vowel ending: a one-syllable stem doubles its last consonant
    (drop → dropping, ban → banned, stab → stabbed). Extra forms that no text holds are harmless."""
    return stem + stem[-1] if _CVC.fullmatch(stem) else None


def forms_of(elem: str, suffixes: list[str], dutch: bool = False) -> tuple[frozenset[str], bool]:
    final = elem.endswith("$")
    out = set()
    for alt in elem.rstrip("$").split("|"):
        alt = alt.casefold()
        if alt.endswith("*"):
            out.update(alt[:-1] + s for s in suffixes)
            open_stem = _open_stem(alt[:-1]) if dutch else _doubled(alt[:-1])
            if open_stem:
                out.update(open_stem + s for s in (_OPEN_ENDINGS if dutch else _DOUBLED_ENDINGS))
        else:
            out.add(alt)
    return frozenset(out), final


def make_pattern(entry: dict[str, Any], elems: list[tuple[frozenset[str], bool]], prio: int, source: str,
             suffixes: list[str], dutch: bool) -> Pattern:
    def words(key: str) -> frozenset[str]:
        if key not in entry:
            return frozenset()
        return frozenset(f for w in entry[key] for f in forms_of(str(w), suffixes, dutch)[0])
    return Pattern(elems, entry.get("cameo"), entry.get("type"), entry.get("mode"), entry.get("frame"),
                   entry.get("pos") == "noun", entry.get("gap", 4), bool(entry.get("embeds")),
                   bool(entry.get("modal")), bool(entry.get("needs_target")), bool(entry.get("needs_subject")),
                   prio, words("not_next"), words("not_prev"), source,
                   not_then=frozenset(str(w).casefold() for w in entry.get("not_then", ())))


def entries_of(raw: dict[str, Any], lang: str) -> list[tuple[dict[str, Any], int, str]]:
    """events.yaml's frames and triggers (priority 0), then those of the files it includes
    (`include:`, each with its own `priority`): generated or imported patterns never beat a hand-written one."""
    out = [(e, 0, "events.yaml") for e in [*raw.get("frames", []), *raw.get("triggers", [])]]
    for name in raw.get("include", []):
        extra = _load_data(lang, name)
        prio = int(extra.get("priority", 1))
        verbs = {v: frozenset(forms) for v, forms in (extra.get("verbs") or {}).items()}  # shared first elements
        for e in [*extra.get("frames", []), *extra.get("triggers", [])]:
            if "v" in e:
                e = {**e, "p": [verbs[e["v"]], *e.get("p", [])]}
            out.append((e, prio, name))
    return out


@cache
def _load_data(lang: str, name: str) -> dict[str, Any]:
    """An included data file: YAML, or JSON for large generated ones (parsed in milliseconds)."""
    if name.endswith(".json"):
        path = lexicons.DATA / lang / name
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return lexicons.load(lang, name) or {}


def own_copy(pat: Pattern, words: set[str], patterns: dict[str, list[Pattern]], every: list[Pattern],
              compounds: set[int]) -> Pattern:
    """The pattern a sense guard of `words` may change: itself when it starts with those words only,
    else a copy for them (demonstrated a product is no protest; the rally in the same pattern stays one)."""
    first, final = pat.elems[0]
    mine = first & words
    if mine == first or not mine or id(pat) in compounds:
        return pat
    twin = replace(pat, elems=[(frozenset(mine), final), *pat.elems[1:]], not_next=frozenset(pat.not_next),
                   not_prev=frozenset(pat.not_prev))
    pat.elems = [(first - mine, final), *pat.elems[1:]]
    every.append(twin)
    for form in mine:
        patterns[form] = [twin if p is pat else p for p in patterns[form]]
    return twin


def key_of(pat: Pattern, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """The element a sentence must contain for the pattern to matter: one without common words
    (prepositions, articles, sector words: 'to', 'government'), then a small one (a long list of
    synonyms is likelier to occur), then the one with the longest shortest form ('alert' in 'on alert');
    none for a bare intention frame, which needs an act."""
    if pat.frame == "intend":
        return frozenset()
    best = max(reversed(pat.elems), key=lambda e: (not e[0] <= common, e[0].isdisjoint(common), len(e[0]) <= 12,
                                                    min(map(len, e[0]))))
    return best[0]
