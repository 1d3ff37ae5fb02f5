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
- **An act told without its agent was done by an unnamed actor of the country it happens in.**
  "23 students were arrested", "a bomb exploded in the market", "a march was held": an
  arrest is the state's, an attack unidentified attackers', a protest protesters' (ICEWS's
  "Police (Country)", "Unidentified Forces (Country)", "Protester (Country)").
- **A domestic act aimed at no one is aimed at the country it happens in.** A curfew, a
  bombing, a rejected motion or a promised concession whose actors are all of the country
  where it happens, and which names no target, is coded against that country: it acts on
  its own people and institutions, as the gold of PLOVER-style datasets codes it. An act
  by a foreign or international actor is left without a target: guessing would invent a dyad.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pycountry

from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import NON_STATE_CODES, Actor, ActorKind, Event
from eventwire.registry import StageContext, stage_factory


@dataclass(frozen=True)
class ConventionOptions:
    """Options of ``events.conventions`` (``[options."events.conventions"]``)."""

    # Unnamed actors (role words such as "gunmen", no name) with no country take the event's.
    domestic_actor_country: bool = True
    # Event types whose events with no target are aimed at the state where they happen.
    implicit_state_target: tuple[str, ...] = ("PROTEST",)
    # Event types whose events told without an agent take an unnamed actor of their country.
    implicit_source: tuple[str, ...] = ("ASSAULT", "COERCE", "PROTEST")
    # Event types whose domestic events with no target are aimed at the country they happen in.
    domestic_target: tuple[str, ...] = (
        "ACCUSE",
        "ASSAULT",
        "COERCE",
        "CONCEDE",
        "PROTEST",
        "REJECT",
        "REQUEST",
        "RETREAT",
        "SANCTION",
        "THREATEN",
    )


# Who an agentless act of each type is by: "were arrested" by the state, "exploded" by
# unidentified attackers, "a march was held" by protesters (ICEWS's unnamed-actor sectors).
UNNAMED_AGENTS: tuple[tuple[str, str, ActorKind], ...] = (
    ("ASSAULT", "UAF", "group"),
    ("COERCE", "GOV", "state"),
    ("PROTEST", "CVL", "group"),
)


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
        if place is not None and not event.source and event.plover in self.options.implicit_source:
            event = replace(event, source=(unnamed_agent(event.plover, place),))
        if event.plover in self.options.implicit_state_target and not event.target:
            state = place or _single_country(event.source)
            event = replace(event, target=(state_actor(state),)) if state else event
        if place is not None and not event.target and event.plover in self.options.domestic_target:
            event = replace(event, target=_domestic_target(event.source, place))
        return event


def _domestic(actors: Sequence[Actor], country: str) -> tuple[Actor, ...]:
    return tuple(replace(a, country=country) if is_unnamed_domestic(a) else a for a in actors)


def is_unnamed_domestic(actor: Actor) -> bool:
    """A role-word actor the text gives no name and no country: "gunmen", "residents"."""
    return actor.country is None and actor.name is None and actor.kind in ("group", "person", "organization")


def _domestic_target(sources: Sequence[Actor], place: str) -> tuple[Actor, ...]:
    """The country itself, when every actor of the event is of the country it happens in."""
    if any(a.country != place for a in sources if a.country):
        return ()
    return (replace(state_actor(place), sector=None),)


def unnamed_agent(plover: str, country: str) -> Actor:
    """The unnamed actor of ``country`` an agentless event of type ``plover`` is coded with.

    Its text is the country's name, all that is known of it; only the state keeps the name.
    """
    state = state_actor(country)
    for type_, sector, kind in UNNAMED_AGENTS:
        if type_ == plover:
            return state if kind == "state" else replace(state, name=None, sector=sector, kind=kind)
    return replace(state, name=None, sector=None, kind="group")


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
