"""Language identification: detection, given and forced languages, unsupported ones reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.kb import load
from kroniek.model import Article, Doc, Options
from kroniek.stages.language import (
    SAMPLE_CHARS,
    LanguageStage,
    by_function_words,
    detect,
    detector,
    function_words,
    is_supported,
    normalise,
)

DUTCH = "De Russische president gaf zaterdag het bevel om alle militaire activiteiten te staken."
ENGLISH = "The Russian president ordered a halt to all military activity on Saturday, officials said."
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GERMAN = "Der russische Präsident ordnete am Samstag an, alle militärischen Aktivitäten einzustellen."


def _run(text: str, options: Options | None = None, lang: str | None = None) -> Doc:
    return LanguageStage(options or Options(), load())(Doc(article=Article(id="a1", text=text, lang=lang)))


@pytest.mark.parametrize("text, code", [(DUTCH, "nl"), (ENGLISH, "en"), (GERMAN, "de"),
                                        ("Le président russe a ordonné samedi l'arrêt des combats.", "fr")])
def test_detects_the_language(text: str, code: str) -> None:
    assert detect(text) == code


def test_seed_is_dutch(seed_record) -> None:
    assert seed_record["lang"] == "nl"


def test_supported_language_gives_no_warning() -> None:
    doc = _run(ENGLISH)
    assert doc.lang == "en" and is_supported(doc) and doc.warnings == []


def test_unsupported_language_is_reported_by_name_and_document() -> None:
    doc = _run(GERMAN)
    assert doc.lang == "de" and not is_supported(doc)
    assert len(doc.warnings) == 1 and "a1" in doc.warnings[0] and "'de'" in doc.warnings[0]


def test_given_language_wins_over_detection_and_is_normalised() -> None:
    assert _run(ENGLISH, lang="nl-BE").lang == "nl"


def test_forced_language_wins_over_given_one() -> None:
    assert _run(DUTCH, Options(lang="EN"), lang="nl").lang == "en"


def test_empty_text_is_reported_as_undetected() -> None:
    doc = _run(" 12 ")
    assert doc.lang is None and "not detected" in doc.warnings[0]


@pytest.mark.parametrize("code, expected", [("nl_NL", "nl"), ("EN-us", "en"), ("", None), (None, None)])
def test_normalise(code: str | None, expected: str | None) -> None:
    assert normalise(code) == expected


@pytest.mark.parametrize("name", ["001_navo_top_den_haag.txt", "002_gaza_ceasefire_en.txt", "003_kabinet_valt.txt"])
def test_function_words_decide_news_as_lingua_does(name: str) -> None:
    sample = (EXAMPLES / name).read_text(encoding="utf-8")[:SAMPLE_CHARS]
    quick = by_function_words(sample)
    assert quick is not None
    assert quick == detector().detect_language_of(sample).iso_code_639_1.name.lower()


@pytest.mark.parametrize("text", [DUTCH, ENGLISH, GERMAN,
                                  "The minister said: 'Wij zijn er niet van overtuigd dat het werkt', and left."])
def test_short_or_mixed_text_is_left_to_lingua(text: str) -> None:
    assert by_function_words(text) is None


def test_a_word_of_two_languages_tells_nothing() -> None:
    words = function_words()
    assert words["het"] == "nl" and words["the"] == "en" and "de" not in words and "in" not in words
