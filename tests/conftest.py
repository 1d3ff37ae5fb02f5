"""Shared fixtures: one spaCy model and one default pipeline per test session."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.model import load_model
from eventwire.pipeline import Pipeline
from eventwire.records import CodedArticle


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model("en_core_web_sm")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.from_config()


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
