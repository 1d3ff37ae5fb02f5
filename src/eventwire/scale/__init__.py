"""Scaling out: code a large corpus in partitions on a Dask cluster (local or remote)."""

from eventwire.scale.dask_runner import CorpusRun, code_corpus

__all__ = ["CorpusRun", "code_corpus"]
