"""``eventwire query``: analytics over the event store, printed as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable

import pandas as pd

from eventwire.commands._common import positive_int
from eventwire.errors import ConfigError
from eventwire.store import EventStore
from eventwire.store import analytics as an
from eventwire.store.read import article_record
from eventwire.store.search import search_sentences

OUTPUT_FORMATS = ("table", "csv", "json")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "query",
        help="analytics over the event store: dyads, counts, actors, timelines, search",
        description=(
            "Ask the event store: events by actor, country, dyad, type, date or place; counts and mean\n"
            "Goldstein per day/week/month/year; top actors; an actor's timeline; sentences by words;\n"
            "one article as the contract's JSON line.\n\n"
            "example: eventwire query dyad USA RUS --by month --db events.duckdb"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    questions = parser.add_subparsers(dest="question", metavar="QUESTION", required=True)
    _register_events(questions)
    _register_dyad(questions)
    _register_counts(questions)
    _register_top_actors(questions)
    _register_timeline(questions)
    _register_search(questions)
    _register_article(questions)


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", help="event store (default: db_path setting, eventwire.duckdb)"
    )
    parser.add_argument(
        "--format", choices=OUTPUT_FORMATS, default="table", help="output format (default: table)"
    )


def _question(
    questions: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str
) -> argparse.ArgumentParser:
    parser = questions.add_parser(name, help=text, description=text)
    add_output_options(parser)
    return parser


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", help="country code (USA) or canonical name, on either side")
    parser.add_argument("--country", help="country code on either side or where it happened")
    parser.add_argument("--dyad", nargs=2, metavar=("SOURCE", "TARGET"), help="source and target actors")
    parser.add_argument("--type", dest="plover", help="PLOVER event type, e.g. PROTEST")
    parser.add_argument("--since", type=_date, help="first day, YYYY-MM-DD")
    parser.add_argument("--until", type=_date, help="last day, YYYY-MM-DD")
    parser.add_argument("--place", help="place name")
    _add_include_modal(parser)


def _add_include_modal(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--include-modal",
        action="store_true",
        help="also count denied, hypothetical and conditional events (left out by default)",
    )


def _filters(args: argparse.Namespace) -> an.EventFilter:
    return an.EventFilter(
        actor=args.actor,
        country=args.country,
        dyad=tuple(args.dyad) if args.dyad else None,
        plover=args.plover,
        start=args.since,
        end=args.until,
        place=args.place,
        include_modal=args.include_modal,
    )


def _register_events(questions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = _question(questions, "events", "deduplicated events, most recent first")
    _add_filters(parser)
    parser.add_argument(
        "--limit", type=positive_int, default=50, help="at most this many events (default 50)"
    )
    parser.set_defaults(handler=lambda a: _show(a, lambda s: an.events(s, _filters(a), a.limit)))


def _register_dyad(questions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = _question(questions, "dyad", "events of SOURCE towards TARGET per period, with mean Goldstein")
    parser.add_argument("source", help="country code or canonical name")
    parser.add_argument("target", help="country code or canonical name")
    parser.add_argument("--by", choices=an.PERIODS, default="month")
    parser.add_argument("--both", action="store_true", help="count TARGET towards SOURCE too")
    _add_include_modal(parser)
    parser.set_defaults(
        handler=lambda a: _show(
            a, lambda s: an.dyad_counts(s, a.source, a.target, a.by, a.both, include_modal=a.include_modal)
        )
    )


def _register_counts(questions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = _question(questions, "counts", "events per period, by QuadClass, PLOVER type or dyad")
    parser.add_argument("--by", choices=an.PERIODS, default="month")
    parser.add_argument("--group", choices=an.GROUPINGS, help="also split by this")
    _add_filters(parser)
    parser.set_defaults(handler=lambda a: _show(a, lambda s: an.counts(s, a.by, a.group, _filters(a))))


def _register_top_actors(questions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = _question(questions, "top-actors", "the actors in most events")
    parser.add_argument("-n", type=int, default=10, help="how many (default 10)")
    parser.add_argument("--role", choices=("source", "target", "any"), default="any")
    _add_filters(parser)
    parser.set_defaults(handler=lambda a: _show(a, lambda s: an.top_actors(s, a.n, a.role, _filters(a))))


def _register_timeline(questions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = _question(questions, "timeline", "what an actor did and had done to it, per period and type")
    parser.add_argument("actor", help="country code or canonical name")
    parser.add_argument("--by", choices=an.PERIODS, default="month")
    _add_include_modal(parser)
    parser.set_defaults(
        handler=lambda a: _show(a, lambda s: an.actor_timeline(s, a.actor, a.by, a.include_modal))
    )


def _register_search(questions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = _question(questions, "search", "sentences containing every word, with their events")
    parser.add_argument("words", nargs="+", help="words to find")
    parser.add_argument("--limit", type=positive_int, default=20)
    parser.set_defaults(handler=lambda a: _show(a, lambda s: search_sentences(s, " ".join(a.words), a.limit)))


def _register_article(questions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = questions.add_parser(
        "article",
        help="one stored article as the contract's JSON line",
        description="one stored article as JSON",
    )
    parser.add_argument("article_id", metavar="ID")
    parser.add_argument(
        "--db", metavar="PATH", help="event store (default: db_path setting, eventwire.duckdb)"
    )
    parser.set_defaults(handler=_show_article)


def _show_article(args: argparse.Namespace) -> int:
    with EventStore.open(args.db, read_only=True) as store:
        print(json.dumps(article_record(store, args.article_id), ensure_ascii=False))
    return 0


def _show(args: argparse.Namespace, question: Callable[[EventStore], pd.DataFrame]) -> int:
    with EventStore.open(args.db, read_only=True) as store:
        print_table(question(store), args.format)
    return 0


def print_table(table: pd.DataFrame, fmt: str) -> None:
    """A DataFrame on stdout: aligned text, CSV or JSON lines; names, never internal actor ids."""
    table = _dates_as_days(table.drop(columns=[c for c in table.columns if c == "actor_id"]))
    if fmt != "json":
        # An unknown value is an empty cell, not "NaN" or "<NA>"; lists are JSON, as in exports.
        table = table.astype(object).where(table.notna(), "")
        table = table.apply(lambda column: column.map(_list_as_json))
    if fmt == "csv":
        table.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        if len(table):
            print(
                table.to_json(orient="records", lines=True, date_format="iso", force_ascii=False).rstrip("\n")
            )
    elif table.empty:
        print("(no rows)")
    else:
        print(table.to_string(index=False))


def _list_as_json(value: object) -> object:
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()  # DuckDB lists arrive as numpy arrays
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def _dates_as_days(table: pd.DataFrame) -> pd.DataFrame:
    """DuckDB DATEs arrive as timestamps: print them as the days they are (2024-03-11)."""
    table = table.copy()
    for column in table.columns:
        values = table[column]
        if (
            pd.api.types.is_datetime64_any_dtype(values)
            and (values.dropna().dt.normalize() == values.dropna()).all()
        ):
            table[column] = values.dt.strftime("%Y-%m-%d")
    return table


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ConfigError(f"{text!r} is not a date (YYYY-MM-DD)") from exc
