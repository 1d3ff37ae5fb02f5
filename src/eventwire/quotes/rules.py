"""Attribution rules over the dependency parse: cue words, their speakers and their reporters.

Everything here works on spaCy tokens and returns tokens; turning a token into an
``Actor`` is the resolver's job (``resolve.py``), so these rules can be tested on
hand-built parses without any actor knowledge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.nlp.vocabulary import NOMINAL_POS, RELATIVE_TAGS_NOT_POSSESSIVE
from eventwire.quotes.lexicon import QuoteLexicon

# A cue without its own subject borrows it from the verb it hangs on:
# "Biden opposed the project, calling it ..." -> Biden calls.
INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})
# Left modifiers that belong to a speaker's name: "US Secretary of State Anthony Blinken".
NAME_DEPS = frozenset({"compound", "amod", "nmod", "flat", "poss", "nummod"})
# Inverted "..., said Blinken": never for verbs whose object is the listener.
LISTENER_VERBS = frozenset({"tell", "inform", "assure", "urge", "warn"})
INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "dep", "appos", "nmod", "oprd"})
CITING_LEMMAS = frozenset({"cite", "quote"})
SPOKEN_TO_VERBS = frozenset({"tell", "speak", "talk"})
SOURCE_PREPS = frozenset({"from", "by", "of"})

MediaTest = Callable[[Token], bool]


@dataclass(frozen=True, slots=True)
class Agents:
    """Who stands behind a cue: the speaker, and the outlets that relayed the words."""

    speaker: Token | None
    reporters: tuple[Token, ...] = ()


def is_according(token: Token) -> bool:
    """The "according" of "according to X"."""
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def is_cue(token: Token, lex: QuoteLexicon) -> bool:
    """A speech or reporting verb, or "according (to)"."""
    if is_according(token):
        return True
    return token.pos_ in ("VERB", "AUX") and lex.is_cue_verb(token.lemma_.lower())


def name_span(token: Token) -> Span:
    """The name phrase a head token stands for, without articles: "US Secretary of State Blinken"."""
    doc = token.doc
    start = min((c.left_edge.i for c in token.lefts if c.dep_ in NAME_DEPS), default=token.i)
    end = max((c.right_edge.i + 1 for c in token.rights if _name_continues(token, c)), default=token.i + 1)
    if token.ent_type_:
        ent_start, ent_end = _entity_bounds(token)
        start, end = min(start, ent_start), max(end, ent_end)
    while start < token.i and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1  # "the ministry" and "ministry" are the same speaker
    return doc[start:end]


def _entity_bounds(token: Token) -> tuple[int, int]:
    """Token range of the entity holding ``token``, read from IOB tags (``doc.ents`` is slow)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def agent_phrase(token: Token, lex: QuoteLexicon) -> Span:
    """The words naming a speaker or reporter; "local media reports" names "local media"."""
    span = name_span(token)
    if token.lemma_.lower() in lex.document_nouns and len(span) > 1 and span[-1].i == token.i:
        return span[:-1]
    return span


def named_head(token: Token) -> Token:
    """Who a title stands for: "the prosecutor, Helena Marsh," -> Marsh (a name beats a title)."""
    if token.pos_ != "NOUN":
        return token
    apposed = [t for t in token.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"]
    return apposed[-1] if apposed else token


def _name_continues(token: Token, child: Token) -> bool:
    """A right child still part of the name: "the envoy Sami Haddad", "the secretary of state"."""
    if child.dep_ in ("compound", "flat"):
        return True
    adjacent = child.left_edge.i == token.i + 1  # a comma would make it a description instead
    if child.dep_ == "prep" and child.lower_ == "of":
        return adjacent and token.pos_ == "NOUN"
    if child.dep_ in ("appos", "amod", "npadvmod", "nmod"):
        # "the state news agency IRNA": a name right after the title, tagged however.
        return adjacent and (child.pos_ == "PROPN" or bool(child.ent_type_))
    return False


def _nominal_subject(verb: Token) -> Token | None:
    """The verb's own subject; with two ("news agency TASS"), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
        return pobj
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else subjects[0]


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., said a ministry spokesman": the speaker after the verb, right after a quote or comma."""
    if verb.lemma_.lower() in LISTENER_VERBS or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].text not in {",", '"', "”", "»"}:
        return None
    return next((c for c in verb.rights if c.dep_ in INVERTED_DEPS and c.pos_ in NOMINAL_POS), None)


def subject_of(verb: Token) -> Token | None:
    """Who performs a cue verb, looking through participles, conjuncts and relative clauses."""
    if verb.tag_ == "VBN" and verb.dep_ in INHERIT_DEPS and _nominal_subject(verb) is None:
        return None  # "Asked whether ..., Weber replied": Weber was asked, the asker is unknown
    node = verb
    for _ in range(4):
        subject = _nominal_subject(node)
        if subject is not None:
            if subject.tag_ in RELATIVE_TAGS_NOT_POSSESSIVE and node.dep_ == "relcl":
                return node.head  # "Lavrov, who said ..." -> Lavrov
            return subject
        if node.dep_ not in INHERIT_DEPS or node.head is node:
            break
        node = node.head
        if verb.tag_ == "VBG" and node.dep_ == "ccomp" and node.head is not node:
            # "Ek said the deficit would narrow, while warning that ...": a speaking participle
            # hung on a reported clause belongs to the verb that reports the clause.
            node = node.head
    return _inverted_subject(verb)


def document_source(noun: Token) -> Token | None:
    """The author of a statement-like noun: "a release from X", "X's statement"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def names_author(noun: Token) -> bool:
    """ "a Kremlin statement", "local media reports": the modifiers name who issued it."""
    return any(c.dep_ in ("compound", "amod", "poss") for c in noun.children)


def according_agent(token: Token, lex: QuoteLexicon) -> Token | None:
    """X in "according to X", looking through "according to X reports" to X."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to else None
    if pobj is not None and pobj.lemma_.lower() in lex.document_nouns:
        return document_source(pobj) or pobj
    return pobj


def citation(cue: Token) -> Token | None:
    """The speaker a report cites: "citing X", "quoting X", "quoted X as saying"."""
    if cue.lemma_.lower() == "quote":
        quoted = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if quoted is not None:
            return quoted
    for child in cue.children:
        if child.lemma_.lower() in CITING_LEMMAS and child.dep_ in ("advcl", "xcomp", "conj", "acl", "prep"):
            obj = next((g for g in child.children if g.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                return obj
    return None


def relaying_verb(cue: Token, lex: QuoteLexicon) -> Token | None:
    """The report verb of "Interfax quoted X as saying ...", seen from "saying"."""
    holder = cue.head
    if cue.dep_ == "pcomp" and holder.lower_ == "as" and holder.head.lemma_.lower() in lex.report_verbs:
        return holder.head
    return None


def agents_of(cue: Token, lex: QuoteLexicon, is_media: MediaTest) -> Agents:
    """Speaker and reporters of one cue; an outlet with no one to cite is a reporter only."""
    relay = relaying_verb(cue, lex)
    if relay is not None:
        return agents_of(relay, lex, is_media)
    if is_according(cue):
        agent = according_agent(cue, lex)
        if agent is not None and is_media(agent):
            return Agents(None, (agent,))
        return Agents(agent)
    subject = subject_of(cue)
    if subject is not None and subject.lemma_.lower() in lex.document_nouns:
        subject = document_source(subject) or subject
    cited = citation(cue)
    if cited is not None:
        return Agents(cited, (subject,) if subject is not None else ())
    if subject is not None and is_media(subject) and cue.lemma_.lower() in lex.report_verbs:
        return Agents(None, (subject,))  # an outlet reporting, not speaking in its own voice
    return Agents(subject, _media_listener(cue, is_media))


def _listener(verb: Token) -> Token | None:
    """Who is spoken to: "told Reuters", "speaking to the BBC"."""
    listener = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if listener is None:
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        listener = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    return listener


def _media_listener(cue: Token, is_media: MediaTest) -> tuple[Token, ...]:
    """ "Sources told Reuters ...", "Speaking to the BBC, X said ...": the outlet spoken to relays."""
    verbs = [cue, *(c for c in cue.children if c.dep_ == "advcl")]
    for verb in verbs:
        if verb.lemma_.lower() not in SPOKEN_TO_VERBS:
            continue
        listener = _listener(verb)
        # Only a named outlet relays: "told reporters" names no one.
        if listener is not None and listener.pos_ == "PROPN" and is_media(listener):
            return (listener,)
    return ()


def _relays(outer: Token, cue: Token, lex: QuoteLexicon) -> bool:
    """True when ``cue`` sits in the words ``outer`` reports ("Putin told him that ..., Rao said")."""
    if outer not in cue.ancestors:
        return False
    if outer.lemma_.lower() in lex.report_verbs:
        return True
    return any(c.dep_ == "ccomp" and (c == cue or c in cue.ancestors) for c in outer.children)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _sentence_agents(token: Token, cue: Token | None, lex: QuoteLexicon, is_media: MediaTest) -> list[Token]:
    """The reporters one token of a sentence contributes to what ``cue`` introduces."""
    if is_according(token):
        agent = according_agent(token, lex)
        return [agent] if agent is not None else []
    if is_cue(token, lex):
        agents = agents_of(token, lex, is_media)
        if cue is not None and _relays(token, cue, lex):
            # "Lavrov said X, Reuters reported": every cue above ours relayed it.
            return [*agents.reporters, *([agents.speaker] if agents.speaker is not None else [])]
        return list(agents.reporters) if agents.speaker is None else []
    if token.dep_ == "nsubj" and token.lemma_.lower() in lex.document_nouns:
        source = document_source(token)
        if source is None and names_author(token):
            source = token  # the resolver names it from its modifiers
        return [source] if source is not None else []
    return []


def sentence_reporters(
    sentence: Iterable[Token],
    cue: Token | None,
    speaker: Token | None,
    lex: QuoteLexicon,
    is_media: MediaTest,
) -> tuple[Token, ...]:
    """Who relayed what ``cue`` introduces (or, with no cue, the whole sentence), outermost first."""
    found: dict[int, tuple[int, int, Token]] = {}
    for token in sentence:
        if cue is not None and token.i == cue.i:
            continue
        for agent in _sentence_agents(token, cue, lex, is_media):
            if speaker is None or agent.i != speaker.i:
                found.setdefault(agent.i, (_depth(token), token.i, agent))
    return tuple(agent for _, _, agent in sorted(found.values(), key=lambda f: (f[0], f[1])))


def clause_span(head: Token, skip: Iterable[Token] = ()) -> tuple[int, int] | None:
    """Character span of a clause, without its complementizer or edge punctuation."""
    skipped = {t.i for s in skip for t in s.subtree}
    tokens = [t for t in head.subtree if t.i not in skipped]
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
