"""The events.conventions stage: unnamed domestic actors and protests aimed at no one."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.events.conventions import ConventionOptions, ConventionStage, is_unnamed_domestic, state_actor
from eventwire.pipeline import Pipeline
from eventwire.records import Actor, Event, Location, Span
from tests.conftest import shared_knowledge

GUNMEN = Actor(text="gunmen", sector="UAF", kind="group")
VILLAGERS = Actor(text="villagers", sector="CVL", kind="group")
TOWN = Location(name="Mopti", country="MLI", lat=14.49, lon=-4.19, precision="town")


def _event(
    plover: str, source: tuple[Actor, ...], target: tuple[Actor, ...] = (), where: Location | None = TOWN
) -> Event:
    return Event(plover, "190", 0, Span("attacked", 0, 8), source=source, target=target, location=where)


def _stage(**options: object) -> ConventionStage:
    return ConventionStage(ConventionOptions(**options))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        (GUNMEN, True),
        (Actor(text="a local councillor", sector="GOV", kind="person"), True),
        (Actor(text="Mali", name="Mali", country="MLI", kind="state"), False),
        (Actor(text="Ahmed Diallo", name="Ahmed Diallo", kind="person"), False),  # named: not guessed
        (Actor(text="UN peacekeepers", country="IGO", sector="IGO", kind="group"), False),
    ],
)
def test_which_actors_are_unnamed_domestic(actor: Actor, expected: bool) -> None:
    assert is_unnamed_domestic(actor) is expected


def test_state_actor_uses_the_common_name() -> None:
    assert state_actor("BOL") == Actor(
        text="Bolivia", name="Bolivia", country="BOL", sector="GOV", kind="state"
    )


def test_unnamed_actors_take_the_country_of_the_event_place() -> None:
    out = _stage().apply(_event("ASSAULT", (GUNMEN,), (VILLAGERS,)))
    assert [a.country for a in out.source + out.target] == ["MLI", "MLI"]


def test_without_a_place_unnamed_actors_stay_unknown() -> None:
    event = _event("ASSAULT", (GUNMEN,), where=None)
    assert _stage().apply(event) == event


def test_an_unplaced_protest_is_aimed_at_the_protesters_own_state() -> None:
    unionists = Actor(text="Chilean dock workers", country="CHL", sector="LAB", kind="group")
    out = _stage().apply(_event("PROTEST", (unionists,), where=None))
    assert [a.country for a in out.target] == ["CHL"]


def test_a_protest_without_target_is_aimed_at_the_state_where_it_happens() -> None:
    out = _stage().apply(_event("PROTEST", (VILLAGERS,)))
    assert [(a.country, a.sector, a.kind) for a in out.target] == [("MLI", "GOV", "state")]


def test_a_protest_with_a_target_keeps_it() -> None:
    embassy = Actor(text="the French embassy", country="FRA", sector="GOV", kind="organization")
    out = _stage().apply(_event("PROTEST", (VILLAGERS,), (embassy,)))
    assert out.target == (embassy,)


def test_each_convention_can_be_turned_off() -> None:
    off = _stage(domestic_actor_country=False, implicit_state_target=(), domestic_target=())
    event = _event("PROTEST", (Actor(text="students", sector="EDU", kind="group"),))
    assert off.apply(event) == event


ARTICLES = [
    # (text, expected source countries, expected target countries) of the first event
    ("Hundreds of students marched through Bamako on Friday against the new exam rules.", ["MLI"], ["MLI"]),
    ("Truck drivers went on strike in Lusaka over fuel prices.", ["ZMB"], ["ZMB"]),
    ("Masked gunmen torched a bus depot in Gonaives overnight.", ["HTI"], []),
    # told without an agent: the state arrests, unidentified attackers bomb
    ("Forty miners were detained in Oruro on Monday.", ["BOL"], ["BOL"]),
    ("A bomb exploded at a bus stop in Quetta on Tuesday, killing four people.", ["PAK"], ["PAK"]),
    # a domestic concession names no target: the country it is made in
    ("Ecuador's president promised to withdraw the fuel-price rise.", ["ECU"], ["ECU"]),
]


@pytest.mark.parametrize(("text", "sources", "targets"), ARTICLES)
def test_the_default_pipeline_applies_the_conventions(
    pipeline: Pipeline, text: str, sources: list[str], targets: list[str]
) -> None:
    event = pipeline.code_text(text).events[0]
    assert [a.country for a in event.source] == sources
    assert [a.country for a in event.target][: len(targets)] == targets


def test_the_stage_is_optional(pipeline: Pipeline) -> None:
    stages = tuple(s for s in Settings().stages if s != "events.conventions")
    plain = Pipeline.from_config(Settings(stages=stages), knowledge=shared_knowledge())
    text = "Zambian truck drivers went on strike over fuel prices."
    assert plain.code_text(text).events[0].target == ()
    assert pipeline.code_text(text).events[0].target


COMPANIONS = [
    # (text, expected event types in order)
    ("Riot police in Yerevan beat protesters with batons on Thursday.", ["ASSAULT", "PROTEST"]),
    ("Security forces detained dozens of striking miners and protesters near Potosi.", ["COERCE", "PROTEST"]),
    ("Police did not detain any protesters in Tirana.", []),  # no affirmed force: no companion
    ("Soldiers shelled a market in Gao.", ["ASSAULT"]),  # force without participants
    # a protest told in a relative clause on the people acted on is its own event
    (
        "Police in Quito arrested nurses who had marched on the ministry to demand back pay.",
        ["COERCE", "PROTEST"],
    ),
]


@pytest.mark.parametrize(("text", "types"), COMPANIONS)
def test_protesters_met_with_force_also_protested(pipeline: Pipeline, text: str, types: list[str]) -> None:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    assert [e.plover for e in events] == types


def test_the_companion_protest_is_by_the_participants_against_their_state(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Riot police in Yerevan beat protesters with batons on Thursday.").events
    protest = events[-1]
    assert protest.cameo == "141" and protest.trigger.text == "protesters"
    assert [a.country for a in protest.source] == ["ARM"] and [a.country for a in protest.target] == ["ARM"]


APPEALS_AND_DEMANDS = [
    # (text, CAMEO root): appeals are 02, demands 10 (the CAMEO manual's distinction by tone)
    ("The Vatican urged Colombia's rebels to free the kidnapped nuns.", "02"),
    ("Fiji appealed to Australia for help after the cyclone.", "02"),
    ("Nepal asked India to reopen the border crossing at Birgunj.", "02"),
    ("The union called on Ghana's government to raise teachers' pay.", "02"),
    ("Algeria demanded that Morocco withdraw its ambassador's remarks.", "10"),
    ("Striking miners demanded the resignation of Bolivia's energy minister.", "10"),
]


@pytest.mark.parametrize(("text", "root"), APPEALS_AND_DEMANDS)
def test_appeals_and_demands_get_their_cameo_roots(pipeline: Pipeline, text: str, root: str) -> None:
    (event,) = [e for e in pipeline.code_text(text).events if e.plover == "REQUEST"]
    assert event.cameo[:2] == root
    assert (event.goldstein or 0) > -1 if root == "02" else (event.goldstein or 0) <= -4


STATE_POLICE = Actor(text="Malian gendarmes", country="MLI", sector="COP", kind="group")
FOREIGN_ENVOY = Actor(text="the French envoy", country="FRA", sector="GOV", kind="person")
REGIONAL_BLOC = Actor(text="ECOWAS", name="ECOWAS", country="IGO", sector="IGO", kind="organization")

AGENTLESS = [
    # (event type, expected sector and kind of the unnamed agent coded for it)
    ("COERCE", ("GOV", "state")),  # "dozens were detained": the state arrests
    ("ASSAULT", ("UAF", "group")),  # "a car bomb went off": unidentified attackers
    ("PROTEST", ("CVL", "group")),  # "a rally was held": protesters
]


@pytest.mark.parametrize(("plover", "expected"), AGENTLESS)
def test_an_agentless_event_gets_an_unnamed_actor_of_its_country(
    plover: str, expected: tuple[str, str]
) -> None:
    out = _stage().apply(_event(plover, ()))
    assert [(a.country, a.sector, a.kind) for a in out.source] == [("MLI", *expected)]


def test_an_agentless_event_without_a_place_keeps_no_source() -> None:
    assert _stage().apply(_event("COERCE", (), where=None)).source == ()


def test_an_agentless_type_outside_the_list_keeps_no_source() -> None:
    assert _stage().apply(_event("CONSULT", ())).source == ()


DOMESTIC_TARGETS = [
    # (event type, sources, expected target countries)
    ("COERCE", (STATE_POLICE,), ["MLI"]),  # a curfew imposed at home
    ("CONCEDE", (STATE_POLICE,), ["MLI"]),  # a concession to its own people
    ("ASSAULT", (GUNMEN,), ["MLI"]),  # unnamed gunmen take the place's country first
    ("ACCUSE", (FOREIGN_ENVOY,), []),  # a foreign actor: no target is guessed
    ("ACCUSE", (REGIONAL_BLOC,), []),  # nor for an international body
    ("CONSULT", (STATE_POLICE,), []),  # a meeting needs a named partner
    ("MOBILIZE", (STATE_POLICE,), []),  # troops deployed at home target no one
]


@pytest.mark.parametrize(("plover", "sources", "expected"), DOMESTIC_TARGETS)
def test_a_domestic_event_with_no_target_is_aimed_at_its_country(
    plover: str, sources: tuple[Actor, ...], expected: list[str]
) -> None:
    out = _stage().apply(_event(plover, sources))
    assert [a.country for a in out.target] == expected
    assert all(a.kind == "state" and a.sector is None for a in out.target)


def test_the_agentless_and_domestic_conventions_can_be_turned_off() -> None:
    off = _stage(implicit_source=(), domestic_target=())
    event = _event("COERCE", ())
    assert off.apply(event) == event
