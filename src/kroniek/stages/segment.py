"""Stage 2: paragraphs and sentences as offset spans.

A rule-based splitter over the raw text (no tokenizer, no model): it must run at thousands
of articles per second, and news sentences end in few ways. Quotes stay whole: a closing
quote mark stays with its sentence, and "?”/!”" followed by a lower-case attribution
("„Waarom?” vroeg hij.") does not split. Parses are not made here: kroniek.nlp parses on
demand only the sentences a later stage asks for (hence `parses` in `provides`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicons
from ..kb import KB
from ..model import Doc, Options
from .language import is_supported
from .registry import register

_PARA = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
# A sentence-final run: terminal marks, then closing quotes/brackets, then whitespace.
_END = re.compile(r"([.!?…]+)([”\"’'»)\]]*)\s+")
_OPENERS = "„“\"‘'«([¿¡–—-•*"
_INITIALS = re.compile(r"^(?:\w\.)*\w$")
_BULLET = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})$")
_LEADING = "„“\"‘'«([,"


@dataclass(frozen=True, slots=True)
class Rules:
    """A language's abbreviations, from spaCy's tokenizer exceptions plus data/<lang>/segment.yaml."""

    abbreviations: frozenset[str]
    sentence_final: frozenset[str]
    before_numbers: frozenset[str]
    labels: frozenset[str]  # "LIVE:", "UPDATE:": a label line is its own sentence, never a speaker


def segment_data(lang: str) -> dict:
    """data/<lang>/segment.yaml, parsed once; {} for a language without one."""
    return lexicons.for_language(lang, "segment") or {}


@cache
def rules_for(lang: str) -> Rules:
    data = segment_data(lang)
    abbrevs = {str(a) for a in data.get("abbreviations", [])}
    abbrevs |= lexicons.word_list(lang, "spacy_abbreviations.txt")  # scripts/build_abbreviations.py
    final = {str(w) for w in data.get("sentence_final", [])}
    numeric = {str(w) for w in data.get("before_numbers", [])}
    labels = frozenset(str(w).casefold() for w in data.get("labels", []))
    return Rules(frozenset(abbrevs - final - numeric), frozenset(final), frozenset(numeric), labels)


_LABEL = re.compile(r"([^\W\d_][\w ]{0,20}):\s+")
# A wire dateline: a place in capitals, perhaps a region or a day, perhaps the agency, then a dash
# ("KYIV, Oct 11 (Reuters) - ", "MOSCOW (AP) — ", "DEN HAAG (ANP) - ")
_DATELINE = re.compile(r"([A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3})(?:, [^()\n—–]{1,40}?)?(?: \([^()\n]{1,30}\))? ?[-—–]{1,2} (?![a-z])")
_HEADING = 40  # a line shorter than this without final punctuation is a heading, not a wrapped line


def _label_end(text: str, start: int, end: int, rules: Rules) -> int | None:
    """Where a label such as "LIVE: " that opens a line ends, if it is one."""
    m = _LABEL.match(text, start, end)
    return m.end() if m and m.group(1).casefold() in rules.labels else None


def dateline(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A dateline opening the line at `start`: (end of its place name, end of the dateline, where
    the article's words begin); None when the line opens otherwise."""
    m = _DATELINE.match(text, start, end)
    if m is None:
        return None
    stripped = m.start() + len(m.group().rstrip(" -—–"))
    return m.end(1), stripped, m.end()


def _ends_sentence(text: str, match: re.Match, rules: Rules, block_start: int) -> bool:
    """Whether the terminal run in `match` closes a sentence, judged by the word before and after."""
    nxt = text[match.end()] if match.end() < len(text) else ""
    if text.startswith(",,", match.end()):
        nxt = "„"  # ",," is the typewriter form of the Dutch opening quote
    if not nxt or nxt.islower():
        return False
    if match.group(1) != ".":
        return True
    word_start = max(text.rfind(" ", block_start, match.start()), text.rfind("\n", block_start, match.start())) + 1
    word = text[word_start:match.start()].lstrip(_LEADING)
    if not word or match.group(2):  # "staken”." or "(…)." : a real end
        return True
    if word in rules.sentence_final or word.lower() in rules.sentence_final:
        return nxt.isupper() or nxt in _OPENERS
    if word in rules.before_numbers:
        return not nxt.isdigit()
    if word in rules.abbreviations or word.lower() in rules.abbreviations:
        return False
    if _INITIALS.match(word) and (len(word) == 1 or "." in word) and word[0].isupper():
        return False  # "J." or "J.R.": initials before a name
    if word_start == block_start and _BULLET.match(word):
        return False  # "1. Eerste punt"
    return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS


def split_block(text: str, start: int, end: int, rules: Rules) -> list[tuple[int, int]]:
    """Sentences of one line block text[start:end] as stripped (start, end) spans."""
    out: list[tuple[int, int]] = []
    s = start
    label = _label_end(text, start, end, rules)
    if label is not None:
        out.append((start, start + len(text[start:label].rstrip())))
        s = label
    line = dateline(text, s, end)
    if line is not None:  # "KYIV, Oct 11 (Reuters) - Russia fired …": the dateline is no part of the first sentence
        out.append((s, line[1]))
        s = line[2]
    for m in _END.finditer(text, s, end):
        if m.end() < end and _ends_sentence(text, m, rules, start):
            out.append((s, m.end(2)))
            s = m.end()
    tail = text[s:end].rstrip()
    if tail:
        out.append((s, s + len(tail)))
    return out


def split(text: str, lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Paragraphs (split at blank lines) and sentences; a single line break ends a sentence
    unless the next line starts in lower case after a long line (a hard-wrapped sentence)."""
    rules = rules_for(lang)
    paragraphs: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    pos = len(text) - len(text.lstrip())
    for match in [*_PARA.finditer(text), None]:
        end = pos + len(text[pos:match.start() if match else len(text)].rstrip())
        if end > pos:
            paragraphs.append((pos, end))
            block = pos
            for lm in [*_LINE.finditer(text, pos, end), None]:
                if lm is not None and lm.end() < end and text[lm.end()].islower() and not _heading(text, block, lm.start()):
                    continue
                block_end = lm.start() if lm else end
                sentences.extend(split_block(text, block, block_end, rules))
                block = lm.end() if lm else end
        pos = match.end() if match else len(text)
    return paragraphs, sentences


def _heading(text: str, start: int, end: int) -> bool:
    """A short line without final punctuation (a subheading) ends its sentence even before a
    lower-case line; a long one is a hard-wrapped sentence going on."""
    line = text[max(start, text.rfind("\n", start, end) + 1):end].strip()
    return 0 < len(line) < _HEADING and line[-1].isalnum() and not any(c in line for c in ".!?;,")


@register
class SegmentStage:
    name = "segment"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("paragraphs", "sentences", "parses")

    def __init__(self, options: Options, kb: KB) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        if not is_supported(doc):
            return doc
        doc.paragraphs, doc.sentences = split(doc.text, doc.lang)
        return doc
