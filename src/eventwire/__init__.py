"""eventwire: turn news reports into structured political event data.

>>> from eventwire import Pipeline, Article
>>> pipeline = Pipeline.from_config()
>>> coded = next(pipeline.run([Article(text="Russia recalled its ambassador from Washington.")]))
>>> [e.plover for e in coded.events]
['SANCTION']

The records import cheaply; ``Pipeline`` and ``Settings`` (which pull in spaCy) load on first use,
so that ``import eventwire.records`` or a CLI ``--help`` does not pay for the model stack.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from eventwire.records import (
    Actor,
    Article,
    ArticleError,
    CodedArticle,
    Event,
    Location,
    Mention,
    Quote,
    Sentence,
    Span,
)

if TYPE_CHECKING:
    from eventwire.config import Settings
    from eventwire.pipeline import Pipeline

_LAZY = {"Pipeline": "eventwire.pipeline", "Settings": "eventwire.config"}

__all__ = [
    "Actor",
    "Article",
    "ArticleError",
    "CodedArticle",
    "Event",
    "Location",
    "Mention",
    "Pipeline",
    "Quote",
    "Sentence",
    "Settings",
    "Span",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
