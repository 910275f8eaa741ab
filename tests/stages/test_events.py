"""The PLOVER event coder: triggers, frames, negation, conditionals, actors, places."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kroniek import Options, Pipeline, nlp, plover
from kroniek.eval import load_gold, score
from kroniek.kb import load
from kroniek.model import Article, Doc, make_article
from kroniek.stages.events import EventStage, lexicon

DATA = Path(__file__).resolve().parents[2] / "src" / "kroniek" / "data"


@pytest.fixture(scope="module")
def code():
    """Events of one text as (type, mode, cameo, source countries, target countries, location)."""
    pipes = {lang: Pipeline(Options(lang=lang)) for lang in ("nl", "en")}

    def run(text: str, lang: str) -> list[tuple]:
        doc = pipes[lang](make_article(text=text, date="2025-04-22", lang=lang))
        countries = lambda p: sorted(a.country for a in (p if isinstance(p, list) else [p] if p else []))
        return [(e.type, e.mode, e.cameo, countries(e.source), countries(e.target), e.location)
                for e in doc.events]
    return run


def test_negated_ceasefire_extension_is_a_rejection(code) -> None:
    events = code("Het Russische ministerie van Defensie kondigde aan het staakt-het-vuren niet te verlengen.", "nl")
    assert events == [("REJECT", "yield", "1246", ["RUS"], [], None)]


def test_declared_ceasefire_is_retreat(code) -> None:
    assert code("Rusland kondigde zaterdag een staakt-het-vuren af.", "nl")[0][:4] == (
        "RETREAT", "ceasefire", "0871", ["RUS"])


def test_openness_to_talks_is_an_intention_to_agree(code) -> None:
    events = code("Rusland zegt open te staan voor vredesgesprekken met Oekraïne.", "nl")
    assert events == [("AGREE", "intend", "036", ["RUS"], ["UKR"], None)]


@pytest.mark.parametrize("text,lang", [
    ("Als Rusland Oekraïne aanvalt, zal de NAVO reageren.", "nl"),
    ("Het is onduidelijk of Rusland Oekraïne zal aanvallen.", "nl"),
    ("Poetin hoopt dat de sancties worden verlicht.", "nl"),
    ("Het Westen wil voorkomen dat Montenegro de onafhankelijkheid uitroept.", "nl"),
    ("Zelensky wees het plan niet af.", "nl"),
    ("If Russia attacks Ukraine, NATO will respond.", "en"),
    ("Will Russia attack Ukraine?", "en"),
])
def test_conditions_questions_wishes_and_denied_rejections_are_not_facts(code, text: str, lang: str) -> None:
    assert code(text, lang) == []


def test_compound_source_and_place(code) -> None:
    events = code("Vertegenwoordigers van de Oekraïense, Amerikaanse, Franse en Britse regeringen "
                  "overleggen woensdag in Londen.", "nl")
    assert len(events) == 1
    etype, _, _, source, _, location = events[0]
    assert etype == "CONSULT" and source == ["FRA", "GBR", "UKR", "USA"] and location == "London"


def test_alleged_act_is_not_coded(code) -> None:
    events = code("Oekraïne beschuldigde Rusland ervan het bestand te schenden.", "nl")
    assert [e[:1] + e[3:5] for e in events] == [("ACCUSE", ["UKR"], ["RUS"])]
    assert code("Sudan accused Eritrea of violating the ceasefire.", "en")[0][0] == "ACCUSE"
    assert len(code("Sudan accused Eritrea of violating the ceasefire.", "en")) == 1


def test_threat_with_sanctions_has_the_restrict_mode(code) -> None:
    assert code("Trump dreigde met importheffingen op Russische olie.", "nl") == [
        ("THREATEN", "restrict", "1312", ["USA"], ["RUS"], None)]


def test_passive_by_phrase_gives_the_source(code) -> None:
    events = code("Palestinian villagers were attacked by Israeli soldiers.", "en")
    assert events[0][:1] + events[0][3:5] == ("ASSAULT", ["ISR"], ["PSE"])


def test_threat_to_shell_and_refusal_to_ease_sanctions(code) -> None:
    assert code("Iran threatened to shell Iraqi towns.", "en")[0][:5] == (
        "THREATEN", "violence", "138", ["IRN"], ["IRQ"])
    assert code("China refused to lift sanctions on Japan.", "en")[0][:5] == (
        "REJECT", "yield", "1244", ["CHN"], ["JPN"])


def test_negated_agreement_is_a_rejection(code) -> None:
    assert code("Russia did not agree to a ceasefire with Ukraine.", "en")[0][0] == "REJECT"


def test_demand_that_names_its_target(code) -> None:
    events = code("China demanded that the United States cancel the arms sale.", "en")
    assert events[0][0] == "REQUEST" and events[0][3:5] == (["CHN"], ["USA"])


def test_country_words_come_from_the_kb_without_the_actors_stage() -> None:
    doc = Doc(article=Article(id="x", text="Rusland viel Oekraïne aan."), lang="nl", sentences=[(0, 26)])
    events = EventStage(Options(), load())(doc).events
    assert [(e.type, e.source.country, e.target.country, e.trigger.text) for e in events] == [
        ("ASSAULT", "RUS", "UKR", "viel Oekraïne aan")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_lexicon_codes_exist_and_words_are_strings(lang: str) -> None:
    raw = yaml.safe_load((DATA / lang / "events.yaml").read_text(encoding="utf-8"))
    for entry in raw["triggers"] + raw["frames"]:
        assert all(isinstance(e, str) for e in entry["p"]), entry  # YAML reads bare on/off/no as booleans
        if "cameo" in entry:
            assert entry["cameo"] in plover.table(), entry
        assert entry.get("frame") in (None, *plover.COMBINE, *plover.ACT_FRAMES), entry
        assert entry.get("cameo") or entry.get("type") or entry.get("frame"), entry
    for key in ("negation", "clause_breaks", "determiners", "prepositions"):
        assert all(isinstance(w, str) for w in raw[key]), key
    assert lexicon(lang).patterns


def test_seed_events(seed_record: dict, shared: Path) -> None:
    gold = load_gold(shared / "examples" / "000_46394a742c6b9fcd.gold.json")
    assert score(seed_record, gold).events.f1 >= 0.70
    events = seed_record["events"]
    assert any(e["type"] == "RETREAT" and e["mode"] == "ceasefire" and e["source"]["country"] == "RUS"
               for e in events)
    consult = next(e for e in events if e["type"] == "CONSULT")
    assert consult["location"] == "London" and "UKR" in {a["country"] for a in consult["source"]}
    for e in events:  # type and mode always agree with the 2021 table row of the code
        row = plover.lookup(e["cameo"])
        assert row is None or (row.type == e["type"] and e["mode"] in (row.mode, "intend"))


@pytest.mark.parametrize("text,want", [
    ("Israël voerde zaterdag luchtaanvallen uit op Gaza.", ("ASSAULT", ["ISR"], ["PSE"])),  # aanval* → -vallen
    ("Zelensky heeft Trump om meer wapens gevraagd.", ("REQUEST", ["UKR"], ["USA"])),  # object before the verb
    ("Nederland veroordeelt de Russische aanval op Kyiv.", ("ASSAULT", ["RUS"], ["UKR"])),  # adjective = attacker
    ("Duitsland zegt Oekraïne extra luchtafweer toe.", ("AGREE", ["DEU"], ["UKR"])),  # a pledge alone
    ("Frankrijk roept zijn ambassadeur in Algerije terug.", ("SANCTION", ["FRA"], ["DZA"])),
])
def test_dutch_word_order_and_spelling(code, text: str, want: tuple) -> None:
    assert want in [(e[0], e[3], e[4]) for e in code(text, "nl")]


def test_denied_act_is_not_coded(code) -> None:
    assert [e[0] for e in code("Rusland ontkent dat het burgers heeft aangevallen.", "nl")] == ["REJECT"]


def test_frame_after_a_quote_frames_the_quoted_act(code) -> None:
    events = code("„Oekraïne moet zich terugtrekken uit de vier provincies”, eiste Poetin.", "nl")
    assert [(e[0], e[3], e[4]) for e in events] == [("REQUEST", ["RUS"], ["UKR"])]


def test_speaker_of_a_quote_is_the_source(code) -> None:
    events = code("„Wij zullen de aanvallen op Kyiv voortzetten”, zei Poetin.", "nl")
    assert [(e[0], e[3], e[4]) for e in events] == [("ASSAULT", ["RUS"], ["UKR"])]


def test_strike_is_an_attack_unless_it_is_a_labour_strike(code) -> None:
    assert code("Workers staged a general strike in Paris.", "en")[0][0] == "PROTEST"
    assert code("Russia will strike Kyiv again.", "en")[0][:2] == ("THREATEN", "violence")


def test_a_language_without_a_lexicon_has_no_events() -> None:
    doc = Doc(article=Article(id="x", text="Russland griff die Ukraine an."), lang="de", sentences=[(0, 30)])
    assert lexicon("de") is None
    assert EventStage(Options(), load())(doc).events == []


def test_a_persons_office_acts_for_the_persons_government(code) -> None:
    events = code("Vladimir Putin's office accused Ukraine on Monday of sabotaging the talks.", "en")
    assert [(e[0], e[3], e[4]) for e in events] == [("ACCUSE", ["RUS"], ["UKR"])]


def test_a_sector_is_not_spread_across_a_compound() -> None:
    pipe = Pipeline(Options(lang="en"))
    doc = pipe(make_article(text="Turkey and Hezbollah agreed to a truce.", date="2025-04-22", lang="en"))
    assert [(a.country, a.sector) for a in doc.events[0].source] == [("TUR", None), ("LBN", "REB")]


def test_halting_a_harm_is_a_de_escalation_not_a_threat(code) -> None:
    assert code("Russia halted its attacks on Ukrainian ports.", "en") == [
        ("RETREAT", "disarm", "087", ["RUS"], ["UKR"], None)]
    assert code("Ethiopia will stop the fighting in Tigray.", "en")[0][:4] == ("AGREE", "intend", "0356", ["ETH"])


def test_a_thing_that_will_act_is_a_prediction_not_the_speakers_act(code) -> None:
    assert code('"The agreement will end the fighting in Sudan," Emmanuel Macron said.', "en") == []
    assert code('"We will end the fighting in Sudan," Emmanuel Macron said.', "en")[0][:4] == (
        "AGREE", "intend", "0356", ["FRA"])


def test_a_headline_the_body_repeats_is_one_event() -> None:
    pipe = Pipeline(Options(lang="en"))
    body = "Russia and Ukraine have agreed to a ceasefire, Turkey's president announced on Tuesday."
    doc = pipe(make_article(text="Russia and Ukraine agree to ceasefire in Donbas\n\n" + body,
                            date="2025-04-22", lang="en"))
    assert [(e.type, e.sentence[0] > 0) for e in doc.events] == [("AGREE", True)]
    other = pipe(make_article(text="Iran attacks Israeli embassy\n\n" + body, date="2025-04-22", lang="en"))
    assert [e.type for e in other.events] == ["ASSAULT", "AGREE"]
    titled = pipe(make_article(text="Russia and Ukraine agree to a truce. " + body, date="2025-04-22", lang="en",
                               title="Russia and Ukraine agree to a truce."))
    assert [(e.type, e.sentence[0] > 0) for e in titled.events] == [("AGREE", True)]


@pytest.mark.parametrize("text", [
    "Rob Jetten, de leider van D66, verweet Caroline van der Plas dat zij de boeren misleidt.",
    "Frans Timmermans, leider van GroenLinks-PvdA, beschuldigde Wilders van leugens.",
])
def test_an_apposition_does_not_hide_the_subject(code, text: str) -> None:
    assert [(e[0], e[3], e[4]) for e in code(text, "nl")] == [("ACCUSE", ["NLD"], ["NLD"])]


def test_an_apposition_names_an_unknown_subject() -> None:
    pipe = Pipeline(Options(lang="en"))
    text = "Kenzo Oshima, the United Nations relief coordinator, urged Iraq to allow aid convoys."
    event = pipe(make_article(text=text, date="2025-04-22", lang="en")).events[0]
    assert (event.type, event.source.id, event.target.id) == ("REQUEST", "UN", "IRQ")


def test_event_place_is_linked_to_its_country(seed_record: dict) -> None:
    placed = [e for e in seed_record["events"] if e["location"]]
    assert placed and all(e["location_country"] for e in placed)
    assert ("CONSULT", "London", "GBR") in {(e["type"], e["location"], e["location_country"]) for e in placed}


def _events(text: str, lang: str, country: str | None = None, date: str = "2025-04-22") -> list:
    article = make_article(text=text, date=date, lang=lang)
    article.country = country
    return Pipeline(Options(lang=lang))(article).events


def test_an_unknown_actor_keeps_its_words_and_the_event() -> None:
    [event] = _events("Burgemeester Picqué veroordeelde de aanslag op het stadhuis.", "nl")
    assert event.type == "ACCUSE" and event.source.id is None
    assert (event.source.text, event.source.kind, event.source.sector) == ("Burgemeester Picqué", "PER", "GOV")
    assert event.to_json()["source"]["start"] == 0


def test_unnamed_institutions_belong_to_the_publications_country() -> None:
    [event] = _events("De politie arresteerde donderdag twee betogers.", "nl", country="BEL")
    assert (event.type, event.source.country, event.source.sector, event.source.text) == (
        "COERCE", "BEL", "COP", "De politie")
    [event] = _events("De politie heeft twee betogers gearresteerd.", "nl")
    assert (event.type, event.source.country, event.source.text) == ("COERCE", None, "De politie")


def test_a_role_without_a_country_word_is_read_at_the_publications_country_and_date() -> None:
    [event] = _events("De premier beschuldigde de oppositie van leugens.", "nl", country="BEL", date="2000-09-15")
    assert event.source.name == "Guy Verhofstadt"


def test_an_institution_of_a_named_country() -> None:
    [event] = _events("The Parliament of Iraq voted to expel United States troops.", "en")
    assert (event.type, event.source.country, event.source.sector) == ("SANCTION", "IRQ", "LEG")


def test_no_actor_is_its_own_target() -> None:
    events = _events("Trump withdrew the United States from the treaty.", "en")
    assert all(not (e.source and e.target and e.source.id == e.target.id) for e in events)


@pytest.mark.parametrize(("text", "lang"), [
    ("Mugabe was arrested by the police in 1963.", "en"),
    ("Mugabe werd in 1963 door de politie gearresteerd.", "nl"),  # verb-final: auxiliary far from its participle
])
def test_the_rules_read_a_passive_within_its_clause(text: str, lang: str) -> None:
    doc = Pipeline(Options(lang=lang, parse=False))(make_article(text=text, date="2019-05-01", lang=lang))
    [event] = doc.events
    assert (event.type, event.source.sector, event.target.name) == ("COERCE", "COP", "Robert Mugabe")


def test_a_passive_split_by_an_inserted_phrase_is_read_from_the_parse() -> None:
    if not nlp.model_path("nl").is_dir():
        pytest.skip("no shipped model")
    text = "Mugabe werd, na een lange achtervolging, door de politie gearresteerd."
    doc = Pipeline(Options(lang="nl"))(make_article(text=text, date="2019-05-01", lang="nl"))
    [event] = doc.events
    assert (event.type, event.source.sector, event.target.name) == ("COERCE", "COP", "Robert Mugabe")


def test_without_a_parse_the_rules_still_code_the_event() -> None:
    doc = Pipeline(Options(lang="en", parse=False))(make_article(text="The army attacked the rebels.", lang="en"))
    assert [e.type for e in doc.events] == ["ASSAULT"] and not doc.parses


def test_every_event_carries_a_confidence_from_its_evidence() -> None:
    events = _events("Rusland viel Oekraïne aan. Iemand sprak van een aanval.", "nl")
    assert events and all(0.0 < e.confidence < 1.0 for e in events)
    assert all("confidence" in e.to_json() for e in events)
    known = _events("Rusland viel Oekraïne aan.", "nl")[0]
    unknown = _events("Een groep viel de stad aan.", "nl") or [None]
    assert unknown[0] is None or unknown[0].confidence < known.confidence


def test_a_hostile_act_in_someone_elses_words_is_their_accusation() -> None:
    events = _events("Russia said Ukraine attacked its border posts.", "en")
    got = [(e.type, e.source.name, e.target.name if e.target else None) for e in events]
    assert ("ACCUSE", "Russia", "Ukraine") in got
    act = next(e for e in events if e.type == "ASSAULT")
    claim = next(e for e in events if e.type == "ACCUSE")
    assert act.source.name == "Ukraine" and act.confidence < claim.confidence


def test_a_nominal_act_between_two_parties_has_them_as_its_sides() -> None:
    [fight] = _events("Fighting between Iran and Iraq continued.", "en")
    assert (fight.type, fight.source.name, fight.target.name) == ("ASSAULT", "Iran", "Iraq")
    [talks] = _events("De onderhandelingen tussen Israël en Syrië zijn hervat.", "nl")
    assert talks.type == "CONSULT" and {a.country for a in talks.source} == {"ISR", "SYR"} and talks.target is None


def test_zijn_with_the_participle_of_a_transitive_act_is_passive() -> None:
    [killed] = _events("Daarbij is een Macedonische militair gedood.", "nl")
    assert killed.source is None and killed.target.country == "MKD"
    [resigned] = _events("De Russische minister is gisteren afgetreden.", "nl")
    assert resigned.source.country == "RUS"  # an intransitive act: the subject acts


def test_an_unnamed_institution_belongs_to_the_country_its_sentence_places_it_in() -> None:
    [arrest] = _events("In Macedonië werden twee betogers door de politie gearresteerd.", "nl")
    assert (arrest.source.sector, arrest.source.country, arrest.target.text) == ("COP", "MKD", "twee betogers")


def test_an_unknown_name_is_an_actor_but_an_unknown_adjective_is_not() -> None:
    [release] = _events("Later werd Mejia vrijgelaten door zijn ontvoerders.", "nl")
    assert (release.type, release.target.text, release.target.id) == ("RETREAT", "Mejia", None)
    [attack] = _events("De Zembliaanse soldaten vielen de stad aan.", "nl")
    assert attack.source.text == "Zembliaanse soldaten" and attack.source.sector == "MIL"


def test_a_nominal_act_done_to_someone_has_its_genitive_as_target() -> None:
    [arrest] = _events("De arrestatie van Mugabe door de politie.", "nl")
    assert (arrest.type, arrest.source.sector, arrest.target.name) == ("COERCE", "COP", "Robert Mugabe")
    [release] = _events("The release of Mugabe was announced.", "en")
    assert release.source is None and release.target.name == "Robert Mugabe"


def test_a_participle_after_an_article_and_a_figurative_shot_are_no_attack() -> None:
    assert [e.type for e in _events("Putin spent the day visiting the wounded in a Moscow hospital.", "en")] == [
        "CONSULT"]
    assert _events("She is the candidate with the best shot to defeat Trump.", "en") == []
    assert [e.type for e in _events("The gunman wounded three people.", "en")] == ["ASSAULT"]


def test_a_title_before_a_name_is_the_persons_not_an_institution() -> None:
    [threat] = _events("President Bush has threatened further action against Russia.", "en", date="1991-05-01")
    assert (threat.type, threat.source.country, threat.target.country) == ("THREATEN", "USA", "RUS")


def test_in_a_paper_of_known_country_the_state_acted_on_is_not_the_institutions_own() -> None:
    [condemn] = _events("De regering veroordeelt Rusland.", "nl", country="NLD")
    assert (condemn.type, condemn.source.country, condemn.target.country) == ("ACCUSE", "NLD", "RUS")
    [support] = _events("Het kabinet wil de steun aan Oekraïne verhogen.", "nl", country="NLD")
    assert (support.source.country, support.target.country) == ("NLD", "UKR")
    [attack] = _events("In Macedonië heeft het leger de rebellen aangevallen.", "nl", country="NLD")
    assert attack.source.country == "MKD"


def test_an_act_in_a_sentence_of_one_country_is_aimed_at_home() -> None:
    [threat] = _events("Philippine President Rodrigo Duterte threatened the network's franchise renewal.", "en")
    assert (threat.source.country, threat.target.country, threat.target.id) == ("PHL", "PHL", None)
    [refusal] = _events("Iran weigert de handelaren vrij te laten.", "nl")
    assert refusal.target is not None and refusal.target.country == "IRN"
    [request] = _events("Rusland vroeg zich af wat er gebeurde.", "nl") or [None]
    assert request is None  # a weak frame with no one addressed stays no event


def test_a_conviction_is_a_finding_of_guilt_not_an_arrest(code) -> None:
    [event] = code("A jury convicted Blankenship of conspiracy.", "en")
    assert event[:3] == ("ACCUSE", "disapprove", "116")


def test_a_bare_sector_word_before_a_verb_is_its_subject() -> None:
    [arrest] = _events("Police arrested two men in Kabul.", "en")
    assert (arrest.type, arrest.source.sector, arrest.source.text) == ("COERCE", "COP", "Police")
    adjective = _events("Police officers met the minister.", "en")  # a sector word before a noun names no one
    assert all(e.source is None or e.source.text != "Police" for e in adjective)
    [boycott] = _events("Palestinian leaders said they would boycott all official contact with the United States.", "en")
    assert boycott.target.country == "USA"  # "official contact": a present form may be a noun


@pytest.mark.parametrize(("text", "lang", "country"), [
    ("De Turk viel de agent aan.", "nl", "TUR"),  # a demonym's singular (the KB lists Turken)
    ("Een Duitser bedreigde de burgemeester.", "nl", "DEU"),
    ("A Turk attacked the guard.", "en", "TUR"),
    ("De Israelische luchtmacht viel het dorp aan.", "nl", "ISR"),  # written without its diaeresis
])
def test_forms_the_kb_does_not_list_name_a_country(text: str, lang: str, country: str) -> None:
    [event] = _events(text, lang)
    assert event.source.country == country


def test_a_role_before_a_name_is_one_mention_of_the_person() -> None:
    [visit] = _events("Op 1 juni reisde de Colombiaanse president Pastrana naar de Paraguayaanse hoofdstad Asunción.", "nl")
    assert (visit.type, visit.source.text, visit.target.country) == ("CONSULT", "Colombiaanse president Pastrana", "PRY")
    [petition] = _events("In Den Haag wordt een petitie aangeboden aan minister Brinkhorst.", "nl")
    assert petition.source is None and (petition.target.text, petition.target.country) == ("minister Brinkhorst", "NLD")


def test_an_act_on_no_one_named_in_a_foreign_country_is_done_to_that_country() -> None:
    [arrest] = _events("Oegandese troepen hebben in Congo bijna honderd mensen opgepakt.", "nl")
    assert (arrest.source.country, arrest.target.country) == ("UGA", "COD")
    [strike] = _events("Israeli jets bombed targets in Syria.", "en")
    assert (strike.source.country, strike.target.country) == ("ISR", "SYR")


@pytest.mark.parametrize(("text", "lang"), [
    ("Het kwam tot schermutselingen met de politie, die vier betogers aanhield.", "nl"),
    ("The crowd clashed with the police, who arrested four protesters.", "en"),
])
def test_a_relative_pronoun_makes_the_actor_before_it_the_subject(text: str, lang: str) -> None:
    arrest = next(e for e in _events(text, lang) if e.type == "COERCE")
    assert arrest.source is not None and arrest.source.sector == "COP"


def test_a_determiner_alone_joins_no_compound_and_a_domestic_object_is_a_target() -> None:
    [accuse] = _events("Omtzigt verwijt de VVD dat zij de afspraken niet nakomt.", "nl")
    assert (accuse.type, accuse.source.name, accuse.target.name) == ("ACCUSE", "Pieter Omtzigt", "VVD")
    [arrest] = _events("De politie heeft de 30-jarige Rotterdammer aangehouden.", "nl")
    assert (arrest.type, arrest.target.text) == ("COERCE", "Rotterdammer")


@pytest.mark.parametrize(("text", "lang", "sector"), [
    ("The gunman fired a shot at the crowd.", "en", "CRM"),
    ("De daders schoten een agent neer.", "nl", "CRM"),
    ("The church condemned the attack.", "en", "REL"),
    ("De vakbond kondigde een staking aan.", "nl", "LAB"),
    ("Duizenden boeren demonstreerden in Brussel tegen het landbouwbeleid.", "nl", "CVL"),
])
def test_sector_words_beyond_the_state_name_their_actors(text: str, lang: str, sector: str) -> None:
    assert _events(text, lang)[0].source.sector == sector


def test_a_called_strike_is_a_protest_an_air_strike_an_attack() -> None:
    assert [e.type for e in _events("The union called a strike.", "en")] == ["PROTEST"]
    assert [e.type for e in _events("US forces launched an air strike on Kabul.", "en")] == ["ASSAULT"]


def test_a_participle_of_a_nominal_act_is_a_verb_whose_subject_acts() -> None:
    [expel] = _events("Venezuela heeft de Amerikaanse ambassadeur uitgezet.", "nl")
    assert (expel.type, expel.source.country, expel.target.country) == ("SANCTION", "VEN", "USA")
    [attack] = _events("De Russische aanval op Kyiv.", "nl")
    assert (attack.source.country, attack.target.country) == ("RUS", "UKR")


def test_talks_with_someone_by_phone_and_a_code_is_no_actor() -> None:
    [call] = _events("Biden spoke with Netanyahu by phone about the war in Gaza.", "en")
    assert (call.type, call.mode, call.target.name) == ("CONSULT", "phone", "Benjamin Netanyahu")
    [pledge] = _events("The Netherlands will send F-16 jets to Ukraine.", "en")
    assert pledge.target.country == "UKR"


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("Putin ordered the arrest of Navalny.", "en", ["COERCE"]),
    ("Poetin gaf opdracht Navalny te arresteren.", "nl", ["COERCE"]),
    ("The president signed orders on Friday.", "en", []),  # an order of no known act is no event
])
def test_who_orders_an_act_does_it(code, text: str, lang: str, want: list[str]) -> None:
    assert [e[0] for e in code(text, lang)] == want


@pytest.mark.parametrize(("text", "lang", "sector"), [
    ("A gunman attacked the embassy in Kabul.", "en", "CRM"),
    ("De daders hebben de burgemeester van Kabul bedreigd.", "nl", "CRM"),
    ("The union threatened a strike in Lagos.", "en", "LAB"),
])
def test_unnamed_agents_outside_government_are_actors_with_their_sector(text: str, lang: str, sector: str) -> None:
    event = _events(text, lang)[0]
    assert event.source is not None and event.source.sector == sector


@pytest.mark.parametrize(("text", "want"), [
    ("US troops stayed in Iraq to prevent a collapse.", []),  # a purpose
    ("The government hired lawyers to sue the company.", []),
    ("The Parliament of Iraq voted to expel United States troops.", ["SANCTION"]),  # a decision: a deed
    ("Students gathered in Paris to protest the cuts.", ["PROTEST"]),  # done by the gathering
    ("Israel and Egypt failed to reach agreement on the border.", ["REJECT"]),  # a failed deed is a refusal
])
def test_a_bare_infinitive_is_a_purpose_or_plan_unless_decided(code, text: str, want: list[str]) -> None:
    assert [e[0] for e in code(text, "en")] == want


def test_words_that_name_actors_are_no_acts() -> None:
    assert [e.type for e in _events("The police surrounded the protesters in Hong Kong.", "en")] != ["PROTEST"]
    assert all(e.trigger.text != "protesters" for e in _events("Protesters in Hong Kong met the police.", "en"))


def test_a_passive_without_a_subject_in_its_clause_is_done_to_the_sentences_subject() -> None:
    [arrest] = _events("Mugabe co-founded the party, but was arrested in 1963.", "en")
    assert arrest.type == "COERCE" and arrest.target.name == "Robert Mugabe"


def test_dying_is_what_befalls_the_subject_not_its_act() -> None:
    assert _events("Elijah Cummings died in October 2019.", "en") == []


def test_a_nominal_act_a_subject_survives_is_not_the_subjects() -> None:
    attacks = _events("The minister survived the attack in Lahore.", "en")
    assert all(e.source is None for e in attacks if e.type == "ASSAULT")
    [launched] = _events("Russia launched an attack on Ukraine.", "en")
    assert (launched.source.country, launched.target.country) == ("RUS", "UKR")


def test_a_name_or_possessive_right_before_a_nominal_act_does_it() -> None:
    [attack] = _events("Kabul was the target of an Iran missile attack.", "en")
    assert attack.source.country == "IRN"


def test_fighting_between_an_army_and_foreign_rebels_has_them_as_sides() -> None:
    # "Albanese" is also a person's name; before a noun it is the adjective, and "de gevechten" is no participle
    [fight] = _events("In Macedonië zijn gisteren de gevechten tussen het leger en Albanese rebellen weer opgelaaid.", "nl")
    assert (fight.source.country, fight.source.sector, fight.target.country) == ("MKD", "MIL", "ALB")


def test_a_town_does_not_act() -> None:
    bombs = _events("In mei ontploften bommen in de steden Lahore en Karachi.", "nl")
    assert all(e.source is None for e in bombs)


def test_a_destination_does_not_place_an_institution_and_rebels_are_not_the_outlets() -> None:
    [visit] = _events("De premier bracht een bezoek aan Kinshasa.", "nl", country="BEL")
    assert (visit.source.country, visit.target.country) == ("BEL", "COD")
    [kidnap] = _events("De rebellen hebben twee journalisten ontvoerd.", "nl", country="BEL")
    assert kidnap.source.country is None and kidnap.source.sector == "REB"


@pytest.mark.parametrize(("text", "want"), [
    ("De minister dreigde met ontslag.", ("THREATEN", "130")),
    ("Trump dreigde met importheffingen op Russische olie.", ("THREATEN", "1312")),  # the act named codes it
    ("De rechter veroordeelde de man tot vijf jaar cel.", ("COERCE", "173")),  # a sentence, no condemnation
    ("Het leger heeft het vuur geopend op betogers.", ("ASSAULT", "193")),
])
def test_dutch_idioms_by_class(text: str, want: tuple[str, str]) -> None:
    event = _events(text, "nl", country="BEL")[0]
    assert (event.type, event.cameo) == want


def test_a_court_annulling_a_permit_destroys_nothing() -> None:
    assert _events("De Raad van State vernietigde de vergunning.", "nl", country="BEL") == []


def test_a_pronoun_without_antecedent_is_someone_of_the_sentences_country() -> None:
    [request] = _events("They had asked Hong Kong Chief Executive Carrie Lam to resign.", "en")
    assert request.type == "REQUEST" and (request.source.text, request.source.country) == ("They", "HKG")


def test_showing_is_no_protest_and_a_guard_leaves_the_words_it_does_not_name() -> None:
    assert _events("Zij demonstreerden hun uitzonderlijke klasse in Madrid.", "nl") == []
    assert _events("Apple demonstrated the new iPhone in Paris.", "en") == []
    [rally] = _events("Iranian students held a rally, a peaceful one.", "en")  # "rally" shares a pattern
    assert rally.type == "PROTEST"


def test_demonstrating_in_a_place_is_a_protest() -> None:
    [protest] = _events("Thousands of Iraqi Kurds demonstrated in the city of Kirkuk.", "en")
    assert protest.type == "PROTEST"


def test_people_between_whom_a_meeting_is_are_its_sides() -> None:
    [meeting] = _events("Volker arranged a meeting between Zelensky and Trump.", "en")
    assert meeting.type == "CONSULT" and {a.country for a in meeting.source} == {"UKR", "USA"}


def test_calling_something_a_name_is_no_call_on_someone() -> None:
    events = _events('The Iraqi prime minister spoke, calling it "an aggression on Iraq".', "en")
    assert all(e.type != "REQUEST" for e in events)


@pytest.mark.parametrize(("text", "lang"), [
    ("Per request of Prime Minister Boris Johnson, the Queen suspended parliament.", "en"),
    ("Op verzoek van premier Boris Johnson schorste de koningin het parlement.", "nl"),
])
def test_a_request_of_someone_is_their_request(text: str, lang: str) -> None:
    request = next(e for e in _events(text, lang) if e.type == "REQUEST")
    assert request.source.name == "Boris Johnson"


def test_attacking_a_proclamation_is_criticism() -> None:
    [accuse] = _events("Erdogan attacked the proclamation of the Golan Heights as Israeli territory.", "en")
    assert accuse.type == "ACCUSE"


@pytest.mark.parametrize(("text", "lang"), [
    ("He was killed last week by a United States military airstrike in Iraq.", "en"),
    ("Drie soldaten werden gedood bij een Russische raketaanval op Charkiv.", "nl"),
])
def test_a_nominal_act_named_as_the_means_of_an_act_is_no_second_act(text: str, lang: str) -> None:
    [event] = _events(text, lang)
    assert event.type == "ASSAULT" and event.source.country in ("USA", "RUS")  # the means names the doer


def test_an_irregular_past_after_a_bare_sector_word_makes_it_the_subject() -> None:
    [shooting] = _events("Police shot two protesters.", "en")
    assert (shooting.type, shooting.source.sector, shooting.target.text) == ("ASSAULT", "COP", "two protesters")


def test_the_country_of_the_one_acted_on_is_not_lent_to_an_unknown_doer() -> None:
    [arrest] = _events("De politie hield gisteren een Turkse man aan.", "nl", country="BEL")
    assert (arrest.source.country, arrest.target.country) == ("BEL", "TUR")
    [attack] = _events("De rebellen hebben gisteren een Peruaanse kazerne aangevallen.", "nl", country="BEL")
    assert attack.source.country == "PER"  # rebels fight their own state


def test_a_verb_second_clause_opening_with_a_noun_phrase_has_its_subject_there() -> None:
    [attack] = _events("Een soldaat viel gisteren de Syrische grenspost aan.", "nl")
    assert (attack.source.sector, attack.target.country) == ("MIL", "SYR")
    [attack] = _events("Gisteren viel Israël Gaza aan.", "nl")
    assert (attack.source.country, attack.target.country) == ("ISR", "PSE")


@pytest.mark.parametrize("text", [
    "De schrijver heeft gisteren het Griekse regime geprezen.",  # after an auxiliary: the mention is its object
    "De schrijver prees gisteren het Griekse regime.",
])
def test_an_unknown_noun_phrase_subject_leaves_the_named_actor_as_object(text: str) -> None:
    [praise] = _events(text, "nl")
    assert (praise.type, praise.source, praise.target.country) == ("SUPPORT", None, "GRC")


def test_a_complement_clause_keeps_its_subject() -> None:
    [attack] = _events("Hij zegt dat de Russische troepen Oekraïne hebben aangevallen.", "nl")
    assert (attack.source.country, attack.target.country) == ("RUS", "UKR")


@pytest.mark.parametrize("text", [
    "Het Syrische dorp werd gisteren onder vuur genomen.",  # an idiom ending in its participle
    "Hij zegt dat de Syrische minister gisteren gearresteerd werd.",  # the auxiliary after the participle
])
def test_a_verb_final_passive_has_its_subject_as_target(text: str) -> None:
    [event] = _events(text, "nl")
    assert event.source is None and event.target.country == "SYR"


def test_a_by_phrase_gives_the_source_without_an_auxiliary_or_through_its_genitive() -> None:
    [seize] = _events("De Eritrese stad blijft bezet door Ethiopische soldaten.", "nl")
    assert (seize.type, seize.source.country, seize.target.country) == ("COERCE", "ETH", "ERI")
    [support] = _events("De Luxemburgse eenheid werd gesteund door elf voertuigen van het Duitse leger.", "nl")
    assert (support.type, support.source.country, support.target.country) == ("SUPPORT", "DEU", "LUX")


def test_wanting_or_planning_an_act_is_its_intention_not_the_act() -> None:
    [threat] = _events("Rusland wil Oekraïne aanvallen.", "nl")
    assert (threat.type, threat.source.country, threat.target.country) == ("THREATEN", "RUS", "UKR")
    [talks] = _events("Frankrijk wil met Duitsland onderhandelen.", "nl")
    assert (talks.type, talks.mode) == ("AGREE", "intend")
    [plan] = _events("Japan is van plan sancties tegen Noord-Korea in te stellen.", "nl")
    assert (plan.type, plan.source.country, plan.target.country) == ("THREATEN", "JPN", "PRK")
    # the intention is of the subject's own act, not of an act in the clause it wants to prevent
    assert [e.type for e in _events("Brussel wil voorkomen dat Servië Kosovo aanvalt.", "nl")] == []


def test_a_word_of_a_time_expression_is_no_trigger() -> None:
    assert _events("The party will hold its congress in March, the chairman said.", "en") == []
    assert _events("The Labour Party is to continue its campaign on March 17 in Ohio.", "en") == []
    [march] = _events("Thousands of Chilean teachers march in Santiago.", "en")
    assert march.type == "PROTEST"


def test_must_of_no_actor_is_a_rule_not_a_demand(code) -> None:
    assert code("Applicants must register before the vote, the Kenyan electoral commission said.", "en") == []
    assert [e[0] for e in code("Kenya's president said Uganda must reopen the border.", "en")] == ["REQUEST"]


def test_the_possessor_of_an_arrest_or_release_undergoes_it() -> None:
    events = _events("Tennis player Lena Odrova was charged on Friday. The Czech federation released a statement "
                     "addressing Odrova's arrest.", "en")
    arrest = next(e for e in events if e.trigger.text == "arrest")
    assert arrest.source is None and arrest.target.text == "Odrova's"


def test_a_role_before_an_unknown_name_is_that_person_not_the_office_holder_of_the_day() -> None:
    event = _events("President Elmer Haskins mediated talks between Peru and Chile in 1929.", "en", date="2024-05-01")[0]
    assert event.type == "CONSULT" and event.source.text == "President Elmer Haskins" and event.source.id is None


@pytest.mark.parametrize("text,country", [
    ("A large rally was held on Sunday in Tbilisi.", "GEO"),
    ("The march gathered thousands of farmers in Peru.", "PER"),
])
def test_a_gathering_with_no_doer_named_is_the_crowd_or_the_places_people(text: str, country: str) -> None:
    [event] = _events(text, "en")
    assert event.type == "PROTEST" and event.source.country == country


def test_talks_with_no_partner_named_are_not_held_with_the_own_people(code) -> None:
    assert code("The Peruvian president held talks on Friday.", "en") == [("CONSULT", None, "040", ["PER"], [], None)]


def test_the_target_of_a_state_at_home_is_of_that_state_and_of_a_national_where_the_paper_is() -> None:
    [talks] = _events("Het leger van Fiji onderhandelde gisteren met couppleger Speight.", "nl", country="BEL")
    assert (talks.type, talks.source.country, talks.target.country) == ("CONSULT", "FJI", "FJI")
    [stab] = _events("Een Turk heeft gisteren een man neergestoken.", "nl", country="BEL")
    assert (stab.source.country, stab.target.country) == ("TUR", "BEL")


def test_unknown_actors_of_a_foreign_story_are_of_its_country_not_the_papers() -> None:
    text = ("Premier Chrétien en minister Axworthy spraken gisteren in Ottawa. Canada stuurt troepen naar "
            "Kosovo, zei Chrétien. De regering arresteerde gisteren een journalist.")
    events = _events(text, "nl", country="BEL")
    arrest = next(e for e in events if e.type == "COERCE")
    assert (arrest.source.country, arrest.target.country) == ("CAN", "CAN")
    # a speaker telling of his own state's act accuses no one
    assert [e.type for e in events if e.type == "ACCUSE"] == []
    [arrest] = _events("De regering arresteerde gisteren een journalist.", "nl", country="BEL")
    assert arrest.source.country == "BEL"


@pytest.mark.parametrize("text", [
    "Eritrea en Ethiopië zijn het oneens over een bestand.",  # a nominal act talked about
    "De behandeling van alle zaken zou driehonderd jaar in beslag nemen.",  # time taken, no seizure
    "De gemeenten betalen de kosten van het onderhoud van de kerk.",  # upkeep, no audience
    "De oude brug dreigt een tweede ruïne te worden.",  # a risk, no one's threat
])
def test_senses_that_are_no_event(text: str) -> None:
    assert _events(text, "nl") == []


def test_a_possessive_after_the_finite_verb_is_no_passive_auxiliary() -> None:
    [seize] = _events("De politie heeft zijn auto in beslag genomen.", "nl", country="BEL")
    assert (seize.type, seize.source.sector) == ("COERCE", "COP")
    [talks] = _events("Verhofstadt had een lang onderhoud met Chirac.", "nl", date="2000-06-15")
    assert (talks.type, talks.source.country, talks.target.country) == ("CONSULT", "BEL", "FRA")


def test_we_of_an_unknown_speaker_is_not_of_the_country_it_threatens() -> None:
    [threat] = _events("„Als Kroatië niet meewerkt, dan vallen we de grensposten aan.”", "nl")
    assert (threat.type, threat.source.text, threat.source.country, threat.target.country) == (
        "THREATEN", "we", None, "HRV")


def test_a_thing_that_allows_is_no_actor_conceding(code) -> None:
    assert code("The new statute allows farmers to sell abroad.", "en") == []
    assert code("It is a scanner which allows doctors to see more.", "en") == []
    assert [e[0] for e in code("The Chilean government has allowed foreign observers into the prisons.", "en")] == ["CONCEDE"]


def test_a_subject_across_a_comma_did_not_do_the_act_its_verb_takes(code) -> None:
    assert code("The Peruvian mayor, on Sunday, mourned the attack on the Chilean embassy.", "en") == [
        ("ASSAULT", None, "190", [], ["CHL"], None)]


def test_a_passive_between_two_parties_has_them_as_its_sides(code) -> None:
    assert code("In 2012 a pact on fishing was signed between Peru and Chile.", "en") == [
        ("SUPPORT", None, "057", ["CHL", "PER"], [], None)]


def test_a_nominal_act_in_a_passives_by_phrase_is_done_to_its_subject(code) -> None:
    assert code("The Chilean consulate was rocked by a Peruvian rocket attack.", "en") == [
        ("ASSAULT", "heavy-weapons", "195", ["PER"], ["CHL"], None)]
    assert code("The Chilean consulate was rocked by an attack.", "en") == [
        ("ASSAULT", None, "190", [], ["CHL"], None)]


def test_adjacent_nominal_triggers_of_one_type_are_one_act() -> None:
    [event] = _events("Rocket attacks on the Chilean consulate continued.", "en")
    assert event.trigger.text == "Rocket attacks"


def test_a_visit_with_no_host_named_is_still_paid_at_home(code) -> None:
    assert code("The Peruvian president made a working visit on Friday.", "en")[0][4] == ["PER"]


def test_belgian_institutions_are_sector_words() -> None:
    [arrest] = _events("De rijkswacht heeft gisteren drie betogers opgepakt.", "nl", country="BEL")
    assert (arrest.type, arrest.source.country, arrest.source.sector) == ("COERCE", "BEL", "COP")
    [probe] = _events("Het parket heeft een onderzoek naar de burgemeester geopend.", "nl", country="BEL")
    assert (probe.type, probe.source.sector, probe.target.sector) == ("ACCUSE", "JUD", "GOV")
    [arrest] = _events("In Birma heeft de junta gisteren twintig dissidenten opgepakt.", "nl", country="BEL")
    assert (arrest.source.sector, arrest.source.country, arrest.target.sector) == ("GOV", "MMR", "OPP")


def test_an_investigation_of_no_one_named_accuses_no_one(code) -> None:
    assert code("The Peruvian fire service said an investigation was under way.", "en") == []
    assert [e[0] for e in code("Peru opened an investigation into the Chilean consul.", "en")] == ["ACCUSE"]


def test_a_demand_that_frames_an_act_is_made_of_the_complement_clauses_subject(code) -> None:
    assert code("Chile demanded on Monday that Peru withdraw its troops from the border.", "en")[0][:5] == (
        "REQUEST", "yield", "1056", ["CHL"], ["PER"])


def test_a_release_told_with_its_day_is_still_a_release(code) -> None:
    assert [e[0] for e in code("Hamas released the hostages on Monday.", "en")] == ["RETREAT"]


def test_a_states_act_told_by_its_own_officials_is_no_accusation(code) -> None:
    events = code("Peru has banned the Chilean airline, Peruvian officials said.", "en")
    assert [e[0] for e in events] == ["COERCE"] and events[0][3] == ["PER"]


def test_what_someone_is_convicted_of_is_the_charge_not_an_act(code) -> None:
    events = code("The court convicted the mayor of attacking a Chilean journalist.", "en")
    assert [e[0] for e in events] == ["ACCUSE"]


@pytest.mark.parametrize("text, kind, src, tgt", [
    ("De kritiek van Verhofstadt op de Franse regering was scherp.", "ACCUSE", "BEL", "FRA"),
    ("De steun van Rusland aan Servië blijft groot.", "SUPPORT", "RUS", "SRB"),
    ("De aanval van Israël op Gaza kostte tien mensen het leven.", "ASSAULT", "ISR", "PSE"),
])
def test_a_nominal_acts_genitive_acts_on_the_phrase_it_is_aimed_at(text: str, kind: str, src: str, tgt: str) -> None:
    [event] = _events(text, "nl", country="BEL", date="2000-06-15")
    assert (event.type, event.source.country, event.target.country) == (kind, src, tgt)


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


def test_a_seat_that_stands_for_a_body_acts_for_it() -> None:
    [demand] = _events("Brussel eist dat Moskou oppositieleider Navalny vrijlaat.", "nl")
    assert (demand.type, demand.source.id, demand.target.country) == ("REQUEST", "EU", "RUS")


@pytest.mark.parametrize("text,lang", [("Kaag waarschuwde Rusland voor sancties.", "nl"),
                                       ("Biden warned Russia of severe sanctions.", "en")])
def test_a_warning_to_someone_is_a_threat(text: str, lang: str) -> None:
    assert [(e.type, e.target.country) for e in _events(text, lang)] == [("THREATEN", "RUS")]


@pytest.mark.parametrize("text,lang", [("Iran ontkende betrokken te zijn bij de aanval, maar prees Hamas.", "nl"),
                                       ("Iran denied any role in the attack but praised Hamas.", "en")])
def test_a_second_verb_after_but_is_a_fact_of_the_first_subject(text: str, lang: str) -> None:
    praise = next(e for e in _events(text, lang) if e.type == "SUPPORT")
    assert (praise.source.country, praise.target.id) == ("IRN", "org:hamas")


@pytest.mark.parametrize("text,lang", [
    ("Premier Rutte belde zondag met de Israëlische premier Netanyahu. Hij veroordeelde de aanslagen.", "nl"),
    ("Biden spoke with Prime Minister Netanyahu on Sunday. He condemned the attacks.", "en"),
])
def test_he_opening_a_sentence_is_the_last_sentences_subject(text: str, lang: str) -> None:
    condemn = next(e for e in _events(text, lang) if e.type == "ACCUSE")
    assert condemn.source.id in ("p:mark-rutte", "Q6279")


@pytest.mark.parametrize("text,lang,country", [
    ("Biden stuurt een vliegdekschip naar de regio.", "nl", "USA"),
    ("Rusland stuurde duizenden troepen naar de grens.", "nl", "RUS"),
    ("Russia sent thousands of troops to the border.", "en", "RUS"),
])
def test_sending_forces_is_a_deployment_and_the_forces_are_no_target(text: str, lang: str, country: str) -> None:
    [deploy] = _events(text, lang)
    assert (deploy.type, deploy.source.country, deploy.target) == ("MOBILIZE", country, None)


def test_holder_of_an_international_office_acts_for_the_body(code) -> None:
    """A UN secretary-general's appeal is the UN's: no country of his own, no home target."""
    events = code("Secretaris-generaal Guterres riep beide partijen op de gevechten te staken.", "nl")
    assert events and all(e[3] == [None] and e[4] == [] for e in events)


@pytest.mark.parametrize("text,lang", [
    ("Rutte veroordeelde de aanval.", "nl"),
    ("The minister condemned the attack.", "en"),
])
def test_judging_another_act_is_not_aimed_at_home(code, text: str, lang: str) -> None:
    """Condemning an attack aims at the attacker, whom the clause does not name: no home target."""
    events = code(text, lang)
    assert [e[0] for e in events if e[0] == "ACCUSE"] == ["ACCUSE"]
    assert all(e[4] == [] for e in events if e[0] == "ACCUSE")


def test_calling_off_ones_own_act_stays_aimed_at_home(code) -> None:
    """Retracting one's own strike is a concession to the home government, as before."""
    events = code("The Nigerian teachers' union called off the strike.", "en")
    assert [(e[0], e[3], e[4]) for e in events] == [("CONCEDE", ["NGA"], ["NGA"])]


@pytest.mark.parametrize("text,lang", [
    ("Bij een aanslag bij het vliegveld van Kabul kwamen zestig mensen om.", "nl"),
    ("Sixty people were killed in an attack near the airport of Kabul.", "en"),
])
def test_a_capital_after_a_place_noun_is_the_place_not_its_government(code, text: str, lang: str) -> None:
    """ "het vliegveld van Kabul": where the attack was, not Afghanistan's government attacking."""
    assert all("AFG" not in e[3] for e in code(text, lang))
