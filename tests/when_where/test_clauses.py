"""Clause heads and tense, on parses given by hand (so the test states the parse it assumes)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language

from eventwire.when_where.clauses import clause_head, governs, tense_of
from tests.conftest import build_doc

# (words, heads, deps, tags, pos, trigger index, expected clause head index, expected tense)
Case = tuple[list[str], list[int], list[str], list[str], list[str], int, int, str]
CASES: Sequence[Case] = [
    (["Ministers", "met"], [1, 1], ["nsubj", "ROOT"], ["NNS", "VBD"], ["NOUN", "VERB"], 1, 1, "past"),
    (
        ["Ministers", "will", "meet"],
        [2, 2, 2],
        ["nsubj", "aux", "ROOT"],
        ["NNS", "MD", "VB"],
        ["NOUN", "AUX", "VERB"],
        2, 2, "future",
    ),
    (
        ["The", "summit", "may", "be", "held"],
        [1, 4, 4, 4, 4],
        ["det", "nsubjpass", "aux", "auxpass", "ROOT"],
        ["DT", "NN", "MD", "VB", "VBN"],
        ["DET", "NOUN", "AUX", "AUX", "VERB"],
        1, 4, "future",
    ),
    (
        ["The", "envoy", "was", "recalled"],
        [1, 3, 3, 3],
        ["det", "nsubjpass", "auxpass", "ROOT"],
        ["DT", "NN", "VBD", "VBN"],
        ["DET", "NOUN", "AUX", "VERB"],
        3, 3, "past",
    ),
    (
        ["They", "have", "signed"],
        [2, 2, 2],
        ["nsubj", "aux", "ROOT"],
        ["PRP", "VBP", "VBN"],
        ["PRON", "AUX", "VERB"],
        2, 2, "past",
    ),
    (["Talks", "resume"], [1, 1], ["nsubj", "ROOT"], ["NNS", "VBP"], ["NOUN", "VERB"], 1, 1, "present"),
    (
        ["Leaders", "plan", "to", "meet"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "aux", "xcomp"],
        ["NNS", "VBP", "TO", "VB"],
        ["NOUN", "VERB", "PART", "VERB"],
        3, 3, "future",
    ),
    (
        ["They", "are", "going", "to", "strike"],
        [2, 2, 2, 4, 2],
        ["nsubj", "aux", "ROOT", "aux", "xcomp"],
        ["PRP", "VBP", "VBG", "TO", "VB"],
        ["PRON", "AUX", "VERB", "PART", "VERB"],
        4, 4, "future",
    ),
    # a noun trigger inside a noun phrase whose root is not a verb must not loop
    (
        ["Talks", "in", "Oslo"],
        [0, 0, 1],
        ["ROOT", "prep", "pobj"],
        ["NNS", "IN", "NNP"],
        ["NOUN", "ADP", "PROPN"],
        2, 0, "past",
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_clause_head_and_tense(nlp: Language, case: Case) -> None:
    words, heads, deps, tags, pos, trigger, head, tense = case
    doc = build_doc(nlp, words, heads, deps, tags=tags, pos=pos)
    found = clause_head(doc[trigger])
    assert found.i == head
    if found.pos_ in {"VERB", "AUX"}:
        assert tense_of(found) == tense


def test_governs(nlp: Language) -> None:
    doc = build_doc(
        nlp,
        ["Officials", "said", "rebels", "attacked"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp"],
        tags=["NNS", "VBD", "NNS", "VBD"],
        pos=["NOUN", "VERB", "NOUN", "VERB"],
    )
    assert governs(doc[1], doc[3]) and governs(doc[3], doc[3])
    assert not governs(doc[3], doc[1])
