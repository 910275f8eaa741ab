"""Cross-article event grouping: the same event told by several articles is one event.

Two event mentions are the same event when type, source and target agree (the
`group_key`) and their dates lie within a day of each other.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def _party_key(party: Any) -> str:
    if not party:
        return "-"
    parties = party if isinstance(party, list) else [party]
    return "+".join(sorted(p.get("id") or p.get("country") or p.get("name") or "?" for p in parties))


def group_key(event: dict[str, Any]) -> str:
    return f"{event['type']}|{_party_key(event.get('source'))}|{_party_key(event.get('target'))}"


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def group_events(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Cluster event rows (each with `group_key` and `date`) into events.

    Rows with the same key join one group while each date is within a day of the
    group's last dated mention; undated or month-only rows group with their exact value.
    """
    groups: list[list[dict[str, Any]]] = []
    open_groups: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    last_day: dict[str, tuple[date, list[dict[str, Any]]]] = {}
    for row in sorted(rows, key=lambda r: (r["group_key"], r.get("date") or "")):
        day = _day(row.get("date"))
        if day is None:
            key = (row["group_key"], row.get("date"))
            if key not in open_groups:
                open_groups[key] = []
                groups.append(open_groups[key])
            open_groups[key].append(row)
            continue
        prev = last_day.get(row["group_key"])
        if prev and day - prev[0] <= timedelta(days=1):
            prev[1].append(row)
            last_day[row["group_key"]] = (day, prev[1])
        else:
            group = [row]
            groups.append(group)
            last_day[row["group_key"]] = (day, group)
    return groups
