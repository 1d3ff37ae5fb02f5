"""eventwire as a spaCy component, for people who already have a spaCy pipeline.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm")
    >>> nlp.add_pipe("eventwire")            # after the parser and NER
    >>> doc = nlp("Russia recalled its ambassador from Washington.")
    >>> [e.plover for e in doc._.events]

The component codes the doc the user's pipeline produced with the same ``StageRunner`` as
``Pipeline`` (same stage checks, per-article error capture and ``min_confidence``), and
leaves the result on ``doc._.eventwire`` (a ``CodedArticle``; its ``error`` is set when
the doc could not be coded).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.config import Settings
from eventwire.nlp.parsed import ParsedArticle, sentences_of
from eventwire.records import Article, CodedArticle, Event
from eventwire.runner import StageRunner


def _events_of(doc: Doc) -> tuple[Event, ...]:
    coded: CodedArticle | None = doc._.eventwire
    return coded.events if coded else ()


def _register_extensions() -> None:
    """``doc._.eventwire`` and ``doc._.events``; spaCy keeps extensions per process, once."""
    if not Doc.has_extension("eventwire"):
        Doc.set_extension("eventwire", default=None)
        Doc.set_extension("events", getter=_events_of)


class EventwireComponent:
    """Codes each doc with eventwire's stages; results go to ``doc._.eventwire``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.runner = StageRunner.from_settings(settings)
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        parsed = ParsedArticle(article=Article(text=doc.text), doc=doc, sentences=sentences_of(doc))
        doc._.eventwire = self.runner.code(parsed)
        return doc


@Language.factory("eventwire", default_config={"config_path": None, "overrides": {}})
def make_eventwire_component(
    nlp: Language, name: str, config_path: str | None, overrides: dict[str, Any]
) -> EventwireComponent:
    """spaCy factory: ``nlp.add_pipe("eventwire", config={"overrides": {"min_confidence": 0.5}})``."""
    return EventwireComponent(Settings.load(config_path, **overrides))
