"""Import PETRARCH2's CAMEO verb dictionary into kroniek's trigger format: data/en/events_cameo.json
(JSON, so the 4,000-odd patterns load in milliseconds; the format is events.yaml's).

    python scripts/build_event_lexicon.py [../shared/data/petrarch_dictionaries/CAMEO.2.0.txt]

CAMEO.2.0.txt (Open Event Data Alliance, MIT licence) has synonym sets (`&NAME` and `+WORD` lines)
and verb blocks: `--- NAME [code] ---`, then the block's verbs (`VERB {irregular forms} [code]`,
multiword `+CALL_OFF`), then patterns `- words * words (PREP words) {NOUN PHRASE} [code]`, where `*`
is the verb, `$`/`+`/`%`/`^` slots for source, target, compound and skipped phrases, `&SET` a synonym
set and a final `_` a word that takes no endings. How an entry becomes a kroniek pattern:

- the verb's forms (base, -s, -ed, -ing, doubled consonants, or the listed irregular ones) are the
  first element; each further word is an element (nouns also in their plural; a set's members,
  a multiword member by its last word); a slot widens the pattern's `gap` (3 words between
  elements, 6 across a slot); a multiword verb's particle follows the verb (`GO_TO`, `STEP_IN`: gap 0,
  so "went on to serve" is no visit);
- a verb's own code (`ASK [020]`) or its block's makes a one-word pattern: in every form for the
  few verbs of KEEP_BARE, in its past forms only for hostile acts (CAMEO 13-20: stabbed, shelled),
  else none (without a parser the bare verb is too often a noun or another sense); a pattern's code
  the longer one, and a pattern belongs to the verbs its comment names (`- * DEAL [057] # STRIKE`:
  struck a deal, not hit a deal), else to every verb of its block; `[a:b]` takes `a`; `[:b]` (the subject undergoes the act) and `[---]` are dropped;
- codes map to PLOVER by the 2021 table (data/plover.yaml): CAMEO 02 (appeal) is coded as the
  parallel 10 (demand): 020 → 100, 0231 → 1031 (PLOVER's REQUEST holds both); codes the table
  has no type for (01 public statements) are dropped;
- patterns with words before the verb (a subject restriction such as `&MILITARY *`) are dropped,
  kroniek finds subjects itself; so are verbs of SKIP_VERBS (auxiliaries, verbs that are mostly
  something else in news: say, fail, make, take) and patterns whose words are all stop words.

The file has priority 2: a hand-written pattern of events.yaml wins every overlap, and the sense
guards of events.yaml (`guards:`) reach the imported patterns too.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "petrarch_dictionaries" / "CAMEO.2.0.txt"
OUT = ROOT / "src" / "kroniek" / "data" / "en" / "events_cameo.json"
sys.path.insert(0, str(ROOT / "src"))

from kroniek import plover  # noqa: E402

# verbs whose bare form is mostly no event in news text, an auxiliary, or what befalls the subject
# (died, fled, exploded): no one-word pattern
SKIP_BARE = frozenset("""be have do say tell make take get go come see put set give keep let seem look appear
fail try want need use run turn leave hold bring show call find know think feel become begin start continue add
play mark move work face meet lead follow stand hit hand pass open close raise cut carry break drop end fall
expect plan hope note report state claim describe announce remain include allow help provide send receive
return release free charge fire shoot strike launch defeat beat attack blast target order
die perish suffer lose flee survive escape crash collapse burn explode sink bleed starve drown
""".split())
# one-word verbs kept alone: without a parser a bare CAMEO verb is too often a noun (a vote, the deal,
# reasons) or another sense (affected, ruled); these few are events in any form
KEEP_BARE = frozenset("""abduct assassinate bombard behead execute extradite evacuate expel deport detain imprison
kidnap massacre mobilize mobilise negotiate reconcile rebuke reprimand retaliate shell slaughter torture
vandalize vandalise veto""".split())
# a one-word verb stands alone in its past forms only for hostile acts (CAMEO 13-20: threaten ... mass
# violence): stabbed, shelled, jailed are acts in any sentence; agreed, issued, served, affected too often are not
HOSTILE = "13"
# verbs too general to carry any pattern
SKIP_VERBS = frozenset("be have do is are was were been will would shall can could may might must".split())
PARTICLES = frozenset("""up down out off back away about against toward towards upon under between among through
across along around behind before after during without within near inside outside beyond""".split())
# set members too general to mark an act by themselves (a device, security, a force)
GENERIC = frozenset("device devices security force forces system systems unit units equipment material materials".split())
PHRASAL = frozenset("off up down out away".split())
STOP = frozenset("a an the of to in on at by for with from into over as and or its their his her it them him this that".split())


def forms(verb: str) -> list[str]:
    """Regular English verb forms, with the doubled consonant where it may apply (ban → banned)."""
    v = verb.lower()
    out = [v]
    if v.endswith("e"):
        out += [v + "s", v + "d", v[:-1] + "ing"]
    elif v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        out += [v[:-1] + "ies", v[:-1] + "ied", v + "ing"]
    elif v.endswith(("s", "x", "z", "ch", "sh", "o")):
        out += [v + "es", v + "ed", v + "ing"]
    else:
        out += [v + "s", v + "ed", v + "ing"]
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", v):  # monosyllables: ban → banned
            out += [v + v[-1] + "ed", v + v[-1] + "ing"]
    return out


def past_forms(verb: str, irregular: list[str]) -> list[str]:
    """The past tense and participle of a one-word verb: the listed irregular forms that are neither
    -s nor -ing, else the regular -ed forms (ban → banned)."""
    if irregular:
        v = verb.lower()
        return sorted({w.lower() for w in irregular if not w.lower().endswith(("ing", "s")) and w.lower() != v})
    return sorted(f for f in forms(verb) if f.endswith("ed"))


def noun(word: str) -> list[str]:
    """A pattern word: exact when it ends in `_`, else also its plural."""
    if word.endswith("_"):
        return [word[:-1].lower()]
    w = word.lower()
    if w in STOP or w in PARTICLES:
        return [w]
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return [w, w[:-1] + "ies"]
    if w.endswith("s") and not w.endswith("ss"):  # arms, talks, forces: already plural
        return [w]
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return [w, w + "es"]
    return [w, w + "s"]


def code_of(raw: str) -> str | None:
    """`[190]` → 190, `[042:043]` → 042, `[:173]`/`[---]` → None; appeals (02x) as demands (10x)."""
    raw = raw.strip("[] ")
    if not raw or raw.startswith(":") or raw.startswith("-"):
        return None
    code = raw.split(":")[0].strip()
    if not code.isdigit():
        return None
    if code.startswith("02"):
        code = "10" + code[2:]
    return code if plover.lookup(code) else None


def parse(path: Path) -> tuple[dict[str, list[str]], list[dict]]:
    sets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    current_set = None
    in_verbs = False
    block: dict | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in line:
            in_verbs = True
            continue
        if not in_verbs:
            if text.startswith("&"):
                current_set = text.strip()
                sets[current_set] = []
            elif text.startswith("+") and current_set:
                sets[current_set].append(text[1:].strip())
            elif not text.strip():
                current_set = None
            continue
        if not text.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+(\[[^\]]*\])\s+---", text)
        if m:
            block = {"name": m.group(1), "code": m.group(2), "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None:
            continue
        if text.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*(\[[^\]]*\])\s*$", text)
            if m:
                named = {w.strip().lstrip("+").upper() for w in line.split("#", 1)[1].split(",")} if "#" in line else set()
                block["patterns"].append((m.group(1), m.group(2), named))
            continue
        m = re.match(r"^(\+?[A-Z0-9_'\-]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", text.strip())
        if m:
            # "{+WAS_DETERMINED , +BE_DETERMINED}": the commas separate forms, they are none
            irregular = [w.lstrip("+") for w in re.split(r"[\s,]+", (m.group(2) or "").strip("{}")) if w.strip("+")]
            block["verbs"].append((m.group(1).lstrip("+"), irregular, m.group(3)))
    return sets, blocks


def verb_elems(verb: str, irregular: list[str]) -> list[list[str]]:
    """A verb's elements: one for a simple verb, one per word for a multiword one (CALL_OFF)."""
    words = verb.lower().split("_")
    if len(words) == 1:
        return [sorted(set([words[0], *[w.lower() for w in irregular]] if irregular else forms(words[0])))]
    heads = {words[0], *forms(words[0])} | {w.lower().split("_")[0] for w in irregular}
    return [sorted(heads)] + [[w] for w in words[1:] if w]


def pattern_elems(text: str, sets: dict[str, list[str]]) -> tuple[list[list[str]], list[list[str]], bool] | None:
    """(elements before the verb, after it, whether a slot is crossed), or None when unusable."""
    tokens = re.findall(r"\{|\}|\(|\)|&\w+|[$+%^*]|[A-Za-z0-9'\-]+_?", text)
    before: list[list[str]] = []
    after: list[list[str]] = []
    seen_verb = False
    slot = False
    for tok in tokens:
        if tok in "{}()":
            continue
        if tok == "*":
            seen_verb = True
            continue
        if tok in "$+%^":
            slot = slot or seen_verb
            continue
        if tok.startswith("&"):
            members = sets.get(tok)
            if not members:
                return None
            members = [m for m in members if m.rstrip("_").split("_")[-1].lower() not in GENERIC]
            words = sorted({f for m in members for f in noun(m.rstrip("_").split("_")[-1] + ("_" if m.endswith("_") else ""))
                            if f})
            elem = words
        else:
            elem = noun(tok)
        (after if seen_verb else before).append(elem)
    if not seen_verb:
        return None
    return before, after, slot


def build(path: Path) -> tuple[dict, Counter]:
    sets, blocks = parse(path)
    stats: Counter = Counter()
    entries: list[dict] = []
    seen: set[tuple] = set()

    verbs: dict[str, list[str]] = {}

    def add(name: str, first: list[str], elems: list[list[str]], code: str, gap: int, why: str) -> None:
        key = (tuple(first), tuple(tuple(e) for e in elems), code)
        if key in seen:
            stats["duplicate"] += 1
            return
        seen.add(key)
        verbs.setdefault(name, first)
        entries.append({"v": name, "p": elems, "cameo": code, "gap": gap})
        stats[why] += 1

    for block in blocks:
        default = code_of(block["code"])
        simple = [(v, irr) for v, irr, _ in block["verbs"] if "_" not in v and v.lower() not in SKIP_VERBS]
        for verb, irregular, own in block["verbs"]:
            if verb.lower() in SKIP_VERBS:
                stats["dropped: auxiliary verb"] += 1
                continue
            code = code_of(own) if own else default
            if code is None:
                stats["verb without a PLOVER code"] += 1
                continue
            if "_" not in verb and verb.lower() not in KEEP_BARE:
                past = past_forms(verb, irregular)
                if verb.lower() in SKIP_BARE or not past or code[:2] < HOSTILE:
                    stats["dropped: one-word verb pattern (no POS: often a noun or another sense)"] += 1
                else:  # stabbed, ambushed, shelled: a past form is a verb (a stab is not)
                    add(verb.upper() + ":past", past, [], code, 3, "kept: verb, past forms only")
                continue
            first, *rest = verb_elems(verb, irregular)
            add(verb.upper(), first, rest, code, 0, "kept: verb")
        if not simple:
            continue
        alternatives = sorted({f for v, irr in simple for f in verb_elems(v, irr)[0]})
        for text, raw, named in block["patterns"]:
            own = [(v, irr) for v, irr in simple if v.upper() in named]  # the verb the pattern was written for
            first = sorted({f for v, irr in own for f in verb_elems(v, irr)[0]}) if own else alternatives
            code = code_of(raw)
            if code is None:
                stats["dropped: no PLOVER code ([---], [:x], 01x)"] += 1
                continue
            parsed = pattern_elems(text, sets)
            if parsed is None:
                stats["dropped: unknown set or no verb"] += 1
                continue
            before, after, slot = parsed
            if before:
                stats["dropped: words before the verb"] += 1
                continue
            if not after:
                stats["dropped: nothing after the verb"] += 1
                continue
            if all(set(e) <= STOP | PARTICLES for e in after) and not (
                    len(after) == 1 and after[0][0] in PHRASAL):  # call off, crack down: specific enough
                stats["dropped: only function words after the verb (a noun would match too)"] += 1
                continue
            add("*" + "/".join(sorted(v for v, _ in own)) if own else "*" + block["name"], first, after, code,
                6 if slot else 2, "kept: pattern")
    return {"verbs": verbs, "triggers": entries}, stats


HEADER = [
    "English triggers imported from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, Open Event Data Alliance,",
    "MIT licence) by scripts/build_event_lexicon.py. Do not edit by hand: rerun the script.",
    "Mapping (see the script's docstring): the verb's forms are the first element (verbs[v]); the words of p follow",
    "as elements (nouns also plural; a synonym set by its members); gap 2, or 6 across a noun-phrase slot; the CAMEO",
    "code gives PLOVER type and mode by the 2021 table, CAMEO 02x appeals as 10x demands; [:x], [---] and codes",
    "without a PLOVER type are dropped, as are patterns with words before the verb.",
    "Priority 2: every hand-written pattern of events.yaml wins an overlap; its sense guards apply here too.",
]


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else DEFAULT
    data, stats = build(path)
    dump = lambda x: json.dumps(x, ensure_ascii=False)
    lines = ["{", f' "about": {dump(HEADER)},', f' "counts": {dump(dict(sorted(stats.items())))},', ' "priority": 2,',
             ' "verbs": {']
    lines += [f"  {dump(name)}: {dump(forms_)}," for name, forms_ in data["verbs"].items()]
    lines[-1] = lines[-1].rstrip(",")
    lines += [" },", ' "triggers": [']
    lines += [f"  {dump(e)}," for e in data["triggers"]]
    lines[-1] = lines[-1].rstrip(",")
    lines += [" ]", "}"]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['triggers'])} patterns, {len(data['verbs'])} verb groups")
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main(sys.argv[1:])
