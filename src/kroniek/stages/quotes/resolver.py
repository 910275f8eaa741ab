"""Who said it, second step: speaker mentions resolved to KB actors, in reading order.

The quote stage finds where a statement is and which words around it may name the speaker
(`attribution.py`); this module turns those words into a `model.Speaker`: a linked entity, a
pronoun or role description resolved against the speakers and subjects seen so far, a place that
stands for its government (Kyiv meldde → Ukraine), or an unlinked name ("Amerikaanse media").
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from ...kb import KB
from ...model import Doc, Entity, SpanIndex, Speaker
from ..origin import home_country
from .attribution import SpeakerMention, first_person
from .clauses import absolute, listed, no_subject
from .groups import acronym, opens_as_subject, plural_subjects
from .lexicon import QuoteLexicon
from .naming import (
    country_in,
    lookup,
    phrase_as_written,
    proper,
    strip_titles,
)
from .salience import Salience
from .surnames import Names, copy_speaker

_STRIP = re.compile(r"^\W+|\W+$")
_CAPS_RUN = re.compile(r"(?:\b[A-ZÀ-Ý][\w'’.-]*\s*)+")
_NON_SPACE = re.compile(r"\S+")
_WORD_AT = re.compile(r"\s*(\w+)")
_POSSESSIVE_WORD = re.compile(r"\w+(?:['’]\w+)?")


@dataclass(slots=True)
class _Candidate:
    pos: int
    speaker: Speaker
    gender: str | None
    person: bool
    where: tuple[int, Entity, Entity | None] | None = None  # sentence start, entity, next person: for `aside`
    aside: bool | None = None  # named where no subject stands (clauses.no_subject); None: not asked yet


class SpeakerResolver:
    """Resolves mentions to speakers in reading order, remembering speakers and subjects.

    Salience, not the KB, decides first: a pronoun takes the most recent compatible person named
    outside quotes (a person inside someone's words, or after a preposition, is no subject), and a
    surname takes the full name the article itself gave it before any KB prior."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, entities: SpanIndex[Entity], kb: KB,
                 quoted: list[tuple[int, int]] = (), cues: list[tuple[int, int]] | None = None) -> None:
        self.doc, self.lex, self.entities, self.kb = doc, lex, entities, kb
        self.quoted = sorted(quoted)
        self.qstarts = [s for s, _ in self.quoted]
        self.speakers: list[_Candidate] = []
        self.names = Names(doc, lex, kb)  # genders and who a bare surname is
        self._full_names: dict[str, list[tuple[int, Speaker]]] = {}  # surname → (position, speaker), in text order
        self.untitled: dict[str, str] = {}
        self._people: tuple[list[_Candidate], list[_Candidate]] | None = None
        self._persons: list[Entity] = [ent for ent in entities.items if ent.type == "PER"]
        self._outside: list[Entity] | None = None  # the persons outside quotes (people_between)
        self._person_starts: list[int] = []
        self._sentence_starts: list[int] | None = None
        self._asides: dict[int, bool] = {}  # person entity start -> no_subject
        self._obliques: dict[int, bool] = {}  # person entity start -> oblique
        self._cues = cues  # cue words outside quotes, in order (reported.find_reported); None: found on first need
        self._bodies: list[_Candidate] | None = None
        self._groups: list[_Candidate] | None = None
        self._salience: Salience | None = None

    @property
    def salience(self) -> Salience:
        """Who a quote without attribution continues (salience.py); read on first need."""
        if self._salience is None:
            self._salience = Salience(self)
        return self._salience

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.qstarts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    @property
    def subjects(self) -> list[_Candidate]:
        return self.people[0]

    @property
    def others(self) -> list[_Candidate]:
        return self.people[1]

    @property
    def full_names(self) -> dict[str, list[tuple[int, Speaker]]]:
        if self._people is None:
            self._people = self._read_people()  # fills _full_names
        return self._full_names

    @property
    def people(self) -> tuple[list[_Candidate], list[_Candidate]]:
        """Read on first need: an article whose speakers are all named in full asks for none of it."""
        if self._people is None:
            self._people = self._read_people()
        return self._people

    def _read_people(self) -> tuple[list[_Candidate], list[_Candidate]]:
        """Person entities outside quotes: the first of each sentence not after a preposition (its
        likely subject, what a pronoun points back to first) and the others (when no subject fits);
        in a sentence a pronoun opens, every person is another."""
        subjects: list[_Candidate] = []
        others: list[_Candidate] = []
        text = self.doc.text
        for s, e in self.doc.sentences:
            opener = _WORD_AT.match(text, s)  # "She has faced … his wife Hillary Clinton": she is its subject
            first = opener is None or opener.group(1).lower() not in self.lex.pronouns or self._in_quote(opener.start(1))
            prev: tuple[int, bool] | None = None  # the last person's end and whether it was an object
            ents = [ent for ent in self.people_between(s, e) if ent.end <= e]
            for n, ent in enumerate(ents):
                sp = tagged = self._from_entity(ent)
                if " " in ent.text.strip():
                    self._full_names.setdefault(ent.text.split()[-1].casefold(), []).append((ent.start, sp))
                else:  # "Clinton" in 2016 is she, whomever the tagger linked
                    sp = self.names.surname(self._full_names.get(ent.text.strip().casefold(), []), ent, sp)
                gender = self.names.gender(sp.id, ent.text if sp is tagged else sp.name)
                where = (s, ent, ents[n + 1] if n + 1 < len(ents) else None)
                if not first:  # the sentence has its subject: the rest are others, whatever their role
                    others.append(_Candidate(ent.start, sp, gender, True, where))
                    continue
                object_ = self.oblique(s, ent.start, ent.end)
                gap = text[prev[0]:ent.start] if prev is not None and 0 <= ent.start - prev[0] < 8 else ""
                if gap.strip() and gap.strip(" ,").lower() in ("", *self.lex.joiners) and (
                        gap.strip(" ,") or listed(text, ent.end, e, self.lex)):
                    object_ = prev[1]  # "raped by Quirin, Redouane, and …": a list shares its role
                prev = (ent.end, object_)
                modifier = not object_ and self.no_subject(*where)
                (others if object_ or modifier else subjects).append(
                    _Candidate(ent.start, sp, gender, True, where, modifier or None))
                first = object_ or modifier
        return subjects, others

    def no_subject(self, s: int, ent: Entity, nxt: Entity | None) -> bool:
        """A person named where no subject stands (clauses.no_subject); asked by salience too, read once."""
        if ent.start not in self._asides:
            if self._cues is None:
                self._cues = [m.span() for m in self.lex.cue_re.finditer(self.doc.text.lower())]
            self._asides[ent.start] = no_subject(self.doc.text, self.lex, self.entities, self._in_quote, self._cues,
                                                 s, ent, nxt)
        return self._asides[ent.start]

    def oblique(self, s: int, start: int, end: int) -> bool:
        """A name after a preposition (start, end: its offsets, s: its sentence's), unless it opens an
        absolute clause ("with Zinichev describing …")."""
        if start not in self._obliques:  # resolver and salience both ask
            self._obliques[start] = self._after_preposition(self.doc.text[max(s, start - 40):start].split()) \
                and not absolute(self.doc.text, start, end, self.lex)
        return self._obliques[start]

    def people_between(self, start: int, end: int) -> list[Entity]:
        """The persons named from start to end outside quotes: someone named in another's words, or
        a tagger's "I've", is not whom the text speaks of."""
        if self._outside is None:  # sorted out once: resolver and salience ask of every sentence
            self._outside = [ent for ent in self._persons if not self._in_quote(ent.start)
                             and not first_person(ent.text, self.lex)]
            self._person_starts = [ent.start for ent in self._outside]
        lo, hi = bisect.bisect_left(self._person_starts, start), bisect.bisect_left(self._person_starts, end)
        return self._outside[lo:hi]

    @property
    def bodies(self) -> list[_Candidate]:
        """Organisations that open a sentence outside quotes as its subject: what a later 'they' or
        'it' may point back to ("The USCIRF also criticised the move. They released a statement").
        Found on the first such pronoun."""
        if self._bodies is None:
            self._bodies = []
            named = [ent for ent in self.entities.items if ent.type in ("PER", "ORG")]
            starts = [ent.start for ent in named]
            for s, e in self.doc.sentences:
                inside = [x for x in named[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)] if x.end <= e]
                ent = acronym(self.doc.text, inside, self.lex) if inside else None
                if ent is not None and ent.type == "ORG" and not self._in_quote(ent.start) \
                        and not self._after_preposition(self.doc.text[max(s, ent.start - 40):ent.start].split()) \
                        and opens_as_subject(self.doc.text, s, inside[0].start, self.lex):
                    self._bodies.append(_Candidate(ent.start, self._from_entity(ent), None, False))
        return self._bodies

    @property
    def groups(self) -> list[_Candidate]:
        """Plural noun phrases and named pairs that open a sentence ("The researchers found …", "Ryan
        and McConnell met …"): what a later 'they' may point back to besides an organisation (groups.py)."""
        if self._groups is None:
            text = self.doc.text
            spans = plural_subjects(text, self.doc.sentences, self.lex, self._in_quote, self._persons)
            self._groups = [_Candidate(s, Speaker(None, phrase_as_written(text[s:e], self.lex), None, s, e, kind="GROUP"),
                                       "p", False) for s, e in spans]
        return self._groups

    def _after_preposition(self, before: list[str]) -> bool:
        """Whether the words before a name end in a preposition, past the name's own particle ("Van
        Alebeek", "Sissy van Alebeek"), a title and its modifiers ("with radio host X", "under
        President X") and a determiner ("in het Amsterdamse Oosterpark")."""
        lex = self.lex
        while before and before[-1].lower() in lex.name_particles and \
                (before[-1][0].isupper() or len(before) > 1 and before[-2][:1].isupper()):
            before = before[:-1]
        titled = False
        while before and before[-1].casefold().strip(".") in lex.titles:
            before, titled = before[:-1], True  # "under President Barack Obama"
        if titled:  # "with radio host Rusty Humphries": up to two words that modify the title
            for _ in range(2):
                if before and before[-1].isalpha() and before[-1].islower() and before[-1] not in lex.prepositions \
                        and before[-1] not in lex.determiners and not lex.cue(before[-1]):
                    before = before[:-1]
        while before and before[-1].lower() in lex.determiners:
            before = before[:-1]
        return bool(before) and before[-1].lower() in lex.prepositions

    def _full_name(self, ent: Entity, sp: Speaker) -> Speaker:
        """'Clinton' after 'Hillary Clinton' in the same article is her, whoever the KB prefers."""
        if " " in ent.text.strip():
            return sp
        return self.names.surname(self.full_names.get(ent.text.strip().casefold(), []), ent, sp)

    def _from_entity(self, ent: Entity) -> Speaker:
        actor = ent.actor
        if actor is None or actor.id is None:  # "USCG Captain Monica Rochester" is Monica Rochester
            name = actor.name if actor is not None else ent.text
            return Speaker(None, self._untitled(name) if ent.type == "PER" else name, actor and actor.country,
                           ent.start, ent.end)
        if ent.type == "LOC":
            place = self.kb.get(actor.id)
            gov = self.kb.get(place.stands_for) if place is not None and place.stands_for else None
            if gov is not None:
                return Speaker(gov.id, gov.name, gov.country or gov.id, ent.start, ent.end)
        return Speaker(actor.id, actor.name, actor.country, ent.start, ent.end)

    def _name(self, m: SpeakerMention) -> Speaker:
        """A KB actor named by the mention or by the name that ends it ("minister … Marco Rubio")."""
        for run in _CAPS_RUN.finditer(m.text):
            if m.text[run.end():].strip():
                continue  # a name that modifies a noun ("the New York businessman") is not the speaker
            words = list(_NON_SPACE.finditer(run.group()))
            before = [w for w in m.text[:run.start()].split() if w not in self.lex.determiners]
            located = len(before) > 1 and before[-1] in self.lex.prepositions and before[-1] != self.lex.genitive
            for w in words:
                actor = lookup(_STRIP.sub("", run.group()[w.start():]), self.kb)
                if actor is not None and not (located and actor.type != "PER"):  # "de rechtbank van eerste aanleg in Brugge"
                    lo = m.start + run.start() + w.start()
                    return Speaker(actor.id, actor.name, actor.country or actor.id, lo, m.start + run.end())
        person = next((e for e in self.entities.within(m.start, m.end) if e.type == "PER" and e.end == m.end
                       and self.names.gender(None, e.text)), None)  # a known first name: no organisation tagged PER
        before = m.text[:person.start - m.start].split() if person is not None else []
        if len(before) >= 2 and before[-2].casefold() == self.lex.genitive and self.lex.is_role(before[-1].casefold()):
            person = None  # "de oud-kabinetschef van minister X": X is whose aide, not the one speaking
        phrase = person.text if person is not None else m.text  # "de woordvoerster van de politie André Colas"
        return Speaker(None, proper(_STRIP.sub("", phrase), self.lex), country_in(m.text, self.lex, self.kb), m.start, m.end)

    def _untitled(self, name: str) -> str:
        """A person's name without the titles before it ("USCG Captain Monica Rochester", "Mme Spanton")."""
        if name not in self.untitled:
            self.untitled[name] = strip_titles(name, self.lex)
        return self.untitled[name]

    def _role(self, m: SpeakerMention, home: bool = False) -> Speaker | None:
        """The holder of the office a role description names, on the article's date; with `home`,
        a description that names no country is the story's, as the event stage reads it (the country
        of most named actors, else the publication's): "de premier" in a Belgian paper, or in a
        story whose actors are Dutch when the paper is not known."""
        low = " " + m.text.casefold() + " "
        office = next((o for phrase, o in sorted(self.lex.offices.items(), key=lambda x: -len(x[0]))
                       if f" {phrase} " in low), None)
        country = country_in(m.text, self.lex, self.kb) or (home_country(self.doc) if home and self.doc.article.date else None)
        if office is None or country is None:
            return None
        holders = self.kb.holders(office, country, self.doc.reference_date)
        if not holders:
            return None
        a = holders[0]
        return Speaker(a.id, a.name, a.country, m.start, m.end)

    def _titled(self, pos: int, roles: set[str]) -> Entity | None:
        """The latest person the article introduced with the role before pos ("advocaat Jan Peeters",
        "vakbondsvoorzitter Els Wouters", "Jan Peeters, de advocaat van …"): whom "de advocaat" means,
        rather than whoever was named last. A compound role introduced with none ("de PVV-leider")
        falls back on its listed role ("oppositieleider Geert Wilders")."""
        text = self.doc.text
        for ent in reversed(self.entities.within(max(0, pos - 5000), pos)):
            if ent.type != "PER":
                continue
            lead = text[max(0, ent.start - 60):ent.start].casefold()
            before = lead.split()[-2:]
            if lead.rstrip().endswith(","):  # "De burgemeester van Gent, Els Wouters"
                before += lead.rstrip()[:-1].rsplit(",", 1)[-1].split(".")[-1].split()
            after = text[ent.end:ent.end + 60].casefold()
            apposed = after.split(",")[1].split()[:3] if after.startswith(",") and after.count(",") > 1 else []
            if any(w.endswith(r) for w in before + apposed for r in roles):
                return ent
        bases = {self.lex.role_of(r) or r for r in roles}
        return self._titled(pos, bases) if bases != roles else None  # "de PVV-leider": "oppositieleider Wilders"

    def _antecedent(self, pos: int, gender: str | None, person: bool | None,
                    wide: bool = False, known: bool = False) -> _Candidate | None:
        """The latest candidate before pos of that gender (of unknown gender too, unless `known`)."""
        def fits(cand: _Candidate) -> bool:
            return (person is None or cand.person == person) and (
                gender not in ("m", "f") or cand.gender == gender and not (known and self._aside(cand))
                or cand.gender is None and not known)

        groups = (self.speakers, self.subjects, *((self.others,) if wide else ()), *((self.bodies,) if not person else ()),
                  *((self.groups,) if gender == "p" else ()))
        found = [_latest(group, pos, fits) for group in groups]
        return max((c for c in found if c is not None), key=_pos, default=None)

    def resolve(self, m: SpeakerMention | None, pos: int) -> Speaker | None:
        """The speaker for a mention (None: continue the latest speaker or subject before pos)."""
        if m is None:
            found = self.salience.best(pos)
            if not found:
                return None
            sp = copy_speaker(found[0])
            last = _latest(self.speakers, pos)
            if last is not None and (last.speaker.id, last.speaker.name) == (sp.id, sp.name):
                sp.start, sp.end = last.speaker.start, last.speaker.end  # the words that named the voice it continues
            return sp
        described = self._described_at(m)
        if described is not None:
            return described
        if m.kind == "entity":
            ent = max(self.entities.within(m.start, m.end), key=lambda e: (e.start == m.start, e.end - e.start))
            sp = self._from_entity(ent)
            if ent.type == "PER":
                sp = self._full_name(ent, sp)
            return self._remember(sp, m.start, ent.type == "PER", self.names.gender(sp.id, ent.text))
        if m.kind == "pronoun":
            low = m.text.lower()
            g = self.lex.pronouns.get(low) or self.lex.object_pronouns.get(low)
            if low in self.lex.plural_pronouns and self._next_to_plural(m):
                g, cand = "p", self._group(m.start)  # "zeggen ze", "Ze vinden dat": they, not she
            else:
                cand = self._antecedent(m.start, g, True if g in ("m", "f") else False if g == "p" else None)  # "they": no one person
            if g in ("m", "f") and (cand is None or cand.gender is None):
                # a person of that gender named in this sentence or the one before outweighs one of
                # unknown gender named earlier
                sure = self._antecedent(m.start, g, True, wide=True, known=cand is not None)
                if cand is None or sure is not None and self._near(cand.pos, m.start) < self._near(sure.pos, m.start):
                    cand = sure
            if cand is None:
                return None
            sp = copy_speaker(cand.speaker)
            sp.start, sp.end = m.start, m.end
            return self._remember(sp, m.start, cand.person, cand.gender)
        words = {w.lower() for w in m.text.split()}
        named = self._name(m)
        head = next((w for w in m.text.lower().split() if w not in self.lex.determiners), "")
        actor = self.kb.get(named.id)
        if actor is not None and self.lex.is_role(head) and actor.type != "PER":
            named = Speaker(None, phrase_as_written(_STRIP.sub("", m.text), self.lex), country_in(m.text, self.lex, self.kb), m.start, m.end)
        if named.id is not None:  # a linked organisation or place is no he or she later on
            return self._remember(named, m.start, actor is None or actor.type == "PER")
        roles = {w for w in words if self.lex.is_role(w)}
        described = m.kind == "np" or m.kind == "name" and self.lex.is_role(m.text.split()[-1].casefold())  # a tagged "PVV-leider"
        if described and roles and not words & self.lex.indefinites \
                and m.text.split()[0].casefold() not in self.lex.possessive_determiners \
                and not any(e.type == "PER" and self.doc.text[e.end:e.end + 2] in self.lex.possessives
                            for e in self.entities.within(m.start, m.end)):  # "haar coach" is not she,
            # nor "Senator Klobuchar's campaign" a senator
            held = self._role(m)
            if held is not None:
                return self._remember(held, m.start, True)
            titled = self._titled(m.start, roles) if self.lex.roles_titled else None
            if titled is not None:
                sp = self._full_name(titled, self._from_entity(titled))
                sp.start, sp.end = m.start, m.end
                return self._remember(sp, m.start, True, self.names.gender(sp.id, titled.text))
            held = self._role(m, home=True) if self.lex.roles_titled else None
            if held is not None:
                return self._remember(held, m.start, True)
            country = country_in(m.text, self.lex, self.kb)  # with roles_titled, "de advocaat" is not whoever was named last
            cand = self._antecedent(m.start, None, True) if country or not self.lex.roles_titled else None
            if country and cand is not None and cand.speaker.country not in (None, country) \
                    or country is None and m.text.split()[0].endswith(self.lex.possessives):
                cand = None  # "Qatar's prime minister" is not the last American named, "Trump's aide" not Trump
            if cand is not None and not words & self.lex.spokespersons:
                sp = copy_speaker(cand.speaker)
                sp.start, sp.end = m.start, m.end
                return self._remember(sp, m.start, True, cand.gender)
        # an unlinked name of two or more words may be a person a later "he"/"she" points to
        person = m.kind == "name" and " " in named.name.strip() and \
            not any(e.type in ("LOC", "ORG") for e in self.entities.within(m.start, m.end)) or \
            m.kind == "np" and self._role_head(m.text)
        return self._remember(named, m.start, person, self.names.gender(None, named.name) if person else None)

    def _group(self, pos: int) -> _Candidate | None:
        """Whom a plural pronoun points back to: the latest organisation opening a sentence, or the
        latest subject that heads a list of persons ("Obreno, Roskam en Verhaeren spraken …"; its first)."""
        text = self.doc.text
        listing = _latest(self.people[0], pos, lambda c: c.where is not None and listed(text, c.where[1].end, len(text), self.lex))
        return max((c for c in (listing, _latest(self.bodies, pos)) if c is not None), key=_pos, default=None)

    def _next_to_plural(self, m: SpeakerMention) -> bool:
        """Whether the word right before or after a pronoun is a plural verb ("zeggen ze", "Ze hebben")."""
        text = self.doc.text
        before = _LAST_WORD.search(text, max(0, m.start - 30), m.start)
        after = _FIRST_WORD.match(text, m.end)
        return any(w is not None and self.lex.plural_verb(w.group(1).lower()) for w in (before, after))

    def _aside(self, cand: _Candidate) -> bool:
        """Whether a candidate was named where no subject stands, asked on first need."""
        if cand.aside is None:
            cand.aside = cand.where is not None and self.no_subject(*cand.where)
        return cand.aside

    def _near(self, pos: int, at: int) -> bool:
        """Whether pos lies in the sentence of `at` or the one before it."""
        if self._sentence_starts is None:
            self._sentence_starts = [s for s, _ in self.doc.sentences]
        i = bisect.bisect_right(self._sentence_starts, at) - 1
        return bisect.bisect_right(self._sentence_starts, pos) - 1 >= i - 1

    def _described_at(self, m: SpeakerMention) -> Speaker | None:
        """The person a definite description by age or origin points back to ("vertelt de 34-jarige
        Amsterdammer", "zegt de Belg"): the latest person named, if any. A tagger often takes the
        origin noun for a name of its own, so the words before the mention are read too."""
        if m.kind not in ("np", "name", "entity") or any(e.type == "PER" or e.actor is not None and e.actor.id is not None
                                                         for e in self.entities.within(m.start, m.end)):
            return None  # "De Rooij" is a name, "de Belg" a description
        before = self.doc.text[max(0, m.start - 20):m.start].split()[-2:] if m.kind != "np" else []
        if not all(w.replace("-", "").isalnum() for w in before):
            before = []  # "… in de achterhoede. | Koerts": another sentence
        lead = next((before[i:] for i in range(len(before)) if before[i] in self.lex.definites), [])
        misc = [e.type for e in self.entities.within(m.start, m.end)]
        phrase = " ".join([*lead, m.text])
        if not self._described(phrase, misc):
            return None
        head = m.text.split()[-1].casefold()  # "de Italiaan": an Italian named before, none else
        origin = next((c for c in (country_in(v, self.lex, self.kb) for v in
                                   (head, head + "se", head + "ische", head[:-1] + "se", head[:-2] + "se", head[:-3] + "se"))
                       if c), None)
        if origin is None and m.text.split()[-1][:1].isupper() and not head.endswith(self.lex.origin_suffixes) \
                and _AGED.search(phrase):
            return None  # "de 34-jarige Olena": a name after the age, no one named before
        cand = self._antecedent(m.start, None, True)
        if origin is not None and (cand is None or cand.speaker.country != origin):
            def native(c: _Candidate) -> bool:
                return c.person and c.speaker.country in (origin, None)
            found = [_latest(group, m.start, native) for group in (self.speakers, self.subjects, self.others)]
            cand = max((c for c in found if c is not None), key=_pos, default=None)  # "de Nederlander": the Dutch one
        if cand is None:
            return None
        sp = copy_speaker(cand.speaker)
        sp.start, sp.end = m.start, m.end
        return self._remember(sp, m.start, True, cand.gender)

    def _described(self, phrase: str, types: list[str]) -> bool:
        """A definite description of one person by age or origin, no role: an age adjective ("de
        34-jarige", "de 34-jarige vrouw") or an origin noun the tagger calls MISC ("de Belg", "de
        Amsterdammer"). Not a group ("de Amsterdammers"), an organisation or place ("de Kamer", "de BBC")."""
        words = phrase.split()
        if len(words) < 2 or words[0] not in self.lex.definites or words[-1].casefold().endswith(self.lex.plurals) \
                or any(t in ("ORG", "LOC", "PER") for t in types):
            return False
        return any(_AGED.fullmatch(w) for w in words[1:]) or types == ["MISC"] and bool(_ORIGIN.fullmatch(words[-1])) \
            and all(w[0].islower() for w in words[1:-1])

    def _role_head(self, phrase: str) -> bool:
        """A single person's title or role heads the phrase ("the head of the police's internal
        investigators"): a later he or she may be that person."""
        for w in phrase.casefold().split():
            if w in self.lex.prepositions:
                return False
            if w in self.lex.titles and not w.endswith(self.lex.plurals):
                return True
        return False

    def _remember(self, sp: Speaker, pos: int, person: bool, gender: str | None = None) -> Speaker:
        bisect.insort(self.speakers, _Candidate(pos, sp, gender or self.names.gender(sp.id), person), key=_pos)
        return sp


_AGED = re.compile(r"\d+-jarige?")
_ORIGIN = re.compile(r"[A-Z][a-zà-ÿ]+")  # "Belg", "Amsterdammer"; not "BBC-correspondente" or "NOS"
_LAST_WORD = re.compile(r"(\w+)\s*$")
_FIRST_WORD = re.compile(r"\s+(\w+)")
_pos = attrgetter("pos")  # C-level keys for the binary searches over candidates




def _latest(cands: list[_Candidate], pos: int, fits: Callable[[_Candidate], bool] = lambda c: True) -> _Candidate | None:
    """The last candidate (the list is in text order) before pos that fits: a backward walk from a
    binary search, so resolving stays cheap however long the article."""
    i = bisect.bisect_left(cands, pos, key=_pos)
    while i > 0:
        i -= 1
        if fits(cands[i]):
            return cands[i]
    return None

