"""Summaries of a whole selection: grouped events, facets, counts per day, the map, the network.

Each costs a scan of the selection (the web app keeps them per store state, `state`), so they
read narrow columns only and build full records for the rows a page shows.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
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


def _top(counts: Counter[Any], labels: dict[Any, str], size: int) -> list[dict[str, Any]]:
    """The `size` most frequent values, ties by label (as SQL's ORDER BY n DESC, label would)."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], labels.get(kv[0], kv[0])))
    return [{"value": v, "label": labels.get(v, v), "n": n} for v, n in ranked[:size]]


def _first_days(dates: Counter[str | None]) -> dict[str, int]:
    """Counts per date as stored -> counts per first day (undated and day-less dates left out)."""
    out: dict[str, int] = {}
    for value, n in dates.items():
        span = date_span(value)
        if span is not None:
            day = span[0].isoformat()
            out[day] = out.get(day, 0) + n
    return out


def _per_outlet(conn: sqlite3.Connection, per_article: Counter[int]) -> Counter[str | None]:
    """Counts per article pk -> counts per outlet, each article's outlet worked out once."""
    out: Counter[str | None] = Counter()
    pks = list(per_article)
    for start in range(0, len(pks), 500):
        chunk = pks[start:start + 500]
        sql = f"SELECT a.pk, {OUTLET} FROM articles a WHERE a.pk IN ({','.join('?' * len(chunk))})"
        for pk, outlet in conn.execute(sql, chunk):
            out[outlet] += per_article[pk]
    return out


def summary(conn: sqlite3.Connection, kind: str, f: Filters, size: int = 8) -> dict[str, Any]:
    """What describes a whole selection of quotes or events, from one pass over narrow columns:
    `facets` (the `size` most frequent speakers, countries, outlets; for events also types and
    parties), `days` (items per first day of their date) and, for events, `places` (mentions per
    country of their place, the map's data).

    An event with several parties counts once per value; outlets are the article's source or,
    lacking one, its web site."""
    sel = selection(kind, f)
    values: dict[str, Counter[Any]] = {}
    labels: dict[str, dict[Any, str]] = {}
    dates: Counter[str | None] = Counter()
    if kind == "quotes":
        speakers, countries, outlets = Counter(), Counter(), Counter()
        names: dict[Any, str] = {}
        sql = (f"SELECT coalesce(q.speaker_id, q.speaker_name), q.speaker_name, q.speaker_country, q.date,"
               f" q.article_pk FROM {sel.source}{sel.clause}")
        for key, name, country, when, article in conn.execute(sql, sel.args):
            if key is not None:
                speakers[key] += 1
                if name is not None and (key not in names or name > names[key]):
                    names[key] = name
            countries[country] += 1
            outlets[article] += 1
            dates[when] += 1
        values = {"speaker": speakers, "country": countries, "outlet": outlets}
        labels = {"speaker": names}
    else:
        types, outlets, places = Counter(), Counter(), Counter()
        sql = f"SELECT e.type, e.location_country, e.date, e.article_pk FROM {sel.source}{sel.clause}"
        for etype, place, when, article in conn.execute(sql, sel.args):
            types[etype] += 1
            places[place] += 1
            outlets[article] += 1
            dates[when] += 1
        by_country: dict[str, set[int]] = {}
        by_actor: dict[str, set[int]] = {}
        names = {}
        sql = (f"SELECT e.pk, p.country, coalesce(p.actor_id, p.name), p.name FROM {sel.source}"
               f" JOIN event_parties p ON p.event_pk = e.pk{sel.clause}")
        for pk, country, key, name in conn.execute(sql, sel.args):
            by_country.setdefault(country, set()).add(pk)
            by_actor.setdefault(key, set()).add(pk)
            if name is not None and (key not in names or name > names[key]):
                names[key] = name
        values = {"type": types, "country": Counter({k: len(v) for k, v in by_country.items()}),
                  "actor": Counter({k: len(v) for k, v in by_actor.items()}), "outlet": outlets}
        labels = {"actor": names}
    values["outlet"] = _per_outlet(conn, values["outlet"])
    for counts in values.values():
        counts.pop(None, None)
    out: dict[str, Any] = {"facets": {name: _top(counts, labels.get(name, {}), size)
                                      for name, counts in values.items()},
                           "days": _first_days(dates)}
    if kind == "events":
        places.pop(None, None)
        out["places"] = [{"country": c, "n": n} for c, n in sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))]
    return out


def date_counts(conn: sqlite3.Connection, kind: str, f: Filters) -> dict[str | None, tuple[str | None, int]]:
    """Matching quotes or events per date as stored (None: undated), each with its first day
    (`date_start`, computed per row: for one actor's items, not for a whole list)."""
    sel = selection(kind, f)
    alias = "q" if kind == "quotes" else "e"
    sql = (f"SELECT {alias}.date AS value, min({alias}.date_start) AS start, COUNT(*) AS n"
           f" FROM {sel.source}{sel.clause} GROUP BY 1")
    return {r["value"]: (r["start"], r["n"]) for r in conn.execute(sql, sel.args)}


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
