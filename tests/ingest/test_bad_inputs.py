"""Issue #16: whatever a file holds, the readers name the file, line or offset and the batch goes on."""
from __future__ import annotations

import bz2
import gzip
import json
import tracemalloc
import zlib
from pathlib import Path

import pytest
import zstandard

from kroniek.batch import ingest
from kroniek.ingest.readers import read_inputs
from kroniek.model import Article, Failure, make_article
from kroniek.pipeline import Pipeline
from kroniek.store import Store

COMPRESS = {".gz": gzip.compress, ".bz2": bz2.compress, ".zst": zstandard.ZstdCompressor().compress}


def _all(*paths: Path) -> list[Article | Failure]:
    return list(read_inputs([str(p) for p in paths]))


def _jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _good(n: int, first: int = 0) -> list[dict]:
    return [{"id": f"g{i}", "text": f"Bericht {i}: de minister sprak {i} uur met de pers."}
            for i in range(first, first + n)]


def test_wrong_typed_fields_fail_alone_and_the_good_lines_are_stored(tmp_path: Path) -> None:
    """Case 1: `"url": ["x"]` reached SQLite and `"title": {...}` a `.strip()`: 0 of 6 good ones stored."""
    bad = [{"id": "b1", "text": "Tekst.", "url": ["x"]}, {"id": "b2", "text": "Tekst.", "title": {"a": 1}},
           {"id": "b3", "text": "Tekst.", "lang": 5}, {"id": True, "text": "Tekst."},
           {"id": "b5", "text": "Tekst.", "date": ["2025"]}, {"id": "b6", "text": ["Tekst."]}]
    good = _good(6)
    path = tmp_path / "mixed.jsonl"
    path.write_text(_jsonl([row for pair in zip(good, bad) for row in pair]), encoding="utf-8")
    with Store(tmp_path / "k.db") as store:
        result = ingest(read_inputs([str(path)]), store, Pipeline(stages=[]))
        stored = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY id")]
    assert stored == [f"g{i}" for i in range(6)]
    reasons = [f.reason for f in result.failures]
    assert [r.split(": ")[0] for r in reasons] == [f"{path}:{n}" for n in (2, 4, 6, 8, 10, 12)]
    for reason, field in zip(reasons, ("'url'", "'title'", "'lang'", "'id'", "'date'", "'text'")):
        assert field in reason


def _zstd_corrupt_body() -> bytes:
    data = bytearray(zstandard.ZstdCompressor().compress(_jsonl(_good(50)).encode()))
    data[len(data) // 2:] = b"\xff" * (len(data) - len(data) // 2)
    return bytes(data)


def _nested(depth: int) -> str:
    return '{"text": "t", "x": ' + "[" * depth + "]" * depth + "}\n"


BAD_FILES = {
    "not_zstd.jsonl.zst": b"this is plain text, not zstd\n",
    "corrupt.jsonl.zst": _zstd_corrupt_body(),
    "corrupt.jsonl.gz": b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"garbage that is not deflate" * 10,
    "corrupt.csv.bz2": b"BZh91AY&SY" + b"\x00" * 200,
    "nested.jsonl": _nested(100_000).encode(),
    "wide.csv": b"id,text\n1," + b"x" * 9_000_000 + b"\n",
    "wide_quoted.csv": b'id,text\n1,"' + (b"y" * 1_000_000 + b"\n") * 9 + b'"\n',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_broken_file_in_a_folder_is_named_and_the_next_file_is_read(tmp_path: Path, name: str) -> None:
    """Case 2: a traceback on the bad file stopped the batch; the good file after it was never read."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.jsonl").write_text(_jsonl(_good(2)), encoding="utf-8")
    (folder / f"b_{name}").write_bytes(BAD_FILES[name])
    (folder / "c_good.jsonl").write_text(_jsonl(_good(2, first=2)), encoding="utf-8")
    items = _all(folder)
    assert [a.id for a in items if isinstance(a, Article)] == ["g0", "g1", "g2", "g3"]
    failures = [f for f in items if isinstance(f, Failure)]
    assert failures and all(f"b_{name}" in f.reason for f in failures)
    if name.endswith((".jsonl", ".csv")):  # a plain file's failure names its line
        assert f"b_{name}:2" in failures[0].reason or f"b_{name}:1" in failures[0].reason


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".zst"])
def test_truncated_compressed_jsonl_keeps_what_was_read_and_says_it_was_cut(tmp_path: Path, suffix: str) -> None:
    """Case 3: a cut `.jsonl.zst` read as '0 documents, 0 errors' (1,000 rows: several bzip2 blocks)."""
    rows = [{"id": f"t{i}", "text": f"Bericht {i} " + "woord " * 400 + str(i * 7919)} for i in range(1000)]
    whole = COMPRESS[suffix](_jsonl(rows).encode())
    path = tmp_path / f"cut.jsonl{suffix}"
    path.write_bytes(whole[: len(whole) * 3 // 4])
    items = _all(path)
    assert all(isinstance(i, Article) for i in items[:-1]) and len(items) > 1
    last = items[-1]
    assert isinstance(last, Failure) and str(path) in last.reason and "cut short" in last.reason


def test_empty_compressed_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl.zst"
    path.write_bytes(b"")
    [item] = _all(path)
    assert isinstance(item, Failure) and "empty.jsonl.zst" in item.reason and "empty" in item.reason


def test_concatenated_members_are_all_read(tmp_path: Path) -> None:
    """`cat a.gz b.gz` and multi-frame zstd are valid files: every member is read, not the first only."""
    for suffix, compress in COMPRESS.items():
        path = tmp_path / f"two.jsonl{suffix}"
        path.write_bytes(compress(_jsonl(_good(2)).encode()) + compress(_jsonl(_good(2, first=2)).encode()))
        assert [a.id for a in _all(path)] == ["g0", "g1", "g2", "g3"], suffix


def test_a_600_mb_line_in_a_small_gzip_is_refused_without_being_held(tmp_path: Path) -> None:
    """Case 5: a 612 KB .jsonl.gz holding one 600 MB line took 4.9 GB before it was refused."""
    path = tmp_path / "bomb.jsonl.gz"
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"x" * (1 << 20)
    with path.open("wb") as out:
        out.write(deflate.compress(b'{"id": "before", "text": "Eerst."}\n{"text": "'))
        for _ in range(600):
            out.write(deflate.compress(block))
        out.write(deflate.compress(b'"}\n{"id": "after", "text": "Daarna."}\n') + deflate.flush())
    assert path.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        items = _all(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert f"{path}:2" in items[1].reason and "size limit" in items[1].reason
    assert peak < 64_000_000, f"peak {peak / 1e6:.0f} MB"


def test_one_undecodable_line_fails_alone(tmp_path: Path) -> None:
    """Case 10: 20 good + 1 bad + 5 good gave 0 documents, and the line was not named."""
    body = _jsonl(_good(20)).encode() + '{"text": "Caf\xe9"}\n'.encode("latin-1") + _jsonl(_good(5, first=20)).encode()
    path = tmp_path / "one_bad.jsonl"
    path.write_bytes(body)
    items = _all(path)
    assert [a.id for a in items if isinstance(a, Article)] == [f"g{i}" for i in range(25)]
    [bad] = [f for f in items if isinstance(f, Failure)]
    assert bad.reason.startswith(f"{path}:21: not valid UTF-8")


def test_bad_csv_line_fails_alone_and_rows_keep_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b"id,text\nr1,Een.\nr2,Caf\xe9.\nr3,Drie.\n")
    items = _all(path)
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert items[1].reason.startswith(f"{path}:3: not valid UTF-8") and items[2].id == "r3"


def test_lone_surrogates_are_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "half.jsonl"
    path.write_text('{"id": "s", "text": "Poetin \\ud800 zei: vrede.", "title": "\\udc00"}\n', encoding="utf-8")
    [art] = _all(path)
    assert isinstance(art, Article)
    assert art.text == "Poetin \ufffd zei: vrede." and art.title == "\ufffd"
    assert "half.jsonl:1" in art.warnings[0] and "surrogate" in art.warnings[0]
    art.text.encode("utf-8")


@pytest.mark.parametrize("date", ["2025-02-30", "2025-13-01", "0000", "2023-02-29T10:00:00Z"])
def test_a_date_not_on_the_calendar_is_undated_with_a_warning(date: str) -> None:
    """Case 11: 2025-02-30 was accepted without a word."""
    art = make_article(text="Tekst.", date=date, origin="f.jsonl:3")
    assert isinstance(art, Article) and art.date is None
    assert art.warnings[0].startswith("f.jsonl:3: ") and date in art.warnings[0]
    assert make_article(text="Tekst.", date="2024-02-29").date == "2024-02-29"


def test_binary_jsonl_is_named_once(tmp_path: Path) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    [item] = _all(path)
    assert isinstance(item, Failure) and "image.jsonl" in item.reason and "binary" in item.reason
