"""Event attachment beyond the event's own clause, and admin units named in the text.

Each sentence here is written for this file; it names a mechanism, not a gold record."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedArticle, Location

Code = Callable[..., CodedArticle]


def locations(code: Code, text: str) -> list[Location | None]:
    coded = code(text)
    assert coded.events, f"no event coded in {text!r}"
    return [e.location for e in coded.events]


def test_a_follow_up_sentence_takes_the_previous_sentence_s_place(code: Code) -> None:
    first, second, *_ = locations(
        code, "Heavy shelling hit Kharkiv on Monday. Two civilians were killed and a school was destroyed."
    )
    assert first is not None and second is not None
    assert first.name == second.name == "Kharkiv" and second.source == "text"


def test_a_place_outside_the_event_s_clause_but_in_its_sentence(code: Code) -> None:
    (where, *_) = locations(code, "Riot police beat students who were protesting in Mandalay.")
    assert where is not None and (where.name, where.country) == ("Mandalay", "MMR")


def test_a_country_named_as_an_actor_is_no_event_place(code: Code) -> None:
    (where, *_) = locations(code, "Kyiv accused Moscow of shelling a hospital.")
    assert where is None or where.name != "Moscow"


def test_a_destination_is_not_where_the_event_happened(code: Code) -> None:
    (where, *_) = locations(code, "The army withdrew to Mosul after the clashes.")
    assert where is None or where.precision == "country"


@pytest.mark.parametrize(
    ("text", "country", "precision"),
    [
        ("Gunmen ambushed a police convoy in Nangarhar province on Friday.", "AFG", "province"),
        ("Militants killed four soldiers in the Bijapur district of Karnataka.", "IND", "district"),
        ("Police detained dozens of miners in Zamfara state.", "NGA", "province"),
    ],
)
def test_admin_units_named_in_the_text(code: Code, text: str, country: str, precision: str) -> None:
    (where, *_) = locations(code, text)
    assert where is not None and (where.country, where.precision) == (country, precision)


def test_a_province_named_in_the_story_decides_a_homonym(code: Code) -> None:
    # India's Hyderabad is far larger; the Sindh named by the reporting clause is Pakistan's
    (where, *_) = locations(
        code, "Gunmen attacked a bus near Hyderabad on Sunday, police in Sindh province said."
    )
    assert where is not None and (where.name, where.country) == ("Hyderabad", "PAK")


def test_a_town_qualified_by_its_province(code: Code) -> None:
    (where, *_) = locations(code, "Soldiers arrested three men in Kingston, Ontario.")
    assert where is not None and where.country == "CAN"


def test_a_small_town_placed_in_its_country_by_the_text(code: Code) -> None:
    (where, *_) = locations(code, "Artillery shelled houses near Jermuk, in southern Armenia, overnight.")
    assert where is not None and (where.name, where.country, where.precision) == ("Jermuk", "ARM", "town")


def test_a_deployment_takes_its_destination(code: Code) -> None:
    (where, *_) = locations(code, "The government deployed 500 soldiers to Bunia after the massacre.")
    assert where is not None and where.name == "Bunia"
