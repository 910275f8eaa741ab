"""Names as the KB and the text give them, for the speaker resolver: a description as written, the
person's name inside a titled phrase, the country a phrase points to, the one KB actor of a name,
and the KB's first names and surnames. Pure functions of a language's quote lexicon and the KB."""
from __future__ import annotations

import re

from ...kb import KB, Actor
from ...model import Entity
from .lexicon import QuoteLexicon

_POSSESSIVE_WORD = re.compile(r"\w+(?:['’]\w+)?")


_FIRST_NAMES: dict[int, dict[str, str]] = {}


def first_name_genders(kb: KB) -> dict[str, str]:
    """First name -> gender, from the KB's persons whose first names agree on it (Emily: f)."""
    if id(kb) not in _FIRST_NAMES:
        seen: dict[str, set[str]] = {}
        for actor in kb.actors.values():
            if actor.gender in ("m", "f") and " " in actor.name:
                seen.setdefault(actor.name.split()[0].casefold(), set()).add(actor.gender)
        _FIRST_NAMES[id(kb)] = {n: next(iter(g)) for n, g in seen.items() if len(g) == 1 and len(n) > 2}
    return _FIRST_NAMES[id(kb)]


_SURNAMES: dict[int, dict[str, list[Actor]]] = {}


def surnames(kb: KB) -> dict[str, list[Actor]]:
    """Surname -> the KB's persons with it (Clinton: Bill, Hillary), built once per KB."""
    if id(kb) not in _SURNAMES:
        out: dict[str, list[Actor]] = {}
        for actor in kb.actors.values():
            if actor.type == "PER" and " " in actor.name:
                out.setdefault(actor.name.split()[-1].casefold(), []).append(actor)
        _SURNAMES[id(kb)] = out
    return _SURNAMES[id(kb)]


def prominent(kb: KB, surname: str, linked: Actor | None, day: str | None, hon: str | None) -> Actor | None:
    """The KB person a bare surname is, when not the one linked: its bearer who held office nearest
    the article's date ("Clinton" in 2016 is Hillary, in 1996 Bill), of the honorific's gender when
    one stands before it ("Mr. Clinton" in 2016 is Bill). None: keep the linked one."""
    people = surnames(kb).get(surname, [])
    fitting = [a for a in people if a.gender == hon] if hon else []
    if fitting and linked is not None and linked.gender not in (hon, None):  # the tagger took the other one
        return min(fitting, key=lambda a: office_distance(a, day) if day else 0.0)
    people = fitting or people
    best = min(people, key=lambda a: (office_distance(a, day), a.id != (linked and linked.id))) \
        if len(people) > 1 and day else None
    if best is None or linked is not None and best.id == linked.id \
            or office_distance(best, day) >= office_distance(linked, day):
        return None
    return best


def surname_end(e: Entity, text: str, lex: QuoteLexicon, kb: KB) -> int | None:
    """Where the surname ends that a tagger cut off a first name at its lower-case particle ("Jan | de
    Boer", "Louis | van Gaal"): a known first name last, not a KB actor, then particles and one
    capitalised word that names nothing in the KB ("Abdullah van Jordanië" is a king of a country)."""
    if e.type != "PER" or (e.actor is not None and e.actor.id is not None) \
            or e.text.split()[-1].casefold() not in first_name_genders(kb):  # "Politicoloog Sarah" too
        return None
    m = _SURNAME.match(text, e.end)
    if m is None or not all(w in lex.name_particles for w in m.group(1).split()) or kb.lookup(m.group(2)):
        return None
    return m.end()


_SURNAME = re.compile(r"((?: [a-z']+){1,2}) (\w[\w'’-]*)")


def office_distance(actor: Actor | None, day: str) -> float:
    """Years between a day and the nearest time the actor held an office (0 in office; inf with none)."""
    if actor is None or not actor.roles:
        return float("inf")
    year = _year(day, float("nan"))
    out = float("inf")
    for role in actor.roles:
        lo = _year(role.start, float("-inf"))
        hi = _year(role.end, float("inf"))
        out = min(out, 0.0 if lo <= year <= hi else min(abs(year - lo), abs(year - hi)))
    return out


def _year(day: str | None, default: float) -> float:
    """An ISO day as a fractional year (2016-07-01 → 2016.5); default when there is none."""
    parts = [int(p) for p in (day or "")[:10].split("-") if p.isdigit()]
    return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 and 1 <= parts[1] <= 12 else 0.0) if parts else default


def lookup(name: str, kb: KB) -> Actor | None:
    """The one KB actor with this name (a place standing for a government gives that government)."""
    hits = kb.lookup(name)
    if len(hits) != 1:
        return None
    actor = hits[0]
    if actor.stands_for:
        return kb.get(actor.stands_for) or actor
    return actor


def phrase_as_written(phrase: str, lex: QuoteLexicon) -> str:
    """A description as the text has it, its determiner lower-cased at a sentence start ('het
    ministerie'), unless it opens a name ('The Times')."""
    words = phrase.split()
    if len(words) > 1 and words[0].casefold() in lex.determiners and words[1][:1].islower():
        return words[0].lower() + phrase[len(words[0]):]
    return phrase


def proper(phrase: str, lex: QuoteLexicon) -> str:
    """The name in 'USCG Captain Monica Rochester' or 'Prosecutor Krzysztof Sierak': the capitalised
    words at the end back to a title or an acronym, when two or more; else the phrase (also when
    they follow 'van/of' or another preposition after a lower-case head: where that person is)."""
    phrase = phrase_as_written(phrase, lex)
    words = phrase.split()
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() and not titled(words[k - 1], lex)
                     and not (len(words[k - 1]) > 1 and words[k - 1].isupper())
                     or k > 1 and words[k - 1] == lex.genitive and words[k - 2][:1].isupper()
                     and not titled(words[k - 2], lex)):  # "House of Commons Library"
        k -= 1
    head = [w.casefold() for w in words[:k] if w.casefold() not in lex.determiners]
    if len(head) > 1 and words[k - 1].islower() and (lex.genitive in head or head[-1] in lex.prepositions):
        return phrase  # "de voorzitter van de Werkgroep Zuid", "de inspecteur bij het Hof van Cassatie": a person there
    return " ".join(words[k:]) if 0 < k and len(words) - k >= 2 else phrase


def titled(word: str, lex: QuoteLexicon) -> bool:
    """A title, or a role compound a party or body opens ("SP-Kamerlid", "FNV-bestuurder", "Nibud-directeur")."""
    low = word.casefold().strip(".")
    return low in lex.titles or "-" in low and (low.rsplit("-", 1)[1] in lex.titles or lex.is_role(low))


def strip_titles(name: str, lex: QuoteLexicon) -> str:
    """A person's name without the titles, honorifics and owners before it ("Mme Spanton", "NBC's X")."""
    words = proper(name, lex).split()
    while len(words) > 1 and (titled(words[0], lex) or words[0].casefold().strip(".") in lex.honorifics
                              or words[0].casefold() in lex.prepositions and words[0].casefold() not in lex.name_particles
                              or len(words) > 2 and words[0].endswith(lex.possessives)):  # "NBC’s Dante Chinni"
        words = words[1:]  # "Behalve Van Alebeek": a tagger's name may open with a preposition too
    return " ".join(words)


def country_in(text: str, lex: QuoteLexicon, kb: KB) -> str | None:
    """The country an adjective or a possessive place name in a noun phrase points to
    ("de Russische president", "Qatar's prime minister")."""
    for w in _POSSESSIVE_WORD.findall(text.casefold()):
        owner = next((w[:-len(p)] for p in lex.possessives if w.endswith(p)), None)
        if owner:
            place = next((a for a in kb.lookup(owner) if a.type == "LOC" and a.country), None)
            if place is not None:
                return place.country
            continue
        for actor, kind in kb.index.get(w, []):
            if kind in ("adjectives", "demonyms"):
                return actor.country or actor.id
    return None
