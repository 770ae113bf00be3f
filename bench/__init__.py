"""Benchmarks and quality measurements, run from the repository root as `python -m bench.<module>`."""
