"""Dutch cues and speakers found on a second source (issue #14): idiom cues, words that only look
like cues, questions, compound role nouns, and the subject a relative clause sets off.

Every sentence is written for the test; each stands for a class of construction.
"""
from __future__ import annotations

import pytest

from kroniek.model import ActorRef
from kroniek.stages.quotes import lexicon

from .test_quotes import run


def quotes(text: str, names: tuple[str, ...] = ()) -> list[tuple[str, bool, str | None, str | None]]:
    """(content, direct, cue, speaker words) of every quote of a Dutch text."""
    doc = run(text, "nl", {n: ActorRef(None, n) for n in names})
    return [(q.text, q.direct, q.cue, q.speaker.text if q.speaker else None) for q in doc.quotes]


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("„Wij gaan gewoon door”, gaf Karel Jansen te kennen na de stemming.", "gaf", "Karel Jansen"),
    ("„Dat was de laatste keer”, besluit Els Wouters haar verhaal.", "besluit", "Els Wouters"),
    ("„Er moet een oplossing komen”, oordeelde de rechter dinsdag.", "oordeelde", "de rechter"),
    ("„De verdachte blijft vastzitten”, luidt het in een verklaring.", "luidt", None),
    ("„Wij trekken ons terug uit het overleg”, zo heette het gisteren.", "heette", None),
])
def test_idiom_and_irregular_cues_attribute_a_quote(text: str, cue: str, speaker: str | None) -> None:
    names = ("Karel Jansen", "Els Wouters")
    [(_, direct, found, who)] = quotes(text, names)
    assert direct and found == cue and who == speaker


def test_a_split_idiom_cue_reports_its_clause() -> None:
    assert quotes("Karel Jansen heeft te kennen gegeven dat hij volgend jaar stopt.", ("Karel Jansen",)) == \
        [("hij volgend jaar stopt", False, "gegeven", "Karel Jansen")]


@pytest.mark.parametrize("text", [
    "Het nieuwe rapport roept nog meer vragen op over de kosten van de brug.",  # a plural noun
    "Karel Jansen had al vroeg door dat de wedstrijd verloren was.",  # an adverb: early
    "Denkt u dat de minister gelijk krijgt in deze zaak?",  # a question asks, it states nothing
    "De besturen besloten dat de scholen na de vakantie weer opengaan.",  # a decision, not a statement
    "Karel Jansen gaf zijn ploeg de opdracht het gat dicht te rijden. Dat luidde een spannende finale in.",
    # the subject, a relative clause set off by commas, then an opinion verb with an object: nothing quoted
    "De gewezen directeur, die vorige week werd gehoord door de commissie, vindt die dubbele rol verdedigbaar.",
])
def test_no_reported_speech(text: str) -> None:
    assert [q for q in quotes(text, ("Karel Jansen",)) if not q[1]] == []


def test_zo_before_the_cue_points_back_and_makes_dat_a_demonstrative() -> None:
    assert quotes("De nieuwe regels gelden vanaf maandag, zo bevestigde dat bedrijf gisteren.") == \
        [("De nieuwe regels gelden vanaf maandag", False, "bevestigde", "bedrijf")]


@pytest.mark.parametrize(("word", "role"), [
    ("regeringscommissaris", True), ("legerwoordvoerder", True), ("oud-minister", True), ("knicks-coach", True),
    ("minister", True), ("ministerie", False), ("commissie", False), ("kanselarij", False), ("ministers", False),
])
def test_a_word_that_ends_in_a_role_is_that_role(word: str, role: bool) -> None:
    assert lexicon("nl").is_role(word) is role


def test_a_compound_role_description_is_the_person_introduced_with_it() -> None:
    text = ("Daarna sprak regeringscommissaris Els Wouters met Karel Jansen over de begroting. "
            "Volgens de regeringscommissaris is er geen geld meer voor nieuwe wegen.")
    doc = run(text, "nl", {"Els Wouters": ActorRef(None, "Els Wouters"), "Karel Jansen": ActorRef(None, "Karel Jansen")})
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.name == "Els Wouters" and q.speaker.text == "de regeringscommissaris"


def test_a_former_office_holder_is_no_one_named_in_the_phrase() -> None:
    text = "De oud-kabinetschef van minister Karel Jansen kondigde gisteren aan dat hij ontslag neemt."
    doc = run(text, "nl", {"Karel Jansen": ActorRef(None, "Karel Jansen")})
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.name != "Karel Jansen"


def test_zo_inside_a_reported_clause_is_an_adverb_not_a_new_attribution() -> None:
    assert quotes("Karel Jansen zei dat hij niet alles zo precies wist over de zaak.", ("Karel Jansen",)) == \
        [("hij niet alles zo precies wist over de zaak", False, "zei", "Karel Jansen")]


@pytest.mark.parametrize("text", [
    "„Het is geen ramp”, zegt de woordvoerder van de politie, Karel Jansen.",
    "Het is geen ramp, zo stelt een van de auteurs van de studie, Karel Jansen van de universiteit.",
    "Volgens de woordvoerder van de politie, Karel Jansen, is het geen ramp.",
])
def test_a_name_set_off_after_a_description_is_the_speaker(text: str) -> None:
    [q] = run(text, "nl", {"Karel Jansen": ActorRef(None, "Karel Jansen")}).quotes
    assert q.speaker is not None and q.speaker.name == "Karel Jansen"
    assert "Karel" not in q.text


def test_a_list_after_a_description_is_no_apposition() -> None:
    [q] = run("„Het is geen ramp”, zeggen de burgemeester, Karel Jansen en Els Wouters.", "nl",
              {"Karel Jansen": ActorRef(None, "Karel Jansen")}).quotes
    assert q.speaker is not None and q.speaker.name != "Karel Jansen"


def test_a_relative_clause_after_the_source_of_volgens_is_no_content() -> None:
    text = "Volgens Karel Jansen, die eerder een vraag over fraude had ontkend, verliep alles erg goed."
    assert quotes(text, ("Karel Jansen",)) == [("verliep alles erg goed", False, "Volgens", "Karel Jansen")]


def test_an_expectation_or_hope_is_not_reported() -> None:
    """corpus/quotes/README.md: intentions, hopes and expectations are not recorded (nl_written, UD dev)."""
    text = "Karel Jansen sprak dinsdag in de Kamer. Hij verwacht dat de maatregel tot eind maart nodig is."
    assert quotes(text, ("Karel Jansen",)) == []
    assert quotes("Zoals verwacht won de thuisploeg de wedstrijd met ruime cijfers.") == []
    assert quotes("Een tiental renners hopen de Tour te kunnen winnen.") == []


def test_a_compound_role_falls_back_on_its_listed_role_and_prefers_its_own() -> None:
    names = {n: ActorRef(None, n) for n in ("Karel Jansen", "Els Wouters")}
    text = ("Oppositieleider Karel Jansen reageerde woedend op het besluit. „Dit is een schande”, zei de "
            "partijleider. Ook fractieleider Els Wouters was kritisch. „Dit kan zo niet”, zei de fractieleider.")
    assert [q.speaker.name for q in run(text, "nl", names).quotes if q.speaker] == ["Karel Jansen", "Els Wouters"]


def test_volgens_haar_before_a_verb_is_the_pronoun_alone() -> None:
    text = "Burgemeester Els Wouters wil de winkels sluiten. Volgens haar trekken ze te veel overlast aan."
    [q] = run(text, "nl", {"Els Wouters": ActorRef(None, "Els Wouters")}).quotes
    assert q.text == "trekken ze te veel overlast aan" and q.speaker is not None and q.speaker.name == "Els Wouters"


@pytest.mark.parametrize(("text", "speaker"), [
    # next to a plural verb "ze" is they: never the woman named last
    ("Burgemeester Els Wouters wil de winkels sluiten. De handelaars zijn boos. Ze vinden dat zij te ver gaat.", None),
    ("Trainer Els Wouters, Karel Jansen en Jan Peeters spraken hun zorgen uit. Ze wezen op de zwakke aanpak.",
     "Els Wouters"),
    # next to a singular verb she stays she
    ("Burgemeester Els Wouters wil de winkels sluiten. De handelaars zijn boos. Ze vindt dat het moet.", "Els Wouters"),
])
def test_ze_next_to_a_plural_verb_is_a_group(text: str, speaker: str | None) -> None:
    names = {n: ActorRef(None, n) for n in ("Els Wouters", "Karel Jansen", "Jan Peeters")}
    [q] = [q for q in run(text, "nl", names).quotes if not q.direct]
    assert (q.speaker.name if q.speaker else None) == speaker


@pytest.mark.parametrize("text", [
    "Het bedrijf verloor vorig jaar twaalf euro per aandeel, zoals gisteren geschreven.",  # an aside
    "Het is misschien zijn verleden dat de renner in staat stelt om door te gaan.",  # 'in staat stellen': enable
    "Toen we hem met dit beeld confronteerden, antwoordde hij met een wedervraag.",  # an adverbial clause
    # ', dat' after a noun far from the cue opens a relative clause
    "Zaterdag wordt een studie voorgesteld over de bouw van een nieuw bezoekerscentrum, dat volgens de stad veel kost.",
    # the writer names something: no one is reported
    "De nieuwe wijk is een poging om de stad wat op te krikken. Dat noemen we de toekomst van de stad.",
])
def test_no_reported_speech_in_asides_idioms_and_adverbial_clauses(text: str) -> None:
    assert [q for q in quotes(text) if not q[1] and q[2] != "volgens"] == []


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Hun visie weerspiegelt de mening van het publiek, zegt Ana Peeters, politicologe aan de universiteit van Gent.",
     "Hun visie weerspiegelt de mening van het publiek", "Ana Peeters"),
    ("Volgens staatssecretaris Karel Jansen (VLD) heeft het toernooi een positieve invloed gehad.",
     "heeft het toernooi een positieve invloed gehad", "Karel Jansen"),
    ("Een tiental renners hebben terecht beloofd de Tour te zullen winnen.", "de Tour te zullen winnen",
     "Een tiental renners"),
    ("Nadat Karel Jansen had aangekondigd zich te zullen testen op de cols, finishte hij als laatste.",
     "zich te zullen testen op de cols", "Karel Jansen"),
    ("Ze riepen tegen Jan Peeters, onze wachter, dat ze waren gekomen om hem te halen.",
     "ze waren gekomen om hem te halen", None),  # they: no group named before
])
def test_the_content_and_source_end_where_the_clause_does(text: str, content: str, speaker: str | None) -> None:
    [(found, direct, _, who)] = quotes(text, ("Karel Jansen", "Ana Peeters", "Jan Peeters"))
    assert not direct and found == content and who == speaker


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("„Dat is niet het standpunt van de partij”, repliceerde Karel Jansen gepikeerd.", "repliceerde", "Karel Jansen"),
    ("„Ik ben benieuwd of er vragen komen”, vraagt Karel Jansen zich af.", "vraagt", "Karel Jansen"),
    ("„Een vriendelijke man”, zo omschrijft de prominente Belgische geneticus Karel Jansen zijn collega.",
     "omschrijft", "Karel Jansen"),
    ("„We gaan gewoon door”, vervolgt Karel Jansen.", "vervolgt", "Karel Jansen"),
    ("„Dit is een schande”, haalde Karel Jansen uit naar de regering.", "haalde", "Karel Jansen"),
    ("„In mijn familie eten we om de beurt”, vertrouwt een collega ons toe.", "vertrouwt", "een collega"),
])
def test_more_cues_after_a_quote(text: str, cue: str, speaker: str) -> None:
    [(_, direct, found, who)] = quotes(text, ("Karel Jansen",))
    assert direct and found == cue and who == speaker


@pytest.mark.parametrize("text", [
    "Karel Jansen werd vervolgd voor fraude en uitgehaald uit de ploeg.",  # vervolgen, uithalen: only after a quote
    "Gevraagd naar het plezier dat hij had in de ploeg, lachte Karel Jansen.",  # a participle clause asks
])
def test_cues_of_quoted_words_only_and_participle_clauses_report_nothing(text: str) -> None:
    assert quotes(text, ("Karel Jansen",)) == []


@pytest.mark.parametrize(("text", "speech"), [
    ("Dat blijkt uit het rapport over ‘mobiliteit in en rond de stad’ dat gisteren is goedgekeurd.", False),
    ("Alle kinderen mochten deelnemen aan een ‘grote training voor de burgerzin’.", False),
    ("Volgens de bond is het ‘een schande dat niemand ingrijpt’ in deze zaak.", True),  # a verb: someone's words
])
def test_a_short_term_in_scare_marks_without_cue_or_verb_is_no_speech(text: str, speech: bool) -> None:
    assert any(q[1] for q in quotes(text)) is speech


@pytest.mark.parametrize("text", [
    "Karel Jansen las het boek. „Het is een goed boek”, luidde zijn oordeel.",
    "Karel Jansen sprak. „Ieder vogeltje zingt zoals hij gebekt is”, luidde het weer.",
])
def test_a_message_cue_names_no_speaker_of_its_own(text: str) -> None:
    """'luidde zijn oordeel', 'klonk het': the subject is the message; the speaker is the one the text is about."""
    [q] = run(text, "nl", {"Karel Jansen": ActorRef(None, "Karel Jansen")}).quotes
    assert q.cue == "luidde" and q.speaker is not None and q.speaker.name == "Karel Jansen"


def test_a_two_word_name_after_the_cue_ends_before_a_lower_case_word() -> None:
    assert quotes("„Dat is niet het standpunt van de partij”, repliceerde De Gucht gepikeerd.") == \
        [("Dat is niet het standpunt van de partij", True, "repliceerde", "De Gucht")]


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # the perfect after a quote: auxiliary, subject, the participle last ('s morgens is no quote mark)
    ("Karel Jansen was zeker van zijn zaak. „Ik win vandaag”, had hij 's morgens op een briefje geschreven.",
     "geschreven", "hij"),
    ("„We gaan gewoon door”, heeft de minister dinsdag in de Kamer gezegd.", "gezegd", "de minister"),
])
def test_a_perfect_attribution_after_a_quote(text: str, cue: str, speaker: str) -> None:
    [(_, direct, found, who)] = quotes(text, ("Karel Jansen",))
    assert direct and found == cue and who == speaker


def test_a_surname_with_capitalised_particles_opens_the_clause() -> None:
    text = "Van den Broek maakte de commissie duidelijk dat hij niet wil betalen."
    [(_, _, _, who)] = quotes(text, ("Broek",))
    assert who == "Van den Broek"


def test_an_attribution_after_zo_may_run_long() -> None:
    text = ("Tussen die drie pijlers moet de politiek zich bewegen, zo betoogde prins Karel Jansen bij zijn "
            "eedaflegging als senator.")
    [(content, direct, cue, _)] = quotes(text, ("Karel Jansen",))
    assert not direct and cue == "betoogde" and content == "Tussen die drie pijlers moet de politiek zich bewegen"


@pytest.mark.parametrize(("text", "cue"), [
    ("„De kinderen konden niet slapen”, kloegen de buren.", "kloegen"),  # a strong past beside klaagde
    ("„Ze wisten niet wat ik kwam doen”, glimlacht Karel Jansen.", "glimlacht"),
    ("„De ploeg blijft dezelfde”, knikt Karel Jansen.", "knikt"),
    ("„Bont is moord”, scandeerden de betogers.", "scandeerden"),
])
def test_manner_cues_after_a_quote(text: str, cue: str) -> None:
    [(_, direct, found, _)] = quotes(text, ("Karel Jansen",))
    assert direct and found == cue


def test_a_perfect_after_a_partial_quote_inside_a_clause_is_no_attribution() -> None:
    text = "Karel Jansen besluit dat het hof „de zeden van toen” heeft veroordeeld maar hij vindt dat het klopt."
    first = quotes(text, ("Karel Jansen",))[0]
    assert first[0] == "de zeden van toen" and first[3] == "Karel Jansen"
