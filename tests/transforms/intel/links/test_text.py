"""Enumerations, asides and sentences as the rules read them."""

from __future__ import annotations

from transforms.intel.links.text import Article, list_items, masked
from transforms.intel.mentions import Mention


def _company(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention("entity", "company", start, start + len(name), name, name, hash(name) & 0xFFFF)


def _items(text: str, names: list[str]) -> list[str]:
    candidates = [_company(text, n) for n in names]
    return [m.canonical for m in list_items(text, 0, len(text), candidates)]


def test_items_of_a_list_and_not_the_names_inside_them() -> None:
    text = "Acme LLC: Bolt LLC, a maker; three Crane plants; Delta LLC, a firm based at the Echo site; Fox"
    assert _items(text, ["Acme", "Bolt", "Crane", "Delta", "Echo", "Fox"]) == [
        "Acme",
        "Bolt",
        "Crane",
        "Delta",
        "Fox",
    ]


def test_an_aside_in_brackets_and_an_apposition_are_skipped() -> None:
    text = "Acme (a venture of Bolt and Crane) and Delta, an investor which is a big company, Echo, and Fox"
    assert _items(text, ["Acme", "Bolt", "Crane", "Delta", "Echo", "Fox"]) == ["Acme", "Delta", "Fox"]
    assert masked("a (b c) d") == "a (   ) d"


def test_a_list_cut_by_a_semicolon_is_one_sentence() -> None:
    text = "The list includes Acme; Bolt; Crane. Then another sentence St. Petersburg follows."
    spans = [(s.start, s.end) for s in Article(text, []).sentences]
    assert len(spans) == 2 and text[spans[0][0] : spans[0][1]].endswith("Crane.")
