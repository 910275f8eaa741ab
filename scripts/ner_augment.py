"""Name swapping for the tagger's training sentences (scripts/train_ner.py).

Why: the silver labels come from the KB and the rules, so a tagger trained on them alone learns the
names the KB already knows, and it is asked about the names the KB lacks. A copy of each sentence
with its PER, ORG and LOC names replaced by other names of the same type (unknown surnames, cities,
organisations) keeps the context and the type and takes the memorised name away: the tagger has to
read the words around a name and its form.

Pools, all shippable: the KB's own names by type, the gazetteer of GeoNames cities the KB builds
(data/kb/gazetteer.txt), the Meertens surnames (CC0, ../shared/data/names_nl) with the KB's first
names, and the names the training sentences themselves hold.
"""
from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

SURNAMES = "names_nl/surnames_meertens_digitalheir/family_names_freq_5_or_more.lst"
SWAPPED = ("PER", "ORG", "LOC")

# (text, [(start, end, label, linked)], [(start, end)] missing, PROPN spans or None)
Sentence = tuple[str, list[tuple[int, int, str, bool]], list[tuple[int, int]], list[tuple[int, int]] | None]


def pools(data: Path, seen: Iterable[tuple[str, str]], rng: random.Random) -> dict[str, list[str]]:
    """Replacement names by type: the KB's, the gazetteer's, invented persons, and `seen` (name, type)."""
    from kroniek.kb import load
    from kroniek.lexicons import word_list

    kb = load()
    out: dict[str, set[str]] = {t: set() for t in SWAPPED}
    for actor in kb.actors.values():
        if actor.type in out:
            out[actor.type].update(n for n in actor.names() if n[:1].isupper())
    out["LOC"].update(word_list("kb", "gazetteer.txt"))
    for name, label in seen:
        if label in out:
            out[label].add(name)
    first = sorted({n.split()[0] for n in out["PER"] if " " in n and n.split()[0].isalpha()})
    path = data / SURNAMES
    surnames = [s.strip() for s in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    surnames = [s for s in surnames if s[:1].isupper()]
    for surname in rng.sample(surnames, min(len(surnames), 20000)):
        out["PER"].add(surname if rng.random() < 0.5 or not first else f"{rng.choice(first)} {surname}")
    return {t: sorted(v) for t, v in out.items()}


def swap(sent: Sentence, names: dict[str, list[str]], rng: random.Random) -> Sentence | None:
    """The sentence with each PER/ORG/LOC name replaced by a pool name of its type (None when it has
    none); the other labels and the missing spans move with the text."""
    text, ents, miss, propn = sent
    if not any(t in SWAPPED for _, _, t, _ in ents):
        return None
    moves: list[tuple[int, int, str]] = []  # (start, end, new text), in order, non-overlapping
    last = -1
    for s, e, t, _ in sorted(ents):
        if t in SWAPPED and s >= last:
            moves.append((s, e, rng.choice(names[t])))
            last = e

    def shift(pos: int) -> int:
        return pos + sum(len(new) - (e - s) for s, e, new in moves if e <= pos)

    out, pos = "", 0
    for s, e, new in moves:
        out += text[pos:s] + new
        pos = e
    out += text[pos:]
    starts = {s: new for s, _, new in moves}
    new_ents = [(shift(s), shift(s) + len(starts[s]) if s in starts else shift(e), t, k) for s, e, t, k in ents]
    inside = lambda a, b: any(s < b and a < e for s, e, _ in moves)
    new_miss = [(shift(s), shift(e)) for s, e in miss if not inside(s, e)]
    new_propn = None if propn is None else [(shift(s), shift(e)) for s, e in propn if not inside(s, e)]
    return out, new_ents, new_miss, new_propn
