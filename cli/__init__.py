"""The `clusterwatch` command line: one module per command group, assembled in `cli.main`.

Commands import what they need when they run, so `clusterwatch --help` starts fast.
"""
