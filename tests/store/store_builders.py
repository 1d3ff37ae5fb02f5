"""Hand-built coded articles for store tests: no spaCy, so these tests stay fast.

Every text here was written for these tests. ``coded_article`` places each event's trigger
in the text it is given, so offsets are real.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from eventwire.records import (
    Actor,
    Article,
    ArticleError,
    CodedArticle,
    Event,
    Location,
    Quote,
    RejectedInput,
    Sentence,
    Span,
)

USA = Actor("Washington", "United States", "USA", "GOV", "state")
RUS = Actor("Moscow", "Russia", "RUS", "GOV", "state")
IND = Actor("New Delhi", "India", "IND", "GOV", "state")
CHN = Actor("Beijing", "China", "CHN", "GOV", "state")
KENYA_POLICE = Actor("Kenyan police", None, "KEN", "COP", "organization")
GENEVA = Location("Geneva", "CHE", 46.2044, 6.1432)
LAUSANNE = Location("Lausanne", "CHE", 46.5197, 6.6323)
NAIROBI = Location("Nairobi", "KEN", -1.2864, 36.8172)
MOMBASA = Location("Mombasa", "KEN", -4.0435, 39.6682)


def event(
    plover: str,
    source: tuple[Actor, ...],
    target: tuple[Actor, ...],
    *,
    trigger: str = "met",
    text: str = "",
    date: str | None = None,
    precision: str | None = "day",
    place: Location | None = None,
    cameo: str = "040",
    goldstein: float = 1.0,
    quad: int = 1,
    sentence: int = 0,
    negated: bool = False,
) -> Event:
    start = max(text.find(trigger), 0)
    return Event(
        plover=plover,
        cameo=cameo,
        sentence=sentence,
        trigger=Span(trigger, start, start + len(trigger)),
        source=source,
        target=target,
        goldstein=goldstein,
        quad=quad,
        negated=negated,
        date=date,
        date_precision=precision if date else None,  # type: ignore[arg-type]
        location=place,
        confidence=0.8,
    )


def coded_article(
    article_id: str,
    text: str,
    *,
    publisher: str | None = "Desk",
    date: str | None = None,
    events: tuple[tuple[str, Mapping[str, Any]], ...] = (),
    url: str | None = None,
) -> CodedArticle:
    """An article of one sentence whose events are (plover, keyword arguments of ``event``)."""
    article = Article(
        text=text,
        id=article_id,
        title=text.split(".", maxsplit=1)[0],
        date=dt.date.fromisoformat(date) if date else None,
        publisher=publisher,
        url=url,
    )
    coded_events = tuple(event(plover, text=text, **kwargs) for plover, kwargs in events)
    quote_start = text.find('"')
    quotes: tuple[Quote, ...] = ()
    if quote_start >= 0:
        end = text.find('"', quote_start + 1)
        quotes = (
            Quote(text[quote_start + 1 : end], quote_start + 1, end, speaker=USA, cue="said", sentence=0),
        )
    return CodedArticle(
        article=article,
        sentences=(Sentence(0, 0, len(text), text),),
        events=coded_events,
        quotes=quotes,
    )


def meeting(
    article_id: str, text: str, date: str, publisher: str, place: Location | None = GENEVA
) -> CodedArticle:
    """An article reporting that the USA met Russia (MEET) on ``date``."""
    return coded_article(
        article_id,
        text,
        publisher=publisher,
        date=date,
        events=(("CONSULT", {"source": (USA,), "target": (RUS,), "date": date, "place": place}),),
    )


def corpus(size: int) -> list[Article | RejectedInput]:
    """Reports of Indian-Chinese talks: every third article repeats the day of the one before."""
    items: list[Article | RejectedInput] = []
    for n in range(size):
        day = 1 + (n // 3) * 5
        text = f"Report {n}: Indian and Chinese officials held talks on day {day} of the month."
        items.append(Article(text=text, id=f"story-{n}", date=None, publisher=f"Desk {n % 4}"))
    items.append(RejectedInput("corpus.jsonl:99", ArticleError("ArticleInputError", "not valid JSON")))
    return items


class FakeCoder:
    """Stands in for Pipeline.run: codes one CONSULT event per article, and counts what it saw."""

    def __init__(self, delay: float = 0.0) -> None:
        self.seen: list[str] = []
        self.delay = delay

    def __call__(self, items: Iterable[Article | RejectedInput]) -> Iterator[CodedArticle]:
        for item in items:
            assert isinstance(item, Article)
            self.seen.append(item.id)
            time.sleep(self.delay)
            day = re.search(r"day (\d+)", item.text).group(1)  # type: ignore[union-attr]
            events = (("CONSULT", {"source": (IND,), "target": (CHN,), "date": f"2024-06-{int(day):02d}"}),)
            yield coded_article(item.id, item.text, publisher=item.publisher, events=events)
