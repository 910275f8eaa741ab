"""Scoring extraction records against gold files, as FORMAT.md §3 defines it.

Used by `kroniek eval`, the eval gate in CI and every stage's own measurement.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(slots=True)
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, other: Ratio) -> None:
        self.right += other.right
        self.total += other.total


@dataclass
class Scores:
    quotes: PRF = field(default_factory=PRF)
    speaker: Ratio = field(default_factory=Ratio)
    scare_quotes: int = 0
    timex: PRF = field(default_factory=PRF)
    timex_value: Ratio = field(default_factory=Ratio)
    entities: PRF = field(default_factory=PRF)
    linking: Ratio = field(default_factory=Ratio)
    events: PRF = field(default_factory=PRF)
    published: Ratio = field(default_factory=Ratio)
    details: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        for name in ("quotes", "speaker", "timex", "timex_value", "entities", "linking", "events", "published"):
            getattr(self, name).add(getattr(other, name))
        self.scare_quotes += other.scare_quotes
        self.details.extend(other.details)

    def metrics(self) -> dict[str, float]:
        """Flat metric name → value, the keys the eval baseline pins floors on."""
        return {
            "quote_f1": round(self.quotes.f1, 4),
            "speaker_accuracy": round(self.speaker.value, 4),
            "scare_quotes_reported": self.scare_quotes,
            "timex_f1": round(self.timex.f1, 4),
            "timex_value_accuracy": round(self.timex_value.value, 4),
            "entity_f1": round(self.entities.f1, 4),
            "per_linking_accuracy": round(self.linking.value, 4),
            "event_f1": round(self.events.f1, 4),
            "published_within_1_day": round(self.published.value, 4),
        }


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def jaccard(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _speaker_ok(pred: dict[str, Any], accepted: list[str]) -> bool:
    speaker = pred.get("speaker") or {}
    names = {str(speaker.get("id") or "").casefold(), str(speaker.get("name") or "").casefold()}
    return bool(names & {a.casefold() for a in accepted} - {""})


def score_quotes(record: dict, gold: dict, s: Scores) -> None:
    golds = list(gold.get("quotes", []))
    used: set[int] = set()
    for pred in record.get("quotes", []):
        if any(jaccard(pred["text"], nq) >= 0.5 for nq in gold.get("not_quotes", [])):
            s.scare_quotes += 1
            s.quotes.fp += 1
            s.details.append(f"quote: scare quote reported: {pred['text']!r}")
            continue
        best, best_j = None, 0.5
        for i, g in enumerate(golds):
            j = jaccard(pred["text"], g["text"])
            if i not in used and j >= best_j:
                best, best_j = i, j
        if best is None:
            s.quotes.fp += 1
            s.details.append(f"quote FP: {pred['text'][:70]!r}")
            continue
        used.add(best)
        s.quotes.tp += 1
        s.speaker.total += 1
        if _speaker_ok(pred, golds[best]["speaker"]):
            s.speaker.right += 1
        else:
            s.details.append(f"speaker wrong: {(pred.get('speaker') or {}).get('name')!r} "
                             f"for {golds[best]['text'][:50]!r} (gold {golds[best]['speaker'][0]!r})")
    for i, g in enumerate(golds):
        if i not in used:
            s.quotes.fn += 1
            s.details.append(f"quote FN: {g['text'][:70]!r}")


def _multiset_match(pred: Counter, gold: Counter, s: PRF, label: str, details: list[str]) -> Counter:
    matched = pred & gold
    s.tp += sum(matched.values())
    s.fp += sum((pred - gold).values())
    s.fn += sum((gold - pred).values())
    details.extend(f"{label} FP: {k!r}" for k in (pred - gold))
    details.extend(f"{label} FN: {k!r}" for k in (gold - pred))
    return matched


def score_timex(record: dict, gold: dict, s: Scores) -> None:
    pred = Counter(t["text"].casefold() for t in record.get("timexes", []))
    want = Counter()
    values: dict[str, list[str]] = {}
    for g in gold.get("timex", []):
        want[g["text"].casefold()] += g.get("count", 1)
        values.setdefault(g["text"].casefold(), []).extend([g["value"]] * g.get("count", 1))
    _multiset_match(pred, want, s.timex, "timex", s.details)
    for t in record.get("timexes", []):
        key = t["text"].casefold()
        if values.get(key):
            s.timex_value.total += 1
            if t["value"] in values[key]:
                values[key].remove(t["value"])
                s.timex_value.right += 1
            else:
                s.details.append(f"timex value: {t['text']!r} → {t['value']} (gold {values[key]})")
                values[key].pop()


def score_entities(record: dict, gold: dict, s: Scores) -> None:
    keep = {"PER", "ORG", "LOC"}
    pred = Counter((e["text"], e["type"]) for e in record.get("entities", []) if e["type"] in keep)
    want = Counter()
    canon: dict[str, str] = {}
    for g in gold.get("entities", []):
        if g["type"] in keep:
            want[(g["text"], g["type"])] += g.get("count", 1)
        if g["type"] == "PER" and g.get("canonical"):
            canon[g["text"]] = g["canonical"]
    _multiset_match(pred, want, s.entities, "entity", s.details)
    for e in record.get("entities", []):
        if e["type"] == "PER" and e["text"] in canon:
            s.linking.total += 1
            name = (e.get("actor") or {}).get("name")
            if name == canon[e["text"]]:
                s.linking.right += 1
            else:
                s.details.append(f"link: {e['text']!r} → {name!r} (gold {canon[e['text']]!r})")


def _countries(party: Any) -> set[str]:
    if not party:
        return set()
    parties = party if isinstance(party, list) else [party]
    return {p.get("country") for p in parties if p.get("country")}


def score_events(record: dict, gold: dict, s: Scores) -> None:
    golds = list(gold.get("events", []))
    used: set[int] = set()
    for pred in record.get("events", []):
        src, tgt = _countries(pred.get("source")), _countries(pred.get("target"))
        hit = None
        for i, g in enumerate(golds):
            if i in used or g["type"] != pred["type"]:
                continue
            if g.get("source") and g["source"] not in src:
                continue
            if g.get("target") and g["target"] not in tgt:
                continue
            hit = i
            break
        if hit is None:
            s.events.fp += 1
            s.details.append(f"event FP: {pred['type']} {sorted(src)}→{sorted(tgt)} "
                             f"{pred.get('trigger', {}).get('text')!r}")
        else:
            used.add(hit)
            s.events.tp += 1
    for i, g in enumerate(golds):
        if i not in used and not g.get("optional"):
            s.events.fn += 1
            s.details.append(f"event FN: {g['type']} {g.get('source')}→{g.get('target')} {g['evidence'][:50]!r}")


def score_published(record: dict, gold: dict, s: Scores) -> None:
    want = gold.get("doc", {}).get("published_inferred")
    if not want:
        return
    from datetime import date

    s.published.total += 1
    got = record.get("published")
    try:
        if got and abs((date.fromisoformat(got) - date.fromisoformat(want)).days) <= 1:
            s.published.right += 1
            return
    except ValueError:
        pass
    s.details.append(f"published: {got!r} (gold {want})")


def score(record: dict, gold: dict) -> Scores:
    s = Scores()
    for part in (score_quotes, score_timex, score_entities, score_events, score_published):
        part(record, gold, s)
    return s


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_key(gold: dict, path: Path) -> str:
    """The document id a gold file annotates: its `doc.file` stem, else the gold file's stem."""
    name = gold.get("doc", {}).get("file") or path.name
    return name.split(".")[0]


def evaluate(gold_paths: list[Path], records: dict[str, dict]) -> tuple[Scores, dict[str, Scores]]:
    """Total and per-document scores; a gold file with no record scores as all misses."""
    total, per_doc = Scores(), {}
    for path in gold_paths:
        gold = load_gold(path)
        key = gold_key(gold, path)
        s = score(records.get(key, {}), gold)
        per_doc[key] = s
        total.add(s)
    return total, per_doc


def check_floors(metrics: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Metrics under their pinned floor (or, for counts of errors, over their ceiling)."""
    problems = []
    for name, floor in floors.items():
        got = metrics.get(name)
        if got is None:
            problems.append(f"{name}: not measured")
        elif name.endswith("_reported") and got > floor:
            problems.append(f"{name}: {got} > {floor}")
        elif not name.endswith("_reported") and got < floor:
            problems.append(f"{name}: {got:.4f} < floor {floor:.4f}")
    return problems
