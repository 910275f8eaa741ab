"""Who a person's name is, beyond what the actors stage linked: the gender a name or an honorific
gives, and the person a bare surname is: the full name the article gave it most often before it,
else the KB bearer most prominent at the article's date. Read by resolver.SpeakerResolver."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from operator import itemgetter

from ...kb import KB, Actor
from ...model import Doc, Entity, Speaker
from .lexicon import QuoteLexicon
from .naming import first_name_genders, prominent

_first = itemgetter(0)


class Names:
    """Genders and surnames of one article, each worked out once."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, kb: KB) -> None:
        self.doc, self.lex, self.kb = doc, lex, kb
        self.first_names = first_name_genders(kb)
        self.genders: dict[tuple[str | None, str], str | None] = {}  # a name recurs: look it up once
        self._prominence: dict[tuple[str, str | None, str | None], Actor | None] = {}  # (surname, linked id, honorific's gender)
        self._best: dict[int, _Tally] = {}  # full-name list -> its names counted so far

    def gender(self, actor_id: str | None, name: str = "") -> str | None:
        key = (actor_id, name)
        if key not in self.genders:
            self.genders[key] = self._find_gender(actor_id, name)
        return self.genders[key]

    def _find_gender(self, actor_id: str | None, name: str) -> str | None:
        """From the KB, else from an honorific or a first name the KB knows the gender of."""
        actor = self.kb.get(actor_id)
        if actor is not None and actor.gender:
            return actor.gender
        words = name.replace(".", " ").split()
        if not words:
            return None
        hon = self.lex.honorifics.get(words[0].casefold())
        return hon or (self.first_names.get(words[0].casefold()) if len(words) > 1 else None)

    def honorific(self, pos: int) -> str | None:
        """The gender an honorific right before pos gives ("Mr. Clinton": m)."""
        before = self.doc.text[max(0, pos - 6):pos].split()
        return self.lex.honorifics.get(before[-1].strip(".").casefold()) if before else None

    def surname(self, named: list[tuple[int, Speaker]], ent: Entity, sp: Speaker) -> Speaker:
        """The person a bare surname is, from the full names with it before it (`named`, in text
        order): the one named most often, on a tie the first ("Ted Cruz" over his wife "Heidi
        Cruz", named once later); none: the KB person of that surname most prominent at the date."""
        i = bisect.bisect_left(named, ent.start, key=_first)
        if not i:
            return self.prominent(ent.text.strip(), sp)
        best = self._surname_tally(named, i)
        hon = self.honorific(ent.start)  # "Mr. Clinton" after Hillary and Bill Clinton: the man
        if hon and self.gender(best.id, best.name) not in (hon, None):
            best = next((full for _, full in reversed(named[:i]) if self.gender(full.id, full.name) == hon), best)
        if best.id == sp.id and (best.id is not None or best.name == sp.name):
            return sp
        out = copy_speaker(best)
        out.start, out.end = sp.start, sp.end
        return out

    def _surname_tally(self, named: list[tuple[int, Speaker]], i: int) -> Speaker:
        """The most named of the first i full names (on a tie the first), counted on from where the
        last question about this list stopped: mentions come in reading order, so a long article
        costs one pass, not one per surname."""
        tally = self._best.get(id(named))
        if tally is None or tally.done > i:
            tally = self._best[id(named)] = _Tally()
        rank = lambda key: (tally.counts[key], -tally.first[key][0])  # most named, then first named
        for _, full in named[tally.done:i]:
            key = (full.id, full.name)
            tally.counts[key] = tally.counts.get(key, 0) + 1
            tally.first.setdefault(key, (len(tally.first), full))
            if tally.best is None or rank(key) > rank(tally.best):
                tally.best = key
        tally.done = i
        return tally.first[tally.best][1]  # type: ignore[index]

    def prominent(self, surname: str, sp: Speaker) -> Speaker:
        """A bare surname the article never gave in full: the KB person `naming.prominent` picks."""
        hon = self.honorific(sp.start) if sp.start is not None else None
        key = (surname.casefold(), sp.id, hon)
        if key not in self._prominence:  # a surname recurs: weigh its bearers once
            self._prominence[key] = prominent(self.kb, key[0], self.kb.get(sp.id), self.doc.reference_date, hon)
        best = self._prominence[key]
        return sp if best is None else Speaker(best.id, best.name, best.country, sp.start, sp.end)


@dataclass(slots=True)
class _Tally:
    """Full names with one surname counted up to `done`: each name's count, and its place among the
    names and its first speaker."""

    done: int = 0
    counts: dict[tuple[str | None, str], int] = field(default_factory=dict)
    first: dict[tuple[str | None, str], tuple[int, Speaker]] = field(default_factory=dict)
    best: tuple[str | None, str] | None = None


def copy_speaker(sp: Speaker) -> Speaker:
    """A speaker's copy, to give other offsets."""
    return Speaker(sp.id, sp.name, sp.country, sp.start, sp.end)
