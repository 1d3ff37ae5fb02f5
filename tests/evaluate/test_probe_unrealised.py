"""The unrealised-event probe's rewrites (tools/probe_unrealised.py), on sentences of our own."""

from __future__ import annotations

from spacy.language import Language

from tests.scripts import load_script

probe = load_script("tools/probe_unrealised.py", "probe_unrealised")


def test_a_simple_clause_splits_into_subject_verb_and_rest(nlp: Language) -> None:
    split = probe.parts(nlp("The Chadian army expelled two Sudanese officers."))
    assert split == (
        "the Chadian army",
        "expel",
        " two Sudanese officers",
        "the Chadian army expelled two Sudanese officers",
    )
    assert probe.TEMPLATES["may"](*split) == "The Chadian army may expel two Sudanese officers."
    assert (
        probe.TEMPLATES["denied_that"](*split)
        == "Officials denied that the Chadian army expelled two Sudanese officers."
    )


def test_a_name_keeps_its_capital_and_a_hyphenated_verb_is_skipped(nlp: Language) -> None:
    split = probe.parts(nlp("Ghana recalled its envoy from Lome."))
    assert (
        split is not None
        and probe.TEMPLATES["forecast"](*split) == "Analysts expect Ghana to recall its envoy from Lome."
    )
    assert probe.parts(nlp("Iran test-fired a rocket.")) is None
