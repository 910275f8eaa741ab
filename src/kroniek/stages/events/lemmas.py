"""Trigger patterns from a lemma table (data/nl/event_lemmas.yaml): a verb gives its finite forms,
participle and infinitive; a separable verb both orders (`heft … op` with the particle ending its
clause, and `opheffen`, `opheft`, `opgeheven`, `op te heffen`); a noun its plural; a compound head
every word ending in it (ETA-aanslag), a compound modifier every word starting with it (protestactie);
an idiom its words, `@verb` standing for every form of that verb.

Table layout (see the file's header):
    strong: {vallen: [viel, vielen, gevallen], slaan: {pres: [sla, slaat], past: [sloeg, sloegen], part: geslagen}}
    types:
      - {cameo: "115", v: [aan|klagen, "vragen om"], n: [aanklacht], heads: [aanklacht], mods: [], idioms: [[...]]}
An entry may also give `type`, `gap`, `embeds`, `not_next`, `not_prev` for all its patterns.
"""
from __future__ import annotations

from typing import Any

from .dutch import VerbForms, noun_forms, verb_forms

PASS_ON = ("cameo", "type", "mode", "frame", "embeds", "not_next", "not_prev")


def _strong(table: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for verb, row in (table.get("strong") or {}).items():
        if isinstance(row, list):
            row = {"past": row[:-1], "part": row[-1]}
        out[str(verb)] = row
    return out


def lemma_entries(table: dict[str, Any]) -> tuple[list[dict[str, Any]], set[str]]:
    """Pattern entries (elements as lists of forms) and the noun forms (nouns after an article)."""
    strong = _strong(table)
    cache: dict[str, VerbForms] = {}

    def forms(lemma: str) -> VerbForms:
        if lemma not in cache:
            cache[lemma] = verb_forms(lemma, strong)
        return cache[lemma]

    entries: list[dict[str, Any]] = []
    nouns: set[str] = set()
    for group in table.get("types", []):
        base = {k: group[k] for k in PASS_ON if k in group}
        gap = group.get("gap")
        for lemma in group.get("v", []):
            lemma, *after = str(lemma).split()
            vf = forms(lemma)
            more = [[w] for w in after]
            if vf.particle:
                entries.append({**base, "p": [vf.finite, *more, [vf.particle + "$"]], "gap": gap or 6})
                entries.append({**base, "p": [vf.joined, *more], "gap": gap or 4})
                entries.append({**base, "p": [[vf.particle], ["te"], [vf.infinitive], *more], "gap": 0 if not more
                                else gap or 4})
            else:
                entries.append({**base, "p": [vf.all(), *more], "gap": gap or 4})
        for noun in group.get("n", []):
            words = str(noun).split()
            if len(words) == 1:
                nf = noun_forms(words[0])
                nouns.update(nf)
                entries.append({**base, "p": [nf], "pos": "noun", "gap": gap or 2})
            else:  # militaire oefening(en), motie van wantrouwen: the last word also in its plural
                *first, last = words
                entries.append({**base, "p": [[w] for w in first] + [noun_forms(last)], "pos": "noun", "gap": 0})
        for kind, key in (("head", "heads"), ("modifier", "mods")):
            for word in group.get(key, []):
                nf = noun_forms(str(word)) if kind == "head" else [str(word)]
                nouns.update(nf)
                entries.append({**base, "p": [nf], "pos": "noun", "compound": kind})
        for idiom in group.get("idioms", []):
            if not str(idiom[0]).startswith("@"):  # "de sancties opgelegd": an idiom's first word is no verb
                nouns.update(w for w in str(idiom[0]).split("|") if not w.startswith("@"))
            elems = []
            for w in idiom:
                words: list[str] = []
                for lemma in idiom_verbs(str(w)):
                    if lemma.startswith("@"):
                        vf = forms(lemma[1:])
                        words.extend([*vf.finite, vf.infinitive, vf.participle, *vf.joined])
                    else:
                        words.append(lemma)
                elems.append(_unique(words))
            entries.append({**base, "p": elems, "gap": group.get("idiom_gap", 3)})
    for e in entries:  # a particle ending its clause: the loader reads `$` on a plain element
        e["p"] = [_final(el) for el in e["p"]]
    return entries, nouns


def idiom_verbs(elem: str) -> list[str]:
    """An idiom element's alternatives: `@nemen|@op|heffen|staat` → [@nemen, @op|heffen, staat]
    (a plain word after an `@` alternative is that verb's particle-free rest)."""
    out: list[str] = []
    for piece in elem.split("|"):
        if out and out[-1].startswith("@") and not piece.startswith("@") and "|" not in out[-1]:
            out[-1] += "|" + piece
        else:
            out.append(piece)
    return out


def _final(el: list[str]) -> Any:
    """An element as the loader reads it: a list of forms, or `a|b$` where it must end its clause."""
    if el and all(w.endswith("$") for w in el):
        return "|".join(w.rstrip("$") for w in el) + "$"
    return [w.rstrip("$").casefold() for w in el]


def _unique(words: list[str]) -> list[str]:
    return list(dict.fromkeys(w for w in words if w))
