"""``eventwire actors``: each article's actor chains, their mentions and why they resolved so.

With ``--phrase``, the actor the pipeline gives one phrase, as JSON (``eventwire.resolve_actor``).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from collections.abc import Iterator

from rich.console import Console
from rich.table import Table

import eventwire
from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.ingest.readers import check_readable, read_inputs
from eventwire.records import ActorChain, Article, CodedArticle, Mention, RejectedInput

MIN_WIDTH = 120  # the table is unreadable narrower, e.g. when piped (rich then assumes 80)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "actors",
        help="list the actors of articles: chains, mentions and how each was resolved",
        description=(
            "List each article's actor chains: the resolved actor (name, country, sector, kind),\n"
            "why it was resolved so (KB entry, title inference, office holder, context), and every\n"
            "mention with how it joined its chain. Places that are not actors are listed last.\n\n"
            "With --phrase, print as JSON the actor the pipeline gives that one phrase (null when\n"
            "none), read on --date and situated by --context (a sentence or an ISO3 code).\n\n"
            "example: eventwire actors article.txt --date 2021-05-20\n"
            "example: eventwire actors news.jsonl --actors my-actors.yaml\n"
            'example: eventwire actors --phrase "Armenian Prime Minister" --date 2022-01-01\n'
            'example: eventwire actors --phrase "the police" --context KEN'
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="ARTICLE", help=".txt, .jsonl, or - for JSONL on stdin")
    parser.add_argument("--phrase", help="resolve this one phrase instead of articles; prints JSON")
    parser.add_argument(
        "--context", help="with --phrase: a sentence containing it, or the ISO3 code of its country"
    )
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for articles that carry none")
    parser.add_argument("--config", metavar="FILE", help="settings file (TOML) over the packaged defaults")
    parser.add_argument("--model", help="spaCy pipeline to parse with (default: en_core_web_sm)")
    parser.add_argument(
        "--actors", metavar="FILE", action="append", default=None, help="extra actor file (YAML)"
    )
    parser.set_defaults(handler=run)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--date must be YYYY-MM-DD, got {text!r}") from None


def _dated(
    items: Iterator[Article | RejectedInput], day: dt.date | None
) -> Iterator[Article | RejectedInput]:
    for item in items:
        if isinstance(item, Article) and item.date is None and day is not None:
            yield dataclasses.replace(item, date=day)
        else:
            yield item


def _mention_cell(mentions: tuple[Mention, ...], links: tuple[str, ...]) -> str:
    """Each distinct (text, kind, link) once, with a count: "Blinken (name; same KB entry) x4"."""
    counts: dict[tuple[str, str, str], int] = {}
    for m, link in zip(mentions, links, strict=True):
        key = (m.text, m.kind, link)
        counts[key] = counts.get(key, 0) + 1
    return "\n".join(
        f"{text} [dim]({kind}; {link})[/dim]" + (f" x{n}" if n > 1 else "")
        for (text, kind, link), n in counts.items()
    )


def _codes(chain: ActorChain) -> str:
    actor = chain.actor
    return " ".join(code or "-" for code in (actor.country, actor.sector, actor.kind))


def _chain_table(chains: tuple[ActorChain, ...]) -> Table:
    table = Table(show_lines=True)
    for column in ("#", "actor", "country sector kind", "resolved by", "mentions (kind; how joined)"):
        table.add_column(column, overflow="fold")
    for chain in chains:
        name = chain.actor.name or "-"
        table.add_row(
            str(chain.chain), name, _codes(chain), chain.reason, _mention_cell(chain.mentions, chain.links)
        )
    return table


def _print(console: Console, coded: CodedArticle) -> None:
    console.rule(coded.article.title or coded.article.id)
    if coded.error is not None:
        console.print(f"[red]error {coded.error.type}: {coded.error.message}[/red]")
        return
    console.print(_chain_table(coded.actor_chains))
    places = [f"{p.text} ({p.actor.country if p.actor else '?'})" for p in coded.places]
    console.print("places (not actors): " + (", ".join(places) if places else "none"))


def run(args: argparse.Namespace) -> int:
    if args.phrase is not None:
        return _run_phrase(args)
    if not args.inputs:
        raise InputError("give at least one ARTICLE, or --phrase TEXT")
    check_readable(args.inputs)
    day = _date(args.date)
    settings = Settings.load(args.config, model=args.model).replace(stages=("metadata.dateline", "actors.kb"))
    if args.actors:
        settings = settings.replace(actor_files=settings.actor_files + tuple(args.actors))
    wire = eventwire.coder(settings)
    console = Console(width=max(Console().width, MIN_WIDTH))
    for coded in wire.code_many(_dated(read_inputs(args.inputs), day)):
        _print(console, coded)
    return 0


def _run_phrase(args: argparse.Namespace) -> int:
    from eventwire.phrase import resolve_actor  # noqa: PLC0415 - only --phrase needs it

    if args.inputs:
        raise InputError("give either ARTICLE files or --phrase, not both")
    settings = Settings.load(args.config, model=args.model)
    actor_files = settings.actor_files + tuple(args.actors or ())
    actor = resolve_actor(
        args.phrase, _date(args.date), args.context, **{**settings.as_mapping(), "actor_files": actor_files}
    )
    print(json.dumps(actor.to_dict() if actor else None, ensure_ascii=False))
    return 0
