"""The CAMEO→PLOVER table, CAMEO family combinations and cross-article grouping."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

from kroniek import plover

ROOT = Path(__file__).resolve().parents[1]


def test_table_gives_type_and_mode_of_a_code() -> None:
    assert plover.lookup("0871").type == "RETREAT"
    assert plover.lookup("0871").mode == "ceasefire"
    assert plover.lookup("1312").type == "THREATEN"
    assert plover.lookup("195").mode == "heavy-weapons"


def test_table_follows_2021_reassignments() -> None:
    # sanctions imposed are COERCE in 2021, destroying property ASSAULT
    assert plover.lookup("163").type == "COERCE"
    assert plover.lookup("1712").type == "ASSAULT"


def test_unknown_subcode_falls_back_to_its_parent() -> None:
    assert plover.lookup("08719").cameo == "0871"
    assert plover.lookup(None) is None


def test_every_type_in_the_table_is_one_of_the_sixteen() -> None:
    assert {row.type for row in plover.table().values()} == set(plover.TYPES)


def test_legacy_categories_map_to_2021_types() -> None:
    assert plover.normalise_type("DEMAND") == "REQUEST"
    assert plover.normalise_type("disapprove") == "ACCUSE"
    assert plover.normalise_type("FIGHT") == "ASSAULT"
    assert plover.normalise_type("CONSULT") == "CONSULT"


def test_frames_combine_into_cameo_families() -> None:
    assert plover.combine("intend", "CONSULT") == "036"
    assert plover.combine("reject", "RETREAT") == "1246"
    assert plover.combine("request", None) == "100"
    assert plover.lookup(plover.combine("intend", "ASSAULT")).type == "THREATEN"
    assert plover.combine("intend", "ACCUSE") is None


def _row(type_: str, src: str, tgt: str | None, date: str | None, i: int) -> dict:
    return {"id": i, "type": type_, "source": {"id": src, "name": src, "country": src},
            "target": {"id": tgt, "name": tgt, "country": tgt} if tgt else None, "date": date}


def test_group_events_joins_reports_within_a_day() -> None:
    rows = [_row("RETREAT", "RUS", "UKR", "2025-04-19", 1), _row("RETREAT", "RUS", "UKR", "2025-04-20", 2),
            _row("RETREAT", "RUS", "UKR", "2025-04-25", 3), _row("RETREAT", "RUS", None, "2025-04-19", 4),
            _row("ASSAULT", "RUS", "UKR", "2025-04-19", 5)]
    groups = plover.group_events(rows)
    sizes = sorted(len(g.rows) for g in groups)
    assert sizes == [1, 1, 1, 2]
    joined = next(g for g in groups if len(g.rows) == 2)
    assert {r["id"] for r in joined.rows} == {1, 2}
    assert joined.key == "RETREAT|RUS|UKR|2025-04-19"


def test_group_key_does_not_depend_on_order() -> None:
    rows = [_row("CONSULT", "UKR", "USA", "2025-04-23", i) for i in range(3)]
    rows[1]["date"] = "2025-04-24"
    keys = {g.key for g in plover.group_events(rows)}
    assert keys == {g.key for g in plover.group_events(list(reversed(rows)))}
    assert len(keys) == 1


def test_group_events_compound_source_and_month_dates() -> None:
    a = _row("CONSULT", "UKR", None, "2025-04", 1)
    a["source"] = [{"id": "UKR", "country": "UKR"}, {"id": "USA", "country": "USA"}]
    b = dict(a, id=2, source=list(reversed(a["source"])))
    c = dict(a, id=3, date="2025-05")
    groups = plover.group_events([a, b, c])
    assert sorted(len(g.rows) for g in groups) == [1, 2]
    assert groups[0].source == "UKR+USA"


def test_shipped_table_is_the_build_of_the_2021_file(shared: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_plover", ROOT / "scripts" / "build_plover.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    parsed = build.parse((shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    shipped = yaml.safe_load((ROOT / "src" / "kroniek" / "data" / "plover.yaml").read_text(encoding="utf-8"))
    assert shipped["codes"] == parsed
