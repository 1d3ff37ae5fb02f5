"""Score where the coder placed its events against place gold (issue 12).

A place gold line is an event gold line whose events also carry the true place::

    {"id", "text", "date", "events": [{"plover", "source", "target",
      "place": {"name", "country", "lat", "lon", "precision"}}]}

System events are paired with gold events of the same PLOVER type, in sentence order (the
first gold ASSAULT with the first coded ASSAULT, and so on); negated events assert nothing and
are left out. Every figure is a share of *all* gold events, so an event the coder missed or
typed differently counts as not located, which is what a user mapping the events sees:

- **located**: the paired system event has a location with coordinates;
- **country**: the location's country is the gold place's country;
- **within 50 km**: the location is at most 50 km from the gold point;
- **median km**: median distance over the located events (the only figure not over all).

``country_of_paired`` and ``within_50km_of_paired`` give the same shares over the gold events
that were paired with a system event, to tell geoparsing errors from typing misses.

``country_any_type`` and ``within_50km_any_type`` are reported beside them, never instead: a
gold event no coded event of its type pairs with is paired with the record's next coded event
that the type pairing left over, whatever its type (a protest coded as the police dispersal
beside it happened at the same place). They are still shares of all gold events; they measure
the geoparser on what the coder found, and are not gated.
"""

from __future__ import annotations

import statistics
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.api import Coder
from eventwire.evaluate.gold import gold_record, read_records
from eventwire.evaluate.run import Tracker
from eventwire.ingest.readers import read_path
from eventwire.records import CodedArticle, Event, Location
from eventwire.store.dedup import distance_km

NEAR_KM = 50.0
PRECISIONS = frozenset({"point", "town", "district", "province", "country"})


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """The true place of one gold event."""

    name: str
    country: str
    lat: float
    lon: float
    precision: str

    def as_location(self) -> Location:
        return Location(name=self.name, country=self.country, lat=self.lat, lon=self.lon)


@dataclass(frozen=True, slots=True)
class PlaceClaim:
    """One gold event reduced to what place scoring compares: its type and its place."""

    plover: str
    place: GoldPlace


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One record of a place gold file."""

    id: str
    text: str
    events: tuple[PlaceClaim, ...]


@dataclass(frozen=True, slots=True)
class PlaceOutcome:
    """How one gold event fared: the system event paired with it and where that event was put."""

    record: str
    plover: str
    gold: GoldPlace
    paired: bool
    location: Location | None
    error_km: float | None
    # where a coded event of another type, left over by the type pairing, was put (None when
    # the event is paired by type or nothing is left over): the place-only pairing
    other_type: Location | None = None

    @property
    def located(self) -> bool:
        return self.error_km is not None

    @property
    def country_ok(self) -> bool:
        return self.location is not None and self.location.country == self.gold.country

    def to_dict(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "plover": self.plover,
            "gold": {"name": self.gold.name, "country": self.gold.country},
            "paired": self.paired,
            "location": self.location.to_dict() if self.location else None,
            "error_km": None if self.error_km is None else round(self.error_km, 1),
        }


def _coordinate(place: Mapping[str, Any], key: str) -> float:
    value = place.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"a place needs a numeric {key!r}")
    return float(value)


def _place(raw: Any) -> GoldPlace:
    if not isinstance(raw, Mapping):
        raise ValueError("every event needs a 'place' object")
    precision = raw.get("precision")
    if precision not in PRECISIONS:
        raise ValueError(f"place precision must be one of {', '.join(sorted(PRECISIONS))}")
    country = raw.get("country")
    if not isinstance(country, str) or len(country) != 3:
        raise ValueError("a place needs an ISO3 'country'")
    lat, lon = _coordinate(raw, "lat"), _coordinate(raw, "lon")
    return GoldPlace(str(raw.get("name") or ""), country.upper(), lat, lon, str(precision))


def place_record(row: Mapping[str, Any]) -> PlaceRecord:
    """A ``PlaceRecord`` from a parsed line; raises ``ValueError`` when it breaks the format."""
    base = gold_record(row)  # a place line is first an event gold line: id, text, events
    events = row["events"]
    claims = tuple(PlaceClaim(str(e.get("plover", "")).upper(), _place(e.get("place"))) for e in events)
    return PlaceRecord(id=base.id, text=base.text, events=claims)


def read_place_gold(path: str | Path) -> list[PlaceRecord]:
    """Every record of a place gold file; a malformed line raises ``InputError`` naming it."""
    return read_records(path, place_record)


def pair_events(claims: Sequence[PlaceClaim], events: Sequence[Event]) -> list[Event | None]:
    """For each gold event, the system event of the same type at the same rank in sentence order."""
    queues: dict[str, deque[Event]] = defaultdict(deque)
    for event in sorted((e for e in events if not e.negated), key=lambda e: (e.sentence, e.trigger.start)):
        queues[event.plover.upper()].append(event)
    return [queues[c.plover].popleft() if queues[c.plover] else None for c in claims]


def pair_leftovers(paired: Sequence[Event | None], events: Sequence[Event]) -> list[Event | None]:
    """For each gold event the type pairing left alone, the next coded event it left over,
    whatever its type, in sentence order (None for gold events paired by type)."""
    used = {id(e) for e in paired if e is not None}
    spare = deque(
        sorted(
            (e for e in events if not e.negated and id(e) not in used),
            key=lambda e: (e.sentence, e.trigger.start),
        )
    )
    return [spare.popleft() if event is None and spare else None for event in paired]


def outcome(record: str, claim: PlaceClaim, event: Event | None, other: Event | None = None) -> PlaceOutcome:
    """Score one gold event against the system event paired with it (or none); ``other`` is
    the event of another type the place-only pairing gives it."""
    location = event.location if event is not None else None
    error = _error_km(location, claim.place)
    other_location = other.location if other is not None else None
    return PlaceOutcome(record, claim.plover, claim.place, event is not None, location, error, other_location)


def _error_km(location: Location | None, gold: GoldPlace) -> float | None:
    if location is None or location.lat is None or location.lon is None:
        return None
    return distance_km(location, gold.as_location())


@dataclass(frozen=True, slots=True)
class PlaceEvaluation:
    """Place figures over a gold file; see the module docstring for their definitions."""

    records: int
    outcomes: tuple[PlaceOutcome, ...]

    def _share(self, hits: int) -> float:
        return round(hits / len(self.outcomes), 3) if self.outcomes else 0.0

    def figures(self) -> dict[str, float]:
        """Flat headline figures, the names a baseline file uses for its floors."""
        errors = [o.error_km for o in self.outcomes if o.error_km is not None]
        return {
            "paired": self._share(sum(o.paired for o in self.outcomes)),
            "located": self._share(len(errors)),
            "country_accuracy": self._share(sum(o.country_ok for o in self.outcomes)),
            "within_50km": self._share(sum(e <= NEAR_KM for e in errors)),
            "median_km": round(statistics.median(errors), 1) if errors else -1.0,
            **self._of_paired(),
            **self._any_type(),
        }

    def _any_type(self) -> dict[str, float]:
        # The place-only pairing (module docstring): the geoparser judged on every event the
        # coder found, whatever the type it gave; reported, never gated.
        country = near = 0
        for o in self.outcomes:
            location = o.location if o.paired else o.other_type
            error = o.error_km if o.paired else _error_km(location, o.gold)
            country += location is not None and location.country == o.gold.country
            near += error is not None and error <= NEAR_KM
        return {"country_any_type": self._share(country), "within_50km_any_type": self._share(near)}

    def _of_paired(self) -> dict[str, float]:
        # The same figures over the events the coder found with the right type: they separate
        # geoparsing errors from event-typing misses.
        paired = [o for o in self.outcomes if o.paired]
        if not paired:
            return {"country_of_paired": 0.0, "within_50km_of_paired": 0.0}
        near = sum(o.error_km is not None and o.error_km <= NEAR_KM for o in paired)
        return {
            "country_of_paired": round(sum(o.country_ok for o in paired) / len(paired), 3),
            "within_50km_of_paired": round(near / len(paired), 3),
        }

    def to_dict(self, misses: int = 10) -> dict[str, Any]:
        worst = sorted(self.outcomes, key=lambda o: -1.0 if o.error_km is None else o.error_km, reverse=True)
        return {
            "records": self.records,
            "events": len(self.outcomes),
            **self.figures(),
            "misses": [o.to_dict() for o in worst[:misses] if not o.located or (o.error_km or 0) > NEAR_KM],
        }


def score_places(gold: Sequence[PlaceRecord], coded: Mapping[str, CodedArticle]) -> PlaceEvaluation:
    """Pair and score every gold event; a record the coder never returned locates nothing."""
    outcomes: list[PlaceOutcome] = []
    for record in gold:
        article = coded.get(record.id)
        events = article.events if article is not None else ()
        paired = pair_events(record.events, events)
        others = pair_leftovers(paired, events)
        outcomes.extend(
            outcome(record.id, c, e, o) for c, e, o in zip(record.events, paired, others, strict=True)
        )
    return PlaceEvaluation(records=len(gold), outcomes=tuple(outcomes))


def evaluate_places_file(
    coder: Coder, path: str | Path, track: Tracker | None = None
) -> tuple[PlaceEvaluation, list[CodedArticle]]:
    """Code a place gold file's texts exactly as ``eventwire extract`` would, and score the places.

    ``track`` sees the coded articles go by (a progress bar), as in ``evaluate_file``.
    """
    gold = read_place_gold(path)
    stream = coder.code_many(read_path(Path(path)))
    coded = list(track(stream) if track else stream)
    return score_places(gold, {c.article.id: c for c in coded}), coded
