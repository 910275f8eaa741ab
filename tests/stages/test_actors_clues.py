"""Typing an unknown name from the words around it (clues.py): an organisation's kind before it, a
preposition of affiliation, a legal form, an article, a country in results."""
from __future__ import annotations

from .test_actors_names import named, run


def types(text: str, lang: str = "nl") -> dict[str, str]:
    return {t: ty for t, ty, _ in named(run(text, lang=lang))}


def test_a_kind_noun_before_a_name_makes_it_an_organisation_also_as_a_compounds_tail() -> None:
    got = types("Volgens de Zweedse zakenbank Kroonveld Partners daalt de koers. Het bouwt een "
                "platform voor meubelketen Hovel Trio. De punkband Grauwe Ekster speelt in Gent.")
    assert got["Kroonveld Partners"] == "ORG" and got["Hovel Trio"] == "ORG" and got["Grauwe Ekster"] == "ORG"


def test_a_kind_noun_after_a_title_and_link_word_says_whose_the_person_is() -> None:
    got = types("De oud-chef van de Chileense geheime dienst Ermenegildo Sarvas is opgepakt.")
    assert got["Ermenegildo Sarvas"] == "PER"


def test_a_persons_title_beats_a_kind_noun_that_is_also_one() -> None:
    assert types("Ook zijn dochter Wietske Harmsen was erbij.")["Wietske Harmsen"] == "PER"


def test_a_name_after_an_article_is_no_person() -> None:
    got = types("Zij beklommen de Pic Vardane en sliepen in het Oud Gasthuys. Ook Bram Loeffen ging mee.")
    assert got["Pic Vardane"] != "PER" and got["Oud Gasthuys"] != "PER" and got["Bram Loeffen"] == "PER"


def test_a_preposition_of_affiliation_makes_an_organisation_when_most_mentions_have_it() -> None:
    assert types("Hij werkt al tien jaar bij Vendrova. Bij Vendrova is hij tevreden.")["Vendrova"] == "ORG"
    text = "Het contract ging naar Quellin. Quellin won. Quellin lachte. Men was bij Quellin thuis."
    assert types(text)["Quellin"] != "ORG"


def test_a_legal_form_after_a_name_makes_it_an_organisation() -> None:
    assert types("Het vlees kwam van Morvandel bvba uit Aalst.")["Morvandel"] == "ORG"


def test_a_name_with_a_country_in_parentheses_in_results_is_a_person() -> None:
    got = types("In de eerste ronde won Vestrago (Spa) van Kulnerov (Rus) met 6-3, 6-4.")
    assert got["Vestrago"] == "PER" and got["Kulnerov"] == "PER"


def test_a_name_followed_by_its_own_initials_is_an_organisation() -> None:
    got = types("Het Brabants Overleg Waterbeheer (BOW) protesteerde. Ook Greet Vandormael (GV) tekende.")
    assert got["Brabants Overleg Waterbeheer"] == "ORG" and got["Greet Vandormael"] == "PER"


def test_a_street_compound_is_a_place_whatever_name_it_holds() -> None:
    got = types("Het restaurant in de Van Ostaeyenstraat sloot. Ze liepen naar het Maria Callasplein.")
    assert got["Van Ostaeyenstraat"] == "LOC" and got["Maria Callasplein"] == "LOC"


def test_a_name_that_is_all_a_quotation_holds_is_a_title_unless_it_opens_with_a_first_name() -> None:
    got = types("Ze speelden 'Rode Lantaarn Blues' en daarna 'Jan Smit' als toegift.")
    assert got["Rode Lantaarn Blues"] == "MISC" and got["Jan Smit"] == "PER"


def test_a_name_opening_with_an_article_that_is_no_surname_particle_is_no_person() -> None:
    got = types("Ze speelden met The Velvet Owls en lazen Les Nouvelles Brèves. Ook Jean Le Ruyet kwam.")
    assert got["The Velvet Owls"] != "PER" and got["Les Nouvelles Brèves"] != "PER"
    assert got["Jean Le Ruyet"] == "PER"


def test_a_kind_of_place_before_a_name_makes_it_a_place_also_as_a_compounds_tail() -> None:
    got = types("Hij keerde terug naar zijn geboortedorp Vellinkhove en zong in het sportpaleis Arvo Merenti.")
    assert got["Vellinkhove"] == "LOC" and got["Arvo Merenti"] == "LOC"


def test_an_apposition_after_a_name_gives_its_kind() -> None:
    got = types("Morgen opent Trevalis, de Gentse softwaregroep, een kantoor. Men reed naar Oostvelde, een "
                "gemeente in Limburg. Het plan kwam van Verhaeghe, de woordvoerder van de haven.")
    assert got["Trevalis"] == "ORG" and got["Oostvelde"] == "LOC" and got["Verhaeghe"] == "PER"


def test_a_known_place_after_a_place_preposition_stays_a_place_before_a_speech_verb() -> None:
    assert types("Een gezin uit Tongeren schreef ons een brief.")["Tongeren"] == "LOC"


def test_several_words_in_capitals_are_a_title_not_an_acronym() -> None:
    got = types("Vanavond op Canvas: THE SILENT HARBOUR. Daarna praat de NAVO over de VRT.")
    assert got["THE SILENT HARBOUR"] == "MISC" and got.get("VRT", "ORG") == "ORG"


def test_a_persons_role_or_tie_before_a_name_makes_a_person_also_as_a_compounds_tail() -> None:
    got = types("Hij reed met zijn leermeester Vandoorne en de ex-rebellenleider Kasongo naar zijn vrouw Ilse.")
    assert got["Vandoorne"] == "PER" and got["Kasongo"] == "PER" and got["Ilse"] == "PER"


def test_a_compass_point_before_a_hyphen_and_a_known_place_of_several_words_make_places() -> None:
    got = types("Ze vlogen van Oost-Moravinië naar het zonnige Santa Monica. Een Zuid-Amerikaan keek toe.")
    assert got["Oost-Moravinië"] == "LOC" and got["Santa Monica"] == "LOC" and got.get("Zuid-Amerikaan") != "LOC"
