"""Inline SVG charts: one mark per value, sized by value, linked, every label escaped."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from reports.charts import Bar, columns, hbars, lines, number

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


def test_no_data_says_so() -> None:
    assert "No data yet" in hbars("Empty", []) and "<svg" not in hbars("Empty", [])


def test_numbers_are_short() -> None:
    assert [number(v) for v in (12, 1500, 9e8, 3e9, 0.5)] == ["12", "1.5k", "900M", "3B", "0.5"]
