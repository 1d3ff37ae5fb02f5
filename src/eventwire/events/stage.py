"""The rule-based event coder (stage ``events.rules``).

For each sentence: find lexicon triggers in the parse (``triggers``), let frames absorb
the events they govern (``frames``), keep the main event(s) (``select``), then assemble
each ``Event`` with its CAMEO facts from the ontology, its actors (``arguments``), its
negation and modality (``modality``) and a confidence score.

Options: ``RuleCoderOptions`` (``[options."events.rules"]`` in the settings file). Extra
trigger lexicons in the format of ``eventwire/data/lexicon/*.yaml`` come from the
``lexicon_files`` setting (part of the knowledge bundle); an entry with a packaged entry's
id replaces it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventwire.events.argument_tables import ArgumentTables
from eventwire.events.arguments import ArgumentContext, Arguments, completeness, find_arguments
from eventwire.events.clauses import (
    in_bystander_clause,
    is_casualty_outcome,
    is_standing_state,
    per_main_clause,
)
from eventwire.events.companions import FORCE_TYPES, PROTEST_CAMEO, participant_mention, relative_protest
from eventwire.events.frames import Candidate, FrameResolver
from eventwire.events.lexicon import Lexicon
from eventwire.events.modality import ModalityLexicon, is_indicative_clause, polarity_and_modality
from eventwire.events.ontology import Ontology
from eventwire.events.select import (
    Ranked,
    confidence,
    is_background,
    is_definite,
    rank,
    reported_events,
    select,
)
from eventwire.events.senses import joint_counterpart, with_rescue_sense
from eventwire.events.triggers import TriggerMatch, find_triggers, governor_of, topic_triggers
from eventwire.events.violence import with_party_code
from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import Actor, Event, Mention, Modality
from eventwire.records import Span as TextSpan
from eventwire.registry import StageContext, stage_factory

# Who speaks for the source's own side in a warning it reports about itself.
FIRST_PERSON = frozenset({"i", "we", "us"})
# What a threatened reaction is aimed at: "react *to* X", "retaliate *against* X", "strike back *at* X".
AIM_PREPS = frozenset({"to", "against", "on", "at"})
BORDER_WORDS = frozenset({"border", "frontier", "boundary", "borderland"})
# Sectors that speak for a state; insurgents or opposition of the same country are another side.
STATE_SECTORS = frozenset({"GOV", "MIL"})
# Verbs by which a group owns an attack already told ("the TTP claimed the attack").
CLAIM_VERBS = frozenset({"claim"})


def trigger_span(text: str, doc: Doc, match: TriggerMatch) -> TextSpan:
    """The trigger phrase as character offsets into the article ``text`` the doc was parsed from.

    The slice is taken from the article's string, not ``doc.text``: spaCy rebuilds
    ``doc.text`` from every token on each access, which made coding a long article
    quadratic (seconds per event on a 15,000-word text).
    """
    first, last = doc[min(match.tokens)], doc[max(match.tokens)]
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(text=text[start:end], start=start, end=end)


NOUN_PLACE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


class RuleCoder:
    """Stage ``events.rules``: lexicon triggers -> frames -> selection -> Events."""

    name = "events.rules"

    def __init__(
        self,
        lexicon: Lexicon,
        ontology: Ontology,
        tables: ArgumentTables,
        modality: ModalityLexicon,
        max_per_sentence: int = 1,
        *,
        per_main_clause: bool = True,
        keep_hypothetical: bool = False,
    ) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.arguments = ArgumentContext.of(tables, lexicon)
        self.modality = modality
        self.resolver = FrameResolver(lexicon, ontology)
        self.max_per_sentence = max_per_sentence
        self.per_main_clause = per_main_clause
        self.keep_hypothetical = keep_hypothetical

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        events: list[Event] = []
        for sent in parsed.doc.sents:
            kept, pool = self._select_in(parsed.doc, sent)
            kept = _without_outcomes(parsed, kept, events)
            claims = [r for r in kept if _claims_a_told_attack(parsed.doc, r, kept, events)]
            kept = [r for r in kept if r not in claims]
            coded = [e for item in _in_text_order(kept) for e in self._code_with_reported(parsed, item)]
            events += coded + self._companions(parsed, sent, coded, kept, pool)
            events = _with_claimants(events, [self._code(parsed, r) for r in claims])
        return parsed.with_(events=parsed.events + tuple(events))

    def _companions(
        self, parsed: ParsedArticle, sent: Span, coded: list[Event], kept: list[Ranked], pool: list[Ranked]
    ) -> list[Event]:
        """A protest the sentence reports beside the force used on it (see ``companions``)."""
        if not any(e.plover in FORCE_TYPES and not e.negated and e.modality == "asserted" for e in coded):
            return []
        gathered = relative_protest(kept, pool, parsed.doc)
        if gathered is not None:
            event = self._code(parsed, gathered)
            return [event] if not event.negated and event.modality == "asserted" else []
        participants = participant_mention(coded, parsed.mentions_in(sent.start, sent.end))
        return [self._participant_protest(parsed, participants)] if participants is not None else []

    def _participant_protest(self, parsed: ParsedArticle, mention: Mention) -> Event:
        """A generic PROTEST by the participants an act of force names; its target comes later."""
        record = self.ontology.cameo(PROTEST_CAMEO)
        head = parsed.doc[mention.head if mention.head is not None else mention.token_start]
        trigger = TextSpan(text=head.text, start=head.idx, end=head.idx + len(head.text))
        assert mention.actor is not None
        return Event(
            plover="PROTEST",
            cameo=record.code,
            mode=record.mode if record.plover == "PROTEST" else None,
            context=record.context,
            goldstein=record.goldstein,
            quad=record.quad,
            source=(mention.actor,),
            sentence=parsed.sentence_index(head),
            trigger=trigger,
            confidence=confidence(0.5, 0.5, 0.5, "asserted"),
            coder="rules",
        )

    def _code_with_reported(self, parsed: ParsedArticle, item: Ranked) -> list[Event]:
        """The event, plus the nominal event a reaction is about when someone else did it.

        "Japan protested *the increase in Chinese troops*": the build-up is China's, so it is
        a MOBILIZE event of its own and the protest is aimed at China. A nominal event with no
        actor, or done by the reacting side itself, stays part of the reaction only.
        """
        event = self._code(parsed, item)
        counterpart = joint_counterpart(parsed.doc, item.candidate.match)
        if counterpart is not None:
            partner = self._code(
                parsed, replace(item, candidate=Candidate(counterpart, item.candidate.anchor))
            )
            return sorted([event, partner], key=lambda e: e.plover)
        if item.reported is None:
            return [event]
        reported = with_mover(parsed, self._code(parsed, item.reported), item.reported.candidate.match)
        if not reported.source or not event.source or any(_on_side(a, event.source) for a in reported.source):
            return [event]
        return sorted([replace(event, target=reported.source), reported], key=lambda e: e.trigger.start)

    def selected(self, doc: Doc) -> Iterator[Ranked]:
        """The kept candidates of every sentence, in text order."""
        for sent in doc.sents:
            yield from _in_text_order(self._select_in(doc, sent)[0])

    def _select_in(self, doc: Doc, sent: Span) -> tuple[list[Ranked], list[Ranked]]:
        """The kept candidates of one sentence, and every candidate ranked (the pool)."""
        matches = [with_rescue_sense(doc, m) for m in find_triggers(doc, self.lexicon, sent.start, sent.end)]
        ranked = rank(doc, self.resolver.resolve(doc, matches), self.lexicon.frames)
        # topic nouns are never events alone, but may be what a reaction is about
        topics = [Candidate(m, m.token) for m in topic_triggers(doc, self.lexicon, sent.start, sent.end)]
        pool = ranked + rank(doc, topics, self.lexicon.frames)
        framing = self.arguments.tables.framing_nouns
        # background nouns stay in the pool: a reaction may be about them, a companion may use them
        foreground = [
            r for r in ranked if not _is_background(doc, r.candidate.match, framing) and self._realis(doc, r)
        ]
        kept = select(foreground, self.max_per_sentence)
        if self.per_main_clause:
            kept = per_main_clause(doc, foreground, kept, self.lexicon.frames)
        return reported_events(kept, pool, doc), pool

    def _realis(self, doc: Doc, item: Ranked) -> bool:
        """The candidate reports something done or announced, not only supposed ("may recall",
        "could block ... if", "economists expect X to seek"): a supposition is no event, and it
        must not take the place of the sentence's real event."""
        if self._statement_not_demand(doc, item):
            return False
        if self.keep_hypothetical or item.candidate.asserted:
            return True
        return polarity_and_modality(self.modality, doc, item.candidate.match.token)[1] != "hypothetical"

    def _statement_not_demand(self, doc: Doc, item: Ranked) -> bool:
        """A verb of saying that can also demand ("insist") states when its clause is
        indicative: "it had not expelled anyone, the ministry *insisted*" is no demand."""
        match = item.candidate.match
        verb = doc[match.token]
        if (
            match.plover != "REQUEST"
            or match.nominal
            or verb.lemma_.lower() not in self.lexicon.frames.reporting
        ):
            return False
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        return bool(clauses) and all(is_indicative_clause(c) for c in clauses)

    def _code(self, parsed: ParsedArticle, item: Ranked) -> Event:
        candidate = item.candidate
        match = candidate.match
        doc = parsed.doc
        negated, modality = polarity_and_modality(self.modality, doc, match.token)
        if candidate.negation_absorbed:
            negated = False
        if candidate.asserted:
            modality = "asserted"
        ctx = self.arguments
        arguments = own_side_threat(ctx, parsed, match, frame_arguments(ctx, parsed, candidate))
        if match.plover == "MOBILIZE" and not arguments.target:
            arguments = replace(arguments, target=border_state(parsed, doc[match.token], arguments.source))
        match = with_party_code(match, doc[match.token], arguments.source)
        return Event(
            plover=match.plover,
            **self.ontology.cameo(match.cameo).coding(match.plover, match.mode),
            source=arguments.source,
            target=arguments.target,
            negated=negated,
            modality=_modality(modality),
            sentence=parsed.sentence_index(doc[match.token]),
            trigger=trigger_span(parsed.article.text, doc, match),
            confidence=confidence(match.strength, arguments.completeness, item.depth, modality),
            coder="rules",
        )


def _without_outcomes(parsed: ParsedArticle, kept: list[Ranked], earlier: list[Event]) -> list[Ranked]:
    """The kept candidates less the casualties of an attack told in this or the previous
    sentence ("rebels ambushed a patrol; three soldiers were killed"): one attack, coded once,
    with the CAMEO code of the act rather than that of the killing."""
    doc = parsed.doc
    here = parsed.sentence_index(doc[kept[0].candidate.match.token]) if kept else 0
    told = any(r.candidate.match.plover == "ASSAULT" and not _is_outcome(doc, r) for r in kept) or any(
        e.plover == "ASSAULT" and e.sentence == here - 1 and e.source for e in earlier
    )
    return [r for r in kept if not (told and _is_outcome(doc, r))]


def _claims_a_told_attack(doc: Doc, item: Ranked, kept: list[Ranked], earlier: list[Event]) -> bool:
    """ "A bomb exploded at a rally ... *Islamic State claimed the attack*": a definite attack
    noun under "claim" refers back to the attack already told; the claim names its author
    and adds no second attack."""
    match = item.candidate.match
    if match.plover != "ASSAULT" or not match.nominal or not is_definite(doc[match.token]):
        return False
    governor = governor_of(doc[match.token])
    told = any(e.plover == "ASSAULT" and not e.negated for e in earlier) or any(
        r.candidate.match.plover == "ASSAULT" and r.candidate.match.token < match.token for r in kept
    )
    return told and governor is not None and governor.lemma_.lower() in CLAIM_VERBS


def _with_claimants(events: list[Event], claims: list[Event]) -> list[Event]:
    """The last attack told before each claim, given the claimant as its source if it had none."""
    for claim in claims:
        last = max((i for i, e in enumerate(events) if e.plover == "ASSAULT"), default=None)
        if last is not None and not events[last].source and claim.source:
            events = [*events[:last], replace(events[last], source=claim.source), *events[last + 1 :]]
    return events


def _is_outcome(doc: Doc, item: Ranked) -> bool:
    match = item.candidate.match
    return match.plover == "ASSAULT" and not match.nominal and is_casualty_outcome(doc[match.token])


def _is_background(doc: Doc, match: TriggerMatch, framing: frozenset[str]) -> bool:
    """Scene-setting, not an event: an actorless noun in an adjunct, a bystander's clause, a
    state that has lasted "since ...", a date ("in *March*" is no march)."""
    token = doc[match.token]
    if token.ent_type_ in ("DATE", "TIME") or is_standing_state(token):
        return True
    return (_used_as_noun(doc, match) and is_background(token, framing)) or in_bystander_clause(token)


def _used_as_noun(doc: Doc, match: TriggerMatch) -> bool:
    """A nominal trigger, or a gerund the parser gives a noun's place ("as *fighting* continued")."""
    token = doc[match.token]
    if token.dep_ == "pcomp":  # "reports of *shelling*", but not "after *shelling the town*"
        return not any(c.dep_ == "dobj" for c in token.children)
    return match.nominal or token.dep_ in NOUN_PLACE_DEPS


def _in_text_order(kept: list[Ranked]) -> list[Ranked]:
    return sorted(kept, key=lambda r: r.candidate.match.token)


def _overlaps(one: tuple[Actor, ...], other: tuple[Actor, ...]) -> bool:
    return bool({a.identity for a in one} & {a.identity for a in other})


def frame_arguments(ctx: ArgumentContext, parsed: ParsedArticle, candidate: Candidate) -> Arguments:
    """Actors of an event, completing a frame's missing target from the event it governs.

    "Israel threatened to ban *Hamas*", "Serbia refused to lift the curfew on *Kosovo*":
    the governed action shares the frame's source and names the target. "Beijing demanded
    that *Washington* cancel the sale": the governed action has its own subject, and that
    is who the demand is addressed to. A demand made with "must" and no speaker in the
    sentence ("Iraq must cooperate") has only a target.
    """
    match, content = candidate.match, candidate.content
    arguments = find_arguments(ctx, parsed, match)
    if content is None or arguments.target:
        return arguments
    inner = find_arguments(ctx, parsed, content)
    source = arguments.source
    if match.token == content.token:  # "X must Y" with no speaker: X is asked, not asking
        source, target = (), inner.source
    elif not inner.source or _overlaps(inner.source, source):
        target = inner.target
    else:
        target = tuple(a for a in inner.source if a.identity not in {s.identity for s in source})
    return Arguments(source=source, target=target, completeness=completeness(ctx, match, source, target))


def _same_side(parsed: ParsedArticle, subject: Token, source: tuple[Actor, ...]) -> bool:
    """The clause subject is the source itself, its country, or a first-person pronoun."""
    if subject.lower_ in FIRST_PERSON:
        return True
    mention = parsed.mention_at(subject.i)
    return mention is not None and mention.actor is not None and _on_side(mention.actor, source)


def _on_side(actor: Actor, source: tuple[Actor, ...]) -> bool:
    """``actor`` is one of ``source`` or the state (government, army) of a source's country."""
    if _overlaps((actor,), source):
        return True
    state = actor.sector is None or actor.sector in STATE_SECTORS
    return state and actor.country is not None and actor.country in {a.country for a in source}


def _aimed_at(parsed: ParsedArticle, clause: Token, source: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The first other-side actor in the clause's object or aim phrase ("react to *Russia's* moves")."""
    heads = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
    heads += [g for c in clause.children if c.lower_ in AIM_PREPS for g in c.children if g.dep_ == "pobj"]
    for head in sorted(heads, key=lambda t: t.i):
        for mention in parsed.mentions_in(head.left_edge.i, head.right_edge.i + 1):
            actor = mention.actor
            if actor is not None and not _on_side(actor, source):
                return (actor,)
    return ()


def own_side_threat(
    ctx: ArgumentContext, parsed: ParsedArticle, match: TriggerMatch, arguments: Arguments
) -> Arguments:
    """A warning about what one's own side will do is aimed at whom that action is aimed at.

    "The minister warned that *his country* would retaliate against X": the clause subject
    is the speaker's own side (same actor or country, or "we"), so the threat's target is
    X, the object or to/against/on/at phrase of the governed clause, not the subject.
    A target found elsewhere ("warned *Moscow* that we would react") is kept.
    """
    source, verb = arguments.source, parsed.doc[match.token]
    if match.plover != "THREATEN" or not source:
        return arguments
    if any(not _on_side(a, source) for a in arguments.target):
        return arguments
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and _same_side(parsed, subjects[0], source):
            target = _aimed_at(parsed, clause, source)
            return Arguments(
                source=source, target=target, completeness=completeness(ctx, match, source, target)
            )
    return arguments


def _mover(parsed: ParsedArticle, token: Token) -> tuple[Actor, ...]:
    """The actor of the forces an "of"/"in" phrase names ("build-up *of Russian troops*",
    "increase in the number *of Chinese troops*"), one "of" deeper at most."""
    heads = [g for c in token.children if c.lower_ in ("of", "in") for g in c.children if g.dep_ == "pobj"]
    for _ in range(2):
        for head in heads:
            mention = parsed.mention_at(head.i)
            if mention is not None and mention.actor is not None:
                return (mention.actor,)
        heads = [
            g for h in heads for c in h.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
    return ()


def with_mover(parsed: ParsedArticle, event: Event, match: TriggerMatch) -> Event:
    """A movement noun's "of"-phrase names who moves: the troops of a build-up are its source.

    The argument finder reads "of X" after a noun as its object ("the arrest *of X*"), which
    is right for acts done to X but not for a build-up, where X's forces move themselves;
    inside a reaction it may also lend the noun the reacting speaker as source.
    """
    if event.plover != "MOBILIZE" or not match.nominal:
        return event
    source = _mover(parsed, parsed.doc[match.token])
    if not source:  # no forces named: keep what the argument finder found
        return event
    target = tuple(a for a in event.target if not _overlaps((a,), source))
    return replace(
        event, source=source, target=target or border_state(parsed, parsed.doc[match.token], source)
    )


def border_state(parsed: ParsedArticle, trigger: Token, source: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The state whose border forces are massed on: "troops *on the border with Ukraine*",
    "*Ukraine's* border", "the *Ukrainian* frontier". A build-up there is aimed at that state.
    The border may hang on the clause's verb: "were kept on *alert* along the Somali frontier"."""
    for token in _clause_of(trigger).subtree:
        if token.lemma_.lower() not in BORDER_WORDS:
            continue
        owners = [c for c in token.children if c.dep_ in ("poss", "amod", "compound")]
        owners += [g for c in token.children if c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        for owner in owners:
            # a border names a state even where the actor stage read the name as a place
            mention = parsed.mention_at(owner.i) or next(
                (p for p in parsed.places if p.token_start <= owner.i < p.token_end), None
            )
            actor = mention.actor if mention is not None else None
            if actor is not None and actor.country and not _overlaps((actor,), source):
                return (actor,)
    return ()


def _clause_of(trigger: Token) -> Token:
    """The verb of the clause a trigger is in (itself when it is one; at most a few steps up)."""
    token = trigger
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return trigger


def _modality(value: str) -> Modality:
    allowed: tuple[Modality, ...] = ("asserted", "future", "hypothetical", "conditional")
    return next((m for m in allowed if m == value), "asserted")


@dataclass(frozen=True)
class RuleCoderOptions:
    """Options of ``events.rules`` (``[options."events.rules"]`` in a settings file)."""

    # Main events kept per sentence. A kept reaction to another side's act ("condemned the
    # massing of troops") also brings that act along; it is not counted against this limit.
    max_per_sentence: int = 1
    # Also keep the best event of every other main clause ("workers marched; police detained
    # 150"): coordinated clauses report events of their own (events.clauses).
    per_main_clause: bool = True
    # Also code events the text only supposes (modality "hypothetical": "may recall", "could
    # block ... if ...", "is expected to", questions). Off by default: event data counts what
    # happened or was announced, and a supposition coded as an event is a false alarm.
    keep_hypothetical: bool = False


@stage_factory(
    "events.rules", requires=("mentions", "places"), provides=("events",), options=RuleCoderOptions
)
def rule_coder(context: StageContext) -> RuleCoder:
    """Rule-based PLOVER/CAMEO coder: lexicon triggers, frames, arguments, negation, modality."""
    knowledge = context.knowledge
    return RuleCoder(
        knowledge.lexicon,
        knowledge.ontology,
        knowledge.argument_tables,
        knowledge.modality,
        max_per_sentence=context.options.max_per_sentence,
        per_main_clause=context.options.per_main_clause,
        keep_hypothetical=context.options.keep_hypothetical,
    )
