"""What the mention finder hands the resolver: candidates with their evidence, and the KB protocol.

A ``Candidate`` is working state inside one article's analysis (it is filled in as
coreference proceeds); only ``Mention`` records leave the actor stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from eventwire.records import MentionKind


class EntryLike(Protocol):
    """The fields of a knowledge-base entry the resolver reads (``kb.KBEntry``)."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def sector(self) -> str | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def wikidata(self) -> str | None: ...
    @property
    def office(self) -> str | None: ...


class KnowledgeBase(Protocol):
    """The actor knowledge base as the mention finder uses it (``kb.ActorKB``)."""

    def lookup(self, text: str, on: dt.date | None = None) -> EntryLike | None: ...
    def country_for_adjective(self, word: str) -> str | None: ...
    def misspelt_country(self, word: str) -> str | None: ...
    def role(self, phrase: str) -> tuple[str, str] | None: ...
    def org_type(self, name: str) -> tuple[str, str] | None: ...
    def national_body(self, country: str, short: str) -> tuple[str, str] | None: ...
    def office_holder(self, country: str, office: str, on: dt.date) -> EntryLike | None: ...


class PlaceFinder(Protocol):
    """Toponym -> country (``when_where.gazetteer.Gazetteer`` adapted); None when unknown."""

    def country_of(self, name: str) -> str | None: ...


@dataclass
class Candidate:
    """A stretch of tokens that may refer to an actor, with what the parse says about it.

    ``head`` is the token index of the syntactic head and identifies the candidate; links
    to other candidates (``owner``, ``appos_of``, ``conj_of``) are head indices too.
    """

    start: int
    end: int
    head: int
    sentence: int
    kind: MentionKind
    label: str  # PERSON ORG GPE NORP FAC LOC ROLE PRON ADJ
    name: str | None = None  # the proper name, for names
    entry: EntryLike | None = None  # the KB entry of the name
    title: str | None = None  # the role phrase that matched ("deputy foreign minister")
    role: tuple[str, str] | None = None  # (sector, kind) of that role
    nationalities: list[str] = field(default_factory=list)
    owner: int | None = None  # possessor or affiliated organisation ("its CEO", "State Department spokesman")
    appos_of: int | None = None
    conj_of: int | None = None
    place_country: str | None = None  # from "police in Nairobi"
    agent: int | None = None  # "Russia massed troops": the subject that commands these forces
    generic: bool = False  # "heads of departments": a bare plural that names no one in particular
    definite: bool = False
    indefinite: bool = False  # "a minister": never an office holder, never points back
    plural: bool = False
    subject: bool = False
    in_quote: bool = False
    relational: str | None = None  # "counterpart" etc.
    ethnic: bool = False  # "ethnic Albanians": an ethnicity, the country comes from context
    qualified: bool = False  # "ambassador to Cairo": one of many holders, not "the" office holder

    def covers(self, token_i: int) -> bool:
        return self.start <= token_i < self.end
