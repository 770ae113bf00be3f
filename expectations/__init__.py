"""Data quality: suites as data (`suites.py`), the Great Expectations runner, the gates between stages,
pre-load reference checks, the dq_result frame, Data Docs and the run summary."""
