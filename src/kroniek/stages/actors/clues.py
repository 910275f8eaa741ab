"""Typing an unknown name from its form and the words around it: each clue gives a type and a
strength (docs/actors.md, "Other names"), and the strongest clue of a name in the article decides
(`link.py`). Kept apart from linking because the tagger's training script asks it too.
"""
from __future__ import annotations

from .find import words_before
from .lexicon import ActorLexicon

PREP_STRENGTH = 1.9  # a place preposition before a name ("naar Belgacom"): LOC only for most of its mentions


def type_of(text: str, start: int, end: int, lex: ActorLexicon) -> tuple[int, str]:
    """(strength, type) of an unknown name from its form and the words around it."""
    surface = text[start:end]
    tokens = surface.split()
    before = words_before(text, start)
    prev = before[-1] if before else ""
    low = surface.lower()
    if len(tokens) == 1 and "-" in surface and surface.rsplit("-", 1)[1][:1].islower():
        return 4, "MISC"
    if " ".join(before[-2:]).lower() in lex.portfolio or " ".join(before[-2:]).lower() in lex.org_cues:
        return 4, "ORG"
    if _office_portfolio(text, start, tokens, lex):
        return 4, "ORG"
    head = _head_type(tokens, lex)
    if head:
        return 4, head
    if any(t in lex.org_words or t.lower().endswith(lex.org_suffixes) for t in tokens) or (
            surface.isupper() and len(surface) > 2):
        return 4, "ORG"
    if len(tokens) > 1 and any(c.isdigit() for c in tokens[-1]):
        return 4, "MISC"  # a make and its model, an event and its year: "Volvo XC90", "Sydney 2000"
    if prev in lex.titles or prev.lower() in lex.titles or " ".join(before[-2:]).lower() in lex.titles:
        return 4, "PER"
    if len(tokens) > 1 and (tokens[0] in lex.first_names or any(len(t) == 2 and t[1] == "." for t in tokens)):
        return 3, "PER"
    if prev in lex.demonyms and prev not in lex.first_names and surface not in lex.places:
        return 3, "PER"
    if len(tokens) > 1 and tokens[-1] in lex.demonyms:
        return 3, "MISC"  # "Eastern Europeans"
    if len(tokens) > 1 and tokens[0] in lex.loc_modifiers:
        return 3, "LOC"  # "Southern Rhodesia", "Upper Silesia"
    if prev.lower() in lex.place_cues or " ".join(before[-2:]).lower() in lex.place_cues:
        return 3, "LOC"
    after = text[end:end + 30].split(maxsplit=2)[:1]
    if prev.lower() in lex.speech_verbs or (after and after[0].strip(",.") in lex.speech_verbs):
        return 3, "PER"
    if surface in lex.places or any(f" {p} " in surface for p in lex.place_particles):
        return 2, "LOC"
    if len(tokens) == 1 and low.endswith(lex.misc_suffixes):
        return 2, "MISC"
    if len(tokens) > 1 and tokens[0].lower().endswith(lex.adjective_endings):
        return 2, "ORG"
    if len(tokens) == 1 and surface in lex.first_names:
        return 2, "PER"  # "hij hield van Freddy", "naar Nico": a known first name alone is a person
    if prev.lower() in lex.place_preps and not (len(tokens) > 1 and tokens[0] in lex.first_names):
        return PREP_STRENGTH, "LOC"
    if len(tokens) == 1 and low.endswith(lex.place_suffixes):
        return 1, "LOC"
    if len(tokens) > 1 or surface in lex.surnames:
        return 1, "PER"
    return 0, lex.default_type


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
