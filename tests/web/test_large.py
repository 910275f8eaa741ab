"""The API and pages over more than 1,000 articles: paging, order, names, summaries, robustness."""
from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import Server


def _starts(items: list[dict]) -> list[str]:
    return [i["date_start"] for i in items if i["date_start"]]


def test_lists_page_through_every_row_newest_first(large: Server) -> None:
    with large.client() as c:
        first = c.get("/api/articles").json()
        tail = c.get("/api/articles", params={"offset": first["total"] - 10}).json()
        quotes = c.get("/api/quotes", params={"limit": 1000}).json()
        events = c.get("/api/events", params={"limit": 1000}).json()
        oldest = c.get("/api/quotes", params={"sort": "date", "limit": 5}).json()
    assert first["total"] >= 1000 and len(first["items"]) == 50 and len(tail["items"]) == 10
    dates = [a["published"] or a["date"] for a in first["items"]]
    assert dates == sorted(dates, reverse=True)
    for listing in (quotes, events):
        starts = _starts(listing["items"])
        assert starts == sorted(starts, reverse=True) and len(starts) > 500
    assert _starts(oldest["items"]) == sorted(_starts(oldest["items"]))
    assert _starts(oldest["items"])[0] < _starts(quotes["items"])[-1]


@pytest.mark.parametrize("path", ["/articles", "/quotes", "/events", "/actors", "/search?q=president",
                                  "/events?grouped=true", "/quotes?offset=950", "/events?sort=confidence"])
def test_every_list_page_answers_with_its_range(large: Server, path: str) -> None:
    with large.client() as c:
        page = c.get(path)
        twin = c.get(path, headers={"Accept": "application/json"}).json()
    assert page.status_code == 200, page.text[:300]
    listing = twin.get("events") or twin.get("quotes") or twin
    assert listing["total"] > listing["limit"]
    shown = f"{listing['offset'] + 1:,}–{min(listing['offset'] + listing['limit'], listing['total']):,} of {listing['total']:,}"
    assert shown in page.text


def test_names_find_actors_wherever_one_is_asked_for(large: Server) -> None:
    with large.client() as c:
        by_id = c.get("/api/quotes", params={"speaker": "Q22686", "limit": 1}).json()
        by_alias = c.get("/api/quotes", params={"speaker": "trump", "limit": 1}).json()
        by_role = c.get("/api/quotes", params={"speaker": "US president", "limit": 1}).json()
        events = c.get("/api/events", params={"actor": "Poetin", "limit": 1}).json()
        profile = c.get("/api/actors/Poetin").json()
        nobody = c.get("/api/quotes", params={"speaker": "Nobody Atall"})
        search = c.get("/search", params={"q": "Poetin", "format": "json"}).json()
        page = c.get("/quotes", params={"speaker": "Nobody Atall"})
    assert by_id["total"] == by_alias["total"] == by_role["total"] > 0
    assert events["total"] > 0 and profile["id"] == "Q7747"
    assert nobody.status_code == 404 and nobody.json()["error"] == "no actor matches 'Nobody Atall'"
    assert "Q7747" in [a["id"] for a in search["actors"]["items"]]
    assert page.status_code == 404 and "no actor matches" in page.text


def test_an_ambiguous_name_asks_back(large: Server) -> None:
    with large.client() as c:
        answer = c.get("/api/quotes", params={"speaker": "Kim"})
    assert answer.status_code in (404, 422)
    if answer.status_code == 422:
        assert "did you mean" in answer.json()["error"] and len(answer.json()["candidates"]) > 1


def test_summaries_count_the_whole_selection(large: Server) -> None:
    with large.client() as c:
        quotes = c.get("/api/quotes", params={"facets": "true"}).json()
        events = c.get("/api/events", params={"facets": "true", "type": "CONSULT"}).json()
    counts = quotes["counts"]
    drawn = sum(b["quotes"] for b in counts["bins"]) + counts["earlier"] + counts["later"]
    assert drawn <= quotes["total"] and drawn > 0.9 * quotes["total"]
    assert counts["unit"] in ("week", "month") and counts["bins"][0]["start"] < counts["bins"][-1]["start"]
    assert events["facets"]["type"] == [{"value": "CONSULT", "label": "CONSULT", "n": events["total"]}]
    assert sum(p["n"] for p in events["places"]) <= events["total"]
    speakers = quotes["facets"]["speaker"]
    assert speakers == sorted(speakers, key=lambda r: -r["n"]) and speakers[0]["n"] > 10


def test_low_confidence_items_can_be_hidden(large: Server) -> None:
    with large.client() as c:
        everything = c.get("/api/events", params={"limit": 1000}).json()
        sure = c.get("/api/events", params={"limit": 1000, "min_confidence": 0.5}).json()
        bad = c.get("/api/events", params={"min_confidence": 2})
    kept = [e["confidence"] for e in sure["items"]]
    assert 0 < sure["total"] < everything["total"]
    assert all(c is None or c >= 0.5 for c in kept) and None in kept
    assert bad.status_code == 422


def test_grouped_events_page_like_mentions(large: Server) -> None:
    with large.client() as c:
        mentions = c.get("/api/events").json()
        grouped = c.get("/api/events", params={"grouped": "true"}).json()
        later = c.get("/api/events", params={"grouped": "true", "offset": 50}).json()
    assert 0 < grouped["total"] <= mentions["total"]
    assert sum(len(g["mentions"]) for g in grouped["items"]) >= len(grouped["items"])
    assert not {g["group"] for g in grouped["items"]} & {g["group"] for g in later["items"]}


@pytest.mark.parametrize("path", ["/api/articles", "/api/quotes", "/search", "/articles", "/quotes"])
def test_a_nul_in_the_words_is_no_server_fault(large: Server, path: str) -> None:
    with large.client() as c:
        answer = c.get(path + "?q=%00")
        words = c.get(path + "?q=pres%00ident")
    assert answer.status_code == 200 and words.status_code == 200


@pytest.mark.parametrize("path", ["/api/articles", "/api/quotes", "/api/events", "/api/actors", "/articles",
                                  "/quotes", "/events", "/actors"])
def test_a_huge_offset_is_refused_or_empty(large: Server, path: str) -> None:
    with large.client() as c:
        huge = c.get(path, params={"offset": 2**63})
        far = c.get(path, params={"offset": 10**9}, headers={"Accept": "application/json"}).json()
    assert huge.status_code == 422
    listing = far.get("events") or far
    assert listing["items"] == [] and listing["total"] > 0


def test_like_wildcards_in_an_actor_search_are_literal(large: Server) -> None:
    with large.client() as c:
        percent = c.get("/api/actors", params={"q": "%"}).json()
        underscore = c.get("/api/actors", params={"q": "_"}).json()
        some = c.get("/api/actors", params={"q": "an"}).json()
    assert percent["total"] == underscore["total"] == 0 and some["total"] > 0


def test_only_web_urls_become_links(large: Server) -> None:
    with large.client() as c:
        evil = c.get("/articles/evil-url").text
        good = next(a for a in c.get("/api/articles").json()["items"] if (a["url"] or "").startswith("https://"))
        fine = c.get(f"/articles/{good['id']}").text
    assert 'href="javascript:' not in evil and "javascript:alert(1)" in evil  # shown, not linked
    assert f'href="{good["url"]}"' in fine


def test_exports_are_flat_and_named_by_format(large: Server) -> None:
    with large.client() as c:
        as_json = c.get("/api/events.json", params={"limit": 20})
        as_csv = c.get("/api/events.csv", params={"limit": 20}).text
        lines = c.get("/api/events.jsonl", params={"limit": 20}).text.splitlines()
    rows = json.loads(as_json.text)
    assert isinstance(rows, list) and len(rows) == len(lines) == 20
    assert as_json.headers["content-type"].startswith("application/json")
    table = list(csv.DictReader(io.StringIO(as_csv)))
    assert [r["trigger_text"] for r in table] == [r["trigger_text"] for r in rows]
    assert not any(v.startswith(("[{", "{'")) for r in table for v in r.values())


@pytest.mark.parametrize("kind", ["quotes", "events"])
def test_a_deep_page_holds_the_rows_one_long_page_has_there(large: Server, kind: str) -> None:
    with large.client() as c:
        long = c.get(f"/api/{kind}", params={"limit": 1000}).json()
        deep = c.get(f"/api/{kind}", params={"offset": 950, "limit": 50}).json()
        oldest = c.get(f"/api/{kind}", params={"sort": "date", "offset": 950, "limit": 50}).json()
        oldest_long = c.get(f"/api/{kind}", params={"sort": "date", "limit": 1000}).json()
    assert deep["total"] == long["total"] > 1000
    assert deep["items"] == long["items"][950:1000] and len(deep["items"]) == 50
    assert oldest["items"] == oldest_long["items"][950:1000]


def test_an_actor_timeline_counts_every_date_and_lists_a_page(large: Server) -> None:
    with large.client() as c:
        line = c.get("/api/actors/Trump/timeline", params={"limit": 3}).json()
        said = c.get("/api/quotes", params={"speaker": "Trump", "limit": 1}).json()
        page = c.get("/actors/Q22686").text
    assert len(line["quotes"]) == 3 and line["total_quotes"] == said["total"] > 3
    assert sum(d["quotes"] for d in line["days"]) == line["total_quotes"]
    assert sum(d["events"] for d in line["days"]) == line["total_events"]
    starts = [q["date_start"] for q in line["quotes"]]
    assert starts == sorted(starts)
    assert 'id="listed"' in page and 'href="/quotes?speaker=Q22686"' in page


def test_places_are_the_maps_data_for_any_selection(large: Server) -> None:
    with large.client() as c:
        places = c.get("/api/events/places", params={"limit": 1000}).json()
        summary = c.get("/api/events", params={"facets": "true"}).json()["places"]
        top = places["items"][0]["country"]
        there = c.get("/api/events", params={"place": top, "limit": 1}).json()
    assert places["items"] == summary and places["total"] == len(summary) > 1
    assert there["total"] == places["items"][0]["n"]
