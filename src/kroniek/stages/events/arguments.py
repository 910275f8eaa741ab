"""Source and target of a coded act: from its clause (subject before the trigger, object after
it, the by-phrase of a passive, the genitive of a nominal act done to someone), from a quote's
speaker, the sentence before or the publication's country; an actor is never its own target."""
from __future__ import annotations

from ... import plover
from ...model import ActorRef, Quote, SpanIndex, Token
from .candidates import Candidate
from .context import Sentence
from .genitives import agent_genitive, genitive_and_aim, patient_genitive, usable_actor
from .home import (
    can_act,
    countries,
    domestic,
    placed,
    settle_countries,
    unplaced,
)
from .lexicon import EventLexicon
from .mentions import ActorMention
from .objects import (
    decision_owner,
    done_by,
    far_agent,
    infinitive_subject,
    means_doer,
    object_act_by,
    receives,
    reported_subjects,
    topic_of,
    undergoes_act,
)

# how a past participle ends in the languages kroniek reads (arrested, gearresteerd, gedood, gegeven, taken)
PARTICIPLE_ENDINGS = ("d", "t", "en")


def _passive(sent: Sentence, c: Candidate, cl: int) -> bool:
    """A participle trigger (its head, or the last word of an idiom: "onder vuur genomen") after a
    passive auxiliary: next to it, or anywhere earlier in its clause in a verb-final language ("werd
    gisteren in Amsterdam gearresteerd"). A verb-final clause may put the auxiliary after the
    participle ("die gisteren vrijgelaten werden"), or leave it out before a by-phrase ("bezet door
    Ethiopische soldaten")."""
    toks, lo, lex = sent.toks, sent.lo, sent.lex
    participle = [i for i in dict.fromkeys((c.head, c.last)) if toks[i].low.endswith(PARTICIPLE_ENDINGS)
                  and not (i > lo and toks[i - 1].low in lex.determiners)  # "de gevechten": a noun, no participle
                  and (i == c.head or "ge" in toks[i].low)]  # an idiom ends in a ge-participle, not a particle (wees uit)
    if not participle:
        return False
    aux = lex.passive_aux
    if c.type.casefold() in lex.perfect_passive_types:  # word sets are casefolded
        aux = aux | lex.perfect_passive_aux
    reach = range(lo, c.head) if lex.verb_final else range(max(lo, c.head - 3), c.head)
    finite = next((i for i in reach if toks[i].low in lex.finite_verbs and sent.clause[i - lo] == cl), c.head)
    # after the clause's finite verb a perfect auxiliary is a possessive ("heeft zijn auto in beslag genomen")
    if any(toks[i].low in aux and sent.clause[i - lo] == cl and not (i > finite and toks[i].low not in lex.passive_aux)
           for i in reach):
        return True
    nxt = c.last + 1
    if lex.verb_final and c.last in participle and nxt < sent.hi and sent.clause[nxt - lo] == cl and (
            toks[nxt].low in aux or toks[nxt].low in lex.passive_by):
        return True
    return lex.verb_final and c.last in participle and _headline_participle(sent, c, cl)


def _headline_participle(sent: Sentence, c: Candidate, cl: int) -> bool:
    """A participle that ends a headline, a sentence with no final period and no finite verb before it
    ("Journalist in Moskou vermoord", "Oppositieleider gearresteerd"): the passive with its
    auxiliary left out."""
    toks, lo, lex = sent.toks, sent.lo, sent.lex
    word = toks[c.last].low
    nxt = c.last + 1
    ends = nxt >= sent.hi or sent.clause[nxt - lo] != cl or not toks[nxt].text[:1].isalnum()
    shaped = word.endswith("d") or word.startswith("ge")  # vermoord, gearresteerd, gedood (not bombardeert)
    return ends and shaped and toks[sent.hi - 1].text not in (".", "!", "?") \
        and not any(toks[i].low in lex.finite_verbs for i in range(lo, c.last))


def _by_phrase(sent: Sentence, m: ActorMention) -> bool:
    """A mention in a by-phrase: governed by door/by (an adjective too: "door het Duitse leger"), or
    the genitive of a by-phrase's noun that names no actor ("door een psycholoog van de politie")."""
    lex, toks = sent.lex, sent.toks
    if m.prep in lex.passive_by:
        return True
    if m.prep is not None and m.prep not in lex.genitive_prepositions:
        return False

    def opener(i: int) -> int | None:  # the preposition a few words before token i
        return next((j for j in range(i - 1, max(sent.lo, i - 5) - 1, -1) if toks[j].low in lex.prepositions), None)

    j = opener(m.lo)
    if j is not None and toks[j].low in lex.genitive_prepositions:
        j = opener(j)
    return j is not None and toks[j].low in lex.passive_by and not any(j < o.lo < m.lo for o in sent.local)


def _first(ms: list[ActorMention]) -> ActorMention | None:
    """The subject-like mention: the first not governed by a preposition nor a possessor."""
    return next((m for m in ms if not m.prep and not m.genitive and not m.appositive), None)


def _elided_subject(sent: Sentence, c: Candidate) -> bool:
    """ "…, maar prees Hamas": a verb right after a coordinator shares the first clause's subject; the
    name after it is its object, not an inverted subject."""
    return c.head > sent.lo and sent.toks[c.head - 1].low in sent.lex.verb_joiners


def assign_actors(sent: Sentence, c: Candidate, prev: Candidate | None) -> None:
    """Source and target from the clause: subject, object, by-phrase, quote speaker, context."""
    toks, local, lex, clause, lo, cond = sent.toks, sent.local, sent.lex, sent.clause, sent.lo, sent.cond
    cl = clause[c.head - lo]
    usable = [m for m in local if not c.idxs.issuperset(range(m.lo, m.hi)) and usable_actor(m)]
    quoted = next(iter(sent.index.quotes.covering(toks[c.head].start)), None)
    if quoted is not None and not quoted.direct:  # "Russia said Ukraine attacked": the act is Ukraine's
        inside = [m for m in usable if toks[m.lo].start >= quoted.start]
        usable = inside if any(toks[m.lo].start < quoted.start for m in usable) and inside else usable
    same = [m for m in usable if clause[m.lo - lo] == cl]
    before = [m for m in same if m.lo < c.head]
    after = [m for m in same if m.lo > c.head]
    passive = _passive(sent, c, cl)
    # a by-phrase follows an English participle; a Dutch one may stand before it ("werd door de politie aangehouden")
    by = next((m for m in (same if lex.verb_final else after) if _by_phrase(sent, m)), None)
    if by is None and passive and not lex.verb_final:  # "was shot at the custody centre, at 2am, on Friday by a prisoner"
        by = next((m for m in usable if far_agent(sent, c, m) and _by_phrase(sent, m)), None)
    inverted = _first([m for m in after if can_act(m)]) if lex.verb_second and not passive \
        and not _subject_first(sent, c.head, cl) and not _elided_subject(sent, c) else None
    src: ActorMention | None = None
    tgt: ActorMention | None = None
    adj: ActorMention | None = None
    unknown_subject = False
    if c.modal:  # "China must drop barriers": the one who says so demands it of the subject
        tgt = _first(before)
        if tgt is None:  # "candidates must receive 15 %": a rule or a need of no actor, no demand
            c.source, c.target = [], []
            return
        src = _first([m for m in usable if clause[m.lo - lo] < cl])
    elif passive:
        subjects = [m for m in before if m is not by]  # "werd door de politie gearresteerd": the agent is no subject
        src, tgt = by, _first(subjects) or next((m for m in subjects if not m.place_prep), None)
        if tgt is None:  # "Mugabe co-founded ZANU, but was arrested": the sentence's subject undergoes it
            tgt = _first([m for m in usable if m.lo < c.head and m.lo not in cond and m is not by])
    else:
        adj = next((m for m in before if m.hi >= c.head - 1 and m.kind in ("adjectives", "demonyms")), None)
        adj = adj or (_possessor(sent, c, before) if c.noun else None)
        subjects = reported_subjects(sent, c, before)
        src = adj if c.noun and adj else _first([m for m in subjects if can_act(m)]) or next(
            (m for m in subjects if infinitive_subject(sent, m)), None) or adj  # "for Cisco to file"
        if src is not None and not (c.noun and src is adj) and _after_unknown_subject(sent, c, cl, src):
            src, tgt, unknown_subject = None, src, True  # "De kolonel heeft het Griekse regime geprezen"
    undergoes = c.noun and adj is not None and adj is src and _undergoes(sent, c, adj)
    if undergoes:  # "Navalny's arrest", "his release": the possessor undergoes it, whoever did it
        src, tgt = None, adj
    by_act = _passive_agent_act(sent, c, cl) if c.noun and not passive and not undergoes else None
    if by_act is not None:  # "the depots were hit by drone strikes": the passive's subject undergoes the act
        tgt = _first([m for m in before if m.hi <= by_act and m is not adj])
        src = adj if adj is not None and adj.lo > by_act else None
    rel = _antecedent(sent, c, cl, usable)
    if rel is not None:  # "de politie, die vier mensen aanhield" (verb-final: the object stands before the verb)
        src, tgt = (src, tgt or rel) if passive else (rel, tgt or src)
    if not passive and src is None and inverted is not None and inverted.lo <= c.head + 3:
        src = inverted
    governed = (c.noun and prev is not None and prev.head < c.head and clause[prev.head - lo] == cl
                and (src is None or src.lo < prev.head))
    if governed:  # "X veroordeelde de aanslag": the act named by the object is not X's act
        src = adj if adj is not None and adj.lo > prev.head else None
    elif (decided := decision_owner(sent, c, prev)) is not None:  # "condemned the US decision to send troops"
        governed, src = True, decided[0]
    topic = undergoes or not governed and src is not None and src is not adj and topic_of(sent, c, src)
    if c.noun and src is not None and src is not adj and not governed and undergoes_act(sent, src, c):
        topic, tgt = True, tgt or src  # "Wiranto survived the attack", "Tunisia is facing attacks": done to the subject
    if topic:  # "Wiranto survived the attack": a nominal act another verb takes is not that verb's subject's act
        src = None
    received = not topic and src is not None and not (src is adj and adj.hi == c.head) and receives(sent, c, cl)
    if received:  # "de minister kreeg kritiek", "de minister krijgt steun van de oppositie": the subject undergoes it
        src, tgt = None, src
    if src is None and by is not None and done_by(sent, c, by):
        src = by
    if src is None and c.means is not None:  # "gedood bij een Russische raketaanval": who did the means
        src = next((m for m in usable if m.hi == c.means and m.kind in ("adjectives", "demonyms")), None)
    if src is None and passive and lex.means_nouns:  # "was killed in a US counter-terrorism operation"
        src = means_doer(sent, c)
    parsed = sent.roles.get(c.head)
    if parsed is not None and not governed and parsed.passive:
        passive = True
        src, tgt = parsed.source, parsed.target or tgt

    if src is None and c.needs_subject and not passive and _thing_before(toks, c.head, lo, lex):
        c.source, c.target = [], []  # "this deal will halt the fighting": a prediction, no one's act
        return
    c.source = list(src.actors) if src else []
    if not c.source and not governed and not topic and not received and not unknown_subject and by_act is None:
        speaker = _speaker(sent.index.quotes, toks[c.head].start)
        if speaker:
            c.source = [speaker]
        elif inverted is not None:
            src = inverted
            c.source = list(src.actors)
        elif not passive and (earlier := _first([m for m in usable if m.lo < c.head and m.lo not in cond and can_act(m)])) \
                and not (c.noun and topic_of(sent, c, earlier)):  # "police, in X, responded to reports of a shooting"
            src = earlier  # "A member of the Syrian parliament, Mohammed Mamoun, started ..."
            c.source = list(src.actors)
        elif not passive and earlier and tgt is None and c.noun and undergoes_act(sent, earlier, c):
            tgt = earlier  # "Wiranto, who was visiting X, survived the attack"
        elif prev is not None:
            c.source = list(prev.source)
        elif not passive:
            c.source = domestic(toks, local, lex, c, lo)
    own = countries(c.source)
    if tgt is None and by is not None and object_act_by(sent, c, by, passive, after):
        tgt = by  # "attacked the proclamation ... by Trump": the by-phrase did what the act is aimed at
    if tgt is None:
        options = [m for m in after if m is not src and not (m.kind == "pronoun" and countries(m.actors) == own)]
        options = [m for m in options if not _own_state(m, own)] or options  # "withdrew the US from a treaty with Iran"
        if c.frame in plover.ACT_FRAMES:  # "ordered his staff to delay aid for Ukraine": who carries it out is no target
            options = [m for m in options if m.lo > min(i for i in c.idxs if i > c.head)]
        tgt = next((m for m in options if not m.place_prep), None)
        if tgt is None and (c.type != "CONSULT" or c.mode == "visit"):
            tgt = options[0] if options else None
    if tgt is None and lex.verb_final and src is not None:  # verb-final: "heeft Trump om wapens gevraagd"
        tgt = next((m for m in before if m.lo > src.lo and not m.prep and not m.genitive and not m.appositive
                    and not _same(m, src)), None)
    if tgt is None and c.frame and c.head + 1 < lo + len(clause):
        # "demanded that the US cancel ...": the subject of the complement clause (the act it frames may end it)
        nxt = next((i for i in range(c.head + 1, lo + len(clause)) if clause[i - lo] != cl), None)
        if nxt is not None and toks[nxt].low in lex.complementizers:
            tgt = _first([m for m in usable if clause[m.lo - lo] == clause[nxt - lo]])
    if tgt is None and c.quoted_act is not None:  # „Oekraïne moet zich terugtrekken”, eiste Poetin
        act_clause = clause[c.quoted_act - lo]
        tgt = _first([m for m in usable if clause[m.lo - lo] == act_clause and m.lo < c.quoted_act])
    if tgt is None and c.type == "THREATEN":  # "... unless Baghdad accepts": the one warned
        tgt = _first([m for m in usable if m.lo in cond and countries(m.actors) != own])
    aimed = genitive_and_aim(sent, c)
    patient = patient_genitive(sent, c) if aimed is None else None
    if aimed is not None:  # "de kritiek van Verhofstadt op Parijs", "de steun van Rusland aan Servië"
        src, tgt = aimed
        c.source, c.needs_target = list(src.actors), False
    elif patient is not None:  # "de vrijlating van Hetzel", "the arrest of Mugabe": the one it is done to
        src, tgt = (None if src is patient else src), patient
        src = src or (by if by is not None and by.lo > patient.lo else None)  # ... van Mugabe door de politie
        c.source = list(src.actors) if src else []
    elif (agent := agent_genitive(sent, c)) is not None:  # "at the request of Johnson": Johnson's request
        src, tgt = agent, (None if tgt is agent else tgt)
        c.source, c.needs_target = list(src.actors), False  # named with its owner, no weak frame
    c.target = list(tgt.actors) if tgt else []
    if (c.noun or passive) and not c.source and tgt is not None and tgt.prep in lex.between and len(tgt.actors) > 1:
        # "gevechten tussen het leger en rebellen", "talks between Iran and the US", "was signed between X and Y": the sides
        sides = list(tgt.actors)
        both = c.type in plover.COOPERATIVE
        c.source, c.target = (sides, []) if both else (sides[:1], sides[1:])
        src, tgt = (tgt if both else None), None  # both sides together keep their words
    if not c.source and tgt is not None and c.type.casefold() in lex.crowd_types and _crowd(tgt, lex):
        src, tgt = tgt, None  # "a rally in Minsk", "protests drew thousands of people": the crowd protests
        c.source, c.target = c.target, []
        own = countries(c.source)
    if not c.target and prev is not None and countries(prev.source) == own:
        c.target = list(prev.target)
    if own and c.type.casefold() in lex.place_target_types and all(unplaced(a) for a in c.target):
        tgt = _place_of_act(same, own) or tgt
        c.target = list(tgt.actors) if tgt else []
    if c.type == "MOBILIZE" and c.target and all(_own_forces(a, own) for a in c.target):
        tgt, c.target = None, []  # "sent troops to the border": the troops are what is moved, not its target
    if tgt is not None and tgt.prep in lex.partner_prepositions and (c.act_type or c.type) == "MOBILIZE":
        tgt, c.target = None, []  # "deploy troops with Belarus": a partner in the deployment, not its target
    c.source_words = src if src is not None and c.source == list(src.actors) else None
    c.target_words = tgt if tgt is not None and c.target == list(tgt.actors) else None
    settle_countries(sent, c)


def _own_state(m: ActorMention, own: set[str]) -> bool:
    """The doer's own country named as a state ("Trump withdrew the US from ..."): what it acts with, not on."""
    return bool(own) and all(a.id is not None and a.id == a.country and a.country in own for a in m.actors)


def _own_forces(a: ActorRef, own: set[str]) -> bool:
    """Armed forces of no country or of the doer's own: the forces a deployment moves."""
    return a.id is None and a.sector == "MIL" and (not a.country or a.country in own)


def _subject_first(sent: Sentence, verb: int, cl: int, pronoun: bool = True) -> bool:
    """A verb-second clause that opens with a noun phrase right before its finite verb ("De kolonel
    prees het regime", "Rebellen vielen het leger aan", "De kolonel heeft het regime geprezen"): that
    phrase is the subject, known or not, so the verb's subject does not follow it (as in "Gisteren
    viel Israël Gaza aan"). A noun phrase here: an article or a sector word first, no preposition, a
    few words; a demonstrative alone only with `pronoun` ("Die heeft X beloofd" may front an object)."""
    toks, lex, lo = sent.toks, sent.lex, sent.lo
    start = next(i for i in range(lo, verb + 1) if sent.clause[i - lo] == cl)
    while start < verb and not toks[start].text[:1].isalnum():
        start += 1
    field = toks[start:verb]
    if not field or len(field) > 4 or field[0].low in lex.clause_breaks:  # "dat de oorlog ... is": a complementizer
        return False
    return ((pronoun or len(field) > 1) and field[0].low in lex.determiners or field[0].low in lex.sectors) \
        and not any(t.low in lex.prepositions or not t.text[:1].isalnum() for t in field)


def _crowd(m: ActorMention, lex: EventLexicon) -> bool:
    """A place or unnamed people (data crowd_sectors): who a gathering with no named organiser is."""
    return m.place_prep or bool(m.place) or all((a.sector or "").casefold() in lex.crowd_sectors for a in m.actors)


def _finite(sent: Sentence, c: Candidate, cl: int) -> int:
    """The finite verb of the trigger's clause: its first auxiliary or modal before the trigger, else the trigger."""
    return next((i for i in range(sent.lo, c.head) if sent.clause[i - sent.lo] == cl
                 and sent.toks[i].low in sent.lex.finite_verbs), c.head)


def _after_unknown_subject(sent: Sentence, c: Candidate, cl: int, m: ActorMention) -> bool:
    """A mention after the finite verb of a verb-second clause that opens with a noun phrase naming no
    actor: the subject is that unknown phrase, the mention an object ("De kolonel heeft gisteren het
    Griekse regime geprezen")."""
    if not sent.lex.verb_second:
        return False
    verb = _finite(sent, c, cl)
    return verb < m.lo and _subject_first(sent, verb, cl, pronoun=False)


def _possessor(sent: Sentence, c: Candidate, before: list[ActorMention]) -> ActorMention | None:
    """Who a nominal act belongs to by the words right before it: a genitive or a possessive
    ("Russia's attack", "its recent attack") or a name after an article ("an Al-Qaeda suicide attack")."""
    toks, lex = sent.toks, sent.lex
    for m in reversed(before):
        if m.hi < c.head - 2 or m.prep:
            continue
        if m.genitive or (m.kind == "pronoun" and toks[m.lo].low in lex.possessives and placed(m)):
            return m
        if m.hi == c.head and m.lo > sent.lo and toks[m.lo - 1].low in lex.determiners:
            return m
    return None


def _undergoes(sent: Sentence, c: Candidate, owner: ActorMention) -> bool:
    """A possessor of a noun of what is done to someone (data patient_nouns: arrest, release,
    extradition) is who it is done to, unless an of-phrase names that one ("Russia's release of
    prisoners")."""
    toks, lex = sent.toks, sent.lex
    owned = owner.genitive or toks[owner.lo].low in lex.determiners
    after = c.last + 1 < sent.hi and toks[c.last + 1].low in lex.genitive_prepositions
    return owned and toks[c.head].low in lex.patient_nouns and not after


def _passive_agent_act(sent: Sentence, c: Candidate, cl: int) -> int | None:
    """Where a nominal act is the by-phrase of a passive ("were hit by multiple drone strikes"): the
    index of the by-word, after a participle that follows a passive auxiliary of the same clause."""
    toks, lex, lo = sent.toks, sent.lex, sent.lo
    j = next((j for j in range(c.head - 1, max(lo, c.head - 4) - 1, -1) if toks[j].low in lex.passive_by), None)
    if j is None or j - 2 < lo or sent.clause[j - lo] != cl or not toks[j - 1].low.endswith(PARTICIPLE_ENDINGS):
        return None
    # a verb-final clause may put its auxiliary far before ("werd gisteren zwaar beschadigd door een bomaanslag")
    reach = range(lo, j - 1) if lex.verb_final else range(max(lo, j - 3), j - 1)
    aux = lex.passive_aux | lex.perfect_passive_aux if lex.verb_final else lex.passive_aux
    return j if any(toks[i].low in aux and sent.clause[i - lo] == cl for i in reach) else None


def _antecedent(sent: Sentence, c: Candidate, cl: int, usable: list[ActorMention]) -> ActorMention | None:
    """The actor a relative clause hangs on: the mention right before ", die/who" that opens the
    trigger's clause (data: relative_pronouns); the relative pronoun is that clause's subject."""
    toks, lo = sent.toks, sent.lo
    r = next((j for j in range(c.head - 1, lo, -1) if sent.clause[j - lo] == cl
              and toks[j].low in sent.lex.relative_pronouns and toks[j - 1].low == ","), None)
    return None if r is None else next((m for m in usable if m.hi == r - 1), None)


def _place_of_act(same: list[ActorMention], own: set[str]) -> ActorMention | None:
    """The place in the act's clause ("in Egypte", "in Kabul") of a country other than the source's
    (a known one: an act of no one known stays no event)."""
    return next((m for m in same if m.place_prep and len(m.actors) == 1 and m.actors[0].country
                 and m.actors[0].country not in own), None)


def _thing_before(toks: list[Token], head: int, lo: int, lex: EventLexicon) -> bool:
    """The word before a bare future is a common noun ("deal will"): its subject is a thing,
    not a pronoun, a name or an agent ("they will", "Jawara will", "rebels will")."""
    if head <= lo:
        return False
    t = toks[head - 1]
    pronouns = {w for words in lex.pronouns.values() for w in words}
    return t.text.isalpha() and t.text.islower() and t.low not in pronouns and t.low not in lex.sectors


def _same(m: ActorMention, src: ActorMention) -> bool:
    """The source again: words within it, one of its actors, or a pronoun of its country ("De PVV heeft Markuszower
    teruggetrokken" has a target of the same country; "Rusland heeft het zelf gedaan" none)."""
    ids = {a.id for a in src.actors if a.id}
    return m.lo < src.hi or bool(ids & {a.id for a in m.actors}) or m.kind == "pronoun" and countries(m.actors) == countries(src.actors)


def _speaker(quotes: SpanIndex[Quote], offset: int) -> ActorRef | None:
    """The speaker (with a country) of the quote the offset is in: the act is told in their words."""
    for q in quotes.covering(offset):
        if q.speaker is not None and q.speaker.country:
            s = q.speaker
            return ActorRef(s.id, s.name, s.country)
    return None
