"""The origin stage: the publication's country as given, or from the outlet's name or domain."""
from __future__ import annotations

import pytest

from kroniek.kb import load
from kroniek.model import Article, Doc, Options
from kroniek.stages.origin import OriginStage, outlet_country


def country_of(**fields: str) -> str | None:
    doc = OriginStage(Options(), load())(Doc(Article(id="o", text="x", **fields)))
    return doc.country


@pytest.mark.parametrize(("fields", "want"), [
    ({"country": "bel"}, "BEL"),
    ({"source": "De Standaard"}, "BEL"),
    ({"source": "nrc"}, "NLD"),
    ({"url": "https://www.demorgen.be/politiek/abc"}, "BEL"),
    ({"url": "https://nos.nl/artikel/123"}, "NLD"),
    ({"url": "https://edition.cnn.com/2025/x"}, "USA"),
    ({"url": "https://example.org/x", "source": "Unknown Weekly"}, None),
    ({"country": "not a code", "source": "BBC"}, "GBR"),
])
def test_country_from_given_field_outlet_name_or_domain(fields: dict[str, str], want: str | None) -> None:
    assert country_of(**fields) == want


def test_outlet_lookup_ignores_bad_urls() -> None:
    assert outlet_country(None, "not a url") is None
    assert outlet_country(None, "mailto:x@nos.nl") is None
