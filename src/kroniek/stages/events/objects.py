"""Whose a nominal act is, by the verb that takes it: a subject that survived, judged or reported an act
did not do it ("Wiranto survived the attack", "noemde de eis onaanvaardbaar"), and one that received it
underwent it ("het IMF kreeg kritiek"). Read by arguments.assign_actors."""
from __future__ import annotations

from .candidates import Candidate
from .context import Sentence
from .mentions import ActorMention


def topic_of(sent: Sentence, c: Candidate, src: ActorMention) -> bool:
    """A nominal trigger ("the attack", "a suicide attack") after its clause's subject with no
    verb of doing it between (data light_verbs: launched, carried out, staged): the subject survived,
    reported or mourned the act, it did not do it. Off for a language without light verbs (Dutch: in a
    verb-final clause an object with its article stands before the infinitive, so the test does not hold);
    there a listed verb that judges or reports a definite act tells it (_judged)."""
    toks, lex = sent.toks, sent.lex
    if lex.topic_verbs and _judged(sent, c, src):
        return True
    if not lex.light_verbs or not any(src.hi <= j < c.head and toks[j].low in lex.determiners
                                      for j in (c.head - 1, c.head - 2)):
        return False
    return not any(t.low in lex.light_verbs for t in toks[src.hi:c.head])


def _judged(sent: Sentence, c: Candidate, src: ActorMention) -> bool:
    """A definite act as the object of a verb that judges or reports it ("noemde de eis onaanvaardbaar",
    "reageerde op de kritiek", "heeft de aanval laf genoemd"; data topic_verbs, definites): an act already
    known, someone else's, not the subject's own. The verb stands between the subject and the act, or
    ends the clause (verb-final)."""
    toks, lex, lo = sent.toks, sent.lex, sent.lo
    j = c.head - 1
    if j > src.hi and toks[j].low not in lex.definites and toks[j].text.isalpha() and toks[j].text.islower() \
            and toks[j].low not in lex.determiners:
        j -= 1  # an adjective between: "de harde kritiek"
    if j < src.hi or toks[j].low not in lex.definites:
        return False
    cl = sent.clause[c.head - lo]
    after = (i for i in range(c.last + 1, sent.hi) if sent.clause[i - lo] == cl)
    return any(t.low in lex.topic_verbs for t in toks[src.hi:j]) or any(toks[i].low in lex.topic_verbs for i in after)


RECEIVE_REACH = 4  # words between a verb of receiving and the act it takes


def receives(sent: Sentence, c: Candidate, cl: int) -> bool:
    """A nominal act that a verb of receiving in its clause takes ("kreeg kritiek", "heeft steun gekregen",
    "ontving bezoek van"; data receive_verbs): its subject is who it is done to, not its doer."""
    lex, toks, lo = sent.lex, sent.toks, sent.lo
    nominal = c.noun or (c.head > lo and toks[c.head - 1].low in lex.determiners)
    near = range(max(lo, c.head - RECEIVE_REACH), min(sent.hi, c.last + RECEIVE_REACH + 1))  # kreeg eerder dit jaar kritiek
    return nominal and bool(lex.receive_verbs) and any(
        toks[i].low in lex.receive_verbs for i in near if sent.clause[i - lo] == cl and i not in c.idxs)
