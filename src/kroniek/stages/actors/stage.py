"""Stage 3: actor mentions, typed PER/ORG/LOC/MISC and linked to the knowledge base.

No parser: every KB name is found at once by one Aho-Corasick automaton (longest match,
word boundaries); other capitalised sequences are typed from their context (titles, place
prepositions, organisation words, first names) from `data/<lang>/actors.yaml`. Role
descriptions ("de Russische president") go to `doc.mentions`, linked by the article's date.
"""
from __future__ import annotations

import re
from typing import Any

from ...kb import KB, Actor, from_archigos, load
from ...model import ActorRef, Article, Doc, Entity, Options
from ..registry import register
from . import tagger as name_tagger
from .lexicon import CAP, ActorLexicon, all_titles, automaton, lexicon

_TOKEN = re.compile(rf"[{CAP}](?<![\w&-].)(?:\.(?= [{CAP}])|[\w'’&.-]*(?<![.'’-]))|\d(?<![\w-].)\d*[A-Z][\w-]*")
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)\s+$")
_SENT_END = ".!?:;\n„“”\"‘'«»(–—•|"
_PREV_WORD = re.compile(r"([\w'’.-]+)[ \t]+$")
# How the name tagger's reading combines with the rules (chosen on CoNLL-2002 ned.testa, checked on
# ned.train; docs/actors.md): it reads the unknown runs no rule clue types (strength 0: the default
# type), and its type wins there only for organisations. Its other types, and its "no name", lost
# to the rules' default on held-out text, so they are not used.
TAGGER_STRENGTH = 3.5  # the strength of the tagger's type in the per-article vote
TAGGER_TYPES = frozenset({"ORG"})  # the types the tagger may give an unknown name
ASK_BELOW = 1  # the tagger reads the runs the rules type with less strength than this
ASK_DROPPED = False  # whether it also reads the lone sentence-initial words the rules dropped
REJECT_BELOW = 0  # a run it reads as no name is dropped when no rule of at least this strength types it


def ref(actor: Actor, kb: KB, date: str | None = None) -> ActorRef:
    """The ActorRef for a KB actor on a date. A place standing for a government gives that
    government; a person in office acts for the country of the office (GOV), or for an
    international body (IGO, no country: NATO's secretary general)."""
    target = kb.get(actor.stands_for) if actor.stands_for else None
    if target:
        return ActorRef(target.id, target.name, target.country, target.sector or "GOV")
    if actor.type == "PER" and date and actor.roles:
        bodies = [kb.get(r.country) for r in actor.roles_at(date)]
        if any(b is not None and b.type == "LOC" for b in bodies):
            country = next(b.id for b in bodies if b is not None and b.type == "LOC")
            return ActorRef(actor.id, actor.name, country, actor.sector or "GOV")
        if any(b is not None and b.type == "ORG" for b in bodies):
            return ActorRef(actor.id, actor.name, None, "IGO")
    return ActorRef(actor.id, actor.name, actor.country, actor.sector)


def _starts_inside(text: str, spans: list) -> set[int]:
    """Word starts inside the given spans: a capitalised token starting there is already taken."""
    out = set()
    for start, end, *_ in spans:
        out.add(start)
        i = text.find(" ", start, end)
        while i != -1:
            out.add(i + 1)
            i = text.find(" ", i + 1, end)
    return out


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-&") and not (after.isalnum() or after in "-&")


_WORD = re.compile(r"[\w&-]+(?:['’.][\w&-]+)*")
_JOINER = re.compile(r"['’.]")


def _word_forms(text: str) -> frozenset[str]:
    """Every word of the text as written, with the parts a quote mark or period joins ("o'neill",
    "neill"), read once: a word's other uses are then a set lookup, not a scan of the text."""
    out: set[str] = set()
    for m in _WORD.finditer(text):
        token = m.group()
        out.add(token)
        if _JOINER.search(token):
            parts = _JOINER.split(token)
            seps = _JOINER.findall(token)
            for i in range(len(parts)):
                joined = parts[i]
                out.add(joined)
                for j in range(i + 1, len(parts)):
                    joined += seps[j - 1] + parts[j]
                    out.add(joined)
    return frozenset(out)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t–—-„“\"‘'(*«":
        if text[i] in "„“\"‘'«(":
            return True
        i -= 1
    return i < 0 or text[i] in _SENT_END


def _strip_possessive(text: str, start: int, end: int, lex: ActorLexicon) -> int:
    """The end of a name without an English possessive ("Netanyahu's" → "Netanyahu"); a language
    whose genitive belongs to the name (Dutch "Poetins") lists no possessives."""
    surface = text[start:end]
    return next((end - len(p) for p in lex.possessives if surface.endswith(p) and len(surface) > len(p)), end)


def _words_before(text: str, start: int, n: int = 4) -> list[str]:
    return text[max(0, start - 60):start].split()[-n:]


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
        kb = self.kb
        lex = lexicon(doc.lang or "nl", kb)
        found = self._first_name_conflicts(doc.text, kb, lex, self._kb_matches(doc, kb))
        named = {part for _, _, hits, _ in found for i, k in hits if k == "aliases"
                 for part in (kb.get(i).name.split()[1:] if kb.get(i) and kb.get(i).type == "PER" else ())}
        dropped: list[tuple[int, int]] = []
        names = self._proper_names(doc, lex, _starts_inside(doc.text, found), named, dropped)
        nlp = name_tagger.load(doc.lang) if self.use_tagger else None
        tagged = self._tag(nlp, doc.text, lex, found, names, dropped) if nlp is not None else None
        if tagged is not None:
            names = sorted({*names, *tagged.names})
        doc.entities = self._link(doc, kb, lex, found, names, tagged)
        groups = self._groups(doc, lex)
        if groups:  # an unknown "Governments" or "Federal" opening a group phrase is no name
            starts = {g.start for g in groups}
            doc.entities = [e for e in doc.entities if (e.actor is not None and e.actor.id) or e.start not in starts]
        doc.mentions = sorted(self._roles(doc, kb, lex) + groups, key=lambda m: m.start)
        return doc

    def _groups(self, doc: Doc, lex: ActorLexicon) -> list[Entity]:
        """Group actors: "federal authorities" (of the outlet's country, or of the country adjective
        before the qualifier), "governments in east Asia" (of the region or country named). An
        unlinked actor with a country and a sector, never the country itself."""
        if lex.groups_re is None:
            return []
        text, out = doc.text, []
        outlet = getattr(doc.article, "country", None)
        by_start = {e.start: e for e in doc.entities}
        by_end = {e.end: e for e in doc.entities}
        for m in lex.groups_re.finditer(text):
            if m.group(2):
                start, end, noun = m.start(), m.end(), m.group(2).lower()
                before = by_end.get(start - 1)
                place = lex.groups_re.match(text, m.start(2))
                place = by_start.get(place.end()) if place and place.group(3) else None
                if place is not None and place.type == "LOC":
                    end, country = place.end, place.actor.country if place.actor else None
                elif before is not None and before.type == "MISC" and before.actor and before.actor.country:
                    start, country = before.start, before.actor.country
                else:
                    country = outlet if lex.group_qualifiers.get(m.group(1).lower()) == "home" else None
            else:
                place = by_start.get(m.end())
                if place is None or place.type != "LOC":
                    continue
                start, end, noun = m.start(), place.end, m.group(3).lower()
                country = place.actor.country if place.actor else None
            out.append(Entity(start, end, text[start:end], "ORG",
                              ActorRef(None, text[start:end], country, lex.group_nouns[noun])))
        return out

    # --- the name tagger -------------------------------------------------------------

    def _tag(self, nlp, text: str, lex: ActorLexicon, found: list, names: list[tuple[int, int]],
             dropped: list[tuple[int, int]]) -> name_tagger.Tagged | None:
        """The tagger's reading of the windows around the unknown runs the rules type weakly (and the
        sentence-initial words they dropped): its names that overlap no KB match and start with a
        capital or a digit."""
        weak = [(s, e) for s, e in names if self._type(text, s, e, lex)[0] < ASK_BELOW]
        ask, asked = [], set()
        for s, e in weak + (dropped if ASK_DROPPED else []):  # one name, one type: its first occurrence is read
            if text[s:e] not in asked:
                asked.add(text[s:e])
                ask.append((s, e))
        if not ask:
            return None
        tagged = name_tagger.tag(nlp, text, ask)
        tagged.asked = asked
        fixed = [(s, e) for s, e, *_ in found] + [r for r in names if r not in weak]
        keep = {}
        for (s, e), label in tagged.names.items():
            if label not in TAGGER_TYPES or not (text[s].isupper() or text[s].isdigit()) or any(
                    s < b and a < e for a, b in fixed):
                continue
            if (s, e) not in names and not any(s < b and a < e for a, b in [*names, *dropped]):
                continue  # a name the rules did not see at all: not asked about
            keep[(s, e)] = label
        tagged.names = keep
        return tagged

    # --- context that blocks a KB link ---------------------------------------------------

    def _first_name_conflicts(self, text: str, kb: KB, lex: ActorLexicon, found: list) -> list:
        """Drop a KB person matched by a surname when a first name that is not theirs comes right
        before it ("Ali Reza Raisi" is not Ebrahim Raisi): the run becomes an unknown name."""
        out = []
        titles = lex.titles | all_titles()
        ends = {e for _, e, *_ in found}
        for item in found:
            _, end, hits, name = item
            people = [kb.get(i) for i, k in hits if k == "aliases"]
            if (not people or len(people) != len(hits) or any(p is None or p.type != "PER" for p in people)
                    or " " in text[name:end].strip()):  # a full name ("Marco Rubio") holds its own first name
                out.append(item)
                continue
            m = _PREV_WORD.search(text[max(0, name - 40):name])
            prev = m.group(1) if m else ""
            if not prev or not prev[0].isupper() or prev.endswith(".") or name - len(m.group(0)) + len(prev) in ends:
                out.append(item)
                continue
            prev_start = name - len(m.group(0))
            if (prev in lex.never or prev.lower() in titles or prev in lex.portfolio_words
                    or not prev.replace("-", "").isalpha()
                    or (_sentence_initial(text, prev_start) and prev not in lex.first_names
                        and self._common(text, prev))):
                out.append(item)
                continue
            own = {w for p in people for alias in p.names() for w in alias.split()}
            if prev in own:
                out.append(item)
                continue
        return out

    # --- finding ---------------------------------------------------------------------

    def _kb_matches(self, doc: Doc, kb: KB) -> list[tuple[int, int, tuple, int]]:
        """Longest non-overlapping KB matches on word boundaries: (start, end, hits, name start).

        The name starts after a title the alias holds ("koning Willem-Alexander"); the match
        keeps the title, so its word is not taken for a name of its own."""
        text, lang = doc.text, doc.lang
        cands = []
        for end, (length, hits, langs, skip) in automaton(kb).iter(text):
            start = end - length + 1
            if _boundary(text, start, end + 1) and (langs is None or lang is None or lang in langs):
                cands.append((start, end + 1, hits, start + skip))
        cands.sort(key=lambda c: (c[0], -c[1]))
        out, last = [], -1
        for start, end, hits, name in cands:
            if start >= last:
                out.append((start, end, hits, name))
                last = end
        return out

    def _proper_names(self, doc: Doc, lex: ActorLexicon, taken: set[int], named: set[str],
                      dropped: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
        """Capitalised token runs (with name particles) not covered by a KB match.

        `named` holds surnames of KB persons found in the text: such a word alone is kept
        even at a sentence start ("Sánchez zei ..."). A lone sentence-initial word the text never
        uses in lower case, but which no clue keeps, goes to `dropped` (for the tagger to judge)."""
        text = doc.text
        words = _word_forms(text)
        runs: list[list[tuple[int, int, str]]] = []
        prev_end, prev_alone = -2, True
        for m in _TOKEN.finditer(text):
            s, e = m.span()
            if s in taken:
                continue
            word = m.group()
            alone = "-" in word and word.rsplit("-", 1)[1][:1].islower()
            if not alone and not prev_alone and (
                    s == prev_end + 1 and text[prev_end] == " " or self._joins(text[prev_end:s], len(runs[-1]), lex)):
                runs[-1].append((s, e, word))
            else:
                runs.append([(s, e, word)])
            prev_end, prev_alone = e, alone
        initial = {r[0][0] for r in runs if _sentence_initial(text, r[0][0])}
        mid = {w for r in runs for s, _, w in r if s not in initial}
        out = []
        for run in runs:
            while run and run[0][2] not in named and (run[0][2] in lex.never or run[0][2].lower() in lex.titles or (
                    run[0][0] in initial and self._common(words, run[0][2]))):
                if len(run) > 1 and run[0][0] not in initial and run[0][2].lower() in lex.particles:
                    break
                run = run[1:]
            while run and run[-1][2] in lex.never:
                run = run[:-1]
            cut = self._cut(text, run, lex)
            if cut:
                runs.append(run[cut:])
                run = run[:cut]
            if not run or (len(run) == 1 and len(run[0][2]) < 2):
                continue
            word = run[0][2]
            if len(run) == 1 and run[0][0] in initial and word not in mid and not (
                    word.isupper() or word in lex.first_names or word in lex.surnames or word in named):
                if dropped is not None and not self._common(text, word):
                    dropped.append((run[0][0], run[0][1]))
                continue
            out.append((run[0][0], run[-1][1]))
        return out

    @staticmethod
    def _cut(text: str, run: list[tuple[int, int, str]], lex: ActorLexicon) -> int | None:
        """Where a run holds two names: a portfolio then a person, or any name then a first name."""
        if len(run) > 1 and " ".join(_words_before(text, run[0][0], 2)).lower() in lex.portfolio:
            i = next((i for i, t in enumerate(run) if t[2] not in lex.portfolio_words), len(run))
            if 0 < i < len(run):
                return i
        for i in range(1, len(run) - 1):
            if run[i][2] in lex.first_names and run[i - 1][2] not in lex.first_names:
                return i
        return None

    @staticmethod
    def _joins(gap: str, run_length: int, lex: ActorLexicon) -> bool:
        """Tokens join across place particles ("Huis ten Bosch"), and across name particles
        right after a first name ("Jan van der Berg")."""
        if len(gap) > 16 or not gap.startswith(" ") or not gap.endswith(" "):
            return False
        inner = gap[1:-1]
        if inner in lex.place_particles:
            return True
        words = inner.split()
        return run_length == 1 and 0 < len(words) <= 3 and all(w in lex.particles for w in words)

    @staticmethod
    def _common(words: frozenset[str], word: str) -> bool:
        """A sentence-initial word that the text also uses in lower case is not a name."""
        if word.isupper() and len(word) > 1:
            return False
        return word.lower() in words

    # --- typing and linking ----------------------------------------------------------

    def _link(self, doc: Doc, kb: KB, lex: ActorLexicon, found: list, names: list,
              tagged: name_tagger.Tagged | None = None) -> list[Entity]:
        text, date = doc.text, doc.reference_date
        outlet = getattr(doc.article, "country", None)
        entities: list[Entity] = []
        seen: dict[str, Actor] = {}  # surnames of persons named in full earlier
        mentioned = {kb.get(i).country or i for _, _, hits, _ in found for i, k in hits
                     if kb.get(i) is not None and kb.get(i).type == "LOC"}
        for _, end, hits, start in found:
            actor, kind = self._choose(hits, kb, seen, date, outlet)
            if actor is None:
                continue
            if kind == "aliases" and self._foreign_namesake(actor, text[start:end], outlet, mentioned):
                entities.append(Entity(start, end, text[start:end], actor.type,
                                       ActorRef(None, text[start:end], None, actor.sector)))
                continue
            if kind == "aliases" and actor.type == "PER":
                end = _strip_possessive(text, start, end, lex)
            surface = text[start:end]
            if kind == "aliases":
                etype = actor.type
                if actor.type == "PER":
                    for part in actor.name.split()[1:]:
                        seen[part] = actor
                entities.append(Entity(start, end, surface, etype, ref(actor, kb, date)))
            else:
                entities.append(Entity(start, end, surface, "MISC", ref(actor, kb)))
        entities += self._heads(doc, kb, lex, found)
        taken = _starts_inside(text, [(e.start, e.end, None) for e in entities])
        votes: dict[str, tuple[float, str]] = {}  # name -> (strength, type): strongest context wins
        verdicts: dict[str, str | None] = {}  # the tagger's reading of a name's first occurrence
        spans = []
        for start, end in sorted(names):
            if start in taken:
                continue
            key = text[start:end].removesuffix("'s").removesuffix("’s")
            span = (start, end)
            end = _strip_possessive(text, start, end, lex)
            strength, etype = self._type(text, start, end, lex)
            if tagged is not None and strength < 4:
                verdict = self._verdict(tagged, span, text[span[0]:span[1]], verdicts)
                if verdict == "":
                    continue  # the tagger's own span for this run replaces it
                if verdict is None and strength < REJECT_BELOW:
                    continue  # the tagger reads no name here, and no strong rule says otherwise
                if verdict and verdict in TAGGER_TYPES:
                    strength, etype = TAGGER_STRENGTH, verdict
            if key not in votes or strength > votes[key][0]:
                votes[key] = (strength, etype)
            spans.append((start, end, key))
        refs: dict[str, ActorRef] = {}
        for key, (_, etype) in votes.items():
            if etype == "PER" and " " in key:
                last = key.split()[-1]
                refs.setdefault(key, ActorRef(None, key))
                if last in votes and (votes[last][0] in (0, 1, 2, TAGGER_STRENGTH) or votes[last][1] == "PER"):
                    votes[last] = (max(3, votes[last][0]), "PER")
                    refs[last] = refs[key]
        for start, end, key in spans:
            etype = votes[key][1]
            if " " not in key and key in seen:
                etype = "PER"
                actor_ref = ref(seen[key], kb, date)
            else:
                actor_ref = refs.setdefault(key, ActorRef(None, key))
            entities.append(Entity(start, end, text[start:end], etype, actor_ref))
        entities.sort(key=lambda e: e.start)
        return self._merge_adjective_orgs(text, entities, lex)

    @staticmethod
    def _verdict(tagged: name_tagger.Tagged, span: tuple[int, int], surface: str,
                 verdicts: dict[str, str | None]) -> str | None | bool:
        """The tagger's type for a run (a label), None when it read the run (or its first
        occurrence) and found no name, "" when its own, different span replaces the run, and
        False when it has no opinion."""
        if span in tagged.names:
            verdicts.setdefault(surface, tagged.names[span])
            return tagged.names[span]
        if tagged.read(*span):
            if any(a < span[1] and span[0] < b for a, b in tagged.names):
                return ""
            verdicts.setdefault(surface, None)
            return None
        return verdicts.get(surface, False) if surface in verdicts else False

    @staticmethod
    def _merge_adjective_orgs(text: str, entities: list[Entity], lex: ActorLexicon) -> list[Entity]:
        """"Vlaamse Gemeenschapscommissie", "British Airways": an adjective starting an organisation name."""
        out: list[Entity] = []
        for ent in entities:
            prev = out[-1] if out else None
            if (prev is not None and prev.type == "MISC" and ent.type == "ORG" and ent.text[:1].isupper()
                    and ent.actor and ent.actor.id is None and any(
                        t in lex.org_words or t.lower().endswith(lex.org_suffixes) for t in ent.text.split())
                    and text[prev.end:ent.start] == " "):
                country = prev.actor.country if prev.actor else None
                name = text[prev.start:ent.end]
                out[-1] = Entity(prev.start, ent.end, name, "ORG", ActorRef(None, name, country))
            else:
                out.append(ent)
        return out

    @staticmethod
    def _foreign_namesake(actor: Actor, surface: str, outlet: str | None, mentioned: set[str]) -> bool:
        """A one-word party name of another country than the outlet's, in an article that does not
        mention that country: a namesake (the Belgian SP of 2000 is not the Dutch SP), left unlinked."""
        return bool(outlet and actor.sector == "PTY" and actor.country and actor.country != outlet
                    and " " not in surface and actor.country not in mentioned)

    @staticmethod
    def _choose(hits: tuple, kb: KB, seen: dict[str, Actor],
                date: str | None, outlet: str | None = None) -> tuple[Actor | None, str]:
        """One actor for an ambiguous name: named earlier, then in office on the date, then of the
        outlet's country, then hand-written."""
        cands = [(kb.get(i), k) for i, k in hits]
        cands = [(a, k) for a, k in cands if a is not None]
        if not cands:
            return None, ""
        if len(cands) == 1:
            return cands[0]
        for a, k in cands:
            if any(seen.get(p) is a for p in a.name.split()[1:]):
                return a, k
        active = [(a, k) for a, k in cands if a.roles_at(date)]
        pool = active or cands
        abroad = lambda a: bool(outlet) and a.country not in (None, outlet)
        if any(a.type != "PER" for a, _ in cands):  # organisations: the outlet's own namesake first
            pool = [c for c in pool if not abroad(c[0])] or [c for c in cands if not abroad(c[0])] or pool
        gone = lambda a: a.type != "PER" and bool(date) and bool(a.roles) and not a.roles_at(date)
        pool.sort(key=lambda c: (abroad(c[0]), gone(c[0]), from_archigos(c[0]), c[1] != "aliases"))
        return pool[0]

    def _type(self, text: str, start: int, end: int, lex: ActorLexicon) -> tuple[int, str]:
        """(strength, type) of an unknown name from its form and the words around it."""
        surface = text[start:end]
        tokens = surface.split()
        before = _words_before(text, start)
        prev = before[-1] if before else ""
        low = surface.lower()
        if len(tokens) == 1 and "-" in surface and surface.rsplit("-", 1)[1][:1].islower():
            return 4, "MISC"
        if " ".join(before[-2:]).lower() in lex.portfolio or " ".join(before[-2:]).lower() in lex.org_cues:
            return 4, "ORG"
        if any(t in lex.org_words or t.lower().endswith(lex.org_suffixes) for t in tokens) or (
                surface.isupper() and len(surface) > 2):
            return 4, "ORG"
        if prev in lex.titles or prev.lower() in lex.titles or " ".join(before[-2:]).lower() in lex.titles:
            return 4, "PER"
        if len(tokens) > 1 and (tokens[0] in lex.first_names or any(len(t) == 2 and t[1] == "." for t in tokens)):
            return 3, "PER"
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
        if prev.lower() in lex.place_preps and not (len(tokens) > 1 and tokens[0] in lex.first_names):
            return 2, "LOC"
        if len(tokens) == 1 and low.endswith(lex.place_suffixes):
            return 1, "LOC"
        if len(tokens) > 1 or surface in lex.surnames:
            return 1, "PER"
        return 0, lex.default_type

    def _heads(self, doc: Doc, kb: KB, lex: ActorLexicon, found: list) -> list[Entity]:
        """Organisation names that start lower case: "(het Russische) ministerie van Defensie"."""
        text = doc.text
        if not any(h in text for h in lex.org_heads):
            return []
        adj_end = {e: hits[0][0] for s, e, hits, _ in found if any(k == "adjectives" for _, k in hits)}
        out = []
        for m in lex.heads_re.finditer(text):
            i = m.start()
            while i > 0 and text[i - 1] == " ":
                i -= 1
            actor = kb.get(adj_end.get(i))
            sector = "MIL" if m.group(1) in lex.military else "GOV"
            out.append(Entity(m.start(), m.end(), m.group(0), "ORG",
                              ActorRef(None, m.group(0), actor.country if actor else None, sector)))
        return out

    # --- role descriptions -------------------------------------------------------------

    def _roles(self, doc: Doc, kb: KB, lex: ActorLexicon) -> list[Entity]:
        """Country adjective + office, government word or sector noun ("de Russische president",
        "de Russische regering", "Amerikaanse media"), linked on the article's date."""
        text, out = doc.text, []
        by_start = {e.start: e for e in doc.entities}
        for ent in doc.entities:
            if ent.type != "MISC" or not ent.actor or not ent.actor.country or text[ent.end:ent.end + 1] != " ":
                continue
            tail = text[ent.end + 1:ent.end + 60]
            word = next((p for p in lex.phrases if tail.startswith(p) and not tail[len(p):len(p) + 1].isalpha()), None)
            if word is None:
                continue
            start, end = self._determiner_start(text, ent.start, lex), ent.end + 1 + len(word)
            country = ent.actor.country
            if word in lex.roles:
                nxt = by_start.get(end + 1)
                if nxt is not None and nxt.type == "PER":
                    out.append(Entity(start, nxt.end, text[start:nxt.end], "PER", nxt.actor))
                    continue
                holders = kb.holders(lex.roles[word], country, doc.reference_date)
                actor_ref = (ref(holders[0], kb, doc.reference_date) if holders
                             else ActorRef(None, text[start:end], country))
                out.append(Entity(start, end, text[start:end], "PER", actor_ref))
            elif word in lex.government:
                actor = kb.get(country)
                name = actor.name if actor else text[start:end]
                out.append(Entity(start, end, text[start:end], "ORG",
                                  ActorRef(actor.id if actor else None, name, country, "GOV")))
            else:
                out.append(Entity(start, end, text[start:end], "ORG",
                                  ActorRef(None, text[ent.start:end], country, lex.sector_nouns[word])))
        return out

    @staticmethod
    def _determiner_start(text: str, start: int, lex: ActorLexicon) -> int:
        """Where a role description starts: at its article ("de", "the") when it has one."""
        window = max(0, start - 8)
        det = _WORD_BEFORE.search(text[window:start])
        if det and det.group(1).lower() in lex.determiners:
            return window + det.start(1)
        return start


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
