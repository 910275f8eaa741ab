"""Articles, quotes and event mentions: the lists, one article whole, and rows for exports."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from .common import (
    OUTLET,
    Filters,
    Page,
    Selection,
    count,
    date_clause,
    fts_query,
    limits,
    order_by,
    page_keys,
    rows_by_key,
    shared_clauses,
    who,
)

_ARTICLE_COLS = ("a.pk, a.id, a.version, a.lang, a.date, a.published, a.title, a.url, a.source,"
                 " substr(a.text, 1, 240) AS snippet")
QUOTE_SOURCE = "quotes q JOIN articles a ON a.pk = q.article_pk"
EVENT_SOURCE = "events e JOIN articles a ON a.pk = e.article_pk"
QUOTE_COLS = "q.*, a.id AS article_id, a.title AS article_title"
EVENT_COLS = ("e.*, a.id AS article_id, a.title AS article_title,"
              " substr(a.text, e.sentence_start + 1, min(e.sentence_end - e.sentence_start, 400)) AS sentence_text")


def article_selection(f: Filters) -> Selection:
    sel = Selection("articles a", ["a.current = 1"], [], "a.pk")
    if f.text:
        sel.source = "articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
        sel.where.append("articles_fts MATCH ?")
        sel.args.append(fts_query(f.text))
    if f.outlet:
        sel.where.append(f"{OUTLET} = ?")
        sel.args.append(f.outlet)
    date_clause("coalesce(a.published, a.date)", f, sel.where, sel.args)
    return sel


def list_articles(conn: sqlite3.Connection, f: Filters, total: int | None = None) -> Page:
    """A page of articles; `total`, when known (a cache), spares counting the selection again."""
    sel = article_selection(f)
    limit, offset = limits(f)
    if f.text:  # the match's snippet needs the full-text query itself, so one pass
        columns = _ARTICLE_COLS + ", snippet(articles_fts, 1, '[', ']', '…', 16) AS match"
        rows = [dict(r) for r in conn.execute(
            f"SELECT {columns} FROM {sel.source}{sel.clause} ORDER BY {order_by('articles', f.sort)}"
            " LIMIT ? OFFSET ?", [*sel.args, limit, offset])]
    else:
        rows = rows_by_key(conn, _ARTICLE_COLS, "articles a", "a.pk", page_keys(conn, sel, "articles", f))
    for row in rows:
        del row["pk"]
    return Page(rows, count(conn, sel) if total is None else total, limit, offset)


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
    out["quotes"] = [quote_json(r) for r in conn.execute(
        f"SELECT {QUOTE_COLS} FROM {QUOTE_SOURCE} WHERE article_pk = ? ORDER BY q.start", (pk,))]
    out["events"] = events_json(conn, [dict(r) for r in conn.execute(
        f"SELECT {EVENT_COLS} FROM {EVENT_SOURCE} WHERE article_pk = ? ORDER BY trigger_start", (pk,))])
    return out


def quote_json(r: sqlite3.Row | dict[str, Any]) -> dict[str, Any]:
    speaker = None
    if r["speaker_name"]:
        speaker = {"id": r["speaker_id"], "name": r["speaker_name"], "country": r["speaker_country"],
                   "start": r["speaker_start"], "end": r["speaker_end"]}
    return {"article": r["article_id"], "article_title": r["article_title"], "start": r["start"], "end": r["end"],
            "text": r["text"], "direct": bool(r["direct"]), "cue": r["cue"], "speaker": speaker, "date": r["date"],
            "date_start": r["date_start"], "confidence": r["confidence"]}


def quote_selection(f: Filters) -> Selection:
    sel = Selection(QUOTE_SOURCE, ["a.current = 1"], [], "q.pk")
    where, args = sel.where, sel.args
    if f.text:
        sel.source += " JOIN quotes_fts ON quotes_fts.rowid = q.pk"
        where.append("quotes_fts MATCH ?")
        args.append(fts_query(f.text))
    if f.actor:
        clause, more = who("q.speaker_id", "q.speaker_name", f.actor, f.actor_ids)
        where.append(clause)
        args += more
    if f.country:
        where.append("q.speaker_country = ?")
        args.append(f.country.upper())
    shared_clauses("q", f, where, args)
    return sel


def list_quotes(conn: sqlite3.Connection, f: Filters, total: int | None = None) -> Page:
    """A page of quotes; `total`, when known (a cache), spares counting the selection again."""
    sel = quote_selection(f)
    rows = rows_by_key(conn, QUOTE_COLS, QUOTE_SOURCE, "q.pk", page_keys(conn, sel, "quotes", f))
    limit, offset = limits(f)
    return Page([quote_json(r) for r in rows], count(conn, sel) if total is None else total, limit, offset)


def _parties(conn: sqlite3.Connection, event_pks: list[int]) -> dict[int, dict[str, list[dict]]]:
    out: dict[int, dict[str, list[dict]]] = {}
    for start in range(0, len(event_pks), 500):
        chunk = event_pks[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"SELECT * FROM event_parties WHERE event_pk IN ({marks})", chunk):
            out.setdefault(r["event_pk"], {}).setdefault(r["role"], []).append(
                {"id": r["actor_id"], "name": r["name"], "country": r["country"], "sector": r["sector"]})
    return out


def events_json(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
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


def events_by_key(conn: sqlite3.Connection, pks: list[int]) -> list[dict[str, Any]]:
    """Full event records for these mentions, in this order."""
    return events_json(conn, rows_by_key(conn, EVENT_COLS, EVENT_SOURCE, "e.pk", pks))


def _party_clause(role: str | None, value: str, ids: tuple[str, ...], where: list[str], args: list[Any]) -> None:
    clause, more = who("actor_id", "name", value, ids)
    role_sql = "role = ? AND " if role else ""
    where.append(f"e.pk IN (SELECT event_pk FROM event_parties WHERE {role_sql}({clause} OR country = ?))")
    args += [*([role] if role else []), *more, value.upper()]


def event_selection(f: Filters) -> Selection:
    sel = Selection(EVENT_SOURCE, ["a.current = 1"], [], "e.pk")
    where, args = sel.where, sel.args
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
    if f.place:
        where.append("e.location_country = ?")
        args.append(f.place.upper())
    shared_clauses("e", f, where, args)
    return sel


def list_events(conn: sqlite3.Connection, f: Filters, total: int | None = None) -> Page:
    """Event mentions, one page: nothing beyond the page is read (grouping is `grouped_events`);
    `total`, when known (a cache), spares counting the selection again."""
    sel = event_selection(f)
    limit, offset = limits(f)
    items = events_by_key(conn, page_keys(conn, sel, "events", f))
    return Page(items, count(conn, sel) if total is None else total, limit, offset)


def selection(kind: str, f: Filters) -> Selection:
    """The rows `f` chooses among articles, quotes or events."""
    return {"articles": article_selection, "quotes": quote_selection, "events": event_selection}[kind](f)


def total(conn: sqlite3.Connection, kind: str, f: Filters) -> int:
    """How many articles, quotes or events `f` chooses (what a list's "of N" says)."""
    return count(conn, selection(kind, f))


def iter_rows(conn: sqlite3.Connection, kind: str, f: Filters, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every quote or event mention matching `f` from `f.offset` on, in list order, for exports:
    one scan, no per-page counting."""
    sel = selection(kind, f)
    columns = QUOTE_COLS if kind == "quotes" else EVENT_COLS
    cur = conn.execute(f"SELECT {columns} FROM {sel.source}{sel.clause}"
                       f" ORDER BY {order_by(kind, f.sort)} LIMIT -1 OFFSET ?", [*sel.args, limits(f)[1]])
    while rows := cur.fetchmany(batch):
        if kind == "quotes":
            yield from (quote_json(r) for r in rows)
        else:
            yield from events_json(conn, [dict(r) for r in rows])
