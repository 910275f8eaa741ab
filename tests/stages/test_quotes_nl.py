"""Dutch reported speech at breadth: the source's noun phrase, the subject of a cue, what is no speech.

Every sentence here is written for the test (issue #14): each stands for a class of construction.
"""
from __future__ import annotations

import pytest

from kroniek import nlp
from kroniek.kb import load
from kroniek.model import ActorRef, Article, Doc, Entity, Options
from kroniek.stages.quotes import QuoteStage
from kroniek.stages.segment import SegmentStage
from tests.stages.test_quotes import run


def run_typed(text: str, ents: dict[str, tuple[str, ActorRef]]) -> Doc:
    """A Dutch text with entities of the given types (a place, a body), the quotes found."""
    doc = SegmentStage(Options(), load())(Doc(article=Article(id="t", text=text, date="2000-06-01", lang="nl"), lang="nl"))
    for name, (kind, ref) in ents.items():
        if name in text:
            start = text.index(name)
            doc.entities.append(Entity(start, start + len(name), name, kind, ref))
    return QuoteStage(Options(), load())(doc)


def reported(text: str) -> list[tuple[str | None, str]]:
    """(speaker words, content) of the reported quotes of a text."""
    return [(q.speaker.text if q.speaker else None, q.text) for q in run(text, "nl").quotes if not q.direct]


@pytest.mark.parametrize(("text", "source", "content"), [
    # a word that ends in a number word is no number (rijkswacht: acht; officier: vier)
    ("Volgens de rijkswacht reed de bestuurder veel te snel.", "de rijkswacht", "reed de bestuurder veel te snel"),
    ("Volgens de officier van justitie heeft de getuige gelogen.", "de officier van justitie",
     "heeft de getuige gelogen"),
    # a determiner after a noun opens the next phrase; a capitalised one before a name is the name's
    ("Bij de keuze telt volgens kenners de lange ervaring zwaar.", "kenners",
     "Bij de keuze telt de lange ervaring zwaar."),
    ("Volgens schepen Jan De Wolf komt de brug er niet.", "schepen Jan De Wolf", "komt de brug er niet"),
    # te opens the verb, not the source
    ("De oude route is volgens de gids te gevaarlijk voor kinderen.", "de gids",
     "De oude route is te gevaarlijk voor kinderen."),
    # a colon ends the writer's clause: the source's words are the clause after it
    ("De gemeente kiest een andere weg: volgens de wethouder is de brug te duur.", "de wethouder",
     "is de brug te duur"),
])
def test_volgens_source_is_a_whole_noun_phrase(text: str, source: str, content: str) -> None:
    assert reported("Er was nieuws. " + text) == [(source, content)]


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Volgens Pieters vertrok de trein veel te laat.", "Pieters", "vertrok de trein veel te laat"),
    ("Op de werf loopt volgens de bouwheer alles vlot.", "de bouwheer", "Op de werf loopt alles vlot."),
])
def test_volgens_source_ends_where_the_tagger_sees_the_clause(text: str, source: str, content: str) -> None:
    """A verb right after a name, or a pronoun after the noun, ends the source (tagged on demand)."""
    if not nlp.model_path("nl").is_dir():
        pytest.skip("no shipped Dutch model")
    assert reported("Er was nieuws. " + text) == [(source, content)]


@pytest.mark.parametrize("text", [
    "De supporters van de club, een vurige bende uit het noorden, reageerden ontgoocheld.",
    "Ook de trainer van de jeugd, die al twintig jaar meedraait, denkt er zo over.",
])
def test_subject_then_comma_then_cue_without_content_is_no_statement(text: str) -> None:
    """'X, <appositive>, reageerden geschokt': the words before the comma are the subject, not a
    reported clause, when what follows the cue is no noun phrase (tagged on demand)."""
    if not nlp.model_path("nl").is_dir():
        pytest.skip("no shipped Dutch model")
    assert reported("Er was nieuws. " + text) == []


def test_a_split_separable_cue_has_its_particle_after_it() -> None:
    """'zag … in' is in|zien; 'iets in het plan zien' (the preposition before the verb) is no cue."""
    assert reported("Er was nieuws. Wie iets in dat voorstel ziet, mag zich melden bij de gemeente.") == []
    assert reported("Er was nieuws. De burgemeester zag in dat het plan mislukt was.") == \
        [("De burgemeester", "het plan mislukt was")]


@pytest.mark.parametrize("text", [
    "Er was nieuws. Eerder was beloofd dat de tarieven zouden dalen.",
    "Piet Peeters kwam aan. Intussen wordt gemeld dat de fabriek sluit.",
    "Piet Peeters kwam aan. Van die ploeg wordt vaak gezegd dat ze te oud is.",
    "Piet Peeters kwam aan. Beweerd wordt dat de brug snel opengaat.",
])
def test_an_agentless_passive_names_no_speaker(text: str) -> None:
    """Without 'door X' a passive cue has no speaker: not the adverb or topic before it, nor the
    salient person of the article."""
    quotes = run(text, "nl").quotes
    assert len(quotes) == 1 and quotes[0].speaker is None


def test_one_adverb_then_cue_then_pronoun_is_verb_second() -> None:
    """'Desondanks hield ze vol dat …': the pronoun after the cue is the subject, not the adverb."""
    doc = run("Anna Claes werd veroordeeld. Desondanks hield ze vol dat de brief vals is.", "nl",
              {"Anna Claes": ActorRef(None, "Anna Claes", "BEL")})
    assert [(q.speaker.text, q.speaker.name) for q in doc.quotes if q.speaker] == [("ze", "Anna Claes")]


def test_volgens_inside_a_reported_clause_is_that_cues() -> None:
    """'schreef dat de loting volgens de regels gebeurde': the clause is Jansen's."""
    assert reported("Er was nieuws. Jansen schreef dat de loting volgens de regels gebeurde.") == \
        [("Jansen", "de loting volgens de regels gebeurde")]


def test_a_role_description_is_the_person_introduced_with_that_role() -> None:
    """'de advocaat' is the person the article called advocaat, not whoever was named last; with
    no such person and no country it stays unlinked."""
    people = {"Els Wouters": ActorRef(None, "Els Wouters", "BEL"), "Tom Segers": ActorRef(None, "Tom Segers", "BEL"),
              "Lies Maes": ActorRef(None, "Lies Maes", "BEL")}
    text = ("Els Wouters werd veroordeeld. Advocaat Tom Segers was woedend. Lies Maes keek toe. "
            "De advocaat zei dat de zaak verjaard is.")
    assert [q.speaker.name for q in run(text, "nl", people).quotes if q.speaker] == ["Tom Segers"]
    text = "Els Wouters werd veroordeeld. De advocaat zei dat de zaak verjaard is."
    assert [q.speaker.name for q in run(text, "nl", people).quotes if q.speaker] == ["de advocaat"]


@pytest.mark.parametrize(("text", "words", "name"), [
    ("Jan Segers werd gehoord. Volgens hem kreeg de dienst nooit een antwoord.", "hem", "Jan Segers"),
    ("Els Wouters werd gehoord. Volgens haar is de zaak rond.", "haar", "Els Wouters"),
    ("Els Wouters werd gehoord. Volgens haar advocaat is de zaak rond.", "haar advocaat", "haar advocaat"),
])
def test_volgens_an_object_pronoun_is_the_person_it_stands_for(text: str, words: str, name: str) -> None:
    doc = run(text, "nl", {"Jan Segers": ActorRef(None, "Jan Segers", "BEL"),
                           "Els Wouters": ActorRef(None, "Els Wouters", "BEL")})
    assert [(q.speaker.text, q.speaker.name) for q in doc.quotes if q.speaker] == [(words, name)]


def test_role_nouns_at_breadth_and_first_person_ons() -> None:
    """'de raadsman van X' is a person of X; 'Laat ons denken' is the writer, no speaker."""
    assert reported("Er was nieuws. Volgens de raadsman van de beklaagde mag het bewijs niet gebruikt worden.") == \
        [("de raadsman van de beklaagde", "mag het bewijs niet gebruikt worden")]
    assert [q.speaker for q in run("Er was nieuws. Laat ons denken dat het goed komt.", "nl").quotes] == [None]


def test_a_determiner_before_a_country_adjective_is_no_name_particle() -> None:
    """'aldus de Oegandese minister': the whole phrase, not 'de Oegandese'."""
    doc = run_typed('Er was nieuws. "De grens blijft dicht", aldus de Oegandese minister.',
                    {"Oegandese": ("MISC", ActorRef("UGA", "Uganda", "UGA"))})
    assert [q.speaker.text for q in doc.quotes if q.speaker] == ["de Oegandese minister"]


@pytest.mark.parametrize(("text", "content"), [
    ("Jan Segers werd gehoord. Hij las naar eigen zeggen elke avond drie kranten.",
     "Hij las elke avond drie kranten."),
    ("Jan Segers werd gehoord. Naar eigen zeggen had hij geen keuze.", "had hij geen keuze"),
])
def test_naar_eigen_zeggen_is_the_subjects_own_account(text: str, content: str) -> None:
    doc = run(text, "nl", {"Jan Segers": ActorRef(None, "Jan Segers", "BEL")})
    assert [(q.text, q.cue.lower(), q.speaker.name if q.speaker else None) for q in doc.quotes] == \
        [(content, "naar eigen zeggen", "Jan Segers")]


@pytest.mark.parametrize(("text", "source", "content"), [
    ("De ploeg, zo zegt de kapitein in de kleedkamer, is moe maar tevreden.", "de kapitein",
     "De ploeg is moe maar tevreden"),
    ("Dat Oostende, zo beweren de vissers met overtuiging, de gezelligste haven van de kust is.", "de vissers",
     "Dat Oostende de gezelligste haven van de kust is"),
])
def test_a_parenthetical_attribution_after_the_first_constituent(text: str, source: str, content: str) -> None:
    """'X, zo zegt Y, …': the lead opens the reported clause (verb second), Y speaks."""
    assert reported("Er was nieuws. " + text) == [(source, content)]


def test_a_role_without_country_is_the_publications_office_holder() -> None:
    """'de premier' in a Belgian paper of June 2000 is Belgium's prime minister then."""
    doc = Doc(article=Article(id="t", text="Er was overleg. De premier zei dat het plan goed is.", date="2000-06-01",
                              lang="nl", country="BEL"), lang="nl", country="BEL")
    doc = QuoteStage(Options(), load())(SegmentStage(Options(), load())(doc))
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Guy Verhofstadt"]


def test_an_opening_role_then_the_name_set_off_by_commas_speaks() -> None:
    """'De burgemeester van Gent, Els Wouters, vroeg Tom Segers …': Els Wouters, not Segers."""
    text = "Er was overleg. De burgemeester van Gent, Els Wouters, vroeg Tom Segers \"meer respect\" te tonen."
    doc = run(text, "nl", {"Els Wouters": ActorRef(None, "Els Wouters", "BEL"),
                           "Tom Segers": ActorRef(None, "Tom Segers", "BEL")})
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Els Wouters"]


def test_a_role_of_an_unlinked_organisation_keeps_its_words() -> None:
    """'De voorzitter van de zogenaamde Werkgroep Zuid' is a person of that body, not the body."""
    doc = run("Er was overleg. De voorzitter van de zogenaamde Werkgroep Zuid kondigde aan dat de wijk een park krijgt.", "nl")
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["de voorzitter van de zogenaamde Werkgroep Zuid"]


def test_passive_across_adverbs_but_not_a_possessive_zijn() -> None:
    """'Er wordt geregeld gezegd dat' names no one; 'In zijn nieuwjaarsbrief stelde Peeters dat' names Peeters."""
    assert [q.speaker for q in run("Er was nieuws. Er wordt geregeld gezegd dat de haven te klein is.", "nl").quotes] == [None]
    assert reported("Er was nieuws. In zijn nieuwjaarsbrief stelde Peeters dat de wachtlijsten korter worden.") == \
        [("Peeters", "de wachtlijsten korter worden")]


def test_sentence_adverbs_are_no_speakers() -> None:
    """'kon alleen bevestigen', 'volgens slechts enkele buren': the adverb is neither speaker nor content."""
    assert reported("Er was nieuws. Volgens slechts enkele buren droeg de dader een helm.") == \
        [("enkele buren", "droeg de dader een helm")]
    doc = run("Er was nieuws. De zegsman van de brandweer Jan Claes kon alleen bevestigen dat er niemand gewond is.",
              "nl", {"Jan Claes": ActorRef(None, "Jan Claes", "BEL")})
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Jan Claes"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("De rechtbank van eerste aanleg in Brugge vindt dat de klacht te laat kwam.", "de rechtbank van eerste aanleg in Brugge"),
    ("De zaak lag stil tot de inspecteur bij het Hof van Cassatie adviseerde om de boete te schrappen.",
     "de inspecteur bij het Hof van Cassatie"),
])
def test_a_place_or_body_after_a_preposition_is_where_the_speaker_sits(text: str, speaker: str) -> None:
    """A lower-case head with 'in/bij X' is the speaker, not X; a subordinate clause's subject starts
    after its subordinator."""
    ents = {"Brugge": ("LOC", ActorRef("place:bruges", "Bruges", "BEL")),
            "Hof van Cassatie": ("ORG", ActorRef(None, "Hof van Cassatie", "BEL"))}
    doc = run_typed("Er was nieuws. " + text, ents)
    assert [q.speaker.name for q in doc.quotes if q.speaker] == [speaker]


def test_volgens_at_the_start_is_one_constituent_before_the_verb() -> None:
    """'Volgens de politie in Gent is …' (verb second): the source runs to the verb, which a tag tells;
    so does one that runs to the sentence's end."""
    if not nlp.model_path("nl").is_dir():
        pytest.skip("no shipped Dutch model")
    assert reported("Er was nieuws. Volgens de politie in Gent is de dader gevlucht.") == \
        [("de politie in Gent", "is de dader gevlucht")]
    assert reported("Er was nieuws. Volgens een woordvoerder van de brandweer raakte niemand gewond.") == \
        [("een woordvoerder van de brandweer", "raakte niemand gewond")]


def test_a_name_then_an_appositive_then_a_cue_and_its_object_is_no_inverted_attribution() -> None:
    """'Brouwerij Maes, vroeger Maes Bieren, meldt nieuwe orders': no reported clause."""
    text = "Er was nieuws. Brouwerij Maes, vroeger Maes Bieren, meldt nieuwe orders uit Japan."
    assert reported(text) == []
    doc = run_typed(text, {"Brouwerij Maes": ("ORG", ActorRef(None, "Brouwerij Maes", "BEL"))})
    assert [q.text for q in doc.quotes] == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Begin dit jaar verklaarde Jan Segers dat de brug dicht moest.", "Jan Segers"),
    ("Vorig jaar gaf de helft van de leerlingen aan dat de lessen te lang duren.", "de helft van de leerlingen"),
    ("In de raad zaten ook leden die vermoedden dat de cijfers niet klopten.", "leden"),
])
def test_an_adverbial_before_the_cue_is_no_speaker(text: str, speaker: str) -> None:
    """Verb second: after a time phrase the subject follows the cue; a relative's antecedent is the
    noun before 'die', not the adverb or place before it."""
    doc = run("Er was nieuws. " + text, "nl", {"Jan Segers": ActorRef(None, "Jan Segers", "BEL")})
    assert [q.speaker.text for q in doc.quotes if q.speaker] == [speaker]


def test_researchers_of_a_university_in_a_place_are_the_researchers() -> None:
    doc = run_typed("Er was nieuws. Lopen is gezond, zeggen onderzoekers van de universiteit van Leiden.",
                    {"Leiden": ("LOC", ActorRef("place:leiden", "Leiden", "NLD"))})
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["onderzoekers van de universiteit van Leiden"]


def test_vinden_with_terug_and_a_passive_across_adverbs() -> None:
    """'vinden we ook terug' is finding, not an opinion; 'wordt her en der beweerd' has no speaker."""
    assert reported("Er was nieuws. Die frisse kleuren vinden we ook terug in de keuken, die uit hout bestaat.") == []
    doc = run("Er was nieuws. Al wordt her en der beweerd dat de club failliet gaat.", "nl")
    assert [q.speaker for q in doc.quotes] == [None]


def test_an_inverted_attribution_before_a_paragraph_that_opens_a_quote() -> None:
    """'…, meent Jansen.' then a paragraph opening with a quote mark: the mark is the next paragraph's."""
    text = 'Er was nieuws.\n\nDe scholen moeten vroeger beginnen, meent Jansen.\n\n"Dat is mijn overtuiging," zei hij.'
    assert ("Jansen", "De scholen moeten vroeger beginnen") in reported(text)


@pytest.mark.parametrize("text", [
    "Fouten als die van de vorige trainer, die alles verloor, zullen zich niet meer herhalen.",
    "Wanneer de trein weer rijdt, weet niemand.",
])
def test_an_inverted_cue_with_its_own_verbs_or_a_negative_subject_reports_nothing(text: str) -> None:
    assert reported("Er was nieuws. " + text) == []


def test_a_far_particle_and_an_inverted_attribution_before_en() -> None:
    """A split separable cue finds its particle anywhere before 'dat'; ', zei X rustig en …' ends at 'en'."""
    assert reported("Er was nieuws. De burgemeester kondigde gisteravond na een lange vergadering met alle schepenen "
                    "aan dat de kermis verhuist.") == [("De burgemeester", "de kermis verhuist")]
    doc = run("Er was nieuws. De nieuwe spits is sneller dan hij, zei Peeters kalm en daarna vertrok hij naar "
              "de kleedkamer.", "nl", {"Peeters": ActorRef(None, "Piet Peeters", "BEL")})
    assert [(q.speaker.text, q.text) for q in doc.quotes if q.speaker] == [("Peeters", "De nieuwe spits is sneller dan hij")]


def test_a_one_word_lead_before_a_parenthetical_and_het_as_subject() -> None:
    """'Gent, zo zegt X, is …' has a one-word lead; 'Het bevestigde dat …' is 'it confirmed'."""
    assert reported("Er was nieuws. Gent, zo zegt de gids van de stad, is op zondag het mooist.") == \
        [("de gids van de stad", "Gent is op zondag het mooist")]
    assert [q.text for q in run("Er was nieuws. Het bevestigde later dat de bus te laat vertrok.", "nl").quotes] \
        == ["de bus te laat vertrok"]


def test_a_relative_clause_with_a_cue_is_no_parenthetical_attribution() -> None:
    """'De chauffeur, die de fout toegaf, mocht …': the relative clause reports nothing."""
    assert reported("Er was nieuws. De chauffeur, die de fout toegaf, mocht zijn rijbewijs houden.") == []


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("De reizigers die gestrand waren, vertelden de journalisten dat de trein urenlang stilstond.", "De reizigers",
     "de trein urenlang stilstond"),
    ("De eigenaars van het hotel, het echtpaar Claes, hebben beloofd de zaal te zullen renoveren.",
     "De eigenaars van het hotel", "de zaal te zullen renoveren"),
])
def test_the_fronted_noun_phrase_before_a_comma_is_the_subject(text: str, speaker: str, content: str) -> None:
    """Verb second: a noun phrase with its relative clause, or one before an auxiliary and a participle
    cue, is the subject; the words after the cue are its object or its content."""
    assert reported("Er was nieuws. " + text) == [(speaker, content)]


def test_te_infinitive_after_an_object_and_dreigen_as_a_risk() -> None:
    """'hebben beloofd hun grond aan X te schenken' reports the whole infinitive clause;
    'dreigt een ruïne te worden' is a risk, no statement."""
    assert reported("Er was nieuws. De ouders hebben beloofd hun grond aan Brugge te schenken.") == \
        [("De ouders", "hun grond aan Brugge te schenken")]
    assert reported("Er was nieuws. De oude abdij dreigt een ruïne te worden.") == []


def test_zijn_before_a_noun_is_a_possessive_and_a_verb_final_passive_has_no_speaker() -> None:
    """'verklaarde zijn broer dat' is the brother speaking; '… verzocht werd te vertrekken' is a passive."""
    doc = run("Er was nieuws. Op de radio verklaarde zijn broer gisteren dat de fabriek sluit.", "nl")
    assert [q.speaker.text for q in doc.quotes if q.speaker] == ["zijn broer"]
    doc = run("Er was nieuws. Het was bekend dat de voorzitter in maart verzocht werd te vertrekken.", "nl")
    assert [q.speaker for q in doc.quotes] == [None]


def test_a_fronted_noun_phrase_with_a_relative_then_a_cue_is_no_inverted_attribution() -> None:
    """'Het geld dat …, bevestigt haar goede wil' has a subject, no reported clause; a content with a
    relative clause before ', zeggen onderzoekers' is still one."""
    assert reported("Er was nieuws. Het geld dat de stad aan de club gaf, bevestigt haar goede wil.") == []
    assert reported("Er was nieuws. Kinderen die veel lezen, schrijven beter, zeggen leraren.") == \
        [("leraren", "Kinderen die veel lezen, schrijven beter")]


def test_a_demonstrative_that_opens_the_content_is_no_fronted_subject() -> None:
    """'Dat kost die boeren veel tijd, zegt X': 'Dat' is the content's, 'die' a demonstrative."""
    assert reported("Er was nieuws. Dat kost die boeren veel tijd en brengt weinig op, zegt Jansen.") == \
        [("Jansen", "Dat kost die boeren veel tijd en brengt weinig op")]


def test_a_coordinated_verb_after_a_comma_is_no_inverted_attribution() -> None:
    """'Vermeulen werkte als bakker, schreef voor een weekblad': no speaker after the cue, its subject is before."""
    assert reported("Er was nieuws. Vermeulen werkte jaren als bakker, schreef voor een weekblad en opende daarna een café.") == []


def test_that_in_the_perfect_points_back_with_its_speaker_between_auxiliary_and_cue() -> None:
    """'Dat heeft premier X dinsdag bekendgemaakt.': the sentence before is X's; 'Dat heeft de partij
    altijd gewild' reports nothing (no cue)."""
    assert reported("De regering bereikte een akkoord over de prijzen. Dat heeft premier Jan Peeters dinsdag bekendgemaakt.") == \
        [("premier Jan Peeters", "De regering bereikte een akkoord over de prijzen.")]
    assert reported("Het kabinet valt. Dat heeft de partij altijd gewild.") == []
    assert reported("Het kabinet valt. Dat heeft Jan Peeters gezegd na overleg met de partij.") == \
        [("Jan Peeters", "Het kabinet valt.")]


def test_a_name_particle_inside_a_persons_name_is_no_genitive_after_a_role() -> None:
    """'voorzitter Jan van Zanen' is Jan van Zanen; 'burgemeester Opstelten van Rotterdam' is Opstelten."""
    people = {"Jan van Zanen": ActorRef(None, "Jan van Zanen"), "Opstelten": ActorRef(None, "Opstelten")}
    speakers = [q.speaker.name for q in run("Het is druk. \"Eindelijk wordt er geluisterd\", zegt voorzitter "
                                            "Jan van Zanen. \"Het moet anders\", zegt burgemeester Opstelten van Rotterdam.",
                                            "nl", people).quotes]
    assert speakers[0] == "Jan van Zanen" and "Rotterdam" not in speakers[1]
