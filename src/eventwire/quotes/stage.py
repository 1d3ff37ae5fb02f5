"""The ``quotes.rules`` stage: direct and indirect quotations, speakers, reporting chains.

It runs after the event coder so that it can credit events inside quotations to their
speakers and fill every event's ``reported_by`` (see ``feed.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Span, Token

from eventwire.nlp.parsed import ParsedArticle
from eventwire.quotes.attribution import Attributor, Draft
from eventwire.quotes.feed import feed_events, same_actor
from eventwire.quotes.lexicon import QuoteLexicon
from eventwire.quotes.marks import QuotedRegions, find_quote_spans
from eventwire.quotes.resolve import SpeakerResolver
from eventwire.quotes.rules import is_according, sentence_reporters
from eventwire.records import Actor, Quote, Sentence
from eventwire.registry import StageContext, stage_factory

# A floating quote borrows the speaker of a quotation at most this many sentences back.
FLOATING_REACH = 3


class QuoteStage:
    """Finds who said what in an article, and through whom it reached the article."""

    name = "quotes.rules"

    def __init__(self, lex: QuoteLexicon) -> None:
        self.lex = lex

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        spans = find_quote_spans(parsed.article.text)
        regions = QuotedRegions.of(spans)
        resolver = SpeakerResolver(parsed, self.lex, regions)
        attributor = Attributor(parsed.doc, self.lex, resolver.is_media, regions)
        drafts = attributor.direct_drafts(spans) + attributor.indirect_drafts(spans)
        ordered = sorted(drafts, key=lambda d: (d.start, -d.end))
        quotes = share_chains(self._resolve(ordered, parsed, resolver), parsed.sentences)
        reporters = self._sentence_reporters(parsed, resolver)
        events = feed_events(parsed.events, quotes, reporters, self.lex)
        return parsed.with_(quotes=quotes, events=events)

    def _resolve(
        self, drafts: Sequence[Draft], parsed: ParsedArticle, resolver: SpeakerResolver
    ) -> tuple[Quote, ...]:
        """Drafts to quotes in text order, so pronouns and floating quotes can look back."""
        quotes: list[Quote] = []
        for draft in drafts:
            quote = self._quote(draft, parsed, resolver)
            if draft.floating and _stands_alone(draft, parsed):
                quote = _borrow_speaker(quote, quotes) or self._introduced(quote, parsed, resolver)
            resolver.remember(draft.start, quote.speaker)
            quotes.append(quote)
        return tuple(quotes)

    def _quote(self, draft: Draft, parsed: ParsedArticle, resolver: SpeakerResolver) -> Quote:
        speaker = resolver.actor_for(draft.speaker) if draft.speaker is not None else None
        reporters = tuple(a for t in draft.reporters if (a := resolver.actor_for(t)) is not None)
        cue = None
        if draft.cue is not None:
            cue = "according to" if is_according(draft.cue) else draft.cue.text
        token = parsed.doc.char_span(draft.start, draft.end, alignment_mode="expand")
        sentence = parsed.sentence_index(token[0]) if token is not None and len(token) else None
        text = parsed.article.text[draft.start : draft.end]
        return Quote(text, draft.start, draft.end, speaker, cue, draft.direct, reporters, sentence)

    def _introduced(self, quote: Quote, parsed: ParsedArticle, resolver: SpeakerResolver) -> Quote:
        """A floating quote after a sentence about someone ("The ambassador read a statement.")."""
        subject = _previous_subject(parsed, quote.start)
        speaker = resolver.actor_for(subject) if subject is not None else None
        return dataclasses.replace(quote, speaker=speaker) if speaker is not None else quote

    def _sentence_reporters(
        self, parsed: ParsedArticle, resolver: SpeakerResolver
    ) -> dict[int, tuple[Actor, ...]]:
        """Outlets and documents each sentence with an event cites, for events outside quotations."""
        wanted = {e.sentence for e in parsed.events}
        found: dict[int, tuple[Actor, ...]] = {}
        for index, sent in enumerate(parsed.doc.sents):
            if index in wanted:
                tokens = sentence_reporters(sent, None, None, self.lex, resolver.is_media)
                found[index] = tuple(a for t in tokens if (a := resolver.actor_for(t)) is not None)
        return found


def share_chains(quotes: Sequence[Quote], sentences: Sequence[Sentence]) -> tuple[Quote, ...]:
    """Quotes of one speaker in neighbouring sentences came the same way.

    'X described it as "simple." "We are ready," TASS reported, citing X.': wire copy names
    the outlet once for a run of one speaker's words, so a quote with no reporters takes
    those of the nearest quote by the same speaker with no sentence of words between them.
    """
    shared = []
    for quote in quotes:
        donor = None if quote.reported_by or quote.speaker is None else _chain_donor(quote, quotes, sentences)
        shared.append(dataclasses.replace(quote, reported_by=donor.reported_by) if donor else quote)
    return tuple(shared)


def _chain_donor(quote: Quote, quotes: Sequence[Quote], sentences: Sequence[Sentence]) -> Quote | None:
    assert quote.speaker is not None
    near = [
        other
        for other in quotes
        if other.reported_by
        and other.speaker is not None
        and same_actor(other.speaker, quote.speaker)
        and _sentences_between(quote, other, sentences) == 0
    ]
    return min(near, key=lambda other: abs(other.start - quote.start), default=None)


def _sentences_between(a: Quote, b: Quote, sentences: Sequence[Sentence]) -> int:
    """Sentences with words strictly between two quotes' sentences (a stray mark is no sentence)."""
    low, high = sorted((a.sentence or 0, b.sentence or 0))
    return sum(1 for s in sentences[low + 1 : high] if any(c.isalpha() for c in s.text))


def _stands_alone(draft: Draft, parsed: ParsedArticle) -> bool:
    """True when nothing but punctuation surrounds the quote in its sentences."""
    span = parsed.doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None:
        return False
    sentences: dict[int, Span] = {t.sent.start: t.sent for t in span}
    return all(
        t.is_punct or t.is_space or draft.start <= t.idx < draft.end for s in sentences.values() for t in s
    )


def _borrow_speaker(quote: Quote, earlier: Sequence[Quote]) -> Quote | None:
    """A floating quote's speaker: the latest attributed quotation a few sentences back."""
    for previous in reversed(earlier):
        if (quote.sentence or 0) - (previous.sentence or 0) > FLOATING_REACH:
            break
        if previous.speaker is not None:
            return dataclasses.replace(quote, speaker=previous.speaker, reported_by=previous.reported_by)
    return None


def _previous_subject(parsed: ParsedArticle, position: int) -> Token | None:
    """The subject of the sentence just before ``position``, when it can be a speaker."""
    sentences = list(parsed.doc.sents)
    current = next((i for i, s in enumerate(sentences) if s.start_char <= position < s.end_char), None)
    previous = [s for s in sentences[: current or 0] if s.text.strip()]
    if not previous:
        return None
    root = previous[-1].root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return subject


@stage_factory(
    "quotes.rules", requires=("mentions", "events"), provides=("quotes", "reported_by"), rewrites=("events",)
)
def quote_stage(context: StageContext) -> QuoteStage:
    """Direct and indirect quotes, speakers and reporting chains; events in quotes go to speakers."""
    return QuoteStage(context.knowledge.quote_cues)
