"""``resolve_actor``: the actor the pipeline gives a phrase, for dictionary builders and tests.

    >>> import eventwire
    >>> actor = eventwire.resolve_actor("Armenian Prime Minister", date="2022-01-01")
    >>> actor.country, actor.sector, actor.name
    ('ARM', 'GOV', 'Nikol Pashinyan')

Method: there is no separate phrase resolver that could drift from the pipeline. The phrase
is put in a carrier text and coded by the pipeline's own first stages (``metadata.dateline``
then ``actors.kb``, with the same knowledge base, grammar and settings); the answer is the
actor of the mention that covers the phrase (the one overlapping it most, the longer on a tie).

- no context: the carrier is "<phrase> said on Monday." (a reporting verb makes the phrase the
  subject, where actors stand in news text; a lowercase first letter is capitalised, as it
  would be at the start of a sentence);
- context = a sentence containing the phrase: the sentence itself is the carrier, so
  appositions, "X of Iran" and the other actors in it count as they do in an article;
- context = an ISO3 code: "<phrase> said in <country name> on Monday.", so the country is
  where the phrase's actor acts, as an article's place situates its unnamed actors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from eventwire.actors.kb import ActorKB
from eventwire.actors.stage import ActorStage
from eventwire.api import PIPELINES, publication_date
from eventwire.errors import InputError
from eventwire.pipeline import Pipeline
from eventwire.records import Actor, Article, Mention

ACTOR_STAGES = ("metadata.dateline", "actors.kb")
ISO3 = re.compile(r"[A-Z]{3}")


def resolve_actor(
    text: str, date: str | dt.date | None = None, context: str | None = None, **settings: Any
) -> Actor | None:
    """The actor the pipeline would give ``text``, or None when it finds no actor there.

    ``date`` is the date the phrase is read on (office holders resolve against it);
    ``context`` is a sentence that contains the phrase or an ISO3 code of the country it is
    situated in; ``settings`` are ``Settings`` fields (``actor_files=("mine.yaml",)``).

    >>> resolve_actor("the police", context="KEN").country
    'KEN'
    """
    phrase = text.strip()
    if not phrase:
        raise InputError("the phrase to resolve is empty")
    pipeline = PIPELINES.get(**{**settings, "stages": ACTOR_STAGES})
    carrier, start = _carrier(phrase, context, pipeline)
    coded = next(pipeline.run([Article(text=carrier, date=publication_date(date))]))
    if coded.error is not None:
        raise InputError(f"could not resolve {phrase!r}: {coded.error.message}")
    mention = _covering(coded.mentions, start, start + len(phrase))
    if mention is None or mention.actor is None:
        return None
    return replace(mention.actor, text=phrase)


def _carrier(phrase: str, context: str | None, pipeline: Pipeline) -> tuple[str, int]:
    """The text to code and where the phrase starts in it."""
    if context is None:
        return f"{phrase[0].upper()}{phrase[1:]} said on Monday.", 0
    if ISO3.fullmatch(context):
        return f"{phrase[0].upper()}{phrase[1:]} said in {_country_name(context, pipeline)} on Monday.", 0
    start = context.find(phrase)
    if start < 0:
        start = context.lower().find(phrase.lower())
    if start < 0:
        raise InputError(f"the context sentence does not contain the phrase {phrase!r}")
    return context, start


def _country_name(iso3: str, pipeline: Pipeline) -> str:
    """The knowledge base's name of a country, so the carrier uses words the pipeline knows."""
    for stage in pipeline.stages:
        if isinstance(stage, ActorStage) and isinstance(stage.kb, ActorKB):
            for entry in stage.kb.entries():
                if entry.key == f"country:{iso3}":
                    return entry.name
    raise InputError(f"context {iso3!r} is not the ISO3 code of a country the knowledge base knows")


def _covering(mentions: tuple[Mention, ...], start: int, end: int) -> Mention | None:
    """The mention overlapping [start, end) the most; the longer one on a tie."""

    def overlap(m: Mention) -> int:
        return min(m.end, end) - max(m.start, start)

    found = [m for m in mentions if overlap(m) > 0]
    return max(found, key=lambda m: (overlap(m), m.end - m.start), default=None)
