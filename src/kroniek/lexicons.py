"""Package data: the one loader for every stage's lexicons, patterns and word lists.

Data lives in `data/<lang>/<kind>.yaml` (and `data/kb/`, `data/plover.yaml`); a new
language is a new folder. YAML is read with libyaml when present, once per process.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Any YAML file (a user's too), parsed with the fast loader."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


@cache
def load(*parts: str) -> Any:
    """A shipped YAML file under data/, or None when there is none; callers must not mutate it."""
    path = DATA.joinpath(*parts)
    return read_yaml(path) if path.is_file() else None


def for_language(lang: str | None, kind: str, fallback: str | None = None) -> Any:
    """data/<lang>/<kind>.yaml, else the fallback language's, else None."""
    found = load(lang, f"{kind}.yaml") if lang else None
    if found is None and fallback:
        found = load(fallback, f"{kind}.yaml")
    return found


def has_language(lang: str | None, kind: str) -> bool:
    return bool(lang) and DATA.joinpath(lang, f"{kind}.yaml").is_file()


@cache
def languages() -> tuple[str, ...]:
    """Languages kroniek analyses: data folders with a `segment.yaml` (adding `data/de/` adds German)."""
    return tuple(sorted(p.parent.name for p in DATA.glob("*/segment.yaml")))


@cache
def word_list(*parts: str) -> frozenset[str]:
    """A one-entry-a-line list under data/ (empty when missing)."""
    path = DATA.joinpath(*parts)
    if not path.is_file():
        return frozenset()
    return frozenset(line for line in path.read_text(encoding="utf-8").split("\n") if line)
