"""The actor stage's name extents and identities: particles, glued words, head words, long
organisation names, non-actor abbreviations, surnames joined to the article's full name."""
from __future__ import annotations

from kroniek.kb import load
from kroniek.model import Article, Doc, Options
from kroniek.stages import actors
from kroniek.stages.segment import SegmentStage


def run(text: str, date: str | None = "2000-06-01", lang: str = "nl") -> Doc:
    doc = Doc(Article(id="t", text=text, date=date), lang=lang)
    return actors.ActorStage(Options(), load())(SegmentStage(Options(), load())(doc))


def named(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.type, e.actor.name if e.actor else None) for e in doc.entities]


def test_a_sentence_initial_particle_starts_a_surname_the_article_writes_after_a_first_name() -> None:
    got = named(run("Gisteren viel springruiter Wout-Jan van der Schans. Van der Schans hield zich kranig. "
                    "De Rooij: ,,Het was een gok.'' Van Amsterdam reed hij naar huis."))
    assert ("Van der Schans", "PER", "Wout-Jan van der Schans") in got
    assert ("De Rooij", "PER", "De Rooij") in got
    assert not any(t.startswith("Van Amsterdam") for t, *_ in got)


def test_a_surname_alone_is_the_first_full_name_the_article_gave() -> None:
    got = named(run("De vader bracht Sissy van Alebeek naar de start. Later zakte Jan van Alebeek ineen. "
                    "Van Alebeek won de sprint, zei Van Alebeek."))
    assert ("Van Alebeek", "PER", "Sissy van Alebeek") in got
