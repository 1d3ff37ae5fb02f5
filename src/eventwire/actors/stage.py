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
from eventwire.actors.kb_files import SECTORS_FILE, load_sectors, packaged_name, read_yaml
from eventwire.actors.lookups import Lookups
from eventwire.errors import ConfigError
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


@dataclass(frozen=True)
class ActorOptions:
    """Options of ``actors.kb`` (``[options."actors.kb"]``)."""

    # Sector of a state named as an actor by its own name or short form ("Kenya said",
    # "the Democratic People's Republic of Korea"): its government, as ICEWS and POLECAT code
    # a bare state name. "" leaves the sector empty (CAMEO's bare country code, "KEN").
    state_sector: str = "GOV"
    # Country code of international NGOs (Amnesty International, "Sahel Rights Watch"): "IGO"
    # as the PLOVER gold codes them, or "NGO" as CAMEO's actor codes and the project's blind
    # gold do (docs/actors.md, "Choices worth knowing").
    ngo_country: str = "IGO"


class ActorStage:
    """Finds actor mentions, chains them and resolves each chain against the KB."""

    name = "actors.kb"

    def __init__(
        self,
        kb: KnowledgeBase,
        grammar: Grammar,
        gender: GenderWords,
        places: GazetteerPlaces | None,
        options: ActorOptions | None = None,
    ) -> None:
        self.kb, self.grammar, self.gender, self.places = kb, grammar, gender, places
        self.options = options or ActorOptions()

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        places: PlaceFinder | None = self.places.in_article(parsed.doc) if self.places else None
        look = Lookups(
            self.kb,
            self.grammar,
            self.gender,
            parsed.article.date,
            places,
            self.options.state_sector or None,
            self.options.ngo_country,
        )
        result = analyse(parsed.doc, look)
        return parsed.with_(mentions=result.mentions, actor_chains=result.chains, places=result.places)


def _sector_codes() -> frozenset[str]:
    return load_sectors(read_yaml(packaged_name(SECTORS_FILE), SECTORS_FILE))


@stage_factory(
    "actors.kb", requires=("metadata",), provides=("mentions", "actor_chains", "places"), options=ActorOptions
)
def actor_stage(context: StageContext) -> ActorStage:
    """Actor mentions, coreference and resolution against the KB plus ``actor_files``."""
    knowledge, options = context.knowledge, context.options
    if options.state_sector and options.state_sector not in _sector_codes():
        raise ConfigError(f"actors.kb: state_sector {options.state_sector!r} is no code of sectors.yaml")
    if options.ngo_country not in ("IGO", "NGO"):
        raise ConfigError(f"actors.kb: ngo_country must be 'IGO' or 'NGO', got {options.ngo_country!r}")
    return ActorStage(
        knowledge.actor_kb, knowledge.grammar, knowledge.gender, GazetteerPlaces(knowledge), options
    )
