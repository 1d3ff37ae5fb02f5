"""eventwire.evaluate."""
