"""Highlight pieces and chart geometry, as plain functions."""
from __future__ import annotations

from kroniek.store.periods import bins
from kroniek.web.render import Mark, bars_chart, network_chart, pieces, timeline_bins


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


def test_timeline_puts_every_date_on_one_time_axis_by_its_first_day() -> None:
    days = [{"date": "2025-04-01", "quotes": 2, "events": 0}, {"date": "2025-04-11", "quotes": 1, "events": 4},
            {"date": "2025-05", "quotes": 1, "events": 0}, {"date": "2025-W16", "quotes": 0, "events": 1},
            {"date": "undated", "quotes": 0, "events": 1}]
    chart = bars_chart(timeline_bins({"days": days}), "items")
    assert chart["unit"] == "day" and chart["undated"] == 1
    x = {(b["start"], b["kind"]): b["x"] for b in chart["bars"]}
    assert x[("2025-04-01", "quotes")] < x[("2025-04-11", "events")] < x[("2025-04-14", "events")] < x[("2025-05-01", "quotes")]
    tallest = max(chart["bars"], key=lambda b: b["h"])
    assert tallest["start"] == "2025-04-11" and tallest["kind"] == "events" and tallest["y"] == chart["top"]
    assert all(round(b["y"] + b["h"], 1) == chart["base"] for b in chart["bars"])
    labels = [label["text"] for label in chart["labels"]]
    assert labels == sorted(labels) and labels[0] == "2025-04-01"


def test_a_long_span_is_binned_by_month_and_outliers_counted_apart() -> None:
    counts = {f"20{y:02d}-{m:02d}-15": {"events": 30} for y in range(10, 22) for m in range(1, 13)}
    counts["1201-01-01"] = {"events": 1}
    out = bins(counts, tail=0.001)
    assert out["unit"] == "month" and out["earlier"] == 1 and out["later"] == 0
    assert [b["label"] for b in out["bins"]][:2] == ["2010-01", "2010-02"] and len(out["bins"]) == 144
    assert sum(b["events"] for b in out["bins"]) == 4320


def test_network_sides_and_widths() -> None:
    edges = [{"source": "Russia", "target": "Ukraine", "type": "ASSAULT", "n": 4},
             {"source": "Netherlands", "target": "Ukraine", "type": "AID", "n": 1}]
    chart = network_chart(edges)
    sides = {(n["side"], n["name"]) for n in chart["nodes"]}
    assert sides == {("source", "Russia"), ("source", "Netherlands"), ("target", "Ukraine")}
    assert chart["paths"][0]["width"] > chart["paths"][1]["width"]
    assert chart["paths"][0]["colour"] != chart["paths"][1]["colour"]
