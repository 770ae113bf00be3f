"""What a run does without Prefect: the crawl as the flow does it (`crawl`), a run's bookkeeping in the
warehouse (`record`), and the CLI's pre-check that records a run whose sources changed nothing without
starting a flow (`check`). Nothing here imports Prefect."""
