"""Pronoun gender: he/him/his and she/her agree with titles, gendered roles and first names."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from eventwire.actors.entities import actor_entities
from eventwire.actors.gender import parse_gender
from eventwire.actors.lookups import Lookups
from eventwire.errors import KnowledgeBaseError
from tests.actors.actor_fakes import Analyse, FakeKB, FakePlaces
from tests.conftest import build_doc, shared_knowledge

DAY = dt.date(2021, 6, 1)
KNOWLEDGE = shared_knowledge()


def _chain_text(text: str, fake_analyse: Analyse, pronoun: str, nth: int = 0) -> str | None:
    """The first mention of the chain the ``nth`` occurrence of ``pronoun`` joined (None: no chain)."""
    result = fake_analyse(text, DAY)
    hits = [m for m in result.mentions if m.text == pronoun]
    if len(hits) <= nth:
        return None
    chain = hits[nth].chain
    return next(r.mentions[0].text for r in result.chains if r.chain == chain)


AGREEMENT = [
    # (text, pronoun, occurrence, first mention of the chain it should join)
    ("Queen Anna met Mr Ortiz in Geneva. She thanked him for his help.", "him", 0, "Mr Ortiz"),
    ("Queen Anna met Mr Ortiz in Geneva. She thanked him for his help.", "his", 0, "Mr Ortiz"),
    ("Queen Anna met Mr Ortiz in Geneva. She thanked him for his help.", "She", 0, "Queen Anna"),
    ("Mrs Ward met Orlov on Monday. He said she was right.", "He", 0, "Orlov"),
    ("Mrs Ward met Orlov on Monday. He said she was right.", "she", 0, "Mrs Ward"),
    # first names of clear gender
    ("Maria Lopez met Carlos Ruiz in Nairobi. He praised her courage.", "He", 0, "Carlos Ruiz"),
    ("Maria Lopez met Carlos Ruiz in Nairobi. He praised her courage.", "her", 0, "Maria Lopez"),
    # a chain keeps the gender its first gendered pronoun gave it
    ("Helen Ward met Dmitri Orlov. He spoke first. Later she answered him.", "him", 0, "Dmitri Orlov"),
]


@pytest.mark.parametrize(("text", "pronoun", "nth", "first"), AGREEMENT)
def test_pronouns_agree_in_gender(
    fake_analyse: Analyse, text: str, pronoun: str, nth: int, first: str
) -> None:
    assert _chain_text(text, fake_analyse, pronoun, nth) == first


def test_object_pronoun_never_means_its_own_subject(fake_analyse: Analyse) -> None:
    # "Orlov praised him": "him" is someone else, and nobody else is named
    assert _chain_text("Orlov praised him.", fake_analyse, "him") is None
    # the reflexive is the subject
    assert _chain_text("Orlov praised himself.", fake_analyse, "himself") == "Orlov"


GENDER_WORDS = [
    # (words of the mention, role title, name, gender)
    (["Queen", "Anna"], None, "Anna", "female"),
    (["Mr.", "Ortiz"], None, "Ortiz", "male"),
    (["the", "spokeswoman"], "spokeswoman", None, "female"),
    (["Carlos", "Ruiz"], None, "Carlos Ruiz", "male"),
    (["Ortiz"], None, "Ortiz", None),  # no evidence: any pronoun fits
    (["the", "minister"], "minister", None, None),
]


@pytest.mark.parametrize(("words", "title", "name", "gender"), GENDER_WORDS)
def test_gender_of_words(words: list[str], title: str | None, name: str | None, gender: str | None) -> None:
    assert KNOWLEDGE.gender.of_words(words, title, name) == gender


BROKEN = [
    ({"titles": {"male": ["mr"]}}, "titles"),
    ({"roles": {"male": "spokesman", "female": []}}, "roles.male"),
]


@pytest.mark.parametrize(("change", "named"), BROKEN)
def test_broken_gender_file_is_a_clear_error(change: dict[str, Any], named: str) -> None:
    data: dict[str, Any] = {
        "titles": {"male": ["mr"], "female": ["ms"]},
        "roles": {"male": [], "female": []},
        "first_names": {"male": ["john"], "female": ["mary"]},
    }
    data.update(change)
    with pytest.raises(KnowledgeBaseError, match=named):
        parse_gender(data)


RELABEL = [
    # (words, entity label the model gave, label the actor stage uses)
    (["Karim", "Nouri", "said"], "ORG", "PERSON"),
    (["Maria", "Lopez", "said"], "GPE", "PERSON"),
    (["Victoria", "Station", "closed"], "FAC", "FAC"),  # a place word ends the name
    (["Nouri", "Holdings", "said"], "ORG", "ORG"),  # no known first name
]


@pytest.mark.parametrize(("words", "label", "expected"), RELABEL)
def test_names_with_a_first_name_are_people(
    nlp: Language, words: list[str], label: str, expected: str
) -> None:
    doc = build_doc(
        nlp,
        words,
        heads=[1, 2, 2],
        deps=["compound", "nsubj", "ROOT"],
        pos=["PROPN", "PROPN", "VERB"],
        ents=[f"B-{label}", f"I-{label}", "O"],
    )
    look = Lookups(FakeKB(), KNOWLEDGE.grammar, KNOWLEDGE.gender, DAY, FakePlaces())
    assert [s.label_ for s in actor_entities(doc, look)] == [expected]
