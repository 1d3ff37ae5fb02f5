"""Weak event classes of unseen news (issue 11), as (text, expected) tables in our own words.

Each table is a class of cases that one mechanism decides, never a single sentence: where a
withdrawal's target comes from, which concessions, support and protests are recognised, and
which arguments decide a trigger's sense.
"""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

# (text, type, source countries, target countries)
DYADS = [
    # a withdrawal is aimed at whom the forces leave: "from X", "out of X", whatever the verb
    ("Kenya withdrew its police officers from Haiti.", "RETREAT", {"KEN"}, {"HTI"}),
    ("Rwandan troops pulled out of eastern Congo.", "RETREAT", {"RWA"}, {"COD"}),
    ("The Chadian army retreated from northern Cameroon.", "RETREAT", {"TCD"}, {"CMR"}),
    ("China withdrew its coast guard ships from Philippine waters.", "RETREAT", {"CHN"}, {"PHL"}),
]

# An announced or promised political concession is the concession (CONCEDE), not intent to
# cooperate: the government yields by announcing it. Promised releases and withdrawals stay
# statements of intent (AGREE), as the conventions say.
TYPES = [
    ("Kenya's president said he would lift the ban on opposition rallies.", "CONCEDE"),
    ("The interior ministry announced that the curfew in Bamako would be lifted from Friday.", "CONCEDE"),
    ("The Ghanaian government promised to lift the ban on street vendors.", "CONCEDE"),
    ("Kazakhstan agreed to ease restrictions on foreign journalists.", "CONCEDE"),
    ("Azerbaijan said it would pull its troops back from the ridge.", "AGREE"),
]

# Protest senses decided by the arguments: refusing food is a hunger strike, walking off the
# job a strike; blocking or cutting internet access is censorship (COERCE), not a blockade.
TYPES += [
    ("A detained opposition leader in Zambia has refused food for a week to protest her arrest.", "PROTEST"),
    ("Bus drivers in Nairobi walked off the job on Monday.", "PROTEST"),
    ("Authorities in Ethiopia cut mobile internet access in Amhara region.", "COERCE"),
    ("Farmers blocked access to the port of Rotterdam.", "PROTEST"),
]

# Senses the perturbation probe's simple forms revealed: what is mobilised decides (armed
# forces whatever the spelling), a lifted veto is a concession, a suspect handed over is
# extradition, rescue teams sent abroad are aid.
TYPES += [
    ("Armenia mobilised army reservists on the border with Azerbaijan.", "MOBILIZE"),
    ("Union leaders mobilised dock workers against the privatisation plan.", "PROTEST"),
    ("Hungary lifted its veto on the European Union's aid package.", "CONCEDE"),
    ("Italy handed the suspect over to Albanian police.", "COOPERATE"),
    ("Greece sent rescue teams to Morocco.", "AID"),
]

# Property destroyed or looted by armed men is violence (ASSAULT); rioters doing it riot;
# freeing people someone else held is a rescue (AID), freeing one's own captives a release.
TYPES += [
    ("Government troops torched houses in three villages near Kumbo.", "ASSAULT"),
    ("Armed men looted the main market in Gao overnight.", "ASSAULT"),
    ("Raiders stole 200 goats from herders near Lodwar.", "ASSAULT"),
    ("Rioters set fire to cars and looted shops in Lyon.", "PROTEST"),
    ("Kenyan police freed nine travellers held by kidnappers near Garissa.", "AID"),
    ("Nigerian troops freed 20 abducted farmers in Zamfara state.", "AID"),
    ("The rebels released 30 hostages in Kivu.", "RETREAT"),
    ("Iran freed a French tourist held for three years.", "RETREAT"),
    # "stepped down" with "down" parsed as an adverb is still a resignation
    ("Ghana's energy minister stepped down on Monday amid a row over power cuts.", "RETREAT"),
    # leaving a treaty or a body reduces relations (SANCTION), leaving a territory is a retreat
    ("Russia formally pulled out of the Treaty on Open Skies on Tuesday.", "SANCTION"),
    ("Mali completed its withdrawal from the Economic Community of West African States.", "SANCTION"),
    ("Israel completed its withdrawal from Gaza.", "RETREAT"),
    # signing a truce is signing a formal agreement (CAMEO 057, SUPPORT in the crosswalk)
    ("The two rival militias signed a ceasefire in Tripoli on Monday.", "SUPPORT"),
    # drones and armoured vehicles delivered to an army are military aid
    ("Turkey delivered armed drones and armoured vehicles to the Somali army this week.", "AID"),
]

NO_EVENT = [
    # natural forces destroy and cut, but do not act
    "A fire destroyed part of the old market in Kisangani on Sunday.",
    # a bystander's act in an after-clause is background
    "The bus company raised its fares after the driver refused to work on Sundays.",
    # dismantling a criminal ring is no disarmament
    "Detectives dismantled a car theft ring that had operated for years.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(pipeline: Pipeline, text: str) -> None:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    assert events == [], [(e.plover, e.trigger.text) for e in events]


# Multi-event reports: every main clause reports its own event, whether the clauses are
# joined by "and", by a semicolon, or misparsed as one hanging on the other.
MULTI = [
    (
        "Thousands of workers marched in Istanbul on Monday; police detained 150 people.",
        {"PROTEST", "COERCE"},
    ),
    ("Police fired tear gas and detained 20 students in Jayapura.", {"ASSAULT", "COERCE"}),
    (
        "Malawi's president met opposition leaders in Lilongwe and promised to lift a ban on their rallies.",
        {"CONSULT", "CONCEDE"},
    ),
    ("Rebels seized the town of Kalehe and released 30 hostages.", {"ASSAULT", "RETREAT"}),
    # an adverbial clause whose own named actor acts is an event of its own
    (
        "Belarus freed 18 political prisoners on Thursday, hours after a U.S. envoy met Lukashenko.",
        {"RETREAT", "CONSULT"},
    ),
    # a joint military action: the partners cooperate and act together on a third party
    (
        "Kenyan and Somali troops launched a joint offensive against al-Shabaab in Gedo.",
        {"COOPERATE", "ASSAULT"},
    ),
    ("Nigerien and Malian soldiers carried out a joint raid on a militant camp.", {"COOPERATE", "ASSAULT"}),
]


@pytest.mark.parametrize(("text", "types"), MULTI)
def test_every_main_clause_is_an_event(pipeline: Pipeline, text: str, types: set[str]) -> None:
    found = {e.plover for e in pipeline.code_text(text).events if not e.negated}
    assert types <= found, found


def test_background_clause_stays_out_of_a_multi_event_report(pipeline: Pipeline) -> None:
    text = "Kenya and Ethiopia signed a border pact after talks that followed weeks of clashes."
    found = {e.plover for e in pipeline.code_text(text).events if not e.negated}
    assert found == {"SUPPORT"}, found


@pytest.mark.parametrize(("text", "plover"), TYPES)
def test_main_type(pipeline: Pipeline, text: str, plover: str) -> None:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    assert events and events[0].plover == plover, [(e.plover, e.cameo, e.trigger.text) for e in events]
    assert events[0].modality == "asserted"


@pytest.mark.parametrize(("text", "plover", "source", "target"), DYADS)
def test_type_and_dyad(
    pipeline: Pipeline, text: str, plover: str, source: set[str], target: set[str]
) -> None:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    found = [(e.plover, {a.country for a in e.source}, {a.country for a in e.target}) for e in events]
    assert (plover, source, target) in found, found
