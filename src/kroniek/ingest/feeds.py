"""RSS and Atom files: one article per item, text from its content or summary with HTML stripped.

feedparser reads RFC 822 dates in English only; Dutch feeds write `za, 19 apr 2025 10:00:00 +0200`.
A date handler registered with feedparser reads those too, and the article's date is the day as
written in the feed (its own time zone), not the UTC day feedparser converts to.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import Failure, make_article, stable_id
from .html import fragment_text, granular_date, rfc822
from .readers import READERS, Item
from .streams import read_whole

_REGISTERED = False


def dutch_date_handler(raw: str) -> time.struct_time | None:
    """feedparser date handler: an RFC 822 date with Dutch names as a UTC struct_time, else None."""
    moment = rfc822(raw)
    return moment.utctimetuple() if moment else None


def _parse(data: bytes) -> Any:
    global _REGISTERED
    import feedparser

    if not _REGISTERED:
        feedparser.registerDateHandler(dutch_date_handler)
        _REGISTERED = True
    return feedparser.parse(data)


def _item_date(entry: Any) -> str | None:
    """The item's day in the feed's own time zone, from the raw string; feedparser's UTC tuple last."""
    for key in ("published", "updated", "created"):
        if value := granular_date(entry.get(key)):
            return value
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            return time.strftime("%Y-%m-%d", entry[key])
    return None


def _item_text(entry: Any) -> str:
    """The longest of the item's content blocks and summary, as plain text (feedparser leaves HTML
    escaped; a block typed text/plain is already plain)."""
    blocks = [*entry.get("content", []), entry.get("summary_detail") or {"value": entry.get("summary", "")}]
    texts = [value if "plain" in (block.get("type") or "") else fragment_text(value)
             for block in blocks if (value := block.get("value"))]
    return max(texts, key=len, default="")


def read_feed(path: Path, origin: str) -> Iterator[Item]:
    """Every item of an RSS 0.9x/1.0/2.0 or Atom file; an unreadable feed is one Failure."""
    data = read_whole(path, origin)
    if isinstance(data, Failure):
        yield data
        return
    try:
        feed = _parse(data)
    except Exception as exc:  # noqa: BLE001 -- feedparser's parsers fail in their own ways on hostile markup
        yield Failure(path.name, f"{origin}: not a feed ({type(exc).__name__}: {str(exc)[:160]})")
        return
    if not feed.entries:
        reason = f"not a feed ({feed.get('bozo_exception')})" if feed.get("bozo") else "feed has no items"
        yield Failure(path.name, f"{origin}: {reason}")
        return
    lang = (feed.feed.get("language") or "").split("-")[0].lower() or None
    source = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, 1):
        where = f"{origin}#item{number}"
        key = entry.get("id") or entry.get("link")
        yield make_article(text=_item_text(entry), date=_item_date(entry), lang=lang,
                           id=stable_id(key) if key else None, title=entry.get("title"),
                           url=entry.get("link"), source=source, author=entry.get("author"), origin=where)


for _suffix in (".rss", ".atom", ".xml", ".rdf"):
    READERS[_suffix] = read_feed
