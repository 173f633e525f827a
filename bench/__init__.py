"""Benchmarks for Reader's speed targets: `python -m bench` (or `make bench`)."""
