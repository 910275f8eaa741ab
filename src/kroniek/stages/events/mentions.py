"""Actor mentions for the event coder: who a sentence names, as KB actors with countries.

Mentions come from the actors stage (doc.entities) first; country adjectives, demonyms,
capitals and names the actors stage does not mark ("Russische aanvallen", "Kyiv meldde")
are found through the knowledge base's word index. The KB is handed in, never looked up.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ...kb import KB, Actor
from ...lexicons import Memo
from ...model import ActorRef, Doc, Quote, SpanIndex, Token
from ..actors.lexicon import lexicon as actor_lexicon
from .dutch import stem_of
from .lexicon import EventLexicon, tokenize

DIAERESIS = "\u0308"
_GENITIVE = re.compile(r"(?:['’]s|s['’]?|['’])$")


@dataclass(slots=True)
class ActorMention:
    """An actor named in the text: token range, the actors (several for a compound)."""

    lo: int
    hi: int
    actors: list[ActorRef]
    kind: str  # entity, aliases, adjectives, demonyms, pronoun
    prep: str | None = None  # the preposition governing it
    place: str | None = None  # the place's name when it names a place
    place_prep: bool = False  # governed by a location preposition (in Londen)
    person: bool = False
    genitive: bool = False  # Poetins, Taiwan's: a possessor, never the subject
    sector_word: str | None = None  # the sector of a word after it (Britse regeringen): shared by a compound
    appositive: bool = False  # inside ", leider van de VVD,": describes the subject, is none
    words: str | None = None  # the noun phrase when it is wider than the tokens' names ("de politie")


# sectors the publication's country does not settle: rebels fight where a war is, seldom at the outlet's home
NOT_AT_HOME = frozenset({"REB"})
MEMO = 1 << 15  # surface texts remembered per finder (then forgotten at once)


class MentionFinder:
    """Finds actor mentions in tokens with one KB (handed in by the stage); its word index is
    built on first use and kept."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self._first_words: dict[str, list[tuple[tuple[str, ...], Actor, str]]] | None = None
        self._genitives: Memo[str, bool] = Memo(MEMO)  # surface text → _is_genitive
        self._places: Memo[str, str | None] = Memo(MEMO)  # surface text → the KB's place name

    def _words(self) -> dict[str, list[tuple[int, dict[tuple[str, ...], list[tuple[Actor, str]]]]]]:
        """First word → [(length, all words → [(actor, kind)])], longest first, for every KB name: a
        token asks only the names of each length that start with it. Built on first use."""
        if self._first_words is not None:
            return self._first_words
        out: dict[str, dict[int, dict[tuple[str, ...], list[tuple[Actor, str]]]]] = {}
        for name, hits in _variants(self.kb):
            words = tuple(t.low for t in tokenize(name))
            if words:
                table = out.setdefault(words[0], {}).setdefault(len(words), {})
                table.setdefault(words, []).extend(hits)
        self._first_words = {w: sorted(by_n.items(), reverse=True) for w, by_n in out.items()}
        return self._first_words

    def _kb_ref(self, actor: Actor, as_place: bool) -> tuple[ActorRef | None, str | None]:
        """The actor a KB record stands for (a capital stands for its government) and its place name."""
        country = actor.country or actor.stands_for
        place = actor.name if actor.type == "LOC" else None
        if actor.stands_for and not as_place:
            gov = self.kb.get(actor.stands_for)
            name = gov.name if gov else actor.name
            return ActorRef(actor.stands_for, name, actor.stands_for, "GOV"), place
        return ActorRef(actor.id, actor.name, country, actor.sector), place

    def _entity_ref(self, ref: ActorRef) -> ActorRef:
        """An entity's actor with the KB's country where the entity gave none; a person in an
        international office on the article's date acts for the body, not for their own country."""
        if ref.country or ref.sector == "IGO":
            return ref
        actor = self.kb.get(ref.id)
        country = actor.country or actor.stands_for if actor else None
        return ActorRef(ref.id, ref.name, country, ref.sector)

    def _is_genitive(self, text: str) -> bool:
        """'Poetins', "Taiwan's": the name is known to the KB only without its genitive ending."""
        def genitive(text: str) -> bool:
            key = text.casefold()
            stripped = _GENITIVE.sub("", key)
            return stripped != key and self._known(stripped) and not self._known(key)

        return self._genitives.get_or(text, genitive)

    def _adjective_not_name(self, kind: str, toks: list[Token], lo: int, last: int) -> bool:
        """ "Albanese rebellen", "Franse troepen": a one-word person's name that is also a country
        adjective, before a common noun, is the adjective (the KB word index finds it)."""
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        return (kind == "PER" and last == lo and nxt is not None and nxt.text.isalpha() and nxt.text.islower()
                and any(k == "adjectives" for _, k in self.kb.index.get(toks[lo].low, ())))

    def _known(self, name: str) -> bool:
        seq = tuple(t.low for t in tokenize(name))
        return bool(seq) and any(seq in table for n, table in self._words().get(seq[0], ()) if n == len(seq))

    def _place_name(self, surface: str, ref: ActorRef) -> str:
        """The KB's name for a place as written ('Londen' → 'London'), else the linked actor's."""
        name = self._places.get_or(surface, lambda s: next((a.name for a in self.kb.lookup(s) if a.type == "LOC"), None))
        return name or ref.name

    def find(self, doc: Doc, toks: list[Token], lex: EventLexicon, quotes: SpanIndex[Quote],
             home: str | None) -> list[ActorMention]:
        """Actor mentions in text order, with sectors, pronouns resolved and compounds joined; an
        unnamed institution is of `home` (the story's country, else the publication's) unless its
        sentence places it."""
        starts = [t.start for t in toks]
        ends = [t.end for t in toks]
        taken: set[int] = set()
        found: list[ActorMention] = []
        for e in doc.entities:
            lo, last = bisect_left(starts, e.start), bisect_left(ends, e.end)
            if e.actor is None or lo == len(toks) or starts[lo] != e.start or self._adjective_not_name(e.type, toks, lo, last):
                continue
            whole = last < len(toks) and ends[last] == e.end
            if not whole:  # "Netanyahu's" is one token, the entity ends before its possessive
                last = bisect_left(ends, e.end + 2)
                if last == len(toks) or ends[last] != e.end + 2 or not toks[last].low.endswith(("'s", "’s")):
                    continue
            ref = self._entity_ref(e.actor)
            hi = last + 1
            unknown = e.type == "MISC" and not ref.country and ref.sector not in ("IGO", "NGO")
            if unknown and (e.text.casefold().endswith(lex.adjective_endings) and hi < len(toks)
                            and toks[hi].text.isalpha() and toks[hi].text.islower()):
                continue  # "Moldavische boeren": an adjective of no known country names no actor; a name does
            if ref.id is None and not ref.country and any(ch.isdigit() for ch in e.text):
                continue  # "F-16", "MH17", "Covid-19": a type or a code names a thing, no actor
            kind = "adjectives" if e.type == "MISC" and not unknown else "entity"
            if e.type == "LOC" and lo > 1 and toks[lo - 1].low in lex.genitive_prepositions and toks[lo - 2].low in lex.place_nouns:
                ref = ActorRef(None, e.text, ref.country)  # "het vliegveld van Kabul": the town, not its government
            found.append(ActorMention(lo, hi, [ref], kind, place=self._place_name(e.text, ref) if e.type == "LOC" else None,
                                 person=e.type == "PER", genitive=not whole or self._is_genitive(e.text)))
            if ref.country or ref.sector:
                taken.update(range(lo, hi))
        words = self._words()
        free = 0  # the first token not inside a name found here
        for i in [i for i, t in enumerate(toks) if t.text[:1].isupper()]:
            tok = toks[i]
            if i < free or i in taken:
                continue
            key = _GENITIVE.sub("", tok.low)
            hit = None
            head = tok.low.split("-")[0] if "-" in tok.low else None  # US-led, Syrian-backed
            read: dict[int, list[tuple[str, ...]]] = {}  # the next n words (genitive off the last), read once per length
            for first in dict.fromkeys((tok.low, key, head or "")):
                for n, table in words.get(first, ()):
                    if n > 1:
                        if n not in read:
                            got = tuple(t.low for t in toks[i:i + n])
                            read[n] = [(*got[:-1], _GENITIVE.sub("", got[-1]))] if len(got) == n else []
                        seqs = read[n]
                    else:  # one word: as written, without its genitive, or its first part ("US-led")
                        seqs = [(tok.low,), (key,)] + ([(head,)] if head else [])
                    seq = next((q for q in seqs if q in table), None)
                    if seq is not None and not taken.intersection(range(i, i + n)):
                        hit = (n, *table[seq][0])
                        break
                if hit is not None:
                    break
            if hit is None:
                continue
            n, actor, kind = hit
            prep = _governing(toks, i, lex)
            as_place = prep in lex.location_prepositions
            ref, place = self._kb_ref(actor, as_place)
            if ref is not None and (ref.country or actor.type == "ORG"):
                # "de Turk": the actors stage's unknown name gives way to the KB word it is
                found = [m for m in found if m.hi <= i or m.lo >= i + n or any(a.country or a.sector for a in m.actors)]
                found.append(ActorMention(i, i + n, [ref], kind, place=place, person=actor.type == "PER",
                                     genitive=toks[i + n - 1].low != seq[-1]))
            free = i + n
        found.sort(key=lambda m: m.lo)
        found = [m for m in found if m.hi >= len(toks) or toks[m.hi].low not in lex.currency_words]  # "US$400", "US dollars"
        for m in found:
            m.prep = _governing(toks, m.lo, lex)
            if m.prep in lex.genitive_prepositions:
                m.prep = None
            m.place_prep = bool(m.place) and m.prep in lex.location_prepositions
            self._sector(toks, m, lex)
        sector_at = lex.sectors.positions(toks)  # read once: both passes below ask it
        found = _agents_in(toks, found, lex, sector_at)
        found = self._owned(toks, found, lex)
        found = _titled(self._institutions(doc, toks, _bare_titles(toks, found, lex), lex, home, sector_at))
        found = self._pronouns(doc, toks, found, lex, quotes)
        return _compounds(toks, found, lex)

    def _institutions(self, doc: Doc, toks: list[Token], found: list[ActorMention],
                      lex: EventLexicon, home: str | None, sector_at: list[int]) -> list[ActorMention]:
        """Unnamed institutions and groups ("de regering", "de politie", "arbeiders", "protesters")
        are actors with their words: of the publication's country when it is known ("de premier"
        in a Belgian paper then names the Belgian prime minister of the day), else of none."""
        covered = {i for m in found for i in range(m.lo, m.hi)}
        by_start = {m.lo: m for m in found}
        offices = actor_lexicon(doc.lang or "nl", self.kb).roles
        sent_starts = [s for s, _ in doc.sentences]
        places = [(bisect_right(sent_starts, toks[m.lo].start), m.lo, m.actors[0].country, m.place_prep)
                  for m in found if m.place and len(m.actors) == 1 and m.actors[0].country
                  and (m.place_prep or m.prep is None)]

        def local_country(i: int) -> str | None:
            """ "In Macedonië ... het leger": an unnamed institution belongs to the country of the place
            its sentence names (the nearest; not a destination: "een bezoek aan Kinshasa"), else to the
            story's or the publication's (`home`). Where the publication's is known, only a place things happen in overrides
            it: "de regering veroordeelt Rusland" in a Dutch paper is the Dutch government."""
            k = bisect_right(sent_starts, toks[i].start)
            here = [(abs(lo - i), country) for sk, lo, country, located in places
                    if sk == k and (located or not doc.country)]
            return min(here)[1] if here else home
        out = list(found)
        for i in sector_at:
            t = toks[i]
            sector = lex.sectors[t.low]
            if i in covered or not t.text[:1].isalpha() or (t.text[:1].isupper() and i and toks[i - 1].text[:1].isalnum()):
                continue
            # "de politie", "Zembliaanse soldaten": an article or an adjective before it makes the word a noun
            determined = i > 0 and i - 1 not in covered and (
                toks[i - 1].low in lex.determiners or toks[i - 1].low.endswith(lex.adjective_endings))
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            owner = self._owner(toks, i + 1, by_start, lex)
            if (owner is None and not determined and nxt is not None and nxt.text.isalpha() and nxt.text.islower()
                    and not _verb_next(nxt.low, lex) and nxt.low not in lex.postpositives):  # "attorneys general"
                continue  # "militaire activiteiten": a sector word as an adjective names no one
            lo = i - 1 if determined else i
            hi = owner.hi if owner is not None else i + 1
            country = owner.actors[0].country if owner is not None else local_country(i)
            country = None if sector in NOT_AT_HOME and country == doc.country and not owner else country
            ref = ActorRef(None, t.text, country, sector)
            office = offices.get(t.low)
            named = nxt is not None and nxt.text[:1].isupper() and nxt.text.isalpha()  # "President Theodore Roosevelt"
            holders = self.kb.holders(office, country, doc.reference_date) if office and country and not named else []
            if holders:
                ref = ActorRef(holders[0].id, holders[0].name, country, "GOV")
            if owner is not None:
                out.remove(owner)
            out.append(ActorMention(lo, hi, [ref], "sector", prep=_governing(toks, lo, lex), person=bool(holders),
                                    sector_word=sector, words=doc.text[toks[lo].start:toks[hi - 1].end]))
        return sorted(out, key=lambda m: m.lo)

    def _owned(self, toks: list[Token], found: list[ActorMention], lex: EventLexicon) -> list[ActorMention]:
        """An unknown organisation followed by a country's genitive belongs to that country
        ("the Parliament of Iraq", "het Hooggerechtshof van Pakistan")."""
        by_start = {m.lo: m for m in found}
        gone: set[int] = set()
        for m in found:
            if id(m) in gone or m.person or not all(a.id is None and not a.country for a in m.actors):
                continue
            owner = self._owner(toks, m.hi, by_start, lex)
            if owner is None:
                continue
            country = owner.actors[0].country
            sector = lex.sectors.get(toks[m.hi - 1].low)
            m.actors = [replace(a, country=country, sector=a.sector or sector) for a in m.actors]
            m.hi = owner.hi
            gone.add(id(owner))
        return [m for m in found if id(m) not in gone]

    @staticmethod
    def _owner(toks: list[Token], j: int, by_start: dict[int, ActorMention], lex: EventLexicon) -> ActorMention | None:
        """The country an institution belongs to by a genitive after it: "the Parliament of Iraq",
        "de regering van Irak"."""
        if j >= len(toks) or toks[j].low not in lex.genitive_prepositions:
            return None
        k = j + 1
        while k < len(toks) and toks[k].low in lex.determiners:
            k += 1
        owner = by_start.get(k)
        if owner is None or len(owner.actors) != 1 or not owner.actors[0].country or owner.person:
            return None
        return owner

    def _sector(self, toks: list[Token], m: ActorMention, lex: EventLexicon) -> None:
        """'Russische troepen' → RUS MIL: a sector word right after the mention extends it.
        A person's office or government ("Netanyahu's office") acts for the person's country."""
        for j in range(m.hi, min(len(toks), m.hi + 3)):
            sector = lex.sectors.get(toks[j].low)
            if sector:
                if m.person and sector == "GOV" and all(a.country for a in m.actors):
                    m.actors = [ActorRef(a.country, self._country_name(a.country), a.country, "GOV") for a in m.actors]
                    m.person = False
                else:
                    m.actors = [ActorRef(a.id, a.name, a.country, a.sector or sector) for a in m.actors]
                m.hi = j + 1
                m.place = None
                m.genitive = False
                m.sector_word = sector
                return
            if not toks[j].text[:1].isupper():
                return

    def _country_name(self, country: str) -> str:
        actor = self.kb.get(country)
        return actor.name if actor else country

    def _pronouns(self, doc: Doc, toks: list[Token], found: list[ActorMention], lex: EventLexicon,
                  quotes: SpanIndex[Quote]) -> list[ActorMention]:
        """He/she (Dutch "ze" with a singular verb) → the last person named (opening a sentence: the person
        who was the last sentence's subject); it/they → this sentence's last actor, else the last
        one before; we → the quote's speaker; a personal pronoun with none of these is an unknown
        actor with its word (data unresolved_actors; not "it", which is mostly no one)."""
        kinds = {w: k for k, words in lex.pronouns.items() for w in words}
        people = sorted((e.start, e.actor) for e in doc.entities if e.type == "PER" and e.actor)
        people_at = [p[0] for p in people]
        sent_starts = [s[0] for s in doc.sentences]
        out = list(found)
        prior: list[ActorMention] = []
        j = 0
        for i in [i for i, t in enumerate(toks) if t.low in kinds]:
            t, kind = toks[i], kinds[toks[i].low]
            if kind == "group" and t.low in lex.pronouns.get("person", ()) and lex.number_beside(toks, i) == "singular":
                kind = "person"  # Dutch "ze waarschuwde": she, not they
            while j < len(found) and found[j].hi <= i:
                if not found[j].place_prep:
                    prior.append(found[j])
                j += 1
            actors, person = None, False
            if kind == "speaker":
                ref = next((q.speaker for q in quotes.covering(t.start) if q.speaker), None)
                actors = [ActorRef(ref.id, ref.name, ref.country)] if ref else None
            elif kind == "person":
                k = bisect_right(people_at, t.start) - 1
                if not any(True for _ in quotes.covering(t.start)):  # in a quote: whom the speaker last named
                    k = _previous_subject(doc, people, people_at, sent_starts, t.start, lex, k)
                actors, person = ([self._entity_ref(people[k][1])] if k >= 0 else None), True
            else:
                k = bisect_right(sent_starts, t.start) - 1
                first = sent_starts[k] if k >= 0 else 0
                here = [m for m in prior[-6:] if toks[m.lo].start >= first]  # its/their: this sentence's actor
                ante = (here or prior)[-1] if prior else None
                actors = list(ante.actors) if ante else None
            if not actors and t.low in lex.unresolved_actors:  # "They had asked Carrie Lam": someone, words kept
                actors = [ActorRef(None, t.text, None)]
            if actors:
                out.append(ActorMention(i, i + 1, actors, "pronoun", prep=_governing(toks, i, lex), person=person))
        return sorted(out, key=lambda m: m.lo)


def _previous_subject(doc: Doc, people: list[tuple[int, ActorRef]], people_at: list[int], sent_starts: list[int],
                      pos: int, lex: EventLexicon, last: int) -> int:
    """For he/she opening a sentence, the index in `people` of the first person the sentence before names
    outside a prepositional phrase (its subject: "Rutte belde met Netanyahu. Hij veroordeelde …" is
    Rutte); else `last`, the last person named."""
    k = bisect_right(sent_starts, pos) - 1
    if k < 1 or doc.text[sent_starts[k]:pos].strip(" „“\"‘'«"):
        return last
    lo, hi = sent_starts[k - 1], sent_starts[k]
    for n in range(bisect_left(people_at, lo), len(people)):
        start = people[n][0]
        if start >= hi:
            break
        before = doc.text[max(lo, start - 40):start].split()[-4:]  # "met de Israëlische premier Netanyahu"
        if not any(w.casefold() in lex.prepositions for w in before):
            return n
    return last


def _bare_titles(toks: list[Token], found: list[ActorMention], lex: EventLexicon) -> list[ActorMention]:
    """ "Presidents Muhammadu Buhari of Nigeria and Patrice Talon": a title the actors stage took for an unknown
    name, right before a known actor, is that actor's title, no actor of its own."""
    starts = {m.lo: m for m in found}
    def title(low: str) -> bool:  # a role word, or its plural ("Presidents")
        return low in lex.sectors or low.endswith("s") and low[:-1] in lex.sectors
    return [m for m in found if not (m.hi - m.lo == 1 and title(toks[m.lo].low) and m.kind == "entity"
                                     and all(a.id is None and not a.country for a in m.actors)
                                     and m.hi in starts and any(a.id for a in starts[m.hi].actors))]


def _titled(found: list[ActorMention]) -> list[ActorMention]:
    """'de Colombiaanse president Pastrana', 'minister Brinkhorst': a role right before a person's
    name is one mention of that person, who takes the role's country and sector where the KB
    gives none (so the name is no second actor, no object of the act its holder does)."""
    out: list[ActorMention] = []
    for m in found:
        role = out[-1] if out else None
        if (role is not None and role.hi == m.lo and role.sector_word and not role.person and m.person
                and len(m.actors) == 1 and len(role.actors) == 1):
            a, r = m.actors[0], role.actors[0]
            who = replace(a, country=a.country or r.country, sector=a.sector or r.sector)
            out[-1] = replace(m, lo=role.lo, actors=[who], prep=role.prep, genitive=m.genitive)
            continue
        out.append(m)
    return out


def _variants(kb: KB) -> Iterator[tuple[str, list[tuple[Actor, str]]]]:
    """Every KB name with its actors, and the forms a text writes that the KB does not list: the
    name without its diaeresis ("Israelische", "Oekraine", as older and hurried texts spell them)
    and a demonym's singular ("de Turk", "een Duitser", "a Turk" from Turken, Duitsers, Turks)."""
    for name, hits in kb.index.items():
        yield name, hits
        plain = _without_diaeresis(name)
        if plain != name and plain not in kb.index:
            yield plain, hits
    for actor in kb.actors.values():
        for lang, words in actor.demonyms.items():
            for word in words:
                one = _singular(word.casefold(), lang)
                if one and one not in kb.index:
                    yield one, [(actor, "demonyms")]


def _without_diaeresis(name: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).replace(DIAERESIS, ""))


def _singular(plural: str, lang: str) -> str | None:
    """Turken → turk, Afghanen → afghaan, Duitsers → duitser, Turks → turk: a Dutch -en plural
    loses its ending as a verb stem does (the same spelling rules), an -s plural its s."""
    if lang == "nl" and plural.endswith("en") and len(plural) > 4:
        return stem_of(plural)
    if plural.endswith("s") and not plural.endswith("ss") and len(plural) > 4:
        return plural[:-1]
    return None


def _verb_next(low: str, lex: EventLexicon) -> bool:
    """A trigger in a past form (data past_endings, past_words), an auxiliary, a preposition or an article: a bare
    sector word before it is a noun ("Police arrested", "Protesters were", "mensen met messen"), not an
    adjective ("police officers", and "official contact", "military aid": a present form may be a noun)."""
    return (low in lex.passive_aux or low in lex.determiners or low in lex.subject_auxiliaries
            or (low in lex.prepositions and low not in lex.genitive_prepositions)  # "leaders of the AU": the AU's
            or (lex.is_past(low) and low in lex.patterns))


def _governing(toks: list[Token], lo: int, lex: EventLexicon) -> str | None:
    """The preposition before a mention, past its article and a title the name's span leaves out
    ("made by President Trump", "with former Prime Minister X": data appositive_openers)."""
    j = lo - 1
    while j >= 0 and (toks[j].low in lex.determiners or toks[j].low in lex.appositive_openers and j >= lo - 3):
        j -= 1
    if j >= 0 and toks[j].low in lex.prepositions:
        return toks[j].low
    return None


def _agents_in(toks: list[Token], found: list[ActorMention], lex: EventLexicon, sector_at: list[int]) -> list[ActorMention]:
    """'Security forces in Guinea', 'rebels in the Ivory Coast': an agent placed in a country acts for it."""
    by_start = {m.lo: m for m in found}
    covered = {i for m in found for i in range(m.lo, m.hi)}
    out: list[ActorMention] = []
    taken: set[int] = set()  # ids of place mentions that became part of an agent
    possessive = lex.pronouns.get("group", frozenset()) | lex.pronouns.get("person", frozenset())
    for i in sector_at:
        sector = lex.sectors[toks[i].low]
        if i in covered or (i > 0 and toks[i - 1].low in possessive):
            continue
        j = i + 1
        while j < len(toks) and j - i <= 2 and toks[j].low not in lex.agent_places and not _verb_next(toks[j].low, lex):
            j += 1  # "security forces in Guinea"; not across a verb ("the officer was shot in London")
        if j >= len(toks) or toks[j].low not in lex.agent_places:
            continue
        k = j + 1
        while k < len(toks) and toks[k].low in lex.determiners:
            k += 1
        place = by_start.get(k)
        if place is None or id(place) in taken or len(place.actors) != 1 or not place.actors[0].country:
            continue
        a = place.actors[0]
        lo = i - 1 if i > 0 and toks[i - 1].low in lex.sectors else i
        taken.add(id(place))
        out.append(ActorMention(lo, place.hi, [ActorRef(a.country, a.name, a.country, sector)], "agent",
                                prep=_governing(toks, lo, lex)))
    return sorted([m for m in found if id(m) not in taken] + out, key=lambda m: m.lo)


def _compounds(toks: list[Token], found: list[ActorMention], lex: EventLexicon) -> list[ActorMention]:
    """'de Oekraïense, Amerikaanse, Franse en Britse regeringen' → one mention of four actors
    ("de politie, die vier betogers": a relative pronoun after the comma joins nothing); people
    only after "between" ("a meeting between Zelensky and Trump": the two sides)."""
    out: list[ActorMention] = []
    for m in found:
        if out:
            prev = out[-1]
            between = toks[prev.hi:m.lo]
            if (any(t.low in lex.compound_joiners for t in between)  # "de VVD dat zij": no joiner, no compound
                    and all(t.low in lex.compound_joiners or t.low in lex.determiners for t in between)
                    and not prev.place_prep and (prev.prep in lex.between or not (m.person or prev.person))
                    and not (between[0].low == "," and between[1:2] and between[1].low in lex.relative_pronouns)
                    and not (m.genitive and all(t.low == "," for t in between))):  # "hostages, Qatar's prime minister"
                # a sector word after the last part is shared ("Britse regeringen"); an actor's
                # own sector (Hamas: REB) is not spread to the others ("Israel and Hamas")
                sector = m.sector_word
                actors = [ActorRef(a.id, a.name, a.country, a.sector or sector) for a in prev.actors + m.actors]
                place = prev.place if prev.place and m.place else None  # "Lahore en Karachi": places still
                out[-1] = ActorMention(prev.lo, m.hi, actors, m.kind, prev.prep, place=place, sector_word=sector)
                continue
        out.append(m)
    return out
