"""Every page in headless Chromium over the 1,180-article store: pagers, sorting, facets, charts, map.

Screenshots go to a temporary folder; with KRONIEK_SCREENSHOTS=docs they replace the ones in docs/.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Server

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/articles", "/articles?offset=50", "/quotes", "/quotes?sort=speaker", "/events",
         "/events?grouped=true", "/events?place=USA&min_confidence=0.5", "/quotes?speaker=Trump", "/actors",
         "/actors/Q7747", "/actors/Q22686", "/search?q=Poetin", "/docs"]


@pytest.fixture
def tab(browser, large: Server) -> Iterator[object]:
    context = browser.new_context(base_url=large.url, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def _shots(tmp_path: Path) -> Path:
    return ROOT / "docs" if os.environ.get("KRONIEK_SCREENSHOTS") == "docs" else tmp_path


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_without_errors(tab, path: str) -> None:
    answer = tab.goto(path)
    assert answer.status == 200 and tab.errors == []
    assert tab.locator("main h1").count() >= 1


def test_pager_walks_forward_and_back(tab) -> None:
    tab.goto("/quotes")
    first = tab.inner_text(".pager .range >> nth=0")
    assert re.fullmatch(r"1–50 of [\d,]+", first)
    total = first.split(" of ")[1]
    tab.click(".pager a[rel=next] >> nth=0")
    assert tab.inner_text(".pager .range >> nth=0") == f"51–100 of {total}"
    assert tab.locator("table.list tbody tr").count() == 50
    tab.click(".pager a[rel=prev] >> nth=0")
    assert tab.inner_text(".pager .range >> nth=0") == first and "offset" not in tab.url


def test_sortable_columns_flip_the_order(tab, large: Server) -> None:
    with large.client() as c:
        newest = [q["date"] or "undated" for q in c.get("/api/quotes").json()["items"]]
        oldest = [q["date"] or "undated" for q in c.get("/api/quotes", params={"sort": "date"}).json()["items"]]
    tab.goto("/quotes")
    assert tab.locator("table.list tbody tr td:first-child").evaluate_all("els => els.map(e => e.title)") == newest
    tab.click("table.list th a:text('Date')")
    assert "sort=date" in tab.url
    assert tab.locator("table.list tbody tr td:first-child").evaluate_all("els => els.map(e => e.title)") == oldest
    assert oldest != newest
    tab.click("table.list th a:text('Speaker')")
    speakers = tab.locator("table.list tbody tr td:nth-child(2)").all_inner_texts()
    assert speakers[0].split()[0] >= speakers[-1].split()[0] or "unknown" in speakers[0]


def test_facets_filter_and_counts_follow(tab) -> None:
    tab.goto("/events")
    facet = tab.locator("section.facet[data-facet=type] li a").first
    name = facet.inner_text()
    count = int(tab.locator("section.facet[data-facet=type] li .muted").first.inner_text().replace(",", ""))
    facet.click()
    assert f"type={name}" in tab.url
    assert tab.inner_text(".pager .range >> nth=0").endswith(f"of {count:,}")
    assert set(tab.locator("table.list tbody tr .badge").all_inner_texts()) == {name}


def test_events_show_who_does_what_to_whom_with_titles(tab) -> None:
    tab.goto("/events")
    row = tab.locator("table.list.events tbody tr").first
    assert "→" in row.inner_text() and row.locator(".badge").count() == 1
    article = row.locator("td:last-child a")
    assert not re.fullmatch(r"[0-9a-f]{16}-\d", article.inner_text())  # a title, not a hash id


def test_counts_map_and_network_draw(tab, tmp_path: Path) -> None:
    tab.goto("/events")
    bars = tab.locator("svg#counts rect.bar")
    assert bars.count() > 20
    starts = bars.evaluate_all("els => els.map(e => e.dataset.date)")
    assert starts == sorted(starts)
    hits = tab.locator("svg#map path.country.hit")
    assert hits.count() > 5 and tab.locator("svg#map path.country").count() > 150
    top = hits.evaluate_all("els => els.map(e => [e.dataset.country, +e.dataset.n])")
    code = max(top, key=lambda x: x[1])[0]
    labels = tab.locator("svg#network text").evaluate_all("els => els.map(e => e.textContent)")
    assert labels and not any(label.endswith("…") or "..." in label for label in labels)
    tab.screenshot(path=str(_shots(tmp_path) / "events.png"), full_page=False)
    tab.click(f"svg#map path[data-country={code}]")
    assert f"place={code}" in tab.url
    assert {c.strip() for c in tab.locator("table.list.events tbody tr td:nth-child(3) .cc").all_inner_texts()} == {code}


def test_actor_page_has_one_time_axis(tab, tmp_path: Path) -> None:
    tab.goto("/actors/Poetin")
    assert "Vladimir Putin" in tab.inner_text("h1")
    labels = tab.locator("svg#timeline text.tick[transform]").evaluate_all("els => els.map(e => e.textContent)")
    assert labels == sorted(labels) and len(labels) >= 2
    assert len({len(label) for label in labels}) == 1  # one unit: all days, weeks or months
    tab.screenshot(path=str(_shots(tmp_path) / "actor.png"), full_page=False)


def test_a_busy_actor_page_lists_the_earliest_and_links_to_all(tab) -> None:
    tab.goto("/actors/Q22686")
    note = tab.inner_text("#listed")
    listed, total = map(int, re.search(r"earliest (\d+) of (\d+) statements", note).groups())
    assert listed == tab.locator("li.said").count() == 200 < total
    tab.click("#listed a:text('statements')")
    assert tab.inner_text(".pager .range >> nth=0") == f"1–50 of {total:,}"


def test_search_box_finds_the_actor_by_another_name(tab, tmp_path: Path) -> None:
    tab.goto("/")
    tab.fill("header input[name=q]", "Poetin")
    tab.press("header input[name=q]", "Enter")
    tab.wait_for_url("**/search?q=Poetin")
    assert "Vladimir Putin" in tab.inner_text(".found-actors")


def test_screenshots_of_the_main_pages(tab, tmp_path: Path) -> None:
    where = _shots(tmp_path)
    for name, path in (("quotes", "/quotes"), ("articles", "/articles"), ("home", "/")):
        tab.goto(path)
        tab.screenshot(path=str(where / f"{name}.png"), full_page=False)
        assert (where / f"{name}.png").stat().st_size > 20_000
    tab.goto("/api/articles?q=Putin&limit=1")
    article = tab.evaluate("() => JSON.parse(document.body.innerText).items[0].id")
    tab.goto(f"/articles/{article}")
    tab.screenshot(path=str(where / "article.png"), full_page=False)
