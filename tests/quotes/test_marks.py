"""Quotation marks found from characters alone: straight, typographic, unbalanced, multi-paragraph."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.quotes.marks import QuotedRegions, find_quote_spans, mark_role

SPANS = [
    ('She said "we will stay," and left.', ["we will stay"]),
    ("“The port is closed,” the mayor said.", ["The port is closed"]),
    ("«Nous restons» was the reply.", ["Nous restons"]),
    ("No quotation here at all.", []),
    ('A stray closing mark" does nothing.', []),
    ('It measured 5"6 and "nothing more".', ["nothing more"]),
    ('He said "we will rebuild the bridge.', ["we will rebuild the bridge."]),
    ('"First," she said, "then second."', ["First", "then second."]),
    ("“One” and “two never closes", ["One", "two never closes"]),
    ('Never "closed. Then "a new one" starts.', ["closed.", "a new one"]),
    ('""', []),
    ("The country's debt isn't \"sustainable\" now.", ["sustainable"]),
    ("‘We will win,’ she said, and the ministers’ plan passed.", ["We will win"]),
    ("He called it a ‘bad deal’ for farmers.", ["bad deal"]),
    ("The party’s leader didn’t comment.", []),
    ("“He told me ‘never’,” she said.", ["He told me ‘never’"]),
    ("It sent a ``clear signal'' to the region.", ["clear signal"]),
    ("'We are ready,' he said of the rebels' offer.", ["We are ready"]),
    ("In the '90s nobody's plan worked.", []),
    ("``We stay,'' he said. It wasn't ''odd''.", ["We stay"]),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == expected


ROLES = [
    ('say "x', 4, "open"),
    ('x" y', 1, "close"),
    ("a“b", 1, "open"),
    ("a”b", 1, "close"),
    ('5"6', 1, None),
    ('a,"b', 2, "either"),
    ("abc", 1, None),
]


@pytest.mark.parametrize(("text", "pos", "role"), ROLES)
def test_mark_role(text: str, pos: int, role: str | None) -> None:
    assert mark_role(text, pos) == role


def test_multi_paragraph_quote_shares_one_group() -> None:
    text = 'The envoy spoke.\n"We tried everything.\n"Nothing worked," he said.\n"Next one."'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We tried everything.",
        "Nothing worked",
        "Next one.",
    ]
    assert spans[0].group == spans[1].group != spans[2].group
    assert not spans[0].closed and spans[1].closed


def test_unclosed_quote_without_reopening_ends_with_its_paragraph() -> None:
    text = 'He said "we are done.\nThe vote went ahead.\n"Fine," she said.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["we are done.", "Fine"]
    assert spans[0].group != spans[1].group


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"“”«»'‘’`")), max_size=80))
def test_any_text_gives_valid_spans(text: str) -> None:
    spans = find_quote_spans(text)
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end  # spans never overlap and come in order
        assert text[span.start : span.end].strip()
        previous_end = span.end


def test_quoted_regions_answer_position_questions() -> None:
    text = 'a "bc" d "ef" g'
    regions = QuotedRegions.of(find_quote_spans(text))
    assert [i for i in range(len(text)) if regions.covers(i)] == [3, 4, 10, 11]
    assert not QuotedRegions().covers(0)
