"""Names to actors, wherever a person names one: CLI filters, `timeline`, the API's `?actor=`,
the search box.

A name may be an id, any alias in any language ("Poetin"), a surname ("Trump") or a role
at a date ("US president", "de Russische president"). Several candidates are narrowed to
those the store has seen; more than one left is a question back ("did you mean …"), none
an error, never a silently empty list. This lives outside `store/` because roles are
resolved by the actor stage, and the store must not import stages.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date as Date
from functools import lru_cache
from typing import Any

from . import kb as kbmod
from .stages.actors import describe, resolve_role
from .store import queries
from .store.queries import Filters

ROLE_PREFIXES = {"en": ("", "the "), "nl": ("", "de ", "het ")}


class Unresolved(LookupError):
    """A name that matches no actor, or several: the message says which, `candidates` lists them."""

    def __init__(self, name: str, candidates: list[dict[str, Any]]) -> None:
        self.name, self.candidates = name, candidates
        if candidates:
            options = "; ".join(_label(c) for c in candidates[:10])
            message = f"{name!r} matches {len(candidates)} actors: did you mean {options}?"
        else:
            message = f"no actor matches {name!r}"
        super().__init__(message)


def _label(actor: dict[str, Any]) -> str:
    extra = ", ".join(x for x in (actor.get("id"), actor.get("country")) if x)
    return f"{actor['name']} ({extra})" if extra else actor["name"]


@dataclass(slots=True)
class Match:
    """What a name resolved to: KB or store actors (id None for a name stored unlinked)."""

    name: str
    actors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(a["id"] for a in self.actors if a.get("id"))


def knowledge_base() -> kbmod.KB:
    """The shipped and user KB (loaded once per process by kb.load)."""
    return kbmod.load(())


@lru_cache(maxsize=1)
def _surnames() -> dict[str, list[str]]:
    """Case-folded last word of every person's names -> their ids."""
    out: dict[str, list[str]] = {}
    for actor in knowledge_base().actors.values():
        if actor.type != "PER":
            continue
        for name in actor.names():
            last = name.split()[-1].casefold() if name.split() else ""
            if len(last) > 2 and actor.id not in out.setdefault(last, []):
                out[last].append(actor.id)
    return out


def prepare() -> None:
    """Load the KB and its surname index now (a server start-up), not on the first name asked."""
    _surnames()


def _ref(actor: kbmod.Actor) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "country": actor.country}


def _role_phrases(phrase: str, lang: str) -> list[str]:
    """The phrase, with an article, and with country names turned into adjectives ("US president"
    → "the American president"), since the actor stage reads roles as adjective + office."""
    kb = knowledge_base()
    words = phrase.split()
    variants = [phrase]
    for i, word in enumerate(words):
        for actor in kb.lookup(word):
            adjectives = actor.adjectives.get(lang) or []
            if actor.type == "LOC" and adjectives:
                variants.append(" ".join([*words[:i], adjectives[0], *words[i + 1:]]))
    return [prefix + v for v in variants for prefix in ROLE_PREFIXES[lang]]


def by_role(phrase: str, when: str | None) -> list[kbmod.Actor]:
    """Who held the role the phrase describes on a day (today when none is given)."""
    kb = knowledge_base()
    when = when or Date.today().isoformat()
    for lang in ("en", "nl"):
        for text in _role_phrases(phrase, lang):
            ref = resolve_role(text, when, lang, kb)
            if ref is not None and ref.id and kb.get(ref.id) is not None and kb.get(ref.id).type == "PER":
                return [kb.get(ref.id)]
    return []


def kb_candidates(name: str, when: str | None = None) -> list[kbmod.Actor]:
    """KB actors a name can mean: id, alias (any language), surname, then role on a day."""
    kb = knowledge_base()
    key = name.strip()
    if kb.get(key):
        return [kb.get(key)]
    found = kb.lookup(key)
    if not found:
        found = [kb.actors[i] for i in _surnames().get(key.casefold(), [])]
    if not found and len(key.split()) > 1:
        found = by_role(key, when)
    return found


def _seen(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
    marks = ",".join("?" * len(ids))
    return {r[0] for r in conn.execute(f"SELECT id FROM actors WHERE id IN ({marks})", ids)} if ids else set()


def _stored_names(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Actors the store knows by this id or name, and unlinked speakers or parties printed so."""
    rows = conn.execute("SELECT id, name, country FROM actors WHERE id = ? OR name = ? COLLATE NOCASE",
                        (name, name)).fetchall()
    if rows:
        return [dict(r) for r in rows]
    loose = conn.execute("SELECT speaker_name FROM quotes WHERE speaker_id IS NULL AND speaker_name = ? COLLATE NOCASE"
                         " UNION SELECT name FROM event_parties WHERE actor_id IS NULL AND name = ? COLLATE NOCASE"
                         " LIMIT 1", (name, name)).fetchone()
    return [{"id": None, "name": loose[0], "country": None}] if loose else []


def resolve(conn: sqlite3.Connection, name: str, when: str | None = None) -> Match:
    """The actors `name` means in this store; raises Unresolved when it means none or several."""
    stored = _stored_names(conn, name)
    if stored and stored[0]["id"] is not None:
        return Match(name, stored[:1])
    found = kb_candidates(name, when)
    seen = _seen(conn, [a.id for a in found])
    if len(found) > 1 and seen:
        found = [a for a in found if a.id in seen]
    if len(found) > 1:
        raise Unresolved(name, [_ref(a) for a in found])
    if not found and not stored:
        raise Unresolved(name, [])
    return Match(name, [*(_ref(a) for a in found), *stored])


def resolve_filters(conn: sqlite3.Connection, f: Filters, when: str | None = None) -> Filters:
    """`f` with the ids its actor, source and target names resolve to (ISO3 codes pass as they are)."""
    when = when or f.date_to
    changes: dict[str, Any] = {}
    for role in ("actor", "source", "target"):
        value = getattr(f, role)
        if value and not re.fullmatch(r"[A-Z]{3}", value):
            changes[f"{role}_ids"] = resolve(conn, value, when).ids
    return replace(f, **changes) if changes else f


def explain(name: str, when: str | None = None) -> list[dict[str, Any]]:
    """What the KB knows about a name, id or role description on a day: each candidate with all
    its roles and those held on the day (for `kroniek actors show`)."""
    return [describe(actor, when) for actor in kb_candidates(name, when)]


def profile(conn: sqlite3.Connection, name: str) -> tuple[dict[str, Any] | None, Match]:
    """An actor page's profile: the store's counts and the KB's roles, for any name of the actor."""
    match = resolve(conn, name)
    key = match.ids[0] if match.ids else match.actors[0]["name"]
    found = queries.get_actor(conn, key)
    actor = knowledge_base().get(match.ids[0]) if match.ids else None
    if found is not None and actor is not None:
        found["roles"] = [r.to_json() for r in actor.roles]
    return found, match
