"""Whether quoted words are someone's speech or a term: a title in capitals, a scare term inside a
sentence, a slogan with no verb, the word a naming verb gives a thing, one word of a reported clause.
Read by stage.QuoteStage when it classifies a group of quote marks."""
from __future__ import annotations

import re

from ...model import Token
from .lexicon import QuoteLexicon, tokens
from .marks import Group

MIN_WORDS = 4  # a quote this long is speech even without a cue in sight
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def title_case(inner: str) -> bool:
    """A name or title ("Morning Joe", "Contract with America"): every long word capitalised."""
    words = [w for w in _LETTER_WORD.findall(inner) if len(w) > 3]
    return len(inner.split()) >= 2 and bool(words) and all(w[0].isupper() for w in words)


def scare_term(text: str, g: Group, nwords: int, cue_pos: int, lex: QuoteLexicon) -> bool:
    """A short term in scare marks inside a sentence, with more words before the cue that follows
    ("haperde het 'pinpasverkeer' gedurende enkele kwartieren, aldus de woordvoerster"): the cue
    attributes the sentence, not the term."""
    if text[g.start:g.segs[0][0]] not in lex.scare_marks or nwords >= MIN_WORDS or cue_pos < g.end:
        return False
    return any(w.strip(",;:").lower() not in lex.joiners for w in text[g.end:cue_pos].split() if w.strip(",;:"))


def term(text: str, g: Group, inner: str, nwords: int, lex: QuoteLexicon) -> bool:
    """Words in scare marks inside a sentence with no cue, no verb and under eight words: a name, a
    title or a slogan ("het rapport over ‘mobiliteit in en rond Brussel’", "een ‘grootse training
    voor de burgerwaarden’"), not someone's words."""
    if text[g.start:g.segs[0][0]] not in lex.scare_marks or nwords >= 2 * MIN_WORDS:
        return False
    words = tokens(inner, 0, len(inner), lex)
    return not any(t.low in lex.auxiliaries or lex.cue(t.low) or t.low in lex.pronouns or t.low in lex.first_person
                   or t.low in lex.negations for t in words)


def naming_word(pre: list[Token], ci: int, inner: str, lex: QuoteLexicon) -> bool:
    """Whether a short quote is the word a naming cue at pre[ci] gives a thing: "called the deal
    “unacceptable”", "described it as “a disaster”" (see `short_naming` in the lexicon); not a name
    ("a pattern called a “glider”", "called it “Brexit”") nor a passive ("has been called a … by")."""
    link = lex.short_naming.get(lex.cue_lemma.get(pre[ci].low, ""))
    first = inner.lstrip()[:1]
    if link is None or not first.islower() \
            or (ci > 0 and pre[ci - 1].low in lex.passive_auxiliaries) != pre[ci].low.endswith(lex.participles):
        return False  # a passive ("was called"); a gerund but "is describing": its subject is too far to tell
    between = pre[ci + 1:]
    if len(between) > 10 or any(not t.text[0].isalnum() and t.text not in lex.possessives for t in between):
        return False
    words = [t for t in between[1:] if t.low not in (link, "as")]  # the first may be the verb's particle ("referred to")
    if any(t.low in lex.prepositions for t in words):
        return False
    if link:
        return any(t.low == link for t in between[-3:])
    return any(t.low not in lex.determiners for t in between if t.low != "as")


def partial_word(pre: list[Token], ci: int, inner: str, before_mark: str, lex: QuoteLexicon) -> bool:
    """Whether one quoted word in the clause a speech cue at pre[ci] reports is the speaker's own
    ("said the talks were “constructive”", "accused the network of “swindling”"): not after a
    naming verb (`naming_word` decides), a passive ("was announced to be a “pandemic”"), a preposition
    that is not the cue's own ("the issue of “packing”"), a clause of its own after a comma (", and
    you “stopped” …", ", who …"), nor in markup (author="…")."""
    lemma = lex.cue_lemma.get(pre[ci].low, "")
    last = pre[-1].low if len(pre) > ci + 1 else ""
    b = ci - 1
    while b > 0 and pre[b].low in lex.adverbs or b > 0 and pre[b].low.endswith(lex.adverb_suffixes):
        b -= 1  # "was previously announced"
    comma = max((k for k in range(ci + 1, len(pre)) if pre[k].text == ","), default=None)
    opener = next((t.low for t in pre[comma + 1:] if t.low not in lex.joiners), "") if comma is not None else ""
    return inner.lstrip()[:1].islower() and lemma not in lex.direct_only and before_mark != "=" \
        and not (b >= 0 and pre[b].low in lex.passive_auxiliaries) \
        and opener not in lex.pronouns and opener not in lex.first_person and opener not in lex.relatives \
        and (last not in lex.prepositions or last in lex.content_preps.get(lemma, ()))
