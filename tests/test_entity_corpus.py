"""The held-out entity gold (corpus/entities) is well-formed, counted from its texts, and split like the quote gold."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENT = ROOT / "corpus" / "entities"
QUOTES = ROOT / "corpus" / "quotes"
GOLDS = sorted(ENT.glob("*/*/*.gold.json"))

pytestmark = pytest.mark.skipif(not GOLDS, reason="no entity corpus")


def _builder():
    spec = importlib.util.spec_from_file_location("entity_build_gold", ENT / "build_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name)
def test_gold_parses_and_counts_match_text(path: Path) -> None:
    b = _builder()
    lang, half = path.parent.parent.name, path.parent.name
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["format"] == "kroniek-gold/1" and gold["doc"]["lang"] == lang
    txt = QUOTES / lang / half / gold["doc"]["file"]
    if not txt.exists():
        pytest.skip(f"article {txt} missing")
    # Same half as the quote gold of the same article.
    assert (QUOTES / lang / half / path.name).exists(), "entity gold not in the quote gold's half"
    text = b.article_text(txt)
    ents = gold["entities"]
    assert ents, "no entities"
    assert len({e["text"] for e in ents}) == len(ents), "a surface listed twice"
    alloc = b.allocate(text, [e["text"] for e in ents])
    for e in ents:
        assert e["type"] in {"PER", "ORG", "LOC", "MISC"}
        assert isinstance(e["count"], int) and e["count"] >= 1 and e.get("canonical")
        # Every counted mention is an exact, case-sensitive occurrence of the surface in the text
        # (whole tokens; not inside a longer listed surface); `other_uses` are occurrences of the
        # same string that are not this entity.
        assert text.count(e["text"]) >= e["count"]
        assert alloc[e["text"]] == e["count"] + e.get("other_uses", 0), e["text"]


def test_split_matches_quote_corpus() -> None:
    for lang in ("nl", "en"):
        for half in ("dev", "test"):
            quotes = {p.name for p in (QUOTES / lang / half).glob("*.gold.json")}
            ents = {p.name for p in (ENT / lang / half).glob("*.gold.json")}
            assert ents <= quotes, f"{lang}/{half}: {sorted(ents - quotes)}"
    nl = {p.name for p in ENT.glob("nl/*/*.gold.json")}
    assert nl == {p.name for p in QUOTES.glob("nl/*/*.gold.json")}, "Dutch entity gold is not complete"


def test_gold_files_are_built_from_the_annotation_lists() -> None:
    b = _builder()
    for lang in ("nl", "en"):
        if not (ENT / f"{lang}.ann").exists():
            continue
        for name in b.parse(ENT / f"{lang}.ann"):
            half, _ = b.find_article(lang, name)
            assert (ENT / lang / half / f"{name}.gold.json").exists(), name
