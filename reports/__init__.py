"""The report: static HTML pages for analysts and the data-quality report of each run, built from the
published snapshot (reads only the warehouse)."""
