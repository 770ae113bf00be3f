"""`python -m cli ...`, the same as `clusterwatch ...`."""

from cli.main import app

app()
