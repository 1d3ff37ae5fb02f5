"""A short diplomatic story, written for this test, through the full default pipeline.

It exhibits the phenomena the argument and modality modules decide: an envoy's recall and
expulsion told without their agent, a lifted measure whose target hangs on "imposed on",
a meeting venue that is no party, the modality of nominal triggers, and negation inherited
by a trigger in the object of a negated verb. Only arguments, negation and modality are
asserted: which words are triggers, and their event types, belong to the trigger lexicon,
so an event the lexicon no longer codes is skipped with its reason, never passed.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.modality import polarity_and_modality
from eventwire.records import Actor, Event
from tests.conftest import shared_knowledge

STORY = (
    "The Japanese ambassador to China was recalled to Tokyo on Tuesday after a dispute over "
    "fishing boats. The Chinese consul in Osaka was expelled from Japan a day later. Beijing "
    "lifted the sanctions imposed on Japanese seafood exporters. The two foreign ministers may "
    "meet in Singapore next month, officials said. A summit could be held in Thailand. Foreign "
    "Minister Hayashi did not answer questions about the boycott of Chinese goods. The Chinese "
    "statement did not mention a possible summit."
)


@pytest.fixture(scope="module")
def events(code) -> list[Event]:  # type: ignore[no-untyped-def]
    return list(code(STORY).events)


def _event(events: list[Event], sentence: int, word: str) -> Event:
    found = [e for e in events if e.sentence == sentence and word in e.trigger.text]
    if not found:
        pytest.skip(f"the trigger lexicon codes no event at {word!r} in sentence {sentence}")
    return found[0]


def _countries(side: tuple[Actor, ...]) -> list[str]:
    return sorted(str(a.country) for a in side)


# (phenomenon, sentence, trigger word, expected source countries, expected target countries)
DYADS = [
    ("agentless recall: the envoy's country acts on the host", 0, "recalled", ["JPN"], ["CHN"]),
    ("agentless expulsion: the host acts on the envoy's country", 1, "expelled", ["JPN"], ["CHN"]),
    ("lifted sanctions target the 'imposed on' phrase", 2, "lifted", ["CHN"], ["JPN"]),
]


@pytest.mark.parametrize("case", DYADS, ids=lambda c: str(c[0]))
def test_dyads(events: list[Event], case: tuple[str, int, str, list[str], list[str]]) -> None:
    phenomenon, sentence, word, source, target = case
    event = _event(events, sentence, word)
    assert (_countries(event.source), _countries(event.target)) == (source, target), phenomenon


@pytest.mark.parametrize(
    ("phenomenon", "sentence", "word", "venue"),
    [
        ("a meeting place is no party", 3, "meet", "SGP"),
        ("a summit venue is no party", 4, "summit", "THA"),
    ],
)
def test_venues_are_not_targets(
    events: list[Event], phenomenon: str, sentence: int, word: str, venue: str
) -> None:
    event = _event(events, sentence, word)
    assert venue not in _countries(event.target) + _countries(event.source), phenomenon


# (phenomenon, sentence, trigger word, negated, modality)
POLARITY = [
    ("a modal on the verb a meeting is subject of", 3, "meet", False, "hypothetical"),
    ("a nominal trigger as subject of a modal passive", 4, "summit", False, "hypothetical"),
    ("a nominal trigger as object of a negated verb", 6, "summit", True, "asserted"),
    ("a plain recall is asserted", 0, "recalled", False, "asserted"),
]


@pytest.mark.parametrize("case", POLARITY, ids=lambda c: str(c[0]))
def test_negation_and_modality(events: list[Event], case: tuple[str, int, str, bool, str]) -> None:
    phenomenon, sentence, word, negated, modality = case
    event = _event(events, sentence, word)
    assert (event.negated, event.modality) == (negated, modality), phenomenon


def test_the_topic_of_unanswered_questions_is_negated(nlp: Language) -> None:
    # The selection stage may prefer another trigger in this sentence, so the modality
    # module is asked directly about the story's "boycott".
    doc = nlp(STORY)
    boycott = next(t for t in doc if t.text == "boycott")
    assert polarity_and_modality(shared_knowledge().modality, doc, boycott.i) == (True, "asserted")
