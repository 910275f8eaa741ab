"""Cue verb forms generated from lemmas, so the lexicons list hundreds of verbs, not their forms.

Dutch: present (hij zegt, wij zeggen), weak past by 't kofschip (meldde, benadrukte), ge-participles
(gemeld; no ge- after an unstressed prefix: verklaard), separable verbs written `toe|voegen` in both
orders (voegt … toe needs its particle in the clause; toevoegt, toegevoegd carry it). English: -s,
-ed and -ing with e-dropping, y→ie and consonant doubling. Strong verbs give their past forms in the
lexicon (`irregular`); what the rules get wrong is corrected there too (`stems`).
"""
from __future__ import annotations

from collections.abc import Iterable

from ..events.dutch import (  # one Dutch stem rule for cue verbs and event verbs
    ge_prefixed,
    stem_of,
)

_VOWELS = set("aeiouy")
_KOFSCHIP = ("t", "k", "f", "s", "ch", "p", "x")
_NL_PREFIXES = ("be", "ge", "her", "ver", "ont", "er")


def _syllables(word: str) -> int:
    return sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS))


def dutch_forms(lemma: str, irregular: dict[str, list[str]], stems: dict[str, str]) -> dict[str, bool]:
    """Finite forms and the participle of a Dutch lemma -> whether the form needs a separate particle.

    `toe|voegen`: voegt/voegde (particle elsewhere in the clause) and toevoegt/toevoegde/toegevoegd
    (particle fused). No first person singular: it is mostly a noun (vraag, eis, hoop, antwoord)."""
    particle, _, verb = lemma.rpartition("|")
    base = verb[:-2] if verb.endswith("en") else verb[:-1]
    stem = stems.get(verb) or stem_of(verb)
    third = stem if stem.endswith("t") else stem + "t"
    if verb in irregular:
        *past, participle = irregular[verb]
    else:
        devoiced = base[:-1] if len(base) > 1 and base[-1] == base[-2] else base
        suffix = "te" if devoiced.endswith(_KOFSCHIP) else "de"
        past = [stem + suffix, stem + suffix + "n"]
        ending = "" if stem.endswith(("t", "d")) else ("t" if suffix == "te" else "d")
        participle = (stem if verb.startswith(_NL_PREFIXES) else ge_prefixed(stem)) + ending
    finite = [third, verb, *past]
    out: dict[str, bool] = {}
    for form in finite:
        out[form] = bool(particle)
        if particle:
            out[particle + form] = False
    out[particle + participle] = False
    return out


def _double(lemma: str, doubled: frozenset[str]) -> bool:
    """admit → admitted: listed stressed final syllables, and one-syllable CVC verbs (chat, quip)."""
    if lemma in doubled:
        return True
    return (_syllables(lemma) == 1 and len(lemma) >= 3 and lemma[-1] not in _VOWELS | set("wxh")
            and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS)


def english_forms(lemma: str, irregular: dict[str, list[str]], doubled: frozenset[str]) -> dict[str, bool]:
    """-s, past, participle and -ing forms of an English lemma ("blurt out": particle needed)."""
    verb, _, particle = lemma.partition(" ")
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in _VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if _double(verb, doubled):
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    elif verb.endswith("e"):
        past = verb + "d"
        ing = verb[:-2] + "ying" if verb.endswith("ie") else verb + "ing" if verb.endswith(("ee", "ye", "oe")) else verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in _VOWELS:
        past, ing = verb[:-1] + "ied", verb + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    forms = [third, *(irregular.get(verb) or [past]), ing]
    return {f: bool(particle) for f in forms}


def generate(lang_rules: str, lemmas: Iterable[str], irregular: dict[str, list[str]],
             stems: dict[str, str], doubled: frozenset[str]) -> dict[str, tuple[str, bool]]:
    """form -> (lemma without its particle mark, needs a separate particle) for every lemma."""
    out: dict[str, tuple[str, bool]] = {}
    for lemma in lemmas:
        key = lemma.replace("|", "")
        forms = dutch_forms(lemma, irregular, stems) if lang_rules == "nl" else english_forms(lemma, irregular, doubled)
        for form, split in forms.items():
            out.setdefault(form, (key, split))
    return out
