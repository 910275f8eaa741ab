"""The actor knowledge base: who is who, under which names, holding which office when.

Every KB file is a YAML list of actor records (docs/actors.md §Format). The shipped
files in `data/kb/` load first; user KBs (the `KRONIEK_KB` path list, then
`~/.config/kroniek/kb/`, then `Options.kb_paths`) load after them, and a record with
an id already seen merges into it: scalars override, aliases and words add up, a
`roles` list replaces the old one, a `more_roles` list is added to it. That is how a user
corrects or extends the shipped KB.
"""
from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import lexicons

SHIPPED = lexicons.DATA / "kb"
USER_DIR = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "kroniek" / "kb"
WORD_KINDS = ("aliases", "adjectives", "demonyms")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_ROLE_RE = re.compile(r"^(\S+)\s+([A-Z]{2,5})?\s*(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$")


@dataclass(slots=True)
class Role:
    """An office held in a country between two ISO days (end exclusive, None = open)."""

    office: str
    country: str | None = None
    start: str | None = None
    end: str | None = None

    def active(self, lo: str, hi: str) -> bool:
        """True when the role overlaps the day range lo..hi (ISO strings compare as dates)."""
        return (self.start is None or self.start <= hi) and (self.end is None or self.end > lo)

    def to_json(self) -> dict[str, Any]:
        return {"office": self.office, "country": self.country, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Actor:
    """One KB record: a person, an organisation, a country or a place."""

    id: str
    name: str
    type: str = "PER"  # PER, ORG, LOC, MISC
    country: str | None = None
    sector: str | None = None
    gender: str | None = None  # m, f
    qid: str | None = None
    stands_for: str | None = None  # a place that names a government: that country's id
    aliases: dict[str, list[str]] = field(default_factory=dict)  # lang -> names
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    source: str = ""

    def names(self, kind: str = "aliases") -> Iterator[str]:
        """Every name of a kind in every language (the canonical name counts as an alias)."""
        if kind == "aliases":
            yield self.name
        for words in getattr(self, kind).values():
            yield from words

    def roles_at(self, date: str | None) -> list[Role]:
        lo, hi = day_range(date)
        return [r for r in self.roles if r.active(lo, hi)]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type}
        for key in ("country", "sector", "gender", "qid", "stands_for"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in WORD_KINDS:
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.roles:
            out["roles"] = [r.to_json() for r in self.roles]
        return out


def day_range(date: str | None) -> tuple[str, str]:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as its first and last day ('' .. '~' when undated)."""
    if not date:
        return "", "~"
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-31"
    return date[:10], date[:10]


def parse_role(raw: Any) -> Role:
    """A role as a mapping or as the short form `office CCC start..end`."""
    if isinstance(raw, dict):
        return Role(str(raw["office"]), raw.get("country"), _iso(raw.get("start")), _iso(raw.get("end")))
    m = _ROLE_RE.match(str(raw).strip())
    if not m:
        raise ValueError(f"bad role {raw!r}: want 'office CCC YYYY-MM-DD..YYYY-MM-DD'")
    return Role(m.group(1), m.group(2), m.group(3), m.group(4))


def _iso(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _words(value: Any) -> dict[str, list[str]]:
    if not value:
        return {}
    if isinstance(value, list):
        return {"*": [str(v) for v in value]}
    return {lang: [str(v) for v in (vs if isinstance(vs, list) else [vs])] for lang, vs in value.items()}


def actor_from(raw: dict[str, Any], source: str = "") -> Actor:
    """An Actor from one YAML/JSON record."""
    return Actor(id=str(raw["id"]), name=str(raw.get("name") or raw["id"]), type=raw.get("type", "PER"),
                 country=raw.get("country"), sector=raw.get("sector"), gender=raw.get("gender"),
                 qid=raw.get("qid") or (raw["id"] if re.fullmatch(r"Q\d+", str(raw["id"])) else None),
                 stands_for=raw.get("stands_for"),
                 aliases=_words(raw.get("aliases")), adjectives=_words(raw.get("adjectives")),
                 demonyms=_words(raw.get("demonyms")),
                 roles=[parse_role(r) for r in [*(raw.get("roles") or []), *(raw.get("more_roles") or [])]],
                 source=source)


def merge(old: Actor, raw: dict[str, Any], source: str) -> None:
    """Fold a later record with the same id into an earlier one (the later one wins)."""
    new = actor_from({"name": old.name, "type": old.type, **raw}, source)
    for key in ("name", "type"):
        if key in raw:
            setattr(old, key, getattr(new, key))
    for key in ("country", "sector", "gender", "qid", "stands_for"):
        if raw.get(key):
            setattr(old, key, getattr(new, key))
    for key in WORD_KINDS:
        mine = getattr(old, key)
        for lang, words in getattr(new, key).items():
            mine.setdefault(lang, [])
            mine[lang] += [w for w in words if w not in mine[lang]]
    if "roles" in raw:
        old.roles = new.roles
    elif "more_roles" in raw:
        old.roles += [r for r in new.roles if r not in old.roles]
    old.source = f"{old.source} + {source}" if old.source else source


class KB:
    """Actors by id, with lookups by name and by office-country-date."""

    def __init__(self, records: Iterable[tuple[dict[str, Any], str]] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        for raw, source in records:
            self.add(raw, source)

    def add(self, raw: dict[str, Any], source: str = "") -> None:
        if raw["id"] in self.actors:
            merge(self.actors[raw["id"]], raw, source)
        else:
            self.actors[raw["id"]] = actor_from(raw, source)
        self.__dict__.pop("_index", None)

    def get(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    @property
    def index(self) -> dict[str, list[tuple[Actor, str]]]:
        """Case-folded name -> (actor, kind) for every alias, adjective and demonym."""
        if "_index" not in self.__dict__:
            idx: dict[str, list[tuple[Actor, str]]] = {}
            for actor in self.actors.values():
                for kind in WORD_KINDS:
                    for name in actor.names(kind):
                        hits = idx.setdefault(name.casefold(), [])
                        if (actor, kind) not in hits:
                            hits.append((actor, kind))
            self.__dict__["_index"] = idx
        return self.__dict__["_index"]

    def lookup(self, name: str) -> list[Actor]:
        """Actors with this alias (any language, case-insensitive; a genitive -s tried too)."""
        key = name.casefold().strip()
        hits = [a for a, k in self.index.get(key, []) if k == "aliases"]
        if not hits and key.endswith("s"):
            hits = [a for a, k in self.index.get(key.rstrip("'’")[:-1], []) if k == "aliases"]
        return hits

    def holders(self, office: str, country: str | None, date: str | None) -> list[Actor]:
        """Who held an office (in a country) on a date; the most recently started first."""
        lo, hi = day_range(date)
        found = []
        for actor in self.actors.values():
            for r in actor.roles:
                if r.office == office and (country is None or r.country == country) and r.active(lo, hi):
                    found.append((r.start or "", actor))
        return [a for _, a in sorted(found, key=lambda x: x[0], reverse=True)]

    def country_of(self, actor: Actor) -> str | None:
        return actor.country or actor.stands_for


def read_records(path: Path) -> Iterator[tuple[dict[str, Any], str]]:
    """Records from a KB file (.yaml/.yml list, or a .csv as written by `import_file`)."""
    if path.suffix in (".yaml", ".yml"):
        data = lexicons.read_yaml(path) or []
        for raw in data:
            yield raw, path.name
    elif path.suffix == ".csv":
        for raw, _ in _csv_records(path):
            yield raw, path.name


def kb_files(paths: Iterable[str | Path] = ()) -> list[Path]:
    """The shipped files, then KRONIEK_KB, the user dir and explicit paths (later overrides)."""
    out = sorted(SHIPPED.glob("*.yaml"))
    extra = [p for p in os.environ.get("KRONIEK_KB", "").split(os.pathsep) if p]
    for p in [*extra, USER_DIR, *paths]:
        p = Path(p).expanduser()
        if p.is_dir():
            out += sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml", ".csv"))
        elif p.is_file():
            out.append(p)
    return out


@lru_cache(maxsize=8)
def load(paths: tuple[str, ...] = ()) -> KB:
    """The merged KB for these user paths, built once per process."""
    return KB(rec for f in kb_files(paths) for rec in read_records(f))


_current: list[tuple[str, ...]] = [()]


def use(paths: Iterable[str] = ()) -> KB:
    """Make the KB with these user paths the one `get`/`gender`/`explain` answer from."""
    _current[0] = tuple(paths)
    return load(_current[0])


def default() -> KB:
    return load(_current[0])


def get(actor_id: str | None) -> Actor | None:
    """The actor with this id in the current KB, or None."""
    return default().get(actor_id)


def gender(actor_id: str | None) -> str | None:
    """'m', 'f' or None: for resolving he/she pronouns to an actor."""
    actor = get(actor_id)
    return actor.gender if actor else None


def lookup(name: str) -> list[Actor]:
    """Actors with this name in the current KB (any language, case-insensitive, genitive -s too)."""
    return default().lookup(name)


def holders(office: str, country: str | None, date: str | None) -> list[Actor]:
    """Who held an office in a country on a date in the current KB, the most recently started first."""
    return default().holders(office, country, date)


def explain(name: str, date: str | None = None) -> list[dict[str, Any]]:
    """What the KB knows about a name, id or role description ("de Russische president") on a date:
    each candidate with all its roles and those held on the date."""
    kb = default()
    found = kb.lookup(name) or ([kb.get(name)] if kb.get(name) else []) or _by_role(name, date)
    out = []
    for actor in found:
        rec = actor.to_json()
        rec["roles_on_date"] = [r.to_json() for r in actor.roles_at(date)] if date else None
        rec["source"] = actor.source
        out.append(rec)
    return out


def _by_role(phrase: str, date: str | None) -> list[Actor]:
    from .stages.actors import resolve_role  # the stage reads the KB: import late, no cycle

    for lang in ("nl", "en"):
        ref = resolve_role(phrase, date, lang)
        if ref is not None and get(ref.id) is not None:
            return [get(ref.id)]
    return []


# --- importing user and PETRARCH/Phoenix dictionaries ---------------------------------

_PET_CODE = re.compile(r"\[([A-Z0-9]+)\s*(?:([<>]?)(\d{6})(?:-(\d{6}))?)?\]")
_SECTORS = ("GOV", "MIL", "LEG", "JUD", "PTY", "IGO", "NGO", "MED", "BUS", "REB", "ELI", "COP",
            "OPP", "SPY", "HLH", "EDU", "LAB", "REL", "CVL", "IMG", "AGR", "CRM", "UAF", "INS")


def _pet_day(yymmdd: str) -> str:
    yy = int(yymmdd[:2])
    return f"{2000 + yy if yy < 30 else 1900 + yy}-{yymmdd[2:4]}-{yymmdd[4:6]}"


def _pet_name(word: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in word.strip().strip("_+").split("_") if w)


def _pet_code(code: str) -> tuple[str | None, str | None]:
    country = code[:3] if len(code) >= 3 and code[:3].isalpha() else None
    sector = next((code[i:i + 3] for i in range(3, len(code), 3) if code[i:i + 3] in _SECTORS), None)
    return country, sector


def read_petrarch(path: Path) -> Iterator[dict[str, Any]]:
    """Actor records from a TABARI/PETRARCH `.actors` file: NAME_ lines, +synonyms, [CODE dates]."""
    current: dict[str, Any] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if not line[0].isspace() and not text.startswith("+") and not text.startswith("["):
            if current:
                yield current
            head = text.split("[", 1)[0].strip()
            current = {"id": "petrarch:" + head.strip("_"), "name": _pet_name(head), "aliases": {"en": []},
                       "roles": [], "type": "PER"}
            text = text[len(text.split("[", 1)[0]):]
        elif text.startswith("+") and current:
            current["aliases"]["en"].append(_pet_name(text[1:]))
            continue
        if current is None:
            continue
        for code, op, d1, d2 in _PET_CODE.findall(text):
            country, sector = _pet_code(code)
            start = _pet_day(d1) if d1 and op != "<" else None
            end = _pet_day(d2) if d2 else (_pet_day(d1) if d1 and op == "<" else None)
            if d1:
                current["roles"].append({"office": sector or code, "country": country, "start": start, "end": end})
            else:
                current["country"], current["sector"] = country, sector
                if len(code) == 3:
                    current["type"] = "LOC"
    if current:
        yield current


def _csv_records(path: Path) -> Iterator[tuple[dict[str, Any], str]]:
    """CSV columns: id,name,type,country,sector,gender,aliases (| separated),roles (; separated short form)."""
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            raw: dict[str, Any] = {k: v for k, v in row.items() if v and k not in ("aliases", "roles")}
            raw.setdefault("id", raw.get("name"))
            if row.get("aliases"):
                raw["aliases"] = [a.strip() for a in row["aliases"].split("|") if a.strip()]
            if row.get("roles"):
                raw["roles"] = [r.strip() for r in row["roles"].split(";") if r.strip()]
            yield raw, path.name


def import_file(path: str | Path, out: str | Path | None = None) -> tuple[int, Path]:
    """Convert a user's YAML/CSV or a PETRARCH/Phoenix dictionary into a KB file under the user dir:
    (how many actors, the file written).

    `out` is a file, or a folder (existing, or a path without suffix) to write `<stem>.yaml` into.

    The result overrides the shipped KB from the next process on (or after `load.cache_clear()`).
    """
    path = Path(path)
    if path.suffix in (".yaml", ".yml"):
        records = [raw for raw, _ in read_records(path)]
    elif path.suffix == ".csv":
        records = [raw for raw, _ in _csv_records(path)]
    else:
        records = list(read_petrarch(path))
    for raw in records:
        actor_from(raw)  # validate before writing anything
    target = Path(out) if out else USER_DIR / f"{path.stem}.yaml"
    if target.is_dir() or not target.suffix:
        target = target / f"{path.stem}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.dump(records, Dumper=_DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load.cache_clear()
    return len(records), target
