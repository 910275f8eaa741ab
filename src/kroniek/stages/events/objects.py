"""What the verb or phrase around a nominal act says about its parties: a subject that survived,
judged or reported an act did not do it ("Wiranto survived the attack", "noemde de eis onaanvaardbaar"),
one that received it underwent it ("de minister kreeg kritiek"), a by-phrase after it names its doer, and
a judged decision's owner is the one judged. Read by arguments.assign_actors."""
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


def decision_owner(sent: Sentence, c: Candidate, prev: Candidate | None) -> tuple[ActorMention | None] | None:
    """ "China condemned the US decision to send troops", "criticised the decision to impose sanctions": an act
    after a noun of deciding (data infinitive_facts, after an article, a possessive or a name) that is the
    object of an earlier act of its clause is not that act's subject's. Its doer is the noun's owner (an
    adjective, a genitive or a possessive right before it), else unknown. None where this does not apply."""
    toks, lex, lo = sent.toks, sent.lex, sent.lo
    k = c.head - 2
    if prev is None or k <= lo or prev.head >= k or toks[c.head - 1].low not in lex.infinitive_markers \
            or toks[k].low not in lex.infinitive_facts or sent.clause[prev.head - lo] != sent.clause[k - lo]:
        return None
    owner = next((m for m in sent.local if m.hi == k), None)  # "the US decision", "Trump's decision", "its decision"
    if owner is None and toks[k - 1].low not in lex.determiners:
        return None  # "voted to", "decided to": a verb, the subject's own decision
    return (owner,)


def undergoes_act(sent: Sentence, subject: ActorMention, c: Candidate) -> bool:
    """ "Wiranto survived the attack", "Tunisia is facing terrorist attacks": a subject of a verb of undergoing
    (data undergo_verbs) before a nominal act is who the act was done to."""
    return any(t.low in sent.lex.undergo_verbs for t in sent.toks[subject.hi:c.head])


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


MEANS_REACH = 8  # tokens from a passive act to the operation named as its means


def means_doer(sent: Sentence, c: Candidate) -> ActorMention | None:
    """ "was killed in a US counter-terrorism operation", "were detained during a Turkish police raid": a
    country's adjective or name before a noun of operation (data means_nouns) behind a preposition of means,
    in the act's clause, names who did it."""
    toks, lex, lo = sent.toks, sent.lex, sent.lo
    cl = sent.clause[c.head - lo]
    for m in sent.local:
        if not c.last < m.lo <= c.last + MEANS_REACH or sent.clause[m.lo - lo] != cl:
            continue
        j = m.lo - 1
        while j > c.last and toks[j].low in lex.determiners:
            j -= 1
        owner = j < m.lo - 1 or m.kind in ("adjectives", "demonyms") or m.genitive  # "a US operation", "Turkish"
        if toks[j].low in lex.means_prepositions and owner \
                and any(t.low in lex.means_nouns for t in toks[m.hi:min(sent.hi, m.hi + 4)]):
            return m
    return None


def reported_subjects(sent: Sentence, c: Candidate, before: list[ActorMention]) -> list[ActorMention]:
    """ "NPR reported Abdul-Mahdi recommended ...", "Trump said Iran attacked": in a clause told without
    "that", the act's subject stands after the verb of saying (data speech_verbs); the one who tells is no
    doer of it. "for Cisco to file a lawsuit": the name before an infinitive marker is its subject."""
    toks, lex = sent.toks, sent.lex
    k = next((j for j in range(c.head - 1, sent.lo - 1, -1) if toks[j].low in lex.speech_verbs and toks[j].text.islower()
              and sent.clause[j - sent.lo] == sent.clause[c.head - sent.lo]), None)
    told = [m for m in before if k is not None and m.lo > k]
    marked = [m for m in told or before if infinitive_subject(sent, m)]
    return marked or told or before


def infinitive_subject(sent: Sentence, m: ActorMention) -> bool:
    """ "for Cisco to file": a mention after a word of data infinitive_subjects, right before an infinitive marker."""
    return m.prep in sent.lex.infinitive_subjects and m.hi < len(sent.toks) \
        and sent.toks[m.hi].low in sent.lex.infinitive_markers


FAR_AGENT = 25  # tokens from a passive to a by-phrase set off from it by commas


def far_agent(sent: Sentence, c: Candidate, m: ActorMention) -> bool:
    """A mention after a passive trigger past commas only (adverbials of place and time: "was shot at the
    custody centre, at roughly 2am, on Friday by a prisoner"): no word that opens a clause (that, which, who)
    and no verb between, so a by-phrase there is still the passive's agent."""
    toks, lex = sent.toks, sent.lex
    if not c.last < m.lo <= c.last + FAR_AGENT:
        return False
    return not any(t.text[:1].isalpha() and t.low in lex.clause_breaks or t.low in lex.passive_aux
                   or t.low in lex.subject_auxiliaries or lex.is_past(t.low) for t in toks[c.last + 1:m.lo])
