"""The NLP stage: spaCy parsing. Docs stay inside this package and the stages that take them."""

from eventwire.nlp.model import load_model
from eventwire.nlp.parsed import ParsedArticle, parse_articles

__all__ = ["ParsedArticle", "load_model", "parse_articles"]
