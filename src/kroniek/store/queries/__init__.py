"""Read queries over the store, shared by the CLI, the API and the web pages.

Every function takes a connection and plain filters, uses SQL parameters only, and returns
JSON-ready dicts; list queries return a `Page`. `common` holds filters, sorting and paging,
`records` the lists of articles, quotes and events, `summaries` what describes a whole
selection (facets, counts, groups, network, map), `actors` the actor list, profile and timeline.
"""
from .actors import TIMELINE_ITEMS, get_actor, list_actors, timeline
from .common import DATE, MAX_LIMIT, MAX_OFFSET, SORTS, Filters, Page, order_by, state
from .records import (
    get_article,
    iter_rows,
    list_articles,
    list_events,
    list_quotes,
    total,
)
from .summaries import event_groups, event_network, grouped_events, stats, summary

__all__ = ["DATE", "MAX_LIMIT", "MAX_OFFSET", "SORTS", "TIMELINE_ITEMS", "Filters", "Page",
           "event_groups", "event_network", "get_actor", "get_article", "grouped_events",
           "iter_rows", "list_actors", "list_articles", "list_events", "list_quotes", "order_by", "state", "stats",
           "summary", "timeline", "total"]
