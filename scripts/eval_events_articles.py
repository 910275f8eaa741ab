"""Score the event stage per ARTICLE on the quote-corpus articles (corpus/events/articles/{nl,en}).

The gold (corpus/events/articles/<lang>/{dev,test}/<name>.gold.json) lists every PLOVER event of an
article, with the article's texts in corpus/quotes/<lang>/{dev,test}/<name>.txt. Each article is run
through the pipeline and its events are scored with kroniek's own scorer (`kroniek.eval.score_events`,
FORMAT.md §3): a prediction matches an unmatched gold event of the same type and source country, and
the same target where the gold names one; a null gold source or target accepts any; optional gold
events are never counted as misses (a prediction matching one counts as found).
- "type": the same scorer with every source and target removed on both sides (type alone);
- "full": type + source + target, as the scorer does it.
The test half is only ever scored in aggregate: `--details` prints dev mismatches only.

    PYTHONPATH=src .venv/bin/python scripts/eval_events_articles.py [--lang nl,en] [--halves dev test] [--details]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from kroniek import Pipeline
from kroniek.eval import PRF, Scores, score_events
from kroniek.ingest.readers import read_inputs

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "events" / "articles"
TEXTS = ROOT / "corpus" / "quotes"
LANGS = ("nl", "en")


def records(lang: str, half: str, pipe: Pipeline) -> dict[str, dict]:
    """Extraction records of one language's half, by document id (the file stem)."""
    texts = sorted((TEXTS / lang / half).glob("*.txt"))
    out = {}
    for art in read_inputs([str(p) for p in texts]):
        doc = pipe(art)
        out[doc.article.id] = doc.record()
    return out


def untyped(events: list[dict]) -> list[dict]:
    """The same events with source and target removed: scoring them matches on type alone."""
    return [{**e, "source": None, "target": None} for e in events]


def score_half(lang: str, half: str, pipe: Pipeline, details: bool) -> tuple[PRF, PRF, Counter, Counter]:
    """(type-only, full) scores of one language's half, and per-type gold/predicted counts."""
    recs = records(lang, half, pipe)
    by_type, full = Scores(), Scores()
    gold_types, pred_types = Counter(), Counter()
    for path in sorted((GOLD / lang / half).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        key = gold["doc"]["file"].split(".")[0]
        rec = recs.get(key, {})
        events = rec.get("events", [])
        gold_types.update(e["type"] for e in gold["events"] if not e.get("optional"))
        pred_types.update(e["type"] for e in events)
        s = Scores()
        score_events(rec, gold, s)
        full.add(s)
        t = Scores()
        score_events({"events": untyped(events)}, {"events": untyped(gold["events"])}, t)
        by_type.add(t)
        if details:
            for line in s.details:
                print(f"{key}: {line}")
    return by_type.events, full.events, gold_types, pred_types


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default=",".join(LANGS),
                    help="comma-separated languages to score (default: nl,en)")
    ap.add_argument("--halves", nargs="+", default=["dev", "test"], choices=["dev", "test"])
    ap.add_argument("--details", action="store_true", help="dev mismatches and per-type counts (never test)")
    args = ap.parse_args(argv)
    langs = [x.strip() for x in args.lang.split(",") if x.strip()]
    bad = [x for x in langs if x not in LANGS]
    if bad or not langs:
        ap.error(f"--lang: choose from {','.join(LANGS)}, got {args.lang!r}")
    pipe = Pipeline()
    rows = []
    for lang in langs:
        for half in args.halves:
            show = args.details and half == "dev"
            by_type, full, gold_types, pred_types = score_half(lang, half, pipe, show)
            rows.append((lang, half, by_type, full))
            if show:
                print(f"{lang} dev per type (gold non-optional / predicted):")
                for name in sorted(set(gold_types) | set(pred_types)):
                    print(f"  {name:9} {gold_types[name]:3} {pred_types[name]:3}")
    print(f"{'lang':4} {'half':4} {'type P':>7} {'type R':>7} {'type F1':>7} {'full P':>7} {'full R':>7} {'full F1':>7}"
          f" {'tp':>4} {'fp':>4} {'fn':>4}  (tp/fp/fn: full)")
    for lang, half, t, f in rows:
        print(f"{lang:4} {half:4} {t.precision:7.3f} {t.recall:7.3f} {t.f1:7.3f} {f.precision:7.3f} {f.recall:7.3f} "
              f"{f.f1:7.3f} {f.tp:4} {f.fp:4} {f.fn:4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
