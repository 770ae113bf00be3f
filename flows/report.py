"""The report task: the HTML report of the snapshot a run has just published. Building it never fails
the run: an error is logged and named in the run's summary instead."""

from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from config.settings import Settings


@task(name="report", cache_policy=NO_CACHE)
def report_task(settings: Settings) -> dict[str, str | None]:
    """{"report": path of the overview page or None, "report_error": why it was not built or None}."""
    from reports.build import build_home_report  # Jinja2 and the charts: only when a report is built
    from warehouse.analyst import AnalystLimits

    analyst = settings.analyst  # the report reads the snapshot within the analysts' limits
    limits = AnalystLimits(
        analyst.memory_limit_mb, analyst.max_temp_mb, analyst.temp_directory, analyst.threads
    )
    try:
        built = build_home_report(settings.home, limits=limits, urls_per_check=settings.report.urls_per_check)
    except Exception as exc:  # the data is loaded and published: a broken report must not undo that
        get_run_logger().error("the report could not be built: %s: %s", type(exc).__name__, exc)
        return {"report": None, "report_error": f"{type(exc).__name__}: {exc}"}
    return {"report": str(built.index), "report_error": None}
