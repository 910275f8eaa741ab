"""Ordered stages, checked when the pipeline is built, run on one doc or many.

A stage is any callable `Doc -> Doc` with `name`, `requires` and `provides`
(attribute names of `Doc`). A stage that needs what no earlier stage gives
fails at build time, not mid-batch. Once a document is found not analysable (a language
kroniek has no data for), only stages with `any_language = True` still run.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import kb as kbmod
from .model import Article, Doc, Failure, Options
from .stages import DEFAULT_ORDER, STAGES, Stage

BASE_PROVIDES = ("article", "text")


class PipelineError(ValueError):
    """A pipeline whose stages cannot run in the given order."""


class TimeBudgetExceeded(RuntimeError):
    """A document whose analysis ran over `Options.max_seconds`."""


def check_order(stages: Iterable[Stage]) -> None:
    have = set(BASE_PROVIDES)
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {missing}, which no earlier stage provides")
        have.update(stage.provides)


def default_stages(options: Options, kb: kbmod.KB) -> list[Stage]:
    """The registered stages in the default order (or the subset `options.stages` names, in that
    order, with a user's own registered stages after the shipped ones), each given the KB."""
    names = list(DEFAULT_ORDER)
    if options.stages is not None:
        unknown = [n for n in options.stages if n not in STAGES]
        if unknown:
            raise PipelineError(f"no stage registered as {unknown}; known: {sorted(STAGES)}")
        names = [n for n in names if n in options.stages] + [n for n in options.stages if n not in names]
    return [STAGES[name](options, kb) for name in names]


@dataclass
class Pipeline:
    """Runs stages over documents; one bad document never stops a batch."""

    options: Options = field(default_factory=Options)
    stages: list[Stage] | None = None
    kb: kbmod.KB | None = None  # loaded once from `options.kb_paths` unless given

    def __post_init__(self) -> None:
        if self.kb is None:
            self.kb = kbmod.load(tuple(self.options.kb_paths))
        if self.stages is None:
            self.stages = default_stages(self.options, self.kb)
        check_order(self.stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages or []]

    def __call__(self, article: Article) -> Doc:
        """Run every stage; over `options.max_seconds` (checked after each stage) the document fails
        with TimeBudgetExceeded rather than holding a batch or a server."""
        doc = Doc(article=article, lang=article.lang)
        budget = self.options.max_seconds
        started = time.monotonic()
        for stage in self.stages or []:
            if doc.analysable or getattr(stage, "any_language", False):
                doc = stage(doc)
            if budget and time.monotonic() - started > budget:
                raise TimeBudgetExceeded(f"analysis took over {budget:g} s (at stage {stage.name!r}); "
                                         "raise Options.max_seconds / --max-seconds to allow it")
        return doc

    def run_many(self, articles: Iterable[Article | Failure],
                 on_done: Callable[[Doc | Failure], None] | None = None) -> Iterator[Doc | Failure]:
        """Analyse each article; a reader's Failure or a stage's exception comes out as a Failure."""
        for item in articles:
            if isinstance(item, Failure):
                result: Doc | Failure = item
            else:
                try:
                    result = self(item)
                except TimeBudgetExceeded as exc:
                    result = Failure(item.id, f"{item.id}: {exc}")
                except Exception as exc:  # noqa: BLE001 -- a stage bug must not end the batch
                    result = Failure(item.id, f"{item.id}: analysis failed: {type(exc).__name__}: {exc}")
            if on_done:
                on_done(result)
            yield result
