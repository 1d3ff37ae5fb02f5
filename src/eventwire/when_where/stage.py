"""The ``when_where.default`` stage: event dates and event places.

For each article it
- dates every event (``event_dates``) and places it (``places``), falling back to the
  dateline's place (read by the ``metadata.dateline`` stage), marked ``source="dateline"``;
- records in the article's diagnostics what was inferred and what could not be resolved:
  ``event_dates`` (per event: source and expression; publication-date fallbacks are listed
  here) and ``unresolved_places``. Nothing here fails the article: an unknown toponym or an
  unparseable date leaves the field empty and is reported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from eventwire.errors import ConfigError
from eventwire.geo.entities import place_entities
from eventwire.geo.gazetteer import Place
from eventwire.knowledge import Knowledge
from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import Actor, Dateline, Event, EventDateNote, Location, Mention
from eventwire.registry import StageContext, stage_factory
from eventwire.when_where.event_dates import EventDater
from eventwire.when_where.focus import focus_country, foreign_bureau
from eventwire.when_where.places import (
    EventPlacer,
    context_countries,
    place_notes,
    to_location,
    unresolved_toponyms,
)

# Where an unplaced act of a government is put (docs/conventions.md, "Places implied by a
# government acting").
GOVERNMENT_PLACES = ("country", "capital")
# Sectors and kinds of an actor that is a state or acts for its government.
_GOVERNMENT_SECTORS = frozenset({"GOV", "LEG", "JUD"})  # police and armies act where they are


@dataclass(frozen=True)
class WhenWhereOptions:
    """Options of ``when_where.default`` (``[options."when_where.default"]``)."""

    # An event the text does not place gets the article's focus country (precision "country").
    focus_fallback: bool = True
    # An unplaced event whose source is a state or its government ("the Kenyan government
    # banned ..."): "country" puts it at the country's centre with precision "country" (GDELT,
    # ICEWS and the project's gold); "capital" at the seat of government, precision "town".
    government_place: str = "country"

    def __post_init__(self) -> None:
        if self.government_place not in GOVERNMENT_PLACES:
            raise ConfigError(
                f"option 'government_place' of when_where.default must be one of "
                f"{', '.join(GOVERNMENT_PLACES)}, not {self.government_place!r}"
            )


class WhenWhereStage:
    """Dates and places for every event of an article."""

    name = "when_where.default"

    def __init__(self, knowledge: Knowledge, options: WhenWhereOptions | None = None) -> None:
        # The gazetteer is read from the bundle on first use, not at pipeline build:
        # commands that never code pay nothing.
        self.knowledge = knowledge
        self.options = options or WhenWhereOptions()

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        gazetteer = self.knowledge.gazetteer
        dateline = parsed.dateline
        dateline_place = self.knowledge.gazetteer.resolve(dateline.place) if dateline else None
        fallback = _dateline_location(dateline, dateline_place)
        start = dateline.end if dateline else 0
        dater = EventDater(parsed.doc, parsed.sentences, parsed.article.date, start, parsed.article.text)
        named = place_entities(parsed.doc, gazetteer)  # each toponym looked up once per article
        context = self._context(parsed, named, fallback)
        placer = EventPlacer(
            parsed.doc,
            gazetteer,
            context,
            fallback,
            _nationalities(parsed),
            locatives=self.knowledge.locatives,
            text_start=start,
            dateline=(dateline.place, dateline_place) if dateline and dateline_place else None,
            demonyms=self.knowledge.actor_kb.country_for_adjective,
        )
        events: list[Event] = []
        date_notes: list[EventDateNote] = []
        steps = []
        for index, event in enumerate(parsed.events):
            choice = dater.date(event)
            date, precision = (choice.date.value, choice.date.precision) if choice.date else (None, None)
            placement = placer.place(event)
            location = placement.location
            steps.append(placement)
            events.append(dataclasses.replace(event, date=date, date_precision=precision, location=location))
            date_notes.append(EventDateNote(index, choice.source, choice.expression))
        body = _body_countries(named, start, events)
        bureau = foreign_bureau(fallback, body)
        if bureau:
            # "NAIROBI - Somali troops ...": the bureau is not where it happened, nor the focus
            events, fallback = [_off_dateline(e) for e in events], None
        if self.options.government_place == "capital":
            events = [e if _placed(e) else self._at_seat_of_government(e) for e in events]
        if self.options.focus_fallback:
            events = self._with_focus(events, fallback, parsed.mentions, body if bureau else None)
        unresolved = unresolved_toponyms(named)
        diagnostics = dataclasses.replace(
            parsed.diagnostics,
            event_dates=tuple(date_notes),
            unresolved_places=tuple(dict.fromkeys([*unresolved, *placer.unresolved])),
            event_places=place_notes(events, steps, gazetteer, context),
        )
        return parsed.with_(events=tuple(events), diagnostics=diagnostics)

    def _with_focus(
        self,
        events: list[Event],
        dateline: Location | None,
        mentions: Sequence[Mention],
        named: Sequence[str] | None,
    ) -> list[Event]:
        """Unplaced events (no location, or a name the gazetteer does not know) take the focus country."""
        focus = focus_country(dateline, events, mentions, named)
        place = self.knowledge.gazetteer.country(focus) if focus else None
        if place is None:
            return events
        located = to_location(place.name, place, "focus")
        return [e if _placed(e) else dataclasses.replace(e, location=located) for e in events]

    def _at_seat_of_government(self, event: Event) -> Event:
        """An unplaced act of a state or its government at that state's capital (town
        precision, ``source="focus"``); any other event as it is."""
        states = [a.country for a in event.source if a.country and _acts_for_state(a)]
        capital = self.knowledge.gazetteer.capital_of(states[0]) if states else None
        if capital is None:
            return event
        return dataclasses.replace(event, location=to_location(capital.name, capital, "focus"))

    def _context(
        self, parsed: ParsedArticle, named: list[tuple[Span, Place | None]], dateline: Location | None
    ) -> list[str]:
        """Countries that rank candidate places: the dateline's, the article's, the actors'."""
        actor_countries = (m.actor.country for m in parsed.mentions if m.actor is not None)
        context = context_countries(named, self.knowledge.gazetteer, actor_countries)
        if dateline is not None and dateline.country:
            context.insert(0, dateline.country)
        return context


@stage_factory(
    "when_where.default",
    requires=("metadata", "mentions", "events"),
    provides=("dates", "locations"),
    rewrites=("events",),
    options=WhenWhereOptions,
)
def when_where_stage(context: StageContext) -> WhenWhereStage:
    """Event dates (tense-aware, against the publication date) and places (offline gazetteer)."""
    return WhenWhereStage(context.knowledge, context.options)


def _dateline_location(dateline: Dateline | None, place: Place | None) -> Location | None:
    return to_location(dateline.place, place, "dateline") if dateline is not None else None


def _acts_for_state(actor: Actor) -> bool:
    """A state itself ("Kenya banned") or one of its government's branches ("the Kenyan
    government", "Kenyan police")."""
    return actor.kind == "state" or actor.sector in _GOVERNMENT_SECTORS


def _body_countries(named: list[tuple[Span, Place | None]], start: int, events: Sequence[Event]) -> list[str]:
    """Countries of the towns, districts and provinces the story's body names after its
    dateline, and of the events placed by its text. Countries and nationalities are left out:
    they name actors as often, and an attacker's country is not where its strike on the
    dateline's city fell ("MOSCOW - A Ukrainian drone hit an office tower in the capital")."""
    places = [
        p.country
        for ent, p in named
        if p is not None and p.country and p.feature != "country" and ent.start_char >= start
    ]
    placed = [
        e.location.country
        for e in events
        if e.location is not None and e.location.source == "text" and e.location.precision != "country"
    ]
    return [*places, *(c for c in placed if c)]


def _off_dateline(event: Event) -> Event:
    """The event without the place a foreign bureau's dateline lent it."""
    located = event.location is not None and event.location.source == "dateline"
    return dataclasses.replace(event, location=None) if located else event


def _placed(event: Event) -> bool:
    return event.location is not None and event.location.country is not None


def _nationalities(parsed: ParsedArticle) -> dict[int, str]:
    """Token index -> ISO3 of the adjectives the actor stage resolved ("Afghan" -> AFG)."""
    return {
        m.token_start: m.actor.country
        for m in parsed.mentions
        if m.kind == "adjective" and m.actor is not None and m.actor.country
    }
