"""What every list query shares: the filters, the page, sorting, safe user text, and paging.

Lists are newest first by default, ordered by the first day a date can mean (`date_start`,
migration 006), so a month, a week or a season sorts where it begins rather than as text.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

MAX_LIMIT = 1000
MAX_OFFSET = 2**62  # SQLite integers are 64-bit: a larger offset cannot even be bound
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # a filter's date, YYYY[-MM[-DD]]; empty (a blank form field) means none
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
OUTLET = ("coalesce(a.source, CASE WHEN a.url LIKE 'http%://%' THEN substr(substr(a.url, instr(a.url, '://') + 3),"
          " 1, instr(substr(a.url, instr(a.url, '://') + 3) || '/', '/') - 1) END)")


@dataclass(slots=True)
class Filters:
    """Filters every list query understands; unset fields do not filter.

    `actor`, `source` and `target` are what the user typed (matched as an id, a stored name
    or, for parties, an ISO3 country); `*_ids` are the knowledge-base ids that `kroniek.lookup`
    resolved the name to, matched as well.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    actor_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    target_ids: tuple[str, ...] = ()
    country: str | None = None  # ISO3 of speaker, source or target
    type: str | None = None  # PLOVER type for events
    text: str | None = None  # full-text search
    date_from: str | None = None
    date_to: str | None = None
    article: str | None = None
    outlet: str | None = None
    place: str | None = None  # ISO3 of an event's place
    min_confidence: float | None = None  # items without a confidence always pass
    sort: str | None = None  # a column name, "-name" for descending; None: the list's default
    limit: int = 50
    offset: int = 0


@dataclass(slots=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(out.pop("extra"))
        return out


@dataclass(slots=True)
class Selection:
    """The rows a list query chooses: FROM and WHERE with their parameters, and the row key."""

    source: str
    where: list[str]
    args: list[Any]
    key: str

    @property
    def clause(self) -> str:
        return (" WHERE " + " AND ".join(self.where)) if self.where else ""


# sortable columns per list; the first key of each is the default (descending)
SORTS: dict[str, dict[str, str]] = {
    "articles": {"date": "coalesce(a.published, a.date)", "title": "a.title COLLATE NOCASE", "id": "a.id"},
    "quotes": {"date": "q.date_start", "speaker": "q.speaker_name COLLATE NOCASE", "confidence": "q.confidence",
               "article": "a.title COLLATE NOCASE"},
    "events": {"date": "e.date_start", "type": "e.type", "confidence": "e.confidence",
               "article": "a.title COLLATE NOCASE"},
    "actors": {"mentions": "mentions", "name": "ac.name COLLATE NOCASE", "country": "ac.country",
               "quotes": "quotes", "events": "events"},
}
# ties in store order, then by position in the article: the default order is then an index scan
# (quotes_order, events_order of migration 007), so a deep page reads no more than it skips
TIEBREAK = {"articles": "a.id", "quotes": "q.article_pk, q.start", "events": "e.article_pk, e.trigger_start",
            "actors": "ac.id"}


def order_by(kind: str, sort: str | None) -> str:
    """ORDER BY for a list: `sort` is a column of SORTS[kind], with a leading '-' for descending."""
    key = sort or "-" + next(iter(SORTS[kind]))
    column = SORTS[kind].get(key.lstrip("-"))
    if column is None:
        raise ValueError(f"cannot sort {kind} by {key!r}: use {', '.join(SORTS[kind])} (with - for descending)")
    direction = "DESC" if key.startswith("-") else "ASC NULLS LAST"
    return f"{column} {direction}, {TIEBREAK[kind]}"


def clean(text: str) -> str:
    """User text without control characters (a NUL breaks FTS5 and LIKE patterns)."""
    return CONTROL.sub(" ", text)


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms, so punctuation cannot break the syntax."""
    terms = [t.replace('"', '""') for t in clean(text).split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with % and _ taken literally (ESCAPE '\\')."""
    escaped = clean(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def limits(f: Filters) -> tuple[int, int]:
    return max(1, min(int(f.limit), MAX_LIMIT)), max(0, min(int(f.offset), MAX_OFFSET))


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Inclusive ISO-day bounds from YYYY[-MM[-DD]] filters (a month or year runs to its end)."""
    low = date_from and date_from + "-01-01"[len(date_from) - 4:]
    high = date_to and date_to + "-12-31"[len(date_to) - 4:]
    return low, high


def shared_clauses(alias: str, f: Filters, where: list[str], args: list[Any]) -> None:
    """What quotes and events filter alike: their article, its outlet, confidence (unscored items
    stay) and date range."""
    if f.article:
        where.append("a.id = ?")
        args.append(f.article)
    if f.outlet:
        where.append(f"{OUTLET} = ?")
        args.append(f.outlet)
    if f.min_confidence is not None:
        where.append(f"({alias}.confidence IS NULL OR {alias}.confidence >= ?)")
        args.append(f.min_confidence)
    date_clause(f"{alias}.date_start", f, where, args)


def date_clause(column: str, f: Filters, where: list[str], args: list[Any]) -> None:
    low, high = date_bounds(f.date_from, f.date_to)
    if low:
        where.append(f"{column} >= ?")
        args.append(low)
    if high:
        where.append(f"{column} <= ?")
        args.append(high)


def who(column_id: str, column_name: str, value: str, ids: tuple[str, ...]) -> tuple[str, list[Any]]:
    """Match an actor by resolved ids, its typed id, or a stored name (unlinked speakers too)."""
    marks = ",".join("?" * (len(ids) + 1))
    return f"({column_id} IN ({marks}) OR {column_name} = ? COLLATE NOCASE)", [*ids, value, value]


def count(conn: sqlite3.Connection, sel: Selection) -> int:
    return conn.execute(f"SELECT COUNT(*) FROM {sel.source}{sel.clause}", sel.args).fetchone()[0]


def page_keys(conn: sqlite3.Connection, sel: Selection, kind: str, f: Filters) -> list[int]:
    """The keys of one page in list order. Sorting and skipping touch these narrow rows only:
    full rows (texts, sentences cut from articles) are read for the page alone."""
    limit, offset = limits(f)
    sql = f"SELECT {sel.key} FROM {sel.source}{sel.clause} ORDER BY {order_by(kind, f.sort)} LIMIT ? OFFSET ?"
    return [r[0] for r in conn.execute(sql, [*sel.args, limit, offset])]


def rows_by_key(conn: sqlite3.Connection, columns: str, source: str, key: str,
                keys: list[int]) -> list[dict[str, Any]]:
    """Full rows for `keys`, in the order of `keys`."""
    marks = ",".join("?" * len(keys)) or "NULL"
    found = {r["pk"]: dict(r) for r in conn.execute(f"SELECT {columns} FROM {source} WHERE {key} IN ({marks})",
                                                   keys)}
    return [found[k] for k in keys if k in found]


def state(conn: sqlite3.Connection) -> int:
    """A number that changes whenever articles are written (rows are only ever added): a cache key."""
    return conn.execute("SELECT coalesce(max(pk), 0) FROM articles").fetchone()[0]
