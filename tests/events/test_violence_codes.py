"""CAMEO codes of violent acts from their parties (events/violence.py). Sentences written
for these tests; the expected codes follow the CAMEO manual's definitions."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

CASES = [
    # security forces turning force on a crowd: violent repression (root 17)
    ("Riot police shot dead three demonstrators in Conakry on Thursday.", "175"),
    ("Soldiers opened fire on mourners at a funeral in Bamako.", "175"),
    ("Gendarmes fired on striking miners' picket in Oruro.", "175"),
    # one person of public standing killed: assassination
    ("Unknown gunmen shot dead a mayor in Michoacan on Sunday.", "186"),
    ("Assailants killed a prominent land rights activist in Para.", "186"),
    # dozens or hundreds of non-combatants: mass killing (root 20)
    ("Militiamen killed more than 40 villagers in Ituri province.", "202"),
    ("Jihadists killed dozens of worshippers at a mosque in Tahoua.", "202"),
    ("Bandits attacked a market in Zamfara, killing about 50 people.", "202"),
    # state forces killing fighters: conventional military force (root 19)
    ("Nigerian troops killed 17 insurgents near Lake Chad.", "190"),
    ("Police commandos killed four gang fighters in a raid in Port-au-Prince.", "190"),
    # left as the lexicon codes them: small numbers, non-state attackers, specific weapons
    ("Gunmen killed three farmers in Benue state.", "1823"),
    ("A roadside bomb killed two councillors near Kandahar.", "183"),
]


@pytest.mark.parametrize(("text", "cameo"), CASES)
def test_violent_act_takes_the_code_of_its_parties(pipeline: Pipeline, text: str, cameo: str) -> None:
    codes = [e.cameo for e in pipeline.code_text(text).events if e.plover == "ASSAULT"]
    assert codes and codes[0] == cameo, codes
