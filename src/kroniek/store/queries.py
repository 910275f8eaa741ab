"""Read queries over the store, shared by the CLI, the API and the web pages.

Every function takes a connection and plain filters, uses SQL parameters only,
and returns JSON-ready dicts; list queries return a `Page`.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from ..plover import group_events

MAX_LIMIT = 1000


@dataclass(slots=True)
class Filters:
    """Filters every list query understands; unset fields do not filter."""

    actor: str | None = None  # actor id or name (speaker, source or target)
    source: str | None = None
    target: str | None = None
    country: str | None = None  # ISO3 of speaker, source or target
    type: str | None = None  # PLOVER type for events
    text: str | None = None  # full-text search
    date_from: str | None = None
    date_to: str | None = None
    article: str | None = None
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


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms, so punctuation cannot break the syntax."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'


def _limits(f: Filters) -> tuple[int, int]:
    return max(1, min(int(f.limit), MAX_LIMIT)), max(0, int(f.offset))


def _date_clause(column: str, f: Filters, where: list[str], args: list[Any]) -> None:
    if f.date_from:
        where.append(f"{column} >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append(f"substr({column}, 1, {len(f.date_to)}) <= ?")
        args.append(f.date_to)


def _page(conn: sqlite3.Connection, select: str, where: list[str], args: list[Any], order: str,
          f: Filters) -> Page:
    limit, offset = _limits(f)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT COUNT(*) FROM ({select}{clause})", args).fetchone()[0]
    rows = conn.execute(f"{select}{clause} ORDER BY {order} LIMIT ? OFFSET ?", [*args, limit, offset])
    return Page([dict(r) for r in rows], total, limit, offset)


_ARTICLE_COLS = ("a.id, a.version, a.lang, a.date, a.published, a.title, a.url, a.source,"
                 " substr(a.text, 1, 240) AS snippet")


def list_articles(conn: sqlite3.Connection, f: Filters) -> Page:
    where, args = ["a.current = 1"], []
    select = f"SELECT {_ARTICLE_COLS} FROM articles a"
    if f.text:
        select = (f"SELECT {_ARTICLE_COLS}, snippet(articles_fts, 1, '[', ']', '…', 16) AS match"
                  " FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid")
        where.append("articles_fts MATCH ?")
        args.append(fts_query(f.text))
    _date_clause("coalesce(a.published, a.date)", f, where, args)
    return _page(conn, select, where, args, "coalesce(published, date) DESC, id", f)


def _article_pk(conn: sqlite3.Connection, article_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM articles WHERE id = ? AND current = 1", (article_id,)).fetchone()


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article with all its annotations: the extraction record, as stored."""
    row = _article_pk(conn, article_id)
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
        "SELECT q.*, a.id AS article_id FROM quotes q JOIN articles a ON a.pk = q.article_pk"
        " WHERE article_pk = ? ORDER BY q.start", (pk,))]
    out["events"] = _events_json(conn, [dict(r) for r in conn.execute(
        "SELECT e.*, a.id AS article_id FROM events e JOIN articles a ON a.pk = e.article_pk"
        " WHERE article_pk = ? ORDER BY trigger_start", (pk,))])
    return out


def _quote_json(r: sqlite3.Row) -> dict[str, Any]:
    speaker = None
    if r["speaker_name"]:
        speaker = {"id": r["speaker_id"], "name": r["speaker_name"], "country": r["speaker_country"],
                   "start": r["speaker_start"], "end": r["speaker_end"]}
    return {"article": r["article_id"], "start": r["start"], "end": r["end"], "text": r["text"],
            "direct": bool(r["direct"]), "cue": r["cue"], "speaker": speaker, "date": r["date"]}


def list_quotes(conn: sqlite3.Connection, f: Filters) -> Page:
    where, args = ["a.current = 1"], []
    select = ("SELECT q.*, a.id AS article_id FROM quotes q JOIN articles a ON a.pk = q.article_pk")
    if f.text:
        select += " JOIN quotes_fts ON quotes_fts.rowid = q.pk"
        where.append("quotes_fts MATCH ?")
        args.append(fts_query(f.text))
    if f.actor:
        where.append("(q.speaker_id = ? OR q.speaker_name = ? COLLATE NOCASE)")
        args += [f.actor, f.actor]
    if f.country:
        where.append("q.speaker_country = ?")
        args.append(f.country.upper())
    if f.article:
        where.append("a.id = ?")
        args.append(f.article)
    _date_clause("q.date", f, where, args)
    page = _page(conn, select, where, args, "date, article_id, start", f)
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


def _events_json(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parties = _parties(conn, [r["pk"] for r in rows])
    out = []
    for r in rows:
        p = parties.get(r["pk"], {})
        src, tgt = p.get("source"), p.get("target")
        out.append({
            "id": r["pk"], "article": r.get("article_id"), "type": r["type"], "mode": r["mode"], "cameo": r["cameo"],
            "source": src[0] if src and len(src) == 1 else src,
            "target": tgt[0] if tgt and len(tgt) == 1 else tgt,
            "date": r["date"], "location": r["location"], "location_country": r["location_country"],
            "group_key": r["group_key"],
            "trigger": {"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]},
            "sentence": {"start": r["sentence_start"], "end": r["sentence_end"]},
        })
    return out


def _party_clause(role: str, value: str, where: list[str], args: list[Any]) -> None:
    where.append("e.pk IN (SELECT event_pk FROM event_parties WHERE role = ? AND "
                 "(actor_id = ? OR name = ? COLLATE NOCASE OR country = ?))")
    args += [role, value, value, value.upper()]


def _event_where(f: Filters) -> tuple[str, list[str], list[Any]]:
    select = "SELECT e.*, a.id AS article_id FROM events e JOIN articles a ON a.pk = e.article_pk"
    where, args = ["a.current = 1"], []
    if f.type:
        where.append("e.type = ?")
        args.append(f.type.upper())
    for role in ("source", "target"):
        if getattr(f, role):
            _party_clause(role, getattr(f, role), where, args)
    if f.actor:
        where.append("e.pk IN (SELECT event_pk FROM event_parties WHERE actor_id = ? OR name = ? COLLATE NOCASE)")
        args += [f.actor, f.actor]
    if f.country:
        where.append("e.pk IN (SELECT event_pk FROM event_parties WHERE country = ?)")
        args.append(f.country.upper())
    if f.article:
        where.append("a.id = ?")
        args.append(f.article)
    _date_clause("e.date", f, where, args)
    return select, where, args


def list_events(conn: sqlite3.Connection, f: Filters, count_groups: bool = True) -> Page:
    """Event mentions; `extra["groups"]` counts the distinct events among all that match.

    Counting groups reads every matching event, so callers that show no count (the timeline,
    the CLI listing) skip it."""
    select, where, args = _event_where(f)
    page = _page(conn, select, where, args, "date, article_id, trigger_start", f)
    page.items = _events_json(conn, page.items)
    if count_groups:
        page.extra["groups"] = len(grouped_events(conn, Filters(**{**asdict(f), "limit": MAX_LIMIT, "offset": 0})))
    return page


def grouped_events(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Events counted once: mentions in several articles grouped (type, parties, date within a day)."""
    select, where, args = _event_where(f)
    rows = [dict(r) for r in conn.execute(f"{select} WHERE {' AND '.join(where)}", args)]
    out = []
    for group in group_events(_events_json(conn, rows), level="actor"):
        first = dict(group.rows[0])
        first["group"] = group.key
        first["mentions"] = [{"article": r["article"], "event": r["id"], "date": r["date"]} for r in group.rows]
        first["articles"] = len({r["article"] for r in group.rows})
        out.append(first)
    return out


def event_network(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Source → target counts per type (the events network)."""
    select, where, args = _event_where(f)
    sql = (f"SELECT s.name AS source, s.country AS source_country, t.name AS target,"
           f" t.country AS target_country, e.type, COUNT(*) AS n FROM ({select} WHERE {' AND '.join(where)}) e"
           " JOIN event_parties s ON s.event_pk = e.pk AND s.role = 'source'"
           " JOIN event_parties t ON t.event_pk = e.pk AND t.role = 'target'"
           " GROUP BY 1, 2, 3, 4, 5 ORDER BY n DESC LIMIT 500")
    return [dict(r) for r in conn.execute(sql, args)]


def list_actors(conn: sqlite3.Connection, f: Filters) -> Page:
    """Actors seen in the store, with how often they are mentioned, quoted and acting."""
    select = ("SELECT ac.id, ac.name, ac.country, ac.sector,"
              " (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = ac.id) AS mentions,"
              " (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = ac.id) AS quotes,"
              " (SELECT COUNT(*) FROM event_parties p WHERE p.actor_id = ac.id) AS events FROM actors ac")
    where, args = [], []
    if f.text or f.actor:
        where.append("(ac.name LIKE ? OR ac.id = ?)")
        needle = f.text or f.actor or ""
        args += [f"%{needle}%", needle]
    if f.country:
        where.append("ac.country = ?")
        args.append(f.country.upper())
    return _page(conn, select, where, args, "mentions DESC, name", f)


def get_actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any] | None:
    """An actor's profile: KB roles, counts, whom it addresses and who addresses it."""
    row = conn.execute("SELECT * FROM actors WHERE id = ? OR name = ? COLLATE NOCASE LIMIT 1",
                       (actor_id, actor_id)).fetchone()
    if row is None:
        return None
    out = dict(row)
    aid = out["id"]
    out["mentions"] = conn.execute("SELECT COUNT(*) FROM mentions WHERE actor_id = ?", (aid,)).fetchone()[0]
    out["quotes"] = conn.execute("SELECT COUNT(*) FROM quotes WHERE speaker_id = ?", (aid,)).fetchone()[0]
    pair = ("SELECT o.name, o.country, o.actor_id AS id, e.type, COUNT(*) AS n FROM event_parties me"
            " JOIN event_parties o ON o.event_pk = me.event_pk AND o.role = ? JOIN events e ON e.pk = me.event_pk"
            " WHERE me.actor_id = ? AND me.role = ? GROUP BY 1, 2, 3, 4 ORDER BY n DESC LIMIT 50")
    out["addresses"] = [dict(r) for r in conn.execute(pair, ("target", aid, "source"))]
    out["addressed_by"] = [dict(r) for r in conn.execute(pair, ("source", aid, "target"))]
    out["roles"] = _kb_roles(aid)
    return out


def _kb_roles(actor_id: str) -> list[dict[str, Any]]:
    try:
        from .. import kb
    except ImportError:
        return []
    actor = kb.get(actor_id) if hasattr(kb, "get") else None
    return [r if isinstance(r, dict) else asdict(r) for r in getattr(actor, "roles", None) or []]


def timeline(conn: sqlite3.Connection, actor: str, f: Filters | None = None) -> dict[str, Any]:
    """What an actor said and did, per day: counts for the chart and the items beneath it."""
    f = f or Filters()
    quotes = list_quotes(conn, Filters(actor=actor, date_from=f.date_from, date_to=f.date_to, limit=MAX_LIMIT))
    events = list_events(conn, Filters(source=actor, date_from=f.date_from, date_to=f.date_to, limit=MAX_LIMIT),
                         count_groups=False)
    if not events.items:
        events = list_events(conn, Filters(actor=actor, date_from=f.date_from, date_to=f.date_to, limit=MAX_LIMIT),
                             count_groups=False)
    days: dict[str, dict[str, int]] = {}
    for q in quotes.items:
        days.setdefault(q["date"] or "undated", {"quotes": 0, "events": 0})["quotes"] += 1
    for e in events.items:
        days.setdefault(e["date"] or "undated", {"quotes": 0, "events": 0})["events"] += 1
    return {"actor": actor, "days": [{"date": d, **c} for d, c in sorted(days.items())],
            "quotes": quotes.items, "events": events.items}


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


def iter_events(conn: sqlite3.Connection, f: Filters, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every event mention matching `f` from `f.offset` on, in list_events order, for exports.

    Unlike paging list_events, it neither groups nor counts per page, so an export of n
    events costs one scan instead of n/1000 groupings of the whole selection.
    """
    select, where, args = _event_where(f)
    cur = conn.execute(f"{select} WHERE {' AND '.join(where)} ORDER BY date, article_id, trigger_start"
                       " LIMIT -1 OFFSET ?", [*args, max(0, int(f.offset))])
    while rows := cur.fetchmany(batch):
        yield from _events_json(conn, [dict(r) for r in rows])
