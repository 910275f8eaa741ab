"""HTML pages, each with a JSON twin (`?format=json` or Accept: application/json).

A page handler builds `data` with the same store.queries calls as the API, then either
returns it as JSON or renders it; view-only extras (highlights, chart geometry) never
enter the JSON.
"""
from __future__ import annotations

import sqlite3
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response

from .. import lookup, plover
from ..model import MAX_CHARS
from ..store import queries
from ..store.queries import Filters
from . import render
from .deps import (
    ActorSort,
    ArticleSort,
    Conn,
    DateFrom,
    DateTo,
    EventFilters,
    Limit,
    MinConfidence,
    Offset,
    Outlet,
    QuoteFilters,
    Text,
    bench,
    confidence,
    html,
    require_token,
    wants_json,
)
from .listings import (
    article_listing,
    event_listing,
    network_edges,
    quote_listing,
    stats_of,
)

router = APIRouter(include_in_schema=False)


def page(request: Request, template: str, data: dict[str, Any], status: int = 200, **view: Any) -> Response:
    """The one exit of every page: JSON twin or HTML from the same `data`."""
    if wants_json(request):
        return JSONResponse(data, status_code=status)
    return html(request, template, {"data": data, **view}, status)


def _home(request: Request, conn: sqlite3.Connection) -> dict[str, Any]:
    wb = bench(request)
    return {"stats": stats_of(wb, conn), "articles": article_listing(wb, conn, Filters(limit=10))}


@router.get("/")
def home(request: Request, conn: Conn) -> Response:
    return page(request, "index.html", _home(request, conn))


@router.get("/docs")
def docs(request: Request) -> Response:
    """The OpenAPI description rendered on the server: no Swagger bundle from a CDN."""
    spec = request.app.openapi()
    if wants_json(request):
        return JSONResponse(spec)
    return html(request, "docs.html", {"spec": spec})


@router.get("/search")
def search(request: Request, conn: Conn, q: Text = None, limit: Annotated[int, Query(ge=1, le=200)] = 20,
           offset: Offset = 0) -> Response:
    data: dict[str, Any] = {"q": q or ""}
    if q:
        f = Filters(text=q, limit=limit, offset=offset)
        data["articles"] = queries.list_articles(conn, f).to_json()
        data["quotes"] = queries.list_quotes(conn, f).to_json()
        data["actors"] = queries.list_actors(conn, Filters(text=q, actor_ids=_named(conn, q), limit=20)).to_json()
    return page(request, "search.html", data)


def _named(conn: sqlite3.Connection, q: str) -> tuple[str, ...]:
    """The actors the search words name ("Poetin", "Trump"), found besides name matches."""
    try:
        return lookup.resolve(conn, q).ids
    except lookup.Unresolved as unresolved:
        return tuple(c["id"] for c in unresolved.candidates if c.get("id"))


@router.post("/ingest")
def ingest_form(request: Request, conn: Conn, text: Annotated[str, Form(max_length=MAX_CHARS)] = "",
                file: Annotated[UploadFile | None, File()] = None, date: Annotated[str, Form(max_length=40)] = "",
                title: Annotated[str, Form(max_length=1000)] = "", lang: Annotated[str, Form(max_length=2)] = "",
                token: Annotated[str, Form(max_length=500)] = "") -> Response:
    """The paste/upload box: analyse, store, then show the article (POST-redirect-GET)."""
    require_token(request, token or None)
    if file is not None and file.filename:
        raw = file.file.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return _form_error(request, conn, "the uploaded file is not UTF-8 text")
    if not text.strip():
        return _form_error(request, conn, "paste an article or choose a file")
    result = bench(request).ingest([{"text": text, "date": date or None, "title": title or None,
                                     "lang": lang or None}])
    if not result["ids"]:
        return _form_error(request, conn, "; ".join(e["error"] for e in result["errors"]))
    if wants_json(request):
        return JSONResponse(result)
    return RedirectResponse(f"/articles/{quote(result['ids'][0])}", status_code=303)


def _form_error(request: Request, conn: sqlite3.Connection, reason: str) -> Response:
    return page(request, "index.html", {**_home(request, conn), "error": reason}, status=422)


@router.get("/articles")
def articles(request: Request, conn: Conn, q: Text = None, outlet: Outlet = None, date_from: DateFrom = None,
             date_to: DateTo = None, sort: ArticleSort = None, limit: Limit = 50, offset: Offset = 0) -> Response:
    f = Filters(text=q or None, outlet=outlet or None, date_from=date_from or None, date_to=date_to or None,
                sort=sort or None, limit=limit, offset=offset)
    return page(request, "articles.html", article_listing(bench(request), conn, f))


@router.get("/articles/{article_id:path}")
def article(request: Request, conn: Conn, article_id: str) -> Response:
    found = queries.get_article(conn, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return page(request, "article.html", found,
                pieces=render.pieces(found["text"], render.marks(found)), party=render.party_name,
                colour=render.colour)


@router.get("/quotes")
def quotes(request: Request, conn: Conn, f: QuoteFilters) -> Response:
    data = quote_listing(bench(request), conn, f, summaries=True)
    return page(request, "quotes.html", data, counts=render.bars_chart(data["counts"], "statements"))


@router.get("/events")
def events(request: Request, conn: Conn, f: EventFilters, grouped: bool = False) -> Response:
    listing = event_listing(bench(request), conn, f, grouped, summaries=True)
    edges = network_edges(bench(request), conn, f)
    data = {"events": listing, "network": edges, "grouped": grouped}
    return page(request, "events.html", data, chart=render.network_chart(edges), types=plover.TYPES,
                counts=render.bars_chart(listing["counts"], "events"), world=render.map_chart(listing["places"]),
                party=render.party_name, colour=render.colour)


@router.get("/actors")
def actors(request: Request, conn: Conn, q: Text = None, sort: ActorSort = None, limit: Limit = 50,
           offset: Offset = 0) -> Response:
    f = Filters(text=q or None, sort=sort or None, limit=limit, offset=offset)
    return page(request, "actors.html", queries.list_actors(conn, f).to_json())


@router.get("/actors/{actor_id:path}")
def actor(request: Request, conn: Conn, actor_id: str, date_from: DateFrom = None,
          date_to: DateTo = None, min_confidence: MinConfidence = None) -> Response:
    found, match = lookup.profile(conn, actor_id)
    f = Filters(date_from=date_from or None, date_to=date_to or None, min_confidence=confidence(min_confidence))
    line = queries.timeline(conn, actor_id, f, match.ids)
    if found is None and not (line["quotes"] or line["events"]):
        raise HTTPException(404, f"no actor {actor_id!r} in the store")
    profile = found or {"id": None, "name": match.actors[0]["name"], "country": None, "addresses": [],
                        "addressed_by": [], "roles": []}
    return page(request, "actor.html", {"actor": profile, "timeline": line},
                chart=render.bars_chart(render.timeline_bins(line), "items"), listed=render.by_date(line),
                party=render.party_name, colour=render.colour)
