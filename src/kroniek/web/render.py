"""What the pages draw, computed from query results: highlight pieces and SVG geometry.

Highlights are cut server-side from offsets into atomic pieces (overlaps and crossings
allowed); templates escape every piece, so article text can never become markup.
"""
from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request

from ..store.periods import bins, date_label, date_span

# PLOVER types: cooperation in greens and blues, verbal conflict in ambers, material conflict in reds
TYPE_COLOURS = {
    "AGREE": "#1b7837", "CONSULT": "#4393c3", "SUPPORT": "#5aae61", "CONCEDE": "#7fbc41",
    "COOPERATE": "#2166ac", "AID": "#35978f", "RETREAT": "#80cdc1", "REQUEST": "#8073ac",
    "ACCUSE": "#e08214", "REJECT": "#b35806", "THREATEN": "#d6604d", "PROTEST": "#fdb863",
    "SANCTION": "#b2182b", "MOBILIZE": "#c51b7d", "COERCE": "#8e0152", "ASSAULT": "#67001f",
}


def colour(event_type: str | None) -> str:
    return TYPE_COLOURS.get((event_type or "").upper(), "#777777")


def url_with(request: Request, **params: Any) -> str:
    """This page's URL with some query parameters replaced (None removes one)."""
    query = dict(request.query_params)
    for key, value in params.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    return request.url.path + ("?" + urlencode(query) if query else "")


def party_name(party: Any) -> str:
    if not party:
        return "?"
    parties = party if isinstance(party, list) else [party]
    return " + ".join(p.get("name") or p.get("id") or "?" for p in parties)


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    key: str  # n3 entity, t1 timex, q2 quote, s2 its speaker, v0 event trigger
    kind: str  # CSS classes
    title: str


@dataclass(slots=True)
class Piece:
    text: str
    keys: str
    kind: str
    title: str
    anchors: list[str]


def marks(article: dict[str, Any]) -> list[Mark]:
    out: list[Mark] = []
    for i, e in enumerate(article.get("entities", [])):
        actor = e.get("actor")
        who = f"{actor['name']}" + (f" ({actor['country']})" if actor.get("country") else "") if actor else "not linked"
        out.append(Mark(e["start"], e["end"], f"n{i}", f"ent ent-{e['type']}", f"{e['type']}: {who}"))
    for i, t in enumerate(article.get("timexes", [])):
        out.append(Mark(t["start"], t["end"], f"t{i}", "timex", f"{t['type']} {t['value']}"))
    for i, q in enumerate(article.get("quotes", [])):
        sp = q.get("speaker")
        who = (sp["name"] + (f" ({sp['country']})" if sp.get("country") else "")) if sp else "unknown"
        label = "Quote" if q["direct"] else "Reported speech"
        out.append(Mark(q["start"], q["end"], f"q{i}", "quote" if q["direct"] else "quote reported",
                        f"{label} — speaker: {who}"))
        if sp and sp.get("start") is not None and sp.get("end") is not None:
            out.append(Mark(sp["start"], sp["end"], f"s{i}", "speaker", f"Speaker of quote {i + 1}: {who}"))
    for i, ev in enumerate(article.get("events", [])):
        trig = ev["trigger"]
        title = f"{ev['type']}: {party_name(ev.get('source'))} → {party_name(ev.get('target'))}"
        if ev.get("date"):
            title += f", {date_label(ev['date'])}"
        out.append(Mark(trig["start"], trig["end"], f"v{i}", f"trigger trig-{ev['type']}", title))
    return out


def pieces(text: str, spans: list[Mark]) -> list[Piece]:
    """Cut `text` at every mark boundary; each piece knows every mark covering it.

    A sweep over the cuts keeps the set of open marks, so a long article with many
    marks costs about (cuts + marks), not cuts × marks.
    """
    size = len(text)
    valid = sorted((m for m in spans if 0 <= m.start < m.end <= size), key=lambda m: (m.start, -m.end))
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, m in enumerate(valid):
        opening.setdefault(m.start, []).append(i)
        closing.setdefault(m.end, []).append(i)
    cuts = sorted({0, size, *opening, *closing})
    open_marks: dict[int, Mark] = {}  # insertion order is (start, -end) order
    out: list[Piece] = []
    for a, b in itertools.pairwise(cuts):
        for i in closing.get(a, ()):
            open_marks.pop(i)
        for i in opening.get(a, ()):
            open_marks[i] = valid[i]
        covering = list(open_marks.values())
        out.append(Piece(text[a:b], " ".join(m.key for m in covering), " ".join(m.kind for m in covering),
                         " · ".join(m.title for m in covering), [valid[i].key for i in opening.get(a, ())]))
    return out


def safe_url(url: str | None) -> str | None:
    """A stored URL fit for a link: http(s) only, so a `javascript:` URL in the data never runs."""
    return url if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def timeline_bins(line: dict[str, Any]) -> dict[str, Any]:
    """An actor's statements and events binned by the first day of each date (undated ones counted apart)."""
    counts: dict[str, dict[str, int]] = {}
    undated = 0
    for day in line["days"]:
        span = date_span(day["date"])
        if span is None:
            undated += day["quotes"] + day["events"]
            continue
        slot = counts.setdefault(span[0].isoformat(), {"quotes": 0, "events": 0})
        slot["quotes"] += day["quotes"]
        slot["events"] += day["events"]
    out = bins(counts, tail=0.0)
    out["undated"] = undated
    return out


def by_date(line: dict[str, Any]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """A timeline's listed statements and events per date as given ("undated" for none), so the
    page walks each item once rather than every item for every day."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for kind in ("quotes", "events"):
        for item in line[kind]:
            out.setdefault(item["date"] or "undated", {"quotes": [], "events": []})[kind].append(item)
    return out


SERIES = {"quotes": "statements", "events": "events"}


def bars_chart(counts: dict[str, Any], noun: str, width: int = 760, height: int = 190) -> dict[str, Any]:
    """Bars per bin of `periods.bins` (side by side when there are two series) on a true time axis."""
    left, right, top, bottom = 44, 10, 10, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    series = [s for s in ("quotes", "events") if s in counts.get("series", [])]
    rows = counts.get("bins", [])
    step = plot_w / len(rows) if rows else 0
    bar = max(1.0, min(24.0, step * 0.8 / max(len(series), 1)))
    top_value = max([max(b[s] for s in series) for b in rows] or [0]) or 1
    bars = []
    for i, b in enumerate(rows):
        centre = left + step * (i + 0.5)
        for j, kind in enumerate(series):
            if b[kind]:
                h = plot_h * b[kind] / top_value
                bars.append({"kind": kind, "x": round(centre - bar * len(series) / 2 + bar * j, 1),
                             "y": round(top + plot_h - h, 1), "w": round(bar, 1), "h": round(h, 1),
                             "start": b["start"], "end": b["end"], "n": b[kind],
                             "title": f"{b['label']}: {b[kind]} {SERIES[kind] if b[kind] != 1 else SERIES[kind][:-1]}"})
    every = max(1, math.ceil(len(rows) / 8))
    labels = [{"x": round(left + step * (i + 0.5), 1), "y": top + plot_h + 14, "text": b["label"]}
              for i, b in enumerate(rows) if i % every == 0]
    ticks = sorted({0, top_value, top_value // 2} if top_value >= 4 else set(range(top_value + 1)))
    yticks = [{"y": round(top + plot_h - plot_h * t / top_value, 1), "text": t} for t in ticks]
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "base": top + plot_h, "bars": bars, "labels": labels, "yticks": yticks, "unit": counts.get("unit"),
            "series": series, "earlier": counts.get("earlier", 0), "later": counts.get("later", 0),
            "undated": counts.get("undated", 0), "noun": noun}


@lru_cache(maxsize=1)
def _world() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "world.json").read_text(encoding="utf-8"))


SHADES = ("#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d", "#ef6a4c", "#eb4a40")


def map_chart(places: list[dict[str, Any]]) -> dict[str, Any]:
    """Countries shaded by how many events took place there, from shipped Natural Earth shapes."""
    world = _world()
    counts = {p["country"]: p["n"] for p in places}
    top_n = max(counts.values(), default=1)
    shapes = []
    for code, shape in world["countries"].items():
        n = counts.get(code, 0)
        shade = SHADES[min(len(SHADES) - 1, int(len(SHADES) * math.log1p(n) / math.log1p(top_n + 1)))] if n else None
        shapes.append({"code": code, "name": shape["name"], "d": shape["d"], "n": n, "fill": shade})
    missing = [p for p in places if p["country"] not in world["countries"]]
    return {"width": world["width"], "height": world["height"], "countries": shapes, "off_map": missing,
            "total": sum(counts.values())}


def network_chart(edges: list[dict[str, Any]], width: int = 760, max_edges: int = 40) -> dict[str, Any]:
    """Sources on the left, targets on the right, one curve per (source, target, type)."""
    edges = edges[:max_edges]
    weight: dict[tuple[str, str], int] = {}
    for e in edges:
        for side in ("source", "target"):
            key = (side, e[side])
            weight[key] = weight.get(key, 0) + e["n"]
    columns = {side: sorted((k[1] for k in weight if k[0] == side), key=lambda name: (-weight[(side, name)], name))
               for side in ("source", "target")}
    rows = max([len(c) for c in columns.values()] or [0])
    height = max(80, rows * 30 + 30)
    label = {side: max([len(f"{n} ({weight[(side, n)]})") for n in names] or [0]) * 7 + 20
             for side, names in columns.items()}  # ~7 px a character at 12 px: whole names, never clipped
    width = max(width, label["source"] + label["target"] + 260)
    x = {"source": label["source"], "target": width - label["target"]}
    nodes, ys = [], {}
    for side, names in columns.items():
        for i, name in enumerate(names):
            ys[(side, name)] = 25 + i * 30
            nodes.append({"side": side, "name": name, "x": x[side], "y": 25 + i * 30,
                          "n": weight[(side, name)], "anchor": "end" if side == "source" else "start"})
    top_n = max([e["n"] for e in edges] or [1])
    paths = []
    for e in edges:
        y1, y2 = ys[("source", e["source"])], ys[("target", e["target"])]
        mid = (x["source"] + x["target"]) / 2
        paths.append({"d": f"M{x['source'] + 6},{y1} C{mid},{y1} {mid},{y2} {x['target'] - 6},{y2}",
                      "width": round(1.5 + 6 * e["n"] / top_n, 1), "colour": colour(e["type"]), "type": e["type"],
                      "title": f"{e['source']} → {e['target']}: {e['type']} × {e['n']}"})
    types = sorted({e["type"] for e in edges})
    return {"width": width, "height": height, "nodes": nodes, "paths": paths,
            "legend": [{"type": t, "colour": colour(t)} for t in types]}
