"""Stage 6: PLOVER events with source, target, date and place."""
from __future__ import annotations

import re

from ..model import Doc, Event, Span
from ..pipeline import Options

_TRIGGERS = {"beschuldigde": "ACCUSE", "dreigde": "THREATEN", "overleggen": "CONSULT"}
_PATTERN = re.compile(r"\b(" + "|".join(_TRIGGERS) + r")\b")


class EventStage:
    name = "events"
    requires: tuple[str, ...] = ("sentences", "entities", "timexes", "quotes")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        for m in _PATTERN.finditer(doc.text):
            sentence = doc.sentence_of(m.start()) or (m.start(), m.end())
            doc.events.append(Event(_TRIGGERS[m.group(1)], Span(m.start(), m.end(), m.group(1)),
                                    sentence, date=doc.reference_date))
        return doc
