"""The word lists of ``data/arguments.yaml`` that the argument rules read.

Kept apart from ``arguments`` so that the rules module holds grammar only; every list is
explained where it is written, in the YAML file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import KnowledgeBaseError
from eventwire.resources import Optional, load_resource

TABLES_RESOURCE = "arguments.yaml"


@dataclass(frozen=True, slots=True)
class ArgumentTables:
    """The word lists of ``data/arguments.yaml``."""

    target_optional: frozenset[str]
    nominal_target_preps: tuple[str, ...]
    nested_target_preps: frozenset[str]
    control_preps: frozenset[str]
    light_verbs: frozenset[str]
    location_preps: frozenset[str]
    stative_participles: frozenset[str]
    complement_target_preps: frozenset[str]
    place_carrier_preps: frozenset[str]
    documents: frozenset[str]
    mover_types: frozenset[str]
    instrument_participles: frozenset[str]
    framing_nouns: frozenset[str]
    place_target_types: frozenset[str]
    envoy_nouns: frozenset[str]
    envoy_recalls: frozenset[str]
    envoy_expulsions: frozenset[str]
    posting_preps: frozenset[str]
    detention_words: frozenset[str]


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    values = data.get(key) or ()
    if not all(isinstance(v, str) for v in values):
        raise KnowledgeBaseError(f"{TABLES_RESOURCE}: {key} must be a list of strings")
    return tuple(
        v.upper() if key.endswith("_types") or key == "target_optional" else v.lower() for v in values
    )


def load_tables(source: str | Path = TABLES_RESOURCE) -> ArgumentTables:
    """Read the argument tables of ``source`` (the packaged file by default; the knowledge
    bundle calls this once per pipeline). Every table is optional: absent means empty."""
    fields = ArgumentTables.__dataclass_fields__
    data = load_resource(source, {name: Optional(list) for name in fields})
    return ArgumentTables(
        target_optional=frozenset(_strings(data, "target_optional")),
        nominal_target_preps=_strings(data, "nominal_target_preps"),
        nested_target_preps=frozenset(_strings(data, "nested_target_preps")),
        control_preps=frozenset(_strings(data, "control_preps")),
        light_verbs=frozenset(_strings(data, "light_verbs")),
        location_preps=frozenset(_strings(data, "location_preps")),
        stative_participles=frozenset(_strings(data, "stative_participles")),
        complement_target_preps=frozenset(_strings(data, "complement_target_preps")),
        place_carrier_preps=frozenset(_strings(data, "place_carrier_preps")),
        documents=frozenset(_strings(data, "documents")),
        mover_types=frozenset(_strings(data, "mover_types")),
        instrument_participles=frozenset(_strings(data, "instrument_participles")),
        framing_nouns=frozenset(_strings(data, "framing_nouns")),
        place_target_types=frozenset(_strings(data, "place_target_types")),
        envoy_nouns=frozenset(_strings(data, "envoy_nouns")),
        envoy_recalls=frozenset(_strings(data, "envoy_recalls")),
        envoy_expulsions=frozenset(_strings(data, "envoy_expulsions")),
        posting_preps=frozenset(_strings(data, "posting_preps")),
        detention_words=frozenset(_strings(data, "detention_words")),
    )
