"""Lists with their totals and summaries, as the API and the pages both answer them.

A selection's total, facets, counts over time, places, network and event groups cost a scan of
the selection; they are kept per store state (`Workbench.memo`), so paging on or sorting anew
reads a page and nothing more. `warm` computes those of the unfiltered lists at start-up.
"""
from __future__ import annotations

import sqlite3
from dataclasses import astuple, replace
from typing import Any

from .. import lookup
from ..store import periods, queries
from ..store.queries import Filters
from .deps import Workbench


def selection_key(f: Filters) -> tuple[Any, ...]:
    """The filters that choose rows (not the page or its order): what a summary depends on."""
    return astuple(replace(f, limit=0, offset=0, sort=None))


def total(wb: Workbench, conn: sqlite3.Connection, kind: str, f: Filters) -> int:
    """How many rows a selection has, counted once per store state: paging on does not recount."""
    return wb.memo(conn, ("total", kind, selection_key(f)), lambda: queries.total(conn, kind, f))


def summary(wb: Workbench, conn: sqlite3.Connection, kind: str, f: Filters) -> dict[str, Any]:
    """Facets, counts over time (binned for the chart) and, for events, places of a selection."""
    def compute() -> dict[str, Any]:
        out = queries.summary(conn, kind, f)
        out["counts"] = periods.bins({d: {kind: n} for d, n in out.pop("days").items()})
        return out

    return wb.memo(conn, (kind, selection_key(f)), compute)


def article_listing(wb: Workbench, conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    return queries.list_articles(conn, f, total(wb, conn, "articles", f)).to_json()


def quote_listing(wb: Workbench, conn: sqlite3.Connection, f: Filters, summaries: bool) -> dict[str, Any]:
    """A page of quotes; with `summaries`, also facets and counts over time (the quotes page's data)."""
    out = queries.list_quotes(conn, f, total(wb, conn, "quotes", f)).to_json()
    return {**out, **summary(wb, conn, "quotes", f)} if summaries else out


def event_listing(wb: Workbench, conn: sqlite3.Connection, f: Filters, grouped: bool,
                  summaries: bool) -> dict[str, Any]:
    """A page of event mentions or grouped events; with `summaries`, facets, counts over time and places.

    Groups are formed once per selection and store state, not for every page."""
    if grouped:
        groups = wb.memo(conn, ("groups", f.sort, selection_key(f)), lambda: queries.event_groups(conn, f))
        out = queries.grouped_events(conn, f, groups).to_json()
    else:
        out = queries.list_events(conn, f, total(wb, conn, "events", f)).to_json()
    return {**out, **summary(wb, conn, "events", f)} if summaries else out


def network_edges(wb: Workbench, conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    return wb.memo(conn, ("network", selection_key(f)), lambda: queries.event_network(conn, f))


def stats_of(wb: Workbench, conn: sqlite3.Connection) -> dict[str, int]:
    return wb.memo(conn, ("stats",), lambda: queries.stats(conn))


def warm(wb: Workbench) -> None:
    """What the first visitor would otherwise wait for, done at start-up: the knowledge base that
    names resolve against, and the totals and summaries of the unfiltered lists."""
    lookup.prepare()
    for conn in wb.connection():
        stats_of(wb, conn)
        article_listing(wb, conn, Filters())
        quote_listing(wb, conn, Filters(), summaries=True)
        for grouped in (False, True):
            event_listing(wb, conn, Filters(), grouped, summaries=True)
        network_edges(wb, conn, Filters())
