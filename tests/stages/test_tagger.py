"""The name tagger of the actor stage: windows, offsets, and how its reading combines with the KB."""
from __future__ import annotations

import pytest

from kroniek.kb import load
from kroniek.model import Article, Doc, Options
from kroniek.stages import actors
from kroniek.stages.actors import tagger
from kroniek.stages.segment import SegmentStage


def run(text: str, lang: str = "nl", use_tagger: bool = True, date: str = "2024-03-01") -> Doc:
    doc = Doc(Article(id="t", text=text, date=date), lang=lang)
    return actors.ActorStage(Options(tagger=use_tagger), load())(SegmentStage(Options(), load())(doc))


def shipped(lang: str):
    nlp = tagger.load(lang)
    if nlp is None:
        pytest.skip(f"no {lang} tagger shipped")
    return nlp


def test_windows_merge_snap_to_spaces_and_stop_at_line_breaks() -> None:
    text = "Een twee drie vier Jan Modaal vijf zes zeven acht negen tien Piet Puk elf.\nVolgende regel hier."
    a = text.index("Jan Modaal")
    b = text.index("Piet Puk")
    wins = tagger.windows(text, [(a, a + 10), (b, b + 8)], width=12)
    assert all(text[lo:hi] == text[lo:hi].strip() for lo, hi in wins)  # whole words
    assert all("\n" not in text[lo:hi] for lo, hi in wins)
    assert any(lo <= a and a + 10 <= hi for lo, hi in wins) and any(lo <= b and b + 8 <= hi for lo, hi in wins)
    assert len(tagger.windows(text, [(a, a + 10), (a + 4, a + 10)], width=12)) == 1  # overlapping: merged


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_names_come_back_in_article_offsets(lang: str) -> None:
    nlp = shipped(lang)
    text = ("Het bestuur van Sabena vergaderde gisteren in Zaventem, zei Femke Verhaegen.\n"
            "Later sprak Johan de Wit in Zwolle met Kees Verbeek.") if lang == "nl" else (
            "The board of Sabena met in Zaventem yesterday, said Sarah Mitchell.\n"
            "Later Johan Smith spoke in Zwolle with Kees Verbeek.")
    spans = [(m, m + len(w)) for w in ("Sabena", "Zaventem", "Zwolle", "Kees Verbeek") for m in [text.index(w)]]
    result = tagger.tag(nlp, text, spans)
    assert result.names, "the tagger found no name at all"
    for (s, e), label in result.names.items():
        assert label in tagger.LABELS
        assert text[s:e] == text[s:e].strip() and text[s].isupper(), text[s:e]
        assert result.read(s, e)


def test_no_model_no_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    assert tagger.load("xx") is None
    tagger.load.cache_clear()
    monkeypatch.setenv("KRONIEK_NER", "0")
    try:
        assert tagger.load("nl") is None
    finally:
        tagger.load.cache_clear()


def test_kb_names_keep_the_kb_type_and_link() -> None:
    shipped("nl")
    got = {e.text: (e.type, e.actor.id if e.actor else None) for e in run(
        "Migratie is het thema. Poetin sprak in Moskou met Femke Verhaegen van Agfa-Gevaert.").entities}
    assert got["Poetin"] == ("PER", "Q7747")
    assert got["Moskou"] == ("LOC", "RUS")
    assert "Migratie" not in got


def spy_on_tag(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """The runs the tagger is asked about: (text, start)."""
    seen: list[tuple[str, int]] = []
    plain = tagger.tag

    def spy(nlp, text, spans):
        seen.extend((text[s:e], s) for s, e in spans)
        return plain(nlp, text, spans)

    monkeypatch.setattr(tagger, "tag", spy)
    return seen


def test_the_tagger_reads_only_around_weak_unknown_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped("nl")
    seen = spy_on_tag(monkeypatch)
    run("Vladimir Poetin sprak met president Joe Biden in Genève.", date="2021-06-16")
    assert seen == []  # every name is the KB's: the tagger is not run
    run("Poetin sprak maandag met Zorblax over Zottegem.")
    assert [name for name, _ in seen] == ["Zorblax"]  # "over Zottegem": a place clue types it


def test_the_tagger_is_not_run_for_a_language_whose_tagger_types_are_none(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = spy_on_tag(monkeypatch)
    run("Putin met Zorblax officials in Zottegem on Monday.", "en")
    assert seen == []


def test_a_rule_clue_anywhere_in_the_article_outweighs_the_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped("nl")
    monkeypatch.setattr(tagger, "tag", lambda nlp, text, spans: tagger.Tagged(
        names={span: "PER" for span in spans}, windows=tagger.windows(text, spans)))
    got = {e.text: e.type for e in run("Het gesprek met Zwalmbeek duurde lang. Later reed hij naar Zwalmbeek.").entities}
    assert got == {"Zwalmbeek": "LOC"}  # "naar Zwalmbeek" is a place clue; the tagger's PER counts less
    got = {e.text: e.type for e in run("Het gesprek met Zwalmbeek duurde lang.").entities}
    assert got == {"Zwalmbeek": "PER"}  # no clue at all: the tagger decides
    got = {e.text: e.type for e in run("De klachten over Weglooplijn groeien. Ze belden de Weglooplijn op.").entities}
    assert got["Weglooplijn"] != "PER"  # written with an article: no person


def test_without_the_tagger_the_rules_alone_decide() -> None:
    text = "Volgens burgemeester Femke Halsbrug is de Stichting Waterweg in Zottegem actief."
    got = {e.text: e.type for e in run(text, use_tagger=False).entities}
    assert got == {"Femke Halsbrug": "PER", "Stichting Waterweg": "ORG", "Zottegem": "LOC"}


def test_sentence_initial_runs_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped("nl")
    seen = spy_on_tag(monkeypatch)
    text = "Zorblax opende een fabriek. Het bedrijf verkocht Zorblax vorig jaar."
    run(text)
    assert seen == [("Zorblax", text.rindex("Zorblax"))]  # read inside a sentence, not where it opens one


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_numpy_blas_gives_the_names_blis_gives(lang: str) -> None:
    import spacy

    nlp = shipped(lang)
    assert all(not node.ops.use_blis for _, pipe in nlp.pipeline for node in pipe.model.walk())
    blis = spacy.load(tagger.model_path(lang))
    text = ("Het bestuur van Sabena vergaderde gisteren in Zaventem met Femke Verhaegen van Agfa-Gevaert.\n\n"
            "The board of Boeing met in Seattle with Sarah Mitchell of the Quendor Group.")
    assert [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents] == [
        (e.start_char, e.end_char, e.label_) for e in blis(text).ents]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_fused_embedding_gives_thinc_s_vectors(lang: str) -> None:
    import numpy as np

    nlp = shipped(lang)
    tok2vec = nlp.get_pipe("tok2vec")
    for text in ("Zorblax", "Het bestuur van Sabena vergaderde in Zaventem.\n\nThe board of Boeing met in Seattle."):
        doc = nlp.make_doc(text)
        assert np.allclose(tok2vec.fused(doc), tok2vec.model.predict([doc])[0], atol=1e-5)


def test_a_run_is_read_only_inside_one_window() -> None:
    tagged = tagger.Tagged(windows=[(0, 10), (20, 30), (40, 50)])
    assert tagged.read(20, 30) and tagged.read(42, 45) and tagged.read(0, 3)
    assert not tagged.read(15, 18) and not tagged.read(28, 42) and not tagged.read(55, 60)
