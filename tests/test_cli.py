"""The command line end to end: real processes, real files, documented exit status."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kroniek.cli.analyse import describe
from kroniek.store import Store

from .conftest import EXAMPLE, EXAMPLE_GOLD, ROOT
from .web.conftest import handmade_record


def kroniek(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True, text=True,
                          input=stdin, timeout=300, cwd=ROOT, check=False)


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
    rows = json.loads(quotes.stdout)  # one JSON array
    assert rows and all(r["article"] == "001_navo_top_den_haag" for r in rows)
    lines = [json.loads(x) for x in kroniek("quotes", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert lines == rows
    csv_out = list(csv.DictReader(io.StringIO(kroniek("quotes", "--db", db, "--format", "csv", "--text",
                                                          "kwantumsprong").stdout)))
    assert [r["text"] for r in csv_out] == ["een kwantumsprong"] and csv_out[0]["speaker_name"] == "Mark Rutte"
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


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the hand-made Dutch record (Putin, Zelensky, Schoof; no pipeline run)."""
    db = tmp_path_factory.mktemp("cli") / "k.db"
    records = [handmade_record()]
    records[0]["events"][1]["confidence"] = 0.2
    with Store(db) as store:
        store.write_records(records)
    return str(db)


def test_version_and_short_help() -> None:
    version = kroniek("--version")
    assert version.returncode == 0 and version.stdout.strip() == "kroniek 0.1.0"
    helped = kroniek("quotes", "-h")
    assert helped.returncode == 0 and "--actor" in helped.stdout
    assert "<list" not in kroniek("extract", "-h").stdout and "<str>" not in helped.stdout


def test_read_commands_refuse_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for command in (["quotes"], ["events"], ["actors"], ["timeline", "Putin"]):
        run = kroniek(*command, "--db", str(missing))
        assert run.returncode == 2 and "no store at" in run.stderr, command
    assert not missing.exists()


def test_names_resolve_to_actors_in_timeline_and_filters(hand_db: str) -> None:
    for name in ("Poetin", "Putin", "vladimir putin", "Q7747"):
        run = kroniek("timeline", name, "--db", hand_db, "--format", "json")
        assert run.returncode == 0, (name, run.stderr)
        assert {r["kind"] for r in json.loads(run.stdout)} == {"said", "ACCUSE"}, name
    quotes = json.loads(kroniek("quotes", "--actor", "Poetin", "--db", hand_db, "-f", "json").stdout)
    assert [q["text"] for q in quotes] == ["Kyiv wil geen vrede,"]
    either = json.loads(kroniek("events", "--actor", "Poetin", "--db", hand_db, "-f", "json").stdout)
    as_source = json.loads(kroniek("events", "--source", "Poetin", "--db", hand_db, "-f", "json").stdout)
    assert either and [e["id"] for e in as_source] == [e["id"] for e in either
                                                          if "Q7747" in (e["source_ids"] or "").split(";")]
    nobody = kroniek("timeline", "Nobody Atall", "--db", hand_db)
    assert nobody.returncode == 1 and "no actor matches" in nobody.stderr and nobody.stdout == ""


def test_events_check_type_show_totals_and_hide_low_confidence(hand_db: str) -> None:
    wrong = kroniek("events", "--type", "FOO", "--db", hand_db)
    assert wrong.returncode == 2 and "PLOVER" in wrong.stderr
    table = kroniek("events", "--db", hand_db, "--limit", "1")
    assert "1–1 of 2 events" in table.stdout
    sure = json.loads(kroniek("events", "--db", hand_db, "-f", "json", "--min-confidence", "0.5").stdout)
    assert [e["type"] for e in sure] == ["SUPPORT"]  # ACCUSE carries 0.2; SUPPORT has none and stays
    grouped = json.loads(kroniek("events", "--db", hand_db, "-f", "json", "--grouped").stdout)
    assert [e["date"] for e in grouped] == ["2025-03-05", "2025-03-04"]  # newest first


@pytest.mark.parametrize("command", ["events", "quotes"])
def test_a_date_filter_that_is_no_date_is_a_usage_error(hand_db: str, command: str) -> None:
    """A typo in --from must not list nothing in silence, as the web answers 422 to it."""
    wrong = kroniek(command, "--db", hand_db, "--from", "5 maart")
    assert wrong.returncode == 2 and "no date" in wrong.stderr
    month = kroniek(command, "--db", hand_db, "--from", "2025-03", "-f", "json")
    assert month.returncode == 0 and json.loads(month.stdout)


def test_parquet_export_needs_a_file_and_holds_the_json_rows(hand_db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    written = kroniek("events", "--db", hand_db, "-f", "parquet", "-o", str(out))
    rows = json.loads(kroniek("events", "--db", hand_db, "-f", "json").stdout)
    assert written.returncode == 0 and "2 rows written" in written.stderr
    assert pq.read_table(out).to_pylist() == rows
    to_terminal = kroniek("events", "--db", hand_db, "-f", "parquet")
    assert to_terminal.returncode == 2 and "-o" in to_terminal.stderr


def test_serve_on_a_public_host_without_token_is_a_usage_error() -> None:
    run = kroniek("serve", "--host", "0.0.0.0", "--db", "unused.db")
    assert run.returncode == 2 and "token" in run.stderr and "Traceback" not in run.stderr


def test_extract_on_a_terminal_reads_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    describe(handmade_record())
    shown = capsys.readouterr().out
    assert "Vladimir Putin: “Kyiv wil geen vrede,”" in shown
    assert "ACCUSE Vladimir Putin → Ukraine" in shown and "{" not in shown
