"""Readers turn every input into Articles or Failures that name where the problem is."""
from __future__ import annotations

import bz2
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from kroniek.ingest.readers import read_inputs
from kroniek.model import Article, Failure, make_article, stable_id


def _all(*paths: Path | str) -> list:
    return list(read_inputs([str(p) for p in paths]))


def test_dated_text_with_date_on_first_line(tmp_path: Path) -> None:
    f = tmp_path / "a1.txt"
    f.write_text("date 2025-04\nHet kabinet viel.\n", encoding="utf-8")
    [art] = _all(f)
    assert isinstance(art, Article)
    assert (art.id, art.date, art.granularity, art.text) == ("a1", "2025-04", "month", "Het kabinet viel.\n")


def test_seed_layout_date_and_text_on_one_line(tmp_path: Path) -> None:
    f = tmp_path / "s.txt"
    f.write_text(" date 2025-04 Het was een historische aankondiging.", encoding="utf-8")
    [art] = _all(f)
    assert art.date == "2025-04" and art.text.startswith("Het was")


def test_jsonl_csv_gzip_bz2_and_dirs(tmp_path: Path) -> None:
    rows = [{"id": "x", "date": "2025-04-20", "text": "Eén."}, {"text": "Twee zonder id."}]
    body = "".join(json.dumps(r) + "\n" for r in rows)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.jsonl.gz").write_bytes(gzip.compress(body.encode()))
    (tmp_path / "d" / "b.jsonl.bz2").write_bytes(bz2.compress(body.encode()))
    (tmp_path / "d" / "c.csv").write_text("id,date,text,title\nc1,2024,Drie.,Kop\n", encoding="utf-8")
    items = _all(tmp_path / "d")
    assert [type(i) for i in items] == [Article] * 5
    assert items[0].id == "x" and items[0].date == "2025-04-20"
    assert items[1].id == stable_id("Twee zonder id.") == items[3].id
    assert items[4].title == "Kop" and items[4].date == "2024"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "s", "text": "Via stdin."}\n'))
    [art] = _all("-")
    assert art.id == "s"


def test_empty_file_is_named(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    [item] = _all(f)
    assert isinstance(item, Failure) and "empty.txt" in item.reason and "empty" in item.reason


def test_undecodable_bytes_are_named(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("date 2025-01-01\nCafé".encode("latin-1"))
    [item] = _all(f)
    assert isinstance(item, Failure) and "latin.txt" in item.reason and "UTF-8" in item.reason


def test_malformed_json_line_among_good_ones(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"id": "a", "text": "Goed."}\n{"id": "b", "text": \n{"id": "c", "text": "Ook goed."}\n',
                 encoding="utf-8")
    items = _all(f)
    assert [getattr(i, "id", None) for i in items if isinstance(i, Article)] == ["a", "c"]
    [bad] = [i for i in items if isinstance(i, Failure)]
    assert "mixed.jsonl:2" in bad.reason and "malformed JSON" in bad.reason


def test_huge_document_is_refused_not_loaded(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_bytes(b"date 2025-01-01\n" + b"woord " * (50_000_000 // 6))
    [item] = _all(f)
    assert isinstance(item, Failure) and "huge.txt" in item.reason and "MB" in item.reason


def test_binary_file_is_named(tmp_path: Path) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [item] = _all(f)
    assert isinstance(item, Failure) and "image.txt" in item.reason and "binary" in item.reason


def test_unparseable_date_keeps_document_with_warning(tmp_path: Path) -> None:
    art = make_article(text="Tekst.", date="gisteren ergens", id="d1", origin="f.jsonl:3")
    assert isinstance(art, Article) and art.date is None
    assert art.warnings and "f.jsonl:3" in art.warnings[0] and "gisteren ergens" in art.warnings[0]


def test_missing_date_is_undated_not_an_error() -> None:
    art = make_article(text="Tekst zonder datum.", origin="x")
    assert isinstance(art, Article) and art.date is None and not art.warnings


def test_datetime_is_cut_to_the_day_and_bad_month_refused() -> None:
    assert make_article(text="t", date="2025-04-20T10:00:00Z").date == "2025-04-20"
    assert make_article(text="t", date="2025-13").date is None


def test_missing_path_and_unknown_format(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_bytes(b"PK")
    items = _all(tmp_path / "nope.txt", tmp_path / "x.docx")
    assert all(isinstance(i, Failure) for i in items)
    assert "nope.txt" in items[0].reason and "x.docx" in items[1].reason


def test_author_travels_from_jsonl_to_the_record(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "Tekst.", "author": "Jan Janssen"}) + "\n", encoding="utf-8")
    [art] = _all(f)
    assert art.author == "Jan Janssen"
    from kroniek.model import Doc

    assert Doc(art).record()["author"] == "Jan Janssen"


def test_a_country_field_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "Tekst een.", "country": "bel"}\n'
                    '{"id": "b", "text": "Tekst twee.", "country": 5}\n', encoding="utf-8")
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, Article) and first.country == "BEL"
    assert isinstance(second, Failure) and "country" in second.reason
