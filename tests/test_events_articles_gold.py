"""The article-level event gold (corpus/events/articles/{nl,en}) is well-formed and split like the quote gold."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpus" / "events" / "articles"
QUOTES = ROOT / "corpus" / "quotes"
LANGS = ("en", "nl")
GOLDS = sorted(p for lang in LANGS for p in (ARTICLES / lang).glob("*/*.gold.json"))
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ISO3 = set(re.findall(r"^- id: ([A-Z]{3})$",
                      (ROOT / "src" / "kroniek" / "data" / "kb" / "countries.yaml").read_text(encoding="utf-8"),
                      re.MULTILINE))
DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")

pytestmark = pytest.mark.skipif(not GOLDS, reason="no article event gold")


@pytest.mark.parametrize("lang", LANGS)
def test_gold_for_every_quote_article(lang: str) -> None:
    for half in ("dev", "test"):
        texts = {p.name.split(".")[0] for p in (QUOTES / lang / half).glob("*.txt")}
        golds = {p.name.split(".")[0] for p in (ARTICLES / lang / half).glob("*.gold.json")}
        assert golds == texts, f"{lang}/{half}: {sorted(golds ^ texts)}"


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_gold_is_valid(path: Path) -> None:
    half, lang = path.parent.name, path.parent.parent.name
    assert half in ("dev", "test") and lang in LANGS
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["format"] == "kroniek-gold/1"
    doc = gold["doc"]
    assert doc["lang"] == lang and DATE.match(doc["date"])
    assert doc.get("country") is None or doc["country"] in ISO3, doc.get("country")
    name = doc["file"].split(".")[0]
    assert path.name == f"{name}.gold.json"
    # Same half as the article's quote gold.
    assert (QUOTES / lang / half / f"{name}.gold.json").exists(), "event gold not in the quote gold's half"
    text = (QUOTES / lang / half / doc["file"]).read_text(encoding="utf-8")
    assert isinstance(gold["events"], list)
    for e in gold["events"]:
        assert e["type"] in PLOVER, e
        for side in ("source", "target"):
            assert e[side] is None or e[side] in ISO3, (side, e)
        assert e["date"] is None or DATE.match(e["date"]), e
        assert isinstance(e.get("optional", False), bool)
        assert e["evidence"] and e["evidence"] in text, f"evidence not verbatim: {e['evidence']!r}"
