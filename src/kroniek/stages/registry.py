"""The stage registry: each stage registers itself where it is defined; the pipeline builds them by name.

A stage is a class whose instances are callables `Doc -> Doc` with `name`, `requires` and
`provides`, constructed as `Stage(options, kb)`: the pipeline loads the knowledge base once
and hands it to every stage, as spaCy hands `nlp` to a component factory. A user's own stage
registers the same way and joins a pipeline by name (`Options.stages`).
"""
from __future__ import annotations

from typing import Any, Protocol, TypeVar, runtime_checkable

from ..model import Doc

DEFAULT_ORDER = ("language", "origin", "segment", "actors", "dates", "quotes", "events")


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


STAGES: dict[str, Any] = {}
S = TypeVar("S")


def register(cls: S) -> S:
    """Class decorator: make a stage buildable by its `name`."""
    STAGES[cls.name] = cls  # type: ignore[attr-defined]
    return cls
