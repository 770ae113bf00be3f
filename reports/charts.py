"""Charts as inline SVG, drawn here: no script, no font, nothing fetched when the page opens.

Three shapes cover the report: horizontal bars (a ranking), stacked columns (counts over time by a
series) and lines (a trend per series). Every mark is a link (to the table of the articles and
sentences behind it) with a tooltip; every text is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

PALETTE = ("#3366aa", "#dd7733", "#44aa66", "#aa4455", "#7766bb", "#998833", "#33aaaa", "#888888")
WIDTH = 640
LABEL_CHARS = 28
UNDATED = "undated"  # the bucket of articles without a publication date, drawn apart


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: str | None = None
    text: str | None = None  # the value as shown beside the bar, e.g. "up to 900 M ₽"


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def short(label: str, chars: int = LABEL_CHARS) -> str:
    return label if len(label) <= chars else label[: chars - 1] + "…"


def number(value: float) -> str:
    """1234567 → '1.2M', 900000000 → '900M', 12 → '12'."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}" if value != int(value) else str(int(value))


def _linked(mark: str, href: str | None) -> str:
    return f'<a href="{escape(href)}">{mark}</a>' if href else mark


def _svg(title: str, height: int, body: list[str], legend: Sequence[str] = ()) -> Markup:
    keys = "".join(
        f'<span class="key"><i style="background:{colour(i)}"></i>{escape(name)}</span>'
        for i, name in enumerate(legend)
    )
    return Markup(
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
        f'<svg viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(body)
        + f"</svg>{f'<div class=legend>{keys}</div>' if keys else ''}</figure>"
    )


def _empty(title: str) -> Markup:
    return Markup(f'<figure class="chart empty"><figcaption>{escape(title)}</figcaption>'
                  "<p>No data yet.</p></figure>")  # fmt: skip


def hbars(title: str, bars: Sequence[Bar], unit: str = "") -> Markup:
    """One horizontal bar per item, largest first as given."""
    if not bars:
        return _empty(title)
    top = max(b.value for b in bars) or 1.0
    left, row, span = 200, 24, WIDTH - 200 - 110
    body = []
    for i, bar in enumerate(bars):
        y, w = i * row + 4, max(1.0, span * bar.value / top)
        shown = bar.text or number(bar.value) + unit
        tip = f"{bar.label}: {shown}"
        rect = (f'<rect class="mark" x="{left}" y="{y}" width="{w:.1f}" height="{row - 8}" '
                f'fill="{colour(0)}"><title>{escape(tip)}</title></rect>')  # fmt: skip
        body.append(
            f'<text x="{left - 6}" y="{y + row / 2 + 4}" text-anchor="end">{escape(short(bar.label))}</text>'
        )
        body.append(_linked(rect, bar.href))
        body.append(f'<text x="{left + w + 4:.1f}" y="{y + row / 2 + 4}">{escape(shown)}</text>')
    return _svg(title, len(bars) * row + 8, body)


def ticks(top: float, most: int = 5) -> list[float]:
    """Round values from 0 up to at least `top` for a value axis: 0, 2, 4, 6 or 0, 250M, 500M, … ."""
    top = max(top, 1.0)
    raw = top / most
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if top >= 1 and step < 1:
        step = 1.0
    return [i * step for i in range(math.ceil(top / step - 1e-9) + 1)]


@dataclass(frozen=True)
class _Frame:
    """The plot area of a columns or lines chart: where x slots go and how values map to y."""

    slots: int
    top: float
    left: int = 52
    right: int = 28
    base: int = 190
    ceiling: int = 14
    height: int = 232

    @property
    def step(self) -> float:
        return (WIDTH - self.left - self.right) / max(1, self.slots)

    def x(self, slot: float) -> float:
        return self.left + (slot + 0.5) * self.step

    def y(self, value: float) -> float:
        return self.base - (self.base - self.ceiling) * value / self.top


def _value_axis(frame: _Frame, marks: list[float]) -> list[str]:
    body = []
    for v in marks:
        y = frame.y(v)
        body.append(
            f'<line class="grid" x1="{frame.left}" x2="{WIDTH - frame.right}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        body.append(f'<text class="axis" x="{frame.left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                    f"{escape(number(v))}</text>")  # fmt: skip
    return body


def _slots(labels: Sequence[str]) -> list[int]:
    """The slot of each label: in order, and an UNDATED last one a slot further, apart from the rest."""
    apart = len(labels) > 1 and labels[-1] == UNDATED
    return [i + 1 if apart and i == len(labels) - 1 else i for i in range(len(labels))]


LABEL_GAP = 76  # pixels between the centres of two axis labels, so that they never touch


def _category_axis(frame: _Frame, labels: Sequence[str]) -> list[str]:
    """A tick under every slot, a label under every k-th (as many as fit without touching); the undated
    bucket's label always shows, and a month label too close to it gives way."""
    every = max(1, math.ceil(len(labels) * LABEL_GAP / (WIDTH - frame.left - frame.right)))
    xs = [frame.x(slot) for slot in _slots(labels)]
    undated_x = xs[-1] if labels[-1] == UNDATED else math.inf
    body = [f'<line class="axis-line" x1="{frame.left}" x2="{WIDTH - frame.right}" '
            f'y1="{frame.base}" y2="{frame.base}"/>']  # fmt: skip
    for i, (label, x) in enumerate(zip(labels, xs, strict=True)):
        labelled = label == UNDATED or (i % every == 0 and undated_x - x >= LABEL_GAP)
        size = 5 if labelled else 2
        body.append(
            f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{frame.base}" y2="{frame.base + size}"/>'
        )
        if labelled:
            body.append(f'<text class="axis" x="{x:.1f}" y="{frame.base + 17}" text-anchor="middle">'
                        f"{escape(short(label, 12))}</text>")  # fmt: skip
    return body


def _separator(frame: _Frame, slot: int) -> str:
    """The dashed line, in the empty slot `slot`, that keeps the undated bucket apart from the months."""
    x = frame.x(slot)
    return f'<line class="separator" x1="{x:.1f}" x2="{x:.1f}" y1="{frame.ceiling}" y2="{frame.base}"/>'


def columns(
    title: str,
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    hrefs: Sequence[str | None] = (),
) -> Markup:
    """Stacked columns: one column per category (e.g. a month), one colour per series (e.g. a language).
    A category named UNDATED, last, is drawn apart, behind a dashed line."""
    if not categories:
        return _empty(title)
    totals = [sum(values[i] for values in series.values()) for i in range(len(categories))]
    marks = ticks(max(totals))
    slots = _slots(categories)
    frame = _Frame(slots[-1] + 1, marks[-1])
    body = _value_axis(frame, marks)
    for i, category in enumerate(categories):
        width = max(frame.step * 0.7, 10.0) if category == UNDATED else frame.step * 0.7
        x, y = frame.x(slots[i]) - width / 2, float(frame.base)
        for k, (name, values) in enumerate(series.items()):
            h = frame.base - frame.y(values[i])
            if h <= 0:
                continue
            y -= h
            tip = f"{category}, {name}: {number(values[i])}"
            rect = (f'<rect class="mark" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                    f'height="{h:.1f}" fill="{colour(k)}"><title>{escape(tip)}</title></rect>')  # fmt: skip
            body.append(_linked(rect, hrefs[i] if i < len(hrefs) else None))
    if slots[-1] > len(categories) - 1:
        body.append(_separator(frame, len(categories) - 1))
    body += _category_axis(frame, categories)
    return _svg(title, frame.height, body, list(series))


def _segments(points: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive points: a missing value ends one, so no line crosses a gap."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [r for r in runs if len(r) > 1]


def lines(title: str, xs: Sequence[str], series: dict[str, Sequence[float | None]]) -> Markup:
    """One line per series over the x values (e.g. months or runs), with a dot per point. A value of
    None is a gap: no dot, and the line breaks there. An x named UNDATED, last, is drawn apart."""
    if not xs or not series:
        return _empty(title)
    marks = ticks(max((v for values in series.values() for v in values if v is not None), default=0))
    slots = _slots(xs)
    frame = _Frame(slots[-1] + 1, marks[-1])
    body = _value_axis(frame, marks)
    apart = slots[-1] > len(xs) - 1
    for k, (name, values) in enumerate(series.items()):
        points = [None if v is None else (frame.x(slots[i]), frame.y(v)) for i, v in enumerate(values)]
        joined = [*points[:-1], None] if apart else points
        for run in _segments(joined):
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            body.append(
                f'<polyline class="mark" points="{path}" fill="none" stroke="{colour(k)}" stroke-width="2"/>'
            )
        for point, x_label, v in zip(points, xs, values, strict=True):
            if point is None:
                continue
            tip = escape(f"{name}, {x_label}: {number(v)}")
            x, y = point
            body.append(f'<circle class="mark" cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour(k)}">'
                        f"<title>{tip}</title></circle>")  # fmt: skip
    if apart:
        body.append(_separator(frame, len(xs) - 1))
    body += _category_axis(frame, xs)
    return _svg(title, frame.height, body, list(series))
