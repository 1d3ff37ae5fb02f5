"""The Dask runner writes what a local run writes, in order, as JSONL and Parquet, and resumes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from eventwire.config import Settings
from eventwire.ingest.readers import read_inputs
from eventwire.pipeline import Pipeline
from eventwire.scale.dask_runner import code_corpus

STORIES = [
    {"id": "s0", "date": "2024-05-03", "text": "Kenya and Tanzania signed a border agreement on Friday."},
    {
        "id": "s1",
        "date": "2024-05-04",
        "text": "Police arrested forty protesters in central Lima on Saturday.",
    },
    {"id": "s2", "text": ""},
    {"id": "s3", "date": "2024-05-06", "text": "The Dutch government recalled its ambassador from Caracas."},
    {"id": "s4", "date": "2024-05-07", "text": "Rebels attacked an army post near Goma on Tuesday."},
]


def write_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in STORIES), "utf-8")
    return path


def read_parts(out: Path) -> list[dict[str, object]]:
    rows = []
    for part in sorted((out / "jsonl").glob("part-*.jsonl")):
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
    (tmp_path / "out" / "done" / "part-00002").unlink()  # as if the run stopped before the last one
    run = code_corpus([corpus], tmp_path / "out", settings, 2, scheduler="synchronous")
    assert (run.partitions, run.skipped, run.articles) == (3, 2, 1)
    assert len(read_parts(tmp_path / "out")) == 5


def test_parquet_input_is_read_by_row_slices(tmp_path: Path) -> None:
    path = tmp_path / "corpus.parquet"
    pd.DataFrame(STORIES).to_parquet(path)
    settings = Settings.load(stages=["metadata.dateline", "actors.kb"])
    run = code_corpus([str(path)], tmp_path / "out", settings, 3, scheduler="synchronous")
    assert (run.partitions, run.articles, run.failed) == (2, 5, 1)
    assert [r["id"] for r in read_parts(tmp_path / "out")] == ["s0", "s1", "s2", "s3", "s4"]


def test_equal_settings_name_one_worker_coder_and_other_settings_another() -> None:
    pytest.importorskip("distributed")
    from eventwire.scale.cluster import plugin_name  # noqa: PLC0415 - needs distributed

    assert plugin_name(Settings.load()) == plugin_name(Settings.load())
    assert plugin_name(Settings.load()) != plugin_name(Settings.load(min_confidence=0.9))


def test_a_two_worker_local_cluster_codes_what_a_local_run_codes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    settings = Settings.load()
    local = [c.to_contract_dict() for c in Pipeline.from_config(settings).run(read_inputs([str(corpus)]))]
    distributed = pytest.importorskip("distributed")
    from eventwire.scale.cluster import plugin_name  # noqa: PLC0415 - needs distributed

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0")
    with cluster, distributed.Client(cluster) as client:
        code_corpus([str(corpus)], tmp_path / "out", settings, 2, scheduler=client)
        name = plugin_name(settings)
        loaded = client.run(lambda dask_worker: dask_worker.plugins[name].coder is not None)
    assert list(loaded.values()) == [True, True]  # each worker built its coder once, at start
    assert read_parts(tmp_path / "out") == local
    assert any(row["events"] for row in local)  # the corpus does code events: the equality says something
    table = pd.read_parquet(tmp_path / "out" / "events")
    assert len(table) == sum(len(row["events"]) for row in local)
    assert sorted(set(table["date"].astype(str))) == sorted(
        {e["date"] or "unknown" for row in local for e in row["events"]}
    )
