"""``eventwire evaluate``: code a gold file and report how close the coder came."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

import eventwire
from eventwire.commands._common import add_pipeline_options, settings_from_args
from eventwire.commands._progress import ArticleProgress, add_progress_option, expected_articles
from eventwire.evaluate.actor_phrases import ActorEvaluation, evaluate_actor_file
from eventwire.evaluate.baseline import below_floor, read_floors
from eventwire.evaluate.perturb import PerturbationEvaluation, evaluate_perturbations
from eventwire.evaluate.places import PlaceEvaluation, evaluate_places_file
from eventwire.evaluate.run import evaluate_file
from eventwire.evaluate.scoring import NOTHING, PRF, Evaluation
from eventwire.ingest.readers import check_readable
from eventwire.records import CodedArticle

EXIT_BELOW_BASELINE = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score the coder against a gold file (P/R/F1, dyads, confusions, misses)",
        description=(
            "Code the texts of a gold file and compare the events with the gold ones: PLOVER type\n"
            "and dyad precision/recall/F1, per-type scores, a confusion table and the worst misses.\n\n"
            "example: eventwire evaluate tests/gold/events.jsonl --output predicted.jsonl --misses 15\n"
            "         eventwire evaluate tests/gold/events.jsonl --baseline tests/gold/baseline.json\n"
            "         eventwire evaluate tests/gold/blind/places-b1.jsonl --places\n"
            "         eventwire evaluate tests/gold/blind/actors-b1.jsonl --actor-phrases --json\n"
            "         eventwire evaluate tests/gold/perturb-simple.jsonl --perturb"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", metavar="GOLD", help="gold JSONL: {id, text, date, events: [...]} a line")
    parser.add_argument("-o", "--output", metavar="PRED", help="also write the coded articles (JSONL)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON instead of tables")
    parser.add_argument("--misses", type=int, default=10, metavar="N", help="list the N worst records")
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="baseline JSON with floors; exit status 1 when a figure falls below its floor",
    )
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--places",
        action="store_true",
        help="GOLD is place gold: share located, country accuracy, median km, share within 50 km",
    )
    # Not "--actors": that option already names extra actor dictionaries (add_pipeline_options).
    kind.add_argument(
        "--actor-phrases",
        action="store_true",
        help="GOLD is actor phrase gold: country, sector, kind and name accuracy per phrase",
    )
    kind.add_argument(
        "--perturb",
        action="store_true",
        help="GOLD holds simple sentences: share of codings kept under adjuncts, attributions, dates",
    )
    add_pipeline_options(parser)
    add_progress_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_readable([args.gold])
    if args.places or args.actor_phrases or args.perturb:
        return run_other_gold(args)
    wire = eventwire.coder(settings_from_args(args))
    with ArticleProgress("evaluate", expected_articles([args.gold]), args.no_progress) as bar:
        evaluation, coded = evaluate_file(wire, args.gold, misses=args.misses, track=bar.track)
    if args.output:
        _write_coded(args.output, coded)
    if args.json:
        print(json.dumps(evaluation.to_dict(), ensure_ascii=False))
    else:
        print_report(evaluation, Console())
    _report_failures(coded)
    print(bar.summary(), file=sys.stderr)
    return _check_baseline(args.baseline, evaluation) if args.baseline else 0


def run_other_gold(args: argparse.Namespace) -> int:
    """Place or actor-phrase gold: their own figures, the same --output, --json and --baseline."""
    wire = eventwire.coder(settings_from_args(args))
    evaluation: PlaceEvaluation | ActorEvaluation | PerturbationEvaluation
    expected = None if args.perturb else expected_articles([args.gold])  # variants are made on the fly
    with ArticleProgress("evaluate", expected, args.no_progress) as bar:
        if args.places:
            evaluation, coded = evaluate_places_file(wire, args.gold, track=bar.track)
        elif args.perturb:
            evaluation, coded = evaluate_perturbations(wire, args.gold, track=bar.track)
        else:
            evaluation, coded = evaluate_actor_file(wire, args.gold, track=bar.track)
    if args.output:
        _write_coded(args.output, coded)
    report = evaluation.to_dict(misses=args.misses)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print_figures(report, Console())
    _report_failures(coded)
    print(bar.summary(), file=sys.stderr)
    return _check_baseline(args.baseline, evaluation) if args.baseline else 0


def print_figures(report: dict[str, Any], console: Console) -> None:
    """The headline figures, the per-class table when there is one, and the misses."""
    table = Table(title="figures")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in report.items():
        if isinstance(value, int | float):
            table.add_row(name, str(value))
        elif isinstance(value, dict) and name != "per_class":
            # Figures per sub-class (the probe's share kept per rewrite) as "name.class" rows.
            for part, number in value.items():
                table.add_row(f"{name}.{part}", str(number))
    console.print(table)
    if report.get("per_class"):
        per_class = Table(title="per class")
        for name in ("class", "phrases", "country", "sector"):
            per_class.add_column(name, justify="left" if name == "class" else "right")
        for group, row in report["per_class"].items():
            per_class.add_row(group, *(str(row[k]) for k in ("phrases", "country", "sector")))
        console.print(per_class)
    for miss in report.get("misses", []):
        console.print(json.dumps(miss, ensure_ascii=False))


def _report_failures(coded: list[CodedArticle]) -> None:
    failed = sum(c.error is not None for c in coded)
    if failed:
        print(f"eventwire: {failed} of {len(coded)} gold record(s) failed to code", file=sys.stderr)


def _write_coded(path: str, coded: list[CodedArticle]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for article in coded:
            out.write(json.dumps(article.to_contract_dict(), ensure_ascii=False) + "\n")


def _check_baseline(
    path: str, evaluation: Evaluation | PlaceEvaluation | ActorEvaluation | PerturbationEvaluation
) -> int:
    failures = below_floor(evaluation.figures(), read_floors(path))
    for failure in failures:
        print(f"eventwire: below baseline: {failure}", file=sys.stderr)
    return EXIT_BELOW_BASELINE if failures else 0


def print_report(evaluation: Evaluation, console: Console) -> None:
    """Headline figures, per-type scores, the confusion table and the worst misses."""
    console.print(summary_table(evaluation))
    console.print(per_type_table(evaluation))
    if evaluation.confusion:
        console.print(confusion_table(evaluation))
    if evaluation.misses:
        console.print(misses_table(evaluation))


def _prf_cells(prf: PRF) -> list[str]:
    return [f"{prf.p:.3f}", f"{prf.r:.3f}", f"{prf.f1:.3f}", str(prf.n_pred), str(prf.n_gold)]


def _prf_table(title: str, first: str) -> Table:
    table = Table(title=title)
    table.add_column(first)
    for name in ("P", "R", "F1", "predicted", "gold"):
        table.add_column(name, justify="right")
    return table


def summary_table(evaluation: Evaluation) -> Table:
    table = _prf_table(f"{evaluation.records} gold records ({evaluation.eventless} without events)", "figure")
    for name, prf in (("type", evaluation.type), ("dyad", evaluation.dyad)):
        table.add_row(name, *_prf_cells(prf))
    for name, maybe in (("CAMEO root", evaluation.root), ("dyad (root)", evaluation.dyad_root)):
        if maybe is not None:
            table.add_row(name, *_prf_cells(maybe))
    table.caption = (
        f"silent share {evaluation.silent:.3f} · false alarms on eventless records "
        f"{evaluation.false_alarms}/{evaluation.eventless} · missing records {evaluation.missing_records}"
    )
    return table


def per_type_table(evaluation: Evaluation) -> Table:
    table = _prf_table("per PLOVER type", "type")
    for plover, prf in evaluation.per_type.items():
        table.add_row(plover, *_prf_cells(prf))
    return table


def confusion_table(evaluation: Evaluation) -> Table:
    """Gold types down, predicted types across; the diagonal is what went right."""
    gold_types = sorted({g for g, _ in evaluation.confusion})
    predicted = [*sorted({p for _, p in evaluation.confusion} - {NOTHING}), NOTHING]
    table = Table(title="confusion: gold ↓ predicted →", caption="records with one gold type")
    table.add_column("gold")
    for name in predicted:
        # Four letters tell the 16 types apart and keep 17 columns inside a terminal.
        table.add_column(name if name == NOTHING else name[:4], justify="right")
    for gold in gold_types:
        cells = [evaluation.confusion.get((gold, p), 0) for p in predicted]
        table.add_row(gold, *[_cell(n, gold == p) for n, p in zip(cells, predicted, strict=True)])
    return table


def _cell(count: int, diagonal: bool) -> str:
    if not count:
        return "·"
    return f"[bold green]{count}[/]" if diagonal else f"[red]{count}[/]"


def misses_table(evaluation: Evaluation) -> Table:
    table = Table(title="worst misses", show_lines=True)
    for name in ("id", "text", "gold", "predicted"):
        table.add_column(name, overflow="fold")
    for miss in evaluation.misses:
        table.add_row(miss.id, miss.text, ", ".join(miss.gold) or "—", ", ".join(miss.predicted) or "—")
    return table
