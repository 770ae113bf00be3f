"""Inline SVG charts: one mark per value, sized by value, linked, every label escaped."""

from __future__ import annotations

import itertools
import re
from xml.etree import ElementTree

from reports.charts import UNDATED, Bar, columns, hbars, lines, number, ticks
from reports.pages import month_range

SVG = "{http://www.w3.org/2000/svg}"


def _svg(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(re.search(r"<svg.*</svg>", markup, re.S).group(0))


def test_bars_are_sized_by_value_and_link_to_their_rows() -> None:
    chart = hbars("Regions", [Bar("Kaluga", 4, "#r-KLU"), Bar("Omsk", 1, "#r-OMS")])
    svg = _svg(chart)
    rects = svg.findall(f".//{SVG}rect")
    widths = [float(r.get("width")) for r in rects]
    assert len(rects) == 2 and widths[0] == 4 * widths[1]
    assert [a.get("href") for a in svg.findall(f".//{SVG}a")] == ["#r-KLU", "#r-OMS"]
    assert rects[0].find(f"{SVG}title").text == "Kaluga: 4"


def test_labels_holding_markup_are_text() -> None:
    chart = hbars('<script>alert("x")</script>', [Bar('<b onmouseover="x">&', 1, '" onclick="x')])
    assert "<script>" not in chart and "<b " not in chart
    svg = _svg(chart)  # still well-formed: nothing broke out of its attribute or element
    assert svg.find(f".//{SVG}a").get("href") == '" onclick="x'
    assert any((t.text or "").startswith('<b onmouseover="x">&') for t in svg.iter(f"{SVG}text"))


def test_stacked_columns_stack_the_series() -> None:
    chart = columns("Articles", ["2021-04", "2021-05"], {"ru": [2, 0], "en": [1, 3]}, ["#m1", "#m2"])
    rects = _svg(chart).findall(f".//{SVG}rect")
    assert len(rects) == 3  # a zero draws nothing
    heights = [float(r.get("height")) for r in rects]
    assert abs(heights[0] + heights[1] - heights[2]) < 0.2  # 2 + 1 stacked = 3


def test_lines_draw_a_point_per_value() -> None:
    svg = _svg(lines("Trend", ["a", "b", "c"], {"one": [1, 2, 3], "two": [0, 0, 1]}))
    assert len(svg.findall(f".//{SVG}polyline")) == 2 and len(svg.findall(f".//{SVG}circle")) == 6


def test_a_month_without_articles_is_a_gap_not_a_join() -> None:
    months = month_range(["2014-04", "2014-07"])
    assert months == ["2014-04", "2014-05", "2014-06", "2014-07"]
    svg = _svg(lines("Trend", [*months, UNDATED], {"KLU": [1, 2, None, 1, 3]}))
    polylines = svg.findall(f".//{SVG}polyline")
    assert len(polylines) == 1 and len(polylines[0].get("points").split()) == 2  # April–May only
    assert len(svg.findall(f".//{SVG}circle")) == 4  # June has none; the undated point stands apart
    assert svg.find(f".//{SVG}line[@class='separator']") is not None
    assert month_range(["2020-11", "2021-02"]) == ["2020-11", "2020-12", "2021-01", "2021-02"]


def test_the_undated_column_stands_apart_after_the_months() -> None:
    chart = columns("Articles", ["2021-04", "2021-05", UNDATED], {"en": [1, 1, 3]})
    svg = _svg(chart)
    xs = [float(r.get("x")) for r in svg.findall(f".//{SVG}rect")]
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "axis"]
    assert UNDATED in labels and "2021-04" in labels
    assert abs((xs[2] - xs[1]) - 2 * (xs[1] - xs[0])) < 0.2  # a slot further than a next month would be
    assert svg.find(f".//{SVG}line[@class='separator']") is not None


def test_axis_labels_never_touch() -> None:
    months = month_range(["2014-04", "2021-04"])
    svg = _svg(columns("Articles", [*months, UNDATED], {"en": [1.0] * (len(months) + 1)}))
    labels = [
        t for t in svg.iter(f"{SVG}text") if t.get("class") == "axis" and t.get("text-anchor") == "middle"
    ]
    xs = sorted(float(t.get("x")) for t in labels)
    assert labels[-1].text == UNDATED and len(xs) > 3
    assert all(b - a >= 76 for a, b in itertools.pairwise(xs))


def test_value_axes_have_round_ticks_inside_the_chart() -> None:
    assert ticks(3) == [0, 1, 2, 3] and ticks(7) == [0, 2, 4, 6, 8] and ticks(9e8)[-1] >= 9e8
    svg = _svg(columns("Articles", ["2021-04"], {"en": [7]}))
    labels = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "axis"]
    assert [t.text for t in labels][:5] == ["0", "2", "4", "6", "8"]
    assert all(0 <= float(t.get("x")) <= 640 and 0 <= float(t.get("y")) <= 232 for t in labels)


def test_no_data_says_so() -> None:
    assert "No data yet" in hbars("Empty", []) and "<svg" not in hbars("Empty", [])


def test_numbers_are_short() -> None:
    assert [number(v) for v in (12, 1500, 9e8, 3e9, 0.5)] == ["12", "1.5k", "900M", "3B", "0.5"]
