"""The quality summary of a run: per stage rows in, passed, held back and the top reasons; failed checks;
the share of the run's time spent validating. As markdown (Prefect artifact) and as rows (the CLI)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl

STAGE_ORDER = (
    "raw_pages", "decode", "extract", "normalise", "dedup", "articles", "intel", "entities", "mentions",
    "figures", "foreign_keys",
)  # fmt: skip
TOP_REASONS = 3


def quality_dir(home: Path) -> Path:
    """Where a run's quality artefacts live: gx/ (stored results) and data_docs/ (the HTML site)."""
    return home / "quality"


def docs_index(home: Path) -> Path:
    return quality_dir(home) / "data_docs" / "index.html"


@dataclass(frozen=True)
class StageQuality:
    stage: str
    rows_in: int
    passed: int
    held_back: int
    top_reasons: list[tuple[str, int]]


@dataclass(frozen=True)
class QualitySummary:
    run_id: str
    stages: list[StageQuality]
    failed_checks: list[dict]  # suite, expectation, severity, level, unexpected_count
    validation_seconds: float
    run_seconds: float | None = None
    docs: Path | None = None
    docs_seconds: float | None = None  # building the Data Docs, when known

    @property
    def validation_share(self) -> float | None:
        """Share of the run spent validating (and building the Data Docs, when that time is known)."""
        spent = self.validation_seconds + (self.docs_seconds or 0.0)
        return spent / self.run_seconds if self.run_seconds else None


def _reasons(held_back: pl.DataFrame) -> pl.DataFrame:
    """stage, reason, records: one row per single reason (a record failing two checks counts for both)."""
    counted = held_back if "records" in held_back.columns else held_back.with_columns(records=pl.lit(1))
    return (
        counted.select("stage", pl.col("reason").str.split("; "), "records")
        .explode("reason")
        .with_columns(pl.col("reason").str.strip_prefix("failed "))
        .group_by("stage", "reason")
        .agg(pl.col("records").sum())
        .sort("stage", "records", "reason", descending=[False, True, False])
    )


def _rows_in(dq: pl.DataFrame) -> dict[str, int]:
    """Rows each suite looked at: per batch the largest element count of its row-level checks."""
    rows = dq.filter(pl.col("level") == "row").group_by("suite", "batch").agg(pl.col("element_count").max())
    return {s: int(n) for s, n in rows.group_by("suite").agg(pl.col("element_count").sum()).iter_rows()}


def _held_counts(held_back: pl.DataFrame) -> dict[str, int]:
    counted = held_back if "records" in held_back.columns else held_back.with_columns(records=pl.lit(1))
    return {s: int(n) for s, n in counted.group_by("stage").agg(pl.col("records").sum()).iter_rows()}


def _stage_order(stage: str) -> tuple[int, str]:
    return (STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER), stage)


def _stage(stage: str, rows_in: int, held: int, reasons: pl.DataFrame) -> StageQuality:
    mine = reasons.filter(pl.col("stage") == stage).head(TOP_REASONS)
    top = [(r, int(n)) for r, n in mine.select("reason", "records").iter_rows()]
    return StageQuality(stage, max(rows_in, held), max(rows_in, held) - held, held, top)


def _failed_checks(dq: pl.DataFrame) -> list[dict]:
    failed = dq.filter(~pl.col("success")).group_by("suite", "expectation", "severity", "level")
    rows = failed.agg(pl.col("unexpected_count").sum()).sort("severity", "suite", "expectation")
    return rows.to_dicts()


def _validation_seconds(dq: pl.DataFrame) -> float:
    batches = dq.group_by("suite", "batch").agg(pl.col("batch_seconds").max())
    return float(batches.get_column("batch_seconds").fill_null(0).sum())


def summarise(
    run_id: str,
    dq: pl.DataFrame,
    held_back: pl.DataFrame,
    *,
    stage_inputs: Mapping[str, int] | None = None,
    run_seconds: float | None = None,
    docs: Path | None = None,
    docs_seconds: float | None = None,
) -> QualitySummary:
    """`dq`: the run's dq_result frame; `held_back`: its quarantine rows (stage, reason[, records]);
    `stage_inputs`: rows in for stages that have no suite of their own (e.g. extract)."""
    rows_in = {**_rows_in(dq), **(stage_inputs or {})}
    held = _held_counts(held_back)
    reasons = _reasons(held_back)
    names = sorted(set(rows_in) | set(held), key=_stage_order)
    stages = [_stage(s, rows_in.get(s, 0), held.get(s, 0), reasons) for s in names]
    seconds = _validation_seconds(dq)
    return QualitySummary(run_id, stages, _failed_checks(dq), seconds, run_seconds, docs, docs_seconds)


def summary_rows(summary: QualitySummary) -> list[dict]:
    """One dict per stage, for a table: stage, rows in, passed, held back, top reasons."""
    return [
        {
            "stage": s.stage,
            "rows in": s.rows_in,
            "passed": s.passed,
            "held back": s.held_back,
            "top reasons": "; ".join(f"{r} ({n})" for r, n in s.top_reasons),
        }
        for s in summary.stages
    ]


def timing_line(summary: QualitySummary) -> str:
    share = summary.validation_share
    spent = f"{summary.validation_seconds:.2f} s"
    if summary.docs_seconds is not None:
        spent += f" + {summary.docs_seconds:.2f} s Data Docs"
    if share is None:
        return f"Validation time: {spent}."
    return f"Validation time: {spent} of {summary.run_seconds:.1f} s ({share:.0%} of the run)."


def _markdown_table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]


def summary_markdown(summary: QualitySummary) -> str:
    """The summary as markdown, for a Prefect markdown artifact."""
    lines = [f"# Data quality, run {summary.run_id}", ""]
    rows = [list(r.values()) for r in summary_rows(summary)]
    lines += _markdown_table(["stage", "rows in", "passed", "held back", "top reasons"], rows)
    if summary.failed_checks:
        checks = [
            [c["severity"], c["suite"], c["expectation"], c["unexpected_count"]]
            for c in summary.failed_checks
        ]
        lines += ["", "## Failed expectations", ""]
        lines += _markdown_table(["severity", "suite", "expectation", "unexpected"], checks)
    lines += ["", timing_line(summary)]
    if summary.docs:
        lines += ["", f"Data Docs: {summary.docs}"]
    return "\n".join(lines) + "\n"
