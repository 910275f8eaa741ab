"""Typing an unknown name from its form and the words around it: each clue gives a type and a
strength (docs/actors.md, "Other names"), and the strongest clue of a name in the article decides
(`link.py`). Kept apart from linking because the tagger's training script asks it too.
"""
from __future__ import annotations

import re
from itertools import pairwise

from .find import coded, words_before
from .lexicon import ActorLexicon

PREP_STRENGTH = 1.9  # a place preposition before a name ("naar Belgacom"): LOC only for most of its mentions


def type_of(text: str, start: int, end: int, lex: ActorLexicon) -> tuple[int, str]:
    """(strength, type) of an unknown name from its form and the words around it."""
    surface = text[start:end]
    tokens = surface.split()
    wide = words_before(text, start, 7)  # the kind clue reads further back than the others
    before = wide[-4:]
    prev = before[-1] if before else ""
    prev_low = prev.lower()
    two = " ".join(before[-2:]).lower()  # the two words before, read by several clues
    low = surface.lower()
    if (len(tokens) == 1 and "-" in surface and surface.rsplit("-", 1)[1][:1].islower()) or surface in lex.misc_names:
        return 4, "MISC"
    if two in lex.portfolio or two in lex.org_cues:
        return 4, "ORG"
    if _office_portfolio(text, start, tokens, lex):
        return 4, "ORG"
    head = _head_type(tokens, lex)
    if head:
        return 4, head
    last = tokens[-1].lower()
    if last.endswith(lex.street_suffixes) and len(last) > 6 and tokens[-1] not in lex.surnames:
        return 4, "LOC"  # "Van Kerckhovestraat", "Woodrow Wilsonplein": a street, whatever its name
    after = text[end:end + 30].split(maxsplit=2)[:1]
    if any(t in lex.org_words or t.lower().endswith(lex.org_suffixes) or t.lower() in lex.legal_forms
           for t in tokens) or (surface.isupper() and len(surface) > 2 and len(tokens) == 1) or (
            after and after[0].rstrip(",;:").lower() in lex.legal_forms):
        return 4, "ORG"
    if len(tokens) > 1 and any(c.isdigit() for c in tokens[-1]):
        return 4, "MISC"  # a make and its model, an event and its year: "Volvo XC90", "Sydney 2000"
    if prev in lex.titles or prev_low in lex.titles or two in lex.titles:
        return 4, "PER"
    if len(tokens) > 1 and surface in lex.places:
        return 3, "LOC"  # "Santa Monica", "Sierra Nevada": a known place of several words, whatever names it holds
    if _kind_word(prev, lex.person_kinds):
        return 3, "PER"  # "zijn leermeester Senna", "ex-legerleider Mladic", "filmster Rajkamur"
    if _kind_before(wide, lex):
        return 3, "ORG"  # "de Britse zakenbank Abbey National", "mediaholding De Beukelaar"
    if len(tokens) > 1 and (tokens[0] in lex.first_names or any(len(t) == 2 and t[1] == "." for t in tokens)):
        return 3, "PER"
    kind = _apposition(text, end, lex)
    if kind:
        return 3, kind  # "Arinso, de informaticabedrijf …", "Peeters, de woordvoerder van …"
    if _quoted(text, start, end):
        return 3, "MISC"  # "met 'Black Magic Woman'": all a quotation holds, a title (a first name: a person)
    if _spelled_out(text, end, tokens):
        return 3, "ORG"  # "Vlaamse Media Maatschappij (VMM)": a name followed by its own initials
    if prev in lex.demonyms and prev not in lex.first_names and surface not in lex.places:
        return 3, "PER"
    if len(tokens) > 1 and tokens[-1] in lex.demonyms:
        return 3, "MISC"  # "Eastern Europeans"
    head, _, tail = tokens[0].partition("-")
    if tokens[0] in lex.loc_modifiers and len(tokens) > 1 or (
            head in lex.loc_modifiers and tail[:1].isupper() and not tail.endswith(lex.misc_suffixes)
            and tail not in lex.demonyms):  # not "Zuid-Amerikaan", "West-Vlaamse"
        return 3, "LOC"  # "Southern Rhodesia", "Upper Silesia", "Oost-Jeruzalem", "Noord-Afrika"
    if (prev_low in lex.place_cues or two in lex.place_cues
            or _kind_word(prev, lex.place_kinds)):
        return 3, "LOC"  # "provincie X", "ten noorden van X", "de pilootstad X", "het sportpaleis X"
    if prev_low in lex.place_preps and surface in lex.places:
        return 3, "LOC"  # "een familie uit Tongeren schreef": a known place after a place preposition
    if prev_low in lex.speech_verbs or (after and after[0].strip(",.") in lex.speech_verbs):
        return 3, "PER"
    if coded(text, end, lex):
        return 3, "PER"  # "Jalabert (Fra)": results name riders and players with their country
    if surface in lex.places or any(f" {p} " in surface for p in lex.place_particles):
        return 2, "LOC"
    if len(tokens) == 1 and low.endswith(lex.misc_suffixes):
        return 2, "MISC"
    if len(tokens) > 1 and tokens[0].lower().endswith(lex.adjective_endings):
        return 2, "ORG"
    if len(tokens) == 1 and surface in lex.first_names:
        return 2, "PER"  # "hij hield van Freddy", "naar Nico": a known first name alone is a person
    if prev_low in lex.place_preps and not (len(tokens) > 1 and tokens[0] in lex.first_names):
        return PREP_STRENGTH, "LOC"
    if prev_low in lex.org_preps:
        return PREP_STRENGTH, "ORG"  # "werkt bij Tectrade", when most of the name's mentions have it
    if len(tokens) == 1 and low.endswith(lex.place_suffixes):
        return 1, "LOC"
    if prev_low in lex.determiners or (len(tokens) > 1 and (tokens[0] in lex.name_articles or surface.isupper())):
        return 1, lex.default_type  # "de Mont Blanc", "The Black Crowes": a person takes no article;
        # words all in capitals are a headline or a title ("THE BIG NIGHT"), not an acronym
    if len(tokens) > 1 or surface in lex.surnames or (
            surface.startswith(lex.surname_prefixes) if lex.surname_prefixes else False) or (
            low.endswith(lex.surname_suffixes) if lex.surname_suffixes else False):
        return 1, "PER"  # "Vandenbroucke", "Hendrickx": a surname's shape
    return 0, lex.default_type


_APPOSITION = re.compile(r" ?[,(] ?(\w+) ((?:[\w-]+ ?){1,3})")


def _apposition(text: str, end: int, lex: ActorLexicon) -> str | None:
    """The type an apposition after a name gives it: a comma or parenthesis, an article, and after
    at most two adjectives a kind of organisation or place, or a title ("Arinso, de Gentse softwaregroep",
    "Zwalm, een gemeente", "Peeters, de woordvoerder"). None when there is none."""
    m = _APPOSITION.match(text, end)
    if not m or m.group(1).lower() not in lex.articles:
        return None
    for noun in m.group(2).split():
        if _kind_word(noun, lex.org_kinds):
            return "ORG"
        if _kind_word(noun, lex.place_kinds):
            return "LOC"
        if noun in lex.titles and noun.islower():
            return "PER"
        if not noun.endswith("e"):  # only adjectives before the noun ("de Gentse softwaregroep")
            return None
    return None


def _kind_word(word: str, kinds: tuple[str, ...]) -> bool:
    """Whether a lower-case word is one of the kinds, alone or as the tail of a compound ("bank",
    "zakenbank", "farma-verdeler", "pilootstad")."""
    return bool(kinds) and word[:1].islower() and word.replace("-", "").isalpha() and word.endswith(kinds)


def _kind_before(before: list[str], lex: ActorLexicon) -> bool:
    """Whether the word before a name is a lower-case noun naming an organisation's kind, alone or as
    the tail of a compound ("bank", "zakenbank", "farma-verdeler"): an apposition, the name is that kind.
    Not when a title and a link word come before the noun ("de oud-chef van de geheime dienst Vladimiro
    Montesinos"): then the name is the title's, a person's, and the kind noun only says whose."""
    if not _kind_word(before[-1] if before else "", lex.org_kinds):
        return False
    return not any(w in lex.kind_links and head.lower().rsplit("-", 1)[-1] in lex.titles
                   for head, w in pairwise(before[:-1]))


_OPEN, _CLOSE = "'\"‘“„«", "'\"’”»"


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the name is all that a pair of quotation marks holds ("de hit 'Oye Como Va'")."""
    before, after = text[max(0, start - 3):start].rstrip(" "), text[end:end + 3].lstrip(" ")
    return bool(before) and before[-1] in _OPEN and bool(after) and after[0] in _CLOSE


_ACRONYM = re.compile(r" ?\( ?([A-Z]{2,6}) ?\)")


def _spelled_out(text: str, end: int, tokens: list[str]) -> bool:
    """Whether a name of several words is followed by its initials in parentheses ("Nationale Raad
    voor Diergezondheid (NRD)"), with one letter more at most ("… Liberation Front (TPLF)" cut
    short): an abbreviation is made for an organisation, rarely for a person."""
    m = _ACRONYM.match(text, end) if len(tokens) > 1 else None
    if not m:
        return False
    initials = "".join(w[0] for t in tokens for w in t.split("-") if w[:1].isupper())
    acronym = m.group(1)
    return len(initials) > 1 and acronym.startswith(initials) and len(acronym) - len(initials) <= 1


def _head_type(tokens: list[str], lex: ActorLexicon) -> str | None:
    """The type a name's last word gives it ("Trafalgar Square" LOC, "Labor Day" MISC, "Daily Mail"
    ORG): the head of a phrase decides, not a default. Not for a person's name: one with a name
    particle ("Van der Straat") or whose head is a known surname. A head alone ("Haven") says
    nothing; after a name it joins it (compound.py: "London Bridge")."""
    last = tokens[-1].removesuffix("'s").removesuffix("’s")
    kind = "LOC" if last in lex.loc_heads else "MISC" if last in lex.misc_heads else None
    if kind is None or len(tokens) < 2 or any(t.lower() in lex.particles for t in tokens) or last in lex.surnames:
        return None
    return kind


def _office_portfolio(text: str, start: int, tokens: list[str], lex: ActorLexicon) -> bool:
    """Portfolio words after an office and its holder ("minister Marjolein Faber van Asiel en
    Migratie"): part of the office's name, a ministry, never a person."""
    if not all(t in lex.portfolio_words for t in tokens):
        return False
    before = words_before(text, start, 8)
    while before and (before[-1] in lex.portfolio_words or before[-1].lower() in lex.list_joiners):
        before.pop()
    links = {cue.split()[-1] for cue in lex.portfolio}
    offices = {cue.split()[0] for cue in lex.portfolio}
    return bool(before) and before[-1] in links and any(w.lower() in offices for w in before[:-1])
