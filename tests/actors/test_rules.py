"""Rule logic on hand-built parses: each test states the parse it assumes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors.analysis import analyse
from eventwire.actors.detect import find_candidates
from eventwire.actors.entities import actor_entities
from eventwire.actors.lookups import Lookups
from eventwire.actors.places import is_locative
from tests.actors.actor_fakes import FakeKB, FakePlaces
from tests.conftest import build_doc, shared_knowledge

KNOWLEDGE = shared_knowledge()


def _look() -> Lookups:
    return Lookups(FakeKB(), KNOWLEDGE.grammar, KNOWLEDGE.gender, None, FakePlaces())


LOCATIVE = [
    # (words, heads, deps, index of the toponym, is it a place?)
    (["They", "met", "in", "Geneva"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"], 3, True),
    (
        ["They", "imposed", "sanctions", "on", "Iran"],
        [1, 1, 1, 2, 3],
        ["nsubj", "ROOT", "dobj", "prep", "pobj"],
        4,
        False,
    ),
    (["talks", "with", "Russia"], [0, 0, 1], ["ROOT", "prep", "pobj"], 2, False),
    (["the", "town", "of", "Kadugli"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"], 3, True),
    (["the", "capital", "Kabul"], [1, 1, 1], ["det", "ROOT", "appos"], 2, True),
    # "in Bam, Iran": the apposition inherits the preposition
    (
        ["died", "in", "Bam", ",", "Iran"],
        [0, 0, 1, 2, 2],
        ["ROOT", "prep", "pobj", "punct", "appos"],
        4,
        True,
    ),
]


@pytest.mark.parametrize("case", LOCATIVE)
def test_locative_positions(nlp: Language, case: tuple[list[str], list[int], list[str], int, bool]) -> None:
    words, heads, deps, index, place = case
    doc = build_doc(nlp, words, heads, deps)
    assert is_locative(doc[index], KNOWLEDGE.grammar) is place


def test_state_in_secretary_of_state_is_a_title_not_an_organisation(nlp: Language) -> None:
    words = ["Secretary", "of", "State", "Ward", "spoke"]
    doc = build_doc(
        nlp,
        words,
        heads=[3, 0, 1, 4, 4],
        deps=["compound", "prep", "pobj", "nsubj", "ROOT"],
        ents=["O", "O", "B-ORG", "B-PERSON", "O"],
    )
    spans = actor_entities(doc, _look())
    assert [(s.text, s.label_) for s in spans] == [("Ward", "PERSON")]


def test_kb_relabels_a_person_the_model_called_an_organisation(nlp: Language) -> None:
    doc = build_doc(
        nlp,
        ["Orlov", "said", "no"],
        heads=[1, 1, 1],
        deps=["nsubj", "ROOT", "dobj"],
        ents=["B-ORG", "O", "O"],
    )
    assert [s.label_ for s in actor_entities(doc, _look())] == ["PERSON"]


def test_kb_finds_a_name_the_model_missed(nlp: Language) -> None:
    doc = build_doc(
        nlp,
        ["the", "Kremlin", "said", "no"],
        heads=[1, 2, 2, 2],
        deps=["det", "nsubj", "ROOT", "dobj"],
        pos=["DET", "PROPN", "VERB", "DET"],
    )
    assert [s.text for s in actor_entities(doc, _look())] == ["Kremlin"]


def test_nationality_and_title_are_absorbed_by_the_name(nlp: Language) -> None:
    # "Russian Deputy Foreign Minister Boris Lenkov left": every modifier hangs on "Lenkov"
    words = ["Russian", "Deputy", "Foreign", "Minister", "Boris", "Lenkov", "left"]
    doc = build_doc(
        nlp,
        words,
        heads=[3, 3, 3, 5, 5, 6, 6],
        deps=["amod", "compound", "compound", "compound", "compound", "nsubj", "ROOT"],
        pos=["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
        ents=["B-NORP", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
    )
    found = find_candidates(doc, _look()).candidates
    assert list(found) == [5]
    lenkov = found[5]
    assert (lenkov.start, lenkov.end, lenkov.title, lenkov.nationalities) == (
        0,
        6,
        "deputy foreign minister",
        ["RUS"],
    )


def test_role_noun_qualifying_a_thing_speaks_for_the_phrase(nlp: Language) -> None:
    # "Russian state media reports": "reports" heads the phrase, "media" names the actor
    words = ["Russian", "state", "media", "reports", "said", "so"]
    doc = build_doc(
        nlp,
        words,
        heads=[3, 2, 3, 4, 4, 4],
        deps=["amod", "compound", "compound", "nsubj", "ROOT", "advmod"],
        pos=["ADJ", "NOUN", "NOUN", "NOUN", "VERB", "ADV"],
        ents=["B-NORP", "O", "O", "O", "O", "O"],
    )
    result = analyse(doc, _look())
    assert [(m.text, m.head, m.actor.country if m.actor else None) for m in result.mentions] == [
        ("state media", 2, "RUS")
    ]


def test_bare_role_noun_qualifying_a_thing_is_no_actor(nlp: Language) -> None:
    # "a police report said so": no nationality, no modifier: "police" names nobody here
    words = ["a", "police", "report", "said", "so"]
    doc = build_doc(
        nlp,
        words,
        heads=[2, 2, 3, 3, 3],
        deps=["det", "compound", "nsubj", "ROOT", "advmod"],
        pos=["DET", "NOUN", "NOUN", "VERB", "ADV"],
    )
    assert analyse(doc, _look()).mentions == ()


def test_possessor_is_nested_and_owns_the_phrase(nlp: Language) -> None:
    # "Russia's troops left": "Russia" is a mention of its own and gives the troops their country
    words = ["Russia", "'s", "troops", "left"]
    doc = build_doc(
        nlp,
        words,
        heads=[2, 0, 3, 3],
        deps=["poss", "case", "nsubj", "ROOT"],
        tags=["NNP", "POS", "NNS", "VBD"],
        pos=["PROPN", "PART", "NOUN", "VERB"],
        ents=["B-GPE", "O", "O", "O"],
    )
    result = analyse(doc, _look())
    assert [(m.text, m.actor.country if m.actor else None) for m in result.mentions] == [
        ("Russia 's troops", "RUS"),  # build_doc puts a space between all words
        ("Russia", "RUS"),
    ]


def test_a_nationality_tagged_as_a_person_is_a_nationality(nlp: Language) -> None:
    # the small model tags "Sri Lankan" in "Sri Lankan troops" as PERSON; "Kenyan" stands in here
    doc = build_doc(
        nlp,
        ["Kenyan", "troops", "left"],
        heads=[1, 2, 2],
        deps=["compound", "nsubj", "ROOT"],
        pos=["PROPN", "NOUN", "VERB"],
        tags=["NNP", "NNS", "VBD"],
        ents=["B-PERSON", "O", "O"],
    )
    result = analyse(doc, _look())
    assert [(m.text, m.actor.country if m.actor else None) for m in result.mentions] == [
        ("Kenyan troops", "KEN")
    ]
