"""eventwire.serve."""
