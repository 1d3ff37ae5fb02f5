"""When-where placeholder."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.nlp.parsed import ParsedArticle


class PassThrough:
    name = "when_where.default"

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        return parsed


def make_when_where_stage(settings: Settings) -> PassThrough:
    return PassThrough()
