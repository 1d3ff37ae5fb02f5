"""Quote stage placeholder."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.nlp.parsed import ParsedArticle


class PassThrough:
    name = "quotes.rules"

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        return parsed


def make_quote_stage(settings: Settings) -> PassThrough:
    return PassThrough()
