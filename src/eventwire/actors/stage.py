"""The actor stage (``actors.kb``): mentions, coreference chains and KB-resolved actors.

Adds ``mentions`` (sorted by position, each carrying its chain's actor) to the article,
and two notes for later stages and tools: ``actor_chains`` (``ChainReport`` per chain,
with the reason it was resolved) and ``places`` (toponyms used as locations, as
``Mention`` records whose actor carries the place's country).
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.actors.analysis import analyse
from eventwire.actors.candidates import KnowledgeBase, PlaceFinder
from eventwire.actors.grammar import Grammar, load_grammar
from eventwire.actors.kb import ActorKB, default_kb
from eventwire.actors.lookups import Lookups
from eventwire.config import Settings
from eventwire.nlp.parsed import ParsedArticle
from eventwire.when_where.gazetteer import default_gazetteer


@dataclass(frozen=True, slots=True)
class GazetteerPlaces:
    """The gazetteer as a ``PlaceFinder``: toponym -> ISO3 country."""

    def country_of(self, name: str) -> str | None:
        place = default_gazetteer().resolve(name)
        return place.country if place is not None else None


class ActorStage:
    """Finds actor mentions, chains them and resolves each chain against the KB."""

    name = "actors.kb"

    def __init__(self, kb: KnowledgeBase, grammar: Grammar, places: PlaceFinder | None) -> None:
        self.kb, self.grammar, self.places = kb, grammar, places

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        look = Lookups(self.kb, self.grammar, parsed.article.date, self.places)
        result = analyse(parsed.doc, look)
        notes = {**parsed.notes, "actor_chains": result.chains, "places": result.places}
        return parsed.with_(mentions=result.mentions, notes=notes)


def make_actor_stage(settings: Settings) -> ActorStage:
    """The stage with the packaged KB plus ``settings.actor_files``."""
    kb = ActorKB.load(settings.actor_files) if settings.actor_files else default_kb()
    return ActorStage(kb, load_grammar(), GazetteerPlaces())
