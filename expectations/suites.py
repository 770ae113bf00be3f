"""Suites as data: one list of expectations per stage, each with its severity. Read it without running it.

A check is one Great Expectations expectation (class name and arguments) with a severity:
`critical` rows are held back (row-level) or stop the batch (batch-level); `warning` is recorded only.
`RUN_DATE` in an argument is replaced by the run's date when the suite runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from transforms.intel.links.records import DATE_PRECISIONS, EVENT_TYPES, RELATIONS, ROLES

Severity = Literal["critical", "warning"]
RUN_DATE = "$run_date"
FIRST_NEWS_DATE = datetime(1991, 1, 1)

KNOWN_LANGUAGES = ["ru", "en"]
FETCH_OUTCOMES = ["fetched", "not_modified", "skipped", "failed"]
HTML_CONTENT_TYPE = r"^\s*(?:text/html|application/xhtml\+xml)"
URL_FORM = r"^https?://(?:[^\s/?#:]+\.[^\s/?#:]+|localhost|\[[0-9a-fA-F:]+\])(?::\d+)?(?:[/?#]\S*)?$"
ENTITY_TYPES = ["person", "organization", "company", "government_body", "location"]  # dim_entity
SPAN_TYPES = [*ENTITY_TYPES, "region", "site", "legal_act"]  # what transforms.intel.entities finds in a text
UNITS = ["RUB", "USD", "EUR", "ha", "sq_m", "items", "%"]
QUALIFIERS = ["exact", "up_to", "over", "about", "from"]
MAX_TEXT_CHARS = 500_000
FETCHED = 'outcome=="fetched"'


@dataclass(frozen=True)
class Check:
    """One expectation: a Great Expectations class name, its arguments and a severity.

    `label` names the check when the class and column alone are ambiguous; `optional` skips the check
    when its column is not in the frame.
    """

    expectation: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    severity: Severity = "critical"
    label: str | None = None
    optional: bool = False

    @property
    def name(self) -> str:
        if self.label:
            return self.label
        column = self.kwargs.get("column")
        return f"{self.expectation}({column})" if column else self.expectation

    @property
    def columns(self) -> list[str]:
        names = [self.kwargs.get(k) for k in ("column", "column_A", "column_B")]
        return [n for n in names if n] + list(self.kwargs.get("column_list", []))


@dataclass(frozen=True)
class Suite:
    name: str
    key_column: str
    checks: tuple[Check, ...]


def _columns(*names: str) -> Check:
    return Check("ExpectTableColumnsToMatchSet", {"column_set": list(names), "exact_match": False})


def _fetched(expectation: str, label: str, optional: bool = False, **kwargs: Any) -> Check:
    """A check on fetched pages only (the other outcomes have no body)."""
    conditional = {**kwargs, "row_condition": FETCHED, "condition_parser": "pandas"}
    return Check(expectation, conditional, label=label, optional=optional)


def _inside_text(start: str, end: str) -> tuple[Check, ...]:
    """Offsets are inside the article text: 0 <= start < end <= text_length."""
    pair = "ExpectColumnPairValuesAToBeGreaterThanB"
    skip = {"ignore_row_if": "either_value_is_missing"}
    return (
        Check("ExpectColumnValuesToBeBetween", {"column": start, "min_value": 0}),
        Check(pair, {"column_A": end, "column_B": start, **skip}, label=f"{end} > {start}"),
        Check(
            pair,
            {"column_A": "text_length", "column_B": end, "or_equal": True, **skip},
            label=f"{end} <= text_length",
        ),
    )


# Only fetched pages go on to extraction, so only they can be held back (critical row-level checks);
# the other rows are checked as warnings, and an unknown outcome stops the batch.
RAW_PAGES = Suite(
    name="raw_pages",
    key_column="url",
    checks=(
        _columns("url", "status", "bytes", "outcome", "reason"),
        Check(
            "ExpectColumnDistinctValuesToBeInSet",
            {"column": "outcome", "value_set": FETCH_OUTCOMES},
            label="outcome is one of fetched, not_modified, skipped, failed",
        ),
        _fetched("ExpectColumnValuesToNotBeNull", "fetched: URL present", column="url"),
        _fetched("ExpectColumnValuesToMatchRegex", "fetched: URL form", column="url", regex=URL_FORM),
        _fetched(
            "ExpectColumnValuesToBeBetween",
            "fetched: status 2xx",
            column="status",
            min_value=200,
            max_value=299,
        ),
        _fetched("ExpectColumnValuesToBeBetween", "fetched: body not empty", column="bytes", min_value=1),
        _fetched(
            "ExpectColumnValuesToMatchRegex",
            "fetched: HTML",
            True,
            column="content_type",
            regex=HTML_CONTENT_TYPE,
        ),
        Check("ExpectColumnValuesToMatchRegex", {"column": "url", "regex": URL_FORM}, severity="warning"),
        Check("ExpectColumnValuesToBeUnique", {"column": "url"}, severity="warning"),
        Check(
            "ExpectColumnValuesToBeBetween",
            {"column": "status", "min_value": 100, "max_value": 599},
            severity="warning",
        ),
        Check("ExpectColumnValuesToBeBetween", {"column": "bytes", "min_value": 0}, severity="warning"),
        Check(
            "ExpectColumnValuesToNotBeNull",
            {"column": "reason", "row_condition": 'outcome=="failed"', "condition_parser": "pandas"},
            severity="warning",
            label="failed: reason given",
        ),
    ),
)

ARTICLES = Suite(
    name="articles",
    key_column="article_key",
    checks=(
        _columns("article_key", "url", "text", "language", "title", "published"),
        Check("ExpectColumnValuesToNotBeNull", {"column": "text"}),
        Check(
            "ExpectColumnValueLengthsToBeBetween",
            {"column": "text", "min_value": 1, "max_value": MAX_TEXT_CHARS},
        ),
        Check("ExpectColumnValuesToBeInSet", {"column": "language", "value_set": KNOWN_LANGUAGES}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "language"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_key"}),
        Check("ExpectColumnValuesToBeUnique", {"column": "article_key"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "url"}),
        Check("ExpectColumnValuesToMatchRegex", {"column": "url", "regex": URL_FORM}),
        Check(
            "ExpectColumnValuesToBeBetween",
            {"column": "published", "min_value": FIRST_NEWS_DATE, "max_value": RUN_DATE},
            label="published between 1991-01-01 and the run date",
        ),
        Check("ExpectColumnValuesToNotBeNull", {"column": "title"}, severity="warning"),
    ),
)

ENTITIES = Suite(
    name="entities",
    key_column="entity_id",
    checks=(
        _columns("entity_type", "start", "end", "surface", "canonical_name", "entity_id", "text_length"),
        Check("ExpectColumnValuesToBeInSet", {"column": "entity_type", "value_set": SPAN_TYPES}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "entity_type"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "entity_id"}),
        Check("ExpectColumnValueLengthsToBeBetween", {"column": "surface", "min_value": 1}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "canonical_name"}),
        *_inside_text("start", "end"),
    ),
)

FIGURES = Suite(
    name="figures",
    key_column="figure_key",
    checks=(
        _columns(
            "figure_key", "article_key", "metric_key", "value", "unit", "qualifier", "char_start", "char_end"
        ),
        Check("ExpectColumnValuesToNotBeNull", {"column": "figure_key"}),
        Check("ExpectColumnValuesToBeUnique", {"column": "figure_key"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_key"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "metric_key"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "value"}),
        Check("ExpectColumnValuesToBeBetween", {"column": "value", "min_value": 0, "strict_min": True}),
        Check("ExpectColumnValuesToBeInSet", {"column": "unit", "value_set": UNITS}),
        Check("ExpectColumnValuesToBeInSet", {"column": "qualifier", "value_set": QUALIFIERS}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "sentence"}, severity="warning"),
        *_inside_text("char_start", "char_end"),
    ),
)

MENTIONS = Suite(
    name="mentions",
    key_column="article_key",
    checks=(
        _columns("article_key", "entity_key", "site_key", "region_key", "act_key", "mention_count"),
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_key"}),
        Check("ExpectColumnValuesToBeBetween", {"column": "mention_count", "min_value": 1}),
        Check(
            "ExpectColumnValuesToBeBetween", {"column": "first_char_offset", "min_value": 0}, optional=True
        ),
    ),
)


def _evidence(key: str) -> tuple[Check, ...]:
    """A relation or event row: its key present and unique, its article, its sentence and rule."""
    return (
        Check("ExpectColumnValuesToNotBeNull", {"column": key}),
        Check("ExpectColumnValuesToBeUnique", {"column": key}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_key"}),
        Check("ExpectColumnValueLengthsToBeBetween", {"column": "sentence", "min_value": 1}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "sentence"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "rule"}),
        *_inside_text("char_start", "char_end"),
    )


RELATIONS_SUITE = Suite(
    name="relations",
    key_column="relation_key",
    checks=(
        _columns(
            "relation_key", "relation_id", "article_key", "relation", "sentence", "char_start", "char_end"
        ),
        *_evidence("relation_key"),
        Check("ExpectColumnValuesToBeInSet", {"column": "relation", "value_set": list(RELATIONS)}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "relation"}),
        Check("ExpectColumnValuesToMatchRegex", {"column": "object_country", "regex": r"^[A-Z]{2}$"}),
    ),
)

EVENTS_SUITE = Suite(
    name="events",
    key_column="event_key",
    checks=(
        _columns(
            "event_key", "event_id", "article_key", "event_type", "event_date", "sentence", "char_start"
        ),
        *_evidence("event_key"),
        Check("ExpectColumnValuesToBeInSet", {"column": "event_type", "value_set": list(EVENT_TYPES)}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "event_type"}),
        Check(
            "ExpectColumnValuesToBeInSet", {"column": "date_precision", "value_set": list(DATE_PRECISIONS)}
        ),
        Check("ExpectColumnValuesToNotBeNull", {"column": "planned"}),
    ),
)

EVENT_PARTICIPANTS_SUITE = Suite(
    name="event_participants",
    key_column="event_key",
    checks=(
        _columns("event_key", "article_key", "entity_key", "site_key", "region_key", "role"),
        Check("ExpectColumnValuesToNotBeNull", {"column": "event_key"}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_key"}),
        Check("ExpectColumnValuesToBeInSet", {"column": "role", "value_set": list(ROLES)}),
        Check("ExpectColumnValuesToNotBeNull", {"column": "role"}),
        *_inside_text("char_start", "char_end"),
    ),
)

SUITES = {
    s.name: s
    for s in (
        RAW_PAGES,
        ARTICLES,
        ENTITIES,
        FIGURES,
        MENTIONS,
        RELATIONS_SUITE,
        EVENTS_SUITE,
        EVENT_PARTICIPANTS_SUITE,
    )
}
