"""Stage 2: where the article comes from — the publication's country.

Given with the document (`Article.country`), or found from its outlet: the `source` name or the
`url`'s domain looked up in data/outlets.yaml. The later stages resolve unnamed domestic
institutions ("de regering", "de politie", "de premier") to this country.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from urllib.parse import urlsplit

from .. import lexicons
from ..kb import KB
from ..model import Doc, Options
from .registry import register

_ISO3 = re.compile(r"^[A-Z]{3}$")
STORY_MENTIONS = 3  # named actors of one country that make it the story's


@cache
def outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(outlet name → country, domain → country) from data/outlets.yaml, names case-folded."""
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for row in lexicons.load("outlets.yaml") or []:
        for name in row.get("names") or []:
            names.setdefault(str(name).casefold(), row["country"])
        for domain in row.get("domains") or []:
            domains.setdefault(str(domain).lower(), row["country"])
    return names, domains


def outlet_country(source: str | None, url: str | None) -> str | None:
    """The country of an outlet by its name, else by the url's host or a parent domain of it."""
    names, domains = outlets()
    if source and source.strip().casefold() in names:
        return names[source.strip().casefold()]
    host = (urlsplit(url).hostname or "") if url and "//" in url else ""
    parts = host.lower().removeprefix("www.").split(".")
    for i in range(len(parts) - 1):
        found = domains.get(".".join(parts[i:]))
        if found:
            return found
    return None


@register
class OriginStage:
    """Sets `doc.country`: as given (an ISO3 code), else from the outlet table."""

    name = "origin"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("country",)
    any_language = True

    def __init__(self, options: Options, kb: KB) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        given = (doc.article.country or "").strip().upper()
        doc.country = given if _ISO3.match(given) else outlet_country(doc.article.source, doc.article.url)
        return doc


def home_country(doc: Doc) -> str | None:
    """Where the story happens, for actors the text gives no country (asked after the actors stage,
    by the quote and event stages alike): the country holding at least half of the article's named
    actors (three or more), else the publication's. A Belgian paper's story about Fiji: "de
    regering", "couppleger Speight", "ze" are of Fiji, not Belgium."""
    counts = Counter(e.actor.country for e in doc.entities if e.actor is not None and e.actor.country)
    if counts:
        country, n = counts.most_common(1)[0]
        if n >= STORY_MENTIONS and 2 * n >= sum(counts.values()):
            return country
    return doc.country
