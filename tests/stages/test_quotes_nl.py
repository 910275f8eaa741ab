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


@pytest.mark.parametrize("text", [
    "De bewoners van de straat, een rustige buurt aan het kanaal, reageerden geschokt.",
    "Ook de schepen van Brugge, die de hele avond bleef, denkt er zo over.",
])
def test_subject_then_comma_then_cue_without_content_is_no_statement(text: str) -> None:
    """'X, <appositive>, reageerden geschokt': the words before the comma are the subject, not a
    reported clause, when what follows the cue is no noun phrase (tagged on demand)."""
    if not nlp.model_path("nl").is_dir():
        pytest.skip("no shipped Dutch model")
    assert reported("Er was nieuws. " + text) == []


def test_a_split_separable_cue_has_its_particle_after_it() -> None:
    """'zag … in' is in|zien; 'iets in het plan zien' (the preposition before the verb) is no cue."""
    assert reported("Er was nieuws. Omdat veel raadsleden iets in het plan zien, liet de burgemeester het onderzoeken.") == []
    assert reported("Er was nieuws. De burgemeester zag in dat het plan mislukt was.") == \
        [("De burgemeester", "het plan mislukt was")]


@pytest.mark.parametrize("text", [
    "Er was nieuws. Nochtans was aangekondigd dat de tarieven omlaag zouden gaan.",
    "Piet Peeters kwam aan. Plaatselijk wordt gevreesd dat de fabriek sluit.",
    "Piet Peeters kwam aan. Van de trainer wordt gezegd dat hij snel vertrekt.",
    "Piet Peeters kwam aan. Gehoopt wordt dat de brug snel opengaat.",
])
def test_an_agentless_passive_names_no_speaker(text: str) -> None:
    """Without 'door X' a passive cue has no speaker: not the adverb or topic before it, nor the
    salient person of the article."""
    quotes = run(text, "nl").quotes
    assert len(quotes) == 1 and quotes[0].speaker is None


def test_one_adverb_then_cue_then_pronoun_is_verb_second() -> None:
    """'Niettemin hield ze vol dat …': the pronoun after the cue is the subject, not the adverb."""
    doc = run("Anna Claes werd veroordeeld. Niettemin hield ze vol dat ze onschuldig is.", "nl",
              {"Anna Claes": ActorRef(None, "Anna Claes", "BEL")})
    assert [(q.speaker.text, q.speaker.name) for q in doc.quotes if q.speaker] == [("ze", "Anna Claes")]


def test_volgens_inside_a_reported_clause_is_that_cues() -> None:
    """'meldde dat de wet volgens de regels tot stand kwam': the clause is Jansen's."""
    assert reported("Er was nieuws. Jansen meldde dat de wet volgens de regels tot stand kwam.") == \
        [("Jansen", "de wet volgens de regels tot stand kwam")]


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
    """'de raadsman van X' is a person of X; 'Laat ons hopen' is the writer, no speaker."""
    assert reported("Er was nieuws. Volgens de raadsman van de firma is de zaak verjaard.") == \
        [("de raadsman van de firma", "is de zaak verjaard")]
    assert [q.speaker for q in run("Er was nieuws. Laat ons hopen dat het goed komt.", "nl").quotes] == [None]


def test_a_determiner_before_a_country_adjective_is_no_name_particle() -> None:
    """'aldus de Ethiopische minister': the whole phrase, not 'de Ethiopische'."""
    doc = run_typed('Er was nieuws. "We willen vrede", aldus de Ethiopische minister.',
                    {"Ethiopische": ("MISC", ActorRef("ETH", "Ethiopia", "ETH"))})
    assert [q.speaker.text for q in doc.quotes if q.speaker] == ["de Ethiopische minister"]


@pytest.mark.parametrize(("text", "content"), [
    ("Jan Segers werd gehoord. In totaal voerde hij naar eigen zeggen tien gesprekken met de minister.",
     "In totaal voerde hij tien gesprekken met de minister."),
    ("Jan Segers werd gehoord. Naar eigen zeggen had hij geen keuze.", "had hij geen keuze"),
])
def test_naar_eigen_zeggen_is_the_subjects_own_account(text: str, content: str) -> None:
    doc = run(text, "nl", {"Jan Segers": ActorRef(None, "Jan Segers", "BEL")})
    assert [(q.text, q.cue.lower(), q.speaker.name if q.speaker else None) for q in doc.quotes] == \
        [(content, "naar eigen zeggen", "Jan Segers")]


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Het land, zo zegt de correspondente in de hoofdstad, is erg ontgoocheld.", "de correspondente",
     "Het land is erg ontgoocheld"),
    ("Dat Belgenland, zo zeggen de inwoners met trots, het mooiste land is.", "de inwoners",
     "Dat Belgenland het mooiste land is"),
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
    """'De burgemeester van Gent, Els Wouters, vroeg de minister …': Els Wouters, not the minister."""
    text = "Er was overleg. De burgemeester van Gent, Els Wouters, vroeg Tom Segers \"meer respect\" te tonen."
    doc = run(text, "nl", {"Els Wouters": ActorRef(None, "Els Wouters", "BEL"),
                           "Tom Segers": ActorRef(None, "Tom Segers", "BEL")})
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Els Wouters"]


def test_a_role_of_an_unlinked_organisation_keeps_its_words() -> None:
    """'De directeur van het zogeheten Comité Noord' is a person of that body, not the body."""
    doc = run("Er was overleg. De directeur van het zogeheten Comité Noord kondigde aan dat de regering ingrijpt.", "nl")
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["de directeur van het zogeheten Comité Noord"]


def test_passive_across_adverbs_but_not_a_possessive_zijn() -> None:
    """'Er wordt geregeld gezegd dat' names no one; 'In zijn toespraak stelde Peeters dat' names Peeters."""
    assert [q.speaker for q in run("Er was nieuws. Er wordt geregeld gezegd dat de zaak rond is.", "nl").quotes] == [None]
    assert reported("Er was nieuws. In zijn toespraak stelde Peeters dat de lonen stijgen.") == \
        [("Peeters", "de lonen stijgen")]


def test_sentence_adverbs_are_no_speakers() -> None:
    """'kon enkel bevestigen', 'volgens enkel lokale agenten': the adverb is neither speaker nor content."""
    assert reported("Er was nieuws. Volgens enkel lokale agenten ligt het motief voor de hand.") == \
        [("lokale agenten", "ligt het motief voor de hand")]
    doc = run("Er was nieuws. De woordvoerder van de politie Jan Claes kon enkel bevestigen dat het om een man gaat.",
              "nl", {"Jan Claes": ActorRef(None, "Jan Claes", "BEL")})
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Jan Claes"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Het hof van beroep in Brugge vindt dat de zaak verjaard is.", "het hof van beroep in Brugge"),
    ("Dat gebeurde nadat de raadsheer bij het Hof van Cassatie adviseerde om het vonnis te vernietigen.",
     "de raadsheer bij het Hof van Cassatie"),
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
    """'Bouwgroep Vandamme, ex Vandamme Holding, meldt contracten in Gent': no reported clause."""
    text = "Er was nieuws. Bouwgroep Vandamme, ex Vandamme Holding, meldt contracten in Gent en Luik."
    assert reported(text) == []
    doc = run_typed(text, {"Bouwgroep Vandamme": ("ORG", ActorRef(None, "Bouwgroep Vandamme", "BEL"))})
    assert [q.text for q in doc.quotes] == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Begin dit jaar verklaarde Jan Segers dat de brug dicht moest.", "Jan Segers"),
    ("Vorig jaar gaf een kwart van de bewoners aan dat ze wilden verhuizen.", "een kwart van de bewoners"),
    ("Er waren in de gemeente ook mensen die veronderstelden dat het plan een truc was.", "mensen"),
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
    """'vinden we ook terug' is finding, not an opinion; 'wordt her en der gesuggereerd' has no speaker."""
    assert reported("Er was nieuws. Dat mooie design vinden we ook terug in het interieur, dat uit lijnen bestaat.") == []
    doc = run("Er was nieuws. Al wordt her en der gesuggereerd dat hij de aftocht blies.", "nl")
    assert [q.speaker for q in doc.quotes] == [None]


def test_an_inverted_attribution_before_a_paragraph_that_opens_a_quote() -> None:
    """'…, meent Jansen.' then a paragraph opening with a quote mark: the mark is the next paragraph's."""
    text = 'Er was nieuws.\n\nDe overheid heeft hier een taak, meent Jansen.\n\n"Zo iemand kan veel doen," zei hij.'
    assert ("Jansen", "De overheid heeft hier een taak") in reported(text)


@pytest.mark.parametrize("text", [
    "Schandalen zoals in de haven, waar het slib terechtkwam, zouden zich niet meer mogen herhalen.",
    "Hoe groot de schade is, weet niemand.",
])
def test_an_inverted_cue_with_its_own_verbs_or_a_negative_subject_reports_nothing(text: str) -> None:
    assert reported("Er was nieuws. " + text) == []


def test_a_far_particle_and_an_inverted_attribution_before_en() -> None:
    """A split separable cue finds its particle anywhere before 'dat'; ', zei X rustig en …' ends at 'en'."""
    assert reported("Er was nieuws. De directeur kondigde op 20 december vorig jaar ten overstaan van de commissie "
                    "aan dat hij ontslag nam.") == [("De directeur", "hij ontslag nam")]
    doc = run("Er was nieuws. Jansen had meer bewezen dan hij, zei Peeters rustig en om ruzie te maken was men "
              "aan het verkeerde adres.", "nl", {"Peeters": ActorRef(None, "Piet Peeters", "BEL")})
    assert [(q.speaker.text, q.text) for q in doc.quotes if q.speaker] == [("Peeters", "Jansen had meer bewezen dan hij")]


def test_a_one_word_lead_before_a_parenthetical_and_het_as_subject() -> None:
    """'Eritrea, zo zegt X, is …' has a one-word lead; 'Het bevestigde dat …' is 'it confirmed'."""
    assert reported("Er was nieuws. Vlaanderen, zo zegt de correspondente in Brussel, is erg ontgoocheld.") == \
        [("de correspondente", "Vlaanderen is erg ontgoocheld")]
    assert [q.text for q in run("Er was nieuws. Het bevestigde wel dat de firma veel opdrachten uitvoert.", "nl").quotes] \
        == ["de firma veel opdrachten uitvoert"]


def test_a_relative_clause_with_a_cue_is_no_parenthetical_attribution() -> None:
    """'Jansen, die schuld bekende, kreeg strafvermindering': the relative clause reports nothing."""
    assert reported("Er was nieuws. Jansen, die schuld bekende, kreeg strafvermindering van de rechter.") == []


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("De kinderen die vrijgelaten werden, vertelden de artsen dat de man vriendelijk was.", "De kinderen",
     "de man vriendelijk was"),
    ("De stichters van de firma, de broers Jan en Piet Segers, hebben toegezegd hun aandelen te zullen verkopen.",
     "De stichters van de firma", "hun aandelen te zullen verkopen"),
])
def test_the_fronted_noun_phrase_before_a_comma_is_the_subject(text: str, speaker: str, content: str) -> None:
    """Verb second: a noun phrase with its relative clause, or one before an auxiliary and a participle
    cue, is the subject; the words after the cue are its object or its content."""
    assert reported("Er was nieuws. " + text) == [(speaker, content)]


def test_te_infinitive_after_an_object_and_dreigen_as_a_risk() -> None:
    """'hebben toegezegd hun aandelen aan X te verkopen' reports the whole infinitive clause;
    'dreigt een ruïne te worden' is a risk, no statement."""
    assert reported("Er was nieuws. De stichters hebben toegezegd hun aandelen aan Belfius te verkopen.") == \
        [("De stichters", "hun aandelen aan Belfius te verkopen")]
    assert reported("Er was nieuws. De oude abdij dreigt een ruïne te worden.") == []


def test_zijn_before_a_noun_is_a_possessive_and_a_verb_final_passive_has_no_speaker() -> None:
    """'verklaarde zijn advocaat dat' is the lawyer speaking; '… verzocht werd op te stappen' is a passive."""
    doc = run("Er was nieuws. In een gesprek met de krant verklaarde zijn advocaat eerder dat de man meewerkte.", "nl")
    assert [q.speaker.text for q in doc.quotes if q.speaker] == ["zijn advocaat"]
    doc = run("Er was nieuws. Het is cynisch dat Jansen een paar weken geleden verzocht werd op te stappen.", "nl")
    assert [q.speaker for q in doc.quotes] == [None]


def test_a_fronted_noun_phrase_with_a_relative_then_a_cue_is_no_inverted_attribution() -> None:
    """'De aandacht die …, bevestigt zijn gevoeligheid' has a subject, no reported clause; a content with a
    relative clause before ', zeggen onderzoekers' is still one."""
    assert reported("Er was nieuws. De aandacht die de prins vroeg voor de natuur, bevestigt zijn groene kant.") == []
    assert reported("Er was nieuws. Mannen die veel lopen, leven langer, zeggen onderzoekers.") == \
        [("onderzoekers", "Mannen die veel lopen, leven langer")]
