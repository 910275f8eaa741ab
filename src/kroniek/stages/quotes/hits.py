"""What a reported-speech rule finds, and the span helpers the rules share: where a reported clause
ends, whether a phrase starts at a token, a clause as a record."""
from __future__ import annotations

from dataclasses import dataclass

from ...model import Token
from .attribution import SpeakerMention, word
from .lexicon import QuoteLexicon

TERMINAL = frozenset(".!?")
OPENERS = frozenset("„“\"«‘")


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None
    mention: SpeakerMention | None
    cue_pos: int
    anonymous: bool = False  # an agentless passive ("Er wordt gevreesd dat"): no one to resolve


def content_end(toks: list[Token], j: int, lex: QuoteLexicon) -> int:
    """Where a reported clause starting at toks[j] stops: the sentence end, or a comma or
    'en/and' that opens another attribution (", zo zei hij", "en kondigde aan"), or 'while' before
    another speaker's cue."""
    n = len(toks)
    fronted = lex.verb_second and _fronted_clause(toks, j, lex)
    for k in range(j, n):
        t = toks[k]
        if t.text == ";":
            return k
        if t.text == ",":
            nxt = toks[k + 1].low if k + 1 < n else ""
            if fronted and _main_verb(toks[k + 1:k + 2], lex):
                return k  # "Toen zij verduidelijkte dat de les voorbij was, | ging de bel": the main clause
            if lex.gerunds and nxt.endswith(lex.gerunds) and nxt not in lex.content_gerunds and k > j:
                return k  # "…a no-deal Brexit, meaning the UK would …": an adjunct of the reporter's
            if (lex.cue(nxt) or nxt in lex.joiners and k + 2 < n and lex.cue(toks[k + 2].low)
                    or nxt in lex.after_only or nxt in lex.relatives or phrase_at(toks, k + 1, lex.according)
                    or _name_and_cue(toks, k + 1, lex)):
                return k
        elif t.low in lex.joiners and t.low not in lex.back_joiners and k > j \
                and any(next_cue(toks, x, lex) for x in range(k + 1, min(n, k + 4))):
            return k  # "en kondigde aan"; not "dat hij niet alles zo precies wist" (a back joiner needs its comma)
        elif t.low in lex.contrast_joiners and k > j and any(toks[x].text[0].islower() and next_cue(toks, x, lex)
                                                               for x in range(k + 2, min(n, k + 8))):
            return k  # "… were young while Interior Minister Joachim Brudziński wrote …": another's statement
    return max(j, n)


def _fronted_clause(toks: list[Token], j: int, lex: QuoteLexicon) -> bool:
    """Whether the sentence opens with a subordinate clause that holds toks[j] ("Toen zij zei dat …",
    "De dag nadat hij had aangekondigd …"): a subordinator in its first three words with no cue before
    it ("Venter beweerde toen dat" opens with its main clause) and no comma before j."""
    sub = next((n for n, t in enumerate(toks[:3]) if t.low in lex.subordinators), None)
    return sub is not None and not any(lex.cue(t.low) for t in toks[:sub]) and not any(t.text == "," for t in toks[:j])


def _main_verb(nxt: list[Token], lex: QuoteLexicon) -> bool:
    """Whether the word after a comma can open the main clause after a fronted subordinate clause (its
    finite verb, lower case): no conjunction, complementizer, relative, preposition or adverb."""
    if not nxt or not nxt[0].text[0].isalpha() or not nxt[0].text[0].islower():
        return False
    low = nxt[0].low
    return not (low in lex.subordinators or low in lex.joiners or low in lex.complementizers or low in lex.relatives
                or low in lex.prepositions or low in lex.adverbs or low in lex.determiners or low in lex.whether
                or lex.numeral.fullmatch(low))


def _name_and_cue(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """A name of one to four capitalised words at toks[k], then a lower-case cue and a complementizer
    (", Mark Z. Barabak noted that …"): another speaker's attribution, not the content going on."""
    n = k
    while n < len(toks) and n - k < 4 and toks[n].text[:1].isupper():
        n += 1
    return k < n < len(toks) - 1 and toks[n].text[0].islower() and bool(lex.cue(toks[n].low)) \
        and toks[n + 1].low in lex.complementizers


def phrase_at(toks: list[Token], k: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of the phrases (word tuples) starts at toks[k]."""
    return any(k + len(a) <= len(toks) and all(toks[k + n].low == w for n, w in enumerate(a)) for a in phrases)


def next_cue(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """A cue that opens another attribution ("… and added"), not a verb with an infinitive of its
    own ("… and continued to attack others")."""
    lemma = lex.cue(toks[k].low)
    return lemma is not None and not (k + 1 < len(toks) and toks[k + 1].low == lex.infinitive
                                      and lemma not in lex.infinitive_cues)


def span_hit(toks: list[Token], a: int, b: int, text: str, cue: Token, m: SpeakerMention | None) -> Hit | None:
    while b > a and not toks[b - 1].text[0].isalnum() and toks[b - 1].text not in ("”", "’", '"', "'"):
        b -= 1
    if b - a < 2:
        return None
    start, end = toks[a].start, toks[b - 1].end
    return Hit(start, end, text[start:end], False, cue.text, m, cue.start)


def continues(toks: list[Token], j: int, lex: QuoteLexicon) -> bool:
    """Whether the words after a parenthetical attribution go on with the clause before it (", officials
    said, will open in May"): three words or more, opening in lower case with no preposition,
    conjunction, relative or gerund (", he said, in a statement" and ", he said, adding …" are his)."""
    words = [t for t in toks[j:j + 3] if word(t)]
    if len(words) < 3 or words[0] is not toks[j]:
        return False
    low = toks[j].low
    return toks[j].text[0].islower() and low not in lex.prepositions and low not in lex.joiners \
        and low not in lex.relatives and low not in lex.whether and low not in lex.subordinators \
        and not (low.endswith(lex.gerunds) and low not in lex.content_gerunds)
