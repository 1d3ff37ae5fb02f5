"""What a user's SQL may do to the event store: read its tables, and nothing else.

``eventwire sql`` (and any SQL endpoint) checks a query with DuckDB's own parser before it
runs: only SELECT-like statements, and no function that reads or writes files, fetches
URLs or runs other SQL (``read_csv``, ``read_text``, ``glob``, ``query``...), and no
``FROM 'file.csv'``. The connection is also read-only and has external access switched
off, so a query that slipped past this check still cannot touch a file.

    check_query("SELECT plover, count(*) FROM events GROUP BY 1")   # passes
    check_query("COPY events TO '/tmp/x.csv'")                        # UnsafeQueryError
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import duckdb

from eventwire.errors import StoreError

_READING_STATEMENTS = frozenset({"SELECT", "EXPLAIN"})
# Table and scalar functions that touch files, the network, extensions or run SQL text.
_FILE_FUNCTION_PREFIXES = (
    "read_",
    "parquet_",
    "sniff_",
    "iceberg_",
    "delta_",
    "sqlite_",
    "postgres_",
    "mysql_",
)
_FILE_FUNCTIONS = frozenset(
    {"glob", "parquet_scan", "query", "query_table", "getenv", "load_extension", "install_extension",
     "duckdb_secrets", "which_secret", "checkpoint", "force_checkpoint", "read_blob", "read_text"}
)  # fmt: skip
_PATH_CHARACTERS = ("/", "\\", ".", ":", "~")


class UnsafeQueryError(StoreError):
    """A query would reach beyond the store's tables (files, URLs, extensions, settings)."""


def check_query(sql: str) -> None:
    """Raise ``UnsafeQueryError`` unless ``sql`` only reads the store's tables."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc
    if not statements:
        raise StoreError("the query is empty")
    for statement in statements:
        kind = statement.type.name
        if kind not in _READING_STATEMENTS:
            raise UnsafeQueryError(f"{kind} statements are refused: `eventwire sql` only reads ({_HINT})")
        _check_tree(statement.query)


def _check_tree(sql: str) -> None:
    con = duckdb.connect()
    try:
        tree = json.loads(con.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0])
    finally:
        con.close()
    if tree.get("error"):
        return  # not serialisable (EXPLAIN, DESCRIBE...): the read-only, no-file connection decides
    for node in _nodes(tree):
        name = str(node.get("function_name", "")).lower()
        if name in _FILE_FUNCTIONS or name.startswith(_FILE_FUNCTION_PREFIXES):
            raise UnsafeQueryError(f"the function {name}() reads files or runs other SQL: refused ({_HINT})")
        table = node.get("table_name") if node.get("type") == "BASE_TABLE" else None
        if isinstance(table, str) and any(ch in table for ch in _PATH_CHARACTERS):
            raise UnsafeQueryError(f"FROM '{table}' would read a file: refused ({_HINT})")


def _nodes(tree: Any) -> Iterator[dict[str, Any]]:
    if isinstance(tree, dict):
        yield tree
        for value in tree.values():
            yield from _nodes(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _nodes(value)


_HINT = "pass --unsafe to allow file access"
