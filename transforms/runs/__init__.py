"""A run's bookkeeping, kept pure: frames split into batches and put back together, the stage counts
that must reconcile, and the dim_source rows of the configured sources.
"""
