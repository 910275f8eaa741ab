"""NER exact-span F1 per type of the actor stage on CoNLL-2002 Dutch (ned.testa).

CoNLL-2002 is research-only: this script only measures; nothing derived from it is shipped.
Tokens are joined by spaces and sentences by newlines, so the stage sees running text. The
outlet (De Morgen) is Belgian: each document is an article of country BEL, from 2000.
Run: .venv/bin/python scripts/eval_conll.py [../shared/data/conll2002/ned.testa] [--no-tagger] [--details]
(the name tagger runs when its model is shipped; --no-tagger measures the KB and rules alone;
--details prints each PER/ORG/LOC/MISC mismatch with its class, and a count of the classes, to the
terminal only: never for testb, and nothing of it goes into the repository).
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kroniek.kb import load
from kroniek.model import Article, Doc, Options
from kroniek.stages.actors import ActorStage

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "conll2002" / "ned.testa"
TYPES = ("PER", "ORG", "LOC", "MISC")
OUTLET = "BEL"


@dataclass(slots=True)
class _Article(Article):
    """An article with its outlet's country (the readers' `country`, where Article has none yet)."""

    country: str | None = None


def read_docs(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents → sentences → (token, IOB2 tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if not parts:
            if sent:
                docs[-1].append(sent) if docs else docs.append([sent])
            sent = []
        elif parts[0] == "-DOCSTART-":
            docs.append([])
        else:
            sent.append((parts[0], parts[-1]))
    return docs


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            spans.add((start, i, kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return spans


def error_classes(tokens: list[str], gold: set, pred: set) -> list[tuple[str, str]]:
    """(class, line) of each mismatch: a wrong type on the right span ("type LOC>ORG"), a span that
    overlaps one of the other side's ("span"), a gold name not found ("miss"), a name not in the
    gold ("spurious"); the line shows the words and three words either side."""
    def show(s: int, e: int) -> str:
        return f"{' '.join(tokens[max(0, s - 3):s])} [{' '.join(tokens[s:e])}] {' '.join(tokens[e:e + 3])}"
    out = []
    pred_at = {(s, e): t for s, e, t in pred}
    for s, e, t in sorted(gold - pred):
        if (s, e) in pred_at:
            out.append((f"type {t}>{pred_at[s, e]}", show(s, e)))
        elif any(a < e and s < b for a, b, _ in pred):
            got = [f"{' '.join(tokens[a:b])}/{k}" for a, b, k in sorted(pred) if a < e and s < b]
            out.append((f"span {t}", f"{show(s, e)}  got {' | '.join(got)}"))
        else:
            out.append((f"miss {t}", show(s, e)))
    gold_at = {(s, e) for s, e, _ in gold}
    for s, e, t in sorted(pred - gold):
        if (s, e) not in gold_at and not any(a < e and s < b for a, b, _ in gold):
            out.append((f"spurious {t}", show(s, e)))
    return out


def evaluate(path: Path, tagger: bool = True, details: Counter | None = None) -> dict[str, tuple[float, float, float]]:
    stage = ActorStage(Options(lang="nl", tagger=tagger), load())
    counts = {t: Counter() for t in (*TYPES, "PER+ORG+LOC", "ALL")}
    for sents in read_docs(path):
        tokens = [t for s in sents for t, _ in s]
        tags = [g for s in sents for _, g in s]
        text, starts, ends = "", [], []
        for sent in sents:
            for ti, (tok, _) in enumerate(sent):
                if ti:
                    text += " "
                starts.append(len(text))
                text += tok
                ends.append(len(text))
            text += "\n"
        doc = stage(Doc(_Article(id="conll", text=text, date="2000", country=OUTLET), lang="nl",
                        sentences=[(0, len(text))]))
        start_tok = {s: i for i, s in enumerate(starts)}
        end_tok = {e: i + 1 for i, e in enumerate(ends)}
        pred = {(start_tok[e.start], end_tok[e.end], e.type) for e in doc.entities
                if e.start in start_tok and e.end in end_tok}
        gold = gold_spans(tags)
        assert len(tokens) == len(tags)
        if details is not None:
            for kind, line in error_classes(tokens, gold, pred):
                details[kind] += 1
                print(f"{kind:16} {line}")
        for group, keep in [(t, {t}) for t in TYPES] + [("PER+ORG+LOC", {"PER", "ORG", "LOC"}), ("ALL", set(TYPES))]:
            p = {s for s in pred if s[2] in keep}
            g = {s for s in gold if s[2] in keep}
            counts[group].update(tp=len(p & g), fp=len(p - g), fn=len(g - p))
    out = {}
    for group, c in counts.items():
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        out[group] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if "testb" in path.name:
        raise SystemExit("ned.testb is the held-out test set: never run")
    details = Counter() if "--details" in sys.argv else None
    for group, (p, r, f) in evaluate(path, "--no-tagger" not in sys.argv, details).items():
        print(f"{group:12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for kind, n in sorted((details or Counter()).items(), key=lambda kv: -kv[1]):
        print(f"{n:6} {kind}")


if __name__ == "__main__":
    main()
