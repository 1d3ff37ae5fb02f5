"""eventwire as a spaCy component, for people who already have a spaCy pipeline.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm")
    >>> nlp.add_pipe("eventwire")            # after the parser and NER
    >>> doc = nlp("Russia recalled its ambassador from Washington.")
    >>> [e.plover for e in doc._.events]

The component runs the same stages as ``Pipeline`` (the ``stages`` setting) on the doc the
user's pipeline produced, and leaves the result on ``doc._.eventwire`` (a ``CodedArticle``).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.config import Settings
from eventwire.nlp.parsed import ParsedArticle, sentences_of
from eventwire.records import Article, CodedArticle, Event
from eventwire.registry import Stage, load_stage_factory


def _events_of(doc: Doc) -> tuple[Event, ...]:
    coded: CodedArticle | None = doc._.eventwire
    return coded.events if coded else ()


class EventwireComponent:
    """Codes each doc with eventwire's stages; results go to ``doc._.eventwire``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stages: tuple[Stage, ...] = tuple(load_stage_factory(n)(settings) for n in settings.stages)

    def __call__(self, doc: Doc) -> Doc:
        parsed = ParsedArticle(article=Article(text=doc.text), doc=doc, sentences=sentences_of(doc))
        for stage in self.stages:
            parsed = stage(parsed)
        doc._.eventwire = parsed.to_coded()
        return doc


@Language.factory("eventwire", default_config={"config_path": None, "overrides": {}})
def make_eventwire_component(
    nlp: Language, name: str, config_path: str | None, overrides: dict[str, Any]
) -> EventwireComponent:
    """spaCy factory: ``nlp.add_pipe("eventwire", config={"overrides": {"min_confidence": 0.5}})``."""
    if not Doc.has_extension("eventwire"):
        Doc.set_extension("eventwire", default=None)
        Doc.set_extension("events", getter=_events_of)
    return EventwireComponent(Settings.load(config_path, **overrides))
