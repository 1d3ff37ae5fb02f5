"""eventwire.scale."""
