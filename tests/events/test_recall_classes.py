"""Recall classes of unseen news (issue 11, the b4 batch studied by class), in our own words.

Each table is one mechanism: words of blame that name an act are criticism, a participial
accusation is a speech act of its own, crowd-control weapons are violent repression, a state
closing its border restricts movement, and verb families the lexicon lacked (seizing drugs,
returning artefacts, handing over military equipment, selling energy, ordering an agency out,
voting to expel a member, offering forces).
"""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

# (text, PLOVER type of the first event, CAMEO root or None)
TYPES = [
    # naming an act with a word of blame criticises whoever did it (CAMEO 111)
    ("The Nigerian senate called the fuel price rise illegal.", "ACCUSE", "11"),
    ("Bolivia branded the court's ruling unlawful.", "ACCUSE", "11"),
    ("Opposition leaders in Harare called the election result a fraud.", "ACCUSE", "11"),
    # crowd-control weapons turned on people are violent repression (175), whatever the verb
    ("Police in Lagos turned water cannon on striking dock workers.", "ASSAULT", "17"),
    ("Riot police used tear gas and batons against students in Dhaka.", "ASSAULT", "17"),
    ("Security forces fired rubber bullets at mourners in Jenin.", "ASSAULT", "17"),
    # angry residents burning property riot (145), as crowds do
    ("Angry villagers torched a police post in Kasese after a man died in custody.", "PROTEST", "14"),
    # vehicles parked across a road block it
    (
        "Taxi drivers parked their cars across the main bridge in Kinshasa, demanding cheaper fuel.",
        "PROTEST",
        "14",
    ),
    # a state closing its border restricts movement (191); boats pushed back are expelled (174)
    ("Tajikistan closed its border with Kyrgyzstan on Friday.", "COERCE", "19"),
    ("Greek coast guards pushed back a dinghy carrying 40 migrants.", "COERCE", "17"),
    # verb families: drugs seized, artefacts returned, equipment handed over, energy sold
    ("Spanish police seized two tonnes of cocaine in Algeciras.", "COERCE", "17"),
    ("France returned 26 royal treasures to Benin.", "RETREAT", "08"),
    # a plural name keeps its common noun: "Lombok Treasures" are treasures
    ("The Netherlands returned 400 Lombok Treasures to Indonesia.", "RETREAT", "08"),
    ("The United States handed over six helicopters to the Kenyan army.", "AID", "07"),
    ("Tajikistan began supplying electricity to Afghanistan in May.", "COOPERATE", "06"),
    # a call by phone is consultation; lawmakers walking out of a sitting protest
    ("The Chilean and Argentine foreign ministers spoke by phone on Sunday.", "CONSULT", "04"),
    ("Opposition senators walked out as the minister began her speech.", "PROTEST", "14"),
    # restoring a cut internet and scrapping lawmakers' perks are concessions
    ("Gabon's government restored mobile internet in Libreville on Thursday.", "CONCEDE", "08"),
    ("Kenya's president scrapped the housing allowances of cabinet ministers.", "CONCEDE", "08"),
    # a militia calling up its fighters mobilises, whatever the purpose phrase says
    ("Houthi commanders called up thousands of fighters for a push on Marib.", "MOBILIZE", "15"),
    # an offer of forces is protection offered, never a threat
    ("Rwanda offered to send police officers to the Central African Republic.", "AGREE", "03"),
    # ordering an agency out of the country expels it; a body that votes to act acts
    ("Burkina Faso's junta ordered a French aid agency to leave the country.", "SANCTION", "16"),
    ("Peru's Congress voted to expel a lawmaker accused of bribery.", "SANCTION", "16"),
]

MULTI = [
    # an accusation voiced in a participial adjunct is the main subject's own speech act
    (
        "Chile recalled its ambassador from Caracas, accusing Venezuela of meddling in its election.",
        {"SANCTION", "ACCUSE"},
    ),
    (
        "Poland closed its border with Belarus, calling the migrant crossings a hybrid attack.",
        {"COERCE", "ACCUSE"},
    ),
    # naming a fault is one act; what the speaker does next in the same sentence is another
    (
        "The Algerian government called the arrests unlawful and asked the African Union to intervene.",
        {"ACCUSE", "REQUEST"},
    ),
    # a finite verb coordinated with an accusation is a second act, not what was alleged
    (
        "Chad accused Sudan of arming rebels and recalled its ambassador from Khartoum.",
        {"ACCUSE", "SANCTION"},
    ),
    ("Peru accused Bolivia of meddling and expelled two of its diplomats.", {"ACCUSE", "SANCTION"}),
    # a protest told in a participle on the people force was used on is its own event
    (
        "Police fired tear gas at farmers protesting against land seizures near Kisumu.",
        {"ASSAULT", "PROTEST"},
    ),
    # so is a protest noun it acted on that names its own protesters
    ("Police used tear gas to break up a march by opposition supporters in Lusaka.", {"ASSAULT", "PROTEST"}),
]

# (text, the set of types found must be exactly this)
EXACT = [
    # a purpose adjunct is no event of its own: only accusations are
    ("Truck drivers blocked the motorway near Lyon, demanding lower fuel taxes.", {"PROTEST"}),
    # studying a plan is no investigation
    ("Officials in Seoul said they were studying the proposal.", set()),
    # a legislature passing its own law legislates; it supports no one
    ("Chile's Senate approved a law on Tuesday raising the minimum wage.", set()),
]

# (text, a type that must not be found)
NOT_TYPE = [
    # ordering one's own people out is an evacuation, not an expulsion
    ("The army ordered residents to leave the border villages.", "SANCTION"),
    # words of praise name no fault
    ("The two foreign ministers called the talks useful.", "ACCUSE"),
    # calling a meeting convenes it; only "calling off" cancels
    ("The regional bloc called an emergency summit on the crisis.", "SANCTION"),
]


def _affirmed(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(e.plover, e.cameo) for e in pipeline.code_text(text).events if not e.negated]


@pytest.mark.parametrize(("text", "plover", "root"), TYPES)
def test_first_event_type(pipeline: Pipeline, text: str, plover: str, root: str) -> None:
    events = _affirmed(pipeline, text)
    assert events and events[0][0] == plover and events[0][1][:2] == root, events


@pytest.mark.parametrize(("text", "types"), MULTI)
def test_every_event_is_found(pipeline: Pipeline, text: str, types: set[str]) -> None:
    found = {plover for plover, _ in _affirmed(pipeline, text)}
    assert types <= found, found


@pytest.mark.parametrize(("text", "types"), EXACT)
def test_nothing_more_is_found(pipeline: Pipeline, text: str, types: set[str]) -> None:
    found = {plover for plover, _ in _affirmed(pipeline, text)}
    assert found == types, found


@pytest.mark.parametrize(("text", "plover"), NOT_TYPE)
def test_sense_excludes_a_type(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover not in {found for found, _ in _affirmed(pipeline, text)}
