"""A store of more than 1,000 articles, built once per session from the Wikinews sample.

The 295 articles are analysed once; their records are written under four id and date
variants (years shifted back by 0, 4, 8 and 12, so leap days stay valid), which gives
1,180 articles, ~7,700 quotes and ~3,800 events: enough for every pager, facet and chart.
"""
from __future__ import annotations

import copy
import glob
import re
from pathlib import Path
from typing import Any

from kroniek import Pipeline, batch
from kroniek.ingest.readers import read_inputs
from kroniek.store.db import Store

WIKINEWS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "wikinews_en"
YEAR = re.compile(r"^(\d{4})")


def analyse(folder: Path = WIKINEWS) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    batch.run_batch(read_inputs(sorted(glob.glob(str(folder / "*.csv")))), Pipeline(), records.extend)
    return records


def _shift(value: Any, years: int) -> Any:
    if isinstance(value, str) and YEAR.match(value):
        return f"{int(value[:4]) - years:04d}{value[4:]}"
    return value


def variant(record: dict[str, Any], k: int) -> dict[str, Any]:
    """Copy k of a record: its own id, every date 4k years earlier, a confidence on some items."""
    rec = copy.deepcopy(record)
    rec["id"] = f"{record['id']}-{k}"
    for key in ("date", "published"):
        rec[key] = _shift(rec.get(key), 4 * k)
    for i, item in enumerate([*rec["quotes"], *rec["events"]]):
        item["date"] = _shift(item.get("date"), 4 * k)
        item["confidence"] = None if i % 3 == 0 else round(((i * 7 + k) % 10) / 10 + 0.05, 2)
    return rec


def build(db: Path, records: list[dict[str, Any]], copies: int) -> int:
    """Write `copies` variants of every record; the number of articles written."""
    with Store(db) as store:
        for k in range(copies):
            store.write_records(variant(r, k) for r in records)
    return len(records) * copies
