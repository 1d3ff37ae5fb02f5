"""The article's focus country: where an event the text does not place most likely happened.

GDELT geocodes every event to at least a country; an unplaced event is useless on a map and in
any per-country count. The focus is, in order:

1. the country of the dateline ("KABUL, May 3 (Reuters) -" files from Afghanistan);
2. the most frequent country among the places the article's events were given;
3. the most frequent country among the article's actors that are states or act for one
   (international bodies, NGOs and companies count for no country).

Ties go to the country named first. None when nothing points anywhere.

A dateline can name a foreign bureau instead ("NAIROBI - Somali troops retook ..."): wire
services file stories about Somalia, South Sudan or Eritrea from Nairobi, about Syria from
Beirut, about Haiti from Miami. ``foreign_bureau`` tells such datelines apart: the story's body
names towns, districts or provinces, and none lies in the dateline's country. Then the
dateline neither places events nor sets the focus: the body's places do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from eventwire.records import NON_STATE_CODES, Event, Location, Mention


def focus_country(
    dateline: Location | None,
    events: Sequence[Event],
    mentions: Sequence[Mention],
    named: Sequence[str] | None = None,
) -> str | None:
    """The focus country as ISO3 (rules in the module doc). ``named``, when given, replaces the
    actors' countries by the countries the text names (a foreign bureau's story: its unnamed
    actors may carry the dateline's country)."""
    if dateline is not None and dateline.country:
        return dateline.country
    placed = [e.location.country for e in events if e.location is not None and e.location.country]
    found = _most_frequent(placed)
    if found is None and named is not None:
        found = _most_frequent(named)
    if found is None:
        found = _most_frequent(m.actor.country for m in mentions if m.actor is not None and m.actor.country)
    return found


def foreign_bureau(dateline: Location | None, body_countries: Iterable[str]) -> bool:
    """True when the body names places and none is in the dateline's country (module doc)."""
    if dateline is None or not dateline.country:
        return False
    named = {c for c in body_countries if c and c not in NON_STATE_CODES}
    return bool(named) and dateline.country not in named


def _most_frequent(countries: Iterable[str]) -> str | None:
    ordered = [c for c in countries if c not in NON_STATE_CODES]
    if not ordered:
        return None
    counts = Counter(ordered)
    best = max(counts.values())
    return next(c for c in ordered if counts[c] == best)
