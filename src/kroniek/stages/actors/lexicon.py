"""The actor stage's resources: a language's word lists and the KB automaton, built once per KB.

Word lists live in `data/<lang>/actors.yaml` (a language is a data change); the automaton holds
every name, adjective and demonym of the KB it is built from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ... import lexicons
from ...kb import KB, WORD_KINDS, Actor, from_archigos
from . import spellings

CAP = "A-ZÀ-ÖØ-ÞĀ-ŽŁŚŠŽČĆŘ"  # capital letters that start a name


@dataclass(slots=True)
class ActorLexicon:
    """One language's word lists from data/<lang>/actors.yaml."""

    titles: frozenset[str]
    title_ends: frozenset[str]  # the last words of titles of several words, lower case ("state" of "Secretary of State")
    roles: dict[str, str]
    government: frozenset[str]
    org_heads: frozenset[str]
    org_words: frozenset[str]
    place_preps: frozenset[str]
    place_suffixes: tuple[str, ...]
    particles: frozenset[str]
    never: frozenset[str]
    first_names: frozenset[str]
    org_suffixes: tuple[str, ...]
    misc_suffixes: tuple[str, ...]
    default_type: str
    tagger_types: frozenset[str]  # the name tagger's types that count; none: the tagger is not run
    adjective_endings: tuple[str, ...]
    heads_re: re.Pattern
    military: frozenset[str]
    surnames: frozenset[str]
    surname_words: frozenset[str]  # surnames that are common words too: no sign at a sentence start
    common_words: frozenset[str]  # frequent words written in lower case, no adjectives: glued at a sentence start
    places: frozenset[str]
    place_country: dict[str, tuple[str, ...]]
    portfolio_words: frozenset[str]
    place_particles: frozenset[str]
    determiners: frozenset[str]
    sector_nouns: dict[str, str]
    phrases: tuple[str, ...]
    portfolio: frozenset[str]
    speech_verbs: frozenset[str]
    org_cues: frozenset[str]
    place_cues: frozenset[str]
    possessives: tuple[str, ...]
    group_nouns: dict[str, str]
    group_qualifiers: dict[str, str]
    groups_re: re.Pattern | None
    function_words: frozenset[str]  # lower case: a sentence-initial one glued to a name is no part of it
    demonyms: frozenset[str]  # "Duitser", "Belgen": a person's nationality before the name, no part of it
    name_determiners: frozenset[str]  # an organisation's article that is no part of its name ("The")
    not_names: frozenset[str]  # abbreviations that name no actor: "UTC", "DNA", "CCTV"
    country_codes: dict[str, str]  # "Fra", "Ned", "DEU" → the country: "Jalabert (Fra)" in results
    loc_modifiers: frozenset[str]  # a name's first word that makes it a place ("Southern Rhodesia")
    loc_heads: frozenset[str]  # a name's last word that makes it a place ("Trafalgar Square")
    misc_heads: frozenset[str]  # a name's last word that makes it an event, a prize or a law ("Labor Day")
    misc_names: frozenset[str]  # recurring events, competitions and holidays: MISC whatever the context ("Wimbledon")
    list_joiners: frozenset[str]  # what joins the parts of a list ("Asiel en Migratie"), lower case
    date_words: frozenset[str]  # month abbreviations: before a day number a date ("Oct 11", "Jan. 3"), no name
    articles: frozenset[str]  # definite and indefinite articles, lower case: "X, de/een …" is an apposition
    name_joiners: frozenset[str]  # what joins two names into one firm's: "Lernout & Hauspie" (an org word too)
    person_kinds: tuple[str, ...]  # a lower-case noun before a name naming a person's role ("ex-legerleider X")
    person_roles: tuple[str, ...]  # person_kinds and the quote stage's speaker roles: "de Oekraïense ambassadeur X"
    place_kinds: tuple[str, ...]  # a lower-case noun before a name naming its kind of place ("pilootstad X")
    street_suffixes: tuple[str, ...]  # a compound's tail that makes a street or square of any name
    org_kinds: tuple[str, ...]  # a lower-case noun before a name naming its kind ("de zakenbank X"): ORG
    name_articles: frozenset[str]  # a capitalised article opening a name ("The Times", "Het Volk"): no person
    kind_links: frozenset[str]  # "chef van de dienst X": a kind noun after one names whose, not X's kind
    org_preps: frozenset[str]  # a preposition of affiliation before a name ("bij X"): ORG
    legal_forms: frozenset[str]  # a company's legal form after its name ("X bvba"), lower case
    surname_prefixes: tuple[str, ...]  # "Vanden…": a one-word surname
    surname_suffixes: tuple[str, ...]  # "…ckx", "…aerts": a one-word surname
    genitive: str  # the genitive ending written together with a name ("Davenports"); "" where none


_SETS = ("titles", "government", "org_heads", "org_words", "place_preps", "particles", "never", "military",
         "portfolio", "portfolio_words", "place_particles", "determiners", "speech_verbs",
         "org_cues", "place_cues", "loc_heads", "misc_heads", "misc_names", "name_determiners", "not_names", "loc_modifiers",
         "list_joiners", "org_preps", "kind_links", "name_joiners", "articles",
         "name_articles", "date_words")
_TUPLES = ("surname_prefixes", "surname_suffixes", "place_suffixes", "org_suffixes", "misc_suffixes", "adjective_endings", "possessives", "org_kinds",
           "street_suffixes", "place_kinds", "person_kinds")


@lru_cache(maxsize=8)
def lexicon(lang: str, kb: KB) -> ActorLexicon:
    """The word lists of a language (English when it has none) with the KB's first names, built once."""
    raw = lexicons.for_language(lang, "actors", fallback="en")
    firsts = {a.name.split()[0] for a in kb.actors.values()
              if a.type == "PER" and len(a.name.split()) > 1 and not a.name.split()[0].endswith(".")}
    heads = "|".join(map(re.escape, raw["org_heads"]))
    links = "|".join(map(re.escape, sorted(raw["org_head_links"], key=len, reverse=True)))
    return ActorLexicon(
        **{k: frozenset(raw.get(k) or ()) for k in _SETS if k != "titles"},
        titles=frozenset(t for title in raw.get("titles") or () for t in (title, title.lower())),
        title_ends=frozenset(str(t).split()[-1].lower() for t in raw.get("titles") or () if " " in str(t)),
        **{k: tuple(raw.get(k) or ()) for k in _TUPLES},
        roles=dict(raw["roles"]),
        person_roles=tuple(sorted({*(raw.get("person_kinds") or ()),
                                   *(lexicons.for_language(lang, "quotes", fallback="en").get("roles") or ())})),
        sector_nouns=dict(raw.get("sector_nouns") or {}),
        group_nouns={k.lower(): v for k, v in (raw.get("group_nouns") or {}).items()},
        group_qualifiers={k.lower(): v for k, v in (raw.get("group_qualifiers") or {}).items()},
        groups_re=_groups_re(raw),
        phrases=tuple(sorted({*raw["roles"], *raw["government"], *(raw.get("sector_nouns") or {})},
                             key=len, reverse=True)),
        first_names=frozenset(firsts | set(raw.get("first_names") or ()) | lexicons.word_list("kb", "first_names.txt")),
        default_type=raw.get("default_type", "MISC"),
        genitive=str(raw.get("genitive") or ""),
        tagger_types=frozenset(raw.get("tagger_types") or ()),
        legal_forms=frozenset(str(f).lower() for f in raw.get("legal_forms") or ()),
        heads_re=re.compile(rf"\b(?:{heads}) (?:{links}) ([{CAP}][\w-]*(?: [{CAP}][\w-]*)*)"),
        surnames=surnames(lang),
        surname_words=lexicons.word_list(lang, "surname_words.txt"),
        common_words=lexicons.word_list(lang, "common_words.txt"),
        places=gazetteer() | frozenset(place_countries()) | frozenset(local_places(lang)),
        place_country=_with_local(place_countries(), local_places(lang)),
        function_words=lexicons.word_list(lang, "function_words.txt"),
        demonyms=demonyms(kb, lang),
        country_codes={**country_codes(kb, lang), **(raw.get("results_codes") or {})},
    )


def country_codes(kb: KB, lang: str) -> dict[str, str]:
    """The abbreviations of countries in sports results ("Jalabert (Fra)", "Boogerd (Ned)"): the first
    three letters of a country's name in the language, and its ISO 3166 alpha-3 code. Of two
    countries sharing an abbreviation the one with a one-word name has it ("Fra": Frankrijk, not
    Frans-Guyana); one shared still ("Aus": Australia, Austria) is left out."""
    out: dict[str, dict[str, bool]] = {}
    for actor in kb.actors.values():
        if actor.type == "LOC" and actor.country == actor.id and len(actor.id) == 3:
            names = [*actor.aliases.get(lang, ()), *([actor.name] if lang == "en" else ())]
            for name in names[:2]:
                if len(name) > 3 and name[:3].isalpha():
                    ids = out.setdefault(name[:3].capitalize(), {})
                    ids[actor.id] = ids.get(actor.id, False) or name.isalpha()
            out.setdefault(actor.id, {})[actor.id] = True
    codes = {}
    for code, ids in out.items():
        single = [i for i, one_word in ids.items() if one_word] if len(ids) > 1 else list(ids)
        if len(single) == 1:
            codes[code] = single[0]
    return codes


def demonyms(kb: KB, lang: str) -> frozenset[str]:
    """The KB's demonyms of a language with their singulars, which the KB does not list: "Duitsers"
    → "Duitser", "Belgen" → "Belg", "Russen" → "Rus", "Amerikanen" → "Amerikaan", "Britons" → "Briton"."""
    out = set()
    for actor in kb.actors.values():
        for plural in actor.demonyms.get(lang, ()):
            out.add(plural)
            if plural.endswith("en") and len(plural) > 4:
                stem = plural[:-2]
                if stem[-1] == stem[-2]:  # "Russen": a doubled consonant is single in the singular
                    stem = stem[:-1]
                elif stem[-2] in "aeou" and stem[-3] not in "aeiou" and stem[-1] not in "aeiou":
                    stem = stem[:-1] + stem[-2:]  # "Amerikanen": an open syllable's vowel is doubled
                out.add(stem)
            elif plural.endswith("s"):
                out.add(plural[:-1])
    return frozenset(out)


def _groups_re(raw: dict) -> re.Pattern | None:
    """A group noun after a qualifier (group 1 the qualifier, 2 the noun), or before a link word
    and a capitalised place, which starts where the match ends (group 3 the noun): "federal
    authorities", "governments in east Asia"."""
    nouns = sorted(raw.get("group_nouns") or (), key=len, reverse=True)
    if not nouns:
        return None
    noun = "|".join(re.escape(n) + "|" + re.escape(n.capitalize()) for n in nouns)
    quals = "|".join(re.escape(q) + "|" + re.escape(q.capitalize())
                     for q in sorted(raw.get("group_qualifiers") or (), key=len, reverse=True)) or "(?!)"
    links = "|".join(map(re.escape, raw.get("group_links") or ())) or "(?!)"
    return re.compile(rf"\b(?:({quals}) ({noun})\b|({noun}) (?:{links}) (?:(?:the|de|het) )?(?:[a-z]+ )?(?=[{CAP}]))")


def surnames(lang: str) -> frozenset[str]:
    """Common surnames (one a line, data/<lang>/surnames.txt) that type a lone name as a person."""
    return lexicons.word_list(lang, "surnames.txt")


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """City names (GeoNames, 15,000+ people; data/kb/gazetteer.txt) that type an unknown name as LOC."""
    return lexicons.word_list("kb", "gazetteer.txt")


def local_places(lang: str) -> dict[str, tuple[str, ...]]:
    """A language's own names of places (data/<lang>/places.tsv: exonyms such as "Keulen", "Luik",
    "Schotland", and seas, rivers and regions) with their country; none where the file leaves it empty."""
    path = lexicons.DATA / lang / "places.tsv"
    if not path.is_file():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line and line[0] != "#":
            name, _, country = line.partition("\t")
            out[name] = (*out.get(name, ()), country) if country else ()
    return out


def _with_local(places: dict[str, tuple[str, ...]], local: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """GeoNames' countries of places with a language's own names added: a country joins those of a name
    ("Bergen": NOR and, in Dutch, BEL); an empty one says the name has none ("Balkan")."""
    out = dict(places)
    for name, countries in local.items():
        out[name] = tuple(dict.fromkeys((*out.get(name, ()), *countries))) if countries else ()
    return out


@lru_cache(maxsize=1)
def place_countries() -> dict[str, tuple[str, ...]]:
    """The countries of a city or region (data/kb/place_countries.tsv, built from GeoNames and ISO
    3166-2 by scripts/build_kb.py): an unknown "Aden" or "Texas" is a place of YEM, of USA. A name
    several countries hold has them all ("Limburg": BEL, NLD); the article chooses (link.py)."""
    path = lexicons.DATA / "kb" / "place_countries.tsv"
    if not path.is_file():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line and line[0] != "#":
            name, country = line.split("\t")
            out[name] = (*out.get(name, ()), country)
    return out


@lru_cache(maxsize=1)
def all_titles() -> frozenset[str]:
    """Every language's titles, lower case: a KB alias may start with one ("koning Willem-Alexander",
    "King Charles") in any article, since every language's names are matched everywhere."""
    out: set[str] = set()
    for path in lexicons.DATA.glob("*/actors.yaml"):
        out.update(str(t).lower() for t in lexicons.load(path.parent.name, path.name).get("titles") or ())
    return frozenset(out)


def title_length(name: str, titles: frozenset[str]) -> int:
    """Characters of the leading title(s) and their space in a name ("King " in "King Charles"):
    the title is context, so the entity starts after it. 0 when the name has no title."""
    words = name.split(" ")
    i = 0
    while i < len(words) - 1:
        n = next((n for n in (3, 2, 1) if i + n < len(words) and " ".join(words[i:i + n]).lower() in titles), 0)
        if not n:
            break
        i += n
    return len(" ".join(words[:i])) + 1 if i else 0


@lru_cache(maxsize=8)
def automaton(kb: KB) -> ahocorasick.Automaton:
    """The KB's automaton, from the cache when the KB and the title lists are unchanged."""
    if not kb.digest:
        return _build_automaton(kb)
    titles = [*sorted(lexicons.DATA.glob("*/actors.yaml")), lexicons.DATA / "spellings.yaml"]
    return lexicons.cached("automaton", lexicons.files_digest(titles, kb.digest), lambda: _build_automaton(kb))


def _build_automaton(kb: KB) -> ahocorasick.Automaton:
    """Every alias, adjective and demonym of the KB (and PER genitives) in one automaton.

    A value is (length, hits, langs, skip): `langs` is None, or for a country's name the languages
    that use it, so the English "Jordan" or "Chad" is no country in a Dutch text; `skip` is the
    length of a leading title ("koning " in "koning Willem-Alexander"), which is not part of the name."""
    table: dict[str, list[tuple[str, str]]] = {}
    langs: dict[str, set[str] | None] = {}
    untitled: set[str] = set()
    for actor in kb.actors.values():
        country = actor.type == "LOC" and actor.country == actor.id
        for kind in WORD_KINDS:
            for lang, name in _names(actor, kind):
                if len(name) < 2 or (kind == "aliases" and from_archigos(actor) and " " not in name):
                    continue
                forms = [name]
                if kind == "aliases" and actor.type == "PER":
                    forms += [name + "s", name + "'s", name + "’s"]
                if kind != "aliases" or actor.type != "PER" or name == actor.name:
                    untitled.update(forms)  # "General Motors", "Sheikh Hasina": no title to strip
                for form in forms:
                    hits = table.setdefault(form, [])
                    if (actor.id, kind) not in hits:
                        hits.append((actor.id, kind))
                    if not (country and kind == "aliases") or lang == "*":
                        langs[form] = None
                    elif langs.get(form, set()) is not None:
                        langs.setdefault(form, set()).add(lang)
    _add_spellings(kb, table, langs, untitled)
    auto = ahocorasick.Automaton()
    titles = all_titles()
    for form, hits in table.items():
        only = langs.get(form)
        auto.add_word(form, (len(form), tuple(hits), frozenset(only) if only else None,
                             0 if form in untitled else title_length(form, titles)))
    auto.make_automaton()
    return auto


def _add_spellings(kb: KB, table: dict[str, list[tuple[str, str]]], langs: dict[str, set[str] | None],
                   untitled: set[str]) -> None:
    """Other transliterations of the names of persons and places of the countries in
    data/spellings.yaml ("Zelenskiy", "Charkiv"): after every real name is in, so that a
    spelling some actor really has is never taken by another's variant."""
    countries = spellings.rules()[0]
    extra: dict[str, list[tuple[str, str]]] = {}
    for actor in kb.actors.values():
        if actor.type not in ("PER", "LOC") or actor.country not in countries or actor.country == actor.id:
            continue
        for _, name in _names(actor, "aliases"):
            for form in spellings.variants(name):
                if form not in table:
                    hits = extra.setdefault(form, [])
                    if (actor.id, "aliases") not in hits:
                        hits.append((actor.id, "aliases"))
    for form, hits in extra.items():
        if len(hits) == 1:  # a spelling two actors share says neither
            table[form] = hits
            langs[form] = None
            untitled.add(form)


def _names(actor: Actor, kind: str) -> list[tuple[str, str]]:
    """(language, name) pairs of a kind; the canonical name is English."""
    out = [("en", actor.name)] if kind == "aliases" else []
    return out + [(lang, n) for lang, names in getattr(actor, kind).items() for n in names]
