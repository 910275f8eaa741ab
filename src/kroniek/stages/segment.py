"""Stage 2: paragraphs and sentences as offset spans."""
from __future__ import annotations

import re

from ..model import Doc
from ..pipeline import Options

_PARA = re.compile(r"\n\s*\n")
_SENT = re.compile(r"(?<=[.!?][”\"’])\s+|(?<=[.!?])\s+(?=[A-Z„“\"‘À-Ý])")


class SegmentStage:
    name = "segment"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("paragraphs", "sentences")

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        pos = 0
        for match in [*_PARA.finditer(text), None]:
            end = match.start() if match else len(text)
            if text[pos:end].strip():
                doc.paragraphs.append((pos, end))
                s = pos
                for sm in [*_SENT.finditer(text, pos, end), None]:
                    e = sm.start() if sm else end
                    if text[s:e].strip():
                        doc.sentences.append((s, e))
                    s = sm.end() if sm else end
            pos = match.end() if match else len(text)
        return doc
