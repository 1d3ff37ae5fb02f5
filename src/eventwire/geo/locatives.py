"""How English says where: the prepositions and verbs that make a name a place."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.resources import load_resource


@dataclass(frozen=True, slots=True)
class Locatives:
    """How the text says where: see ``data/places/locatives.yaml``."""

    prepositions: frozenset[str]
    place_object_verbs: frozenset[str]


def load_locatives() -> Locatives:
    """The packaged locative lexicon (the knowledge bundle keeps the one copy a pipeline uses)."""
    raw = load_resource("places/locatives.yaml", {"prepositions": list, "place_object_verbs": list})
    return Locatives(frozenset(raw["prepositions"]), frozenset(raw["place_object_verbs"]))
