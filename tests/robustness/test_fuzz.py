"""Fuzzing: readers and extract on arbitrary Unicode and bytes never raise, give one line per
input, and every offset they report points at the words they report."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest.jsonl import read_jsonl_lines, read_jsonl_stream
from eventwire.ingest.sources import read_file
from eventwire.nlp.chunks import chunk_bounds
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle

# Emoji, right-to-left scripts, controls, zero-width characters, combining marks, odd spaces.
ODD = (
    "\U0001f600\U0001f1fa\U0001f1e6\u200f\u200e\u200b\u200c\u200d\ufeff\u0336\u0301\u034f"
    "\u0627 \u0644 \u05e2 \u05d1\x00\x07\x1b\u2028\u2029\u3000 \t\n\r"
)
WORDS = ["Canada", "recalled", "its", "ambassador", "from", "Moscow", "protesters", "marched", "in", "Minsk",
         "said", '"', "Reuters", "reported", ".", ",", "on", "Monday", "the", "president"]  # fmt: skip
texts = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.one_of(st.sampled_from(WORDS), st.text(alphabet=ODD, min_size=1, max_size=3)), max_size=60
    ).map(" ".join),
    st.builds(lambda n: " " * n + "Police detained six people." + "\n" * n, st.integers(0, 3000)),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(st.one_of(st.text(max_size=80), st.binary(max_size=80).map(lambda b: b.decode("latin-1")))))
def test_jsonl_lines_never_raise_and_give_one_item_per_line(lines: list[str]) -> None:
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    items = list(read_jsonl_lines(lines))
    assert len(items) == sum(bool(line.strip()) for line in lines)


@SETTINGS
@given(st.binary(max_size=400))
def test_jsonl_bytes_never_raise(data: bytes) -> None:
    try:
        list(read_jsonl_stream(io.BytesIO(data)))
    except Exception as exc:  # only the whole-file InputError is allowed, and it says why
        assert type(exc).__name__ == "InputError" and str(exc)


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from([".txt", ".csv", ".html", ".rss", ".jsonl", ".tsv"]))
def test_every_reader_turns_any_file_into_items(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_file(path))
    assert items or suffix in {".jsonl", ".csv", ".tsv", ".rss"}  # a file of blank lines has no records


@SETTINGS
@given(texts, st.integers(20, 400))
def test_chunks_cover_the_text_exactly(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(0 < b - a <= size for a, b in bounds) or text == ""


def _check_offsets(text: str, coded: CodedArticle) -> None:
    line: dict[str, Any] = json.loads(json.dumps(coded.to_contract_dict(), ensure_ascii=False))
    for event in line["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    for quote in line["quotes"]:
        assert 0 <= quote["start"] <= quote["end"] <= len(text)
        assert text[quote["start"] : quote["end"]] == quote["text"]
    for mention in coded.mentions:
        assert text[mention.start : mention.end] == mention.text
    for sentence in coded.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=4))
def test_extract_never_raises_and_every_offset_holds(pipeline: Pipeline, batch: list[str]) -> None:
    coded = list(pipeline.run([Article(text=text, id=f"f{n}") for n, text in enumerate(batch)]))
    assert [c.article.id for c in coded] == [f"f{n}" for n in range(len(batch))]
    for text, result in zip(batch, coded, strict=True):
        if result.error is None:
            _check_offsets(text, result)
        else:  # only an empty text may fail, and it says so
            assert not text.strip() and "empty" in result.error.message
