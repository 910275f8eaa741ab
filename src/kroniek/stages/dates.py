"""Stage 4: time expressions normalized to TIMEX3 values; the publication day estimated."""
from __future__ import annotations

import re

from ..model import Doc, Timex
from ..pipeline import Options

_MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
           "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12}
_ABS = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{4})\b", re.IGNORECASE)


class DateStage:
    name = "dates"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("timexes", "published")

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        doc.published = doc.article.date if doc.article.granularity == "day" else None
        for m in _ABS.finditer(doc.text):
            value = f"{m.group(2)}-{_MONTHS[m.group(1).lower()]:02d}"
            doc.timexes.append(Timex(m.start(), m.end(), m.group(0), "DATE", value))
        return doc
