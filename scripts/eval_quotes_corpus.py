"""Score the quote stage on the held-out quote corpus and on the 295 English Wikinews articles.

One table: quote precision/recall/F1 and speaker accuracy per language and half
(corpus/quotes/<lang>/<half>, FORMAT.md §3), then two figures over Wikinews (no gold):
- fragment share: speakers whose words are not a noun phrase (see `fragment`);
- after-date share: quotes dated after their article's day.
The test half is only ever scored in aggregate: `--details` prints per-document errors for dev only.
Half `written` is the self-written development set corpus/quotes/<lang>_written (never a test half);
`--details` prints its errors too.

    .venv/bin/python scripts/eval_quotes_corpus.py [--corpus corpus/quotes]
        [--wikinews ../shared/data/wikinews_en] [--halves dev test] [--details] [--fragments N]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kroniek import Pipeline
from kroniek.eval import Scores, evaluate
from kroniek.ingest.readers import read_inputs
from kroniek.nlp import load

ROOT = Path(__file__).resolve().parents[1]
_DATE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")
# Words a noun phrase never opens with (lower-case), whatever the tagger says.
_BAD_FIRST = {"ADP", "SCONJ", "CCONJ", "AUX", "VERB", "PART", "ADV"}
_BAD_LAST = {"ADP", "SCONJ", "CCONJ", "AUX", "DET", "PART", "ADV", "VERB"}
_RELATIVE = {"which", "who", "whom", "whose", "that", "what", "where", "when"}


def corpus_scores(folder: Path, details: bool) -> Scores:
    """Aggregate quote and speaker scores of one half of the corpus."""
    docs = sorted(folder.glob("*.txt"))
    pipe = Pipeline()
    records = {}
    for art in read_inputs([str(p) for p in docs]):
        doc = pipe(art)
        records[doc.article.id] = doc.record()
    total, per_doc = evaluate(sorted(folder.glob("*.gold.json")), records)
    if details:
        for name, s in per_doc.items():
            for line in s.details:
                if line.startswith(("quote", "speaker")):
                    print(f"{name}: {line}")
    return total


def fragment(words: list[tuple[str, str, str]]) -> str | None:
    """Why a speaker's words are not a noun phrase, or None. `words` are (text, UPOS, VerbForm) in
    context: a comma or colon inside, a finite verb, a first word that is a preposition,
    conjunction, verb, adverb or relative pronoun, or a last word that is a function word."""
    if not words:
        return None
    texts = [w for w, _, _ in words]
    if any(t in (",", ":", ";", "(", ")", "“", "”", '"') for t in texts):
        return "punctuation"
    first, pos0, _ = words[0]
    if len(words) > 1 and (pos0 in _BAD_FIRST or first.lower() in _RELATIVE) and first[0].islower():
        return f"starts with {pos0.lower()} {first!r}"
    if first.lower() in _RELATIVE and first[0].islower():
        return "relative pronoun"
    last, posn, _ = words[-1]
    if len(words) > 1 and posn in _BAD_LAST and last[0].islower():
        return f"ends with {posn.lower()} {last!r}"
    if any(pos in ("VERB", "AUX") and form == "Fin" for _, pos, form in words[1:]):
        return "finite verb"
    return None


def wikinews(folder: Path, show: int) -> tuple[int, int, int, int]:
    """(speakers, fragments, dated quotes, dated after the article) over the Wikinews CSVs."""
    nlp = load("en")
    pipe = Pipeline()
    speakers = fragments = dated = after = 0
    shown = 0
    for art in read_inputs([str(p) for p in sorted(folder.glob("*.csv"))]):
        doc = pipe(art)
        rec = doc.record()
        day = rec.get("published") or rec.get("date") or ""
        for q in rec["quotes"]:
            qd = q.get("date") or ""
            if _DATE.match(qd) and _DATE.match(day):
                dated += 1
                n = min(len(qd), len(day))
                after += qd[:n] > day[:n]
            sp = q.get("speaker")
            if not sp or sp.get("start") is None:
                continue
            speakers += 1
            s, e = sp.get("text_start", sp["start"]), sp.get("text_end", sp["end"])
            sent = next(((a, b) for a, b in doc.sentences if a <= s < b), (s, e))
            parsed = nlp(doc.text[sent[0]:max(sent[1], e)])
            words = [(t.text, t.pos_, ",".join(t.morph.get("VerbForm")))
                     for t in parsed if not t.is_space and s <= sent[0] + t.idx < e]
            why = fragment(words)
            if why:
                fragments += 1
                if shown < show:
                    shown += 1
                    print(f"  fragment ({why}): {doc.text[s:e]!r}")
    return speakers, fragments, dated, after


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "quotes")
    ap.add_argument("--wikinews", type=Path, default=ROOT.parent / "shared" / "data" / "wikinews_en")
    ap.add_argument("--halves", nargs="+", default=["dev", "test", "written"])
    ap.add_argument("--langs", nargs="+", default=["en", "nl"])
    ap.add_argument("--details", action="store_true", help="per-document errors on dev and written (never on test)")
    ap.add_argument("--fragments", type=int, default=0, help="print this many fragment speakers")
    ap.add_argument("--no-wikinews", action="store_true")
    args = ap.parse_args(argv)
    print(f"{'lang':4} {'half':7} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'tp':>4} {'fp':>4} {'fn':>4}")
    for lang in args.langs:
        for half in args.halves:
            folder = args.corpus / f"{lang}_written" if half == "written" else args.corpus / lang / half
            if not folder.is_dir():
                continue
            s = corpus_scores(folder, args.details and half in ("dev", "written"))
            q = s.quotes
            print(f"{lang:4} {half:7} {q.precision:6.3f} {q.recall:6.3f} {q.f1:6.3f} {s.speaker.value:8.3f} "
                  f"{q.tp:4} {q.fp:4} {q.fn:4}")
    if not args.no_wikinews and args.wikinews.is_dir():
        n, frag, dated, after = wikinews(args.wikinews, args.fragments)
        print(f"wikinews_en: speakers that are fragments {frag}/{n} = {frag / max(n, 1):.1%}; "
              f"quotes dated after their article {after}/{dated} = {after / max(dated, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
