"""Scaling out: code a large corpus in partitions on a Dask cluster (local or remote).

``code_corpus`` and ``CorpusRun`` load Dask on first use, so that a process pool
(``eventwire.scale.workers``, behind ``eventwire.coder(workers=N)``) does not import it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventwire.scale.dask_runner import CorpusRun, code_corpus

__all__ = ["CorpusRun", "code_corpus"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("eventwire.scale.dask_runner"), name)
    raise AttributeError(f"module 'eventwire.scale' has no attribute {name!r}")
