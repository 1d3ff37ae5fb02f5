"""The issue's acceptance case through the real pipeline: three reports of one meeting are one event.

Texts written for this test. It needs the coder to find the meeting, its actors, date and place,
so it fails if an earlier stage regresses, not only if the store does.
"""

from __future__ import annotations

import datetime as dt

from eventwire.pipeline import Pipeline
from eventwire.records import Article
from eventwire.store import EventStore

REPORTS = (
    ("w1", "2023-09-05", "Wire One",
     "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Jakarta on Tuesday."),
    ("w2", "2023-09-05", "Daily Two",
     "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Jakarta, "
     "officials said."),
    ("w3", "2023-09-06", "Radio Three",
     "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Jakarta on Tuesday "
     "to discuss security."),
    ("w4", "2023-10-09", "Wire One",
     "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Seoul on Monday."),
)  # fmt: skip


def test_three_reports_of_one_meeting_and_a_later_meeting(pipeline: Pipeline) -> None:
    articles = [Article(text=t, id=i, date=dt.date.fromisoformat(d), publisher=p) for i, d, p, t in REPORTS]
    with EventStore.open(":memory:") as store:
        store.add_many(list(pipeline.run(articles)))
        meetings = store.con.execute(
            "SELECT event_date, num_articles, num_sources FROM events "
            "WHERE plover = 'CONSULT' "
            "AND list_sort(list_concat(source_countries, target_countries)) = ['JPN', 'KOR'] "
            "ORDER BY event_date"
        ).fetchall()
    assert meetings == [(dt.date(2023, 9, 5), 3, 3), (dt.date(2023, 10, 9), 1, 1)]
