"""The JSON API under /api: reads through store.queries, ingest through the pipeline.

Each read endpoint is a thin wrapper over one query function, or over a `listings` function that
keeps a selection's total and summaries; pages.py calls the same ones.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from .. import lookup
from ..model import MAX_CHARS
from ..store import queries
from ..store.queries import Filters, Page
from . import exports
from .deps import (
    ActorSort,
    ArticleSort,
    Conn,
    Country,
    DateFrom,
    DateTo,
    EventFilters,
    Limit,
    MinConfidence,
    Name,
    Offset,
    Outlet,
    QuoteFilters,
    Text,
    bench,
    confidence,
    writer,
)
from .listings import (
    article_listing,
    event_listing,
    network_edges,
    quote_listing,
    stats_of,
    summary,
)

router = APIRouter(prefix="/api", tags=["api"])

Export = Literal["csv", "json", "jsonl", "parquet"]
Format = Literal["json", "csv", "jsonl", "parquet"]
MAX_DOCS = 100


class Document(BaseModel):
    """One article to analyse; only `text` is required."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_CHARS)
    id: str | None = Field(None, max_length=200)
    date: str | None = Field(None, max_length=40, description="YYYY, YYYY-MM or YYYY-MM-DD")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    lang: str | None = Field(None, pattern=r"^[a-z]{2}$")
    source: str | None = Field(None, max_length=200)


def _export(request: Request, kind: str, f: Filters, fmt: str) -> Response:
    """Exports read every matching row unless `limit` is given, on their own connection (they stream)."""
    limit = f.limit if "limit" in request.query_params else None
    return exports.export(exports.rows(bench(request).reader, kind, f, limit), kind, fmt)


Summaries = Annotated[bool, Query(description="add facets (and counts over time) for the whole selection")]


@router.get("/stats", summary="Row counts of the store")
def stats(request: Request, conn: Conn) -> dict[str, int]:
    return stats_of(bench(request), conn)


@router.get("/articles", summary="Articles, newest first; q= searches title and text")
def articles(request: Request, conn: Conn, q: Text = None, outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None,
             sort: ArticleSort = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    f = Filters(text=q or None, outlet=outlet, date_from=date_from, date_to=date_to, sort=sort, limit=limit,
                offset=offset)
    return article_listing(bench(request), conn, f)


@router.get("/articles/{article_id:path}", summary="One article with all its annotations")
def article(conn: Conn, article_id: str) -> dict[str, Any]:
    found = queries.get_article(conn, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


@router.get("/quotes", summary="Quotes by speaker, text, country and date (format= for exports)")
def quotes(request: Request, conn: Conn, f: QuoteFilters, format: Format = "json",
           facets: Summaries = False) -> Any:
    if format != "json":
        return _export(request, "quotes", f, format)
    return quote_listing(bench(request), conn, f, facets)


@router.get("/quotes.{fmt}", summary="Quotes export: every matching row (limit= to cap)")
def quotes_export(request: Request, f: QuoteFilters, fmt: Export) -> Response:
    return _export(request, "quotes", f, fmt)


@router.get("/events", summary="Event mentions (or grouped events) by type, parties, country and date")
def events(request: Request, conn: Conn, f: EventFilters, grouped: bool = False, format: Format = "json",
           facets: Summaries = False) -> Any:
    if format != "json":
        return _export(request, "events", f, format)
    return event_listing(bench(request), conn, f, grouped, facets)


@router.get("/events.{fmt}", summary="Event mentions export: every matching row (limit= to cap)")
def events_export(request: Request, f: EventFilters, fmt: Export) -> Response:
    return _export(request, "events", f, fmt)


@router.get("/events/network", summary="Source → target counts per event type, most frequent first")
def network(request: Request, conn: Conn, f: EventFilters) -> dict[str, Any]:
    edges = network_edges(bench(request), conn, f)
    return Page(edges[f.offset:f.offset + f.limit], len(edges), f.limit, f.offset).to_json()


@router.get("/events/places", summary="Event mentions per country of their place (ISO3), most first: the map's data")
def places(request: Request, conn: Conn, f: EventFilters) -> dict[str, Any]:
    found = summary(bench(request), conn, "events", f)["places"]
    return Page(found[f.offset:f.offset + f.limit], len(found), f.limit, f.offset).to_json()


@router.get("/actors", summary="Actors seen in the store; q= searches names and ids")
def actors(conn: Conn, q: Name = None, country: Country = None, sort: ActorSort = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    return queries.list_actors(conn, Filters(text=q or None, country=country or None, sort=sort, limit=limit,
                                             offset=offset)).to_json()


@router.get("/actors/{actor_id}", summary="An actor's profile: roles, counts, whom it addresses and who addresses it")
def actor(conn: Conn, actor_id: str) -> dict[str, Any]:
    found, _ = lookup.profile(conn, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r} in the store")
    return found


@router.get("/actors/{actor_id}/timeline",
            summary="What an actor said and did: every date with its counts, and a page of each (earliest first)")
def actor_timeline(conn: Conn, actor_id: str, date_from: DateFrom = None, date_to: DateTo = None,
                   min_confidence: MinConfidence = None, limit: Limit = queries.TIMELINE_ITEMS,
                   offset: Offset = 0) -> dict[str, Any]:
    match = lookup.resolve(conn, actor_id)
    f = Filters(date_from=date_from or None, date_to=date_to or None, min_confidence=confidence(min_confidence))
    return queries.timeline(conn, actor_id, f, match.ids, limit, offset)


@router.post("/ingest", summary="Analyse and store one document or a list (token required when set)",
             dependencies=[Depends(writer)],
             responses={401: {"description": "token missing or wrong"}, 413: {"description": "body over 2 MB"}})
def ingest(request: Request, payload: Annotated[Document | list[Document], Body()]) -> JSONResponse:
    docs = payload if isinstance(payload, list) else [payload]
    if not docs:
        raise HTTPException(422, "no documents given")
    if len(docs) > MAX_DOCS:
        raise HTTPException(413, f"at most {MAX_DOCS} documents per request")
    result = bench(request).ingest([d.model_dump() for d in docs])
    status = 200 if result["ids"] else 422
    if not result["ids"]:
        result = {"error": "no document could be analysed", **result}
    return JSONResponse(result, status_code=status)
