"""--workers: several processes code what one codes, in the same order, failures included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.records import Article, ArticleError, RejectedInput
from eventwire.scale.workers import WorkerPool

TEXTS = [
    "Uruguay and Paraguay signed a trade accord in Montevideo on Monday.",
    "Riot police detained dozens of students outside the university in Quito.",
    "",
    "Japan lodged a protest with Beijing over a coast guard incident.",
    "Armed men abducted three aid workers near Mopti, officials said.",
    "The Nigerian senate approved a loan request from the finance ministry.",
    "Ghana's president praised the peace talks held in Accra.",
]


def articles() -> list[Article | RejectedInput]:
    items: list[Article | RejectedInput] = [Article(text=t, id=f"w{i}") for i, t in enumerate(TEXTS)]
    items.insert(4, RejectedInput(id="broken", error=ArticleError("ArticleInputError", "no text")))
    return items


def test_a_pool_of_two_codes_what_one_process_codes_in_input_order() -> None:
    settings = Settings.load(batch_size=4)  # chunks of one article: order across workers is tested
    alone = [c.to_contract_dict() for c in Pipeline.from_config(settings).run(articles())]
    with WorkerPool(settings, workers=2, factory=Pipeline.from_config) as pool:
        pooled = [c.to_contract_dict() for c in pool.run(articles())]
    assert pooled == alone
    assert [row["id"] for row in pooled] == ["w0", "w1", "w2", "w3", "broken", "w4", "w5", "w6"]
    assert sum(bool(row["events"]) for row in pooled) >= 3  # the equality compares coded articles


def test_a_pool_needs_at_least_one_worker() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        WorkerPool(Settings.load(), workers=0, factory=Pipeline.from_config)


def test_extract_with_two_workers_writes_the_same_file(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"w{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)))
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}.jsonl"
        command = [sys.executable, "-m", "eventwire", "extract", str(corpus), "-o", str(out)]
        subprocess.run([*command, "--workers", workers], check=True, capture_output=True)
        outputs.append(out.read_text("utf-8"))
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == len(TEXTS)


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_workers_below_one_is_a_usage_error_before_the_model_loads(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"text": TEXTS[0]}) + "\n", "utf-8")
    with pytest.raises(SystemExit) as stop:
        main([command, str(corpus), "--workers", "0"])
    assert stop.value.code == 2 and "must be 1 or more" in capsys.readouterr().err
