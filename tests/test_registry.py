from dataclasses import replace

import pytest

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.nlp.parsed import ParsedArticle
from eventwire.pipeline import Pipeline
from eventwire.records import Event, Span
from eventwire.registry import available_stages, load_stage_factory


class AlwaysProtest:
    """A stand-in coder: one PROTEST event on the first sentence of every article."""

    name = "events.always-protest"

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        first = parsed.sentences[0]
        trigger = Span(first.text.split()[0], first.start, first.start + len(first.text.split()[0]))
        event = Event(plover="PROTEST", cameo="140", sentence=0, trigger=trigger)
        return parsed.with_(events=(*parsed.events, event))


def test_a_stage_is_swapped_by_name_without_touching_the_others() -> None:
    settings = Settings.load(stages=["actors.kb", "events.always-protest"])
    pipeline = Pipeline.from_config(
        settings, extra_stages={"events.always-protest": lambda s: AlwaysProtest()}
    )
    coded = pipeline.code_text("Farmers blocked the motorway near Lyon.")
    assert [(e.plover, e.trigger.text) for e in coded.events] == [("PROTEST", "Farmers")]


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"events\.rules"):
        load_stage_factory("events.nonexistent")


def test_builtin_stages_are_listed() -> None:
    assert {"actors.kb", "events.rules", "quotes.rules", "when_where.default"} <= set(available_stages())


def test_unknown_setting_is_rejected() -> None:
    with pytest.raises(ConfigError, match="colour"):
        Settings.load(colour="blue")


def test_settings_file_overrides_defaults(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "eventwire.toml"
    path.write_text('model = "my_model"\nbatch_size = 4\n', "utf-8")
    settings = Settings.load(path)
    assert (settings.model, settings.batch_size) == ("my_model", 4)
    assert replace(settings, batch_size=8).batch_size == 8
