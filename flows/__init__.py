"""Prefect flows, their tasks and the deployments. Thin: each task calls one function of the folders below.

Importing the package sets glibc's allocator for the process (flows/memory.py): a deployment's flow run,
a `clusterwatch serve` run and a worker process all start by importing it.
"""

from flows.memory import prepare_process

prepare_process()
