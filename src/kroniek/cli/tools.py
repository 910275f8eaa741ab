"""Tools around the store: scoring against gold annotations, serving the workbench."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .. import batch
from ..ingest.readers import read_inputs
from ..pipeline import Pipeline
from ..store import DEFAULT_DB
from .common import DbOpt, app, err


@app.command("eval")
def eval_cmd(gold: Annotated[list[Path], typer.Argument(metavar="GOLD...", help="Gold files (*.gold.json) or folders of them; with --docs, other paths here are inputs too.")],
             docs: Annotated[list[str] | None, typer.Option("--docs", metavar="INPUT", help="Inputs to analyse and score (repeatable).")] = None,
             pred: Annotated[Path | None, typer.Option("--pred", metavar="PATH", help="Extraction records (JSON Lines) to score.")] = None,
             as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
             details: Annotated[bool, typer.Option("--details", help="List every miss and false hit.")] = False,
             baseline: Annotated[Path | None, typer.Option("--baseline", metavar="PATH", help="Fail when a metric drops under its floor in this file.")] = None) -> None:
    """Score extraction records against gold annotations (FORMAT.md §3)."""
    from ..eval import check_floors, evaluate

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
    from ..web.app import serve as run

    try:
        run(db, host=host, port=port, token=token)
    except ValueError as refused:
        err.print(f"[red]error[/red] {refused}", highlight=False)
        raise typer.Exit(2)

