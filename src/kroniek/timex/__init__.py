"""Time expressions for Dutch and English: tagging (grammar) and TIMEX3 values (resolve).

`tag` finds mentions with rules from data/<lang>/timex.yaml; `resolve` gives each its TIMEX3
value against a reference date. The dates stage puts the two together with the estimate of
the publication day in between.
"""
from .feasts import holiday_date
from .grammar import Grammar, TimexMention, available, grammar, tag
from .resolve import TimexResolver, fmt, parse_anchor, resolve


def grammar_for(lang: str) -> Grammar:
    """The language's grammar, English for a language without one."""
    return grammar(lang if available(lang) else "en")


__all__ = ["Grammar", "TimexMention", "TimexResolver", "available", "fmt", "grammar", "grammar_for", "holiday_date",
           "parse_anchor", "resolve", "tag"]
