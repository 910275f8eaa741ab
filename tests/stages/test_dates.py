"""The dates stage: TIMEX3 values for Dutch and English, the publication-day estimate, date_for."""
from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.eval import load_gold, score
from kroniek.kb import load
from kroniek.model import Article, Doc, Options, Timex
from kroniek.stages.dates import DateStage, date_for
from kroniek.stages.segment import SegmentStage
from kroniek.timex import holiday_date, resolve, tag
from kroniek.timex.feasts import country_holiday


def run(text: str, date: str | None = "2025-04-22", lang: str = "nl") -> Doc:
    doc = Doc(Article("t", text, date=date, lang=lang), lang=lang)
    return DateStage(Options(), load())(SegmentStage(Options(), load())(doc))


def values(text: str, date: str | None = "2025-04-22", lang: str = "nl") -> dict[str, str]:
    return {t.text: t.value for t in run(text, date, lang).timexes}


@pytest.mark.parametrize("text, value", [
    ("Het gebeurde op 20 april.", "2025-04-20"),
    ("Het gebeurde op 20-04-2025.", "2025-04-20"),
    ("Het gebeurde op 20 april 2025.", "2025-04-20"),
    ("Sinds de invasie in februari 2022 is alles anders.", "2022-02"),
    ("Hij kwam gisteren aan.", "2025-04-21"),
    ("Dat was vorige week.", "2025-W16"),
    ("Dat was vorige maand.", "2025-03"),
    ("Dat komt volgend jaar.", "2026"),
    ("Dat was drie jaar geleden.", "2022"),
    ("De wapenstilstand duurde tot en met zondagavond.", "2025-04-20TEV"),
    ("Het gebeurde vanochtend.", "2025-04-22TMO"),
    ("Het stuk gaat met Pasen open.", "2025-04-20"),
    ("Op dit moment gaat het alarm af.", "PRESENT_REF"),
    ("Dat gebeurt binnenkort.", "FUTURE_REF"),
    ("Vroeger was dat anders.", "PAST_REF"),
    ("Het duurde drie dagen.", "P3D"),
    ("Dat gebeurt elke week.", "P1W"),
    ("Dat gebeurde zaterdag jl. in Den Haag.", "2025-04-19"),
    ("We zien elkaar maandag a.s. weer.", "2025-04-28"),
    ("Het kabinet komt over twee weken met een plan.", "2025-W19"),
    ("Eerder deze week sprak hij.", "2025-W17"),
])
def test_dutch_values(text: str, value: str) -> None:
    assert value in values(text).values()


@pytest.mark.parametrize("text, value", [
    ("It happened on April 20th.", "2025-04-20"),
    ("He arrived last Tuesday.", "2025-04-15"),
    ("The talks will start at 5 p.m. on Friday.", "2025-04-25T17:00"),
    ("Thanksgiving 2025 falls late.", "2025-11-27"),
    ("It lasted three weeks.", "P3W"),
    ("The law dates from nineteen ninety-one.", "1991"),
    ("The second quarter was weak; a year earlier it was strong.", "2024-Q2"),
])
def test_english_values(text: str, value: str) -> None:
    assert value in values(text, lang="en").values()


@pytest.mark.parametrize("text, lang, want", [
    ("Dat gebeurde op 3 november.", "nl", {"3 november": "2024-11-03"}),
    ("Dat gebeurde op 3 nov. 2024 in Gent.", "nl", {"3 nov. 2024": "2024-11-03"}),
    ("It happened on 3 November.", "en", {"3 November": "2024-11-03"}),
])
def test_a_sentences_full_stop_is_no_part_of_a_date(text: str, lang: str, want: dict) -> None:
    """Only an abbreviated month before its year keeps its period: surfaces are scored as written."""
    assert values(text, lang=lang) == want


def test_weekday_follows_tense() -> None:
    """Told in the past, a weekday is the last one before the article; told in the future, the next."""
    past = values("Poetin gaf zaterdag het bevel.")
    future = values("De ministers overleggen woensdag in Londen.")
    assert past["zaterdag"] == "2025-04-19"
    assert future["woensdag"] == "2025-04-23"


@pytest.mark.parametrize("text, lang, day, value", [
    ("The new law is expected to take effect on Saturday.", "en", "Saturday", "2025-01-18"),
    ("The summit is due to open on Monday in Brussels.", "en", "Monday", "2025-01-20"),
    ("Talks are set to resume on Tuesday.", "en", "Tuesday", "2025-01-21"),
    ("The law took effect on Saturday.", "en", "Saturday", "2025-01-11"),
    ("De nieuwe regels moeten zaterdag ingaan.", "nl", "zaterdag", "2025-01-18"),
    ("Het akkoord zal naar verwachting maandag worden getekend.", "nl", "maandag", "2025-01-20"),
])
def test_scheduled_weekday_is_future(text: str, lang: str, day: str, value: str) -> None:
    """'is due to', 'is expected to', 'is set to', 'moet … ingaan' schedule: the next such day
    (the article is of Thursday 16 January); a past verb keeps the last one."""
    assert values(text, "2025-01-16", lang)[day] == value


def test_a_day_later_counts_from_the_date_before() -> None:
    got = values("Kyiv meldde zaterdag dat de aanvallen doorgingen. Het ministerie kondigde een dag later aan te stoppen.")
    assert got["een dag later"] == "2025-04-20"


def test_clock_times_take_the_day_of_their_sentence() -> None:
    doc = run("Poetin gaf zaterdag het bevel vanaf 17.00 uur (18.00 uur lokale tijd) de wapens te laten zwijgen.")
    got = {t.text: (t.type, t.value) for t in doc.timexes}
    assert got["17.00 uur"] == ("TIME", "2025-04-19T17:00")
    assert got["18.00 uur"] == ("TIME", "2025-04-19T18:00")


def test_false_friends_are_not_dates() -> None:
    assert values("Mei Li zei dat ze nu komt.") == {}
    assert values("They may march on.", lang="en") == {}
    assert values("Het gebeurde in mei.") == {"mei": "2025-05"}


@pytest.mark.parametrize("name, year, day", [
    ("pasen", 2025, "2025-04-20"), ("pinksteren", 2025, "2025-06-08"), ("koningsdag", 2025, "2025-04-26"),
    ("bevrijdingsdag", 2024, "2024-05-05"), ("kerstmis", 2024, "2024-12-25"),
    ("orthodoxe pasen", 2024, "2024-05-05"),
])
def test_holidays_are_computed_per_year(name: str, year: int, day: str) -> None:
    from kroniek.timex import grammar

    assert holiday_date(grammar("nl").word("holidays", name), year).isoformat() == day


def test_unresolvable_without_a_reference_date() -> None:
    """Without any date to count from, relative expressions stay underspecified (TimeML X)."""
    got = {t.text: t.value for t in resolve(tag("He left on Monday.", "en"), None, "en")}
    assert got == {"Monday": "XXXX-XX-XX"}


def test_published_day_as_given() -> None:
    assert run("Hij kwam gisteren.", date="2025-04-22").published == "2025-04-22"


def test_published_day_inferred_from_anchors() -> None:
    text = ("Poetin gaf zaterdag het bevel. Met Pasen zweeg het vuur niet. Maandag zei hij meer. "
            "De ministers overleggen woensdag in Londen.")
    doc = run(text, date="2025-04")
    assert doc.article.date == "2025-04"
    assert doc.published in ("2025-04-21", "2025-04-22", "2025-04-23")


def test_undated_article_with_no_anchor_has_no_estimate() -> None:
    assert run("Hij kwam gisteren.", date=None).published is None


def test_date_for_prefers_the_expression_before_the_clause() -> None:
    text = "Kyiv meldde zaterdag dat de aanvallen doorgingen. Trump overlegt woensdag. Iets anders."
    doc = Doc(Article("t", text, date="2025-04-22", lang="nl"), lang="nl", published="2025-04-22")
    doc.sentences = [(0, 50), (51, 75), (76, len(text))]
    doc.timexes = [Timex(12, 20, "zaterdag", "DATE", "2025-04-19"), Timex(65, 73, "woensdag", "DATE", "2025-04-23")]
    assert date_for(doc, 26, 49) == "2025-04-19"  # reported clause after the date
    assert date_for(doc, 0, 11) == "2025-04-19"  # the verb just before it, same clause
    assert date_for(doc, 57, 64) == "2025-04-23"
    assert date_for(doc, 76, 88) == "2025-04-22"  # no expression: the publication day


def test_seed_timexes_and_publication_day(seed_record: dict, shared: Path) -> None:
    gold = load_gold(shared / "examples" / "000_46394a742c6b9fcd.gold.json")
    metrics = score(seed_record, gold).metrics()
    assert metrics["timex_f1"] >= 0.90
    assert metrics["timex_value_accuracy"] >= 0.85
    assert metrics["published_within_1_day"] == 1.0
    assert seed_record["date"] == "2025-04"


def test_range_parts_take_the_rest_from_the_other_end() -> None:
    assert values("Op 19 en 20 april wordt er gestaakt.") == {"19": "2025-04-19", "20 april": "2025-04-20"}
    assert values("The summit on November 19-20 ended.", date=None, lang="en") == {
        "November 19": "XXXX-11-19", "20": "XXXX-11-20"}
    assert values("In 2010 and 25 people died.", lang="en") == {"2010": "2010"}


def test_date_for_skips_an_interval_end() -> None:
    """'tot en met zondagavond' bounds the order; the order itself was given on Saturday."""
    doc = run("Poetin gaf zaterdag het bevel tot en met zondagavond de wapens te laten zwijgen.")
    start = doc.text.index("de wapens")
    assert date_for(doc, start, start + 9) == "2025-04-19"


def test_dates_outside_the_calendar_do_not_fail() -> None:
    assert values("Dat was 5000 jaar geleden.") == {"5000 jaar geleden": "XXXX"}
    assert values("It ends 9999 years from now.", lang="en") == {"9999 years from now": "XXXX"}


@pytest.mark.parametrize("given", [None, "2025"])
def test_seed_publication_day_without_its_month(shared: Path, given: str | None) -> None:
    """Undated, the seed still places itself: Easter falls on 20 April in 2025, not in 2022."""
    from kroniek.ingest.readers import read_inputs

    text = next(read_inputs([str(shared / "examples" / "000_46394a742c6b9fcd.txt")])).text
    doc = run(text, date=given)
    assert doc.published == "2025-04-22"
    assert {t.text: t.value for t in doc.timexes}["vorige week"] == "2025-W16"


def test_undated_article_is_placed_after_its_latest_day_not_among_the_early_ones() -> None:
    from kroniek import analyse

    rec = analyse("Op 3 januari 2024 begon het proces. Op 20 december 2024 deed de rechter uitspraak. "
                  "De advocaat zei dat hij in beroep gaat.", lang="nl")
    assert rec["published"] is not None and "2024-12-20" <= rec["published"] <= "2024-12-31"


@pytest.mark.parametrize("country, name, year", [
    ("US", "Thanksgiving Day", 2024), ("US", "Memorial Day", 1950), ("NL", "King's Day", 2013),
    ("NL", "King's Day", 2030), ("US", "Labor Day", 1850), ("US", "Independence Day", 2150),
])
def test_country_holidays_are_the_packages_inside_and_outside_the_kept_years(country: str, name: str,
                                                                             year: int) -> None:
    import holidays

    found = holidays.country_holidays(country, years=year).get_named(name, lookup="exact")
    assert country_holiday(country, name, year) == (found[0] if found else None)


def test_a_document_in_an_unsupported_language_is_left_alone() -> None:
    doc = Doc(Article("t", "Le 14 juillet 2024, à Paris.", date="2024-07-15", lang="fr"), lang="fr", analysable=False)
    assert DateStage(Options(), load())(doc).timexes == [] and doc.published is None
