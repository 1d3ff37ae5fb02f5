"""Promises of restraint and of joint action are no threats (events/promises.py). Sentences
written for these tests; codes from the CAMEO manual (03x intent to cooperate, 13x threats)."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

CASES = [
    # restraint: the promised act is denied
    ("The governor promised that no one would be evicted from the market.", "AGREE", "035"),
    ("The minister pledged that no protesters would be detained.", "AGREE", "035"),
    # joint action agreed by the parties themselves
    ("Kenya and Uganda agreed to step up joint patrols on Lake Victoria.", "AGREE", "0312"),
    ("Peru and Chile agreed to deploy troops together against smugglers.", "AGREE", "0312"),
    # a promise of harm to another party is still a threat
    ("The junta vowed to expel the French diplomats.", "THREATEN", "136"),
    ("The president promised to send troops to the border with Guyana.", "THREATEN", "138"),
]


@pytest.mark.parametrize(("text", "plover", "cameo"), CASES)
def test_a_promise_is_coded_by_what_it_commits_to(
    pipeline: Pipeline, text: str, plover: str, cameo: str
) -> None:
    events = [(e.plover, e.cameo) for e in pipeline.code_text(text).events if not e.negated]
    assert events[:1] == [(plover, cameo)], events
