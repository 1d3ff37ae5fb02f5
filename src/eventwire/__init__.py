"""eventwire: turn news reports into structured political event data.

>>> from eventwire import Pipeline, Article
>>> pipeline = Pipeline.from_config()
>>> coded = next(pipeline.run([Article(text="Russia recalled its ambassador from Washington.")]))
>>> [e.plover for e in coded.events]
['SANCTION']
"""

from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.records import (
    Actor,
    Article,
    ArticleError,
    CodedArticle,
    Event,
    Location,
    Mention,
    Quote,
    Sentence,
    Span,
)

__all__ = [
    "Actor",
    "Article",
    "ArticleError",
    "CodedArticle",
    "Event",
    "Location",
    "Mention",
    "Pipeline",
    "Quote",
    "Sentence",
    "Settings",
    "Span",
]
__version__ = "0.1.0"
