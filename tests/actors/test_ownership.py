"""Whose forces, whose institutions, whose people: country evidence inside the sentence.

Each table row is (text, mention text, expected country); the KB is the hand-written fake.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.analysis import ActorAnalysis
from tests.actors.actor_fakes import Analyse

DAY = dt.date(2021, 6, 1)


def _country(result: ActorAnalysis, text: str) -> str | None:
    found = [m for m in result.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in result.mentions]}"
    assert found[0].actor is not None
    return found[0].actor.country


DEPLOYED = [
    # the subject of a deploying verb owns the forces, not the border or the place named
    ("Russia has moved thousands of troops near the Ukrainian border.", "troops", "RUS"),
    ("Germany sent soldiers and warships to a port near Nairobi.", "soldiers", "DEU"),
    ("Germany sent soldiers and warships to a port near Nairobi.", "warships", "DEU"),
    ("The Kremlin stationed hundreds of troops in Nairobi.", "troops", "RUS"),
    ("Russia has massed troops near Ukraine and deployed more soldiers.", "more soldiers", "RUS"),
    # a nationality in the phrase still wins over the subject
    ("Russia sent Ukrainian soldiers home.", "Ukrainian soldiers", "UKR"),
    # the definite description follows the earlier mention
    (
        "Russia massed troops near the Ukrainian border. The Kremlin denied that the troops would attack.",
        "the troops",
        "RUS",
    ),
]


@pytest.mark.parametrize(("text", "mention", "country"), DEPLOYED)
def test_deployed_forces_belong_to_the_subject(
    fake_analyse: Analyse, text: str, mention: str, country: str
) -> None:
    assert _country(fake_analyse(text, DAY), mention) == country


NOT_DEPLOYED = [
    # a hostile verb's object is the other side: the subject's country is no evidence
    ("Russia attacked troops near the Ukrainian border.", "troops", "RUS"),
    ("Ukraine said Russia shelled soldiers in the east.", "soldiers", "RUS"),
]


@pytest.mark.parametrize(("text", "mention", "country"), NOT_DEPLOYED)
def test_object_of_a_hostile_verb_is_not_the_subjects(
    fake_analyse: Analyse, text: str, mention: str, country: str
) -> None:
    assert _country(fake_analyse(text, DAY), mention) != country


PEOPLE = [
    # a state after "of"/"from" gives a name unknown to the KB its country
    ("France hosted the talks. Karim Nouri of Iran said they had failed.", "Karim Nouri", "IRN"),
    ("France hosted the talks. Ahmed Farouk from Sudan said they had failed.", "Ahmed Farouk", "SDN"),
    # apposition and a nationality adjective
    (
        "France hosted the talks. Karim Nouri, an Iranian diplomat, said they had failed.",
        "Karim Nouri",
        "IRN",
    ),
    (
        "France hosted the talks. Iranian lawyer Karim Nouri said they had failed.",
        "Iranian lawyer Karim Nouri",
        "IRN",
    ),
]


@pytest.mark.parametrize(("text", "mention", "country"), PEOPLE)
def test_unknown_people_take_the_country_their_sentence_gives(
    fake_analyse: Analyse, text: str, mention: str, country: str
) -> None:
    assert _country(fake_analyse(text, DAY), mention) == country


GENERIC = [
    # a bare plural institution noun names several states' institutions
    ("Orlov said that heads of ministries would meet in Geneva.", "ministries", None),
    ("Orlov said that heads of foreign ministries would meet in Nairobi.", "foreign ministries", None),
    # ... unless the sentence names a state
    ("Russia and Germany said ministries would meet in Geneva.", "ministries", "RUS"),
    # a singular or definite institution is specific and keeps the article's country
    ("Russia said the talks were over. The foreign ministry said so again.", "The foreign ministry", "RUS"),
]


@pytest.mark.parametrize(("text", "mention", "country"), GENERIC)
def test_generic_institutions_take_no_salient_country(
    fake_analyse: Analyse, text: str, mention: str, country: str | None
) -> None:
    assert _country(fake_analyse(text, DAY), mention) == country


PARTICIPIAL = [
    # (text, words that must not be a mention, a mention that must be there)
    ("Addressing reporters, Orlov said the talks were useful.", "reporters", "Orlov"),
    ("Briefing journalists, Helen Ward said the deal was close.", "journalists", "Helen Ward"),
    # a specific object stays an actor, without the participle
    ("Addressing the troops, Orlov said the war was over.", "Addressing the troops", "the troops"),
    # not an opening participle: the reporters are an actor
    ("Reporters asked Orlov about the talks.", "", "Reporters"),
]


@pytest.mark.parametrize(("text", "absent", "present"), PARTICIPIAL)
def test_objects_of_an_opening_participle(
    fake_analyse: Analyse, text: str, absent: str, present: str
) -> None:
    texts = [m.text for m in fake_analyse(text, DAY).mentions]
    assert absent not in texts
    assert present in texts


SURNAME_OR_TOWN = [
    # (text, is "Nakuru" a place?, country of the place or of the actor)
    ("Protesters rallied in Nakuru on Monday.", True, "KEN"),
    ("Nakuru said the talks had failed.", False, "ITA"),
]


@pytest.mark.parametrize(("text", "place", "country"), SURNAME_OR_TOWN)
def test_lone_surname_in_a_locative_position_is_a_town(
    fake_analyse: Analyse, text: str, place: bool, country: str
) -> None:
    result = fake_analyse(text, DAY)
    places = {p.text: p.actor.country if p.actor else None for p in result.places}
    if place:
        assert places.get("Nakuru") == country
        assert "Nakuru" not in [m.text for m in result.mentions]
    else:
        assert "Nakuru" not in places
        assert _country(result, "Nakuru") == country


def test_office_holder_of_another_body_is_not_the_states(fake_analyse: Analyse) -> None:
    result = fake_analyse("The US president rejected the plan.", DAY)
    actor = next(m.actor for m in result.mentions if m.text.endswith("president"))
    assert actor is not None
    assert (actor.name, actor.country) == (None, "USA")


PLACE_PHRASE = [
    # a nationality that qualifies the place in the role's own phrase gives its country
    ("Russia criticised the arrests. Police in the Kenyan capital detained protesters.", "Police", "KEN"),
    ("Russia criticised the vote. Citizens of the Sudanese capital protested.", "Citizens", "SDN"),
    ("Germany praised the vote. Protesters in a Sudanese town staged a sit-in.", "Protesters", "SDN"),
    # ... even when the article and the sentence name another state more often
    (
        "Russia annexed the area. Citizens of the Ukrainian plateau protested against Russia.",
        "Citizens",
        "UKR",
    ),
]


@pytest.mark.parametrize(("text", "mention", "country"), PLACE_PHRASE)
def test_nationality_of_the_place_in_the_phrase(
    fake_analyse: Analyse, text: str, mention: str, country: str
) -> None:
    assert _country(fake_analyse(text, DAY), mention) == country
