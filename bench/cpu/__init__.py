"""Where a run's CPU goes: py-spy's stacks folded by process and stage (`stacks`)."""
