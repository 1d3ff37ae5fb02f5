"""A third-party package extends eventwire through entry points only (docs/architecture.md).

``tests/plugins/site`` holds the package and its ``.dist-info`` as ``pip install`` would lay
them out; putting that folder on the path is all it takes for eventwire to find them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire import plugins
from eventwire.config import Settings
from eventwire.ingest.readers import read_inputs
from eventwire.knowledge import Knowledge
from eventwire.pipeline import Pipeline
from eventwire.registry import available_stages, load_stage_spec
from eventwire.store.exports import export, format_names
from eventwire.store.store import EventStore

SITE = Path(__file__).parent / "site"
EVENTWIRE = Path(sys.executable).parent / "eventwire"
STORY = "Lakeland Fishers Union members began a hunger strike outside the port office in Kisumu."
# the plugin coder replaces the rule coder, as a learned coder would
STAGES = ["metadata.dateline", "actors.kb", "events.hunger_strikes", "when_where.default"]


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(SITE))
    yield


def test_every_extension_point_sees_the_package(installed: None) -> None:
    assert "events.hunger_strikes" in available_stages()
    assert "story" in plugins.available(plugins.READERS)
    assert "dyad-counts" in format_names()
    assert plugins.plugin_actor_files() == (str(SITE / "eventwire_example" / "lakeland.yaml"),)


def test_the_plugin_stage_runs_where_the_settings_put_it(installed: None) -> None:
    assert load_stage_spec("events.hunger_strikes").requires == {"mentions"}
    settings = Settings.load(stages=STAGES)
    pipeline = Pipeline.from_config(settings, knowledge=Knowledge.from_settings(settings))
    coded = pipeline.code_text(STORY)
    strike = [e for e in coded.events if e.cameo == "142"]
    assert [(e.plover, e.trigger.text) for e in strike] == [("PROTEST", "hunger strike")]
    # the source comes from the plugin's own actor dictionary
    assert [(a.name, a.country, a.sector) for a in strike[0].source] == [
        ("Lakeland Fishers Union", "KEN", "LAB")
    ]


def test_plugin_options_are_typed_like_builtin_ones(installed: None) -> None:
    settings = Settings.from_mapping(
        {"stages": STAGES, "options": {"events.hunger_strikes": {"min_word": 2}}}
    )
    with pytest.raises(Exception, match=r"unknown option\(s\) for events\.hunger_strikes: min_word"):
        Pipeline.from_config(settings)


def test_the_plugin_reader_and_export_layout(installed: None, tmp_path: Path) -> None:
    story = tmp_path / "strike.story"
    story.write_text("Fishers strike\n\n" + STORY + "\n", "utf-8")
    (article,) = list(read_inputs([str(tmp_path)]))
    assert (article.title, article.text) == ("Fishers strike", STORY)
    settings = Settings.load(stages=STAGES)
    pipeline = Pipeline.from_config(settings, knowledge=Knowledge.from_settings(settings))
    with EventStore.open(tmp_path / "events.duckdb") as store:
        store.add_many(list(pipeline.run([article])))
        rows = export(store, "dyad-counts", tmp_path / "dyads.tsv")
    assert rows >= 1
    assert "PROTEST\tKEN" in (tmp_path / "dyads.tsv").read_text("utf-8")


def test_the_command_line_uses_the_plugin_too(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("stages = " + json.dumps(STAGES) + "\n", "utf-8")
    story = tmp_path / "strike.story"
    story.write_text("Fishers strike\n\n" + STORY + "\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(SITE)}
    listed = subprocess.run([str(EVENTWIRE), "stages"], env=env, capture_output=True, text=True, check=True)
    assert "events.hunger_strikes" in listed.stdout and "requires: mentions" in listed.stdout
    out = tmp_path / "out.jsonl"
    command = [str(EVENTWIRE), "extract", str(story), "--config", str(config), "--output", str(out)]
    subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    (line,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert any(e["cameo"] == "142" for e in line["events"])
