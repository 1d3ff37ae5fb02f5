"""The event store: DuckDB tables of articles, deduplicated events and their mentions.

``EventStore.open(path)`` creates or migrates the database; ``store.add(coded)`` writes one
coded article in a transaction; ``eventwire.store.ingest.ingest`` runs a resumable ingest;
``eventwire.store.analytics`` and ``eventwire.store.exports`` read it back.
"""

from eventwire.store.dedup import MergeRule
from eventwire.store.store import AddResult, EventStore

__all__ = ["AddResult", "EventStore", "MergeRule"]
