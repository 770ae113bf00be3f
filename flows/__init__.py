"""Prefect flows, their tasks and the deployments. Thin: each task calls one function of the folders below."""
