"""Prefect flows and tasks, the CLI and deployment entrypoints. Thin: each task calls one function below."""
