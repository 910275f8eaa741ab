"""Who a quote without any attribution belongs to: the most salient person where it stands.

A profile or match report quotes its protagonist paragraph after paragraph with no cue at all,
while other people pass through ("Terwijl Jennifer Capriati in Parijs won, bracht Davenport de
uren door in het ziekenhuis"). The last-named person is then wrong; the person the text keeps
talking about is right. Salience (after Lappin & Leass 1994) scores each person by their mentions
outside quotes so far, each weighed by its role and halved with every sentence since: a main
clause's subject counts most, a name after a preposition least, a pronoun counts for the person
it points to, and having spoken counts too. A new person who opens the quote's own sentence or
the one before it as a subject still takes over ("Minister Y reageerde verbaasd. „…”").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Protocol

from ...model import Doc, Entity, Speaker
from .lexicon import QuoteLexicon
from .surnames import Names


class Reader(Protocol):
    """What salience reads of the speaker resolver that asks it (resolver.SpeakerResolver): the
    article, its people and the speakers found so far, and the resolver's own reading of a name."""

    doc: Doc
    lex: QuoteLexicon
    speakers: list[Any]
    names: Names  # genders and surnames (surnames.Names)

    def people_between(self, start: int, end: int) -> list[Entity]: ...
    def _in_quote(self, pos: int) -> bool: ...
    def _after_preposition(self, before: list[str]) -> bool: ...
    def no_subject(self, s: int, ent: Entity, nxt: Entity | None) -> bool: ...
    def oblique(self, s: int, start: int, end: int) -> bool: ...
    def _full_name(self, ent: Entity, sp: Speaker) -> Speaker: ...
    def _from_entity(self, ent: Entity) -> Speaker: ...


SUBJECT, OTHER, OBLIQUE, SPOKE = 1.0, 0.5, 0.25, 1.0  # what a mention adds, by its role
DECAY = 0.5  # per sentence between a mention and the quote
KEPT = 0.1  # the share of a mention's weight that never decays: the article's protagonist stays in view
UNSURE = 0.5  # a person of unknown gender as the antecedent of "he" or "she": half as likely
_WORD = re.compile(r"[^\W\d_]+")
_POS = attrgetter("pos")


@dataclass(slots=True)
class _Mention:
    pos: int
    sentence: int
    key: str
    weight: float
    speaker: Speaker
    gender: str | None
    named: bool = False  # by name, not by a pronoun
    person: bool = True  # a speaker may be an organisation ("De politie meldt …"): no "he" or "she"


@dataclass(slots=True)
class _Person:
    """One person's salience as of sentence `at`, kept up to date mention by mention."""

    decayed: float
    at: int
    total: float  # every weight, undecayed (the KEPT share)
    last: _Mention
    speaker: Speaker  # under the fullest name seen
    gender: str | None
    person: bool

    def add(self, m: _Mention) -> None:
        self.decayed = self.decayed * DECAY ** (m.sentence - self.at) + m.weight
        self.at, self.total, self.last = m.sentence, self.total + m.weight, m
        if (m.speaker.id is not None, len(m.speaker.name)) > (self.speaker.id is not None, len(self.speaker.name)):
            self.speaker = m.speaker
        self.gender = self.gender or m.gender
        self.person = self.person or m.person

    def score(self, si: int) -> float:
        return self.decayed * DECAY ** (si - self.at) + KEPT * self.total


class Salience:
    """Mentions of people in reading order, read sentence by sentence as far as asked."""

    def __init__(self, resolver: Reader) -> None:
        self.r = resolver
        doc = resolver.doc
        self.starts = [s for s, _ in doc.sentences]
        self.mentions: list[_Mention] = []  # of the sentences read, in text order
        self.acc: dict[str, _Person] = {}  # key -> salience over the sentences read
        self.done = 0  # sentences read
        self.peeked: dict[int, list[_Mention]] = {}  # a quote's own sentence, found but not yet counted
        self.keys: dict[str, int] = {}  # the people named so far, by their fullest name: where last
        self.by_last: dict[str, list[str]] = {}  # last word -> those names (a shorter name's candidates)
        self.memo: tuple[int, int, dict[str, _Person]] = (-1, -1, {})  # sentence, speakers known, scores
        self.said: dict[int, _Mention] = {}  # id of a resolver's speaker candidate -> its mention
        self.pronoun_re = _pronouns(resolver.lex)

    def sentence(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def best(self, pos: int) -> tuple[Speaker, str | None] | None:
        """The most salient person before pos (ties: the one mentioned last) and their gender, or, at
        the opening of a text, the first subject after pos in its paragraph ("„…” Theo de Rooij stond …")."""
        if not self.starts:  # a text the segmenter left unsplit (no language of kroniek's) names no one
            return None
        si = self.sentence(pos)
        self._read(si)
        own = [m for m in self._peek(si) if m.pos < pos]
        new = self._new_voice(pos, own)
        if new is not None:
            return new.speaker, new.gender
        scores = self._scores(pos, si, own)
        if scores:
            p = max(scores.values(), key=lambda p: (round(p.score(si), 6), p.last.pos))
            return p.speaker, p.gender
        m = self._first_subject_after(pos)
        return None if m is None else (m.speaker, m.gender)

    def _new_voice(self, pos: int, own: list[_Mention]) -> _Mention | None:
        """The last subject before the quote in its paragraph, named or a pronoun, when no one has
        spoken since: news introduces a voice, then quotes it ("Ook bondscoach Bert Romp was content.
        „…”", "Steve Peers of the University of Essex, speaking to BBC, said, “…”")."""
        para = next((ps for ps, pe in self.r.doc.paragraphs if ps <= pos < pe), 0)
        spoke = self._spoke(pos)
        since = max(para, spoke[-1].pos if spoke else -1)
        for m in (*reversed(own), *reversed(self.mentions)):
            if m.pos < since:
                break
            if m.weight == SUBJECT:
                return m
        return None

    def _scores(self, pos: int, si: int, extra: list[_Mention] = ()) -> dict[str, _Person]:
        """Salience per person at sentence si: the sentences read, `extra` mentions, and the speakers
        of statements before pos (copies only of the people these touch)."""
        out = dict(self.acc)
        for m in sorted([*extra, *self._spoke(pos)], key=lambda m: (m.sentence, m.pos)):
            p = out.get(m.key)
            if p is None:
                out[m.key] = _Person(m.weight, m.sentence, m.weight, m, m.speaker, m.gender, m.person)
                continue
            if p is self.acc.get(m.key):
                p = out[m.key] = _Person(p.decayed, p.at, p.total, p.last, p.speaker, p.gender, p.person)
            if m.sentence >= p.at:
                p.add(m)
            else:  # a speaker named after a later mention was read: count it, decayed from its sentence
                p.decayed += m.weight * DECAY ** (p.at - m.sentence)
                p.total += m.weight
        return out

    def _spoke(self, pos: int) -> list[_Mention]:
        """The speakers of statements before pos, one mention each (made once per speaker)."""
        out = []
        for c in self.r.speakers:
            if c.pos >= pos:
                break
            m = self.said.get(id(c))
            if m is None:
                m = self.said[id(c)] = _Mention(c.pos, self.sentence(c.pos), self._key(c.speaker), SPOKE, c.speaker,
                                                c.gender, True, c.person)
            out.append(m)
        return out

    def _key(self, sp: Speaker, pos: int | None = None) -> str:
        """One person however named: the KB id, else the full name; a shorter name ("Van Alebeek")
        is the person named in full with it ("Sissy van Alebeek") who is most salient at pos (not
        her father "Jan van Alebeek"), or without pos the one named last; else a person of its own."""
        if sp.id:
            return sp.id
        name = " ".join(_WORD.findall(sp.name.casefold()))
        longer = [k for k in self.by_last.get(name.rpartition(" ")[2], ()) if k.endswith(" " + name)]
        if not longer:
            if pos is not None:
                self._name(name, pos)
            return name
        if len(longer) == 1 or pos is None:
            return max(longer, key=self.keys.__getitem__)
        si = self.sentence(pos)
        return max(longer, key=lambda k: (self.acc[k].score(si) if k in self.acc else 0.0, self.keys[k]))

    def _name(self, key: str, pos: int) -> None:
        if key not in self.keys:
            self.by_last.setdefault(key.rpartition(" ")[2], []).append(key)
        self.keys[key] = pos

    def _read(self, upto: int) -> None:
        """Count the sentences before sentence `upto`."""
        while self.done < min(upto, len(self.starts)):
            si = self.done
            for m in self._peek(si):
                self.mentions.append(m)
                p = self.acc.get(m.key)
                if p is None:
                    self.acc[m.key] = _Person(m.weight, si, m.weight, m, m.speaker, m.gender, m.person)
                else:
                    p.add(m)
            self.peeked.pop(si, None)
            self.done += 1

    def _peek(self, si: int) -> list[_Mention]:
        """The people sentence si mentions outside quotes, by role: the first named person or he/she
        not after a preposition, an object pronoun or an opening subordinate clause is the subject."""
        if si in self.peeked:
            return self.peeked[si]
        doc, r, lex = self.r.doc, self.r, self.r.lex
        s, e = doc.sentences[si]
        # pos, speaker, pronoun gender, object (for a name: where to ask whether it is no subject)
        found: list[tuple[int, Speaker | None, str | None, bool | tuple[int, Entity, Entity | None]]] = []
        ents = [ent for ent in r.people_between(s, e) if ent.end <= e]
        for n, ent in enumerate(ents):
            found.append((ent.start, r._full_name(ent, r._from_entity(ent)), None,
                          (s, ent, ents[n + 1] if n + 1 < len(ents) else None)))
        for w in self.pronoun_re.finditer(doc.text, s, e):
            low = w.group().lower()
            gender = lex.pronouns.get(low) or lex.object_pronouns.get(low)
            if gender in ("m", "f") and not r._in_quote(w.start()):
                found.append((w.start(), None, gender, low not in lex.pronouns))
        if not found:  # most sentences name no one: nothing to weigh
            self.peeked[si] = []
            return []
        found.sort(key=lambda f: f[0])
        lo, hi = bisect.bisect_left(r.speakers, s, key=_POS), bisect.bisect_left(r.speakers, e, key=_POS)
        said = {c.pos: c for c in r.speakers[lo:hi]}  # "he said": whom the resolver took him for
        clause_end = self._subordinate_end(s, e)
        subject_seen = False
        out: list[_Mention] = []
        for start, sp, gender, object_ in found:
            oblique = r.oblique(s, start, sp.end) if sp is not None else \
                r._after_preposition(doc.text[max(s, start - 40):start].split())
            subject = not subject_seen and not oblique and start >= clause_end and not (
                r.no_subject(*object_) if isinstance(object_, tuple) else object_)
            subject_seen = subject_seen or subject
            weight = SUBJECT if subject else OBLIQUE if oblique else OTHER
            if sp is None:
                c = said.get(start)
                ante = (c.speaker, c.gender, self._key(c.speaker)) if c is not None else self._antecedent(si, gender, subject)
                if ante is not None:
                    out.append(_Mention(start, si, ante[2], weight, ante[0], ante[1]))
            else:
                key = self._key(sp, start)
                self._name(key, start)
                out.append(_Mention(start, si, key, weight, sp, r.names.gender(sp.id, sp.name), True))
        self.peeked[si] = out
        return out

    def _antecedent(self, si: int, gender: str | None, subject: bool) -> tuple[Speaker, str | None, str] | None:
        """The most salient person of the pronoun's gender named before its sentence si; one of
        unknown gender counts half, and a subject pronoun favours the last sentence's subject (it
        goes on with who the text was about)."""
        before = set()
        if subject:
            for m in reversed(self.mentions):
                if m.sentence < si - 1:
                    break
                if m.weight == SUBJECT:
                    before.add(m.key)
        if self.memo[:2] != (si, len(self.r.speakers)):  # the pronouns of one sentence share their scores
            self.memo = (si, len(self.r.speakers), self._scores(self.starts[si], si))
        best, top = None, 0.0
        for key, p in self.memo[2].items():
            if p.gender not in (None, gender) or not p.person:
                continue
            score = p.score(si) * (UNSURE if p.gender is None else 1.0) + (SUBJECT if key in before else 0.0)
            if best is None or (round(score, 6), p.last.pos) > (round(top, 6), best[1].last.pos):
                best, top = (key, p), score
        return None if best is None else (best[1].speaker, best[1].gender, best[0])

    def _subordinate_end(self, s: int, e: int) -> int:
        """Where a sentence-opening subordinate clause ends ("Terwijl X won, …"), also one inside an
        opening prepositional phrase ("Op de vraag of hij bleef, gaf X …"): its comma, else s."""
        text, lex = self.r.doc.text, self.r.lex
        first = _WORD.search(text, s, min(e, s + 40))
        if first is None or text[s:first.start()].strip():
            return s
        opening = first.group().lower()
        if opening not in lex.subordinators and not (opening in lex.prepositions and any(
                w.lower() in lex.subordinators or w.lower() in lex.whether
                for w in text[first.end():min(e, first.end() + 30)].split()[:3])):
            return s
        comma = text.find(",", first.end(), e)
        return comma if comma >= 0 else s

    def _first_subject_after(self, pos: int) -> _Mention | None:
        """The first person named outside quotes, not after a preposition, later in pos's paragraph."""
        r = self.r
        para = next(((ps, pe) for ps, pe in r.doc.paragraphs if ps <= pos < pe), None)
        if para is None:
            return None
        for ent in r.people_between(pos, para[1]):
            s = r.doc.sentence_of(ent.start)
            if s is not None and not r._after_preposition(r.doc.text[max(s[0], ent.start - 40):ent.start].split()):
                sp = r._full_name(ent, r._from_entity(ent))
                return _Mention(ent.start, self.sentence(ent.start), self._key(sp), SUBJECT, sp, r.names.gender(sp.id, sp.name))
        return None



_PRONOUN_RES: dict[str, re.Pattern[str]] = {}


def _pronouns(lex: QuoteLexicon) -> re.Pattern[str]:
    """he, she, him, her (hij, zij, ze, hem, haar) as whole words, any case: what _peek looks for."""
    if lex.lang not in _PRONOUN_RES:
        words = [w for w, g in (*lex.pronouns.items(), *lex.object_pronouns.items()) if g in ("m", "f")]
        _PRONOUN_RES[lex.lang] = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b",
                                            re.IGNORECASE)
    return _PRONOUN_RES[lex.lang]
