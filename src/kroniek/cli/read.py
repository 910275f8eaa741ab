"""Reading a store: quotes, events, actors and one actor's timeline, as tables or exports."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .. import lookup, plover
from ..store import DEFAULT_DB
from ..store import queries as Q
from .common import (
    ActorOpt,
    ConfOpt,
    CountryOpt,
    DbOpt,
    FormatOpt,
    FromOpt,
    LimitOpt,
    OffsetOpt,
    OutOpt,
    TextOpt,
    ToOpt,
    actors_app,
    app,
    check_sort,
    emit,
    err,
    filters,
    open_store,
    party,
    resolved,
    sort_opt,
    span,
)


@app.command()
def quotes(actor: ActorOpt = None, country: CountryOpt = None, text: TextOpt = None, date_from: FromOpt = None,
           date_to: ToOpt = None, min_confidence: ConfOpt = None, sort: sort_opt("quotes") = None,
           db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table", output: OutOpt = None,
           limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Quotes in the store, newest first, by speaker, country, text and date range."""
    check_sort("quotes", sort)
    with open_store(db) as store:
        f = resolved(store, filters(actor=actor, country=country, text=text, date_from=date_from,
                                      date_to=date_to, min_confidence=min_confidence, sort=sort, limit=limit,
                                      offset=offset))
        page = Q.list_quotes(store.conn, f)
    emit(page.items, fmt, ["date", "speaker", "text", "confidence", "article"], span(page, "quotes"), output,
          "quotes")




@app.command()
def events(type: Annotated[str | None, typer.Option("--type", metavar="PLOVER", help=f"PLOVER type: {', '.join(plover.TYPES)}.")] = None,
           source: Annotated[str | None, typer.Option("--source", metavar="NAME", help="Source actor: id, any name, role, or ISO3.")] = None,
           target: Annotated[str | None, typer.Option("--target", metavar="NAME", help="Target actor: id, any name, role, or ISO3.")] = None,
           actor: Annotated[str | None, typer.Option("--actor", "-a", metavar="NAME", help="Actor on either side: id, any name, role, or ISO3.")] = None,
           country: CountryOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
           grouped: Annotated[bool, typer.Option("--grouped", help="Count an event told by several articles once.")] = False,
           min_confidence: ConfOpt = None, sort: sort_opt("events") = None, db: DbOpt = Path(DEFAULT_DB),
           fmt: FormatOpt = "table", output: OutOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """PLOVER events in the store, newest first, by type, source, target, either party, country and date range."""
    if type and type.upper() not in plover.TYPES:
        raise typer.BadParameter(f"{type!r} is not a PLOVER type: use one of {', '.join(plover.TYPES)}",
                                 param_hint="--type")
    check_sort("events", sort)
    with open_store(db) as store:
        f = resolved(store, filters(type=type, source=source, target=target, actor=actor, country=country,
                                      date_from=date_from, date_to=date_to, min_confidence=min_confidence,
                                      sort=sort, limit=limit, offset=offset))
        page = Q.grouped_events(store.conn, f) if grouped else Q.list_events(store.conn, f)
    columns = ["date", "source", "type", "target", "location", "trigger", "confidence", "article"]
    emit(page.items, fmt, columns + (["articles"] if grouped else []),
          span(page, "grouped events" if grouped else "events"), output, "events")


@actors_app.callback(invoke_without_command=True)
def actors(ctx: typer.Context, text: TextOpt = None, country: CountryOpt = None, sort: sort_opt("actors") = None,
           db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table", output: OutOpt = None,
           limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Actors in the store with their mention, quote and event counts."""
    if ctx.invoked_subcommand:
        return
    check_sort("actors", sort)
    with open_store(db) as store:
        page = Q.list_actors(store.conn, filters(text=text, country=country, sort=sort, limit=limit, offset=offset))
    emit(page.items, fmt, ["id", "name", "country", "sector", "mentions", "quotes", "events"],
          span(page, "actors"), output)


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
    emit(rows, fmt, columns, name + (f" on {date}" if date else ""))


def _role(role: dict[str, Any]) -> str:
    return f"{role.get('office')} {role.get('country') or ''} {role.get('start') or ''}..{role.get('end') or ''}"


@actors_app.command("import")
def actors_import(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, metavar="FILE", help="YAML, CSV or a PETRARCH/Phoenix actor dictionary.")],
                  out: Annotated[Path | None, typer.Option("--out", metavar="PATH", help="User knowledge base to write (default: the user KB).")] = None) -> None:
    """Import actors into the user knowledge base, which overrides the shipped one."""
    from .. import kb

    count, where = kb.import_file(file, out=out)
    err.print(f"imported {count} actors into {where}")


@actors_app.command("stale")
def actors_stale(days: Annotated[int, typer.Option("--days", help="Older than this many days is stale.")] = 365,
                 today: Annotated[str | None, typer.Option("--today", metavar="DATE", help="Count from this ISO day (default: today).")] = None,
                 fmt: FormatOpt = "table") -> None:
    """KB roles unchecked for over N days that are still open or ended within them (docs/actors.md)."""
    from ..kb import ARCHIGOS_CHECKED, load, stale

    rows, archigos = stale(load(), days, today)
    emit([r.to_json() for r in rows], fmt, ["country", "office", "org", "id", "name", "start", "end", "checked",
                                             "days", "source"], f"{len(rows)} roles unchecked for over {days} days")
    if fmt == "table":
        print(f"{len(rows)} stale roles; {len(archigos)} Archigos-derived roles checked as of the Archigos 4.1 "
              f"data ({ARCHIGOS_CHECKED}), not listed one by one")


@app.command("timeline")
def timeline_cmd(actor: Annotated[str, typer.Argument(metavar="ACTOR", help="Actor: id, any name or alias, surname or role, e.g. Q7747, Poetin, Trump, 'US president'.")],
                 date_from: FromOpt = None, date_to: ToOpt = None, min_confidence: ConfOpt = None,
                 db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table", output: OutOpt = None) -> None:
    """What one actor said and did, in the order the dates begin."""
    with open_store(db) as store:
        try:
            match = lookup.resolve(store.conn, actor, date_to)
        except lookup.Unresolved as unresolved:
            err.print(f"[red]error[/red] {unresolved}", highlight=False)
            raise typer.Exit(1)
        result = Q.timeline(store.conn, actor, filters(date_from=date_from, date_to=date_to,
                                                       min_confidence=min_confidence), match.ids, limit=Q.MAX_LIMIT)
    rows = [{"date": q["date"], "start": q["date_start"], "kind": "said", "what": q["text"],
             "article": q["article_title"] or q["article"]} for q in result["quotes"]]
    rows += [{"date": e["date"], "start": e["date_start"], "kind": e["type"],
              "what": f"{party(e['source'])} → {party(e['target'])} (“{e['trigger']['text']}”)",
              "article": e["article_title"] or e["article"]} for e in result["events"]]
    rows.sort(key=lambda r: (r["start"] is None, r["start"] or ""))
    name = match.actors[0]["name"]
    if not rows:
        err.print(f"{name}: nothing in {store.path}" + (" in these dates" if date_from or date_to else ""))
        raise typer.Exit(1)
    every = result["total_quotes"] + result["total_events"]
    listed = f"{len(rows)} items" + (f" (the earliest; {every:,} in all)" if every > len(rows) else "")
    emit([{k: v for k, v in r.items() if k != "start"} for r in rows], fmt, ["date", "kind", "what", "article"],
          f"{name}: {listed}", output)

