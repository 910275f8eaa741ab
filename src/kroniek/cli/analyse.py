"""Analysing documents: `extract` (records out) and `ingest` (records into a store)."""
from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from .. import batch
from ..batch import BatchResult
from ..ingest.readers import Item, read_inputs
from ..model import MAX_SECONDS, Doc, Failure, Options
from ..pipeline import Pipeline
from ..store import DEFAULT_DB, Store
from ..store.periods import date_label
from .common import DbOpt, app, err, party

LangOpt = Annotated[str | None, typer.Option("--lang", metavar="LANG", help="Force the language (nl, en) instead of detecting it.")]
ModelOpt = Annotated[str | None, typer.Option("--spacy-model", metavar="NAME", help="An installed spaCy pipeline to use instead of the shipped one.")]
WorkersOpt = Annotated[int, typer.Option("--workers", min=1, metavar="N", help="Local worker processes (one input file per task).")]
DaskOpt = Annotated[str | None, typer.Option("--dask", metavar="ADDRESS", help="Address of a Dask distributed scheduler.")]
InputsArg = Annotated[list[str], typer.Argument(metavar="INPUT...", help="Files, folders, or - for JSON Lines on stdin.")]
TaggerOpt = Annotated[bool, typer.Option("--tagger", help="Also run the statistical name tagger on names the KB lacks (slower).")]
MaxSecondsOpt = Annotated[float, typer.Option("--max-seconds", min=0, metavar="SECONDS", help="Per-document analysis budget; over it the document fails by name (0: no limit).")]


class Summary:
    """Counts for the end-of-batch line: documents, records, errors, articles/s."""

    def __init__(self) -> None:
        self.docs = self.errors = self.warnings = 0
        self.kinds = dict.fromkeys(("names", "dates", "quotes", "events"), 0)
        self.started = time.perf_counter()

    def add(self, result: Doc | Failure) -> None:
        if isinstance(result, Failure):
            self.errors += 1
            err.print(f"[red]error[/red] {result.reason}", highlight=False, markup=True)
            return
        self.docs += 1
        for kind, found in zip(self.kinds, (result.entities, result.timexes, result.quotes, result.events)):
            self.kinds[kind] += len(found)
        for warning in [*result.article.warnings, *result.warnings]:
            self.warnings += 1
            err.print(f"[yellow]warning[/yellow] {result.article.id}: {warning}", highlight=False)

    def print(self, extra: str = "") -> None:
        seconds = time.perf_counter() - self.started
        rate = self.docs / seconds if seconds else 0.0
        found = ", ".join(f"{n} {kind}" for kind, n in self.kinds.items())
        err.print(f"{self.docs} documents analysed ({found}), {self.errors} errors, "
                  f"{self.warnings} warnings, {rate:.1f} articles/s{extra}", highlight=False)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)


def _run(items: Iterator[Item], pipeline: Pipeline, summary: Summary, write: Any = None,
         store: Store | None = None, batch_size: int = 50) -> BatchResult:
    """The library's batch loop with a progress bar and the summary's messages."""
    with _progress() as progress:
        task = progress.add_task("analysing", total=None)

        def done(result: Doc | Failure) -> None:
            summary.add(result)
            progress.advance(task)

        def skipped(_: Any) -> None:
            progress.advance(task)

        if store is not None:
            return batch.ingest(items, store, pipeline, batch_size=batch_size, on_result=done, on_skip=skipped)
        return batch.run_batch(items, pipeline, write, batch_size=batch_size, on_result=done)


@app.command()
def extract(inputs: InputsArg,
            output: Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help="Write JSON Lines here (default stdout).")] = None,
            as_json: Annotated[bool, typer.Option("--json", help="JSON Lines on a terminal too (the default when piped or with -o).")] = False,
            lang: LangOpt = None, spacy_model: ModelOpt = None, workers: WorkersOpt = 1,
            dask: DaskOpt = None, max_seconds: MaxSecondsOpt = MAX_SECONDS, tagger: TaggerOpt = False) -> None:
    """Analyse documents: one FORMAT.md record per document as JSON Lines, or a readable summary on a terminal."""
    options = Options(lang=lang, spacy_model=spacy_model, max_seconds=max_seconds, tagger=tagger)
    if workers > 1 or dask:
        raise typer.Exit(_distributed(inputs, options, workers, dask, output=output))
    summary = Summary()
    pipeline = Pipeline(options)
    target = output.open("w", encoding="utf-8") if output else sys.stdout
    readable = output is None and not as_json and sys.stdout.isatty()

    def write(records: list[dict]) -> None:
        for record in records:
            if readable:
                describe(record)
            else:
                target.write(json.dumps(record, ensure_ascii=False) + "\n")

    try:
        _run(read_inputs(inputs), pipeline, summary, write, batch_size=1)
    finally:
        if output:
            target.close()
    summary.print()
    raise typer.Exit(summary.exit_code)



def describe(record: dict[str, Any]) -> None:
    """One record as a person reads it: title, date, then who said what and who did what to whom."""
    out = Console()
    out.print(f"[bold]{record.get('title') or record['id']}[/bold]  [dim]{record['id']} · "
              f"{date_label(record.get('published') or record.get('date'))} · {record.get('lang') or '?'}[/dim]",
              highlight=False)
    linked = sorted({e["actor"]["name"] for e in record["entities"] if e.get("actor")})
    out.print(f"  {len(record['entities'])} names ({len(linked)} linked: {', '.join(linked[:8])}"
              f"{', …' if len(linked) > 8 else ''}), {len(record['timexes'])} dates", highlight=False)
    for q in record["quotes"]:
        who = (q.get("speaker") or {}).get("name") or "unknown speaker"
        text = q["text"] if len(q["text"]) <= 110 else q["text"][:107] + "…"
        out.print(f"  [yellow]said[/yellow] {who}: “{text}” [dim]({date_label(q.get('date'))})[/dim]",
                  highlight=False)
    for e in record["events"]:
        out.print(f"  [red]{e['type']}[/red] {party(e.get('source'))} → {party(e.get('target'))} "
                  f"[dim](“{e['trigger']['text']}”, {date_label(e.get('date'))})[/dim]", highlight=False)
    out.print("  [dim]the JSON record: add --json, or -o out.jsonl[/dim]")


def _distributed(inputs: list[str], options: Options, workers: int, dask: str | None,
                 output: Path | None = None, db: Path | None = None) -> int:
    """Many files on many processes or a Dask cluster: Parquet parts, then JSONL or the store."""
    from .. import distributed

    out_dir = (output or db or Path("kroniek")).with_suffix(".parts")
    run = distributed.run_files(inputs, out_dir, options, workers=workers, dask_address=dask)
    if db is not None:
        with Store(db) as store:
            result = distributed.load_parts(out_dir, store)
        err.print(f"stored: {result.added} new, {result.new_versions} new versions, {result.unchanged} unchanged")
    elif output is not None:
        distributed.write_jsonl(out_dir, output)
    err.print(str(run))
    return 1 if getattr(run, "failed", 0) else 0


@app.command()
def ingest(inputs: InputsArg,
           db: DbOpt = Path(DEFAULT_DB), lang: LangOpt = None, spacy_model: ModelOpt = None,
           batch_size: Annotated[int, typer.Option(min=1, metavar="N", help="Documents per transaction.")] = 50,
           workers: WorkersOpt = 1, dask: DaskOpt = None, max_seconds: MaxSecondsOpt = MAX_SECONDS,
           tagger: TaggerOpt = False) -> None:
    """Analyse documents and store them; already stored texts are skipped, changed texts versioned."""
    options = Options(lang=lang, spacy_model=spacy_model, max_seconds=max_seconds, tagger=tagger)
    if workers > 1 or dask:
        raise typer.Exit(_distributed(inputs, options, workers, dask, db=db))
    summary = Summary()
    with Store(db) as store:
        stored = _run(read_inputs(inputs), Pipeline(options), summary, store=store, batch_size=batch_size).stored
    summary.print(f"; stored {stored.added} new, {stored.new_versions} new versions, "
                  f"{stored.unchanged} already stored, in {db}")
    raise typer.Exit(summary.exit_code)

