"""Persons in the news (persons_news_2019.yaml): records checked against public sources.

Each checked record carries `sources` (the pages it was checked against) and `checked`
(the ISO day of the check); the KB loader ignores both keys (docs/kb_sources.md).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from kroniek import kb

NEWS_FILE = Path(kb.__file__).parent / "data" / "kb" / "persons_news_2019.yaml"
URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
MIN_CHECKED = 500


@pytest.fixture(autouse=True)
def _no_user_kb(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only the shipped KB, whatever the machine's ~/.config holds."""
    monkeypatch.setattr(kb, "USER_DIR", tmp_path / "none")
    monkeypatch.delenv("KRONIEK_KB", raising=False)
    kb.load.cache_clear()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    data = yaml.safe_load(NEWS_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return [r for r in data if isinstance(r, dict)]


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _checked(record: dict) -> bool:
    sources = record.get("sources")
    return (
        isinstance(sources, list)
        and bool(sources)
        and all(isinstance(s, str) and URL.match(s) for s in sources)
        and _day(record.get("checked")) is not None
    )


def test_at_least_500_persons_carry_sources_and_a_checked_day(records: list[dict]) -> None:
    persons = [r for r in records if r.get("name")]  # more_roles-only entries carry no name
    checked = [r["id"] for r in persons if _checked(r)]
    assert len(checked) >= MIN_CHECKED, f"only {len(checked)} of {len(persons)} persons checked"
    assert len(set(checked)) == len(checked), "a person is listed twice"


def test_every_sources_entry_is_well_formed(records: list[dict]) -> None:
    for record in records:
        if "sources" not in record and "checked" not in record:
            continue
        rid = record.get("id")
        sources = record.get("sources")
        assert isinstance(sources, list) and sources, f"{rid}: sources must be a non-empty list"
        for src in sources:
            assert isinstance(src, str) and URL.match(src), f"{rid}: bad source {src!r}"
        assert len(set(sources)) == len(sources), f"{rid}: duplicate source"
        day = _day(record.get("checked"))
        assert day is not None, f"{rid}: checked must be an ISO day"
        assert dt.date(2026, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=1), rid


def test_the_loader_ignores_the_source_keys(records: list[dict]) -> None:
    shipped = kb.load()
    for record in records:
        if record.get("name") and record.get("sources"):
            actor = shipped.get(record["id"])
            assert actor is not None, record["id"]
            assert actor.name == record["name"]


# --- Benelux cabinet members (persons_news_benelux_cabinets.yaml) ---------------------------------

BENELUX_FILE = NEWS_FILE.with_name("persons_news_benelux_cabinets.yaml")
NEW_OFFICES = ("justice_minister", "interior_minister", "health_minister", "economy_minister", "agriculture_minister",
               "infrastructure_minister", "social_affairs_minister")


@pytest.fixture(scope="module")
def benelux() -> list[dict]:
    data = yaml.safe_load(BENELUX_FILE.read_text(encoding="utf-8"))
    return [r for r in data if isinstance(r, dict)]


def test_benelux_persons_are_checked_and_every_role_is_dated(benelux: list[dict]) -> None:
    persons = [r for r in benelux if r.get("name")]
    assert len(persons) >= 80
    assert all(_checked(r) and r["country"] in ("NLD", "BEL") and r["gender"] in ("m", "f") for r in persons)
    for record in benelux:  # sources, when present, are well-formed (as in the news file)
        if "sources" in record:
            assert len(set(record["sources"])) == len(record["sources"]), record["id"]
    roles = [kb.parse_role(r) for rec in benelux for r in [*rec.get("roles", []), *rec.get("more_roles", [])]]
    assert len(roles) >= 30
    assert all(r.start and r.checked and r.country in ("NLD", "BEL") for r in roles)
    assert {r.office for r in roles} >= set(NEW_OFFICES)


def test_benelux_ministers_hold_their_office_on_the_day() -> None:
    shipped = kb.load()

    def holder(office: str, country: str, day: str) -> str:
        return shipped.holders(office, country, day)[0].name

    assert holder("justice_minister", "NLD", "2021-06-01") == "Ferd Grapperhaus"
    assert holder("justice_minister", "NLD", "2023-01-01") == "Dilan Yeşilgöz"
    assert holder("justice_minister", "BEL", "2021-06-01") == "Vincent Van Quickenborne"
    assert holder("justice_minister", "BEL", "2023-10-23") == "Paul Van Tigchelt"
    assert holder("interior_minister", "BEL", "2021-06-01") == "Annelies Verlinden"
    assert holder("interior_minister", "NLD", "2021-06-01") == "Kajsa Ollongren"
    assert holder("health_minister", "NLD", "2021-06-01") == "Hugo de Jonge"
    assert holder("health_minister", "BEL", "2021-06-01") == "Frank Vandenbroucke"
    assert holder("finance_minister", "BEL", "2021-06-01") == "Vincent Van Peteghem"
    assert holder("economy_minister", "NLD", "2020-06-01") == "Eric Wiebes"
    assert not shipped.holders("economy_minister", "NLD", "2021-06-01")  # Van 't Wout's days are unconfirmed
    assert holder("agriculture_minister", "NLD", "2021-06-01") == "Carola Schouten"
    assert not shipped.holders("agriculture_minister", "NLD", "2022-09-20")  # Schouten only stood in
    assert not shipped.holders("agriculture_minister", "BEL", "2021-06-01")  # Flemish news: the Flemish minister
    assert holder("infrastructure_minister", "NLD", "2021-09-15") == "Barbara Visser"
    assert holder("social_affairs_minister", "NLD", "2021-06-01") == "Wouter Koolmees"
    assert holder("social_affairs_minister", "BEL", "2021-06-01") == "Frank Vandenbroucke"


def test_benelux_names_link_with_their_country() -> None:
    shipped = kb.load()
    for name, country in [("Grapperhaus", "NLD"), ("Van Quickenborne", "BEL"), ("Verlinden", "BEL"),
                          ("Van Peteghem", "BEL"), ("Aboutaleb", "NLD"), ("Yesilgöz", "NLD"), ("Kuipers", "NLD"),
                          ("Pierre-Yves Dermagne", "BEL"), ("Carola Schouten", "NLD"), ("Peter De Roover", "BEL")]:
        assert [a.country for a in shipped.lookup(name)] == [country], name


def test_the_minister_of_justice_is_the_outlets_on_the_articles_day(tmp_path: Path) -> None:
    """'de minister van Justitie' is Grapperhaus in a Dutch paper and Van Quickenborne in a Flemish one on
    2021-06-01; named ministers link with their country."""

    from kroniek.stages.actors.lexicon import lexicon

    assert lexicon("nl", kb.load()).roles["minister van Justitie"] == "justice_minister"
    assert lexicon("en", kb.load()).roles["justice minister"] == "justice_minister"
    quote = '"Er is geen plaats meer", zei de minister van Justitie dinsdag in de Kamer.'
    rows = [{"id": "nos", "text": f"Het kabinet wil meer cellen. {quote} Ook Ahmed Aboutaleb sprak.",
             "date": "2021-06-01", "lang": "nl", "country": "NLD"},
            {"id": "vrt", "text": f"De regering wil meer cellen. {quote} Ook Annelies Verlinden sprak.",
             "date": "2021-06-01", "lang": "nl", "country": "BEL"}]
    got = {r["id"]: ([q["speaker"]["id"] for q in r["quotes"]],
              {e["text"]: (e["actor"]["id"], e["actor"]["country"]) for e in r["entities"] if e["type"] == "PER"})
           for r in _analysed(tmp_path, rows)}
    assert got["nos"][0] == ["p:ferd-grapperhaus"]
    assert got["vrt"][0] == ["p:vincent-van-quickenborne"]
    assert got["nos"][1]["Ahmed Aboutaleb"] == ("p:ahmed-aboutaleb", "NLD")
    assert got["vrt"][1]["Annelies Verlinden"] == ("p:annelies-verlinden", "BEL")


# --- Benelux public figures and bodies (persons_news_benelux_public.yaml, organisations_benelux.yaml) -------

PUBLIC_FILE = NEWS_FILE.with_name("persons_news_benelux_public.yaml")
BODIES_FILE = NEWS_FILE.with_name("organisations_benelux.yaml")


def _yaml_records(path: Path) -> list[dict]:
    return [r for r in yaml.safe_load(path.read_text(encoding="utf-8")) if isinstance(r, dict)]


def test_benelux_public_figures_are_checked_typed_and_undated() -> None:
    people = [r for r in _yaml_records(PUBLIC_FILE) if r.get("name")]
    assert len(people) >= 75
    assert all(_checked(r) and r["gender"] in ("m", "f") and r.get("sector") and r.get("country") for r in people)
    assert all(len(set(r["sources"])) == len(r["sources"]) for r in people)
    assert not [r["id"] for r in people if r.get("roles") or r.get("more_roles")]  # country and sector, no offices
    earlier = {r["id"] for p in kb.kb_files() if p.name < PUBLIC_FILE.name for r in _yaml_records(p)}
    extends = [r for r in _yaml_records(PUBLIC_FILE) if r["id"] in earlier]
    assert all(set(r) <= {"id", "aliases"} for r in extends)  # only names added to earlier persons


def test_benelux_bodies_are_typed_with_a_country() -> None:
    bodies = [r for r in _yaml_records(BODIES_FILE) if r.get("name")]
    assert len(bodies) >= 80
    assert all(r["type"] == "ORG" and r.get("sector") for r in bodies)
    assert all(r.get("country") in ("NLD", "BEL", "USA", "DEU", "GBR") for r in bodies if r["sector"] != "IGO")
    for r in bodies:  # sources, where given, are well-formed and dated
        assert ("sources" in r) == ("checked" in r), r["id"]
        assert "sources" not in r or _checked(r), r["id"]


def test_benelux_public_names_link_with_country_and_sector() -> None:
    shipped = kb.load()
    for name, country, sector in [
            ("Van Ranst", "BEL", "HLH"), ("Van Gucht", "BEL", "HLH"), ("Erika Vlieghe", "BEL", "HLH"),
            ("Van Dissel", "NLD", "HLH"), ("Gommers", "NLD", "HLH"), ("Marion Koopmans", "NLD", "HLH"),
            ("Pedro Facon", "BEL", "GOV"), ("Frédéric Van Leeuw", "BEL", "JUD"), ("Aalbersberg", "NLD", "GOV"),
            ("Henk van Essen", "NLD", "COP"), ("Akerboom", "NLD", "SPY"), ("Tuur Elzinga", "NLD", "LAB"),
            ("Thierry Bodson", "BEL", "LAB"), ("Pieter Timmermans", "BEL", "BUS"), ("koningin Máxima", "NLD", "ELI"),
            ("prinses Amalia", "NLD", "ELI"), ("koningin Mathilde", "BEL", "ELI"), ("Catherine De Bolle", "BEL", "IGO"),
            ("RIVM", "NLD", "HLH"), ("Sciensano", "BEL", "HLH"), ("OMT", "NLD", "HLH"), ("NCTV", "NLD", "GOV"),
            ("AIVD", "NLD", "SPY"), ("Staatsveiligheid", "BEL", "SPY"), ("OCAM", "BEL", "GOV"),
            ("Hoge Raad", "NLD", "JUD"), ("Grondwettelijk Hof", "BEL", "JUD"), ("federaal parket", "BEL", "JUD"),
            ("Openbaar Ministerie", "NLD", "JUD"), ("Koninklijke Marechaussee", "NLD", "MIL"), ("FNV", "NLD", "LAB"),
            ("VNO-NCW", "NLD", "BUS"), ("ABVV", "BEL", "LAB"), ("Voka", "BEL", "BUS"), ("KNMI", "NLD", "GOV"),
            ("Statbel", "BEL", "GOV"), ("DNB", "NLD", "GOV"), ("Proximus", "BEL", "BUS"), ("ASML", "NLD", "BUS")]:
        assert [(a.country, a.sector) for a in shipped.lookup(name)] == [(country, sector)], name
    councils = {a.country: a.id for a in shipped.lookup("Raad van State")}
    assert councils == {"NLD": "org:nl-raad-van-state", "BEL": "org:be-raad-van-state"}  # namesakes, one per country
    assert not shipped.lookup("Defensie")  # the bare word would capture 'het Russische ministerie van Defensie'


def test_benelux_speakers_and_bodies_link_by_the_outlets_country(tmp_path: Path) -> None:
    """The pandemic speakers of 2021 get their country in the quote record; 'de Raad van State' is the outlet's."""
    rows = [{"id": "nos", "text": '"De besmettingen dalen", zei Jaap van Dissel van het RIVM. De Raad van State adviseerde.',
             "date": "2021-03-01", "lang": "nl", "country": "NLD"},
            {"id": "vrt", "text": '"De cijfers gaan de goede kant op", zei viroloog Steven Van Gucht van Sciensano. '
                                  'De Raad van State adviseerde.', "date": "2021-03-01", "lang": "nl", "country": "BEL"}]
    got = {r["id"]: ([(q["speaker"]["id"], q["speaker"]["country"]) for q in r["quotes"]],
              {e["text"]: e["actor"]["id"] for e in r["entities"] if e["type"] == "ORG"})
           for r in _analysed(tmp_path, rows)}
    assert got["nos"][0] == [("p:jaap-van-dissel", "NLD")]
    assert got["vrt"][0] == [("p:steven-van-gucht", "BEL")]
    assert got["nos"][1]["Raad van State"] == "org:nl-raad-van-state"
    assert got["vrt"][1]["Raad van State"] == "org:be-raad-van-state"
    assert got["nos"][1]["RIVM"] == "org:rivm" and got["vrt"][1]["Sciensano"] == "org:sciensano"


def _analysed(tmp_path: Path, rows: list[dict]) -> list[dict]:
    """The records the default pipeline makes of these JSON Lines rows (outlet country and all)."""
    import json

    from kroniek import Pipeline
    from kroniek.ingest.readers import read_inputs

    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    pipeline = Pipeline()
    return [pipeline(article).record() for article in read_inputs([str(src)])]
