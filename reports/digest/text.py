"""The digest as Markdown, for mail or chat."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from reports.digest.view import DigestView

SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _escaped(text: Any) -> str:
    return SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _item(view: DigestView, item: Mapping[str, Any]) -> list[str]:
    head = f"- {'**changed** ' if item.get('change') else ''}**{_escaped(item['title'])}**"
    lines = [head + (f" — {_escaped(item['detail'])}" if item.get("detail") else "")]
    if item.get("sentence"):
        lines.append(f"  > {_escaped(item['sentence'])}")
    links = []
    if item.get("article_key") is not None:
        links.append(f"[{_escaped(item.get('article_title') or 'the article')}]({view.article_href(item)})")
    if item.get("url"):
        links.append(f"[source](<{item['url']}>)")
    if item.get("published_date"):
        links.append(str(item["published_date"]))
    if links:
        lines.append("  " + " · ".join(links))
    return lines


def render_markdown(view: DigestView) -> str:
    """Heading, period, then one section per kind with its items; a line saying so when nothing is new."""
    lines = [f"# {_escaped(view.heading)}", "", _escaped(view.period), ""]
    if not view.groups:
        return "\n".join([*lines, "Nothing new for this list.", ""])
    lines += [f"{view.total} new item{'' if view.total == 1 else 's'}.", ""]
    for group in view.groups:
        lines += [f"## {group.label} ({len(group.items)})", ""]
        for item in group.items:
            lines += _item(view, item)
        lines.append("")
    return "\n".join(lines)
