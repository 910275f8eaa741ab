"""What the API and the pages share: the per-app state, request dependencies, parameters.

Both routers import from here and never from each other's app, so `app.py` can wire them
without a circle.
"""
from __future__ import annotations

import hmac
import logging
import queue
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .. import batch, lookup, plover
from ..model import Failure, make_article
from ..pipeline import Pipeline
from ..store import queries
from ..store.db import Store
from ..store.queries import DATE, MAX_LIMIT, MAX_OFFSET, SORTS, Filters

log = logging.getLogger("kroniek.web")
MEMO_SIZE = 256  # summaries kept per process: a few kB each
IDLE_READERS = 8  # open read connections kept for the next requests


class Workbench:
    """Per-app state: where the database is, the token, and the pipeline (built on first ingest)."""

    def __init__(self, db_path: str | Path, token: str | None) -> None:
        self.db_path = str(db_path)
        self.token = token or None
        self.writer = Store(self.db_path)  # migrates on open, so readers find the schema
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()
        self._analysing = threading.Lock()
        self._memo: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()

    def memo(self, conn: sqlite3.Connection, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """`compute()` once per state of the store: summaries of a whole selection (facets, counts,
        event groups) cost a scan, and the store only changes by adding articles."""
        full = (queries.state(conn), *key)
        with self._lock:
            if full in self._memo:
                self._memo.move_to_end(full)
                return self._memo[full]
        value = compute()
        with self._lock:
            self._memo[full] = value
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    def pipeline(self) -> Pipeline:
        """The pipeline, built once: stages load heavy models, so not per request."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            return self._pipeline

    def ingest(self, docs: list[dict[str, Any]]) -> dict[str, Any]:
        """Validate, analyse and store documents in one batch; each failure is reported, none stops it."""
        items = [make_article(text=doc.get("text"), date=doc.get("date"), lang=doc.get("lang"), id=doc.get("id"),
                              title=doc.get("title"), url=doc.get("url"), source=doc.get("source"),
                              origin=f"document {index}") for index, doc in enumerate(docs)]
        ids: list[str] = []
        errors: list[dict[str, Any]] = []

        def note(result: Any) -> None:
            index = len(ids) + len(errors)
            if isinstance(result, Failure):
                log.warning("document %s not analysed: %s", index, result.reason)
                errors.append({"index": index, "id": docs[index].get("id"), "error": result.reason})
            else:
                ids.append(result.article.id)

        with self._analysing:  # stages share cached models; one analysis at a time
            done = batch.ingest(items, self.writer, self.pipeline(), batch_size=len(items) or 1,
                                skip_stored=False, on_result=note)
        return {"ids": ids, "errors": errors, **asdict(done.stored)}

    def reader(self) -> Iterator[Any]:
        """A read-only connection of its own, closed after use: for exports, which stream after
        the request's handler returned and may be dropped half-read."""
        store = Store(self.db_path, readonly=True)
        try:
            yield store.conn
        finally:
            store.close()

    def connection(self) -> Iterator[Any]:
        """A read-only connection for one request, taken from those kept open: read paths cannot
        write, no two requests share one at a time, and a kept connection's page cache stays warm."""
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = Store(self.db_path, readonly=True)
        try:
            yield store.conn
        finally:
            if self._idle.qsize() < IDLE_READERS:
                self._idle.put(store)
            else:
                store.close()

    def close(self) -> None:
        """Close the kept read connections and the writer: the server is shutting down."""
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break
        self.writer.close()

    def token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())


def bench(request: Request) -> Workbench:
    return request.app.state.bench


def db(request: Request) -> Iterator[Any]:
    """FastAPI dependency: a read-only connection for this request."""
    yield from bench(request).connection()


def request_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-kroniek-token")


def require_token(request: Request, given: str | None = None) -> None:
    """Refuse a write without the start-up token (when one was set)."""
    if not bench(request).token_ok(given if given is not None else request_token(request)):
        raise HTTPException(401, "a valid token is required for writes")


def writer(request: Request) -> None:
    """FastAPI dependency for write endpoints: checked before the body is even parsed."""
    require_token(request)


def wants_json(request: Request) -> bool:
    """A page's JSON twin: `?format=json` or an Accept header that prefers JSON over HTML."""
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


Conn = Annotated[sqlite3.Connection, Depends(db)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
DateFrom = Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")]
Text = Annotated[str | None, Query(max_length=500, description="full-text search (words, all must occur)")]
Name = Annotated[str | None, Query(max_length=200)]
Party = Annotated[str | None, Query(max_length=200, description="actor id, any name or alias, a role, or ISO3 country")]
Speaker = Annotated[str | None, Query(max_length=200, description="speaker: id, any name or alias, or a role")]
Country = Annotated[str | None, Query(pattern=r"^([A-Za-z]{3})?$", description="ISO 3166-1 alpha-3")]
Outlet = Annotated[str | None, Query(max_length=200, description="the article's source, or its web site")]
MinConfidence = Annotated[str | None, Query(pattern=r"^(0?\.\d+|[01](\.\d*)?|1\.0*)?$",  # empty: no filter
                                             description="0–1: hide items below this confidence "
                                                         "(items without one are shown)")]


def _sort(kind: str) -> Any:
    names = "|".join(SORTS[kind])
    return Annotated[str | None, Query(pattern=f"^(-?({names}))?$",
                                       description=f"{', '.join(SORTS[kind])}; a leading - sorts descending")]


QuoteSort, EventSort, ArticleSort, ActorSort = (_sort(k) for k in ("quotes", "events", "articles", "actors"))
EventType = Annotated[str | None, Query(pattern=f"^(?i:({'|'.join(plover.TYPES)}))?$", description="PLOVER type")]


def confidence(value: str | None) -> float | None:
    """A validated min_confidence field as a number; empty means no filter."""
    return float(value) if value else None


def quote_filters(conn: Conn, speaker: Speaker = None, q: Text = None, country: Country = None,
                  article: Name = None, outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None,
                  min_confidence: MinConfidence = None, sort: QuoteSort = None, limit: Limit = 50,
                  offset: Offset = 0) -> Filters:
    f = Filters(actor=speaker or None, text=q or None, country=country or None, article=article or None,
                outlet=outlet or None, date_from=date_from or None, date_to=date_to or None,
                min_confidence=confidence(min_confidence), sort=sort or None, limit=limit, offset=offset)
    return lookup.resolve_filters(conn, f)


def event_filters(conn: Conn, type: EventType = None, source: Party = None, target: Party = None,
                  actor: Party = None, country: Country = None, place: Country = None, article: Name = None,
                  outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None,
                  min_confidence: MinConfidence = None, sort: EventSort = None, limit: Limit = 50,
                  offset: Offset = 0) -> Filters:
    f = Filters(type=type or None, source=source or None, target=target or None, actor=actor or None,
                country=country or None, place=place or None, article=article or None, outlet=outlet or None,
                date_from=date_from or None, date_to=date_to or None, min_confidence=confidence(min_confidence),
                sort=sort or None, limit=limit, offset=offset)
    return lookup.resolve_filters(conn, f)


QuoteFilters = Annotated[Filters, Depends(quote_filters)]
EventFilters = Annotated[Filters, Depends(event_filters)]


def html(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Render a page; `token_needed` tells forms whether to ask for the token."""
    templates: Jinja2Templates = request.app.state.templates
    context = {"token_needed": bench(request).token is not None, **context}
    return templates.TemplateResponse(request, template, context, status_code=status)
