"""What the event stage's helpers share about one article and one sentence: the article's names,
quotes and time expressions indexed once, and a sentence's tokens, mentions and clauses."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...kb import KB
from ...model import Doc, Entity, Quote, SpanIndex, Timex, Token
from ..origin import home_country
from .lexicon import EventLexicon
from .mentions import ActorMention
from .syntax import Roles


@dataclass(slots=True)
class ArticleIndex:
    """The article's names, quotes and time expressions, sorted once: every sentence asks for its
    own, so the stage stays linear in the text."""

    names: SpanIndex[Entity]
    quotes: SpanIndex[Quote]
    timexes: SpanIndex[Timex]
    home: str | None  # the story's country, else the publication's (origin.home_country)

    @classmethod
    def of(cls, doc: Doc) -> ArticleIndex:
        return cls(SpanIndex([e for e in doc.entities if e.type != "MISC"]), SpanIndex(doc.quotes),
                   SpanIndex(doc.timexes), home_country(doc))


@dataclass(slots=True)
class Sentence:
    """What every helper of one sentence needs: its tokens (a slice lo..hi of the article's),
    the actor mentions in it, clause numbers, and the conditional and unreal regions."""

    doc: Doc
    lex: EventLexicon
    kb: KB
    toks: list[Token]
    lo: int
    hi: int
    span: tuple[int, int]
    local: list[ActorMention]
    index: ArticleIndex
    number: int  # the sentence's index in doc.sentences (for its parse)
    clause: list[int] = field(default_factory=list)
    cond: set[int] = field(default_factory=set)
    unreal: set[int] = field(default_factory=set)
    roles: dict[int, Roles] = field(default_factory=dict)  # trigger head → what the parse says
    named: frozenset[str] | None = None  # the countries the sentence names (arguments._named, read once)
