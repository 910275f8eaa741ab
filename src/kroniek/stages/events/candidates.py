"""What happened in a sentence: trigger matches coded as candidate events, with their modality.

Frames (threaten, refuse, consider) join the act they frame into one CAMEO-coded candidate
(an order is the ordered act itself, done by who orders it);
negation, conditionals, questions and wishes decide whether it is a fact, a refusal, a threat
or nothing. Who did it is the stage's next step (stage.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ... import plover
from ...model import Quote, SpanIndex, Token
from .lexicon import EventLexicon
from .mentions import ActorMention
from .patterns import Match


@dataclass(slots=True)
class Candidate:
    """One event under construction, before its actors are known."""

    head: int  # token index of the trigger word
    last: int  # token index of the last trigger word (frame and act together)
    idxs: frozenset[int]  # every trigger token
    code: str | None
    type: str
    mode: str | None
    frame: str | None = None
    negated: bool = False
    modal: bool = False  # "must": the subject is the one asked
    noun: bool = False  # a nominal trigger: its adjective names the actor (de Russische aanval)
    needs_target: bool = False  # a weak frame (vragen, dreigen) counts only when addressed to someone
    needs_subject: bool = False  # a bare future (will), allow: with a thing as subject no one's act, no event
    quoted_act: int | None = None  # head of the act in the quote this frame follows: its subject is the target
    means: int | None = None  # head of the nominal act named as this act's means ("killed by a US airstrike")
    act_type: str | None = None  # the framed act's own type, mode and CAMEO code
    act_mode: str | None = None
    act_code: str | None = None
    explicit_date: bool = False
    source: list = field(default_factory=list)
    target: list = field(default_factory=list)
    alleged: bool = False  # a hostile act told in someone else's words (their accusation is coded too)
    source_words: ActorMention | None = None  # the mention the source was read from, for its words
    target_words: ActorMention | None = None


def regions(toks: list[Token], lo: int, hi: int, lex: EventLexicon) -> tuple[set[int], set[int]]:
    """Token indices in conditional clauses, and in questions, wishes and bare infinitives (never facts;
    a frame that takes the infinitive, "refused to", "agreed to", is coded from the frame's own word,
    and a decision, "voted to", "began to", makes it a deed: data infinitive_facts; so does an act that
    is itself the purpose, "gathered to protest": infinitive_deeds)."""
    cond: set[int] = set()
    unreal: set[int] = set()
    if toks[hi - 1].text == "?" if hi > lo else False:
        unreal.update(range(lo, hi))
    for i in range(lo, hi):
        low = toks[i].low
        if low in lex.conditional and lex.opens_condition(toks, i, hi):
            j = i + 1
            while j < hi and toks[j].low not in (",", ";") and toks[j].low not in lex.conditional_end:
                j += 1
            cond.update(range(i, j))
        elif low in lex.question_words and (i == lo or not lex.question_after
                                              or toks[i - 1].low in lex.question_after):
            j = i + 1
            while j < hi and toks[j].low not in (",", ";"):
                j += 1
            unreal.update(range(i, j))
        elif low in lex.irrealis and lex.is_irrealis(toks, i):
            unreal.update(range(i, hi))
        elif (low in lex.infinitive_markers and i + 1 < hi and toks[i + 1].low not in lex.infinitive_deeds
              and (i == lo or toks[i - 1].low not in lex.infinitive_facts)):
            unreal.add(i + 1)  # "stayed to prevent", "plans to remove": a purpose or a plan, not a deed
            if i - 2 >= lo and toks[i - 1].low in lex.plan_words and toks[i - 2].low in lex.passive_aux \
                    and toks[i + 1].low in lex.start_verbs:  # "the summit is set to open": planned, not held
                j = i - 2
                while j > lo and toks[j - 1].low not in lex.clause_breaks:
                    j -= 1
                unreal.update(range(j, i))
    return cond, unreal


def _negated(toks: list[Token], m: Match, clause: list[int], lo: int, lex: EventLexicon,
             words: frozenset[str] | None = None) -> bool:
    """A negation word near the trigger in its clause (or, with `words`, one of those: "yet")."""
    c = clause[m.head - lo]
    window = range(max(lo, m.head - 3), min(lo + len(clause), m.last + 5))

    def hit(i: int) -> bool:
        return toks[i].low in words if words is not None else lex.is_negation(toks[i].low)
    if any(clause[i - lo] == c and hit(i) for i in window):
        return True
    # "had not, as of yesterday, announced": a negation before a phrase set off by commas right before the trigger
    if m.head - 1 > lo and toks[m.head - 1].low == ",":
        opening = next((j for j in range(m.head - 2, max(lo, m.head - 10) - 1, -1) if toks[j].low == ","), None)
        return opening is not None and opening > lo and hit(opening - 1)
    return False


def candidates(toks: list[Token], lo: int, hi: int, lex: EventLexicon, clause: list[int],
                matches: list[Match]) -> list[Candidate]:
    """Trigger matches joined with their frames and coded; alleged acts left out."""
    used: set[int] = set()
    out: list[Candidate] = []
    embedded: set[int] = set()
    heads = {m.head for m in matches}
    for k, m in enumerate(matches):
        if k in used:
            continue
        if m.head in embedded:
            continue
        frame, act = (m, None) if m.pattern.frame else (None, m)
        if frame is not None:
            # an intention is of the subject's own act, in its own clause ("wil voorkomen dat X ..." is not X's act)
            own, at = frame.pattern.frame == "intend", clause[frame.last - lo]
            acts = []
            for j in range(k + 1, len(matches)):
                nxt = matches[j]
                if nxt.head - frame.last > 10 or any(toks[i].low in (",", ";", ":") or (own and clause[i - lo] != at)
                                                     for i in range(frame.last, nxt.head)):
                    break
                if not nxt.pattern.frame and j not in used:
                    acts.append(j)
            if frame.pattern.needs_subject and lex.verb_final:  # "zullen zijn bezoek als een signaal zien": a bare future
                acts = [j for j in acts if _verbal(toks, matches[j], lo, hi, lex)]  # intends its verb
            verbs = [j for j in acts if not matches[j].pattern.noun]
            pick = verbs[0] if verbs else acts[0] if acts else None
            if pick is not None:
                act = matches[pick]
                used.update(j for j in acts if j <= pick)
        if frame is not None and act is None and frame.pattern.frame == "threaten" and _risk(toks, frame, clause, lo, lex):
            continue
        cand = _code(frame, act)
        if cand is None:
            continue
        cand.negated = _negated(toks, frame or act, clause, lo, lex) or (
            act is not None and frame is not None and _negated(toks, act, clause, lo, lex))
        if cand.negated and _negated(toks, frame or act, clause, lo, lex, lex.not_yet):
            continue  # "haven't yet agreed": not done so far, no refusal
        out.append(cand)
        if act is not None and act.pattern.embeds:
            j = act.last + 1
            while j < hi and toks[j].low not in lex.compound_joiners - {","} and toks[j].low != ";" and not (
                    toks[j].low in lex.verb_joiners and j + 1 in heads):  # "…, maar prees Hamas": the praise is a fact
                embedded.add(j)
                j += 1
    return out


def _verbal(toks: list[Token], m: Match, lo: int, hi: int, lex: EventLexicon) -> bool:
    """A verb act, not a noun (no noun pattern, no article before it: "de aanvallen voortzetten"), or a
    word that ends its clause (a verb-final clause's infinitive: "zal de stad aanvallen.")."""
    i = m.last
    if i + 1 >= hi or toks[i + 1].low in lex.clause_breaks or not toks[i + 1].text[:1].isalnum():
        return True
    return not m.pattern.noun and not (m.head > lo and toks[m.head - 1].low in lex.determiners)


def _risk(toks: list[Token], frame: Match, clause: list[int], lo: int, lex: EventLexicon) -> bool:
    """"dreigt een tweede Atomium te worden": a threat verb before an infinitive (data risk_markers)
    that names no act the lexicon knows is a risk, not someone's threat."""
    at = clause[frame.last - lo]
    return any(toks[i].low in lex.risk_markers for i in range(frame.last + 1, lo + len(clause))
               if clause[i - lo] == at)


def _code(frame: Match | None, act: Match | None) -> Candidate | None:
    """Type, mode and CAMEO code of a frame and/or act, from the 2021 table."""
    act_type = act.pattern.type_() if act else None
    act_mode = act.pattern.mode_() if act else None
    if frame is not None and frame.pattern.frame in plover.ACT_FRAMES:
        # "ordered the arrest of", "ordered troops to withdraw": who orders an act does it through
        # those who carry it out; an order of nothing the lexicon knows is no event
        if act is None or act_type is None:
            return None
        return Candidate(frame.head, act.last, frozenset(frame.idxs + act.idxs), act.pattern.cameo, act_type,
                         act_mode, frame=frame.pattern.frame, act_type=act_type, act_mode=act_mode, act_code=act.pattern.cameo)
    if frame is not None:
        code = plover.combine(frame.pattern.frame, act_type, act.pattern.cameo if act else None)
        if code is None:
            if act is None:
                return None
        else:
            row = plover.lookup(code)
            mode = "intend" if frame.pattern.frame in ("intend", "pledge") and row.type == "AGREE" else row.mode
            last = act.last if act else frame.last
            idxs = frozenset(frame.idxs + (act.idxs if act else ()))
            return Candidate(frame.head, last, idxs, code, row.type, mode, frame=frame.pattern.frame,
                             modal=frame.pattern.modal, needs_target=frame.pattern.needs_target,
                             needs_subject=frame.pattern.needs_subject,
                             act_type=act_type, act_mode=act_mode,
                             act_code=act.pattern.cameo if act else None)
    if act is None or act_type is None:
        return None
    return Candidate(act.head, act.last, frozenset(act.idxs), act.pattern.cameo, act_type, act_mode,
                     act_type=act_type, act_mode=act_mode, act_code=act.pattern.cameo, noun=act.pattern.noun,
                     needs_subject=act.pattern.needs_subject, needs_target=act.pattern.needs_target)


def _recode(c: Candidate, frame: str, content: str | None) -> Candidate:
    code = plover.combine(frame, content, c.act_code if content == c.act_type else None)
    row = plover.lookup(code)
    return Candidate(c.head, c.last, c.idxs, code, row.type, row.mode, frame=frame, act_type=c.act_type,
                     act_mode=c.act_mode, act_code=c.act_code)


def quoted_acts(quotes: SpanIndex[Quote], toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """A framing verb after a quote frames the act inside it: „Oekraïne moet zich terugtrekken”,
    eiste Poetin → REQUEST by Putin of Ukraine, not a withdrawal by Ukraine."""
    out: list[Candidate] = []
    for c in cands:
        act = out[-1] if out else None
        quote = act and next(iter(quotes.covering(toks[act.head].start)), None)
        if (act is None or quote is None or c.frame not in ("request", "reject", "threaten", "pledge")
                or c.act_type is not None or act.frame is not None or quote.end > toks[c.head].start):
            out.append(c)
            continue
        code = plover.combine(c.frame, act.type, act.code)
        if code is None:
            out.append(c)
            continue
        row = plover.lookup(code)
        out[-1] = Candidate(c.head, c.last, c.idxs | act.idxs, code, row.type, row.mode, frame=c.frame,
                            act_type=act.type, act_mode=act.mode, act_code=act.code, quoted_act=act.head)
    return out


def apply_modality(c: Candidate, cond: set[int], unreal: set[int], has_cond: bool) -> Candidate | None:
    """Negation, conditionals and wishes: REJECT for a refused cooperation, THREATEN for a conditional harm."""
    if c.head in cond or c.head in unreal:
        return None
    if c.negated:
        if c.type == "REJECT" or c.frame not in (None, "intend", "agree", "pledge"):
            return None
        if c.type not in plover.COOPERATIVE:
            return None
        return _recode(c, "reject", c.act_type if c.act_type in plover.COOPERATIVE else "AGREE")
    harm = c.act_type in plover.CONFLICT | {"SANCTION"} or c.act_mode == "withdraw"
    if has_cond and harm and c.frame in (None, "intend", "agree", "pledge"):
        return _recode(c, "threaten", c.act_type)
    return c
