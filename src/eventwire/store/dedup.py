"""When two coded events are the same real-world event: the store's merge rule.

News reports one event many times. GDELT keeps one event row and counts its mentions; we do
the same. Two mentions are one event when every test below passes (docs/store.md):

1. same *match key*: PLOVER type, negation, modality, the set of source countries and the
   set of target countries (in either order for types without direction, e.g. CONSULT);
2. actor names agree where both sides name someone (the name sets intersect);
3. dates fall within ``window_days`` of each other (month- or year-precise dates are ranges);
4. places are compatible: no place on one side, or same country and, with coordinates on
   both sides, at most ``max_km`` apart.

An event without any date (neither coded nor a publication date), or without any actor on
either side, merges only within its own article: across articles nothing says that two such
reports are one event.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import math
from dataclasses import dataclass

from eventwire.config import Settings
from eventwire.records import Actor, Event, Location

DayRange = tuple[dt.date, dt.date]
EARTH_RADIUS_KM = 6371.0
# Types whose two sides can be told in either order ("A met B", "B met A") for one event.
DEFAULT_SYMMETRIC_TYPES = frozenset({"CONSULT"})
# Two reports placing one event further apart than this (a city and its suburbs fit) differ.
DEFAULT_MAX_KM = 100.0


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What the merge rule compares, for an incoming mention or a stored event."""

    match_key: str
    days: DayRange | None
    source_names: frozenset[str]
    target_names: frozenset[str]
    location: Location | None
    symmetric: bool = False  # the type has no direction: "A met B" is "B met A"

    def swapped(self) -> EventFacts:
        return dataclasses.replace(self, source_names=self.target_names, target_names=self.source_names)


@dataclass(frozen=True)
class StoreOptions:
    """Options of the event store's merge rule (``[options.store]`` in a settings file)."""

    dedup_enabled: bool = True
    dedup_max_km: float = DEFAULT_MAX_KM
    dedup_match_names: bool = True
    dedup_symmetric_types: tuple[str, ...] = tuple(sorted(DEFAULT_SYMMETRIC_TYPES))


@dataclass(frozen=True, slots=True)
class MergeRule:
    """The configurable merge rule; ``enabled=False`` keeps every mention its own event."""

    window_days: int = 2
    max_km: float = DEFAULT_MAX_KM
    match_names: bool = True
    enabled: bool = True
    symmetric_types: frozenset[str] = DEFAULT_SYMMETRIC_TYPES

    @classmethod
    def from_settings(cls, settings: Settings) -> MergeRule:
        """``dedup_window_days`` plus the ``[options.store]`` table (``StoreOptions``)."""
        options = settings.options_for("store", StoreOptions)
        return cls(
            window_days=settings.dedup_window_days,
            max_km=options.dedup_max_km,
            match_names=options.dedup_match_names,
            enabled=options.dedup_enabled,
            symmetric_types=frozenset(options.dedup_symmetric_types),
        )

    def key(self, event: Event) -> str:
        """The match key of ``event`` under this rule (sides sorted for the symmetric types)."""
        return match_key(event, event.plover in self.symmetric_types)

    def facts(self, event: Event, days: DayRange | None) -> EventFacts:
        """What this rule compares of one coded event, whose dates cover ``days``."""
        symmetric = event.plover in self.symmetric_types
        return EventFacts(
            match_key=self.key(event),
            days=days,
            source_names=folded(names(event.source)),
            target_names=folded(names(event.target)),
            location=event.location,
            symmetric=symmetric,
        )

    def orientation(self, new: EventFacts, old: EventFacts) -> bool | None:
        """None: different events; False: the same event; True: the same, sides swapped."""
        if self.same_event(new, old):
            return False
        if new.symmetric and self.same_event(new.swapped(), old):
            return True
        return None

    def same_event(self, new: EventFacts, old: EventFacts) -> bool:
        """True when ``new`` reports the real-world event ``old`` already stands for."""
        if not self.enabled or new.match_key != old.match_key:
            return False
        if self.match_names and not (
            _names_agree(new.source_names, old.source_names)
            and _names_agree(new.target_names, old.target_names)
        ):
            return False
        return self._dates_agree(new.days, old.days) and self._places_agree(new.location, old.location)

    def may_cross_articles(self, facts: EventFacts) -> bool:
        """Whether a mention may join an event of another article: it needs a date and an actor."""
        anonymous = not facts.source_names and not facts.target_names and facts.match_key.endswith("|>")
        return self.enabled and facts.days is not None and not anonymous

    def _dates_agree(self, a: DayRange | None, b: DayRange | None) -> bool:
        if a is None or b is None:
            # Undated events are only offered for merging within one article (see module doc).
            return a is None and b is None
        gap = max((a[0] - b[1]).days, (b[0] - a[1]).days, 0)
        return gap <= self.window_days

    def _places_agree(self, a: Location | None, b: Location | None) -> bool:
        if a is None or b is None:
            return True
        if a.country and b.country and a.country != b.country:
            return False
        if None not in (a.lat, a.lon, b.lat, b.lon):
            return distance_km(a, b) <= self.max_km
        if a.country and b.country:
            return True
        return a.name.casefold() == b.name.casefold()


def _names_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def match_key(event: Event, symmetric: bool = False) -> str:
    """PLOVER type, negation, modality and the country sets of each side, as one string.

    For a type without direction the two sides are sorted, so both orders share a key.
    """
    polarity = "not" if event.negated else "yes"
    sides = [side_key(event.source), side_key(event.target)]
    if symmetric:
        sides.sort()
    return f"{event.plover}|{polarity}|{event.modality}|{sides[0]}>{sides[1]}"


def side_key(actors: tuple[Actor, ...]) -> str:
    return ",".join(countries(actors))


def countries(actors: tuple[Actor, ...]) -> list[str]:
    """The sorted, distinct country codes of one side of an event."""
    return sorted({a.country for a in actors if a.country})


def names(actors: tuple[Actor, ...]) -> list[str]:
    """The sorted, distinct canonical names of one side (unknown names left out)."""
    return sorted({a.name for a in actors if a.name})


def folded(values: list[str] | None) -> frozenset[str]:
    return frozenset(v.casefold() for v in values or ())


def day_range(date: str | None, precision: str | None) -> DayRange | None:
    """The days a contract date covers: one day, a whole month or a whole year."""
    if not date:
        return None
    try:
        if precision == "year" or len(date) == 4:
            year = int(date[:4])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if precision == "month" or len(date) == 7:
            year, month = int(date[:4]), int(date[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return day, day


def distance_km(a: Location, b: Location) -> float:
    """Great-circle distance between two located places (haversine)."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
