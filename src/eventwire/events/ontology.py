"""The event ontology: CAMEO codes, PLOVER types, modes and contexts, in one place.

Every other module asks this one what a code means, which PLOVER type it belongs to and
which CAMEO code stands for a PLOVER type; nobody else reads the tables. The tables live
in ``eventwire/data/ontology/`` so that analysts can read and amend them without code.

The PLOVER columns of ``cameo.csv`` follow the CAMEO-to-PLOVER crosswalk of the PLOVER
manual (draft 0.8), with two kinds of repair: modes the codebook no longer lists are
replaced by the codebook mode that means the same (or dropped), and CAMEO 02 (appeals),
which the crosswalk leaves out, is coded REQUEST like CAMEO 10 (demands), because the
codebook defines REQUEST as *all* requests. CAMEO 01 (public statements) has no PLOVER type.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from eventwire.errors import ConfigError, KnowledgeBaseError
from eventwire.resources import read_text

ONTOLOGY_DIR = "ontology"
CAMEO_FILE = "cameo.csv"
PLOVER_FILE = "plover.csv"
CONTEXTS_FILE = "contexts.csv"
# A packaged table (``ontology/cameo.csv``) or a file of the user's.
Source = str | Path

CAMEO_COLUMNS = ("code", "name", "goldstein", "quad", "plover", "mode", "context")
PLOVER_COLUMNS = ("plover", "mode", "default_cameo", "definition")
CONTEXT_COLUMNS = ("context", "description")

# The 16 event types of PLOVER, in codebook order; the table must define exactly these.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with its Goldstein weight, QuadClass and PLOVER crosswalk."""

    code: str
    name: str
    goldstein: float
    quad: int
    plover: str | None
    mode: str | None
    context: tuple[str, ...]

    @property
    def root(self) -> str:
        """The two-digit CAMEO root (``"19"`` for ``"193"``)."""
        return self.code[:2]

    def coding(self, plover: str, sense_mode: str | None) -> EventCoding:
        """The fields an event coded with this CAMEO code under PLOVER type ``plover`` takes:
        the sense's own mode wins, else the code's mode when the code belongs to that type."""
        mode = sense_mode or (self.mode if self.plover == plover else None)
        return EventCoding(
            cameo=self.code, mode=mode, context=self.context, goldstein=self.goldstein, quad=self.quad
        )


class EventCoding(TypedDict):
    """The CAMEO-derived fields of an ``Event`` (shared by the rule coder and the ranker)."""

    cameo: str
    mode: str | None
    context: tuple[str, ...]
    goldstein: float
    quad: int


@dataclass(frozen=True, slots=True)
class _PloverType:
    """A PLOVER event type: its definition, modes and default CAMEO codes per mode."""

    name: str
    definition: str
    modes: tuple[str, ...]
    defaults: Mapping[str, str]  # mode ("" for the type itself) -> CAMEO code
    mode_definitions: Mapping[str, str]


def by_cameo_prefix(table: Mapping[str, str], cameo: str) -> str | None:
    """The value ``table`` gives the longest prefix of ``cameo`` it has (two digits at least):
    a table keyed "19" covers every fighting code, "1121" only that one."""
    for length in range(len(cameo), 1, -1):
        value = table.get(cameo[:length])
        if value is not None:
            return value
    return None


class Ontology:
    """Read-only view over the CAMEO and PLOVER tables; build it with ``Ontology.load()``."""

    def __init__(
        self,
        codes: Mapping[str, CameoCode],
        types: Mapping[str, _PloverType],
        contexts: tuple[str, ...],
    ) -> None:
        self._codes = dict(codes)
        self._types = dict(types)
        self._contexts = contexts

    @classmethod
    def load(cls, directory: Path | None = None) -> Ontology:
        """Read and check the tables (the packaged ones by default, else those in ``directory``).

        A malformed table raises ``ConfigError`` naming the file and line.
        """

        def table(name: str) -> Source:
            return directory / name if directory is not None else f"{ONTOLOGY_DIR}/{name}"

        contexts = _read_contexts(table(CONTEXTS_FILE))
        types = _read_plover(table(PLOVER_FILE))
        codes = _read_cameo(table(CAMEO_FILE), types, contexts)
        _check_defaults(types, codes)
        return cls(codes, types, contexts)

    def cameo(self, code: str) -> CameoCode:
        """The record for a CAMEO code such as ``"0211"``; unknown codes raise ``ConfigError``."""
        try:
            return self._codes[str(code).strip()]
        except KeyError:
            raise ConfigError(f"unknown CAMEO code {code!r}") from None

    def codes(self) -> tuple[CameoCode, ...]:
        """Every CAMEO code, in table order."""
        return tuple(self._codes.values())

    def plover_types(self) -> tuple[str, ...]:
        """The 16 PLOVER event types, in codebook order."""
        return tuple(self._types)

    def modes(self, plover: str) -> tuple[str, ...]:
        """The modes PLOVER defines for a type (empty for types without modes)."""
        return self._type(plover).modes

    def contexts(self) -> tuple[str, ...]:
        """The PLOVER contexts an event may carry."""
        return self._contexts

    def default_cameo(self, plover: str, mode: str | None = None) -> CameoCode:
        """The most typical CAMEO code for a PLOVER type, or for one of its modes."""
        entry = self._type(plover)
        if mode and mode not in entry.modes:
            raise ConfigError(f"{mode!r} is not a mode of PLOVER type {entry.name}")
        return self._codes[entry.defaults[mode or ""]]

    def describe(self, plover: str) -> str:
        """A one-sentence definition of a PLOVER type."""
        return self._type(plover).definition

    def describe_mode(self, plover: str, mode: str) -> str:
        """A one-sentence definition of a PLOVER mode."""
        entry = self._type(plover)
        if mode not in entry.mode_definitions:
            raise ConfigError(f"{mode!r} is not a mode of PLOVER type {entry.name}")
        return entry.mode_definitions[mode]

    def _type(self, plover: str) -> _PloverType:
        try:
            return self._types[plover.upper()]
        except KeyError:
            raise ConfigError(f"unknown PLOVER type {plover!r}") from None


def _rows(source: Source, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV table with their line numbers, after checking the header."""
    try:
        text = read_text(source)
    except KnowledgeBaseError as exc:
        raise ConfigError(f"{_name(source)}: cannot read ontology table ({exc})") from exc
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != columns:
        raise ConfigError(f"{_name(source)}: header must be {','.join(columns)}, got {reader.fieldnames}")
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            raise ConfigError(f"{_name(source)}, line {reader.line_num}: expected {len(columns)} columns")
        yield reader.line_num, {k: v.strip() for k, v in row.items()}


def _name(source: Source) -> str:
    """The table's file name, for messages."""
    return Path(source).name


def _fail(source: Source, line: int, message: str) -> ConfigError:
    return ConfigError(f"{_name(source)}, line {line}: {message}")


def _read_contexts(source: Source) -> tuple[str, ...]:
    names: list[str] = []
    for line, row in _rows(source, CONTEXT_COLUMNS):
        if not row["context"] or row["context"] in names:
            raise _fail(source, line, f"empty or duplicate context {row['context']!r}")
        names.append(row["context"])
    return tuple(names)


def _read_plover(source: Source) -> dict[str, _PloverType]:
    """Group the PLOVER table's rows by type: the mode-less row defines the type itself."""
    grouped: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in _rows(source, PLOVER_COLUMNS):
        if not row["plover"].isupper() or not row["default_cameo"] or not row["definition"]:
            raise _fail(source, line, "plover must be upper case; default_cameo and definition are required")
        if row["plover"] not in PLOVER_TYPES:
            raise _fail(source, line, f"{row['plover']!r} is not one of the 16 PLOVER types")
        grouped.setdefault(row["plover"], []).append((line, row))
    missing = [name for name in PLOVER_TYPES if name not in grouped]
    if missing:
        raise ConfigError(f"{_name(source)}: PLOVER type(s) {', '.join(missing)} missing")
    return {name: _plover_type(source, name, grouped[name]) for name in PLOVER_TYPES}


def _plover_type(source: Source, name: str, rows: list[tuple[int, dict[str, str]]]) -> _PloverType:
    modes = [row["mode"] for _, row in rows if row["mode"]]
    if len(set(modes)) != len(modes):
        raise _fail(source, rows[-1][0], f"duplicate mode under {name}")
    head = [row for _, row in rows if not row["mode"]]
    if len(head) != 1:
        raise _fail(source, rows[0][0], f"{name} needs exactly one row without a mode")
    return _PloverType(
        name=name,
        definition=head[0]["definition"],
        modes=tuple(modes),
        defaults={row["mode"]: row["default_cameo"] for _, row in rows},
        mode_definitions={row["mode"]: row["definition"] for _, row in rows if row["mode"]},
    )


def _read_cameo(
    source: Source, types: Mapping[str, _PloverType], contexts: tuple[str, ...]
) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for line, row in _rows(source, CAMEO_COLUMNS):
        code = _cameo_code(source, line, row)
        if code.code in codes:
            raise _fail(source, line, f"duplicate CAMEO code {code.code}")
        _check_crosswalk(source, line, code, types, contexts)
        codes[code.code] = code
    return codes


def _cameo_code(source: Source, line: int, row: dict[str, str]) -> CameoCode:
    """Parse one row, checking the parts that do not depend on the other tables."""
    code = row["code"]
    if not (code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20):
        raise _fail(source, line, f"bad CAMEO code {code!r}")
    try:
        goldstein, quad = float(row["goldstein"]), int(row["quad"])
    except ValueError:
        raise _fail(source, line, f"goldstein and quad must be numbers in {code}") from None
    if not -10.0 <= goldstein <= 10.0:
        raise _fail(source, line, f"Goldstein {goldstein} of {code} is outside [-10, 10]")
    if quad != quad_class(code):
        raise _fail(source, line, f"QuadClass of {code} must be {quad_class(code)}, got {quad}")
    return CameoCode(
        code=code,
        name=row["name"],
        goldstein=goldstein,
        quad=quad,
        plover=row["plover"] or None,
        mode=row["mode"] or None,
        context=tuple(c.strip() for c in row["context"].split(";") if c.strip()),
    )


def quad_class(code: str) -> int:
    """CAMEO QuadClass from the root: verbal/material cooperation, verbal/material conflict."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ConfigError(f"bad CAMEO code {code!r}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _check_crosswalk(
    source: Source,
    line: int,
    code: CameoCode,
    types: Mapping[str, _PloverType],
    contexts: tuple[str, ...],
) -> None:
    if code.plover is None:
        if code.mode:
            raise _fail(source, line, f"{code.code} has a mode but no PLOVER type")
    elif code.plover not in types:
        raise _fail(source, line, f"{code.code}: unknown PLOVER type {code.plover!r}")
    elif code.mode and code.mode not in types[code.plover].modes:
        raise _fail(source, line, f"{code.code}: {code.mode!r} is not a mode of {code.plover}")
    unknown = [c for c in code.context if c not in contexts]
    if unknown:
        raise _fail(source, line, f"{code.code}: unknown context(s) {', '.join(unknown)}")


def _check_defaults(types: Mapping[str, _PloverType], codes: Mapping[str, CameoCode]) -> None:
    """A type's default codes must exist and belong to that type, or coders would contradict it."""
    for entry in types.values():
        for mode, code in entry.defaults.items():
            target = codes.get(code)
            if target is None or target.plover != entry.name:
                label = f"{entry.name}/{mode}" if mode else entry.name
                raise ConfigError(
                    f"{PLOVER_FILE}: default CAMEO {code} of {label} is not a {entry.name} code"
                )
