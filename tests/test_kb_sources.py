"""Persons in the news (persons_news_2019.yaml): records checked against public sources.

Each checked record carries `sources` (the pages it was checked against) and `checked`
(the ISO day of the check); the KB loader ignores both keys (docs/kb_sources.md).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from kroniek import kb

NEWS_FILE = Path(kb.__file__).parent / "data" / "kb" / "persons_news_2019.yaml"
URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
MIN_CHECKED = 500


@pytest.fixture(autouse=True)
def _no_user_kb(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only the shipped KB, whatever the machine's ~/.config holds."""
    monkeypatch.setattr(kb, "USER_DIR", tmp_path / "none")
    monkeypatch.delenv("KRONIEK_KB", raising=False)
    kb.load.cache_clear()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    data = yaml.safe_load(NEWS_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return [r for r in data if isinstance(r, dict)]


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _checked(record: dict) -> bool:
    sources = record.get("sources")
    return (
        isinstance(sources, list)
        and bool(sources)
        and all(isinstance(s, str) and URL.match(s) for s in sources)
        and _day(record.get("checked")) is not None
    )


def test_at_least_500_persons_carry_sources_and_a_checked_day(records: list[dict]) -> None:
    persons = [r for r in records if r.get("name")]  # more_roles-only entries carry no name
    checked = [r["id"] for r in persons if _checked(r)]
    assert len(checked) >= MIN_CHECKED, f"only {len(checked)} of {len(persons)} persons checked"
    assert len(set(checked)) == len(checked), "a person is listed twice"


def test_every_sources_entry_is_well_formed(records: list[dict]) -> None:
    for record in records:
        if "sources" not in record and "checked" not in record:
            continue
        rid = record.get("id")
        sources = record.get("sources")
        assert isinstance(sources, list) and sources, f"{rid}: sources must be a non-empty list"
        for src in sources:
            assert isinstance(src, str) and URL.match(src), f"{rid}: bad source {src!r}"
        assert len(set(sources)) == len(sources), f"{rid}: duplicate source"
        day = _day(record.get("checked"))
        assert day is not None, f"{rid}: checked must be an ISO day"
        assert dt.date(2026, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=1), rid


def test_the_loader_ignores_the_source_keys(records: list[dict]) -> None:
    shipped = kb.load()
    for record in records:
        if record.get("name") and record.get("sources"):
            actor = shipped.get(record["id"])
            assert actor is not None, record["id"]
            assert actor.name == record["name"]
