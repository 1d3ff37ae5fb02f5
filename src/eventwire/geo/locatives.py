"""How English says where: the prepositions and verbs that make a name a place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwire.resources import load_resource

LOCATIVES_RESOURCE = "places/locatives.yaml"


@dataclass(frozen=True, slots=True)
class Locatives:
    """How the text says where: see ``data/places/locatives.yaml``."""

    prepositions: frozenset[str]
    place_object_verbs: frozenset[str]


def load_locatives(source: str | Path = LOCATIVES_RESOURCE) -> Locatives:
    """The locative lexicon of ``source`` (the packaged one by default; the knowledge bundle
    keeps the one copy a pipeline uses)."""
    raw = load_resource(source, {"prepositions": list, "place_object_verbs": list})
    return Locatives(frozenset(raw["prepositions"]), frozenset(raw["place_object_verbs"]))
