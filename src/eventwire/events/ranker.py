"""Stage ``events.ranker``: a learned sentence classifier checks the rule coder's event types.

The rule coder decides a trigger's type from its lemma and a few argument conditions; the
ranker (``ranker_model``) reads the whole sentence and gives a probability to each of the 16
PLOVER types. The stage uses it in two ways, both conservative because the classifier alone
is much weaker than the rules (it ranks, it does not find events or their actors):

* **choose a sense**: when another lexicon entry of the trigger's word fits it in its parse
  with another type ("struck" is ASSAULT, and PROTEST for workers on strike; "blocked the
  road" is a protest blockade or a police cordon), the event takes that type if the
  classifier gives it ``switch_ratio`` times the rule's probability and at least
  ``switch_min``. Only senses whose conditions hold are chosen, so the ranker never invents a
  reading of a word nor overrules what the arguments say.
* **veto**: the only event of a sentence is dropped when its type gets less than
  ``veto_below`` while another type gets at least ``veto_confidence``.

Negated and non-asserted events are left alone: the statement-of-intent stage
(``events.intent``, which runs after this one) recodes them, and the sentence's words then
speak of the promise or threat, not of the action the rules found.

Selected by name: add ``"events.ranker"`` after ``"events.rules"`` in the ``stages`` setting.
Measured against the rules alone in docs/evaluation.md ("The learned ranker").
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc, Token

from eventwire.events.lexicon import LexEntry, Lexicon
from eventwire.events.ontology import Ontology
from eventwire.events.ranker_model import RankerModel, load_ranker
from eventwire.events.triggers import match_entry, part_of_speech, word_forms
from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import Event
from eventwire.registry import StageContext, stage_factory

Verdict = Literal["keep", "veto", "switch"]


@dataclass(frozen=True)
class RankerOptions:
    """Options of ``events.ranker`` (``[options."events.ranker"]``)."""

    # Recode to another lexicon sense of the trigger when the classifier gives that type this
    # many times the probability of the rule's type...
    switch_ratio: float = 16.0
    # ...and at least this probability.
    switch_min: float = 0.4
    # Drop a sentence's only event when its type gets less than this probability (0: never;
    # every veto setting measured lost more true events than false ones, docs/evaluation.md)...
    veto_below: float = 0.0
    # ...and some other type at least this one.
    veto_confidence: float = 0.8
    # A weights file of one's own (``tools/train_ranker.py --output``); empty: the packaged one.
    weights: str = ""


@dataclass(frozen=True)
class Decision:
    """What to do with one rule event: keep it, drop it, or recode it as ``plover``."""

    verdict: Verdict
    plover: str | None = None


def decide(
    plover: str, probs: Mapping[str, float], senses: Collection[str], options: RankerOptions, alone: bool
) -> Decision:
    """The ranker's decision for an event of type ``plover`` in a sentence scored ``probs``.

    ``senses`` are the other types the trigger's lexicon entries give; ``alone`` says the
    event is the only one of its sentence (a sentence-level score cannot veto one of two).
    """
    own = probs.get(plover, 0.0)
    alternatives = [s for s in senses if s != plover and s in probs]
    if alternatives:
        best = max(alternatives, key=probs.__getitem__)
        if probs[best] >= options.switch_min and probs[best] >= options.switch_ratio * own:
            return Decision("switch", best)
    others = [p for name, p in probs.items() if name != plover]
    if alone and own < options.veto_below and others and max(others) >= options.veto_confidence:
        return Decision("veto")
    return Decision("keep")


def trigger_head(doc: Doc, event: Event) -> Token | None:
    """The head token of the event's trigger phrase (None when the offsets fit no tokens)."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def sense_entries(lexicon: Lexicon, token: Token) -> tuple[LexEntry, ...]:
    """The lexicon entries of any type that fit the trigger in its parse.

    An entry's conditions (the object, preposition or modifier it needs) must hold: "agreed
    to a ceasefire" has no CONCEDE sense because ``concede.accede`` needs a demand or terms as
    the object, whatever the sentence's other words suggest.
    """
    pos = part_of_speech(token, topics=True)
    if pos is None:
        return ()
    return tuple(e for e in lexicon.candidates(pos, word_forms(token)) if match_entry(e, token) is not None)


def recoded(event: Event, entry: LexEntry, ontology: Ontology) -> Event:
    """``event`` with the type, CAMEO code and scale values of lexicon sense ``entry``."""
    coding = ontology.cameo(entry.cameo).coding(entry.plover, entry.mode)
    return dataclasses.replace(event, plover=entry.plover, coder="rules+ranker", **coding)


class RankerStage:
    """Checks each asserted rule event against the classifier's reading of its sentence."""

    name = "events.ranker"

    def __init__(
        self, model: RankerModel, lexicon: Lexicon, ontology: Ontology, options: RankerOptions
    ) -> None:
        self.model = model
        self.lexicon = lexicon
        self.ontology = ontology
        self.options = options

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        if not parsed.events:
            return parsed
        sentences = list(parsed.doc.sents)
        per_sentence = Counter(e.sentence for e in parsed.events)
        scores: dict[int, dict[str, float]] = {}
        kept = []
        for event in parsed.events:
            if not _checked(event) or not 0 <= event.sentence < len(sentences):
                kept.append(event)
                continue
            if event.sentence not in scores:
                scores[event.sentence] = self.model.probabilities(sentences[event.sentence])
            checked = self.check(parsed.doc, event, scores[event.sentence], per_sentence[event.sentence] == 1)
            kept += [checked] if checked is not None else []
        return parsed.with_(events=tuple(kept))

    def check(self, doc: Doc, event: Event, probs: Mapping[str, float], alone: bool) -> Event | None:
        """The event kept, recoded to another sense, or None when vetoed."""
        head = trigger_head(doc, event)
        entries = sense_entries(self.lexicon, head) if head is not None else ()
        decision = decide(event.plover, probs, {e.plover for e in entries}, self.options, alone)
        if decision.verdict == "veto":
            return None
        if decision.verdict == "switch":
            entry = next(e for e in entries if e.plover == decision.plover)
            return recoded(event, entry, self.ontology)
        return event


def _checked(event: Event) -> bool:
    return event.coder == "rules" and not event.negated and event.modality == "asserted"


@stage_factory("events.ranker", requires=("events",), rewrites=("events",), options=RankerOptions)
def ranker_stage(context: StageContext) -> RankerStage:
    """A learned PLOVER-type classifier vetoes or re-senses rule events (measured, not default)."""
    knowledge, options = context.knowledge, context.options
    model = load_ranker(Path(options.weights)) if options.weights else knowledge.ranker
    return RankerStage(model, knowledge.lexicon, knowledge.ontology, options)
