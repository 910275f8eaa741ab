"""What the commands share: the app, options, opening a store, resolving names, printing rows."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .. import lookup
from ..store import Filters, Store
from ..store import queries as Q
from ..store.periods import date_label

HELP = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(help="kroniek: who said or did what to whom, when and where — from dated news.",
                  no_args_is_help=True, add_completion=False, context_settings=HELP)
actors_app = typer.Typer(help="Actors: list those in the store, explain a name, import a dictionary.",
                         context_settings=HELP)
app.add_typer(actors_app, name="actors")
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", metavar="PATH", help="SQLite database file.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT",
                                        help="table, csv, json (an array), jsonl (JSON Lines) or parquet (needs -o).")]
OutOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="PATH", help="Write the rows to this file.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", "-a", metavar="NAME", help="Actor: id, any name or alias, surname, or a role such as 'US president'.")]
CountryOpt = Annotated[str | None, typer.Option("--country", "-c", metavar="ISO3", help="ISO 3166-1 alpha-3.")]


def _date(value: str | None) -> str | None:
    """A date filter as the web takes it: a typo must not list nothing, or everything, in silence."""
    if value is not None and not re.match(Q.DATE, value):
        raise typer.BadParameter(f"{value!r} is no date: YYYY, YYYY-MM or YYYY-MM-DD")
    return value or None


FromOpt = Annotated[str | None, typer.Option("--from", metavar="DATE", callback=_date,
                                             help="Earliest date, YYYY[-MM[-DD]].")]
ToOpt = Annotated[str | None, typer.Option("--to", metavar="DATE", callback=_date, help="Latest date, YYYY[-MM[-DD]].")]
TextOpt = Annotated[str | None, typer.Option("--text", "-t", metavar="WORDS", help="Full-text search.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, max=Q.MAX_LIMIT, metavar="N", help="Rows to show.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, max=Q.MAX_OFFSET, metavar="N", help="Rows to skip.")]
ConfOpt = Annotated[float | None, typer.Option("--min-confidence", min=0.0, max=1.0, metavar="X", help="Hide items below this confidence (items without one are shown).")]


def party(value: Any) -> str:
    parties = value if isinstance(value, list) else [value] if value else []
    return " + ".join(p.get("name") or "?" for p in parties) or "—"



def open_store(db: Path) -> Store:
    """A read command's store; a missing file is an error, never a new empty store."""
    if not db.is_file():
        err.print(f"[red]error[/red] no store at {db}: create one with `kroniek ingest INPUT... --db {db}`",
                  highlight=False)
        raise typer.Exit(2)
    return Store(db, readonly=True)


def resolved(store: Store, f: Filters) -> Filters:
    """Names in the filters as actor ids; a name matching none or several stops with the reason."""
    try:
        return lookup.resolve_filters(store.conn, f)
    except lookup.Unresolved as unresolved:
        err.print(f"[red]error[/red] {unresolved}", highlight=False)
        raise typer.Exit(1)


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str, output: Path | None = None,
          kind: str | None = None) -> None:
    """Rows as a table, or as an export: CSV with flat columns, a JSON array, JSON Lines, Parquet."""
    if fmt == "table":
        table = Table(title=title, show_lines=False, title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            shown = cells(row)
            table.add_row(*(str(shown.get(c) if shown.get(c) is not None else "") for c in columns))
        Console().print(table)
        return
    from ..web import exports

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


def cells(row: dict[str, Any]) -> dict[str, Any]:
    """A record as table cells: dates as the text gave them, parties by name, articles by title."""
    out = dict(row)
    for key in ("speaker", "source", "target"):
        if isinstance(row.get(key), (dict, list)):
            out[key] = party(row[key])
    if "date" in row:
        out["date"] = date_label(row["date"])
    if isinstance(row.get("trigger"), dict):
        out["trigger"] = row["trigger"]["text"]
    if row.get("article_title"):
        out["article"] = row["article_title"]
    if row.get("confidence") is not None:
        out["confidence"] = f"{row['confidence']:.2f}"
    return out


def filters(**kwargs: Any) -> Filters:
    return Filters(**{k: v for k, v in kwargs.items() if v is not None})


def span(page: Q.Page, noun: str) -> str:
    """"1–50 of 329 events": what is shown and how many there are."""
    if not page.total:
        return f"no {noun}"
    return f"{page.offset + 1:,}–{min(page.offset + page.limit, page.total):,} of {page.total:,} {noun}"



def sort_opt(kind: str) -> Any:
    return Annotated[str | None, typer.Option("--sort", metavar="COLUMN", help=(
        f"{', '.join(Q.SORTS[kind])}; a leading - sorts descending (default -{next(iter(Q.SORTS[kind]))}, newest first)."))]


def check_sort(kind: str, sort: str | None) -> None:
    try:
        Q.order_by(kind, sort)
    except ValueError as wrong:
        raise typer.BadParameter(str(wrong), param_hint="--sort")

