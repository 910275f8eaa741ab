"""The stored group key of an event mention: type and parties, by actor id.

Grouping itself (same key, dates within a day) is `kroniek.plover.group_events`;
the key lets SQL find candidate mentions of one event quickly.
"""
from __future__ import annotations

from typing import Any

from ..plover import party_key


def group_key(event: dict[str, Any]) -> str:
    return f"{event['type']}|{party_key(event.get('source'), 'actor')}|{party_key(event.get('target'), 'actor')}"
