"""PLOVER 2021: the CAMEO→PLOVER table and grouping of event mentions across articles.

The table (data/plover.yaml, built by scripts/build_plover.py) lets lexicons name a
CAMEO code and inherit PLOVER's type and mode from it, so the two codings never
disagree. `group_events` is a pure function the store uses to count one event
reported by many articles once.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from . import lexicons

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# Categories of earlier PLOVER drafts (the CAMEO-manual gold records use them).
LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE",
          "YIELD": "CONCEDE"}
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


@dataclass(frozen=True, slots=True)
class Code:
    """One row of the 2021 table."""

    cameo: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    label: str


@cache
def table() -> dict[str, Code]:
    """CAMEO code → PLOVER row, read once per process."""
    raw = lexicons.load("plover.yaml")
    return {code: Code(code, r["type"], r.get("mode"), tuple(r.get("context") or ()), r["label"])
            for code, r in raw["codes"].items()}


def lookup(cameo: str | None) -> Code | None:
    """The row for a CAMEO code, falling back to its parent code (0871 → 087 → 08)."""
    rows = table()
    while cameo:
        if cameo in rows:
            return rows[cameo]
        cameo = cameo[:-1] if len(cameo) > 3 else None
    return None


def normalise_type(name: str) -> str:
    """A PLOVER 2021 type for a current or legacy category name."""
    name = name.upper()
    return LEGACY.get(name, name)


@dataclass(slots=True)
class EventGroup:
    """Mentions of one event: same type, source and target, dates within a day."""

    key: str
    type: str
    source: str
    target: str
    date: str | None
    rows: list[dict[str, Any]] = field(default_factory=list)


def party_key(party: Any, level: str = "country") -> str:
    """A stable text key for a source or target (one actor, a list, or None)."""
    if not party:
        return "-"
    parties = party if isinstance(party, list) else [party]
    keys = set()
    for p in parties:
        if level == "country":
            k = p.get("country") or p.get("id") or (p.get("name") or "").casefold()
        else:
            k = p.get("id") or p.get("country") or (p.get("name") or "").casefold()
        if k:
            keys.add(str(k))
    return "+".join(sorted(keys)) or "-"


def group_key(event: dict[str, Any]) -> str:
    """The stored key of an event mention (type and parties by actor id), so SQL finds the
    candidate mentions of one event quickly; `group_events` then applies the date rule."""
    return f"{event['type']}|{party_key(event.get('source'), 'actor')}|{party_key(event.get('target'), 'actor')}"


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def group_events(rows: Iterable[dict[str, Any]], level: str = "country") -> list[EventGroup]:
    """Group event rows (FORMAT.md event objects) reported by several articles.

    Rows fall in one group when type, source and target agree (by country, or by actor id
    with level="actor") and their days lie within one day of the group's first day; rows
    dated only to a month or year group with rows of the same value. The key is built from
    the facts, so it stays the same however the rows are ordered or batched.
    """
    buckets: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        dyad = (row["type"], party_key(row.get("source"), level), party_key(row.get("target"), level))
        buckets.setdefault(dyad, []).append(row)
    groups: list[EventGroup] = []
    for (etype, src, tgt), members in sorted(buckets.items()):
        members.sort(key=lambda r: (r.get("date") or "", str(r.get("id", ""))))
        current: EventGroup | None = None
        for row in members:
            value = row.get("date")
            day = _day(value)
            if current is not None:
                first = _day(current.date)
                same = (day and first and (day - first).days <= 1) or (not day and value == current.date)
                if same:
                    current.rows.append(row)
                    continue
            current = EventGroup(f"{etype}|{src}|{tgt}|{value or '-'}", etype, src, tgt, value, [row])
            groups.append(current)
    return groups


# CAMEO's families: intend-to-X (03x), demand-X (10x), reject-X (12x), threaten-X (13x).
# A framing verb and the act it frames make one event coded by this table.
COMBINE: dict[str, dict[str, str]] = {
    "intend": {"AGREE": "030", "CONSULT": "036", "SUPPORT": "032", "CONCEDE": "035", "COOPERATE": "031",
               "AID": "033", "RETREAT": "0356"},
    "request": {"AGREE": "107", "CONSULT": "106", "SUPPORT": "102", "CONCEDE": "105", "COOPERATE": "101",
                "AID": "103", "RETREAT": "1056", "": "100"},
    "reject": {"AGREE": "127", "CONSULT": "125", "SUPPORT": "120", "CONCEDE": "124", "COOPERATE": "121",
               "AID": "122", "RETREAT": "1246", "REQUEST": "120", "": "120"},
    "threaten": {"SANCTION": "131", "COERCE": "1312", "ASSAULT": "138", "MOBILIZE": "138", "PROTEST": "133",
                 "RETREAT": "136", "": "130"},
}
COMBINE["agree"] = {**COMBINE["intend"], "": "030"}
COMBINE["pledge"] = COMBINE["agree"]  # a promise is an AGREE even when its object is not an act
# Frames whose event is the framed act itself, done by the framing verb's subject ("ordered the arrest")
ACT_FRAMES = frozenset({"order"})
# Finer codes where CAMEO names the framed act itself: refusing to ease sanctions is 1244,
# not any refusal to de-escalate (1246). Keyed by the act's CAMEO code (parents apply).
BY_ACT: dict[str, dict[str, str]] = {
    "045": {"intend": "039", "request": "108", "reject": "126"},
    "081": {"intend": "0351", "request": "1051", "reject": "1241"},
    "0841": {"intend": "0353", "request": "1053", "reject": "1243"},
    "0842": {"intend": "0353", "request": "1053", "reject": "1243"},
    "085": {"intend": "0354", "request": "1054", "reject": "1244"},
    "086": {"intend": "0355", "request": "1055", "reject": "1245"},
    "161": {"threaten": "1313"}, "162": {"threaten": "1311"}, "164": {"threaten": "134"},
    "165": {"threaten": "135"}, "166": {"threaten": "136"}, "163": {"threaten": "1312"},
    "1722": {"threaten": "1322"}, "1723": {"threaten": "1323"}, "1724": {"threaten": "1324"},
    "191": {"threaten": "1381"}, "192": {"threaten": "1382"}, "204": {"threaten": "1385"},
}
CONFLICT = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})


def combine(frame: str, content: str | None, act: str | None = None) -> str | None:
    """The CAMEO code of `frame` applied to an act of PLOVER type `content` (None: frame alone).

    `act` is the act's own CAMEO code when known, for CAMEO's finer combined codes.
    An intention to do harm ("will impose sanctions") is a threat, as in CAMEO.
    """
    if frame in ("intend", "pledge") and content in CONFLICT:
        frame = "threaten"
    code = act
    while code:
        family = "intend" if frame in ("agree", "pledge") else frame
        if family in BY_ACT.get(code, {}):
            return BY_ACT[code][family]
        code = code[:-1] if len(code) > 3 else None
    row = COMBINE[frame]
    return row.get(content or "", row.get(""))
