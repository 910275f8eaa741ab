"""Write spaCy's tokenizer-exception abbreviations for each language to data/<lang>/spacy_abbreviations.txt.

The segmenter needs only this word list from spaCy; shipping it as data keeps spaCy out of the
default pipeline's start-up (importing spaCy costs ~1 s). Rerun after upgrading spaCy:
`python scripts/build_abbreviations.py`.
"""
from __future__ import annotations

import spacy.util

from kroniek import lexicons


def abbreviations(lang: str) -> list[str]:
    """Exceptions ending in a period, without it ("Mr." → "Mr"), as the segmenter used them."""
    exceptions = spacy.util.get_lang_class(lang).Defaults.tokenizer_exceptions
    return sorted({k[:-1] for k in exceptions if k.endswith(".") and len(k) > 2})


def main() -> None:
    for lang in lexicons.languages():
        path = lexicons.DATA / lang / "spacy_abbreviations.txt"
        words = abbreviations(lang)
        path.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
        print(f"{path}: {len(words)} abbreviations")


if __name__ == "__main__":
    main()
