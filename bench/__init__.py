"""Benchmarks for checker: run `.venv/bin/python bench/run.py` (or `make bench`)."""
