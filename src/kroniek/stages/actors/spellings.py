"""Other spellings of transliterated names ("Zelenskiy" for "Zelensky", "Sjojgoe" for "Shoigu"),
generated from data/spellings.yaml so the KB's automaton finds a person or place however a
paper transliterates it. Only names of the countries listed there are varied: their alphabets are
the ones whose Latin spellings differ by language."""
from __future__ import annotations

from functools import cache
from itertools import combinations

from ... import lexicons

MAX_VARIANTS = 24  # per name: a long name with many replaceable letters stops here


@cache
def rules() -> tuple[frozenset[str], int, tuple[tuple[str, tuple[str, ...]], ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """(countries, max rules per spelling, replacements, word endings) from the data file."""
    raw = lexicons.load("spellings.yaml") or {}
    pairs = lambda key: tuple((str(a), tuple(map(str, b))) for a, b in raw.get(key) or ())
    return frozenset(raw.get("countries") or ()), int(raw.get("max_rules", 2)), pairs("replace"), pairs("ends")


def variants(name: str) -> list[str]:
    """Other spellings of a name (not the name itself), with its words' initial capitals kept."""
    _, most, replace, ends = rules()
    low = name.lower()
    steps = [(a, b, False) for a, bs in replace if a in low for b in bs]
    words = low.split()
    steps += [(a, b, True) for a, bs in ends if any(w.endswith(a) for w in words) for b in bs]
    out: list[str] = []
    seen = {low}
    for n in range(1, most + 1):
        for combo in combinations(steps, n):
            if len({a for a, _, _ in combo}) < n:
                continue  # one form written two ways at once is no spelling
            form = low
            for a, b, end in combo:
                form = " ".join(w[:-len(a)] + b if w.endswith(a) else w for w in form.split()) if end else form.replace(a, b)
            if form not in seen and len(form) >= 5:
                seen.add(form)
                out.append(_recase(form, name))
                if len(out) >= MAX_VARIANTS:
                    return out
    return out


def _recase(form: str, like: str) -> str:
    """The lower-case spelling with each word capitalised where `like`'s word is ("Zelenskyj")."""
    caps = [w[:1].isupper() for w in like.split()]
    return " ".join(w[:1].upper() + w[1:] if k < len(caps) and caps[k] else w for k, w in enumerate(form.split()))
