"""The analysis never fails on odd text: every mention it returns is well-formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.actors.actor_fakes import Analyse

# Pieces that exercise the rules: names, titles, pronouns, quotes, hyphens, places, money.
PIECES = [
    "Orlov",
    "Ward",
    "he",
    "she",
    "they",
    "it",
    "we",
    "our",
    "its",
    "his",
    "Russian",
    "US",
    "-",
    "anti",
    "backed",
    "troops",
    "the",
    "government",
    "of",
    "Sudan",
    "in",
    "Geneva",
    "said",
    '"',
    "“",
    "”",
    "(",
    ")",
    ",",
    ".",
    "$",
    "5",
    "million",
    "Secretary",
    "State",
    "counterpart",
    "Kremlin",
    "ethnic",
    "Albanians",
    "country",
    "and",
    "from",
    "company",
    "\n",
    "KHARTOUM",
    "police",
    "citizens",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_any_word_salad_gives_well_formed_mentions(fake_analyse: Analyse, words: list[str]) -> None:
    text = " ".join(words)
    result = fake_analyse(text)
    chains = {r.chain for r in result.chains}
    for m in result.mentions:
        assert 0 <= m.token_start <= m.head < m.token_end if m.head is not None else False
        assert text[m.start : m.end] == m.text
        assert m.actor is not None and m.actor.text == m.text
        assert m.chain in chains
