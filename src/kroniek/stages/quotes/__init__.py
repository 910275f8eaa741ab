"""Stage 5, quotes: direct and reported speech, each with its cue, speaker and date."""
from .lexicon import QuoteLexicon, lexicon, tokens
from .marks import find_groups, group_text
from .stage import QuoteStage

__all__ = ["QuoteLexicon", "QuoteStage", "find_groups", "group_text", "lexicon", "tokens"]
