"""English quotes and speakers (issue #14): one-word quotes after a naming verb, plural
subjects of opinion cues, speakers of relative and interrupted clauses."""
from __future__ import annotations

import pytest

from .test_quote_speakers import speakers, unlinked
from .test_quotes import run


@pytest.mark.parametrize(("text", "word"), [
    ("Mara Quill called the new toll “unfair” on Monday.", "unfair"),
    ("Mara Quill calls the mayor's critics “cowards”.", "cowards"),
    ("Mara Quill described the budget as “reckless”.", "reckless"),
    ("Mara Quill referred to the tunnel plan as a “fantasy”.", "fantasy"),
])
def test_a_naming_verb_quotes_one_word(text: str, word: str) -> None:
    assert speakers(run(text, "en", unlinked("Mara Quill"))) == [(word, "Mara Quill")]


@pytest.mark.parametrize("text", [
    "Engineers found a bridge design called a “lantern” in old files.",  # only a determiner: a name
    "Mara Quill called the plan “Skyline” in her speech.",  # a capital: a name
    "Mara Quill was called a liar by critics for her “bold” ideas.",  # passive, a preposition on the way
    "Mara Quill described the “lantern” design to the board.",  # no 'as': a term
])
def test_a_naming_verb_leaves_names_and_terms(text: str) -> None:
    assert speakers(run(text, "en", unlinked("Mara Quill"))) == []
