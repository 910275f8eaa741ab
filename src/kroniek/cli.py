"""The `kroniek` command: thin typer commands over the library.

Exit status: 0 when every document was analysed, 1 when any document failed
(each failure is printed naming its file, line or id), 2 on a usage error.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import batch
from .batch import BatchResult
from .ingest.readers import Item, read_inputs
from .model import MAX_SECONDS, Doc, Failure, Options
from .pipeline import Pipeline
from .store import DEFAULT_DB, Filters, Store
from .store import queries as Q

app = typer.Typer(help="kroniek: who said or did what to whom, when and where — from dated news.",
                  no_args_is_help=True, add_completion=False)
actors_app = typer.Typer(help="Actors: list those in the store, explain a name, import a dictionary.")
app.add_typer(actors_app, name="actors")
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Force the language (nl, en) instead of detecting it.")]
ModelOpt = Annotated[Optional[str], typer.Option("--spacy-model", help="An installed spaCy pipeline to use instead of the shipped one.")]
WorkersOpt = Annotated[int, typer.Option("--workers", min=1, help="Local worker processes (one input file per task).")]
DaskOpt = Annotated[Optional[str], typer.Option("--dask", help="Address of a Dask distributed scheduler.")]
MaxSecondsOpt = Annotated[float, typer.Option("--max-seconds", min=0, help="Per-document analysis budget; over it the document fails by name (0: no limit).")]


class Summary:
    """Counts for the end-of-batch line: documents, records, errors, articles/s."""

    def __init__(self) -> None:
        self.docs = self.records = self.errors = self.warnings = 0
        self.started = time.perf_counter()

    def add(self, result: Doc | Failure) -> None:
        if isinstance(result, Failure):
            self.errors += 1
            err.print(f"[red]error[/red] {result.reason}", highlight=False, markup=True)
            return
        self.docs += 1
        self.records += len(result.entities) + len(result.timexes) + len(result.quotes) + len(result.events)
        for warning in [*result.article.warnings, *result.warnings]:
            self.warnings += 1
            err.print(f"[yellow]warning[/yellow] {result.article.id}: {warning}", highlight=False)

    def print(self, extra: str = "") -> None:
        seconds = time.perf_counter() - self.started
        rate = self.docs / seconds if seconds else 0.0
        err.print(f"{self.docs} documents, {self.records} records, {self.errors} errors, "
                  f"{self.warnings} warnings, {rate:.1f} articles/s{extra}")

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
def extract(inputs: Annotated[list[str], typer.Argument(help="Files, folders, or - for JSON Lines on stdin.")],
            output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write JSON Lines here (default stdout).")] = None,
            lang: LangOpt = None, spacy_model: ModelOpt = None, workers: WorkersOpt = 1,
            dask: DaskOpt = None, max_seconds: MaxSecondsOpt = MAX_SECONDS) -> None:
    """Analyse documents and write one FORMAT.md record per document as JSON Lines."""
    options = Options(lang=lang, spacy_model=spacy_model, max_seconds=max_seconds)
    if workers > 1 or dask:
        raise typer.Exit(_distributed(inputs, options, workers, dask, output=output))
    summary = Summary()
    pipeline = Pipeline(options)
    target = output.open("w", encoding="utf-8") if output else sys.stdout

    def write(records: list[dict]) -> None:
        for record in records:
            target.write(json.dumps(record, ensure_ascii=False) + "\n")

    try:
        _run(read_inputs(inputs), pipeline, summary, write, batch_size=1)
    finally:
        if output:
            target.close()
    summary.print()
    raise typer.Exit(summary.exit_code)


def _distributed(inputs: list[str], options: Options, workers: int, dask: str | None,
                 output: Path | None = None, db: Path | None = None) -> int:
    """Many files on many processes or a Dask cluster: Parquet parts, then JSONL or the store."""
    from . import distributed

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
def ingest(inputs: Annotated[list[str], typer.Argument(help="Files, folders, or - for JSON Lines on stdin.")],
           db: DbOpt = Path(DEFAULT_DB), lang: LangOpt = None, spacy_model: ModelOpt = None,
           batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction.")] = 50,
           workers: WorkersOpt = 1, dask: DaskOpt = None, max_seconds: MaxSecondsOpt = MAX_SECONDS) -> None:
    """Analyse documents and store them; already stored texts are skipped, changed texts versioned."""
    options = Options(lang=lang, spacy_model=spacy_model, max_seconds=max_seconds)
    if workers > 1 or dask:
        raise typer.Exit(_distributed(inputs, options, workers, dask, db=db))
    summary = Summary()
    with Store(db) as store:
        stored = _run(read_inputs(inputs), Pipeline(options), summary, store=store, batch_size=batch_size).stored
    summary.print(f"; stored {stored.added} new, {stored.new_versions} new versions, "
                  f"{stored.unchanged} already stored, in {db}")
    raise typer.Exit(summary.exit_code)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str) -> None:
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(_flat(r) for r in rows)
        sys.stdout.write(buffer.getvalue())
    elif fmt == "table":
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            flat = _flat(row)
            table.add_row(*(str(flat.get(c) if flat.get(c) is not None else "") for c in columns))
        Console().print(table)
    else:
        raise typer.BadParameter(f"unknown format {fmt!r}: use table, json or csv")


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Nested actors as 'name (COUNTRY)' so a table or CSV cell reads well."""
    out = {}
    for key, value in row.items():
        if isinstance(value, dict) and "name" in value:
            value = f"{value['name']} ({value.get('country') or '?'})"
        elif isinstance(value, list) and value and isinstance(value[0], dict) and "name" in value[0]:
            value = "; ".join(f"{v['name']} ({v.get('country') or '?'})" for v in value)
        elif isinstance(value, dict):
            value = value.get("text", json.dumps(value, ensure_ascii=False))
        out[key] = value
    return out


def _filters(**kwargs: Any) -> Filters:
    return Filters(**{k: v for k, v in kwargs.items() if v is not None})


ActorOpt = Annotated[Optional[str], typer.Option("--actor", "-a", help="Actor id or name.")]
CountryOpt = Annotated[Optional[str], typer.Option("--country", "-c", help="ISO 3166-1 alpha-3.")]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="Earliest date, YYYY[-MM[-DD]].")]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Latest date, YYYY[-MM[-DD]].")]
TextOpt = Annotated[Optional[str], typer.Option("--text", "-t", help="Full-text search.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, max=Q.MAX_LIMIT)]


@app.command()
def quotes(actor: ActorOpt = None, country: CountryOpt = None, text: TextOpt = None, date_from: FromOpt = None,
           date_to: ToOpt = None, db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table",
           limit: LimitOpt = 50) -> None:
    """Quotes in the store, by speaker, country, text and date range."""
    with Store(db) as store:
        page = Q.list_quotes(store.conn, _filters(actor=actor, country=country, text=text, date_from=date_from,
                                                  date_to=date_to, limit=limit))
    _emit(page.items, fmt, ["date", "speaker", "direct", "cue", "text", "article"], f"{page.total} quotes")


@app.command()
def events(type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. ACCUSE.")] = None,
           source: Annotated[Optional[str], typer.Option("--source", help="Source actor id, name or ISO3.")] = None,
           target: Annotated[Optional[str], typer.Option("--target", help="Target actor id, name or ISO3.")] = None,
           country: CountryOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
           grouped: Annotated[bool, typer.Option("--grouped", help="Count an event told by several articles once.")] = False,
           db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table", limit: LimitOpt = 50) -> None:
    """PLOVER events in the store, by type, source, target, country and date range."""
    f = _filters(type=type, source=source, target=target, country=country, date_from=date_from,
                 date_to=date_to, limit=limit)
    with Store(db) as store:
        rows = Q.grouped_events(store.conn, f)[:limit] if grouped else Q.list_events(store.conn, f, count_groups=False).items
    columns = ["date", "type", "mode", "source", "target", "location", "trigger", "article"]
    _emit(rows, fmt, columns + (["articles"] if grouped else []), f"{len(rows)} events")


@actors_app.callback(invoke_without_command=True)
def actors(ctx: typer.Context, text: TextOpt = None, country: CountryOpt = None, db: DbOpt = Path(DEFAULT_DB),
           fmt: FormatOpt = "table", limit: LimitOpt = 50) -> None:
    """Actors in the store with their mention, quote and event counts."""
    if ctx.invoked_subcommand:
        return
    with Store(db) as store:
        page = Q.list_actors(store.conn, _filters(text=text, country=country, limit=limit))
    _emit(page.items, fmt, ["id", "name", "country", "sector", "mentions", "quotes", "events"],
          f"{page.total} actors")


@actors_app.command("show")
def actors_show(name: Annotated[str, typer.Argument(help="A name, alias or role, e.g. 'de Russische president'.")],
                date: Annotated[Optional[str], typer.Option("--date", help="Resolve roles as of this date.")] = None,
                fmt: FormatOpt = "table") -> None:
    """Explain whom a name or role description resolves to (on a date)."""
    from .kb import load
    from .stages.actors import explain

    rows = explain(load(), name, date)
    if not rows:
        err.print(f"no actor matches {name!r}" + (f" on {date}" if date else ""))
        raise typer.Exit(1)
    if fmt == "table":
        rows = [{**r, "roles_on_date": "; ".join(_role(x) for x in r.get("roles_on_date") or []),
                 "roles": "; ".join(_role(x) for x in r.get("roles") or [])} for r in rows]
        columns = [c for c in ("id", "name", "type", "country", "gender", "roles_on_date", "roles", "source")
                   if c in rows[0]]
    else:
        columns = list(rows[0].keys())
    _emit(rows, fmt, columns, name + (f" on {date}" if date else ""))


def _role(role: dict[str, Any]) -> str:
    return f"{role.get('office')} {role.get('country') or ''} {role.get('start') or ''}..{role.get('end') or ''}"


@actors_app.command("import")
def actors_import(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="YAML, CSV or a PETRARCH/Phoenix actor dictionary.")],
                  out: Annotated[Optional[Path], typer.Option("--out", help="User knowledge base to write (default: the user KB).")] = None) -> None:
    """Import actors into the user knowledge base, which overrides the shipped one."""
    from . import kb

    count, where = kb.import_file(file, out=out)
    err.print(f"imported {count} actors into {where}")


@actors_app.command("stale")
def actors_stale(days: Annotated[int, typer.Option("--days", help="Older than this many days is stale.")] = 365,
                 today: Annotated[Optional[str], typer.Option("--today", help="Count from this ISO day (default: today).")] = None,
                 fmt: FormatOpt = "table") -> None:
    """KB roles unchecked for over N days that are still open or ended within them (docs/actors.md)."""
    from .kb import ARCHIGOS_CHECKED, load, stale

    rows, archigos = stale(load(), days, today)
    _emit([r.to_json() for r in rows], fmt, ["country", "office", "org", "id", "name", "start", "end", "checked",
                                             "days", "source"], f"{len(rows)} roles unchecked for over {days} days")
    if fmt == "table":
        print(f"{len(rows)} stale roles; {len(archigos)} Archigos-derived roles checked as of the Archigos 4.1 "
              f"data ({ARCHIGOS_CHECKED}), not listed one by one")


@app.command("timeline")
def timeline_cmd(actor: Annotated[str, typer.Argument(help="Actor id or name, e.g. Q7747 or 'Vladimir Putin'.")],
                 date_from: FromOpt = None, date_to: ToOpt = None, db: DbOpt = Path(DEFAULT_DB),
                 fmt: FormatOpt = "table") -> None:
    """What one actor said and did, day by day."""
    with Store(db) as store:
        found = Q.get_actor(store.conn, actor)
        result = Q.timeline(store.conn, found["id"] if found else actor, _filters(date_from=date_from, date_to=date_to))
    rows = sorted([{"date": q["date"], "kind": "said", "what": q["text"], "article": q["article"]}
                   for q in result["quotes"]] +
                  [{"date": e["date"], "kind": e["type"], "what": e["trigger"]["text"], "article": e["article"]}
                   for e in result["events"]], key=lambda r: r["date"] or "")
    _emit(rows, fmt, ["date", "kind", "what", "article"], f"{found['name'] if found else actor}: {len(rows)} items")


@app.command("eval")
def eval_cmd(gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json) or folders of them; with --docs, other paths here are inputs too.")],
             docs: Annotated[Optional[list[str]], typer.Option("--docs", help="Inputs to analyse and score (repeatable).")] = None,
             pred: Annotated[Optional[Path], typer.Option("--pred", help="Extraction records (JSON Lines) to score.")] = None,
             as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
             details: Annotated[bool, typer.Option("--details", help="List every miss and false hit.")] = False,
             baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Fail when a metric drops under its floor in this file.")] = None) -> None:
    """Score extraction records against gold annotations (FORMAT.md §3)."""
    from .eval import check_floors, evaluate

    if bool(docs) == bool(pred):
        raise typer.BadParameter("give exactly one of --docs or --pred")
    gold, extra = _split_gold(gold)
    docs = [*(docs or []), *map(str, extra)] if docs else None
    if extra and not docs:
        raise typer.BadParameter(f"not gold files: {', '.join(map(str, extra))}")
    records: dict[str, dict] = {}
    if pred:
        for line in pred.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                records[rec["id"]] = rec
    else:
        def keep(found: list[dict]) -> None:
            records.update((rec["id"], rec) for rec in found)

        for failure in batch.run_batch(read_inputs(list(docs or [])), Pipeline(), keep).failures:
            err.print(f"[red]error[/red] {failure.reason}")
    try:
        total, per_doc = evaluate(gold, records)
    except (OSError, ValueError, KeyError) as exc:
        err.print(f"[red]error[/red] unreadable gold file: {exc}")
        raise typer.Exit(2)
    metrics = total.metrics()
    if as_json:
        print(json.dumps({"total": metrics, "documents": {k: v.metrics() for k, v in per_doc.items()}}, indent=1))
    else:
        table = Table(title=f"kroniek eval: {len(gold)} gold documents")
        table.add_column("metric")
        table.add_column("score", justify="right")
        for name, value in metrics.items():
            table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
        Console().print(table)
    if details:
        for line in total.details:
            print(line)
    if baseline:
        floors = json.loads(baseline.read_text(encoding="utf-8"))["documents"]
        problems = [f"{doc}: {p}" for doc, s in per_doc.items() if doc in floors
                    for p in check_floors(s.metrics(), floors[doc])]
        for problem in problems:
            err.print(f"[red]below floor[/red] {problem}")
        raise typer.Exit(1 if problems else 0)


def _split_gold(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Gold files (folders give their *.gold.json) and the other paths, which are inputs to score."""
    gold, other = [], []
    for path in paths:
        if path.is_dir():
            gold.extend(sorted(path.rglob("*.gold.json")))
        elif path.name.endswith(".gold.json"):
            gold.append(path)
        else:
            other.append(path)
    return gold, other


@app.command()
def serve(db: DbOpt = Path(DEFAULT_DB),
          host: Annotated[str, typer.Option(help="Interface to bind; anything but loopback needs --token.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
          token: Annotated[Optional[str], typer.Option(help="Token that write endpoints require.", envvar="KRONIEK_TOKEN")] = None) -> None:
    """Serve the API (/api, /docs) and the web pages over a store."""
    from .web.app import serve as run

    run(db, host=host, port=port, token=token)


def main() -> None:
    app()
