"""Stage 3: actor mentions, linked to the knowledge base."""
from __future__ import annotations

import re

from ..model import ActorRef, Doc, Entity
from ..pipeline import Options

_SEED = {
    "Poetin": ("PER", ActorRef("Q7747", "Vladimir Putin", "RUS")),
    "Zelensky": ("PER", ActorRef("Q3874799", "Volodymyr Zelensky", "UKR")),
    "Oekraïne": ("LOC", ActorRef("UKR", "Ukraine", "UKR")),
    "Rusland": ("LOC", ActorRef("RUS", "Russia", "RUS")),
}


class ActorStage:
    name = "actors"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("entities",)

    def __init__(self, options: Options) -> None:
        self.pattern = re.compile(r"\b(" + "|".join(map(re.escape, _SEED)) + r")\b")

    def __call__(self, doc: Doc) -> Doc:
        for m in self.pattern.finditer(doc.text):
            etype, actor = _SEED[m.group(1)]
            doc.entities.append(Entity(m.start(), m.end(), m.group(1), etype, actor))
        return doc
