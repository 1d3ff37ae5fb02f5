"""Recall through the parse (issue 11): a trigger's sense comes from arguments one step away.

Each table is one mechanism, in our own words:

* a verb's subject may sit on the verb that controls it or is coordinated with it
  ("nurses *voted to strike*", "drivers marched and *went on strike*");
* an object may only open the way to what is acted on ("blocked *access to* a website",
  "froze *$20 million in* aid");
* a labour modifier settles the sense of "strike" whatever preposition follows;
* a verb may carry the event noun through a word in between ("took *part in* a rally",
  "are *out on* strike"), and "taking part" is no act of its own;
* a body two parties set up together ("a joint company", "a joint task force") is cooperation;
* verb families by their arguments: accepting a truce agrees to it, a truce that takes hold is
  observed, officials who gather meet while crowds who gather protest;
* a participle before a noun acts on that noun, also where the parser reads a whole clause
  that way ("Pakistan test-fired two missiles"): a weapons test, not an attack;
* a crowd dispersed *with* something (tear gas, batons, live rounds) met force: violent
  repression (175), where a bare dispersal restricts (172);
* a crowd storming a building riots (145); armed men storming one attack.
"""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

# (text, PLOVER type of the first event, CAMEO root)
SHARED_SUBJECT = [
    # the controller's subject: workers striking are protesting, not attacking
    ("Nurses at the main hospital in Harare voted to strike from Monday.", "PROTEST", "14"),
    ("Miners in Potosi decided to strike until their wages are paid.", "PROTEST", "14"),
    ("Bus drivers in Accra began to walk out over fuel prices on Monday.", "PROTEST", "14"),
    # a coordinated verb shares the first one's subject: residents who loot riot
    ("Angry residents gathered outside the town hall in Bukavu and looted two shops.", "PROTEST", "14"),
]

REACHED_OBJECT = [
    # what access is blocked to decides between censorship and a road blockade
    ("The Ethiopian authorities blocked access to popular messaging apps on Sunday.", "COERCE", "17"),
    ("Officials in Tehran restricted access to foreign news websites.", "COERCE", "17"),
    ("Farmers blocked access to the port of Rotterdam with their tractors.", "PROTEST", "14"),
    # an amount names what it measures: cutting money in aid is a sanction
    ("Germany froze 40 million euros in development aid to Niger.", "SANCTION", "16"),
    ("Washington withheld $60 million of security assistance from Kabul.", "SANCTION", "16"),
]

STRIKE_SENSE = [
    ("Traders across Nepal closed their shops in a nationwide strike against new taxes.", "PROTEST", "14"),
    ("Detained activists in Bahrain began a hunger strike against their treatment.", "PROTEST", "14"),
    # an air strike stays an attack
    ("Saudi jets carried out an air strike on a fuel depot in Hodeidah.", "ASSAULT", "19"),
]


CARRIED_NOUN = [
    ("Several thousand people took part in a rally in Yerevan against the border deal.", "PROTEST", "14"),
    ("Dozens of farmers participated in a march on the agriculture ministry in Lima.", "PROTEST", "14"),
    ("Court clerks across Zambia are out on strike over housing allowances.", "PROTEST", "14"),
    # "took part *of*" is still a seizure: only "part in" carries an event noun
    ("Jihadists took part of the town of Djibo after a week of fighting.", "ASSAULT", "19"),
]

JOINT_BODY = [
    ("Chile and Argentina set up a joint company to build a tunnel under the Andes.", "COOPERATE", "06"),
    ("Niger and Nigeria formed a joint task force against cattle rustlers.", "COOPERATE", "06"),
    ("Two state oil firms from Oman and India launched a joint venture on Monday.", "COOPERATE", "06"),
]


FAMILY_SENSE = [
    ("The militia leaders accepted a truce brokered by Qatar.", "AGREE", "03"),
    ("A ceasefire between the two clans took hold in Galkayo on Thursday.", "RETREAT", "08"),
    ("The truce came into force at dawn, the mediators said.", "RETREAT", "08"),
    ("Defence ministers of the Sahel states gathered in Niamey for two days of talks.", "CONSULT", "04"),
    ("Hundreds of students gathered outside the parliament in Tirana.", "PROTEST", "14"),
    # air defences deployed are a military move like troops deployed
    ("Russia deployed a new air defence system in Kaliningrad.", "MOBILIZE", "15"),
]


PRENOMINAL_PARTICIPLE = [
    ("South Korea test-fired two new cruise missiles off its west coast.", "MOBILIZE", "15"),
    ("Pakistan test-fired three short-range missiles over the Arabian Sea.", "MOBILIZE", "15"),
]


DISPERSAL = [
    ("Riot police dispersed the striking miners with rubber bullets in Rustenburg.", "ASSAULT", "17"),
    ("Troops scattered the mourners with live rounds outside the cathedral.", "ASSAULT", "17"),
    ("Gendarmes drove back the marchers with water cannon near the palace.", "ASSAULT", "17"),
    ("Police dispersed the crowd outside the courthouse on Monday.", "COERCE", "17"),
]


STORMING = [
    ("Angry supporters of the ousted mayor stormed the town hall in Oruro.", "PROTEST", "14"),
    ("Protesters stormed the electoral office in Kinshasa on Monday night.", "PROTEST", "14"),
    ("Gunmen stormed a police station in Tillaberi before dawn.", "ASSAULT", "19"),
]


def _first(pipeline: Pipeline, text: str) -> tuple[str, str]:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    assert events, text
    return events[0].plover, events[0].cameo[:2]


@pytest.mark.parametrize(
    ("text", "plover", "root"),
    SHARED_SUBJECT
    + REACHED_OBJECT
    + STRIKE_SENSE
    + CARRIED_NOUN
    + JOINT_BODY
    + FAMILY_SENSE
    + PRENOMINAL_PARTICIPLE
    + DISPERSAL
    + STORMING,
)
def test_sense_from_reached_argument(pipeline: Pipeline, text: str, plover: str, root: str) -> None:
    assert _first(pipeline, text) == (plover, root)
