"""Relations and events of short texts written for these tests, as tuples that read like the facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from transforms import extract_events, extract_relations


def relations_of(text: str, language: str = "en") -> set[tuple[str, str, str]]:
    frame = extract_relations(text, language)
    return {(r["relation"], r["subject"], r["object"]) for r in frame.iter_rows(named=True)}


def events_of(text: str, language: str = "en", published: date | None = None) -> list[dict]:
    return extract_events(text, language, published).to_dicts()


@pytest.fixture
def relations() -> Callable[..., set[tuple[str, str, str]]]:
    return relations_of


@pytest.fixture
def events() -> Callable[..., list[dict]]:
    return events_of
