"""Reading articles from files and streams into ``Article`` records."""

from eventwire.ingest.readers import read_inputs, read_jsonl_lines

__all__ = ["read_inputs", "read_jsonl_lines"]
