"""Reading the tagger's training sources (scripts/train_ner.py): UD sentences with their PROPN
tokens, English Wikinews articles, Europeana's Dutch NER tokens, and the hand-annotated
scripts/ner_data/gold_<lang>.txt. Split from train_ner.py, which turns them into spaCy data."""
from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "scripts" / "ner_data"

UD = {
    "nl": ["ud_dutch/train/nl_lassysmall-ud-train.v2draft-ccd0244.no-overlap-with-current-devtest.conllu.gz",
           "ud_dutch/train/nl-ud-train.alpino-partial-4b8df79.conllu.gz",
           "ud_dutch/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu",
           "ud_dutch/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu"],
    "en": ["ud_english_ewt/en_ewt-ud-train.conllu.gz",
           "ud_english_ewt/en_ewt-ud-dev.conllu.gz"],
}
WIKINEWS = ["wikinews_en/wikinews_2019.csv", "wikinews_en/wikinews_2020.csv"]
EUROPEANA = "ner_nl_europeana_kb/enp_NL.kb.bio"


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def ud_documents(lang: str) -> Iterator[tuple[str, list[tuple[str, list[tuple[int, int]]]]]]:
    """(doc id, [(sentence text, PROPN char spans)]) from the UD train/dev files, sentences grouped
    into documents by their sent_id (so the actor stage's per-article voting works)."""
    for name in UD[lang]:
        assert "-test" not in name
        doc_id, sents = None, []
        words: list[tuple[str, str, bool]] = []
        sid = ""
        with _open(DATA / name) as fh:
            for line in [*fh, "\n"]:
                line = line.rstrip("\n")
                if line.startswith("# sent_id"):
                    sid = line.split("=", 1)[1].strip()
                elif line.startswith("#"):
                    continue
                elif line.strip():
                    cols = line.split("\t")
                    if cols[0].isdigit():
                        words.append((cols[1], cols[3], "SpaceAfter=No" not in cols[9]))
                elif words:
                    text, propn = "", []
                    for form, pos, space in words:
                        if pos == "PROPN":
                            propn.append((len(text), len(text) + len(form)))
                        text += form + (" " if space else "")
                    this = _ud_doc(sid)
                    if this != doc_id and sents:
                        yield doc_id, sents
                        sents = []
                    doc_id = this
                    sents.append((text.strip(), propn))
                    words = []
        if sents:
            yield doc_id, sents


def _ud_doc(sent_id: str) -> str:
    """The document part of a UD sentence id (wiki-1181.p.10.s.1 → wiki-1181; EWT ...-0001 → ...)."""
    sid = sent_id.split("\\")[-1]
    m = re.match(r"(.*?)(?:\.p\.\d+.*|-\d{4}$|\.xml$)", sid)
    return m.group(1) if m else sid


def wikinews_documents() -> Iterator[tuple[str, str, str]]:
    """(id, date, text) of the English Wikinews articles."""
    for name in WIKINEWS:
        with (DATA / name).open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh):
                yield rec["url"], rec["date"][:10], rec["text"]


def europeana_sentences() -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Europeana's token stream cut into pseudo-sentences (at a token ending a sentence, or 60
    tokens): (text, gold char spans). Punctuation glued to an entity token is left out of the span."""
    lines = (DATA / EUROPEANA).read_text(encoding="utf-8").splitlines()
    text, spans, cur, n = "", [], None, 0
    for line in [*lines, ". O"]:
        if not line.strip():
            continue
        token, tag = line.rsplit(" ", 1)
        start = len(text) + (1 if text else 0)
        text += (" " if text else "") + token
        core = token.rstrip(".,;:!?)»\"'")
        end = start + len(core) if core else start + len(token)
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur:
                spans.append(tuple(cur))
            cur = [start, end, tag[2:]]
        elif tag.startswith("I-") and cur:
            cur[1] = end
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
        n += 1
        if (token.endswith((".", "!", "?")) and len(token) > 3) or token in ("?", "!") or n >= 60:
            if cur:
                spans.append(tuple(cur))
                cur = None
            yield text, [s for s in spans if s[0] < s[1]]
            text, spans, n = "", [], 0


GOLD_RE = re.compile(r"\[([^\]|]+)\|(PER|ORG|LOC|MISC)\]")


def gold_sentences(lang: str) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """scripts/ner_data/gold_<lang>.txt: one sentence a line, names as [Name|TYPE]; # comments."""
    path = GOLD / f"gold_{lang}.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, pos = "", [], 0
        for m in GOLD_RE.finditer(line):
            text += line[pos:m.start()]
            spans.append((len(text), len(text) + len(m.group(1)), m.group(2)))
            text += m.group(1)
            pos = m.end()
        text += line[pos:]
        out.append((text, spans))
    return out
