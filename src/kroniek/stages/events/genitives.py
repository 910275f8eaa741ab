"""Genitives of nominal acts: "de vrijlating van X" (done to X), "het bezoek van X", "de kritiek van X"
(X's own), "de steun van X aan Y" (X to Y). Read by arguments.assign_actors."""
from __future__ import annotations

from .candidates import Candidate
from .context import Sentence
from .mentions import ActorMention


def usable_actor(m: ActorMention) -> bool:
    """Any actor counts, known or not (an unknown one keeps its words); a bare place does not act, a
    seat that stands for a body does ("Brussel eist": the EU)."""
    return bool(m.actors) and not (m.place and not any(a.country or a.sector == "IGO" for a in m.actors))


def patient_genitive(sent: Sentence, c: Candidate) -> ActorMention | None:
    """The actor of a genitive right after a nominal act done to someone (release, arrest,
    extradition: data patient_genitive_types), nominal by its pattern or the article before it ("the release")."""
    nominal = c.noun or (c.head > sent.lo and sent.toks[c.head - 1].low in sent.lex.determiners)
    return _genitive(sent, c) if nominal and c.type.casefold() in sent.lex.patient_genitive_types else None


def agent_genitive(sent: Sentence, c: Candidate) -> ActorMention | None:
    """The actor of a genitive right after a nominal act that is the genitive's own ("at the request
    of Johnson", "het bezoek van Rutte": data agent_genitive_types; "de kritiek van de oppositie": the
    nouns of agent_nouns, whatever their type); nominal by the article, preposition or verb of receiving
    before it ("kreeg kritiek van de oppositie")."""
    toks, lex = sent.toks, sent.lex
    own = c.type.casefold() in lex.agent_genitive_types or toks[c.head].low in lex.agent_nouns
    before = toks[c.head - 1].low if c.head > sent.lo else ""
    if not own or not (before in lex.determiners or before in lex.prepositions or before in lex.receive_verbs):
        return None
    return _genitive(sent, c)


def genitive_and_aim(sent: Sentence, c: Candidate) -> tuple[ActorMention, ActorMention] | None:
    """A nominal act with a genitive and then a phrase of whom it is aimed at ("de kritiek van X op
    Y", "de steun van X aan Y", "sancties van X tegen Y"; data aim_prepositions): X did it to Y."""
    lex = sent.lex
    nominal = c.noun or (c.head > sent.lo and sent.toks[c.head - 1].low in lex.determiners)  # "de steun"
    if not nominal or not lex.aim_prepositions:
        return None
    owner = _genitive(sent, c)
    if owner is None:
        return None
    cl = sent.clause[owner.lo - sent.lo]
    aim = next((m for m in sent.local if m.lo >= owner.hi and m.lo - owner.hi <= 3
                and sent.clause[m.lo - sent.lo] == cl and m.prep in lex.aim_prepositions and usable_actor(m)), None)
    return None if aim is None else (owner, aim)


def _genitive(sent: Sentence, c: Candidate) -> ActorMention | None:
    """The actor mention of a genitive ("of X", "van X") right after the trigger's head or its last
    word ("verzoek van X schorste": a frame's noun), a title before the name allowed ("of Prime
    Minister Boris Johnson")."""
    toks, lex = sent.toks, sent.lex
    j = next((j for j in (c.head + 1, c.last + 1) if j < sent.hi and toks[j].low in lex.genitive_prepositions), None)
    if j is None:
        return None
    k = j + 1
    while k < sent.hi and toks[k].low in lex.determiners:
        k += 1
    m = next((m for m in sent.local if m.lo > j), None)  # a mention may hold its article: "van de vakbonden"
    titled = m is not None and all(t.text[:1].isupper() for t in toks[k:m.lo])
    return m if m is not None and m.lo <= k + 3 and titled and usable_actor(m) else None
