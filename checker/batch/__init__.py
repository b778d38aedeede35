"""Batch runs over corpora: ``checker batch INPUT…``.

inputs (directories, manifests, bilingual files) → job specs → jobs (bytes + content hash)
→ an engine (a local process pool, or a Dask cluster) → one JSONL line per job, written as
each finishes → a summary. Dask is imported only by ``checker.batch.dask_engine``.
"""
