"""A very long article written while its pieces are coded (bounded memory): the JSONL line of
``extract`` and the store transaction of ``ingest`` equal what the merged article gives, and a
piece that fails, or a SIGKILL between pieces, leaves nothing half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from eventwire import Coder
from eventwire.contract_line import write_pieced_line
from eventwire.nlp import parsed as parsed_module
from eventwire.nlp.parsed import ParsedArticle, PiecedArticle, parse_articles
from eventwire.nlp.pieces import CodedPieces
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle
from eventwire.store import EventStore
from tests.robustness.test_long_article import PIECE_CHARS, long_text

CONTENT = ("sentences", "mentions", "quotes", "event_mentions")


def streamed(pipeline: Pipeline, article: Article) -> CodedPieces:
    (item,) = parse_articles(pipeline.nlp, [article], max_chars=PIECE_CHARS)
    assert isinstance(item, PiecedArticle)
    return pipeline.runner.code_pieces(item)


def line_of(pieces: CodedPieces) -> tuple[str, bool]:
    parts: list[str] = []
    failed = write_pieced_line(pieces, parts.append)
    return "".join(parts), failed


@pytest.fixture
def article() -> Article:
    return Article(text=long_text(3), id="long", date=None, language="en", warnings=("a date was dropped",))


def test_the_streamed_line_is_the_merged_articles_line(pipeline: Pipeline, article: Article) -> None:
    line, failed = line_of(streamed(pipeline, article))
    merged = streamed(pipeline, article).merged()
    assert not failed and merged.error is None and len(merged.events) > 10 and merged.quotes
    assert line == json.dumps(merged.to_contract_dict(), ensure_ascii=False) + "\n"
    parsed = json.loads(line)
    assert [(e["plover"], e["trigger"]["start"], e["trigger"]["end"]) for e in parsed["events"]] == [
        (e.plover, e.trigger.start, e.trigger.end) for e in merged.events
    ]
    assert parsed["warnings"][0] == "a date was dropped" and "coded in" in parsed["warnings"][1]
    assert all(article.text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
               for e in parsed["events"])  # fmt: skip


def test_the_pipeline_streams_only_long_articles(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.pipeline.parse_articles", partial(parse_articles, max_chars=PIECE_CHARS))
    short = Article(text="Kenya and Uganda signed a trade agreement.", id="short")
    long = Article(text=long_text(2), id="long")
    items = list(pipeline.run_streamed([short, long, short]))
    assert [type(i) for i in items] == [CodedArticle, CodedPieces, CodedArticle]
    whole = next(c for c in pipeline.run([long]))
    pieces = items[1]
    assert isinstance(pieces, CodedPieces)
    assert line_of(pieces)[0] == json.dumps(whole.to_contract_dict(), ensure_ascii=False) + "\n"


@pytest.fixture
def broken_second_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = PiecedArticle.parse

    def broken_parse(self: PiecedArticle, piece: Article) -> ParsedArticle:
        calls.append(piece.text)
        if len(calls) == 2:
            raise ValueError("the parser broke")
        return original(self, piece)

    monkeypatch.setattr(parsed_module.PiecedArticle, "parse", broken_parse)


@pytest.mark.usefixtures("broken_second_piece")
def test_a_failing_piece_leaves_only_the_error_line(pipeline: Pipeline, article: Article) -> None:
    pieces = streamed(pipeline, article)
    line, failed = line_of(pieces)
    assert failed and pieces.error is not None
    parsed = json.loads(line)
    assert line.count("\n") == 1 and parsed["events"] == [] and parsed["id"] == "long"
    assert parsed["error"]["message"].startswith("piece 2 of ")


def _content(store: EventStore, article_id: str) -> dict[str, list[tuple[object, ...]]]:
    columns = {
        "sentences": "sentence, start_char, end_char",
        "mentions": "mention_index, start_char, end_char, text, actor_id",
        "quotes": "quote_index, start_char, end_char, text",
        "event_mentions": "mention_id, event_index, plover, trigger_start, trigger_end, source_names",
    }
    return {
        table: store.con.execute(
            f"SELECT {what} FROM {table} WHERE article_id = ? ORDER BY ALL", [article_id]
        ).fetchall()
        for table, what in columns.items()
    }


def test_the_store_writes_the_pieces_as_the_merged_article(pipeline: Pipeline, article: Article) -> None:
    with EventStore.open(":memory:") as piecewise, EventStore.open(":memory:") as whole:
        result = piecewise.add_pieces(streamed(pipeline, article))
        merged = streamed(pipeline, article).merged()
        whole.add(merged)
        assert result.status == "coded" and result.new_events + result.merged_mentions >= len(merged.events)
        assert _content(piecewise, "long") == _content(whole, "long")
        assert all(_content(whole, "long")[table] for table in CONTENT)
        row = "SELECT num_events, status, text FROM articles"
        assert piecewise.con.execute(row).fetchall() == whole.con.execute(row).fetchall()
        assert piecewise.add_pieces(streamed(pipeline, article)).status == "skipped"


@pytest.mark.usefixtures("broken_second_piece")
def test_a_failing_piece_stores_nothing_but_the_error(pipeline: Pipeline, article: Article) -> None:
    with EventStore.open(":memory:") as store:
        result = store.add_pieces(streamed(pipeline, article))
        assert result.status == "error"
        counts = store.counts()
        assert {table: counts[table] for table in (*CONTENT, "events")} == dict.fromkeys(
            (*CONTENT, "events"), 0
        )
        error = store.con.execute("SELECT status, error FROM articles").fetchall()
        assert error[0][0] == "error" and "the parser broke" in error[0][1]


# Runs `eventwire -v ingest` with pieces of PIECE_CHARS characters (a real piece is 100,000).
CHILD = f"""
import sys
from collections.abc import Callable
from functools import partial
import eventwire.pipeline
from eventwire.cli import main
eventwire.pipeline.parse_articles = partial(eventwire.pipeline.parse_articles, max_chars={PIECE_CHARS})
sys.exit(main(sys.argv[1:]))
"""


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", CHILD, "-v", "ingest", str(corpus), "--db", str(db), "--no-progress"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_a_sigkill_between_pieces_leaves_nothing_and_a_rerun_stores_it_once(tmp_path: Path) -> None:
    corpus, db, clean = tmp_path / "long.jsonl", tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    articles = [{"id": "short", "text": "Kenya recalled its ambassador from Uganda."},
                {"id": "long", "text": long_text(3), "date": "2024-03-06"}]  # fmt: skip
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    killed = _ingest(corpus, db)
    assert killed.stderr is not None
    while "piece 2 written" not in (line := killed.stderr.readline()):
        assert line, "the ingest ended before its second piece"
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    with EventStore.open(db) as store:
        assert [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()] == ["short"]
        assert store.con.execute("SELECT count(*) FROM mentions WHERE article_id = 'long'").fetchall() == [
            (0,)
        ]
    assert _ingest(corpus, db).wait() == 0 and _ingest(corpus, clean).wait() == 0
    with EventStore.open(db) as store, EventStore.open(clean) as reference:
        assert store.counts() == reference.counts()
        assert _content(store, "long") == _content(reference, "long")


def test_pieces_code_inside_a_callers_memory_zone(pipeline: Pipeline, article: Article) -> None:
    # spaCy's memory zones do not nest: inside the caller's zone, the pieces open none.
    expected = streamed(pipeline, article).merged()
    with pipeline.nlp.memory_zone():
        inside = streamed(pipeline, article).merged()
    assert inside.events == expected.events and inside.mentions == expected.mentions


def test_extract_writes_one_line_for_a_pieced_article(
    pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from eventwire.cli import main  # noqa: PLC0415 - the command, run in this process

    monkeypatch.setattr("eventwire.pipeline.parse_articles", partial(parse_articles, max_chars=PIECE_CHARS))
    monkeypatch.setattr("eventwire.commands.extract.coder_from_args", lambda args, stack: Coder(pipeline))
    streamed_ids: list[str] = []

    def spy(coded: CodedPieces, write: Callable[[str], None]) -> bool:
        streamed_ids.append(coded.article.id)
        return write_pieced_line(coded, write)

    monkeypatch.setattr("eventwire.commands.extract.write_pieced_line", spy)
    corpus, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    records = [{"id": "long", "text": long_text(2)}, {"id": "short", "text": "Chile recalled its envoy."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["extract", str(corpus), "--output", str(output), "--no-progress"]) == 0
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["long", "short"]
    assert len(lines[0]["events"]) > 5 and "coded in" in lines[0]["warnings"][-1]
    assert "2 article(s), 2 coded, 0 failed" in capsys.readouterr().err
    assert streamed_ids == ["long"]
