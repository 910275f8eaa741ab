"""Where a source's noun phrase ends, from part-of-speech tags asked for on demand.

The quote stage reads raw text and cannot always tell a noun from a verb: "Volgens een
woordvoerder van de politie raakte niemand gewond" has its source end before the finite verb
"raakte", which no word list can know. Only such doubtful runs (two or more lower-case content
words) are tagged, one sentence at a time, so the stage stays rule-speed on most articles.
"""
from __future__ import annotations

from ... import nlp
from ...model import Doc, Options, Token
from .lexicon import QuoteLexicon

_NOUNS = frozenset({"NOUN", "PROPN"})
MARGIN = 8  # words on each side of those asked about: more than the shipped encoders' reach (depth 4 × window 1)
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
_NOT_IN_NP = frozenset({"VERB", "AUX", "PRON", "ADV"})  # after a source's first word: the clause goes on


class Chunker:
    """Cuts a candidate noun phrase where the clause goes on, tagging the sentence that holds it once."""

    def __init__(self, doc: Doc, options: Options | None) -> None:
        self.doc, self.options = doc, options
        self.tags: dict[tuple[int, int], dict[int, str]] = {}
        self.usable = options is None or options.parse

    def noun_phrase(self, toks: list[Token], lex: QuoteLexicon) -> list[Token]:
        """toks up to (not including) the first later word tagged a verb, pronoun or adverb ("Op de werf loopt
        volgens de bouwheer | alles vlot"); toks when in no doubt."""
        if not self.usable or not _doubtful(toks, lex):
            return toks
        pos = self._tags_near(toks[0].start, toks[-1].end)
        for k, t in enumerate(toks[1:], 1):
            tag = pos.get(t.start)
            if tag in _NOT_IN_NP or tag == "ADJ" and pos.get(toks[k - 1].start) in _NOUNS:
                return toks[:k]  # an adjective after the noun is the clause's ("volgens de buren | te weinig ruimte")
        return toks

    def nominal(self, t: Token, lex: QuoteLexicon) -> bool:
        """Whether a lone lower-case word can head a noun phrase by its tag (waarnemers, not ontgoocheld
        or er); True when no tag can tell. A conjunction, preposition or auxiliary of the word lists
        heads none: no sentence is tagged to learn that."""
        if t.low in lex.complementizers or t.low in lex.prepositions or t.low in lex.auxiliaries:
            return False
        if not self.usable:
            return True
        tag = self._tags_near(t.start, t.end).get(t.start)
        return tag is None or tag in _NOMINAL

    def has_verb(self, toks: list[Token]) -> bool:
        """Whether a word of toks is tagged a verb ("The death toll rose to 30"; not "The bank's chief
        executive"); True when no tag can tell."""
        if not self.usable or not toks:
            return True
        tags = self._tags_near(toks[0].start, toks[-1].end)
        return not tags or any(tags.get(t.start) in ("VERB", "AUX") for t in toks)

    def _tags_near(self, start: int, end: int) -> dict[int, str]:
        """Offset -> UPOS for the words around start..end in their sentence ({} outside any sentence)."""
        sentence = self.doc.sentence_of(start)
        return self._tags(self._around(sentence, start, end)) if sentence is not None else {}

    def _around(self, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
        """The part of a sentence a tag of the words in start..end depends on: the tagger's encoder sees
        MARGIN tokens to each side, so whitespace-separated words beyond that change none of their tags,
        and a long sentence is tagged only around the words asked about (cut at whitespace)."""
        s0, e0 = sentence
        text = self.doc.text
        s = start
        for _ in range(MARGIN):
            k = text.rfind(" ", s0, max(s0, s - 1))
            if k < 0:
                s = s0
                break
            s = k + 1
        e = end
        for _ in range(MARGIN):
            k = text.find(" ", min(e + 1, e0), e0)
            if k < 0:
                e = e0
                break
            e = k
        return max(s0, s), min(e0, e)

    def _tags(self, span: tuple[int, int]) -> dict[int, str]:
        """Offset -> UPOS for the words of one sentence ({} without a model for the language)."""
        if span not in self.tags:
            s, e = span
            try:
                parsed = nlp.tag_text(self.doc.lang or "", self.doc.text[s:e], self.options)
            except nlp.ModelMissing:
                self.usable = False
                parsed = []
            self.tags[span] = {s + i: p for i, p in parsed}
        return self.tags[span]


def _doubtful(toks: list[Token], lex: QuoteLexicon) -> bool:
    """Two lower-case content words (a noun and what may be the clause's verb), or one right after a
    name ("Volgens Pieters | vertrok de trein …", verb second) or after a pronoun that may be an
    object as well as a possessive ("Volgens haar | trekken ze …", "volgens haar advocaat")."""
    content = [k for k, t in enumerate(toks) if t.text[0].isalpha() and t.text[0].islower()
               and t.low not in lex.determiners and t.low != lex.genitive and t.low not in lex.prepositions]
    return len(content) >= 2 or bool(content) and content[0] > 0 and (
        toks[content[0] - 1].text[0].isupper() or content[0] == 1 and toks[0].low in lex.object_pronouns)
