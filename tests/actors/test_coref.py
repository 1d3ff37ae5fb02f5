"""Coreference chains and date-aware office holders (hand-written KB in actor_fakes)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.analysis import ActorAnalysis
from tests.actors.actor_fakes import Analyse

STORY = (
    "US Secretary of State Helen Ward met Russian Foreign Minister Dmitri Orlov in Geneva on Tuesday. "
    "Ward said the talks were frank. The top American diplomat told reporters that she was hopeful. "
    "Her Russian counterpart disagreed, and he left early."
)


def _chain_of(result: ActorAnalysis, text: str) -> set[str]:
    """Surface texts of every mention in the chain of the first mention ``text``."""
    chain = next(m.chain for m in result.mentions if m.text == text)
    return {m.text for m in result.mentions if m.chain == chain}


CHAINS = [
    (
        "US Secretary of State Helen Ward",
        {"US Secretary of State Helen Ward", "Ward", "The top American diplomat", "she", "Her"},
    ),
    (
        "Russian Foreign Minister Dmitri Orlov",
        {"Russian Foreign Minister Dmitri Orlov", "Her Russian counterpart", "he"},
    ),
]


@pytest.mark.parametrize(("first", "expected"), CHAINS)
def test_chains_join_names_descriptions_and_pronouns(
    fake_analyse: Analyse, first: str, expected: set[str]
) -> None:
    assert _chain_of(fake_analyse(STORY, dt.date(2021, 6, 1)), first) == expected


def test_every_mention_of_a_chain_gets_its_actor_with_its_own_text(fake_analyse: Analyse) -> None:
    result = fake_analyse(STORY, dt.date(2021, 6, 1))
    chain = [m for m in result.mentions if m.chain == result.mentions[0].chain]
    assert {m.actor.identity for m in chain if m.actor} == {("Helen Ward", "USA", "GOV", "person")}
    assert all(m.actor is not None and m.actor.text == m.text for m in chain)


OFFICES = [
    # "the secretary of state" is whoever held the office on the article's date
    (dt.date(2022, 6, 1), "Helen Ward"),
    (dt.date(2023, 6, 1), "Paul Grant"),
    (None, None),  # no date: the office is known, its holder is not
]


@pytest.mark.parametrize(("day", "holder"), OFFICES)
def test_office_holder_depends_on_the_date(
    fake_analyse: Analyse, day: dt.date | None, holder: str | None
) -> None:
    result = fake_analyse("The secretary of state visited Washington.", day)
    m = next(m for m in result.mentions if m.text == "The secretary of state")
    assert m.actor is not None
    assert (m.actor.name, m.actor.country, m.actor.sector) == (holder, "USA", "GOV")


def test_nationality_picks_the_office_country(fake_analyse: Analyse) -> None:
    result = fake_analyse("The Russian foreign minister arrived late.", dt.date(2021, 6, 1))
    assert result.mentions[0].actor is not None and result.mentions[0].actor.name == "Dmitri Orlov"


def test_we_in_a_quote_speaks_for_the_speaker_side(fake_analyse: Analyse) -> None:
    result = fake_analyse('Orlov spoke after the meeting. "Our patience has limits," he said.')
    our = next(m for m in result.mentions if m.text == "Our")
    assert our.actor is not None and (our.actor.country, our.actor.sector) == ("RUS", "GOV")


def test_unresolved_pronouns_are_not_mentions(fake_analyse: Analyse) -> None:
    result = fake_analyse("It rained all day and they stayed home.")
    assert result.mentions == ()


def test_a_different_office_does_not_join_a_chain(fake_analyse: Analyse) -> None:
    text = "Russian Foreign Minister Dmitri Orlov arrived. The Russian president stayed home."
    result = fake_analyse(text, dt.date(2021, 6, 1))
    assert _chain_of(result, "The Russian president") == {"The Russian president"}


def test_context_gives_a_country_to_a_nominal_without_one(fake_analyse: Analyse) -> None:
    result = fake_analyse("Police fired on protesters in Khartoum on Friday.")
    assert {m.text: m.actor.country for m in result.mentions if m.actor} == {
        "Police": "SDN",
        "protesters": "SDN",
    }
    report = next(r for r in result.chains if r.mentions[0].text == "Police")
    assert "context" in report.reason


def test_they_after_a_coordination_is_left_unresolved(fake_analyse: Analyse) -> None:
    # "they" means the pair, which no single actor is: better no mention than one of the two
    result = fake_analyse("Orlov and Ward met in Geneva. They agreed to meet again.")
    assert [m.text for m in result.mentions] == ["Orlov", "Ward"]


def test_they_after_a_plural_group(fake_analyse: Analyse) -> None:
    result = fake_analyse("Sudanese rebels attacked the town. They said the army had fled.")
    assert _chain_of(result, "Sudanese rebels") == {"Sudanese rebels", "They"}


STATE_NOUNS = [
    # "the country" is the state named last; "his country" the possessor's
    ("Kenya held elections on Sunday. The country's president conceded defeat.", "The country", "KEN", True),
    ("Russian Foreign Minister Dmitri Orlov said his country would respond.", "his country", "RUS", False),
]


@pytest.mark.parametrize(("text", "mention", "country", "joins"), STATE_NOUNS)
def test_state_nouns(fake_analyse: Analyse, text: str, mention: str, country: str, joins: bool) -> None:
    result = fake_analyse(text)
    m = next(m for m in result.mentions if m.text == mention)
    assert m.actor is not None and (m.actor.country, m.actor.kind) == (country, "state")
    assert (len(_chain_of(result, mention)) > 1) is joins


def test_civilians_take_the_country_of_the_place_not_of_the_attackers(fake_analyse: Analyse) -> None:
    result = fake_analyse("Kenyan rebels and Kenyan police killed 12 civilians in Khartoum.")
    civilians = next(m for m in result.mentions if m.text == "12 civilians")
    assert civilians.actor is not None and civilians.actor.country == "SDN"


IT = [
    # a subject "it" after an actor is that actor; an object "it" is usually the matter discussed
    ("The Kremlin said it would respond.", True),
    ("Washington criticised the plan, calling it reckless.", False),
    ('Orlov met Ward. "It was useful," she said.', False),
]


@pytest.mark.parametrize(("text", "resolved"), IT)
def test_it_is_resolved_only_as_a_subject_outside_quotes(
    fake_analyse: Analyse, text: str, resolved: bool
) -> None:
    result = fake_analyse(text)
    assert any(m.text.lower() == "it" for m in result.mentions) is resolved


def test_a_chain_that_names_nobody_is_no_actor(fake_analyse: Analyse) -> None:
    assert fake_analyse("Both countries agreed to talk.").mentions == ()
