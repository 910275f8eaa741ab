"""The pipeline's stages, one module or package each, in run order:
language → origin → segment → actors → dates → quotes → events. Importing this package registers them."""
from . import actors, dates, events, language, origin, quotes, segment
from .registry import DEFAULT_ORDER, STAGES, Stage, register

__all__ = ["DEFAULT_ORDER", "STAGES", "Stage", "actors", "dates", "events", "language", "origin", "quotes", "register",
           "segment"]
