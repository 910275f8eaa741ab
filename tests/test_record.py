"""Every offset in a record indexes its text exactly, and every type is in range (FORMAT.md §1)."""
from __future__ import annotations

import re

import pytest

from kroniek import Pipeline
from kroniek.ingest.readers import read_inputs

from .conftest import EXAMPLE, ROOT

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
VALUE = re.compile(r"^(\d{4}(-\d{2}(-\d{2}(T(\d{2}:\d{2}|MO|AF|EV|NI))?)?|-W\d{2}|-Q\d)?|\d{3}X?|\d{2}XX|"
                   r"PRESENT_REF|PAST_REF|FUTURE_REF|P.+|XXXX.*|T\d{2}:\d{2})$")


def check(rec: dict) -> None:
    text = rec["text"]
    for e in rec["entities"]:
        assert text[e["start"]:e["end"]] == e["text"] and e["type"] in {"PER", "ORG", "LOC", "MISC"}
    for t in rec["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"] and t["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert VALUE.match(t["value"]), t
    for q in rec["quotes"]:
        words = re.findall(r"\w+", q["text"])
        span = text[q["start"]:q["end"]]
        assert all(w in span for w in words), q
        sp = q["speaker"]
        if sp and sp["start"] is not None:
            assert 0 <= sp["start"] < sp["end"] <= len(text)
    for ev in rec["events"]:
        assert ev["type"] in PLOVER
        trig, sent = ev["trigger"], ev["sentence"]
        assert text[trig["start"]:trig["end"]] == trig["text"]
        assert sent["start"] <= trig["start"] and trig["end"] <= sent["end"]


def test_seed_record_offsets_and_types(seed_record: dict) -> None:
    assert seed_record["quotes"] and seed_record["events"] and seed_record["timexes"] and seed_record["entities"]
    check(seed_record)


@pytest.mark.parametrize("name", ["001_navo_top_den_haag", "002_gaza_ceasefire_en", "003_kabinet_valt"])
def test_example_record_offsets_and_types(name: str) -> None:
    doc = Pipeline()(next(read_inputs([str(ROOT / "examples" / f"{name}.txt")])))
    check(doc.record())


def test_bundled_example_is_the_readme_example() -> None:
    assert EXAMPLE.name in (ROOT / "README.md").read_text(encoding="utf-8")
