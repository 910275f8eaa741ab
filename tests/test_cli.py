"""The command line end to end: real processes, real files, documented exit status."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLE, EXAMPLE_GOLD, ROOT


def kroniek(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True, text=True,
                          input=stdin, timeout=300, cwd=ROOT)


def test_extract_gives_records_whose_offsets_index_the_text() -> None:
    run = kroniek("extract", str(EXAMPLE))
    assert run.returncode == 0, run.stderr
    [rec] = [json.loads(line) for line in run.stdout.splitlines()]
    assert rec["id"] == "001_navo_top_den_haag" and rec["date"] == "2025-06-26"
    for e in rec["entities"] + rec["timexes"]:
        assert rec["text"][e["start"]:e["end"]] == e["text"]
    assert all(e["type"] in {"PER", "ORG", "LOC", "MISC"} for e in rec["entities"])
    assert "1 documents" in run.stderr and "articles/s" in run.stderr


def test_bad_document_is_named_rest_goes_on_exit_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = kroniek("extract", str(tmp_path / "empty.txt"), str(EXAMPLE), "-o", str(out))
    assert run.returncode == 1
    assert "empty.txt" in run.stderr and "1 errors" in run.stderr
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["001_navo_top_den_haag"]


def test_stdin_jsonl_and_undated(tmp_path: Path) -> None:
    run = kroniek("extract", "-", stdin=json.dumps({"text": "Rutte zei dat de NAVO sterker wordt."}) + "\n")
    assert run.returncode == 0, run.stderr
    rec = json.loads(run.stdout)
    assert rec["date"] is None and len(rec["id"]) == 16


def test_ingest_then_query_every_format(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    assert kroniek("ingest", str(EXAMPLE), "--db", db).returncode == 0
    again = kroniek("ingest", str(EXAMPLE), "--db", db)
    assert again.returncode == 0 and "1 already stored" in again.stderr.replace("\n", " ")
    quotes = kroniek("quotes", "--db", db, "--format", "json")
    rows = [json.loads(x) for x in quotes.stdout.splitlines()]
    assert rows and all(r["article"] == "001_navo_top_den_haag" for r in rows)
    csv_out = kroniek("quotes", "--db", db, "--format", "csv", "--text", "kwantumsprong").stdout.splitlines()
    assert csv_out[0].startswith("date,speaker") and len(csv_out) == 2
    assert kroniek("events", "--db", db, "--format", "table").returncode == 0
    assert kroniek("actors", "--db", db, "--format", "json").returncode == 0
    assert kroniek("quotes", "--db", db, "--format", "yaml").returncode != 0


def test_eval_prints_scores_and_gates_on_floors(tmp_path: Path) -> None:
    run = kroniek("eval", str(EXAMPLE_GOLD), "--docs", str(EXAMPLE), "--json")
    assert run.returncode == 0, run.stderr
    assert set(json.loads(run.stdout)["total"]) >= {"quote_f1", "timex_f1", "entity_f1", "event_f1"}
    strict = tmp_path / "baseline.json"
    strict.write_text(json.dumps({"documents": {"001_navo_top_den_haag": {"quote_f1": 1.01}}}), encoding="utf-8")
    gated = kroniek("eval", str(EXAMPLE_GOLD), "--docs", str(EXAMPLE), "--baseline", str(strict))
    assert gated.returncode == 1 and "below floor" in gated.stderr


def test_extract_reads_html_and_feeds_in_one_process() -> None:
    fixtures = ROOT / "tests" / "fixtures"
    inputs = sorted(str(p) for p in fixtures.iterdir() if p.suffix in (".html", ".rss", ".atom", ".xml"))
    assert inputs, "fixtures for HTML and feeds are expected beside the tests"
    run = kroniek("extract", *inputs)
    assert "unknown input format" not in run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(records) >= len(inputs) and all(r["text"].strip() for r in records)
