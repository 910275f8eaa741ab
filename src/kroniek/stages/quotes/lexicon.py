"""The quote stage's language data: data/<lang>/quotes.yaml compiled once per process, and its tokenizer.

Quote marks, cue verbs with their forms, particles, pronouns with gender, role words:
all data, so a language is a folder (English is the fallback).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ... import lexicons
from ...model import Token
from .morphology import generate


@dataclass(slots=True)
class QuoteLexicon:
    """One language's quotes.yaml, compiled once per process."""

    lang: str
    marks: dict[str, tuple[str, ...]]
    cue_lemma: dict[str, str]
    fused: frozenset[str]  # separable cue forms that carry their particle (toegevoegd, aankondigt)
    cue_class: dict[str, str]  # lemma -> speech, writing, opinion, emotion, naming ...
    cue_confidence: dict[str, float]
    particles: dict[str, frozenset[str]]
    separable: frozenset[str]  # lemmas whose split form takes its particle after it (gaf … toe)
    particle_words: frozenset[str]
    content_preps: dict[str, frozenset[str]]
    gerunds: tuple[str, ...]
    finite_suffixes: tuple[str, ...]
    origin_suffixes: tuple[str, ...]  # nouns of origin ("Amsterdammer", "Italiaan"), not first names
    link_labels: tuple[str, ...]  # "Lees ook:", "Read more:": a line that links another article
    present_suffixes: tuple[str, ...]
    complementizers: frozenset[str]
    clause_cues: frozenset[str]
    object_cues: frozenset[str]
    infinitive_cues: frozenset[str]
    infinitive: str
    infinitive_opener: str  # "riep iedereen op | om … te halen": the word that may open the te-clause
    opener_cues: frozenset[str]  # the directives it may follow (not "denken er aan om", an intention)
    infinitive_window: int
    whether: frozenset[str]
    negations: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    own_account: tuple[tuple[str, ...], ...]  # "naar eigen zeggen": the subject's own account
    after_only: frozenset[str]
    message_cues: frozenset[str]  # "luidt het", "klonk zijn oordeel": the subject is the message, not who spoke
    direct_only: frozenset[str]  # cues of quoted words only, never of a reported clause
    irregular_past: frozenset[str]  # went, lost: past forms no suffix shows (reported.finite_clause)
    contrast_joiners: frozenset[str]  # while: it may open another speaker's statement (hits.content_end)
    object_relatives: frozenset[str]  # that, which: a subject after one is the cue's ("the plan that Ross called")
    singular_determiners: frozenset[str]  # a, an: a bare verb form after a phrase they open is a noun ("a Trump tweet")
    plural_openers: frozenset[str]  # determiners a plural noun phrase subject may open with (groups.py)
    group_nouns: frozenset[str]  # nouns for people in the plural ("officials", "police"): what "they" may be
    function_words: frozenset[str]  # data/<lang>/function_words.txt: never part of a subject noun phrase's head
    short_naming: dict[str, str]  # naming lemma -> the word before its quote ("" = after an object): any length is speech
    joiners: frozenset[str]
    back_joiners: frozenset[str]  # "…, zo zei X": the joiner points back, the content is before the cue
    list_joiners: frozenset[str]  # and, or: partial quotes listed so are one statement
    pronouns: dict[str, str]
    plural_pronouns: frozenset[str]  # she or they: they next to a plural verb
    plural_verb_endings: tuple[str, ...]
    determiners: frozenset[str]
    definites: frozenset[str]  # definite articles and demonstratives: "de Belg" is someone named before
    auxiliaries: frozenset[str]
    adverbs: frozenset[str]
    prepositions: frozenset[str]
    roles: frozenset[str]
    compound_roles: bool  # a word ending in a role is that role (Dutch "regeringscommissaris")
    roles_titled: bool  # a role description is the person introduced with it or the home office's, never just the latest
    title_signals: frozenset[str]
    cue_blockers: frozenset[str]
    pronoun_blockers: frozenset[str]  # a blocker that opens a sentence is its subject ("Het bevestigde later")
    offices: dict[str, str]
    participles: tuple[str, ...]
    scare_marks: frozenset[str]
    relatives: frozenset[str]
    anaphors: frozenset[str]
    not_with: dict[str, frozenset[str]]
    not_after: dict[str, frozenset[str]]  # lemma -> words before a form that make it another word ("al vroeg")
    verb_second: bool
    indefinites: frozenset[str]
    spokespersons: frozenset[str]
    genitive: str
    name_particles: frozenset[str]
    possessives: tuple[str, ...]
    negation_suffixes: tuple[str, ...]
    adverb_suffixes: tuple[str, ...]
    demonyms: tuple[str, ...]  # endings of capitalised adjectives of place (Belgische, Franse)
    adjective_suffixes: tuple[str, ...]  # an inflected adjective: a cue form after it is a noun
    agent_preps: frozenset[str]
    absolute_preps: frozenset[str]  # "with X describing …": X is the subject of the participle
    quoted_as: frozenset[str]  # "was quoted (by Reuters) as saying": the cue after 'as' is the subject's
    documents: frozenset[str]
    titles: frozenset[str]
    honorifics: dict[str, str]
    future: frozenset[str]
    first_person: frozenset[str]
    passive_auxiliaries: frozenset[str]
    numeral: re.Pattern[str]  # a word made only of number words (achtduizend, vijfentwintig)
    labels: frozenset[str]
    possessive_determiners: frozenset[str]  # "haar coach", "his lawyer": someone related, not that person
    reflexives: frozenset[str]
    reflexive_cues: frozenset[str]  # lemmas with a reflexive of their own (zich afvragen)  # "meldde zich": a cue verb used reflexively states nothing
    content_gerunds: frozenset[str]  # "…, including two children": a gerund after a comma that stays in the content
    object_pronouns: dict[str, str]  # her, him; haar, hem: a mention of a person, never a subject
    subordinators: frozenset[str]  # a sentence opening with one starts with a subordinate clause
    elisions: frozenset[str]  # words an apostrophe shortens ('t, 's): that mark opens no quote
    not_speech: re.Pattern[str]
    plurals: tuple[str, ...]
    token_re: re.Pattern[str]
    cue_re: re.Pattern[str]

    def cue(self, word: str) -> str | None:
        return self.cue_lemma.get(word)

    def plural_verb(self, word: str) -> bool:
        """Whether a lower-case word is a plural finite cue form or auxiliary ("zeggen", "zeiden", "hebben")."""
        return bool(self.plural_verb_endings) and word.endswith(self.plural_verb_endings) and (
            word in self.cue_lemma or word in self.auxiliaries)

    def is_role(self, word: str) -> bool:
        """Whether a lower-case word names a role (`role_of`)."""
        return self.role_of(word) is not None

    def role_of(self, word: str) -> str | None:
        """The listed role a lower-case word names: itself, the part after a prefix ("oud-minister",
        "pvv-leider"), or, where the language compounds (Dutch), the role it ends in after three
        letters or more ("regeringscommissaris", "oppositieleider"): news coins such heads by the day."""
        if word in self.roles:
            return word
        tail = word.rpartition("-")[2]
        if "-" in word and tail in self.roles:
            return tail
        if not self.compound_roles or len(word) <= 5 or not word.isalpha():
            return None
        return next((word[i:] for i in range(3, len(word) - 2) if word[i:] in self.roles), None)


def _trie(words: list[str]) -> str:
    """A regex alternation shaped as a trie, so matching tries one branch per letter."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _words_re(words: list[str]) -> re.Pattern[str]:
    """Any of these lower-case words, to run over lower-cased text."""
    return re.compile(r"\b" + _trie(sorted({w.lower() for w in words})) + r"\b")


def _token_re(abbreviations: list[str]) -> re.Pattern[str]:
    """TOKEN, plus the period of a title or an initial: checked only after a word ends in '.'.
    Abbreviations of one length share a lookbehind, so a sentence's final period costs a few
    checks, not one per abbreviation."""
    by_len: dict[int, list[str]] = {}
    for a in sorted(set(abbreviations)):
        by_len.setdefault(len(a), []).append(re.escape(a))
    behind = "|".join(f"(?<=\\b(?:{'|'.join(group)})\\.)" for _, group in sorted(by_len.items()))
    initial = r"(?<=\b[A-Z]\.)(?=\s?[A-Z])"
    return re.compile(r"\w+(?:[-'’.]\w+)*(?:\.(?:" + (behind + "|" if behind else "") + initial + r"))?|[^\w\s]")


@lru_cache(maxsize=16)
def lexicon(lang: str | None) -> QuoteLexicon:
    """The quotes lexicon for a language; English when the language has none."""
    used = lang if lexicons.has_language(lang, "quotes") else "en"
    raw: dict[str, Any] = lexicons.load(used, "quotes.yaml")

    def fs(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    cue_lemma = {str(form): lemma for lemma, forms in raw["cues"].items() for form in forms}
    particles = {k: set(v) for k, v in (raw.get("particles") or {}).items()}
    cue_class: dict[str, str] = {}
    split_forms: set[str] = set()
    separable: set[str] = set()
    irregular = {str(k): [str(f) for f in v] for k, v in (raw.get("irregular") or {}).items()}
    stems = {str(k): str(v) for k, v in (raw.get("stems") or {}).items()}
    doubled = frozenset(str(w) for w in raw.get("doubled") or ())
    not_cues = fs("not_cues")
    for cls, lemmas in (raw.get("cue_verbs") or {}).items():
        for lemma in (str(x) for x in lemmas):
            key = lemma.replace("|", "")
            cue_class.setdefault(key, cls)
            sep = lemma.split("|")[0] if "|" in lemma else lemma.partition(" ")[2]
            if "|" in lemma:
                separable.add(key)
            if sep:
                particles.setdefault(key, set()).add(sep)
            for form, (_, split) in generate(str(raw.get("morphology") or "en"), [lemma], irregular, stems, doubled).items():
                if form not in cue_lemma and form not in not_cues:
                    cue_lemma[form] = key
                    split_forms.update([form] if split else [])
                elif split and sep and cue_lemma[form] in particles:
                    particles[cue_lemma[form]].add(sep)  # "geeft … aan" and "geeft … toe" share a form
    fused = {f for f, lemma in cue_lemma.items() if lemma in particles and f not in split_forms
             and any(f.startswith(x) for x in particles[lemma])}
    return QuoteLexicon(
        lang=used, marks={o: tuple(c) for o, c in raw["marks"].items()},
        cue_lemma=cue_lemma, fused=frozenset(fused), cue_class=cue_class,
        cue_confidence={str(k): float(v) for k, v in (raw.get("cue_confidence") or {}).items()},
        particles={k: frozenset(v) for k, v in particles.items()}, separable=frozenset(separable),
        particle_words=frozenset(w for v in particles.values() for w in v),
        content_preps={k: frozenset(v) for k, v in (raw.get("content_preps") or {}).items()},
        gerunds=tuple(raw.get("gerunds") or ()), finite_suffixes=tuple(raw.get("finite_suffixes") or ()),
        origin_suffixes=tuple(raw.get("origin_suffixes") or ()),
        link_labels=tuple(str(x).lower() + ":" for x in raw.get("link_labels") or ()),
        present_suffixes=tuple(raw.get("present_suffixes") or ()),
        complementizers=fs("complementizers"), clause_cues=fs("clause_cues"),
        object_cues=fs("object_cues"), infinitive_cues=fs("infinitive_cues"),
        infinitive=str(raw.get("infinitive") or ""), infinitive_opener=str(raw.get("infinitive_opener") or ""),
        opener_cues=fs("opener_cues"),
        infinitive_window=int(raw.get("infinitive_window") or 0), whether=fs("whether"),
        negations=fs("negations"),
        according=tuple(tuple(a.lower().split()) for a in raw.get("according") or []),
        own_account=tuple(sorted((tuple(a.lower().split()) for a in raw.get("own_account") or []), key=len, reverse=True)),
        after_only=fs("after_only"), message_cues=fs("message_cues"), direct_only=fs("direct_only"),
        plural_openers=fs("plural_openers"), singular_determiners=fs("singular_determiners"),
        object_relatives=fs("object_relatives"), contrast_joiners=fs("contrast_joiners"),
        irregular_past=fs("irregular_past"), group_nouns=fs("group_nouns"),
        function_words=lexicons.word_list(used, "function_words.txt"),
        short_naming={str(k): str(v or "") for k, v in (raw.get("short_naming") or {}).items()},
        joiners=fs("joiners"), back_joiners=fs("back_joiners"), list_joiners=fs("list_joiners"),
        pronouns={str(k): str(v) for k, v in (raw.get("pronouns") or {}).items()},
        plural_pronouns=fs("plural_pronouns"), plural_verb_endings=tuple(raw.get("plural_verb_endings") or ()),
        determiners=fs("determiners"), definites=fs("definites"), auxiliaries=fs("auxiliaries"), adverbs=fs("adverbs"),
        prepositions=fs("prepositions"), roles=fs("roles"), compound_roles=bool(raw.get("compound_roles")), roles_titled=bool(raw.get("roles_titled")), title_signals=fs("title_signals"),
        cue_blockers=fs("cue_blockers"), pronoun_blockers=fs("pronoun_blockers"), offices={str(k): str(v) for k, v in (raw.get("offices") or {}).items()},
        verb_second=bool(raw.get("verb_second")), scare_marks=frozenset(raw.get("scare_marks") or ()),
        relatives=fs("relatives"), anaphors=fs("anaphors"),
        not_with={k: frozenset(v) for k, v in (raw.get("not_with") or {}).items()},
        not_after={k: frozenset(v) for k, v in (raw.get("not_after") or {}).items()},
        participles=tuple(raw.get("participles") or ()),
        indefinites=fs("indefinites"), spokespersons=fs("spokespersons"), genitive=str(raw.get("genitive") or ""),
        name_particles=fs("name_particles"), possessives=tuple(raw.get("possessives") or ()),
        negation_suffixes=tuple(raw.get("negation_suffixes") or ()),
        adverb_suffixes=tuple(raw.get("adverb_suffixes") or ()), quoted_as=fs("quoted_as"), absolute_preps=fs("absolute_preps"),
        adjective_suffixes=tuple(raw.get("adjective_suffixes") or ()), demonyms=tuple(raw.get("demonyms") or ()), agent_preps=fs("agent_preps"),
        documents=fs("documents"),
        titles=fs("titles") | fs("roles"),
        future=fs("future"), first_person=fs("first_person"), passive_auxiliaries=fs("passive_auxiliaries"),
        numeral=_numeral_re([str(w) for w in raw.get("number_words") or ()]),
        elisions=fs("elisions"), content_gerunds=fs("content_gerunds"), reflexives=fs("reflexives"), reflexive_cues=fs("reflexive_cues"), possessive_determiners=fs("possessive_determiners"), subordinators=fs("subordinators"),
        object_pronouns={str(k): str(v) for k, v in (raw.get("object_pronouns") or {}).items()},
        labels=frozenset(str(w).casefold() for w in (lexicons.for_language(used, "segment") or {}).get("labels") or []),
        not_speech=re.compile("|".join(raw.get("not_speech") or ["(?!)"]), re.IGNORECASE), plurals=tuple(raw.get("plurals") or ()),
        honorifics={str(k).lower(): str(v) for k, v in (raw.get("honorifics") or {}).items()},
        token_re=_token_re([str(a) for a in raw.get("abbreviations") or []]),
        cue_re=_words_re([*(f for f, lemma in cue_lemma.items() if lemma not in fs("direct_only")),
                          *(max(a.split(), key=len) for a in [*(raw.get("according") or []), *(raw.get("own_account") or [])])]))


def _numeral_re(words: list[str]) -> re.Pattern[str]:
    """Words made only of number words, Dutch ones joined by "en" (vijfentwintig): a suffix test
    would take rijkswacht (acht) or officier (vier) for a number."""
    if not words:
        return re.compile("(?!)")
    piece = "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"
    return re.compile(f"{piece}(?:(?:en)?{piece})*")


def tokens(text: str, start: int, end: int, lex: QuoteLexicon) -> list[Token]:
    """Word and punctuation tokens with offsets; titles and initials keep their period (Mr., J.).
    A plain loop with one span() and one [0] per match: the stage's hottest lines."""
    out: list[Token] = []
    add = out.append
    for m in lex.token_re.finditer(text, start, end):
        s, e = m.span()
        g = m[0]
        add(Token(s, e, g, g.lower()))
    return out


def itokens(text: str, start: int, end: int, lex: QuoteLexicon) -> Iterator[Token]:
    """`tokens` one at a time, for a caller that mostly stops at the first full stop."""
    for m in lex.token_re.finditer(text, start, end):
        s, e = m.span()
        g = m[0]
        yield Token(s, e, g, g.lower())
