"""Score kroniek's named entities on the held-out entity corpus (corpus/entities), per language and half.

For each language and half: entity precision/recall/F1 per type (PER, ORG, LOC) and over the three
together, as `kroniek.eval.score_entities` defines it (FORMAT.md §3: (surface, type) multiset match
per document; MISC is annotated but never scored), and PER linking accuracy (matched PER mentions
whose actor name is the gold canonical name). The articles are those of the quote corpus
(corpus/quotes/<lang>/<half>/<name>.txt); the entity gold of an article is in the same half.
The test half is only ever scored in aggregate: `--details` prints mismatches for dev only.

    PYTHONPATH=src KRONIEK_CACHE=/tmp/kc .venv/bin/python scripts/eval_entities_corpus.py \
        [--lang nl,en] [--half dev,test] [--details]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kroniek import Pipeline
from kroniek.eval import PRF, evaluate, gold_key, load_gold
from kroniek.ingest.readers import read_inputs

ROOT = Path(__file__).resolve().parents[1]
TYPES = ("PER", "ORG", "LOC")


def records_for(texts: list[Path]) -> dict[str, dict]:
    pipe = Pipeline()
    out = {}
    for art in read_inputs([str(p) for p in texts]):
        doc = pipe(art)
        out[doc.article.id] = doc.record()
    return out


def per_type(records: dict[str, dict], golds: list[Path]) -> dict[str, PRF]:
    """The same multiset match as kroniek.eval.score_entities, restricted to one type at a time."""
    res = {t: PRF() for t in TYPES}
    for path in golds:
        gold = load_gold(path)
        rec = records.get(gold_key(gold, path), {})
        pred = Counter((e["text"], e["type"]) for e in rec.get("entities", []) if e["type"] in TYPES)
        want = Counter()
        for g in gold.get("entities", []):
            if g["type"] in TYPES:
                want[(g["text"], g["type"])] += g.get("count", 1)
        for t in TYPES:
            p = Counter({k: v for k, v in pred.items() if k[1] == t})
            w = Counter({k: v for k, v in want.items() if k[1] == t})
            m = p & w
            res[t].tp += sum(m.values())
            res[t].fp += sum((p - m).values())
            res[t].fn += sum((w - m).values())
    return res


def score_half(corpus: Path, texts: Path, lang: str, half: str, details: bool) -> None:
    golds = sorted((corpus / lang / half).glob("*.gold.json"))
    if not golds:
        print(f"{lang:4} {half:4} (no gold)")
        return
    docs = [texts / lang / half / f"{gold_key(load_gold(g), g)}.txt" for g in golds]
    missing = [d for d in docs if not d.exists()]
    if missing:
        raise SystemExit(f"articles missing: {missing}")
    records = records_for(docs)
    total, per_doc = evaluate(golds, records)
    types = per_type(records, golds)
    e = total.entities
    assert (e.tp, e.fp, e.fn) == (sum(t.tp for t in types.values()), sum(t.fp for t in types.values()),
                                  sum(t.fn for t in types.values())), "per-type counts disagree with kroniek.eval"
    for t in TYPES:
        s = types[t]
        print(f"{lang:4} {half:4} {len(golds):4} {t:7} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
              f"{s.tp:5} {s.fp:5} {s.fn:5}")
    print(f"{lang:4} {half:4} {len(golds):4} {'overall':7} {e.precision:6.3f} {e.recall:6.3f} {e.f1:6.3f} "
          f"{e.tp:5} {e.fp:5} {e.fn:5}   PER linking {total.linking.value:.3f} "
          f"({total.linking.right}/{total.linking.total})")
    if details and half == "dev":
        for name, s in per_doc.items():
            for line in s.details:
                if line.startswith(("entity", "link")):
                    print(f"    {name}: {line}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "entities")
    ap.add_argument("--texts", type=Path, default=ROOT / "corpus" / "quotes")
    ap.add_argument("--lang", default="nl,en", help="comma-separated: nl,en")
    ap.add_argument("--half", default="dev,test", help="comma-separated: dev,test")
    ap.add_argument("--details", action="store_true", help="print mismatches of the dev half (never of test)")
    args = ap.parse_args(argv)
    print(f"{'lang':4} {'half':4} {'docs':>4} {'type':7} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for lang in [x for x in args.lang.split(",") if x]:
        for half in [x for x in args.half.split(",") if x]:
            score_half(args.corpus, args.texts, lang, half, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
