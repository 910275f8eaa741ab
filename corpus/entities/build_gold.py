"""Build the entity gold files from the hand-written annotation lists.

The annotation (what is an entity, its span, type and canonical name) is written by hand in
`corpus/entities/<lang>.ann`, one block per article:

    ## <article name>
    TYPE | surface | canonical | other=N

`canonical` may be left out (then it is the surface). `other=N` says that the surface string
occurs N more times in the article where it is *not* this entity (part of a longer name is
handled automatically, see below). Only the counts are computed here, from the text:

    a mention of a surface is an occurrence of the exact (case-sensitive) string that is not
    preceded or followed by a letter, digit, underscore or hyphen, and that does not lie
    inside an occurrence of a longer listed surface of the same article (longest first).

`python corpus/entities/build_gold.py` writes `<lang>/<half>/<name>.gold.json` next to the
quote corpus' halves (`corpus/quotes/<lang>/<half>/<name>.txt`); `... check` only verifies.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUOTES = HERE.parent / "quotes"
TYPES = {"PER", "ORG", "LOC", "MISC"}


def article_text(path: Path) -> str:
    """The article without its first `date …` line."""
    text = path.read_text(encoding="utf-8")
    return text.split("\n", 1)[1] if text.startswith("date ") else text


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    pat = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def allocate(text: str, surfaces: list[str]) -> dict[str, int]:
    """How often each surface occurs as a mention of its own (longest surfaces claim first)."""
    taken = [False] * len(text)
    counts = {}
    for s in sorted(set(surfaces), key=lambda s: (-len(s), s)):
        n = 0
        for a, b in occurrences(text, s):
            if not any(taken[a:b]):
                n += 1
                for i in range(a, b):
                    taken[i] = True
        counts[s] = n
    return counts


def parse(path: Path) -> dict[str, list[dict]]:
    docs: dict[str, list[dict]] = {}
    cur = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.rstrip()
        if not line or line.startswith("#") and not line.startswith("## "):
            continue
        if line.startswith("## "):
            cur = line[3:].strip()
            docs.setdefault(cur, [])
            continue
        parts = [p.strip() for p in line.split("|")]
        typ, surface = parts[0], parts[1]
        canon = parts[2] if len(parts) > 2 and parts[2] else surface
        other = 0
        for p in parts[3:]:
            if p.startswith("other="):
                other = int(p[6:])
        if typ not in TYPES:
            raise SystemExit(f"{path}:{lineno}: bad type {typ!r}")
        docs[cur].append({"text": surface, "type": typ, "canonical": canon, "other": other, "line": lineno})
    return docs


def find_article(lang: str, name: str) -> tuple[str, Path]:
    for half in ("dev", "test"):
        p = QUOTES / lang / half / f"{name}.txt"
        if p.exists():
            return half, p
    raise SystemExit(f"no article {lang}/{name}")


def build(lang: str, write: bool) -> int:
    ann = HERE / f"{lang}.ann"
    if not ann.exists():
        return 0
    problems = 0
    for name, ents in parse(ann).items():
        half, txt = find_article(lang, name)
        text = article_text(txt)
        counts = allocate(text, [e["text"] for e in ents])
        by_surface: dict[str, int] = {}
        out = []
        for e in ents:
            by_surface[e["text"]] = by_surface.get(e["text"], 0)
        for e in ents:
            got = counts[e["text"]] - e["other"]
            # a surface listed twice (two types) shares its mentions: the extra line gives its count
            if got <= 0:
                print(f"{lang}/{name}: {e['text']!r} ({e['type']}) occurs {counts[e['text']]} times, other={e['other']}")
                problems += 1
                continue
            out.append({"text": e["text"], "type": e["type"], "canonical": e["canonical"], "count": got,
                        **({"other_uses": e["other"]} if e["other"] else {})})
        seen = {}
        for e in out:
            if e["text"] in seen:
                print(f"{lang}/{name}: {e['text']!r} listed twice")
                problems += 1
            seen[e["text"]] = e
        out.sort(key=lambda e: min((a for a, _ in occurrences(text, e["text"])), default=0))
        gold = {
            "format": "kroniek-gold/1",
            "doc": {"file": txt.name, "date": txt.read_text(encoding="utf-8").split("\n", 1)[0][5:].strip(),
                    "lang": lang},
            "entities": out,
        }
        if write:
            dest = HERE / lang / half / f"{name}.gold.json"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    write = not (argv and argv[0] == "check")
    problems = sum(build(lang, write) for lang in ("nl", "en"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
