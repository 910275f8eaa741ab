"""Stage 1: which language an article is in (nl, en, or reported as unsupported)."""
from __future__ import annotations

from ..model import Doc
from ..pipeline import Options

SUPPORTED = ("nl", "en")
_NL = {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "zijn", "met", "voor"}
_EN = {"the", "a", "and", "of", "is", "that", "not", "on", "are", "with", "for", "to"}


class LanguageStage:
    name = "language"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("lang",)

    def __init__(self, options: Options) -> None:
        self.forced = options.lang

    def __call__(self, doc: Doc) -> Doc:
        if self.forced or doc.article.lang:
            doc.lang = self.forced or doc.article.lang
            return doc
        words = doc.text[:5000].lower().split()
        nl = sum(w in _NL for w in words)
        en = sum(w in _EN for w in words)
        doc.lang = "nl" if nl >= en else "en"
        return doc
