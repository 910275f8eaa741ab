"""Names made of names: "European Court of Justice", "Medical University of Gdańsk", "London Stock
Exchange", "Stichting Topzwemmen Amsterdam". Finding and typing see their parts apart (a KB place, an
unknown run, a title dropped); read together, the longest name is one organisation or place, and a
place inside it is no place of its own (CoNLL: longest name, flat).
"""
from __future__ import annotations

import re

from ...model import ActorRef, Entity
from .lexicon import CAP, ActorLexicon

_LINKS = "of|for|on|van|voor"
_DETS = "the|de|het|der"
_NAME_WORD = rf"[{CAP}](?:[\w'’&-]|\.(?=\w))*"
_TAIL = re.compile(rf" (?:{_LINKS}) (?:(?:{_DETS}) )?{_NAME_WORD}(?:(?: (?:{_LINKS}))?(?: (?:{_DETS}))? {_NAME_WORD})*")


def compounds(text: str, entities: list[Entity], lex: ActorLexicon) -> list[Entity]:
    """The article's entities with names made of names joined: an organisation or place word
    followed by "of"/"van" and a name, and a name followed by an organisation's or place's
    head ("London Bridge", "US Air Force", "Youth Forum Zimbabwe")."""
    return _adjacent(text, _numbered(text, _chained(text, entities, lex), lex), lex)


_NUMBER = re.compile(r" \d{1,2}(?![\d.,:/-]?\d)\b")


def _numbered(text: str, entities: list[Entity], lex: ActorLexicon) -> list[Entity]:
    """A broadcaster's channel number belongs to its name ("Radio 1", "TV 2"): an organisation
    whose last word is an organisation word, then a number of one or two digits (not a year)."""
    out = []
    for ent in entities:
        m = _NUMBER.match(text, ent.end) if ent.type == "ORG" and _head(ent, lex) in lex.org_words else None
        if m:
            name = text[ent.start:m.end()]
            ent = Entity(ent.start, m.end(), name, "ORG", ActorRef(None, name, ent.actor.country if ent.actor else None))
        out.append(ent)
    return out


def _head(ent: Entity, lex: ActorLexicon) -> str:
    return ent.text.split()[-1] if ent.text.split() else ""


def _chained(text: str, entities: list[Entity], lex: ActorLexicon) -> list[Entity]:
    """"Office of the UN High Commissioner for Human Rights": an organisation whose last word is an
    organisation word (a place: a place head, "Republic of Ireland") takes the capitalised words
    after "of", "for", "van", "voor", up to a lower-case word, punctuation or a date word."""
    out: list[Entity] = []
    skip_to = -1
    for ent in entities:
        if ent.start < skip_to:
            continue
        head = _head(ent, lex)
        if not ((ent.type == "ORG" and head in lex.org_words) or (ent.type == "LOC" and head in lex.loc_heads)):
            out.append(ent)
            continue
        end = ent.end
        m = _TAIL.match(text, ent.end)
        words = list(re.finditer(r"\S+", m.group() if m else ""))
        for i, w in enumerate(words):
            word = w.group().rstrip(".'’")
            titled = word.lower() in lex.titles and i + 1 < len(words) and words[i + 1].group()[0].isupper()
            if w.group()[0].isupper() and (word in lex.never or titled):
                break  # a date word, a title before a name: "the Court on Monday", "Commons Speaker John Bercow"
            end = ent.end + w.end()
        while end > ent.end and text[end - 1] in ".'’":
            end -= 1
        if text[ent.end:end].split()[-1:] in ([], *([w] for w in _LINKS.split("|")), *([w] for w in _DETS.split("|"))):
            out.append(ent)
            continue
        name = text[ent.start:end]
        country = ent.actor.country if ent.actor else None
        out.append(Entity(ent.start, end, name, ent.type, ActorRef(None, name, country)))
        skip_to = end
    return out


def _adjacent(text: str, entities: list[Entity], lex: ActorLexicon) -> list[Entity]:
    """Two names one space apart that are one: a name before an unknown place or organisation
    whose last word is its head ("Hyde" + "Park Corner", "London" + "Stock Exchange"), a place
    before an organisation ("US" + "Air Force", "UK" + "Parliament" kept linked, "United States" +
    "Department of State"), an unknown
    organisation before a place ("Stichting Topzwemmen" + "Amsterdam", "ADO" + "Den Haag")."""
    out: list[Entity] = []
    for ent in entities:
        prev = out[-1] if out else None
        merged = prev is not None and text[prev.end:ent.start] == " " and _one_name(prev, ent, lex)
        if merged:
            name = text[prev.start:ent.end]
            etype = "LOC" if " " not in ent.text and _head(ent, lex) in lex.loc_heads else (
                "ORG" if "ORG" in (prev.type, ent.type) else ent.type)
            linked = ent.actor if ent.actor and ent.actor.id and ent.type == "ORG" else None
            country = (ent.actor.country if ent.actor else None) or (prev.actor.country if prev.actor else None)
            actor = linked if linked else ActorRef(None, name, country)
            out[-1] = Entity(prev.start, ent.end, name, etype, actor)
        else:
            out.append(ent)
    return out


def _one_name(prev: Entity, ent: Entity, lex: ActorLexicon) -> bool:
    unknown = ent.actor is None or ent.actor.id is None
    head = _head(ent, lex)
    if prev.type in ("LOC", "PER", "ORG") and unknown and (
            (ent.type == "LOC" or " " not in ent.text) and head in lex.loc_heads):
        return True
    if prev.type in ("LOC", "PER", "ORG") and unknown and ent.type == "ORG" and head in lex.org_words:
        return True
    if prev.type == "LOC" and ent.type == "ORG" and (unknown or " " not in ent.text) and any(
            t in lex.org_words for t in ent.text.split()):
        return True
    unknown_org = prev.type == "ORG" and (prev.actor is None or prev.actor.id is None)
    return unknown_org and ent.type == "LOC" and (
        (" " in prev.text and any(t in lex.org_words for t in prev.text.split()))
        or (prev.text.isupper() and len(prev.text) > 1))  # "ADO Den Haag", "AMP Zwitserland": a club, a branch
