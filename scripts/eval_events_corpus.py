"""Score the event stage on kroniek's own annotated sentences (corpus/events/<lang>/{dev,test}.jsonl).

Matching follows FORMAT.md §3 with the issue's refinements: a predicted event matches an unmatched
gold event of the same type whose source and target agree by country (an IGO by its sector, an
actor of no known country by "none"); a compound actor counts for every dyad it covers; a gold
target of "none" is not required; optional gold events are neither required nor counted against.
"Type" F1 matches on the type alone. Rules are written from dev only; test is reported, never read.

`python scripts/eval_events_corpus.py [--lang nl,en] [--half dev,test] [--errors]` (errors: dev only).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from kroniek.model import Article, Options
from kroniek.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "events"


def keys(party: object) -> set[str]:
    """The countries (or IGO, or 'none') an actor object or a compound list stands for."""
    parts = party if isinstance(party, list) else [party] if party else []
    out = set()
    for p in parts:
        if not isinstance(p, dict):
            continue
        out.add(p.get("country") or ("IGO" if p.get("sector") == "IGO" else "none"))
    return out or {"none"}


def matches(pred: dict, gold: dict, full: bool) -> bool:
    if pred["type"] != gold["type"]:
        return False
    if not full:
        return True
    gs, gt = keys(gold.get("source")), keys(gold.get("target"))
    ps, pt = keys(pred.get("source")), keys(pred.get("target"))
    if not gs & ps:
        return False
    return gt == {"none"} or bool(gt & pt)


def score(pairs: Iterable[tuple[list[dict], list[dict]]], full: bool) -> dict[str, float]:
    tp = fp = fn = 0
    for preds, golds in pairs:
        free = list(golds)
        for p in preds:
            hit = next((g for g in free if matches(p, g, full)), None)
            if hit is None:
                fp += 1
            else:
                free.remove(hit)
                tp += 0 if hit.get("optional") else 1
        fn += sum(1 for g in free if not g.get("optional"))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def run(lang: str, half: str, errors: bool) -> dict[str, object]:
    path = CORPUS / lang / f"{half}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = Pipeline(Options(lang=lang))
    pairs = []
    for row in rows:
        article = Article(id=row["id"], text=row["text"], date=row.get("date"), lang=lang)
        if row.get("country"):
            article.country = row["country"]
        doc = pipeline(article)
        preds = [e.to_json() for e in doc.events]
        pairs.append((preds, row["events"]))
        if errors and half == "dev":
            want = [(g["type"], sorted(keys(g.get("source"))), sorted(keys(g.get("target"))),
                     "opt" if g.get("optional") else "") for g in row["events"]]
            got = [(p["type"], sorted(keys(p.get("source"))), sorted(keys(p.get("target"))), p["trigger"]["text"])
                   for p in preds]
            if score([(preds, row["events"])], True)["fp"] or score([(preds, row["events"])], True)["fn"]:
                print(f"{row['id']}: {row['text']}\n   gold {want}\n   pred {got}", file=sys.stderr)
    return {"lang": lang, "half": half, "sentences": len(rows), "type": score(pairs, False),
            "full": score(pairs, True)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="nl,en")
    ap.add_argument("--half", default="dev,test")
    ap.add_argument("--errors", action="store_true", help="print dev errors on stderr (never test)")
    args = ap.parse_args(argv)
    for lang in args.lang.split(","):
        for half in args.half.split(","):
            print(json.dumps(run(lang, half, args.errors)))


if __name__ == "__main__":
    main()
