"""Article-level event rules: the two sides of a story."""
from __future__ import annotations

import pytest

from kroniek import Options, Pipeline
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


@pytest.mark.parametrize("text,source", [
    ("Minister Kaag sprak met Rusland. Ze beschuldigde de Verenigde Staten van spionage.", "NLD"),  # she
    ("Minister Kaag sprak met Rusland. Daarna beschuldigde ze de Verenigde Staten van spionage.", "NLD"),
    ("Minister Kaag sprak met Rusland. Ze beschuldigden de Verenigde Staten van spionage.", "RUS"),  # they
])
def test_dutch_ze_is_she_or_they_by_its_verb(text: str, source: str) -> None:
    doc = Pipeline(Options(lang="nl"))(make_article(text=text, date="2021-03-18", lang="nl"))
    accuse = next(e for e in doc.events if e.type == "ACCUSE")
    assert accuse.source.country == source


@pytest.mark.parametrize("text,n", [
    ("Russia fired dozens of missiles at cities across Ukraine.", 1),  # the missiles are the firing's
    ("Hamas launched a rocket attack on Israel.", 1),
    ("Israel bombed Gaza after Hamas fired rockets.", 2),  # two clauses, two acts
])
def test_a_verb_and_its_nominal_act_of_one_type_are_one_event(text: str, n: int) -> None:
    doc = Pipeline(Options(lang="en"))(make_article(text=text, date="2022-10-11", lang="en"))
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == n


@pytest.mark.parametrize("text,want", [
    ("Biden condemned the strikes and spoke by phone with Zelenskiy.", {("ACCUSE", None), ("CONSULT", "UKR")}),
    ("Sri Lanka established diplomatic ties with and opened an embassy in Iran.", {("SUPPORT", "IRN")}),
])
def test_a_second_verb_after_and_has_its_own_object(text: str, want: set) -> None:
    doc = Pipeline(Options(lang="en"))(make_article(text=text, date="2022-10-11", lang="en"))
    got = {(e.type, e.target.country if e.target and not isinstance(e.target, list) else None) for e in doc.events}
    assert want <= got
