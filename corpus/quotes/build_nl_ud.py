"""Rebuild the Dutch UD-derived article texts of the quote corpus (and refuse test-split documents).

Usage (from the repo root, with ../shared present):
    python corpus/quotes/build_nl_ud.py list              # candidate documents (non-test files only)
    python corpus/quotes/build_nl_ud.py text WR-P-P-H-0000000105 [DATE]   # article text
    python corpus/quotes/build_nl_ud.py check             # every nl article's source is free of test docs

Documents are reassembled from the `# text` lines of the UD_Dutch-Alpino dev file and the
truncated Alpino train file (ud_dutch/train/nl-ud-train.alpino-partial-4b8df79.conllu.gz),
ordered by paragraph and sentence number of their sent_id; paragraphs become blank-line
separated blocks. Any document with at least one sentence in a UD *test* file (a file with
"test" in its name) is refused; test files are read for their `# sent_id` lines only.
"""
import gzip
import json
import pathlib
import re
import sys
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parents[2]
UD = ROOT.parent / "shared" / "data" / "ud_dutch"
if not UD.exists():
    UD = pathlib.Path("/work/shared/data/ud_dutch")
SOURCES = [
    "UD_Dutch-Alpino/nl_alpino-ud-dev.conllu",
    "train/nl-ud-train.alpino-partial-4b8df79.conllu.gz",
]
SID = re.compile(r"(WR-P-[A-Z]-[A-Z]-\d+|wiki-\d+)\.p\.(\d+)\.s\.(\d+)")


def _open(path):
    return gzip.open(path, "rt", encoding="utf-8") if str(path).endswith(".gz") else open(path, encoding="utf-8")


def test_docs():
    docs = set()
    for path in UD.rglob("*"):
        if path.is_file() and "test" in path.name and ".conllu" in path.name:
            for line in _open(path):
                if line.startswith("# sent_id"):
                    m = SID.search(line)
                    if m:
                        docs.add(m.group(1))
    return docs


def sentences():
    """{doc: {(p, s): (text, file)}} from the non-test sources."""
    out = defaultdict(dict)
    for rel in SOURCES:
        sid = None
        for line in _open(UD / rel):
            if line.startswith("# sent_id"):
                sid = SID.search(line)
            elif line.startswith("# text =") and sid:
                doc, p, s = sid.group(1), int(sid.group(2)), int(sid.group(3))
                out[doc].setdefault((p, s), (line.split("=", 1)[1].strip(), pathlib.Path(rel).name))
                sid = None
    return out


def text(doc, sents):
    paras = defaultdict(list)
    for (p, s), (t, _) in sorted(sents[doc].items()):
        paras[p].append(t)
    return "\n\n".join(" ".join(v) for _, v in sorted(paras.items()))


def main(argv):
    tdocs = test_docs()
    sents = sentences()
    if argv[0] == "list":
        for doc in sorted(sents):
            files = sorted({f for _, f in sents[doc].values()})
            flag = "TEST-DOC (refused)" if doc in tdocs else ""
            print(doc, len(sents[doc]), ",".join(files), flag)
    elif argv[0] == "text":
        doc = argv[1]
        if doc in tdocs:
            sys.exit(f"{doc} has sentences in a UD test file; refused")
        date = argv[2] if len(argv) > 2 else "2001-07-02"
        print(f"date {date}\n{text(doc, sents)}")
    elif argv[0] == "check":
        bad = 0
        for gold in sorted((ROOT / "corpus" / "quotes" / "nl").rglob("*.gold.json")):
            src = json.loads(gold.read_text())["doc"]["source_url"]
            for doc in re.findall(r"WR-P-[A-Z]-[A-Z]-\d+|wiki-\d+", src):
                if doc in tdocs or "test" in src:
                    print("TEST SOURCE:", gold.name, doc)
                    bad += 1
        print("ok" if not bad else f"{bad} bad")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv[1:] or ["list"])
