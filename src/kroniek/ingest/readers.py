"""Readers: every input becomes a stream of `Article` or `Failure`, never an exception.

Formats: dated text (first line `date YYYY-MM[-DD]`), JSON Lines, CSV with a
header, directories (recursive), `-` for JSON Lines on stdin, and compressed
files (.gz, .bz2, .zst). Other formats register themselves in `READERS`.
"""
from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import MAX_CHARS, Article, Failure, make_article

MAX_BYTES = 4 * MAX_CHARS
DATE_LINE = re.compile(r"^\s*date[:\s]+(\S+)[ \t]*\n?", re.IGNORECASE)
COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open}

Item = Article | Failure
Reader = Callable[[Path, str], Iterator[Item]]


def open_bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix in COMPRESSED:
        with COMPRESSED[suffix](path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    if suffix == ".zst":
        import zstandard

        with path.open("rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as fh:
            return fh.read(MAX_BYTES + 1)
    with path.open("rb") as fh:
        return fh.read(MAX_BYTES + 1)


def decode(data: bytes, origin: str) -> tuple[str | None, str | None]:
    """(text, problem): UTF-8 (with or without BOM); anything else is named, not guessed."""
    if b"\x00" in data[:8192]:
        return None, f"{origin}: binary content (NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"{origin}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 4]!r})"


def base_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    while suffixes and suffixes[-1] in (*COMPRESSED, ".zst"):
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_dated_text(path: Path, origin: str) -> Iterator[Item]:
    data = open_bytes(path)
    if len(data) > MAX_BYTES:
        yield Failure(path.stem, f"{origin}: file over {MAX_BYTES // 1_000_000} MB, not an article")
        return
    text, problem = decode(data, origin)
    if problem or text is None:
        yield Failure(path.stem, problem or origin)
        return
    date = None
    match = DATE_LINE.match(text)
    if match:
        date, text = match.group(1), text[match.end():].lstrip()
    doc_id = path.name.split(".")[0]
    yield make_article(text=text, date=date, id=doc_id, origin=origin)


def _from_mapping(row: dict, origin: str) -> Item:
    return make_article(text=row.get("text"), date=row.get("date"), lang=row.get("lang"),
                        id=row.get("id"), title=row.get("title"), url=row.get("url"),
                        source=row.get("source"), author=row.get("author"), origin=origin)


def iter_jsonl(stream: io.TextIOBase | Iterator[str], origin: str) -> Iterator[Item]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        if len(line) > MAX_BYTES:
            yield Failure(where, f"{where}: line over the size limit")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"{where}: malformed JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield Failure(where, f"{where}: expected a JSON object")
            continue
        yield _from_mapping(row, where)


def text_lines(path: Path, origin: str) -> Iterator[str]:
    """Lines of a (possibly compressed) UTF-8 file; raises ValueError on binary or bad bytes."""
    suffix = path.suffix.lower()
    if suffix in COMPRESSED:
        raw: io.BufferedIOBase = COMPRESSED[suffix](path, "rb")
    elif suffix == ".zst":
        import zstandard

        raw = zstandard.ZstdDecompressor().stream_reader(path.open("rb"))
    else:
        raw = path.open("rb")
    with io.TextIOWrapper(raw, encoding="utf-8-sig") as handle:
        first = handle.read(8192)
        if "\x00" in first:
            raise ValueError(f"{origin}: binary content (NUL bytes), not text")
        rest = handle.readline()
        yield from io.StringIO(first + rest)
        yield from handle


def read_jsonl(path: Path, origin: str) -> Iterator[Item]:
    try:
        yield from iter_jsonl(text_lines(path, origin), origin)
    except UnicodeDecodeError as exc:
        yield Failure(path.name, f"{origin}: not valid UTF-8 ({exc.reason}); rest of file skipped")


def read_csv(path: Path, origin: str) -> Iterator[Item]:
    csv.field_size_limit(MAX_BYTES)
    try:
        reader = csv.DictReader(text_lines(path, origin))
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield Failure(path.name, f"{origin}: CSV needs a header with a 'text' column")
            return
        for number, row in enumerate(reader, 2):
            yield _from_mapping(row, f"{origin}:{number}")
    except UnicodeDecodeError as exc:
        yield Failure(path.name, f"{origin}: not valid UTF-8 ({exc.reason}); rest of file skipped")


READERS: dict[str, Reader] = {
    ".txt": read_dated_text,
    "": read_dated_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_jsonl,
    ".csv": read_csv,
}


def iter_files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith(".") and not child.name.endswith(".gold.json"):
                yield child
    else:
        yield path


def read_inputs(inputs: list[str]) -> Iterator[Item]:
    """All documents of all inputs, in order; problems come out as Failures naming where."""
    for name in inputs:
        if name == "-":
            yield from iter_jsonl(sys.stdin, "<stdin>")
            continue
        path = Path(name)
        if not path.exists():
            yield Failure(name, f"{name}: no such file or directory")
            continue
        for file in iter_files(path):
            reader = READERS.get(base_suffix(file))
            if reader is None:
                yield Failure(file.name, f"{file}: unknown input format {base_suffix(file)!r}")
                continue
            try:
                yield from reader(file, str(file))
            except (OSError, EOFError, ValueError) as exc:
                yield Failure(file.name, f"{file}: unreadable ({type(exc).__name__}: {exc})")
