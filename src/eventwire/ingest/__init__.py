"""Reading articles from files, folders, feeds and streams into ``Article`` records."""

from eventwire.ingest.readers import read_inputs, read_jsonl_lines
from eventwire.ingest.sources import iter_articles
from eventwire.ingest.tabular import CsvMapping
from eventwire.ingest.watch import watch_folder

__all__ = ["CsvMapping", "iter_articles", "read_inputs", "read_jsonl_lines", "watch_folder"]
