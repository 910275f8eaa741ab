"""RSS and Atom: one article per item, Dutch dates, HTML stripped, the feed's own day kept."""
from __future__ import annotations

from pathlib import Path

import feedparser

from kroniek.ingest.feeds import _parse, dutch_date_handler, read_feed
from kroniek.model import Article, Failure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_dutch_rss_items() -> None:
    items = list(read_feed(FIXTURES / "feed_nl.rss", "feed_nl.rss"))
    first, second, empty = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.date == "2025-04-19"  # 23:30 +0200: still the 19th where it was written
    assert second.date == "2024-10-01"
    assert first.text == "President Zelensky vroeg zaterdag om meer luchtverdediging.\n\n„Elke dag telt,” zei hij in Kyiv."
    assert "<p>" not in second.text and second.text.startswith("De ministers")
    assert first.lang == "nl" and first.source == "Voorbeeldkrant - Buitenland"
    assert first.url == "https://voorbeeldkrant.example/buitenland/1"
    assert first.title == "Zelensky vraagt om meer luchtverdediging"
    assert isinstance(empty, Failure) and "item3" in empty.reason


def test_atom_entries_keep_local_day_and_month() -> None:
    first, second = read_feed(FIXTURES / "feed_en.atom", "feed_en.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.date == "2025-04-19"  # 21:15 -04:00 is the 20th in UTC
    assert second.date == "2025-03"
    assert first.text.startswith("Negotiators met in Geneva") and first.lang == "en"


def test_feedparser_reads_dutch_dates_through_the_handler() -> None:
    parsed = _parse((FIXTURES / "feed_nl.rss").read_bytes())
    assert parsed.entries[0].published_parsed[:5] == (2025, 4, 19, 21, 30)
    assert dutch_date_handler("di, 1 okt 2024 08:00:00 GMT")[:3] == (2024, 10, 1)
    assert dutch_date_handler("geen datum") is None
    assert dutch_date_handler in feedparser.datetimes._date_handlers


def test_not_a_feed_is_one_failure(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.rss"
    bad.write_text("dit is geen feed <<<", encoding="utf-8")
    [item] = list(read_feed(bad, str(bad)))
    assert isinstance(item, Failure) and "kapot.rss" in item.reason


def test_escaped_text_without_tags_is_decoded(tmp_path: Path) -> None:
    """Issue #16, case 11: an item whose HTML has entities but no tag kept `&amp;lol6` as literal text."""
    feed = tmp_path / "ent.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    "<item><guid>1</guid>"
                    "<description>Tom &amp;amp; Jerry &amp;lol6 zeiden 5 &amp;lt; 6.</description></item>"
                    "<item><guid>2</guid><description><![CDATA[Tom &amp; Jerry <b>samen</b>.]]></description></item>"
                    "</channel></rss>", encoding="utf-8")
    first, second = read_feed(feed, str(feed))
    assert first.text == "Tom & Jerry &lol6 zeiden 5 < 6."
    assert second.text == "Tom & Jerry samen."
