"""The extent of a speaker mention: a whole noun phrase, never a fragment of a clause.

The rules around a cue find the speaker's words fast but from word lists alone; a run that is
not a noun phrase ("dead, officials", "Some of the protesters Wikinews interviewed", "which had
been", "if you") goes through a noun-phrase chunker over the same tokens: the clean phrase nearest
the cue after the last comma, verb form or relative, else the phrase that opens the run up to
one. A dependency parse was tried here (on demand, per sentence) and dropped: on PolNeAR and
Wikinews it settled almost nothing the chunker left open, and loading the parser alone costs more
than the stage's whole budget for a batch (docs/quotes.md).
"""
from __future__ import annotations

from ...model import Doc, Entity, SpanIndex, Token
from .attribution import SpeakerMention, mention_in, word
from .lexicon import QuoteLexicon, tokens

_SHORT = 5  # words: a trimmed speaker phrase longer than this is not trusted


def fragment(words: list[Token], lex: QuoteLexicon) -> bool:
    """Words that are not a noun phrase: a comma, cue or auxiliary inside (a cue word after a final
    determiner is a noun: "the ruling"), a preposition, relative or conjunction first, a function
    word or adverb last, or a lower-case verb form after the head."""
    if any(not word(t) and t.text not in "-'’." for t in words):
        return True
    return not_np([t.text for t in words], lex)


def not_np(texts: list[str], lex: QuoteLexicon) -> bool:
    """`fragment` over the words alone (no punctuation inside)."""
    if not texts:
        return False
    low = [t.lower() for t in texts]
    first, last = low[0], low[-1]
    particle = first in lex.name_particles and len(texts) > 1 and texts[1][0].isupper()  # "van Boxtel"
    if first in lex.relatives or first in lex.complementizers or first in lex.joiners or \
            (first in lex.prepositions and texts[0][0].islower() and not particle):
        return True
    if len(texts) > 1 and (last in lex.determiners or last in lex.prepositions or last in lex.adverbs
                           or last in lex.auxiliaries or last.endswith(lex.adverb_suffixes)):
        return True
    noun = len(low) - 1 if len(low) > 1 and low[-2] in lex.determiners else -1  # "the ruling": a noun
    return any((lex.cue(w) and k != noun) or w in lex.auxiliaries and not (k == 0 and w in lex.possessive_determiners)
               or (t[0].islower() and w.endswith(lex.finite_suffixes) and k > 0)
               for k, (t, w) in enumerate(zip(texts, low)))


def _trim(words: list[Token], lex: QuoteLexicon) -> list[Token]:
    """The longest clean run at the end (the words nearest a following cue)."""
    start = 0
    for k, t in enumerate(words):
        if not word(t) or lex.cue(t.low) or t.low in lex.auxiliaries and not (k == 0 and t.low in lex.possessive_determiners) \
                or t.low in lex.relatives \
                or t.low in lex.complementizers or t.low in lex.joiners or (t.text[0].islower() and t.low.endswith(lex.finite_suffixes)):
            start = k + 1
    out = words[start:]
    while out and (out[0].low in lex.prepositions or out[0].low in lex.joiners):
        out = out[1:]
    while len(out) > 1 and (out[-1].low in lex.determiners or out[-1].low in lex.prepositions
                            or out[-1].low in lex.adverbs or out[-1].low.endswith(lex.adverb_suffixes)):
        out = out[:-1]
    return out


def _head(words: list[Token], lex: QuoteLexicon) -> list[Token]:
    """The noun phrase that opens the run, up to a verb form, relative or cue ("A Government
    Accountability Office report | released last year")."""
    for k, t in enumerate(words):
        prev = words[k - 1] if k else t
        if k and (not word(t) or lex.cue(t.low) or t.low in lex.auxiliaries or t.low in lex.relatives
                  or (t.text[0].islower() and t.low.endswith((*lex.finite_suffixes, *lex.participles)))
                  or (t.text[0].isupper() and prev.text[0].islower() and prev.low not in lex.titles
                      and prev.low not in lex.determiners and prev.low not in lex.prepositions
                      and prev.low not in lex.name_particles)):  # "the protesters | Wikinews interviewed"
            return words[:k]
    return words


class Extent:
    """Checks speaker mentions of one document, parsing a sentence only when a mention is doubtful."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, ents: SpanIndex[Entity]) -> None:
        self.doc, self.lex, self.ents = doc, lex, ents

    def check(self, m: SpeakerMention | None) -> SpeakerMention | None:
        """The mention itself when it is a noun phrase; else the clean phrase at its end or its
        start when short; else None (the speaker is then taken from context)."""
        if m is None or m.kind == "pronoun":
            return m
        plain = m.text.split()
        if any(w.lower().replace("’", "'").split("'")[0] in self.lex.first_person for w in plain):
            return None  # "I've", "you briefly": the words of someone quoted, not a speaker
        if m.kind == "entity" or (all(w.replace("-", "").isalpha() for w in plain) and not not_np(plain, self.lex)):
            return m
        words = tokens(self.doc.text, m.start, m.end, self.lex)
        if not fragment(words, self.lex):
            return m
        for rest in (_trim(words, self.lex), _head(words, self.lex)):
            if rest and not fragment(rest, self.lex) and len(rest) <= _SHORT:
                return mention_in(rest, self.lex, self.doc.text, self.ents)
        return None
