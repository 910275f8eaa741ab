"""Read queries over the store, shared by the CLI, the API and the web pages.

Every function takes a connection and plain filters, uses SQL parameters only,
and returns JSON-ready dicts; list queries return a `Page`. Lists are newest first
by default, ordered by the first day a date can mean (`date_start`, migration 006), so
a month, a week or a season sorts where it begins rather than as text.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from .periods import date_span

MAX_LIMIT = 1000
MAX_OFFSET = 2**62  # SQLite integers are 64-bit: a larger offset cannot even be bound
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
OUTLET = ("coalesce(a.source, CASE WHEN a.url LIKE 'http%://%' THEN substr(substr(a.url, instr(a.url, '://') + 3),"
          " 1, instr(substr(a.url, instr(a.url, '://') + 3) || '/', '/') - 1) END)")


@dataclass(slots=True)
class Filters:
    """Filters every list query understands; unset fields do not filter.

    `actor`, `source` and `target` are what the user typed (matched as an id, a stored name
    or, for parties, an ISO3 country); `*_ids` are the knowledge-base ids that `kroniek.lookup`
    resolved the name to, matched as well.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    actor_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    target_ids: tuple[str, ...] = ()
    country: str | None = None  # ISO3 of speaker, source or target
    type: str | None = None  # PLOVER type for events
    text: str | None = None  # full-text search
    date_from: str | None = None
    date_to: str | None = None
    article: str | None = None
    outlet: str | None = None
    place: str | None = None  # ISO3 of an event's place
    min_confidence: float | None = None  # items without a confidence always pass
    sort: str | None = None  # a column name, "-name" for descending; None: the list's default
    limit: int = 50
    offset: int = 0


@dataclass(slots=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(out.pop("extra"))
        return out


# sortable columns per list; the first key of each is the default (descending)
SORTS: dict[str, dict[str, str]] = {
    "articles": {"date": "coalesce(a.published, a.date)", "title": "a.title COLLATE NOCASE", "id": "a.id"},
    "quotes": {"date": "q.date_start", "speaker": "q.speaker_name COLLATE NOCASE", "confidence": "q.confidence",
               "article": "a.title COLLATE NOCASE"},
    "events": {"date": "e.date_start", "type": "e.type", "confidence": "e.confidence",
               "article": "a.title COLLATE NOCASE"},
    "actors": {"mentions": "mentions", "name": "ac.name COLLATE NOCASE", "country": "ac.country",
               "quotes": "quotes", "events": "events"},
}
TIEBREAK = {"articles": "a.id", "quotes": "a.id, q.start", "events": "a.id, e.trigger_start", "actors": "ac.id"}


def order_by(kind: str, sort: str | None) -> str:
    """ORDER BY for a list: `sort` is a column of SORTS[kind], with a leading '-' for descending."""
    key = sort or "-" + next(iter(SORTS[kind]))
    column = SORTS[kind].get(key.lstrip("-"))
    if column is None:
        raise ValueError(f"cannot sort {kind} by {key!r}: use {', '.join(SORTS[kind])} (with - for descending)")
    direction = "DESC" if key.startswith("-") else "ASC NULLS LAST"
    return f"{column} {direction}, {TIEBREAK[kind]}"


def clean(text: str) -> str:
    """User text without control characters (a NUL breaks FTS5 and LIKE patterns)."""
    return CONTROL.sub(" ", text)


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms, so punctuation cannot break the syntax."""
    terms = [t.replace('"', '""') for t in clean(text).split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with % and _ taken literally (ESCAPE '\\')."""
    escaped = clean(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _limits(f: Filters) -> tuple[int, int]:
    return max(1, min(int(f.limit), MAX_LIMIT)), max(0, min(int(f.offset), MAX_OFFSET))


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Inclusive ISO-day bounds from YYYY[-MM[-DD]] filters (a month or year runs to its end)."""
    low = date_from and date_from + "-01-01"[len(date_from) - 4:]
    high = date_to and date_to + "-12-31"[len(date_to) - 4:]
    return low, high


def _shared_clauses(alias: str, f: Filters, where: list[str], args: list[Any]) -> None:
    """What quotes and events filter alike: confidence (unscored items stay) and date range."""
    if f.min_confidence is not None:
        where.append(f"({alias}.confidence IS NULL OR {alias}.confidence >= ?)")
        args.append(f.min_confidence)
    _date_clause(f"{alias}.date_start", f, where, args)


def _date_clause(column: str, f: Filters, where: list[str], args: list[Any]) -> None:
    low, high = date_bounds(f.date_from, f.date_to)
    if low:
        where.append(f"{column} >= ?")
        args.append(low)
    if high:
        where.append(f"{column} <= ?")
        args.append(high)


def _page(conn: sqlite3.Connection, columns: str, source: str, where: list[str], args: list[Any],
          kind: str, f: Filters) -> Page:
    limit, offset = _limits(f)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT COUNT(*) FROM {source}{clause}", args).fetchone()[0]
    rows = conn.execute(f"SELECT {columns} FROM {source}{clause} ORDER BY {order_by(kind, f.sort)} LIMIT ? OFFSET ?",
                        [*args, limit, offset])
    return Page([dict(r) for r in rows], total, limit, offset)


_ARTICLE_COLS = ("a.id, a.version, a.lang, a.date, a.published, a.title, a.url, a.source,"
                 " substr(a.text, 1, 240) AS snippet")


def list_articles(conn: sqlite3.Connection, f: Filters) -> Page:
    where, args, columns, source = ["a.current = 1"], [], _ARTICLE_COLS, "articles a"
    if f.text:
        columns += ", snippet(articles_fts, 1, '[', ']', '…', 16) AS match"
        source = "articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
        where.append("articles_fts MATCH ?")
        args.append(fts_query(f.text))
    if f.outlet:
        where.append(f"{OUTLET} = ?")
        args.append(f.outlet)
    _date_clause("coalesce(a.published, a.date)", f, where, args)
    return _page(conn, columns, source, where, args, "articles", f)


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article with all its annotations: the extraction record, as stored."""
    row = conn.execute("SELECT * FROM articles WHERE id = ? AND current = 1", (article_id,)).fetchone()
    if row is None:
        return None
    pk = row["pk"]
    out = {k: row[k] for k in ("id", "version", "lang", "date", "published", "title", "url", "source", "author",
                               "text")}
    out["warnings"] = json.loads(row["warnings"]) if row["warnings"] else []
    out["entities"] = [
        {"start": r["start"], "end": r["end"], "text": r["text"], "type": r["type"],
         "actor": {"id": r["actor_id"], "name": r["actor_name"], "country": r["country"]} if r["actor_name"] else None}
        for r in conn.execute('SELECT * FROM mentions WHERE article_pk = ? ORDER BY start', (pk,))]
    out["timexes"] = [dict(r) for r in conn.execute(
        'SELECT start, "end", text, type, value FROM timexes WHERE article_pk = ? ORDER BY start', (pk,))]
    out["quotes"] = [_quote_json(r) for r in conn.execute(
        f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.pk = q.article_pk"
        " WHERE article_pk = ? ORDER BY q.start", (pk,))]
    out["events"] = _events_json(conn, [dict(r) for r in conn.execute(
        f"SELECT {_EVENT_COLS} FROM events e JOIN articles a ON a.pk = e.article_pk"
        " WHERE article_pk = ? ORDER BY trigger_start", (pk,))])
    return out


_QUOTE_COLS = "q.*, a.id AS article_id, a.title AS article_title"


def _quote_json(r: sqlite3.Row | dict[str, Any]) -> dict[str, Any]:
    speaker = None
    if r["speaker_name"]:
        speaker = {"id": r["speaker_id"], "name": r["speaker_name"], "country": r["speaker_country"],
                   "start": r["speaker_start"], "end": r["speaker_end"]}
    return {"article": r["article_id"], "article_title": r["article_title"], "start": r["start"], "end": r["end"],
            "text": r["text"], "direct": bool(r["direct"]), "cue": r["cue"], "speaker": speaker, "date": r["date"],
            "date_start": r["date_start"], "confidence": r["confidence"]}


def _who(column_id: str, column_name: str, value: str, ids: tuple[str, ...]) -> tuple[str, list[Any]]:
    """Match an actor by resolved ids, its typed id, or a stored name (unlinked speakers too)."""
    marks = ",".join("?" * (len(ids) + 1))
    return f"({column_id} IN ({marks}) OR {column_name} = ? COLLATE NOCASE)", [*ids, value, value]


def _quote_where(f: Filters) -> tuple[str, list[str], list[Any]]:
    source = "quotes q JOIN articles a ON a.pk = q.article_pk"
    where, args = ["a.current = 1"], []
    if f.text:
        source += " JOIN quotes_fts ON quotes_fts.rowid = q.pk"
        where.append("quotes_fts MATCH ?")
        args.append(fts_query(f.text))
    if f.actor:
        clause, more = _who("q.speaker_id", "q.speaker_name", f.actor, f.actor_ids)
        where.append(clause)
        args += more
    if f.country:
        where.append("q.speaker_country = ?")
        args.append(f.country.upper())
    if f.article:
        where.append("a.id = ?")
        args.append(f.article)
    if f.outlet:
        where.append(f"{OUTLET} = ?")
        args.append(f.outlet)
    _shared_clauses("q", f, where, args)
    return source, where, args


def list_quotes(conn: sqlite3.Connection, f: Filters) -> Page:
    source, where, args = _quote_where(f)
    page = _page(conn, _QUOTE_COLS, source, where, args, "quotes", f)
    page.items = [_quote_json(r) for r in page.items]
    return page


def _parties(conn: sqlite3.Connection, event_pks: list[int]) -> dict[int, dict[str, list[dict]]]:
    out: dict[int, dict[str, list[dict]]] = {}
    for start in range(0, len(event_pks), 500):
        chunk = event_pks[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"SELECT * FROM event_parties WHERE event_pk IN ({marks})", chunk):
            out.setdefault(r["event_pk"], {}).setdefault(r["role"], []).append(
                {"id": r["actor_id"], "name": r["name"], "country": r["country"], "sector": r["sector"]})
    return out


_EVENT_COLS = ("e.*, a.id AS article_id, a.title AS article_title,"
               " substr(a.text, e.sentence_start + 1, min(e.sentence_end - e.sentence_start, 400)) AS sentence_text")


def _events_json(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parties = _parties(conn, [r["pk"] for r in rows])
    out = []
    for r in rows:
        p = parties.get(r["pk"], {})
        src, tgt = p.get("source"), p.get("target")
        out.append({
            "id": r["pk"], "article": r.get("article_id"), "article_title": r.get("article_title"),
            "type": r["type"], "mode": r["mode"], "cameo": r["cameo"],
            "source": src[0] if src and len(src) == 1 else src,
            "target": tgt[0] if tgt and len(tgt) == 1 else tgt,
            "date": r["date"], "date_start": r["date_start"], "location": r["location"],
            "location_country": r["location_country"], "confidence": r["confidence"], "group_key": r["group_key"],
            "trigger": {"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]},
            "sentence": {"start": r["sentence_start"], "end": r["sentence_end"], "text": r.get("sentence_text")},
        })
    return out


def _party_clause(role: str | None, value: str, ids: tuple[str, ...], where: list[str], args: list[Any]) -> None:
    clause, more = _who("actor_id", "name", value, ids)
    role_sql = "role = ? AND " if role else ""
    where.append(f"e.pk IN (SELECT event_pk FROM event_parties WHERE {role_sql}({clause} OR country = ?))")
    args += [*([role] if role else []), *more, value.upper()]


def _event_where(f: Filters) -> tuple[str, list[str], list[Any]]:
    source = "events e JOIN articles a ON a.pk = e.article_pk"
    where, args = ["a.current = 1"], []
    if f.type:
        where.append("e.type = ?")
        args.append(f.type.upper())
    for role in ("source", "target"):
        if getattr(f, role):
            _party_clause(role, getattr(f, role), getattr(f, f"{role}_ids"), where, args)
    if f.actor:
        _party_clause(None, f.actor, f.actor_ids, where, args)
    if f.country:
        where.append("e.pk IN (SELECT event_pk FROM event_parties WHERE country = ?)")
        args.append(f.country.upper())
    if f.article:
        where.append("a.id = ?")
        args.append(f.article)
    if f.outlet:
        where.append(f"{OUTLET} = ?")
        args.append(f.outlet)
    if f.place:
        where.append("e.location_country = ?")
        args.append(f.place.upper())
    _shared_clauses("e", f, where, args)
    return source, where, args


def list_events(conn: sqlite3.Connection, f: Filters) -> Page:
    """Event mentions, one page: nothing beyond the page is read (grouping is `grouped_events`)."""
    source, where, args = _event_where(f)
    page = _page(conn, _EVENT_COLS, source, where, args, "events", f)
    page.items = _events_json(conn, page.items)
    return page


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
    source, where, args = _event_where(f)
    rows = conn.execute(f"SELECT e.pk, e.group_key, e.date, e.date_start, e.type, a.id AS article_id,"
                        f" a.title AS title FROM {source} WHERE {' AND '.join(where)}", args).fetchall()
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
    limit, offset = _limits(f)
    shown = groups[offset:offset + limit]
    pks = [r["pk"] for g in shown for r in g]
    marks = ",".join("?" * len(pks)) or "NULL"
    full = {e["id"]: e for e in _events_json(conn, [dict(r) for r in conn.execute(
        f"SELECT {_EVENT_COLS} FROM events e JOIN articles a ON a.pk = e.article_pk WHERE e.pk IN ({marks})", pks)])}
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
    source, where, args = _event_where(f)
    sql = ("SELECT coalesce(sa.name, max(s.name)) AS source, s.country AS source_country, s.actor_id AS source_id,"
           " coalesce(ta.name, max(t.name)) AS target, t.country AS target_country, t.actor_id AS target_id,"
           f" e.type, COUNT(*) AS n FROM {source}"
           " JOIN event_parties s ON s.event_pk = e.pk AND s.role = 'source'"
           " JOIN event_parties t ON t.event_pk = e.pk AND t.role = 'target'"
           " LEFT JOIN actors sa ON sa.id = s.actor_id LEFT JOIN actors ta ON ta.id = t.actor_id"
           f" WHERE {' AND '.join(where)}"
           " GROUP BY coalesce(s.actor_id, s.name), coalesce(t.actor_id, t.name), e.type ORDER BY n DESC, 1, 4 LIMIT 500")
    return [dict(r) for r in conn.execute(sql, args)]


def event_places(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Event mentions per country of their place (ISO3), most first: the map's data."""
    source, where, args = _event_where(f)
    sql = (f"SELECT e.location_country AS country, COUNT(*) AS n FROM {source} WHERE {' AND '.join(where)}"
           " AND e.location_country IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1")
    return [dict(r) for r in conn.execute(sql, args)]


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
    source, where, args = _quote_where(f) if kind == "quotes" else _event_where(f)
    key, clause = ("q.pk" if kind == "quotes" else "e.pk"), " AND ".join(where)
    out = {}
    for name, (value, label, join) in FACETS[kind].items():
        if name == "outlet":
            sql = (f"SELECT {OUTLET} AS value, {OUTLET} AS label, SUM(g.n) AS n FROM (SELECT a.pk AS apk,"
                   f" COUNT(*) AS n FROM {source} WHERE {clause} GROUP BY a.pk) g JOIN articles a ON a.pk = g.apk"
                   " WHERE value IS NOT NULL GROUP BY 1 ORDER BY n DESC, 2 LIMIT ?")
        else:
            count = f"COUNT(DISTINCT {key})" if join else "COUNT(*)"
            sql = (f"SELECT {value} AS value, {label} AS label, {count} AS n FROM {source}{join}"
                   f" WHERE {clause} AND {value} IS NOT NULL GROUP BY 1 ORDER BY n DESC, 2 LIMIT ?")
        out[name] = [dict(r) for r in conn.execute(sql, [*args, size])]
    return out


def day_counts(conn: sqlite3.Connection, kind: str, f: Filters) -> dict[str, int]:
    """Matching quotes or events per first day of their date (undated ones left out).

    Grouped by the date as stored (a few thousand values) and then by first day in Python,
    which is cheaper than computing `date_start` for every row."""
    source, where, args = _quote_where(f) if kind == "quotes" else _event_where(f)
    column = "q.date" if kind == "quotes" else "e.date"
    sql = (f"SELECT {column} AS value, COUNT(*) AS n FROM {source} WHERE {' AND '.join(where)}"
           f" AND {column} IS NOT NULL GROUP BY 1")
    out: dict[str, int] = {}
    for row in conn.execute(sql, args):
        span = date_span(row["value"])
        if span is not None:
            day = span[0].isoformat()
            out[day] = out.get(day, 0) + row["n"]
    return out


def list_actors(conn: sqlite3.Connection, f: Filters) -> Page:
    """Actors seen in the store, with how often they are mentioned, quoted and acting."""
    columns = ("ac.id, ac.name, ac.country, ac.sector,"
               " (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = ac.id) AS mentions,"
               " (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = ac.id) AS quotes,"
               " (SELECT COUNT(*) FROM event_parties p WHERE p.actor_id = ac.id) AS events")
    where, args = [], []
    needle = f.text or f.actor
    if needle or f.actor_ids:
        marks = ",".join("?" * len(f.actor_ids))
        where.append(f"(ac.name LIKE ? ESCAPE '\\' OR ac.id = ? OR ac.id IN ({marks}))")
        args += [like_pattern(needle or ""), needle or "", *f.actor_ids]
    if f.country:
        where.append("ac.country = ?")
        args.append(f.country.upper())
    return _page(conn, columns, "actors ac", where, args, "actors", f)


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


def timeline(conn: sqlite3.Connection, actor: str, f: Filters | None = None,
             ids: tuple[str, ...] = ()) -> dict[str, Any]:
    """What an actor said and did, per date as the text gave it, in the order the dates begin."""
    f = f or Filters()
    span = {"date_from": f.date_from, "date_to": f.date_to, "min_confidence": f.min_confidence,
            "limit": MAX_LIMIT, "sort": "date"}
    quotes = list_quotes(conn, Filters(actor=actor, actor_ids=ids, **span))
    events = list_events(conn, Filters(source=actor, source_ids=ids, **span))
    if not events.items:
        events = list_events(conn, Filters(actor=actor, actor_ids=ids, **span))
    days: dict[str, dict[str, Any]] = {}
    for kind, items in (("quotes", quotes.items), ("events", events.items)):
        for item in items:
            day = days.setdefault(item["date"] or "undated",
                                  {"start": item["date_start"], "quotes": 0, "events": 0})
            day[kind] += 1
    ordered = sorted(days.items(), key=lambda kv: (kv[1]["start"] is None, kv[1]["start"] or "", len(kv[0])))
    return {"actor": actor, "days": [{"date": d, "quotes": c["quotes"], "events": c["events"]} for d, c in ordered],
            "quotes": quotes.items, "events": events.items}


def state(conn: sqlite3.Connection) -> int:
    """A number that changes whenever articles are written (rows are only ever added): a cache key."""
    return conn.execute("SELECT coalesce(max(pk), 0) FROM articles").fetchone()[0]


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


def iter_rows(conn: sqlite3.Connection, kind: str, f: Filters, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every quote or event mention matching `f` from `f.offset` on, in list order, for exports:
    one scan, no per-page counting."""
    source, where, args = _quote_where(f) if kind == "quotes" else _event_where(f)
    columns = _QUOTE_COLS if kind == "quotes" else _EVENT_COLS
    cur = conn.execute(f"SELECT {columns} FROM {source} WHERE {' AND '.join(where)}"
                       f" ORDER BY {order_by(kind, f.sort)} LIMIT -1 OFFSET ?", [*args, _limits(f)[1]])
    while rows := cur.fetchmany(batch):
        if kind == "quotes":
            yield from (_quote_json(r) for r in rows)
        else:
            yield from _events_json(conn, [dict(r) for r in rows])
