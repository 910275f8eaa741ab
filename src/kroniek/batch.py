"""One batch loop for every front end: the CLI, the web's paste box, cluster tasks and `eval`.

Read items go through the pipeline one by one; every result is handed to the caller as it
comes (for progress and messages), records are written in batches, and a document that
cannot be read or analysed is collected as a `Failure`, never raised: the batch goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .model import Article, Doc, Failure
from .pipeline import Pipeline
from .store.db import Store, WriteResult

Write = Callable[[list[dict]], None]
OnResult = Callable[[Doc | Failure], None]


@dataclass(slots=True)
class BatchResult:
    """What one batch did: documents analysed, skipped as already stored, failed, and stored."""

    docs: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    stored: WriteResult = field(default_factory=WriteResult)


def run_batch(items: Iterable[Article | Failure], pipeline: Pipeline, write: Write, *, batch_size: int = 50,
              skip: Callable[[Article], bool] | None = None, on_result: OnResult | None = None,
              on_skip: Callable[[Article], None] | None = None) -> BatchResult:
    """Analyse every item and write the records `batch_size` at a time; `skip` passes over
    articles the caller already has (a rerun of an ingest)."""
    result, buffer = BatchResult(), []
    for item in items:
        if skip is not None and isinstance(item, Article) and skip(item):
            result.skipped += 1
            if on_skip:
                on_skip(item)
            continue
        for done in pipeline.run_many([item]):
            if on_result:
                on_result(done)
            if isinstance(done, Failure):
                result.failures.append(done)
                continue
            result.docs += 1
            buffer.append(done.record())
            if len(buffer) >= batch_size:
                write(buffer)
                buffer = []
    if buffer:
        write(buffer)
    return result


def ingest(items: Iterable[Article | Failure], store: Store, pipeline: Pipeline, *, batch_size: int = 50,
           skip_stored: bool = True, on_result: OnResult | None = None,
           on_skip: Callable[[Article], None] | None = None) -> BatchResult:
    """Analyse and store: each batch is one transaction, so a killed run loses only its open batch."""
    stored = WriteResult()

    def write(records: list[dict]) -> None:
        written = store.write_records(records)
        for key in ("added", "unchanged", "new_versions"):
            setattr(stored, key, getattr(stored, key) + getattr(written, key))

    skip = (lambda a: store.has(a.id, a.text)) if skip_stored else None
    result = run_batch(items, pipeline, write, batch_size=batch_size, skip=skip, on_result=on_result,
                       on_skip=on_skip)
    stored.unchanged += result.skipped
    result.stored = stored
    return result
