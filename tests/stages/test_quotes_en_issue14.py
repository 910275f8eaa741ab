"""English quotes and speakers (issue #14): one-word quotes after a naming verb, plural
subjects of opinion cues, speakers of relative and interrupted clauses."""
from __future__ import annotations

import pytest

from kroniek import Options, Pipeline
from kroniek.model import Article, Doc

from .test_quote_speakers import run_typed, speakers, unlinked
from .test_quotes import run


def run_kb(text: str, date: str) -> Doc:
    """The whole pipeline up to quotes, names linked by the actors stage and the KB."""
    pipe = Pipeline(Options(lang="en", stages=("language", "segment", "actors", "dates", "quotes")))
    return pipe(Article(id="t", text=text, date=date, lang="en"))


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


@pytest.mark.parametrize(("text", "group"), [
    ("Harbour pilots in Brest are worried. They fear the new quay will silt up.", "Harbour pilots"),
    ("The inspectors measured the dunes twice. They said the coast had moved inland.", "the inspectors"),
    ("The station's lead engineers, two women from Oslo, checked the pumps. They said the pumps were sound.",
     "the station's lead engineers"),
])
def test_they_is_the_plural_group_that_opened_a_sentence(text: str, group: str) -> None:
    assert [sp for _, sp in speakers(run(text, "en"))] == [group]


@pytest.mark.parametrize("text", [
    "The tide tables were wrong. They said the coast had moved inland.",  # things, not people
    "If the surveyors agree, the plan passes. They said the coast had moved inland.",  # no subject opens it
])
def test_they_is_no_group_of_things_or_clause_opener(text: str) -> None:
    assert [sp for _, sp in speakers(run(text, "en"))] == [None]


@pytest.mark.parametrize(("text", "who"), [
    ("The Harlow campaign said the count was unfair.", "The Harlow campaign"),
    ("A Harlow aide said the count was unfair.", "A Harlow aide"),
    ("Harlow himself said the count was unfair.", "Vera Harlow"),
    ("Harlow's office said the count was unfair.", "Vera Harlow"),  # an office speaks for its holder
    ("Vera Harlow issued a statement saying the count was unfair.", "Vera Harlow"),
])
def test_a_name_before_a_noun_only_modifies_it(text: str, who: str) -> None:
    names = {"Harlow": unlinked("Vera Harlow")["Vera Harlow"]} if "Vera" not in text else unlinked("Vera Harlow")
    assert [sp for _, sp in speakers(run(text, "en", names))] == [who]


def test_a_progressive_naming_verb_quotes_one_word() -> None:
    text = "Mara Quill is describing as “reckless” a council plan to close the ferry."
    assert speakers(run(text, "en", unlinked("Mara Quill"))) == [("reckless", "Mara Quill")]


def test_characterize_is_a_naming_verb() -> None:
    text = "Ivo Brandt characterized the vote as “a small earthquake in a quiet town”."
    assert speakers(run(text, "en", unlinked("Ivo Brandt"))) == [("a small earthquake in a quiet town", "Ivo Brandt")]


def test_a_clause_after_the_quote_opened_by_a_subordinator_is_no_attribution() -> None:
    text = "The clip shows Ivo Brandt saying, “That was fair,” when Mara Quill attacked him for it."
    assert speakers(run(text, "en", unlinked("Ivo Brandt", "Mara Quill"))) == [("That was fair,", "Ivo Brandt")]


def test_a_bare_cue_form_after_a_singular_name_phrase_is_a_noun() -> None:
    text = "Mara Quill is describing as “reckless” an Ivo Brandt tweet about the ferry."
    assert speakers(run(text, "en", unlinked("Ivo Brandt", "Mara Quill"))) == [("reckless", "Mara Quill")]


@pytest.mark.parametrize(("text", "want"), [
    ("Ivo Brandt said the talks had been “useful” and would go on.", [("useful", "Ivo Brandt")]),
    ("Ivo Brandt accused the board of “stalling” on the ferry.", [("stalling", "Ivo Brandt")]),
])
def test_one_quoted_word_in_a_reported_clause_is_the_speakers(text: str, want: list) -> None:
    assert speakers(run(text, "en", unlinked("Ivo Brandt"))) == want


@pytest.mark.parametrize("text", [
    "The outbreak was later announced to be a “pandemic” by the agency.",  # passive
    "Ivo Brandt said the issue of “packing” the court was closed.",  # after a preposition: a term
    "Ivo Brandt said the plan is fine, and you “stopped” nothing in town.",  # another subject after a comma
    "Ivo Brandt said the police held two men, who wanted “chaos” in town.",  # a relative clause
])
def test_one_quoted_word_that_is_a_term_stays_in_the_clause(text: str) -> None:
    assert all(len(q.split()) > 1 for q, _ in speakers(run(text, "en", unlinked("Ivo Brandt"))))


def test_one_quoted_word_in_a_dutch_reported_clause_is_the_speakers_too() -> None:
    """The rule is language-neutral: „…” inside a Dutch reported clause is a mixed quote as well."""
    text = "Minister Joke Brandt zei dat de gesprekken „nuttig” waren."
    assert speakers(run(text, "nl", unlinked("Joke Brandt"))) == [("nuttig", "Joke Brandt")]


def test_a_person_named_in_a_sentence_a_pronoun_opens_is_no_subject() -> None:
    text = ("Hillary Harlow spoke first. She has faced questions since the agency began investigating Maria Brandt "
            "over her accounts. She said she saw no risk in the talks.")
    doc = run(text, "en", unlinked("Hillary Harlow", "Maria Brandt"))
    assert speakers(doc) == [("she saw no risk in the talks", "Hillary Harlow")]


def test_a_slash_inside_a_word_keeps_the_speaker_phrase_whole() -> None:
    text = "“They are wrong,” said 9/11 widow Vera Harlow."
    assert speakers(run(text, "en", unlinked("Vera Harlow"))) == [("They are wrong,", "Vera Harlow")]


@pytest.mark.parametrize("text", [
    "Ten people were hurt by a blast that Mayor Ivo Brandt described as “a deliberate act of sabotage”.",
    "The board attacked the ruling, which Ivo Brandt has described as “a gift to the polluters of this town”.",
])
def test_the_subject_after_an_object_relative_is_the_cues(text: str) -> None:
    assert [sp for _, sp in speakers(run(text, "en", unlinked("Ivo Brandt")))] == ["Ivo Brandt"]


def test_a_reported_clause_ends_before_while_and_another_speakers_cue() -> None:
    text = "Mayor Ivo Brandt said the pier was safe while harbour master Vera Harlow wrote she had closed it."
    doc = run(text, "en", unlinked("Ivo Brandt", "Vera Harlow"))
    assert speakers(doc) == [("the pier was safe", "Ivo Brandt"), ("she had closed it", "Vera Harlow")]


def test_while_before_a_capitalised_cue_form_keeps_the_clause() -> None:
    text = "Mayor Ivo Brandt said the pier was safe while United States engineers were away."
    assert [q for q, _ in speakers(run(text, "en", unlinked("Ivo Brandt")))] == [
        "the pier was safe while United States engineers were away"]


def test_an_organisation_named_in_apposition_speaks_for_the_description() -> None:
    doc = run_typed("One local paper, Harbour Daily, claims the pier was sold.", "en", {"Harbour Daily": "ORG"})
    doc_places = run_typed("Officials in the capital, Kyiv, said the pier was sold.", "en", {"Kyiv": "LOC"})
    assert [sp for _, sp in speakers(doc)] == ["Harbour Daily"]
    assert [sp for _, sp in speakers(doc_places)] == ["Officials in the capital"]


def test_an_appositive_subject_before_a_cue_is_no_reported_content() -> None:
    doc = run("The port's chief engineer, Ivo Brandt, testified before the council.", "en", unlinked("Ivo Brandt"))
    assert speakers(doc) == []
    kept = run("The water level rose to four metres on Monday, Ivo Brandt said.", "en", unlinked("Ivo Brandt"))
    assert speakers(kept) == [("The water level rose to four metres on Monday", "Ivo Brandt")]


@pytest.mark.parametrize(("text", "who"), [
    ("The dockers' union criticized Ivo Brandt on Monday, saying the plan “would hurt every worker here.”",
     "the dockers' union"),
    ("Ivo Brandt attacked the union on Monday, saying its plan “would hurt every worker here.”", "Ivo Brandt"),
])
def test_a_participle_speaks_for_the_main_clauses_subject(text: str, who: str) -> None:
    assert [sp for _, sp in speakers(run(text, "en", unlinked("Ivo Brandt")))] == [who]


def test_a_cue_clause_between_two_quotes_keeps_the_second_quote_apart() -> None:
    text = "“The river is high,” Ivo Brandt said, asking residents to stay “calm and indoors tonight.”"
    assert [q for q, _ in speakers(run(text, "en", unlinked("Ivo Brandt")))] == [
        "The river is high,", "calm and indoors tonight."]
    resumed = "“The river is high,” Ivo Brandt said, referring to the dam, “and it will rise.”"
    assert [q for q, _ in speakers(run(resumed, "en", unlinked("Ivo Brandt")))] == [
        "The river is high, and it will rise."]


@pytest.mark.parametrize(("text", "who"), [
    ("Mr. Clinton said the economy needed help.", "Bill Clinton"),
    ("Mrs. Clinton said the economy needed help.", "Hillary Clinton"),
    ("Clinton said the economy needed help.", "Hillary Clinton"),  # in 2016: the one nearest office
])
def test_an_honorific_picks_the_bearer_of_a_surname_by_gender(text: str, who: str) -> None:
    doc = run_kb(text, "2016-10-01")
    assert [q.speaker.name for q in doc.quotes] == [who]


@pytest.mark.parametrize(("text", "want"), [
    ("Ivo Brandt said the ferry went aground at dawn.", [("the ferry went aground at dawn", "Ivo Brandt")]),
    ("Ivo Brandt said the council lost the vote.", [("the council lost the vote", "Ivo Brandt")]),
    ("Ivo Brandt said the plans for a new pier.", []),  # no verb: an object, not a clause
])
def test_an_irregular_past_makes_a_bare_reported_clause(text: str, want: list) -> None:
    assert speakers(run(text, "en", unlinked("Ivo Brandt"))) == want


def test_a_possessive_owner_in_an_appositive_subject_is_not_the_speaker() -> None:
    text = "Ivo Brandt's harbour master, Vera Harlow, said the pier was safe."
    assert speakers(run(text, "en", unlinked("Ivo Brandt", "Vera Harlow"))) == [("the pier was safe", "Vera Harlow")]


def test_a_time_phrase_before_the_speaker_is_no_part_of_it() -> None:
    assert speakers(run("On Thursday officials reported the pier was safe.", "en")) == [("the pier was safe", "officials")]


def test_a_reported_clause_ends_before_another_name_and_cue_with_that() -> None:
    text = "Writing for a panel that all agreed Ivo Brandt won, Vera Harlow noted that the pier was safe."
    got = speakers(run(text, "en", unlinked("Ivo Brandt", "Vera Harlow")))
    assert ("the pier was safe", "Vera Harlow") in got and all("Vera Harlow noted" not in q for q, _ in got)


@pytest.mark.parametrize(("text", "want"), [
    ("Ivo Brandt, who spoke in Brest, said the ferry went aground.", ("the ferry went aground", "Ivo Brandt")),
    ("Ivo Brandt, speaking in Brest, said the ferry had sunk.", ("the ferry had sunk", "Ivo Brandt")),
    ("The ferry is safe, said the company's spokesman.", ("The ferry is safe", "the company's spokesman")),
])
def test_a_clause_after_the_cue_is_no_inverted_speaker(text: str, want: tuple) -> None:
    assert speakers(run(text, "en", unlinked("Ivo Brandt"))) == [want]


@pytest.mark.parametrize(("text", "who"), [
    ("Ivo Brandt's lawyers said the pier was sold legally.", "Ivo Brandt's lawyers"),
    ("Ivo Brandt's office said the pier was sold legally.", "Ivo Brandt"),  # an office speaks for its holder
])
def test_people_a_name_owns_speak_for_themselves(text: str, who: str) -> None:
    assert [sp for _, sp in speakers(run(text, "en", unlinked("Ivo Brandt")))] == [who]


def test_they_may_be_two_people_named_as_one_subject() -> None:
    text = "Ivo Brandt and Vera Harlow met on Monday. They said the pier was safe."
    doc = run(text, "en", unlinked("Ivo Brandt", "Vera Harlow"))
    assert speakers(doc) == [("the pier was safe", "Ivo Brandt and Vera Harlow")]
