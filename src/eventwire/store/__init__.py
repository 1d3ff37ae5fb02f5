"""eventwire.store."""
