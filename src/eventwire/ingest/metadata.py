"""Publication timestamps as pages, feeds and spreadsheets write them.

``parse_timestamp`` keeps the time and the zone when the source gives them; an ``Article``
carries the calendar date *in the publisher's zone* (``local_date``), which is the day the
publisher says it published, and the day relative dates in the text count from.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A publication date ahead of today is a typo or a placeholder (9999-12-31); a day of slack
# covers publishers east of the reader's time zone.
FUTURE_SLACK_DAYS = 1


def parse_timestamp(value: str | None) -> dt.datetime | dt.date | None:
    """ISO 8601, RFC 2822 (feeds), or a common written form ("20 May 2021"); None if none fits.

    dateparser handles the written forms: it is slow (milliseconds) but this runs once per
    article on metadata, not on running text.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    for parse in (_iso, _rfc2822, _written):
        found = parse(text)
        if found is not None:
            return found
    return None


def local_date(stamp: dt.datetime | dt.date | None) -> dt.date | None:
    """The calendar day of a timestamp in its own zone (a date stays as it is)."""
    if isinstance(stamp, dt.datetime):
        return stamp.date()
    return stamp


def _iso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc2822(text: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str) -> dt.datetime | None:
    if not any(ch.isdigit() for ch in text):
        return None  # "yesterday" is not a publication date
    import dateparser  # noqa: PLC0415 - a quarter-second import, needed only for written dates

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year", "month"]}
    found: dt.datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    return found


def vet_publication_date(
    date: dt.date | None, today: dt.date | None = None
) -> tuple[dt.date | None, str | None]:
    """The date if it can be a publication date, else None and a warning saying why it was dropped."""
    if date is None:
        return None, None
    latest = (today or dt.date.today()) + dt.timedelta(days=FUTURE_SLACK_DAYS)
    if date > latest:
        return None, f"publication date {date.isoformat()} is in the future; the date was dropped"
    return date, None
