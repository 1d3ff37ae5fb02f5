"""The actor stage (``actors.kb``): mentions, coreference chains and KB-resolved actors.

Adds ``mentions`` (sorted by position, each carrying its chain's actor), ``actor_chains``
(one ``ActorChain`` per chain, with the reason it was resolved) and ``places`` (toponyms
used as locations, as ``Mention`` records whose actor carries the place's country).
It runs after ``metadata.dateline``: office holders resolve against the article's date,
which a dateline may supply.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire.actors.analysis import analyse
from eventwire.actors.candidates import KnowledgeBase, PlaceFinder
from eventwire.actors.gender import GenderWords
from eventwire.actors.grammar import Grammar
from eventwire.actors.lookups import Lookups
from eventwire.geo.entities import place_entities
from eventwire.knowledge import Knowledge
from eventwire.nlp.parsed import ParsedArticle
from eventwire.registry import StageContext, stage_factory


@dataclass(frozen=True)
class GazetteerPlaces:
    """The bundle's gazetteer as a ``PlaceFinder``: toponym -> ISO3 country (loaded on first use).

    ``context`` are the countries the article names outright; a town name shared by several
    countries goes to one of them ("New Zealand police arrested a man in Hamilton" is not in
    Canada), before population decides.
    """

    knowledge: Knowledge
    context: tuple[str, ...] = ()

    def country_of(self, name: str) -> str | None:
        place = self.knowledge.gazetteer.resolve(name, self.context)
        return place.country if place is not None else None

    def in_article(self, doc: Doc) -> GazetteerPlaces:
        """The finder for one article, with the countries it names as context."""
        return GazetteerPlaces(self.knowledge, named_countries(doc, self.knowledge))


def named_countries(doc: Doc, knowledge: Knowledge) -> tuple[str, ...]:
    """Countries the text names outright, in order: country names (GPE) and nationality
    words (NORP: "Spanish", "Nicaraguan"). Cities are left out: they are what is resolved."""
    places = {ent.start: place for ent, place in place_entities(doc, knowledge.gazetteer)}
    found: dict[str, None] = {}
    for ent in doc.ents:
        country = None
        if ent.start in places:
            place = places[ent.start]
            country = place.country if place is not None and place.feature == "country" else None
        elif ent.label_ == "NORP":
            country = knowledge.actor_kb.country_for_adjective(ent.text)
        if country:
            found.setdefault(country)
    return tuple(found)


class ActorStage:
    """Finds actor mentions, chains them and resolves each chain against the KB."""

    name = "actors.kb"

    def __init__(
        self, kb: KnowledgeBase, grammar: Grammar, gender: GenderWords, places: GazetteerPlaces | None
    ) -> None:
        self.kb, self.grammar, self.gender, self.places = kb, grammar, gender, places

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        places: PlaceFinder | None = self.places.in_article(parsed.doc) if self.places else None
        look = Lookups(self.kb, self.grammar, self.gender, parsed.article.date, places)
        result = analyse(parsed.doc, look)
        return parsed.with_(mentions=result.mentions, actor_chains=result.chains, places=result.places)


@stage_factory("actors.kb", requires=("metadata",), provides=("mentions", "actor_chains", "places"))
def actor_stage(context: StageContext) -> ActorStage:
    """Actor mentions, coreference and resolution against the KB plus ``actor_files``."""
    knowledge = context.knowledge
    return ActorStage(knowledge.actor_kb, knowledge.grammar, knowledge.gender, GazetteerPlaces(knowledge))
