"""Word search over stored sentences, offline: a term index kept in DuckDB itself.

DuckDB's fts extension cannot be installed without a network, so the store keeps its own
``sentence_terms`` table (migration 2) and ranks sentences by TF-IDF. Every query word must
occur in a sentence; words are lower-cased letters and digits, as in the index.
"""

from __future__ import annotations

import re

import pandas as pd

from eventwire.store.exports.layouts import asserted_sql
from eventwire.store.store import EventStore

# The same notion of a word as the index's regexp ([\p{L}\p{N}]+ after lower()).
_WORD = re.compile(r"[^\W_]+")


def query_terms(text: str) -> list[str]:
    """The distinct index terms of a query, in order."""
    return list(dict.fromkeys(_WORD.findall(text.lower())))


def search_sentences(store: EventStore, text: str, limit: int = 20) -> pd.DataFrame:
    """Sentences containing every word of ``text``, best first, with their article and events.

    ``events`` lists the types of the sentence's asserted events (not the denied or supposed).
    """
    terms = query_terms(text)
    if not terms:
        return pd.DataFrame(columns=["article_id", "sentence", "score", "text", "title", "date", "events"])
    sql = f"""
        WITH total AS (SELECT count(*) AS n FROM sentences),
        df AS (SELECT term, count(*) AS df FROM sentence_terms WHERE list_contains(?, term) GROUP BY term),
        hits AS (
            SELECT t.article_id, t.sentence, sum(t.tf * ln(1 + total.n / df.df)) AS score
            FROM sentence_terms t JOIN df USING (term), total
            GROUP BY t.article_id, t.sentence HAVING count(DISTINCT t.term) = ?)
        SELECT h.article_id, h.sentence, round(h.score, 3) AS score, s.text, a.title, a.date,
            (SELECT list(DISTINCT em.plover ORDER BY em.plover) FROM event_mentions em
              WHERE em.article_id = h.article_id AND em.sentence = h.sentence
                AND {asserted_sql("em")}) AS events
        FROM hits h JOIN sentences s USING (article_id, sentence) JOIN articles a ON a.id = h.article_id
        ORDER BY h.score DESC, h.article_id, h.sentence LIMIT {int(limit)}"""
    return store.con.execute(sql, [terms, len(terms)]).df()
