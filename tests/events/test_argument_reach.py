"""Recall through the parse (issue 11): a trigger's sense comes from arguments one step away.

Each table is one mechanism, in our own words:

* a verb's subject may sit on the verb that controls it or is coordinated with it
  ("nurses *voted to strike*", "drivers marched and *went on strike*");
* an object may only open the way to what is acted on ("blocked *access to* a website",
  "froze *$20 million in* aid");
* a labour modifier settles the sense of "strike" whatever preposition follows.
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


def _first(pipeline: Pipeline, text: str) -> tuple[str, str]:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    assert events, text
    return events[0].plover, events[0].cameo[:2]


@pytest.mark.parametrize(("text", "plover", "root"), SHARED_SUBJECT + REACHED_OBJECT + STRIKE_SENSE)
def test_sense_from_reached_argument(pipeline: Pipeline, text: str, plover: str, root: str) -> None:
    assert _first(pipeline, text) == (plover, root)
