"""The hand-written star of the warehouse tests, as a working database file for the analyst commands."""

from tests.warehouse.conftest import star_file, star_template

__all__ = ["star_file", "star_template"]
