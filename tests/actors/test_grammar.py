"""The closed-class word lists the mention finder reads from data/mentions/grammar.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.actors.grammar import load_grammar, parse_grammar
from eventwire.errors import KnowledgeBaseError


def test_packaged_grammar_has_what_the_rules_rely_on() -> None:
    grammar = load_grammar()
    assert grammar.pronouns["he"].refers == frozenset({"person"})
    assert grammar.pronouns["their"].plural and grammar.pronouns["their"].possessive
    assert "speaker" in grammar.pronouns["we"].refers
    assert {"in", "at", "off"} <= grammar.locative_prepositions
    assert "to" not in grammar.locative_prepositions  # "troops sent to Bosnia" names an actor
    assert grammar.relational_nouns["counterpart"] is False
    assert "backed" in grammar.patron_suffixes


def _minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "pronouns": {"he": {"number": "singular", "refers": ["person"], "case": "subject"}},
        "locative_prepositions": ["in"],
        "location_nouns": ["city"],
        "patron_suffixes": ["backed"],
        "stance_prefixes": ["anti"],
        "ethnic_markers": ["ethnic"],
        "definite_determiners": ["the"],
        "state_nouns": ["country"],
        "speech_verbs": ["say"],
    }
    data.update(changes)
    return data


BROKEN = [
    ({"locative_prepositions": "in"}, "locative_prepositions"),
    ({"pronouns": {"he": {"number": "dual"}}}, "he"),
    ({"speech_verbs": [False]}, "speech_verbs"),  # YAML reads an unquoted `off`/`no` as a boolean
    ({"pronouns": {"he": {"number": "singular", "refers": ["person"], "gender": "m"}}}, "gender"),
    ({"deployment_verbs": "send"}, "deployment_verbs"),
]


@pytest.mark.parametrize(("change", "named"), BROKEN)
def test_broken_grammar_is_a_clear_error(change: dict[str, Any], named: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=named):
        parse_grammar(_minimal(**change))


def test_minimal_grammar_parses() -> None:
    grammar = parse_grammar(_minimal())
    assert grammar.pronouns["he"].plural is False and grammar.location_nouns == frozenset({"city"})


def test_later_lists_are_optional_and_packaged() -> None:
    minimal = parse_grammar(_minimal())
    assert minimal.deployment_verbs == frozenset() and minimal.pronouns["he"].gender is None
    grammar = load_grammar()
    assert {"deploy", "send", "mass"} <= grammar.deployment_verbs
    assert "attack" not in grammar.deployment_verbs  # a hostile verb's object is the other side
    assert "thousands" in grammar.quantity_nouns and "station" in grammar.non_person_name_heads
    assert (grammar.pronouns["him"].gender, grammar.pronouns["her"].gender) == ("male", "female")
    assert grammar.pronouns["himself"].reflexive and not grammar.pronouns["him"].reflexive
