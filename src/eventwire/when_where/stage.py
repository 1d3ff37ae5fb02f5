"""The ``when_where.default`` stage: publication metadata, event dates and event places.

For each article it
- reads the dateline ("REYKJAVIK, May 20 (Reuters) -") and fills the article's missing
  publisher and date from it;
- dates every event (``event_dates``) and places it (``places``), falling back to the
  dateline's place, marked ``source="dateline"``;
- records in ``notes`` what was inferred and what could not be resolved:
  ``dateline``, ``event_dates`` (per event: source and expression; publication-date fallbacks
  are listed here) and ``unresolved_places``. Nothing here fails the article: an unknown
  toponym or an unparseable date leaves the field empty and is reported.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eventwire.config import Settings
from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import Article, Event, Location
from eventwire.when_where.dateline import Dateline, parse_dateline
from eventwire.when_where.event_dates import EventDater
from eventwire.when_where.gazetteer import Gazetteer, default_gazetteer
from eventwire.when_where.places import EventPlacer, context_countries, to_location, unresolved_toponyms


class WhenWhereStage:
    """Dates and places for every event of an article."""

    name = "when_where.default"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        # Loaded on first use, not at pipeline build: commands that never code pay nothing.
        return self._gazetteer or default_gazetteer()

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        dateline = parse_dateline(parsed.article.text, parsed.article.date)
        article = _with_dateline_metadata(parsed.article, dateline)
        fallback = self._dateline_location(dateline)
        dater = EventDater(parsed.doc, parsed.sentences, article.date, dateline.end if dateline else 0)
        context = self._context(parsed, fallback)
        placer = EventPlacer(parsed.doc, self.gazetteer, context, fallback, _nationalities(parsed))
        events: list[Event] = []
        date_notes: list[dict[str, Any]] = []
        for index, event in enumerate(parsed.events):
            choice = dater.date(event)
            date, precision = (choice.date.value, choice.date.precision) if choice.date else (None, None)
            location = placer.locate(event)
            events.append(dataclasses.replace(event, date=date, date_precision=precision, location=location))
            date_notes.append({"event": index, "source": choice.source, "expression": choice.expression})
        notes = {**parsed.notes, "event_dates": date_notes, "dateline": _dateline_note(dateline)}
        unresolved = unresolved_toponyms(parsed.doc, self.gazetteer)
        notes["unresolved_places"] = list(dict.fromkeys([*unresolved, *placer.unresolved]))
        return parsed.with_(article=article, events=tuple(events), notes=notes)

    def _context(self, parsed: ParsedArticle, dateline: Location | None) -> list[str]:
        """Countries that rank candidate places: the dateline's, the article's, the actors'."""
        actor_countries = (m.actor.country for m in parsed.mentions if m.actor is not None)
        context = context_countries(parsed.doc, self.gazetteer, actor_countries)
        if dateline is not None and dateline.country:
            context.insert(0, dateline.country)
        return context

    def _dateline_location(self, dateline: Dateline | None) -> Location | None:
        if dateline is None:
            return None
        return to_location(dateline.place, self.gazetteer.resolve(dateline.place), "dateline")


def make_when_where_stage(settings: Settings) -> WhenWhereStage:
    """Factory registered as ``when_where.default``."""
    return WhenWhereStage()


def _nationalities(parsed: ParsedArticle) -> dict[int, str]:
    """Token index -> ISO3 of the adjectives the actor stage resolved ("Afghan" -> AFG)."""
    return {
        m.token_start: m.actor.country
        for m in parsed.mentions
        if m.kind == "adjective" and m.actor is not None and m.actor.country
    }


def _with_dateline_metadata(article: Article, dateline: Dateline | None) -> Article:
    """Fill the article's missing publisher and date from its dateline; given values win."""
    if dateline is None:
        return article
    return dataclasses.replace(
        article,
        publisher=article.publisher or dateline.publisher,
        date=article.date or dateline.date,
    )


def _dateline_note(dateline: Dateline | None) -> dict[str, Any] | None:
    if dateline is None:
        return None
    day = dateline.date.isoformat() if dateline.date else None
    return {"place": dateline.place, "publisher": dateline.publisher, "date": day}
