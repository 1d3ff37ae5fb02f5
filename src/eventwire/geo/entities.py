"""The toponyms the parser tagged (GPE/LOC) with what the gazetteer makes of them.

Several steps need the article's named places: the actor stage (which countries the text
names), the when/where stage (which countries rank candidate places, which names stay
unresolved). Resolving every entity once and passing the list on keeps them from each looking
the same names up again.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventwire.geo.gazetteer import Gazetteer, Place

PLACE_LABELS = frozenset({"GPE", "LOC"})


def place_entities(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, Place | None]]:
    """Every GPE/LOC entity of ``doc`` in text order, with its place (None when unknown)."""
    return [(ent, gazetteer.resolve(ent.text)) for ent in doc.ents if ent.label_ in PLACE_LABELS]
