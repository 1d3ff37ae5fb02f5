"""The Dask runner writes what extract writes, in order, and resumes."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.config import Settings
from eventwire.scale.dask_runner import code_corpus

STORIES = [
    {"id": f"s{i}", "text": text}
    for i, text in enumerate(
        [
            "Kenya and Tanzania signed a border agreement on Friday.",
            "Police arrested forty protesters in central Lima.",
            "",
            "The Dutch government recalled its ambassador from Caracas.",
            "Rebels attacked an army post near Goma.",
        ]
    )
]


def write_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in STORIES), "utf-8")
    return path


def read_parts(out: Path) -> list[dict[str, object]]:
    rows = []
    for part in sorted(out.glob("part-*.jsonl")):
        rows += [json.loads(line) for line in part.read_text("utf-8").splitlines()]
    return rows


def test_partitions_keep_input_order_and_count_failures(tmp_path: Path) -> None:
    settings = Settings.load(stages=["metadata.dateline", "actors.kb"])
    run = code_corpus([str(write_corpus(tmp_path))], tmp_path / "out", settings, 2, scheduler="synchronous")
    assert (run.partitions, run.skipped, run.articles, run.failed) == (3, 0, 5, 1)
    assert [r["id"] for r in read_parts(tmp_path / "out")] == ["s0", "s1", "s2", "s3", "s4"]


def test_a_finished_partition_is_not_coded_again(tmp_path: Path) -> None:
    settings = Settings.load(stages=["metadata.dateline", "actors.kb"])
    corpus = str(write_corpus(tmp_path))
    code_corpus([corpus], tmp_path / "out", settings, 2, scheduler="synchronous")
    (tmp_path / "out" / "part-00002.jsonl").unlink()
    run = code_corpus([corpus], tmp_path / "out", settings, 2, scheduler="synchronous")
    assert (run.partitions, run.skipped, run.articles) == (3, 2, 1)
    assert len(read_parts(tmp_path / "out")) == 5
