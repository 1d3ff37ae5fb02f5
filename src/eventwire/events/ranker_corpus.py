"""The ranker's training corpus, built from texts the caller has read (no file access here).

    >>> examples = synthetic_examples(csv_text, PLOVER) + gold_examples(jsonl_text)

Two sources, both labelled with PLOVER types:

* **Weak labels**: a CSV of synthetic news stories with one PLOVER ``label`` each. Only the
  story's lead is used, because a wire story states its event in the first sentence and the
  later paragraphs drift to background, reactions and history.
* **Project gold**: the *training* half of a gold file (``gold_split``), each record
  labelled with every PLOVER type of its events; eventless records are left out, because
  the ranker ranks types and does not decide whether there is an event.

The split is a hash of the record id, so it does not move when records are added, and the
other half stays a test set the ranker never saw.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

Split = Literal["train", "test"]
# The first sentence is usually within this many characters; parsing more is wasted time.
LEAD_CHARS = 600
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Example:
    """A training text with its PLOVER types and where it came from."""

    text: str
    labels: tuple[str, ...]
    origin: str


def gold_split(record_id: str) -> Split:
    """Which half of a gold file a record belongs to (stable: CRC-32 of its id)."""
    return "train" if zlib.crc32(record_id.encode("utf-8")) % 2 == 0 else "test"


def lead(text: str) -> str:
    """The first non-empty paragraph of a story, cut to ``LEAD_CHARS`` at a word boundary."""
    for raw in _PARAGRAPH.split(text):
        paragraph = " ".join(raw.split())
        if paragraph:
            if len(paragraph) <= LEAD_CHARS:
                return paragraph
            return paragraph[:LEAD_CHARS].rsplit(" ", 1)[0]
    return ""


def synthetic_examples(csv_text: str, types: Collection[str]) -> list[Example]:
    """The lead of every story whose ``label`` is one of ``types`` (other rows are skipped)."""
    examples = []
    for row in csv.DictReader(io.StringIO(csv_text)):
        label, text = (row.get("label") or "").strip(), lead(row.get("text") or "")
        if label in types and text:
            examples.append(Example(text, (label,), "synthetic"))
    return examples


def gold_examples(jsonl_text: str, split: Split = "train") -> list[Example]:
    """The records of one half of a gold JSONL file that have events, labelled by their types."""
    examples = []
    for line in jsonl_text.splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        types = tuple(dict.fromkeys(e["plover"] for e in record.get("events", [])))
        if types and gold_split(str(record["id"])) == split:
            examples.append(Example(record["text"], types, "gold"))
    return examples
