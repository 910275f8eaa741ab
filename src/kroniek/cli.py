"""The `kroniek` command: thin typer commands over the library.

Exit status: 0 when every document was analysed, 1 when any document failed
(each failure is printed naming its file, line or id), 2 on a usage error.
"""
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
from rich.table import Table

from . import __version__, batch, lookup
from .batch import BatchResult
from .ingest.readers import Item, read_inputs
from .model import MAX_SECONDS, Doc, Failure, Options
from .pipeline import Pipeline
from .store import DEFAULT_DB, Filters, Store
from .store import queries as Q
from .store.periods import date_label

HELP = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(help="kroniek: who said or did what to whom, when and where — from dated news.",
                  no_args_is_help=True, add_completion=False, context_settings=HELP)
actors_app = typer.Typer(help="Actors: list those in the store, explain a name, import a dictionary.",
                         context_settings=HELP)
app.add_typer(actors_app, name="actors")
err = Console(stderr=True)



def _plain_help() -> None:
    """typer 0.29 labels every parameter in help with its Python type (`<list[str]>`, `<bool>`);
    show the metavar a person reads instead (flags and arguments need none)."""
    typer.core.TyperArgument.display_type_rich = lambda self, ctx: None
    typer.core.TyperOption.display_type_rich = (
        lambda self, ctx: None if self.is_flag else self.metavar or self.name.upper())


_plain_help()


def _version(show: bool) -> None:
    if show:
        print(f"kroniek {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                                       help="Print the version and exit.")] = False) -> None:
    """kroniek: who said or did what to whom, when and where — from dated news."""


DbOpt = Annotated[Path, typer.Option("--db", metavar="PATH", help="SQLite database file.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT",
                                        help="table, csv, json (an array), jsonl (JSON Lines) or parquet (needs -o).")]
OutOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help="Write the rows to this file.")]
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
                _describe(record)
            else:
                target.write(json.dumps(record, ensure_ascii=False) + "\n")

    try:
        _run(read_inputs(inputs), pipeline, summary, write, batch_size=1)
    finally:
        if output:
            target.close()
    summary.print()
    raise typer.Exit(summary.exit_code)


def _party(party: Any) -> str:
    parties = party if isinstance(party, list) else [party] if party else []
    return " + ".join(p.get("name") or "?" for p in parties) or "—"


def _describe(record: dict[str, Any]) -> None:
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
        out.print(f"  [red]{e['type']}[/red] {_party(e.get('source'))} → {_party(e.get('target'))} "
                  f"[dim](“{e['trigger']['text']}”, {date_label(e.get('date'))})[/dim]", highlight=False)
    out.print("  [dim]the JSON record: add --json, or -o out.jsonl[/dim]")


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


def _open_store(db: Path) -> Store:
    """A read command's store; a missing file is an error, never a new empty store."""
    if not db.is_file():
        err.print(f"[red]error[/red] no store at {db}: create one with `kroniek ingest INPUT... --db {db}`",
                  highlight=False)
        raise typer.Exit(2)
    return Store(db, readonly=True)


def _resolved(store: Store, f: Filters) -> Filters:
    """Names in the filters as actor ids; a name matching none or several stops with the reason."""
    try:
        return lookup.resolve_filters(store.conn, f)
    except lookup.Unresolved as unresolved:
        err.print(f"[red]error[/red] {unresolved}", highlight=False)
        raise typer.Exit(1)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str, output: Path | None = None,
          kind: str | None = None) -> None:
    """Rows as a table, or as an export: CSV with flat columns, a JSON array, JSON Lines, Parquet."""
    if fmt == "table":
        table = Table(title=title, show_lines=False, title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            cells = _cells(row)
            table.add_row(*(str(cells.get(c) if cells.get(c) is not None else "") for c in columns))
        Console().print(table)
        return
    from .web import exports

    if fmt not in exports.FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}: use table, csv, json, jsonl or parquet",
                                 param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet is binary: give a file with -o", param_hint="--format")
    items = [exports.FLAT[kind](r) for r in rows] if kind else rows
    chunks = exports.serialise(iter(items), fmt, kind)
    if output is not None:
        with output.open("wb") as sink:
            for chunk in chunks:
                sink.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
        err.print(f"{len(rows)} rows written to {output}")
        return
    for chunk in chunks:
        sys.stdout.write(chunk)


def _cells(row: dict[str, Any]) -> dict[str, Any]:
    """A record as table cells: dates as the text gave them, parties by name, articles by title."""
    out = dict(row)
    for key in ("speaker", "source", "target"):
        if isinstance(row.get(key), (dict, list)):
            out[key] = _party(row[key])
    if "date" in row:
        out["date"] = date_label(row["date"])
    if isinstance(row.get("trigger"), dict):
        out["trigger"] = row["trigger"]["text"]
    if row.get("article_title"):
        out["article"] = row["article_title"]
    if row.get("confidence") is not None:
        out["confidence"] = f"{row['confidence']:.2f}"
    return out


def _filters(**kwargs: Any) -> Filters:
    return Filters(**{k: v for k, v in kwargs.items() if v is not None})


def _range(page: Q.Page, noun: str) -> str:
    """"1–50 of 329 events": what is shown and how many there are."""
    if not page.total:
        return f"no {noun}"
    return f"{page.offset + 1:,}–{min(page.offset + page.limit, page.total):,} of {page.total:,} {noun}"


ActorOpt = Annotated[str | None, typer.Option("--actor", "-a", metavar="NAME", help="Actor: id, any name or alias, surname, or a role such as 'US president'.")]
CountryOpt = Annotated[str | None, typer.Option("--country", "-c", metavar="ISO3", help="ISO 3166-1 alpha-3.")]
FromOpt = Annotated[str | None, typer.Option("--from", metavar="DATE", help="Earliest date, YYYY[-MM[-DD]].")]
ToOpt = Annotated[str | None, typer.Option("--to", metavar="DATE", help="Latest date, YYYY[-MM[-DD]].")]
TextOpt = Annotated[str | None, typer.Option("--text", "-t", metavar="WORDS", help="Full-text search.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, max=Q.MAX_LIMIT, metavar="N", help="Rows to show.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, max=Q.MAX_OFFSET, metavar="N", help="Rows to skip.")]
ConfOpt = Annotated[float | None, typer.Option("--min-confidence", min=0.0, max=1.0, metavar="X", help="Hide items below this confidence (items without one are shown).")]


def _sort_opt(kind: str) -> Any:
    return Annotated[str | None, typer.Option("--sort", metavar="COLUMN", help=(
        f"{', '.join(Q.SORTS[kind])}; a leading - sorts descending (default -{next(iter(Q.SORTS[kind]))}, newest first)."))]


def _check_sort(kind: str, sort: str | None) -> None:
    try:
        Q.order_by(kind, sort)
    except ValueError as wrong:
        raise typer.BadParameter(str(wrong), param_hint="--sort")


@app.command()
def quotes(actor: ActorOpt = None, country: CountryOpt = None, text: TextOpt = None, date_from: FromOpt = None,
           date_to: ToOpt = None, min_confidence: ConfOpt = None, sort: _sort_opt("quotes") = None,
           db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table", output: OutOpt = None,
           limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Quotes in the store, newest first, by speaker, country, text and date range."""
    _check_sort("quotes", sort)
    with _open_store(db) as store:
        f = _resolved(store, _filters(actor=actor, country=country, text=text, date_from=date_from,
                                      date_to=date_to, min_confidence=min_confidence, sort=sort, limit=limit,
                                      offset=offset))
        page = Q.list_quotes(store.conn, f)
    _emit(page.items, fmt, ["date", "speaker", "text", "confidence", "article"], _range(page, "quotes"), output,
          "quotes")


PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@app.command()
def events(type: Annotated[str | None, typer.Option("--type", metavar="PLOVER", help=f"PLOVER type: {', '.join(PLOVER_TYPES)}.")] = None,
           source: Annotated[str | None, typer.Option("--source", metavar="NAME", help="Source actor: id, any name, role, or ISO3.")] = None,
           target: Annotated[str | None, typer.Option("--target", metavar="NAME", help="Target actor: id, any name, role, or ISO3.")] = None,
           country: CountryOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
           grouped: Annotated[bool, typer.Option("--grouped", help="Count an event told by several articles once.")] = False,
           min_confidence: ConfOpt = None, sort: _sort_opt("events") = None, db: DbOpt = Path(DEFAULT_DB),
           fmt: FormatOpt = "table", output: OutOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """PLOVER events in the store, newest first, by type, source, target, country and date range."""
    if type and type.upper() not in PLOVER_TYPES:
        raise typer.BadParameter(f"{type!r} is not a PLOVER type: use one of {', '.join(PLOVER_TYPES)}",
                                 param_hint="--type")
    _check_sort("events", sort)
    with _open_store(db) as store:
        f = _resolved(store, _filters(type=type, source=source, target=target, country=country,
                                      date_from=date_from, date_to=date_to, min_confidence=min_confidence,
                                      sort=sort, limit=limit, offset=offset))
        page = Q.grouped_events(store.conn, f) if grouped else Q.list_events(store.conn, f)
    columns = ["date", "source", "type", "target", "location", "trigger", "confidence", "article"]
    _emit(page.items, fmt, columns + (["articles"] if grouped else []),
          _range(page, "grouped events" if grouped else "events"), output, "events")


@actors_app.callback(invoke_without_command=True)
def actors(ctx: typer.Context, text: TextOpt = None, country: CountryOpt = None, sort: _sort_opt("actors") = None,
           db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table", output: OutOpt = None,
           limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Actors in the store with their mention, quote and event counts."""
    if ctx.invoked_subcommand:
        return
    _check_sort("actors", sort)
    with _open_store(db) as store:
        page = Q.list_actors(store.conn, _filters(text=text, country=country, sort=sort, limit=limit, offset=offset))
    _emit(page.items, fmt, ["id", "name", "country", "sector", "mentions", "quotes", "events"],
          _range(page, "actors"), output)


@actors_app.command("show")
def actors_show(name: Annotated[str, typer.Argument(metavar="NAME", help="A name, alias or role, e.g. 'de Russische president' or 'US president'.")],
                date: Annotated[str | None, typer.Option("--date", metavar="DATE", help="Resolve roles as of this date (default today).")] = None,
                fmt: FormatOpt = "table") -> None:
    """Explain whom a name or role description resolves to (on a date)."""
    rows = lookup.explain(name, date)
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
def actors_import(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, metavar="FILE", help="YAML, CSV or a PETRARCH/Phoenix actor dictionary.")],
                  out: Annotated[Path | None, typer.Option("--out", metavar="PATH", help="User knowledge base to write (default: the user KB).")] = None) -> None:
    """Import actors into the user knowledge base, which overrides the shipped one."""
    from . import kb

    count, where = kb.import_file(file, out=out)
    err.print(f"imported {count} actors into {where}")


@actors_app.command("stale")
def actors_stale(days: Annotated[int, typer.Option("--days", help="Older than this many days is stale.")] = 365,
                 today: Annotated[str | None, typer.Option("--today", metavar="DATE", help="Count from this ISO day (default: today).")] = None,
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
def timeline_cmd(actor: Annotated[str, typer.Argument(metavar="ACTOR", help="Actor: id, any name or alias, surname or role, e.g. Q7747, Poetin, Trump, 'US president'.")],
                 date_from: FromOpt = None, date_to: ToOpt = None, min_confidence: ConfOpt = None,
                 db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table", output: OutOpt = None) -> None:
    """What one actor said and did, in the order the dates begin."""
    with _open_store(db) as store:
        try:
            match = lookup.resolve(store.conn, actor, date_to)
        except lookup.Unresolved as unresolved:
            err.print(f"[red]error[/red] {unresolved}", highlight=False)
            raise typer.Exit(1)
        result = Q.timeline(store.conn, actor, _filters(date_from=date_from, date_to=date_to,
                                                        min_confidence=min_confidence), match.ids)
    rows = [{"date": q["date"], "start": q["date_start"], "kind": "said", "what": q["text"],
             "article": q["article_title"] or q["article"]} for q in result["quotes"]]
    rows += [{"date": e["date"], "start": e["date_start"], "kind": e["type"],
              "what": f"{_party(e['source'])} → {_party(e['target'])} (“{e['trigger']['text']}”)",
              "article": e["article_title"] or e["article"]} for e in result["events"]]
    rows.sort(key=lambda r: (r["start"] is None, r["start"] or ""))
    name = match.actors[0]["name"]
    if not rows:
        err.print(f"{name}: nothing in {store.path}" + (" in these dates" if date_from or date_to else ""))
        raise typer.Exit(1)
    _emit([{k: v for k, v in r.items() if k != "start"} for r in rows], fmt, ["date", "kind", "what", "article"],
          f"{name}: {len(rows)} items", output)


@app.command("eval")
def eval_cmd(gold: Annotated[list[Path], typer.Argument(metavar="GOLD...", help="Gold files (*.gold.json) or folders of them; with --docs, other paths here are inputs too.")],
             docs: Annotated[list[str] | None, typer.Option("--docs", metavar="INPUT", help="Inputs to analyse and score (repeatable).")] = None,
             pred: Annotated[Path | None, typer.Option("--pred", metavar="PATH", help="Extraction records (JSON Lines) to score.")] = None,
             as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
             details: Annotated[bool, typer.Option("--details", help="List every miss and false hit.")] = False,
             baseline: Annotated[Path | None, typer.Option("--baseline", metavar="PATH", help="Fail when a metric drops under its floor in this file.")] = None) -> None:
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
          host: Annotated[str, typer.Option(metavar="HOST", help="Interface to bind; anything but loopback needs --token.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(metavar="PORT", help="TCP port.")] = 8000,
          token: Annotated[str | None, typer.Option(metavar="TOKEN", help="Token that write endpoints require.", envvar="KRONIEK_TOKEN")] = None) -> None:
    """Serve the API (/api, /docs) and the web pages over a store."""
    from .web.app import serve as run

    try:
        run(db, host=host, port=port, token=token)
    except ValueError as refused:
        err.print(f"[red]error[/red] {refused}", highlight=False)
        raise typer.Exit(2)


def main() -> None:
    app()
