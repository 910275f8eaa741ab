"""Stage 6: PLOVER events with source, target, date and place.

Rule-based over tokens, so it stays fast without a parser: per sentence, trigger
patterns from data/<lang>/events.yaml are matched; a framing verb (overwegen, threaten,
refuse) joins the act it frames into one CAMEO-coded event; negation, conditionals,
embedded questions, wishes and alleged acts are not coded as facts; source and target
come from the clause around the trigger (subject before it, object after it, by-phrase
of a passive, the speaker of a quote); compound actors become lists.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from ... import plover
from ...kb import KB
from ...model import (
    ActorRef,
    Doc,
    Event,
    Options,
    Quote,
    Span,
    Token,
)
from ..dates import date_for
from ..registry import register
from . import syntax
from .arguments import PARTICIPLE_ENDINGS, assign_actors
from .article import counterparts, dedupe, headline_repeats
from .candidates import Candidate, apply_modality, candidates, quoted_acts, regions
from .context import ArticleIndex, Sentence
from .home import aim_at_home, placed
from .lexicon import EventLexicon, lexicon, sentence_words, tokenize
from .mentions import ActorMention, MentionFinder
from .recode import recode

# hostile acts that, told in someone else's words, are that speaker's accusation
CLAIMED = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
ACCUSE_CODE = "112"
DYADIC = frozenset({"RETREAT", "ASSAULT", "REJECT", "ACCUSE", "COERCE", "SANCTION", "THREATEN", "AGREE",
                    "REQUEST", "CONCEDE"})


@register
class EventStage:
    """Finds and codes events; see the module docstring."""

    name = "events"
    requires: tuple[str, ...] = ("paragraphs", "sentences", "entities", "timexes", "quotes")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, options: Options, kb: KB) -> None:
        self.options = options
        self.kb = kb
        self.finder = MentionFinder(kb)

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon(doc.lang or doc.article.lang or "")
        if lex is None:  # no data/<lang>/events.yaml: a language without triggers has no events
            return doc
        words = [sentence_words(doc.text, s, e) for s, e in doc.sentences]
        hot = [k for k, w in enumerate(words) if lex.may_trigger(w)]
        # the sentence before one with a pronoun holds its antecedents
        window = sorted({j for k in hot for j in ((k - 1, k) if not words[k].isdisjoint(lex.anaphors) else (k,)) if j >= 0})
        toks = [t for j in window for t in tokenize(doc.text, *doc.sentences[j])]
        index = ArticleIndex.of(doc)
        mentions = self.finder.find(doc, toks, lex, index.quotes, index.home)
        counterpart = counterparts(doc, mentions, self.kb)
        starts = [t.start for t in toks]
        mention_at = [m.lo for m in mentions]  # mentions are in token order
        events: list[Event] = []
        for k in hot:
            lo, hi = _slice(starts, doc.sentences[k])
            if hi <= lo:
                continue
            local = mentions[bisect_left(mention_at, lo):bisect_left(mention_at, hi)]
            sent = Sentence(doc, lex, self.kb, toks, lo, hi, doc.sentences[k], local, index, k)
            events.extend(self._sentence_events(sent, counterpart))
        doc.events.extend(dedupe(headline_repeats(doc, events), doc.reference_date))
        return doc

    def _sentence_events(self, sent: Sentence, counterpart: dict[str, ActorRef]) -> list[Event]:
        """Code the sentence's candidates; with parsing on, the voice and a passive's agent are read
        from the parse (only for a sentence with a candidate and a passive auxiliary)."""
        cands = _candidates_of(sent)
        if cands and self.options.parse and _maybe_passive(sent, cands):
            parsed = syntax.parse(sent.doc, sent.number, self.options)
            if parsed is not None:
                sent.roles = {c.head: syntax.roles(parsed, sent.toks, c.head, sent.local, sent.lex) for c in cands}
        return _code_events(sent, cands, counterpart)


def _same_act(sent: Sentence, prev: Candidate, c: Candidate) -> bool:
    """A nominal trigger of the previous trigger's type right after it ("rocket attack"), or a few words
    after a verb in its clause ("fired dozens of missiles"): the one act, not a second."""
    if not c.noun or prev.type != c.type:
        return False
    gap = c.head - prev.last
    verb = not prev.noun or sent.lex.is_past(sent.toks[prev.last].low)
    return gap == 1 or (verb and 1 < gap <= 5 and sent.clause[c.head - sent.lo] == sent.clause[prev.last - sent.lo])


def _slice(starts: list[int], sent: tuple[int, int]) -> tuple[int, int]:
    """Token index range [lo, hi) of a sentence, from the sorted token start offsets."""
    return bisect_left(starts, sent[0]), bisect_left(starts, sent[1])


def _appositives(toks: list[Token], lo: int, hi: int, lex: EventLexicon, mentions: list[ActorMention],
                 heads: set[int]) -> set[int]:
    """Tokens of an apposition after a subject ("Yeşilgöz, leider van de VVD, verweet"): it
    describes the subject, so its commas do not end the subject's clause, and its own actors are
    no subject unless the subject is unknown. It opens with a role word or an article
    (data: appositive_openers), ends at the next comma and holds no trigger."""
    out: set[int] = set()
    for m in mentions:
        i = m.hi
        if m.prep or i + 1 >= hi or toks[i].low != "," or toks[i + 1].low not in lex.appositive_openers:
            continue
        j = next((j for j in range(i + 1, min(hi, i + 10)) if toks[j].low in lex.clause_breaks), None)
        if j is None or toks[j].low != "," or heads.intersection(range(i, j)):
            continue
        out.update(range(i, j + 1))
        inside = [inner for inner in mentions if i < inner.lo < j]
        if not placed(m):  # "Kenzo Oshima, the UN coordinator,": it says who an unknown subject is
            who = next((inner for inner in inside if placed(inner)), None)
            if who is None:
                continue
            m.actors = list(who.actors)
        for inner in inside:
            inner.appositive = True
    return out


def _clauses(toks: list[Token], lo: int, hi: int, lex: EventLexicon, mentions: list[ActorMention],
             heads: set[int]) -> list[int]:
    """Clause number per token of the sentence; commas inside a compound actor or an apposition do not break."""
    inside = {i for m in mentions for i in range(m.lo, m.hi)} | _appositives(toks, lo, hi, lex, mentions, heads)
    out, n = [], 0
    for i in range(lo, hi):
        if (toks[i].low in lex.clause_breaks or toks[i].low in lex.conditional) and i not in inside:
            n += 1
        elif toks[i].low in lex.verb_joiners and i + 1 in heads and lex.is_past(toks[i + 1].low) \
                and not lex.is_past(toks[i - 1].low) and toks[i - 1].low not in lex.prepositions:
            n += 1  # "condemned the strikes and spoke with Zelensky": the second verb's object is its own
        out.append(n)
    return out


PARENTHESIS = 15  # tokens between an auxiliary and its participle across an inserted phrase


def _maybe_passive(sent: Sentence, cands: list[Candidate]) -> bool:
    """In a verb-final language, a passive auxiliary that the rules cannot tie to a participle
    trigger because a comma stands between them ("werd, na een korte achtervolging, door de politie
    aangehouden"): the parse decides the voice. Only such sentences are parsed, so parsing costs
    little (within a clause the rules read the voice; English passives sit next to their auxiliary)."""
    if not sent.lex.verb_final:
        return False
    aux = [i for i in range(sent.lo, sent.hi) if sent.toks[i].low in sent.lex.passive_aux]
    return any(0 < c.head - i <= PARENTHESIS and sent.clause[i - sent.lo] != sent.clause[c.head - sent.lo]
               and sent.toks[c.head].low.endswith(PARTICIPLE_ENDINGS) for c in cands for i in aux)


def _candidates_of(sent: Sentence) -> list[Candidate]:
    toks, lex, lo, hi = sent.toks, sent.lex, sent.lo, sent.hi
    names = [(e.start, e.end) for e in sent.index.names.starting_in(*sent.span)]
    names += [(t.start, t.end) for t in sent.index.timexes.starting_in(*sent.span)]  # "in March": a date, no march
    matches = [m for m in lex.match(toks, lo, hi)  # "Met Éireann": a word of a name is no trigger
               if not any(s <= toks[m.head].start < e for s, e in names)
               and not (len(m.idxs) == 1 and toks[m.head].low in lex.sectors)  # "protesters" names actors, no act
               and not (m.pattern.noun and _topic_of_talk(toks, lo, m.head, lex))]
    if not matches:
        return []
    sent.clause = _clauses(toks, lo, hi, lex, sent.local, {i for m in matches for i in m.idxs})
    sent.cond, sent.unreal = regions(toks, lo, hi, lex)
    cands: list[Candidate] = []
    for c in quoted_acts(sent.index.quotes, toks, candidates(toks, lo, hi, lex, sent.clause, matches)):
        c = apply_modality(c, sent.cond, sent.unreal, bool(sent.cond))
        if c is not None and _means_of(sent, c, cands):
            cands[-1].means = c.head  # its doer may be named there ("een Russische raketaanval")
        elif c is not None and cands and _same_act(sent, cands[-1], c):
            cands[-1].last, cands[-1].idxs = c.last, cands[-1].idxs | c.idxs  # "rocket attack": one act, two words
        elif c is not None:
            cands.append(c)
    return cands


def _topic_of_talk(toks: list[Token], lo: int, head: int, lex: EventLexicon) -> bool:
    """A nominal act behind a preposition of topic ("het oneens over een bestand", "praten over
    sancties"): what is talked about, not an act (data topic_prepositions)."""
    i = head - 1
    while i > lo and toks[i].low in lex.determiners:
        i -= 1
    return i >= lo and toks[i].low in lex.topic_prepositions


MEANS_REACH = 8  # tokens from an act to the nominal act named as its means


def _means_of(sent: Sentence, c: Candidate, before: list[Candidate]) -> bool:
    """"killed by a US airstrike", "gedood bij een raketaanval": a nominal act of the same type right
    after an act, behind a preposition of means (data means_prepositions), is how that act was done,
    not a second act."""
    toks, lex = sent.toks, sent.lex
    d = before[-1] if before else None
    if d is None or d.type != c.type or not 0 < c.head - d.last <= MEANS_REACH \
            or sent.clause[c.head - sent.lo] != sent.clause[d.last - sent.lo]:
        return False
    return any(toks[i].low in lex.means_prepositions for i in range(d.last + 1, c.head))


def _code_events(sent: Sentence, cands: list[Candidate], counterpart: dict[str, ActorRef]) -> list[Event]:
    """Actors, date and place for each candidate; one without any actor is no event."""
    events: list[Event] = []
    prev: Candidate | None = None
    for c in [*cands]:
        assign_actors(sent, c, prev)
        c = recode(sent, c)
        if c is None:
            continue
        claim = _claim(sent, c)
        if claim is not None:
            events.append(_event(sent, claim, cands))
        if not c.target and c.type in DYADIC:
            src = {a.country for a in c.source}
            for country, ref in counterpart.items():
                if country not in src and src & set(counterpart):
                    c.target = [ref]
        if not c.source and not c.target or _home_visit(c):
            continue
        if c.needs_target and (c.act_type is None or c.frame is None) and not c.target:
            continue  # "dreigt een debacle", "vroeg zich af", "an investigation was under way": no one addressed
        if c.needs_target and c.frame is not None and c.act_type is None and not c.source:
            continue  # "hem werd gevraagd wat hij kwam doen": a question from no one named, asking for no act
        aim_at_home(sent, c, cands)
        prev = c
        events.append(_event(sent, c, cands))
    return events


def _home_visit(c: Candidate) -> bool:
    """A visit to a town or a site of the visitor's own country ("Macron visited Marseille", "a visit to the
    oil field"), or of a visitor of no known country, meets no one: no event. A visit to a person, a body or a
    foreign place stays."""
    where = c.target_words
    if c.mode != "visit" or where is None or not where.place or any(a.id for a in where.actors):
        return False
    own = {a.country for a in c.source if a.country}
    return not own or {a.country for a in c.target} <= own


def _claim(sent: Sentence, c: Candidate) -> Candidate | None:
    """"Russia said Ukraine attacked its posts": a hostile act told in someone else's words is, as
    far as the text goes, their accusation of the one said to act. The act stays too, as alleged
    (an actor's account of its own act is only that act)."""
    if c.type not in CLAIMED or c.frame is not None or not c.source:
        return None
    quote = next((q for q in sent.index.quotes.covering(sent.toks[c.head].start) if q.speaker is not None
                  and (q.speaker.id or q.speaker.country)), None)
    if quote is None or _reported(sent, quote):
        return None
    speaker = quote.speaker
    if any(a.id == speaker.id or (a.country and a.country == speaker.country and a.id in (None, a.country))
           for a in c.source):  # an actor's own account, or of its own state's act ("Canada stuurt troepen", zei Chrétien)
        return None
    row = plover.lookup(ACCUSE_CODE)
    c.alleged = True
    return replace(c, code=ACCUSE_CODE, type=row.type, mode=row.mode, target=c.source, target_words=c.source_words,
                   source=[ActorRef(speaker.id, speaker.name, speaker.country)], source_words=None, alleged=False)


def _reported(sent: Sentence, quote: Quote) -> bool:
    """News told by the news media ("Reuters reported Iran arrested two sailors", a cue of data
    report_cues, or a speaker the KB files as media) passes the act on; it accuses no one."""
    speaker = sent.kb.get(quote.speaker.id) if quote.speaker is not None else None
    return (quote.cue or "").casefold() in sent.lex.report_cues or (speaker is not None and speaker.sector == "MED")


def _date(sent: Sentence, c: Candidate, heads: list[int]) -> tuple[str | None, bool]:
    """The clause's date: the nearest time expression this trigger is the nearest trigger to."""
    doc, toks, lex, (s0, s1) = sent.doc, sent.toks, sent.lex, sent.span
    pos = toks[c.head].start
    best, best_d = None, None
    for t in sent.index.timexes.starting_in(s0, s1):
        if not t.value[:1].isdigit():
            continue
        if lex.time_is_bound(doc.text, t.start):
            continue
        d = abs(t.start - pos)
        if any(abs(t.start - toks[h].start) < d for h in heads if h != c.head):
            continue
        if best_d is None or d < best_d:
            best, best_d = t, d
    if best is not None:
        value = best.value.split("T")[0]
        return value, True
    if len(heads) == 1:
        value = date_for(doc, toks[c.head].start, toks[c.last].end)
        return value, value != doc.reference_date
    return doc.reference_date, False


def _event(sent: Sentence, c: Candidate, cands: list[Candidate]) -> Event:
    doc, toks, local, clause, lo = sent.doc, sent.toks, sent.local, sent.clause, sent.lo
    date, c.explicit_date = _date(sent, c, [x.head for x in cands])
    place = next((m for m in local if m.place_prep and m.place and m.lo > c.head
                  and clause[m.lo - lo] == clause[c.head - lo]), None)
    place = place or next((m for m in local if m.place_prep and m.place), None)
    head, last = toks[c.head], toks[c.last]
    trigger = Span(head.start, last.end, doc.text[head.start:last.end])
    return Event(c.type, trigger, sent.span, mode=c.mode, source=_party(_worded(sent, c.source, c.source_words)),
                 target=_party(_worded(sent, c.target, c.target_words)), confidence=_confidence(sent, c),
                 date=date, location=place.place if place else None,
                 location_country=place.actors[0].country if place and place.actors else None, cameo=c.code)


def _confidence(sent: Sentence, c: Candidate) -> float:
    """How far the evidence carries the event: a multiword or framed trigger over a bare word, a
    verb over a noun, actors the KB knows and that the clause (or the parse) names, over actors
    taken from context or left unknown."""
    score = 0.45
    score += 0.1 if len(c.idxs) > 1 or c.frame else 0.0
    score -= 0.1 if c.noun else 0.0
    score += 0.15 if c.source_words is not None and any(a.id for a in c.source) else 0.0
    score += 0.05 if c.source and all(a.country for a in c.source) else -0.1
    score += 0.1 if c.target_words is not None and any(a.id for a in c.target) else 0.0
    score += 0.05 if c.head in sent.roles else 0.0
    score -= 0.1 if c.source and c.source_words is None else 0.0  # from the context, not the clause
    score -= 0.2 if c.alleged else 0.0  # told in someone else's words
    return round(min(0.95, max(0.05, score)), 2)


def _worded(sent: Sentence, actors: list[ActorRef], m: ActorMention | None) -> list[ActorRef]:
    """The actors with the words that name them here: a mention's whole noun phrase and its kind."""
    if m is None:
        return actors
    start, end = sent.toks[m.lo].start, sent.toks[m.hi - 1].end
    text = sent.doc.text[start:end]
    return [replace(a, text=text, start=start, end=end, kind=_kind(m, a)) for a in actors]


def _kind(m: ActorMention, a: ActorRef) -> str:
    """FORMAT.md's actor kinds: a person, a state (a country or its government named as such),
    an organisation, or a group of people (protesters, police, "de regering" unnamed)."""
    if m.person:
        return "PER"
    if m.kind == "sector" or m.kind == "agent":
        return "GROUP" if a.id is None else "ORG"
    if a.id is not None and a.id == a.country:
        return "GPE"
    return "ORG"


def _party(actors: list):
    if not actors:
        return None
    return actors[0] if len(actors) == 1 else list(actors)
