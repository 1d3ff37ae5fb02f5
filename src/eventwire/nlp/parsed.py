"""``ParsedArticle``: an article with its spaCy parse and what the stages found so far.

A very long article is not parsed here: ``parse_articles`` hands it on as a ``PiecedArticle``
whose pieces the runner parses and codes one at a time (see ``nlp/chunks.py``).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.nlp.chunks import CHUNK_CHARS, chunk_bounds
from eventwire.records import (
    ActorChain,
    Article,
    CodedArticle,
    Dateline,
    Diagnostics,
    Event,
    Mention,
    Quote,
    Sentence,
)


@dataclass(frozen=True)
class ParsedArticle:
    """The working state of one article between stages; it never leaves the pipeline.

    Each field is one artifact of the stage contracts (``registry.ARTIFACTS``): ``dateline``
    comes from the metadata stage, ``mentions``, ``actor_chains`` and ``places`` from the
    actor stage, and so on. ``diagnostics`` collects JSON-safe notes for users.
    """

    article: Article
    doc: Doc
    sentences: tuple[Sentence, ...]
    dateline: Dateline | None = None
    mentions: tuple[Mention, ...] = ()
    actor_chains: tuple[ActorChain, ...] = ()
    places: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    def with_(self, **changes: Any) -> ParsedArticle:
        """A copy with some results replaced (stages never mutate their input)."""
        return dataclasses.replace(self, **changes)

    def sentence_index(self, token: Token) -> int:
        """Index of the sentence that holds ``token``."""
        return max(bisect.bisect_right(self._sentence_starts, token.idx) - 1, 0)

    def mentions_in(self, token_start: int, token_end: int) -> list[Mention]:
        """Mentions that lie inside the token range [token_start, token_end), in text order."""
        ordered, starts = self._mentions_by_start
        first = bisect.bisect_left(starts, token_start)
        last = bisect.bisect_left(starts, token_end)
        return [m for m in ordered[first:last] if m.token_end <= token_end]

    def mentions_starting_in(self, token_start: int, token_end: int) -> list[Mention]:
        """Mentions whose first token is in [token_start, token_end), in the order of ``mentions``."""
        ordered, starts = self._mentions_by_start
        found = ordered[bisect.bisect_left(starts, token_start) : bisect.bisect_left(starts, token_end)]
        rank = self._mention_rank
        return sorted(found, key=lambda m: rank[id(m)])

    def mention_at(self, token_i: int) -> Mention | None:
        """The innermost mention that covers token ``token_i``."""
        return self._innermost_mention.get(token_i)

    # The indexes below are built once per ParsedArticle: ``with_`` makes a new object, so a
    # stage that replaces the mentions never sees a stale index. Stages call these per token.
    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _mentions_by_start(self) -> tuple[list[Mention], list[int]]:
        ordered = sorted(self.mentions, key=lambda m: (m.token_start, m.token_end))
        return ordered, [m.token_start for m in ordered]

    @cached_property
    def _mention_rank(self) -> dict[int, int]:
        return {id(m): i for i, m in enumerate(self.mentions)}

    @cached_property
    def _innermost_mention(self) -> dict[int, Mention]:
        innermost: dict[int, Mention] = {}
        # Widest first, so a narrower mention over the same token overwrites it; among mentions of
        # equal width the earliest listed is written last, so it wins (as a linear scan would pick it).
        ranked = sorted(enumerate(self.mentions), key=lambda p: (p[1].token_start - p[1].token_end, -p[0]))
        for _, mention in ranked:
            for token_i in range(mention.token_start, mention.token_end):
                innermost[token_i] = mention
        return innermost

    def to_coded(self) -> CodedArticle:
        return CodedArticle(
            article=self.article,
            sentences=self.sentences,
            mentions=self.mentions,
            events=self.events,
            quotes=self.quotes,
            actor_chains=self.actor_chains,
            places=self.places,
            extras=self.diagnostics,
        )


def sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    """The doc's sentences as records, with character offsets into the article text."""
    return tuple(
        Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text) for i, s in enumerate(doc.sents)
    )


@dataclass(frozen=True)
class PiecedArticle:
    """An article too long to parse at once, with the (start, end) of its pieces in its text."""

    article: Article
    bounds: tuple[tuple[int, int], ...]
    nlp: Language

    def parse(self, piece: Article) -> ParsedArticle:
        """Parse one piece (an article whose text is one of the pieces) on its own."""
        doc = self.nlp(piece.text)
        return ParsedArticle(article=piece, doc=doc, sentences=sentences_of(doc))

    @property
    def warning(self) -> str:
        longest = max(end - start for start, end in self.bounds)
        return (
            f"article of {len(self.article.text):,} characters coded in {len(self.bounds)} pieces "
            f"of at most {longest:,} characters"
        )


def parse_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32, max_chars: int = CHUNK_CHARS
) -> Iterator[ParsedArticle | PiecedArticle]:
    """Parse articles with ``nlp.pipe`` in batches, in input order; very long ones are left in pieces."""
    waiting: list[Article] = []
    for article in articles:
        if len(article.text) > max_chars:
            yield from _pipe(nlp, waiting, batch_size)
            waiting = []
            yield PiecedArticle(article, tuple(chunk_bounds(article.text, max_chars)), nlp)
            continue
        waiting.append(article)
        if len(waiting) >= batch_size:
            yield from _pipe(nlp, waiting, batch_size)
            waiting = []
    yield from _pipe(nlp, waiting, batch_size)


def _pipe(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[ParsedArticle]:
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield ParsedArticle(article=article, doc=doc, sentences=sentences_of(doc))
