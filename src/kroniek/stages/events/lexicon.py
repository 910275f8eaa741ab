"""The event coder's language data: tokens and trigger patterns, from data/<lang>/events.yaml.

Patterns, clause cues and sector words are data, compiled once per process per language;
nothing here knows the knowledge base (actor mentions are `mentions.py`'s job).
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ... import lexicons
from ...model import Token
from .patterns import (
    COMMON,
    Match,
    Pattern,
    entries_of,
    forms_of,
    key_of,
    make_pattern,
    own_copy,
)

COMPOUND_MEMO = 1 << 16  # words whose compound patterns are remembered (then forgotten at once)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-'’.]\w+)*|[^\w\s]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] with offsets into text (a plain loop: the stage's hottest lines)."""
    out: list[Token] = []
    add = out.append
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = m[0]
        add(Token(m.start(), m.end(), word, word.casefold()))
    return out


WORD_SETS = ("determiners", "negation", "conditional", "conditional_end", "question_words", "question_after",
             "clause_breaks", "compound_joiners", "passive_aux", "passive_by", "prepositions",
             "location_prepositions", "not_event_time", "complementizers", "agent_places",
             "conditional_needs_subject", "subject_starts", "genitive_prepositions", "appositive_openers",
             "perfect_passive_aux", "perfect_passive_types", "between", "patient_genitive_types", "object_act_types", "partner_prepositions", "report_cues", "not_yet", "undergo_verbs", "means_nouns",
             "speech_verbs", "infinitive_subjects", "plan_words", "start_verbs", "subject_auxiliaries",
             "postpositives",
             "currency_words",
             "place_target_types", "relative_pronouns", "infinitive_markers", "infinitive_facts",
             "infinitive_deeds", "light_verbs", "possessives",
             "unresolved_actors", "agent_genitive_types", "means_prepositions", "past_words", "patient_nouns",
             "crowd_types", "crowd_sectors", "singular_verbs", "plural_verbs", "finite_verbs", "topic_prepositions",
             "verb_joiners", "aim_prepositions", "risk_markers", "place_nouns", "topic_verbs", "definites", "agent_nouns", "receive_verbs")


class SectorWords(dict):
    """Sector words (form → sector) that also know compounds by their head, as written in a language
    that joins them (justitieminister, jeugdrechter, regeringstroepen: data sector_heads, minus
    not_sector_compounds such as scheidsrechter). A word is tested once and remembered."""

    def __init__(self, heads: dict[str, list[str]], exceptions: list[str]) -> None:
        super().__init__()
        self.heads = {str(h).casefold(): sector for sector, words in heads.items() for h in words}
        self.lengths = tuple(sorted({len(h) for h in self.heads}, reverse=True))
        self.exceptions = frozenset(str(w).casefold() for w in exceptions)
        self.memo: dict[str, str | None] = {}

    def compound(self, word: str) -> str | None:
        if not self.lengths or word in self.exceptions:
            return None
        hit = self.memo.get(word, "")
        if hit != "":
            return hit
        n = len(word)
        hit = next((self.heads[word[-k:]] for k in self.lengths if n >= k + 3 and word[-k:] in self.heads), None)
        if len(self.memo) < COMPOUND_MEMO:
            self.memo[word] = hit
        return hit

    def __contains__(self, word: object) -> bool:
        return dict.__contains__(self, word) or isinstance(word, str) and self.compound(word) is not None

    def positions(self, toks: list[Token]) -> list[int]:
        """The indices of the tokens that are sector words, in one pass: the mention finder asks it of
        every token of an article, where a Python `in` per token cost twice as much."""
        plain, compound = dict.keys(self), self.compound
        return [i for i, t in enumerate(toks) if t.low in plain or compound(t.low) is not None]

    def __getitem__(self, word: str) -> str:
        hit = self.get(word)
        if hit is None:
            raise KeyError(word)
        return hit

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return dict.get(self, word) or self.compound(word) or default


@dataclass(slots=True)
class EventLexicon:
    """One language's events.yaml, compiled: patterns by first form, word sets, sector words."""

    lang: str
    patterns: dict[str, list[Pattern]]
    sectors: SectorWords
    pronouns: dict[str, frozenset[str]]
    irrealis: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word → word sequences
    verb_nouns: bool = False  # every infinitive is also a noun (nl: het voorstellen)
    verb_final: bool = False  # subordinate and perfect clauses end in the verb (nl): subject and object precede it
    verb_second: bool = False  # a main clause may open with another phrase, the subject then follows the verb (nl)
    keys: frozenset[str] = frozenset()  # per pattern the forms of its least common element
    determiners: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    conditional: frozenset[str] = frozenset()
    conditional_end: frozenset[str] = frozenset()
    question_words: frozenset[str] = frozenset()
    question_after: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    compound_joiners: frozenset[str] = frozenset()
    passive_aux: frozenset[str] = frozenset()
    passive_by: frozenset[str] = frozenset()
    perfect_passive_aux: frozenset[str] = frozenset()  # nl 'is gedood': zijn + participle, passive for ...
    perfect_passive_types: frozenset[str] = frozenset()  # ... transitive acts (not 'is afgetreden', 'is vertrokken')
    between: frozenset[str] = frozenset()  # "fighting between X and Y": the two sides of a nominal act
    currency_words: frozenset[str] = frozenset()  # "US$400", "US dollars": a country's name in a currency names no actor
    postpositives: frozenset[str] = frozenset()  # "attorneys general": an adjective after the sector word
    subject_auxiliaries: frozenset[str] = frozenset()  # "Police have arrested": a bare sector word before one is a subject
    plan_words: frozenset[str] = frozenset()  # "the summit is set to open": a nominal act planned, not held
    start_verbs: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()  # "X reported Y did Z": Y's act; X only tells it
    infinitive_subjects: frozenset[str] = frozenset()  # "for X to file a lawsuit": X does it
    means_nouns: frozenset[str] = frozenset()  # "killed in a US operation": the operation's owner did it
    undergo_verbs: frozenset[str] = frozenset()  # "X survived the attack": X is whom it was done to
    not_yet: frozenset[str] = frozenset()  # "haven't yet agreed": a negated act not done so far is no refusal
    report_cues: frozenset[str] = frozenset()  # "X reported Y attacked": news passed on, no accusation by X
    partner_prepositions: frozenset[str] = frozenset()  # "deployed troops with Belarus": a partner, no target
    object_act_types: frozenset[str] = frozenset()  # "criticised the decision by X": X is the one judged
    patient_genitive_types: frozenset[str] = frozenset()  # "the release of X": X is the target, not the source
    participle_adjectives: tuple[str, ...] = ()  # after an article a verb form so ending is an adjective or noun
    agent_genitive_types: frozenset[str] = frozenset()  # "the request of X": X is the source
    means_prepositions: frozenset[str] = frozenset()  # "killed by an airstrike": the airstrike is how, no second act
    place_target_types: frozenset[str] = frozenset()  # "troops arrested people in Congo": done to the place's country
    relative_pronouns: frozenset[str] = frozenset()  # "de politie, die ... aanhield": the subject is the noun before
    infinitive_markers: frozenset[str] = frozenset()  # "to prevent": a bare infinitive is a purpose or plan ...
    infinitive_facts: frozenset[str] = frozenset()  # ... unless a decision takes it ("voted to expel")
    infinitive_deeds: frozenset[str] = frozenset()  # ... or it is done by what serves it ("gathered to protest")
    light_verbs: frozenset[str] = frozenset()  # "launched an attack": the subject does the nominal act
    possessives: frozenset[str] = frozenset()  # "its attack", "hun aanval": the possessor does the nominal act
    patient_nouns: frozenset[str] = frozenset()  # "Navalny's arrest", "his release": the possessor undergoes it
    crowd_types: frozenset[str] = frozenset()  # "a rally in Minsk": with no one named before it, the crowd there acts
    crowd_sectors: frozenset[str] = frozenset()  # ... a place or unnamed people of these sectors
    finite_verbs: frozenset[str] = frozenset()  # auxiliaries and modals: the verb of a verb-second clause (heeft, wil)
    topic_prepositions: frozenset[str] = frozenset()  # "oneens over een bestand": a nominal act talked about, not done
    aim_prepositions: frozenset[str] = frozenset()  # "kritiek van X op Y": after a genitive, whom the act is aimed at
    risk_markers: frozenset[str] = frozenset()  # "dreigt ... te worden": a threat verb before an infinitive of no act
    unresolved_actors: frozenset[str] = frozenset()  # "they", "zij" with no antecedent: someone, words kept
    adjective_endings: tuple[str, ...] = ()  # an unknown capitalised word with one of these before a noun is an adjective
    past_endings: tuple[str, ...] = ()  # a trigger with one of these is a verb ("Police arrested"), not a noun
    past_words: frozenset[str] = frozenset()  # irregular past forms, verbs as past_endings make them ("Police shot")
    singular_verbs: frozenset[str] = frozenset()  # finite verbs beside "ze" that make it she (zei, was, kon) ...
    plural_verbs: frozenset[str] = frozenset()  # ... or they (zijn, gaan), beyond what the endings tell
    singular_endings: tuple[str, ...] = ()  # ze waarschuwde: she
    plural_endings: tuple[str, ...] = ()  # ze waarschuwden: they
    function_words: frozenset[str] = frozenset()  # data/<lang>/function_words.txt: never the verb beside a pronoun
    verb_joiners: frozenset[str] = frozenset()  # "and" before a second verb: the first verb's clause ends there
    anaphors: frozenset[str] = frozenset()  # the pronouns and possessives that point back: their sentence needs the one before
    prepositions: frozenset[str] = frozenset()
    location_prepositions: frozenset[str] = frozenset()
    not_event_time: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    agent_places: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()  # "het vliegveld van Kabul": the capital is the place
    conditional_needs_subject: frozenset[str] = frozenset()
    subject_starts: frozenset[str] = frozenset()
    genitive_prepositions: frozenset[str] = frozenset()
    appositive_openers: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()  # words that are nouns after an article, though a verb shares the form
    topic_verbs: frozenset[str] = frozenset()  # verbs that judge or report an act named by their object (noemde de eis)
    definites: frozenset[str] = frozenset()  # definite articles and demonstratives: an act already known
    receive_verbs: frozenset[str] = frozenset()  # kreeg kritiek: the subject undergoes the nominal act it receives
    agent_nouns: frozenset[str] = frozenset()  # nominal acts whose genitive is their doer whatever the type (de kritiek van X)
    recodes: dict[str, Any] = field(default_factory=dict)  # acts typed by what they are done to or by whom (recode.py)
    heads: dict[str, list[Pattern]] = field(default_factory=dict)  # compound heads: any word ending in one
    head_lengths: tuple[int, ...] = ()
    modifiers: dict[str, list[Pattern]] = field(default_factory=dict)  # compound modifiers: any word starting with one
    modifier_lengths: tuple[int, ...] = ()
    not_compounds: frozenset[str] = frozenset()  # hartaanval, belastingaanslag: no compound of an event word
    guard_window: int = 2
    by_key: dict[str, list[Pattern]] = field(default_factory=dict)  # patterns by the forms of their key element
    keyless: frozenset[str] = frozenset()
    sufficient: frozenset[str] = frozenset()  # key forms of one-word patterns: enough alone to code a sentence
    compound_memo: lexicons.Memo[str, tuple[Pattern, ...]] = field(default_factory=lambda: lexicons.Memo(COMPOUND_MEMO))

    def candidates(self, low: str) -> list[Pattern]:
        """Patterns that may start at a word: by its form, else as a compound by its head or modifier
        (ETA-aanslag, protestactie); a word that is itself a head form is found by form."""
        return [*self.patterns.get(low, ()), *self.compounds_of(low)]

    def compounds_of(self, low: str) -> tuple[Pattern, ...]:
        """compound_patterns of a word that has no patterns of its own, remembered: words recur."""
        return self.compound_memo.get_or(low, lambda w: () if w in self.not_compounds or w in self.patterns
                                         else tuple(self.compound_patterns(w)))

    def compound_patterns(self, low: str) -> list[Pattern]:
        out: list[Pattern] = []
        n = len(low)
        for k in self.head_lengths:
            if n > k + 2 and low[-k:] in self.heads:
                out.extend(self.heads[low[-k:]])
                break
        for k in self.modifier_lengths:
            if n > k + 2 and low[:k] in self.modifiers:
                out.extend(self.modifiers[low[:k]])
                break
        return out

    def match(self, toks: list[Token], lo: int, hi: int) -> list[Match]:
        """Non-overlapping pattern matches in a sentence, longer patterns first, in text order."""
        found = []
        # only patterns whose key word the sentence holds, tried where their first word stands
        at: dict[str, list[int]] = {}
        for i in range(lo, hi):
            at.setdefault(toks[i].low, []).append(i)
        words = set(at)
        seen: set[int] = set()
        for w in words & self.keys:
            for pat in self.by_key[w]:
                if pat.order in seen:
                    continue
                seen.add(pat.order)
                if not pat.found_in(words, 1):
                    continue
                for i in [i for f in pat.elems[0][0] & words for i in at[f]]:
                    m = self._match_at(pat, toks, i, lo, hi)
                    if m:
                        found.append(m)
        # patterns without a key word (bare intention frames), compounds (ETA-aanslag)
        keyless = words & self.keyless
        compounds = bool(self.head_lengths or self.modifier_lengths)
        for i in (range(lo, hi) if compounds else sorted(i for w in keyless for i in at[w])):
            low = toks[i].low
            pats = [p for p in self.patterns.get(low, ()) if p.order not in seen] if low in keyless else []
            if compounds:
                pats += self.compounds_of(low)
            for pat in pats:
                if not pat.found_in(words, 1):
                    continue
                m = self._match_at(pat, toks, i, lo, hi)
                if m:
                    found.append(m)
        # hand-written patterns win over generated and imported ones, then longer ones over shorter
        found.sort(key=lambda m: (m.pattern.prio, -len(m.idxs), m.head, m.pattern.order))
        used: set[int] = set()
        keep = []
        for m in found:
            if used.isdisjoint(m.idxs):
                keep.append(m)
                used.update(m.idxs)
        return sorted(keep, key=lambda m: m.head)

    def _match_at(self, pat: Pattern, toks: list[Token], i: int, lo: int, hi: int) -> Match | None:
        if not pat.noun and i > lo and toks[i - 1].low in self.determiners and (
                (pat.frame or self.verb_nouns) and toks[i].low not in self.nouns
                or toks[i].low.endswith(self.participle_adjectives)):  # the wounded, an armed man
            return None
        if pat.prio >= 2 and i > lo and toks[i].text[:1].isupper():  # imported: a capital mid-sentence is a name (United troops)
            return None
        if pat.not_prev and any(toks[j].low in pat.not_prev for j in range(max(lo, i - self.guard_window), i)):
            return None
        idxs = [i]
        for forms, final in pat.elems[1:]:
            start = idxs[-1] + 1
            j = next((j for j in range(start, min(hi, start + pat.gap + 1)) if toks[j].low in forms), None)
            if j is None:
                return None
            if final and j + 1 < hi and toks[j + 1].low not in self.clause_breaks and toks[j + 1].text.isalnum():
                return None
            idxs.append(j)
        if pat.elems[0][1] and i + 1 < hi and toks[i + 1].text.isalnum():
            return None
        if pat.not_next and any(toks[j].low in pat.not_next
                                for j in range(i + 1, min(hi, idxs[-1] + self.guard_window + 1))):
            return None
        if pat.not_then and idxs[-1] + 1 < hi and toks[idxs[-1] + 1].low in pat.not_then:
            return None
        return Match(pat, i, idxs[-1], tuple(idxs))

    def is_past(self, low: str) -> bool:
        """A past-tense verb form by its ending or as an irregular one (spoke, sent)."""
        return low.endswith(self.past_endings) or low in self.past_words

    def number_beside(self, toks: list[Token], i: int) -> str | None:
        """'ze waarschuwde' (she) or 'ze waarschuwden' (they): "singular" or "plural" by the finite
        verb right after a pronoun, else right before it ("zei ze"); None when neither is a verb."""
        for j in (i + 1, i - 1):
            if not 0 <= j < len(toks):
                continue
            w = toks[j].low
            if w in self.singular_verbs:
                return "singular"
            if w in self.plural_verbs:
                return "plural"
            if not w.isalpha() or w in self.function_words:
                continue
            if self.plural_endings and w.endswith(self.plural_endings):
                return "plural"
            if self.singular_endings and w.endswith(self.singular_endings):
                return "singular"
        return None

    def is_negation(self, low: str) -> bool:
        return low in self.negation or low.endswith("n't")

    def is_irrealis(self, toks: list[Token], i: int) -> bool:
        return any(tuple(t.low for t in toks[i:i + len(seq)]) == seq for seq in self.irrealis.get(toks[i].low, ()))

    def opens_condition(self, toks: list[Token], i: int, hi: int) -> bool:
        """'als' opens a condition only before a subject (als er, als Rusland), not 'als president'."""
        if toks[i].low not in self.conditional_needs_subject:
            return True
        nxt = toks[i + 1] if i + 1 < hi else None
        return bool(nxt) and (nxt.text[:1].isupper() or nxt.low in self.subject_starts
                              or nxt.low in self.determiners)

    def time_is_bound(self, text: str, start: int) -> bool:
        """A time expression after 'sinds'/'since' dates a state's start, not this act."""
        before = _TOKEN.findall(text, max(0, start - 40), start)
        return any(w.casefold() in self.not_event_time for w in before[-5:])

    def may_trigger(self, words: set[str]) -> bool:
        """A cheap test before tokenizing, on a sentence's `words`: does it hold every element of some
        pattern (or an event compound)? Frequent key words ('support', 'take') then make no sentence worth coding."""
        if not words.isdisjoint(self.sufficient):
            return True
        for w in words & self.keys:
            for pat in self.by_key[w]:
                if pat.found_in(words):
                    return True
        for w in words & self.keyless:  # bare intention frames: matched from their first word
            for pat in self.patterns[w]:
                if pat.found_in(words):
                    return True
        if not (self.head_lengths or self.modifier_lengths):
            return False
        memo = self.compound_memo
        for w in words:  # the remembered answer first: a method call per word of every sentence adds up
            found = memo.get(w)
            if found is None:
                found = self.compounds_of(w)
            if found:
                return True
        return False


def sentence_words(text: str, start: int, end: int) -> set[str]:
    """The case-folded words of text[start:end], for `may_trigger` and the stage's other word tests."""
    return set(_TOKEN.findall(text[start:end].casefold()))


# words too common to be the one a sentence is filtered by (with a language's prepositions and articles)
@cache
def lexicon(lang: str) -> EventLexicon | None:
    """The compiled lexicon of a language (None when it has none), built once per process."""
    enabled = gc.isenabled()
    gc.disable()  # thousands of small objects: no collection passes while building them
    try:
        built = _build(lang)
    finally:
        if enabled:
            gc.enable()
    lexicons.long_lived()
    return built


def _build(lang: str) -> EventLexicon | None:
    raw: dict[str, Any] | None = lexicons.for_language(lang, "events")
    if raw is None:
        return None
    suffixes = raw["suffixes"]
    dutch = raw.get("spelling") == "nl"
    patterns: dict[str, list[Pattern]] = {}
    heads: dict[str, list[Pattern]] = {}
    modifiers: dict[str, list[Pattern]] = {}
    nouns = {f for w in raw.get("nouns", []) for f in forms_of(str(w), suffixes, dutch)[0]}
    entries = entries_of(raw, lang)
    for name in raw.get("lemmas", []):  # Dutch lemma tables: forms by morphology (dutch.py)
        from .lemmas import lemma_entries
        table = lexicons.load(lang, name) or {}
        generated, lemma_nouns = lemma_entries(table)
        nouns |= lemma_nouns
        entries.extend((e, int(table.get("priority", 1)), name) for e in generated)
    every: list[Pattern] = []
    by_key_order: list[Pattern] = []
    keyless: set[str] = set()  # first forms of patterns without a key (bare intention frames)
    by_first: dict[int, tuple[frozenset[str], list[Pattern]]] = {}  # patterns sharing a first element (a verb's forms)
    for entry, prio, source in entries:
        compound = entry.get("compound")
        elems = [(e, False) if isinstance(e, frozenset) else (frozenset(e), False) if isinstance(e, list)
                 else forms_of(str(e), suffixes, dutch) for e in entry["p"]]
        pat = make_pattern(entry, elems, prio, source, suffixes, dutch)
        every.append(pat)
        if compound in ("head", "modifier"):
            for form in elems[0][0]:
                (heads if compound == "head" else modifiers).setdefault(form, []).append(pat)
        by_first.setdefault(id(elems[0][0]), (elems[0][0], []))[1].append(pat)
    for first, pats in by_first.values():
        for form in first:
            patterns.setdefault(form, []).extend(pats)
    compounds = {id(p) for index in (heads, modifiers) for lst in index.values() for p in lst}
    for guard in raw.get("guards", []):  # sense guards reach every pattern the word starts, whatever its source
        words = {f for w in guard["w"] for f in forms_of(str(w), suffixes, dutch)[0]}
        types = set(guard.get("types", ()))
        nxt = frozenset(f for w in guard.get("not_next", ()) for f in forms_of(str(w), suffixes, dutch)[0])
        prev = frozenset(f for w in guard.get("not_prev", ()) for f in forms_of(str(w), suffixes, dutch)[0])
        then = frozenset(str(w).casefold() for w in guard.get("not_then", ()))
        for pat in {id(p): p for w in words for p in patterns.get(w, ())}.values():
            if not pat.frame and (not types or pat.type_() in types):
                pat = own_copy(pat, words, patterns, every, compounds)
                pat.not_next |= nxt
                pat.not_prev |= prev
                pat.not_then |= then
    sets = {n: frozenset(str(w).casefold() for w in raw.get(n, [])) for n in WORD_SETS}
    sectors = SectorWords(raw.get("sector_heads") or {}, raw.get("not_sector_compounds") or [])
    for sector, words in raw.get("sectors", {}).items():
        for w in words:
            for form in forms_of(w, suffixes, dutch)[0]:
                sectors.setdefault(form, sector)
    pronouns = {k: frozenset(v) for k, v in raw.get("pronouns", {}).items()}
    irrealis: dict[str, list[tuple[str, ...]]] = {}
    for w in raw.get("irrealis", []):
        parts = w.split()
        seqs = [(f,) for f in forms_of(parts[0], suffixes, dutch)[0]] if len(parts) == 1 else [
            tuple(p.casefold() for p in parts)]
        for seq in seqs:
            irrealis.setdefault(seq[0], []).append(seq)
    common = sets["prepositions"] | sets["determiners"] | frozenset(sectors) | COMMON
    by_key: dict[str, list[Pattern]] = {}
    for pat in every:
        key = key_of(pat, common)
        pat.order = len(by_key_order)
        by_key_order.append(pat)
        for form in key:
            by_key.setdefault(form, []).append(pat)
        if not key:
            keyless.update(pat.elems[0][0])
    keys = set(by_key)
    lengths = lambda index: tuple(sorted({len(f) for f in index}, reverse=True))
    return EventLexicon(lang, patterns, sectors, pronouns, irrealis, bool(raw.get("verb_nouns")),
                        bool(raw.get("verb_final")), bool(raw.get("verb_second")), frozenset(keys), **sets,
                        nouns=frozenset(nouns), heads=heads, head_lengths=lengths(heads), modifiers=modifiers,
                        modifier_lengths=lengths(modifiers),
                        not_compounds=frozenset(str(w).casefold() for w in raw.get("not_compounds", [])),
                        guard_window=int(raw.get("guard_window", 2)), by_key=by_key, keyless=frozenset(keyless),
                        sufficient=frozenset(w for w, pats in by_key.items() if any(len(p.elems) == 1 for p in pats)),
                        adjective_endings=tuple(str(w).casefold() for w in raw.get("adjective_endings", [])),
                        participle_adjectives=tuple(str(w).casefold() for w in raw.get("participle_adjectives", [])),
                        past_endings=tuple(str(w).casefold() for w in raw.get("past_endings", [])),
                        singular_endings=tuple(str(w) for w in raw.get("singular_endings", [])),
                        plural_endings=tuple(str(w) for w in raw.get("plural_endings", [])),
                        function_words=lexicons.word_list(lang, "function_words.txt"), recodes=raw.get("recodes") or {},
                        anaphors=frozenset().union(*pronouns.values(), sets["possessives"], sets["unresolved_actors"]))
