"""`python -m cli ...`, the same as `clusterwatch ...`."""

from cli.main import main

main()
