"""``eventwire places``: where each event of an article happened, and why that place."""

from __future__ import annotations

import argparse
import json

import eventwire
from eventwire.commands._common import add_pipeline_options, settings_from_args
from eventwire.ingest.readers import check_readable, read_inputs
from eventwire.records import CodedArticle, Event, EventPlaceNote


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "places",
        help="list each event's place, the step that chose it and the name's candidates",
        description=(
            "For each event of each article: its place and precision, the step that chose it\n"
            "(the event's clause, its sentence, the previous sentence, the dateline, the\n"
            "article's focus country), the name read there and that name's gazetteer\n"
            "candidates in the article's context, the chosen one first. Toponyms the\n"
            "gazetteer does not know are listed last.\n\n"
            "example: eventwire places article.txt\n"
            "example: eventwire places news.jsonl --json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl, .txt, or - for JSONL on stdin")
    parser.add_argument("--json", action="store_true", help="one JSON object per article")
    add_pipeline_options(parser)
    parser.set_defaults(handler=run)


def event_place_line(event: Event, note: EventPlaceNote | None) -> str:
    """'ASSAULT "attacked": Hyderabad PAK (town) by clause "Hyderabad"; candidates: ...'."""
    where = event.location
    place = "no place" if where is None else f"{where.name} {where.country or '-'} ({where.precision or '?'})"
    if note is None:
        return f'{event.plover} "{event.trigger.text}": {place}'
    read = f' "{note.toponym}"' if note.toponym else ""
    candidates = f"; candidates: {', '.join(note.candidates)}" if len(note.candidates) > 1 else ""
    return f'{event.plover} "{event.trigger.text}": {place} by {note.step}{read}{candidates}'


def article_places(coded: CodedArticle) -> dict[str, object]:
    """The JSON form: each event's place with its note, and the unresolved toponyms."""
    notes = {n.event: n for n in coded.extras.event_places}
    return {
        "id": coded.article.id,
        "events": [
            {
                "type": e.plover,
                "trigger": e.trigger.text,
                "location": e.location.to_dict() if e.location else None,
                "why": notes[i].to_dict() if i in notes else None,
            }
            for i, e in enumerate(coded.events)
        ],
        "unresolved": list(coded.extras.unresolved_places),
    }


def _print_article(coded: CodedArticle) -> None:
    print(f"== {coded.article.title or coded.article.id}")
    if coded.error:
        print(f"   error {coded.error.type}: {coded.error.message}")
    notes = {n.event: n for n in coded.extras.event_places}
    for index, event in enumerate(coded.events):
        print(f"   {event_place_line(event, notes.get(index))}")
    if coded.extras.unresolved_places:
        print(f"   unresolved: {', '.join(coded.extras.unresolved_places)}")


def run(args: argparse.Namespace) -> int:
    check_readable(args.inputs)
    wire = eventwire.coder(settings_from_args(args))
    for coded in wire.code_many(read_inputs(args.inputs)):
        if args.json:
            print(json.dumps(article_places(coded), ensure_ascii=False))
        else:
            _print_article(coded)
    return 0
