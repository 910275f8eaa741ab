"""HTML pages: main text, title, author and date with trafilatura; dates keep their granularity.

trafilatura (through htmldate) fills a partial date: `<time datetime="2025-04">` becomes
2025-04-<today's day> and "april 2025" becomes 2025-01-01. A made-up day would anchor every
relative date in the article wrongly, so the date is taken from the raw markup at the
granularity it is written in, and htmldate's guess is kept only when the page states that day.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from ..model import Article, Failure, make_article, stable_id
from .readers import READERS, Item
from .streams import read_whole

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "maart": 3,
    "mrt": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6,
    "june": 6, "juli": 7, "jul": 7, "july": 7, "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
DAYS_NL = {"ma": "Mon", "di": "Tue", "wo": "Wed", "do": "Thu", "vr": "Fri", "za": "Sat", "zo": "Sun",
           "maandag": "Mon", "dinsdag": "Tue", "woensdag": "Wed", "donderdag": "Thu", "vrijdag": "Fri",
           "zaterdag": "Sat", "zondag": "Sun"}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?=$|[T\s])")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})/(\d{1,2})(?:/(\d{1,2}))?/")
_WORD = re.compile(r"[A-Za-z]+")
PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                  "publishdate", "publish-date", "publication_date", "dc.date.issued", "dcterms.issued",
                  "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD when the parts form a real calendar date."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def granular_date(raw: str | None) -> str | None:
    """A date string as ISO at the granularity it states: ISO forms, RFC 822 (English or Dutch
    names, local day kept, no shift to UTC), '19 april 2025', 'April 19, 2025', 'april 2025'."""
    if not raw or not raw.strip():
        return None
    text = raw.strip()
    m = _ISO.match(text)
    if m:
        return _iso(int(m.group(1)), *(int(g) if g else None for g in m.groups()[1:]))
    if moment := rfc822(text):
        return moment.date().isoformat()
    if m := _DAY_MONTH_YEAR.search(text):
        return _iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    if m := _MONTH_DAY_YEAR.search(text):
        return _iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    if m := _MONTH_YEAR.search(text):
        return _iso(int(m.group(2)), MONTHS[m.group(1).lower()])
    return None


def rfc822(raw: str) -> dt.datetime | None:
    """An RFC 822 date-time with English or Dutch day and month names, in its own time zone."""
    english = _WORD.sub(lambda w: DAYS_NL.get(w.group(0).lower()) or _english_month(w.group(0)), raw)
    try:
        return email.utils.parsedate_to_datetime(english)
    except (TypeError, ValueError, IndexError):
        return None


def _english_month(word: str) -> str:
    """'okt' → 'Oct', so RFC 822 parsing reads Dutch month names; other words unchanged."""
    number = MONTHS.get(word.lower())
    if number is None:
        return word
    return ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[number - 1]


def _jsonld_dates(tree) -> Iterator[tuple[str, str]]:
    """(key, value) of datePublished/dateModified anywhere in the page's JSON-LD."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            stack = [json.loads(script.text or "")]
        except ValueError:
            continue
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                for key in ("datePublished", "dateCreated", "dateModified"):
                    if isinstance(node.get(key), str):
                        yield key, node[key]
                stack.extend(v for v in node.values() if isinstance(v, (dict, list)))


def markup_date(tree, url: str | None = None) -> str | None:
    """The publication date as written in the markup (meta, JSON-LD, <time>, URL), granularity kept."""
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        metas.setdefault(key, meta.get("content"))
    jsonld = dict(_jsonld_dates(tree))
    times = tree.xpath("//time[@itemprop='datePublished']/@datetime | //time[@pubdate]/@datetime"
                       " | //time/@datetime")
    candidates = [*(metas.get(k) for k in PUBLISHED_META), jsonld.get("datePublished"),
                  jsonld.get("dateCreated"), *times]
    for raw in candidates:
        if value := granular_date(raw):
            return value
    if url and (m := _URL_DATE.search(url)):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    for raw in (*(metas.get(k) for k in MODIFIED_META), jsonld.get("dateModified")):
        if value := granular_date(raw):
            return value
    return None


def stated_dates(text: str) -> tuple[set[str], list[str]]:
    """(days, months) the text writes out: full dates, and month-year mentions without a day."""
    days = {d for m in _DAY_MONTH_YEAR.finditer(text)
            if (d := _iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))))}
    days |= {d for m in _MONTH_DAY_YEAR.finditer(text)
             if (d := _iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))))}
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        days |= {d for d in (_iso(year, b, a), _iso(year, a, b)) if d}
    months = [f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}" for m in _MONTH_YEAR.finditer(text)]
    return days, months


@dataclass(slots=True)
class Page:
    """What an HTML page gives, before it becomes an Article."""

    text: str
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    url: str | None  # the page's canonical URL, when it names one


def extract_page(html: str | bytes, url: str | None = None) -> Page | None:
    """Main text and metadata of one page; None when trafilatura finds no main text."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    date = markup_date(tree, url)
    head_text = " ".join(tree.xpath("//body//text()")[:400])
    doc = bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                          date_extraction_params={"extensive_search": True, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        return None
    if date is None:
        days, months = stated_dates(head_text)
        if doc.date and doc.date[:10] in days:
            date = doc.date[:10]
        elif months and not days:
            date = months[0]
    text = "\n\n".join(line.strip() for line in doc.text.splitlines() if line.strip())
    return Page(text=text, title=doc.title or None, author=doc.author or None, date=date,
                sitename=doc.sitename or None, url=doc.url or url)


def article_from_html(html: str | bytes, origin: str, url: str | None = None, id: str | None = None,
                      fallback_date: str | None = None, fallback_note: str | None = None) -> Item:
    """One page as an Article (or a Failure naming the origin); the id is stable per URL."""
    try:
        page = extract_page(html, url)
    except Exception as exc:  # noqa: BLE001 -- a malformed page must not stop the archive it is in
        return Failure(id or origin, f"{origin}: HTML extraction failed ({type(exc).__name__}: {exc})")
    if page is None:
        return Failure(id or origin, f"{origin}: no main text found in the HTML")
    date = page.date or fallback_date
    url = url or page.url
    item = make_article(text=page.text, date=date, id=id or (stable_id(url) if url else None),
                        title=page.title, url=url, source=page.sitename, author=page.author, origin=origin)
    if isinstance(item, Article) and page.date is None and fallback_date and fallback_note:
        item.warnings.append(f"{origin}: {fallback_note}")
    return item


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one paragraph per block element;
    entities are decoded with or without tags (`Tom &amp; Jerry` is HTML even when it has no tag)."""
    from lxml import html as lxml_html

    if "<" not in fragment:
        return unescape(fragment).strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 -- lxml raises several types for broken markup; plain text is the fallback
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script | //style"):
        bad.drop_tree()
    for block in root.xpath("//p | //div | //br | //li | //h1 | //h2 | //h3 | //h4 | //blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def read_html(path: Path, origin: str) -> Iterator[Item]:
    """An HTML file (optionally compressed) as one article; the file name is its id."""
    data = read_whole(path, origin)
    yield data if isinstance(data, Failure) else article_from_html(data, origin, id=path.name.split(".")[0])


for _suffix in (".html", ".htm", ".xhtml"):
    READERS[_suffix] = read_html
