"""``StageRunner``: the one place where configured stages run over a parsed article.

    >>> runner = StageRunner.from_settings(Settings.load())
    >>> coded = runner.code(parsed)          # a CodedArticle, never an exception

The ``Pipeline``, the spaCy component, the REST API and the Dask runner all code through
this class, so they agree on stage order, per-article error capture and ``min_confidence``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace

from spacy.language import Language

from eventwire.config import Settings
from eventwire.errors import EventwireError
from eventwire.knowledge import Knowledge
from eventwire.nlp.parsed import ParsedArticle, PiecedArticle
from eventwire.nlp.pieces import CodedPieces, Shift, shift_piece
from eventwire.records import Article, ArticleError, CodedArticle
from eventwire.registry import Stage, StageSpec, check_option_tables, check_order, load_stage_spec

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StageRunner:
    """Configured stages, checked for order, plus the run-wide output filter."""

    stages: tuple[Stage, ...]
    specs: tuple[StageSpec, ...]
    min_confidence: float = 0.0

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        knowledge: Knowledge | None = None,
        extra_stages: Mapping[str, StageSpec] | None = None,
    ) -> StageRunner:
        """Load, check and build the stages of ``settings.stages`` with one knowledge bundle."""
        specs = [load_stage_spec(name, extra_stages) for name in settings.stages]
        check_order(specs)
        check_option_tables(settings.options, extra_stages or ())
        knowledge = knowledge or Knowledge.from_settings(settings)
        stages = tuple(spec.build(settings, knowledge) for spec in specs)
        return cls(stages, tuple(specs), settings.min_confidence)

    def code(self, parsed: ParsedArticle | PiecedArticle) -> CodedArticle:
        """Run every stage; an exception fails this article alone, with the stage named."""
        if isinstance(parsed, PiecedArticle):
            return self.code_pieces(parsed).merged()
        done = self._run_stages(parsed)
        return done if isinstance(done, CodedArticle) else self._filtered(done.to_coded())

    def code_pieces(self, long: PiecedArticle) -> CodedPieces:
        """A very long article coded lazily, piece by piece, for writers that write as they go."""
        return CodedPieces(long.article, long.warning, self._pieces(long))

    def _run_stages(self, parsed: ParsedArticle) -> ParsedArticle | CodedArticle:
        """The state after the last stage, or the failed article when a stage raised."""
        stage_name = "?"
        try:
            for stage in self.stages:
                stage_name = stage.name
                parsed = stage(parsed)
        except Exception as exc:  # one article fails alone, the batch goes on
            log.warning("article %s failed in stage %s: %s", parsed.article.id, stage_name, exc)
            log.debug("traceback of article %s", parsed.article.id, exc_info=True)
            return failed(parsed.article, exc, stage_name)
        return parsed

    def _pieces(self, long: PiecedArticle) -> Iterator[CodedArticle]:
        """Parse and code a very long article one piece at a time, each shifted into the whole
        text; memory holds one piece's parse and records, never the whole text's."""
        shift = Shift()
        base = replace(long.article, warnings=())
        for number, (start, end) in enumerate(long.bounds, 1):
            where = f"piece {number} of {len(long.bounds)} (characters {start:,}-{end:,}): "
            with _memory_zone(long.nlp):
                piece = self._code_piece(long, replace(base, text=long.article.text[start:end]), where)
            if isinstance(piece, CodedArticle):
                yield piece
                return
            coded, shift = shift_piece(piece[0], replace(shift, chars=start), piece[1])
            yield self._filtered(coded)
            if number == 1:  # the first piece holds the dateline: its date and publisher hold for all
                base = replace(coded.article, warnings=())

    def _code_piece(
        self, long: PiecedArticle, piece: Article, where: str
    ) -> tuple[CodedArticle, int] | CodedArticle:
        """One coded piece (offsets in the piece) and its token count, or the whole article failed there."""
        try:
            parsed = long.parse(piece)
        except Exception as exc:
            return failed(long.article, exc, where=where)
        done = self._run_stages(parsed)
        if isinstance(done, CodedArticle):
            assert done.error is not None
            return replace(
                done, article=long.article, error=replace(done.error, message=where + done.error.message)
            )
        return done.to_coded(), len(parsed.doc)  # the parse is dropped here, inside the memory zone

    def _filtered(self, coded: CodedArticle) -> CodedArticle:
        if self.min_confidence <= 0:
            return coded
        kept = tuple(e for e in coded.events if e.confidence >= self.min_confidence)
        return replace(coded, events=kept)

    @property
    def names(self) -> Sequence[str]:
        return [spec.name for spec in self.specs]


def _memory_zone(nlp: Language) -> AbstractContextManager[object]:
    """Strings and lexemes spaCy adds for one piece, freed with its parse: the records keep
    Python strings only, and numbered or rare words would otherwise pile up over a long text.
    Zones do not nest: inside a caller's zone, that zone frees them."""
    inside = getattr(nlp.vocab, "in_memory_zone", False)  # a property spaCy's type stubs omit
    return nullcontext() if inside else nlp.memory_zone()


def failed(article: Article, exc: Exception, stage: str | None = None, where: str = "") -> CodedArticle:
    """The output of an article that could not be coded: its error, nothing else."""
    kind = type(exc).__name__ if isinstance(exc, EventwireError) else f"InternalError.{type(exc).__name__}"
    where += f"in stage {stage}: " if stage else ""
    return CodedArticle(article=article, error=ArticleError(kind, where + (str(exc) or kind)))
