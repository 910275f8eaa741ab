"""Acts whose PLOVER type depends on what they are done to or by whom, settled once the actors are known
(data/<lang>/events.yaml `recodes:`):

- a withdrawal (`zich terugtrekken`, SANCTION 166) from a place, a country or an area ("uit Irak",
  "uit de stad"), or by armed forces, is a military retreat (RETREAT 0872); one from a body or an
  agreement ("uit de coalitie") stays a break; a person who withdraws from nothing named ("trok zich
  terug in een klooster") does no political act;
- an obstruction (blokkeren, afsluiten: PROTEST 144) by the state's own forces or government ("Israël
  blokkeert de toegang", "het leger sloot de grens af") is a blockade it imposes (COERCE 191).
"""
from __future__ import annotations

from dataclasses import replace

from ... import plover
from .candidates import Candidate
from .context import Sentence
from .mentions import ActorMention


def recode(sent: Sentence, c: Candidate) -> Candidate | None:
    """The candidate with its type settled by its actors, or None where it is no event."""
    rules = sent.lex.recodes
    withdrawal, blockade = rules.get("withdrawal"), rules.get("blockade")
    if withdrawal and c.code in withdrawal["codes"] and c.frame is None:
        return _withdrawal(sent, c, withdrawal)
    if blockade and c.code in blockade["codes"] and c.frame is None and _by_state(sent, c, blockade["state"]):
        return _as(c, blockade["to"])
    return c


def _by_state(sent: Sentence, c: Candidate, state: list[str]) -> bool:
    """Done by a state's government, army or police, or by the state itself named as its subject (Israël;
    not a place where it happens, behind a preposition: "in Zuid-West Nederland")."""
    m = c.source_words
    named = m is not None and not any(sent.toks[j].low in sent.lex.prepositions for j in range(max(sent.lo, m.lo - 2), m.lo))
    return any(a.sector in state or named and a.sector is None and a.id is not None and a.id == a.country
               for a in c.source)


def _withdrawal(sent: Sentence, c: Candidate, rule: dict) -> Candidate | None:
    toks, lo = sent.toks, sent.lo
    cl = sent.clause[c.head - lo]
    where = next((i for i in range(lo, sent.hi) if sent.clause[i - lo] == cl and toks[i].low in rule["from"]
                  and i not in c.idxs), None)
    if where is None:  # from nothing named: armed forces retreat, a person retires, a state or party withdraws
        if any(a.sector in rule["armed"] for a in c.source):
            return _as(c, rule["to"])
        return None if c.source_words is not None and c.source_words.person else c
    m = next((m for m in sent.local if m.lo in (where + 1, where + 2)), None)
    if m is not None and _territory(m):
        return replace(_as(c, rule["to"]), target=_country_of(m), target_words=m)
    area = next((t.low for t in toks[where + 1:where + 4] if t.low in rule["areas"]), None)
    if area is not None or any(a.sector in rule["armed"] for a in c.source):
        return _as(c, rule["to"])
    return c


def _territory(m: ActorMention) -> bool:
    """A place or a country (its KB id is its country code), not a body or a person."""
    return bool(m.place) or any(a.id is not None and a.id == a.country for a in m.actors)


def _country_of(m: ActorMention) -> list:
    """Who a retreat from a place leaves: the place's country (its people, no place as an actor)."""
    return [a if a.id == a.country else replace(a, id=None, name=a.country) for a in m.actors if a.country] \
        or list(m.actors)


def _as(c: Candidate, code: str) -> Candidate:
    row = plover.lookup(code)
    return replace(c, code=code, type=row.type, mode=row.mode, act_type=row.type, act_mode=row.mode, act_code=code)
