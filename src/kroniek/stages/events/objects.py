"""What a by-phrase or an object says about the parties of an act: a nominal act's doer named in a
by-phrase after it, and the one judged when the object of a judging verb is someone else's act."""
from __future__ import annotations

from .candidates import Candidate
from .context import Sentence
from .mentions import ActorMention


def done_by(sent: Sentence, c: Candidate, by: ActorMention) -> bool:
    """A by-phrase close after the trigger names its doer: a passive's agent, or a nominal act's by way
    of a participle ("a phone call made by President Trump", "the strikes were carried out by X", "the
    meeting was attended by X"): between the act and `by` only passive auxiliaries, adverbs and at most
    two other words (the participle and its particle); between `by` and the name only an article, a
    title, or the noun whose genitive it is ("by supporters of the PMF")."""
    toks, lex = sent.toks, sent.lex
    j = next((j for j in range(c.last + 1, by.lo) if toks[j].low in lex.passive_by), None)
    if j is None or by.lo - j > 5:
        return False
    between = [t.low for t in toks[j + 1:by.lo]]
    if not any(w in lex.genitive_prepositions for w in between) and any(
            w not in lex.determiners and w not in lex.appositive_openers for w in between):
        return False
    other = [t for t in toks[c.last + 1:j] if t.low not in lex.passive_aux and not t.low.endswith("ly")]
    return len(other) <= (2 if c.noun else 1) and all(t.text.isalpha() for t in other)


def object_act_by(sent: Sentence, c: Candidate, by: ActorMention, passive: bool, after: list[ActorMention]) -> bool:
    """An active verb of judging (data object_act_types: criticised, rejected, praised) with a by-phrase
    after its object: the object is an act ("the decision by X", "the proclamation of Y as Z by X"), and
    the one judged is who did it. No known person or body stands between (a place, an adjective or a
    word the KB does not know may: "the proclamation of Golan Heights as official Israeli territory by X")."""
    toks, lex = sent.toks, sent.lex
    nominal = c.head > sent.lo and (toks[c.head - 1].low in lex.determiners or toks[c.head - 1].low.endswith("'s"))
    if passive or nominal or by.lo <= c.last or c.type.casefold() not in lex.object_act_types:
        return False
    return not any(m.lo < by.lo and m.kind not in ("adjectives", "demonyms") and any(a.id or a.country for a in m.actors)
                   and not (m.place and all(a.id is None for a in m.actors)) for m in after)
