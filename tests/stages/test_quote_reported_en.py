"""English reported speech at breadth: a parenthetical attribution or 'according to' aside inside the
clause it reports, the 'quoted as saying' passive, a bare hearer before the reported clause."""
from __future__ import annotations

import pytest

from .test_quote_speakers import speakers, unlinked
from .test_quotes import run


@pytest.mark.parametrize(("text", "want"), [
    ("The new ferry, port officials said, will sail twice a day.",
     ("The new ferry will sail twice a day", "port officials")),
    ("Most of the money, the treasurer added, would go to schools.",
     ("Most of the money would go to schools", "the treasurer")),
    ("The mill, according to three workers at the site, will close in June.",
     ("The mill will close in June", "three workers at the site")),
])
def test_an_aside_inside_a_clause_reports_the_whole_clause(text: str, want: tuple[str, str]) -> None:
    assert speakers(run(text, "en")) == [want]


@pytest.mark.parametrize("text", [
    "The ferry is safe, port officials said, in a statement on Monday.",
    "The ferry is safe, port officials said, adding that checks went on.",
    "The ferry is safe, port officials said, and it will sail again.",
])
def test_an_adjunct_after_the_aside_is_the_reporters_own(text: str) -> None:
    assert speakers(run(text, "en"))[0] == ("The ferry is safe", "port officials")


@pytest.mark.parametrize("text", [
    "Nora Hale was quoted as saying that the harbour would reopen.",
    "Nora Hale was quoted by a local paper as saying the harbour would reopen.",
    "Nora Hale was cited as saying the harbour would reopen.",
])
def test_quoted_as_saying_is_the_subjects_statement(text: str) -> None:
    assert speakers(run(text, "en", unlinked("Nora Hale"))) == [("the harbour would reopen", "Nora Hale")]


def test_a_determiner_after_a_bare_hearer_opens_the_reported_clause() -> None:
    doc = run("Nora Hale told reporters the talks had failed.", "en", unlinked("Nora Hale"))
    assert speakers(doc) == [("the talks had failed", "Nora Hale")]


def test_an_aside_source_ends_before_its_participle() -> None:
    text = "After the storm, according to a report citing the harbour office, nine boats were lost."
    assert speakers(run(text, "en")) == [("After the storm nine boats were lost", "a report")]


def test_a_spaced_mark_after_a_nested_quote_closes_it() -> None:
    text = ('Former judge Ada Moss said: "Reading it, I thought, \'Wow, they are open about it.\' "\n\n'
            '"That is the only reading," wrote the analyst Tom Reyes.')
    doc = run(text, "en", unlinked("Ada Moss", "Tom Reyes"))
    assert [name for _, name in speakers(doc)] == ["Ada Moss", "Tom Reyes"]
