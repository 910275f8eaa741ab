"""Which country an actor acts for where the text does not say, and at whom an act with no one named
is aimed: the one country a sentence names, the story's or the publication's (`Sentence.index.home`),
the parts of a compound actor, the home of a state's act at home. Read by arguments.assign_actors and,
for aim_at_home, by the stage once an event is kept."""
from __future__ import annotations

from dataclasses import replace

from ... import plover
from ...model import ActorRef, Token
from .article import country_ref
from .candidates import Candidate
from .context import Sentence
from .lexicon import EventLexicon
from .mentions import NOT_AT_HOME, ActorMention

# acts that may have no one on the other side: a mobilization is not done to anyone, and talks with no
# partner named are not held with the own country's people (a visit is paid to a place: it stays directed)
UNDIRECTED = frozenset({"MOBILIZE", "CONSULT"})
# acts an actor may aim at itself (a country's crackdown at home, a protest against one's own government)
SELF_DIRECTED = frozenset({"PROTEST", "COERCE"})
# acts that judge or ask for someone else's act: aimed at its doer ("condemned the attack"), where a
# retreat or concession concerns one's own ("called off the strike": aimed at home as before)
JUDGING = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST"})


def can_act(m: ActorMention) -> bool:
    """A mention that may do an act: not a town (a place the KB knows only as a place: Cali, Lahore);
    a capital acts as its government, and any place may undergo an act."""
    return not (m.place and all(a.id is None for a in m.actors))


def unplaced(a: ActorRef) -> bool:
    """An actor the KB does not know and the text gave no country."""
    return a.id is None and not a.country and a.sector not in ("IGO", "NGO")


def placed(m: ActorMention) -> bool:
    """An actor whose country (or international body) is known."""
    return any(a.country or a.sector in ("IGO", "NGO") for a in m.actors)


def countries(actors: list) -> set:
    return {a.country for a in actors if a.country}


def settle_countries(sent: Sentence, c: Candidate) -> None:
    """An actor of no known country acts for the one country its sentence names, else for the
    publication's (not rebels: NOT_AT_HOME). Where that one country is the other side's and the
    story's or publication's country is known, it tells who was acted on, not who acted: the source
    is of that home ("Picqué veroordeelde Israël" in a Belgian paper; but rebels fight their own
    state, and a pronoun names someone of the story; with no home, as in a wire sentence, the one
    acted on is most often of the doer's own country: "a judge opened investigations against Chilean
    officials"), and a target the publication's where the source is people of that nationality ("een
    Turk stak een man neer": a man where the paper is; "het leger van Fiji onderhandelt met een
    couppleger": one of Fiji). An actor is never its own target (a country, a person: the same id
    both sides)."""
    named = _named(sent)
    one = next(iter(named)) if len(named) == 1 else None
    outlet = sent.index.home
    where = c.target_words
    located = where is not None and (where.place_prep or not can_act(where))  # "in Colombia", a town: where, not whom
    # people named by their nationality ("een Turk stak toe") act where the paper is; a state at home
    nationals = c.source_words is not None and c.source_words.kind == "demonyms"
    said = c.source_words
    # "they" is someone of the story told; "we" of an unknown speaker is not the one they address
    pronoun = said is not None and said.kind == "pronoun"
    we = pronoun and sent.toks[said.lo].low in sent.lex.pronouns.get("speaker", frozenset())

    def settle(a: ActorRef, country: str | None) -> ActorRef:
        return replace(a, country=country) if country and unplaced(a) and (
            named or a.sector not in NOT_AT_HOME) else a

    def source_home(a: ActorRef) -> str | None:
        done_to = (we or outlet and not pronoun) and not located and named <= countries(c.target)
        return one if one and (a.sector in NOT_AT_HOME or not done_to) else outlet

    target_home = one if one and not (nationals and named <= countries(c.source)) else outlet
    if located and where.place and target_home is not None and target_home in countries(c.source) \
            and c.type not in SELF_DIRECTED:  # "trokken zich terug uit Cherson": a town the KB lacks is not
        target_home = None  # the doer's own for want of another country (a crackdown or a protest at home may be)
    src_kin, tgt_kin = _kin(c.source), _kin(c.target)  # "Kyiv en een dorp dat de KB niet kent": the known town's country
    c.source = [settle(a, src_kin or source_home(a)) for a in c.source]
    c.target = [settle(a, tgt_kin or target_home) for a in c.target]
    ids = {a.id for a in c.source if a.id}
    if ids and ids == {a.id for a in c.target if a.id} and c.type not in SELF_DIRECTED:
        c.target, c.target_words = [], None


def _kin(actors: list[ActorRef]) -> str | None:
    """The one country the known parts of a compound actor share, for its parts of no known country."""
    countries = {a.country for a in actors if a.country}
    return next(iter(countries)) if len(countries) == 1 and len(actors) > 1 else None


def _named(sent: Sentence) -> frozenset[str]:
    """The countries a sentence names: its actors' and places' (an unnamed institution read at the
    publication's country names none)."""
    if sent.named is None:
        outlet = sent.index.home
        sent.named = frozenset(a.country for m in sent.local for a in m.actors
                               if a.country and not (m.kind == "sector" and a.id is None and a.country == outlet))
    return sent.named


def aim_at_home(sent: Sentence, c: Candidate, cands: list[Candidate]) -> None:
    """An act of one country's actor in a sentence that names no other country is aimed at home
    ("the police arrested a man", "Duterte accused the network", "de minister wees het voorstel
    af"): its target is that country's own people, an actor of the country but not the country
    itself, so a state's act at home is no self-loop. An act of war (PLOVER's military context: a
    ceasefire, an air strike) has an armed counterpart, not the home. Called once the event is kept:
    a weak frame that needs someone addressed ("vroeg zich af") is not made an event by this default.
    A judgement of another act ("veroordeelde de aanval", "welcomed the decision") is aimed at
    whoever did that one, whom the clause does not name: no home either."""
    own = countries(c.source)
    if c.target or c.type in UNDIRECTED and c.mode != "visit" or len(own) != 1:
        return
    if c.type in JUDGING and not c.noun and any(d is not c and d.noun and sent.clause[d.head - sent.lo] == sent.clause[c.head - sent.lo]
                          for d in cands):
        return
    row = plover.lookup(c.code)
    if row is not None and "military" in row.context:
        return
    named = countries([a for m in sent.local for a in m.actors])
    if named and named != own:
        return
    home = country_ref(next(iter(own)), sent.kb)
    c.target = [replace(home, id=None)]


def domestic(toks: list[Token], local: list[ActorMention], lex: EventLexicon, c: Candidate, lo: int) -> list[ActorRef]:
    """'President X banned Ugandan opposition candidates': an unknown official or agent acting
    in a sentence that names one country only is taken to act for that country."""
    countries = {a.country for m in local for a in m.actors if a.country}
    if len(countries) != 1:
        return []
    sector = next((lex.sectors[t.low] for t in toks[lo:c.head] if t.low in lex.sectors), None)
    if sector is None:
        return []
    country = countries.pop()
    return [ActorRef(country, country, country, sector)]
