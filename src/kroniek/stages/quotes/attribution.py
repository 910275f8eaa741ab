"""Who said it, first step: the words around a cue that name a speaker (`mention_in`, `np_after`).

`resolver.py` turns those words into a `model.Speaker`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model import Entity, SpanIndex, Token
from .groups import people_noun
from .lexicon import QuoteLexicon


@dataclass(slots=True)
class SpeakerMention:
    """Words that name a speaker: kind is entity, pronoun, name or np."""

    start: int
    end: int
    text: str
    kind: str


def word(t: Token) -> bool:
    return t.text[0].isalnum()


def mention_in(toks: list[Token], lex: QuoteLexicon, text: str, entities: SpanIndex[Entity], last: bool = False) -> SpeakerMention | None:
    """The speaker-naming words in a short run of tokens (a clause's subject or an inverted one).

    Leading adverbs and determiners are skipped for the name; an entity inside wins, then a
    pronoun, then the whole noun phrase. With `last`, the mention nearest the end is taken.
    """
    toks = [t for t in toks if t.text[0].isalnum() or t.text in "-'’."]
    while toks and (toks[-1].low in lex.adverbs or toks[-1].low in lex.auxiliaries or not word(toks[-1])
                    or (len(toks) > 1 and toks[-1].text[0].islower() and toks[-1].low.endswith(lex.adverb_suffixes))):
        toks = toks[:-1]
    while len(toks) > 2 and toks[0].low in lex.prepositions and toks[1].low in lex.adverbs \
            and toks[1].low not in lex.determiners:
        toks = toks[2:]  # "On Thursday officials": a time phrase, then the speaker
    while toks and (toks[0].low in lex.adverbs or toks[0].low in lex.auxiliaries) and toks[0].low not in lex.pronouns \
            and not (len(toks) > 1 and toks[0].low in lex.possessive_determiners):  # "zijn broer"
        toks = toks[1:]
    if not toks:
        return None
    tail = _name_tail(toks[-1], lex, text, entities)
    if tail is not None and tail.start >= toks[0].start:
        return SpeakerMention(tail.start, tail.end, tail.text, "entity")  # "burgemeester Jan | de Boer"
    if not last and len(toks) > 2 and toks[-1].low in lex.pronouns and toks[-2].low not in lex.joiners:
        return SpeakerMention(toks[-1].start, toks[-1].end, toks[-1].text, "pronoun")  # "… Spanton's underwear he claimed"
    ents = [e for e in entities.within(toks[0].start, toks[-1].end) if (e.actor is not None or e.type != "MISC")
            and not _bare_title(e, lex)]
    first = toks[0]
    lead = next((n for n, t in enumerate(toks) if t.low not in lex.name_particles), len(toks))
    if ents and 0 < lead and (first.text[0].islower() or lead > 1) and toks[lead - 1].end + 1 == ents[0].start \
            and toks[lead].start == ents[0].start and not _lower_after(toks, ents[0].end):
        e = ents[0]  # "van Boxtel", "Van den Stockt": the particles belong to the name ("de Oegandese minister" has none)
        return SpeakerMention(first.start, e.end, text[first.start:e.end], "name")
    h = next((k for k, t in enumerate(toks) if t.low not in lex.determiners), 0)
    gen = next((k for k in range(h + 1, len(toks)) if toks[k].low == lex.genitive  # not the "van" of "Jan van Zanen"
                and not any(e.type == "PER" and e.start < toks[k].start < e.end for e in ents)), None)
    if lex.is_role(toks[h].low) and gen is not None and not last:
        if not toks[h + 1].text[0].isupper():  # "een woordvoerster van reisorganisatie Travel Unie"
            return SpeakerMention(toks[0].start, toks[-1].end, text[toks[0].start:toks[-1].end], "np")
        toks = toks[:gen]  # "Burgemeester Opstelten van Rotterdam": the person, not the town
        ents = [e for e in ents if e.end <= toks[-1].end]
    people = [e for e in ents if e.type == "PER"]
    while len(people) > 1 and not last and modifies(text, people[0].end, people[1].start, lex):
        people = people[1:]  # "Emergencies Minister Yevgeny Zinichev", "Trump campaign spokesman Jason Miller"
    if people and _person_modifies(toks, people[-1], lex, text):
        people = []  # "The Trump campaign", "The Republican presidential nominee": a noun after the name heads
    if people:
        e = people[-1] if last else people[0]
        return _widened(toks, e, lex, text)
    if ents and (ents[-1].end >= toks[-1].end or not _lower_after(toks, ents[-1].end)) \
            and not _modifier(toks, h, ents[-1], lex):
        return _widened(toks, ents[-1], lex, text)
    pron = [t for t in toks if t.low in lex.pronouns]
    if pron:
        t = pron[-1] if last else pron[0]
        return SpeakerMention(t.start, t.end, t.text, "pronoun")
    if last:
        caps = _last_caps(toks)
        if caps:
            return SpeakerMention(caps[0].start, caps[-1].end, text[caps[0].start:caps[-1].end], "name")
    if not toks or len(toks) > 9 or (len(toks) == 1 and toks[0].low in lex.determiners):
        return None
    span = text[toks[0].start:toks[-1].end]
    caps = all(t.text[0].isupper() for t in toks if t.low not in lex.name_particles)
    return SpeakerMention(toks[0].start, toks[-1].end, span, "name" if caps else "np")


def _name_tail(t: Token, lex: QuoteLexicon, text: str, entities: SpanIndex[Entity]) -> Entity | None:
    """A person's name that goes on past the run's last word with lower-case particles and a surname
    ("Jan | de Boer", "Sarah | de Lange"): the phrase rules stop at a lower-case 'de', the tagger did not."""
    for e in entities.covering(t.start):
        rest = text[t.end:e.end].split()
        if e.type == "PER" and len(rest) > 1 and all(w in lex.name_particles for w in rest[:-1]) \
                and rest[-1][:1].isupper():
            return e
    return None


def _modifier(toks: list[Token], h: int, e: Entity, lex: QuoteLexicon) -> bool:
    """A place or body after a preposition inside a phrase that a lower-case noun heads ("het hof
    van beroep in Antwerpen", "onderzoekers van de universiteit van Leiden"): where the speaker sits,
    not who; right after the head, 'van X' is X ("de regering van Frankrijk")."""
    if e.type == "PER" or not toks[h].text[0].islower() or toks[h].low in lex.prepositions:
        return False
    k = next((n for n, t in enumerate(toks) if t.start >= e.start), 0)
    while k > h and toks[k - 1].low in lex.determiners:
        k -= 1
    return k > h + 1 and toks[k - 1].low in lex.prepositions and (toks[k - 1].low != lex.genitive or k - 1 > h + 1)


def _bare_title(e: Entity, lex: QuoteLexicon) -> bool:
    """An unlinked 'name' that is only a title or role ("One MP"): the noun phrase around it names the speaker."""
    return (e.actor is None or e.actor.id is None) and e.text.casefold().strip(".") in lex.titles


def _person_modifies(toks: list[Token], e: Entity, lex: QuoteLexicon, text: str) -> bool:
    """Whether a phrase that opens with a determiner ends in one to three lower-case nouns after the
    name, which then only modifies them ("the Trump campaign", "a Clinton aide", "The Republican
    presidential nominee"), or a possessive name owns people ("Johnson's critics", "Clinton's aides");
    not "Trump himself", nor "Netanyahu's office", which speaks for him."""
    tail = [t for t in toks if t.start >= e.end]
    owner = text[e.end:e.end + 2] in lex.possessives
    if not toks or len(toks) > 6 or (not people_noun(tail[-1].low, lex) if owner and tail else owner) \
            or not owner and toks[0].low not in lex.determiners:
        return False
    return 0 < len(tail) <= 3 and all(t.text[0].islower() and t.text[0].isalpha() and t.low not in lex.function_words
                                      and t.low not in lex.adverbs and t.low not in lex.determiners
                                      and t.low not in lex.prepositions
                                      and not t.low.endswith((*lex.adverb_suffixes, *lex.finite_suffixes, *lex.gerunds))
                                      for t in tail)  # no verb: "Conley issued a statement saying" is Conley


def _lower_after(toks: list[Token], pos: int) -> bool:
    """True when a lower-case word follows pos: the entity is a modifier ("Amerikaanse media")."""
    return any(t.start >= pos and t.text[0].islower() for t in toks)


def _last_caps(toks: list[Token]) -> list[Token]:
    run: list[Token] = []
    for t in reversed(toks):
        if not t.text[0].isupper():
            break
        run.insert(0, t)
    return run


def np_after(toks: list[Token], i: int, lex: QuoteLexicon, inverted: bool = False) -> list[Token]:
    """The noun phrase from token i on: stops at a preposition (but keeps 'van'/'of' + a phrase),
    an adverb, a time word, a complementizer, a cue, a cue's particle ("maakte het ministerie
    bekend") or punctuation. With `inverted` (the speaker after a quote's cue), a cue word
    after a determiner that ends the phrase is a noun ("“…,” said the ruling.")."""
    out: list[Token] = []
    while i < len(toks) and toks[i].low in lex.adverbs and toks[i].low not in lex.determiners:
        i += 1
    while i < len(toks) and len(out) < 9:
        t = toks[i]
        if out and t.text in "/-" and i + 1 < len(toks) and out[-1].end == t.start == toks[i + 1].start - len(t.text):
            out += toks[i:i + 2]  # "9/11 widow": a slash or hyphen inside a word joins its two halves
            i += 2
            continue
        noun = inverted and bool(out) and out[-1].low in lex.determiners and (i + 1 == len(toks) or not toks[i + 1].text[0].isalnum()) \
            or len(out) > 1 and out[0].low in lex.determiners and out[-1].low.endswith(lex.adjective_suffixes)  # "de jongste berichten"
        if (not t.text[0].isalnum() or t.low in lex.complementizers or (t.low in lex.cue_lemma and not noun)
                or t.low in lex.auxiliaries and (out or t.low not in lex.possessive_determiners)  # "zijn broer"
                or (out and (t.low in lex.pronouns or t.low in lex.first_person))  # "vertrouwt een collega | ons toe"
                or (out and t.low in lex.determiners and _phrase_ends(out[-1], t, toks[i + 1:i + 2], lex))
                or (out and t.low == lex.infinitive)  # "volgens de gids | te gevaarlijk"
                or (out and (t.text[0].isdigit() and not t.low.endswith(lex.adjective_suffixes)
                             or t.low not in lex.determiners and lex.numeral.fullmatch(t.low)))  # "media | achtduizend …"; "de | 34-jarige" goes on
                or (t.low in lex.particle_words and t.low not in lex.prepositions)
                or _after_titled_name(out, t, lex)):
            break
        if t.low in lex.prepositions or (t.low in lex.adverbs and t.low not in lex.determiners):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            name = not out and t.low in lex.name_particles and nxt is not None and nxt.text[0].isupper()
            if not name and not (out and t.low == lex.genitive and nxt and (nxt.low in lex.determiners or nxt.text[0].isupper()
                                                                          or _domain(out[-1], nxt, toks[i + 2:i + 3], lex))):
                break  # "van Boxtel" opens a name; "van het ministerie" continues one
        out.append(t)
        if len(out) == 1 and (t.low in lex.pronouns or t.low in lex.object_pronouns and t.low not in lex.possessive_determiners):
            break  # "volgens hem | vertrok …"; "volgens haar advocaat" goes on
        i += 1
    return out


def _domain(role: Token, nxt: Token, after: list[Token], lex: QuoteLexicon) -> bool:
    """A role's lower-case domain before the holder's name: "officier van justitie | Inge Jonkers",
    "minister van defensie | Kajsa Ollongren"."""
    return (lex.is_role(role.low) or role.low in lex.titles) and nxt.text[0].isalpha() and nxt.low not in lex.function_words \
        and bool(after) and after[0].text[0].isupper()


def _phrase_ends(prev: Token, det: Token, nxt: list[Token], lex: QuoteLexicon) -> bool:
    """A determiner after a noun or name opens the next phrase ("van Boxtel | het ontwerp",
    "volgens kenners | de lange ervaring"); a capitalised one before a name is part of the name
    (Belgian "schepen Jan De Wolf"), and after a determiner or preposition it is the phrase's own."""
    if det.text[0].isupper() and nxt and nxt[0].text[0].isupper() and det.low in lex.name_particles:
        return False
    return prev.low not in lex.determiners and prev.low not in lex.prepositions


def _after_titled_name(out: list[Token], t: Token, lex: QuoteLexicon) -> bool:
    """A lower-case word after a title and a name ("sprak bondscoach Eenhoorn | zuinig"), or after a
    Dutch name of two capitalised words ("De Gucht | gepikeerd"), is no longer the noun phrase; after a
    capitalised adjective it is ("de Amerikaanse president", "one Democratic source", "de prominente
    Belgische geneticus")."""
    if not out or not out[-1].text[0].isupper() or not t.text[0].islower() or t.low == lex.genitive \
            or t.low in lex.name_particles or out[-1].low.endswith(lex.demonyms):
        return False  # "de prominente Belgische | geneticus" goes on
    if len(out) > 1 and all(x.text[0].isupper() for x in out) and lex.verb_second:
        return True  # a name of two words or more, particle and all: "repliceerde De Gucht | gepikeerd"
    return any(x.text[0].islower() and x.low not in lex.determiners and x.low not in lex.indefinites for x in out[:-1])


def modifies(text: str, end: int, nxt: int, lex: QuoteLexicon) -> bool:
    """Whether the name ending at `end` only modifies the role phrase before the name at `nxt`
    ("Trump campaign spokesman Jason Miller", "Trump's campaign manager Kellyanne Conway"): nothing
    between them, or (after a possessive) up to four words that end in a title and hold no verb, preposition
    or punctuation. The later name is the person the phrase speaks of."""
    if nxt - end > 60:  # four words at most: most names are further apart
        return False
    between = text[end:nxt].split()
    if between and between[0] in lex.possessives:
        between = between[1:]  # "Trump's campaign manager Kellyanne Conway"
    if not between:
        return not text[end:nxt].strip()
    if len(between) > 4 or between[-1].casefold().strip(".") not in lex.titles:
        return False
    return all(w.replace("-", "").isalpha() and w.casefold() not in lex.prepositions and w.casefold() not in lex.auxiliaries
               and w.casefold() not in lex.joiners and w.casefold() not in lex.cue_lemma for w in between)


def first_person(name: str, lex: QuoteLexicon) -> bool:
    """A tagger's 'name' that is "I", "We" or "I've"."""
    low = name.lower()
    return low in lex.first_person or ("'" in low or "’" in low) and low.replace("’", "'").split("'")[0] in lex.first_person


def _widened(toks: list[Token], e: Entity, lex: QuoteLexicon, text: str) -> SpeakerMention:
    """An unlinked name with the words before it that belong to it: a capitalised article inside a
    sentence ("according to The Times") and a capitalised name before 'of' ("the House of Commons
    Library", where a tagger found only "Commons Library"); never a title ("Minister")."""
    if e.actor is not None and e.actor.id is not None:
        return SpeakerMention(e.start, e.end, e.text, "entity")
    k = next((n for n, t in enumerate(toks) if t.start >= e.start), len(toks))
    lo = k
    while lo >= 2 and toks[lo - 1].low == lex.genitive and toks[lo - 2].text[0].isupper() \
            and toks[lo - 2].low.strip(".") not in lex.titles:
        lo -= 2
        while lo > 0 and toks[lo - 1].text[0].isupper() and toks[lo - 1].low not in lex.determiners \
                and toks[lo - 1].low.strip(".") not in lex.titles:
            lo -= 1
    if lo > 0 and toks[lo - 1].low in lex.determiners and toks[lo - 1].text[0].isupper() \
            and text[max(0, toks[lo - 1].start - 8):toks[lo - 1].start].rstrip()[-1:] not in ("", ".", "!", "?", "\n", "“", '"'):
        lo -= 1
    if lo == k:
        return SpeakerMention(e.start, e.end, e.text, "entity")
    return SpeakerMention(toks[lo].start, e.end, text[toks[lo].start:e.end], "name")


def apposed(toks: list[Token], src: list[Token], lex: QuoteLexicon, entities: SpanIndex[Entity]) -> list[Token]:
    """A source phrase with the person's name set off by a comma after it ("zegt de woordvoerder van
    de politie, Jan Peeters", "volgens een van de auteurs, Els Wouters van de KU Leuven, is …"): the
    phrase names no person, the name does, and it ends there or with its 'van' phrase (then a comma
    or the sentence's end; "X, Y en Z" is a list)."""
    if not src or src[-1] is toks[-1]:
        return src
    k = next((n for n in range(len(toks)) if toks[n] is src[-1]), len(toks)) + 1
    if k + 1 >= len(toks) or toks[k].text != "," \
            or any(e.type == "PER" for e in entities.within(src[0].start, src[-1].end)):
        return src
    person = next((e for e in entities.within(toks[k + 1].start, toks[min(len(toks), k + 6) - 1].end)
                   if e.type == "PER" and e.start == toks[k + 1].start), None)
    if person is None:
        return src
    j = next((n for n in range(k + 1, len(toks)) if toks[n].start >= person.end), len(toks))
    if j < len(toks) and toks[j].low == lex.genitive:
        j = next((n for n in range(j, len(toks)) if not word(toks[n])), len(toks))
    if j < len(toks) and word(toks[j]):
        return src
    return src + toks[k:j]
