"""The bad-input catalogue: one file per class of bad input, with what each must give.

Each entry writes its own file into a folder; ``expected`` maps each output line's id (or a
fragment of it) to a fragment of its error message, or to a warning fragment when the
article must still be coded. Sentences are written for the project.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

GOOD = "Kenya and Uganda signed a trade agreement in Nairobi on Tuesday."
GOOD_2 = "Police arrested twelve protesters outside the parliament in Minsk."
GERMAN = "Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland beschlossen."


@dataclass(frozen=True)
class Case:
    """One class of bad input: its file, and what its line in the output must say."""

    name: str
    filename: str
    content: bytes
    error: str | None = None  # fragment of the error message; None: the article is coded
    warning: str | None = None  # fragment of a warning the output line carries


def _jsonl(*records: object) -> bytes:
    return ("\n".join(json.dumps(r) for r in records) + "\n").encode("utf-8")


def cases() -> list[Case]:
    return [
        Case("empty file", "a01-empty.jsonl", b"", error="is empty (0 bytes)"),
        Case("empty text", "a02-empty-text.jsonl", _jsonl({"id": "e", "text": ""}), error="'text' is empty"),
        Case(
            "whitespace-only text",
            "a03-blank.jsonl",
            _jsonl({"id": "w", "text": " \n\t "}),
            error="'text' is only whitespace",
        ),
        Case("binary data", "a04-binary.txt", bytes(range(256)) * 8, error="looks binary"),
        Case("binary JSONL", "a05-binary.jsonl", b"\x00\x01\x02garbage\x00" * 50, error="looks binary"),
        Case(
            "invalid UTF-8",
            "a06-bad-utf8.jsonl",
            b'{"id": "u8", "text": "Talks \x80\x81\xfe\xff in Nairobi"}\n',
            error="not valid UTF-8 (0x80 at byte",
        ),
        Case(
            "lone surrogate",
            "a07-surrogate.jsonl",
            b'{"id": "sur", "text": "Ministers met \\ud800 in Quito."}\n',
            error="lone surrogate escape \\ud800 at character 14",
        ),
        Case(
            "Latin-1 JSONL line",
            "a08-latin1.jsonl",
            json.dumps(
                {
                    "id": "l1",
                    "text": "Delegates from Zürich and Genève met in Bern on Monday to discuss tariffs.",
                },
                ensure_ascii=False,
            ).encode("cp1252")
            + b"\n",
            warning="read as Windows-1252",
        ),
        Case("Latin-1 text file", "a09-latin1.txt", (GOOD + " Café talks.").encode("cp1252")),
        *_wide_cases(),
        Case(
            "broken JSONL line",
            "b01-broken.jsonl",
            b'{"id": "br", "text": "unfinished\n',
            error="not valid JSON",
        ),
        Case(
            "missing text",
            "b02-no-text.jsonl",
            _jsonl({"id": "nt", "title": "t"}),
            error="has no 'text' field",
        ),
        Case(
            "non-string text",
            "b03-text-number.jsonl",
            _jsonl({"id": "tn", "text": 42}),
            error="'text' must be a string, got a number",
        ),
        Case(
            "id of a wrong type", "b04-id-list.jsonl", _jsonl({"id": [1], "text": GOOD}), error="'id' must be"
        ),
        Case(
            "title of a wrong type",
            "b05-title.jsonl",
            _jsonl({"id": "ti", "text": GOOD, "title": {"x": 1}}),
            warning="'title' must be a string, got an object; it was dropped",
        ),
        Case(
            "date of a wrong type",
            "b06-date-type.jsonl",
            _jsonl({"id": "dt", "text": GOOD, "date": 20210520}),
            warning="date must be an ISO date string, got a number",
        ),
        Case(
            "impossible date",
            "b07-date-impossible.jsonl",
            _jsonl({"id": "di", "text": GOOD, "date": "2021-02-30"}),
            warning="'2021-02-30' is not an ISO date",
        ),
        Case(
            "far-future date",
            "b08-date-future.jsonl",
            _jsonl({"id": "df", "text": GOOD, "date": "9999-12-31"}),
            warning="9999-12-31 is in the future; the date was dropped",
        ),
        Case(
            "year-0001 date", "b09-date-year1.jsonl", _jsonl({"id": "d1", "text": GOOD, "date": "0001-01-01"})
        ),
        Case(
            "duplicate id with another text",
            "b10-dup-ids.jsonl",
            _jsonl({"id": "dup", "text": GOOD}, {"id": "dup", "text": GOOD_2}),
            warning="was given earlier in this input to a different text",
        ),
        Case(
            "ragged CSV row",
            "c01-ragged.csv",
            f"id,text,title\nr1,{GOOD},One\nr2,Extra cells here,Two,surplus\n".encode(),
            error="has 4 cell(s), the header has 3",
        ),
        Case(
            "CSV row with an unterminated quote",
            "c02-open-quote.csv",
            f'id,text\nq1,"An open quote never closed\nq2,{GOOD_2}\n'.encode(),
            error="broken CSV",
        ),
        Case(
            "HTML without a body",
            "d01-nobody.html",
            b"<html><head><title>Nothing</title></head></html>",
            error="no main text",
        ),
        Case(
            "malformed RSS",
            "d02-broken.rss",
            b"<rss><channel><item><title>half",
            error="the feed is malformed",
        ),
        Case(
            "non-English article", "e01-german.jsonl", _jsonl({"id": "de", "text": GERMAN}), error="looks de"
        ),
        Case("very long token", "e02-long-token.txt", (GOOD + " " + "x" * 200_000).encode()),
        Case(
            "very long sentence",
            "e03-long-sentence.txt",
            ("Officials " + "and ministers " * 3000 + "met.").encode(),
        ),
    ]


def _wide_cases() -> list[Case]:
    record = {"id": "wide", "text": GOOD}
    line = json.dumps(record) + "\n"
    found = []
    for encoding, bom in (
        ("utf-16-le", True),
        ("utf-16-be", False),
        ("utf-32-le", True),
        ("utf-32-be", False),
    ):
        codec = encoding if not bom else encoding.replace("-le", "")
        data = line.encode(codec)  # "utf-16"/"utf-32" write a byte-order mark, the -le/-be forms do not
        tag = encoding.replace("-", "") + ("-bom" if bom else "")
        found.append(Case(f"{encoding} JSONL {'with' if bom else 'without'} BOM", f"w-{tag}.jsonl", data))
        found.append(
            Case(f"{encoding} text {'with' if bom else 'without'} BOM", f"w-{tag}.txt", GOOD.encode(codec))
        )
    csv_text = f"id,text\nwc,{GOOD}\n"
    found.append(Case("utf-16 CSV with BOM", "w-utf16.csv", csv_text.encode("utf-16")))
    return found


def write_all(folder: Path) -> list[Case]:
    """Write every case's file into ``folder``; the cases, in the order a folder read gives."""
    written = sorted(cases(), key=lambda c: c.filename)
    for case in written:
        (folder / case.filename).write_bytes(case.content)
    return written
