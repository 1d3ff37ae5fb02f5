"""Coding from Python: ``code``, ``code_many`` and ``coder``, over a small pipeline cache.

    >>> import eventwire
    >>> coded = eventwire.code("Russia recalled its ambassador from Washington.", date="2021-03-18")
    >>> [(e.plover, e.mode) for e in coded.events]
    [('SANCTION', 'withdraw')]

and, for a program that keeps its coder (two processes here, one model each)::

    with eventwire.coder("settings.toml", workers=2) as wire:
        for coded in wire.code_many(read_my_articles()):
            ...

Building a pipeline loads the spaCy model and the knowledge tables (a second or more), so a
notebook that calls ``code`` in a loop must not rebuild it each time. ``code`` and
``code_many`` take their pipelines from a ``PipelineCache``: an explicit object
(``eventwire.api.PIPELINES``) with a fixed number of slots, keyed by the settings. It is
bounded because each pipeline holds a model and the actor knowledge base (hundreds of MB): a
loop over many settings evicts the least recently used one instead of growing without end.
``PIPELINES.clear()`` frees them. ``coder(...)`` shares nothing with the cache: it returns a
``Coder`` that its holder owns (a server, a command, a Dask worker's task), the one
interface the CLI, the REST API and the Dask runner code through.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import ArticleInputError
from eventwire.ingest.jsonl import article_from_record, parse_publication_date
from eventwire.nlp import chunks
from eventwire.nlp.pieces import CodedPieces
from eventwire.pipeline import Pipeline
from eventwire.records import Article, ArticleError, CodedArticle, RejectedInput
from eventwire.scale.workers import WorkerPool

ArticleLike = str | Mapping[str, Any] | Article | RejectedInput
# What names the settings: a ``Settings``, the path of a TOML settings file, or None (defaults).
Config = Settings | str | Path | None
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

    def get(self, config: Config = None, **settings: Any) -> Pipeline:
        """The pipeline for ``config`` (a ``Settings`` or a TOML path) with these ``Settings``
        fields over it, built on first request."""
        resolved = resolve_settings(config, settings)
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


def code(
    text: str, date: str | dt.date | None = None, *, config: Config = None, **settings: Any
) -> CodedArticle:
    """Code one text: events, actors, quotes, dates and places of ``text``.

    ``date`` is the publication date (ISO string or ``datetime.date``) that relative dates
    ("on Wednesday") and office holders resolve against; ``config`` is a ``Settings`` or the
    path of a TOML settings file, and ``settings`` are ``Settings`` fields over it, such as
    ``min_confidence=0.5`` or ``actor_files=("mine.yaml",)``.

    >>> coded = code("Iran summoned the British ambassador.", date="2022-11-08")
    >>> coded.events[0].plover, [a.country for a in coded.events[0].target]
    ('ACCUSE', ['GBR'])

    An article that cannot be coded (an empty text) comes back with ``error`` set; a date that
    is not ISO raises ``ArticleInputError``.
    """
    return Coder(PIPELINES.get(config, **settings)).code(text, date)


def code_many(
    items: Iterable[ArticleLike], workers: int = 1, *, config: Config = None, **settings: Any
) -> Iterator[CodedArticle]:
    """Code many articles lazily, one ``CodedArticle`` per item, in input order.

    An item is a text, a dict in the contract's input shape (``{"id", "text", "title", "date",
    "publisher", "url"}``, only ``text`` required) or an ``Article``. A dict that is not a valid
    record gets an ``error`` in its output and the others go on. ``config`` and ``settings``
    are as for ``code``.

    >>> texts = ["Protesters marched in Minsk on Sunday.", {"id": "b", "text": "Japan sent aid to Turkey."}]
    >>> [c.article.id for c in code_many(texts)][1]
    'b'

    ``workers`` > 1 codes in that many processes, each loading the model once, in input order;
    the processes stop when the iterator is exhausted or closed. To keep them (or one loaded
    model) between calls, hold a ``coder(...)``; for a corpus on a cluster use
    ``eventwire batch`` or ``eventwire.scale.code_corpus``.
    """
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, got {workers}")
    if workers == 1:
        return Coder(PIPELINES.get(config, **settings)).code_many(items)
    return _code_in_pool(items, coder(config, workers=workers, **settings))


def code_streamed(
    items: Iterable[ArticleLike], *, config: Config = None, **settings: Any
) -> Iterator[CodedArticle | CodedPieces]:
    """``code_many`` for writers, in this process: a very long article comes as ``CodedPieces``,
    coded as the caller iterates it, so memory holds one piece's records, not the article's.

    >>> [type(c).__name__ for c in code_streamed(["Japan sent aid to Turkey."])]
    ['CodedArticle']
    """
    return Coder(PIPELINES.get(config, **settings)).code_streamed(items)


def _code_in_pool(items: Iterable[ArticleLike], pool: Coder) -> Iterator[CodedArticle]:
    with pool:
        yield from pool.code_many(items)


def coder(config: Config = None, /, *, workers: int = 1, **settings: Any) -> Coder:
    """A loaded coder to keep: the model and knowledge built once, then any number of calls.

    What a server, a notebook loop or a command holds instead of calling ``code`` with the
    same settings again and again. ``config`` is a ``Settings`` or the path of a TOML settings
    file, ``settings`` are ``Settings`` fields over it; ``workers`` > 1 starts that many
    processes, each with its own model, until ``close()`` (or the end of a ``with`` block).

    >>> with coder(min_confidence=0.3) as wire:
    ...     coded = wire.code("Chile recalled its ambassador from Caracas.", date="2024-07-30")
    ...     [(e.plover, e.mode) for e in coded.events]
    [('SANCTION', 'withdraw')]

    Each call builds a new coder (nothing is shared with ``code``/``code_many``'s cache). A
    settings file that names an unknown stage or option fails here, before any article.
    """
    resolved = resolve_settings(config, settings)
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, got {workers}")
    if workers == 1:
        return Coder(Pipeline.from_config(resolved))
    return Coder(WorkerPool(resolved, workers, Pipeline.from_config))


class Coder:
    """Codes texts, dicts or ``Article`` records with one loaded pipeline (or pool of them).

    Made by ``eventwire.coder(...)``; ``Coder(pipeline)`` wraps a ``Pipeline`` you built
    yourself (your own stages or knowledge). It is also a context manager that closes its
    worker processes, if it has any.

    >>> wire = coder()
    >>> [c.article.id for c in wire.code_many([{"id": "a1", "text": "Japan sent aid to Turkey."}])]
    ['a1']
    >>> wire.code("Kenya expelled a Somali diplomat.", date="2023-02-01", id="k1").article.id
    'k1'
    >>> wire.stages[:2], wire.workers
    (('metadata.dateline', 'actors.kb'), 1)
    """

    def __init__(self, engine: Pipeline | WorkerPool) -> None:
        self._engine = engine
        self._here: Pipeline | None = None  # codes very long articles beside a pool, built on need

    @property
    def settings(self) -> Settings:
        """The settings it codes with (model, stages, actor files, ``min_confidence``…)."""
        return self._engine.settings

    @property
    def stages(self) -> tuple[str, ...]:
        """The names of the stages run after spaCy's parse, in order."""
        return self._engine.settings.stages

    @property
    def workers(self) -> int:
        """Processes coding: 1 for a pipeline in this process."""
        return self._engine.workers if isinstance(self._engine, WorkerPool) else 1

    def code(self, text: str, date: str | dt.date | None = None, **metadata: Any) -> CodedArticle:
        """Code one text; ``date`` as for ``eventwire.code``, ``metadata`` are ``Article`` fields
        (id, title, publisher, url)."""
        return next(self._engine.run([Article(text=text, date=publication_date(date), **metadata)]))

    def code_many(self, items: Iterable[ArticleLike]) -> Iterator[CodedArticle]:
        """Code lazily, one ``CodedArticle`` per item, in input order (items as ``code_many``)."""
        return self._engine.run(as_article(item) for item in items)

    def code_streamed(self, items: Iterable[ArticleLike]) -> Iterator[CodedArticle | CodedPieces]:
        """``code_many`` for writers: a very long article comes as ``CodedPieces``, coded while
        the caller iterates it, so memory holds one piece's records (``extract`` and ``ingest``
        write so). With worker processes too: a very long article is coded in this process."""
        articles = (as_article(item) for item in items)
        if isinstance(self._engine, WorkerPool):
            return self._long_ones_here(self._engine, articles)
        return self._engine.run_streamed(articles)

    def _long_ones_here(
        self, pool: WorkerPool, articles: Iterator[Article | RejectedInput]
    ) -> Iterator[CodedArticle | CodedPieces]:
        """The pool codes articles up to a piece long; a longer one is coded here, streamed, once
        the pool has given back every article before it (the order holds): a worker would build
        all its records and send them back at once. The model loads here only when one comes."""
        held: list[Article] = []

        def until_long() -> Iterator[Article | RejectedInput]:
            for item in articles:
                if isinstance(item, Article) and len(item.text) > chunks.CHUNK_CHARS:
                    held.append(item)
                    return
                yield item

        while True:
            yield from pool.run(until_long())
            if not held:
                return
            if self._here is None:
                self._here = Pipeline.from_config(pool.settings)
            yield from self._here.run_streamed([held.pop()])

    def close(self) -> None:
        """Stop the worker processes, if any (a coder in this process has nothing to stop)."""
        if isinstance(self._engine, WorkerPool):
            self._engine.close()

    def __enter__(self) -> Coder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        model, stages = self.settings.model, len(self.stages)
        return f"<eventwire.Coder model={model!r} stages={stages} workers={self.workers}>"


def resolve_settings(config: Config, overrides: Mapping[str, Any]) -> Settings:
    """``config`` (a ``Settings``, a TOML path or None for the defaults) with ``overrides``; an
    override of None keeps the value it would replace, as with ``Settings.load``."""
    given = {name: value for name, value in overrides.items() if value is not None}
    if isinstance(config, Settings):
        return config.replace(**given) if given else config
    return Settings.load(config, **given)


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
