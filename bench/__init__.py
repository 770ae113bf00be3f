"""Benchmarks: a synthetic corpus and the pipeline-versus-bare-tools timing run."""
