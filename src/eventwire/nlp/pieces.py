"""The coded pieces of a very long article merged back into one ``CodedArticle``.

Each piece was coded as an article of its own, so its offsets count from the piece's start,
its sentences and events from 0, and its coreference chains from 0. Merging shifts every
character offset by the piece's start in the whole text, every sentence index by the sentences
of the earlier pieces, token indexes by their tokens, chain numbers past the earlier chains
and event numbers (in the date notes) past the earlier events, so that every offset of the
merged article points at its words in the full text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from eventwire.records import (
    ActorChain,
    Article,
    CodedArticle,
    Diagnostics,
    Event,
    EventDateNote,
    Mention,
    Quote,
    Sentence,
)


@dataclass(frozen=True, slots=True)
class CodedPiece:
    """One piece as coded alone: where it starts in the article and how many tokens it had."""

    start: int
    tokens: int
    coded: CodedArticle


@dataclass(frozen=True, slots=True)
class Shift:
    """What to add to a piece's offsets and numbers to place them in the whole article."""

    chars: int = 0
    sentences: int = 0
    tokens: int = 0
    chains: int = 0
    events: int = 0


def merge_pieces(article: Article, pieces: Sequence[CodedPiece], warning: str) -> CodedArticle:
    """One ``CodedArticle`` of ``article`` from its coded pieces, in text order."""
    shifted = [(piece.coded, shift) for piece, shift in zip(pieces, _shifts(pieces), strict=True)]
    first = pieces[0].coded
    return CodedArticle(
        # The first piece holds the dateline: its metadata (a date found there) stand for all.
        article=dataclasses.replace(first.article, text=article.text, warnings=article.warnings),
        sentences=tuple(_sentence(s, by) for coded, by in shifted for s in coded.sentences),
        mentions=tuple(_mention(m, by) for coded, by in shifted for m in coded.mentions),
        events=tuple(_event(e, by) for coded, by in shifted for e in coded.events),
        quotes=tuple(_quote(q, by) for coded, by in shifted for q in coded.quotes),
        actor_chains=tuple(_chain(c, by) for coded, by in shifted for c in coded.actor_chains),
        places=tuple(_mention(m, by) for coded, by in shifted for m in coded.places),
        extras=_diagnostics(shifted, warning),
    )


def _shifts(pieces: Sequence[CodedPiece]) -> Iterator[Shift]:
    shift = Shift()
    for piece in pieces:
        shift = dataclasses.replace(shift, chars=piece.start)
        yield shift
        coded = piece.coded
        shift = Shift(
            chars=0,
            sentences=shift.sentences + len(coded.sentences),
            tokens=shift.tokens + piece.tokens,
            chains=shift.chains + _chain_count(coded),
            events=shift.events + len(coded.events),
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


def _chain(chain: ActorChain, by: Shift) -> ActorChain:
    mentions = tuple(_mention(m, by) for m in chain.mentions)
    return dataclasses.replace(chain, chain=chain.chain + by.chains, mentions=mentions)


def _diagnostics(shifted: list[tuple[CodedArticle, Shift]], warning: str) -> Diagnostics:
    notes = tuple(
        EventDateNote(note.event + by.events, note.source, note.expression)
        for coded, by in shifted
        for note in coded.extras.event_dates
    )
    places = (p for coded, _ in shifted for p in coded.extras.unresolved_places)
    warnings = (w for coded, _ in shifted for w in coded.extras.warnings)
    return Diagnostics(
        dateline=shifted[0][0].extras.dateline,
        event_dates=notes,
        unresolved_places=tuple(dict.fromkeys(places)),
        warnings=tuple(dict.fromkeys((warning, *warnings))),
    )
