"""Closed-class English the mention finder relies on, read from ``data/mentions/grammar.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventwire.errors import KnowledgeBaseError
from eventwire.resources import Optional, load_resource

GRAMMAR_RESOURCE = "mentions/grammar.yaml"


@dataclass(frozen=True, slots=True)
class Pronoun:
    """What a pronoun can point at: number, the actor kinds it fits, and its case."""

    word: str
    plural: bool
    refers: frozenset[str]
    case: str
    gender: str | None = None  # "male" for he/him/his, "female" for she/her

    @property
    def reflexive(self) -> bool:
        return self.word.endswith(("self", "selves"))

    @property
    def possessive(self) -> bool:
        return self.case == "possessive"


@dataclass(frozen=True, slots=True)
class Grammar:
    """Word lists for pronouns, locative prepositions, place nouns and relational nouns."""

    pronouns: Mapping[str, Pronoun]
    locative_prepositions: frozenset[str]
    location_nouns: frozenset[str]
    patron_suffixes: frozenset[str]
    stance_prefixes: frozenset[str]
    ethnic_markers: frozenset[str]
    relational_nouns: Mapping[str, bool]  # noun -> the referent shares the possessor's country
    definite_determiners: frozenset[str]
    state_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    deployment_verbs: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    non_person_name_heads: frozenset[str] = frozenset()


def _words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeBaseError(f"grammar.yaml: '{key}' must be a list of words")
    return frozenset(v.lower() for v in value)


def _optional_words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    """A list that later versions of the file added: absent means empty."""
    return _words(data, key) if key in data else frozenset()


def _pronouns(data: Mapping[str, Any]) -> Mapping[str, Pronoun]:
    table: dict[str, Pronoun] = {}
    for word, spec in (data.get("pronouns") or {}).items():
        if not isinstance(spec, dict) or spec.get("number") not in ("singular", "plural"):
            raise KnowledgeBaseError(f"grammar.yaml: pronoun {word!r} needs number: singular|plural")
        refers = frozenset(str(r) for r in spec.get("refers") or [])
        gender = spec.get("gender")
        if gender not in (None, "male", "female"):
            raise KnowledgeBaseError(f"grammar.yaml: pronoun {word!r} has gender male|female, not {gender!r}")
        table[str(word)] = Pronoun(
            str(word), spec["number"] == "plural", refers, str(spec.get("case")), gender
        )
    return MappingProxyType(table)


def parse_grammar(data: Mapping[str, Any]) -> Grammar:
    """A ``Grammar`` from the parsed YAML mapping, with clear errors for a broken file."""
    relational = data.get("relational_nouns") or {}
    return Grammar(
        pronouns=_pronouns(data),
        locative_prepositions=_words(data, "locative_prepositions"),
        location_nouns=_words(data, "location_nouns"),
        patron_suffixes=_words(data, "patron_suffixes"),
        stance_prefixes=_words(data, "stance_prefixes"),
        ethnic_markers=_words(data, "ethnic_markers"),
        relational_nouns=MappingProxyType(
            {str(k).lower(): bool((v or {}).get("same_country")) for k, v in relational.items()}
        ),
        definite_determiners=_words(data, "definite_determiners"),
        state_nouns=_words(data, "state_nouns"),
        speech_verbs=_words(data, "speech_verbs"),
        deployment_verbs=_optional_words(data, "deployment_verbs"),
        quantity_nouns=_optional_words(data, "quantity_nouns"),
        non_person_name_heads=_optional_words(data, "non_person_name_heads"),
    )


def load_grammar(source: str | Path = GRAMMAR_RESOURCE) -> Grammar:
    """The grammar of ``source`` (the packaged file by default; the knowledge bundle reads it
    once per pipeline)."""
    data = load_resource(source, {"version": int, "pronouns": dict, "relational_nouns": Optional(dict)})
    if data["version"] != 1:
        raise KnowledgeBaseError(f"{source}: expected 'version: 1'")
    return parse_grammar(data)
