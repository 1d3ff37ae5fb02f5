"""The ``events.conventions`` stage: the coding conventions of ICEWS and POLECAT, switchable.

Event datasets code some actors the text does not name, and users compare eventwire with
them, so after events are dated and placed this stage applies two conventions
(docs/conventions.md; each can be turned off in ``[options."events.conventions"]``):

- **Unnamed domestic actors take the country they act in.** "Gunmen", "protesters", "police"
  with no nationality and no country from the sentence get the country of the event's place,
  else the article's focus country. ICEWS and POLECAT code them so; leaving them country-less
  drops the event from every dyad count.
- **A protest aimed at no one is aimed at the state concerned.** A strike, march or sit-in
  that names no target gets the government of the country where it happens (else the
  protesters' country, else the focus country) as target, as PLOVER's and ICEWS's coders do.

The focus country is the country the article is mostly about: its dateline's, else the most
frequent country of the located events, else of the named states and actors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pycountry

from eventwire.knowledge import Knowledge
from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import Actor, Event
from eventwire.registry import StageContext, stage_factory

# Codes that are no country: international and non-state bodies keep them.
NON_STATE_CODES = frozenset({"IGO", "NGO", "MNC", "IMG"})


@dataclass(frozen=True)
class ConventionOptions:
    """Options of ``events.conventions`` (``[options."events.conventions"]``)."""

    # Unnamed actors (role words such as "gunmen", no name) with no country take the event's.
    domestic_actor_country: bool = True
    # Event types whose events with no target are aimed at the state where they happen.
    implicit_state_target: tuple[str, ...] = ("PROTEST",)
    # When an event has no place, use the article's focus country for both conventions.
    use_focus_country: bool = True


class ConventionStage:
    """Applies the configured conventions to every event of an article."""

    name = "events.conventions"

    def __init__(self, options: ConventionOptions, knowledge: Knowledge) -> None:
        self.options = options
        self.knowledge = knowledge  # the gazetteer places the dateline, on first use

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        focus = self._focus(parsed) if self.options.use_focus_country else None
        return parsed.with_(events=tuple(self._apply(e, focus) for e in parsed.events))

    def _focus(self, parsed: ParsedArticle) -> str | None:
        if parsed.dateline is not None:
            place = self.knowledge.gazetteer.resolve(parsed.dateline.place)
            if place is not None and place.country:
                return place.country
        return focus_country(parsed)

    def _apply(self, event: Event, focus: str | None) -> Event:
        place = event.location.country if event.location and event.location.country else None
        where = place or focus
        if where is None:
            return event
        if self.options.domestic_actor_country:
            event = replace(
                event, source=_domestic(event.source, where), target=_domestic(event.target, where)
            )
        if event.plover in self.options.implicit_state_target and not event.target:
            state = place or _single_country(event.source) or focus
            event = replace(event, target=(state_actor(state),)) if state else event
        return event


def _domestic(actors: Sequence[Actor], country: str) -> tuple[Actor, ...]:
    return tuple(replace(a, country=country) if is_unnamed_domestic(a) else a for a in actors)


def is_unnamed_domestic(actor: Actor) -> bool:
    """A role-word actor the text gives no name and no country: "gunmen", "residents"."""
    return actor.country is None and actor.name is None and actor.kind in ("group", "person", "organization")


def _single_country(actors: Iterable[Actor]) -> str | None:
    countries = {a.country for a in actors if a.country and a.country not in NON_STATE_CODES}
    return countries.pop() if len(countries) == 1 else None


def state_actor(country: str) -> Actor:
    """The government of ``country`` as an actor the text implies but does not name."""
    record = pycountry.countries.get(alpha_3=country)
    name = getattr(record, "common_name", None) or (record.name if record else country)
    return Actor(text=name, name=name, country=country, sector="GOV", kind="state")


def focus_country(parsed: ParsedArticle) -> str | None:
    """The country most of the article's located events, else of its actors, are in."""
    located = [e.location.country for e in parsed.events if e.location and e.location.country]
    counts = Counter(c for c in located if c not in NON_STATE_CODES)
    if not counts:
        counts = Counter(
            m.actor.country
            for m in parsed.mentions
            if m.actor is not None and m.actor.country and m.actor.country not in NON_STATE_CODES
        )
    return counts.most_common(1)[0][0] if counts else None


@stage_factory(
    "events.conventions",
    requires=("events", "mentions", "locations"),
    rewrites=("events",),
    options=ConventionOptions,
)
def convention_stage(context: StageContext) -> ConventionStage:
    """ICEWS/POLECAT conventions: unnamed domestic actors' country, protests aimed at the state."""
    return ConventionStage(context.options, context.knowledge)
