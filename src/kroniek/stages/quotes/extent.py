"""The extent of a speaker mention: a whole noun phrase, never a fragment of a clause.

The rules around a cue find the speaker's words fast but from word lists alone; a long or odd run
("dead, officials", "Some of the protesters Wikinews interviewed", "which had been") is checked
against the parse of its sentence, made on demand only for such runs: the cue's subject (or the
agent of a passive cue: "was told by Emergencies Minister Yevgeny Zinichev"), without relative
clauses. What the parse cannot settle is trimmed at its edges or dropped.
"""
from __future__ import annotations

from ...model import Doc, Options, Token
from ...nlp import parse_sentences
from .attribution import EntityIndex, SpeakerMention, mention_in, word
from .lexicon import QuoteLexicon, tokens

_SUBJECTS = ("nsubj", "nsubj:pass", "csubj")
_AGENT = ("obl:agent", "obl")
_CUT = frozenset({"acl:relcl", "acl", "appos", "punct", "advmod", "parataxis", "conj", "cc", "advcl", "dep"})


def fragment(words: list[Token], lex: QuoteLexicon) -> bool:
    """Words that are not a noun phrase: a comma, cue or auxiliary inside, a preposition, relative or
    conjunction first, a function word or adverb last, or a lower-case verb form after the head."""
    if not words:
        return False
    first, last = words[0].low, words[-1].low
    if any(not word(t) and t.text not in "-'’." for t in words):
        return True
    particle = first in lex.name_particles and len(words) > 1 and words[1].text[0].isupper()  # "van Boxtel"
    if first in lex.relatives or first in lex.complementizers or first in lex.joiners or \
            (first in lex.prepositions and words[0].text[0].islower() and not particle):
        return True
    if len(words) > 1 and (last in lex.determiners or last in lex.prepositions or last in lex.adverbs
                           or last in lex.auxiliaries or last.endswith(lex.adverb_suffixes)):
        return True
    return any(lex.cue(t.low) or t.low in lex.auxiliaries
               or (t.text[0].islower() and t.low.endswith(lex.finite_suffixes) and k > 0)
               for k, t in enumerate(words))


def _trim(words: list[Token], lex: QuoteLexicon) -> list[Token]:
    """The longest clean run at the end (the words nearest a following cue)."""
    start = 0
    for k, t in enumerate(words):
        if not word(t) or lex.cue(t.low) or t.low in lex.auxiliaries or t.low in lex.relatives \
                or t.low in lex.complementizers or (t.text[0].islower() and t.low.endswith(lex.finite_suffixes)):
            start = k + 1
    out = words[start:]
    while out and (out[0].low in lex.prepositions or out[0].low in lex.joiners):
        out = out[1:]
    while len(out) > 1 and (out[-1].low in lex.determiners or out[-1].low in lex.prepositions
                            or out[-1].low in lex.adverbs or out[-1].low.endswith(lex.adverb_suffixes)):
        out = out[:-1]
    return out


class Extent:
    """Checks speaker mentions of one document, parsing a sentence only when a mention is doubtful."""

    def __init__(self, doc: Doc, options: Options, lex: QuoteLexicon, ents: EntityIndex) -> None:
        self.doc, self.options, self.lex, self.ents = doc, options, lex, ents

    def check(self, m: SpeakerMention | None, cue_pos: int) -> SpeakerMention | None:
        """The mention itself when it is a noun phrase; else the cue's subject from the parse,
        else its clean end, else None."""
        if m is None or m.kind == "pronoun":
            return m
        words = tokens(self.doc.text, m.start, m.end, self.lex)
        if words and words[0].low.replace("’", "'").split("'")[0] in self.lex.first_person:
            return None  # "I've", "you briefly": the words of someone quoted, not a speaker
        if m.kind == "entity" or not fragment(words, self.lex):
            return m
        parsed = self._from_parse(cue_pos) if cue_pos >= 0 else None
        if parsed is not None:
            return parsed
        rest = _trim(words, self.lex)
        if not rest or fragment(rest, self.lex):
            return None
        return mention_in(rest, self.lex, self.doc.text, self.ents) or None

    def _from_parse(self, cue_pos: int) -> SpeakerMention | None:
        sent = self.doc.sentence_of(cue_pos)
        if sent is None:
            return None
        si = self.doc.sentences.index(sent)
        span = parse_sentences(self.doc, [si], self.options).get(si)
        if span is None:
            return None
        cue = next((t for t in span if t.idx == cue_pos), None)
        if cue is None:
            return None
        head = cue
        if not any(c.dep_ in _SUBJECTS for c in head.children) and head.dep_ in ("advcl", "xcomp", "conj", "acl"):
            head = head.head  # "…, adding that" / "and said": the subject of the verb it hangs on
        subj = next((c for c in head.children if c.dep_ == "nsubj:pass"), None)
        agent = next((c for c in head.children if c.dep_ in _AGENT
                      and any(k.dep_ == "case" and k.lower_ in self.lex.agent_preps for k in c.children)), None)
        pick = agent if subj is not None and agent is not None else \
            next((c for c in head.children if c.dep_ in _SUBJECTS), None)
        if pick is None:
            return None
        cut = {t.i for a in pick.subtree if a.dep_ in _CUT and a.i != pick.i for t in a.subtree}
        keep = [t for t in pick.subtree if t.i not in cut and not (t.dep_ == "case" and t.head.i == pick.i)]
        if not keep:
            return None
        lo, hi = min(t.idx for t in keep), max(t.idx + len(t.text) for t in keep)
        words = tokens(self.doc.text, lo, hi, self.lex)
        m = mention_in(words, self.lex, self.doc.text, self.ents)
        if m is None or (m.kind in ("np", "name") and fragment(tokens(self.doc.text, m.start, m.end, self.lex), self.lex)):
            return None
        return m
