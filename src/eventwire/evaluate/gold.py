"""Gold files: hand-coded records that the coder's output is measured against.

A gold line is ``{"id", "text", "date", "events": [{"plover", "source": [ISO3...],
"target": [ISO3...]}]}`` (CONTRACT.md, "Measuring"); extra keys such as ``note`` or
``cameo`` are kept or ignored. An empty ``events`` list means "nothing to code here".
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from eventwire.errors import InputError
from eventwire.records import Actor, CodedArticle, Event


@dataclass(frozen=True, slots=True)
class Claim:
    """One event reduced to what scoring compares: type, CAMEO root and the two sides' countries."""

    plover: str | None
    root: str | None
    source: frozenset[str]
    target: frozenset[str]

    def label(self, key: str) -> str | None:
        """The label scored under ``key``: ``"plover"`` (PLOVER type) or ``"cameo"`` (CAMEO root)."""
        return self.plover if key == "plover" else self.root


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One hand-coded record of a gold file."""

    id: str
    text: str
    events: tuple[Claim, ...]
    date: str | None = None
    note: str | None = None


def countries(side: Iterable[Any] | None) -> frozenset[str]:
    """ISO3 codes of one side of an event, whether given as codes or as Actor dicts/records."""
    found: set[str] = set()
    for actor in side or ():
        if isinstance(actor, Actor):
            code: Any = actor.country
        elif isinstance(actor, Mapping):
            code = actor.get("country")
        else:
            code = actor
        if code:
            # Only the country part counts: "USAGOV"-style codes and "usa" compare as "USA".
            found.add(str(code).upper()[:3])
    return frozenset(found)


def claim_from_dict(event: Mapping[str, Any]) -> Claim:
    """A gold or contract event dict as a ``Claim``."""
    plover = event.get("plover")
    cameo = event.get("cameo")
    return Claim(
        plover=str(plover).upper() if plover else None,
        root=str(cameo)[:2] if cameo else None,
        source=countries(event.get("source")),
        target=countries(event.get("target")),
    )


def claim_from_event(event: Event) -> Claim:
    """A coded ``Event`` as a ``Claim``."""
    return Claim(
        plover=event.plover.upper() if event.plover else None,
        root=event.cameo[:2] if event.cameo else None,
        source=countries(event.source),
        target=countries(event.target),
    )


def predicted_claims(prediction: CodedArticle | Mapping[str, Any] | None) -> tuple[Claim, ...]:
    """The claims a coded article makes: negated events assert nothing, so they are left out."""
    if prediction is None:
        return ()
    if isinstance(prediction, CodedArticle):
        return tuple(claim_from_event(e) for e in prediction.events if not e.negated)
    events = prediction.get("events") or []
    return tuple(claim_from_dict(e) for e in events if isinstance(e, Mapping) and not e.get("negated"))


def gold_record(row: Mapping[str, Any]) -> GoldRecord:
    """A ``GoldRecord`` from a parsed gold line; raises ``ValueError`` when it breaks the format."""
    if not isinstance(row.get("id"), str) or not row["id"]:
        raise ValueError("gold record needs a non-empty string 'id'")
    if not isinstance(row.get("text"), str):
        raise ValueError("gold record needs a 'text' string")
    events = row.get("events")
    if not isinstance(events, list) or not all(isinstance(e, Mapping) for e in events):
        raise ValueError("gold record needs an 'events' list of objects")
    return GoldRecord(
        id=row["id"],
        text=row["text"],
        events=tuple(claim_from_dict(e) for e in events),
        date=row.get("date"),
        note=row.get("note"),
    )


def read_gold(path: str | Path) -> list[GoldRecord]:
    """Every record of a gold JSONL file; a malformed line raises ``InputError`` naming it."""
    return read_records(path, gold_record)


class HasId(Protocol):
    """A parsed gold line: every kind of gold record is identified by its ``id``."""

    @property
    def id(self) -> str: ...


RecordT = TypeVar("RecordT", bound=HasId)


def read_records(path: str | Path, parse: Callable[[Mapping[str, Any]], RecordT]) -> list[RecordT]:
    """Every line of a gold JSONL file parsed with ``parse`` (events, places or actor phrases).

    A malformed line or a repeated id raises ``InputError`` naming the file and the line.
    """
    try:
        with Path(path).open(encoding="utf-8") as handle:
            return list(_gold_lines(handle, str(path), parse))
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror}") from exc


def _gold_lines(
    lines: Iterable[str], origin: str, parse: Callable[[Mapping[str, Any]], RecordT]
) -> Iterator[RecordT]:
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, Mapping):
                raise ValueError("a gold line must be a JSON object")
            record = parse(row)
        except (ValueError, AttributeError, TypeError) as exc:
            raise InputError(f"{origin}, line {number}: {exc}") from exc
        if record.id in seen:
            raise InputError(f"{origin}, line {number}: duplicate id {record.id!r}")
        seen.add(record.id)
        yield record
