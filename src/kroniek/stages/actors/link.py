"""Typing and linking actor mentions: a KB match becomes its actor on the article's date (namesakes
chosen by date, outlet and earlier mentions); an unknown run gets a type from its context clues,
the strongest clue in the article deciding, and the name tagger's reading where it is consulted.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ...kb import KB, Actor, from_archigos
from ...model import ActorRef, Doc, Entity
from . import tagger as name_tagger
from .clues import PREP_STRENGTH, type_of
from .compound import compounds
from .find import (
    common,
    heads,
    sentence_initial,
    starts_inside,
    words_before,
)
from .lexicon import ActorLexicon, all_titles
from .lists import LIST_STRENGTH, list_types
from .tagger import ASK_BELOW, TAGGER_STRENGTH

_PREV_WORD = re.compile(r"([\w'’.-]+)[ \t]+$")
_NEXT_WORD = re.compile(r" ([A-Z][\w'’-]*[a-z][\w'’-]*)")
_REGNAL = re.compile(r" (?=[IVX])(X{0,3})(IX|IV|V?I{0,3})\b(?![\w'’-])")  # a monarch's or pope's number


def ref(actor: Actor, kb: KB, date: str | None = None) -> ActorRef:
    """The ActorRef for a KB actor on a date. A place standing for a government gives that
    government; a person in office acts for the country of the office (GOV), or for an
    international body (IGO, no country: NATO's secretary general)."""
    target = kb.get(actor.stands_for) if actor.stands_for else None
    if target:
        return ActorRef(target.id, target.name, target.country, target.sector or "GOV")
    if actor.type == "PER" and date and actor.roles:
        bodies = [kb.get(r.country) for r in actor.roles_at(date)]
        if any(b is not None and b.type == "LOC" for b in bodies):
            country = next(b.id for b in bodies if b is not None and b.type == "LOC")
            return ActorRef(actor.id, actor.name, country, actor.sector or "GOV")
        if any(b is not None and b.type == "ORG" for b in bodies):
            return ActorRef(actor.id, actor.name, None, "IGO")
    return ActorRef(actor.id, actor.name, actor.country, actor.sector)


def _strip_possessive(text: str, start: int, end: int, lex: ActorLexicon) -> int:
    """The end of a name without an English possessive ("Netanyahu's" → "Netanyahu"); a language
    whose genitive belongs to the name (Dutch "Poetins") lists no possessives."""
    surface = text[start:end]
    return next((end - len(p) for p in lex.possessives if surface.endswith(p) and len(surface) > len(p)), end)


def _after_determiner(text: str, start: int, end: int, lex: ActorLexicon) -> int:
    """Where an organisation's name starts when its alias holds its article ("The Guardian"): in
    English the determiner is no part of the name (CoNLL-2003), in Dutch it is ("De Standaard",
    CoNLL-2002); `name_determiners` in actors.yaml says which."""
    first, _, rest = text[start:end].partition(" ")
    return start + len(first) + 1 if rest and first in lex.name_determiners else start


def first_name_conflicts(text: str, words: frozenset[str], kb: KB, lex: ActorLexicon, found: list) -> list:
    """Drop a KB person matched by a surname when a first name that is not theirs comes right
    before it ("Ali Reza Raisi" is not Ebrahim Raisi): the run becomes an unknown name."""
    out = []
    titles = lex.titles | all_titles()
    ends = {e for _, e, *_ in found}
    starts = {s for s, *_ in found}
    for item in found:
        _, end, hits, name = item
        if _first_name_not_adjective(text, name, end, hits, starts, lex):
            continue
        people = [kb.get(i) for i, k in hits if k == "aliases"]
        if (not people or len(people) != len(hits) or any(p is None or p.type != "PER" for p in people)
                or " " in text[name:end].strip()):  # a full name ("Marco Rubio") holds its own first name
            out.append(item)
            continue
        m = _PREV_WORD.search(text[max(0, name - 40):name])
        prev = m.group(1) if m else ""
        if not prev or not prev[0].isupper() or prev.endswith(".") or name - len(m.group(0)) + len(prev) in ends:
            out.append(item)
            continue
        prev_start = name - len(m.group(0))
        if (prev in lex.never or prev.lower() in titles or prev in lex.portfolio_words
                or not prev.replace("-", "").isalpha()
                or (sentence_initial(text, prev_start) and prev not in lex.first_names
                    and common(words, prev))):
            out.append(item)
            continue
        own = {w for p in people for alias in p.names() for w in alias.split()}
        if prev in own:
            out.append(item)
            continue
    return out


def _first_name_not_adjective(text: str, start: int, end: int, hits: tuple, starts: set[int],
                              lex: ActorLexicon) -> bool:
    """"Frans Verberckmoes": a country's adjective that is a first name too, right before a capitalised
    word that is no KB name and no place, is the first name (a Dutch adjective comes before a noun,
    written in lower case: "Frans kaas")."""
    if any(k == "aliases" for _, k in hits) or text[start:end] not in lex.first_names:
        return False
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.start(1) not in starts and m.group(1) not in lex.places and m.group(1) not in lex.never


def typed(text: str, span: tuple[int, int], lex: ActorLexicon, memo: dict) -> tuple[int, str]:
    """(strength, type) of an unknown run by the rules (`type_of`, its possessive stripped), once per
    run of an article: choosing what the tagger reads and the linking both ask."""
    if span not in memo:
        memo[span] = type_of(text, span[0], _strip_possessive(text, *span, lex), lex)
    return memo[span]


def consult(nlp: Any, text: str, lex: ActorLexicon, found: list, names: list[tuple[int, int]],
            dropped: list[tuple[int, int]], memo: dict) -> name_tagger.Tagged | None:
    """The tagger's reading of the windows around the unknown runs inside a sentence that no rule
    clue types: its names of the language's `tagger_types` that overlap no KB match and start with
    a capital or a digit, and no person the article writes with an article. A sentence-initial run
    is not read: there a capital says nothing (CoNLL-2002 ned.testa, docs/actors.md)."""
    weak = [r for r in names if typed(text, r, lex, memo)[0] < ASK_BELOW]
    ask, asked = [], set()
    for s, e in weak:  # one name, one type: its first occurrence is read
        if text[s:e] not in asked and not sentence_initial(text, s):
            asked.add(text[s:e])
            ask.append((s, e))
    if not ask:
        return None
    tagged = name_tagger.tag(nlp, text, ask)
    fixed = [(s, e) for s, e, *_ in found] + [r for r in names if r not in weak]
    keep = {}
    for (s, e), label in tagged.names.items():
        if label not in lex.tagger_types or not (text[s].isupper() or text[s].isdigit()) or any(
                s < b and a < e for a, b in fixed):
            continue
        if (s, e) not in names and not any(s < b and a < e for a, b in [*names, *dropped]):
            continue  # a name the rules did not see at all: not asked about
        if label == "PER" and _takes_article(text, text[s:e], lex):
            continue  # "de Weglooplijn", "het Amerikaanse Wal-Mart": a person takes no article
        keep[(s, e)] = label
    tagged.names = keep
    return tagged


def _takes_article(text: str, name: str, lex: ActorLexicon) -> bool:
    """Whether the article writes the name after a definite article, perhaps with an adjective
    between ("de Weglooplijn", "het Amerikaanse Wal-Mart"): then it names no person."""
    i = text.find(name)
    while i != -1:
        before = [w.lower() for w in words_before(text, i, 2)]
        if (before and before[-1] in lex.determiners) or (
                len(before) == 2 and before[0] in lex.determiners and before[1].endswith("e")):
            return True
        i = text.find(name, i + len(name))
    return False


def link(doc: Doc, kb: KB, lex: ActorLexicon, found: list, names: list,
         tagged: name_tagger.Tagged | None = None, memo: dict | None = None) -> list[Entity]:
    """The entities of an article: its KB matches linked, its unknown runs typed by the strongest
    clue of each name in the article (`memo`: the runs `typed` already)."""
    memo = {} if memo is None else memo
    text, date = doc.text, doc.reference_date
    outlet = getattr(doc.article, "country", None)
    entities: list[Entity] = []
    seen: dict[str, Actor] = {}  # surnames of persons named in full earlier
    seen_at: dict[str, int] = {}  # where a KB person's surname first came in a full name
    kb_given: dict[str, dict[str, Actor]] = {}  # first word of a KB person's full name in the text -> the persons
    mentioned = {kb.get(i).country or i for _, _, hits, _ in found for i, k in hits
                 if kb.get(i) is not None and kb.get(i).type == "LOC"}
    own = _own_surnames(text, names, lex, memo)
    adjective_at = {e + 1: kb.get(i).country for _, e, hits, _ in found for i, k in hits  # "het Russische | OM"
                    if k == "adjectives" and kb.get(i) is not None and kb.get(i).country}
    for _, end, hits, start in found:
        actor, kind = _choose(hits, kb, seen, date, outlet, mentioned)
        if actor is None:
            continue
        foreign = adjective_at.get(start)
        if kind == "aliases" and actor.type == "ORG" and actor.country and foreign and foreign != actor.country:
            # "het Russische Openbaar Ministerie", "het Duitse Grondwettelijk Hof": that country's body, not ours
            entities.append(Entity(start, end, text[start:end], "ORG", ActorRef(None, text[start:end], foreign, actor.sector)))
            continue
        surface = _strip_possessive(text, start, end, lex)
        if kind == "aliases" and actor.type == "PER" and text[start:surface] in own and not any(
                seen.get(p) is actor and seen_at[p] < own.get(p, (len(text),))[0] for p in actor.name.split()[1:]):
            entities.append(Entity(start, surface, text[start:surface], "PER", own[text[start:surface]][1]))
            continue
        if kind == "aliases" and actor.type == "PER" and _adjective_before_noun(text, start, end, hits, actor, kb, seen, lex):
            actor, kind = next((kb.get(i), k) for i, k in hits if k == "adjectives" and kb.get(i) is not None)
        if kind == "aliases" and actor.type == "PER" and _namesake(text, start, surface, actor, date, seen, lex):
            name = text[start:surface]
            etype = "LOC" if name in lex.places else "PER"
            entities.append(Entity(start, surface, name, etype, ActorRef(None, name)))
            continue
        if kind == "aliases" and _foreign_namesake(actor, text[start:end], outlet, mentioned):
            entities.append(Entity(start, end, text[start:end], actor.type,
                                   ActorRef(None, text[start:end], None, actor.sector)))
            continue
        if kind == "aliases" and actor.type == "PER":
            end = _strip_possessive(text, start, end, lex)
            m = _REGNAL.match(text, end)  # "koning Albert II", "Juan Carlos I": the number is part of the name
            if m and (len(m.group().strip()) > 1 or m.group().strip() in actor.name.split()):
                end = m.end()
        elif kind == "aliases" and actor.type == "ORG":
            start = _after_determiner(text, start, end, lex)
            if not lex.possessives and text.startswith(("'s", "’s"), end):  # "de Rabo's": the team's riders
                entities.append(Entity(start, end + 2, text[start:end + 2], "MISC", ref(actor, kb, date)))
                continue
        surface = text[start:end]
        if kind == "aliases":
            etype = actor.type
            if actor.type == "PER":
                for part in actor.name.split()[1:]:
                    seen[part] = actor
                    seen_at.setdefault(part, start)
                if " " in surface:  # named in full here: its first name alone may follow ("Jamal")
                    kb_given.setdefault(surface.split()[0], {})[actor.id] = actor
            entities.append(Entity(start, end, surface, etype, ref(actor, kb, date)))
        else:
            entities.append(Entity(start, end, surface, "MISC", ref(actor, kb)))
    entities += heads(doc, kb, lex, found)
    taken = starts_inside(text, [(e.start, e.end, None) for e in entities])
    votes: dict[str, tuple[float, str]] = {}  # name -> (strength, type): strongest context wins
    verdicts: dict[str, str | None] = {}  # the tagger's reading of a name's first occurrence
    spans = []
    preps: dict[str, list[int]] = {}  # name -> [mentions after a place preposition, mentions]
    others: dict[str, tuple[float, str]] = {}  # name -> its strongest clue other than a place preposition
    for start, end in sorted(names):
        if start in taken:
            continue
        key = text[start:end].removesuffix("'s").removesuffix("’s")
        span = (start, end)
        strength, etype = typed(text, span, lex, memo)
        end = _strip_possessive(text, start, end, lex)
        if tagged is not None and strength < 4:
            verdict = _verdict(tagged, span, text[span[0]:span[1]], verdicts)
            if verdict == "":
                continue  # the tagger's own span for this run replaces it
            if verdict in lex.tagger_types and strength < TAGGER_STRENGTH:
                strength, etype = TAGGER_STRENGTH, verdict
        if key not in votes or strength > votes[key][0]:
            votes[key] = (strength, etype)
        counts = preps.setdefault(key, [0, 0])
        counts[0] += strength == PREP_STRENGTH
        counts[1] += 1
        if strength != PREP_STRENGTH and strength > others.get(key, (-1.0, ""))[0]:
            others[key] = (strength, etype)
        spans.append((start, end, key))
    for key, (strength, _) in votes.items():  # one "naar Belgacom" among five mentions makes no place
        if strength == PREP_STRENGTH and 2 * preps[key][0] < preps[key][1]:
            votes[key] = others.get(key, (0, lex.default_type))
    for key, kind in list_types(text, spans, votes, entities, lex).items():  # "Koerts, Kemna en Van Dijk"
        votes[key] = (LIST_STRENGTH, kind)
    refs: dict[str, ActorRef] = {}
    full: dict[str, ActorRef] = {}  # surname forms -> the first full name of the article that has them
    given: dict[str, list[ActorRef]] = {}  # a first name -> the article's full names that start with it
    for key, (_, etype) in votes.items():
        if etype == "PER" and " " in key and key.split()[0].lower() not in lex.particles:
            refs.setdefault(key, ActorRef(None, key))
            for form in surname_forms(key, lex):
                full.setdefault(form, refs[key])
            first = key.split()[0]
            words = key.split()
            if first in lex.first_names or any(all(w.lower() in lex.particles for w in words[i:-1])
                                               for i in range(1, len(words) - 1)):
                given.setdefault(first, []).append(refs[key])
    for first, holders in given.items():  # "Leontien" after "Leontien van Moorsel": one holder, no surname
        if len(holders) == 1 and first not in full and first not in kb_given:
            full[first] = holders[0]
    kb_first = {first: next(iter(people.values())) for first, people in kb_given.items()
                if len(people) == 1 and first not in given and first not in full and first in lex.first_names}
    for form, actor_ref in full.items():
        if form in votes and (votes[form][0] <= 2 or votes[form][1] == "PER"):
            votes[form] = (max(3, votes[form][0]), "PER")
            refs[form] = actor_ref
    for key, (strength, etype) in list(votes.items()):  # "premier Kok" in 2000, "Jambon": a KB person's bare surname
        if (key not in refs and key not in seen and key not in kb_first and (etype == "PER" or strength < 1)
                and (holder := _holder(key, kb, lex, date, text, spans, etype == "PER", {outlet, *mentioned}))):
            votes[key], refs[key] = (max(strength, 1), "PER"), ref(holder, kb, date)
    for start, end, key in spans:
        etype = votes[key][1]
        if " " not in key and key in seen and not (key in own and own[key][0] < seen_at[key]):
            etype = "PER"
            actor_ref = ref(seen[key], kb, date)
        elif key in kb_first and votes[key][0] <= 3:
            etype, actor_ref = "PER", ref(kb_first[key], kb, date)
        elif etype == "LOC" and key in lex.place_country:  # a place the KB lacks, of a known country
            country = _place_country(lex.place_country[key], outlet, mentioned)
            actor_ref = refs.setdefault(key, ActorRef(None, key, country))
        else:
            actor_ref = refs.setdefault(key, ActorRef(None, key))
        entities.append(Entity(start, end, text[start:end], etype, actor_ref))
    entities.sort(key=lambda e: e.start)
    return compounds(text, _merge_adjective_orgs(text, entities, lex), lex)


def _holder(key: str, kb: KB, lex: ActorLexicon, date: str | None, text: str, spans: list,
            person: bool = True, countries: set | frozenset = frozenset()) -> Actor | None:
    """The KB person an unknown person's bare surname names when the article names no one in full by
    it: the one in office on the date ("premier Kok" in 2000 is Wim Kok), after a title or for a
    surname that is no common word ("Kort", "Groot" name a holder only after a title); else the one
    KB person of that surname at all ("Jambon"), of the outlet's country or one the article names
    (`countries`), for a surname that is no common surname, first name or word of the language, unless
    the article is dated over ten years before the person's first office.
    A name no clue typed as a person (`person` False) takes only the latter, stricter reading."""
    if not date or " " in key.strip() and key.split()[0].lower() not in lex.particles:
        return None
    people = kb_surnames(kb, lex.particles).get(key, ())
    found = [a for a in people if a.roles_at(date)]
    if found and person:
        titled = any(k == key and (w := words_before(text, s, 1)) and w[-1].lower() in lex.titles for s, _, k in spans)
        return found[0] if len(found) == 1 and (titled or key not in lex.surname_words) else None
    if (len(people) != 1 or people[0].country not in countries or key in lex.surnames or key in lex.first_names or key.lower() in lex.common_words
            or key.lower() in lex.surname_words):
        return None
    return None if _long_before_office(people[0], date) else people[0]


@lru_cache(maxsize=4)
def kb_surnames(kb: KB, particles: frozenset[str]) -> dict[str, tuple[Actor, ...]]:
    """KB persons by the surname forms of their canonical name ("Kok", "Verhofstadt", "von der Leyen",
    "Von der Leyen", "Van Grieken"): a bare surname the KB lists under no alias still finds them."""
    out: dict[str, list[Actor]] = {}
    for actor in kb.actors.values():
        words = actor.name.split()
        if actor.type != "PER" or len(words) < 2 or "of" in words:
            continue
        forms = {words[-1]}
        for i in range(1, len(words) - 1):
            if words[i].lower() in particles:
                tail = " ".join(words[i:])
                forms |= {tail, tail[0].upper() + tail[1:]}
                break
        for form in forms:
            out.setdefault(form, []).append(actor)
    return {k: tuple(v) for k, v in out.items()}


def _own_surnames(text: str, names: list, lex: ActorLexicon, memo: dict) -> dict[str, tuple[int, ActorRef]]:
    """Where the article first gives a full name the KB lacks ("Usman Khan"), by its surname forms:
    a bare "Khan" is the person named in full first, that one rather than a famous KB Khan named
    later in the article (or not at all)."""
    out: dict[str, tuple[int, ActorRef]] = {}
    for span in sorted(names):
        key = text[span[0]:_strip_possessive(text, *span, lex)]
        if " " in key and key.split()[0].lower() not in lex.particles and typed(text, span, lex, memo)[1] == "PER":
            for form in surname_forms(key, lex):
                out.setdefault(form, (span[0], ActorRef(None, key)))
    return out


def surname_forms(name: str, lex: ActorLexicon) -> list[str]:
    """How an article names a person by surname alone: the last word, and a particle surname with its
    particle, as written after a first name and capitalised ("Wout-Jan van der Schans" → "Schans",
    "van der Schans", "Van der Schans"; the last two words of a longer name, the first half of a double
    surname), each also in the genitive written together with it where the
    language has one ("Davenports" after "Lindsay Davenport"; `genitive` in actors.yaml)."""
    words = name.split()
    out = [words[-1]]
    for i in range(1, len(words) - 1):
        if all(w.lower() in lex.particles for w in words[i:-1]):
            tail = " ".join(words[i:])
            out += [tail, tail[0].upper() + tail[1:]]
            break
    else:
        if len(words) > 2 and words[-2][:1].isupper() and not words[-2].endswith("."):
            out.append(" ".join(words[-2:]))  # "Gabriel García Márquez" → "García Márquez"
    head, _, tail = words[-1].partition("-")
    if head[:1].isupper() and tail[:1].isupper():
        out.append(head)  # "Eva Glawischnig-Piesczek" → "Glawischnig"
    return out + [form + lex.genitive for form in out if lex.genitive and not form.endswith(("s", "x", "z"))]


def _verdict(tagged: name_tagger.Tagged, span: tuple[int, int], surface: str,
             verdicts: dict[str, str | None]) -> str | None:
    """The tagger's type for a run (a label; for a run it did not read, that of the name's first
    occurrence), "" when its own, different span replaces the run, None when it found no name
    there or has no opinion."""
    if span in tagged.names:
        verdicts.setdefault(surface, tagged.names[span])
        return tagged.names[span]
    if tagged.read(*span):
        if any(a < span[1] and span[0] < b for a, b in tagged.names):
            return ""
        verdicts.setdefault(surface, None)
        return None
    return verdicts.get(surface)


def _merge_adjective_orgs(text: str, entities: list[Entity], lex: ActorLexicon) -> list[Entity]:
    """"Vlaamse Gemeenschapscommissie", "British Airways": an adjective starting an organisation name."""
    out: list[Entity] = []
    for ent in entities:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == "MISC" and ent.type == "ORG" and ent.text[:1].isupper()
                and ent.actor and ent.actor.id is None and any(
                    t in lex.org_words or t.lower().endswith(lex.org_suffixes) for t in ent.text.split())
                and text[prev.end:ent.start] == " "):
            country = prev.actor.country if prev.actor else None
            name = text[prev.start:ent.end]
            out[-1] = Entity(prev.start, ent.end, name, "ORG", ActorRef(None, name, country))
        else:
            out.append(ent)
    return out


def _adjective_before_noun(text: str, start: int, end: int, hits: tuple, actor: Actor, kb: KB,
                           seen: dict[str, Actor], lex: ActorLexicon) -> bool:
    """"Albanese rebellen": a word that is both a person's surname and a country's adjective is the
    adjective when a lower-case word other than a speech verb follows it, no title comes before it,
    and no full name of that person came earlier in the article."""
    if not any(k == "adjectives" and kb.get(i) is not None for i, k in hits) or " " in text[start:end]:
        return False
    if any(seen.get(p) is actor for p in actor.name.split()[1:]):
        return False
    before = words_before(text, start, 1)
    if before and before[-1].lower() in lex.titles:
        return False
    after = text[end:end + 40].split(maxsplit=1)[:1]
    return bool(after) and after[0][:1].islower() and after[0].strip(",.:;") not in lex.speech_verbs


def _place_country(countries: tuple[str, ...], outlet: str | None, mentioned: set[str]) -> str | None:
    """The country of a place the KB lacks; of a name several countries hold ("Limburg"), the
    outlet's, else the one the article names, else none: a guess would be wrong half the time."""
    if len(countries) == 1:
        return countries[0]
    if outlet in countries:
        return outlet
    named = [c for c in countries if c in mentioned]
    return named[0] if len(named) == 1 else None


def _namesake(text: str, start: int, end: int, actor: Actor, date: str | None, seen: dict[str, Actor],
              lex: ActorLexicon) -> bool:
    """A KB person's bare surname that is a common surname of the language ("Hoekstra", "Maas") names
    someone else when the article does not name that person in full and either a definite article
    comes before it ("de Maas": a river) or the article is dated more than ten years before the
    person's first office ("Hoekstra" in 2000 is not the minister of 2017)."""
    surface = text[start:end]
    if " " in surface or surface not in lex.surnames or any(seen.get(p) is actor for p in actor.name.split()[1:]):
        return False
    before = words_before(text, start, 1)
    if before and before[-1] in lex.determiners:
        return True
    return _long_before_office(actor, date)


def _long_before_office(actor: Actor, date: str | None) -> bool:
    """Whether the article is dated over ten years before the person's first office: a bare surname
    then names someone else ("Hoekstra" in 2000 is not the minister of 2017)."""
    first = min((r.start for r in actor.roles if r.start), default="")
    return bool(date and first and date[:4].isdigit() and int(first[:4]) > int(date[:4]) + 10)


def _foreign_namesake(actor: Actor, surface: str, outlet: str | None, mentioned: set[str]) -> bool:
    """A one-word party name of another country than the outlet's, in an article that does not
    mention that country: a namesake (the Belgian SP of 2000 is not the Dutch SP), left unlinked."""
    return bool(outlet and actor.sector == "PTY" and actor.country and actor.country != outlet
                and " " not in surface and actor.country not in mentioned)


def _choose(hits: tuple, kb: KB, seen: dict[str, Actor], date: str | None, outlet: str | None = None,
            mentioned: set[str] | frozenset[str] = frozenset()) -> tuple[Actor | None, str]:
    """One actor for an ambiguous name: named earlier, then in office on the date, then of the
    outlet's country (without one: of a country the article names), then hand-written."""
    cands = [(kb.get(i), k) for i, k in hits]
    cands = [(a, k) for a, k in cands if a is not None]
    if not cands:
        return None, ""
    if len(cands) == 1:
        return cands[0]
    for a, k in cands:
        if any(seen.get(p) is a for p in a.name.split()[1:]):
            return a, k
    active = [(a, k) for a, k in cands if a.roles_at(date)]
    pool = active or cands
    abroad = lambda a: bool(outlet) and a.country not in (None, outlet)
    if all(a.type == "ORG" and k == "aliases" for a, k in cands):  # namesake bodies: of a country the article names
        named = [c for c in pool if c[0].country in mentioned]
        pool = named if not outlet and len(named) == 1 else pool
    if any(a.type != "PER" for a, _ in cands):  # organisations: the outlet's own namesake first
        pool = [c for c in pool if not abroad(c[0])] or [c for c in cands if not abroad(c[0])] or pool
    gone = lambda a: a.type != "PER" and bool(date) and bool(a.roles) and not a.roles_at(date)
    pool.sort(key=lambda c: (abroad(c[0]), gone(c[0]), from_archigos(c[0]), c[1] != "aliases"))
    return pool[0]
