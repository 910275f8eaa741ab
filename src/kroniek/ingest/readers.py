"""Readers: every input becomes a stream of `Article` or `Failure`, never an exception.

Formats: dated text (first line `date YYYY-MM[-DD]`), JSON Lines, CSV with a
header, directories (recursive), `-` for JSON Lines on stdin, and compressed
files (.gz, .bz2, .zst, through `streams`). Other formats register themselves in `READERS`.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import Article, Failure, make_article
from .streams import (
    COMPRESSION,
    MAX_BYTES,
    ArchiveError,
    lines,
    open_stream,
    read_whole,
)

DATE_LINE = re.compile(r"^\s*date[:\s]+(\S+)[ \t]*\n?", re.IGNORECASE)
FIELDS = ("text", "date", "lang", "id", "title", "url", "source", "author", "country")

Item = Article | Failure
Reader = Callable[[Path, str], Iterator[Item]]


def base_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    while suffixes and suffixes[-1] in COMPRESSION:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_dated_text(path: Path, origin: str) -> Iterator[Item]:
    data = read_whole(path, origin)
    if isinstance(data, Failure):
        yield data
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Failure(path.name, f"{origin}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 4]!r})")
        return
    date = None
    match = DATE_LINE.match(text)
    if match:
        date, text = match.group(1), text[match.end():].lstrip()
    yield make_article(text=text, date=date, id=path.name.split(".")[0], origin=origin)


def _from_mapping(row: dict, origin: str) -> Item:
    """An article from a JSON object or CSV row; make_article checks each field's type."""
    return make_article(**{key: row.get(key) for key in FIELDS}, origin=origin)


def iter_jsonl(stream: io.BufferedReader, origin: str) -> Iterator[Item]:
    """One article per JSON object line; a bad line is a Failure naming it, and the next is read."""
    for number, line in lines(stream, origin):
        if isinstance(line, Failure):
            yield line
            continue
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"{where}: malformed JSON ({exc.msg})")
            continue
        except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits, nesting 100,000 deep
            yield Failure(where, f"{where}: malformed JSON ({type(exc).__name__}: {str(exc)[:80]})")
            continue
        if not isinstance(row, dict):
            yield Failure(where, f"{where}: expected a JSON object, not {type(row).__name__}")
            continue
        yield _from_mapping(row, where)


def read_jsonl(path: Path, origin: str) -> Iterator[Item]:
    with open_stream(path) as stream:
        yield from iter_jsonl(stream, origin)


def read_csv(path: Path, origin: str) -> Iterator[Item]:
    """Rows of a CSV file with a header naming at least `text`; a broken row fails alone.

    A line that cannot be used (over the size limit, not UTF-8) reaches the CSV parser as an empty
    line, so the row numbers stay right, and its Failure comes out before the next row.
    """
    csv.field_size_limit(MAX_BYTES)
    problems: list[Failure] = []

    def feed(stream: io.BufferedReader) -> Iterator[str]:
        for _, line in lines(stream, origin):
            if isinstance(line, Failure):
                problems.append(line)
                yield "\n"
            else:
                yield line

    with open_stream(path) as stream:
        reader = csv.DictReader(feed(stream))
        try:
            fields = reader.fieldnames
        except csv.Error as exc:
            fields = None
            problems.append(Failure(f"{origin}:1", f"{origin}:1: malformed CSV header ({exc})"))
        if not fields or "text" not in fields:
            yield from problems or [Failure(path.name, f"{origin}: CSV needs a header with a 'text' column")]
            return
        while True:
            where = f"{origin}:{reader.line_num + 1}"
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row = Failure(where, f"{where}: malformed CSV ({exc})")
            yield from problems
            problems.clear()
            yield row if isinstance(row, Failure) else _from_mapping(row, where)
        yield from problems


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


def _stdin() -> io.BufferedReader:
    """Standard input as bytes (a replaced `sys.stdin`, as in tests and notebooks, has no buffer)."""
    if hasattr(sys.stdin, "buffer"):
        return sys.stdin.buffer
    return io.BufferedReader(io.BytesIO(sys.stdin.read().encode("utf-8", "surrogatepass")))  # type: ignore[arg-type]


def read_file(file: Path) -> Iterator[Item]:
    """Every item of one file; whatever goes wrong in its reader ends only this file, with a Failure."""
    origin = str(file)
    reader = READERS.get(base_suffix(file))
    if reader is None:
        yield Failure(file.name, f"{origin}: unknown input format {base_suffix(file)!r}")
        return
    try:
        yield from reader(file, origin)
    except ArchiveError as exc:
        yield Failure(file.name, f"{origin}: {exc}")
    except Exception as exc:  # noqa: BLE001 -- a reader's bug or a library's surprise must not end the batch
        yield Failure(file.name, f"{origin}: unreadable ({type(exc).__name__}: {str(exc)[:200]})")


def read_inputs(inputs: list[str]) -> Iterator[Item]:
    """All documents of all inputs, in order; problems come out as Failures naming where."""
    for name in inputs:
        if name == "-":
            yield from iter_jsonl(_stdin(), "<stdin>")
            continue
        path = Path(name)
        if not path.exists():
            yield Failure(name, f"{name}: no such file or directory")
            continue
        for file in iter_files(path):
            yield from read_file(file)
