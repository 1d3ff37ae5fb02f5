"""Typed, frozen, JSON-serialisable records that travel between pipeline stages.

A spaCy ``Doc`` never appears here: stages hand each other these records so that a
rule-based stage and a learned one can replace each other without touching the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "future", "hypothetical", "conditional"]
DatePrecision = Literal["day", "month", "year"]
# How exactly a location is known, coarsest last: GDELT's and ACLED's geo precision levels.
LocationPrecision = Literal["point", "town", "district", "province", "country"]
MentionKind = Literal["name", "nominal", "pronoun", "adjective", "metonym"]
ActorKind = Literal["person", "organization", "state", "group"]
# Actor "country" codes that are no country: international, non-governmental and
# multinational bodies, international militant groups (CAMEO's IGO, NGO, MNC, IMG).
NON_STATE_CODES = frozenset({"IGO", "NGO", "MNC", "IMG"})


def stable_id(text: str) -> str:
    """Article id derived from its text, identical across runs and machines."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as it was read: text plus whatever metadata came with it."""

    text: str
    id: str = ""
    title: str | None = None
    date: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    # Set by the readers: the detected language (ISO 639-1, "und" when undecided) and what was
    # dropped or repaired on the way in (a bad date, a re-decoded line), for the output line.
    language: str | None = None
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", stable_id(self.text))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "publisher": self.publisher,
            "url": self.url,
            "language": self.language,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with character offsets into the article text."""

    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts or is acted upon: the contract's Actor object."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: ActorKind | None = None
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "wikidata": self.wikidata,
        }

    @property
    def identity(self) -> tuple[str | None, str | None, str | None, str | None]:
        """What makes two mentions the same actor, whatever their surface text."""
        return (self.name, self.country, self.sector, self.kind)


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that refers to an actor, and the chain it belongs to.

    ``token_start``/``token_end`` index the article's parsed tokens so that stages that
    hold the parse can align arguments with mentions; ``start``/``end`` are characters.
    """

    text: str
    start: int
    end: int
    sentence: int
    token_start: int
    token_end: int
    kind: MentionKind
    actor: Actor | None = None
    chain: int | None = None
    head: int | None = None  # token index of the syntactic head

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "kind": self.kind,
            "chain": self.chain,
            "actor": self.actor.to_dict() if self.actor else None,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of article text by character offsets (an event's trigger, say)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, resolved to a country and coordinates when known."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    # text: a place the sentence names; dateline: where the story was filed; focus: the
    # country the article is about, for an event the text does not place; unresolved: a name
    # the gazetteer does not know.
    source: Literal["text", "dateline", "focus", "unresolved"] = "text"
    precision: LocationPrecision | None = None  # None when the name did not resolve
    # What the gazetteer row is, so exports need not guess it from coordinates: the GeoNames id
    # (towns and cities), the GeoNames admin-1 code of the province it lies in (or is), and the
    # GeoNames feature class ("P" populated place, "A" country or admin unit, "L" other area).
    geonames_id: str | None = None
    admin1: str | None = None
    feature_class: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "source": self.source,
            "precision": self.precision,
            "geonames_id": self.geonames_id,
            "admin1": self.admin1,
            "feature_class": self.feature_class,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one coded event with the sentence it came from."""

    plover: str
    cameo: str
    sentence: int
    trigger: Span
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    goldstein: float | None = None
    quad: int | None = None
    negated: bool = False
    modality: Modality = "asserted"
    date: str | None = None
    date_precision: DatePrecision | None = None
    location: Location | None = None
    reported_by: tuple[Actor, ...] = ()
    confidence: float = 0.5
    coder: str = "rules"

    def to_dict(self) -> dict[str, Any]:
        return {
            "plover": self.plover,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad": self.quad,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "negated": self.negated,
            "modality": self.modality,
            "sentence": self.sentence,
            "trigger": self.trigger.to_dict(),
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "location_precision": self.location.precision if self.location else None,
            "reported_by": [a.to_dict() for a in self.reported_by],
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: a direct or indirect quotation and how it reached the article."""

    text: str
    start: int
    end: int
    speaker: Actor | None = None
    cue: str | None = None
    direct: bool = True
    reported_by: tuple[Actor, ...] = ()
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue,
            "direct": self.direct,
            "reported_by": [a.to_dict() for a in self.reported_by],
        }


@dataclass(frozen=True, slots=True)
class ArticleError:
    """Why an article could not be coded; stored and reported, never raised past the batch."""

    type: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}


@dataclass(frozen=True, slots=True)
class RejectedInput:
    """An input record that could not become an ``Article``; it still gets its output line."""

    id: str
    error: ArticleError
    # The article as read, when there was one (e.g. left uncoded for its language): its
    # metadata and warnings still reach the output line.
    article: Article | None = None


@dataclass(frozen=True, slots=True)
class ActorChain:
    """One coreference chain: its actor, why it resolved so, and how each mention joined it."""

    chain: int
    actor: Actor
    reason: str
    mentions: tuple[Mention, ...]
    links: tuple[str, ...]  # per mention: how it joined the chain

    def to_dict(self) -> dict[str, Any]:
        return {
            "chain": self.chain,
            "actor": self.actor.to_dict(),
            "reason": self.reason,
            "mentions": [m.to_dict() for m in self.mentions],
            "links": list(self.links),
        }


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says; ``end`` is the character offset where the story text starts."""

    place: str
    publisher: str | None
    date: dt.date | None
    end: int

    def to_dict(self) -> dict[str, Any]:
        day = self.date.isoformat() if self.date else None
        return {"place": self.place, "publisher": self.publisher, "date": day}


@dataclass(frozen=True, slots=True)
class EventDateNote:
    """Where an event's date came from: its clause, the sentence, or the publication date."""

    event: int
    source: str
    expression: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "source": self.source, "expression": self.expression}


@dataclass(frozen=True, slots=True)
class EventPlaceNote:
    """Why an event has its place: the step that chose it ("clause", "sentence", "previous
    sentence", "dateline", "focus", "unresolved", "none"), the name it read there, and that
    name's gazetteer candidates as "name (ISO3, precision)", the chosen one first."""

    event: int
    step: str
    toponym: str | None = None
    candidates: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "step": self.step,
            "toponym": self.toponym,
            "candidates": list(self.candidates),
        }


@dataclass(frozen=True, slots=True)
class Diagnostics:
    """What the stages inferred or could not resolve, for users checking a record (JSON-safe)."""

    dateline: Dateline | None = None
    event_dates: tuple[EventDateNote, ...] = ()
    unresolved_places: tuple[str, ...] = ()
    event_places: tuple[EventPlaceNote, ...] = ()
    warnings: tuple[str, ...] = ()  # what was repaired or cut on the way in (a split long text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "event_dates": [n.to_dict() for n in self.event_dates],
            "unresolved_places": list(self.unresolved_places),
            "event_places": [n.to_dict() for n in self.event_places],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything eventwire found in one article: the unit a pipeline yields."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    error: ArticleError | None = None
    actor_chains: tuple[ActorChain, ...] = field(default=(), compare=False)
    places: tuple[Mention, ...] = field(default=(), compare=False)
    extras: Diagnostics = field(default_factory=Diagnostics, compare=False)

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every distinct actor the article mentions, in order of first mention."""
        seen: dict[tuple[str | None, ...], Actor] = {}
        for mention in self.mentions:
            actor = mention.actor
            if actor is None or (actor.country is None and actor.name is None):
                continue
            seen.setdefault(actor.identity, actor)
        return tuple(seen.values())

    def to_contract_dict(self) -> dict[str, Any]:
        """The output line defined by CONTRACT.md, plus ``language`` when it was detected and
        ``warnings`` when something was dropped or repaired on the way in."""
        line: dict[str, Any] = {
            "id": self.article.id,
            "events": [e.to_dict() for e in self.events],
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "error": self.error.to_dict() if self.error else None,
        }
        if self.article.language is not None:
            line["language"] = self.article.language
        warnings = [*self.article.warnings, *self.extras.warnings]
        if warnings:
            line["warnings"] = warnings
        return line

    def to_dict(self) -> dict[str, Any]:
        """The contract line plus what a reader checking it needs, under four more keys.

        ``article`` (the input: id, text, title, date, publisher, url), ``sentences`` (index,
        offsets, text: an event's ``sentence`` indexes this list), ``mentions`` (every actor
        mention with its chain and resolved actor) and ``diagnostics`` (the dateline, where
        each event date came from, toponyms that did not resolve).
        """
        return {
            **self.to_contract_dict(),
            "article": self.article.to_dict(),
            "sentences": [s.to_dict() for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "diagnostics": self.extras.to_dict(),
        }

    def to_json(self, indent: int | None = None) -> str:
        """``to_dict()`` as a JSON string (UTF-8 text kept as is, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
