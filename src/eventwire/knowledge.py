"""The knowledge bundle: every data table a pipeline uses, built once and handed to the stages.

    >>> from eventwire.knowledge import Knowledge
    >>> knowledge = Knowledge.from_settings(Settings.load())
    >>> knowledge.ontology.type_of("SANCTION").name

A ``Pipeline`` builds one ``Knowledge`` in ``from_config`` and gives it to every stage factory
(through ``StageContext``), so the stages read the same actor KB, gazetteer, lexicons and
tables, and a test or a second pipeline can swap any of them (``Knowledge.with_``) without
touching a process-wide cache. Each table is read on first use: a command that never places
events never loads the gazetteer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from eventwire.actors.gender import GenderWords, load_gender
from eventwire.actors.grammar import Grammar, load_grammar
from eventwire.actors.kb import ActorKB
from eventwire.config import Settings
from eventwire.events.argument_tables import ArgumentTables, load_tables
from eventwire.events.lexicon import Lexicon, load_lexicon
from eventwire.events.modality import ModalityLexicon, load_modality
from eventwire.events.ontology import Ontology
from eventwire.events.ranker_model import RankerModel, load_ranker
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.locatives import Locatives, load_locatives
from eventwire.plugins import plugin_actor_files
from eventwire.quotes.lexicon import QuoteLexicon, load_cues

TableT = TypeVar("TableT")


@dataclass(frozen=True)
class KnowledgeSources:
    """Where the user's own knowledge files are; everything else is packaged."""

    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()


@dataclass(eq=False)
class Knowledge:
    """The tables of one pipeline, each loaded on first use and then kept.

    ``overrides`` replaces a table by name (``Knowledge(overrides={"gazetteer": g})``): that is
    how tests and alternative stages inject their own resources.
    """

    sources: KnowledgeSources = field(default_factory=KnowledgeSources)
    overrides: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> Knowledge:
        """The bundle for ``settings``: packaged tables, the actor dictionaries of installed
        plugins, then the user's actor and lexicon files (later files override earlier ones)."""
        actor_files = (*plugin_actor_files(), *settings.actor_files)
        return cls(KnowledgeSources(actor_files, tuple(settings.lexicon_files)))

    def with_(self, **tables: Any) -> Knowledge:
        """A bundle that uses ``tables`` (by attribute name) instead of loading them."""
        unknown = sorted(set(tables) - set(TABLE_NAMES))
        if unknown:
            raise ValueError(f"unknown knowledge table(s): {', '.join(unknown)}")
        return dataclasses.replace(self, overrides={**self.overrides, **tables})

    def _table(self, name: str, load: Callable[[], TableT]) -> TableT:
        given = self.overrides.get(name)
        return cast("TableT", given) if given is not None else load()

    @cached_property
    def actor_kb(self) -> ActorKB:
        return self._table("actor_kb", lambda: ActorKB.load(self.sources.actor_files))

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return self._table("gazetteer", Gazetteer.load)

    @cached_property
    def locatives(self) -> Locatives:
        return self._table("locatives", load_locatives)

    @cached_property
    def lexicon(self) -> Lexicon:
        return self._table("lexicon", lambda: load_lexicon(self.sources.lexicon_files))

    @cached_property
    def ontology(self) -> Ontology:
        return self._table("ontology", Ontology.load)

    @cached_property
    def argument_tables(self) -> ArgumentTables:
        return self._table("argument_tables", load_tables)

    @cached_property
    def modality(self) -> ModalityLexicon:
        return self._table("modality", load_modality)

    @cached_property
    def grammar(self) -> Grammar:
        return self._table("grammar", load_grammar)

    @cached_property
    def gender(self) -> GenderWords:
        return self._table("gender", load_gender)

    @cached_property
    def quote_cues(self) -> QuoteLexicon:
        return self._table("quote_cues", load_cues)

    @cached_property
    def ranker(self) -> RankerModel:
        return self._table("ranker", load_ranker)


TABLE_NAMES = (
    "actor_kb",
    "gazetteer",
    "locatives",
    "lexicon",
    "ontology",
    "argument_tables",
    "modality",
    "grammar",
    "gender",
    "quote_cues",
    "ranker",
)
