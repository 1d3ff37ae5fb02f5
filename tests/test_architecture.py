"""The seams between stages: order of metadata and actors, one runner, typed state, defaults."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tomllib
from importlib import resources

from spacy.language import Language

from eventwire.actors.stage import ActorOptions
from eventwire.config import Settings
from eventwire.events.conventions import ConventionOptions
from eventwire.events.ranker import RankerOptions
from eventwire.events.stage import RuleCoderOptions
from eventwire.nlp.component import EventwireComponent
from eventwire.pipeline import Pipeline
from eventwire.store.dedup import StoreOptions
from tests.conftest import shared_knowledge

STORY = (
    "WASHINGTON, May 20, 2021 (Reuters) - The secretary of state met his Japanese counterpart "
    "on Thursday and said the allies would keep talking."
)


def test_a_dateline_date_names_the_office_holder(pipeline: Pipeline) -> None:
    # No date in the input: only the dateline says when, and the office holder depends on it.
    coded = pipeline.code_text(STORY)
    assert coded.article.date == dt.date(2021, 5, 20)
    assert coded.article.publisher == "Reuters"
    names = {a.name for a in coded.actors}
    assert "Antony Blinken" in names


def test_the_spacy_component_and_the_pipeline_agree_on_min_confidence(nlp: Language) -> None:
    text = "Police detained four journalists in Minsk. The European Union condemned the arrests."
    strict = Settings(min_confidence=0.99)
    component = EventwireComponent(strict)
    assert component(nlp(text))._.eventwire.events == ()
    pipeline = Pipeline.from_config(strict, knowledge=shared_knowledge())
    assert pipeline.code_text(text).events == ()


def test_the_component_records_a_failing_article_instead_of_raising(nlp: Language) -> None:
    component = EventwireComponent(Settings())

    class Broken:
        name = "events.broken"

        def __call__(self, parsed: object) -> object:
            raise RuntimeError("no luck")

    component.runner = dataclasses.replace(component.runner, stages=(*component.runner.stages, Broken()))
    coded = component(nlp("Talks resumed."))._.eventwire
    assert coded.error is not None and coded.error.message == "in stage events.broken: no luck"


def test_coded_articles_are_json_serialisable(pipeline: Pipeline) -> None:
    coded = pipeline.code_text(STORY)
    diagnostics = json.loads(json.dumps(coded.extras.to_dict()))
    assert diagnostics["dateline"] == {"place": "Washington", "publisher": "Reuters", "date": "2021-05-20"}
    chains = json.loads(json.dumps([c.to_dict() for c in coded.actor_chains]))
    assert any(c["actor"]["name"] == "Antony Blinken" for c in chains)


def test_the_defaults_template_says_what_the_code_says() -> None:
    text = resources.files("eventwire.data").joinpath("defaults.toml").read_text("utf-8")
    template = tomllib.loads(text)
    assert Settings.from_mapping(template).replace(options={}) == Settings()
    options = template["options"]
    assert Settings.from_mapping(template).options_for("events.rules", RuleCoderOptions) == RuleCoderOptions()
    stored = Settings.from_mapping(template).options_for("store", StoreOptions)
    assert stored == StoreOptions()
    conventions = Settings.from_mapping(template).options_for("events.conventions", ConventionOptions)
    assert conventions == ConventionOptions()
    ranker = Settings.from_mapping(template).options_for("events.ranker", RankerOptions)
    assert ranker == RankerOptions()
    assert Settings.from_mapping(template).options_for("actors.kb", ActorOptions) == ActorOptions()
    components = {
        "actors.kb",
        "events.rules",
        "events.ranker",
        "events.conventions",
        "when_where.default",
        "store",
    }
    assert set(options) == components
