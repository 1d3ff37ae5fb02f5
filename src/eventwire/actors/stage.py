"""Actor stage placeholder: replaced by the knowledge-base resolver (issue: Actors)."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.nlp.parsed import ParsedArticle


class PassThrough:
    name = "actors.kb"

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        return parsed


def make_actor_stage(settings: Settings) -> PassThrough:
    return PassThrough()
