"""``load_resource``: the one way a packaged or user knowledge file is read.

    >>> words = load_resource("places/locatives.yaml", {"prepositions": list})
    >>> table = load_resource("ontology/cameo.csv")          # a list of row dicts

Every data file of ``eventwire/data`` (YAML, TOML, CSV, TSV, gzipped or not) and every user
file (an absolute or relative path) goes through here, so a broken file always fails the
same way: a ``KnowledgeBaseError`` that names the file and, when the schema catches it, the
entry. ``schema`` maps top-level keys to the type their value must have; a key marked
``Optional`` (see ``optional``) may be absent.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import KnowledgeBaseError

DATA_PACKAGE = "eventwire.data"
# libyaml's loader when it is installed: the big actor and lexicon files load ~10x faster.
# The actor KB and lexicon readers subclass it for their own scalar rules.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Optional:
    """A schema entry for a key that may be absent (its value, when present, must be ``kind``)."""

    kind: type


Schema = Mapping[str, "type | Optional"]


def load_resource(name: str | Path, schema: Schema | None = None) -> Any:
    """The parsed content of a packaged data file (``name`` relative to ``eventwire/data``)
    or of a user's file (a ``Path``), checked against ``schema`` when given."""
    label = str(name)
    content = parse_text(read_text(name), label)
    if schema is not None:
        check_schema(content, schema, label)
    return content


def read_text(name: str | Path) -> str:
    """The file's text (UTF-8; gunzipped when it ends in ``.gz``)."""
    try:
        raw = Path(name).read_bytes() if isinstance(name, Path) else _packaged_bytes(name)
        if str(name).endswith(".gz"):
            raw = gzip.decompress(raw)
        return raw.decode("utf-8")
    except FileNotFoundError:
        raise KnowledgeBaseError(f"{name}: no such knowledge file") from None
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise KnowledgeBaseError(f"{name}: cannot be read: {exc}") from exc


def read_bytes(name: str | Path) -> bytes:
    """The file's raw bytes (to fingerprint it), with the same errors as ``read_text``."""
    try:
        return Path(name).read_bytes() if isinstance(name, Path) else _packaged_bytes(name)
    except FileNotFoundError:
        raise KnowledgeBaseError(f"{name}: no such knowledge file") from None
    except OSError as exc:
        raise KnowledgeBaseError(f"{name}: cannot be read: {exc}") from exc


def exists(name: str) -> bool:
    """Whether the packaged data file ``name`` is there (an optional, generated file)."""
    return _packaged(name).is_file()


def packaged_names(folder: str, suffix: str) -> list[str]:
    """The packaged files of ``folder`` ending in ``suffix``, as names for ``read_text``, sorted."""
    found = (item.name for item in _packaged(folder).iterdir() if item.name.endswith(suffix))
    return [f"{folder}/{name}" for name in sorted(found)]


def _packaged(name: str) -> Traversable:
    return resources.files(DATA_PACKAGE).joinpath(*name.split("/"))


def _packaged_bytes(name: str) -> bytes:
    return _packaged(name).read_bytes()


def parse_text(text: str, label: str) -> Any:
    """Parse by the file's suffix: YAML, TOML, JSON, CSV/TSV (list of row dicts); else the text."""
    suffix = label.removesuffix(".gz").rsplit(".", 1)[-1].lower()
    try:
        if suffix in ("yaml", "yml"):
            return yaml.load(text, Loader=SAFE_LOADER)
        if suffix == "toml":
            return tomllib.loads(text)
        if suffix == "json":
            return json.loads(text)
        if suffix in ("csv", "tsv"):
            return list(csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == "tsv" else ","))
    except (yaml.YAMLError, tomllib.TOMLDecodeError, csv.Error, json.JSONDecodeError) as exc:
        raise KnowledgeBaseError(f"{label}: not valid {suffix.upper()}: {exc}") from exc
    return text


def check_schema(content: Any, schema: Schema, label: str) -> None:
    """Refuse a file whose top level is not a mapping with the keys and value types required."""
    if not isinstance(content, Mapping):
        raise KnowledgeBaseError(
            f"{label}: expected a mapping at the top level, got {type(content).__name__}"
        )
    for key, rule in schema.items():
        kind = rule.kind if isinstance(rule, Optional) else rule
        if key not in content:
            if isinstance(rule, Optional):
                continue
            raise KnowledgeBaseError(f"{label}: missing entry {key!r}")
        value = content[key]
        if value is None and isinstance(rule, Optional):
            continue
        if not isinstance(value, kind):
            found = type(value).__name__
            raise KnowledgeBaseError(f"{label}: entry {key!r} must be a {kind.__name__}, not {found}")
