"""Prefect flows, their tasks and the deployments. Thin: each task calls one function of the folders below.

Importing the package sets the process's allocators (flows/memory.py) before polars is loaded: a
deployment's flow run, a `clusterwatch serve` run and a worker process all start by importing it.
"""

from flows.memory import prepare_process

prepare_process()
