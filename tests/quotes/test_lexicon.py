"""The quote lexicon: packaged word lists, and what counts as a news outlet."""

from __future__ import annotations

import pytest

from tests.conftest import shared_knowledge


@pytest.mark.parametrize(
    ("phrase", "outlet"),
    [
        ("Russian state media", True),
        ("state television", True),
        ("newspaper Jutarnji List", True),
        ("the Interfax news agency", True),
        ("Reuters", True),
        ("Agence France-Presse", True),
        ("a news conference", False),
        ("press release", False),
        ("Foreign Minister Dina Petrova", False),
        ("", False),
    ],
)
def test_media_phrases(phrase: str, outlet: bool) -> None:
    assert shared_knowledge().quote_cues.is_media_phrase(phrase) is outlet


def test_cue_verbs_include_reporting_and_exclude_opinion() -> None:
    lex = shared_knowledge().quote_cues
    assert lex.is_cue_verb("say") and lex.is_cue_verb("report") and lex.is_cue_verb("cite")
    assert not lex.is_cue_verb("think") and not lex.is_cue_verb("respond")
