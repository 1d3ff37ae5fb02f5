"""The ranker's corpus builder, training script and model file, on small inputs written here."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from eventwire.errors import KnowledgeBaseError
from eventwire.events.ranker_corpus import (
    LEAD_CHARS,
    Example,
    gold_examples,
    gold_split,
    lead,
    synthetic_examples,
)
from eventwire.events.ranker_model import BUCKETS, Fit, RankerModel, TrainingRow, buckets, load_ranker, train
from tests.conftest import shared_knowledge
from tests.scripts import load_script

STORIES = """label,text,mode
PROTEST,"Nurses marched through the capital on Tuesday to demand safer wards.

The health ministry said talks would resume next week.",
AID,"A convoy of grain trucks reached the flooded valley, the relief agency said.",
WEATHER,"Heavy rain is expected across the north this weekend.",
ASSAULT,"",
"""


def train_ranker_tool() -> ModuleType:
    return load_script("tools/train_ranker.py", "train_ranker")


def test_synthetic_examples_keep_the_lead_of_known_types_only() -> None:
    examples = synthetic_examples(STORIES, {"PROTEST", "AID", "ASSAULT"})
    assert [(e.labels, e.origin) for e in examples] == [(("PROTEST",), "synthetic"), (("AID",), "synthetic")]
    assert examples[0].text == "Nurses marched through the capital on Tuesday to demand safer wards."


def test_a_long_lead_is_cut_at_a_word_boundary() -> None:
    text = "word " * 400
    cut = lead(text)
    assert len(cut) <= LEAD_CHARS and cut.endswith("word")
    assert lead("\n\n  \n\nSecond paragraph first.") == "Second paragraph first."


def gold_line(record_id: str, types: list[str]) -> str:
    events = [{"plover": t, "source": [], "target": []} for t in types]
    return json.dumps({"id": record_id, "text": f"Text of {record_id}.", "events": events})


def test_gold_examples_come_from_the_training_half_only() -> None:
    ids = [f"rec-{n}" for n in range(40)]
    text = "\n".join(gold_line(i, ["CONSULT", "AGREE", "CONSULT"]) for i in ids) + "\n\n"
    train_half = gold_examples(text, "train")
    test_half = gold_examples(text, "test")
    assert {e.text for e in train_half}.isdisjoint({e.text for e in test_half})
    assert len(train_half) + len(test_half) == 40 and train_half and test_half
    assert all(gold_split(e.text[8:-1]) == "train" for e in train_half)
    assert train_half[0].labels == ("CONSULT", "AGREE")


def test_eventless_gold_records_are_not_training_examples() -> None:
    train_ids = [i for i in (f"rec-{n}" for n in range(20)) if gold_split(i) == "train"]
    assert gold_examples(gold_line(train_ids[0], []), "train") == []


def test_the_tool_reads_a_zipped_csv_and_skips_untrained_types(tmp_path: Path) -> None:
    archive = tmp_path / "stories.csv.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("stories.csv", STORIES)
    gold = tmp_path / "gold.jsonl"
    first, second = [i for i in (f"g{n}" for n in range(20)) if gold_split(i) == "train"][:2]
    lines = [gold_line(first, ["PROTEST"]), gold_line(second, ["NOT_A_TYPE"])]
    gold.write_text("\n".join(lines), "utf-8")
    corpus = train_ranker_tool().build_corpus(archive, [gold], ("PROTEST", "AID"))
    assert [(e.labels, e.origin) for e in corpus][-1] == (("PROTEST",), "gold")
    assert [e.origin for e in corpus].count("synthetic") == 2


def test_synthetic_stories_are_balanced_over_types_and_gold_weighs_more() -> None:
    examples = synthetic_examples(STORIES, {"PROTEST", "AID"})
    examples += [examples[0], examples[0], Example("A gold record.", ("AID",), "gold")]
    tool = train_ranker_tool()
    weights = tool.example_weights(examples)
    # three PROTEST leads and one AID lead: together each type weighs two
    assert weights[:4] == pytest.approx([2 / 3, 2.0, 2 / 3, 2 / 3])
    assert weights[4] == tool.GOLD_WEIGHT


def test_the_tool_refuses_a_zip_without_exactly_one_csv(tmp_path: Path) -> None:
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.csv", STORIES)
        out.writestr("b.csv", STORIES)
    with pytest.raises(ValueError, match=r"one \.csv"):
        train_ranker_tool().read_csv_text(archive)


def test_training_separates_two_classes_by_their_features() -> None:
    rows = [
        TrainingRow(buckets(["w=march", "w=rally"]), np.array([1.0, 0.0], dtype=np.float32)),
        TrainingRow(buckets(["w=convoy", "w=grain"]), np.array([0.0, 1.0], dtype=np.float32)),
    ]
    model = train(rows, ("PROTEST", "AID"), Fit(epochs=30, rate=0.3, l2=0.0))
    assert model.scores(buckets(["w=rally"]))[0] > 0.6
    assert model.scores(buckets(["w=grain"]))[1] > 0.6


def test_a_model_survives_its_file_and_a_broken_file_names_itself() -> None:
    weights = np.zeros((BUCKETS, 2), dtype=np.float32)
    weights[5, 1] = 1.5
    model = RankerModel(("PROTEST", "AID"), weights, np.array([0.25, -0.25], dtype=np.float32))
    again = RankerModel.from_bytes(model.to_bytes())
    assert again.classes == model.classes and again.weights[5, 1] == pytest.approx(1.5)
    assert again.bias.tolist() == pytest.approx([0.25, -0.25])
    with pytest.raises(KnowledgeBaseError, match=r"my\.npz"):
        RankerModel.from_bytes(b"not a zip", "my.npz")


def test_the_packaged_model_covers_every_plover_type() -> None:
    model = load_ranker()
    assert set(model.classes) == set(shared_knowledge().ontology.plover_types())
    assert len(model.classes) == 16
