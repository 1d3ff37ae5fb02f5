"""Dyad classes of unseen news (issue 10: events whose type is right but whose dyad is not),
in our own words. Each table is one mechanism over the parse; a row is (text, PLOVER type,
expected source countries, expected target countries) of the event of that type."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.records import Event


def _event(pipeline: Pipeline, text: str, plover: str) -> Event:
    events = [e for e in pipeline.code_text(text).events if e.plover == plover and not e.negated]
    assert events, f"no {plover} event in {text!r}"
    return events[-1]


def _countries(event: Event) -> tuple[set[str], set[str]]:
    return {a.country for a in event.source if a.country}, {a.country for a in event.target if a.country}


# An act referred to by a definite noun ("the move", "the decision") or answered ("a
# response") is aimed at whoever did it, named as the subject of an earlier sentence.
ACT_ANAPHORA = [
    (
        "Norway expelled two Iranian diplomats on Friday. Tehran called the decision a hostile act.",
        "ACCUSE",
        {"IRN"},
        {"NOR"},
    ),
    (
        "Serbia's parliament passed a law on the status of Kosovo. Kosovo's government condemned "
        "the move on Tuesday.",
        "ACCUSE",
        {"XKX"},
        {"SRB"},
    ),
    (
        "Estonia closed its consulate in Pskov. The Russian foreign ministry promised a response.",
        "THREATEN",
        {"RUS"},
        {"EST"},
    ),
    (
        "Peru and Bolivia signed a border accord in La Paz. Chile welcomed the accord.",
        "SUPPORT",
        {"CHL"},
        {"PER", "BOL"},
    ),
]

# "The country" where no state was named by name is the country of the place named before it.
STATE_NOUN = [
    (
        "Kenyan troops handed their last base in Kismayo to the Somali army, completing their "
        "withdrawal from the country.",
        "RETREAT",
        {"KEN"},
        {"SOM"},
    ),
]

# "The two sides", "both countries": the last two parties of different states named before.
PAIR_ANAPHORA = [
    (
        "Ghana's president met Togo's president in Lome, and the two sides agreed to reopen the border.",
        "AGREE",
        {"GHA", "TGO"},
        set(),
    ),
    (
        "Indian and Chinese troops clashed in Ladakh. Days later both countries' defence ministers "
        "met in Moscow.",
        "CONSULT",
        {"IND", "CHN"},
        set(),
    ),
]

# A date hanging on a control verb is nobody who acts: "voted on Monday to expel".
DATE_NOT_CONTROLLER = [
    ("Peru's Congress voted on Thursday to expel a lawmaker accused of bribery.", "SANCTION", {"PER"}, set()),
]


# An act "blamed on" or "attributed to" someone was done by them.
BLAMED = [
    ("A rocket attack blamed on Hezbollah hit a kibbutz in northern Israel.", "ASSAULT", {"LBN"}, {"ISR"}),
    ("A drone strike attributed to Ukraine set fire to a refinery near Tuapse.", "ASSAULT", {"UKR"}, set()),
]


# Roads are places, not actors (the "Pan-American Highway" is no American actor), and a
# place of unknown country tells no dyad: the event's country stands in.
ROADS_AND_UNKNOWN_PLACES = [
    (
        "Truckers blocked the Pan-American Highway south of Panama City on Monday.",
        "PROTEST",
        {"PAN"},
        {"PAN"},
    ),
    (
        "Artillery shells struck a clinic in Sudan's West Kordofan state, killing four patients.",
        "ASSAULT",
        set(),
        {"SDN"},
    ),
]


# An act done "with" an instrument noun is its verb's subject's ("It responded with artillery
# fire"), and "it" may stand for a collective named before ("the Israeli military said").
WITH_INSTRUMENT = [
    (
        "Turkey retaliated with air strikes on Kurdish positions in northern Iraq.",
        "ASSAULT",
        {"TUR"},
        {"IRQ"},
    ),
    (
        "Militants shelled a base near Gao on Friday, the Malian army said. It responded with air strikes "
        "on a camp in Menaka.",
        "ASSAULT",
        {"MLI"},
        set(),
    ),
]

# An act on a vehicle falls on the people it carries; an attack on a thing on those its toll names.
CARRIED = [
    ("Israeli aircraft bombed a car in Tyre, killing a Hezbollah commander.", "ASSAULT", {"ISR"}, {"LBN"}),
    (
        "Russian drones struck a minibus near Kherson, wounding four Ukrainian medics.",
        "ASSAULT",
        {"RUS"},
        {"UKR"},
    ),
    (
        "The Thai navy pushed back a boat carrying 120 Rohingya refugees off Satun.",
        "COERCE",
        {"THA"},
        {"MMR"},
    ),
    ("Gunmen ambushed a bus carrying Kenyan police officers near Mandera.", "ASSAULT", set(), {"KEN"}),
]


# "a U.S.-backed plan" written as one token still names its patron, whose plan it is; a
# suspect's clause names whom he is suspected of holding, who holds no one.
PATRONS_AND_SUSPECTS = [
    ("Myanmar's junta rejected a U.S.-backed ceasefire plan on Friday.", "REJECT", {"MMR"}, {"USA"}),
    ("Police in Accra detained a woman accused of abducting a Dutch tourist.", "COERCE", {"GHA"}, {"GHA"}),
]


@pytest.mark.parametrize(
    ("text", "plover", "source", "target"),
    WITH_INSTRUMENT
    + CARRIED
    + ROADS_AND_UNKNOWN_PLACES
    + ACT_ANAPHORA
    + PAIR_ANAPHORA
    + DATE_NOT_CONTROLLER
    + BLAMED,
)
def test_dyads_reach_back_past_the_sentence(
    pipeline: Pipeline, text: str, plover: str, source: set[str], target: set[str]
) -> None:
    coded_source, coded_target = _countries(_event(pipeline, text, plover))
    assert source <= coded_source
    assert target <= coded_target


def test_a_noun_naming_its_own_doer_looks_no_further(pipeline: Pipeline) -> None:
    # "the move by Caracas" says whose move it was; the earlier subject is not borrowed
    text = "Brazil deployed troops to Roraima. Guyana condemned the blockade by Venezuelan troops."
    assert _countries(_event(pipeline, text, "ACCUSE"))[1] == {"VEN"}


def test_an_act_of_the_source_itself_is_no_target(pipeline: Pipeline) -> None:
    # the only earlier subject is the speaker's own state: no dyad is invented
    text = "Uganda expelled a French diplomat. Ugandan officials defended the decision on Monday."
    event = [e for e in pipeline.code_text(text).events if e.sentence == 1]
    assert all("UGA" not in _countries(e)[1] for e in event)


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram fighters killed nine soldiers near Maiduguri.",
        "Al-Shabaab militants ambushed a convoy of Somali soldiers near Afgoye.",
    ],
)
def test_soldiers_are_an_armed_groups_enemy_not_its_instrument(pipeline: Pipeline, text: str) -> None:
    # a state's own forces are its instrument ("Greece dispatched warships"); a rebel group
    # coded with the country it fights in does not command that country's soldiers
    event = _event(pipeline, text, "ASSAULT")
    assert [a.sector for a in event.target] == ["MIL"]
