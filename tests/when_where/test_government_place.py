"""The convention for events whose only place is implied by a government acting
(docs/conventions.md, "Places implied by a government acting"): the country by default, the
capital when ``government_place = "capital"``. Sentences written for this file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline
from eventwire.records import CodedArticle, Location
from eventwire.when_where.stage import WhenWhereOptions
from tests.conftest import shared_knowledge

Code = Callable[..., CodedArticle]
BAN = "The Kenyan government banned night-time rallies."


@pytest.fixture(scope="module")
def capital_pipeline() -> Pipeline:
    settings = Settings(options={"when_where.default": {"government_place": "capital"}})
    return Pipeline.from_config(settings, knowledge=shared_knowledge())


def where(coded: CodedArticle) -> Location:
    assert coded.events, "no event coded"
    location = coded.events[0].location
    assert location is not None
    return location


def test_by_default_a_government_act_is_placed_at_country_precision(code: Code) -> None:
    location = where(code(BAN))
    assert (location.country, location.precision, location.source) == ("KEN", "country", "focus")


def test_the_capital_setting_puts_it_at_the_seat_of_government(capital_pipeline: Pipeline) -> None:
    location = where(capital_pipeline.code_text(BAN))
    assert (location.name, location.precision, location.source) == ("Nairobi", "town", "focus")


def test_the_capital_setting_leaves_other_actors_at_the_country(capital_pipeline: Pipeline) -> None:
    location = where(capital_pipeline.code_text("Gunmen torched a bus at night, Kenyan police said."))
    assert (location.country, location.precision) == ("KEN", "country")


def test_a_place_in_the_text_wins_over_the_capital(capital_pipeline: Pipeline) -> None:
    location = where(capital_pipeline.code_text("The Kenyan government banned rallies in Mombasa."))
    assert location.name == "Mombasa"


def test_an_unknown_setting_is_refused() -> None:
    with pytest.raises(ConfigError, match="government_place"):
        WhenWhereOptions(government_place="parliament")
