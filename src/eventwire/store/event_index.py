"""Which stored event a new mention belongs to, answered from memory, written per batch.

Asking DuckDB for candidates and updating one event row per mention costs tens of
milliseconds each; the index instead loads the events of a match key once, keeps them up
to date in memory, and writes new events and refinements with a few statements per batch.
The store is the only writer of its file (DuckDB locks it), so memory and file agree;
after a rollback the index is dropped and reloaded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from eventwire.records import CodedArticle, Event, Location
from eventwire.store import rows
from eventwire.store.dedup import EventFacts, MergeRule, countries, day_range, folded, names

_KNOWN_COLUMNS = (
    "event_id, event_date, date_precision, source_names, target_names, "
    "location_name, location_country, lat, lon, date_source, " + ", ".join(rows.PLACE_ID_COLUMNS)
)
_REFINED_COLUMNS = (
    "event_id", "source_names", "target_names", "location_name", "location_country", "lat", "lon",
    "event_date", "date_precision", "date_source", *rows.PLACE_ID_COLUMNS,
)  # fmt: skip
# The last day a stored event's range may cover: its date is the first day of a day, a month
# or a year (dedup.day_range); a longer bound only loads a few events more.
_RANGE_END = "event_date + CASE date_precision WHEN 'year' THEN 366 WHEN 'month' THEN 31 ELSE 0 END"
EVENT_COLUMNS = (
    "event_id", "match_key", "plover", "mode", "context", "cameo", "goldstein", "quad", "negated", "modality",
    "source_countries", "target_countries", "source_names", "target_names", "source_json", "target_json",
    "event_date", "date_precision", "location_name", "location_country", "lat", "lon", "root_article_id",
    "root_sentence", "added_at", "date_source", *rows.PLACE_ID_COLUMNS,
)  # fmt: skip


@dataclass(slots=True)
class KnownEvent:
    """What the merge rule needs of a stored event, kept current as mentions join it."""

    event_id: int
    key: str
    day: dt.date | None
    precision: str | None
    source_names: set[str]
    target_names: set[str]
    location: Location | None
    symmetric: bool = False
    date_source: str | None = None  # "text", "publication" or None (see schema migration 3)
    cached: EventFacts | None = None  # facts() is asked for every candidate of every mention

    def facts(self) -> EventFacts:
        if self.cached is not None:
            return self.cached
        days = day_range(self.day.isoformat(), self.precision) if self.day else None
        self.cached = EventFacts(
            self.key, days, folded(list(self.source_names)), folded(list(self.target_names)), self.location,
            symmetric=self.symmetric,
        )  # fmt: skip
        return self.cached

    def refine(self, event: Event, facts: EventFacts, swapped: bool = False) -> None:
        """A new mention adds actor names, and a place or a finer date when the event lacked them."""
        self.cached = None
        sources, targets = names(event.source), names(event.target)
        self.source_names.update(targets if swapped else sources)
        self.target_names.update(sources if swapped else targets)
        if self.location is None:
            self.location = event.location
        if not event.date or facts.days is None:
            return
        if self.date_source != "text":
            # The article says when: that beats a publication date standing in for it.
            self.day, self.precision, self.date_source = facts.days[0], event.date_precision or "day", "text"
        elif facts.days[0] == facts.days[1] and self.precision in ("month", "year"):
            self.day, self.precision = facts.days[0], "day"

    def refined_row(self) -> rows.Row:
        place = self.location
        return [
            self.event_id, sorted(self.source_names), sorted(self.target_names), place and place.name,
            place and place.country, place and place.lat, place and place.lon, self.day, self.precision,
            self.date_source, *rows.place_ids(place),
        ]  # fmt: skip


@dataclass(slots=True)
class Assignment:
    """The event id of each coded event of an article, and how many were new or merged."""

    event_ids: list[int] = field(default_factory=list)
    new_events: int = 0
    merged: int = 0


class EventIndex:
    """Events by match key, loaded lazily from the store and updated in memory."""

    def __init__(self, con: duckdb.DuckDBPyConnection, rule: MergeRule) -> None:
        self.con = con
        self.rule = rule
        self._by_key: dict[str, list[KnownEvent]] = {}
        self._refined: dict[int, KnownEvent] = {}
        self._next_id: int | None = None

    def reset(self) -> None:
        """Forget everything (after a rollback): the next lookups read the file again."""
        self._by_key.clear()
        self._refined.clear()
        self._next_id = None

    def assign(self, coded: CodedArticle, pending: rows.PendingRows, first_event: int = 0) -> Assignment:
        """Give each event of ``coded`` an event id, queueing new events and their mentions.

        ``first_event``: the number of its first event, when ``coded`` is a piece of a very long
        article; reports of one event are then merged within the piece (and across pieces as
        across articles), which keeps the work per event bounded by the piece, not the article.
        """
        done = Assignment()
        in_article = _InArticle()
        fallbacks = rows.publication_dated(coded)
        for index, coded_event in enumerate(coded.events, first_event):
            # A publication date the coder filled in is not the text's: match on it, never show it.
            stated = rows.without_date(coded_event) if index in fallbacks else coded_event
            halves: set[int] = set()  # the two halves of a reciprocal event never merge
            for half, event in enumerate(rows.reciprocal_halves(stated)):
                known, facts = self._place(
                    coded, event, (index, halves), in_article, pending=pending, done=done
                )
                halves.add(known.event_id)
                done.event_ids.append(known.event_id)
                mention = rows.MentionOf(index, half, coded_event, facts.days[0] if facts.days else None)
                pending.add(
                    "event_mentions",
                    rows.EVENT_MENTION_COLUMNS,
                    [rows.event_mention_row(coded, event, known.event_id, mention)],
                )
        return done

    def _place(
        self,
        coded: CodedArticle,
        event: Event,
        origin: tuple[int, set[int]],
        in_article: _InArticle,
        *,
        pending: rows.PendingRows,
        done: Assignment,
    ) -> tuple[KnownEvent, EventFacts]:
        """The stored event this mention reports, or a new one, with the mention's facts.

        ``origin``: the number of the coded event and the events its other half went to (the
        halves of a reciprocal event never merge with each other)."""
        date, precision, date_source = rows.effective_date(event, coded.article)
        facts = self.rule.facts(event, day_range(date, precision))
        index, halves = origin
        others = [(known, seen) for known, seen, number in in_article.of(facts.match_key) if number != index]
        known, swapped = self._find(facts, others, halves)
        if known is None:
            known = self._new(coded, event, facts, (precision, date_source), pending)
            done.new_events += 1
        else:
            known.refine(event, facts, swapped)
            self._refined[known.event_id] = known
            done.merged += 1
        in_article.add(known, facts, index)
        return known, facts

    def write_refinements(self) -> None:
        """Write the names, places and dates that merged mentions added (after new events are in)."""
        if not self._refined:
            return
        values = [event.refined_row() for event in self._refined.values()]
        one = "(" + ", ".join("?" for _ in _REFINED_COLUMNS) + ")"
        sets = ", ".join(f"{c} = v.{c}" for c in _REFINED_COLUMNS[1:])
        self.con.execute(
            f"UPDATE events SET {sets} FROM (VALUES {', '.join([one] * len(values))}) "
            f"AS v({', '.join(_REFINED_COLUMNS)}) WHERE events.event_id = v.event_id",
            [v for row in values for v in row],
        )
        self._refined.clear()

    def _find(
        self, facts: EventFacts, in_article: list[tuple[KnownEvent, EventFacts]], halves: set[int]
    ) -> tuple[KnownEvent | None, bool]:
        """The event this mention reports, and whether its sides are told the other way round."""
        for known, seen in in_article:
            swapped = self.rule.orientation(facts, seen)
            if swapped is None and facts.days is None:
                swapped = self.rule.orientation(facts, _undated(seen))
            if swapped is not None:
                return known, swapped
        if not self.rule.may_cross_articles(facts):
            return None, False
        for known in reversed(self._events_of(facts.match_key)):
            if known.event_id in halves:
                continue
            swapped = self.rule.orientation(facts, known.facts())
            if swapped is not None:
                return known, swapped
        return None, False

    def prefetch(self, articles: Sequence[CodedArticle]) -> None:
        """Load, with one query, the stored events a batch can merge with: those of a match key
        of the batch dated within the window of a mention of that key (undated events never
        merge across articles).

        One query per key (each a scan of the events table) cost more than the batch's parse,
        and loading every event of a key made the cost grow with the store. Each batch starts
        afresh, so memory holds the batch's candidates, not every event the run has seen.
        """
        keys, reach = self._reach(articles)
        self._by_key = {key: [] for key in keys}
        if not reach:
            return
        found = self.con.execute(
            f"""SELECT match_key, {_KNOWN_COLUMNS} FROM events WHERE event_id IN (
                SELECT event_id FROM events JOIN (SELECT unnest(?::VARCHAR[]) AS k,
                    unnest(?::DATE[]) AS lo, unnest(?::DATE[]) AS hi) ON match_key = k
                WHERE event_date <= hi AND {_RANGE_END} >= lo) ORDER BY event_id""",
            [list(column) for column in zip(*reach, strict=True)],
        ).fetchall()
        for key, *row in found:
            symmetric = key.split("|", 1)[0] in self.rule.symmetric_types
            self._by_key[key].append(_known(key, tuple(row), symmetric))

    def _reach(self, articles: Sequence[CodedArticle]) -> tuple[set[str], set[tuple[str, dt.date, dt.date]]]:
        """The batch's match keys, and (key, first, last day) a stored event must overlap to merge."""
        keys: set[str] = set()
        reach: set[tuple[str, dt.date, dt.date]] = set()
        window = dt.timedelta(days=self.rule.window_days)
        for coded in articles:
            for event in coded.events:
                for half in rows.reciprocal_halves(event):
                    key = self.rule.key(half)
                    keys.add(key)
                    days = day_range(*rows.effective_date(half, coded.article)[:2])
                    if days is not None:
                        reach.add((key, days[0] - window, days[1] + window))
        return keys, reach

    def _events_of(self, key: str) -> list[KnownEvent]:
        if key not in self._by_key:
            found = self.con.execute(
                f"SELECT {_KNOWN_COLUMNS} FROM events WHERE match_key = ? ORDER BY event_id", [key]
            ).fetchall()
            symmetric = key.split("|", 1)[0] in self.rule.symmetric_types
            self._by_key[key] = [_known(key, row, symmetric) for row in found]
        return self._by_key[key]

    def _new(
        self,
        coded: CodedArticle,
        event: Event,
        facts: EventFacts,
        dating: tuple[str | None, str | None],
        pending: rows.PendingRows,
    ) -> KnownEvent:
        """A new stored event; ``dating`` is the (precision, source) of its matching day."""
        if self._next_id is None:
            found = self.con.execute("SELECT coalesce(max(event_id), 0) + 1 FROM events").fetchall()
            self._next_id = int(found[0][0])
        known = KnownEvent(
            self._next_id, facts.match_key, facts.days[0] if facts.days else None, dating[0],
            set(names(event.source)), set(names(event.target)), event.location, facts.symmetric,
            date_source=dating[1],
        )  # fmt: skip
        self._next_id += 1
        self._events_of(facts.match_key).append(known)
        pending.add("events", EVENT_COLUMNS, [_event_row(known, coded, event)])
        return known


class _InArticle:
    """The mentions of one article (or piece) placed so far, by match key: a mention can only
    join a mention of its own key, and comparing it with every earlier mention of the article
    made a piece of 750 events cost seconds (quadratic in the events of the piece)."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[KnownEvent, EventFacts, int]]] = {}

    def of(self, key: str) -> list[tuple[KnownEvent, EventFacts, int]]:
        """(event, facts, number of the coded event) of the earlier mentions with this key, in order."""
        return self._by_key.get(key, [])

    def add(self, known: KnownEvent, facts: EventFacts, index: int) -> None:
        self._by_key.setdefault(facts.match_key, []).append((known, facts, index))


def _event_row(known: KnownEvent, coded: CodedArticle, event: Event) -> list[Any]:
    place = event.location
    return [
        known.event_id, known.key, event.plover, event.mode, list(event.context), event.cameo,
        event.goldstein, event.quad, event.negated, event.modality, countries(event.source),
        countries(event.target), names(event.source), names(event.target),
        rows.actors_json(event.source), rows.actors_json(event.target), known.day, known.precision,
        place and place.name, place and place.country, place and place.lat, place and place.lon,
        coded.article.id, event.sentence, dt.datetime.now(), known.date_source, *rows.place_ids(place),
    ]  # fmt: skip


def _undated(facts: EventFacts) -> EventFacts:
    """The same facts without dates: an undated mention may join a dated event of its own article."""
    return dataclasses.replace(facts, days=None)


def _known(key: str, row: tuple[Any, ...], symmetric: bool) -> KnownEvent:
    event_id, day, precision, source_names, target_names, place_name, country, lat, lon, date_source, *ids = (
        row
    )
    location = None
    if place_name:
        location = Location(
            place_name, country, lat, lon, geonames_id=ids[0], admin1=ids[1], feature_class=ids[2]
        )
    return KnownEvent(
        event_id, key, day, precision, set(source_names or ()), set(target_names or ()), location, symmetric,
        date_source,
    )  # fmt: skip
