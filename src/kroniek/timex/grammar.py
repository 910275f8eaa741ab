"""Finding time expressions with the rules and word tables of data/<lang>/timex.yaml.

Tagging is separate from resolving: a `TimexMention` records what an expression says (its rule's
kind, the words it matched, the tense of its clause) so the publication day can be estimated
from the mentions first and every relative expression resolved against that estimate after.
Speed: trying every rule at every word is what makes regex taggers slow. Each rule's possible
first words are worked out from its pattern (parsed with CPython's own `re._parser`), so at a
word only the rules that can start there are tried: one alternation per distinct set of rules,
compiled on first use, once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from re import _constants as sre_c
from re import _parser as sre_parse
from typing import Any

from .. import lexicons
from ..model import YEARS

# placeholder in a rule → word table in the data file (a trailing digit allows a second use)
TABLES = {
    "month": "months", "weekday": "weekdays", "weekday_plural": "weekdays_plural",
    "number": "numbers", "ordinal": "ordinals", "day_word": "day_words",
    "decade_word": "decade_words", "unit": "units", "adj_unit": "adj_units", "rel": "rel",
    "ago": "ago", "relday": "reldays", "part": "parts", "parts_plural": "parts_plural",
    "season": "seasons", "half": "halves", "edge": "edges", "holiday": "holidays",
    "refword": "refs", "setword": "sets", "times": "times", "clock": "clock_words",
    "ampm": "ampm", "timezone": "timezones", "vague": "vague_mod", "notyear": "not_after_year",
    "every": "every", "era": "era", "weekday_abbr": "weekday_abbrs",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+?)(\d?)\}")
TRIES_PER_CHAR = 4  # single-rule tries that cost what compiling one character of a pattern does
_DEFAULT_TYPE = {"duration": "DURATION", "set": "SET", "time": "TIME", "datetime": "TIME"}


@dataclass(slots=True)
class TimexMention:
    """A time expression as found, before resolution."""

    start: int
    end: int
    text: str
    kind: str
    type: str
    groups: dict[str, str]
    rule: dict[str, Any]
    tense: str = "default"
    sentence: int = -1


@dataclass(slots=True)
class Grammar:
    """A language's word tables, rules (as pattern text) and which rules may start at which word."""

    lang: str
    data: dict[str, Any]
    rules: list[dict[str, Any]]
    bodies: list[str]  # per rule: its pattern, placeholders expanded, groups named r<i>_<name>
    groups: list[list[tuple[str, str]]]  # per rule: (short name, group name in the pattern)
    first: dict[str, tuple[int, ...]]  # index key (see _starts) → rules that may start there
    weak: frozenset[str]  # common words indexed together with the word after them
    scan: re.Pattern[str]  # finds the words some rule may start with
    compiled: dict[tuple[int, ...], re.Pattern[str]] = field(default_factory=dict)
    budget: dict[tuple[int, ...], int] = field(default_factory=dict)  # tries left before compiling a set
    past: frozenset[str] = field(default_factory=frozenset)
    future: dict[str, tuple[str, ...]] = field(default_factory=dict)  # first word → rest of phrase
    future_words: frozenset[str] = field(default_factory=frozenset)
    past_suffix: re.Pattern[str] | None = None
    past_exclude: frozenset[str] = field(default_factory=frozenset)
    clause: re.Pattern[str] | None = None
    cues: re.Pattern[str] = re.compile("(?!x)x")  # the words that may mark tense (a superset, see _cue_words)
    joiner: re.Pattern[str] = re.compile("-")  # what joins the two ends of a range (19-20, 3 to 6)
    bound: re.Pattern[str] = re.compile("(?!x)x")  # ends the text before an interval's end (tot en met)

    def pattern(self, rules: tuple[int, ...]) -> re.Pattern[str]:
        """One alternation of these rules, in grammar order, matched on lower-cased text."""
        found = self.compiled.get(rules)
        if found is None:
            found = self.compiled[rules] = re.compile("(?:" + "|".join(self.bodies[i] for i in rules) + r")(?!\w)")
        return found

    def match(self, rules: tuple[int, ...], low: str, start: int) -> re.Match[str] | None:
        """The first of these rules, in grammar order, that matches at `start`.

        Compiling is what costs: the sets of different words overlap, and one alternation per set
        compiled the grammar many times over, in more time than tagging a corpus took. So a set's rules
        are tried one by one (each compiled once) until those tries have cost about what compiling the
        set would; then the set is compiled as one alternation, one call per word from then on."""
        found = self.compiled.get(rules)
        if found is not None:
            return found.match(low, start)
        left = self.budget.get(rules)
        if left is None:
            left = TRIES_PER_CHAR * sum(len(self.bodies[i]) for i in rules)
        self.budget[rules] = left - len(rules)
        if left <= 0:
            return self.pattern(rules).match(low, start)
        for i in rules:
            found = self.pattern((i,)).match(low, start)
            if found is not None:
                return found
        return None

    def word(self, table: str, key: str | None) -> Any:
        """Look a matched word up in a table, case- and space-insensitively."""
        if key is None:
            return None
        return self.data[table].get(" ".join(key.lower().split()))


def _alternation(words: list[Any]) -> str:
    """A regex for any of the words, as a prefix tree (fast to fail), longest match first."""
    tree: dict[str, Any] = {}
    for word in {str(w).lower() for w in words}:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree) if tree else "(?!x)x"


def _branches(node: dict[str, Any]) -> str:
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _branches(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _compile_rule(i: int, rule: dict[str, Any], data: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """A rule's pattern with placeholders expanded and every group name made unique (r<i>_<name>)."""
    names: list[tuple[str, str]] = []

    def expand(m: re.Match[str]) -> str:
        name = m.group(1) + m.group(2)
        words = data.get(TABLES[m.group(1)]) or {}
        names.append((name, f"r{i}_{name}"))
        return f"(?P<r{i}_{name}>{_alternation(list(words))})"

    body = _PLACEHOLDER.sub(expand, rule["pattern"])

    def rename(m: re.Match[str]) -> str:
        names.append((m.group(1), f"r{i}_{m.group(1)}"))
        return f"(?P<r{i}_{m.group(1)}>"

    body = re.sub(r"\(\?P<([a-z0-9_]+)>", lambda m: m.group(0) if m.group(1).startswith(f"r{i}_") else rename(m), body)
    return f"(?P<r{i}>{body})", names


def _separator(op: Any, av: Any) -> bool:
    """Whether a pattern item only ever matches non-word characters (a space, a comma)."""
    if op is sre_c.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    if op is sre_c.IN:
        return all((o is sre_c.LITERAL and not (chr(a).isalnum() or chr(a) == "_"))
                   or (o is sre_c.CATEGORY and a is sre_c.CATEGORY_SPACE) for o, a in av)
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        return all(_separator(o, a) for o, a in av[2].data)
    return False


def _digits(av: Any) -> bool:
    """Whether a character class only holds digits ([0-9], \\d, [12]): such a rule starts at a number only."""
    return all((o is sre_c.RANGE and chr(a[0]).isdigit() and chr(a[1]).isdigit())
               or (o is sre_c.LITERAL and chr(a).isdigit())
               or (o is sre_c.CATEGORY and a is sre_c.CATEGORY_DIGIT) for o, a in av)


def _starts(seq: list[Any], weak: frozenset[str], prefix: str = "", first: str | None = None) -> set[str]:
    """Index keys for a parsed pattern: the word it starts with ('#' a number, '*' anything), and
    when that is a common word (`weak`: the, a, last) the word after it too ('the 1990s' → 'the #')."""
    unknown = {f"{first} *"} if first else {"*"}
    if not seq:
        if not prefix:
            return unknown
        return {f"{first} {prefix}"} if first else {f"{prefix} *" if prefix in weak else prefix}
    op, av = seq[0]
    rest = seq[1:]
    if op is sre_c.SUBPATTERN:
        return _starts(list(av[3].data) + rest, weak, prefix, first)
    if op is sre_c.BRANCH:
        return set().union(*(_starts(list(b.data) + rest, weak, prefix, first) for b in av[1]))
    if op is sre_c.ASSERT and av[0] == 1:  # a lookahead tells what follows; where it ends, anything may
        return _starts(list(av[1].data) + [(sre_c.ANY, None)], weak, prefix, first)
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
        return _starts(rest, weak, prefix, first)
    if _separator(op, av):
        if prefix:  # a word ends here
            if first:
                return {f"{first} {prefix}"}
            return _starts(rest, weak, "", prefix) if prefix in weak else {prefix}
        return _starts(rest, weak, "", first) if first else set()
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        out = _starts(list(av[2].data) + rest, weak, prefix, first)
        return out | _starts(rest, weak, prefix, first) if av[0] == 0 else out
    if op is sre_c.LITERAL:
        ch = chr(av)
        if not prefix and ch.isdigit():
            return {f"{first} #"} if first else {"#"}
        return _starts(rest, weak, prefix + ch, first)
    if op is sre_c.IN and not prefix and _digits(av):
        return {f"{first} #"} if first else {"#"}
    return unknown


@cache
def grammar(lang: str) -> Grammar:
    """A language's grammar, its rules indexed by first word: built once per process, and kept
    compiled between runs while data/<lang>/timex.yaml is unchanged (indexing parses every rule)."""
    files = [p for p in (lexicons.DATA / lang / "timex.yaml", Path(__file__)) if p.is_file()]
    return lexicons.cached(f"timex-{lang}", lexicons.files_digest(files, lang), lambda: _build(lang))


def _build(lang: str) -> Grammar:
    data = lexicons.for_language(lang, "timex")
    weak = frozenset(w.lower() for w in data.get("start_words", []))
    bodies, groups = [], []
    starts: dict[str, set[int]] = {}
    for i, rule in enumerate(data["rules"]):
        body, names = _compile_rule(i, rule, data)
        bodies.append(body)
        groups.append(names)
        for key in _starts(list(sre_parse.parse(body).data), weak):
            starts.setdefault(key, set()).add(i)
    anywhere = starts.pop("*", set())
    for key, rules in starts.items():  # 'the x' also gets the rules for 'the' before anything
        rules |= anywhere | (starts.get(key.split()[0] + " *", set()) if " " in key else set())
    first = {key: tuple(sorted(rules)) for key, rules in starts.items()}
    scan = _scan(first, weak)
    tense = data.get("tense", {})
    future = [w.lower() for w in tense.get("future", [])]
    phrases: dict[str, list[str]] = {}
    for phrase in future:
        if " " in phrase:
            head, tail = phrase.split(" ", 1)
            phrases.setdefault(head, []).append(tail)
    clause_words = tense.get("clause_words", [])
    cue_words = sorted({w.lower() for w in tense.get("past", [])} | {w for w in future if " " not in w} | set(phrases))
    suffix = rf"|(?:{tense['past_suffix']})(?![\w'’])" if tense.get("past_suffix") else ""
    return Grammar(
        lang=lang, data=data, rules=data["rules"], bodies=bodies, groups=groups, first=first,
        weak=weak, scan=scan,
        past=frozenset(w.lower() for w in tense.get("past", [])),
        future={head: tuple(tails) for head, tails in phrases.items()},
        future_words=frozenset(w for w in future if " " not in w),
        past_suffix=re.compile(tense["past_suffix"] + "$") if tense.get("past_suffix") else None,
        past_exclude=frozenset(tense.get("past_exclude", [])),
        clause=re.compile(r"[,;:„“”\"()–—]|\b(?:" + _alternation(clause_words) + r")\b", re.IGNORECASE),
        cues=re.compile(r"(?<![\w'’])(?=(?i:" + _alternation(cue_words) + r")(?![\w'’])" + suffix + r")[\w'’]+"),
        joiner=re.compile(data.get("range_joiner", "-"), re.IGNORECASE),
        bound=re.compile(r"(?<!\w)(?:" + _alternation(data.get("bound_words", [])) + r")\W{0,3}$", re.IGNORECASE),
    )


def _scan(first: dict[str, tuple[int, ...]], weak: frozenset[str]) -> re.Pattern[str]:
    """Finds the words `_rules_at` may have rules for: a number, a word some rule starts with, and a
    common word (the, de) without rules of its own only when a word indexed after some common word
    follows (or a number: a digit, or any non-ASCII letter, as `str.isdigit` knows more digits than
    `\\d`). That drops most words like 'the' before Python sees them; `_rules_at` checks the rest."""
    heads = {key.split()[0] for key in first if key != "#"}
    alone = {h for h in heads if h not in weak or f"{h} *" in first}
    after = {key.split()[1] for key in first if " " in key} - {"*", "#"}
    follows = f"(?:{_alternation(sorted(after))})(?!\\w)|(?=\\w)[^\\x00-\\x2f\\x3a-\\x7f]"
    return re.compile(r"(?<![\w'’])(?:\d|(?:" + _alternation(sorted(alone)) + r")(?!\w)|(?:"
                      + _alternation(sorted(heads - alone)) + r")(?!\w)(?=\W{0,3}(?:" + follows + ")))")


@cache
def available(lang: str) -> bool:
    return lexicons.has_language(lang, "timex")


_WORD = re.compile(r"[\w'’]+")


def _cue(g: Grammar, word: str, after: str) -> str | None:
    """'future' or 'past' when a word (with the text after it) marks tense."""
    lw = word.lower()
    if lw in g.future_words or (lw in g.future and after.lower().lstrip().startswith(g.future[lw])):
        return "future"
    if lw in g.past or (g.past_suffix and word.islower() and lw not in g.past_exclude and g.past_suffix.match(word)):
        return "past"
    return None


def _cue_words(g: Grammar, text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The words of [lo, hi), as `_WORD` cuts them, that `_cue` may find a tense in: `g.cues` skips
    words no cue list holds and no past suffix fits, which are most. A word cut at `lo` is kept, as
    the lookbehind of `g.cues` sees the text before `lo`."""
    cut = _WORD.match(text, lo, hi) if lo > 0 and _WORD.match(text, lo - 1, lo) else None
    return ([cut] if cut else []) + list(g.cues.finditer(text, lo, hi))


def _tense_near(g: Grammar, text: str, lo: int, start: int, end: int, hi: int) -> str | None:
    """The tense of the cue word nearest to [start, end) within [lo, hi); None when there is none."""
    best: tuple[int, str] | None = None
    for m in _cue_words(g, text, lo, hi):
        if start <= m.start() < end:
            continue
        cue = _cue(g, m.group(0), text[m.end():m.end() + 12])
        if cue:
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, cue)
    return best[1] if best else None


def tense_at(g: Grammar, text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """The tense of the clause around [start, end), else of its sentence; 'default' when neither shows it."""
    s0, s1 = max(sentence[0], start - WINDOW), min(sentence[1], end + WINDOW)
    left, right = s0, s1
    for m in g.clause.finditer(text, s0, s1):  # type: ignore[union-attr]
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    for lo, hi in ((left, right), (s0, s1)):
        found = _tense_near(g, text, lo, start, end, hi)
        if found:
            return found
    return "default"


def _accept(g: Grammar, text: str, m: TimexMention) -> bool:
    """Reject month names that are ordinary words here ('may', 'mei' as a name, 'they march'), and
    years date arithmetic cannot hold: 0000 (Python's dates start at year 1), the first years
    and the last before 9999, where resolving looks weeks back and years on (a document failed on each)."""
    if any(k in ("year", "oldyear", "oldyear2") and v.isdigit() and int(v) not in YEARS
           for k, v in m.groups.items()):
        return False
    month = m.groups.get("month")
    if not month or month.isdigit():
        return True
    data = g.data
    if data.get("month_needs_capital") and not month[0].isupper():
        return False
    if month.lower() not in data.get("ambiguous_months", []):
        return True
    if m.kind == "month" and not any(m.groups.get(k) for k in ("year", "relyear", "rel", "edge", "oldyear",
                                                                   "oldyear2")):
        if month.lower().rstrip(".") in data.get("never_alone", []):
            return False
        before = text[max(0, m.start - 20):m.start].split()
        return bool(before) and before[-1].lower() in data.get("month_context", [])
    return True


_NEXT = re.compile(r"\W{0,3}(\w+)")
WINDOW = 300  # characters either side that tense cues are sought in (a text without sentences)


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets (the few letters that grow when lowered are kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _joined(g: Grammar, text: str, previous: TimexMention | None, m: TimexMention) -> bool:
    """Whether a bare number ends a range begun by the mention before it (November 19-20, 1850-58)."""
    if previous is None or m.rule.get("needs") not in previous.groups:
        return False
    joiner = re.compile(m.rule["joiner"]) if "joiner" in m.rule else g.joiner
    return joiner.fullmatch(text, previous.end, m.start) is not None


def _rules_at(g: Grammar, low: str, cand: re.Match[str]) -> tuple[int, ...] | None:
    """The rules that may start at this word ('#' for a number; a common word with the next one)."""
    word = cand.group(0)
    if word[0].isdigit():
        return g.first.get("#")
    if word not in g.weak:
        return g.first.get(word)
    after = _NEXT.match(low, cand.end())
    following = after.group(1) if after else ""
    following = "#" if following[:1].isdigit() else following
    return g.first.get(f"{word} {following}") or g.first.get(f"{word} *")


def tag(text: str, lang: str, sentences: list[tuple[int, int]] | None = None) -> list[TimexMention]:
    """Every time expression in `text`, left to right; at each word the first rule in grammar order wins."""
    g = grammar(lang if available(lang) else "en")
    sentences = sentences or [(0, len(text))]
    low = _lower(text)
    out: list[TimexMention] = []
    pos, si = 0, 0
    for cand in g.scan.finditer(low):
        start = cand.start()
        if start < pos:
            continue
        rules = _rules_at(g, low, cand)
        if rules is None:
            continue
        m = g.match(rules, low, start)
        if m is None:
            continue
        i = int(m.lastgroup[1:])  # type: ignore[index]
        rule = g.rules[i]
        groups = {short: text[m.start(full):m.end(full)] for short, full in g.groups[i] if m.start(full) >= 0}
        kind = rule["kind"]
        type_ = rule.get("type") or _DEFAULT_TYPE.get(kind, "DATE")
        relday = g.word("reldays", groups.get("relday")) or []
        if type_ == "DATE" and (groups.get("part") or (len(relday) > 1 and relday[1])):
            type_ = "TIME"  # a part of a day: zondagavond, yesterday morning
        mention = TimexMention(m.start(), m.end(), text[m.start():m.end()], kind, type_, groups, rule)
        if not _accept(g, text, mention):
            continue
        if rule.get("joins") == "previous" and not _joined(g, text, out[-1] if out else None, mention):
            continue
        while si < len(sentences) - 1 and sentences[si][1] <= m.start():
            si += 1
        mention.sentence = si
        if kind in ("weekday", "date", "holiday", "time", "part_year", "relunit"):
            mention.tense = tense_at(g, text, m.start(), m.end(), sentences[si])
        out.append(mention)
        pos = m.end()
    return out

