"""English argument rules of the event coder (issue #13): who did a nominal act, and to whom."""
from __future__ import annotations

import pytest

from kroniek import Options, Pipeline
from kroniek.model import make_article


@pytest.fixture(scope="module")
def code():
    """Events of one English text as (type, source countries, target countries)."""
    pipe = Pipeline(Options(lang="en"))

    def run(text: str) -> list[tuple]:
        doc = pipe(make_article(text=text, date="2021-03-02", lang="en"))
        countries = lambda p: sorted(a.country for a in (p if isinstance(p, list) else [p] if p else []))
        return [(e.type, countries(e.source), countries(e.target)) for e in doc.events]
    return run


@pytest.mark.parametrize("text,want", [
    # a reduced relative: the name after a title is still in the by-phrase
    ("The embassy published notes of a phone call made by President Putin on Monday to Chancellor Angela Merkel.",
     ("CONSULT", ["RUS"], ["DEU"])),
    # a passive whose subject is the nominal act
    ("Last year the summit was attended by French President Emmanuel Macron.", ("CONSULT", ["FRA"], [])),
])
def test_a_by_phrase_after_a_nominal_act_names_its_doer(code, text: str, want: tuple) -> None:
    assert want in code(text)


@pytest.mark.parametrize("text,want", [
    ("Erdogan condemned the annexation of Golan Heights as Israeli land by President Trump.", ("ACCUSE", ["TUR"], ["USA"])),
    # a known party right after the verb is the one judged, whoever did the act
    ("Germany praised Poland for the aid sent by its army.", ("SUPPORT", ["DEU"], ["POL"])),
])
def test_judging_an_act_named_by_the_object_is_aimed_at_its_doer(code, text: str, want: tuple) -> None:
    assert want in code(text)


@pytest.mark.parametrize("text,want,unwanted", [
    ("China condemned the US decision to send troops to Taiwan.", ("MOBILIZE", ["USA"], ["TWN"]), ("MOBILIZE", ["CHN"], ["TWN"])),
    ("Moscow criticised the decision to impose sanctions on Iran.", ("ACCUSE", ["RUS"], ["IRN"]), ("COERCE", ["RUS"], ["IRN"])),
])
def test_an_act_after_a_decision_that_is_judged_is_not_the_judges(code, text: str, want: tuple, unwanted: tuple) -> None:
    events = code(text)
    assert want in events and unwanted not in events


def test_a_partner_in_a_deployment_is_no_target(code) -> None:
    assert code("Russia deployed troops with Belarus in the region.") == [("MOBILIZE", ["RUS"], [])]


@pytest.mark.parametrize("text,want", [
    ("Kenya welcomed the release of the hostages by the rebels of Somalia.", ("RETREAT", ["SOM"], ["KEN"])),
    ("Hamas released three hostages on Sunday.", ("RETREAT", ["PSE"], ["PSE"])),
])
def test_released_hostages_are_the_target_and_a_by_phrase_the_releaser(code, text: str, want: tuple) -> None:
    assert want in code(text)
