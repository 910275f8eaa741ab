"""Dutch verb and noun morphology for the event lexicon: forms from lemmas (data/nl/event_lemmas.yaml).

A verb lemma is its infinitive, with marks where spelling alone cannot tell:
  `aan|klagen`     a separable particle (aan) before the bar: `klaagt … aan`, `aanklagen`, `aangeklaagd`
  `onder+handelen` an inseparable prefix not found by rule (be-, ver-, ont-, her-, er- are): no ge-
  `weigeren/weiger` the stem (ik-form) when it is not the regular one (schwa syllables: weiger, hekel)
Strong and irregular verbs are listed by their simple verb (`vallen: [viel, vielen, gevallen]`);
a prefixed or particle verb finds its simple verb at its end (aan|vallen, over+vallen, verbieden).
"""
from __future__ import annotations

from dataclasses import dataclass, field

VOWELS = "aeiouy"
DIGRAPHS = ("aa", "ee", "oo", "uu", "ie", "ei", "ij", "ui", "ou", "au", "eu", "oe")
INSEPARABLE = ("ver", "ont", "her", "be", "er")
# verbs starting with an inseparable-looking syllable that is part of the root
NOT_PREFIXED = frozenset({"bellen", "bergen", "beven", "beuken", "eren", "erven", "verven", "beren", "beden",
                          "beseffen", "bidden", "ervaren", "herbergen", "verhuren", "bezien", "bedelen"})
GE_PREFIXED = frozenset({"gebruiken", "geloven", "gebeuren", "gedogen", "genezen", "gehoorzamen", "gedragen",
                         "gelasten", "gebieden", "gewagen", "gedenken"})
KOFSCHIP = "tkfsxp"


@dataclass(slots=True)
class VerbForms:
    """A Dutch verb's forms. With a particle, `finite` stand apart from it (klaagt … aan) and
    `joined` hold the forms written as one word (aanklaagt, aanklagen, aangeklaagd)."""

    particle: str
    finite: list[str] = field(default_factory=list)  # present sg/3sg/pl, past sg/pl (without particle)
    infinitive: str = ""
    participle: str = ""
    joined: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        """Every one-word form (with a particle: only those written joined)."""
        if self.particle:
            return self.joined
        return _unique([*self.finite, self.infinitive, self.participle])


def _unique(words: list[str]) -> list[str]:
    return list(dict.fromkeys(w for w in words if w))


def split_lemma(lemma: str) -> tuple[str, str, bool, str | None]:
    """`aan|klagen` → (particle, infinitive without particle, inseparable prefix marked, stem override)."""
    stem = None
    if "/" in lemma:
        lemma, stem = lemma.split("/", 1)
    particle, _, base = lemma.rpartition("|")
    marked = "+" in base
    return particle, base.replace("+", ""), marked, stem


def has_inseparable_prefix(base: str, marked: bool) -> bool:
    if marked or base in GE_PREFIXED:
        return True
    if base in NOT_PREFIXED:
        return False
    return any(base.startswith(p) and len(base) - len(p) >= 4 for p in INSEPARABLE)


def stem_of(inf: str) -> str:
    """The ik-form of a regular verb: klagen → klaag, zetten → zet, geloven → geloof, reizen → reis,
    evacueren → evacueer (two vowels that are no digraph stand in two syllables), waarschuwen →
    waarschuw (no doubled vowel before w)."""
    prefix = next((p for p in INSEPARABLE if inf.startswith(p) and len(inf) - len(p) >= 5), None)
    if prefix and inf not in NOT_PREFIXED and inf not in GE_PREFIXED:  # verlenen → ver + leen, not a schwa (verlen)
        return prefix + stem_of(inf[len(prefix):])
    r = inf[:-2] if inf.endswith("en") else inf[:-1]
    if len(r) >= 2 and r[-1] == r[-2] and r[-1] not in VOWELS:
        r = r[:-1]
    elif (len(r) >= 3 and r[-1] not in VOWELS + "w" and r[-2] in "aeou" and (r[-3] not in VOWELS or r[-3:-1] not in DIGRAPHS)
          and not (r[-2] == "e" and r[-1] in "ln" and (len(r) > 4 or any(ch in VOWELS for ch in r[:-2])))):
        # tekenen, hekelen, openen: a schwa; evacueren: a hiatus
        r = r[:-1] + r[-2] + r[-1]
    return r[:-1] + {"z": "s", "v": "f"}.get(r[-1], r[-1])


def verb_forms(lemma: str, strong: dict[str, dict[str, list[str] | str]]) -> VerbForms:
    particle, base, marked, given_stem = split_lemma(lemma)
    prefixed = has_inseparable_prefix(base, marked)
    out = VerbForms(particle, infinitive=base)
    simple = next((s for s in sorted(strong, key=len, reverse=True) if base.endswith(s)), None)
    head = base[:len(base) - len(simple)] if simple else ""
    if simple and (not head or prefixed or marked):
        row = strong[simple]
        pres = [head + w for w in row.get("pres", [])]
        if not pres:
            st = given_stem or stem_of(base)
            pres = [st, st if st.endswith("t") else st + "t"]
        past = [head + w for w in row["past"]]
        part = str(row["part"])
        if head:  # verbieden → verboden, aanvallen keeps ge- after its particle
            part = head + (part[2:] if part.startswith("ge") and prefixed else part)
        out.finite = _unique([*pres, base, *past])
        out.participle = part
        first = pres[0]
    else:
        st = given_stem or stem_of(base)
        r = base.removesuffix("en")
        voiceless = r[-1:] in KOFSCHIP or r.endswith("ch")
        t = "t" if voiceless else "d"
        out.finite = _unique([st, st if st.endswith("t") else st + "t", base, st + t + "e", st + t + "en"])
        out.participle = (st if prefixed else ge_prefixed(st)) + ("" if st.endswith(t) else t)
        first = st
    if particle:
        out.participle = particle + out.participle
        # not the joined first person ("dat ik ophef"): written so it is the noun far more often (ophef, aanval, opstap)
        out.joined = _unique([particle + w for w in out.finite if w != first] + [particle + base, out.participle])
    return out


def ge_prefixed(stem: str) -> str:
    """ge- before a stem, with a diaeresis where the vowels would merge: geëist, geïnd, geüniformeerd
    (but geijkt, geuit)."""
    if stem[:1] == "e" or (stem[:1] == "i" and stem[1:2] != "j") or (stem[:1] == "u" and stem[1:2] != "i"):
        return "ge" + {"e": "ë", "i": "ï", "u": "ü"}[stem[0]] + stem[1:]
    return "ge" + stem


def noun_forms(noun: str) -> list[str]:
    """A noun and its plural: `verbod/verboden` gives its plural, else by rule
    (aanval → aanvallen, moord → moorden, demonstratie → demonstraties, staking → stakingen)."""
    if "/" in noun:
        return noun.split("/")
    if noun.endswith(("ie", "e", "el", "em", "er", "je", "um", "o", "a", "i", "y")) and not noun.endswith(
            ("ie", "ier")):
        return [noun, noun + "s"]
    if noun.endswith("ie"):
        return [noun, noun + "s", noun + "ën"]
    if noun.endswith(("ing", "heid")):
        return [noun, noun[:-4] + "heden" if noun.endswith("heid") else noun + "en"]
    return [noun, plural_en(noun)]


def plural_en(noun: str) -> str:
    """aanval → aanvallen, aanslag → aanslagen, akkoord → akkoorden, gesprek → gesprekken."""
    if noun[-1] in VOWELS:
        return noun + "s"
    c, v = noun[-1], noun[-2]
    if len(noun) >= 3 and noun[-3:-1] in DIGRAPHS:
        d = noun[-3:-1]
        if d[0] == d[1]:  # aa, ee, oo, uu: open syllable
            return noun[:-3] + d[0] + {"f": "v", "s": "z"}.get(c, c) + "en"
        return noun + "en"
    if v in VOWELS and noun[-3:-2] not in VOWELS and c not in "wxy":
        return noun + c + "en"
    return noun + "en"
