"""What the pages draw, computed from query results: highlight pieces and SVG geometry.

Highlights are cut server-side from offsets into atomic pieces (overlaps and crossings
allowed); templates escape every piece, so article text can never become markup.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request

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
            title += f", {ev['date']}"
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
    for a, b in zip(cuts, cuts[1:]):
        for i in closing.get(a, ()):
            open_marks.pop(i)
        for i in opening.get(a, ()):
            open_marks[i] = valid[i]
        covering = list(open_marks.values())
        out.append(Piece(text[a:b], " ".join(m.key for m in covering), " ".join(m.kind for m in covering),
                         " · ".join(m.title for m in covering), [valid[i].key for i in opening.get(a, ())]))
    return out


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def timeline_chart(days: list[dict[str, Any]], width: int = 760, height: int = 220) -> dict[str, Any]:
    """Paired bars (statements, events) on a true day axis, so quiet weeks show as gaps.

    Days with only a month, a year or no date sit in labelled slots right of the axis.
    """
    left, right, top, bottom = 52, 10, 12, 46
    plot_h = height - top - bottom
    dated = [(d, _day(d["date"])) for d in days]
    on_axis = [(d, day) for d, day in dated if day is not None]
    loose = [d for d, day in dated if day is None]
    slots = len(loose)
    plot_w = width - left - right
    loose_w = min(plot_w / 3, 60 * slots) if on_axis else plot_w
    axis_w = plot_w - loose_w if slots else plot_w
    first = min((day for _, day in on_axis), default=None)
    span = ((max(day for _, day in on_axis) - first).days + 1) if first else 0
    step = axis_w / span if span else 0
    bar = max(3.0, min(26.0, (step or 60) * 0.38))
    top_value = max([max(d["quotes"], d["events"]) for d in days] or [0]) or 1
    centres = [(d, left + step * ((day - first).days + 0.5)) for d, day in on_axis] if first else []
    loose_step = loose_w / slots if slots else 0
    centres += [(d, left + axis_w + loose_step * (i + 0.5)) for i, d in enumerate(loose)]
    bars = []
    for day, centre in centres:
        for kind, x, noun in (("quotes", centre - bar, "statement"), ("events", centre, "event")):
            value = day[kind]
            if value:
                h = plot_h * value / top_value
                bars.append({"kind": kind, "x": round(x, 1), "y": round(top + plot_h - h, 1), "w": round(bar, 1),
                             "h": round(h, 1), "date": day["date"], "href": f"#day-{day['date']}",
                             "title": f"{day['date']}: {value} {noun}{'s' if value != 1 else ''}"})
    labels = []
    if first:
        every = max(1, math.ceil(span / 8))
        for offset in range(0, span, every):
            labels.append({"x": round(left + step * (offset + 0.5), 1), "y": top + plot_h + 14,
                           "text": (first + timedelta(days=offset)).isoformat()})
    labels += [{"x": round(c, 1), "y": top + plot_h + 14, "text": d["date"]} for d, c in centres[len(on_axis):]]
    ticks = sorted({0, top_value, top_value // 2} if top_value >= 4 else set(range(top_value + 1)))
    yticks = [{"y": round(top + plot_h - plot_h * t / top_value, 1), "text": t} for t in ticks]
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "base": top + plot_h, "bars": bars, "labels": labels, "yticks": yticks,
            "split": round(left + axis_w, 1) if slots and on_axis else None}


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
    x = {"source": 190, "target": width - 190}
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
