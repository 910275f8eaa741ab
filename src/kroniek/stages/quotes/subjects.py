"""The subject of a cue: who speaks in "X said", "zei hij", "X, the chairman, said", "werd bevestigd
door X", "… and claimed". Used for reported clauses and for the cue before a direct quote.
"""
from __future__ import annotations

from ...model import Entity, SpanIndex, Token
from .attribution import SpeakerMention, mention_in, np_after, word
from .lexicon import QuoteLexicon

BREAKS = frozenset(",;:–—―().!?„“”\"«»‘’")
_INVERTING = frozenset(",”\"’'»")  # what an English inverted attribution follows: "…,” said X


def cue_at(toks: list[Token], k: int, lex: QuoteLexicon) -> str | None:
    """The cue lemma of toks[k], unless a blocker makes it a noun or infinitive, or it is negated."""
    lemma = lex.cue(toks[k].low)
    before = toks[k - 1].low if k > 0 else ""
    opener = k == 1 and before in lex.pronoun_blockers and toks[0].text[0].isupper() \
        and not toks[k].low.endswith(lex.plurals)  # "Het bevestigde later dat"; "Het zeggen van …" is a noun
    if lemma is None or before in lex.cue_blockers and not opener or before.endswith(lex.possessives) or _negated(toks, k, lex) \
            or before in lex.not_after.get(lemma, ()):
        return None  # "the report", "naar eigen zeggen", "Trump's tweet" are nouns; "al vroeg" an adverb
    if before in lex.prepositions and not _quoted_as(toks, k, lex) \
            or (toks[k].text[0].isupper() and (k > 0 or not lex.verb_second)):
        return None  # "of alleged violence", "as reported by", "The Doris Day Show", "Reports indicate …"
    if k + 1 < len(toks) and lex.cue(toks[k + 1].low) and toks[k + 1].low not in lex.cue_blockers:
        return None  # "Reports said …": the first is a noun
    if toks[k].low == lemma and _after_singular_name(toks, k, lex):
        return None  # "a Donald Trump tweet": as a verb it would take -s
    particles = lex.particles.get(lemma)
    window = _clause_after(toks, k, lex) if lemma in lex.separable else toks[max(0, k - 3):k + 8]
    if particles and toks[k].low not in lex.fused and not any(x.low in particles for x in window):
        return None  # a split separable verb has its particle after it ("zag … in"), never before
    if lex.reflexives and lemma not in lex.reflexive_cues and _reflexive(toks, k, lex):
        return None  # "meldde Boogerd zich bij de ploegleiderswagen": reporting oneself somewhere, no statement
    unless = lex.not_with.get(lemma)
    if unless and before != ",":  # "…, vindt de PVV" is an attribution, "vond de politie een wapen" is not
        for x in toks[k + 1:k + 4]:
            if x.low in lex.complementizers:
                break
            if x.low in unless:
                return None  # "vond plaats", "vond een wapen"
    return lemma


def _after_singular_name(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """Whether capitalised words before toks[k] follow a singular determiner ("a Donald Trump")."""
    j = k - 1
    while j >= 0 and toks[j].text[0].isupper():
        j -= 1
    return j < k - 1 and j >= 0 and toks[j].low in lex.singular_determiners


def _quoted_as(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """'was quoted (by Reuters) as saying': 'as' before the cue, a quoted_as word up to four words before it."""
    return k > 1 and toks[k - 1].low == "as" and any(t.low in lex.quoted_as for t in toks[max(0, k - 6):k - 1])


def _clause_after(toks: list[Token], k: int, lex: QuoteLexicon) -> list[Token]:
    """The words after toks[k] up to a complementizer or break (20 at most): where a split separable
    verb's particle stands ("kondigde gisteravond na een lange vergadering met alle schepenen aan dat")."""
    out = []
    for t in toks[k + 1:k + 21]:
        if t.text in BREAKS or t.low in lex.complementizers:
            break
        out.append(t)
    return out


def _reflexive(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """A reflexive within three words after the cue, and no clause right after it or te-infinitive in
    its clause that could be said ("zei zich zorgen te maken" is a statement, "meldde zich bij de
    balie" none)."""
    for n in range(k + 1, min(len(toks), k + 4)):
        if toks[n].text in BREAKS:
            return False
        if toks[n].low in lex.reflexives:
            if n + 1 < len(toks) and toks[n + 1].low in lex.complementizers:
                return False
            for t in toks[n + 1:n + 12]:
                if t.text in BREAKS or t.low in lex.joiners:
                    return True
                if t.low == lex.infinitive:
                    return False
            return True
    return False


def _negated(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """'did not say', 'zei niet dat' (after the cue only where the verb comes second); not a
    negation across a comma ("Mooier kon niet, vond Van Moorsel")."""
    before = toks[max(0, k - 2):k]
    if before and before[-1].text in BREAKS:
        before = []
    elif len(before) == 2 and before[0].text in BREAKS:
        before = before[1:]
    for t in before + (toks[k + 1:k + 3] if lex.verb_second else []):
        if t.low in lex.negations or t.low.endswith(lex.negation_suffixes):
            return True
    return False


def subject(words: list[Token], lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> SpeakerMention | None:
    """Who a sentence is about, for a quote with no cue: its first entity, pronoun or role noun phrase."""
    m = mention_in(words, lex, text, ents)
    if m is not None and m.kind in ("entity", "pronoun"):
        return m
    for k, t in enumerate(words):
        if lex.is_role(t.low):
            lo = k
            while (lo > 0 and k - lo < 3 and words[lo - 1].low not in lex.prepositions
                   and lex.cue(words[lo - 1].low) is None):
                lo -= 1
                if words[lo].low in lex.determiners:
                    break
            return SpeakerMention(words[lo].start, t.end, text[words[lo].start:t.end], "np")
    return None


def colon_np(words: list[Token], lex: QuoteLexicon, text: str) -> SpeakerMention | None:
    """The subject noun phrase of a clause that introduces a quote with a colon and no cue ("Haar
    coach was blij met alle speculaties: '…'"): a determiner or possessive and its noun, up to the verb."""
    if len(words) < 3 or words[0].low not in lex.determiners:
        return None
    np = np_after(words, 0, lex)
    if not 2 <= len(np) <= 6 or len(np) == len(words):
        return None
    return SpeakerMention(np[0].start, np[-1].end, text[np[0].start:np[-1].end], "np")


def clause_speaker(toks: list[Token], ci: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> SpeakerMention | None:
    """The speaker of the cue at toks[ci]: the subject before it, or after it when the clause
    is inverted (Dutch V2: "Zaterdag zei hij", "Op X voegde hij eraan toe")."""
    by = agent(toks, ci, lex, text, ents)
    if by is not None or passive(toks, ci, lex):
        return by  # without its agent a passive names no speaker: "Intussen wordt gevreesd dat …"
    cs = ci
    while cs > 0 and (toks[cs - 1].text not in BREAKS or toks[cs - 1].text == ")"):
        if toks[cs - 1].text == ")":  # "Travel Unie (Arke, Holland International) zei"
            opener = next((n for n in range(cs - 2, max(-1, cs - 15), -1) if toks[n].text == "("), None)
            if opener is None:
                break
            cs = opener
            continue
        cs -= 1
    if cs > 0 and toks[ci].low.endswith(lex.participles):
        m = subject([t for t in toks[:cs] if word(t)][:8], lex, text, ents)
        return _main_subject(toks, cs, m, lex, text, ents) if m is not None and m.kind in ("entity", "name") else m
    own = lex.particles.get(lex.cue(toks[ci].low) or "", frozenset())
    pre = _without_brackets([t for t in toks[cs:ci] if t.low not in own])
    sub = max((k for k, t in enumerate(pre[:-2]) if (t.low in lex.subordinators or t.low in lex.object_relatives)
               and _opens_subject(pre[k + 1], lex) or t.low in lex.contrast_joiners),
              default=-1)  # "an explosion that | Mayor de Blasio described as", "… while | harbour master X wrote"
    if not any(t.low in lex.joiners for t in pre[sub + 1:]):  # "… that the country would … and suggested": elided
        pre = pre[sub + 1:]  # "De zaak lag stil tot | de inspecteur bij het Hof van Cassatie adviseerde"
    q = next((n for n, t in enumerate(pre) if t.low in lex.quoted_as), None)
    if q is not None and _quoted_as(toks, ci, lex):
        pre = pre[:q]  # "The mayor was quoted (by Reuters) as saying": the mayor, not the agent
    core = [t for t in pre if t.low not in lex.adverbs and t.low not in lex.auxiliaries]
    bare = not [t for t in pre if not (t.text[0].islower() and t.low.endswith(lex.adverb_suffixes))]  # "forcefully"
    if cs > 1 and toks[cs - 1].text == "," and (bare and not lex.verb_second or pre and pre[0].low in lex.relatives):
        return _appositive(toks, cs - 1, lex, text, ents)  # "X, the chairman, (forcefully) said" / "Trump, who says"
    if cs > 1 and toks[cs - 1].text == "," and bare:
        opener = opening_subject(toks, cs - 1, lex, text, ents)
        if opener is not None:  # V2 too: "Wilders, leider van de PVV, maakte dinsdag bekend dat"
            return opener
    if lex.verb_second and cs > 1 and toks[cs - 1].text == "," and all(t.low in lex.auxiliaries for t in pre):
        fronted = fronted_subject(toks, lex, text, ents, relative=not pre)
        if fronted is not None:  # "De reizigers die gestrand waren, vertelden …", "De eigenaars, …, hebben beloofd"
            return fronted
    if not core and any(t.low in lex.joiners for t in pre):
        return _elided(toks, cs, lex, text, ents)  # "…, but said this too …": the subject before
    if len(pre) > 1 and pre[-1].low in lex.relatives:  # "ploegleider Zijlaard die adviseerde": who 'die' is
        np = _trailing_np(pre[:-1], lex)  # ("released a statement which said": the statement's maker, below)
        named = mention_in(np, lex, text, ents) if not any(t.low in lex.documents for t in np) else None
        if named is not None:
            return named
    last = next((t for t in reversed(pre) if t.low not in lex.adverbs or t.low in lex.joiners), None)
    if last is not None and last is not pre[0] and last.low in lex.joiners:
        # "The attacker is reported to have jumped on stage … and claimed": the first verb's subject
        first = _elided(toks, toks.index(last), lex, text, ents) or _first_subject(pre, lex, text, ents)
        if first is not None:
            return first
    after = np_after(toks, ci + 1, lex)
    surname = bool(core) and core[0].low in lex.name_particles and core[0].text[0].isupper() and core[-1].text[0].isupper() and all(
        t.low in lex.name_particles or t.text[0].isupper() for t in core)  # "Van den Stockt maakte …": a name, no phrase
    if not core or core[0].low in lex.prepositions and not surname:
        if not lex.verb_second and not core and (cs == 0 or toks[cs - 1].text not in _INVERTING):
            return None  # English inverts only after a quote or comma
        if not lex.verb_second and core:  # "at 86 she still says things such as": no inversion after a phrase
            return mention_in(pre, lex, text, ents, last=True) or (mention_in(after, lex, text, ents) if after else None)
        m = mention_in(after, lex, text, ents) if after else None
        return m or (mention_in(pre, lex, text, ents, last=True) if pre else None)
    if lex.verb_second and len(core) == 1 and after and after[0].low in lex.pronouns \
            and not ents.within(core[0].start, core[0].end):
        return mention_in(after[:1], lex, text, ents)  # "Niettemin hield ze vol dat": one adverb, then V2
    if lex.verb_second and after and _adverbial(pre, lex, ents):
        named = mention_in(after, lex, text, ents)  # "Begin dit jaar verklaarde Jan Segers": V2, the name after speaks
        if named is not None and any(e.type == "PER" for e in ents.within(named.start, named.end)):
            return named
    return mention_in(pre, lex, text, ents)


def fronted_subject(toks: list[Token], lex: QuoteLexicon, text: str, ents: SpanIndex[Entity],
                     relative: bool) -> SpeakerMention | None:
    """The noun phrase that opens the sentence up to its first comma, as the subject of a verb-second
    clause after it: a determiner or name first, then (with `relative`, where nothing but the cue
    follows the comma) a relative clause ("De reizigers | die gestrand waren, vertelden de journalisten dat").
    Only an auxiliary after the comma needs no relative: a participle cue never precedes its
    subject ("De eigenaars, …, hebben beloofd")."""
    comma = next((n for n, t in enumerate(toks) if t.text in BREAKS), len(toks))
    chunk = [t for t in toks[:comma] if word(t)]
    if not chunk or chunk[0].low in lex.anaphors or chunk[0].low in lex.relatives \
            or not (chunk[0].low in lex.determiners or ents.within(chunk[0].start, chunk[-1].end)
                    and ents.within(chunk[0].start, chunk[-1].end)[0].start == chunk[0].start) \
            or chunk[0].low in lex.subordinators or chunk[0].low in lex.prepositions or chunk[0].low in lex.adverbs:
        return None  # a determiner or a name opens it ("Natuurlijk zijn er …" is no noun phrase)
    rel = next((n for n, t in enumerate(chunk[2:6], 2) if t.low in lex.relatives), None)  # after a noun
    if relative and rel is None:
        return None
    return mention_in(chunk[:rel] if rel else chunk, lex, text, ents)


def _adverbial(pre: list[Token], lex: QuoteLexicon, ents: SpanIndex[Entity]) -> bool:
    """Words before a cue that cannot be its subject: no person, pronoun or role among them."""
    return bool(pre) and not any(t.low in lex.pronouns or lex.is_role(t.low) for t in pre) \
        and not any(e.type == "PER" for e in ents.within(pre[0].start, pre[-1].end))


def _opens_subject(t: Token, lex: QuoteLexicon) -> bool:
    """A word a clause's subject can open with: a determiner, a pronoun or a name (not "als | resultaat")."""
    return t.low in lex.determiners or t.low in lex.pronouns or t.text[0].isupper()


def passive(toks: list[Token], ci: int, lex: QuoteLexicon) -> bool:
    """A cue in the passive: a passive auxiliary up to four lower-case words before it, with no
    determiner or preposition between ("wordt geregeld gezegd"), or right after it in a verb-final
    cluster or when it opens the sentence ("Gehoopt wordt dat"); never a progressive ("was saying")."""
    if toks[ci].low.endswith(lex.participles):
        return False
    nxt = toks[ci + 1].low if ci + 1 < len(toks) else ""
    if (ci == 0 or lex.verb_second) and nxt in lex.passive_auxiliaries and nxt not in lex.possessive_determiners:
        return True  # "Gehoopt wordt dat", "… verzocht werd te vertrekken"; not "he said were", "verklaarde zijn broer"
    for k in range(ci - 1, max(-1, ci - 5), -1):
        t = toks[k]
        if t.low in lex.passive_auxiliaries and (k == ci - 1 or t.low not in lex.possessive_determiners):
            return True  # "zijn" before a noun is "his": "In zijn toespraak stelde hij"
        if not word(t) or not t.text[0].islower() or t.low in lex.determiners or t.low in lex.prepositions:
            return False
    return False


def agent(toks: list[Token], ci: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> SpeakerMention | None:
    """The agent of a passive cue: "werd bevestigd door Rutte", "he was told by Minister X of …"."""
    if not any(t.low in lex.passive_auxiliaries for t in toks[max(0, ci - 3):ci]):
        return None
    for k in range(ci + 1, min(len(toks), ci + 5)):
        if toks[k].low in lex.agent_preps:
            return mention_in(np_after(toks, k + 1, lex), lex, text, ents)
        if not word(toks[k]):
            break
    return None


def _without_brackets(toks: list[Token]) -> list[Token]:
    """The words outside parentheses."""
    if not any(t.text == "(" or t.text == ")" for t in toks):
        return [t for t in toks if t.text[0].isalnum()]
    out, depth = [], 0
    for t in toks:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and word(t):
            out.append(t)
    return out


def _elided(toks: list[Token], cs: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> SpeakerMention | None:
    """The speaker of the cue before a coordinated one ("Dubrovsky said …, but said …", "en voegde toe")."""
    for k in range(cs - 1, -1, -1):
        if toks[k].low in lex.cue_lemma and cue_at(toks, k, lex):
            return clause_speaker(toks, k, lex, text, ents)
    return None


def _trailing_np(words: list[Token], lex: QuoteLexicon) -> list[Token]:
    """The noun phrase that ends a run of words, back to a verb form, preposition or pronoun ("She
    phoned | the coach", "contact met | ploegleider Zijlaard")."""
    k = len(words)
    while k > 0:
        t = words[k - 1]
        if t.low in lex.prepositions or t.low in lex.pronouns or t.low in lex.auxiliaries or t.low in lex.cue_lemma \
                or t.low in lex.adverbs or (t.text[0].islower() and t.low.endswith(lex.finite_suffixes)):
            break  # "In de raad zaten ook | leden die …"
        k -= 1
    return words[k:]


def _main_subject(toks: list[Token], cs: int, m: SpeakerMention, lex: QuoteLexicon, text: str,
                  ents: SpanIndex[Entity]) -> SpeakerMention:
    """The speaker of a participle after a comma ("The union criticized Mayor Smith, saying …"): the
    main clause's subject (its cue's speaker, or the words before its first verb) when the name
    found stands after it, as the verb's object; the name itself where verbs come second."""
    if lex.verb_second:
        return m
    lead = next((n for n, t in enumerate(toks[:cs]) if t.text == ","), None) \
        if toks[0].low in lex.prepositions or toks[0].low in lex.subordinators else None
    lo = lead + 1 if lead is not None else 0
    cue = next((k for k in range(cs - 1, lo - 1, -1) if toks[k].low in lex.cue_lemma and cue_at(toks, k, lex)), None)
    if cue is not None:
        first = clause_speaker(toks, cue, lex, text, ents)
    else:
        main = [t for t in toks[lo:cs] if word(t)]
        first = _first_subject(main[:8], lex, text, ents) if main else None
    return first if first is not None and first.end <= m.start and first.kind != "pronoun" else m


def _first_subject(words: list[Token], lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> SpeakerMention | None:
    """The words that open a clause up to its first verb ("The embassy | declined the request and
    said"); None when no verb form shows where the subject ends."""
    for n, t in enumerate(words):
        if n and t.text[0].islower() and (t.low.endswith(lex.finite_suffixes) or t.low in lex.auxiliaries
                                          or t.low in lex.cue_lemma):
            return mention_in(words[:n], lex, text, ents)
    return None


def opening_subject(toks: list[Token], comma: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> SpeakerMention | None:
    """The name that opens the sentence when an appositive between commas separates it from the
    cue ("Geert Wilders, leider van de PVV, maakte … bekend"), or the name set off after an
    opening role ("De burgemeester van Gent, Els Wouters, vroeg"): then the words after the cue
    are its object or an adverb, not an inverted subject. None when the sentence opens otherwise
    (an adverbial or subordinate clause: "Toen hij aankwam, zei hij")."""
    chunks: list[list[Token]] = []
    start = end = comma
    while start > 0 and len(chunks) < 3:
        if chunks:
            if toks[start - 1].text != ",":
                return None
            end = start - 1
        start = end
        while start > 0 and toks[start - 1].text not in BREAKS:
            start -= 1
        chunk = [t for t in toks[start:end] if word(t)]
        if not chunk or len(chunk) > (20 if chunk[0].low in lex.relatives else 9) \
                or chunk[0].low in lex.prepositions or chunk[0].low in lex.adverbs:
            return None  # a relative clause set off may be long ("Omtzigt, die de affaire … bracht, noemt")
        chunks.insert(0, chunk)
    if start > 0 or len(chunks) < 2:
        return None
    if any(lex.is_role(t.low) for t in chunks[0]) and len(chunks[1]) <= 4:
        named = mention_in(chunks[1], lex, text, ents)  # "De burgemeester van Gent, Els Wouters, vroeg"
        if named is not None and named.kind == "entity" and any(e.type == "PER" for e in ents.within(named.start, named.end)):
            return named
    if len(chunks[0]) > 5:
        return None
    m = mention_in(chunks[0], lex, text, ents)
    return m if m is not None and m.kind in ("entity", "name") else None


def _appositive(toks: list[Token], comma: int, lex: QuoteLexicon, text: str, ents: SpanIndex[Entity]) -> SpeakerMention | None:
    """The subject before an appositive: "Lead author Daniel Paluh, a candidate at the University
    of Florida, said" -> Daniel Paluh. Up to three comma chunks back; a person wins, else the earliest."""
    found: list[SpeakerMention] = []
    whole: list[SpeakerMention] = []  # a name that fills its chunk: "One news site, Znak.com, claims"
    end = comma
    for _ in range(3):
        start = end
        while start > 0 and toks[start - 1].text not in BREAKS:
            start -= 1
        chunk = [t for t in toks[start:end] if word(t)]
        if 0 < len(chunk) <= 9 and chunk[0].low not in lex.prepositions:
            m = mention_in(chunk, lex, text, ents, last=True)
            if m is not None:
                found.insert(0, m)
                if m.kind == "entity" and m.start == chunk[0].start and m.end == chunk[-1].end \
                        and all(e.type != "LOC" for e in ents.within(m.start, m.end)):  # not "the capital, Kyiv,"
                    whole.insert(0, m)
        if start == 0 or toks[start - 1].text != ",":
            break
        end = start - 1
    people = [m for m in found if m.kind == "entity" and any(e.type == "PER" for e in ents.within(m.start, m.end))]
    people = [m for m in people if text[m.end:m.end + 2] not in lex.possessives] or people  # "Trump's campaign
    # manager, Kellyanne Conway," is she; "excerpts from Bob Woodward's book" still his
    names = [m for m in found if m.kind == "name"]
    return (people or whole or names or found or [None])[0]
