"""The pages in real headless Chromium: highlights, evidence links, the timeline, the network, the paste box."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kroniek.ingest.readers import read_inputs
from kroniek.store.periods import date_span

from .conftest import ARTICLE


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    context = browser.new_context(base_url=server.url, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def check_highlights(page, record: dict) -> None:
    """Every quote, entity and event trigger of the record is marked over exactly its text."""
    text = record["text"]
    for i, q in enumerate(record["quotes"]):
        spans = page.locator(f'.text [data-k~="q{i}"]')
        assert "".join(spans.all_inner_texts()) == text[q["start"]:q["end"]]
        title = spans.first.get_attribute("title")
        assert q["speaker"] is None or q["speaker"]["name"] in title
        assert ("Quote" if q["direct"] else "Reported speech") in title
    for i, e in enumerate(record["entities"]):
        spans = page.locator(f'.text [data-k~="n{i}"]')
        assert "".join(spans.all_inner_texts()) == e["text"]
        assert e["type"] in spans.first.get_attribute("class")
    for i, ev in enumerate(record["events"]):
        spans = page.locator(f'.text [data-k~="v{i}"]')
        assert "".join(spans.all_inner_texts()) == ev["trigger"]["text"]
        assert ev["type"] in spans.first.get_attribute("title")


def check_timeline(page, server, actor_id: str) -> None:
    with server.client() as c:
        days = c.get(f"/api/actors/{actor_id}/timeline").json()["days"]
    page.goto(f"/actors/{actor_id}")
    bars = page.locator("svg#timeline rect.bar")
    spans = [(b["start"], b["end"], int(b["n"])) for b in bars.evaluate_all(
        "els => els.map(e => ({start: e.dataset.date, end: e.closest('a').getAttribute('href').split('date_to=')[1].split('&')[0],"
        " n: e.dataset.n}))")]
    dated = [(date_span(d["date"]), d["quotes"] + d["events"]) for d in days if date_span(d["date"])]
    assert sum(n for _, _, n in spans) == sum(n for _, n in dated) > 0  # every dated item drawn once
    for (first, _), _ in dated:  # each in the bar whose period holds its first day
        assert any(start <= first.isoformat() <= end for start, end, _ in spans), first
    starts = [s for s, _, _ in spans]
    assert starts == sorted(starts)  # one time axis, left to right
    for d in days:
        assert page.locator(f'section.day[id="day-{d["date"]}"]').count() == 1


def test_article_page_highlights_every_record(page, server, tmp_path: Path) -> None:
    with server.client() as c:
        record = c.get("/api/articles/hand-1").json()
    page.goto("/articles/hand-1#q1")
    check_highlights(page, record)
    assert '<script>alert("kroniek")</script>' in page.inner_text("article.text")
    assert page.inner_text("article.text") == ARTICLE
    assert page.dialogs == [] and page.errors == []  # no script ran, nothing was blocked or missing
    assert page.locator('.text .on[data-k~="q1"]').count() >= 1  # the hash showed its evidence on load
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "article.png").stat().st_size > 10_000


def test_clicking_a_record_highlights_its_evidence_and_back(page) -> None:
    page.goto("/articles/hand-1")
    page.click('.records a[data-keys^="v1"]')
    lit = page.locator(".text .on")
    assert "".join(lit.all_inner_texts()) == "beschuldigde"
    page.click('.text [data-k~="q0"] >> nth=0')
    assert page.locator('.records li.on[data-for~="q0"]').count() == 1
    assert page.locator('.records li.on[data-for~="v1"]').count() == 0


def test_actor_page_draws_the_timeline(page, server, tmp_path: Path) -> None:
    check_timeline(page, server, "Q7747")
    assert page.errors == []
    assert "Kyiv wil geen vrede" in " ".join(page.locator("section.day").all_inner_texts())
    assert page.locator("text=Ukraine").count() >= 1  # whom Putin addresses
    page.screenshot(path=str(tmp_path / "actor.png"), full_page=True)


def test_events_page_table_and_network(page, server) -> None:
    with server.client() as c:
        edges = c.get("/api/events/network", params={"limit": 1000}).json()["items"]
        total = c.get("/api/events").json()["total"]
        accuse = c.get("/api/events", params={"type": "ACCUSE"}).json()["total"]
        accuse_edges = c.get("/api/events/network", params={"type": "ACCUSE", "limit": 1000}).json()["items"]
    page.goto("/events")
    assert page.locator("svg#network path.edge").count() == len(edges) > 0
    assert page.locator("table.list tbody tr").count() == min(total, 50)
    page.select_option("select[name=type]", "ACCUSE")
    page.click("form.filters button")
    assert "type=ACCUSE" in page.url
    assert page.locator("table.list tbody tr").count() == min(accuse, 50) > 0
    assert page.locator("svg#network path.edge").count() == len(accuse_edges) > 0
    assert set(page.locator("table.list tbody tr .badge").all_inner_texts()) == {"ACCUSE"}


def test_search_finds_quotes_and_articles(page) -> None:
    page.goto("/")
    page.fill(".bigsearch input[name=q]", "vrede")
    page.click(".bigsearch button")
    assert "/search?q=vrede" in page.url
    assert "Kyiv wil geen vrede" in page.inner_text("table.list")


def test_paste_box_analyses_and_shows_the_article(page) -> None:
    text = "Premier Schoof zei vrijdag in Brussel: „Europa moet nu samen optrekken.” Het kabinet <i>volgt</i>."
    page.goto("/")
    page.fill("#paste textarea[name=text]", text)
    page.fill("#paste input[name=date]", "2025-03-07")
    page.click("#paste button")
    page.wait_for_url("**/articles/**")
    assert page.inner_text("article.text") == text
    assert "2025-03-07" in page.inner_text(".article-head")


def test_upload_box_reads_a_file(page, tmp_path: Path) -> None:
    upload = tmp_path / "upload.txt"
    upload.write_text("Minister Brekelmans zei maandag: „Wij sturen meer luchtverdediging.”", encoding="utf-8")
    page.goto("/")
    page.set_input_files("#paste input[name=file]", str(upload))
    page.fill("#paste input[name=title]", "Brekelmans <em>upload</em>")
    page.click("#paste button")
    page.wait_for_url("**/articles/**")
    assert page.inner_text("article.text") == upload.read_text(encoding="utf-8")
    assert page.inner_text("h1") == "Brekelmans <em>upload</em>"


def test_seed_article_highlights_and_speaker_timelines(page, server, seed: Path, tmp_path: Path) -> None:
    article = next(read_inputs([str(seed)]))
    with server.client() as c:
        posted = c.post("/api/ingest", json={"id": article.id, "date": article.date, "text": article.text})
        assert posted.status_code == 200, posted.text
        record = c.get(f"/api/articles/{article.id}").json()
    page.goto(f"/articles/{article.id}")
    check_highlights(page, record)
    page.screenshot(path=str(tmp_path / "seed-article.png"), full_page=True)
    # every linked speaker (Putin, when the seed's quotes name him) gets a timeline with bars
    speakers = {q["speaker"]["id"] for q in record["quotes"] if q["speaker"] and q["speaker"]["id"]}
    for actor_id in sorted(speakers):
        check_timeline(page, server, actor_id)
