"""When an event happened: the date expression that governs its trigger, resolved.

Where the date comes from, in order of preference (``DateChoice.source``):
- "clause": an expression attached to the event's own clause ("met on Wednesday");
- "governing": one attached to a clause above it ("..., officials said on Monday");
- "sentence": the sentence's only expression, unless it sits in a clause under the event
  ("met Lavrov, who arrived on Tuesday" does not date the meeting);
- "previous_sentence": narrative time carries over within a paragraph ("Relations soured in
  March. The ambassador was recalled." dates the recall to March); past and present only;
- "publication": the publication date, precision "day", for asserted events only (a report
  of a finished event without a date is about the days before it was filed); this fallback
  is recorded in the article's notes so it is never mistaken for a date the text gave;
- "none": no date (no publication date, or a future/hypothetical event without one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from eventwire.dates import DateMention, ResolvedDate, Tense, find_dates, resolve_expression
from eventwire.records import Event, Sentence
from eventwire.when_where.clauses import clause_head, governs, same_clause, tense_of, trigger_token

DateSource = Literal["clause", "governing", "sentence", "previous_sentence", "publication", "none"]
_UNREALISED = frozenset({"future", "hypothetical", "conditional"})


@dataclass(frozen=True, slots=True)
class DateChoice:
    """The date given to one event and why."""

    date: ResolvedDate | None
    source: DateSource
    expression: str | None = None


@dataclass(frozen=True, slots=True)
class _Anchored:
    """A date expression with the clause it attaches to."""

    mention: DateMention
    head: Token | None


class EventDater:
    """Dates the events of one parsed article; build once per article."""

    def __init__(
        self,
        doc: Doc,
        sentences: tuple[Sentence, ...],
        published: dt.date | None,
        skip_to: int = 0,
        text: str | None = None,
    ) -> None:
        """``skip_to``: character offset before which dates are ignored (the dateline's);
        ``text``: the article's text, which the doc was parsed from (default ``doc.text``)."""
        self.doc = doc
        # spaCy rebuilds ``doc.text`` from every token on each access (a tenth of this stage's
        # time): the caller passes the article's string; never read it once per event.
        self.text = doc.text if text is None else text
        self.sentences = sentences
        self.published = published
        self.skip_to = skip_to
        self._anchored_in: dict[int, list[_Anchored]] = {}  # by sentence: several events share one

    def date(self, event: Event) -> DateChoice:
        token = trigger_token(self.doc, event)
        head = clause_head(token) if token is not None else None
        tense: Tense = tense_of(head) if head is not None else "past"
        if event.modality in _UNREALISED:
            tense = "future"
        anchored = self._anchored(event.sentence)
        choice = self._in_sentence(anchored, head, token, tense)
        if choice is None and tense != "future":
            choice = self._previous_sentence(event.sentence)
        if choice is not None:
            return choice
        if self.published is not None and event.modality == "asserted" and tense != "future":
            return DateChoice(ResolvedDate(self.published.isoformat(), "day"), "publication")
        return DateChoice(None, "none")

    def _in_sentence(
        self, anchored: list[_Anchored], head: Token | None, trigger: Token | None, tense: Tense
    ) -> DateChoice | None:
        if head is not None and trigger is not None:
            own = [a for a in anchored if a.head is not None and same_clause(head, a.head)]
            if own:
                return self._choose(_nearest(own, trigger), tense, "clause")
            above = [a for a in anchored if a.head is not None and governs(a.head, head)]
            if above:
                return self._choose(_nearest(above, trigger), None, "governing")
        if len(anchored) == 1 and not _under(anchored[0], head):
            return self._choose(anchored[0], tense, "sentence")
        return None

    def _previous_sentence(self, index: int) -> DateChoice | None:
        if not 0 < index < len(self.sentences) or self._paragraph_break(index):
            return None
        anchored = self._anchored(index - 1)
        sentence = self.doc.char_span(*self._bounds(index - 1), alignment_mode="expand")
        root = clause_head(sentence.root) if sentence is not None and len(sentence) else None
        main = [a for a in anchored if a.head is not None and a.head == root]
        chosen = main[0] if main else anchored[0] if len(anchored) == 1 else None
        return self._choose(chosen, None, "previous_sentence") if chosen else None

    def _choose(self, anchored: _Anchored, tense: Tense | None, source: DateSource) -> DateChoice | None:
        """Resolve with the given tense, or the tense of the clause the expression sits in."""
        if tense is None:
            tense = tense_of(anchored.head) if anchored.head is not None else "past"
        resolved = resolve_expression(anchored.mention.text, self.published, tense)
        return DateChoice(resolved, source, anchored.mention.text) if resolved else None

    def _anchored(self, index: int) -> list[_Anchored]:
        """The date expressions of sentence ``index``, found once per sentence, not per event."""
        if index not in self._anchored_in:
            self._anchored_in[index] = list(self._find_anchored(index))
        return self._anchored_in[index]

    def _find_anchored(self, index: int) -> Iterator[_Anchored]:
        if not 0 <= index < len(self.sentences):
            return  # an event pointing at a sentence the article lacks gets no text date
        start, end = self._bounds(index)
        for mention in find_dates(self.text[start:end]):
            absolute = DateMention(mention.text, start + mention.start, start + mention.end)
            if absolute.start < self.skip_to:
                continue
            span = self.doc.char_span(absolute.start, absolute.end, alignment_mode="expand")
            yield _Anchored(absolute, clause_head(span.root) if span is not None and len(span) else None)

    def _bounds(self, index: int) -> tuple[int, int]:
        sentence = self.sentences[index]
        return sentence.start, sentence.end

    def _paragraph_break(self, index: int) -> bool:
        """A line break after the previous sentence's last word (spaCy keeps it in that sentence)."""
        tail = self.text[self.sentences[index - 1].start : self.sentences[index].start]
        return "\n" in tail[len(tail.rstrip()) :]


def _nearest(candidates: list[_Anchored], trigger: Token) -> _Anchored:
    return min(candidates, key=lambda a: abs(a.mention.start - trigger.idx))


def _under(anchored: _Anchored, head: Token | None) -> bool:
    """True when the expression sits in a clause below the event's (it dates something else)."""
    if head is None or anchored.head is None:
        return False
    return not same_clause(head, anchored.head) and governs(head, anchored.head)
