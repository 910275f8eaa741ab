"""Dutch modern-news constructions (issue #14, the self-written set corpus/quotes/nl_written):
names a tagger cut at their particle, and the rules written from that set's errors."""
from __future__ import annotations

from kroniek.model import ActorRef

from .test_quote_speakers import speakers, unlinked
from .test_quotes import run


def test_a_first_name_takes_the_particle_and_surname_the_tagger_left() -> None:
    text = ("Burgemeester Jan de Boer van Gouda is boos over de rellen. "
            "\"Dit gaat veel te ver\", zegt hij. \"Wij grijpen in\", zei politicoloog Kees van Dam.")
    doc = run(text, "nl", unlinked("Jan", "Kees"))
    assert speakers(doc) == [("Dit gaat veel te ver", "Jan de Boer"), ("Wij grijpen in", "Kees van Dam")]


def test_a_first_name_before_a_known_place_keeps_to_itself() -> None:
    """'van Jordanië' is where a king is from, no surname: the KB knows the place."""
    doc = run("\"Wij praten niet meer\", zei koning Abdullah van Jordanië.", "nl", unlinked("Abdullah"))
    assert speakers(doc)[0][1] != "Abdullah van Jordanië"


def test_a_linked_person_is_not_widened() -> None:
    rutte = ActorRef("p:mark-rutte", "Mark Rutte", "NLD")
    doc = run("\"We gaan door\", zei Mark Rutte de Kamer toe.", "nl", {"Mark Rutte": rutte})
    assert [q.speaker.id for q in doc.quotes if q.speaker] == ["p:mark-rutte"]


def test_a_partial_quote_after_volgens_is_the_sources_words() -> None:
    """'Volgens X … “Y” …': Y is X's (a mixed quote), recorded alone, not the clause around it."""
    doc = run("Volgens de wethouder krijgen de scholen \"alle ruimte\" om zelf te kiezen.", "nl")
    assert [(q.text, q.direct, q.speaker.name if q.speaker else None) for q in doc.quotes] == \
        [("alle ruimte", True, "de wethouder")]


def test_a_scare_quote_after_volgens_is_no_partial_quote() -> None:
    doc = run("Volgens de wethouder is de 'stadsbrug' te duur.", "nl")
    assert [q.text for q in doc.quotes if q.direct] == []


def test_noemen_gives_a_one_word_quote() -> None:
    doc = run("Wethouder Els Pot noemde het besluit \"onbegrijpelijk\".", "nl", unlinked("Els Pot"))
    assert speakers(doc) == [("onbegrijpelijk", "Els Pot")]


def test_a_long_relative_clause_set_off_keeps_the_subject_before_it() -> None:
    text = ("CDA-Kamerlid Els Pot, die de zaak samen met SP-Kamerlid Jan Bos aan het licht bracht, "
            "noemt het aftreden \"onvermijdelijk\".")
    doc = run(text, "nl", unlinked("Els Pot", "Jan Bos"))
    assert speakers(doc) == [("onvermijdelijk", "Els Pot")]
    assert doc.quotes[0].speaker.start == text.index("Els Pot")  # named by the clause, not guessed from context


def test_a_party_role_compound_is_no_part_of_the_name() -> None:
    doc = run("\"Dit is te laat\", zei GL-Kamerlid Els Pot.", "nl", unlinked("GL-Kamerlid Els Pot"))
    assert speakers(doc) == [("Dit is te laat", "Els Pot")]


def test_a_role_with_a_lower_case_domain_goes_on_to_the_name() -> None:
    doc = run("\"Dit was een signaal\", zegt officier van justitie Els Pot.", "nl", unlinked("Els Pot"))
    assert speakers(doc) == [("Dit was een signaal", "Els Pot")]


def test_a_sentence_after_a_quote_is_no_name_line() -> None:
    """A short sentence after a quote that ends its paragraph is news, not the pull quote's attribution."""
    text = ("Premier Karel Jansen sprak na afloop. \"We vragen een inspanning van iedereen.\" "
            "Private feesten zijn verboden, behalve bruiloften.")
    doc = run(text, "nl", unlinked("Karel Jansen"))
    assert speakers(doc) == [("We vragen een inspanning van iedereen.", "Karel Jansen")]


def test_a_split_directive_takes_an_om_te_clause_after_its_object() -> None:
    doc = run("Wethouder Els Pot riep alle ouders op om hun kinderen thuis te houden.", "nl", unlinked("Els Pot"))
    assert speakers(doc) == [("hun kinderen thuis te houden", "Els Pot")]


def test_an_intention_with_om_te_is_no_content() -> None:
    doc = run("Wethouder Els Pot stelde vorig jaar als doel om de aandelen te verkopen.", "nl", unlinked("Els Pot"))
    assert [q.text for q in doc.quotes] == []


def test_a_headline_clause_before_a_colon_quote_is_its_subjects() -> None:
    text = "Els Pot bezoekt Gouda: 'Dit is hartverscheurend'\n\nDe schade is groot."
    doc = run(text, "nl", unlinked("Els Pot", "Gouda"))  # a tagger's person or place after the verb
    assert speakers(doc) == [("Dit is hartverscheurend", "Els Pot")]


def test_a_name_after_an_age_is_no_description_of_someone_before() -> None:
    text = ("Wethouder Karel Jansen sprak over de opvang.\n\n"
            "\"We hebben alles achtergelaten\", vertelt de 34-jarige Olena uit Charkiv.")
    doc = run(text, "nl", unlinked("Karel Jansen"))
    assert speakers(doc)[-1][1].endswith("Olena")  # not Karel Jansen


def test_an_origin_after_an_age_still_points_back() -> None:
    text = ("Karel Jansen won de rit.\n\n\"Ik ben blij\", zei de 34-jarige Amsterdammer.")
    doc = run(text, "nl", unlinked("Karel Jansen"))
    assert speakers(doc)[-1] == ("Ik ben blij", "Karel Jansen")


def test_a_link_line_to_another_article_holds_no_speech() -> None:
    text = ("Karel Jansen stapt op. \"Het is genoeg geweest\", zei hij.\n\n"
            "Lees ook: Reizigers boos op luchthaven: 'Vlucht al gemist'\n\nDe zoektocht naar een opvolger begint.")
    doc = run(text, "nl", unlinked("Karel Jansen"))
    assert [q.text for q in doc.quotes] == ["Het is genoeg geweest"]


def test_a_pronoun_in_an_opening_question_phrase_is_not_the_subject() -> None:
    text = ("Trainer Karel Jansen was trots.\n\n"
            "Op de vraag of hij blijft, gaf aanvoerder Piet Bos geen antwoord. \"Daar denk ik nu niet aan.\"")
    doc = run(text, "nl", unlinked("Karel Jansen", "Piet Bos"))
    assert speakers(doc)[-1] == ("Daar denk ik nu niet aan.", "Piet Bos")


def test_a_plural_subject_points_out_with_wijzen_erop() -> None:
    doc = run("Onderzoekers wijzen erop dat de zomers droger worden.", "nl")
    assert [(q.text, q.cue) for q in doc.quotes] == [("de zomers droger worden", "wijzen")]


def test_a_time_adverb_after_the_speaker_is_no_part_of_it() -> None:
    doc = run("De haven sluit. Dat heeft de gemeente vanmiddag bekendgemaakt.", "nl")
    assert [q.speaker.text for q in doc.quotes if q.speaker] == ["de gemeente"]
