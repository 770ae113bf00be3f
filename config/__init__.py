"""Typed settings and the sources registry, built once at the flow boundary."""
