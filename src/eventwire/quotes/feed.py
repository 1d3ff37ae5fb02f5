"""Quotes feed events: what a speaker says is coded as the speaker's, with its reporting chain.

The event coder sets sources from the parse; inside a quotation that parse sees "we" or
nothing at all, so those (and only those) sources become the speaker. Every event in
quoted or reported words gets ``reported_by``: the quote's outlets, outermost first, then
the speaker, unless the speaker already is the event's source.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from eventwire.quotes.lexicon import QuoteLexicon
from eventwire.records import Actor, Event, Quote


def same_actor(a: Actor, b: Actor) -> bool:
    """Two mentions of one actor: same canonical identity, or same words when neither is known."""
    if a.name or a.country or b.name or b.country:
        return a.identity == b.identity
    return a.text.lower() == b.text.lower()


def innermost_quote(event: Event, quotes: Iterable[Quote]) -> Quote | None:
    """The shortest quotation that holds the event's trigger."""
    holding = [q for q in quotes if q.start <= event.trigger.start < q.end]
    return min(holding, key=lambda q: q.end - q.start, default=None)


def _speaker_sources(event: Event, quote: Quote, speaker: Actor, lex: QuoteLexicon) -> tuple[Actor, ...]:
    """The event's sources with "we", a missing source or a mere reporter read as the speaker.

    A reporter as source is the parse crediting the outlet with what it relayed.
    """
    if not event.source:
        return (speaker,)
    sources: list[Actor] = []
    for actor in event.source:
        relayed = any(same_actor(actor, r) for r in quote.reported_by)
        replacement = speaker if actor.text.lower() in lex.first_person or relayed else actor
        if not any(same_actor(replacement, s) for s in sources):
            sources.append(replacement)
    return tuple(sources)


def from_quote(event: Event, quote: Quote, lex: QuoteLexicon) -> Event:
    """An event inside a quotation, credited to its speaker and the chain that relayed it."""
    speaker = quote.speaker
    if speaker is None:
        chain = quote.reported_by
        return dataclasses.replace(event, reported_by=chain) if chain else event
    sources = _speaker_sources(event, quote, speaker, lex)
    said_by_source = any(same_actor(speaker, s) for s in sources)
    chain = quote.reported_by + (() if said_by_source else (speaker,))
    return dataclasses.replace(event, source=sources, reported_by=chain or event.reported_by)


def feed_events(
    events: Iterable[Event],
    quotes: Iterable[Quote],
    sentence_reporters: Mapping[int, tuple[Actor, ...]],
    lex: QuoteLexicon,
) -> tuple[Event, ...]:
    """Every event, updated when it lies in a quotation or in a sentence somebody reported."""
    quotes = tuple(quotes)
    updated = []
    for event in events:
        quote = innermost_quote(event, quotes)
        if quote is not None:
            updated.append(from_quote(event, quote, lex))
        elif sentence_reporters.get(event.sentence):
            updated.append(dataclasses.replace(event, reported_by=sentence_reporters[event.sentence]))
        else:
            updated.append(event)
    return tuple(updated)
