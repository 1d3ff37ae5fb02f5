"""Every class of bad input gets its own clear message, and the rest of the batch is coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.ingest.readers import read_inputs
from eventwire.records import Article, RejectedInput
from tests.robustness.catalogue import GOOD, Case, cases, write_all


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_each_class_gives_its_message(case: Case, tmp_path: Path) -> None:
    (tmp_path / case.filename).write_bytes(case.content)
    items = list(read_inputs([str(tmp_path / case.filename)]))
    assert items, "every input gives at least one line"
    errors = [i.error.message for i in items if isinstance(i, RejectedInput)]
    warnings = [w for i in items if isinstance(i, Article) for w in i.warnings]
    if case.error is not None:
        assert any(case.error in message for message in errors), errors
    else:
        assert not errors, errors
    if case.warning is not None:
        assert any(case.warning in warning for warning in warnings), warnings


def test_wide_encodings_decode_to_the_same_text(tmp_path: Path) -> None:
    wide = [c for c in cases() if c.filename.startswith("w-")]
    for case in wide:
        (tmp_path / case.filename).write_bytes(case.content)
    texts = {i.text for i in read_inputs([str(tmp_path)]) if isinstance(i, Article)}
    assert texts == {GOOD}


def test_an_unterminated_csv_quote_costs_one_row(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('id,text\nq1,"never closed\nq2,Second story.\nq3,Third story.\n', encoding="utf-8")
    found = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in found] == ["RejectedInput", "Article", "Article"]
    assert [i.id for i in found[1:]] == ["q2", "q3"]


def test_non_english_is_coded_only_when_asked(tmp_path: Path) -> None:
    case = next(c for c in cases() if c.name == "non-English article")
    (tmp_path / case.filename).write_bytes(case.content)
    [asked] = list(read_inputs([str(tmp_path)], any_language=True))
    assert isinstance(asked, Article) and asked.language == "de"
    assert "coded as English as asked" in asked.warnings[0]


def test_a_folder_mixing_every_class_is_extracted_line_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    written = write_all(folder)
    expected = list(read_inputs([str(folder)]))
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "--output", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [item.id for item in expected]
    messages = [line["error"]["message"] for line in lines if line["error"]]
    for case in written:
        if case.error:
            assert any(case.error in m for m in messages), (case.name, messages)
    coded = [line for line in lines if line["error"] is None]
    assert len(coded) == sum(isinstance(i, Article) for i in expected)
    assert all(line["events"] for line in coded if line["id"] in {"ti", "dt", "di", "df", "d1", "wide"})
    assert all(line["language"] in {"en", "und"} for line in coded)
    stderr = capsys.readouterr().err
    assert f"{len(lines)} article(s)," in stderr and "Traceback" not in stderr
