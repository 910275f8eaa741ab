"""Finding actor mentions: every KB name at once (one Aho-Corasick automaton, longest match, word
boundaries), the capitalised runs no KB name covers, and organisation names that start lower case.

Finding is kept apart from typing and linking (`link.py`) because the name tagger reads between the
two: it is asked about the runs found here before they are typed.
"""
from __future__ import annotations

import re
from collections.abc import Container

from ...kb import KB
from ...model import ActorRef, Doc, Entity
from .lexicon import CAP, ActorLexicon, automaton

_TOKEN = re.compile(rf"[{CAP}](?<![\w&-].)(?:\.(?= [{CAP}])|[\w'’&.-]*(?<![.'’-]))|\d(?<![\w-].)\d*[A-Z][\w-]*")
_SENT_END = ".!?:;\n„“”\"‘'«»(–—•|"
_WORD = re.compile(r"[\w&-]+(?:['’.][\w&-]+)*")
_JOINER = re.compile(r"['’.]")
_DAY_AFTER = re.compile(r"\.? \d{1,2}\b")
_CURRENCY = "$€£¥"  # "US$", "HK$": a currency, not the place


def starts_inside(text: str, spans: list) -> set[int]:
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
    """A KB match must not start or end inside a word ("Iran" in "Iraniër"), nor be a currency's
    place ("US$")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-&") and not (after.isalnum() or after in "-&" + _CURRENCY)


def word_forms(text: str) -> frozenset[str]:
    """Every word of the text as written, with the parts a quote mark or period joins ("o'neill",
    "neill"), read once: a word's other uses are then a set lookup, not a scan of the text."""
    out = set(_WORD.findall(text))
    for token in [t for t in out if _JOINER.search(t)]:  # each distinct word once
        parts = _JOINER.split(token)
        seps = _JOINER.findall(token)
        for i in range(len(parts)):
            joined = parts[i]
            out.add(joined)
            for j in range(i + 1, len(parts)):
                joined += seps[j - 1] + parts[j]
                out.add(joined)
    return frozenset(out)


def sentence_initial(text: str, start: int) -> bool:
    """Whether a word starts a sentence, a quotation or a parenthesis: its capital says nothing."""
    i = start - 1
    while i >= 0 and text[i] in " \t–—-„“\"‘'(*«":
        if text[i] in "„“\"‘'«(":
            return True
        i -= 1
    return i < 0 or text[i] in _SENT_END


def words_before(text: str, start: int, n: int = 4) -> list[str]:
    """The last `n` words before `start` (within 60 characters): the context clues read them."""
    return text[max(0, start - 60):start].split()[-n:]


COUNTRY_CODE = re.compile(r"\( ?([A-Z][A-Za-z]{2}) ?[)/]")  # "(Fra)", "(Ita/Mercatone Uno)" in results


def country_codes(text: str, lex: ActorLexicon, found: list) -> list[tuple[int, int, tuple, int]]:
    """The KB matches with the countries abbreviated in parentheses added ("Jalabert (Fra)",
    "Boogerd (Ned)"): sports results name riders' and players' countries so."""
    taken = {s for s, _, hits, _ in found if any(k == "aliases" for _, k in hits)}  # "(Rus)": no demonym
    extra = [(m.start(1), m.end(1), ((lex.country_codes[m.group(1)], "aliases"),), m.start(1))
             for m in COUNTRY_CODE.finditer(text) if m.group(1) in lex.country_codes and m.start(1) not in taken]
    if not extra:
        return found
    starts = {s for s, *_ in extra}
    return sorted([f for f in found if f[0] not in starts] + extra)


def kb_matches(doc: Doc, kb: KB) -> list[tuple[int, int, tuple, int]]:
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


def proper_names(doc: Doc, words: frozenset[str], lex: ActorLexicon, taken: set[int], named: set[str],
                 dropped: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Capitalised token runs (with name particles) not covered by a KB match.

    `words` are the text's word forms (`word_forms`). `named` holds surnames of KB persons found in the text: such a word alone is kept
    even at a sentence start ("Sánchez zei ..."). A lone sentence-initial word the text never
    uses in lower case, but which no clue keeps, goes to `dropped` (for the tagger to judge)."""
    text = doc.text
    runs: list[list[tuple[int, int, str]]] = []
    prev_end, prev_alone = -2, True
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if s in taken:
            continue
        word = m.group()
        low = word.lower()
        if (low in lex.function_words and low not in lex.particles and word not in lex.first_names
                and word not in named and sentence_initial(text, s)):
            prev_alone = True  # "Behalve Sissy van Alebeek", "Regarding Trump": no part of the name
            continue
        if word in lex.date_words and _DAY_AFTER.match(text, e):
            prev_alone = True  # "Oct 11", "Jan. 3": a date, though Jan is a first name too
            continue
        alone = "-" in word and word.rsplit("-", 1)[1][:1].islower()
        if not alone and not prev_alone and (
                s == prev_end + 1 and text[prev_end] == " " or _joins(text[prev_end:s], runs[-1], lex, word)):
            runs[-1].append((s, e, word))
        else:
            runs.append([(s, e, word)])
        prev_end, prev_alone = e, alone
    initial = {r[0][0] for r in runs if sentence_initial(text, r[0][0])}
    mid = {w for r in runs for s, _, w in r if s not in initial}
    out = []
    for run in runs:
        while run and run[0][2] not in named and (run[0][2] in lex.never or _glued(text, run, initial, words, lex)):
            if len(run) > 1 and run[0][2].lower() in lex.particles and (
                    run[0][0] not in initial or prefixed_surname(text, run, lex)):
                break
            run = run[1:]
        while run and run[-1][2] in lex.never:
            run = run[:-1]
        run = _after_title(run, runs, lex)
        cut = _cut(text, run, lex)
        if cut:
            runs.append(run[cut:])
            run = run[:cut]
        if not run or (len(run) == 1 and (len(run[0][2]) < 2 or run[0][2] in lex.not_names
                                          or text[run[0][1]:run[0][1] + 1] in _CURRENCY)):
            continue
        if _ends_title(text, run, lex):
            continue  # "Secretary of State Antony Blinken": the title's last words are no name
        word = run[0][2]
        if len(run) == 1 and run[0][0] in initial and word not in mid and not (
                word.isupper() or word in lex.first_names or word in named or coded(text, run[0][1], lex)
                or (lex.genitive and word.endswith(lex.genitive) and word[:-len(lex.genitive)] in mid)
                or (word in lex.surnames and (word not in lex.surname_words or speaks(text, run[0][1], lex)))):
            if dropped is not None and not common(words, word):
                dropped.append((run[0][0], run[0][1]))
            continue
        out.append((run[0][0], run[-1][1]))
    return out


def _ends_title(text: str, run: list[tuple[int, int, str]], lex: ActorLexicon) -> bool:
    """Whether the words before a run and the run make a title ("Secretary of State", "Secretary of
    the Treasury"): then the run is the end of that title, not a name."""
    if len(run) > 4 or run[-1][2].lower() not in lex.title_ends:
        return False
    name = " ".join(t[2] for t in run)
    before = words_before(text, run[0][0], 3)
    return any(" ".join([*before[k:], name]).lower() in lex.titles for k in range(len(before) - 1))


def coded(text: str, end: int, lex: ActorLexicon) -> bool:
    """Whether a country abbreviated in parentheses follows the word ending at `end`, as results name
    riders and players ("1. Kadlec (Tsj)"): a name, also at a line's or rank's start."""
    m = COUNTRY_CODE.match(text, end + (text[end:end + 1] == " "))
    return bool(m) and m.group(1) in lex.country_codes


def _glued(text: str, run: list[tuple[int, int, str]], initial: set[int], words: frozenset[str],
           lex: ActorLexicon) -> bool:
    """Whether a run's first word is glued to the name, not part of it: a title ("Captain Rochester")
    unless an organisation word follows ("General Assembly"), a demonym ("Duitser Beerbaum"), or at
    a sentence start a word the text uses in lower case."""
    word = run[0][2]
    if word.lower() in lex.titles:
        return not any(t[2] in lex.org_words for t in run[1:])
    if len(run) > 1 and word in lex.demonyms and word not in lex.first_names:  # "Frans Steenhoudt"
        return True
    if run[0][0] not in initial:
        return False
    if common(words, word):
        return True
    if len(run) < 2 or word in lex.first_names or word in lex.org_words or word in lex.loc_modifiers:
        return False
    if run[1][2] in lex.first_names and word.lower().endswith(lex.person_kinds):  # "Schaatsster Anne ten Brink"
        return True
    rest = text[run[1][0]:run[-1][1]]  # "Einde Masin" where "Masin" comes alone too: a common word, capitalised
    return word.lower() in lex.common_words and text.count(rest) > text.count(f"{word} {rest}")


def _after_title(run: list[tuple[int, int, str]], runs: list, lex: ActorLexicon) -> list[tuple[int, int, str]]:
    """The name after a title inside a run ("Health Minister Veronika Skvortsova" → "Veronika
    Skvortsova"); nothing when the run ends in its title ("Foreign Minister", "Labour MP"): it names a
    role. What comes before the title is a name of its own (`runs`) when it is an acronym or holds an
    organisation word ("USCG Captain Monica Rochester", "Senate Minority Leader"). A title after a
    particle is a surname ("Herman De Prins", "De Koning")."""
    i = next((i for i in range(len(run) - 1, 0, -1) if run[i][2].lower() in lex.titles
              and run[i - 1][2].lower() not in lex.particles), 0)  # "Herman De Prins": a surname
    if not i or any(t[2] in lex.org_words for t in run[i + 1:]):
        return run
    head = run[:i]
    if not all(t[2].isupper() for t in head):  # "Senate Minority Leader": the organisation is "Senate"
        head = head[:max((j + 1 for j, t in enumerate(head) if t[2] in lex.org_words), default=0)]
    if head:
        runs.append(head)
    return run[i + 1:]


def prefixed_surname(text: str, run: list[tuple[int, int, str]], lex: ActorLexicon) -> bool:
    """Whether a sentence-initial particle starts a surname ("Van der Schans hield", "De Rooij:"):
    the article writes it after a first name too ("Wout-Jan van der Schans", "Paul De Grauwe"), or the
    name speaks. Otherwise "Van" is the preposition, "De" the article ("De Vlaamse regering")."""
    prefix = text[run[0][0]:run[1][0]]
    if not all(w.lower() in lex.particles for w in prefix.split()):
        return False
    word, end = run[1][2], run[1][1]
    if speaks(text, end, lex) or text[end:end + 2].strip()[:1] == ":":
        return True
    for m in re.finditer(rf"(?<= )(?i:{re.escape(prefix)}){re.escape(word)}\b", text):
        space = m.start() - 1
        before = words_before(text, space, 1)  # the word one space before
        if not before or text[space - 1:space].isspace():
            continue
        first, at = before[0], space - len(before[0])
        # a first name, not an opening "Volgens de Vlaamse" or "Het is de Vlaamse"
        if first in lex.first_names or (first[:1].isupper() and first.lower() not in lex.function_words
                                        and not sentence_initial(text, at)):
            return True
    return False


def speaks(text: str, end: int, lex: ActorLexicon) -> bool:
    """Whether a speech verb follows the word ending at `end` ("Visser zei"): a person speaking."""
    after = text[end:end + 30].split(maxsplit=1)[:1]
    return bool(after) and after[0].strip(",.:;") in lex.speech_verbs


def _cut(text: str, run: list[tuple[int, int, str]], lex: ActorLexicon) -> int | None:
    """Where a run holds two names: a portfolio then a person, any name then a first name, or a name then
    a capitalised particle surname the article also writes after a first name in lower case."""
    if len(run) > 1 and " ".join(words_before(text, run[0][0], 2)).lower() in lex.portfolio:
        i = next((i for i, t in enumerate(run) if t[2] not in lex.portfolio_words), len(run))
        if 0 < i < len(run):
            return i
    for i in range(1, len(run) - 1):
        if (run[i][2] in lex.first_names and run[i - 1][2] not in lex.first_names
                and " ".join(t[2] for t in run[:i + 1]) not in lex.places):  # "San Francisco Giants": one name
            return i
        word = run[i][2]
        if (word[:1].isupper() and word.lower() in lex.particles and run[i - 1][2].lower() not in lex.particles
                and run[i - 1][2] not in lex.first_names):
            rest = text[run[i][0]:run[-1][1]]  # "waarop Milliard Van 't Klooster": the article writes
            lower = re.escape(f" {rest[0].lower()}{rest[1:]}")  # "Dirk van 't Klooster": a capital starts a name
            if re.search(rf"\b[{CAP}][\w-]*{lower}", text):
                return i
    return None


def _joins(gap: str, run: list[tuple[int, int, str]], lex: ActorLexicon, word: str = "") -> bool:
    """Tokens join across place particles ("Huis ten Bosch"), a firm's ampersand ("Lernout & Hauspie"),
    and across name particles right after a run's first word or its first names ("Jan van der Berg",
    "Jan Peter van Dijk"), also after a capitalised particle ("Jan Van den Bossche"); not across name
    particle that is a link word (`kind_links`) before a known first name (`word`): "het concerto van
    Roland Coryn" starts a name there; nor across "van" before a portfolio ("minister Grapperhaus |
    van Justitie")."""
    if len(gap) > 16 or not gap.startswith(" ") or not gap.endswith(" "):
        return False
    inner = gap[1:-1]
    if inner in lex.place_particles or inner in lex.name_joiners:
        return True
    words = inner.split()
    if word in lex.first_names and len(words) == 1 and words[0] in lex.kind_links:
        return False
    if word in lex.portfolio_words and inner in ("van", "voor"):
        return False
    head = run
    while len(head) > 1 and head[-1][2].lower() in lex.particles:  # "Tinne Van der Straeten": Flemish capitals
        head = head[:-1]
    return ((len(head) == 1 or head is not run or all(t[2] in lex.first_names for t in head)) and 0 < len(words) <= 3
            and all(w in lex.particles for w in words))


def common(words: Container[str], word: str) -> bool:
    """A sentence-initial word that the text also uses in lower case is not a name (`words`: the
    text's word forms, `word_forms`)."""
    if word.isupper() and len(word) > 1:
        return False
    return word.lower() in words


def heads(doc: Doc, kb: KB, lex: ActorLexicon, found: list) -> list[Entity]:
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
