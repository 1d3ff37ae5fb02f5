"""Weak event classes of unseen news (issue 11), as (text, expected) tables in our own words.

Each table is a class of cases that one mechanism decides, never a single sentence: where a
withdrawal's target comes from, which concessions, support and protests are recognised, and
which arguments decide a trigger's sense.
"""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

# (text, type, source countries, target countries)
DYADS = [
    # a withdrawal is aimed at whom the forces leave: "from X", "out of X", whatever the verb
    ("Kenya withdrew its police officers from Haiti.", "RETREAT", {"KEN"}, {"HTI"}),
    ("Rwandan troops pulled out of eastern Congo.", "RETREAT", {"RWA"}, {"COD"}),
    ("The Chadian army retreated from northern Cameroon.", "RETREAT", {"TCD"}, {"CMR"}),
    ("China withdrew its coast guard ships from Philippine waters.", "RETREAT", {"CHN"}, {"PHL"}),
]


@pytest.mark.parametrize(("text", "plover", "source", "target"), DYADS)
def test_type_and_dyad(
    pipeline: Pipeline, text: str, plover: str, source: set[str], target: set[str]
) -> None:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    found = [(e.plover, {a.country for a in e.source}, {a.country for a in e.target}) for e in events]
    assert (plover, source, target) in found, found
