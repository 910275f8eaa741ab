"""The eval gate: the bundled example (and the seed, with ../shared) must stay above pinned floors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek import Pipeline
from kroniek.eval import check_floors, evaluate
from kroniek.ingest.readers import read_inputs

from .conftest import EXAMPLE, EXAMPLE_GOLD, ROOT, SEED, SEED_GOLD

BASELINE = Path(__file__).with_name("eval_baseline.json")
HELD_OUT = [(ROOT / "examples" / f"{name}.txt", ROOT / "examples" / f"{name}.gold.json")
            for name in ("002_gaza_ceasefire_en", "003_kabinet_valt")]


def _scores(text: Path, gold: Path) -> dict[str, float]:
    doc = Pipeline()(next(read_inputs([str(text)])))
    _, per_doc = evaluate([gold], {doc.article.id: doc.record()})
    return next(iter(per_doc.values())).metrics()


@pytest.mark.parametrize("text, gold", [(EXAMPLE, EXAMPLE_GOLD), *HELD_OUT, (SEED, SEED_GOLD)],
                         ids=["example", "gaza-en", "kabinet-nl", "seed"])
def test_scores_stay_above_their_floors(text: Path, gold: Path) -> None:
    if not text.exists():
        pytest.skip("../shared is not beside the repo")
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["documents"][text.name.split(".")[0]]
    problems = check_floors(_scores(text, gold), floors)
    assert not problems, "quality dropped under the pinned floors: " + "; ".join(problems)
