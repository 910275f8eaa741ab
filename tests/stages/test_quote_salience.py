"""Quotes without attribution: the most salient person speaks (stages/quotes/salience.py)."""
from __future__ import annotations

from kroniek.kb import load
from kroniek.model import ActorRef, Article, Doc, Options
from kroniek.stages.quotes import QuoteStage

from .test_quotes import run

SISSY = ActorRef(None, "Sissy van Alebeek", None)
JAN = ActorRef(None, "Jan van Alebeek", None)


def speakers(doc: Doc) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in doc.quotes if q.direct]


def test_protagonist_keeps_the_floor_past_a_subordinate_subject() -> None:
    """A person in an opening subordinate clause ("Terwijl Capriati won, …") is not the subject the
    next bare quote continues; the one the text keeps talking about is."""
    text = ("Davenport is vast van plan om te genieten. Ze won zaterdag.\n\n"
            "Terwijl Capriati in Parijs won, bracht Davenport de uren door in het ziekenhuis. Het gaf haar tijd.\n\n"
            ",,Ik was zestien. Maar ja, wat voor keuze heb je?''")
    doc = run(text, "nl", {"Davenport": ActorRef(None, "Lindsay Davenport", None),
                           "Capriati": ActorRef(None, "Jennifer Capriati", None)})
    assert speakers(doc) == ["Lindsay Davenport"]


def test_pronoun_subject_counts_for_its_person() -> None:
    """'Ze verhuisde …' after 'Van Alebeek (25) fietst …' keeps Van Alebeek in view, though Van
    Moorsel spoke last; a shorter name is the salient person of that surname, not her father."""
    text = ("Sissy van Alebeek won de titel. Ze viel in de armen van haar moeder. "
            "Twee weken geleden zakte haar vader Jan van Alebeek ineen.\n\n"
            "Van Moorsel: ,,Onze ploeg reed vandaag met extra moraal.''\n\n"
            "Van Alebeek fietst al jaren aan de zijde van de kampioene. Ze verhuisde naar Rotterdam om meer te trainen. "
            ",,Mijn basisniveau is flink omhoog gegaan.''")
    doc = run(text, "nl", {"Sissy van Alebeek": SISSY, "Jan van Alebeek": JAN, "Van Alebeek": ActorRef(None, "Van Alebeek", None),
                           "Van Moorsel": ActorRef(None, "Leontien van Moorsel", None)})
    assert speakers(doc)[-1] == "Sissy van Alebeek"


def test_new_voice_introduced_before_the_quote_speaks() -> None:
    """News introduces a voice, then quotes it: the subject of the paragraph since the last speaker."""
    text = ("Romp zei dat het team goed reed. ,,We zijn tevreden.''\n\n"
            "Ook bondscoach Bert Jansen was content. ,,Wat vandaag gebeurde, was een ontlading.''")
    doc = run(text, "nl", {"Romp": ActorRef(None, "Romp", None), "Bert Jansen": ActorRef(None, "Bert Jansen", None)})
    assert speakers(doc) == ["Romp", "Bert Jansen"]


def test_opening_quote_takes_the_subject_after_it() -> None:
    """A quote that opens the article, with no one named before it, is the next subject's."""
    text = ",,De boel was niet in de hand te houden.'' Theo de Rooij stond met zijn handen in de zakken."
    doc = run(text, "nl", {"Theo de Rooij": ActorRef(None, "Theo de Rooij", None)})
    assert speakers(doc) == ["Theo de Rooij"]


def test_possessive_role_before_a_colon_is_someone_else() -> None:
    """'Haar coach was blij: …' is her coach speaking, not the woman the text is about."""
    text = "Davenport won ruim. Haar coach was blij met alle speculaties: 'prima, nu zal de rest je nog meer onderschatten'."
    doc = run(text, "nl", {"Davenport": ActorRef(None, "Lindsay Davenport", None)})
    assert speakers(doc) == ["haar coach"]
    text = "Smith won easily. His lawyer said: “We are very pleased with the ruling today.”"
    doc = run(text, "en", {"Smith": ActorRef(None, "John Smith", None)})
    assert speakers(doc) == ["his lawyer"]


def test_a_text_without_sentences_names_no_speaker() -> None:
    """A text the segmenter leaves unsplit (a language kroniek does not read) still has quotes
    looked up: none of them may fail for want of a sentence to find a salient person in."""
    text = "Hij zei niets. ,,Wij gaan door.'' En toen: ,,Nooit meer.''"
    doc = Doc(article=Article(id="t", text=text, date="2025-04-22", lang="nl"), lang="nl")
    doc = QuoteStage(Options(), load())(doc)  # no SegmentStage: doc.sentences stays empty
    assert doc.sentences == [] and all(q.speaker is None for q in doc.quotes if q.direct)


def test_a_continued_quote_points_at_the_words_that_named_its_voice() -> None:
    """The paragraph that goes on quoting the same person takes the mention of the quote it continues
    ("…,” he said. / “…”), not the person's first mention."""
    text = ('Hillary Clinton has few songs. That concerns Henry Crespo, a caucus president.\n\n'
            '“No one is writing songs for Hillary,” he said.\n\n'
            '“Right now, the vote is against Trump. It is not for Hillary.”')
    doc = run(text, "en", {"Henry Crespo": ActorRef(None, "Henry Crespo", None)})
    he = text.index("he said")
    assert [(q.speaker.name, q.speaker.start) for q in doc.quotes if q.direct] == \
        [("Henry Crespo", he), ("Henry Crespo", he)]
