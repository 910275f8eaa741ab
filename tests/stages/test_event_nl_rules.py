"""Dutch event rules of issue #13's later rounds: who a judged act belongs to, genitives of nominal acts,
withdrawals and blockades. Sentences written for these tests."""
from __future__ import annotations

import pytest

from kroniek import Options, Pipeline
from kroniek.model import make_article


def _events(text: str, country: str | None = "BEL") -> list:
    article = make_article(text=text, date="2000-06-15", lang="nl")
    article.country = country
    return Pipeline(Options(lang="nl"))(article).events


def _sides(e) -> tuple:
    def one(x):
        if x is None:
            return None
        xs = x if isinstance(x, list) else [x]
        return tuple(sorted({a.country or "-" for a in xs}))
    return e.type, one(e.source), one(e.target)


@pytest.mark.parametrize("text", [
    "De Franse regering noemde de eis van Rusland onaanvaardbaar.",
    "De Franse regering heeft de eis van Rusland onaanvaardbaar genoemd.",
    "De Franse regering reageerde koel op de eis van Rusland.",
])
def test_a_judged_definite_act_is_not_the_judges_own(text: str) -> None:
    [req] = [e for e in _events(text) if e.type == "REQUEST"]
    assert _sides(req)[1] == ("RUS",)  # the demand is Russia's, France only judged it


def test_an_act_the_subject_itself_does_stays_its_own() -> None:
    [e] = _events("De Franse regering stelde een eis aan Rusland.")
    assert _sides(e)[:2] == ("REQUEST", ("FRA",))


def test_a_definite_act_a_verb_of_judging_names_without_a_genitive_has_no_known_doer() -> None:
    events = _events("De Duitse kanselier noemde de aanval op Oekraïne laf.")
    assert [_sides(e) for e in events] == [("ASSAULT", None, ("UKR",))]


@pytest.mark.parametrize("text,want", [
    ("De premier antwoordde op de kritiek van de oppositie.", ("ACCUSE", ("BEL",))),
    ("Het voorstel strandde op het veto van Frankrijk.", ("REJECT", ("FRA",))),
])
def test_the_genitive_of_an_own_act_is_its_doer_also_with_an_article(text: str, want: tuple) -> None:
    assert [_sides(e)[:2] for e in _events(text)] == [want]


@pytest.mark.parametrize("text,want", [
    ("Het Amerikaanse leger heeft zich teruggetrokken uit Irak.", ("RETREAT", ("USA",), ("IRQ",))),
    ("De Turkse troepen trokken zich gisteren terug.", ("RETREAT", ("TUR",), None)),  # armed forces retreat
    ("De rebellen trokken zich terug uit de stad.", ("RETREAT",)),  # an area
    ("Frankrijk trok zich terug uit de NAVO.", ("SANCTION",)),  # a body: a break
])
def test_a_withdrawal_from_a_place_or_by_armed_forces_is_a_retreat(text: str, want: tuple) -> None:
    [e] = _events(text)
    assert _sides(e)[:len(want)] == want


def test_a_person_who_withdraws_from_nothing_named_does_no_political_act() -> None:
    assert _events("De schilder trok zich na zijn pensioen terug in een boerderij.") == []


@pytest.mark.parametrize("text,want", [
    ("Boze boeren blokkeerden dinsdag de snelweg.", "PROTEST"),
    ("Actievoerders sloten de haven af.", "PROTEST"),  # afsluiten of a road, a port, a border
    ("Israël blokkeert de toegang tot Gaza.", "COERCE"),  # imposed by a state: a blockade (191)
    ("Het leger heeft de grens met Servië afgesloten.", "COERCE"),
    ("De minister blokkeerde het wetsvoorstel.", "REJECT"),  # a proposal blocked is rejected
])
def test_blockades(text: str, want: str) -> None:
    assert [e.type for e in _events(text)] == [want]


def test_concluding_a_loan_blocks_nothing() -> None:
    assert _events("België sloot een lening af bij de bank.") == []


@pytest.mark.parametrize("text,want", [
    ("De Franse regering zal het Belgische voorstel steunen.", "AGREE"),  # an announced cooperation is an intent
    ("Het Russische leger zal de stad aanvallen.", "THREATEN"),  # an announced harm is a threat
])
def test_a_bare_future_of_an_actor_is_its_intention(text: str, want: str) -> None:
    assert [e.type for e in _events(text)] == [want]


def test_a_bare_future_intends_its_verb_not_a_noun_before_it() -> None:
    assert "AGREE" not in {e.type for e in _events("Veel Belgen zullen zijn bezoek als een signaal zien.")}


def test_an_expectation_is_not_a_fact_yet() -> None:
    assert _events("Waarnemers verwachten dat de Verenigde Staten sancties tegen Iran zullen opleggen.") == []


def test_counting_on_something_is_no_demand() -> None:
    assert _events("De Belgische spelers kunnen rekenen op de steun van hun club.", None) == [] or all(
        e.type != "REQUEST" for e in _events("De Belgische spelers kunnen rekenen op de steun van hun club."))


def test_wondering_asks_no_one() -> None:
    assert _events("De Franse minister vroeg zich af of de Russen zouden komen.") == []


@pytest.mark.parametrize("text,sector", [
    ("Een Gentse jeugdrechter liet twee Franse jongeren opsluiten.", "JUD"),  # compound of rechter
    ("De Spaanse justitieminister bemiddelde tussen Servië en Kosovo.", "GOV"),  # compound of minister
])
def test_a_compound_of_a_sector_word_is_one_too(text: str, sector: str) -> None:
    [e] = _events(text)
    assert e.source.sector == sector


def test_a_referee_is_no_judge() -> None:
    from kroniek.stages.events import lexicon
    sectors = lexicon("nl").sectors
    assert "scheidsrechter" not in sectors and sectors.get("justitieminister") == "GOV"


@pytest.mark.parametrize("text,want", [
    ("De Belgische premier kreeg kritiek van de Franse regering.", ("ACCUSE", ("FRA",), ("BEL",))),
    ("De NAVO heeft veel kritiek gekregen.", ("ACCUSE", None, ("-",))),  # received: NATO (no country) is criticised
    ("De Franse minister krijgt steun van Duitsland.", ("SUPPORT", ("DEU",))),
])
def test_a_received_act_is_done_to_the_subject(text: str, want: tuple) -> None:
    [e] = _events(text)
    assert _sides(e)[:len(want)] == want


def test_a_headline_participle_is_a_passive() -> None:
    [e] = _events("Russische journalist in Moskou vermoord")
    assert _sides(e) == ("ASSAULT", None, ("RUS",))  # the journalist is killed, not the killer


def test_a_finite_verb_before_a_clause_final_participle_is_no_headline() -> None:
    events = _events("De Franse minister had de hulp eerder al toegezegd.")
    assert events and all(_sides(e)[1] == ("FRA",) for e in events)


def test_a_nominal_act_in_a_by_phrase_far_after_its_auxiliary_is_done_to_the_subject() -> None:
    [e] = _events("De Britse ambassade is gisteren zwaar beschadigd door een bomaanslag.")
    assert _sides(e) == ("ASSAULT", None, ("GBR",))


def test_an_unknown_part_of_a_compound_takes_the_country_of_the_known_part() -> None:
    [e] = _events("De Russische troepen trokken zich terug uit Kyiv en Snihoerivkazorp.")
    assert _sides(e) == ("RETREAT", ("RUS",), ("UKR",))


def test_a_town_the_kb_lacks_is_not_the_doers_own_for_want_of_another_country() -> None:
    [e] = _events("De Russische troepen trokken zich terug uit Snihoerivkazorp.")
    assert _sides(e) == ("RETREAT", ("RUS",), ("-",))
    [arrest] = _events("De Russische politie arresteerde Snihoerivkazorp.", None)
    assert _sides(arrest) == ("COERCE", ("RUS",), ("RUS",))  # an unknown name acted on at home keeps its home


@pytest.mark.parametrize("text", [
    "De Belgische minister werd gisteren gevraagd wat hij van het plan vond.",  # a question from no one named
    "Ik kan me voorstellen dat de Franse regering boos is.",  # imagining, no proposal
    "Die plaats werd ingenomen door een Belgische speler.",  # taking a place seizes nothing
    "De Franse auto werd door de Belgische pers goed ontvangen.",  # well received, no visitor
])
def test_senses_of_asking_proposing_taking_and_receiving_that_are_no_act(text: str) -> None:
    assert _events(text) == []


def test_an_inquiry_ordered_into_someone_is_one() -> None:
    assert [e.type for e in _events("Er werd een officieel onderzoek gelast naar de Belgische minister.")] == ["ACCUSE"]


def test_wanting_another_to_act_is_a_demand_of_them() -> None:
    [e] = _events("De Belgische regering wil dat Frankrijk de grens opent.")
    assert _sides(e) == ("REQUEST", ("BEL",), ("FRA",))


def test_wanting_that_thing_is_no_demand() -> None:
    assert all(e.type != "REQUEST" for e in _events("De Belgische regering wil dat zo regelen."))


def test_the_king_is_a_state_actor() -> None:
    [e] = _events("De Vlaamse partij beschuldigt de koning van partijdigheid.")
    assert (e.type, e.target.sector, e.target.country) == ("ACCUSE", "GOV", "BEL")
