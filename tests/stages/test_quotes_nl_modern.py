"""Dutch modern-news constructions (issue #14, the self-written set corpus/quotes/nl_written):
names a tagger cut at their particle, and the rules written from that set's errors."""
from __future__ import annotations

from kroniek.model import ActorRef

from .test_quote_speakers import speakers, unlinked
from .test_quotes import run


def test_a_first_name_takes_the_particle_and_surname_the_tagger_left() -> None:
    text = ("Burgemeester Jan de Boer van Gouda is boos over de rellen. "
            "\"Dit gaat veel te ver\", zegt hij. \"Wij grijpen in\", zei politicoloog Kees van Dam.")
    doc = run(text, "nl", unlinked("Jan", "Kees"))
    assert speakers(doc) == [("Dit gaat veel te ver", "Jan de Boer"), ("Wij grijpen in", "Kees van Dam")]


def test_a_first_name_before_a_known_place_keeps_to_itself() -> None:
    """'van Jordanië' is where a king is from, no surname: the KB knows the place."""
    doc = run("\"Wij praten niet meer\", zei koning Abdullah van Jordanië.", "nl", unlinked("Abdullah"))
    assert speakers(doc)[0][1] != "Abdullah van Jordanië"


def test_a_linked_person_is_not_widened() -> None:
    rutte = ActorRef("p:mark-rutte", "Mark Rutte", "NLD")
    doc = run("\"We gaan door\", zei Mark Rutte de Kamer toe.", "nl", {"Mark Rutte": rutte})
    assert [q.speaker.id for q in doc.quotes if q.speaker] == ["p:mark-rutte"]
