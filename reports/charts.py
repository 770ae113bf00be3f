"""Charts as inline SVG, drawn here: no script, no font, nothing fetched when the page opens.

Three shapes cover the report: horizontal bars (a ranking), stacked columns (counts over time by a
series) and lines (a trend per series). Every mark is a link (to the table of the articles and
sentences behind it) with a tooltip; every text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

PALETTE = ("#3366aa", "#dd7733", "#44aa66", "#aa4455", "#7766bb", "#998833", "#33aaaa", "#888888")
WIDTH = 640
LABEL_CHARS = 28


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: str | None = None


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
    left, row, span = 200, 24, WIDTH - 200 - 70
    body = []
    for i, bar in enumerate(bars):
        y, w = i * row + 4, max(1.0, span * bar.value / top)
        tip = f"{bar.label}: {number(bar.value)}{unit}"
        rect = (f'<rect class="mark" x="{left}" y="{y}" width="{w:.1f}" height="{row - 8}" '
                f'fill="{colour(0)}"><title>{escape(tip)}</title></rect>')  # fmt: skip
        body.append(
            f'<text x="{left - 6}" y="{y + row / 2}" text-anchor="end">{escape(short(bar.label))}</text>'
        )
        body.append(_linked(rect, bar.href))
        body.append(
            f'<text x="{left + w + 4:.1f}" y="{y + row / 2}">{escape(number(bar.value) + unit)}</text>'
        )
    return _svg(title, len(bars) * row + 8, body)


def _axis(x: float, label: str, height: int) -> str:
    text = escape(short(label, 10))
    return f'<text class="axis" x="{x:.1f}" y="{height - 6}" text-anchor="middle">{text}</text>'


def columns(
    title: str,
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    hrefs: Sequence[str | None] = (),
) -> Markup:
    """Stacked columns: one column per category (e.g. a month), one colour per series (e.g. a language)."""
    if not categories:
        return _empty(title)
    height, base, left = 220, 190, 40
    totals = [sum(values[i] for values in series.values()) for i in range(len(categories))]
    top, step = max(totals) or 1.0, (WIDTH - left) / len(categories)
    body = [f'<text class="axis" x="4" y="12">{escape(number(top))}</text>']
    for i, category in enumerate(categories):
        x, y = left + i * step + step * 0.15, float(base)
        for k, (name, values) in enumerate(series.items()):
            h = (base - 20) * values[i] / top
            if h <= 0:
                continue
            y -= h
            tip = f"{category}, {name}: {number(values[i])}"
            rect = (f'<rect class="mark" x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" '
                    f'fill="{colour(k)}"><title>{escape(tip)}</title></rect>')  # fmt: skip
            body.append(_linked(rect, hrefs[i] if i < len(hrefs) else None))
        body.append(_axis(x + step * 0.35, category, height))
    return _svg(title, height, body, list(series))


def lines(title: str, xs: Sequence[str], series: dict[str, Sequence[float]]) -> Markup:
    """One line per series over the x values (e.g. months or runs), with a dot per point."""
    if not xs or not series:
        return _empty(title)
    height, base, left = 220, 190, 40
    top = max((v for values in series.values() for v in values), default=0) or 1.0
    step = (WIDTH - left - 20) / max(1, len(xs) - 1)
    body = [f'<text class="axis" x="4" y="12">{escape(number(top))}</text>']
    for k, (name, values) in enumerate(series.items()):
        points = [(left + i * step, base - (base - 20) * v / top) for i, v in enumerate(values)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        body.append(
            f'<polyline class="mark" points="{path}" fill="none" stroke="{colour(k)}" stroke-width="2"/>'
        )
        for (x, y), x_label, v in zip(points, xs, values, strict=True):
            tip = escape(f"{name}, {x_label}: {number(v)}")
            body.append(f'<circle class="mark" cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour(k)}">'
                        f"<title>{tip}</title></circle>")  # fmt: skip
    label_every = max(1, len(xs) // 8)
    body += [_axis(left + i * step, x, height) for i, x in enumerate(xs) if i % label_every == 0]
    return _svg(title, height, body, list(series))
