"""Coordinated nationality words inside one actor mention: "Lithuanian and Polish border
guards", "Iranian and American negotiators".

The actor stage resolves such a phrase to one actor, with the first nationality's country, and
marks every nationality word as a mention of its own. An event whose argument is the phrase
has one party per country: ``coordinated_nationals`` gives the parties after the first, each
the phrase's actor (sector, kind) with the other country.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from eventwire.records import Mention


def coordinated_nationals(mentions: Iterable[Mention], mention: Mention, doc: Doc) -> list[Mention]:
    """The other parties of a mention whose nationality words are coordinated ("and", ",")."""
    actor = mention.actor
    if actor is None or not actor.country:
        return []
    found: list[Mention] = []
    for m in mentions:
        inside = mention.token_start <= m.token_start and m.token_end <= mention.token_end
        if m is mention or m.kind != "adjective" or m.head is None or not inside or m.actor is None:
            continue
        if doc[m.head].dep_ == "conj" and m.actor.country not in (None, actor.country):
            party = replace(actor, text=m.text, name=None, wikidata=None, country=m.actor.country)
            found.append(replace(m, actor=party))
    return found
