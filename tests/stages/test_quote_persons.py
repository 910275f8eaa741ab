"""The right person behind a pronoun or surname: names that only modify a role phrase, names after a
titled preposition object, an opening phrase that is no list, and a surname shared in a family."""
from __future__ import annotations

import re

import pytest

from kroniek import Pipeline
from kroniek.kb import load
from kroniek.model import ActorRef, Article, Doc, Entity, Options, make_article
from kroniek.stages.quotes import QuoteStage
from kroniek.stages.segment import SegmentStage

from .test_quote_speakers import speakers, unlinked
from .test_quotes import run


def run_words(text: str, names: dict[str, ActorRef]) -> Doc:
    """Like `run`, but a name is tagged only where it stands as a whole ("Marsh" alone, not inside
    "Ted Marsh"): the longest names first."""
    doc = Doc(article=Article(id="t", text=text, date="2016-10-01", lang="en"), lang="en")
    doc = SegmentStage(Options(), load())(doc)
    taken: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append(m.span())
                doc.entities.append(Entity(m.start(), m.end(), name, "PER", names[name]))
    doc.entities.sort(key=lambda e: e.start)
    return QuoteStage(Options(), load())(doc)


def test_a_name_before_a_role_phrase_modifies_it() -> None:
    text = ("Smith campaign spokesman Daniel Rowe told a radio station that the plan covered farmers. "
            "However, he could not say who would pay. “We will publish the details soon,” he said.")
    doc = run(text, "en", unlinked("Smith", "Daniel Rowe"))
    assert {name for _, name in speakers(doc)} == {"Daniel Rowe"}


def test_a_name_after_a_possessive_role_phrase_is_the_speaker() -> None:
    text = "Baker's press secretary Ellen Hart said the office would stay open."
    doc = run(text, "en", unlinked("Baker", "Ellen Hart"))
    assert speakers(doc) == [("the office would stay open", "Ellen Hart")]


def test_a_titled_name_after_a_preposition_is_no_subject() -> None:
    text = ("In a long talk with radio host Peter Bolt, Oscar Lind said he had doubts about the army under "
            "President Anna Vos. “It was hard to serve,” he told the host.")
    doc = run(text, "en", unlinked("Peter Bolt", "Oscar Lind", "Anna Vos"))
    assert speakers(doc)[-1] == ("It was hard to serve,", "Oscar Lind")


def test_the_name_after_an_opening_phrase_is_the_subject_not_a_list_item() -> None:
    text = ("In an interview with Peter Bolt, Oscar Lind made it clear he had doubts. "
            "“It was hard to serve,” he told the host.")
    doc = run(text, "en", unlinked("Peter Bolt", "Oscar Lind"))
    assert speakers(doc)[-1] == ("It was hard to serve,", "Oscar Lind")


def test_a_surname_is_the_family_member_the_article_names_most() -> None:
    ted = ActorRef("p:ted", "Ted Marsh", "USA")
    heidi = ActorRef("p:heidi", "Heidi Marsh", "USA")
    text = ("Ted Marsh returned to the senate on Monday. Ted Marsh had been away for weeks. "
            "A rival mocked a photo of Heidi Marsh. “I will not forget this,” Marsh said.")
    doc = run_words(text, {"Ted Marsh": ted, "Heidi Marsh": heidi, "Marsh": heidi})
    assert speakers(doc) == [("I will not forget this,", "Ted Marsh")]


def test_a_pronoun_skips_a_surname_that_is_another_gender_in_the_article() -> None:
    anne = ActorRef(None, "Mrs Anne Keller", "USA")
    bob = ActorRef(None, "Mr Bob Keller", "USA")
    text = ("Anne Keller spoke in Ohio on Monday. Tom Reed, a former party chairman, said the party "
            "should prepare anyway. Keller would be back soon. “She will be fine,” he said.")
    doc = run_words(text, {"Anne Keller": anne, "Keller": bob, "Tom Reed": ActorRef(None, "Tom Reed")})
    assert speakers(doc)[-1] == ("She will be fine,", "Tom Reed")


def test_a_name_after_a_determiner_modifies_a_noun_and_is_no_antecedent() -> None:
    anne = ActorRef(None, "Anne Keller", "USA")
    text = ("“The party is in trouble,” said Maria Wong, a local organiser. Wong believes the Keller campaign "
            "took voters for granted. “It is not enough,” she said.")
    doc = run_words(text, {"Maria Wong": ActorRef(None, "Maria Wong"), "Wong": ActorRef(None, "Maria Wong"), "Keller": anne})
    assert speakers(doc)[-1] == ("It is not enough,", "Maria Wong")


def test_a_name_in_a_reported_clause_is_no_subject() -> None:
    anne = ActorRef(None, "Anne Keller", "USA")
    text = ("“Nothing changes,” said Maria Wong, a voter in Miami. Wong said Keller does not care about the city. "
            "“She only comes here when the cameras do,” she said.")
    doc = run_words(text, {"Maria Wong": ActorRef(None, "Maria Wong"), "Keller": anne})
    assert speakers(doc)[-1] == ("She only comes here when the cameras do,", "Maria Wong")


def test_a_cue_before_a_comma_or_after_an_article_does_not_report_the_name() -> None:
    text = ("While all agreed that rest was rare, painter Leila Ross stressed the need for breaks, saying "
            "“this weekend I stay on the couch.”")
    doc = run_words(text, {"Leila Ross": ActorRef(None, "Leila Ross")})
    assert speakers(doc)[-1] == ("this weekend I stay on the couch.", "Leila Ross")
    text = ("Bari is a proposed end point for the line, and minister Paolo Neri sent a letter of support. "
            "“We will build a second line,” the minister said.")
    doc = run_words(text, {"Paolo Neri": ActorRef(None, "Paolo Neri")})
    assert speakers(doc)[-1] == ("We will build a second line,", "Paolo Neri")


def test_the_subject_of_an_absolute_clause_after_with_is_the_antecedent() -> None:
    text = ("Deputy Governor Olga Klim said 68 people were missing. Work stopped on Tuesday, with Minister "
            "Ivan Zorin describing a real threat of collapse. He estimated this would take a day.")
    doc = run_words(text, {"Olga Klim": ActorRef(None, "Olga Klim"), "Ivan Zorin": ActorRef(None, "Ivan Zorin")})
    assert speakers(doc)[-1] == ("this would take a day", "Ivan Zorin")


def test_a_person_of_the_pronouns_gender_named_since_outweighs_an_unknown_one() -> None:
    text = ("Kim Dunn, a young cyclist, was hit by a car near the base. Police spoke with Mrs Sacks as a "
            "suspect. She told police she had diplomatic immunity.")
    doc = run_words(text, {"Kim Dunn": ActorRef(None, "Kim Dunn"), "Mrs Sacks": ActorRef(None, "Mrs Sacks")})
    assert speakers(doc)[-1] == ("she had diplomatic immunity", "Sacks")


def test_an_unlinked_person_drops_the_possessive_that_opens_the_name() -> None:
    text = "The debates will not decide the race, noted KTV’s Lena Marsh."
    doc = run(text, "en", unlinked("KTV’s Lena Marsh"))
    assert speakers(doc) == [("The debates will not decide the race", "Lena Marsh")]



def test_a_role_after_a_persons_possessive_is_not_that_person() -> None:
    doc = run("Rita Vos spoke on Monday. Smith's aide said the plan was legal.", "en", unlinked("Rita Vos"))
    assert speakers(doc) == [("the plan was legal", "Smith's aide")]


def test_a_home_office_without_a_given_country_is_the_story_countrys() -> None:
    """No publication country given: "de premier" is the office holder of the country most named actors belong to."""
    text = ("Rutte en De Jonge gaven dinsdag een persconferentie in Den Haag. "
            "De premier zei dat de avondklok voorlopig blijft.")
    [doc] = Pipeline().run_many([make_article(text=text, date="2021-03-10", lang="nl")])
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.name == "Mark Rutte"


@pytest.mark.parametrize(("text", "speaker"), [
    # an age or an origin after the cue describes the person just named
    ("Karel Jansen woont al tien jaar in de wijk. „Het is hier nooit zo erg geweest”, vertelt de 34-jarige bewoner.",
     "Karel Jansen"),
    ("Mario Draghi sprak met Mark Rutte. Volgens de Nederlander is de zaak rond.", "Mark Rutte"),  # the Dutch one
    ("Mark Rutte sprak met Mario Draghi. Volgens de Italiaan is de zaak rond.", "Mario Draghi"),
    # a group, an organisation, a role compound: no one named before
    ("Karel Jansen sprak. „Dit is een schande”, zei de Kamer.", None),
    ("Karel Jansen sprak. Het land, zo zegt de BBC-correspondente in Asmara, is erg vernederd.", None),
])
def test_a_description_by_age_or_origin_points_back(text: str, speaker: str | None) -> None:
    [doc] = Pipeline().run_many([make_article(text=text, date="2021-03-10", lang="nl")])
    [q] = [q for q in doc.quotes if q.speaker is None or q.speaker.id is not None or q.speaker.name]
    named = q.speaker.name if q.speaker and q.speaker.name in ("Karel Jansen", "Mark Rutte", "Mario Draghi") else None
    assert named == speaker
