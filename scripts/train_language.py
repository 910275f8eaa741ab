"""Rebuild the shipped spaCy pipelines (src/kroniek/models/{nl,en}_kroniek) from UD treebanks.

Why a script: the models are package data under CC BY-SA 4.0; anyone must be able to
reproduce them from the same treebanks with the same configs (scripts/configs/<lang>.cfg).

    python scripts/train_language.py all nl --minutes 40     # prepare, train, package
    python scripts/train_language.py prepare en               # only convert the CoNLL-U
    python scripts/train_language.py train nl --resume --minutes 30   # a second budget
    OMP_NUM_THREADS=1 python scripts/train_language.py eval nl  # UPOS/LAS/words/s on test

Training runs single-threaded on CPU and stops at `--minutes` (model-best is kept, since
spaCy writes it at every improving evaluation) or at the config's max_steps.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
WORK = ROOT / "training"
MODELS = ROOT / "src" / "kroniek" / "models"

# Which treebank files make up each split. Dutch: LassySmall dev goes to train (the only
# train files available are a partial 2017 snapshot, ~83k tokens); Alpino dev selects the
# model; Alpino and LassySmall test are never seen.
CORPORA: dict[str, dict[str, list[str]]] = {
    "nl": {
        "train": ["ud_dutch/train/nl_lassysmall-ud-train.v2draft-ccd0244.no-overlap-with-current-devtest.conllu.gz",
                  "ud_dutch/train/nl-ud-train.alpino-partial-4b8df79.conllu.gz",
                  "ud_dutch/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu"],
        "dev": ["ud_dutch/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu"],
        "test_alpino": ["ud_dutch/UD_Dutch-Alpino/nl_alpino-ud-test.conllu"],
        "test_lassysmall": ["ud_dutch/UD_Dutch-LassySmall/nl_lassysmall-ud-test.conllu"],
    },
    "en": {
        "train": ["ud_english_ewt/en_ewt-ud-train.conllu.gz"],
        "dev": ["ud_english_ewt/en_ewt-ud-dev.conllu.gz"],
        "test_ewt": ["ud_english_ewt/en_ewt-ud-test.conllu.gz"],
    },
}

# The 2017 Dutch train snapshot predates some UD 2 subtypes the current dev/test use, so
# one label set is used throughout: those subtypes fold into their universal relation.
DEPREL_MAP = {"nl": {"flat:name": "flat", "obl:arg": "obl", "nmod:poss": "nmod", "expl:pv": "expl",
                     "obl:agent": "obl", "cc:preconj": "cc", "nsubj:outer": "nsubj",
                     "csubj:outer": "csubj"}}

ATTRIBUTION = {
    "nl": ("Universal Dependencies Dutch treebanks: UD_Dutch-LassySmall (Gosse Bouma, Gertjan van Noord; "
           "Lassy Small corpus) and UD_Dutch-Alpino (Gosse Bouma, Gertjan van Noord; Alpino Treebank), "
           "https://universaldependencies.org, CC BY-SA 4.0."),
    "en": ("Universal Dependencies English Web Treebank (UD_English-EWT; Natalia Silveira, Timothy Dozat, "
           "Marie-Catherine de Marneffe, Samuel Bowman, Miriam Connor, John Bauer, Christopher D. Manning; "
           "Amir Zeldes, Nathan Schneider and others), https://universaldependencies.org, CC BY-SA 4.0."),
}


# The 2017 Dutch train files predate later UD Dutch conventions that the current dev/test
# follow; `harmonise` rewrites them (only files listed here) to those conventions.
OLD_CONVENTIONS = ("v2draft", "alpino-partial")
POSSESSIVES = {"mijn": "1", "m'n": "1", "ons": "1", "onze": "1", "jouw": "2", "je": "2", "uw": "2",
               "jullie": "2", "zijn": "3", "z'n": "3", "haar": "3", "d'r": "3", "hun": "3"}
ORDINAL = re.compile(r"^(\d+(e|ste|de)|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende)$", re.I)


def harmonise(sentence: list[list[str]]) -> list[list[str]]:
    """One old-convention sentence in current UD Dutch style: possessives PRON/nmod:poss,
    'als' SCONJ, ordinals ADJ/amod, and 'moeten' + infinitive as aux of the infinitive."""
    for cols in sentence:
        lemma = cols[2].lower()
        if cols[3] == "DET" and lemma in POSSESSIVES and cols[7] == "det":
            cols[3], cols[5], cols[7] = "PRON", f"Person={POSSESSIVES[lemma]}|Poss=Yes|PronType=Prs", "nmod"
        elif lemma == "als" and cols[3] == "ADP":
            cols[3] = "SCONJ"
        elif cols[3] == "NUM" and ORDINAL.match(cols[1]):
            cols[3], cols[7] = "ADJ", "amod" if cols[7] == "nummod" else cols[7]
    for modal in [c for c in sentence if c[2] == "moeten" and c[3] == "VERB"]:
        verbs = [c for c in sentence if c[6] == modal[0] and c[7] == "xcomp" and "VerbForm=Inf" in c[5]]
        if not verbs:
            continue
        verb = verbs[0]
        for dep in sentence:
            if dep[6] == modal[0] and dep is not verb:
                dep[6] = verb[0]
        verb[6], verb[7] = modal[6], modal[7]
        modal[3], modal[6], modal[7] = "AUX", verb[0], "aux"
    return sentence


def read_conllu(path: Path) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return fh.read()


def normalise(text: str, lang: str, old: bool = False) -> str:
    """Fold deprels per DEPREL_MAP, harmonise old-convention sentences, drop enhanced deps."""
    mapping = DEPREL_MAP.get(lang, {})
    out: list[str] = []
    sentence: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        cols = line.split("\t")
        if len(cols) == 10 and not line.startswith("#"):
            cols[8] = "_"
            sentence.append(cols)
            continue
        if sentence:
            words = [c for c in sentence if c[0].isdigit()]
            if old and len(words) == len(sentence):
                harmonise(sentence)
            for c in sentence:
                c[7] = mapping.get(c[7], c[7])
            out += ["\t".join(c) for c in sentence]
            sentence = []
        out.append(line)
    return "\n".join(out).strip("\n") + "\n\n"


def split_path(lang: str, split: str, ext: str) -> Path:
    return WORK / lang / f"{split}.{ext}"


def prepare(lang: str) -> None:
    """Write one normalised .conllu and one .spacy file per split under training/<lang>/."""
    (WORK / lang).mkdir(parents=True, exist_ok=True)
    for split, files in CORPORA[lang].items():
        conllu = split_path(lang, split, "conllu")
        conllu.write_text("".join(normalise(read_conllu(DATA / f), lang, any(o in f for o in OLD_CONVENTIONS))
                                  for f in files), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "spacy", "convert", str(conllu), str(WORK / lang),
                        "--converter", "conllu", "--n-sents", "10", "--lang", lang], check=True)


# spaCy 3.8's edit-tree lemmatizer does not survive resume_training (its accuracy falls to
# the orth backoff), so a resumed run trains it anew on the sourced tok2vec.
FRESH_ON_RESUME = ("trainable_lemmatizer",)


def resume_config(lang: str, source: Path | None = None, out: str = "out-resume") -> Path:
    """<lang>.cfg with every component sourced from the first run's model-best (or `source`), so a
    further time budget continues training (fresh optimizer, half the learning rate)."""
    from spacy.util import load_config

    cfg = load_config(ROOT / "scripts" / "configs" / f"{lang}.cfg", interpolate=False)
    width = cfg["components"]["tok2vec"]["model"]["encode"]["width"]
    for name in FRESH_ON_RESUME:
        cfg["components"][name]["model"]["tok2vec"]["width"] = width  # its ${...} target is sourced away
    for name in cfg["nlp"]["pipeline"]:
        if name not in FRESH_ON_RESUME:
            cfg["components"][name] = {"source": str(source or WORK / lang / "out" / "model-best")}
    cfg["training"]["optimizer"]["learn_rate"] = 0.0005
    path = WORK / lang / ("resume.cfg" if out == "out-resume" else f"resume-{out}.cfg")
    cfg.to_disk(path)
    return path


def best_model(lang: str, out: str | None = None) -> Path:
    """model-best of training/<lang>/<out> if given, else of the resumed run when there is one,
    else of the first run."""
    if out:
        return WORK / lang / out / "model-best"
    resumed = WORK / lang / "out-resume" / "model-best"
    return resumed if resumed.is_dir() else WORK / lang / "out" / "model-best"


def train(lang: str, minutes: float, resume: bool = False, source: Path | None = None,
          out_name: str | None = None, overrides: list[str] | None = None) -> None:
    """spaCy's trainer, one thread, stopped after `minutes` (model-best survives). `source`: resume
    from that pipeline instead of out/model-best; `out_name`: output folder under training/<lang>/;
    `overrides`: spaCy config overrides such as `--training.dropout 0.25`."""
    out_name = out_name or ("out-resume" if resume else "out")
    out = WORK / lang / out_name
    config = (resume_config(lang, source, out_name) if resume
              else ROOT / "scripts" / "configs" / f"{lang}.cfg")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "spacy", "train", str(config),
           "--output", str(out), "--paths.train", str(split_path(lang, "train", "spacy")),
           "--paths.dev", str(split_path(lang, "dev", "spacy")), *(overrides or [])]
    try:
        subprocess.run(cmd, env=env, check=True, timeout=minutes * 60)
    except subprocess.TimeoutExpired:
        print(f"time budget of {minutes} min reached; keeping model-best", flush=True)


def package(lang: str, out: str | None = None) -> Path:
    """Copy model-best into the package with kroniek's meta and the treebank attribution."""
    import spacy

    nlp = spacy.load(best_model(lang, out))
    nlp.meta.update({"name": "kroniek", "version": "0.1.0", "license": "CC BY-SA 4.0",
                     "author": "kroniek", "url": "", "email": "",
                     "description": f"kroniek's {lang} tagger, morphologizer, lemmatizer and parser "
                                    "(CNN, no vectors), trained with scripts/train_language.py",
                     "sources": [{"name": ATTRIBUTION[lang], "license": "CC BY-SA 4.0"}]})
    dest = MODELS / f"{lang}_kroniek"
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest)
    (dest / "ATTRIBUTION.md").write_text(
        f"# {lang}_kroniek\n\nLicence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).\n"
        f"A model trained on, and so adapted from:\n\n{ATTRIBUTION[lang]}\n\n"
        "Changes: CoNLL-U converted with `spacy convert`; Dutch deprel subtypes folded (DEPREL_MAP) and "
        "the 2017 Dutch train files brought to current UD Dutch conventions (harmonise) in "
        f"scripts/train_language.py. Rebuild: `python scripts/train_language.py all {lang}`"
        + (f" then two `train {lang} --resume` budgets and `package {lang}` (docs/language.md)"
           if lang == "nl" else "") + ".\n",
        encoding="utf-8")
    return dest


def read_sentences(path: Path) -> list[list[list[str]]]:
    """Sentences of a CoNLL-U file as rows of its 10 columns (syntactic words only)."""
    sents: list[list[list[str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sents[-1]:
                sents.append([])
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                sents[-1].append(cols)
    return [s for s in sents if s]


def evaluate(lang: str, model: str | None = None, splits: str = "test") -> dict[str, dict[str, float]]:
    """UPOS, UAS, LAS (universal relations, punctuation included: the CoNLL 2018 convention) and
    lemma accuracy on gold tokens, plus words/s of the whole pipeline on one thread."""
    import time

    import spacy
    from spacy.tokens import Doc as SpacyDoc

    nlp = spacy.load(model or MODELS / f"{lang}_kroniek")
    results = {}
    for split in (s for s in CORPORA[lang] if s.startswith(splits)):
        gold = read_sentences(split_path(lang, split, "conllu"))
        docs = [SpacyDoc(nlp.vocab, words=[c[1] for c in s],
                         spaces=["SpaceAfter=No" not in c[9] for c in s]) for s in gold]
        start = time.process_time()
        parsed = list(nlp.pipe(docs, batch_size=256))
        seconds = time.process_time() - start
        n = upos = uas = las = lemma = 0
        for rows, doc in zip(gold, parsed):
            for cols, tok in zip(rows, doc):
                head = int(cols[6])
                pred_head = 0 if tok.head.i == tok.i else tok.head.i + 1
                n += 1
                upos += tok.pos_ == cols[3]
                lemma += tok.lemma_ == cols[2]
                uas += pred_head == head
                las += pred_head == head and tok.dep_.lower().split(":")[0] == cols[7].split(":")[0]
        results[split] = {"tokens": n, "upos": upos / n, "uas": uas / n, "las": las / n,
                          "lemma": lemma / n, "words_per_s": n / seconds}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["prepare", "train", "package", "all", "eval"])
    parser.add_argument("lang", choices=sorted(CORPORA))
    parser.add_argument("--minutes", type=float, default=40.0, help="training time budget")
    parser.add_argument("--model", help="eval: a spaCy pipeline other than the shipped one")
    parser.add_argument("--resume", action="store_true",
                        help="train: continue from training/<lang>/out/model-best for another budget")
    parser.add_argument("--source", type=Path, help="train --resume: continue from this pipeline instead")
    parser.add_argument("--out", help="train/package: output folder under training/<lang>/ "
                                      "(default out, or out-resume with --resume)")
    parser.add_argument("--split", default="test", help="eval: splits starting with this (test, dev)")
    args, overrides = parser.parse_known_args()
    if args.step in ("prepare", "all"):
        prepare(args.lang)
    if args.step in ("train", "all"):
        train(args.lang, args.minutes, args.resume, args.source, args.out, overrides)
    if args.step in ("package", "all"):
        print(package(args.lang, args.out))
    if args.step == "eval":
        for split, scores in evaluate(args.lang, args.model, args.split).items():
            print(split, " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in scores.items()))


if __name__ == "__main__":
    main()
