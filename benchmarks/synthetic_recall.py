"""Type recall per PLOVER type on the lead sentences of the synthetic stories (weak labels).

    .venv/bin/python benchmarks/synthetic_recall.py ../shared/data/synthetic-stories-plover.csv.zip
    .venv/bin/python benchmarks/synthetic_recall.py STORIES.zip --split study --show-misses

Each story carries one PLOVER ``label``; its lead paragraph (``ranker_corpus.lead``) is coded
by the default pipeline and the story counts as *recalled* when an event of the story's type
is coded in its first sentence (``lead recall``: anywhere in the lead paragraph). The labels
are weak (a story about a concession may open on the demand that led to it), so the figures
compare coder versions with each other; they are not a precision or F1 estimate. ``other``
is the share of stories whose first sentence has events but none of the story's type.

The stories are split in two halves by a CRC-32 of their text: ``study`` may be read sentence
by sentence (``--show-misses``) to find classes of misses; ``heldout`` is only ever counted, so
it stays a check on whether a mechanism carries over. Up to ``--per-type`` stories of each
type are taken from a half, in file order. Nothing is asserted; the data never goes into tests.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.events.ranker_corpus import lead
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle


@dataclass(frozen=True)
class Story:
    """One weakly labelled lead paragraph."""

    key: str
    label: str
    text: str


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """The CSV rows of ``path``, or of the one CSV inside it when it is a zip archive."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.endswith(".csv")]
            text = archive.read(names[0]).decode("utf-8")
    else:
        text = path.read_text("utf-8")
    csv.field_size_limit(10**8)
    yield from csv.DictReader(io.StringIO(text))


def half(text: str) -> str:
    """Which half a story belongs to (stable: CRC-32 of its text)."""
    return "study" if zlib.crc32(text.encode("utf-8")) % 2 == 0 else "heldout"


def sample(path: Path, split: str, per_type: int) -> list[Story]:
    """Up to ``per_type`` stories of each label from one half, in file order."""
    taken: Counter[str] = Counter()
    stories = []
    for number, row in enumerate(read_rows(path)):
        label, text = (row.get("label") or "").strip(), lead(row.get("text") or "")
        if not label or not text or half(row.get("text") or "") != split or taken[label] >= per_type:
            continue
        taken[label] += 1
        stories.append(Story(f"s{number}", label, text))
    return stories


def first_sentence(coded: CodedArticle) -> str:
    return coded.sentences[0].text if coded.sentences else ""


def tally(stories: list[Story], coded: list[CodedArticle], show: bool) -> dict[str, Counter[str]]:
    """Per label: stories, recalled in the first sentence, in the lead, coded as another type."""
    counts: dict[str, Counter[str]] = {}
    for story, article in zip(stories, coded, strict=True):
        first = {e.plover for e in article.events if e.sentence == 0 and not e.negated}
        anywhere = {e.plover for e in article.events if not e.negated}
        row = counts.setdefault(story.label, Counter())
        row["n"] += 1
        row["first"] += story.label in first
        row["lead"] += story.label in anywhere
        row["other"] += bool(first) and story.label not in first
        if show and story.label not in first:
            got = ",".join(sorted(first)) or "-"
            print(f"{story.label}\t{got}\t{story.key}\t{first_sentence(article)}")
    return counts


def report(counts: dict[str, Counter[str]]) -> None:
    print(f"{'type':<10} {'n':>4} {'first':>6} {'lead':>6} {'other':>6}")
    total: Counter[str] = Counter()
    for label in sorted(counts):
        row = counts[label]
        total.update(row)
        n = row["n"]
        print(f"{label:<10} {n:>4} {row['first'] / n:6.2f} {row['lead'] / n:6.2f} {row['other'] / n:6.2f}")
    macro = sum(r["first"] / r["n"] for r in counts.values()) / len(counts)
    n = total["n"]
    print(
        f"{'all':<10} {n:>4} {total['first'] / n:6.3f} {total['lead'] / n:6.3f} {total['other'] / n:6.3f}"
        f"   macro first {macro:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("stories", type=Path, help="the synthetic stories CSV, or a zip holding it")
    parser.add_argument("--split", choices=("study", "heldout"), default="heldout")
    parser.add_argument("--per-type", type=int, default=25)
    parser.add_argument("--show-misses", action="store_true", help="print each miss (study half only)")
    args = parser.parse_args()
    if args.show_misses and args.split != "study":
        parser.error("--show-misses reads stories one by one: only on the study half")
    stories = sample(args.stories, args.split, args.per_type)
    pipeline = Pipeline.from_config()
    coded = list(pipeline.run(Article(id=s.key, text=s.text) for s in stories))
    report(tally(stories, coded, args.show_misses))
    print(f"split {args.split}, {len(stories)} stories", file=sys.stderr)


if __name__ == "__main__":
    main()
