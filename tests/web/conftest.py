"""A real uvicorn server over a temporary store, and a small self-written article.

The article and its hand-made extraction record let the web tests run without
../shared and without depending on how good the stages are today.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from kroniek.store.db import Store
from kroniek.web.app import create_app

ARTICLE = (
    "De Nederlandse premier Dick Schoof zei dinsdag in Den Haag: „Wij steunen Oekraïne zolang het nodig is.” "
    "Volgens Schoof is de hulp <script>alert(\"kroniek\")</script> niet onbeperkt.\n\n"
    "Poetin beschuldigde Oekraïne woensdag van sabotage. „Kyiv wil geen vrede,” zei Poetin tegen verslaggevers.\n\n"
    "Zelensky reageerde dat Rusland de gesprekken blokkeert."
)
PUTIN = {"id": "Q7747", "name": "Vladimir Putin", "country": "RUS"}
ZELENSKY = {"id": "Q3874799", "name": "Volodymyr Zelensky", "country": "UKR"}
UKRAINE = {"id": "UKR", "name": "Ukraine", "country": "UKR"}
RUSSIA = {"id": "RUS", "name": "Russia", "country": "RUS"}
NETHERLANDS = {"id": "NLD", "name": "Netherlands", "country": "NLD"}


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _span(needle: str, nth: int = 0, **extra: object) -> dict:
    start, end = _at(ARTICLE, needle, nth)
    return {"start": start, "end": end, "text": needle, **extra}


def _sentence(needle: str) -> dict:
    start, _ = _at(ARTICLE, needle)
    left = max(ARTICLE.rfind(". ", 0, start) + 2, ARTICLE.rfind("\n", 0, start) + 1, 0)
    right = ARTICLE.find(".", start) + 1
    return {"start": left, "end": right}


def handmade_record(doc_id: str = "hand-1") -> dict:
    """The FORMAT.md §1 record of ARTICLE, written by hand: two direct quotes, one reported, two events."""
    schoof = _span("Dick Schoof")
    putin2 = _span("Poetin", 1)
    zel = _span("Zelensky")
    q0 = _at(ARTICLE, "„Wij steunen Oekraïne zolang het nodig is.”")
    q1 = _at(ARTICLE, "„Kyiv wil geen vrede,”")
    q2 = _at(ARTICLE, "de gesprekken blokkeert")
    return {
        "id": doc_id, "lang": "nl", "date": "2025-03-04", "published": "2025-03-04", "text": ARTICLE,
        "title": "Schoof en Poetin <b>over</b> Oekraïne",
        "entities": [
            _span("Dick Schoof", type="PER", actor=None),
            _span("Den Haag", type="LOC", actor=None),
            _span("Oekraïne", 0, type="LOC", actor=UKRAINE),
            _span("Poetin", 0, type="PER", actor=PUTIN),
            _span("Oekraïne", 1, type="LOC", actor=UKRAINE),
            _span("Poetin", 1, type="PER", actor=PUTIN),
            _span("Zelensky", type="PER", actor=ZELENSKY),
            _span("Rusland", type="LOC", actor=RUSSIA),
        ],
        "timexes": [_span("dinsdag", type="DATE", value="2025-03-04"),
                    _span("woensdag", type="DATE", value="2025-03-05")],
        "quotes": [
            {"start": q0[0], "end": q0[1], "text": "Wij steunen Oekraïne zolang het nodig is.", "direct": True,
             "cue": "zei", "date": "2025-03-04",
             "speaker": {"id": None, "name": "Dick Schoof", "country": "NLD", "start": schoof["start"],
                         "end": schoof["end"]}},
            {"start": q1[0], "end": q1[1], "text": "Kyiv wil geen vrede,", "direct": True, "cue": "zei",
             "date": "2025-03-05", "speaker": {**PUTIN, "start": putin2["start"], "end": putin2["end"]}},
            {"start": q2[0], "end": q2[1], "text": "de gesprekken blokkeert", "direct": False, "cue": "reageerde",
             "date": "2025-03-05", "speaker": {**ZELENSKY, "start": zel["start"], "end": zel["end"]}},
        ],
        "events": [
            {"type": "SUPPORT", "mode": None, "source": NETHERLANDS, "target": UKRAINE, "date": "2025-03-04",
             "location": "Den Haag", "cameo": None, "trigger": _span("steunen"), "sentence": _sentence("steunen")},
            {"type": "ACCUSE", "mode": None, "source": PUTIN, "target": UKRAINE, "date": "2025-03-05",
             "location": None, "cameo": None, "trigger": _span("beschuldigde"),
             "sentence": _sentence("beschuldigde")},
        ],
    }


@dataclass
class Server:
    url: str
    db: Path
    token: str | None
    app: FastAPI | None = None

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(db: Path, token: str | None, lifespan: str = "off") -> Iterator[Server]:
    """uvicorn in a thread; without its lifespan (the start-up warm-up) unless asked for."""
    port = _free_port()
    app = create_app(db, token=token)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan=lifespan)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield Server(f"http://127.0.0.1:{port}", db, token, app)
    finally:
        server.should_exit = True
        thread.join()


def _seeded(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Server]:
    db = tmp_path_factory.mktemp(name) / "kroniek.db"
    with Store(db) as store:
        store.write_records([handmade_record()])
    yield from _run(db, None)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A tokenless server over a store holding the hand-made record; tests may add to it."""
    yield from _seeded(tmp_path_factory, "web")


@pytest.fixture(scope="session")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The same, but no test writes to it: exact counts hold whatever order tests run in."""
    yield from _seeded(tmp_path_factory, "web-fixed")


@pytest.fixture(scope="session")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _run(tmp_path_factory.mktemp("web-token") / "kroniek.db", "s3cret-token")


@pytest.fixture(scope="session")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over 1,180 analysed Wikinews articles (four variants of 295), plus one article whose
    stored url is a `javascript:` link."""
    from .bigstore import WIKINEWS, analyse, build

    if not WIKINEWS.is_dir():
        pytest.skip("../shared/data/wikinews_en is not beside the repo")
    db = tmp_path_factory.mktemp("large") / "kroniek.db"
    assert build(db, analyse(), 4) >= 1000
    with Store(db) as store:
        store.write_records([{**handmade_record("evil-url"), "url": "javascript:alert(1)"}])
    yield from _run(db, None)


CHROMIUM = Path("/usr/bin/chromium")  # Debian's package: apt-get install chromium
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium with a fresh profile (Playwright starts it with its own user-data-dir)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
