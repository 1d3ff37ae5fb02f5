"""``eventwire extract``: code articles into the contract's JSONL."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TextIO

from eventwire import CodedPieces
from eventwire.commands._common import add_pipeline_options, add_workers_option, coder_from_args
from eventwire.commands._progress import ArticleProgress, add_progress_option, expected_articles
from eventwire.contract_line import write_pieced_line
from eventwire.digest import print_digest
from eventwire.errors import InputError, OutputError
from eventwire.ingest.readers import check_readable, read_inputs
from eventwire.ingest.tabular import mapping_from_cli
from eventwire.records import CodedArticle


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="code articles into events, actors and quotes (JSONL)",
        description=(
            "Code articles into events, actors and quotes, one JSON line per article.\n\n"
            "example: eventwire extract news.jsonl --output events.jsonl\n"
            "example: eventwire extract story.txt --format pretty\n"
            "example: eventwire extract wires.csv --csv-column text=body --output events.jsonl\n"
            "example: eventwire extract big.jsonl --workers 2 --output events.jsonl  # both cores"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".jsonl, .txt, .csv/.tsv, .html, RSS/Atom file or URL, a folder, or - for JSONL on stdin",
    )
    parser.add_argument(
        "--csv-column",
        action="append",
        metavar="FIELD=COLUMN",
        help="CSV column holding an article field, e.g. text=body (repeatable)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="output JSONL file (default: stdout)")
    parser.add_argument(
        "--format",
        choices=("jsonl", "pretty"),
        default="jsonl",
        help="pretty also prints a readable digest of each article to stdout",
    )
    parser.add_argument(
        "--any-language",
        action="store_true",
        help="code articles detected as not English as if they were English (default: leave them uncoded)",
    )
    add_pipeline_options(parser)
    add_progress_option(parser)
    add_workers_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_readable(args.inputs)
    mapping = mapping_from_cli(args.csv_column)  # a malformed --csv-column fails before the model loads
    # A bar only when writing to a file: with stdout output the terminal is showing the results.
    bar = ArticleProgress("extract", expected_articles(args.inputs), args.no_progress or not args.output)
    with ExitStack() as stack:
        # The output is opened before the model loads: an unwritable path fails at once.
        out = stack.enter_context(_Output.open(args.output)) if args.output else None
        code = coder_from_args(args, stack).code_streamed
        stack.enter_context(bar)
        pretty = args.format == "pretty"
        # A digest on stdout and JSON on stdout would mix: pretty without --output prints only the digest.
        write = out.write if out else None if pretty else _write_stdout
        articles = read_inputs(args.inputs, mapping, any_language=args.any_language)
        _write_all(_coded(bar.track(code(articles)), pretty), write)
        if out:
            out.commit()
    print(bar.summary(), file=sys.stderr)
    return 0


def _write_all(
    coded: Iterator[CodedArticle | CodedPieces], write: Callable[[str], None] | None
) -> tuple[int, int]:
    total = failed = 0
    for article in coded:
        total += 1
        if isinstance(article, CodedPieces):  # a very long article, written piece by piece
            failed += write_pieced_line(article, write or _discard)
            continue
        failed += article.error is not None
        if write is not None:
            write(json.dumps(article.to_contract_dict(), ensure_ascii=False) + "\n")
    return total, failed


def _write_stdout(line: str) -> None:
    # A lone surrogate can only come from a bug upstream; it must not end the run here.
    sys.stdout.write(line.encode("utf-8", "backslashreplace").decode("utf-8"))


class _Output:
    """--output written to OUT.partial and renamed when complete: never a half-written OUT."""

    def __init__(self, path: Path, handle: TextIO) -> None:
        self.path, self.handle = path, handle
        self.partial = Path(handle.name)

    @classmethod
    @contextmanager
    def open(cls, name: str) -> Iterator[_Output]:
        path = Path(name)
        partial = path.with_name(path.name + ".partial")
        try:
            handle = partial.open("w", encoding="utf-8", errors="backslashreplace")
        except OSError as exc:
            raise InputError(f"cannot write --output {name}: {exc.strerror or exc}") from exc
        output = cls(path, handle)
        try:
            yield output
        finally:
            handle.close()
            partial.unlink(missing_ok=True)  # still there only when the run failed

    def write(self, line: str) -> None:
        try:
            self.handle.write(line)
        except OSError as exc:
            raise _unwritable(self.path, exc) from exc

    def commit(self) -> None:
        try:
            self.handle.close()
            os.replace(self.partial, self.path)
        except OSError as exc:
            raise _unwritable(self.path, exc) from exc


def _coded(
    articles: Iterator[CodedArticle | CodedPieces], pretty: bool
) -> Iterator[CodedArticle | CodedPieces]:
    if not pretty:
        yield from articles
        return
    for coded in articles:
        whole = coded.merged() if isinstance(coded, CodedPieces) else coded  # a digest reads it all
        print_digest(whole)
        yield whole


def _discard(line: str) -> None:
    """--format pretty without --output: the digest is the output."""


def _unwritable(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {exc.strerror or exc}; nothing was written")
