"""Score the quote stage on PolNeAR dev (English attribution relations; evaluation only).

PolNeAR (Newell et al., LREC 2018) marks every attribution as source / cue / content spans
in brat standoff. Here a gold attribution is *direct* when quoted words make up at least
half of its content. A prediction matches a gold attribution when their word sets overlap
by Jaccard >= 0.5 (FORMAT.md §3). Two F1 figures:

- all: every predicted quote (direct or reported) against every gold attribution;
- direct: predicted direct quotes against gold direct attributions. A predicted direct
  quote that lies inside a gold *reported* content (a partial quote, which PolNeAR folds
  into its reported clause) counts neither way; `direct_strict` counts it as a false positive.

Speaker accuracy (over matched pairs whose gold has a source): the predicted speaker's
mention overlaps the gold source span, or its name shares a word with the gold source text.
That is lenient: a pronoun counts as right when it is found, whoever it is resolved to. The
strict figure (`direct_speaker_strict`) asks for the person: where the gold source is a pronoun
(or a surname shared in a family), the predicted name must be the person's name checked by hand
(`polnear_speakers.tsv`: file, source offset, name; our reading of the text, evaluation only);
elsewhere it is scored as above. Pronoun sources with no key entry are counted (`strict_unkeyed`).

    .venv/bin/python scripts/eval_polnear.py [../shared/data/polnear] [--details FILE]
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kroniek import Options, Pipeline
from kroniek.eval import PRF, Ratio, jaccard, words
from kroniek.model import Article

QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")
STOP = {"the", "a", "an", "of", "he", "she", "they", "it", "his", "her", "their", "its", "who", "and", "s",
        "mr", "ms", "mrs"}
PRONOUNS = {"he", "she", "her", "him", "his", "they", "it", "i", "we"}
KEY = Path(__file__).with_name("polnear_speakers.tsv")


@dataclass
class Gold:
    spans: list[tuple[int, int]]
    text: str
    direct: bool
    source: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""
    cue: str = ""


def parse_ann(path: Path) -> list[Gold]:
    """Attributions of one .ann file: content, source, direct flag."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            segs = [tuple(int(x) for x in seg.split()) for seg in offsets.split(";")]
            spans[parts[0]] = (label, segs, parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E"):
            rels.append(dict(x.split(":", 1) for x in parts[1].split()))
    out = []
    for rel in rels:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        _, segs, text = spans[rel["Content"]]
        quoted = sum(len(q.split()) for q in QUOTED.findall(text))
        g = Gold(sorted(segs), text, quoted * 2 >= max(1, len(text.split())))
        if rel.get("Cue") in spans:
            g.cue = spans[rel["Cue"]][2]
        if rel.get("Source") in spans:
            g.source, g.source_text = spans[rel["Source"]][1], spans[rel["Source"]][2]
        out.append(g)
    return out


def load(root: Path) -> list[tuple[Article, list[Gold]]]:
    dates = {}
    with open(root / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    docs = []
    for txt in sorted((root / "dev" / "text").glob("*.txt")):
        anns = sorted((root / "dev" / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        art = Article(id=txt.stem, text=txt.read_text(encoding="utf-8"), date=dates.get(txt.stem), lang="en")
        docs.append((art, parse_ann(anns[0])))
    return docs


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def speaker_ok(pred: dict, gold: Gold) -> bool:
    sp = pred.get("speaker") or {}
    if sp.get("start") is not None and overlaps((sp["start"], sp["end"]), gold.source):
        return True
    return bool((words(sp.get("name") or "") - STOP) & (words(gold.source_text) - STOP))


def name_words(name: str) -> set[str]:
    """A name's words without initials and function words ("Loretta E. Lynch" -> loretta, lynch)."""
    return {w for w in words(name) if len(w) > 1} - STOP


def strict_ok(pred: dict, gold: Gold, person: str | None) -> bool:
    """The right person: the hand-checked name for a keyed source, else as `speaker_ok`."""
    if person is None:
        return speaker_ok(pred, gold)
    name = name_words((pred.get("speaker") or {}).get("name") or "")
    want = name_words(person)
    surname = person.split()[-1].casefold()
    return bool(name) and (want <= name or name <= want and surname in name)


def load_key(path: Path) -> dict[tuple[str, int], str]:
    """(file, source offset) -> the person a pronoun or family surname source is, checked by hand."""
    if not path.is_file():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#")
    return {(doc, int(start)): name.strip() for doc, start, name in rows}


def match(preds: list[dict], golds: list[Gold], prf: PRF, spk: Ratio, details: list[str],
          label: str, ignore: list[Gold] | None = None, strict: tuple[Ratio, Ratio, dict, str] | None = None) -> None:
    used: set[int] = set()
    for p in preds:
        best, best_j = None, 0.5
        for i, g in enumerate(golds):
            j = jaccard(p["text"], g.text)
            if i not in used and j >= best_j:
                best, best_j = i, j
        if best is None:
            if ignore is not None and any(overlaps((p["start"], p["end"]), g.spans) for g in ignore):
                continue
            prf.fp += 1
            details.append(f"{label} FP: {p['text'][:90]!r}")
            continue
        used.add(best)
        prf.tp += 1
        g = golds[best]
        if g.source:
            spk.total += 1
            if speaker_ok(p, g):
                spk.right += 1
            else:
                details.append(f"{label} speaker: {(p.get('speaker') or {}).get('name')!r} "
                               f"for gold {g.source_text!r}: {g.text[:60]!r}")
            if strict is not None:
                ratio, unkeyed, key, doc = strict
                person = key.get((doc, g.source[0][0]))
                pronoun = g.source_text.strip().lower() in PRONOUNS
                ratio.total += 1
                unkeyed.total += person is None and pronoun
                if strict_ok(p, g, person):
                    ratio.right += 1
                else:
                    details.append(f"{label} strict speaker: {(p.get('speaker') or {}).get('name')!r} "
                                   f"for gold {person or g.source_text!r}: {g.text[:60]!r}")
    for i, g in enumerate(golds):
        if i not in used:
            prf.fn += 1
            details.append(f"{label} FN [{g.cue}]: {g.text[:90]!r}")


def main(argv: list[str] | None = None) -> dict[str, float]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/data/polnear"))
    ap.add_argument("--details", help="write every FP, FN and wrong speaker to this file")
    ap.add_argument("--key", default=str(KEY), help="hand-checked persons of pronoun sources (TSV)")
    args = ap.parse_args(argv)
    pipe = Pipeline(Options(lang="en", stages=("language", "segment", "actors", "dates", "quotes")))
    f_all, f_dir, f_strict = PRF(), PRF(), PRF()
    s_all, s_dir, s_strict = Ratio(), Ratio(), Ratio()
    s_person, unkeyed = Ratio(), Ratio()
    key = load_key(Path(args.key))
    details: list[str] = []
    docs = load(Path(args.root))
    for art, golds in docs:
        rec = pipe(art).record()
        details.append(f"# {art.id}")
        match(rec["quotes"], golds, f_all, s_all, details, "all")
        direct = [q for q in rec["quotes"] if q["direct"]]
        gold_direct = [g for g in golds if g.direct]
        match(direct, gold_direct, f_dir, s_dir, details, "direct",
              ignore=[g for g in golds if not g.direct], strict=(s_person, unkeyed, key, art.id))
        match(direct, gold_direct, f_strict, s_strict, [], "strict")
    out = {"docs": len(docs), "gold_attributions": f_all.tp + f_all.fn,
           "gold_direct": f_dir.tp + f_dir.fn,
           "all_p": round(f_all.precision, 4), "all_r": round(f_all.recall, 4), "all_f1": round(f_all.f1, 4),
           "all_speaker_accuracy": round(s_all.value, 4),
           "direct_p": round(f_dir.precision, 4), "direct_r": round(f_dir.recall, 4),
           "direct_f1": round(f_dir.f1, 4), "direct_speaker_accuracy": round(s_dir.value, 4),
           "direct_speaker_strict": round(s_person.value, 4), "strict_unkeyed": unkeyed.total,
           "direct_strict_f1": round(f_strict.f1, 4)}
    if args.details:
        Path(args.details).write_text("\n".join(details) + "\n", encoding="utf-8")
    json.dump(out, sys.stdout, indent=1)
    print()
    return out


if __name__ == "__main__":
    main()
