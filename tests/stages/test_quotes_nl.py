"""Dutch reported speech at breadth: the source's noun phrase, the subject of a cue, what is no speech.

Every sentence here is written for the test (issue #14): each stands for a class of construction.
"""
from __future__ import annotations

import pytest

from kroniek import nlp
from tests.stages.test_quotes import run


def reported(text: str) -> list[tuple[str | None, str]]:
    """(speaker words, content) of the reported quotes of a text."""
    return [(q.speaker.text if q.speaker else None, q.text) for q in run(text, "nl").quotes if not q.direct]


@pytest.mark.parametrize(("text", "source", "content"), [
    # a word that ends in a number word is no number (rijkswacht: acht; officier: vier)
    ("Volgens de rijkswacht reed de bestuurder veel te snel.", "de rijkswacht", "reed de bestuurder veel te snel"),
    ("Volgens de officier van justitie heeft de getuige gelogen.", "de officier van justitie",
     "heeft de getuige gelogen"),
    # a determiner after a noun opens the next phrase; a capitalised one before a name is the name's
    ("Daarbij speelt volgens kenners de lange rivaliteit een rol.", "kenners",
     "Daarbij speelt de lange rivaliteit een rol."),
    ("Volgens schepen Jan De Wolf komt de brug er niet.", "schepen Jan De Wolf", "komt de brug er niet"),
    # te opens the verb, not the source
    ("Een nieuwe aanpak is volgens de vakbond te verkiezen boven ontslagen.", "de vakbond",
     "Een nieuwe aanpak is te verkiezen boven ontslagen."),
])
def test_volgens_source_is_a_whole_noun_phrase(text: str, source: str, content: str) -> None:
    assert reported("Er was nieuws. " + text) == [(source, content)]


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Volgens Pieters vertrok de trein veel te laat.", "Pieters", "vertrok de trein veel te laat"),
    ("Met de patiënten gaat het volgens de artsen alles goed.", "de artsen", "Met de patiënten gaat het alles goed."),
])
def test_volgens_source_ends_where_the_tagger_sees_the_clause(text: str, source: str, content: str) -> None:
    """A verb right after a name, or a pronoun after the noun, ends the source (tagged on demand)."""
    if not nlp.model_path("nl").is_dir():
        pytest.skip("no shipped Dutch model")
    assert reported("Er was nieuws. " + text) == [(source, content)]
