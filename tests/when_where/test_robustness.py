"""The stage never fails an article, whatever the text and wherever the events point."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from eventwire.nlp.parsed import parse_articles
from eventwire.records import Article, Event, Span
from eventwire.when_where.stage import WhenWhereStage
from tests.conftest import shared_knowledge

FRAGMENTS = [
    "TALLINN, Oct 12 (Reuters) -",
    "Police fired tear gas",
    "in the capital",
    "on Wednesday",
    "last March",
    "near Zzyzx",
    "in Paris, Texas,",
    "May",
    "the summit may be held",
    "2019-02-30",
    "\n",
    ".",
    ",",
    "—",
    "Ukraine's",
    "in the Afghan capital",
    "three weeks ago",
]

STAGE = WhenWhereStage(shared_knowledge())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12),
    offsets=st.lists(st.tuples(st.integers(-5, 400), st.integers(0, 8)), max_size=4),
    published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_stage_never_raises(
    nlp: Language, parts: list[str], offsets: list[tuple[int, int]], published: dt.date | None
) -> None:
    text = " ".join(parts)
    parsed = next(parse_articles(nlp, [Article(text=text, date=published)]))
    events = tuple(
        Event(plover="CONSULT", cameo="0", sentence=i % 3, trigger=Span("x", start, start + length))
        for i, (start, length) in enumerate(offsets)
    )
    out = STAGE(parsed.with_(events=events))
    assert len(out.events) == len(events)
    for event in out.events:
        assert event.date is None or event.date_precision in {"day", "month", "year"}
