"""Highlight pieces and chart geometry, as plain functions."""
from __future__ import annotations

from kroniek.web.render import Mark, network_chart, pieces, timeline_chart


def test_pieces_cover_the_text_and_keep_crossing_marks() -> None:
    text = "Poetin zei: „vrede nu” en meer."
    quote = Mark(11, 22, "q0", "quote", "Quote")
    crossing = Mark(17, 25, "x0", "odd", "crossing")  # starts inside the quote, ends outside
    name = Mark(0, 6, "n0", "ent", "PER")
    out = pieces(text, [quote, crossing, name, Mark(5, 3, "bad", "", ""), Mark(0, 999, "far", "", "")])
    assert "".join(p.text for p in out) == text
    assert "".join(p.text for p in out if "q0" in p.keys.split()) == text[11:22]
    assert "".join(p.text for p in out if "x0" in p.keys.split()) == text[17:25]
    both = [p for p in out if p.keys == "q0 x0"]
    assert [p.text for p in both] == [text[17:22]] and both[0].title == "Quote · crossing"
    assert not any("bad" in p.keys or "far" in p.keys for p in out)
    assert [p.anchors for p in out if p.anchors] == [["n0"], ["q0"], ["x0"]]


def test_pieces_of_a_long_text_with_many_marks() -> None:
    text = "woord " * 50_000
    marks = [Mark(i * 6, i * 6 + 5, f"n{i}", "ent", "") for i in range(50_000)]
    out = pieces(text, marks)
    assert len([p for p in out if p.keys]) == 50_000 and "".join(p.text for p in out) == text


def test_timeline_puts_days_on_a_time_axis_and_loose_dates_aside() -> None:
    days = [{"date": "2025-04-01", "quotes": 2, "events": 0}, {"date": "2025-04-11", "quotes": 1, "events": 4},
            {"date": "2025-05", "quotes": 1, "events": 0}, {"date": "undated", "quotes": 0, "events": 1}]
    chart = timeline_chart(days)
    by_date = {}
    for bar in chart["bars"]:
        by_date.setdefault(bar["date"], []).append(bar)
    assert set(by_date) == {"2025-04-01", "2025-04-11", "2025-05", "undated"}
    assert by_date["2025-04-01"][0]["x"] < by_date["2025-04-11"][0]["x"] < chart["split"] < by_date["2025-05"][0]["x"]
    tallest = max(chart["bars"], key=lambda b: b["h"])
    assert tallest["date"] == "2025-04-11" and tallest["kind"] == "events" and tallest["y"] == chart["top"]
    assert all(b["y"] + b["h"] == chart["base"] for b in chart["bars"])
    assert "2025-04-01" in [label["text"] for label in chart["labels"]]


def test_network_sides_and_widths() -> None:
    edges = [{"source": "Russia", "target": "Ukraine", "type": "ASSAULT", "n": 4},
             {"source": "Netherlands", "target": "Ukraine", "type": "AID", "n": 1}]
    chart = network_chart(edges)
    sides = {(n["side"], n["name"]) for n in chart["nodes"]}
    assert sides == {("source", "Russia"), ("source", "Netherlands"), ("target", "Ukraine")}
    assert chart["paths"][0]["width"] > chart["paths"][1]["width"]
    assert chart["paths"][0]["colour"] != chart["paths"][1]["colour"]
