"""Stage 3, actors: KB names, unknown names typed from context, role descriptions linked by date."""
from .lexicon import ActorLexicon, automaton, lexicon
from .link import ref
from .stage import ActorStage, describe, explain, resolve_role

__all__ = ["ActorLexicon", "ActorStage", "automaton", "describe", "explain", "lexicon", "ref", "resolve_role"]
