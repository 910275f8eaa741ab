"""How much of the issue's coverage floor the shipped actor KB meets (figures for docs/actors.md).

Heads: the share of UN-member-years 2000–2025 with a holder on 1 July, by a real office and by
any office (Archigos `leader` included). Ministers: the share of days since 2014-01-01 with a
foreign or defence minister, for the G20, the EU27, Ukraine, Russia, Israel and Iran. Freshness:
how many roles carry a `checked` day, and how many `kroniek actors stale` lists. News people: the
persons of persons_news_2019.yaml by sector, and the dated party leaders.
Run: .venv/bin/python scripts/kb_coverage.py
"""
from __future__ import annotations

from datetime import date, timedelta

import yaml

from kroniek import kb

OFFICES = ("president", "prime_minister", "chancellor", "monarch", "supreme_leader")
MINISTER_COUNTRIES = (
    "USA CAN MEX BRA ARG GBR FRA DEU ITA RUS TUR SAU ZAF IND CHN JPN KOR IDN AUS "
    "AUT BEL BGR HRV CYP CZE DNK EST FIN GRC HUN IRL LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE "
    "UKR ISR IRN").split()


def held(roles: list[kb.Role], day: str) -> set[str | None]:
    return {r.country for r in roles if r.active(day, day)}


def heads(shipped: kb.KB) -> None:
    members = [r["id"] for r in yaml.safe_load((kb.SHIPPED / "countries.yaml").read_text(encoding="utf-8"))
               if r.get("un_member")]
    real = [r for a in shipped.actors.values() for r in a.roles if r.office in OFFICES]
    anyone = real + [r for a in shipped.actors.values() for r in a.roles if r.office == "leader"]
    years = range(2000, 2026)
    total = len(members) * len(years)
    by_office = sum(len(held(real, f"{y}-07-01") & set(members)) for y in years)
    by_any = sum(len(held(anyone, f"{y}-07-01") & set(members)) for y in years)
    print(f"UN-member-years 2000-2025 with a head on 1 July: real office {by_office}/{total} = "
          f"{by_office / total:.3f}; any office {by_any}/{total} = {by_any / total:.3f}")


def ministers(shipped: kb.KB) -> None:
    weeks = ((date(2014, 1, 1) + timedelta(days=i)).isoformat() for i in range(0, 365 * 12, 7))
    days = [d for d in weeks if d <= date.today().isoformat()]
    for office in ("foreign_minister", "defence_minister"):
        roles = [r for a in shipped.actors.values() for r in a.roles if r.office == office]
        countries = set(MINISTER_COUNTRIES) - ({"MLT"} if office == "defence_minister" else set())  # none in Malta
        covered = sum(len(held(roles, d) & countries) for d in days)
        total = len(days) * len(countries)
        print(f"{office}: {covered}/{total} country-weeks since 2014 = {covered / total:.3f}")


def freshness(shipped: kb.KB) -> None:
    roles = [r for a in shipped.actors.values() for r in a.roles]
    rows, archigos = kb.stale(shipped)
    print(f"roles with a checked day: {sum(bool(r.checked) for r in roles)}/{len(roles)} "
          f"(Archigos {len(archigos)}, as of {kb.ARCHIGOS_CHECKED}); stale (over 365 days, open or recent): {len(rows)}")


def news(shipped: kb.KB) -> None:
    people = [a for a in shipped.actors.values() if a.source.startswith("persons_news_2019")]
    sectors: dict[str, int] = {}
    for a in people:
        sectors[a.sector or "-"] = sectors.get(a.sector or "-", 0) + 1
    leaders = {(a.id, r.org) for a in shipped.actors.values() for r in a.roles if r.office == "party_leader"}
    print(f"news people {len(people)}: " + ", ".join(f"{k} {v}" for k, v in sorted(sectors.items(), key=lambda x: -x[1]))
          + f"; dated party_leader roles {len(leaders)} over {len({o for _, o in leaders})} parties")


def main() -> None:
    shipped = kb.load()
    persons = [a for a in shipped.actors.values() if a.type == "PER"]
    print(f"persons {len(persons)} (Archigos only {sum(kb.from_archigos(a) for a in persons)}), "
          f"roles {sum(len(a.roles) for a in persons)}")
    heads(shipped)
    ministers(shipped)
    freshness(shipped)
    news(shipped)


if __name__ == "__main__":
    main()
