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
    destination_verbs: frozenset[str] = frozenset()
    enclosing_fillers: frozenset[str] = frozenset()
    assault_heads: frozenset[str] = frozenset()

    def is_locative(self, preposition: str, verb_lemma: str) -> bool:
        """Does this preposition, hanging on this verb, say where the event happened?
        "to" does after verbs of sending ("deployed to Eagle Pass"), "on" after words of
        attacking ("the assault on Pokrovsk"), neither elsewhere ("sanctions on Iran")."""
        return (
            preposition in self.prepositions
            or (preposition == "to" and verb_lemma in self.destination_verbs)
            or (preposition == "on" and verb_lemma in self.assault_heads)
        )


def load_locatives(source: str | Path = LOCATIVES_RESOURCE) -> Locatives:
    """The locative lexicon of ``source`` (the packaged one by default; the knowledge bundle
    keeps the one copy a pipeline uses)."""
    lists = ("prepositions", "place_object_verbs", "destination_verbs", "enclosing_fillers", "assault_heads")
    raw = load_resource(source, dict.fromkeys(lists, list))
    return Locatives(*(frozenset(raw[name]) for name in lists))
