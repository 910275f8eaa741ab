"""The JSON API over a real uvicorn server: reads, filters, pagination, exports, ingest, security."""
from __future__ import annotations

import csv
import inspect
import io
import json
import sqlite3
import subprocess
import sys
import time
from urllib.parse import quote

import httpx
import pyarrow.parquet as pq
import pytest

from kroniek import Pipeline
from kroniek.model import make_article
from kroniek.store.db import Store
from kroniek.web.app import serve

from .conftest import ARTICLE, _free_port, _run, handmade_record


def test_article_round_trips_with_all_annotations(fixed) -> None:
    with fixed.client() as c:
        got = c.get("/api/articles/hand-1").json()
    want = handmade_record()
    assert got["text"] == ARTICLE
    for kind in ("entities", "timexes", "quotes", "events"):
        assert len(got[kind]) == len(want[kind]), kind
    assert [q["speaker"]["name"] for q in got["quotes"]] == [q["speaker"]["name"] for q in want["quotes"]]


def test_articles_full_text_search_and_pagination(fixed) -> None:
    with fixed.client() as c:
        hit = c.get("/api/articles", params={"q": "verslaggevers"}).json()
        miss = c.get("/api/articles", params={"q": "zeppelin"}).json()
        odd = c.get("/api/articles", params={"q": 'AND "OR ( NEAR'}).json()
        page = c.get("/api/articles", params={"limit": 1, "offset": 0}).json()
    assert [a["id"] for a in hit["items"]] == ["hand-1"]
    assert miss["total"] == 0 and miss["items"] == []
    assert odd["total"] == 0  # FTS syntax in user words is quoted, never an error
    assert page["limit"] == 1 and page["offset"] == 0 and len(page["items"]) == 1 and page["total"] >= 1


def test_quotes_filter_by_speaker_country_date_and_text(fixed) -> None:
    with fixed.client() as c:
        by_id = c.get("/api/quotes", params={"speaker": "Q7747"}).json()
        by_name = c.get("/api/quotes", params={"speaker": "dick schoof"}).json()
        ukr = c.get("/api/quotes", params={"country": "ukr"}).json()
        day = c.get("/api/quotes", params={"date_from": "2025-03-05", "date_to": "2025-03-05"}).json()
        words = c.get("/api/quotes", params={"q": "vrede"}).json()
        second = c.get("/api/quotes", params={"article": "hand-1", "limit": 1, "offset": 1}).json()
    assert [q["text"] for q in by_id["items"]] == ["Kyiv wil geen vrede,"]
    assert [q["speaker"]["country"] for q in by_name["items"]] == ["NLD"]
    assert [q["direct"] for q in ukr["items"]] == [False]
    assert {q["date"] for q in day["items"]} == {"2025-03-05"} and day["total"] == 2
    assert words["total"] == 1
    assert second["total"] == 3 and len(second["items"]) == 1 and second["offset"] == 1


def test_events_filters_groups_and_network(fixed) -> None:
    with fixed.client() as c:
        accuse = c.get("/api/events", params={"type": "accuse"}).json()
        by_source = c.get("/api/events", params={"source": "NLD"}).json()
        to_ukraine = c.get("/api/events", params={"target": "Ukraine"}).json()
        grouped = c.get("/api/events", params={"grouped": "true"}).json()
        network = c.get("/api/events/network").json()
    assert [e["source"]["id"] for e in accuse["items"]] == ["Q7747"]
    assert [e["type"] for e in by_source["items"]] == ["SUPPORT"]
    assert to_ukraine["total"] == 2
    assert grouped["total"] == 2 and all(g["mentions"] for g in grouped["items"])
    assert {(e["source"], e["target"], e["type"], e["n"]) for e in network["items"]} == {
        ("Vladimir Putin", "Ukraine", "ACCUSE", 1), ("Netherlands", "Ukraine", "SUPPORT", 1)}


def test_actor_profile_and_timeline(fixed) -> None:
    with fixed.client() as c:
        found = c.get("/api/actors", params={"q": "putin"}).json()
        profile = c.get("/api/actors/Q7747").json()
        line = c.get("/api/actors/Q7747/timeline").json()
        ukraine = c.get("/api/actors/UKR").json()
    assert [a["id"] for a in found["items"]] == ["Q7747"]
    assert profile["quotes"] == 1 and profile["mentions"] == 2
    assert [(r["name"], r["type"]) for r in profile["addresses"]] == [("Ukraine", "ACCUSE")]
    assert {(r["name"], r["type"]) for r in ukraine["addressed_by"]} == {("Vladimir Putin", "ACCUSE"),
                                                                          ("Netherlands", "SUPPORT")}
    assert line["days"] == [{"date": "2025-03-05", "quotes": 1, "events": 1}]


@pytest.mark.parametrize("kind", ["quotes", "events"])
def test_exports_hold_the_same_rows_as_the_json(server, kind: str) -> None:
    with server.client() as c:
        listing = c.get(f"/api/{kind}").json()["items"]
        as_csv = c.get(f"/api/{kind}.csv")
        as_jsonl = c.get(f"/api/{kind}", params={"format": "jsonl"})
        as_parquet = c.get(f"/api/{kind}.parquet")
        capped = c.get(f"/api/{kind}.csv", params={"limit": 1})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    lines = [json.loads(line) for line in as_jsonl.text.splitlines()]
    table = pq.read_table(io.BytesIO(as_parquet.content)).to_pylist()
    assert len(rows) == len(lines) == len(table) == len(listing) > 0
    assert [r["text" if kind == "quotes" else "trigger_text"] for r in table] == [
        r["text"] if kind == "quotes" else r["trigger"]["text"] for r in listing]
    assert lines == table
    assert len(list(csv.DictReader(io.StringIO(capped.text)))) == 1


def _many_record(n: int) -> dict:
    """A record with n quotes and n events, to push exports past one page of 1000."""
    sentence = "Zij zei: „Nummer {:05d}.” Rusland dreigde. "
    text = "".join(sentence.format(i) for i in range(n))
    step = len(sentence.format(0))
    quote_at, verb_at = sentence.index("„"), sentence.index("dreigde")
    return {"id": "many", "lang": "nl", "date": "2025-01-01", "text": text, "entities": [], "timexes": [],
            "quotes": [{"start": i * step + quote_at, "end": i * step + quote_at + 14, "text": f"Nummer {i:05d}.",
                        "direct": True, "cue": "zei", "speaker": None, "date": "2025-01-01"} for i in range(n)],
            "events": [{"type": "THREATEN", "source": {"id": "RUS", "name": "Russia", "country": "RUS"},
                        "target": None, "date": "2025-01-01",
                        "trigger": {"start": i * step + verb_at, "end": i * step + verb_at + 7, "text": "dreigde"},
                        "sentence": {"start": i * step, "end": (i + 1) * step}} for i in range(n)]}


def test_exports_stream_past_one_page(tmp_path) -> None:
    db = tmp_path / "many.db"
    with Store(db) as store:
        store.write_records([_many_record(1500)])
    for srv in _run(db, None):
        with srv.client() as c:
            quotes = list(csv.DictReader(io.StringIO(c.get("/api/quotes.csv").text)))
            tail = [json.loads(x) for x in c.get("/api/quotes.jsonl", params={"offset": 1200}).text.splitlines()]
            capped = c.get("/api/events.jsonl", params={"offset": 100, "limit": 900}).text.splitlines()
            events = pq.read_table(io.BytesIO(c.get("/api/events.parquet").content))
    assert [q["text"] for q in quotes] == [f"Nummer {i:05d}." for i in range(1500)]
    assert [q["text"] for q in tail] == [f"Nummer {i:05d}." for i in range(1200, 1500)]
    assert len(capped) == 900
    assert json.loads(capped[0])["trigger_start"] == events.column("trigger_start")[100].as_py()
    assert events.num_rows == 1500 and set(events.column("source_countries").to_pylist()) == {"RUS"}


def test_page_json_twins_match_the_api(server) -> None:
    with server.client() as c:
        assert c.get("/articles/hand-1", params={"format": "json"}).json() == c.get("/api/articles/hand-1").json()
        assert c.get("/quotes", headers={"Accept": "application/json"}).json() == \
            c.get("/api/quotes", params={"facets": "true"}).json()
        events = c.get("/events", params={"format": "json", "type": "ACCUSE"}).json()
        assert events["events"] == c.get("/api/events", params={"type": "ACCUSE", "facets": "true"}).json()
        grouped = c.get("/events", params={"format": "json", "grouped": "true"}).json()["events"]
        assert grouped == c.get("/api/events", params={"grouped": "true", "facets": "true"}).json()
        edges = c.get("/api/events/network", params={"type": "ACCUSE", "limit": 1000}).json()["items"]
        assert events["network"] == edges
        found = c.get("/search", params={"q": "vrede", "format": "json"}).json()
        assert found["quotes"] == c.get("/api/quotes", params={"q": "vrede", "limit": 20}).json()
        assert found["articles"] == c.get("/api/articles", params={"q": "vrede", "limit": 20}).json()
        unlinked = c.get("/actors/" + quote("Dick Schoof"), params={"format": "json"}).json()
        assert [q["text"] for q in unlinked["timeline"]["quotes"]] == ["Wij steunen Oekraïne zolang het nodig is."]
        assert unlinked["actor"]["id"] is None
        actor = c.get("/actors/Q7747", params={"format": "json"}).json()
        assert actor["timeline"] == c.get("/api/actors/Q7747/timeline").json()
        assert actor["actor"] == c.get("/api/actors/Q7747").json()


def test_article_text_is_escaped_in_html(fixed) -> None:
    with fixed.client() as c:
        response = c.get("/articles/hand-1")
        page = response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<b>over</b>" not in page and "&lt;b&gt;over&lt;/b&gt;" in page


def test_errors_are_json_with_status_and_no_trace(server) -> None:
    with server.client() as c:
        missing = c.get("/api/articles/no-such-id")
        bad_date = c.get("/api/quotes", params={"date_from": "yesterday"})
        bad_json = c.post("/api/ingest", content=b"{not json", headers={"Content-Type": "application/json"})
        unknown = c.post("/api/ingest", json={"text": "Tekst.", "colour": "red"})
        too_many = c.get("/api/quotes", params={"limit": 100000})
    assert missing.status_code == 404 and missing.json() == {"error": "no article 'no-such-id'"}
    for response in (bad_date, bad_json, unknown, too_many):
        assert response.status_code == 422
        assert response.json()["error"].startswith("invalid request")
        assert "Traceback" not in response.text


def test_a_server_fault_is_a_json_500_without_internals(tmp_path) -> None:
    db = tmp_path / "broken.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE articles_fts")  # a damaged store: the search has nothing to read
    for srv in _run(db, None):
        with srv.client() as c:
            api = c.get("/api/articles", params={"q": "vrede"})
            page = c.get("/articles", params={"q": "vrede"})
    assert api.status_code == 500 and api.json() == {"error": "internal error (logged on the server)"}
    assert page.status_code == 500 and "internal error" in page.text
    for body in (api.text, page.text):
        assert "Traceback" not in body and "articles_fts" not in body and "sqlite" not in body.lower()


def test_body_over_two_megabytes_is_refused(server) -> None:
    with server.client() as c:
        big = c.post("/api/ingest", json={"text": "woord " * 400_000})
    assert big.status_code == 413 and "error" in big.json()


def test_ingest_one_and_many_documents(server) -> None:
    text = "Minister Veldkamp zei donderdag: „Nederland blijft Oekraïne steunen.” Dat meldde ANP."
    with server.client() as c:
        one = c.post("/api/ingest", json={"text": text, "date": "2025-03-06", "title": "Veldkamp"})
        many = c.post("/api/ingest", json=[{"id": "batch-ok", "text": text + " Later meer.", "date": "2025-03"},
                                           {"id": "batch-empty", "text": "   "}])
        again = c.post("/api/ingest", json={"text": text, "date": "2025-03-06", "title": "Veldkamp"})
        stored = c.get(f"/api/articles/{one.json()['ids'][0]}").json()
        listed = c.get("/api/articles", params={"q": "Veldkamp"}).json()
    assert one.status_code == 200 and one.json()["errors"] == [] and one.json()["added"] == 1
    assert many.status_code == 200 and many.json()["ids"] == ["batch-ok"]
    assert [(e["index"], e["id"]) for e in many.json()["errors"]] == [(1, "batch-empty")]
    assert again.json()["unchanged"] == 1
    assert stored["text"] == text and stored["date"] == "2025-03-06" and stored["title"] == "Veldkamp"
    assert listed["total"] == 2


def test_a_pipeline_record_written_through_the_store_is_served(server) -> None:
    article = make_article(text=ARTICLE, date="2025-03-04", id="piped-1", origin="test")
    record = Pipeline()(article).record()
    with Store(server.db) as store:
        store.write_records([record])
    with server.client() as c:
        got = c.get("/api/articles/piped-1").json()
        quotes = c.get("/api/quotes", params={"article": "piped-1", "limit": 1000}).json()
    assert got["text"] == ARTICLE
    assert len(got["quotes"]) == len(record["quotes"]) == quotes["total"]
    assert sorted((e["start"], e["end"], e["type"]) for e in got["entities"]) == sorted(
        (e["start"], e["end"], e["type"]) for e in record["entities"])


def test_writes_need_the_token_when_one_is_set(token_server) -> None:
    doc = {"text": "Rutte zei: „Wij zijn er klaar voor.”", "date": "2025-02-01"}
    with token_server.client() as c:
        anonymous = c.post("/api/ingest", json=doc)
        wrong = c.post("/api/ingest", json=doc, headers={"Authorization": "Bearer nope"})
        form = c.post("/ingest", data={"text": doc["text"]})
        right = c.post("/api/ingest", json=doc, headers={"Authorization": f"Bearer {token_server.token}"})
        header = c.post("/api/ingest", json=doc, headers={"X-Kroniek-Token": token_server.token})
        read = c.get("/api/articles")
    assert anonymous.status_code == wrong.status_code == form.status_code == 401
    assert right.status_code == 200 and right.json()["added"] == 1
    assert header.status_code == 200 and header.json()["unchanged"] == 1
    assert read.status_code == 200 and read.json()["total"] == 1


def test_tokenless_server_answers_loopback_hosts_and_same_origin_writes_only(server) -> None:
    with server.client() as c:
        rebound = c.get("/api/articles", headers={"Host": "attacker.example"})
        localhost = c.get("/api/articles", headers={"Host": "localhost:8000"})
        cross = c.post("/api/ingest", json={"text": "Tekst."}, headers={"Origin": "http://attacker.example"})
        sandboxed = c.post("/ingest", data={"text": "Tekst."}, headers={"Origin": "null"})
    assert rebound.status_code == 400 and "error" in rebound.json()
    assert localhost.status_code == 200
    assert cross.status_code == sandboxed.status_code == 403


def test_odd_ids_survive_links_and_redirects(server) -> None:
    doc_id = "nos/2025 #1?x"
    with server.client() as c:
        c.post("/api/ingest", json={"id": doc_id, "text": "Rutte zei: „Wij zijn er klaar voor.”"})
        listing = c.get("/articles", params={"q": "klaar"}).text
        found = c.get("/articles/" + quote(doc_id))
        api = c.get("/api/articles/" + quote(doc_id))
    assert f'href="/articles/{quote(doc_id)}"' in listing
    assert found.status_code == 200 and api.json()["id"] == doc_id


def test_serve_refuses_a_public_host_without_a_token(tmp_path) -> None:
    with pytest.raises(ValueError, match="token"):
        serve(tmp_path / "k.db", host="0.0.0.0", port=0, token=None)
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_serve_runs_the_app_in_its_own_process(tmp_path) -> None:
    port = _free_port()
    code = f"from kroniek.web.app import serve; serve({str(tmp_path / 'k.db')!r}, port={port}, token='t')"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as c:
            while True:
                try:
                    stats = c.get("/api/stats")
                    break
                except httpx.ConnectError:
                    assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                    time.sleep(0.05)
            refused = c.post("/api/ingest", json={"text": "Tekst."})
    finally:
        proc.terminate()
        proc.wait()
    assert stats.json()["articles"] == 0 and refused.status_code == 401


def test_openapi_lists_the_endpoints(server) -> None:
    with server.client() as c:
        paths = c.get("/openapi.json").json()["paths"]
        docs = c.get("/docs")
    assert {"/api/articles", "/api/quotes", "/api/events", "/api/actors/{actor_id}/timeline",
            "/api/ingest", "/api/quotes.{fmt}"} <= set(paths)
    assert docs.status_code == 200 and "/api/actors/{actor_id}/timeline" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text  # nothing fetched at run time
