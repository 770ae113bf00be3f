"""Suites as data: one list of expectations per stage, each with its severity. Read it without running it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["critical", "warning"]
KNOWN_LANGUAGES = ["ru", "en"]


@dataclass(frozen=True)
class Check:
    """One expectation: a Great Expectations class name, its arguments and a severity."""

    expectation: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    severity: Severity = "critical"

    @property
    def name(self) -> str:
        column = self.kwargs.get("column")
        return f"{self.expectation}({column})" if column else self.expectation


@dataclass(frozen=True)
class Suite:
    name: str
    key_column: str
    checks: tuple[Check, ...]


ARTICLES = Suite(
    name="articles",
    key_column="article_key",
    checks=(
        Check("ExpectColumnValuesToNotBeNull", {"column": "text"}),
        Check("ExpectColumnValueLengthsToBeBetween", {"column": "text", "min_value": 1}),
        Check("ExpectColumnValuesToBeInSet", {"column": "language", "value_set": KNOWN_LANGUAGES}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_key"}),
        Check("ExpectColumnValuesToBeUnique", {"column": "article_key"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "title"}, severity="warning"),
    ),
)
