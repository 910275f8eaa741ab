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


def pools(data: Path, seen: Iterable[tuple[str, str]], rng: random.Random) -> dict[str, list[list[str]]]:
    """Replacement names by type, as sources of equal weight (a replacement picks a source, then a
    name): the KB's names, international surnames from them, Dutch surnames alone or after a KB
    first name, the gazetteer's cities, and `seen` (name, type). Equal weights keep one large
    source from deciding what a type looks like: 32,000 cities against Dutch surnames alone taught
    the tagger that a foreign-looking unknown word is a place."""
    from kroniek.kb import load
    from kroniek.lexicons import word_list

    kb = load()
    known: dict[str, set[str]] = {t: set() for t in SWAPPED}
    for actor in kb.actors.values():
        if actor.type in known:
            known[actor.type].update(n for n in actor.names() if n[:1].isupper())
    found: dict[str, set[str]] = {t: set() for t in SWAPPED}
    for name, label in seen:
        if label in found:
            found[label].add(name)
    full = [n.split() for n in known["PER"] if " " in n]
    first = sorted({w[0] for w in full if w[0].isalpha()})
    path = data / SURNAMES
    surnames = [s.strip() for s in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    dutch = rng.sample([s for s in surnames if s[:1].isupper()], min(len(surnames), 20000))
    out = {
        "PER": [sorted(known["PER"]), sorted({w[-1] for w in full if w[-1][:1].isupper()}), dutch,
                [f"{rng.choice(first)} {s}" for s in dutch] if first else [], sorted(found["PER"])],
        "ORG": [sorted(known["ORG"]), sorted(found["ORG"])],
        "LOC": [sorted(known["LOC"]), sorted(word_list("kb", "gazetteer.txt")), sorted(found["LOC"])],
    }
    return {t: [source for source in sources if source] for t, sources in out.items()}


def swap(sent: Sentence, names: dict[str, list[list[str]]], rng: random.Random) -> Sentence | None:
    """The sentence with each PER/ORG/LOC name replaced by a name of its type from one of its sources
    (None when it has none); the other labels and the missing spans move with the text."""
    text, ents, miss, propn = sent
    if not any(t in SWAPPED for _, _, t, _ in ents):
        return None
    moves: list[tuple[int, int, str]] = []  # (start, end, new text), in order, non-overlapping
    last = -1
    for s, e, t, _ in sorted(ents):
        if t in SWAPPED and s >= last:
            moves.append((s, e, rng.choice(rng.choice(names[t]))))
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
