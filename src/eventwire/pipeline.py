"""``Pipeline``: articles in, coded articles out, one stage after another.

    >>> from eventwire import Pipeline, Article
    >>> coded = list(Pipeline.from_config().run([Article(text="Protesters marched in Minsk.")]))

Each article fails alone: an error in one is recorded on its ``CodedArticle`` and the
batch goes on. Output order is input order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language

from eventwire.config import Settings
from eventwire.errors import ArticleInputError
from eventwire.knowledge import Knowledge
from eventwire.nlp.model import load_model
from eventwire.nlp.parsed import ParsedArticle, PiecedArticle, parse_articles
from eventwire.nlp.pieces import CodedPieces
from eventwire.records import Article, ArticleError, CodedArticle, RejectedInput
from eventwire.registry import Stage, StageSpec
from eventwire.runner import StageRunner, failed

log = logging.getLogger(__name__)


class Pipeline:
    """A spaCy model plus the ordered, contract-checked stages named in ``Settings.stages``."""

    def __init__(self, settings: Settings, nlp: Language, runner: StageRunner) -> None:
        self.settings = settings
        self.nlp = nlp
        self.runner = runner

    @property
    def stages(self) -> tuple[Stage, ...]:
        return self.runner.stages

    @classmethod
    def from_config(
        cls,
        settings: Settings | str | Path | None = None,
        extra_stages: Mapping[str, StageSpec] | None = None,
        knowledge: Knowledge | None = None,
        **overrides: Any,
    ) -> Pipeline:
        """Build from a ``Settings``, a TOML path or the defaults, plus overrides.

        The stage list is checked before the model loads, so a wrong order or an unknown
        option fails fast with a ``ConfigError``; ``knowledge`` replaces the packaged tables.
        """
        if not isinstance(settings, Settings):
            settings = Settings.load(settings, **overrides)
        elif overrides:
            settings = settings.replace(**overrides)
        runner = StageRunner.from_settings(settings, knowledge, extra_stages)
        return cls(settings, load_model(settings.model), runner)

    def run(self, articles: Iterable[Article | RejectedInput], workers: int = 1) -> Iterator[CodedArticle]:
        """Code every article, yielding one ``CodedArticle`` per input, in input order.

        ``workers`` > 1 codes in that many processes, each building its own pipeline from
        ``self.settings`` (see ``eventwire.scale.workers``); the order is the same.
        """
        if workers > 1:
            from eventwire.scale.workers import run_in_workers  # noqa: PLC0415 - only a pool needs it

            yield from run_in_workers(self.settings, articles, workers, type(self).from_config)
            return
        for coded in self.run_streamed(articles):
            yield coded if isinstance(coded, CodedArticle) else coded.merged()

    def run_streamed(
        self, articles: Iterable[Article | RejectedInput]
    ) -> Iterator[CodedArticle | CodedPieces]:
        """``run`` in one process, but a very long article comes as ``CodedPieces``, coded as a
        writer iterates it, so that memory holds one piece's records, not the whole article's
        (``extract`` and ``ingest`` write it so). The order is the input order."""
        items = iter(articles)
        while batch := list(islice(items, self.settings.batch_size)):
            yield from self._run_batch(batch)

    def code_text(self, text: str, **metadata: Any) -> CodedArticle:
        """Code one text; metadata are ``Article`` fields (id, title, date, publisher, url)."""
        return next(self.run([Article(text=text, **metadata)]))

    def _run_batch(self, batch: list[Article | RejectedInput]) -> Iterator[CodedArticle | CodedPieces]:
        results: dict[int, CodedArticle | CodedPieces] = {}
        parseable: list[tuple[int, Article]] = []
        for position, item in enumerate(batch):
            rejected = _reject(item)
            if rejected is not None:
                results[position] = rejected
            else:
                assert isinstance(item, Article)
                parseable.append((position, item))
        for (position, article), parsed in zip(
            parseable, self._parse([a for _, a in parseable]), strict=True
        ):
            if isinstance(parsed, Exception):
                results[position] = failed(article, parsed)
            elif isinstance(parsed, PiecedArticle):
                results[position] = self.runner.code_pieces(parsed)
            else:
                results[position] = self.runner.code(parsed)
        for position in range(len(batch)):
            yield results[position]

    def _parse(self, articles: list[Article]) -> Iterator[ParsedArticle | PiecedArticle | Exception]:
        try:
            yield from list(parse_articles(self.nlp, articles, self.settings.batch_size))
        except Exception:
            log.warning("batch parse failed; parsing %d articles one by one", len(articles))
            for article in articles:
                try:
                    yield next(parse_articles(self.nlp, [article]))
                except Exception as exc:
                    yield exc


def _reject(item: Article | RejectedInput) -> CodedArticle | None:
    if isinstance(item, RejectedInput):
        return CodedArticle(article=item.article or Article(text="", id=item.id), error=item.error)
    if not item.text.strip():
        error = ArticleInputError("article text is empty")
        return CodedArticle(article=item, error=ArticleError(type(error).__name__, str(error)))
    return None
