"""Sentence and paragraph splitting: the seed's sentences exactly, and news-text edge cases."""
from __future__ import annotations

import pytest

from kroniek.kb import load
from kroniek.model import Article, Doc, Options
from kroniek.stages.segment import SegmentStage, split

SEED_SENTENCES = [
    "Het was een historische aankondiging: voor het eerst sinds de grootschalige invasie in februari 2022 wilde Poetin de wapens kortstondig laten zwijgen.",
    "Daarom gaf de Russische president zaterdag –naar eigen zeggen– het bevel vanaf 17.00 uur (18.00 uur lokale tijd) tot en met zondagavond „alle militaire activiteiten te staken”.",
    "Kyiv reageerde met scepsis op het voorstel.",
    "De Oekraïense president Volodymyr Zelensky schreef op X: „Op dit moment gaat het luchtalarm af boven Oekraïne.",
    "De Shahed-drones in onze lucht onthullen Poetins ware houding ten opzichte van Pasen en mensenlevens.”",
    "„Er is geen vertrouwen in woorden die uit Moskou komen” Volodymyr Zelensky, president Oekraïne",
    "Zelensky deelde niet mee of de Oekraïense troepen de wapens ook zouden neerleggen, al wees hij het plan niet af.",
    "„Als Rusland nu plotseling bereid is zich echt aan een volledig en onvoorwaardelijk stilzwijgen te houden, dan zal Oekraïne hetzelfde handelen.”",
    "Op X voegde hij eraan toe dat „als er echt een compleet staakt-het-vuren komt, Oekraïne voorstelt dit te verlengen tot na de paasdag van 20 april”.",
    "Slagveld",
    "Maar van een bestand bleek geen sprake.",
    "Kyiv meldde zaterdag dat de Russische aanvallen gewoon doorgingen.",
    "„Volgens de rapporten van de opperbevelhebber is het Russische artillerievuur nog niet geluwd.",
    "Daarom is er geen vertrouwen in woorden die uit Moskou komen.”",
    "Het Russische ministerie van Defensie beschuldigde juist Oekraïne ervan het bestand te schenden en kondigde een dag later aan het ‘staakt-het-vuren’ niet te verlengen.",
    "Toch weerhield dat het Kremlin er maandag niet van opnieuw een historische aankondiging te doen: Poetin stelde voor het eerst in jaren dat Rusland openstaat voor directe vredesgesprekken met Oekraïne.",
    "Ook zei hij open te staan voor meer wapenstilstanden.",
    "Grote vraag is welke intenties Poetin met zijn ‘vredesvoorstellen’ heeft.",
    "Voorlopig lijkt Moskou geen belang te hebben bij het neerleggen van de wapens.",
    "De Russen boeken namelijk –zij het langzaam en ten koste van hoge verliezen– vooruitgang op het slagveld.",
    "Bovendien heeft het Kremlin zich ten doel gesteld de vier geannexeerde Oekraïense provincies volledig in handen te krijgen.",
    "In eigen land kan Poetin het slecht verkopen als dat niet lukt en ook in Europa schiet Moskou weinig op met vrede.",
    "Dwarsligger",
    "Meer voor de hand liggend is dat Poetin met zijn voorstellen de Amerikaanse president Donald Trump voor zich wil winnen.",
    "Trump zei vrijdag namelijk dat de VS zich „zeer binnenkort” terugtrekken als er geen overeenkomst wordt bereikt.",
    "Even daarvoor had de minister van Buitenlandse Zaken Marco Rubio al duidelijk gemaakt dat Washington niet eindeloos gaat proberen vrede in Oekraïne te bewerkstelligen als er geen kans op succes is.",
    "Bovendien viel Trump vorige maand nog uit tegen Rusland en dreigde met importheffingen op Russische olie als Poetin zich niet bereidwilliger zou opstellen.",
    "De Russische president lijkt nu dus vooral duidelijk te willen maken dat Moskou nog altijd bereid is om over vrede te praten en wil daarbij de indruk wekken dat juist Oekraïne dwarsligger is.",
    "Zaterdag zei hij bijvoorbeeld nog dat „het handelen van Oekraïne tijdens Pasen moet aantonen of dat land wel bereid is om vrede te sluiten”.",
    "China",
    "Moskou lijkt ook nog een andere agenda te hebben.",
    "Zo gokt Poetin erop voordeel te kunnen halen uit betere banden met Trump.",
    "Hij hoopt bijvoorbeeld dat Amerikaanse bedrijven naar Rusland terugkeren en de sancties worden verlicht.",
    "Ondenkbaar is dat niet.",
    "Vooralsnog zet Trump het Kremlin nauwelijks onder druk.",
    "De VS zouden inmiddels zelfs overwegen om de annexatie van de Krim te erkennen, meldden Amerikaanse media vorige week.",
    "Zelfs China, een bondgenoot van Rusland, deed dat nog niet.",
    "Trump zelf zegt te hopen dat binnen een aantal dagen een bestand kan worden gesloten tussen beide landen, zo zette hij zondag volledig in hoofdletters op zijn sociale mediaplatform Truth Social.",
    "Vertegenwoordigers van de Oekraïense, Amerikaanse, Franse en Britse regeringen overleggen daarover woensdag in Londen.",
    "Of de VS gevoelig zijn voor Poetins grootspraak, zal blijken.",
]


def _sentences(text: str, lang: str = "nl") -> list[str]:
    return [text[s:e] for s, e in split(text, lang)[1]]


def test_seed_splits_into_its_forty_sentences_and_eighteen_paragraphs(seed) -> None:
    from kroniek.ingest.readers import read_inputs

    text = next(read_inputs([str(seed)])).text
    paragraphs, sentences = split(text, "nl")
    assert [text[s:e] for s, e in sentences] == SEED_SENTENCES
    assert len(paragraphs) == 18
    assert all(any(ps <= s and e <= pe for ps, pe in paragraphs) for s, e in sentences)


@pytest.mark.parametrize("text, expected", [
    ("Hij sprak met dhr. Jansen en mevr. De Vries. Daarna ging hij.",
     ["Hij sprak met dhr. Jansen en mevr. De Vries.", "Daarna ging hij."]),
    ("Volgens J. de Vries, d.w.z. de minister, o.a. over Oekraïne. Dat klopt.",
     ["Volgens J. de Vries, d.w.z. de minister, o.a. over Oekraïne.", "Dat klopt."]),
    ("„Waarom?” vroeg hij. „Nu!” Zij lachte.",
     ["„Waarom?” vroeg hij.", "„Nu!”", "Zij lachte."]),
    (",,Wij gaan,'' zei hij. ,,Morgen.'' Klaar.",
     [",,Wij gaan,'' zei hij.", ",,Morgen.''", "Klaar."]),
    ("Ondenkbaar is dat. Het was al. Daarna niet.",
     ["Ondenkbaar is dat.", "Het was al.", "Daarna niet."]),
    ("Het bestand begint om 17.00 uur. Het duurt 30 uur.",
     ["Het bestand begint om 17.00 uur.", "Het duurt 30 uur."]),
    ("Kop zonder punt\nDe tekst begint hier. En gaat\nverder op een nieuwe regel.",
     ["Kop zonder punt", "De tekst begint hier.", "En gaat\nverder op een nieuwe regel."]),
    ("1. Eerste punt van de lijst.", ["1. Eerste punt van de lijst."]),
])
def test_dutch_news_edge_cases(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met U.S. officials on Jan. 3 in Washington. They talked.",
     ["Mr. Smith met U.S. officials on Jan. 3 in Washington.", "They talked."]),
    ("The talks end at 5 p.m. The vote is tomorrow.",
     ["The talks end at 5 p.m.", "The vote is tomorrow."]),
    ("He lives at No. 10 Downing Street. She said No. Then she left.",
     ["He lives at No. 10 Downing Street.", "She said No.", "Then she left."]),
    ("\"We will not stop,\" he said. \"Never.\" She left.",
     ["\"We will not stop,\" he said.", "\"Never.\"", "She left."]),
    ("KYIV, Oct 11 (Reuters) - Russia fired missiles. It was cold.",  # a dateline is no part of the sentence
     ["KYIV, Oct 11 (Reuters)", "Russia fired missiles.", "It was cold."]),
    ("MOSCOW (AP) — Shelling went on.", ["MOSCOW (AP)", "Shelling went on."]),
    ("NATO - the alliance met.", ["NATO - the alliance met."]),  # no capital after the dash: no dateline
])
def test_english_news_edge_cases(text: str, expected: list[str]) -> None:
    assert _sentences(text, "en") == expected


def test_offsets_index_the_untouched_text_and_paragraphs_are_stripped() -> None:
    text = "  Eerste zin. Tweede zin.  \n\n\n  Nieuwe alinea!  "
    paragraphs, sentences = split(text, "nl")
    assert [text[s:e] for s, e in paragraphs] == ["Eerste zin. Tweede zin.", "Nieuwe alinea!"]
    assert [text[s:e] for s, e in sentences] == ["Eerste zin.", "Tweede zin.", "Nieuwe alinea!"]


def test_stage_leaves_an_unsupported_document_unsegmented() -> None:
    stage = SegmentStage(Options(), load())
    german = Doc(article=Article(id="de1", text="Der Kanzler sprach. Er ging."), lang="de")
    dutch = Doc(article=Article(id="nl1", text="De premier sprak. Hij ging."), lang="nl")
    assert stage(german).sentences == []
    assert len(stage(dutch).sentences) == 2


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_segment_data_lists_hold_only_strings(lang: str) -> None:
    from kroniek.stages.segment import segment_data

    data = segment_data(lang)
    words = [w for key in ("abbreviations", "sentence_final", "before_numbers") for w in data[key]]
    assert words and all(isinstance(w, str) for w in words)  # a bare YAML No/On would be a bool
