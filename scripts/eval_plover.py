"""Score the event coder on the PLOVER gold records from the CAMEO manual (English).

Each record is one sentence with one gold event: a PLOVER category (older drafts'
DEMAND, DISAPPROVE, FIGHT, INVESTIGATE mapped to 2021 types) and source and target
actors with a primary code (ISO3, or IGO/NGO...). Each text runs through kroniek's
English pipeline; the system's answer is its first event in text order.

- type accuracy: share of records whose first event has the gold type;
- full match: type, source and target agree; an actor side agrees when a predicted
  actor's code (country, else sector such as IGO) is among the gold codes; a side the
  gold leaves empty is not checked. Precision over records with an event, recall over
  all records. `any_full_match_recall`: some event of the record matches.

    .venv/bin/python scripts/eval_plover.py [--details] [path/to/PLOVER_GSR_CAMEO.json]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from kroniek import Options, Pipeline
from kroniek.model import Article
from kroniek.plover import normalise_type

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.json"
# codes in the gold that are not ISO 3166 alpha-3 for the country meant
CODE_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def gold_codes(side: Any) -> set[str]:
    if not isinstance(side, list):
        return set()
    return {CODE_FIX.get(a["code"], a["code"]) for a in side if isinstance(a, dict) and a.get("code")}


def pred_codes(party: Any) -> set[str]:
    parties = party if isinstance(party, list) else [party] if party else []
    return {p.get("country") or p.get("sector") or "" for p in parties} - {""}


def full_match(event: dict, gold: dict) -> bool:
    if event["type"] != normalise_type(gold["event"]):
        return False
    for side in ("source", "target"):
        want = gold_codes(gold.get(side))
        if want and not want & pred_codes(event.get(side)):
            return False
    return True


def evaluate(records: list[dict], details: bool = False) -> dict[str, float]:
    pipe = Pipeline(Options(lang="en"))
    n = typed = answered = matched = any_matched = 0
    confusion: Counter = Counter()
    for rec in records:
        if not rec.get("text") or rec.get("event") == "DOCUMENT":
            continue
        n += 1
        doc = pipe(Article(id=rec["id"], text=rec["text"], date="2000-01-01", lang="en"))
        events = sorted((e.to_json() for e in doc.events), key=lambda e: e["trigger"]["start"])
        want = normalise_type(rec["event"])
        first = events[0] if events else None
        got = first["type"] if first else "-"
        confusion[(want, got)] += 1
        typed += got == want
        answered += first is not None
        ok = first is not None and full_match(first, rec)
        matched += ok
        any_matched += any(full_match(e, rec) for e in events)
        if details and not ok:
            src = pred_codes(first.get("source")) if first else set()
            tgt = pred_codes(first.get("target")) if first else set()
            print(f"{rec['id']}: gold {want} {sorted(gold_codes(rec.get('source')))}→"
                  f"{sorted(gold_codes(rec.get('target')))} | got {got} {sorted(src)}→{sorted(tgt)} "
                  f"{first['trigger']['text'] if first else ''!r} | {rec['text'][:90]}")
    p = matched / answered if answered else 0.0
    r = matched / n if n else 0.0
    if details:
        wrong = Counter({k: v for k, v in confusion.items() if k[0] != k[1]})
        print("most frequent type confusions (gold, got):", wrong.most_common(12))
    return {"records": n, "type_accuracy": round(typed / n, 4), "full_match_precision": round(p, 4),
            "full_match_recall": round(r, 4), "full_match_f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "any_full_match_recall": round(any_matched / n, 4), "no_event": n - answered}


def main(argv: list[str]) -> None:
    details = "--details" in argv
    paths = [a for a in argv if not a.startswith("--")]
    records = json.loads(Path(paths[0] if paths else DEFAULT).read_text(encoding="utf-8"))
    print(json.dumps(evaluate(records, details), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
