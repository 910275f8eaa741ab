"""Summaries of a whole selection: grouped events, counts per day, facets, the network, the map.

Each costs a scan of the selection (the web app keeps them per store state, `state`), so they
read narrow columns only and build full records for the rows a page shows.
"""
from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from ..periods import date_span
from .common import OUTLET, Filters, Page, limits
from .records import events_by_key, selection


def _chain(rows: list[sqlite3.Row]) -> list[list[sqlite3.Row]]:
    """plover.group_events' date rule on light rows: days within one day of a group's first
    day join it; a month, week or year joins rows of the same value."""
    groups: list[list[sqlite3.Row]] = []
    for row in sorted(rows, key=lambda r: (r["group_key"], r["date"] or "", r["pk"])):
        if groups and groups[-1][0]["group_key"] == row["group_key"]:
            first, value = groups[-1][0]["date"], row["date"]
            if value and first and len(value) == len(first) == 10:
                same = (date.fromisoformat(value[:10]) - date.fromisoformat(first[:10])).days <= 1
            else:
                same = value == first
            if same:
                groups[-1].append(row)
                continue
        groups.append([row])
    return groups


def event_groups(conn: sqlite3.Connection, f: Filters) -> list[list[sqlite3.Row]]:
    """The groups of matching mentions (keys, dates and articles only) in `f.sort` order, for
    `grouped_events`."""
    sel = selection("events", f)
    rows = conn.execute(f"SELECT e.pk, e.group_key, e.date, e.date_start, e.type, a.id AS article_id,"
                        f" a.title AS title FROM {sel.source}{sel.clause}", sel.args).fetchall()
    groups = _chain(rows)
    key = f.sort or "-date"
    field_of = {"date": "date_start", "type": "type", "article": "title"}.get(key.lstrip("-"), "date_start")
    groups.sort(key=lambda g: (g[0][field_of] is not None, g[0][field_of] or ""), reverse=key.startswith("-"))
    return groups


def grouped_events(conn: sqlite3.Connection, f: Filters, groups: list[list[sqlite3.Row]] | None = None) -> Page:
    """Events counted once (mentions by several articles grouped), paged and sorted like mentions.

    Only keys and dates of the matching mentions are read to form the groups (or `groups`, as
    `event_groups` made and ordered them earlier); full records are built for this page's alone."""
    groups = event_groups(conn, f) if groups is None else groups
    limit, offset = limits(f)
    shown = groups[offset:offset + limit]
    full = {e["id"]: e for e in events_by_key(conn, [r["pk"] for g in shown for r in g])}
    items = []
    for group in shown:
        first = dict(full[group[0]["pk"]])
        first["group"] = f"{group[0]['group_key']}|{group[0]['date'] or '-'}"
        first["mentions"] = [{"article": r["article_id"], "event": r["pk"], "date": r["date"]} for r in group]
        first["articles"] = len({r["article_id"] for r in group})
        items.append(first)
    return Page(items, len(groups), limit, offset)


def event_network(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Source → target counts per type; one node per actor id (its KB name), unlinked ones by name."""
    sel = selection("events", f)
    sql = ("SELECT coalesce(sa.name, max(s.name)) AS source, s.country AS source_country, s.actor_id AS source_id,"
           " coalesce(ta.name, max(t.name)) AS target, t.country AS target_country, t.actor_id AS target_id,"
           f" e.type, COUNT(*) AS n FROM {sel.source}"
           " JOIN event_parties s ON s.event_pk = e.pk AND s.role = 'source'"
           " JOIN event_parties t ON t.event_pk = e.pk AND t.role = 'target'"
           " LEFT JOIN actors sa ON sa.id = s.actor_id LEFT JOIN actors ta ON ta.id = t.actor_id"
           f"{sel.clause}"
           " GROUP BY coalesce(s.actor_id, s.name), coalesce(t.actor_id, t.name), e.type ORDER BY n DESC, 1, 4 LIMIT 500")
    return [dict(r) for r in conn.execute(sql, sel.args)]


def event_places(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Event mentions per country of their place (ISO3), most first: the map's data."""
    sel = selection("events", f)
    sql = (f"SELECT e.location_country AS country, COUNT(*) AS n FROM {sel.source}{sel.clause}"
           " AND e.location_country IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1")
    return [dict(r) for r in conn.execute(sql, sel.args)]


FACETS: dict[str, dict[str, tuple[str, str, str]]] = {
    # facet -> (value expression, label expression, extra join); "outlet" is computed per article
    "quotes": {"speaker": ("coalesce(q.speaker_id, q.speaker_name)", "max(q.speaker_name)", ""),
               "country": ("q.speaker_country", "q.speaker_country", ""),
               "outlet": ("", "", "")},
    "events": {"type": ("e.type", "e.type", ""),
               "country": ("p.country", "p.country", " JOIN event_parties p ON p.event_pk = e.pk"),
               "actor": ("coalesce(p.actor_id, p.name)", "max(p.name)", " JOIN event_parties p ON p.event_pk = e.pk"),
               "outlet": ("", "", "")},
}


def facets(conn: sqlite3.Connection, kind: str, f: Filters, size: int = 8) -> dict[str, list[dict[str, Any]]]:
    """The most frequent values of each facet among the matching quotes or events, with counts.

    An item joined to several parties counts once per value; the outlet is worked out once per
    article, not once per item."""
    sel = selection(kind, f)
    out = {}
    for name, (value, label, join) in FACETS[kind].items():
        if name == "outlet":
            sql = (f"SELECT {OUTLET} AS value, {OUTLET} AS label, SUM(g.n) AS n FROM (SELECT a.pk AS apk,"
                   f" COUNT(*) AS n FROM {sel.source}{sel.clause} GROUP BY a.pk) g JOIN articles a ON a.pk = g.apk"
                   " WHERE value IS NOT NULL GROUP BY 1 ORDER BY n DESC, 2 LIMIT ?")
        else:
            counted = f"COUNT(DISTINCT {sel.key})" if join else "COUNT(*)"
            sql = (f"SELECT {value} AS value, {label} AS label, {counted} AS n FROM {sel.source}{join}"
                   f"{sel.clause} AND {value} IS NOT NULL GROUP BY 1 ORDER BY n DESC, 2 LIMIT ?")
        out[name] = [dict(r) for r in conn.execute(sql, [*sel.args, size])]
    return out


def date_counts(conn: sqlite3.Connection, kind: str, f: Filters) -> dict[str | None, tuple[str | None, int]]:
    """Matching quotes or events per date as stored (None: undated), each with its first day
    (`date_start`, computed per row: for one actor's items, not for a whole list)."""
    sel = selection(kind, f)
    alias = "q" if kind == "quotes" else "e"
    sql = (f"SELECT {alias}.date AS value, min({alias}.date_start) AS start, COUNT(*) AS n"
           f" FROM {sel.source}{sel.clause} GROUP BY 1")
    return {r["value"]: (r["start"], r["n"]) for r in conn.execute(sql, sel.args)}


def day_counts(conn: sqlite3.Connection, kind: str, f: Filters) -> dict[str, int]:
    """Matching quotes or events per first day of their date (undated ones left out).

    Grouped by the date as stored (a few thousand values) and then by first day in Python,
    which is cheaper than computing `date_start` for every row."""
    sel = selection(kind, f)
    column = "q.date" if kind == "quotes" else "e.date"
    sql = f"SELECT {column} AS value, COUNT(*) AS n FROM {sel.source}{sel.clause} AND {column} IS NOT NULL GROUP BY 1"
    out: dict[str, int] = {}
    for row in conn.execute(sql, sel.args):
        span = date_span(row["value"])
        if span is not None:
            day = span[0].isoformat()
            out[day] = out.get(day, 0) + row["n"]
    return out


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts; `articles` counts stories once (syndicated copies are `copies`)."""
    tables = ("articles", "mentions", "timexes", "quotes", "events", "actors")
    out = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    out["articles"] = conn.execute("SELECT COUNT(*) FROM unique_articles").fetchone()[0]
    out["copies"] = conn.execute(
        "SELECT COUNT(*) FROM articles WHERE current = 1 AND canonical_id IS NOT NULL").fetchone()[0]
    out["unique_events"] = conn.execute(
        "SELECT COUNT(*) FROM events e JOIN unique_articles a ON a.pk = e.article_pk").fetchone()[0]
    return out
