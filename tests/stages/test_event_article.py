"""Article-level event rules: the two sides of a story."""
from __future__ import annotations

import pytest

from kroniek.kb import load
from kroniek.model import ActorRef, Doc, Entity, make_article
from kroniek.stages.events.article import counterparts


def _doc(countries: list[str]) -> Doc:
    """A document whose names belong to these countries, one entity each."""
    doc = Doc(article=make_article(text="x", date="2021-03-18", lang="nl"), lang="nl")
    doc.entities = [Entity(k, k + 1, c, "LOC", ActorRef(c, c, c)) for k, c in enumerate(countries)]
    return doc


@pytest.mark.parametrize("countries,sides", [
    (["RUS"] * 6 + ["UKR"] * 5 + ["USA"], {"RUS", "UKR"}),  # a war story: each side's act aims at the other
    (["NLD"] * 14 + ["RUS"] * 4, set()),  # Dutch politics with a paragraph on Russia: no two sides
    (["NLD"] * 3 + ["RUS"] * 3 + ["USA", "FRA", "DEU", "GBR", "ITA"], set()),  # many countries: no two sides
])
def test_two_sides_only_when_two_countries_balance_the_story(countries: list[str], sides: set[str]) -> None:
    assert set(counterparts(_doc(countries), [], load())) == sides
