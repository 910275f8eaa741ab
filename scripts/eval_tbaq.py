"""TempEval-3 style scores of kroniek's English tagger on TimeML gold (TBAQ-cleaned: TimeBank + AQUAINT).

Strict: exact span match; relaxed: any overlap (one-to-one); value and type F1 count relaxed
matches whose attribute is right, over all predicted and all gold expressions. Each document is
resolved against its own creation time (DCT). Evaluation only: the corpus is LDC research data.
Usage: python scripts/eval_tbaq.py [--data ../shared/data/timeml/TBAQ-cleaned] [--errors N]
"""
from __future__ import annotations

import argparse
import html
import re
from dataclasses import dataclass
from pathlib import Path

from kroniek.model import Article, Doc
from kroniek.kb import load
from kroniek.model import Options
from kroniek.timex import resolve
from kroniek.stages.segment import SegmentStage
from kroniek.timex import tag

ROOT = Path(__file__).resolve().parents[1]
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, str | None, list[Gold]]:
    """The plain text of <TEXT>, the document's creation date and its TIMEX3s as offsets."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct_value = None
    if dct:
        attrs = dict(_ATTR.findall(dct.group(0)))
        dct_value = attrs.get("value", "")[:10] or None
    body = raw[raw.index("<TEXT>") + 6:raw.index("</TEXT>")]
    out: list[str] = []
    pos = length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[Gold] = []
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_timex:
                gold.append(Gold(open_timex[0], length, open_timex[1].get("type", ""), open_timex[1].get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
    out.append(html.unescape(body[pos:]))
    return "".join(out), dct_value, gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/timeml/TBAQ-cleaned")
    ap.add_argument("--errors", type=int, default=0, help="print this many missed, spurious and wrong-value cases")
    args = ap.parse_args()
    n_pred = n_gold = strict = relaxed = value_ok = type_ok = 0
    misses: list[str] = []
    spurious: list[str] = []
    wrong: list[str] = []
    for path in sorted(args.data.rglob("*.tml")):
        text, dct, gold = read_tml(path)
        sentences = SegmentStage(Options(), load())(Doc(Article(path.stem, text), lang="en")).sentences
        pred = resolve(tag(text, "en", sentences), dct, "en")
        n_pred += len(pred)
        n_gold += len(gold)
        used: set[int] = set()
        for g in gold:
            match = next((i for i, p in enumerate(pred) if i not in used and p.start < g.end and g.start < p.end), None)
            if match is None:
                misses.append(f"{path.stem}: {text[g.start:g.end]!r} {g.type} {g.value}")
                continue
            used.add(match)
            p = pred[match]
            relaxed += 1
            strict += (p.start, p.end) == (g.start, g.end)
            type_ok += p.type == g.type
            if p.value == g.value:
                value_ok += 1
            else:
                wrong.append(f"{path.stem} dct={dct}: {p.text!r} → {p.value} (gold {text[g.start:g.end]!r} {g.value})")
        spurious.extend(f"{path.stem}: {p.text!r} {p.value}" for i, p in enumerate(pred) if i not in used)

    def f1(hits: int) -> float:
        prec, rec = hits / max(n_pred, 1), hits / max(n_gold, 1)
        return 2 * prec * rec / max(prec + rec, 1e-9)

    if args.errors:
        for name, rows in (("MISSED", misses), ("SPURIOUS", spurious), ("WRONG VALUE", wrong)):
            print(f"--- {name} ({len(rows)})")
            print("\n".join(rows[:args.errors]))
    print(f"gold {n_gold}  predicted {n_pred}")
    print(f"strict  P {strict / n_pred:.3f} R {strict / n_gold:.3f} F1 {f1(strict):.3f}")
    print(f"relaxed P {relaxed / n_pred:.3f} R {relaxed / n_gold:.3f} F1 {f1(relaxed):.3f}")
    print(f"value F1 {f1(value_ok):.3f}  type F1 {f1(type_ok):.3f}  value accuracy on matches {value_ok / max(relaxed, 1):.3f}")


if __name__ == "__main__":
    main()
