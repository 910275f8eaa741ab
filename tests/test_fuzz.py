"""Property-based fuzzing (issue #16): no reader and no `kroniek.analyse` call lets an exception out,
every problem names its file, and every offset indexes the text.

Fixed seed (`derandomize`) and few examples, so a CI run is repeatable and quick; raise
`max_examples` locally to search harder.
"""
from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kroniek
from kroniek.ingest.readers import read_inputs
from kroniek.model import MAX_CHARS, Article, Failure
from kroniek.store import Store

FUZZ = settings(derandomize=True, max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

COMPRESS: dict[str, Callable[[bytes], bytes]] = {
    "": lambda b: b, ".gz": gzip.compress, ".bz2": bz2.compress, ".zst": zstandard.ZstdCompressor().compress}
FORMATS = [".txt", ".jsonl", ".csv", ".html", ".rss", ".warc", ".arc", ""]

# Whole sentences that give entities, dates, quotes and events, so the offsets are put to the test.
SENTENCES = ["Poetin zei zaterdag: „Wij willen vrede.”", "„Wij willen vrede,” zei hij, „maar niet zo.”",
             "'Wij gaan door', zei Rutte gisteren in Den Haag.", "De NAVO beschuldigde Rusland van agressie.",
             "Rutte bezocht op 19 april 2025 Kyiv.", 'Putin said on Saturday: "We want peace."',
             "The United States accused Iran of attacks last week.", "Het kabinet viel vorige week, meldde de NOS."]
# Pieces of news text and of the things that have broken readers and stages before.
PIECES = [*SENTENCES, "Poetin", "Rutte", "Zelensky", "zei", "said", "zaterdag", "gisteren", "yesterday", "morgen",
          "1 januari 0000", "31 december 9999", "Op 3 maart 0001", "2025-02-30", "19 april 2025", "Pasen",
          "de Russische president", "het Kremlin", "Moskou", "NAVO", "Den Haag", "vrede", "oorlog", "accused",
          "beschuldigde", "bezocht", "visited", "Oekraïne", "„", "”", "“", '"', "'", "‘", "’", "«", "»",
          ":", ".", ",", "!", "?", "-", "\n", "\n\n", "\t", "12.000", "1999", "0000", "vorige week", "next Monday",
          "ﬁ", "İ", "ß", "e\u0301", "\u200b", "😀", "\u2028", "\r", "&amp;", "&lol6;", "<p>", "</b>"]
HOSTILE = ["\ud800", "\udfff", "\x00", "\ufeff"]


def text_strategy(hostile: bool) -> st.SearchStrategy[str]:
    pieces = st.sampled_from(PIECES + HOSTILE if hostile else PIECES)
    return st.lists(st.one_of(pieces, pieces, st.text(max_size=6)), max_size=40).map(" ".join)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _read(path: Path) -> list[Article | Failure]:
    items = list(read_inputs([str(path)]))
    for item in items:
        assert isinstance(item, (Article, Failure))
        if isinstance(item, Failure):
            assert path.name in item.reason, item.reason
        else:
            assert item.id and isinstance(item.id, str) and 0 < len(item.text) <= MAX_CHARS
            for value in (item.text, item.title, item.url, item.lang, item.source, item.author, item.id):
                assert value is None or isinstance(value, str) and value.encode("utf-8")
    return items


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


damage = st.tuples(st.sampled_from(["whole", "cut", "flip"]), st.floats(0, 1))


def _damaged(data: bytes, how: tuple[str, float]) -> bytes:
    kind, where = how
    at = int(where * len(data))
    if kind == "cut":
        return data[:at]
    if kind == "flip" and data:
        at = min(at, len(data) - 1)
        return data[:at] + bytes([data[at] ^ 0x5A]) + data[at + 1:]
    return data


@FUZZ
@given(fmt=st.sampled_from(FORMATS), packing=st.sampled_from(sorted(COMPRESS)), body=st.binary(max_size=600),
       how=damage)
def test_any_bytes_in_any_format(folder: Path, fmt: str, packing: str, body: bytes, how: tuple[str, float]) -> None:
    _read(_write(folder, f"raw{fmt}{packing}", _damaged(COMPRESS[packing](body), how)))


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | text_strategy(True),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                                       max_size=3), max_leaves=8)
FIELD_NAMES = ["text", "id", "date", "title", "url", "lang", "source", "author"]
rows = st.dictionaries(st.sampled_from(FIELD_NAMES), json_values | text_strategy(True), max_size=8)


@FUZZ
@given(lines=st.lists(rows | json_values, min_size=1, max_size=8), packing=st.sampled_from(sorted(COMPRESS)))
def test_jsonl_one_item_per_line_named_by_its_number(folder: Path, lines: list, packing: str) -> None:
    body = "".join(json.dumps(line) + "\n" for line in lines).encode()
    path = _write(folder, f"rows.jsonl{packing}", COMPRESS[packing](body))
    items = _read(path)
    assert len(items) == len(lines)
    for number, item in enumerate(items, 1):
        if isinstance(item, Failure):
            assert item.reason.startswith(f"{path}:{number}: ")


csv_text = text_strategy(False).map(lambda t: t.replace("\x00", ""))  # NUL marks a binary file
csv_ids = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=5)


@FUZZ
@given(table=st.lists(st.tuples(csv_ids, csv_text, st.sampled_from(["", "2025-04", "2025-02-30", "x"])),
                      min_size=1, max_size=6))
def test_csv_one_item_per_row(folder: Path, table: list[tuple[str, str, str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "text", "date"])
    writer.writerows(table)
    items = _read(_write(folder, "rows.csv", out.getvalue().encode("utf-8")))
    assert len(items) == len(table)
    for (_, text, _), item in zip(table, items):
        assert isinstance(item, Failure) or item.text == text


@FUZZ
@given(title=text_strategy(False), paragraphs=st.lists(text_strategy(False), max_size=4),
       date=st.sampled_from(["2025-04-19", "2025-02-30", "0000-01-01", "april 2025", ""]), how=damage)
def test_html_and_feeds(folder: Path, title: str, paragraphs: list[str], date: str, how: tuple[str, float]) -> None:
    from html import escape

    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    page = (f'<html><head><title>{escape(title)}</title><meta name="date" content="{date}"></head>'
            f"<body><article>{body}</article></body></html>")
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<item><guid>1</guid><pubDate>{date}</pubDate><description>{escape(body)}</description></item>"
            f"<item><description>{escape(title)}</description></item></channel></rss>")
    _read(_write(folder, "page.html", _damaged(page.encode(), how)))
    _read(_write(folder, "feed.rss", _damaged(feed.encode(), how)))


@FUZZ
@given(pages=st.lists(text_strategy(False), min_size=1, max_size=3), packing=st.sampled_from([".gz", "", ".zst"]),
       how=damage)
def test_warc(folder: Path, pages: list[str], packing: str, how: tuple[str, float]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=packing == ".gz")
    for i, text in enumerate(pages):
        html = f"<html><body><article><p>{text}</p></article></body></html>".encode("utf-8", "replace")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://x.example/{i}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    data = out.getvalue() if packing == ".gz" else COMPRESS[packing](out.getvalue())
    items = _read(_write(folder, f"crawl.warc{packing}", _damaged(data, how)))
    if how[0] == "whole":
        assert len(items) == len(pages)


def _check_offsets(text: str, record: dict) -> None:
    """Every span the record gives indexes the text: text[start:end] is the span's own text; a quote's
    span runs from its opening mark to its closing one and its `text` is the words within (FORMAT.md)."""
    for span in [*record["entities"], *record["timexes"], *(e["trigger"] for e in record["events"])]:
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span
    for event in record["events"]:
        assert 0 <= event["sentence"]["start"] <= event["sentence"]["end"] <= len(text)
    for quote in record["quotes"]:
        assert 0 <= quote["start"] <= quote["end"] <= len(text), quote
        within = text[quote["start"]:quote["end"]]
        assert all(word in within for word in quote["text"].split()), quote
        speaker = quote["speaker"] or {}
        if speaker.get("start") is not None:
            assert 0 <= speaker["start"] <= speaker["end"] <= len(text)


@pytest.fixture(scope="module")
def store(folder: Path) -> Iterator[Store]:
    with Store(folder / "fuzz.db") as opened:
        yield opened


@FUZZ
@example(text=" ".join(SENTENCES), date="2025-04-22", lang=None)
@given(text=text_strategy(True), date=st.sampled_from([None, "2025-04-22", "2025-04", "2025", "2025-02-30", "0000"]),
       lang=st.sampled_from([None, "nl", "en"]))
def test_analyse_never_raises_and_offsets_index_the_text(store: Store, text: str, date: str | None,
                                                         lang: str | None) -> None:
    record = kroniek.analyse(text, date=date, lang=lang)
    assert isinstance(record["id"], str) and record["id"]
    if "error" in record:
        assert record["text"] == text
        assert not any(record[k] for k in ("entities", "timexes", "quotes", "events"))
        return
    assert record["text"] == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    _check_offsets(record["text"], record)
    json.dumps(record, ensure_ascii=False).encode("utf-8")
    store.write_records([record])


@pytest.mark.parametrize("text", ["", "   \n\t", "Poetin\x00 zei iets.", "x" * (MAX_CHARS + 1), None, 5, b"bytes"])
def test_analyse_of_text_it_cannot_analyse_is_a_record_with_an_error(text: object) -> None:
    """Issue #16, case 7: these raised AttributeError ('Failure' object has no attribute 'lang')."""
    record = kroniek.analyse(text)  # type: ignore[arg-type]
    assert record["error"].startswith("analyse(): ")
    assert record["text"] == (text if isinstance(text, str) else "") and record["id"]
    assert record["entities"] == record["timexes"] == record["quotes"] == record["events"] == []


def test_analyse_replaces_lone_surrogates_and_survives_year_zero() -> None:
    """Issue #16, case 7: a lone surrogate raised UnicodeEncodeError; 'Op 1 januari 0000' failed the document."""
    record = kroniek.analyse("Poetin zei \ud800 zaterdag: „Vrede.”", date="2025-04-22")
    assert "error" not in record and record["text"] == "Poetin zei \ufffd zaterdag: „Vrede.”"
    assert any("surrogate" in w for w in record["warnings"])
    json.dumps(record, ensure_ascii=False).encode("utf-8")
    for date in (None, "2025-04-22", "0000"):
        record = kroniek.analyse("Op 1 januari 0000 zei de premier dat het kabinet vergaderde.", date=date)
        assert "error" not in record, record["error"]
        assert not any(t["value"].startswith("0000") for t in record["timexes"])
