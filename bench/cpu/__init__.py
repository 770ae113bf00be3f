"""Where a run's CPU goes: py-spy's stacks folded by process and stage (`stacks`), the digest of what a
run loaded (`digest`), the gates replayed (`gates`) and the no-op run by hand (`noop_run`)."""
