"""Negation and modality of a trigger, read from the parse (events/modality.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import KnowledgeBaseError
from eventwire.events.modality import _words, governing_chain, polarity_and_modality
from tests.conftest import build_doc, shared_knowledge

MODALITY = shared_knowledge().modality


def _index(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


# (sentence, trigger word, negated, modality): sentences written for these tests.
CASES = [
    # plain assertions
    ("Rebels burned the customs post on Tuesday.", "burned", False, "asserted"),
    ("The ministry said police had detained six activists.", "detained", False, "asserted"),
    # negation
    ("Lisbon did not recognize the breakaway government.", "recognize", True, "asserted"),
    ("The navy never fired on the trawler.", "fired", True, "asserted"),
    ("Hanoi hasn't answered the protest note.", "answered", True, "asserted"),
    ("No negotiations took place in Geneva.", "negotiations", True, "asserted"),
    ("No refugees were expelled from the camp.", "expelled", True, "asserted"),
    ("Nobody was arrested after the march.", "arrested", True, "asserted"),
    ("No talks were held on Friday.", "talks", True, "asserted"),
    ("The court failed to summon the general.", "summon", True, "asserted"),
    ("The envoy left Minsk without meeting the president.", "meeting", True, "asserted"),
    ("Bogota did not agree to extradite the suspect.", "extradite", True, "future"),
    ("Quito has no plans to expel the diplomats.", "expel", True, "future"),
    # "refused to" is a REJECT event of its own, not a negated complement
    ("The junta refused to free the journalists.", "free", False, "asserted"),
    # future
    ("The two presidents will meet in Accra next month.", "meet", False, "future"),
    ("Norway shall return the artefacts.", "return", False, "future"),
    ("Nepal is going to close the border crossing.", "close", False, "future"),
    ("The premier is to visit Seoul in June.", "visit", False, "future"),
    ("Tunisia plans to deport the smugglers.", "deport", False, "future"),
    ("The committee intends to question the minister.", "question", False, "future"),
    ("Zambia expects to sign the accord in June.", "sign", False, "future"),
    ("The summit is scheduled to open on Friday.", "open", False, "future"),
    ("The rebels agreed to surrender their weapons.", "surrender", False, "future"),
    # a decision reports the act itself
    ("The tribunal decided to release the captain.", "release", False, "asserted"),
    ("A spokesman said the army would leave the valley.", "leave", False, "future"),
    ("The union threatened to block the ports.", "block", False, "future"),
    ("Jakarta is ready to resume the dialogue.", "resume", False, "future"),
    ("Talks with the insurgents will begin soon.", "Talks", False, "future"),
    ("Warsaw will impose tariffs on the imports.", "tariffs", False, "future"),
    # hypothetical
    ("Militants may target the pipeline.", "target", False, "hypothetical"),
    ("The strike could paralyse the railways.", "paralyse", False, "hypothetical"),
    ("The sanctions would hurt farmers.", "hurt", False, "hypothetical"),
    ("Lima should apologise to the fishermen.", "apologise", False, "hypothetical"),
    ("Havana will possibly release the prisoners.", "release", False, "hypothetical"),
    ("Nairobi wants to join the trade bloc.", "join", False, "hypothetical"),
    ("Cairo is likely to reject the proposal.", "reject", False, "hypothetical"),
    ("The minister urged the strikers to return to work.", "return", False, "hypothetical"),
    ("Officials would not say whether Manila will retaliate.", "retaliate", False, "hypothetical"),
    ("Will Ottawa recall its ambassador?", "recall", False, "hypothetical"),
    ("The cabinet is expected to approve the loan.", "approve", False, "hypothetical"),
    ("The colonel is said to plan a coup.", "plan", False, "hypothetical"),
    # a condition on a mere possibility, a counterfactual, another's forecast: supposed
    ("Quito may cut ties with Lima if the envoy stays.", "cut", False, "hypothetical"),
    ("Were the talks to fail, Riga could close the crossing.", "close", False, "hypothetical"),
    ("The navy would have sunk the trawler, a captain said.", "sunk", False, "hypothetical"),
    ("Had Accra paid, the rebels would have freed the engineers.", "freed", False, "hypothetical"),
    ("Bankers expect Kyiv to request a new loan.", "request", False, "hypothetical"),
    ("Pundits predict that Seoul will recall its envoy.", "recall", False, "hypothetical"),
    ("Hackers tried to breach the ministry's servers.", "breach", False, "asserted"),
    # ... while a condition on "will"/"would" is a commitment
    ("Quito will cut ties with Lima if the envoy stays.", "cut", False, "conditional"),
    # denials
    ("The navy denied sinking the ferry.", "sinking", True, "asserted"),
    ("The militia denied that it looted the depot.", "looted", True, "asserted"),
    # a nominal trigger takes the modality of the passive it is the subject of
    ("The summit might be held in Lusaka.", "summit", False, "hypothetical"),
    ("The conference is to be held in Quito.", "conference", False, "future"),
    ("The summit is expected to be held in Lusaka.", "summit", False, "hypothetical"),
    ("Negotiations could resume in April.", "Negotiations", False, "hypothetical"),
    ("A meeting would take place after the vote.", "meeting", False, "hypothetical"),
    # negation reaches the object and the topic of a question or announcement
    ("The premier did not mention a possible summit.", "summit", True, "asserted"),
    ("The envoy did not answer questions about the embargo.", "embargo", True, "asserted"),
    ("The spokesman gave no details about the talks.", "talks", True, "asserted"),
    # ... but not the topic of other nouns, and not a future through a question
    ("The envoy did not visit the scene of the bombing.", "bombing", False, "asserted"),
    ("The envoy will answer questions about the embargo.", "embargo", False, "asserted"),
    # a stance on an event leaves the event asserted (double negation with "deny")
    ("The regime did not condemn the bombing.", "bombing", False, "asserted"),
    ("The regime did not deny the bombing.", "bombing", False, "asserted"),
    ("The regime did not deny that the bombing happened.", "bombing", False, "asserted"),
    # attending is the actor's part in the talks
    ("Uganda did not attend the talks.", "talks", True, "asserted"),
    # conditional
    ("If the talks collapse, the militia will resume fighting.", "collapse", False, "hypothetical"),
    ("If the talks collapse, the militia will resume fighting.", "resume", False, "conditional"),
    ("Rome would send troops if the council asked.", "send", False, "conditional"),
    ("Brussels will lift the ban unless the tests fail.", "lift", False, "conditional"),
    ("Kiev will talk unless Moscow attacks.", "attacks", False, "hypothetical"),
    ("The army will withdraw provided that the truce holds.", "withdraw", False, "conditional"),
    ("The embargo stays as long as the fighting continues.", "stays", False, "conditional"),
]


@pytest.mark.parametrize(("text", "word", "negated", "modality"), CASES)
def test_polarity_and_modality_of_sentences(
    nlp: Language, text: str, word: str, negated: bool, modality: str
) -> None:
    doc = nlp(text)
    assert polarity_and_modality(MODALITY, doc, _index(doc, word)) == (negated, modality)


def test_reported_clause_keeps_its_own_modality(nlp: Language) -> None:
    # The speaker's "may" belongs to the saying, not to the reported attack.
    doc = nlp("The colonel may say that the rebels attacked the convoy.")
    assert polarity_and_modality(MODALITY, doc, _index(doc, "attacked")) == (False, "asserted")


def test_a_negated_speaker_does_not_negate_the_report(nlp: Language) -> None:
    doc = nlp("The envoy did not say that Kabul expelled the observers.")
    assert polarity_and_modality(MODALITY, doc, _index(doc, "expelled")) == (False, "asserted")
    # a denial negates what it denies, and a negated denial does not
    doc = nlp("The envoy denied that Kabul expelled the observers.")
    assert polarity_and_modality(MODALITY, doc, _index(doc, "expelled")) == (True, "asserted")
    doc = nlp("The envoy did not deny that Kabul expelled the observers.")
    assert polarity_and_modality(MODALITY, doc, _index(doc, "expelled")) == (False, "asserted")


# --- hand-built parses: the rules, independent of the statistical parser ----------------


def test_negation_is_inherited_through_infinitive_chain(nlp: Language) -> None:
    # Ghana did not agree to meet rebels .
    doc = build_doc(
        nlp,
        ["Ghana", "did", "not", "agree", "to", "meet", "rebels", "."],
        heads=[3, 3, 3, 3, 5, 3, 5, 3],
        deps=["nsubj", "aux", "neg", "ROOT", "aux", "xcomp", "dobj", "punct"],
        tags=["NNP", "VBD", "RB", "VB", "TO", "VB", "NNS", "."],
        pos=["PROPN", "AUX", "PART", "VERB", "PART", "VERB", "NOUN", "PUNCT"],
    )
    assert [t.text for t in governing_chain(MODALITY, doc[5])] == ["meet", "agree"]
    assert polarity_and_modality(MODALITY, doc, 5) == (True, "future")


def test_double_negation_cancels(nlp: Language) -> None:
    # Chad did not fail to pay .
    doc = build_doc(
        nlp,
        ["Chad", "did", "not", "fail", "to", "pay", "."],
        heads=[3, 3, 3, 3, 5, 3, 3],
        deps=["nsubj", "aux", "neg", "ROOT", "aux", "xcomp", "punct"],
        tags=["NNP", "VBD", "RB", "VB", "TO", "VB", "."],
        pos=["PROPN", "AUX", "PART", "VERB", "PART", "VERB", "PUNCT"],
    )
    assert polarity_and_modality(MODALITY, doc, 5) == (False, "asserted")


def test_would_is_future_only_under_a_past_verb_of_saying(nlp: Language) -> None:
    words = ["Aides", "said", "Mali", "would", "sign", "."]
    heads = [1, 1, 4, 4, 1, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["NOUN", "VERB", "PROPN", "AUX", "VERB", "PUNCT"]
    lemmas = ["aide", "say", "Mali", "would", "sign", "."]
    past_tags = ["NNS", "VBD", "NNP", "MD", "VB", "."]
    present_tags = ["NNS", "VBP", "NNP", "MD", "VB", "."]
    past = build_doc(nlp, words, heads, deps, tags=past_tags, pos=pos, lemmas=lemmas)
    present = build_doc(nlp, words, heads, deps, tags=present_tags, pos=pos, lemmas=lemmas)
    assert polarity_and_modality(MODALITY, past, 4) == (False, "future")
    assert polarity_and_modality(MODALITY, present, 4) == (False, "hypothetical")


def test_light_verb_lends_its_modality_to_the_noun(nlp: Language) -> None:
    # Peru might impose curbs .
    doc = build_doc(
        nlp,
        ["Peru", "might", "impose", "curbs", "."],
        heads=[2, 2, 2, 2, 2],
        deps=["nsubj", "aux", "ROOT", "dobj", "punct"],
        tags=["NNP", "MD", "VB", "NNS", "."],
        pos=["PROPN", "AUX", "VERB", "NOUN", "PUNCT"],
    )
    assert polarity_and_modality(MODALITY, doc, 3) == (False, "hypothetical")


def test_condition_wins_over_future(nlp: Language) -> None:
    # Iran will talk if Oman asks .
    doc = build_doc(
        nlp,
        ["Iran", "will", "talk", "if", "Oman", "asks", "."],
        heads=[2, 2, 2, 5, 5, 2, 2],
        deps=["nsubj", "aux", "ROOT", "mark", "nsubj", "advcl", "punct"],
        tags=["NNP", "MD", "VB", "IN", "NNP", "VBZ", "."],
        pos=["PROPN", "AUX", "VERB", "SCONJ", "PROPN", "VERB", "PUNCT"],
    )
    assert polarity_and_modality(MODALITY, doc, 2) == (False, "conditional")
    assert polarity_and_modality(MODALITY, doc, 5) == (False, "hypothetical")  # the condition itself


def test_a_later_non_conditional_clause_is_not_conditional(nlp: Language) -> None:
    # If it rains , Iran talks , citing Oman .   -- "citing" hangs on "talks", not on "if".
    doc = build_doc(
        nlp,
        ["If", "it", "rains", ",", "Iran", "talks", ",", "citing", "Oman", "."],
        heads=[2, 2, 5, 5, 5, 5, 5, 5, 7, 5],
        deps=["mark", "nsubj", "advcl", "punct", "nsubj", "ROOT", "punct", "advcl", "dobj", "punct"],
        tags=["IN", "PRP", "VBZ", ",", "NNP", "VBZ", ",", "VBG", "NNP", "."],
        pos=["SCONJ", "PRON", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "VERB", "PROPN", "PUNCT"],
    )
    assert polarity_and_modality(MODALITY, doc, 7) == (False, "asserted")


def test_lexicon_rejects_yaml_booleans() -> None:
    # A bare ``no`` in YAML is False; the loader must refuse it rather than lose the word.
    with pytest.raises(KnowledgeBaseError):
        _words([False, "neither"])
    assert "no" in MODALITY.negating_determiners
