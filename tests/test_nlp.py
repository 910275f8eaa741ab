"""On-demand parsing: only asked-for sentences get parses, offsets stay article offsets."""
from __future__ import annotations

import pytest

from kroniek import nlp
from kroniek.model import Article, Doc, Options
from kroniek.stages.segment import split

TEXT = ("Poetin kondigde zaterdag een bestand aan. Zelensky reageerde met scepsis.\n\n"
        "„Er is geen vertrouwen in Moskou,” schreef hij op X.")


def _doc(text: str = TEXT, lang: str = "nl") -> Doc:
    doc = Doc(article=Article(id="t1", text=text), lang=lang)
    doc.paragraphs, doc.sentences = split(text, lang)
    return doc


@pytest.fixture(scope="module")
def shipped_nl() -> None:
    if not nlp.model_path("nl").is_dir():
        pytest.skip("no shipped Dutch model")


def test_tokenizer_keeps_news_tokens_whole() -> None:
    tokens = [t.text for t in nlp.tokenizer_nlp("nl")("om 17.00 uur, d.w.z. het staakt-het-vuren van J. Smit ,,nu''")]
    assert {"17.00", "d.w.z.", "staakt-het-vuren", "J.", ",,", "''"} <= set(tokens)


def test_tokenizer_gives_quote_marks_a_common_norm() -> None:
    norms = {t.text: t.norm_ for t in nlp.tokenizer_nlp("nl")(",,Ja,'' zei hij. „Nee”")}
    assert norms[",,"] == norms["„"] == norms["”"] == '"'


def test_only_asked_sentences_are_parsed(shipped_nl) -> None:
    doc = _doc()
    got = nlp.parse_sentences(doc, [2], Options())
    assert list(got) == [2] and list(doc.parses) == [2]
    span = got[2]
    assert span.start_char == doc.sentences[2][0] and span.text == TEXT[slice(*doc.sentences[2])]
    assert any(t.dep_ == "ROOT" for t in span) and all(t.pos_ for t in span)
    first = span.doc[0]
    assert first.text == "Poetin" and first.pos_ == "" and first.dep_ == ""


def test_later_calls_reuse_the_same_article_doc(shipped_nl) -> None:
    doc = _doc()
    first = nlp.parse_sentences(doc, [0], Options())[0]
    again = nlp.parse_sentences(doc, [0, 1], Options())
    assert again[0] is first and again[1].doc is first.doc
    assert [t.head.i for t in first] == [t.head.i for t in again[0]]
    assert all(again[1].start <= t.head.i < again[1].end for t in again[1])


def test_parse_false_parses_nothing(shipped_nl) -> None:
    doc = _doc()
    assert nlp.parse_sentences(doc, [0, 1], Options(parse=False)) == {} and doc.parses == {}


def test_out_of_range_indices_are_ignored(shipped_nl) -> None:
    doc = _doc()
    assert list(nlp.parse_sentences(doc, [-1, 1, 99], Options())) == [1]


def test_unsupported_language_gets_no_parses() -> None:
    doc = _doc("Der Kanzler sprach. Er ging.", lang="de")
    assert nlp.parse_sentences(doc, [0], Options()) == {} and doc.parses == {}


def test_a_language_without_a_model_says_so() -> None:
    with pytest.raises(nlp.ModelMissing, match="'xx'"):
        nlp.load("xx")
