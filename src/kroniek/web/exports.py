"""Quotes and events as flat tables: CSV, JSON (one array), JSON Lines and Parquet, one row per record.

Nested parties become `;`-joined columns so a spreadsheet and pandas read them the same way.
CSV, JSON and JSON Lines stream row by row over their own connection, so an export of a large
store neither waits for nor holds the whole selection.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.responses import Response, StreamingResponse

from ..store import queries
from ..store.queries import Filters

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json", "jsonl": "application/x-ndjson",
           "parquet": "application/vnd.apache.parquet"}
PARQUET_BATCH = 10_000

QUOTE_COLUMNS = {"article": pa.string(), "article_title": pa.string(), "start": pa.int64(), "end": pa.int64(), "text": pa.string(),
                 "direct": pa.bool_(), "cue": pa.string(), "speaker_id": pa.string(),
                 "speaker_name": pa.string(), "speaker_country": pa.string(), "speaker_start": pa.int64(),
                 "speaker_end": pa.int64(), "date": pa.string(), "date_start": pa.string(),
                 "confidence": pa.float64()}
EVENT_COLUMNS = {"id": pa.int64(), "article": pa.string(), "article_title": pa.string(), "type": pa.string(),
                 "mode": pa.string(), "cameo": pa.string(), "date": pa.string(), "date_start": pa.string(),
                 "confidence": pa.float64(), "location": pa.string(), "location_country": pa.string(),
                 "source_ids": pa.string(), "source_names": pa.string(), "source_countries": pa.string(),
                 "target_ids": pa.string(), "target_names": pa.string(), "target_countries": pa.string(),
                 "trigger_start": pa.int64(), "trigger_end": pa.int64(), "trigger_text": pa.string(),
                 "sentence_start": pa.int64(), "sentence_end": pa.int64(), "group_key": pa.string()}


def flat_quote(q: dict[str, Any]) -> dict[str, Any]:
    sp = q.get("speaker") or {}
    return {"article": q["article"], "article_title": q["article_title"], "start": q["start"], "end": q["end"], "text": q["text"],
            "direct": q["direct"], "cue": q["cue"], "speaker_id": sp.get("id"), "speaker_name": sp.get("name"),
            "speaker_country": sp.get("country"), "speaker_start": sp.get("start"),
            "speaker_end": sp.get("end"), "date": q["date"], "date_start": q["date_start"],
            "confidence": q["confidence"]}


def _joined(party: Any, key: str) -> str | None:
    if not party:
        return None
    parties = party if isinstance(party, list) else [party]
    return ";".join(p.get(key) or "" for p in parties)


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    out = {k: e[k] for k in ("id", "article", "article_title", "type", "mode", "cameo", "date", "date_start",
                             "confidence", "location", "location_country")}
    for role in ("source", "target"):
        out[f"{role}_ids"] = _joined(e[role], "id")
        out[f"{role}_names"] = _joined(e[role], "name")
        out[f"{role}_countries"] = _joined(e[role], "country")
    out.update(trigger_start=e["trigger"]["start"], trigger_end=e["trigger"]["end"],
               trigger_text=e["trigger"]["text"], sentence_start=e["sentence"]["start"],
               sentence_end=e["sentence"]["end"], group_key=e["group_key"])
    return out


def batched(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """itertools.batched, which Python 3.11 lacks."""
    items = iter(items)
    while batch := list(itertools.islice(items, size)):
        yield batch


def rows(connect: Callable[[], Iterator[Any]], kind: str, f: Filters, limit: int | None) -> Iterator[dict[str, Any]]:
    """Flat rows of every matching quote or event mention from `f.offset` on (up to `limit`)."""
    for conn in connect():
        flat = flat_event if kind == "events" else flat_quote
        yield from (flat(r) for r in itertools.islice(queries.iter_rows(conn, kind, f), limit))


def _cell(value: Any) -> Any:
    """A CSV cell: scalars as they are, anything nested as JSON (never a Python repr)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list, tuple)) else value


def _csv(items: Iterator[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for batch in batched(items, 500):
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in batch)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def _json_array(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for i, row in enumerate(items):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


def _parquet(items: Iterator[dict[str, Any]], schema: pa.Schema | None) -> bytes:
    sink = io.BytesIO()
    batches = batched(items, PARQUET_BATCH)
    first = next(batches, [])
    schema = schema or pa.Table.from_pylist(first).schema
    with pq.ParquetWriter(sink, schema) as writer:  # Parquet's footer comes last: built whole, in row groups
        for batch in itertools.chain([first], batches):
            writer.write_table(pa.Table.from_pylist(list(batch), schema=schema))
    return sink.getvalue()


COLUMNS = {"quotes": QUOTE_COLUMNS, "events": EVENT_COLUMNS}
FLAT = {"quotes": flat_quote, "events": flat_event}


def serialise(items: Iterator[dict[str, Any]], fmt: str, kind: str | None = None) -> Iterator[str | bytes]:
    """Flat rows in an export format; `kind` (quotes, events) fixes the columns, else the first row does."""
    columns = COLUMNS.get(kind or "")
    if columns is None:
        rows = list(items)
        items = iter(rows)
        columns = {key: None for key in (rows[0] if rows else {})}
    if fmt == "csv":
        yield from _csv(items, list(columns))
    elif fmt == "json":
        yield from _json_array(items)
    elif fmt == "jsonl":
        yield from (json.dumps(r, ensure_ascii=False) + "\n" for r in items)
    else:
        yield _parquet(items, pa.schema(list(columns.items())) if kind in COLUMNS else None)


def export(items: Iterator[dict[str, Any]], kind: str, fmt: str) -> Response:
    """An HTTP download: text formats stream row by row, Parquet is sent whole."""
    headers = {"Content-Disposition": f'attachment; filename="{kind}.{fmt}"'}
    if fmt == "parquet":
        return Response(next(serialise(items, fmt, kind)), media_type=FORMATS[fmt], headers=headers)
    return StreamingResponse(serialise(items, fmt, kind), media_type=FORMATS[fmt], headers=headers)
