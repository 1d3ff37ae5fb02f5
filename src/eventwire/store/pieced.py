"""What an interrupted ingest left of a very long article, found and deleted.

``EventStore.add_pieces`` commits a long article piece by piece, its row marked
``incomplete`` until the last piece is in (one transaction for the whole article made
DuckDB's memory grow with the article). A crash between pieces leaves such an article;
the next opening of the store for writing deletes it with every row it added, so the rerun
stores it exactly once, and a read-only opening refuses to show it half done.
"""

from __future__ import annotations

import duckdb

from eventwire.errors import StoreError

INCOMPLETE = "incomplete"
# Tables whose rows of an article go with it (events are handled apart: others may share them;
# the ingest log keeps the article's history, and its "coded" line is written with the last piece).
_ARTICLE_ROWS = ("sentences", "mentions", "quotes", "sentence_terms", "event_mentions")


def incomplete_articles(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Ids of the articles whose last piece was never stored."""
    found = con.execute("SELECT id FROM articles WHERE status = ? ORDER BY id", [INCOMPLETE]).fetchall()
    return [row[0] for row in found]


def check_complete(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse to read a store that holds part of an article (an ingest was killed mid-article)."""
    left = incomplete_articles(con)
    if left:
        con.close()
        raise StoreError(
            f"the store {path} holds part of {len(left)} article(s) ({', '.join(left[:3])}) left by an "
            "interrupted ingest: run `eventwire ingest` on it again (any input), which deletes them "
            "before it stores anything, then rerun the ingest of those articles"
        )


def delete_articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[int]:
    """Delete these articles and their rows, and the events only they reported; returns the
    remaining events they had joined, whose counts the caller recomputes."""
    touched = con.execute(
        "SELECT DISTINCT event_id FROM event_mentions WHERE list_contains(?, article_id)", [ids]
    ).fetchall()
    for table in _ARTICLE_ROWS:
        con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [ids])
    event_ids = [row[0] for row in touched]
    con.execute(
        "DELETE FROM events WHERE list_contains(?::BIGINT[], event_id) "
        "AND event_id NOT IN (SELECT event_id FROM event_mentions)",
        [event_ids],
    )
    con.execute("DELETE FROM articles WHERE list_contains(?, id)", [ids])
    return event_ids
