"""Arguments from syntax: the subject, object and agent of a trigger, from the shipped parser.

Only sentences where the voice is in doubt are parsed (`kroniek.nlp.parse_text`, on demand). A
dependent maps to the actor mention whose words hold it. The rules in stage.py keep the last word
where the parse is weak; what the parse decides is the voice (a passive's subject is the target,
its by/door-phrase the source) and, where the rules found no one, the subject and object.
"""
from __future__ import annotations

from dataclasses import dataclass

from ... import nlp
from ...model import Doc, Options, Token
from .lexicon import EventLexicon
from .mentions import ActorMention

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "csubj:pass"})
OBJECTS = frozenset({"obj", "iobj"})


@dataclass(slots=True)
class Roles:
    """What the parse says of one trigger."""

    source: ActorMention | None = None
    target: ActorMention | None = None
    passive: bool = False


@dataclass(slots=True)
class Parse:
    """A sentence's parse and where the sentence starts in the article."""

    tokens: object
    offset: int


def parse(doc: Doc, index: int, options: Options) -> Parse | None:
    """The sentence parsed on its own (None when parsing is off or there is no model)."""
    if not options.parse or not doc.lang:
        return None
    start, end = doc.sentences[index]
    try:
        return Parse(nlp.parse_text(doc.lang, doc.text[start:end], options), start)
    except nlp.ModelMissing:
        return None


def roles(parsed: Parse, toks: list[Token], head: int, mentions: list[ActorMention],
          lex: EventLexicon) -> Roles:
    """Subject, object and agent of the trigger at toks[head], as mentions of this sentence."""
    at = {t.idx + parsed.offset: t for t in parsed.tokens}  # type: ignore[attr-defined]
    verb = at.get(toks[head].start)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):  # type: ignore[attr-defined]
        return Roles()  # a nominal trigger: its actors are the rules' to find
    spans = [(toks[m.lo].start, toks[m.hi - 1].end, m) for m in mentions]

    def mention_of(token: object) -> ActorMention | None:
        pos = token.idx + parsed.offset  # type: ignore[attr-defined]
        return next((m for s, e, m in spans if s <= pos < e), None)

    out = Roles()
    for child in verb.children:  # type: ignore[attr-defined]
        dep = child.dep_
        if dep in PASSIVE_SUBJECTS:
            out.passive = True
            out.target = out.target or mention_of(child)
        elif dep in SUBJECTS:
            out.source = out.source or mention_of(child)
        elif dep in OBJECTS:
            out.target = out.target or mention_of(child)
        elif dep.startswith("obl") and (dep == "obl:agent" or any(
                c.dep_ == "case" and c.lower_ in lex.passive_by for c in child.children)):
            out.passive = out.passive or dep == "obl:agent" or any(c.dep_ == "aux:pass" for c in verb.children)
            if out.passive:
                out.source = mention_of(child) or out.source
    return out
