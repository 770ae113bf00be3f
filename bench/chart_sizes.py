"""What a report page with two charts weighs, drawn five ways: inline SVG drawn by reports/charts.py,
altair (Vega-Lite) with its JavaScript embedded, altair rendered to SVG by vl-convert, plotly with its
JavaScript embedded, and matplotlib's SVG. The same data: articles per month by language (24 months,
stacked) and the top 12 regions.

    python bench/chart_sizes.py          # the libraries it cannot import are reported as missing

altair, vl-convert-python, plotly and matplotlib are not dependencies of the project: install them in a
scratch environment to measure (see docs/reports.md for the figures).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MONTHS = [f"{2023 + i // 12}-{i % 12 + 1:02d}" for i in range(24)]
LANGS = {"ru": [5 + (i * 7) % 11 for i in range(24)], "en": [1 + (i * 3) % 5 for i in range(24)]}
REGIONS = [(f"Region {i}", 40 - 3 * i) for i in range(12)]


def _rows() -> tuple[list[dict], list[dict]]:
    monthly = [
        {"month": m, "language": k, "articles": v[i]} for k, v in LANGS.items() for i, m in enumerate(MONTHS)
    ]
    return monthly, [{"region": r, "articles": n} for r, n in REGIONS]


def inline_svg() -> str:
    from reports.charts import Bar, columns, hbars

    first = columns("Articles per month", MONTHS, LANGS)
    return f"<html><body>{first}{hbars('Top regions', [Bar(r, n) for r, n in REGIONS])}</body></html>"


def _altair_charts() -> tuple:
    import altair as alt

    monthly, regions = _rows()
    first = (
        alt.Chart(alt.Data(values=monthly))
        .mark_bar()
        .encode(x="month:O", y="sum(articles):Q", color="language:N")
    )
    second = alt.Chart(alt.Data(values=regions)).mark_bar().encode(y="region:N", x="articles:Q")
    return first, second


def altair_inline_js() -> str:
    first, second = _altair_charts()
    out = io.StringIO()
    (first & second).save(out, format="html", inline=True)  # needs vl-convert-python for the bundle
    return out.getvalue()


def altair_svg() -> str:
    import vl_convert as vlc

    first, second = _altair_charts()
    svgs = [vlc.vegalite_to_svg(c.to_dict()) for c in (first, second)]
    return f"<html><body>{''.join(svgs)}</body></html>"


def plotly_inline_js() -> str:
    import plotly.graph_objects as go

    first = go.Figure([go.Bar(name=k, x=MONTHS, y=v) for k, v in LANGS.items()]).update_layout(
        barmode="stack"
    )
    second = go.Figure([go.Bar(x=[n for _, n in REGIONS], y=[r for r, _ in REGIONS], orientation="h")])
    return first.to_html(include_plotlyjs=True, full_html=True) + second.to_html(include_plotlyjs=False)


def matplotlib_svg() -> str:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    svgs = []
    fig, ax = plt.subplots()
    ax.bar(MONTHS, LANGS["ru"])
    ax.bar(MONTHS, LANGS["en"], bottom=LANGS["ru"])
    fig2, ax2 = plt.subplots()
    ax2.barh([r for r, _ in REGIONS], [n for _, n in REGIONS])
    for figure in (fig, fig2):
        out = io.StringIO()
        figure.savefig(out, format="svg")
        svgs.append(out.getvalue())
    return f"<html><body>{''.join(svgs)}</body></html>"


WAYS: dict[str, Callable[[], str]] = {
    "inline SVG (reports/charts.py)": inline_svg,
    "altair + embedded Vega JS": altair_inline_js,
    "altair -> SVG (vl-convert)": altair_svg,
    "plotly + embedded plotly.js": plotly_inline_js,
    "matplotlib SVG": matplotlib_svg,
}


def main() -> None:
    for name, draw in WAYS.items():
        try:
            page = draw()
        except ImportError as exc:
            print(f"{name:34} missing: {exc.name or exc}")
            continue
        print(f"{name:34} {len(page.encode()) / 1024:9.1f} KB")


if __name__ == "__main__":
    main()
