"""The hand-written star of the warehouse tests, as a working database file for the analyst commands,
and a published home with hostile text for the report command."""

from tests.reports.conftest import bad_home
from tests.warehouse.conftest import star_file, star_template

__all__ = ["bad_home", "star_file", "star_template"]
