"""The quote stage: direct quotes in every mark style, scare quotes, reported speech, speakers."""
from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.kb import load
from kroniek.model import ActorRef, Article, Doc, Entity, Options
from kroniek.stages.quotes import QuoteStage, find_groups, group_text, lexicon, tokens
from kroniek.stages.segment import SegmentStage


def run(text: str, lang: str, entities: dict[str, ActorRef] | None = None, date: str = "2025-04-22") -> Doc:
    """Segment a hand-written text, tag the given names as entities, find the quotes."""
    doc = Doc(article=Article(id="t", text=text, date=date, lang=lang), lang=lang)
    doc = SegmentStage(Options(), load())(doc)
    for name, ref in (entities or {}).items():
        start = text.find(name)
        while start >= 0:
            doc.entities.append(Entity(start, start + len(name), name, "PER", ref))
            start = text.find(name, start + 1)
    return QuoteStage(Options(), load())(doc)


TRUMP = ActorRef("Q22686", "Donald Trump", "USA")
ZELENSKY = ActorRef("Q3874799", "Volodymyr Zelensky", "UKR")


def test_interrupted_quote_is_one_record() -> None:
    text = "Zelensky sprak in Kyiv. „Wij willen vrede,” zei hij, „maar niet zo.”"
    doc = run(text, "nl", {"Zelensky": ZELENSKY})
    direct = [q for q in doc.quotes if q.direct]
    assert len(direct) == 1
    q = direct[0]
    assert q.text == "Wij willen vrede, maar niet zo."
    assert text[q.start] == "„" and text[q.end - 1] == "”"
    assert q.cue == "zei" and q.speaker is not None and q.speaker.id == "Q3874799"


def test_every_mark_style_is_found() -> None:
    nl = lexicon("nl")
    for opening, closing in (("„", "”"), (",,", "''"), ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")):
        text = f"Hij zei: {opening}Dit is een lange zin met woorden{closing} en ging weg."
        groups = find_groups(text, [(0, len(text))], nl)
        assert [group_text(text, g) for g in groups] == ["Dit is een lange zin met woorden"], opening


def test_apostrophes_are_not_quote_marks() -> None:
    text = "Trump’s plan isn't 'dead', the Clintons' aide said."
    groups = find_groups(text, [(0, len(text))], lexicon("en"))
    assert [group_text(text, g) for g in groups] == ["dead"]


def test_scare_quotes_and_titles_are_not_speech() -> None:
    text = ("Het ministerie kondigde aan het ‘staakt-het-vuren’ niet te verlengen. "
            "Welke intenties heeft Poetin met zijn ‘vredesvoorstellen’? "
            "Zij schreef het boek ‘De lange weg naar huis vandaag’.")
    quotes = [q.text for q in run(text, "nl").quotes if q.direct]
    assert quotes == []
    doc = run("She told “The Steve Harvey Morning Show” that she was ready for the debate.", "en")
    assert [q.direct for q in doc.quotes] == [False]


def test_partial_quote_in_single_marks_is_a_term_in_double_marks_speech() -> None:
    doc = run("Sánchez zei dinsdag dat Spanje genoeg bijdraagt aan de ‘collectieve verdediging’.", "nl")
    assert [q.direct for q in doc.quotes] == [False]
    doc = run("Rutte sprak van „een kwantumsprong”.", "nl")
    assert [(q.text, q.cue) for q in doc.quotes] == [("een kwantumsprong", "sprak")]


def test_unbalanced_mark_does_not_swallow_the_article() -> None:
    text = ("De minister zei „dat het goed gaat en verder niets.\n\n"
            "Trump zei later: „Wij gaan winnen, dat is zeker.”")
    doc = run(text, "nl", {"Trump": TRUMP})
    direct = [q for q in doc.quotes if q.direct]
    assert [q.text for q in direct] == ["Wij gaan winnen, dat is zeker."]
    assert direct[0].speaker is not None and direct[0].speaker.name == "Donald Trump"


def test_quote_running_over_paragraphs() -> None:
    text = ("Zelensky schreef op X: „Het luchtalarm gaat af boven het hele land.\n\n"
            "„De drones in onze lucht zeggen genoeg over de houding van Moskou.”")
    doc = run(text, "nl", {"Zelensky": ZELENSKY})
    direct = [q for q in doc.quotes if q.direct]
    assert len(direct) == 1
    assert direct[0].text.startswith("Het luchtalarm") and direct[0].text.endswith("Moskou.")
    assert direct[0].speaker is not None and direct[0].speaker.id == "Q3874799"


def test_headline_and_pull_quote() -> None:
    text = ("Dijkhoff: ‘Ik wilde Rutte niet opvolgen’\n\n"
            "„Er is geen vertrouwen in woorden die uit Moskou komen” Volodymyr Zelensky, president Oekraïne")
    doc = run(text, "nl")
    by_text = {q.text: q.speaker.name if q.speaker else None for q in doc.quotes}
    assert by_text["Ik wilde Rutte niet opvolgen"].endswith("Dijkhoff")
    assert by_text["Er is geen vertrouwen in woorden die uit Moskou komen"] == "Volodymyr Zelensky"


@pytest.mark.parametrize("sentence,content,speaker", [
    ("Kyiv meldde zaterdag dat de Russische aanvallen gewoon doorgingen.",
     "de Russische aanvallen gewoon doorgingen", None),
    ("De VS zouden overwegen de Krim te erkennen, meldden Amerikaanse media vorige week.",
     "De VS zouden overwegen de Krim te erkennen", "Amerikaanse media"),
    ("Trump zelf zegt te hopen dat er snel een bestand komt.",
     "te hopen dat er snel een bestand komt", "Donald Trump"),
    ("Het ministerie beschuldigde Oekraïne ervan het bestand te schenden en kondigde aan te stoppen.",
     "het bestand te schenden", "het ministerie"),
    ("Volgens ingewijden gaat het kabinet de accijns verhogen, meldt de NOS.",
     "gaat het kabinet de accijns verhogen", "ingewijden"),
    ("De woordvoerder van het ministerie liet weten dat er geen sprake is van fraude.",
     "er geen sprake is van fraude", "de woordvoerder van het ministerie"),
])
def test_reported_speech_nl(sentence: str, content: str, speaker: str | None) -> None:
    doc = run(sentence, "nl", {"Trump": TRUMP})
    reported = [q for q in doc.quotes if not q.direct]
    assert reported and reported[0].text == content
    if speaker:
        assert reported[0].speaker is not None and reported[0].speaker.name == speaker


def test_dat_meldt_reports_the_sentence_before() -> None:
    doc = run("Het kabinet gaat de accijns op benzine verhogen. Dat meldt het ANP op basis van ingewijden.", "nl")
    assert [(q.text, q.cue, q.direct) for q in doc.quotes] == [
        ("Het kabinet gaat de accijns op benzine verhogen.", "meldt", False)]


def test_a_cue_that_is_another_verb_gives_nothing() -> None:
    assert run("Het Songfestival vond gisteren plaats in Basel.", "nl").quotes == []
    assert run("De politie vond een wapen in de auto van de verdachte.", "nl").quotes == []
    assert [q.text for q in run("Omtzigt vindt dat het kabinet moet ingrijpen.", "nl").quotes] == [
        "het kabinet moet ingrijpen"]


def test_negated_and_whether_cues_give_nothing() -> None:
    doc = run("Zelensky deelde niet mee of de troepen de wapens zouden neerleggen.", "nl")
    assert doc.quotes == []


@pytest.mark.parametrize("text,content,speaker", [
    ("“We are going to win this state,” Trump said on Monday.", "We are going to win this state,", "Donald Trump"),
    ('"It will be first-order business," said Mr. Podesta.', "It will be first-order business,", "Mr. Podesta"),
    ("The campaign is in trouble, according to two senior aides.", "The campaign is in trouble", "two senior aides"),
    ("Trump told reporters he would build the wall.", "he would build the wall", "Donald Trump"),
    ("A source said that the escort was not wanted.", "the escort was not wanted", "a source"),
])
def test_english_quotes_and_attributions(text: str, content: str, speaker: str) -> None:
    doc = run(text, "en", {"Trump": TRUMP})
    assert [q.text for q in doc.quotes] == [content]
    sp = doc.quotes[0].speaker
    assert sp is not None and sp.name == speaker


def test_inverted_attribution_after_an_action_clause() -> None:
    """'agreed to' + a noun is no cue: the clause before ', X announced' is the content, and a
    possessive place names the speaker's country."""
    doc = run("Russia and Ukraine have agreed to a prisoner exchange, Turkey's foreign minister said "
              "on Monday in Ankara.", "en")
    assert [(q.text, q.cue, q.direct) for q in doc.quotes] == [
        ("Russia and Ukraine have agreed to a prisoner exchange", "said", False)]
    sp = doc.quotes[0].speaker
    assert sp is not None and sp.country == "TUR"
    doc = run("De grens gaat morgen weer open, maakte het ministerie van Defensie bekend.", "nl")
    assert [(q.text, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("De grens gaat morgen weer open", "het ministerie van Defensie")]


def test_a_noun_object_is_not_reported_speech() -> None:
    assert run("Senator Jane Doe claimed victory in the primary on social media.", "en").quotes == []
    assert run("The leaders agreed to a summit in Geneva.", "en").quotes == []
    assert [q.text for q in run("Jane Doe claimed the count was rigged.", "en").quotes] == ["the count was rigged"]


def test_accuse_of_gerund_is_reported_speech() -> None:
    doc = run("The Russian defence ministry accused Kyiv last week of violating the Easter truce.", "en")
    assert [(q.text, q.direct, q.cue) for q in doc.quotes] == [("violating the Easter truce", False, "accused")]
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.name.endswith("ministry")
    assert run("The ministry accused Kyiv of war crimes.", "en").quotes == []


@pytest.mark.parametrize("sentence,content,speaker", [
    ("Frans Timmermans, leider van GroenLinks-PvdA, liet woensdagmiddag weten dat hij stopt als fractievoorzitter.",
     "hij stopt als fractievoorzitter", "Frans Timmermans"),
    ("Rob Jetten, de leider van D66, verweet het kabinet dat het de klimaatdoelen loslaat.",
     "het de klimaatdoelen loslaat", "Rob Jetten"),
    ("Toen het kabinet viel, liet de premier weten dat hij zou aanblijven.", "hij zou aanblijven", "de premier"),
])
def test_dutch_subject_before_an_appositive(sentence: str, content: str, speaker: str) -> None:
    """The name that opens the sentence speaks, whatever stands between the cue and its particle
    or complementizer (a time word, the object of 'verweet'); a subordinate clause first inverts."""
    reported = [q for q in run(sentence, "nl").quotes if not q.direct]
    assert [q.text for q in reported] == [content]
    assert reported[0].speaker is not None and reported[0].speaker.name == speaker


def test_partial_quote_in_a_reported_clause_is_one_record() -> None:
    doc = run('Senator Jane Doe said that the plan was "dead on arrival" in Congress.', "en")
    assert [(q.text, q.direct, q.cue) for q in doc.quotes] == [("dead on arrival", True, "said")]
    sp = doc.quotes[0].speaker
    assert sp is not None and (sp.name, sp.text) == ("Jane Doe", "Senator Jane Doe")


def test_pronoun_takes_the_latest_speaker_and_keeps_its_offsets() -> None:
    text = "Trump spoke in Ohio on Friday. He said that the election was rigged."
    doc = run(text, "en", {"Trump": TRUMP})
    q = doc.quotes[0]
    assert q.speaker is not None and q.speaker.id == "Q22686"
    assert text[q.speaker.start:q.speaker.end] == "He"


def test_transcript_turns_name_their_speaker() -> None:
    text = ("Partial transcript as follows:\n\n"
            "\"WALLACE: Will Gennifer Flowers actually be there tomorrow night?\n\n"
            "\"PENCE: Well, look, this is an episode of “Shark Tank.” But this is America.\n\n"
            "KING: We will be right back after the break.")
    doc = run(text, "en")
    turns = [(q.speaker.name if q.speaker else None, q.text.split()[0]) for q in doc.quotes if q.direct]
    assert ("WALLACE", "Will") in turns and ("KING", "We") in turns
    assert any(name and name.endswith(("PENCE", "Pence")) and first == "Well," for name, first in turns)


def test_pronoun_can_point_to_an_unlinked_name() -> None:
    text = "Megan Hester said that parents want neighborhood schools. She added that busing is unpopular."
    doc = run(text, "en")
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["Megan Hester", "Megan Hester"]


def test_pronoun_gender_comes_from_the_kb() -> None:
    merkel = ActorRef("Q567", "Angela Merkel", "DEU")
    text = "Angela Merkel met Donald Trump in Berlin on Friday. He said that the talks had been great."
    doc = run(text, "en", {"Angela Merkel": merkel, "Donald Trump": TRUMP})
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.id == "Q22686"
    doc = run(text.replace("He said", "She said"), "en", {"Angela Merkel": merkel, "Donald Trump": TRUMP})
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.id == "Q567"


def test_quote_continues_its_speaker_across_paragraphs() -> None:
    text = ("“We will not give up,” Zelensky said.\n\n"
            "“Our people have shown what they can do when they stand together.”")
    doc = run(text, "en", {"Zelensky": ZELENSKY})
    assert [q.speaker.id if q.speaker else None for q in doc.quotes] == ["Q3874799", "Q3874799"]


def test_quote_date_comes_from_the_document_without_timexes() -> None:
    doc = run("Trump said that the wall will be built.", "en", {"Trump": TRUMP})
    assert doc.quotes[0].date == "2025-04-22"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_lexicon_is_complete_and_lower_case(lang: str) -> None:
    lex = lexicon(lang)
    assert lex.lang == lang and lex.cue_lemma and lex.marks and lex.pronouns
    assert all(form == form.lower() for form in lex.cue_lemma)
    assert set(lex.particles) <= set(lex.cue_lemma.values())
    words = lex.prepositions | lex.negations | lex.adverbs | lex.determiners | lex.auxiliaries
    assert not words & {"true", "false"}, "unquoted on/no/yes in YAML became booleans"
    assert [t.text for t in tokens("Mr. Smith said.", 0, 15, lexicon("en"))] == ["Mr.", "Smith", "said", "."]
    assert "on" in lexicon("en").prepositions


def test_unknown_language_falls_back_to_english() -> None:
    assert lexicon("xx").lang == "en"


def test_bundled_example_quotes() -> None:
    from kroniek import Pipeline
    from kroniek.eval import Scores, load_gold, score_quotes
    from kroniek.ingest.readers import read_inputs

    example = Path(__file__).resolve().parents[2] / "examples" / "001_navo_top_den_haag.txt"
    record = Pipeline()(next(read_inputs([str(example)]))).record()
    s = Scores()
    score_quotes(record, load_gold(example.with_suffix(".gold.json")), s)
    assert s.quotes.f1 >= 0.90 and s.speaker.value >= 0.90 and s.scare_quotes == 0, s.details


def test_seed_floors(seed_record: dict) -> None:
    from kroniek.eval import Scores, load_gold, score_quotes
    from tests.conftest import SEED_GOLD

    s = Scores()
    score_quotes(seed_record, load_gold(Path(SEED_GOLD)), s)
    assert s.quotes.f1 >= 0.90
    assert s.speaker.value >= 0.90
    assert s.scare_quotes == 0


# --- cue lexicon breadth: forms made from lemmas (morphology.py), one test per verb class


@pytest.mark.parametrize("form, lemma", [
    ("meent", "menen"), ("geloofde", "geloven"), ("denkt", "denken"), ("begreep", "begrijpen"), ("beaamt", "beamen"),
    ("claimde", "claimen"), ("jubelde", "jubelen"), ("schampert", "schamperen"), ("toegevoegd", "toevoegen"),
    ("aankondigt", "aankondigen"), ("meegedeeld", "meedelen"), ("medegedeeld", "mededelen"), ("verklaard", "verklaren"), ("gerapporteerd", "rapporteren"),
    ("waarschuwde", "waarschuwen"), ("gewaarschuwd", "waarschuwen"), ("schreeuwt", "schreeuwen"),  # no doubled vowel before w
    ("insinueert", "insinueren"), ("geëist", "eisen"), ("geïnsinueerd", "insinueren"),  # ge- takes a diaeresis before e, i
])
def test_dutch_cue_forms_are_generated(form: str, lemma: str) -> None:
    assert lexicon("nl").cue(form) == lemma


@pytest.mark.parametrize("form, lemma", [
    ("asked", "ask"), ("exclaimed", "exclaim"), ("fumed", "fume"), ("emailed", "email"), ("quipped", "quip"),
    ("referring", "refer"), ("concurred", "concur"), ("replies", "reply"), ("thought", "think"), ("apologized", "apologize"), ("blurted", "blurt out"),
])
def test_english_cue_forms_are_generated(form: str, lemma: str) -> None:
    assert lexicon("en").cue(form) == lemma


def test_separable_cues_in_both_orders() -> None:
    """The split form needs its particle in the clause; the fused one carries it."""
    nl = lexicon("nl")
    assert "voegde" not in nl.fused and "toegevoegd" in nl.fused and "toe" in nl.particles["toevoegen"]
    q = run("Het ministerie heeft gisteren aangekondigd dat de grens dichtgaat.", "nl").quotes
    assert [(x.text, x.speaker.name if x.speaker else None) for x in q] == [("de grens dichtgaat", "het ministerie")]
    assert not run("Het ministerie voegde een bijlage bij de brief.", "nl").quotes


@pytest.mark.parametrize("sentence, content, cls", [
    ("De burgemeester vertelde dat de weg dicht blijft.", "de weg dicht blijft", "speech"),
    ("De krant schreef dat de weg dicht blijft.", "de weg dicht blijft", "writing"),
    ("De burgemeester meent dat de weg snel opengaat.", "de weg snel opengaat", "opinion"),
    ("De burgemeester gelooft dat de weg dicht blijft.", "de weg dicht blijft", "opinion"),
    ("De burgemeester jubelde dat de weg eindelijk open is.", "de weg eindelijk open is", "emotion"),
    ("De wethouder beaamt dat de weg dicht blijft.", "de weg dicht blijft", "speech"),
])
def test_dutch_verb_classes(sentence: str, content: str, cls: str) -> None:
    q = run(sentence, "nl").quotes
    assert [x.text for x in q] == [content]
    assert lexicon("nl").cue_class[lexicon("nl").cue(q[0].cue.lower())] == cls
    assert q[0].confidence is not None and 0 < q[0].confidence <= 1


@pytest.mark.parametrize("sentence, content", [
    ("The mayor asked that residents stay indoors tonight.", "residents stay indoors tonight"),
    ("The mayor fumed that the budget was cut again.", "the budget was cut again"),
    ("The mayor believes the budget will be cut again.", "the budget will be cut again"),
    ("The agency emailed that the office would close early.", "the office would close early"),
])
def test_english_verb_classes(sentence: str, content: str) -> None:
    assert [x.text for x in run(sentence, "en").quotes] == [content]


def test_dutch_opinion_after_the_clause() -> None:
    """'…, vindt X' and '…, weet zij' are inverted attributions, whatever follows the cue."""
    q = run("Het plan kan zo niet doorgaan, vindt de PVV.", "nl").quotes
    assert [(x.text, x.speaker.name if x.speaker else None) for x in q] == [("Het plan kan zo niet doorgaan", "PVV")]


# --- volgens / according to anywhere, passives


def test_volgens_in_mid_clause_is_one_split_record() -> None:
    q = run("Gisteravond telde de luchthaven volgens de Spaanse media achtduizend wachtenden.", "nl").quotes
    assert [(x.text, x.speaker.name if x.speaker else None) for x in q] == [
        ("Gisteravond telde de luchthaven achtduizend wachtenden.", "de Spaanse media")]


def test_passive_agent_is_the_speaker() -> None:
    q = run("Het kabinet is gevallen. Dat werd bevestigd door de woordvoerder van het ministerie.", "nl").quotes
    assert [(x.text, x.speaker.name if x.speaker else None) for x in q] == [
        ("Het kabinet is gevallen.", "de woordvoerder van het ministerie")]
    zin = ActorRef("p:zinichev", "Yevgeny Zinichev", "RUS")
    doc = run('Putin flew in. He was told by Emergencies Minister Yevgeny Zinichev of "at least forty people under the rubble".',
              "en", {"Putin": ActorRef("Q7747", "Vladimir Putin", "RUS"), "Yevgeny Zinichev": zin})
    assert [x.speaker.name for x in doc.quotes if x.direct] == ["Yevgeny Zinichev"]


# --- speakers: whole noun phrases, the right person


@pytest.mark.parametrize("sentence, name", [
    ("A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work.", "officials"),
    ("The regional governor said the bridge was safe, but said this too was unrelated to the blast.", "the regional governor"),
    ("One news site, Znak.com, claims sources have ascribed the explosion to terrorism.", "Znak.com"),
    ("Residents there told the press the officers claimed to be seeking a bomb.", "Residents"),
])
def test_speaker_is_a_noun_phrase_not_a_fragment(sentence: str, name: str) -> None:
    q = run(sentence, "en").quotes
    assert q and q[0].speaker is not None and q[0].speaker.name == name


def test_title_is_not_part_of_the_name_but_of_the_text() -> None:
    sp = run("USCG Captain Monica Rochester told the press that the search had ended.", "en").quotes[0].speaker
    assert sp is not None and (sp.name, sp.text, sp.kind) == ("Monica Rochester", "USCG Captain Monica Rochester", "PER")


def test_pronoun_skips_persons_inside_quotes_and_after_prepositions() -> None:
    mbs = ActorRef("p:mbs", "Mohammad bin Salman", "SAU")
    text = ('Crown Prince Mohammad bin Salman accepted responsibility. Speaking to Martin Smith of PBS, he said, '
            '"It happened under my watch."')
    doc = run(text, "en", {"Mohammad bin Salman": mbs, "Martin Smith": ActorRef("p:smith", "Martin Smith", "USA")})
    assert [q.speaker.name for q in doc.quotes if q.direct] == ["Mohammad bin Salman"]
    text = '"I met Donald Trump yesterday," Jane Doe said. "It was fine," she added. He said that nothing happened.'
    doc = run(text, "en", {"Donald Trump": TRUMP})
    assert doc.quotes[-1].speaker is None or doc.quotes[-1].speaker.name != "Donald Trump"


def test_surname_takes_the_full_name_given_in_the_article() -> None:
    hillary = ActorRef("Q6294", "Hillary Clinton", "USA")
    bill = ActorRef("Q1124", "Bill Clinton", "USA")
    text = "Hillary Clinton spoke in Ohio. Clinton said that the economy needed work."
    doc = Doc(article=Article(id="t", text=text, date="2016-10-01", lang="en"), lang="en")
    doc = SegmentStage(Options(), load())(doc)
    doc.entities += [Entity(0, 15, "Hillary Clinton", "PER", hillary), Entity(31, 38, "Clinton", "PER", bill)]
    doc = QuoteStage(Options(), load())(doc)
    assert [q.speaker.name for q in doc.quotes] == ["Hillary Clinton"]


def test_gender_from_an_honorific_or_first_name() -> None:
    text = ("Emily Spanton testified on Monday. Antoine Quirin denied it. "
            "She told the court that she was forced to drink.")
    doc = run(text, "en", {"Emily Spanton": ActorRef(None, "Emily Spanton", None),
                           "Antoine Quirin": ActorRef(None, "Antoine Quirin", None)})
    assert [q.speaker.name for q in doc.quotes] == ["Emily Spanton"]


# --- merging, not-speech, dates, confidence


def test_no_merge_across_a_sentence_that_introduces_the_next_quote() -> None:
    text = "„Wij willen vrede,” zei Poetin. Xi zei: „Wij steunen dat plan volledig.”"
    doc = run(text, "nl", {"Poetin": ActorRef("Q7747", "Vladimir Putin", "RUS"), "Xi": ActorRef("Q15031", "Xi Jinping", "CHN")})
    assert [(q.text, q.speaker.name) for q in doc.quotes if q.direct] == [
        ("Wij willen vrede,", "Vladimir Putin"), ("Wij steunen dat plan volledig.", "Xi Jinping")]


def test_spaced_typewriter_marks_pair() -> None:
    doc = run("De renster won. ,, Dit verzin je niet. Het lijkt wel een droom. '' Daarna ging ze naar huis.", "nl")
    assert [q.text for q in doc.quotes] == ["Dit verzin je niet. Het lijkt wel een droom."]


@pytest.mark.parametrize("text", [
    'The tweet "1143215870563987457" was deleted.',
    'He posted "https://t.co/abc123 pic.twitter.com/xyz" on Monday.',
    "LIVE: Putin says the war goes on.",
])
def test_ids_links_and_labels_are_not_speech(text: str) -> None:
    doc = run(text, "en")
    assert all(q.speaker is None or q.speaker.name != "LIVE" for q in doc.quotes)
    assert not [q for q in doc.quotes if q.direct]


def test_quote_date_ignores_numbers_inside_the_quoted_words() -> None:
    import kroniek
    rec = kroniek.analyse('"We will pay 1368 million pounds by 2028," the minister said on Monday.', date="2019-03-06", lang="en")
    assert [q["date"] for q in rec["quotes"]] == ["2019-03-04"]
    rec = kroniek.analyse("De minister zei dat de brug in 2030 klaar is.", date="2025-04-22", lang="nl")
    assert [q["date"] for q in rec["quotes"]] == ["2025-04-22"]


def test_elided_article_opens_no_quote() -> None:
    """"Van 't Klooster" twice in a paragraph must not pair into a quote that swallows the next one."""
    text = ("Gumbs sloeg Van 't Klooster en Milliard over de thuisplaat. Daarna liet Van 't Klooster een "
            "driehonkslag vertrekken.\n\n,,Dit was kwaliteit'', sprak bondscoach Eenhoorn zuinig.")
    doc = run(text, "nl")
    assert [q.text for q in doc.quotes if q.direct] == ["Dit was kwaliteit"]


def test_spreken_attributes_quoted_words() -> None:
    """'„…”, sprak X' names the speaker and joins the quote it interrupts across the full stop."""
    text = "Jansen won. ,,Dit was kwaliteit'', sprak bondscoach Eenhoorn zuinig. ,, Vakwerk. Verdedigend en aanvallend. ''"
    doc = run(text, "nl", {"Eenhoorn": ActorRef(None, "Robert Eenhoorn", "NLD"), "Jansen": ActorRef(None, "Eelco Jansen", "NLD")})
    direct = [q for q in doc.quotes if q.direct]
    assert [q.text for q in direct] == ["Dit was kwaliteit Vakwerk. Verdedigend en aanvallend."]
    assert direct[0].cue == "sprak" and direct[0].speaker is not None and direct[0].speaker.name == "Robert Eenhoorn"


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Volgens een woordvoerder van de politie raakte niemand gewond door de vlammen.",
     "een woordvoerder van de politie", "raakte niemand gewond door de vlammen"),
    ("Volgens een politiewoordvoerder gebeurde het incident tijdens hevig onweer.",
     "een politiewoordvoerder", "gebeurde het incident tijdens hevig onweer"),
    ("Volgens de woordvoerster van justitie is het apparaat een nieuwe versie.",
     "de woordvoerster van justitie", "is het apparaat een nieuwe versie"),
])
def test_according_source_ends_at_the_verb(text: str, source: str, content: str) -> None:
    """'Volgens X V …': the source is the noun phrase before the finite verb, which a tag tells."""
    from kroniek import nlp
    if not nlp.model_path("nl").is_dir():
        pytest.skip("no shipped Dutch model")
    doc = run(text, "nl")
    assert [(q.speaker.text if q.speaker else None, q.text) for q in doc.quotes] == [(source, content)]


def test_reflexive_cue_states_nothing() -> None:
    """'meldde Boogerd zich bij de wagen' reports no statement; 'zei zich zorgen te maken' does."""
    doc = run("Steeds weer meldde Boogerd zich bij de ploegleiderswagen en dat amuseerde Koerts.", "nl")
    assert doc.quotes == []
    doc = run("De minister zei zich zorgen te maken over de stijgende prijzen.", "nl")
    assert [q.text for q in doc.quotes] == ["zich zorgen te maken over de stijgende prijzen"]


@pytest.mark.parametrize(("text", "content"), [
    ("Deputy Governor Oleg Klimov indicated 68 people were missing.", ["68 people were missing"]),
    ("Both officers indicated they would appeal.", ["they would appeal"]),
    ("The Queen announced she will comply with the request of the Prime Minister.",
     ["she will comply with the request of the Prime Minister"]),
    ("Rhodesia declared independence from the United Kingdom, but still under white rule.", []),
])
def test_bare_clause_after_more_english_cues(text: str, content: list[str]) -> None:
    """Cues that take a clause without 'that' (indicate, announce, promise …); not 'declared' + a noun."""
    assert [q.text for q in run(text, "en").quotes] == content


@pytest.mark.parametrize(("text", "content"), [
    ("A total of 39 are confirmed dead, officials told state media.", "A total of 39 are confirmed dead"),
    (("Mugabe was hospitalized in Singapore for months and according to the Ministry of Foreign Affairs he died "
     "at Gleneagles Hospital in the morning."), "he died at Gleneagles Hospital in the morning"),
])
def test_attribution_after_its_clause_or_after_a_conjunction(text: str, content: str) -> None:
    """'<content>, officials told state media': the hearer after an object cue is no clause of its own;
    '… and according to X <clause>': X's words are the clause after it, not the first conjunct."""
    assert [q.text for q in run(text, "en").quotes] == [content]


@pytest.mark.parametrize(("text", "lang", "content"), [
    ("Het team reed goed, maar in de visie van Boogerd hadden meer ploeggenoten daarbij betrokken moeten zijn.", "nl",
     "hadden meer ploeggenoten daarbij betrokken moeten zijn"),
    ("In the view of the court, the law does not apply to foreign companies.", "en",
     "the law does not apply to foreign companies"),
])
def test_according_phrases_beyond_volgens(text: str, lang: str, content: str) -> None:
    """'in de visie van X', 'in the view of X' introduce X's words like volgens / according to."""
    assert [q.text for q in run(text, lang).quotes] == [content]


def test_scare_term_leaves_the_sentence_to_its_attribution() -> None:
    """A one-word term in single marks is no quote of the speaker the sentence names at its end."""
    text = "Zowel zaterdag als zondag haperde het 'pinpasverkeer' gedurende enkele kwartieren, aldus de woordvoerster."
    doc = run(text, "nl")
    assert [(q.direct, q.text) for q in doc.quotes] == [
        (False, "Zowel zaterdag als zondag haperde het 'pinpasverkeer' gedurende enkele kwartieren")]


@pytest.mark.parametrize(("text", "content"), [
    ("Labour leader Jeremy Corbyn said this is a ploy to achieve a no-deal Brexit, meaning the UK would leave.",
     "this is a ploy to achieve a no-deal Brexit"),
    ("Health Minister Veronika Skvortsova indicated on Monday the chances of those trapped were diminishing.",
     "the chances of those trapped were diminishing"),
    ("Officials said the fire had killed ten people, including two children.",
     "the fire had killed ten people, including two children"),
])
def test_bare_clause_bounds(text: str, content: str) -> None:
    """The clause keeps a leading 'this', follows a time phrase, and ends at ', meaning …' (not ', including')."""
    assert [q.text for q in run(text, "en").quotes] == [content]


@pytest.mark.parametrize(("text", "content"), [
    ("Ze wezen op de juist gebleken aanpak van PSV en de noodzaak van vergelijkbare initiatieven.",
     "de juist gebleken aanpak van PSV en de noodzaak van vergelijkbare initiatieven"),
    ("De bond pleitte gisteren voor een nieuwe aanpak van de jeugdopleiding.", "een nieuwe aanpak van de jeugdopleiding"),
    ("De minister wees erop dat de kosten stijgen.", "de kosten stijgen"),
])
def test_dutch_content_after_a_preposition(text: str, content: str) -> None:
    """'wijzen op X', 'pleiten voor X': the noun phrase after the preposition is what was said."""
    assert [q.text for q in run(text, "nl").quotes] == [content]


def test_parenthetical_attribution_after_a_short_lead() -> None:
    """'In between, she testified, she was …': the clause after the parenthetical cue is hers."""
    text = "Maria Quirin spoke first. In between, she testified, she was attacked by three officers."
    doc = run(text, "en", {"Maria Quirin": ActorRef(None, "Maria Quirin", None)})
    assert [(q.text, q.cue, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("she was attacked by three officers", "testified", "Maria Quirin")]


def test_three_listed_partial_quotes_are_one_statement_two_stay_apart() -> None:
    """'called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."' is one quote;
    'a "corrupt oaf" and a "lousy traitor"' stays two, as the quote corpus marks them."""
    text = 'Trump spoke on Monday. He called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."'
    assert [q.text for q in run(text, "en").quotes if q.direct] == ["nasty guy, anchor baby, unstable sick."]
    two = 'Trump spoke on Monday. He said the plan was "a total disaster for everyone" and "a very sad joke."'
    assert len([q for q in run(two, "en").quotes if q.direct]) == 2


def test_a_title_before_a_reporting_clause_is_no_quote() -> None:
    """'In an interview on CBS's "Face the Nation," Ryan said the spate …': the cue goes on to a
    clause of its own, so the title-case words before it are a show's name, not his words."""
    text = 'In an interview on CBS\'s "Face the Nation," House Speaker Paul Ryan said the recent spate of shootings was sad.'
    assert [q.text for q in run(text, "en").quotes if q.direct] == []
    said = '"We will win the next one," House Speaker Paul Ryan said on Sunday.'
    assert [q.text for q in run(said, "en").quotes if q.direct] == ["We will win the next one,"]
