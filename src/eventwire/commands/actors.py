"""``eventwire actors``: each article's actor chains, their mentions and why they resolved so."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Iterator

from rich.console import Console
from rich.table import Table

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.ingest.readers import check_readable, read_inputs
from eventwire.pipeline import Pipeline
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
            "example: eventwire actors article.txt --date 2021-05-20\n"
            "example: eventwire actors news.jsonl --actors my-actors.yaml"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="ARTICLE", help=".txt, .jsonl, or - for JSONL on stdin")
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
    check_readable(args.inputs)
    day = _date(args.date)
    settings = Settings.load(args.config, model=args.model).replace(stages=("metadata.dateline", "actors.kb"))
    if args.actors:
        settings = settings.replace(actor_files=settings.actor_files + tuple(args.actors))
    pipeline = Pipeline.from_config(settings)
    console = Console(width=max(Console().width, MIN_WIDTH))
    for coded in pipeline.run(_dated(read_inputs(args.inputs), day)):
        _print(console, coded)
    return 0
