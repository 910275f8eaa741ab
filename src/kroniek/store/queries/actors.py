"""Actors: the list with counts, one actor's profile, and its timeline."""
from __future__ import annotations

import sqlite3
from typing import Any

from .common import Filters, Page, Selection, count, like_pattern, limits, order_by
from .records import list_events, list_quotes, selection
from .summaries import date_counts

TIMELINE_ITEMS = 200  # statements and events listed per actor page; the days count them all

_ACTOR_COLS = ("ac.id, ac.name, ac.country, ac.sector,"
               " (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = ac.id) AS mentions,"
               " (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = ac.id) AS quotes,"
               " (SELECT COUNT(*) FROM event_parties p WHERE p.actor_id = ac.id) AS events")


def list_actors(conn: sqlite3.Connection, f: Filters) -> Page:
    """Actors seen in the store, with how often they are mentioned, quoted and acting."""
    sel = Selection("actors ac", [], [], "ac.id")
    needle = f.text or f.actor
    if needle or f.actor_ids:
        marks = ",".join("?" * len(f.actor_ids))
        sel.where.append(f"(ac.name LIKE ? ESCAPE '\\' OR ac.id = ? OR ac.id IN ({marks}))")
        sel.args += [like_pattern(needle or ""), needle or "", *f.actor_ids]
    if f.country:
        sel.where.append("ac.country = ?")
        sel.args.append(f.country.upper())
    limit, offset = limits(f)
    rows = conn.execute(f"SELECT {_ACTOR_COLS} FROM {sel.source}{sel.clause} ORDER BY {order_by('actors', f.sort)}"
                        " LIMIT ? OFFSET ?", [*sel.args, limit, offset])
    return Page([dict(r) for r in rows], count(conn, sel), limit, offset)


def get_actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any] | None:
    """An actor's profile from the store: counts, whom it addresses and who addresses it."""
    row = conn.execute("SELECT * FROM actors WHERE id = ? OR name = ? COLLATE NOCASE LIMIT 1",
                       (actor_id, actor_id)).fetchone()
    if row is None:
        return None
    out = dict(row)
    aid = out["id"]
    out["mentions"] = conn.execute("SELECT COUNT(*) FROM mentions WHERE actor_id = ?", (aid,)).fetchone()[0]
    out["quotes"] = conn.execute("SELECT COUNT(*) FROM quotes WHERE speaker_id = ?", (aid,)).fetchone()[0]
    pair = ("SELECT coalesce(ac.name, max(o.name)) AS name, o.country, o.actor_id AS id, e.type, COUNT(*) AS n"
            " FROM event_parties me JOIN event_parties o ON o.event_pk = me.event_pk AND o.role = ?"
            " JOIN events e ON e.pk = me.event_pk LEFT JOIN actors ac ON ac.id = o.actor_id"
            " WHERE me.actor_id = ? AND me.role = ? GROUP BY coalesce(o.actor_id, o.name), e.type"
            " ORDER BY n DESC, 1 LIMIT 50")
    out["addresses"] = [dict(r) for r in conn.execute(pair, ("target", aid, "source"))]
    out["addressed_by"] = [dict(r) for r in conn.execute(pair, ("source", aid, "target"))]
    out["roles"] = []
    return out


def timeline(conn: sqlite3.Connection, actor: str, f: Filters | None = None, ids: tuple[str, ...] = (),
             limit: int = TIMELINE_ITEMS, offset: int = 0) -> dict[str, Any]:
    """What an actor said and did, per date as the text gave it, in the order the dates begin.

    `days` counts every matching statement and event; `quotes` and `events` list `limit` of each
    from `offset` on (earliest first), and `total_quotes`, `total_events` say how many there are.
    Events are those the actor started; an actor never a source gets those it took any part in."""
    f = f or Filters()
    span = {"date_from": f.date_from, "date_to": f.date_to, "min_confidence": f.min_confidence,
            "limit": limit, "offset": offset, "sort": "date"}
    said = Filters(actor=actor, actor_ids=ids, **span)
    did = Filters(source=actor, source_ids=ids, **span)
    if not count(conn, selection("events", did)):
        did = Filters(actor=actor, actor_ids=ids, **span)
    days: dict[str, dict[str, Any]] = {}
    for kind, chosen in (("quotes", said), ("events", did)):
        for value, (start, n) in date_counts(conn, kind, chosen).items():
            day = days.setdefault(value or "undated", {"start": start, "quotes": 0, "events": 0})
            day[kind] += n
    ordered = sorted(days.items(), key=lambda kv: (kv[1]["start"] is None, kv[1]["start"] or "", len(kv[0])))
    quotes, events = list_quotes(conn, said), list_events(conn, did)
    return {"actor": actor, "days": [{"date": d, "quotes": c["quotes"], "events": c["events"]} for d, c in ordered],
            "quotes": quotes.items, "events": events.items, "total_quotes": quotes.total,
            "total_events": events.total}
