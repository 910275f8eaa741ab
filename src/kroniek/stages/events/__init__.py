"""Stage 6, events: PLOVER events with source, target, date and place."""
from .lexicon import EventLexicon, lexicon, tokenize
from .mentions import ActorMention, MentionFinder
from .stage import EventStage

__all__ = ["ActorMention", "EventLexicon", "EventStage", "MentionFinder", "lexicon", "tokenize"]
