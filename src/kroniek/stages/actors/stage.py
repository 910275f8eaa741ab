"""Stage 3: actor mentions, typed PER/ORG/LOC/MISC and linked to the knowledge base.

No parser: every KB name is found at once by one Aho-Corasick automaton (longest match,
word boundaries); other capitalised sequences are typed from their context (titles, place
prepositions, organisation words, first names) from `data/<lang>/actors.yaml`. Role
descriptions ("de Russische president") go to `doc.mentions`, linked by the article's date.
The steps live in `find.py` (finding), `link.py` (typing and linking, with `compound.py`: names
made of names), `tagger.py` (the name tagger) and `groups.py` (group actors and role
descriptions); this module runs them in order.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...kb import KB, Actor, load
from ...model import ActorRef, Article, Doc, Options
from ..registry import register
from ..segment import dateline
from . import tagger as name_tagger
from .find import country_codes, kb_matches, proper_names, starts_inside, word_forms
from .groups import groups, nationals, roles
from .lexicon import lexicon
from .link import consult, first_name_conflicts, link


@register
class ActorStage:
    """Finds and links actor mentions; see the module docstring."""

    name = "actors"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("entities", "mentions")

    def __init__(self, options: Options, kb: KB) -> None:
        self.options = options
        self.kb = kb
        self.use_tagger = options.tagger

    def __call__(self, doc: Doc) -> Doc:
        view = _dateline_view(doc)
        if view is doc:
            return self._find(doc)
        self._find(view)  # "KYIV, Oct 11 (Reuters) -": the place read as "Kyiv", its words kept as written
        for e in view.entities:
            e.text = doc.text[e.start:e.end]
        doc.entities, doc.mentions = view.entities, view.mentions
        return doc

    def _find(self, doc: Doc) -> Doc:
        kb = self.kb
        lex = lexicon(doc.lang or "nl", kb)
        words = word_forms(doc.text)  # read once: both the surname check and the name runs ask it
        found = country_codes(doc.text, lex, first_name_conflicts(doc.text, words, kb, lex, kb_matches(doc, kb)))
        named = {part for _, _, hits, _ in found for i, k in hits if k == "aliases"
                 for part in (kb.get(i).name.split()[1:] if kb.get(i) and kb.get(i).type == "PER" else ())}
        dropped: list[tuple[int, int]] = []
        names = proper_names(doc, words, lex, starts_inside(doc.text, found), named, dropped)
        nlp = name_tagger.load(doc.lang) if self.use_tagger and lex.tagger_types else None
        memo: dict = {}
        tagged = consult(nlp, doc.text, lex, found, names, dropped, memo) if nlp is not None else None
        if tagged is not None:
            names = sorted({*names, *tagged.names})
        doc.entities = link(doc, kb, lex, found, names, tagged, memo)
        nationals(doc, lex)
        found_groups = groups(doc, lex)
        if found_groups:  # an unknown "Governments" or "Federal" opening a group phrase is no name
            starts = {g.start for g in found_groups}
            doc.entities = [e for e in doc.entities if (e.actor is not None and e.actor.id) or e.start not in starts]
        doc.mentions = sorted(roles(doc, kb, lex) + found_groups, key=lambda m: m.start)
        return doc


def _dateline_view(doc: Doc) -> Doc:
    """The document with the capital letters of its datelines' places title-cased (same offsets),
    or the document itself when it has no dateline."""
    text = doc.text
    spans = [(s, line[0]) for s, _ in doc.sentences if (line := dateline(text, s, len(text))) is not None]
    if not spans:
        return doc
    pieces, last = [], 0
    for a, b in spans:
        cased = text[a:b].title()
        if len(cased) != b - a:  # a letter whose title case is longer: offsets would drift
            return doc
        pieces += [text[last:a], cased]
        last = b
    view = Doc(replace(doc.article, text="".join(pieces) + text[last:]), lang=doc.lang)
    view.paragraphs, view.sentences = doc.paragraphs, doc.sentences
    return view


def resolve_role(phrase: str, date: str | None, lang: str = "nl", kb: KB | None = None) -> ActorRef | None:
    """The holder of a role description on a date: "de Russische president", 2025-04 → Putin."""
    stage = ActorStage(Options(), kb if kb is not None else load())
    doc = Doc(Article(id="role", text=phrase, date=date), lang=lang)
    doc = stage(doc)
    return doc.mentions[0].actor if doc.mentions else None


def explain(kb: KB, name: str, date: str | None = None) -> list[dict[str, Any]]:
    """What the KB knows about a name, id or role description ("de Russische president") on a date:
    each candidate with all its roles and those held on the date."""
    found = kb.lookup(name) or ([kb.get(name)] if kb.get(name) else []) or _by_role(kb, name, date)
    return [describe(actor, date) for actor in found]


def describe(actor: Actor, date: str | None = None) -> dict[str, Any]:
    """A KB actor as a record, with the roles held on the date and the files it came from."""
    rec = actor.to_json()
    rec["roles_on_date"] = [r.to_json() for r in actor.roles_at(date)] if date else None
    rec["source"] = actor.source
    return rec


def _by_role(kb: KB, phrase: str, date: str | None) -> list[Actor]:
    for lang in ("nl", "en"):
        ref = resolve_role(phrase, date, lang, kb)
        actor = kb.get(ref.id) if ref is not None else None
        if actor is not None:
            return [actor]
    return []
