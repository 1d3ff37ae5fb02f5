"""Attribution rules on hand-built parses: each test states the parse it assumes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.quotes.attribution import Attributor
from eventwire.quotes.rules import (
    according_agent,
    agent_phrase,
    agents_of,
    name_span,
    named_head,
    sentence_reporters,
    subject_of,
)
from tests.conftest import build_doc, shared_knowledge

# (word, head, dep, pos, tag, lemma, entity IOB)
Row = tuple[str, int, str, str, str, str, str]


def _doc(nlp: Language, rows: Sequence[Row]) -> Doc:
    words, heads, deps, pos, tags, lemmas, ents = zip(*rows, strict=True)
    return build_doc(nlp, words, heads, deps, tags=tags, pos=pos, lemmas=lemmas, ents=ents)


def _media(token: Token) -> bool:
    cues = shared_knowledge().quote_cues
    return cues.is_media_phrase(agent_phrase(token, cues).text)


CALLING: list[Row] = [
    ("Biden", 1, "nsubj", "PROPN", "NNP", "Biden", "B-PERSON"),
    ("opposed", 1, "ROOT", "VERB", "VBD", "oppose", "O"),
    ("it", 1, "dobj", "PRON", "PRP", "it", "O"),
    (",", 1, "punct", "PUNCT", ",", ",", "O"),
    ("calling", 1, "advcl", "VERB", "VBG", "call", "O"),
    ("it", 4, "dobj", "PRON", "PRP", "it", "O"),
    ("bad", 4, "oprd", "ADJ", "JJ", "bad", "O"),
]

WARNING: list[Row] = [
    ("Ek", 1, "nsubj", "PROPN", "NNP", "Ek", "B-PERSON"),
    ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
    ("deficit", 4, "nsubj", "NOUN", "NN", "deficit", "O"),
    ("would", 4, "aux", "AUX", "MD", "would", "O"),
    ("narrow", 1, "ccomp", "VERB", "VB", "narrow", "O"),
    (",", 4, "punct", "PUNCT", ",", ",", "O"),
    ("warning", 4, "advcl", "VERB", "VBG", "warn", "O"),
    ("that", 9, "mark", "SCONJ", "IN", "that", "O"),
    ("prices", 9, "nsubj", "NOUN", "NNS", "price", "O"),
    ("rose", 6, "ccomp", "VERB", "VBD", "rise", "O"),
]

SPEAKING: list[Row] = [
    ("Speaking", 6, "advcl", "VERB", "VBG", "speak", "O"),
    ("to", 0, "prep", "ADP", "IN", "to", "O"),
    ("Reuters", 1, "pobj", "PROPN", "NNP", "Reuters", "B-ORG"),
    (",", 6, "punct", "PUNCT", ",", ",", "O"),
    ("a", 5, "det", "DET", "DT", "a", "O"),
    ("diplomat", 6, "nsubj", "NOUN", "NN", "diplomat", "O"),
    ("said", 6, "ROOT", "VERB", "VBD", "say", "O"),
    ("talks", 8, "nsubj", "NOUN", "NNS", "talk", "O"),
    ("failed", 6, "ccomp", "VERB", "VBD", "fail", "O"),
]

IN_A_STATEMENT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the", "O"),
    ("ministry", 2, "nsubj", "NOUN", "NN", "ministry", "O"),
    ("said", 2, "ROOT", "VERB", "VBD", "say", "O"),
    ("in", 2, "prep", "ADP", "IN", "in", "O"),
    ("a", 5, "det", "DET", "DT", "a", "O"),
    ("statement", 3, "pobj", "NOUN", "NN", "statement", "O"),
    ("that", 9, "mark", "SCONJ", "IN", "that", "O"),
    ("measures", 9, "nsubjpass", "NOUN", "NNS", "measure", "O"),
    ("would", 9, "aux", "AUX", "MD", "would", "O"),
    ("follow", 5, "acl", "VERB", "VB", "follow", "O"),
]

ASKED: list[Row] = [
    ("Asked", 5, "advcl", "VERB", "VBN", "ask", "O"),
    ("whether", 3, "mark", "SCONJ", "IN", "whether", "O"),
    ("talks", 3, "nsubj", "NOUN", "NNS", "talk", "O"),
    ("end", 0, "ccomp", "VERB", "VBP", "end", "O"),
    ("Weber", 5, "nsubj", "PROPN", "NNP", "Weber", "B-PERSON"),
    ("replied", 5, "ROOT", "VERB", "VBD", "reply", "O"),
]

CITING: list[Row] = [
    ("Russian", 2, "amod", "ADJ", "JJ", "russian", "B-NORP"),
    ("news", 2, "compound", "NOUN", "NN", "news", "O"),
    ("agency", 4, "nsubj", "NOUN", "NN", "agency", "O"),
    ("TASS", 4, "nsubj", "PROPN", "NNP", "TASS", "B-ORG"),
    ("reported", 4, "ROOT", "VERB", "VBD", "report", "O"),
    (",", 4, "punct", "PUNCT", ",", ",", "O"),
    ("citing", 4, "advcl", "VERB", "VBG", "cite", "O"),
    ("Lavrov", 6, "dobj", "PROPN", "NNP", "Lavrov", "B-PERSON"),
]

OUTER_REPORT: list[Row] = [
    ("Weber", 1, "nsubj", "PROPN", "NNP", "Weber", "B-PERSON"),
    ("said", 7, "ccomp", "VERB", "VBD", "say", "O"),
    ("Germany", 4, "nsubj", "PROPN", "NNP", "Germany", "B-GPE"),
    ("would", 4, "aux", "AUX", "MD", "would", "O"),
    ("halt", 1, "ccomp", "VERB", "VB", "halt", "O"),
    (",", 7, "punct", "PUNCT", ",", ",", "O"),
    ("Reuters", 7, "nsubj", "PROPN", "NNP", "Reuters", "B-ORG"),
    ("reported", 7, "ROOT", "VERB", "VBD", "report", "O"),
]

ACCORDING: list[Row] = [
    ("Talks", 1, "nsubj", "NOUN", "NNS", "talk", "O"),
    ("failed", 1, "ROOT", "VERB", "VBD", "fail", "O"),
    (",", 1, "punct", "PUNCT", ",", ",", "O"),
    ("according", 1, "prep", "VERB", "VBG", "accord", "O"),
    ("to", 3, "prep", "ADP", "IN", "to", "O"),
    ("local", 7, "amod", "ADJ", "JJ", "local", "O"),
    ("media", 7, "compound", "NOUN", "NNS", "medium", "O"),
    ("reports", 4, "pobj", "NOUN", "NNS", "report", "O"),
]

STATEMENT: list[Row] = [
    ("A", 1, "det", "DET", "DT", "a", "O"),
    ("statement", 5, "nsubj", "NOUN", "NN", "statement", "O"),
    ("from", 1, "prep", "ADP", "IN", "from", "O"),
    ("spokeswoman", 4, "compound", "NOUN", "NN", "spokeswoman", "O"),
    ("Haddad", 2, "pobj", "PROPN", "NNP", "Haddad", "B-PERSON"),
    ("said", 5, "ROOT", "VERB", "VBD", "say", "O"),
    ("talks", 7, "nsubj", "NOUN", "NNS", "talk", "O"),
    ("ended", 5, "ccomp", "VERB", "VBD", "end", "O"),
]

APPOSED: list[Row] = [
    ("the", 1, "det", "DET", "DT", "the", "O"),
    ("prosecutor", 6, "nsubj", "NOUN", "NN", "prosecutor", "O"),
    (",", 1, "punct", "PUNCT", ",", ",", "O"),
    ("Helena", 4, "compound", "PROPN", "NNP", "Helena", "B-PERSON"),
    ("Marsh", 1, "appos", "PROPN", "NNP", "Marsh", "I-PERSON"),
    (",", 1, "punct", "PUNCT", ",", ",", "O"),
    ("said", 6, "ROOT", "VERB", "VBD", "say", "O"),
]


def test_participle_cue_borrows_the_main_subject(nlp: Language) -> None:
    doc = _doc(nlp, CALLING)
    assert subject_of(doc[4]) == doc[0]


def test_speaking_participle_on_a_reported_clause_belongs_to_the_reporting_verb(nlp: Language) -> None:
    doc = _doc(nlp, WARNING)
    assert subject_of(doc[6]) == doc[0]  # not "deficit", the subject of the reported clause


def test_passive_participle_cue_has_no_speaker(nlp: Language) -> None:
    doc = _doc(nlp, ASKED)
    assert subject_of(doc[0]) is None
    assert subject_of(doc[5]) == doc[4]


def test_citing_makes_the_outlet_a_reporter(nlp: Language) -> None:
    doc = _doc(nlp, CITING)
    agents = agents_of(doc[4], shared_knowledge().quote_cues, _media)
    assert agents.speaker == doc[7]
    assert agents.reporters == (doc[3],)  # the name next to the verb, not "news agency"


def test_outer_report_verb_relays_the_inner_speaker(nlp: Language) -> None:
    doc = _doc(nlp, OUTER_REPORT)
    lex = shared_knowledge().quote_cues
    speech = agents_of(doc[1], lex, _media)
    assert speech.speaker == doc[0] and speech.reporters == ()
    assert sentence_reporters(doc[:], doc[1], doc[0], lex, _media) == (doc[6],)
    # The report verb alone: an outlet reporting is no speaker.
    assert agents_of(doc[7], lex, _media).speaker is None


def test_according_to_media_reports(nlp: Language) -> None:
    doc = _doc(nlp, ACCORDING)
    lex = shared_knowledge().quote_cues
    assert according_agent(doc[3], lex) == doc[7]
    assert agents_of(doc[3], lex, _media).speaker is None  # "local media" is an outlet
    assert sentence_reporters(doc[:], None, None, lex, _media) == (doc[7],)


def test_statement_from_a_person_makes_the_person_the_speaker(nlp: Language) -> None:
    doc = _doc(nlp, STATEMENT)
    agents = agents_of(doc[5], shared_knowledge().quote_cues, _media)
    assert agents.speaker == doc[4]
    assert name_span(doc[4]).text == "spokeswoman Haddad"


@pytest.mark.parametrize(("index", "expected"), [(1, "Helena Marsh"), (4, "Helena Marsh")])
def test_a_name_in_apposition_beats_the_title(nlp: Language, index: int, expected: str) -> None:
    doc = _doc(nlp, APPOSED)
    assert name_span(named_head(doc[index])).text == expected


def test_speaking_to_a_named_outlet_makes_it_a_reporter(nlp: Language) -> None:
    doc = _doc(nlp, SPEAKING)
    agents = agents_of(doc[6], shared_knowledge().quote_cues, _media)
    assert agents.speaker == doc[5] and agents.reporters == (doc[2],)


def test_that_clause_hung_on_the_statement_is_still_reported_speech(nlp: Language) -> None:
    doc = _doc(nlp, IN_A_STATEMENT)
    [draft] = Attributor(doc, shared_knowledge().quote_cues, _media).indirect_drafts([])
    assert doc.text[draft.start : draft.end] == "measures would follow"
    assert draft.speaker == doc[1] and not draft.direct
