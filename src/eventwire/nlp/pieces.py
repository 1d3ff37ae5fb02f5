"""The coded pieces of a very long article: shifted into the whole text, streamed, or merged.

Each piece was coded as an article of its own, so its offsets count from the piece's start,
its sentences and events from 0, and its coreference chains from 0. Merging shifts every
character offset by the piece's start in the whole text, every sentence index by the sentences
of the earlier pieces, token indexes by their tokens, chain numbers past the earlier chains
and event numbers (in the date notes) past the earlier events, so that every offset of the
merged article points at its words in the full text.

``CodedPieces`` hands the shifted pieces out one at a time, as they are coded, so that a
writer (the JSONL line of ``extract``, the store transaction of ``ingest``) can write each
piece and drop it: memory then holds one piece's records, whatever the article's length.
``merge_pieces`` builds the one ``CodedArticle`` of the library API by holding them all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from eventwire.records import (
    ActorChain,
    Article,
    ArticleError,
    CodedArticle,
    Diagnostics,
    Event,
    EventDateNote,
    Mention,
    Quote,
    Sentence,
)


@dataclass(frozen=True, slots=True)
class Shift:
    """What to add to a piece's offsets and numbers to place them in the whole article."""

    chars: int = 0
    sentences: int = 0
    tokens: int = 0
    chains: int = 0
    events: int = 0


@dataclass
class CodedPieces:
    """A very long article whose pieces are coded only as they are iterated (once).

    Each piece is a ``CodedArticle`` with every offset and number already in the whole
    article (``shift_piece``) and the metadata of the first piece (where a dateline is); its
    ``article.text`` is the piece's text. A piece with an ``error`` is the last one: the whole
    article fails, and that piece carries the whole article and the error naming the piece.
    """

    article: Article
    warning: str  # "article of N characters coded in K pieces of at most M characters"
    pieces: Iterator[CodedArticle]
    error: ArticleError | None = field(default=None, init=False)  # known once iterated

    def __iter__(self) -> Iterator[CodedArticle]:
        for piece in self.pieces:
            self.error = piece.error
            yield piece

    def merged(self) -> CodedArticle:
        """The one ``CodedArticle`` of the whole article (every piece held in memory)."""
        pieces: list[CodedArticle] = []
        for piece in self:
            if piece.error is not None:
                return piece
            pieces.append(piece)
        return merge_pieces(self.article, pieces, self.warning)


def whole_article(article: Article, first: CodedArticle) -> Article:
    """The article as coded: the first piece's metadata (a date its dateline gave) stand for
    all, with the whole text and the warnings of the article as read."""
    return dataclasses.replace(first.article, text=article.text, warnings=article.warnings)


def shift_piece(coded: CodedArticle, by: Shift, tokens: int) -> tuple[CodedArticle, Shift]:
    """The coded piece moved into the whole article by ``by``, and the shift of the next piece
    (whose ``chars``, its start, the caller sets). ``tokens``: the tokens of the piece's parse.

    Each piece is shifted as soon as it is coded, so its unshifted records are freed at once.
    """
    # A chain lists the mentions of the piece's list: shifted once, they stay shared objects.
    moved = {id(m): _mention(m, by) for m in (*coded.mentions, *coded.places)}
    shifted = dataclasses.replace(
        coded,
        sentences=tuple(_sentence(s, by) for s in coded.sentences),
        mentions=tuple(moved[id(m)] for m in coded.mentions),
        events=tuple(_event(e, by) for e in coded.events),
        quotes=tuple(_quote(q, by) for q in coded.quotes),
        actor_chains=tuple(_chain(c, by, moved) for c in coded.actor_chains),
        places=tuple(moved[id(m)] for m in coded.places),
        extras=dataclasses.replace(
            coded.extras,
            event_dates=tuple(
                EventDateNote(n.event + by.events, n.source, n.expression) for n in coded.extras.event_dates
            ),
        ),
    )
    following = Shift(
        sentences=by.sentences + len(coded.sentences),
        tokens=by.tokens + tokens,
        chains=by.chains + _chain_count(coded),
        events=by.events + len(coded.events),
    )
    return shifted, following


def merge_pieces(article: Article, pieces: Sequence[CodedArticle], warning: str) -> CodedArticle:
    """One ``CodedArticle`` of ``article`` from its shifted coded pieces, in text order."""
    first = pieces[0]
    places = (p for piece in pieces for p in piece.extras.unresolved_places)
    warnings = (w for piece in pieces for w in piece.extras.warnings)
    diagnostics = Diagnostics(
        dateline=first.extras.dateline,
        event_dates=tuple(note for piece in pieces for note in piece.extras.event_dates),
        unresolved_places=tuple(dict.fromkeys(places)),
        warnings=tuple(dict.fromkeys((warning, *warnings))),
    )
    return CodedArticle(
        article=whole_article(article, first),
        sentences=tuple(s for piece in pieces for s in piece.sentences),
        mentions=tuple(m for piece in pieces for m in piece.mentions),
        events=tuple(e for piece in pieces for e in piece.events),
        quotes=tuple(q for piece in pieces for q in piece.quotes),
        actor_chains=tuple(c for piece in pieces for c in piece.actor_chains),
        places=tuple(m for piece in pieces for m in piece.places),
        extras=diagnostics,
    )


def _chain_count(coded: CodedArticle) -> int:
    """One more than the highest chain number the piece used (chains count from 0)."""
    numbers = [m.chain for m in (*coded.mentions, *coded.places) if m.chain is not None]
    numbers.extend(c.chain for c in coded.actor_chains)
    return max(numbers, default=-1) + 1


def _sentence(sentence: Sentence, by: Shift) -> Sentence:
    return dataclasses.replace(
        sentence,
        index=sentence.index + by.sentences,
        start=sentence.start + by.chars,
        end=sentence.end + by.chars,
    )


def _mention(mention: Mention, by: Shift) -> Mention:
    return dataclasses.replace(
        mention,
        start=mention.start + by.chars,
        end=mention.end + by.chars,
        sentence=mention.sentence + by.sentences,
        token_start=mention.token_start + by.tokens,
        token_end=mention.token_end + by.tokens,
        chain=None if mention.chain is None else mention.chain + by.chains,
        head=None if mention.head is None else mention.head + by.tokens,
    )


def _event(event: Event, by: Shift) -> Event:
    trigger = dataclasses.replace(
        event.trigger, start=event.trigger.start + by.chars, end=event.trigger.end + by.chars
    )
    return dataclasses.replace(event, sentence=event.sentence + by.sentences, trigger=trigger)


def _quote(quote: Quote, by: Shift) -> Quote:
    return dataclasses.replace(
        quote,
        start=quote.start + by.chars,
        end=quote.end + by.chars,
        sentence=None if quote.sentence is None else quote.sentence + by.sentences,
    )


def _chain(chain: ActorChain, by: Shift, moved: dict[int, Mention]) -> ActorChain:
    mentions = tuple(moved.get(id(m)) or _mention(m, by) for m in chain.mentions)
    return dataclasses.replace(chain, chain=chain.chain + by.chains, mentions=mentions)
