"""Finding time expressions: one compiled pattern per language, built from data/<lang>/timex.yaml.

Tagging is separate from resolving: a `Mention` records what an expression says (its rule's
kind, the words it matched, the tense of its clause) so the publication day can be estimated
from the mentions first and every relative expression resolved against that estimate after.
All rules of a language are joined into one alternation and scanned in a single pass; the
pattern is compiled once per process, on first use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

# placeholder in a rule → word table in the data file (a trailing digit allows a second use)
TABLES = {
    "month": "months", "weekday": "weekdays", "weekday_plural": "weekdays_plural",
    "number": "numbers", "ordinal": "ordinals", "day_word": "day_words",
    "decade_word": "decade_words", "unit": "units", "adj_unit": "adj_units", "rel": "rel",
    "ago": "ago", "relday": "reldays", "part": "parts", "parts_plural": "parts_plural",
    "season": "seasons", "half": "halves", "edge": "edges", "holiday": "holidays",
    "refword": "refs", "setword": "sets", "times": "times", "clock": "clock_words",
    "ampm": "ampm", "timezone": "timezones", "vague": "vague_mod", "notyear": "not_after_year",
    "every": "every", "era": "era",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+?)(\d?)\}")
_DEFAULT_TYPE = {"duration": "DURATION", "set": "SET", "time": "TIME", "datetime": "TIME"}


@dataclass(slots=True)
class Mention:
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
    """A language's word tables, compiled pattern and per-rule group names."""

    lang: str
    data: dict[str, Any]
    pattern: re.Pattern[str]
    rules: list[dict[str, Any]]
    groups: list[list[tuple[str, str]]]  # per rule: (short name, group name in the pattern)
    past: frozenset[str] = field(default_factory=frozenset)
    future: tuple[str, ...] = ()
    future_words: frozenset[str] = field(default_factory=frozenset)
    past_suffix: re.Pattern[str] | None = None
    past_exclude: frozenset[str] = field(default_factory=frozenset)
    clause: re.Pattern[str] | None = None

    def word(self, table: str, key: str | None) -> Any:
        """Look a matched word up in a table, case- and space-insensitively."""
        if key is None:
            return None
        return self.data[table].get(" ".join(key.lower().split()))


def _alternation(words: list[Any]) -> str:
    ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    if not ordered:
        return "(?!x)x"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


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


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """Load and compile a language's grammar once per process."""
    text = resources.files("kroniek").joinpath("data", lang, "timex.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    parts, groups = [], []
    for i, rule in enumerate(data["rules"]):
        body, names = _compile_rule(i, rule, data)
        parts.append(body)
        groups.append(names)
    pattern = re.compile(r"(?<![\w'’])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
    tense = data.get("tense", {})
    future = tuple(w.lower() for w in tense.get("future", []))
    clause_words = tense.get("clause_words", [])
    return Grammar(
        lang=lang, data=data, pattern=pattern, rules=data["rules"], groups=groups,
        past=frozenset(w.lower() for w in tense.get("past", [])),
        future=tuple(w for w in future if " " in w),
        future_words=frozenset(w for w in future if " " not in w),
        past_suffix=re.compile(tense["past_suffix"] + "$") if tense.get("past_suffix") else None,
        past_exclude=frozenset(tense.get("past_exclude", [])),
        clause=re.compile(r"[,;:„“”\"()–—]|\b(?:" + _alternation(clause_words) + r")\b", re.IGNORECASE),
    )


def available(lang: str) -> bool:
    return resources.files("kroniek").joinpath("data", lang, "timex.yaml").is_file()


_WORD = re.compile(r"[\w'’]+")


def _cue(g: Grammar, word: str, after: str) -> str | None:
    """'future' or 'past' when a word (with the text after it) marks tense."""
    lw = word.lower()
    if lw in g.future_words or any(p.startswith(lw + " ") and after.lower().startswith(p[len(lw):])
                                   for p in g.future):
        return "future"
    if lw in g.past or (g.past_suffix and word.islower() and lw not in g.past_exclude and g.past_suffix.match(word)):
        return "past"
    return None


def _tense_near(g: Grammar, text: str, lo: int, start: int, end: int, hi: int) -> str | None:
    """The tense of the cue word nearest to [start, end) within [lo, hi); None when there is none."""
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        cue = _cue(g, m.group(0), text[m.end():m.end() + 12])
        if cue:
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, cue)
    return best[1] if best else None


def tense_at(g: Grammar, text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """The tense of the clause around [start, end), else of its sentence, else the language default."""
    s0, s1 = sentence
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
    return str(g.data.get("tense", {}).get("default", "past"))


def _accept(g: Grammar, text: str, m: Mention) -> bool:
    """Reject month names that are ordinary words here ('may', 'mei' as a name, 'they march')."""
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
        before = text[max(0, m.start - 20):m.start].split()
        return bool(before) and before[-1].lower() in data.get("month_context", [])
    return True


def tag(text: str, lang: str, sentences: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every time expression in `text`, left to right, longest rule first at each position."""
    g = grammar(lang if available(lang) else "en")
    sentences = sentences or [(0, len(text))]
    out: list[Mention] = []
    pos, si = 0, 0
    search = g.pattern.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        i = int(m.lastgroup[1:])  # type: ignore[index]
        rule = g.rules[i]
        groups = {short: m.group(full) for short, full in g.groups[i] if m.group(full) is not None}
        kind = rule["kind"]
        type_ = rule.get("type") or _DEFAULT_TYPE.get(kind, "DATE")
        if type_ == "DATE" and (groups.get("part") or (kind == "relday" and g.word("reldays", groups.get("relday"))
                                                       and len(g.word("reldays", groups["relday"])) > 1
                                                       and g.word("reldays", groups["relday"])[1])):
            type_ = "TIME"
        mention = Mention(m.start(), m.end(), m.group(0), kind, type_, groups, rule)
        if not _accept(g, text, mention):
            pos = m.start() + 1
            continue
        while si < len(sentences) - 1 and sentences[si][1] <= m.start():
            si += 1
        mention.sentence = si
        if kind in ("weekday", "date", "holiday", "time", "part_year", "relunit"):
            mention.tense = tense_at(g, text, m.start(), m.end(), sentences[si])
        out.append(mention)
        pos = m.end()
    return out


def holiday_date(spec: dict[str, Any], year: int) -> date | None:
    """A holiday's day in a year, from a computed calendar (Easter, the holidays package) or fixed data."""
    if "easter" in spec:
        from datetime import timedelta

        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        method = EASTER_ORTHODOX if spec.get("method") == "orthodox" else EASTER_WESTERN
        return easter(year, method) + timedelta(days=int(spec["easter"]))
    if "fixed" in spec:
        month, day = spec["fixed"].split("-")
        return date(year, int(month), int(day))
    if "country" in spec:
        import holidays

        found = holidays.country_holidays(spec["country"], years=year).get_named(spec["name"], lookup="exact")
        return found[0] if found else None
    if "weekday_of_month" in spec:
        from dateutil.relativedelta import relativedelta, weekday

        month, wd, n = spec["weekday_of_month"]
        return date(year, month, 1) + relativedelta(weekday=weekday(wd - 1, n))
    return None
