"""Other transliterations of Cyrillic names, generated from data/spellings.yaml."""
from __future__ import annotations

import pytest

from kroniek.kb import load
from kroniek.model import Article, Doc, Options
from kroniek.stages.actors import ActorStage
from kroniek.stages.actors.spellings import variants
from kroniek.stages.segment import SegmentStage


@pytest.mark.parametrize("name,other", [
    ("Zelensky", "Zelenskiy"), ("Zelensky", "Zelenskyj"), ("Sergei Shoigu", "Sergei Sjoigoe"),
    ("Yevgeny Prigozhin", "Yevgeny Prigozjin"), ("Kharkiv", "Charkiv"), ("Dmytro Kuleba", "Dmytro Koeleba"),
])
def test_one_sound_in_the_letters_of_another_language(name: str, other: str) -> None:
    assert other in variants(name)


def test_no_spelling_repeats_the_name_or_is_too_short() -> None:
    assert "Zelensky" not in variants("Zelensky")
    assert all(len(v) >= 5 for v in variants("Ivo"))


@pytest.mark.parametrize("text,name,actor", [
    ("Zelenskiy said Moscow was trying to destroy the grid.", "Zelenskiy", "UKR"),
    ("Minister Koeleba sprak in Charkiv met Andrij Jermak.", "Andrij Jermak", "UKR"),
    ("Ook Sjojgoe was er.", "Sjojgoe", "RUS"),
])
def test_a_paper_s_transliteration_links_to_the_kb_person(text: str, name: str, actor: str) -> None:
    doc = Doc(Article(id="t", text=text, date="2023-05-01"), lang="en" if " said " in text else "nl")
    doc = ActorStage(Options(), load())(SegmentStage(Options(), load())(doc))
    got = {e.text: e.actor for e in doc.entities}
    assert got[name] is not None and got[name].id and got[name].country == actor
