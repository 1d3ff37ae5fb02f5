"""An example third-party package that extends eventwire through its entry points.

It is what docs/architecture.md walks through: a stage, an input reader, an export layout
and an actor dictionary, each registered in ``eventwire_example-0.1.dist-info/entry_points.txt``
exactly as ``pip install`` would register them from a ``pyproject.toml``.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.nlp.parsed import ParsedArticle
from eventwire.plugins import InputReader
from eventwire.records import Article, Event, RejectedInput, Span
from eventwire.registry import StageContext, stage_factory
from eventwire.store.exports.layouts import asserted_sql
from eventwire.store.store import EventStore

HERE = Path(__file__).parent


class HungerStrikes:
    """Adds a PROTEST event (CAMEO 142, hunger strike) wherever 'hunger strike' is written."""

    name = "events.hunger_strikes"

    def __init__(self, min_words: int) -> None:
        self.min_words = min_words

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        found = []
        for sentence in parsed.sentences:
            at = sentence.text.lower().find("hunger strike")
            if at < 0 or len(sentence.text.split()) < self.min_words:
                continue
            start = sentence.start + at
            source = tuple(
                m.actor for m in parsed.mentions if m.actor is not None and m.sentence == sentence.index
            )
            trigger = parsed.article.text[start : start + len("hunger strike")]
            found.append(
                Event(
                    plover="PROTEST",
                    cameo="142",
                    sentence=sentence.index,
                    trigger=_span(trigger, start),
                    source=source[:1],
                )
            )
        return parsed.with_(events=(*parsed.events, *found))


def _span(text: str, start: int) -> Span:
    return Span(text, start, start + len(text))


@dataclass(frozen=True)
class HungerStrikeOptions:
    min_words: int = 3


@stage_factory(
    "events.hunger_strikes", requires=("mentions",), provides=("events",), options=HungerStrikeOptions
)
def hunger_strikes(context: StageContext) -> HungerStrikes:
    """Codes every written hunger strike as a PROTEST."""
    return HungerStrikes(context.options.min_words)


def _read_story(path: Path) -> Iterator[Article | RejectedInput]:
    """A '.story' file: the title on the first line, the text after a blank line."""
    title, _, text = path.read_text("utf-8").partition("\n\n")
    yield Article(text=text.strip(), title=title.strip())


story_reader = InputReader(suffixes=(".story",), read=_read_story)


def dyad_counts(store: EventStore, path: Path, include_modal: bool) -> int:
    """Export layout: one row per event type, source and target countries, with a count."""
    counts: Counter[tuple[str, str, str]] = Counter()
    sql = "SELECT plover, source_countries, target_countries FROM events"
    if not include_modal:  # only what the text says happened, as the built-in layouts do
        sql += " WHERE " + asserted_sql()
    for plover, sources, targets in store.con.execute(sql).fetchall():
        counts[(plover, "+".join(sources or []), "+".join(targets or []))] += 1
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t")
        for (plover, source, target), n in sorted(counts.items()):
            writer.writerow([plover, source, target, n])
    return len(counts)


def lakeland_actors() -> Path:
    """An actor dictionary for an invented region's groups."""
    return HERE / "lakeland.yaml"
