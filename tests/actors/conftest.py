"""Fixtures for actor-stage tests: analyse a text with the fake KB (or the packaged one)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.actors.analysis import ActorAnalysis, analyse
from eventwire.actors.lookups import Lookups
from tests.actors.actor_fakes import Analyse, FakeKB, FakePlaces
from tests.conftest import shared_knowledge

KNOWLEDGE = shared_knowledge()


@pytest.fixture(scope="session")
def fake_analyse(nlp: Language) -> Analyse:
    """fake_analyse(text, date=None) -> ActorAnalysis with the hand-written KB and gazetteer."""

    def _run(text: str, date: dt.date | None = None) -> ActorAnalysis:
        look = Lookups(FakeKB(), KNOWLEDGE.grammar, KNOWLEDGE.gender, date, FakePlaces())
        return analyse(nlp(text), look)

    return _run
