"""The packaged argument tables (events/argument_tables.py)."""

from __future__ import annotations

import pytest

from eventwire.errors import KnowledgeBaseError
from eventwire.events.argument_tables import _strings
from tests.conftest import shared_knowledge


def test_event_types_are_upper_case_and_words_lower_case() -> None:
    data = {"place_target_types": ["assault"], "envoy_nouns": ["Ambassador"]}
    assert _strings(data, "place_target_types") == ("ASSAULT",)
    assert _strings(data, "envoy_nouns") == ("ambassador",)


def test_a_bare_yaml_boolean_is_a_broken_table() -> None:
    # YAML reads a bare on or no as a boolean: the loader must refuse it, not drop it.
    with pytest.raises(KnowledgeBaseError):
        _strings({"posting_preps": ["to", True]}, "posting_preps")


@pytest.mark.parametrize(
    ("table", "word"),
    [
        ("envoy_nouns", "ambassador"),
        ("envoy_recalls", "recall"),
        ("envoy_expulsions", "expel"),
        ("posting_preps", "to"),
    ],
)
def test_the_packaged_tables_hold_the_envoy_words(table: str, word: str) -> None:
    assert word in getattr(shared_knowledge().argument_tables, table)


def test_meetings_are_not_among_the_types_whose_place_is_a_party() -> None:
    assert {"CONSULT", "AGREE", "SUPPORT"}.isdisjoint(shared_knowledge().argument_tables.place_target_types)
