"""The ``events.conventions`` stage: the coding conventions of ICEWS and POLECAT, switchable.

Event datasets code some actors the text does not name, and users compare eventwire with
them, so after events are dated and placed this stage applies two conventions
(docs/conventions.md; each can be turned off in ``[options."events.conventions"]``):

- **Unnamed domestic actors take the country they act in.** "Gunmen", "protesters", "police"
  with no nationality and no country from the sentence get the country of the event's place
  (which ``when_where.default`` gives every event it can, down to the article's focus
  country). ICEWS and POLECAT code them so; leaving them country-less drops the event from
  every dyad count.
- **A protest aimed at no one is aimed at the state concerned.** A strike, march or sit-in
  that names no target gets the government of the country where it happens (else of the
  protesters' own country) as target, as PLOVER's and ICEWS's coders do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pycountry

from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import NON_STATE_CODES, Actor, Event
from eventwire.registry import StageContext, stage_factory


@dataclass(frozen=True)
class ConventionOptions:
    """Options of ``events.conventions`` (``[options."events.conventions"]``)."""

    # Unnamed actors (role words such as "gunmen", no name) with no country take the event's.
    domestic_actor_country: bool = True
    # Event types whose events with no target are aimed at the state where they happen.
    implicit_state_target: tuple[str, ...] = ("PROTEST",)


class ConventionStage:
    """Applies the configured conventions to every event of an article."""

    name = "events.conventions"

    def __init__(self, options: ConventionOptions) -> None:
        self.options = options

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        return parsed.with_(events=tuple(self.apply(e) for e in parsed.events))

    def apply(self, event: Event) -> Event:
        """The event with the configured conventions applied."""
        place = event.location.country if event.location and event.location.country else None
        if place is not None and self.options.domestic_actor_country:
            source, target = _domestic(event.source, place), _domestic(event.target, place)
            event = replace(event, source=source, target=target)
        if event.plover in self.options.implicit_state_target and not event.target:
            state = place or _single_country(event.source)
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


@stage_factory(
    "events.conventions",
    requires=("events", "locations"),
    rewrites=("events",),
    options=ConventionOptions,
)
def convention_stage(context: StageContext) -> ConventionStage:
    """ICEWS/POLECAT conventions: unnamed domestic actors' country, protests aimed at the state."""
    return ConventionStage(context.options)
