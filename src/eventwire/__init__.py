"""eventwire: turn news reports into structured political event data.

>>> import eventwire
>>> coded = eventwire.code("Russia recalled its ambassador from Washington.", date="2021-03-18")
>>> [(e.plover, e.mode, e.source[0].country, e.target[0].country) for e in coded.events]
[('SANCTION', 'withdraw', 'RUS', 'USA')]
>>> frame = eventwire.events_frame(eventwire.code_many(["Japan sent aid to Turkey."]))
>>> eventwire.resolve_actor("Armenian Prime Minister", date="2022-01-01").name
'Nikol Pashinyan'
>>> with eventwire.coder(min_confidence=0.5) as wire:     # load once, code many times
...     [e.plover for e in wire.code("Japan sent aid to Turkey.").events]
['AID']

The one-call functions: ``code`` (one text), ``code_many`` (texts, dicts or ``Article``s, lazily,
optionally on several processes), ``coder`` (a loaded ``Coder`` to keep: what a server or a
command holds), ``events_frame`` (one row per event, pandas or polars, from coded articles or an
event store) and ``resolve_actor`` (the actor the pipeline gives a phrase). ``Settings`` names a
configuration; ``Pipeline`` is the full interface (your own stages or knowledge, wrapped with
``Coder(pipeline)``).

The records import cheaply; everything that pulls in spaCy, pandas or DuckDB loads on first use,
so that ``import eventwire`` or a CLI ``--help`` does not pay for the model stack.
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
    from eventwire.api import Coder, code, code_many, code_streamed, coder
    from eventwire.config import Settings
    from eventwire.frames import events_frame
    from eventwire.nlp.pieces import CodedPieces
    from eventwire.phrase import resolve_actor
    from eventwire.pipeline import Pipeline

_LAZY = {
    "CodedPieces": "eventwire.nlp.pieces",
    "Coder": "eventwire.api",
    "coder": "eventwire.api",
    "Pipeline": "eventwire.pipeline",
    "Settings": "eventwire.config",
    "code": "eventwire.api",
    "code_many": "eventwire.api",
    "code_streamed": "eventwire.api",
    "events_frame": "eventwire.frames",
    "resolve_actor": "eventwire.phrase",
}

__all__ = [
    "Actor",
    "Article",
    "ArticleError",
    "CodedArticle",
    "CodedPieces",
    "Coder",
    "Event",
    "Location",
    "Mention",
    "Pipeline",
    "Quote",
    "Sentence",
    "Settings",
    "Span",
    "code",
    "code_many",
    "code_streamed",
    "coder",
    "events_frame",
    "resolve_actor",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
