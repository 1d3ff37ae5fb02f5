"""Event coder placeholder."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.nlp.parsed import ParsedArticle


class PassThrough:
    name = "events.rules"

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        return parsed


def make_rule_coder(settings: Settings) -> PassThrough:
    return PassThrough()
