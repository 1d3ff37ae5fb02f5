"""``eventwire quotes``: who said what in an article, and through whom; or score a quote gold file."""

from __future__ import annotations

import argparse
import json

import eventwire
from eventwire.commands._common import add_pipeline_options, settings_from_args
from eventwire.ingest.readers import check_readable, read_inputs
from eventwire.quotes.score import load_gold, score
from eventwire.records import Actor, CodedArticle, Quote


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="list who said what in articles, or score a quote gold file",
        description=(
            "List the quotations of each article with speaker, cue and reporting chain.\n\n"
            "example: eventwire quotes article.txt\n"
            "example: eventwire quotes --gold tests/gold/quotes.jsonl"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help=".jsonl, .txt, or - for JSONL on stdin")
    parser.add_argument("--gold", metavar="FILE", help="score the pipeline on a quote gold file (JSONL)")
    add_pipeline_options(parser)
    parser.set_defaults(handler=run)


def _who(actor: Actor | None) -> str:
    if actor is None:
        return "unknown speaker"
    code = " ".join(c for c in (actor.country, actor.sector) if c)
    return f"{actor.name or actor.text}" + (f" ({code})" if code else "")


def quote_line(quote: Quote) -> str:
    """'Lavrov [said, direct] "constructive" via Russian state media' for one quotation."""
    kind = "direct" if quote.direct else "indirect"
    via = f" via {', '.join(_who(a) for a in quote.reported_by)}" if quote.reported_by else ""
    return f'{_who(quote.speaker)} [{quote.cue or "no cue"}, {kind}] "{quote.text}"{via}'


def _print_article(coded: CodedArticle) -> None:
    print(f"== {coded.article.title or coded.article.id}")
    if coded.error:
        print(f"   error {coded.error.type}: {coded.error.message}")
    for quote in coded.quotes:
        print(f"   {quote_line(quote)}")


def run(args: argparse.Namespace) -> int:
    wire = eventwire.coder(settings_from_args(args))
    if args.gold:
        passages = load_gold(args.gold)
        print(json.dumps(score(passages, wire.code_many(p.article() for p in passages)).to_dict(), indent=2))
        return 0
    check_readable(args.inputs)
    for coded in wire.code_many(read_inputs(args.inputs)):
        _print_article(coded)
    return 0
