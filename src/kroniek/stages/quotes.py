"""Stage 5: direct and reported speech, with speakers."""
from __future__ import annotations

import re

from ..model import Doc, Quote
from ..pipeline import Options

_DIRECT = re.compile(r"[„“]([^”\n]{2,}?)”")


class QuoteStage:
    name = "quotes"
    requires: tuple[str, ...] = ("sentences", "entities", "timexes")
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        for m in _DIRECT.finditer(doc.text):
            doc.quotes.append(Quote(m.start(), m.end(), m.group(1), True, date=doc.reference_date))
        return doc
