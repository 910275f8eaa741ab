"""Scoring follows FORMAT.md §3: Jaccard quote matching, multisets, country-coded events."""
from __future__ import annotations

from kroniek.eval import check_floors, jaccard, score

GOLD = {
    "doc": {"published_inferred": "2025-04-22"},
    "quotes": [{"text": "Wij willen vrede.", "direct": True, "speaker": ["Vladimir Putin", "Q7747"]}],
    "not_quotes": ["staakt-het-vuren"],
    "timex": [{"text": "zaterdag", "value": "2025-04-19", "type": "DATE", "count": 2}],
    "entities": [{"text": "Poetin", "type": "PER", "canonical": "Vladimir Putin", "count": 1}],
    "events": [{"type": "ACCUSE", "source": "RUS", "target": "UKR", "evidence": "x"},
               {"type": "CONSULT", "source": "UKR", "target": None, "optional": True, "evidence": "y"}],
}


def test_jaccard_is_case_folded_word_sets() -> None:
    assert jaccard("Wij willen VREDE", "wij willen vrede.") == 1.0
    assert jaccard("a b", "c d") == 0.0


def test_perfect_record_scores_one() -> None:
    rec = {"published": "2025-04-21",
           "quotes": [{"text": "wij willen vrede", "speaker": {"id": "Q7747", "name": "Putin"}}],
           "timexes": [{"text": "Zaterdag", "value": "2025-04-19"}, {"text": "zaterdag", "value": "2025-04-19"}],
           "entities": [{"text": "Poetin", "type": "PER", "actor": {"name": "Vladimir Putin"}}],
           "events": [{"type": "ACCUSE", "source": {"country": "RUS"}, "target": [{"country": "UKR"}]}]}
    m = score(rec, GOLD).metrics()
    assert m["quote_f1"] == m["speaker_accuracy"] == m["timex_f1"] == m["timex_value_accuracy"] == 1.0
    assert m["entity_f1"] == m["per_linking_accuracy"] == m["event_f1"] == m["published_within_1_day"] == 1.0


def test_scare_quote_wrong_source_and_missing_counts() -> None:
    rec = {"published": "2025-04-25",
           "quotes": [{"text": "staakt-het-vuren", "speaker": None}],
           "timexes": [{"text": "zaterdag", "value": "2025-04-26"}],
           "entities": [{"text": "Poetin", "type": "PER", "actor": {"name": "Vladimir Poetin"}}],
           "events": [{"type": "ACCUSE", "source": {"country": "UKR"}, "target": None}]}
    s = score(rec, GOLD)
    m = s.metrics()
    assert m["scare_quotes_reported"] == 1 and m["quote_f1"] == 0.0
    assert s.timex.tp == 1 and s.timex.fn == 1 and m["timex_value_accuracy"] == 0.0
    assert m["per_linking_accuracy"] == 0.0 and m["event_f1"] == 0.0 and s.events.fn == 1
    assert m["published_within_1_day"] == 0.0


def test_floors_and_ceilings() -> None:
    assert check_floors({"quote_f1": 0.8, "scare_quotes_reported": 0}, {"quote_f1": 0.9, "scare_quotes_reported": 0}) \
        == ["quote_f1: 0.8000 < floor 0.9000"]
    assert check_floors({"scare_quotes_reported": 2}, {"scare_quotes_reported": 0}) == ["scare_quotes_reported: 2 > 0"]
    assert check_floors({}, {"event_f1": 0.5}) == ["event_f1: not measured"]
