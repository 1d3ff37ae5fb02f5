"""Hand-built coded articles for store tests: no spaCy, so these tests stay fast.

Every text here was written for these tests. ``coded_article`` places each event's trigger
in the text it is given, so offsets are real.
"""

from __future__ import annotations

import datetime as dt

from eventwire.records import Actor, Article, CodedArticle, Event, Location, Quote, Sentence, Span

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
    events: tuple[tuple[str, dict[str, object]], ...] = (),
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
    coded_events = tuple(event(plover, text=text, **kwargs) for plover, kwargs in events)  # type: ignore[arg-type]
    quote_start = text.find('"')
    quotes = ()
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
