"""The event coder's resources: tokens, trigger patterns per language, actor mentions.

Patterns and clause cues are data (data/<lang>/events.yaml), compiled once per process.
Actor mentions come from the actors stage (doc.entities) first; country adjectives,
demonyms, capitals and names the actors stage does not mark ("Russische aanvallen",
"Kyiv meldde") are found through the knowledge base's word index (kroniek.kb).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any


from .. import lexicons
from .. import kb, plover
from ..model import ActorRef, Doc

_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-'’.]\w+)*|[^\w\s]")
_GENITIVE = re.compile(r"(?:['’]s|s['’]?|['’])$")


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Tokens of text[start:end] with offsets into text."""
    return [Tok(m.start(), m.end(), m.group(), m.group().casefold())
            for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


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


@dataclass(slots=True)
class Mention:
    """An actor named in the text: token range, the actors (several for a compound)."""

    lo: int
    hi: int
    actors: list[ActorRef]
    kind: str  # entity, aliases, adjectives, demonyms, pronoun
    prep: str | None = None  # the preposition governing it
    place: str | None = None  # the place's name when it names a place
    place_prep: bool = False  # governed by a location preposition (in Londen)
    person: bool = False
    genitive: bool = False  # Poetins, Taiwan's: a possessor, never the subject
    sector_word: str | None = None  # the sector of a word after it (Britse regeringen): shared by a compound
    appositive: bool = False  # inside ", leider van de VVD,": describes the subject, is none


@dataclass
class Lexicon:
    lang: str
    patterns: dict[str, list[Pattern]]
    sets: dict[str, frozenset[str]]
    sectors: dict[str, str]
    pronouns: dict[str, frozenset[str]]
    irrealis: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word → word sequences
    verb_nouns: bool = False  # every infinitive is also a noun (nl: het voorstellen)
    keys: frozenset[str] = frozenset()  # per pattern the forms of its least common element

    def __post_init__(self) -> None:
        self.__dict__.update(self.sets)  # lex.negation, lex.clause_breaks, ...

    def __getattr__(self, name: str) -> frozenset[str]:
        raise AttributeError(name)  # a cue list the language file does not give

    def match(self, toks: list[Tok], lo: int, hi: int) -> list[Match]:
        """Non-overlapping pattern matches in a sentence, longer patterns first, in text order."""
        found = []
        for i in range(lo, hi):
            for pat in self.patterns.get(toks[i].low, ()):
                m = self._match_at(pat, toks, i, lo, hi)
                if m:
                    found.append(m)
        found.sort(key=lambda m: (-len(m.idxs), m.head))
        used: set[int] = set()
        keep = []
        for m in found:
            if used.isdisjoint(m.idxs):
                keep.append(m)
                used.update(m.idxs)
        return sorted(keep, key=lambda m: m.head)

    def _match_at(self, pat: Pattern, toks: list[Tok], i: int, lo: int, hi: int) -> Match | None:
        if (not pat.noun and (pat.frame or self.verb_nouns) and i > lo
                and toks[i - 1].low in self.determiners):
            return None
        idxs = [i]
        for forms, final in pat.elems[1:]:
            start = idxs[-1] + 1
            j = next((j for j in range(start, min(hi, start + pat.gap + 1)) if toks[j].low in forms), None)
            if j is None:
                return None
            if final and j + 1 < hi and toks[j + 1].low not in self.clause_breaks and toks[j + 1].text.isalnum():
                return None
            idxs.append(j)
        if pat.elems[0][1] and i + 1 < hi and toks[i + 1].text.isalnum():
            return None
        return Match(pat, i, idxs[-1], tuple(idxs))

    def is_negation(self, low: str) -> bool:
        return low in self.negation or low.endswith("n't")

    def is_irrealis(self, toks: list[Tok], i: int) -> bool:
        return any(tuple(t.low for t in toks[i:i + len(seq)]) == seq for seq in self.irrealis.get(toks[i].low, ()))

    def opens_condition(self, toks: list[Tok], i: int, hi: int) -> bool:
        """'als' opens a condition only before a subject (als er, als Rusland), not 'als president'."""
        if toks[i].low not in self.conditional_needs_subject:
            return True
        nxt = toks[i + 1] if i + 1 < hi else None
        return bool(nxt) and (nxt.text[:1].isupper() or nxt.low in self.subject_starts
                              or nxt.low in self.determiners)

    def time_is_bound(self, text: str, start: int) -> bool:
        """A time expression after 'sinds'/'since' dates a state's start, not this act."""
        before = _TOKEN.findall(text, max(0, start - 40), start)
        return any(w.casefold() in self.not_event_time for w in before[-5:])

    def may_trigger(self, text: str, start: int, end: int) -> bool:
        """A cheap test before tokenizing: does the sentence hold a word some pattern cannot do without?"""
        return any(w.casefold() in self.keys for w in _TOKEN.findall(text, start, end))


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


def _forms(elem: str, suffixes: list[str], dutch: bool = False) -> tuple[frozenset[str], bool]:
    final = elem.endswith("$")
    out = set()
    for alt in elem.rstrip("$").split("|"):
        alt = alt.casefold()
        if alt.endswith("*"):
            out.update(alt[:-1] + s for s in suffixes)
            open_stem = _open_stem(alt[:-1]) if dutch else None
            if open_stem:
                out.update(open_stem + s for s in _OPEN_ENDINGS)
        else:
            out.add(alt)
    return frozenset(out), final


@cache
def lexicon(lang: str) -> Lexicon | None:
    """The compiled lexicon of a language (None when it has none), built once per process."""
    raw: dict[str, Any] | None = lexicons.for_language(lang, "events")
    if raw is None:
        return None
    suffixes = raw["suffixes"]
    dutch = raw.get("spelling") == "nl"
    patterns: dict[str, list[Pattern]] = {}
    for entry in [*raw.get("frames", []), *raw.get("triggers", [])]:
        elems = [_forms(str(e), suffixes, dutch) for e in entry["p"]]
        pat = Pattern(elems, entry.get("cameo"), entry.get("type"), entry.get("mode"), entry.get("frame"),
                      entry.get("pos") == "noun", entry.get("gap", 4), bool(entry.get("embeds")),
                      bool(entry.get("modal")), bool(entry.get("needs_target")), bool(entry.get("needs_subject")))
        for form in elems[0][0]:
            patterns.setdefault(form, []).append(pat)
    names = ("determiners", "negation", "conditional", "conditional_end", "question_words", "question_after",
             "clause_breaks", "compound_joiners", "passive_aux", "passive_by", "prepositions",
             "location_prepositions", "not_event_time", "complementizers", "agent_places", "conditional_needs_subject", "subject_starts",
             "genitive_prepositions", "appositive_openers")
    sets = {n: frozenset(str(w).casefold() for w in raw.get(n, [])) for n in names}
    sectors = {}
    for sector, words in raw.get("sectors", {}).items():
        for w in words:
            for form in _forms(w, suffixes, dutch)[0]:
                sectors.setdefault(form, sector)
    pronouns = {k: frozenset(v) for k, v in raw.get("pronouns", {}).items()}
    irrealis: dict[str, list[tuple[str, ...]]] = {}
    for w in raw.get("irrealis", []):
        parts = w.split()
        seqs = [(f,) for f in _forms(parts[0], suffixes, dutch)[0]] if len(parts) == 1 else [
            tuple(p.casefold() for p in parts)]
        for seq in seqs:
            irrealis.setdefault(seq[0], []).append(seq)
    keys = {form for pats in patterns.values() for pat in pats for form in _key(pat)}
    return Lexicon(lang, patterns, sets, sectors, pronouns, irrealis, bool(raw.get("verb_nouns")), frozenset(keys))


def _key(pat: Pattern) -> frozenset[str]:
    """The element a sentence must contain for the pattern to matter: the one with the longest
    shortest form ('alert' in 'on alert'); none for a bare intention frame, which needs an act."""
    if pat.frame == "intend":
        return frozenset()
    best = max(reversed(pat.elems), key=lambda e: min(map(len, e[0])))
    return best[0]


@cache
def _kb_words() -> dict[str, list[tuple[tuple[str, ...], Any, str]]]:
    """First word → (all words, actor, kind) for every KB name, longest first; built once."""
    index = kb.default().index
    out: dict[str, list[tuple[tuple[str, ...], Any, str]]] = {}
    for name, hits in index.items():
        words = tuple(t.low for t in tokenize(name))
        if words:
            for actor, kind in hits:
                out.setdefault(words[0], []).append((words, actor, kind))
    for lst in out.values():
        lst.sort(key=lambda x: -len(x[0]))
    return out


def _kb_ref(actor: Any, as_place: bool) -> tuple[ActorRef | None, str | None]:
    """The actor a KB record stands for (a capital stands for its government) and its place name."""
    country = actor.country or actor.stands_for
    place = actor.name if actor.type == "LOC" else None
    if actor.stands_for and not as_place:
        gov = kb.get(actor.stands_for)
        name = gov.name if gov else actor.name
        return ActorRef(actor.stands_for, name, actor.stands_for, "GOV"), place
    return ActorRef(actor.id, actor.name, country, actor.sector), place


def _entity_ref(ref: ActorRef) -> ActorRef:
    if ref.country:
        return ref
    actor = kb.get(ref.id)
    country = actor.country or actor.stands_for if actor else None
    return ActorRef(ref.id, ref.name, country, ref.sector)


def _is_genitive(text: str) -> bool:
    """'Poetins', "Taiwan's": the name is known to the KB only without its genitive ending."""
    key = text.casefold()
    stripped = _GENITIVE.sub("", key)
    return stripped != key and _known(stripped) and not _known(key)


def _known(name: str) -> bool:
    seq = tuple(t.low for t in tokenize(name))
    return bool(seq) and any(words == seq for words, _, _ in _kb_words().get(seq[0], []))


def _place_name(surface: str, ref: ActorRef) -> str:
    """The KB's name for a place as written ('Londen' → 'London'), else the linked actor's."""
    hits = [a for a in kb.default().lookup(surface) if a.type == "LOC"]
    return hits[0].name if hits else ref.name


def _governing(toks: list[Tok], lo: int, lex: Lexicon) -> str | None:
    j = lo - 1
    while j >= 0 and toks[j].low in lex.determiners:
        j -= 1
    if j >= 0 and toks[j].low in lex.prepositions:
        return toks[j].low
    return None


def find_mentions(doc: Doc, toks: list[Tok], lex: Lexicon) -> list[Mention]:
    """Actor mentions in text order, with sectors, pronouns resolved and compounds joined."""
    starts = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end: i for i, t in enumerate(toks)}
    # "Netanyahu's" is one token, the entity ends before its possessive
    possessed = {t.end - 2: i for i, t in enumerate(toks) if t.low.endswith(("'s", "’s"))}
    taken: set[int] = set()
    found: list[Mention] = []
    for e in doc.entities:
        if e.actor is None or e.start not in starts or (e.end not in ends and e.end not in possessed):
            continue
        ref = _entity_ref(e.actor)
        if not ref.country and ref.sector not in ("IGO", "NGO") and e.type != "PER":
            continue
        lo, hi = starts[e.start], ends[e.end] + 1 if e.end in ends else possessed[e.end] + 1
        kind = "adjectives" if e.type == "MISC" else "entity"
        found.append(Mention(lo, hi, [ref], kind, place=_place_name(e.text, ref) if e.type == "LOC" else None,
                             person=e.type == "PER", genitive=e.end not in ends or _is_genitive(e.text)))
        if ref.country or ref.sector:
            taken.update(range(lo, hi))
    words = _kb_words()
    i = 0
    while i < len(toks):
        tok = toks[i]
        if i in taken or not tok.text[:1].isupper():
            i += 1
            continue
        key = _GENITIVE.sub("", tok.low)
        hit = None
        head = tok.low.split("-")[0] if "-" in tok.low else None  # US-led, Syrian-backed
        for seq, actor, kind in words.get(tok.low, []) + words.get(key, []) + words.get(head or "", []):
            n = len(seq)
            got = tuple(t.low for t in toks[i:i + n])
            if got and n > 1:
                got = (*got[:-1], _GENITIVE.sub("", got[-1]))
            if (got == seq or (n == 1 and seq[0] in (key, head))) and not taken.intersection(range(i, i + n)):
                hit = (n, actor, kind)
                break
        if hit is None:
            i += 1
            continue
        n, actor, kind = hit
        prep = _governing(toks, i, lex)
        as_place = prep in lex.location_prepositions
        ref, place = _kb_ref(actor, as_place)
        if ref is not None and (ref.country or actor.type == "ORG"):
            found.append(Mention(i, i + n, [ref], kind, place=place, person=actor.type == "PER",
                                 genitive=toks[i + n - 1].low != seq[-1]))
        i += n
    found.sort(key=lambda m: m.lo)
    for m in found:
        m.prep = _governing(toks, m.lo, lex)
        if m.prep in lex.genitive_prepositions:
            m.prep = None
        m.place_prep = bool(m.place) and m.prep in lex.location_prepositions
        _sector(toks, m, lex)
    found = _agents_in(toks, found, lex)
    found = _pronouns(doc, toks, found, lex)
    return _compounds(toks, found, lex)


def _agents_in(toks: list[Tok], found: list[Mention], lex: Lexicon) -> list[Mention]:
    """'Security forces in Guinea', 'rebels in the Ivory Coast': an agent placed in a country acts for it."""
    by_start = {m.lo: m for m in found}
    covered = {i for m in found for i in range(m.lo, m.hi)}
    out = list(found)
    possessive = lex.pronouns.get("group", frozenset()) | lex.pronouns.get("person", frozenset())
    for i, t in enumerate(toks):
        sector = lex.sectors.get(t.low)
        if not sector or i in covered or (i > 0 and toks[i - 1].low in possessive):
            continue
        j = i + 1
        while j < len(toks) and j - i <= 2 and toks[j].low not in lex.agent_places:
            j += 1
        if j >= len(toks) or toks[j].low not in lex.agent_places:
            continue
        k = j + 1
        while k < len(toks) and toks[k].low in lex.determiners:
            k += 1
        place = by_start.get(k)
        if place is None or place not in out or len(place.actors) != 1 or not place.actors[0].country:
            continue
        a = place.actors[0]
        lo = i - 1 if i > 0 and toks[i - 1].low in lex.sectors else i
        out.remove(place)
        out.append(Mention(lo, place.hi, [ActorRef(a.country, a.name, a.country, sector)], "agent",
                           prep=_governing(toks, lo, lex)))
    return sorted(out, key=lambda m: m.lo)


def _sector(toks: list[Tok], m: Mention, lex: Lexicon) -> None:
    """'Russische troepen' → RUS MIL: a sector word right after the mention extends it.
    A person's office or government ("Netanyahu's office") acts for the person's country."""
    for j in range(m.hi, min(len(toks), m.hi + 3)):
        sector = lex.sectors.get(toks[j].low)
        if sector:
            if m.person and sector == "GOV" and all(a.country for a in m.actors):
                m.actors = [ActorRef(a.country, _country_name(a.country), a.country, "GOV") for a in m.actors]
                m.person = False
            else:
                m.actors = [ActorRef(a.id, a.name, a.country, a.sector or sector) for a in m.actors]
            m.hi = j + 1
            m.place = None
            m.genitive = False
            m.sector_word = sector
            return
        if not toks[j].text[:1].isupper():
            return


def _country_name(country: str) -> str:
    actor = kb.get(country)
    return actor.name if actor else country


def _pronouns(doc: Doc, toks: list[Tok], found: list[Mention], lex: Lexicon) -> list[Mention]:
    """He/she → the last person named; it/they → this sentence's last actor, else the last
    one before; we → the quote's speaker."""
    kinds = {w: k for k, words in lex.pronouns.items() for w in words}
    people = sorted((e.start, e.actor) for e in doc.entities if e.type == "PER" and e.actor)
    people_at = [p[0] for p in people]
    sent_starts = [s[0] for s in doc.sentences]
    out = list(found)
    prior: list[Mention] = []
    j = 0
    for i, t in enumerate(toks):
        kind = kinds.get(t.low)
        if kind is None:
            continue
        while j < len(found) and found[j].hi <= i:
            if not found[j].place_prep:
                prior.append(found[j])
            j += 1
        actors, person = None, False
        if kind == "speaker":
            ref = next((q.speaker for q in doc.quotes if q.start <= t.start < q.end and q.speaker), None)
            actors = [ActorRef(ref.id, ref.name, ref.country)] if ref else None
        elif kind == "person":
            k = bisect_right(people_at, t.start) - 1
            actors, person = ([_entity_ref(people[k][1])] if k >= 0 else None), True
        else:
            k = bisect_right(sent_starts, t.start) - 1
            first = sent_starts[k] if k >= 0 else 0
            here = [m for m in prior[-6:] if toks[m.lo].start >= first]  # its/their: this sentence's actor
            ante = (here or prior)[-1] if prior else None
            actors = list(ante.actors) if ante else None
        if actors:
            out.append(Mention(i, i + 1, actors, "pronoun", prep=_governing(toks, i, lex), person=person))
    return sorted(out, key=lambda m: m.lo)


def _compounds(toks: list[Tok], found: list[Mention], lex: Lexicon) -> list[Mention]:
    """'de Oekraïense, Amerikaanse, Franse en Britse regeringen' → one mention of four actors."""
    out: list[Mention] = []
    for m in found:
        if out:
            prev = out[-1]
            between = toks[prev.hi:m.lo]
            if (between and all(t.low in lex.compound_joiners or t.low in lex.determiners for t in between)
                    and not prev.place_prep and not m.person and not prev.person):
                # a sector word after the last part is shared ("Britse regeringen"); an actor's
                # own sector (Hamas: REB) is not spread to the others ("Israel and Hamas")
                sector = m.sector_word
                actors = [ActorRef(a.id, a.name, a.country, a.sector or sector) for a in prev.actors + m.actors]
                out[-1] = Mention(prev.lo, m.hi, actors, m.kind, prev.prep, sector_word=sector)
                continue
        out.append(m)
    return out
