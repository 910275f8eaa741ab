"""Who speaks: attributions that belong to the next quote, elided and pronoun subjects, lists of
objects, titles before names, and the quote a reported clause runs into."""
from __future__ import annotations

import pytest

from kroniek.kb import load
from kroniek.model import ActorRef, Article, Doc, Entity, Options
from kroniek.stages.quotes import QuoteStage, lexicon, tokens
from kroniek.stages.quotes.attribution import np_after
from kroniek.stages.segment import SegmentStage

from .test_quotes import TRUMP, run


def unlinked(*names: str) -> dict[str, ActorRef]:
    return {n: ActorRef(None, n) for n in names}


def speakers(doc) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in doc.quotes]


def test_words_after_a_finished_quote_introduce_the_next_one() -> None:
    text = ('The head of the internal investigators told the court "Basic investigations were not done." '
            'She also said "I regret we were not called immediately."')
    doc = run(text, "en")
    assert [q.text for q in doc.quotes] == ["Basic investigations were not done.",
                                            "I regret we were not called immediately."]
    assert all(q.speaker is not None and q.speaker.name.startswith("the head of") for q in doc.quotes)


def test_a_new_sentence_with_its_own_clause_does_not_attribute_the_quote_before() -> None:
    text = ('Erdogan spoke on Friday. On television he said, "Constantinople will never exist again." '
            'UNESCO reportedly said a change of name would require its approval.')
    doc = run(text, "en", {"Erdogan": ActorRef("Q39723", "Recep Tayyip Erdoğan", "TUR")})
    direct = [q for q in doc.quotes if q.direct]
    assert [(q.text, q.speaker.id if q.speaker else None) for q in direct] == \
        [("Constantinople will never exist again.", "Q39723")]


def test_a_semicolon_ends_the_attribution_after_a_quote() -> None:
    text = 'Brudzinski said the mayor was in a "very serious condition"; TVN24 reported he received surgery.'
    doc = run(text, "en", unlinked("Brudzinski"))
    assert ("very serious condition", "Brudzinski") in speakers(doc)


def test_a_reported_clause_running_into_a_quote_is_left_to_it() -> None:
    text = ('Commenting on the radio calls, Rochester said the situation had "a lot of adrenaline, a lot of '
            'confusion. The dispatcher was trying to ask for information."')
    doc = run(text, "en", unlinked("Rochester"))
    said = "a lot of adrenaline, a lot of confusion. The dispatcher was trying to ask for information."
    assert speakers(doc) == [(said, "Rochester")]


def test_an_elided_subject_after_and_is_the_first_verbs() -> None:
    doc = run("The attacker jumped on stage during the concert and claimed he was wrongly imprisoned.", "en")
    assert speakers(doc) == [("he was wrongly imprisoned", "the attacker")]


def test_a_pronoun_right_before_the_cue_is_its_subject() -> None:
    text = "Quirin denied it. Upon learning his DNA was on Spanton's clothes he claimed sex had been consensual."
    doc = run(text, "en", unlinked("Quirin", "Spanton"))
    assert speakers(doc)[-1] == ("sex had been consensual", "Quirin")


def test_a_list_after_a_preposition_is_no_subject() -> None:
    text = ("Emily Spanton met officers Quirin and Redouane at a pub. She was attacked by Quirin, Redouane, "
            "and a third officer. She told the court she was forced to drink whiskey.")
    doc = run(text, "en", unlinked("Emily Spanton", "Quirin", "Redouane"))
    assert speakers(doc) == [("she was forced to drink whiskey", "Emily Spanton")]


@pytest.mark.parametrize(("text", "lang", "tagged", "want"), [
    ("USCG Captain Monica Rochester said the search had ended.", "en", "USCG Captain Monica Rochester",
     ("the search had ended", "Monica Rochester")),  # titles are no part of an unlinked name
    ("Behalve Van Alebeek fietste ook Kaagman mee. ,,Mijn basisniveau is flink omhoog gegaan.''", "nl",
     "Behalve Van Alebeek", ("Mijn basisniveau is flink omhoog gegaan.", "Van Alebeek")),  # nor a preposition
])
def test_titles_and_prepositions_are_no_part_of_an_unlinked_name(text: str, lang: str, tagged: str,
                                                                  want: tuple[str, str]) -> None:
    assert speakers(run(text, lang, unlinked(tagged))) == [want]


def test_a_name_particle_is_no_preposition() -> None:
    """'Van Alebeek' opens the sentence as its subject: the quote that follows in the paragraph is hers."""
    text = ("Van Moorsel won de tijdrit. ,,Het ging goed'', zei Van Moorsel.\n\n"
            "Van Alebeek fietst al jaren in de ploeg. ,,Mijn basisniveau is flink omhoog gegaan.''")
    doc = run(text, "nl", unlinked("Van Moorsel", "Alebeek"))
    assert speakers(doc)[-1] == ("Mijn basisniveau is flink omhoog gegaan.", "Alebeek")


def test_dutch_directive_takes_a_te_infinitive() -> None:
    doc = run("Ploegleider Zijlaard adviseerde te gokken op de sprint.", "nl", unlinked("Zijlaard"))
    assert speakers(doc) == [("te gokken op de sprint", "Zijlaard")]


def test_the_maker_of_a_document_is_the_source() -> None:
    en = run("According to a poll published by NBC News, most members favour impeachment.", "en",
             {"NBC News": ActorRef(None, "NBC News")})
    assert [(q.text, q.speaker.name if q.speaker else None) for q in en.quotes] == \
        [("most members favour impeachment", "NBC News")]
    nl = run("De PVV wint zes zetels, volgens een peiling van Ipsos.", "nl", {"Ipsos": ActorRef(None, "Ipsos")})
    assert [(q.text, q.speaker.name if q.speaker else None) for q in nl.quotes] == [("De PVV wint zes zetels", "Ipsos")]


def test_a_bare_title_is_part_of_its_noun_phrase() -> None:
    text = 'Tom Watson spoke first. One MP told the BBC, "We know that millions wanted to stay in the EU."'
    doc = run(text, "en", {"Tom Watson": ActorRef(None, "Tom Watson"), "MP": ActorRef(None, "Labour MP")})
    assert speakers(doc) == [("We know that millions wanted to stay in the EU.", "One MP")]


def test_a_cue_in_an_aside_is_not_the_quotes() -> None:
    text = ('Speaker John Bercow commented on the matter — which the BBC noted as an unusual move — '
            '"However it is dressed up, it is obvious what the purpose is."')
    doc = run(text, "en", {"John Bercow": ActorRef(None, "John Bercow"), "BBC": ActorRef(None, "BBC")})
    assert [q.speaker.name if q.speaker else None for q in doc.quotes if q.direct] == ["John Bercow"]


def run_typed(text: str, lang: str, names: dict[str, str]) -> Doc:
    """Like `run`, with each name's entity type given (unlinked)."""
    doc = SegmentStage(Options(), load())(Doc(article=Article(id="t", text=text, date="2025-04-22", lang=lang), lang=lang))
    for name, kind in names.items():
        start = text.find(name)
        doc.entities.append(Entity(start, start + len(name), name, kind, ActorRef(None, name)))
    return QuoteStage(Options(), load())(doc)


def test_they_may_be_the_organisation_that_opened_the_sentence_before() -> None:
    text = ('UNESCO said it had not been told. The United States Commission on International Religious Freedom '
            '(USCIRF) also criticised the move. They released a statement which said, "The status of the '
            'monument as a museum must be maintained."')
    doc = run_typed(text, "en", {"UNESCO": "ORG", "Commission": "ORG", "USCIRF": "ORG"})
    assert [q.speaker.name if q.speaker else None for q in doc.quotes if q.direct] == ["USCIRF"]


def test_a_headline_sums_up_and_states_nothing() -> None:
    text = ("European court says Facebook must remove illegal posts globally\n\n"
            "The court said that Facebook must remove the posts worldwide.")
    assert [q.text for q in run(text, "en").quotes] == ["Facebook must remove the posts worldwide"]


def test_agreeing_to_do_something_is_no_statement() -> None:
    assert run("The government agreed to add two members to the police council.", "en").quotes == []


def test_a_verb_with_its_own_infinitive_does_not_end_the_content() -> None:
    doc = run("Police reported the attacker exited the hall and continued to attack others.", "en")
    assert [q.text for q in doc.quotes] == ["the attacker exited the hall and continued to attack others"]


def test_a_modifier_of_an_opening_source_is_not_content() -> None:
    doc = run("According to videos posted on social media, people approached the man.", "en")
    assert [q.text for q in doc.quotes] == ["people approached the man"]


def test_a_relative_before_the_cue_stands_for_the_noun_before_it() -> None:
    nl = run("Ze zocht contact met ploegleider Zijlaard die adviseerde te gokken op de sprint.", "nl",
             unlinked("Zijlaard"))
    assert speakers(nl) == [("te gokken op de sprint", "Zijlaard")]
    en = run("She phoned the coach who said the race was already lost.", "en")
    assert speakers(en) == [("the race was already lost", "the coach")]


def test_a_negation_across_a_comma_is_the_contents_not_the_cues() -> None:
    doc = run("Mooier kon niet, vond Van Moorsel.", "nl", unlinked("Van Moorsel"))
    assert speakers(doc) == [("Mooier kon niet", "Van Moorsel")]
    assert run("De minister zei niet dat de weg dicht blijft.", "nl").quotes == []


def test_inverted_speaker_ends_at_the_name() -> None:
    """'sprak bondscoach Eenhoorn zuinig': the manner word after a titled name is not the speaker's."""
    toks = tokens("sprak bondscoach Eenhoorn zuinig.", 0, 33, lexicon("nl"))
    assert [t.text for t in np_after(toks, 1, lexicon("nl"))] == ["bondscoach", "Eenhoorn"]
    toks = tokens("zei de Amerikaanse president gisteren.", 0, 38, lexicon("nl"))
    assert [t.text for t in np_after(toks, 1, lexicon("nl"))] == ["de", "Amerikaanse", "president"]


def test_bare_surname_is_the_person_in_office_nearest_the_date() -> None:
    """'Clinton' never named in full: Hillary in 2016 campaign news, Bill in 1996 (KB roles by date)."""
    from kroniek import Options, Pipeline

    pipe = Pipeline(Options(lang="en", stages=("language", "segment", "actors", "dates", "quotes")))
    text = "Clinton said on Tuesday that the economy was strong."
    names = {}
    for day in ("2016-10-01", "1996-10-01"):
        doc = pipe(Article(id="c", text=text, date=day, lang="en"))
        names[day] = [q.speaker.name for q in doc.quotes if q.speaker]
    assert names == {"2016-10-01": ["Hillary Clinton"], "1996-10-01": ["Bill Clinton"]}


def test_unlinked_name_keeps_its_article_and_of_phrase() -> None:
    """'according to The Times' is The Times; 'the House of Commons Library' is not 'Commons Library'."""
    def speakers(text: str, name: str, etype: str) -> list[str]:
        """The speakers found once the tagger's (short) name is among the entities."""
        doc = run(text, "en")
        doc.entities.append(Entity(text.index(name), text.index(name) + len(name), name, etype, None))
        doc.quotes.clear()
        return [q.speaker.name for q in QuoteStage(Options(), load())(doc).quotes if q.speaker]

    assert speakers("One of them died inside the hall, according to The Times.", "Times", "ORG") == ["The Times"]
    assert speakers("According to the House of Commons Library, most prorogations have been short.",
                    "Commons Library", "PER") == ["House of Commons Library"]


def test_they_is_no_single_person() -> None:
    """'They indicated they would appeal' after a named man: a group speaks, not him."""
    text = "Quirin was convicted on Thursday. They indicated they would appeal the ruling."
    doc = run(text, "en", {"Quirin": ActorRef(None, "Antoine Quirin", None)})
    assert [(q.text, q.speaker) for q in doc.quotes] == [("they would appeal the ruling", None)]


def test_name_split_at_its_particle_is_one_speaker() -> None:
    """A tagger's "Prince Mohammad" + "bin Salman" side by side is one person, linked as the linked part."""
    text = "Crown Prince Mohammad bin Salman accepted responsibility. Speaking to PBS, he said, “It happened under my watch.”"
    doc = Doc(article=Article(id="t", text=text, date="2019-09-30", lang="en"), lang="en")
    doc = SegmentStage(Options(), load())(doc)
    a = text.index("Prince")
    b = text.index("bin")
    doc.entities += [Entity(a, b - 1, "Prince Mohammad", "PER", ActorRef(None, "Prince Mohammad", None)),
                     Entity(b, b + 10, "bin Salman", "PER", ActorRef("Q6889037", "Mohammed bin Salman", "SAU"))]
    doc = QuoteStage(Options(), load())(doc)
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Mohammed bin Salman"]


def test_inverted_speaker_keeps_an_indefinite_with_a_capitalised_adjective() -> None:
    """'said one Democratic source on the panel': 'one' opens the phrase, 'source' is still in it."""
    text = ("Clinton spoke on Monday.\n\n“Republicans are in a frenzy that is disorganized and lurching from point "
            "to point,” said one Democratic source on the panel.")
    doc = run(text, "en", {"Clinton": ActorRef("Q6294", "Hillary Clinton", "USA")})
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in doc.quotes] == [("said", "one Democratic source")]


def test_a_cue_word_after_the_article_is_the_inverted_speaker_noun() -> None:
    """'said the ruling.': 'ruling' is a noun here, the attribution stands; before more words it stays a verb."""
    lex = lexicon("en")
    toks = tokens(" said the ruling.", 0, 17, lex)
    assert [t.text for t in np_after(toks, 1, lex, inverted=True)] == ["the", "ruling"]
    assert [t.text for t in np_after(toks, 1, lex)] == ["the"]
    text = 'The court ruled on Monday.\n\n"A state cannot avoid the conclusion that its process removes voters," said the ruling.'
    assert [(q.cue, q.speaker.text if q.speaker else None) for q in run(text, "en").quotes] == [("said", "the ruling")]


def test_a_document_reads_its_words() -> None:
    """'“…,” the letter reads.': the letter is the source, not the last person named."""
    text = ("Donald Trump spoke on Monday. Parents sent a letter.\n\n“We see charter schools offering parents "
            "of color hope for a better future,” the letter reads.")
    doc = run(text, "en", {"Donald Trump": ActorRef("Q22686", "Donald Trump", "USA")})
    direct = [q for q in doc.quotes if q.direct]
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in direct] == [("reads", "the letter")]


def test_a_colon_line_before_the_paragraph_introduces_the_quote() -> None:
    """'He said:' on its own line, the quote in the next paragraph: he speaks, not the last name."""
    text = ('Trump spoke about Chicago. Clinton answered.\n\nHe said:\n\n'
            '"We have a situation where our inner cities are so dangerous."')
    doc = run(text, "en", {"Trump": ActorRef("Q22686", "Donald Trump", "USA"),
                           "Clinton": ActorRef("Q6294", "Hillary Clinton", "USA")})
    assert [(q.cue, q.speaker.text if q.speaker else None) for q in doc.quotes if q.direct] == [("said", "He")]
    long_line = 'Trump and his aides spoke for a long time about the city and its troubles at the rally:\n\n"We win."'
    assert [q.cue for q in run(long_line, "en").quotes if q.direct] == [None]


def test_a_horizontal_bar_closes_the_clause_before_the_speaker() -> None:
    """'When Clinton noted that … ― as was true … ― Trump boasted, “…”': the bar (U+2015) breaks
    the clause like an em dash, so the subject next to the cue speaks."""
    text = ("Clinton and Trump debated. When Clinton noted that Trump paid no federal income taxes ― as was "
            "true for a few years ― Trump boasted, “That makes me smart.”")
    doc = run(text, "en", {"Clinton": ActorRef("Q6294", "Hillary Clinton", "USA"), "Trump": TRUMP})
    assert speakers(doc) == [("That makes me smart.", "Donald Trump")]


def test_a_cue_in_a_relative_clause_gives_way_to_the_cue_before_it() -> None:
    """'saying anybody who complains about a microphone “…”': 'complains' describes anybody; the
    quote is hers, by 'saying'."""
    text = ("Clinton had mocked the complaint, saying anybody who complains about a microphone "
            "“is not having a good night.”")
    doc = run(text, "en", {"Clinton": ActorRef("Q6294", "Hillary Clinton", "USA")})
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in doc.quotes if q.direct] == \
        [("saying", "Hillary Clinton")]


def test_an_ly_adverb_after_an_appositive_keeps_the_named_subject() -> None:
    """'Marc Morial, the chief executive, forcefully told …': the adverb is no speaker."""
    text = ('Marc Morial, the chief executive of the league, forcefully told the crowd that "this is not '
            'the first generation to be frustrated."')
    doc = run(text, "en", {"Marc Morial": ActorRef(None, "Marc Morial", "USA")})
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in doc.quotes if q.direct] == [("told", "Marc Morial")]


def test_english_does_not_invert_after_an_opening_phrase() -> None:
    """'even now at 86 she still says things such as, "…"': the subject stands before the cue;
    only after a quote or comma does English put it after."""
    text = ('Mrs. Mary Smith has softened with age, but even now at 86 she still says things such as, '
            '"We are not all meant to be equal."')
    doc = run(text, "en", {"Mary Smith": ActorRef(None, "Mary Smith", None)})
    assert [(q.cue, q.speaker.text if q.speaker else None) for q in doc.quotes if q.direct] == [("says", "she")]
