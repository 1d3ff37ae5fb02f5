"""Reading HTML pages, RSS/Atom feeds, CSV files and legacy encodings into articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest.encoding import decode
from eventwire.ingest.html import page_from_html
from eventwire.ingest.metadata import local_date, parse_timestamp
from eventwire.ingest.sources import iter_articles
from eventwire.ingest.tabular import CsvMapping, mapping_from_cli
from eventwire.records import Article, RejectedInput

LEGACY = "Gespräche in Zürich über Grenzfragen und Zölle"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def articles(*names: str, mapping: CsvMapping | None = None) -> list[Article | RejectedInput]:
    return list(iter_articles([FIXTURES / n for n in names], mapping))


def test_html_page_title_date_publisher_url_and_text() -> None:
    [article] = articles("page.html")
    assert isinstance(article, Article)
    assert article.title == "Harbour talks end without deal"
    assert article.date == dt.date(2023, 10, 12)
    assert article.publisher == "Northern Ledger"
    assert article.url == "https://ledger.example.org/world/harbour-talks-end"
    assert article.text.startswith("Negotiators from the two neighbouring states met in Tallinn")
    assert "All rights reserved" not in article.text and "Sport" not in article.text


def test_html_keeps_json_ld_time_and_zone() -> None:
    page = page_from_html((FIXTURES / "page.html").read_text(encoding="utf-8"))
    assert page.published == dt.datetime(2023, 10, 12, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def test_rss_entries_with_titles_dates_and_a_rejected_empty_entry() -> None:
    found = articles("feed.rss")
    first, second, third = found
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.publisher) == (
        "lakeside-0001",
        "Ministers agree on river treaty",
        "Lakeside Wire",
    )
    # 23:45 at UTC-5 is the 10th where it was published, the 11th in UTC: the publisher's day counts
    assert first.date == dt.date(2023, 10, 10)
    assert "signed in Vientiane" in first.text  # full content preferred over the summary
    assert second.title == "Opposition calls for new vote" and second.date == dt.date(2023, 10, 11)
    assert (
        second.text == "Opposition leaders demanded a repeat of the regional election & threatened a boycott."
    )
    assert isinstance(third, RejectedInput) and "no summary or content" in third.error.message


def test_atom_entries_use_published_then_updated() -> None:
    first, second = articles("feed.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.date) == ("Coast guard detains trawler", dt.date(2023, 10, 12))
    assert (second.title, second.date, second.url) == (
        "Port strike ends",
        dt.date(2023, 10, 12),
        "https://monitor.example.com/18",
    )


def test_csv_with_column_mapping_and_rejected_rows() -> None:
    mapping = CsvMapping.from_options(
        {
            "id": "story_id",
            "title": "headline",
            "text": "body",
            "date": "published",
            "publisher": "outlet",
            "url": "link",
        }
    )
    found = articles("stories.csv", mapping=mapping)
    ok = [a for a in found if isinstance(a, Article)]
    rejected = {r.id: r.error.message for r in found if isinstance(r, RejectedInput)}
    assert [(a.id, a.title, a.date) for a in ok] == [
        ("s-1", "Talks resume", dt.date(2023, 10, 9)),
        ("s-2", "Border crossing reopens", dt.date(2023, 10, 12)),
        ("s-4", "Bad date", None),  # the date is dropped with a warning, the article kept
    ]
    assert ok[0].text.endswith('called the mood "constructive".') and ok[0].url == "https://post.example.no/1"
    assert "no text" in rejected["s-3"] and "not a date; the date was dropped" in ok[2].warnings[0]


def test_csv_error_midway_keeps_earlier_rows(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    huge = "word " * 40_000  # over the csv module's 128 KiB field limit
    path.write_text(f'text,title\nFirst story about a vote.,One\n"{huge}",Two\n', encoding="utf-8")
    found = list(iter_articles([path]))
    assert isinstance(found[0], Article) and found[0].title == "One"
    assert isinstance(found[-1], RejectedInput) and "broken CSV" in found[-1].error.message


def test_csv_default_mapping_uses_contract_names() -> None:
    [article] = articles("contract.csv")
    assert isinstance(article, Article)
    assert (article.id, article.publisher, article.date) == ("c-1", "Valley Times", dt.date(2023, 10, 11))


def test_mapping_from_cli_options() -> None:
    mapping = mapping_from_cli(["text=body", " date = published "])
    assert mapping == CsvMapping(text="body", date="published")
    assert mapping_from_cli([]) is None
    with pytest.raises(InputError, match="FIELD=COLUMN"):
        mapping_from_cli(["text"])


def test_csv_mapping_rejects_unknown_fields() -> None:
    with pytest.raises(InputError, match="unknown CSV field"):
        CsvMapping.from_options({"body": "text"})


def test_latin1_text_is_decoded() -> None:
    [article] = articles("latin1.txt")
    assert isinstance(article, Article)
    assert "Bogotá" in article.text and "Medellín" in article.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café in Bogotá".encode(), "Café in Bogotá"),
        ("\ufeffwith a byte-order mark".encode(), "with a byte-order mark"),
        (
            "Gespräche in Zürich über Grenzfragen und Zölle".encode("cp1252"),
            "Gespräche in Zürich über Grenzfragen und Zölle",
        ),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_decode_refuses_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2023-10-12", dt.date(2023, 10, 12)),
        ("2023-10-12T23:30:00-04:00", dt.date(2023, 10, 12)),
        ("2023-10-12T02:00:00Z", dt.date(2023, 10, 12)),
        ("Thu, 12 Oct 2023 23:59:00 +1200", dt.date(2023, 10, 12)),
        ("12 October 2023", dt.date(2023, 10, 12)),
        ("October 12, 2023", dt.date(2023, 10, 12)),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_timestamp(value: str | None, day: dt.date | None) -> None:
    assert local_date(parse_timestamp(value)) == day
