"""Quotes and events as flat tables: CSV, JSON Lines and Parquet, one row per record.

Nested parties become `;`-joined columns so a spreadsheet and pandas read them the same way.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.responses import Response

from ..store.queries import MAX_LIMIT, Filters, Page

FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
           "parquet": "application/vnd.apache.parquet"}

QUOTE_COLUMNS = {"article": pa.string(), "start": pa.int64(), "end": pa.int64(), "text": pa.string(),
                 "direct": pa.bool_(), "cue": pa.string(), "speaker_id": pa.string(),
                 "speaker_name": pa.string(), "speaker_country": pa.string(), "speaker_start": pa.int64(),
                 "speaker_end": pa.int64(), "date": pa.string()}
EVENT_COLUMNS = {"id": pa.int64(), "article": pa.string(), "type": pa.string(), "mode": pa.string(),
                 "cameo": pa.string(), "date": pa.string(), "location": pa.string(),
                 "source_ids": pa.string(), "source_names": pa.string(), "source_countries": pa.string(),
                 "target_ids": pa.string(), "target_names": pa.string(), "target_countries": pa.string(),
                 "trigger_start": pa.int64(), "trigger_end": pa.int64(), "trigger_text": pa.string(),
                 "sentence_start": pa.int64(), "sentence_end": pa.int64(), "group_key": pa.string()}


def flat_quote(q: dict[str, Any]) -> dict[str, Any]:
    sp = q.get("speaker") or {}
    return {"article": q["article"], "start": q["start"], "end": q["end"], "text": q["text"],
            "direct": q["direct"], "cue": q["cue"], "speaker_id": sp.get("id"), "speaker_name": sp.get("name"),
            "speaker_country": sp.get("country"), "speaker_start": sp.get("start"),
            "speaker_end": sp.get("end"), "date": q["date"]}


def _joined(party: Any, key: str) -> str | None:
    if not party:
        return None
    parties = party if isinstance(party, list) else [party]
    return ";".join(p.get(key) or "" for p in parties)


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    out = {k: e[k] for k in ("id", "article", "type", "mode", "cameo", "date", "location")}
    for role in ("source", "target"):
        out[f"{role}_ids"] = _joined(e[role], "id")
        out[f"{role}_names"] = _joined(e[role], "name")
        out[f"{role}_countries"] = _joined(e[role], "country")
    out.update(trigger_start=e["trigger"]["start"], trigger_end=e["trigger"]["end"],
               trigger_text=e["trigger"]["text"], sentence_start=e["sentence"]["start"],
               sentence_end=e["sentence"]["end"], group_key=e["group_key"])
    return out


def all_rows(query: Callable[[Filters], Page], f: Filters, limit: int | None) -> list[dict[str, Any]]:
    """Every matching row from `f.offset` on (up to `limit` when given), read page by page."""
    rows: list[dict[str, Any]] = []
    offset = f.offset
    while limit is None or len(rows) < limit:
        f.offset, f.limit = offset, MAX_LIMIT
        page = query(f)
        rows += page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    return rows[:limit] if limit is not None else rows


def export(rows: list[dict[str, Any]], columns: dict[str, pa.DataType], fmt: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        body: bytes = buf.getvalue().encode("utf-8")
    elif fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    else:
        schema = pa.schema(list(columns.items()))
        table = pa.Table.from_pylist(rows, schema=schema)
        sink = io.BytesIO()
        pq.write_table(table, sink)
        body = sink.getvalue()
    return Response(body, media_type=FORMATS[fmt], headers=headers)
