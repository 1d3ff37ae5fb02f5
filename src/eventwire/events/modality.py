"""Polarity and modality of an event trigger, read from the dependency parse.

An event is *negated* when the text says it did not happen ("did not answer", "no
talks", "failed to broker", "left without signing") and its *modality* says whether it
happened ("asserted"), is announced ("future"), is only possible, wished for or asked
about ("hypothetical"), or hangs on a condition ("conditional").

Both are read on the trigger and on the words that govern it inside the same clause:
the walk climbs from the trigger through infinitival complements ("did not agree to
meet" negates *meet*; "plans to visit" makes *visit* future), through a nominal
trigger's light verb ("will impose sanctions"), through a coordinated verb that shares
its auxiliary ("will meet and sign") and through "to"-clauses of nouns ("no plans to
attack"). It stops at a clausal complement (``ccomp``): what a speaker says has its own
modality, except that a past-tense verb of saying turns "would" into a future seen from
the past ("officials said the army would withdraw").

Policy choices, documented here because a user of the data needs them:

- "refused to X" is not a negated X: the refusal is a REJECT event of its own, which the
  trigger lexicon codes; only "fail"/"neglect" negate their complement.
- "is expected to X", "is said to X" are *hypothetical*: a forecast or hearsay of the
  reporter, not the actor's intention ("Zambia expects to sign" is future).
- "denied X-ing" and "denied that X" negate X: the text reports that it did not happen.
- A stated intention ("ready to", "offered to", "threatened to", "vowed it would") is
  *future*, so that the intent stage codes it as the promise or threat it is; a wish
  ("wants to", "seeks to", "is likely to") is *hypothetical*; an attempt ("tried to hack")
  is asserted: the actor acted, and event data codes the act attempted.
- A question ("Will Brazil sign the accord?") and an embedded "whether" clause are
  *hypothetical*.
- A trigger inside the condition ("*if Serbia attacks*, Croatia will retaliate") is
  *hypothetical*; the event the condition governs is *conditional*.
- When several markers apply the strongest qualification wins:
  conditional > hypothetical > future > asserted.
- Negation counts parity along the walk, so "did not fail to attack" is not negated.
- A nominal trigger that is the subject of a passive infinitive takes its modality
  ("the meeting is to be held": future; "the summit may be held": hypothetical).
- Negation passes from a verb to its object ("did not mention a possible summit") and,
  for nouns of asking and announcing, to their topic ("did not answer questions about
  the sanctions"), but never tense or modality to that topic. A verb that takes a
  stance on an event (condemn, deny, confirm, ...: ``opaque_governors``) passes nothing
  to its object: "did not condemn the attack" reports an attack. "did not deny that
  the attack..." is double negation and stays asserted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.tokens import Doc, Token

from eventwire.errors import KnowledgeBaseError
from eventwire.nlp.vocabulary import NOUN_POS, VERB_POS, is_to_infinitive
from eventwire.records import Modality
from eventwire.resources import check_schema, load_resource

LEXICON_RESOURCE = "modality.yaml"
# The word lists each section of the file must have.
SECTION_LISTS = {
    "future": ("modals", "governors", "nouns"),
    "hypothetical": ("modals", "adverbs", "governors", "nouns", "marks", "possibility", "forecasts"),
    "conditional": ("marks", "openings", "inversions"),
    "negation": (
        "governors",
        "determiners",
        "prepositions",
        "subjects",
        "opaque_governors",
        "topic_nouns",
        "topic_prepositions",
        "refuting_governors",
        "report_nouns",
        "evidence_nouns",
    ),
}
MODALITY_SCHEMA = dict.fromkeys(SECTION_LISTS, dict) | dict.fromkeys(
    ("reporting", "aspectual", "predictions"), list
)
# Enough for any real chain of control verbs; guards against a malformed parse.
MAX_WALK = 12
OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
STRENGTH: Mapping[Modality, int] = MappingProxyType(
    {"asserted": 0, "future": 1, "hypothetical": 2, "conditional": 3}
)


@dataclass(frozen=True, slots=True)
class ModalityLexicon:
    """The words of ``data/modality.yaml``, as sets for lookup."""

    future_modals: frozenset[str]
    future_governors: frozenset[str]
    future_nouns: frozenset[str]
    hypothetical_modals: frozenset[str]
    hypothetical_adverbs: frozenset[str]
    hypothetical_governors: frozenset[str]
    hypothetical_nouns: frozenset[str]
    hypothetical_marks: frozenset[str]
    possibility_modals: frozenset[str]
    forecasts: frozenset[str]
    conditional_marks: frozenset[str]
    conditional_openings: tuple[tuple[str, ...], ...]
    conditional_inversions: frozenset[str]
    negating_governors: frozenset[str]
    negating_determiners: frozenset[str]
    negating_prepositions: frozenset[str]
    reporting: frozenset[str]
    aspectual: frozenset[str]
    predictions: frozenset[str]
    negating_subjects: frozenset[str]
    opaque_governors: frozenset[str]
    topic_nouns: frozenset[str]
    topic_prepositions: frozenset[str]
    refuting_governors: frozenset[str]
    report_nouns: frozenset[str]
    evidence_nouns: frozenset[str]


def _words(values: Any) -> frozenset[str]:
    """A YAML list as a set of lower-cased words."""
    # YAML reads a bare ``no`` as False: a non-string entry is a broken lexicon, not a word.
    bad = [v for v in values or () if not isinstance(v, str)]
    if bad:
        raise KnowledgeBaseError(f"{LEXICON_RESOURCE}: entries must be strings, got {bad!r}")
    return frozenset(v.lower() for v in values or ())


def load_modality(source: str | Path = LEXICON_RESOURCE) -> ModalityLexicon:
    """Read the modality lexicon of ``source`` (the packaged one by default; the knowledge
    bundle calls this once per pipeline)."""
    data = load_resource(source, MODALITY_SCHEMA)
    for section, lists in SECTION_LISTS.items():
        check_schema(data[section], dict.fromkeys(lists, list), f"{source}: {section}")
    fut, hyp, cond, neg = data["future"], data["hypothetical"], data["conditional"], data["negation"]
    return ModalityLexicon(
        future_modals=_words(fut["modals"]),
        future_governors=_words(fut["governors"]),
        future_nouns=_words(fut["nouns"]),
        hypothetical_modals=_words(hyp["modals"]),
        hypothetical_adverbs=_words(hyp["adverbs"]),
        hypothetical_governors=_words(hyp["governors"]),
        hypothetical_nouns=_words(hyp["nouns"]),
        hypothetical_marks=_words(hyp["marks"]),
        possibility_modals=_words(hyp["possibility"]),
        forecasts=_words(hyp["forecasts"]),
        conditional_marks=_words(cond["marks"]),
        conditional_openings=tuple(tuple(str(w).lower() for w in o) for o in cond["openings"]),
        conditional_inversions=_words(cond["inversions"]),
        negating_governors=_words(neg["governors"]),
        negating_determiners=_words(neg["determiners"]),
        negating_prepositions=_words(neg["prepositions"]),
        reporting=_words(data["reporting"]),
        aspectual=_words(data["aspectual"]),
        predictions=_words(data["predictions"]),
        negating_subjects=_words(neg["subjects"]),
        opaque_governors=_words(neg["opaque_governors"]),
        topic_nouns=_words(neg["topic_nouns"]),
        topic_prepositions=_words(neg["topic_prepositions"]),
        refuting_governors=_words(neg["refuting_governors"]),
        report_nouns=_words(neg["report_nouns"]),
        evidence_nouns=_words(neg["evidence_nouns"]),
    )


def _words_of(token: Token) -> frozenset[str]:
    """Lemma and lower-cased form: "going" must match while "went" must not."""
    return frozenset({token.lemma_.lower(), token.lower_})


def _has_own_clause(token: Token) -> bool:
    return any(c.dep_ in OWN_CLAUSE_DEPS for c in token.children)


def _passive_complement(noun: Token) -> Token | None:
    """ "the meeting *is to be held*", "the summit is expected *to be held*": the subject of
    a verb is the logical object of the subject-less passive infinitive it governs."""
    if noun.pos_ not in NOUN_POS or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    passives = [
        c
        for c in noun.head.children
        if c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) and not _has_subject(c)
    ]
    return passives[0] if passives else None


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _step_up(token: Token, lex: ModalityLexicon) -> Token | None:
    """The governor whose tense, modality and negation ``token`` shares, if any."""
    head, dep = token.head, token.dep_
    if head.i == token.i:
        return None
    passive = _passive_complement(token)
    if passive is not None:
        return passive  # "the meeting is to be held": then up through "is" (future)
    if token.pos_ in NOUN_POS and dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in VERB_POS:
        # "did not go *on strike*": an aspectual verb's phrase carries the noun's event
        return head.head if _words_of(head.head) & lex.aspectual else None
    noun_to_verb = token.pos_ in NOUN_POS and head.pos_ in VERB_POS
    if noun_to_verb and dep == "dobj" and _words_of(head) & lex.opaque_governors:
        return None  # "condemned the attack": the attack happened whatever the stance
    shares = (
        dep in ("xcomp", "acomp")  # "agreed to meet", "is likely to reject"
        or (dep == "acl" and head.pos_ in NOUN_POS and is_to_infinitive(token))  # "plans to visit"
        or (dep == "conj" and not _has_own_clause(token))  # "will meet and sign"
        or (noun_to_verb and dep in ("dobj", "nsubjpass"))  # "will impose sanctions"
        or (noun_to_verb and dep == "nsubj" and head.lemma_.lower() in lex.aspectual)  # "talks will resume"
    )
    return head if shares else None


def governing_chain(lex: ModalityLexicon, token: Token) -> list[Token]:
    """The trigger and the words above it that lend it negation and modality."""
    chain = [token]
    for _ in range(MAX_WALK):
        up = _step_up(chain[-1], lex)
        if up is None or up in chain:
            break
        chain.append(up)
    return chain


def _opens_with(tokens: list[Token], openings: tuple[tuple[str, ...], ...]) -> bool:
    words = [t.lower_ for t in tokens if not t.is_punct][:4]
    return any(tuple(words[: len(o)]) == o for o in openings)


def _is_condition_clause(token: Token, lex: ModalityLexicon) -> bool:
    """``token`` heads an "if"/"unless"/"as long as"/"provided that" clause, or an inverted one
    ("*Had* the truce collapsed, ...")."""
    if any(c.dep_ == "mark" and c.lemma_.lower() in lex.conditional_marks for c in token.children):
        return True
    if token.dep_ == "advcl" and _is_inverted(token, lex):
        return True
    if token.dep_ == "advcl" and _opens_with(list(token.subtree), lex.conditional_openings):
        return True
    # "as long as X" hangs X on "long"; "provided that X" hangs X on "provided".
    hinge = token.head
    return (
        token.dep_ in ("advcl", "pcomp")
        and hinge.dep_ in ("prep", "advmod")
        and _opens_with(list(hinge.subtree), lex.conditional_openings)
    )


def _is_inverted(clause: Token, lex: ModalityLexicon) -> bool:
    """The clause opens with its auxiliary before its subject: "Had the truce collapsed"."""
    first = clause.left_edge
    opens = first.dep_ in ("aux", "auxpass") and first.lower_ in lex.conditional_inversions
    return opens and first.head == clause


def _governs_condition(token: Token, lex: ModalityLexicon) -> bool:
    """``token`` has a condition attached: "will lift the embargo provided that..."."""
    for child in token.children:
        if child.dep_ == "advcl" and _is_condition_clause(child, lex):
            return True
        if child.dep_ in ("prep", "advmod") and _opens_with(list(child.subtree), lex.conditional_openings):
            return True
    return False


def _reporting_governor(chain: list[Token], lex: ModalityLexicon) -> Token | None:
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in lex.reporting:
        return top.head
    return None


def _hypothetical_markers(lex: ModalityLexicon) -> frozenset[tuple[str, str]]:
    """(dependency, lemma) pairs that make a clause hypothetical: "possibly", "whether"."""
    adverbs = {("advmod", w) for w in lex.hypothetical_adverbs}
    return frozenset(adverbs | {("mark", w) for w in lex.hypothetical_marks})


def _modal_marks(token: Token, lex: ModalityLexicon, backshifted: bool) -> set[Modality]:
    """Modality shown by the token's own auxiliaries, adverbs and subordinators."""
    found: set[Modality] = set()
    hypothetical = _hypothetical_markers(lex)
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "aux" and child.tag_ == "MD":
            if lemma == "would" and _is_perfect(token):
                found.add("hypothetical")  # "would have resumed": counterfactual, never a plan
            elif lemma in lex.future_modals or (lemma == "would" and backshifted):
                found.add("future")
            elif lemma in lex.hypothetical_modals:
                found.add("hypothetical")
        elif (child.dep_, lemma) in hypothetical:
            found.add("hypothetical")
    if _is_condition_clause(token, lex):
        found.add("hypothetical")  # "if Serbia attacks, ...": a supposition, not a plan
    if _governs_condition(token, lex):
        found.add("conditional")  # "..., Croatia will retaliate"
    return found


def _is_perfect(verb: Token) -> bool:
    """ "would *have* resumed": a perfect after the modal."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)


def _only_possible(chain: list[Token], lex: ModalityLexicon) -> bool:
    """A modal of possibility or a counterfactual perfect along the chain: what hangs on a
    condition there is supposed, not promised ("may recall ... if", "would have shelled")."""
    for token in chain:
        modals = [c for c in token.children if c.dep_ == "aux" and c.tag_ == "MD"]
        if any(m.lemma_.lower() in lex.possibility_modals for m in modals):
            return True
        if any(m.lemma_.lower() == "would" for m in modals) and _is_perfect(token):
            return True
    return False


def _forecast_governor(top: Token, lex: ModalityLexicon) -> bool:
    """ "economists *expect* Ghana to seek", "analysts *predict* that X will ...": a clause with
    its own subject under a verb of forecasting is that forecast, not the actor's intent."""
    return top.dep_ == "ccomp" and _has_subject(top) and bool(_words_of(top.head) & lex.forecasts)


def _governor_marks(governor: Token, lex: ModalityLexicon) -> set[Modality]:
    """Modality lent by a word that takes the trigger as a "to"-complement."""
    words = _words_of(governor)
    if words & lex.predictions and any(c.dep_ == "auxpass" for c in governor.children):
        return {"hypothetical"}  # "is expected to fall": the reporter's forecast
    is_noun = governor.pos_ in NOUN_POS
    found: set[Modality] = set()
    if words & (lex.future_nouns if is_noun else lex.future_governors):
        found.add("future")
    if words & (lex.hypothetical_nouns if is_noun else lex.hypothetical_governors):
        found.add("hypothetical")
    return found


def _negations(token: Token, lex: ModalityLexicon) -> int:
    """How many times the token itself is negated."""
    count = sum(1 for c in token.children if c.dep_ == "neg")
    count += sum(
        1 for c in token.children if c.dep_ == "det" and c.lemma_.lower() in lex.negating_determiners
    )
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in lex.negating_prepositions:
        count += 1
    return count


def _negated_subject(verb: Token, below: Token | None, lex: ModalityLexicon) -> bool:
    """ "No troops were sent", "nobody was arrested": the subject says it did not happen."""
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject == below:
            continue
        if subject.lemma_.lower() in lex.negating_subjects:
            return True
        if any(c.dep_ == "det" and c.lemma_.lower() in lex.negating_determiners for c in subject.children):
            return True
    return False


def _topic_carrier(token: Token, lex: ModalityLexicon) -> Token | None:
    """The object noun whose topic ``token`` is: "did not answer questions *about the sanctions*".

    Only nouns of saying and planning pass their verb's negation to their topic: what was
    not asked, answered or announced is not reported as having happened. "did not visit
    the scene of the attack" passes nothing: the attack happened.
    """
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in lex.topic_prepositions:
        return None
    carrier = prep.head
    if carrier.dep_ != "dobj" or not _words_of(carrier) & lex.topic_nouns:
        return None
    return carrier


def _chain_negations(chain: list[Token], lex: ModalityLexicon) -> int:
    """Negations along a governing chain (its own words and negative subjects)."""
    return sum(
        _negations(token, lex) + _negated_subject(token, below, lex)
        for below, token in zip([None, *chain], chain, strict=False)
    )


def _refuted_report(top: Token, lex: ModalityLexicon) -> int:
    """Negations from a refuted or absent report: "denied reports *that it had shelled*" (1),
    "did not deny reports that ..." (2: asserted), "no reports *of fighting*", "no reports
    *that it shelled*" (1); 0 if none."""
    noun = top.head
    if top.dep_ in ("acl", "ccomp") and _words_of(noun) & (lex.report_nouns | lex.evidence_nouns):
        count = _negations(noun, lex)  # "there were *no* reports that ..."
        verb = noun.head
        if noun.dep_ == "dobj" and _words_of(verb) & lex.refuting_governors:
            count += 1 + _negations(verb, lex)
        return count
    if top.dep_ == "pobj" and noun.lower_ == "of" and _words_of(noun.head) & lex.evidence_nouns:
        return _negations(noun.head, lex)
    return 0


def is_indicative_clause(verb: Token) -> bool:
    """A finite clause that states rather than asks: "(insisted) that it *had not expelled*",
    "it *would not withdraw*", "it *is* ready"; not the bare verb of a demand ("demanded that
    Britain *release* the tanker") nor an infinitive."""
    if verb.tag_ in ("VBD", "VBZ"):
        return True
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxiliaries & {"has", "have", "had", "will", "would", "is", "are", "was", "were"})


def _is_question(token: Token) -> bool:
    text = token.sent.text.rstrip().rstrip("\"'”’)")
    return text.endswith("?")


def polarity_and_modality(lex: ModalityLexicon, doc: Doc, token_i: int) -> tuple[bool, Modality]:
    """(negated, modality) of the event whose trigger head is ``doc[token_i]``, by the words of ``lex``."""
    chain = governing_chain(lex, doc[token_i])
    reporter = _reporting_governor(chain, lex)
    backshifted = reporter is not None and reporter.tag_ == "VBD"
    negations = 0
    marks: set[Modality] = set()
    for below, token in zip([None, *chain], chain, strict=False):
        negations += _negations(token, lex) + _negated_subject(token, below, lex)
        marks |= _modal_marks(token, lex, backshifted)
        if below is not None and below.dep_ in ("xcomp", "acl"):
            marks |= _governor_marks(token, lex)
            negations += bool(_words_of(token) & lex.negating_governors)
    top = chain[-1]
    carrier = _topic_carrier(top, lex)
    if carrier is not None:  # negation only: "will answer questions about X" is no future X
        negations += _chain_negations(governing_chain(lex, carrier), lex)
    if top.dep_ == "ccomp" and _words_of(top.head) & lex.negating_governors:
        negations += 1 + _negations(top.head, lex)  # "denied that it shelled" ("did not deny": no)
    negations += _refuted_report(top, lex)
    if _is_question(doc[token_i]) or _forecast_governor(top, lex):
        marks.add("hypothetical")
    if "conditional" in marks and _only_possible(chain, lex):
        marks = (marks - {"conditional"}) | {"hypothetical"}
    modality: Modality = max(marks, key=STRENGTH.__getitem__, default="asserted")
    return negations % 2 == 1, modality
