"""One-call coding: ``eventwire.code`` and ``eventwire.code_many``, over a small pipeline cache.

    >>> import eventwire
    >>> coded = eventwire.code("Russia recalled its ambassador from Washington.", date="2021-03-18")
    >>> [(e.plover, e.mode) for e in coded.events]
    [('SANCTION', 'withdraw')]

Building a pipeline loads the spaCy model and the knowledge tables (a second or more), so a
notebook that calls ``code`` in a loop must not rebuild it each time. The pipelines live in a
``PipelineCache``: an explicit object (``eventwire.api.PIPELINES``) with a fixed number of
slots, keyed by the settings. It is bounded because each pipeline holds a model and the actor
knowledge base (hundreds of MB): a loop over many settings evicts the least recently used one
instead of growing without end. ``PIPELINES.clear()`` frees them; code that wants no shared
state at all builds its own ``Pipeline.from_config(...)`` and calls ``run``.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from eventwire.config import Settings
from eventwire.errors import ArticleInputError
from eventwire.ingest.jsonl import article_from_record, parse_publication_date
from eventwire.pipeline import Pipeline
from eventwire.records import Article, ArticleError, CodedArticle, RejectedInput

ArticleLike = str | Mapping[str, Any] | Article | RejectedInput
DEFAULT_SLOTS = 2  # the default pipeline plus one variant (another model, an actor file) in a session


class PipelineCache:
    """At most ``slots`` pipelines, one per distinct settings, least recently used evicted first.

    >>> cache = PipelineCache(slots=1)
    >>> cache.get(min_confidence=0.5) is cache.get(min_confidence=0.5)
    True
    """

    def __init__(self, slots: int = DEFAULT_SLOTS) -> None:
        if slots < 1:
            raise ValueError("a PipelineCache needs at least one slot")
        self.slots = slots
        self._pipelines: OrderedDict[str, Pipeline] = OrderedDict()
        self._lock = threading.Lock()  # two threads asking at once build one pipeline, not two

    def get(self, **settings: Any) -> Pipeline:
        """The pipeline for these settings (``Settings`` field names), built on first request."""
        resolved = Settings.load(None, **settings)
        key = _settings_key(resolved)
        with self._lock:
            pipeline = self._pipelines.get(key)
            if pipeline is None:
                pipeline = Pipeline.from_config(resolved)
                self._pipelines[key] = pipeline
            self._pipelines.move_to_end(key)
            while len(self._pipelines) > self.slots:
                self._pipelines.popitem(last=False)
            return pipeline

    def clear(self) -> None:
        """Forget every pipeline (their memory is freed once nothing else holds them)."""
        with self._lock:
            self._pipelines.clear()

    def __len__(self) -> int:
        return len(self._pipelines)


def _settings_key(settings: Settings) -> str:
    # Settings holds a mapping of option tables, so it is not hashable: its JSON is the key.
    return json.dumps(settings.as_mapping(), sort_keys=True, default=str)


PIPELINES = PipelineCache()


def code(text: str, date: str | dt.date | None = None, **settings: Any) -> CodedArticle:
    """Code one text: events, actors, quotes, dates and places of ``text``.

    ``date`` is the publication date (ISO string or ``datetime.date``) that relative dates
    ("on Wednesday") and office holders resolve against; ``settings`` are ``Settings`` fields
    such as ``min_confidence=0.5`` or ``actor_files=("mine.yaml",)``.

    >>> coded = code("Iran summoned the British ambassador.", date="2022-11-08")
    >>> coded.events[0].plover, [a.country for a in coded.events[0].target]
    ('ACCUSE', ['GBR'])

    An article that cannot be coded (an empty text) comes back with ``error`` set; a date that
    is not ISO raises ``ArticleInputError``.
    """
    article = Article(text=text, date=publication_date(date))
    return next(PIPELINES.get(**settings).run([article]))


def code_many(items: Iterable[ArticleLike], workers: int = 1, **settings: Any) -> Iterator[CodedArticle]:
    """Code many articles lazily, one ``CodedArticle`` per item, in input order.

    An item is a text, a dict in the contract's input shape (``{"id", "text", "title", "date",
    "publisher", "url"}``, only ``text`` required) or an ``Article``. A dict that is not a valid
    record gets an ``error`` in its output and the others go on.

    >>> texts = ["Protesters marched in Minsk on Sunday.", {"id": "b", "text": "Japan sent aid to Turkey."}]
    >>> [c.article.id for c in code_many(texts)][1]
    'b'

    ``workers`` > 1 codes in that many processes, each loading the model once, in input order
    (``Pipeline.run(..., workers=N)``); for a corpus on a cluster use ``eventwire batch`` or
    ``eventwire.scale.code_corpus``, which partition the work over Dask.
    """
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, got {workers}")
    return PIPELINES.get(**settings).run((as_article(item) for item in items), workers=workers)


def as_article(item: ArticleLike) -> Article | RejectedInput:
    """What ``code_many`` accepts, as the pipeline's input record."""
    if isinstance(item, Article | RejectedInput):
        return item
    if isinstance(item, str):
        return Article(text=item)
    if isinstance(item, Mapping):
        try:
            return article_from_record(dict(item))
        except ArticleInputError as exc:
            return RejectedInput(
                id=str(item.get("id") or ""), error=ArticleError(type(exc).__name__, str(exc))
            )
    raise TypeError(f"cannot code a {type(item).__name__}: give a str, a dict or an Article")


def publication_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO string, a date or a datetime as the publication date (None stays None)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or value is None:
        return value
    return parse_publication_date(value)
