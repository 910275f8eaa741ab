"""Many files on many cores or machines: one input file is one task, one task writes its own parts.

Each task analyses one file and writes its records as Parquet rows, partitioned by month
(`out_dir/month=YYYY-MM/part-<hash of the input path>.parquet`, `month=undated` without a date),
then a done marker (`out_dir/_done/<hash>.json`). A task owns its file names, so workers never
write the same file and need no coordination; a rerun skips files whose marker matches the
input's size and mtime, so an interrupted archive run resumes where it stopped. A failed task is
retried (Dask's own retries on a cluster, fresh process pools locally, which also survives a
worker killed by the OOM killer). `load_parts` then feeds the parts through `Store.write_records`,
the store's one write path, which also links near-duplicates across everything loaded.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch import run_batch
from .ingest import feeds, html, warc  # noqa: F401  (register the HTML, feed and archive readers)
from .ingest.readers import iter_files, read_inputs
from .model import Failure, Options
from .pipeline import Pipeline
from .store.db import Store, WriteResult

ROWS_PER_GROUP = 500  # records buffered per month before a Parquet row group is written
MAX_BUFFERED = 2000  # records buffered over all months (an archive can hold pages of many months)
DONE = "_done"
_PIPELINES: dict[str, Pipeline] = {}


@dataclass(slots=True)
class FileResult:
    """What one task reports back (small and picklable: the records themselves stay on disk)."""

    path: str
    articles: int
    failures: list[tuple[str, str]]
    parts: list[str]


@dataclass(slots=True)
class RunSummary:
    files: int = 0
    done: int = 0  # files processed in this run
    skipped: int = 0  # files already done by an earlier run
    articles: int = 0  # records written in this run
    failures: list[Failure] = field(default_factory=list)  # documents that could not be read or analysed
    failed_files: dict[str, str] = field(default_factory=dict)  # path -> last error, after all retries

    @property
    def failed(self) -> int:
        """Files that still failed after every retry (a nonzero exit for the CLI)."""
        return len(self.failed_files)

    def __str__(self) -> str:
        lines = [(f"{self.files} files: {self.done} done, {self.skipped} skipped (done before), "
                  f"{self.failed} failed; {self.articles} articles, {len(self.failures)} documents not analysed")]
        lines += [f"  failed: {path}: {error}" for path, error in self.failed_files.items()]
        return "\n".join(lines)


def task_key(path: str | Path) -> str:
    return hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:16]


def _fingerprint(path: Path) -> dict[str, int]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _marker(out_dir: Path, path: Path) -> Path:
    return out_dir / DONE / f"{task_key(path)}.json"


def is_done(out_dir: Path, path: Path, options: Options) -> bool:
    """True when a marker shows this very file (size, mtime) was done with the same options."""
    marker = _marker(out_dir, path)
    if not marker.is_file():
        return False
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))
    except ValueError:
        return False
    expected = {**_fingerprint(path), "options": repr(options)}
    return all(saved.get(k) == v for k, v in expected.items())


def month_of(record: dict[str, Any]) -> str:
    """The partition of a record: its best known month, or 'undated'."""
    date = record.get("published") or record.get("date") or ""
    return date[:7] if len(date) >= 7 else "undated"


def _pipeline(options: Options) -> Pipeline:
    """One pipeline per worker process and options: models load once, not once per file."""
    key = repr(options)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(options)
    return _PIPELINES[key]


class _PartWriter:
    """Buffers rows per month and writes each month's part through a temporary file."""

    def __init__(self, out_dir: Path, key: str) -> None:
        import pyarrow as pa

        self.out_dir, self.key = out_dir, key
        self.schema = pa.schema([(name, pa.string()) for name in
                                 ("id", "date", "published", "month", "lang", "record")])
        self.rows: dict[str, list[dict[str, str | None]]] = defaultdict(list)
        self.writers: dict[str, Any] = {}

    def final(self, month: str) -> Path:
        return self.out_dir / f"month={month}" / f"part-{self.key}.parquet"

    def add(self, record: dict[str, Any]) -> None:
        month = month_of(record)
        self.rows[month].append({"id": record["id"], "date": record.get("date"),
                                 "published": record.get("published"), "month": month,
                                 "lang": record.get("lang"),
                                 "record": json.dumps(record, ensure_ascii=False)})
        if len(self.rows[month]) >= ROWS_PER_GROUP:
            self._flush(month)
        elif sum(map(len, self.rows.values())) >= MAX_BUFFERED:
            for other in list(self.rows):
                self._flush(other)

    def _flush(self, month: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if month not in self.writers:
            tmp = self.final(month).with_suffix(".tmp")
            tmp.parent.mkdir(parents=True, exist_ok=True)
            self.writers[month] = pq.ParquetWriter(tmp, self.schema, compression="zstd")
        self.writers[month].write_table(pa.Table.from_pylist(self.rows.pop(month), schema=self.schema))

    def abort(self) -> None:
        """Drop the temporary files of a failed task, so no half-written part is ever loaded."""
        for month, writer in self.writers.items():
            writer.close()
            self.final(month).with_suffix(".tmp").unlink(missing_ok=True)

    def close(self) -> list[str]:
        """Write what is buffered and move every part into place; return the part paths."""
        for month in list(self.rows):
            self._flush(month)
        parts = []
        for month, writer in self.writers.items():
            writer.close()
            final = self.final(month)
            os.replace(final.with_suffix(".tmp"), final)
            parts.append(str(final))
        return parts


def process_file(path: str, out_dir: str, options: Options) -> FileResult:
    """The task: analyse one input file, write its month parts, then its done marker."""
    file, out = Path(path), Path(out_dir)
    key = task_key(file)
    for stale in out.glob(f"month=*/part-{key}.*"):  # an earlier, changed version of this file
        stale.unlink()
    writer = _PartWriter(out, key)

    def write(records: list[dict]) -> None:
        for record in records:
            writer.add(record)

    try:
        done_batch = run_batch(read_inputs([path]), _pipeline(options), write, batch_size=1)
        failures = [(f.doc_id, f.reason) for f in done_batch.failures]
        articles = done_batch.docs
        result = FileResult(path, articles, failures, writer.close())
    except BaseException:
        writer.abort()
        raise
    marker = _marker(out, file)
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_suffix(".tmp")
    done = {"path": path, **_fingerprint(file), "options": repr(options), "articles": articles,
            "failures": failures, "parts": result.parts}
    tmp.write_text(json.dumps(done, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, marker)
    return result


def _local(paths: list[str], task: Callable[[str], FileResult], workers: int,
           retries: int, errors: dict[str, str]) -> list[FileResult]:
    """Rounds of a fresh process pool (or this process for one worker) until done or out of retries."""
    results: list[FileResult] = []
    pending = list(paths)
    for _ in range(retries + 1):
        if not pending:
            break
        failed: list[str] = []
        if workers <= 1:
            for path in pending:
                try:
                    results.append(task(path))
                except Exception as exc:  # noqa: BLE001 -- retried next round, reported if it never succeeds
                    errors[path] = f"{type(exc).__name__}: {exc}"
                    failed.append(path)
        else:
            ctx = multiprocessing.get_context("spawn")  # no forked copies of threads or model state
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
                futures = {pool.submit(task, path): path for path in pending}
                for future in as_completed(futures):
                    try:
                        results.append(future.result())
                    except Exception as exc:  # noqa: BLE001 -- includes BrokenProcessPool when a worker dies
                        errors[futures[future]] = f"{type(exc).__name__}: {exc}"
                        failed.append(futures[future])
        pending = failed
    return results


def _dask(paths: list[str], out_dir: str, options: Options, address: str, retries: int,
          errors: dict[str, str]) -> list[FileResult]:
    from distributed import Client
    from distributed import as_completed as dask_completed

    results: list[FileResult] = []
    with Client(address) as client:
        futures = {client.submit(process_file, path, out_dir, options, retries=retries, pure=False): path
                   for path in paths}
        for future in dask_completed(futures):
            try:
                results.append(future.result())
            except Exception as exc:  # noqa: BLE001 -- reported after Dask's own retries are spent
                errors[futures[future]] = f"{type(exc).__name__}: {exc}"
    return results


def run_files(inputs: list[str], out_dir: Path, options: Options, workers: int = 1,
              dask_address: str | None = None, retries: int = 2) -> RunSummary:
    """Analyse every file under `inputs` into Parquet parts under `out_dir`, skipping finished files."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    paths: list[str] = []
    for name in inputs:
        if not Path(name).exists():
            summary.failures.append(Failure(name, f"{name}: no such file or directory"))
            continue
        for file in iter_files(Path(name)):
            summary.files += 1
            if is_done(out_dir, file, options):
                summary.skipped += 1
            else:
                paths.append(str(file))
    errors: dict[str, str] = {}
    if dask_address:
        results = _dask(paths, str(out_dir), options, dask_address, retries, errors)
    else:
        task = _Task(str(out_dir), options)
        results = _local(paths, task, workers, retries, errors)
    for result in results:
        errors.pop(result.path, None)
        summary.done += 1
        summary.articles += result.articles
        summary.failures.extend(Failure(doc_id, reason) for doc_id, reason in result.failures)
    summary.failed_files = errors
    return summary


@dataclass(frozen=True, slots=True)
class _Task:
    """process_file with the run's fixed arguments, picklable for a process pool."""

    out_dir: str
    options: Options

    def __call__(self, path: str) -> FileResult:
        return process_file(path, self.out_dir, self.options)


def iter_part_records(out_dir: Path, batch_size: int = ROWS_PER_GROUP):
    """Batches of extraction records from every part under out_dir, in a stable order."""
    import pyarrow.parquet as pq

    for part in sorted(Path(out_dir).glob("month=*/part-*.parquet")):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=batch_size, columns=["record"]):
            yield [json.loads(value) for value in batch.column(0).to_pylist()]


def write_jsonl(out_dir: Path, output: Path) -> int:
    """All records of the parts as FORMAT.md JSON Lines, month by month; returns how many."""
    count = 0
    with Path(output).open("w", encoding="utf-8") as fh:
        for records in iter_part_records(out_dir):
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            count += len(records)
    return count


def load_parts(out_dir: Path, store: Store) -> WriteResult:
    """Load every part into the store through its one write path (which also links near-duplicates)."""
    total = WriteResult()
    for records in iter_part_records(out_dir):
        result = store.write_records(records)
        total.added += result.added
        total.unchanged += result.unchanged
        total.new_versions += result.new_versions
    return total
