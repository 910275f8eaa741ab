"""The analyst's workbench: one FastAPI app serving the JSON API and the HTML pages.

Pages and API read through the same `store.queries` functions, so a page and its
JSON twin cannot drift apart. Without a token the app trusts only loopback hosts;
with one, every write must carry it. Clients never see a stack trace.
"""
from __future__ import annotations

import ipaddress
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import lookup
from . import api, listings, pages
from .deps import Workbench, wants_json
from .render import date_label, safe_url, url_with

MAX_BODY = 2 * 1024 * 1024  # a news article is ~5 kB; 2 MB is a batch, not an attack
HERE = Path(__file__).parent
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
# Defence in depth behind autoescape: no inline or foreign script runs, nothing loads from elsewhere.
SECURITY_HEADERS = [
    (b"content-security-policy", (b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                  b"img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
log = logging.getLogger("kroniek.web")


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _host_of(value: str) -> str:
    return (urlsplit("//" + value).hostname or "") if value else ""


class Guard:
    """ASGI middleware: body-size limit, loopback-only Host without a token, same-origin writes.

    The Host check stops DNS rebinding against a tokenless local server; the Origin
    check stops another site's page from posting into it from the analyst's browser.
    """

    def __init__(self, app: ASGIApp, limit: int, local_only: bool,
                 on_crash: Callable[[Request], Response]) -> None:
        self.app, self.limit, self.local_only, self.on_crash = app, limit, local_only, on_crash

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a crash here, not in Starlette's outer handler, which re-raises and so makes
        uvicorn drop the keep-alive connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        try:
            await self._guarded(scope, receive, tracked)
        except Exception:
            log.exception("error serving %s", scope.get("path"))
            if started:
                raise
            await self.on_crash(Request(scope))(scope, receive, tracked)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if self.local_only and host and not is_loopback(_host_of(host)):
            await _error(400, "host not allowed: this server answers on loopback only")(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        origin = headers.get("origin")
        if origin and urlsplit(origin).netloc != host:  # "null" (sandboxed frames) is refused too
            await _error(403, "cross-origin write refused")(scope, receive, send)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            await _error(413, f"request body over {self.limit:,} bytes")(scope, receive, send)
            return
        body = await self._read(receive)
        if body is None:
            await _error(413, f"request body over {self.limit:,} bytes")(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes | None:
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Callable[[], Awaitable[Message]]:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status)


def _reply(templates: Jinja2Templates, request: Request, status: int, reason: str,
           extra: dict[str, Any] | None = None) -> Response:
    """An error as JSON for the API and JSON twins, as a page otherwise; never with internals."""
    if request.url.path.startswith("/api") or wants_json(request):
        return JSONResponse({"error": reason, **(extra or {})}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "reason": reason, **(extra or {})},
                                      status_code=status)


CRASH = "internal error (logged on the server)"


def _install_errors(app: FastAPI, templates: Jinja2Templates) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _reply(templates, request, exc.status_code, str(exc.detail))

    @app.exception_handler(lookup.Unresolved)
    async def unresolved(request: Request, exc: lookup.Unresolved) -> Response:
        """A name matching no actor is a 404; one matching several asks back with the candidates."""
        return _reply(templates, request, 422 if exc.candidates else 404, str(exc),
                      {"candidates": exc.candidates} if exc.candidates else None)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                   for e in exc.errors()]
        summary = "; ".join(f"{d['where']}: {d['problem']}" for d in details[:5])
        return _reply(templates, request, 422, f"invalid request: {summary}", {"details": details})


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The workbench over one database; `token` guards writes (and lifts the loopback-only Host rule)."""
    bench = Workbench(db_path, token)
    templates = Jinja2Templates(directory=str(HERE / "templates"))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        """Warm up before the first connection is accepted (templates, the KB, summaries); close the
        kept connections at shutdown."""
        for name in templates.env.list_templates():
            templates.env.get_template(name)
        listings.warm(bench)
        yield
        bench.close()

    app = FastAPI(title="kroniek", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who said or did what to whom, when and where: quotes, events and actors "
                              "from dated news articles. Every HTML page has a JSON twin (`?format=json`).")
    app.state.bench = bench
    templates.env.globals.update(url_with=url_with, safe_url=safe_url)
    templates.env.filters["when"] = date_label
    app.state.templates = templates
    app.add_middleware(Guard, limit=MAX_BODY, local_only=token is None,
                       on_crash=lambda request: _reply(templates, request, 500, CRASH))
    _install_errors(app, templates)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the workbench; refuses a non-loopback host without a token, since anyone could then write."""
    import uvicorn

    if not is_loopback(host) and not token:
        raise ValueError(f"refusing to serve on {host} without a token: pass one to guard writes")
    uvicorn.run(create_app(db_path, token=token), host=host, port=port, log_level="info",
                server_header=False)
