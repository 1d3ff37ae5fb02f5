"""Stage registry and contracts: stages chosen by name, declared, checked before a run."""

from dataclasses import dataclass

import pytest

from eventwire.cli import main
from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.nlp.parsed import ParsedArticle
from eventwire.pipeline import Pipeline
from eventwire.records import Event, Span
from eventwire.registry import (
    StageContext,
    available_stages,
    check_order,
    load_stage_spec,
    stage_factory,
)
from eventwire.runner import StageRunner
from tests.conftest import shared_knowledge


class AlwaysProtest:
    """A stand-in coder: one PROTEST event on the first sentence of every article."""

    name = "events.always-protest"

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        first = parsed.sentences[0]
        trigger = Span(first.text.split()[0], first.start, first.start + len(first.text.split()[0]))
        event = Event(plover="PROTEST", cameo="140", sentence=0, trigger=trigger)
        return parsed.with_(events=(*parsed.events, event))


@stage_factory("events.always-protest", requires=("mentions",), provides=("events",))
def always_protest(context: StageContext) -> AlwaysProtest:
    """A coder that sees a protest everywhere."""
    return AlwaysProtest()


def _runner(*names: str, **settings: object) -> StageRunner:
    extra = {"events.always-protest": always_protest}
    return StageRunner.from_settings(Settings.load(stages=list(names), **settings), shared_knowledge(), extra)


def test_a_stage_is_swapped_by_name_without_touching_the_others() -> None:
    settings = Settings.load(stages=["metadata.dateline", "actors.kb", "events.always-protest"])
    pipeline = Pipeline.from_config(
        settings, extra_stages={"events.always-protest": always_protest}, knowledge=shared_knowledge()
    )
    coded = pipeline.code_text("Farmers blocked the motorway near Lyon.")
    assert [(e.plover, e.trigger.text) for e in coded.events] == [("PROTEST", "Farmers")]


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"events\.rules"):
        load_stage_spec("events.nonexistent")


def test_builtin_stages_are_listed_and_declared() -> None:
    names = {"metadata.dateline", "actors.kb", "events.rules", "quotes.rules", "when_where.default"}
    assert names <= set(available_stages())
    for name in names:
        spec = load_stage_spec(name)
        assert spec.name == name and (spec.provides or spec.rewrites), name


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        (["events.rules"], r"'events\.rules' needs mentions \(no configured stage provides it\)"),
        (
            ["metadata.dateline", "events.rules", "actors.kb"],
            r"mentions \(provided by actors\.kb, which comes later",
        ),
        (["actors.kb"], r"'actors\.kb' needs metadata"),
        (["metadata.dateline", "actors.kb", "quotes.rules"], r"'quotes\.rules' needs events"),
        (["metadata.dateline", "metadata.dateline"], "listed twice"),
    ],
)
def test_an_impossible_stage_order_is_refused_before_the_model_loads(stages: list[str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Pipeline.from_config(Settings.load(stages=stages), model="model_that_is_never_loaded")


def test_the_default_order_satisfies_every_contract() -> None:
    check_order([load_stage_spec(name) for name in Settings().stages])


def test_a_stage_declaring_an_unknown_artifact_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown artifact"):
        stage_factory("x.y", provides=("eventz",))(lambda context: AlwaysProtest())


def test_the_runner_keeps_stage_names_in_order() -> None:
    runner = _runner("metadata.dateline", "actors.kb", "events.always-protest")
    assert runner.names == ["metadata.dateline", "actors.kb", "events.always-protest"]


def test_unknown_setting_is_rejected() -> None:
    with pytest.raises(ConfigError, match="colour"):
        Settings.load(colour="blue")


def test_settings_file_overrides_defaults(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "eventwire.toml"
    path.write_text('model = "my_model"\nbatch_size = 4\n', "utf-8")
    settings = Settings.load(path)
    assert (settings.model, settings.batch_size) == ("my_model", 4)
    assert settings.replace(batch_size=8).batch_size == 8


@dataclass(frozen=True)
class _Options:
    max_per_sentence: int = 1
    words: tuple[str, ...] = ()
    weight: float = 0.5


def test_options_are_read_into_the_stage_dataclass() -> None:
    raw = {"options": {"x.y": {"max_per_sentence": 3, "words": ["a", "b"], "weight": 1}}}
    options = Settings.from_mapping(raw).options_for("x.y", _Options)
    assert options == _Options(3, ("a", "b"), 1.0)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"max_per_sentense": 3}, r"unknown option\(s\) for x\.y: max_per_sentense; known: max_per_sentence"),
        ({"max_per_sentence": "3"}, r"option 'max_per_sentence' of x\.y must be int, not str"),
        ({"max_per_sentence": True}, "must be int, not bool"),
        ({"words": ["a", 2]}, "must be str"),
    ],
)
def test_a_bad_option_names_the_component_and_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_mapping({"options": {"x.y": table}}).options_for("x.y", _Options)


def test_an_unknown_option_of_a_real_stage_fails_the_pipeline_build() -> None:
    settings = Settings.from_mapping({"options": {"events.rules": {"max_per_sentense": 2}}})
    with pytest.raises(ConfigError, match=r"events\.rules: max_per_sentense"):
        StageRunner.from_settings(settings, shared_knowledge())


def test_options_for_an_unknown_component_are_refused() -> None:
    settings = Settings.from_mapping({"options": {"events.rulez": {"max_per_sentence": 2}}})
    with pytest.raises(ConfigError, match=r"unknown component\(s\): events\.rulez"):
        StageRunner.from_settings(settings, shared_knowledge())


def test_old_flat_options_get_a_hint() -> None:
    with pytest.raises(ConfigError, match=r'\[options\."events\.rules"\]'):
        Settings.from_mapping({"options": {"events.max_per_sentence": 2}})


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('stages = ["events.rules", "actors.kb"]\n', "'events.rules' needs mentions (provided by actors.kb"),
        (
            '[options."events.rules"]\nmax_per_sentense = 2\n',
            "unknown option(s) for events.rules: max_per_sentense",
        ),
    ],
)
def test_the_command_line_names_a_bad_stage_setting(
    tmp_path, capsys: pytest.CaptureFixture[str], config: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    settings = tmp_path / "bad.toml"
    settings.write_text(config, "utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Police detained two men.", "utf-8")
    status = main(["extract", str(story), "--config", str(settings), "--output", str(tmp_path / "o.jsonl")])
    assert status == 2
    assert message in capsys.readouterr().err
