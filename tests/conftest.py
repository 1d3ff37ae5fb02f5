"""Shared fixtures: one spaCy model and one default pipeline per test session."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.api import Coder
from eventwire.config import Settings
from eventwire.knowledge import Knowledge
from eventwire.nlp.model import load_model
from eventwire.pipeline import Pipeline
from eventwire.records import CodedArticle
from eventwire.registry import Stage, StageSpec


@functools.cache
def shared_knowledge() -> Knowledge:
    """One knowledge bundle for the test session: each table is read once, on first use."""
    return Knowledge()


def build_stage(
    spec: StageSpec, settings: Settings | None = None, knowledge: Knowledge | None = None
) -> Stage:
    """The stage ``spec`` declares, built as a pipeline would (options checked), sharing tables."""
    return spec.build(settings or Settings(), knowledge or shared_knowledge())


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model("en_core_web_sm")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.from_config(knowledge=shared_knowledge())


@pytest.fixture(scope="session")
def coder(pipeline: Pipeline) -> Coder:
    """The public coder handle over the session's pipeline (what the CLI and the server hold)."""
    return Coder(pipeline)


@pytest.fixture(scope="session")
def code(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    """code(text, **metadata) -> CodedArticle, with the default pipeline."""

    def _code(text: str, **metadata: object) -> CodedArticle:
        return pipeline.code_text(text, **metadata)  # type: ignore[arg-type]

    return _code


def build_doc(
    nlp: Language,
    words: Sequence[str],
    heads: Sequence[int],
    deps: Sequence[str],
    *,
    tags: Sequence[str] | None = None,
    pos: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    ents: Sequence[str] | None = None,
) -> Doc:
    """A Doc with a parse given by hand, so a rule test says exactly which parse it assumes.

    ``heads`` are absolute token indices (a root points at itself); ``ents`` are IOB tags
    such as "B-GPE". Sentence boundaries follow from the heads.
    """
    return Doc(
        nlp.vocab,
        words=list(words),
        heads=list(heads),
        deps=list(deps),
        tags=list(tags) if tags else None,
        pos=list(pos) if pos else None,
        lemmas=list(lemmas) if lemmas else [w.lower() for w in words],
        ents=list(ents) if ents else None,
    )
