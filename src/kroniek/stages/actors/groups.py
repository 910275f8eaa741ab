"""Actors named by a description, not a name: group actors ("federal authorities", "governments in
east Asia") and role descriptions ("de Russische president", linked to the holder on the article's
date). They go to `doc.mentions` and are read off the linked entities, so they come last.
"""
from __future__ import annotations

import re

from ...kb import KB
from ...model import ActorRef, Doc, Entity
from .lexicon import ActorLexicon
from .link import ref

_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)\s+$")


def groups(doc: Doc, lex: ActorLexicon) -> list[Entity]:
    """Group actors: "federal authorities" (of the outlet's country, or of the country adjective
    before the qualifier), "governments in east Asia" (of the region or country named). An
    unlinked actor with a country and a sector, never the country itself."""
    if lex.groups_re is None:
        return []
    text, out = doc.text, []
    outlet = getattr(doc.article, "country", None)
    by_start = {e.start: e for e in doc.entities}
    by_end = {e.end: e for e in doc.entities}
    for m in lex.groups_re.finditer(text):
        if m.group(2):
            start, end, noun = m.start(), m.end(), m.group(2).lower()
            before = by_end.get(start - 1)
            place = lex.groups_re.match(text, m.start(2))
            place = by_start.get(place.end()) if place and place.group(3) else None
            if place is not None and place.type == "LOC":
                end, country = place.end, place.actor.country if place.actor else None
            elif before is not None and before.type == "MISC" and before.actor and before.actor.country:
                start, country = before.start, before.actor.country
            else:
                country = outlet if lex.group_qualifiers.get(m.group(1).lower()) == "home" else None
        else:
            place = by_start.get(m.end())
            if place is None or place.type != "LOC":
                continue
            start, end, noun = m.start(), place.end, m.group(3).lower()
            country = place.actor.country if place.actor else None
        out.append(Entity(start, end, text[start:end], "ORG",
                          ActorRef(None, text[start:end], country, lex.group_nouns[noun])))
    return out


def nationals(doc: Doc, lex: ActorLexicon) -> None:
    """A person the KB lacks, introduced by a country and a role ("de Oekraïense ambassadeur Serhi
    Kislitsa", "Russia's ambassador, Vassily Nebenzia"), is of that country: in every mention, since
    the mentions of one name share their ActorRef (link.py). The role is the last of at most two
    lower-case words, alone or as a compound's tail ("VN-ambassadeur", "foreign minister")."""
    text = doc.text
    by_start = {e.start: e for e in doc.entities}
    for ent in doc.entities:
        if ent.actor is None or not ent.actor.country or ent.type not in ("MISC", "LOC"):
            continue
        i = ent.end
        if ent.type == "LOC":
            possessive = next((p for p in lex.possessives if text.startswith(p, i)), None)
            if possessive is None:
                continue
            i += len(possessive)
        words = text[i:i + 60].split(" ", 3)[1:]  # the text goes on with a space: "" first
        for n in (1, 2):
            run = words[:n]
            if len(run) < n or not all(_lower(w.rstrip(",")) for w in run) or any(w.endswith(",") for w in run[:-1]):
                break
            role = run[-1].rstrip(",")
            if not role.endswith(lex.person_roles):
                continue
            person = by_start.get(i + 1 + len(" ".join(run)) + 1)
            if person is not None and person.type == "PER" and person.actor is not None \
                    and person.actor.id is None and not person.actor.country:
                person.actor.country = ent.actor.country
            break


def _lower(word: str) -> bool:
    """A lower-case word, or a compound with a lower-case tail ("VN-ambassadeur")."""
    return word[:1].islower() or "-" in word and word.rsplit("-", 1)[1][:1].islower()


def roles(doc: Doc, kb: KB, lex: ActorLexicon) -> list[Entity]:
    """Country adjective + office, government word or sector noun ("de Russische president",
    "de Russische regering", "Amerikaanse media"), linked on the article's date."""
    text, out = doc.text, []
    by_start = {e.start: e for e in doc.entities}
    for ent in doc.entities:
        if ent.type != "MISC" or not ent.actor or not ent.actor.country or text[ent.end:ent.end + 1] != " ":
            continue
        tail = text[ent.end + 1:ent.end + 60]
        word = next((p for p in lex.phrases if tail.startswith(p) and not tail[len(p):len(p) + 1].isalpha()), None)
        if word is None:
            continue
        start, end = _determiner_start(text, ent.start, lex), ent.end + 1 + len(word)
        country = ent.actor.country
        if word in lex.roles:
            nxt = by_start.get(end + 1)
            if nxt is not None and nxt.type == "PER":
                out.append(Entity(start, nxt.end, text[start:nxt.end], "PER", nxt.actor))
                continue
            holders = kb.holders(lex.roles[word], country, doc.reference_date)
            actor_ref = (ref(holders[0], kb, doc.reference_date) if holders
                         else ActorRef(None, text[start:end], country))
            out.append(Entity(start, end, text[start:end], "PER", actor_ref))
        elif word in lex.government:
            actor = kb.get(country)
            name = actor.name if actor else text[start:end]
            out.append(Entity(start, end, text[start:end], "ORG",
                              ActorRef(actor.id if actor else None, name, country, "GOV")))
        else:
            out.append(Entity(start, end, text[start:end], "ORG",
                              ActorRef(None, text[ent.start:end], country, lex.sector_nouns[word])))
    return out


def _determiner_start(text: str, start: int, lex: ActorLexicon) -> int:
    """Where a role description starts: at its article ("de", "the") when it has one."""
    window = max(0, start - 8)
    det = _WORD_BEFORE.search(text[window:start])
    if det and det.group(1).lower() in lex.determiners:
        return window + det.start(1)
    return start

