"""The actor knowledge base: shipped coverage, dated roles, user overrides, imports."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from kroniek import kb
from kroniek.stages.actors import explain


@pytest.fixture(autouse=True)
def _no_user_kb(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests see the shipped KB only, whatever the machine's ~/.config holds."""
    monkeypatch.setattr(kb, "USER_DIR", tmp_path / "none")
    monkeypatch.delenv("KRONIEK_KB", raising=False)
    kb.load.cache_clear()


def test_every_un_member_and_the_extras_have_dutch_and_english_names() -> None:
    shipped = kb.load()
    countries = [a for a in shipped.actors.values() if a.type == "LOC" and a.country == a.id]
    assert len(countries) >= 196
    for iso3 in ("XKX", "PSE", "TWN", "RUS", "UKR", "USA", "NLD", "BEL"):
        actor = shipped.get(iso3)
        assert actor is not None and actor.aliases.get("nl") and actor.aliases.get("en"), iso3
    assert shipped.get("EU") is not None


def test_dutch_names_adjectives_and_demonyms() -> None:
    shipped = kb.load()
    assert [a.id for a in shipped.lookup("Rusland")] == ["RUS"]
    russia = shipped.get("RUS")
    assert {"Russische", "Russisch"} <= set(russia.adjectives["nl"])
    assert "Russen" in russia.demonyms["nl"]
    assert shipped.get("CHN").adjectives["nl"] == ["Chinese", "Chinees"]


def test_role_lookup_follows_the_date() -> None:
    shipped = kb.load()
    assert shipped.holders("president", "RUS", "2025-04")[0].name == "Vladimir Putin"
    assert shipped.holders("president", "RUS", "2010-06-01")[0].name == "Dmitry Medvedev"
    assert shipped.holders("president", "USA", "2021-06")[0].name == "Joe Biden"
    assert shipped.holders("president", "USA", "2025-04-22")[0].name == "Donald Trump"
    assert shipped.holders("prime_minister", "NLD", "2015")[0].name == "Mark Rutte"
    assert shipped.holders("foreign_minister", "USA", "2025-04")[0].name == "Marco Rubio"


def test_genitive_lookup_and_gender() -> None:
    assert [a.id for a in kb.load().lookup("Poetins")] == ["Q7747"]
    shipped = kb.load()
    assert shipped.get("Q7747").gender == "m"
    assert shipped.get("p:kaja-kallas").gender == "f"
    assert shipped.get("no-such-id") is None
    assert shipped.get("Q3874799").country == "UKR"


def test_explain_gives_roles_on_the_date() -> None:
    [putin] = explain(kb.load(), "Poetin", "2010-01-01")
    assert putin["id"] == "Q7747"
    assert [r["office"] for r in putin["roles_on_date"]] == ["prime_minister"]
    assert explain(kb.load(), "Nobody Atall") == []
    [role] = explain(kb.load(), "de Amerikaanse president", "2021-06-01")
    assert role["name"] == "Joe Biden"


def test_archigos_leaders_fill_countries_without_hand_entries() -> None:
    shipped = kb.load()
    leaders = [a for a in shipped.actors.values() if kb.from_archigos(a)]
    assert len(leaders) > 100
    assert all(r.office == "leader" and r.end and r.end <= "2015-12-31" for a in leaders for r in a.roles)
    # a spell of a hand-written person joins that person instead of becoming a second actor
    joined = [a for a in shipped.actors.values() if not kb.from_archigos(a) and "leaders_archigos" in a.source]
    assert joined and all(any(r.office == "leader" for r in a.roles) for a in joined)
    hand = {(a.country, a.name) for a in shipped.actors.values() if a.type == "PER" and not kb.from_archigos(a)}
    assert not [a.id for a in leaders if (a.country, a.name) in hand]


HEADS = ("leader", "president", "prime_minister", "chancellor", "monarch", "supreme_leader")
# UN members without a known head on 1 July of these years (docs/actors.md, "Coverage and gaps").
KNOWN_GAPS: dict[str, set[int]] = {
    "KIR": {2003},  # the Council of State between Tito and Tong
    "SMR": set(range(2000, 2026)),  # two Captains Regent at a time, every six months
    "SOM": {2000},  # no government before August 2000
    "SSD": set(range(2000, 2012)),  # independent from 2011-07-09
    "TLS": {2000, 2001},  # independent from 2002-05-20
}


def test_every_un_member_has_a_head_on_the_first_of_july_of_every_year() -> None:
    shipped = kb.load()
    members = [r["id"] for r in yaml.safe_load((kb.SHIPPED / "countries.yaml").read_text(encoding="utf-8"))
               if r.get("un_member")]
    assert len(members) == 193
    roles = [r for a in shipped.actors.values() for r in a.roles if r.office in HEADS]
    missing: dict[str, set[int]] = {}
    for year in range(2000, 2026):
        day = f"{year}-07-01"
        held = {r.country for r in roles if r.active(day, day)}
        for iso3 in set(members) - held:
            missing.setdefault(iso3, set()).add(year)
    unexpected = {c: sorted(y - KNOWN_GAPS.get(c, set())) for c, y in missing.items() if y - KNOWN_GAPS.get(c, set())}
    assert not unexpected


def test_role_short_form_parses() -> None:
    role = kb.parse_role("president RUS 2012-05-07..")
    assert (role.office, role.country, role.start, role.end) == ("president", "RUS", "2012-05-07", None)
    with pytest.raises(ValueError):
        kb.parse_role("president of Russia since 2012")


def test_user_kb_overrides_and_extends(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(yaml.safe_dump([
        {"id": "Q7747", "aliases": {"nl": ["Vladimir Vladimirovitsj"]}, "gender": "m"},
        {"id": "p:jan-jansen", "name": "Jan Jansen", "country": "NLD", "gender": "m",
         "roles": ["mayor NLD 2020-01-01.."]},
    ]), encoding="utf-8")
    merged = kb.load((str(user),))
    assert "Vladimir Vladimirovitsj" in merged.get("Q7747").aliases["nl"]
    assert "Poetin" in merged.get("Q7747").aliases["nl"]
    assert merged.holders("mayor", "NLD", "2024")[0].name == "Jan Jansen"
    assert kb.load().get("p:jan-jansen") is None


def test_more_roles_add_to_shipped_roles_and_roles_replace_them(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(yaml.safe_dump([
        {"id": "Q7747", "more_roles": ["party_leader RUS 2008-05-07..2012-05-26"]},
        {"id": "Q23530", "roles": ["party_leader RUS 2012-05-26.."]},
    ]), encoding="utf-8")
    merged = kb.load((str(user),))
    putin = [r.office for r in merged.get("Q7747").roles]
    assert putin.count("president") >= 2 and putin[-1] == "party_leader"
    assert [r.office for r in merged.get("Q23530").roles] == ["party_leader"]


def test_import_csv_into_user_dir(tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_text("id,name,type,country,gender,aliases,roles\n"
                   "p:x,Anna Smit,PER,NLD,f,Smit|A. Smit,mayor NLD 2019-01-01..2023-01-01\n", encoding="utf-8")
    count, out = kb.import_file(src, out=tmp_path / "kb")
    assert (count, out) == (1, tmp_path / "kb" / "people.yaml")
    merged = kb.load((str(out),))
    assert merged.lookup("A. Smit")[0].gender == "f"
    assert merged.holders("mayor", "NLD", "2020")[0].id == "p:x"


def test_import_petrarch_snippet(tmp_path: Path) -> None:
    src = tmp_path / "tiny.actors.txt"
    src.write_text("WIM_KOK_  # CountryInfo.txt\n\t[NLDELI 560101-940822]\n\t[NLDGOV 940822-020722]\n\t[NLDELI]\n"
                   "HAMAS_  # comment\n+ISLAMIC_RESISTANCE_MOVEMENT\n\t[PSEREB]\n", encoding="utf-8")
    _, out = kb.import_file(src, out=tmp_path / "tiny.yaml")
    recs = {r["name"]: r for r in yaml.safe_load(out.read_text(encoding="utf-8"))}
    kok = recs["Wim Kok"]
    assert kok["roles"][1] == {"office": "GOV", "country": "NLD", "start": "1994-08-22", "end": "2002-07-22"}
    assert (kok["country"], kok["sector"]) == ("NLD", "ELI")
    assert recs["Hamas"]["aliases"]["en"] == ["Islamic Resistance Movement"]
    assert recs["Hamas"]["sector"] == "REB"


def test_import_phoenix_dictionary(shared: Path, tmp_path: Path) -> None:
    src = shared / "data" / "petrarch_dictionaries" / "Phoenix.International.actors.txt"
    count, out = kb.import_file(src, out=tmp_path)
    assert count > 500
    merged = kb.load((str(out),))
    imported = [a for a in merged.actors.values() if a.id.startswith("petrarch:")]
    assert len(imported) > 500
    assert any(r.start and r.start < "2015" for a in imported for r in a.roles)


def test_lookups_by_alias_and_by_office() -> None:
    shipped = kb.load()
    assert [a.id for a in shipped.lookup("Zelenskyj")] == ["Q3874799"]
    assert shipped.holders("chancellor", "DEU", "2023-01-01")[0].name == "Olaf Scholz"
    assert shipped.holders("chancellor", "DEU", "1990-01-01") == []


def test_shipped_roles_are_well_formed() -> None:
    """Every shipped role names a known country, and starts before it ends."""
    shipped = kb.load()
    for actor in shipped.actors.values():
        assert actor.type in ("PER", "ORG", "LOC", "MISC"), actor.id
        assert actor.type != "PER" or actor.name != actor.id, f"{actor.id}: more_roles for a person no file defines"
        if actor.gender:
            assert actor.gender in ("m", "f"), actor.id
        for role in actor.roles:
            assert shipped.get(role.country) is not None or role.country in ("NATO", "UN"), (actor.id, role)
            assert role.start is None or len(role.start) == 10, (actor.id, role)
            assert role.start is None or role.end is None or role.start < role.end, (actor.id, role)


def test_hand_written_ids_are_not_merged_by_accident() -> None:
    """Within a shipped file ids are unique; a later file may only add names and `more_roles` to an
    earlier record, never replace its roles or facts (merging to replace is for user overrides)."""
    seen: set[str] = set()
    for path in kb.kb_files():
        ids = [r["id"] for r in yaml.safe_load(path.read_text(encoding="utf-8"))]
        assert len(ids) == len(set(ids)), (path.name, sorted({i for i in ids if ids.count(i) > 1}))
        for record in yaml.safe_load(path.read_text(encoding="utf-8")):
            if record["id"] in seen:
                assert set(record) <= {"id", "aliases", "more_roles"}, (path.name, record["id"])
        seen.update(ids)


def test_hand_written_office_holders_do_not_overlap() -> None:
    """One office in one country (and party) has one holder at a time (catches mistyped dates)."""
    spans: dict[tuple[str, str | None, str | None], list[tuple[str, str, str]]] = {}
    for actor in kb.load().actors.values():
        if not actor.source.startswith("leaders_archigos"):
            for r in actor.roles:  # a party_leader role is one party's office: its org is part of the office
                spans.setdefault((r.office, r.country, r.org), []).append((r.start or "", r.end or "~", actor.id))
    for key, held in spans.items():
        held.sort()
        for (_, end, first), (start, _, second) in itertools.pairwise(held):
            assert first == second or start >= end, (key, first, second)


def test_dutch_head_of_state_and_party_leaders() -> None:
    shipped = kb.load()
    assert shipped.holders("monarch", "NLD", "2013-05-01")[0].name == "Willem-Alexander"
    assert shipped.holders("monarch", "NLD", "2013-04-29")[0].name == "Beatrix"
    assert shipped.holders("prime_minister", "NLD", "2024-07-02")[0].name == "Dick Schoof"
    assert [a.country for n in ("Wilders", "Yeşilgöz", "Jetten") for a in shipped.lookup(n)] == ["NLD"] * 3


def test_the_compiled_kb_is_cached_and_rebuilt_when_a_file_changes(monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path: Path) -> None:
    monkeypatch.setenv("KRONIEK_CACHE", str(tmp_path / "cache"))
    user = tmp_path / "user.yaml"
    user.write_text("- {id: p:x, name: Xander Ypsilon}\n", encoding="utf-8")
    first = kb.load((str(user),))
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1
    kb.load.cache_clear()
    again = kb.load((str(user),))
    assert again is not first and again.digest == first.digest and len(again.actors) == len(first.actors)
    user.write_text("- {id: p:x, name: Xander Ypsilon}\n- {id: p:z, name: Zora Zed}\n", encoding="utf-8")
    kb.load.cache_clear()
    changed = kb.load((str(user),))
    assert changed.digest != first.digest and changed.get("p:z") is not None
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1  # the stale one is gone


def test_kb_cache_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KRONIEK_CACHE", "off")
    kb.load.cache_clear()
    assert kb.load().get("Q7747") is not None


# --- freshness (#17, part 3): roles carry the day they were checked; `kroniek actors stale` --------

NEWS_FILE = kb.SHIPPED / "persons_news_2019.yaml"


def test_role_short_form_takes_an_org_and_a_checked_day() -> None:
    role = kb.parse_role("party_leader NLD 2023-08-14.. party:nl:vvd @2025-06-03")
    assert (role.office, role.country, role.start, role.end) == ("party_leader", "NLD", "2023-08-14", None)
    assert (role.org, role.checked) == ("party:nl:vvd", "2025-06-03")
    assert kb.parse_role("president RUS 2012-05-07.. @2026-11-27").checked == "2026-11-27"
    long = kb.parse_role({"office": "leader", "country": "CUB", "start": "1959-01-02", "checked": "2015-12-31"})
    assert long.checked == "2015-12-31" and long.to_json()["checked"] == "2015-12-31"
    assert "checked" not in kb.parse_role("president RUS 2012-05-07..").to_json()
    with pytest.raises(ValueError):
        kb.parse_role("president RUS 2012-05-07.. @yesterday")


def test_every_role_written_this_session_and_every_hand_written_role_is_checked() -> None:
    news = yaml.safe_load(NEWS_FILE.read_text(encoding="utf-8"))
    roles = [kb.parse_role(r) for rec in news for r in [*rec.get("roles", []), *rec.get("more_roles", [])]]
    assert len(roles) >= 15 and all(r.checked and len(r.checked) == 10 for r in roles)
    shipped = kb.load()
    assert all(r.checked for a in shipped.actors.values() for r in a.roles)
    assert {r.checked for a in shipped.actors.values() for r in a.roles if r.source == kb.ARCHIGOS_FILE} == {
        kb.ARCHIGOS_CHECKED}


def test_news_people_are_many_new_and_well_typed() -> None:
    news = yaml.safe_load(NEWS_FILE.read_text(encoding="utf-8"))
    people = [r for r in news if "name" in r]
    assert len(people) >= 500
    earlier = {r["id"] for p in kb.kb_files() if p.name < NEWS_FILE.name for r in yaml.safe_load(p.read_text("utf-8"))}
    assert not [r["id"] for r in people if r["id"] in earlier]
    assert all(r["gender"] in ("m", "f") and r.get("sector") for r in people)
    shipped = kb.load()
    for actor in shipped.actors.values():  # a role's org is a KB record; a party names its country
        for role in actor.roles:
            assert role.org is None or shipped.get(role.org) is not None, (actor.id, role)
    parties = [a for a in shipped.actors.values() if a.sector == "PTY" and a.type == "ORG"]
    assert parties and all(a.country for a in parties)


def test_party_leaders_are_dated_and_found_by_party() -> None:
    shipped = kb.load()
    assert [a.name for a in shipped.holders("party_leader", "NLD", "2024-01-01", org="party:nl:vvd")] == [
        "Dilan Yeşilgöz"]
    assert [a.name for a in shipped.holders("party_leader", "NLD", "2015-01-01", org="party:nl:vvd")] == [
        "Mark Rutte"]
    assert [a.name for a in shipped.holders("party_leader", "BEL", "2023-01-01", org="party:be:cdv")] == [
        "Sammy Mahdi"]
    assert len(shipped.holders("party_leader", "NLD", "2024-01-01")) >= 6  # one per party
    assert shipped.holders("chief_executive", "HKG", "2020-01-01")[0].name == "Carrie Lam"
    assert shipped.holders("migration_minister", "NLD", "2025-01-01")[0].name == "Marjolein Faber"


def test_the_belgian_sp_is_its_own_party() -> None:
    sps = {a.id: a.country for a in kb.load().lookup("SP") if a.type == "ORG"}
    assert sps == {"party:nl:sp": "NLD", "party:be:sp": "BEL"}


def _write(path: Path, records: list[dict]) -> str:
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_stale_lists_open_or_recent_roles_unchecked_for_over_the_window(tmp_path: Path) -> None:
    extra = _write(tmp_path / "mine.yaml", [
        {"id": "p:a", "name": "Anna A", "roles": ["mayor NLD 2020-01-01.."]},                       # never checked
        {"id": "p:b", "name": "Bert B", "roles": ["mayor BEL 2020-01-01.. @2024-01-01",             # too old
                                                   "mayor BEL 2010-01-01..2011-01-01"]},            # closed long ago
        {"id": "p:c", "name": "Cees C", "roles": ["mayor NLD 2019-01-01..2026-06-01 @2024-05-01",   # ended in window
                                                   "mayor DEU 2019-01-01.. @2026-10-01"]},          # fresh
    ])
    rows, archigos = kb.stale(kb.load((extra,)), days=365, today="2026-12-07")
    mine = [(s.actor.id, s.role.country, s.age) for s in rows if s.actor.id.startswith("p:") and
            s.actor.id in ("p:a", "p:b", "p:c")]
    assert mine == [("p:b", "BEL", 1071), ("p:c", "NLD", 950), ("p:a", "NLD", None)]  # by country, office, start
    assert [(r.country, r.office) for r in (s.role for s in rows)] == sorted(
        (r.country or "", r.office) for r in (s.role for s in rows))
    assert len(archigos) > 100 and all(r.source == kb.ARCHIGOS_FILE for r in archigos)
    assert not [s for s in rows if s.role.source == kb.ARCHIGOS_FILE]
    fresh, _ = kb.stale(kb.load((extra,)), days=3650, today="2026-12-07")
    assert {s.actor.id for s in fresh} & {"p:a", "p:b", "p:c"} == {"p:a"}


def test_stale_command(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from .conftest import ROOT

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kroniek", "actors", "stale", *args], capture_output=True, check=False,
                              text=True, timeout=300, cwd=ROOT, env={**__import__("os").environ,
                                                                      "KRONIEK_KB": str(tmp_path / "k.yaml"),
                                                                      "XDG_CONFIG_HOME": str(tmp_path)})
    _write(tmp_path / "k.yaml", [{"id": "p:zz", "name": "Zoe Z", "roles": ["mayor ZWE 2020-01-01.."]}])
    table = run()
    assert table.returncode == 0, table.stderr
    assert "Zoe Z" in table.stdout and "Archigos-derived roles" in table.stdout.splitlines()[-1]
    rows = [json.loads(x) for x in run("--format", "jsonl", "--today", "2030-01-01").stdout.splitlines()]
    [zz] = [r for r in rows if r["id"] == "p:zz"]
    assert zz["checked"] is None and zz["days"] is None and zz["source"] == "k.yaml"
    assert any(r["checked"] == "2026-11-27" and r["days"] == 1131 for r in rows)  # stamped from git blame
    header = run("--format", "csv").stdout.splitlines()[0]
    assert header == "country,office,org,id,name,start,end,checked,days,source"


def test_people_the_issue_names_link(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from .conftest import ROOT

    text = ("Bernie Sanders sprak in Washington. Aleksej Navalnyj werd vastgehouden. Carrie Lam sprak in "
            "Hongkong. Minister Marjolein Faber zei dat de instroom daalt.")
    src = tmp_path / "doc.jsonl"
    src.write_text(json.dumps({"id": "t", "text": text, "date": "2024-09-01", "lang": "nl"}) + "\n", "utf-8")
    run = subprocess.run([sys.executable, "-m", "kroniek", "extract", str(src)], capture_output=True, text=True,
                         timeout=300, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    ids = {e["text"]: (e["actor"] or {}).get("id") for e in json.loads(run.stdout)["entities"]}
    assert ids["Bernie Sanders"] == "p:bernie-sanders"
    assert ids["Aleksej Navalnyj"] == "p:alexei-navalny"
    assert ids["Carrie Lam"] == "p:carrie-lam"
    assert ids["Marjolein Faber"] == "p:marjolein-faber"
