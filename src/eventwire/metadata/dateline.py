"""Datelines: the "REYKJAVIK, May 20 (Reuters) -" that opens a wire story.

    >>> parse_dateline("KYIV, Ukraine, May 20 (Reuters) - Officials said ...").place
    'Kyiv, Ukraine'

A dateline gives where the reporter filed from (the fallback place of an article's events),
the agency, and the filing day. The place is accepted in capitals ("MOSCOW,") or, in mixed
case, only when an agency follows ("Geneva (AFP) -"), so an ordinary first sentence that starts
with a name and a dash is not mistaken for one.
"""

from __future__ import annotations

import datetime as dt
import re
import string

from eventwire.dates import MONTH_NAMES, resolve_expression
from eventwire.records import Dateline

_MONTH_DAY = rf"(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?"
_DAY_MONTH = rf"\d{{1,2}}\s+(?:{MONTH_NAMES})(?:\s+\d{{4}})?"
_DASH = r"(?:\s*[-\u2013\u2014]+|\s*:)\s+"
# "(Reuters) -" or TASS's "/TASS/." (which needs no dash after it) or just the dash.
_NAME = r"[A-Za-z][A-Za-z .&-]{1,30}"
_AGENCY = rf"(?:\((?P<agency>{_NAME})\){_DASH}|/(?P<slashed>{_NAME})/\.?\s+|{_DASH})"
_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Za-z][A-Za-z.'\u2019 -]{{1,40}}?(?:,\s+[A-Z][A-Za-z.' ]{{1,30}}?)?)"
    rf"(?:,\s*(?P<date>{_MONTH_DAY}|{_DAY_MONTH}))?\.?"
    rf"\s*{_AGENCY}"
)


_SEARCH_LINES = 4
_SEARCH_CHARS = 600


def parse_dateline(text: str, published: dt.date | None = None) -> Dateline | None:
    """The dateline opening the story, or None. A date without a year takes ``published``'s.

    It is looked for at the start of each of the first few lines, since a headline or a
    byline often comes first ("By Jane Doe\nKABUL (Reuters) - ...").
    """
    offset = 0
    for line in text[:_SEARCH_CHARS].split("\n")[:_SEARCH_LINES]:
        found = _parse_at(text, offset, published)
        if found is not None:
            return found
        offset += len(line) + 1
    return None


def _parse_at(text: str, offset: int, published: dt.date | None) -> Dateline | None:
    m = _DATELINE.match(text[offset : offset + 160])
    if m is None:
        return None
    agency = m["agency"] or m["slashed"]
    city = m["place"].split(",")[0].strip()
    if not (city.isupper() or agency):
        return None
    # Tokens in a real dateline are names: a lower-case word means we matched a sentence.
    if any(word[:1].islower() for word in m["place"].replace(",", " ").split()):
        return None
    publisher = agency.strip() if agency else None
    return Dateline(_title(m["place"]), publisher, _date(m["date"], published), offset + m.end())


def _title(place: str) -> str:
    """Capitalised datelines read as names: "NEW DELHI" -> "New Delhi"; mixed case is kept."""
    return ", ".join(string.capwords(p.strip()) if p.isupper() else p.strip() for p in place.split(","))


def _date(expression: str | None, published: dt.date | None) -> dt.date | None:
    if not expression:
        return None
    resolved = resolve_expression(expression, published, "past")
    if resolved is None or resolved.precision != "day":
        return None
    return dt.date.fromisoformat(resolved.value)
