"""`python -m cli ...`, the same as `clusterwatch ...`."""

import sys

from cli.prefect_api import start_early

start_early(sys.argv[1:])  # before the command line's own imports (cli.main does it otherwise)

from cli.main import main  # noqa: E402

main()
