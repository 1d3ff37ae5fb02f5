"""Speakers and reporters as ``Actor``s: through the actor stage's mentions and chains first.

When the actor stage found no mention at a token (or has not run), the speaker is still
named from the parse: a name phrase for nouns, and for pronouns the latest speaker or
person named before them. Those fallback actors carry no canonical name or country: the
rules do not invent knowledge the actor stage did not supply.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.nlp.parsed import ParsedArticle
from eventwire.quotes.lexicon import QuoteLexicon
from eventwire.quotes.marks import QuotedRegions
from eventwire.quotes.rules import agent_phrase, named_head
from eventwire.records import Actor, ActorKind, Mention

ENTITY_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "state",
}
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us", "our"})
# A pronoun looks this far back (characters) for a person named in the text.
ANTECEDENT_REACH = 600


@dataclass
class SpeakerResolver:
    """Turns speaker and reporter tokens into actors, remembering speakers in text order."""

    parsed: ParsedArticle
    lex: QuoteLexicon
    quoted: QuotedRegions = field(
        default_factory=QuotedRegions
    )  # quoted words never hold a speaker pronoun's antecedent
    history: list[tuple[int, Actor]] = field(default_factory=list)

    def remember(self, position: int, actor: Actor | None) -> None:
        if actor is not None:
            self.history.append((position, actor))

    def last_speaker(self, before: int) -> Actor | None:
        """The most recent speaker attributed before character ``before``."""
        earlier = [actor for position, actor in self.history if position < before]
        return earlier[-1] if earlier else None

    def actor_for(self, token: Token) -> Actor | None:
        """The actor behind a token: its mention's actor, its chain's, or a parse-based stand-in."""
        token = named_head(token)
        mention = self._mention(token)
        actor = (mention.actor or self._chain_actor(mention)) if mention is not None else None
        if actor is not None and _known(actor):
            return self._with_full_text(actor, token)
        if self.is_pronoun(token):
            return self._antecedent(token)
        if actor is not None:
            return self._with_full_text(actor, token)
        text = mention.text if mention is not None else self.phrase(token).text
        return Actor(text=text, kind=ENTITY_KINDS.get(token.ent_type_))

    def _with_full_text(self, actor: Actor, token: Token) -> Actor:
        """The actor, with the whole name phrase as its surface form when that says more.

        "Hamas official Bassem Naim" stays the speaker's text even when the actor stage
        knows only "Hamas official"; a pronoun keeps its own text.
        """
        phrase = self.phrase(token).text
        if self.is_pronoun(token) or len(phrase) <= len(actor.text) or actor.text not in phrase:
            return actor
        return dataclasses.replace(actor, text=phrase)

    def _mention(self, token: Token) -> Mention | None:
        """The mention at a token, else one inside its name: "the TASS news agency" -> TASS."""
        mention = self.parsed.mention_at(token.i)
        if mention is not None:
            return mention
        span = self.phrase(token)
        inside = [m for m in self.parsed.mentions_in(span.start, span.end) if m.actor is not None]
        return max(inside, key=lambda m: (m.token_end - m.token_start, m.token_end), default=None)

    def phrase(self, token: Token) -> Span:
        return agent_phrase(token, self.lex)

    def is_pronoun(self, token: Token) -> bool:
        lowered = token.lower_
        return token.pos_ == "PRON" and (
            lowered in self.lex.speaker_pronouns or lowered in self.lex.first_person
        )

    def is_media(self, token: Token) -> bool:
        """An outlet: the actor stage says MED, or the phrase names a news organisation."""
        mention = self._mention(token)
        if mention is not None and mention.actor is not None and mention.actor.sector == "MED":
            return True
        return self.lex.is_media_phrase(self.phrase(token).text)

    def _chain_actor(self, mention: Mention) -> Actor | None:
        """The actor of the nearest earlier (else later) mention in the same chain."""
        if mention.chain is None:
            return None
        linked = [m for m in self.parsed.mentions if m.chain == mention.chain and m.actor is not None]
        earlier = [m for m in linked if m.start <= mention.start]
        chosen = earlier[-1] if earlier else (linked[0] if linked else None)
        return chosen.actor if chosen is not None else None

    def _antecedent(self, token: Token) -> Actor | None:
        """Who a pronoun speaker is: the later of the last speaker and the last fitting name before it."""
        named = self._named_before(token)
        spoken = [(p, a) for p, a in self.history if p < token.idx]
        if named is not None and (not spoken or named.idx > spoken[-1][0]):
            return Actor(text=self.phrase(named).text, kind=ENTITY_KINDS.get(named.ent_type_))
        return spoken[-1][1] if spoken else None

    def _named_before(self, token: Token) -> Token | None:
        """The last person (or, for "they", plural subject) named shortly before a pronoun."""
        start = max(token.idx - ANTECEDENT_REACH, 0)
        if token.lower_ in PLURAL_PRONOUNS:
            fits = _plural_subject
        elif token.lower_ == "it":
            fits = _organisation_subject
        else:
            fits = _names_person
        for i in range(token.i - 1, -1, -1):
            candidate = token.doc[i]
            if candidate.idx < start:
                break
            if fits(candidate) and not self.quoted.covers(candidate.idx):
                return candidate
        return None


def _known(actor: Actor) -> bool:
    """An actor the actor stage could place: it has a canonical name or a country."""
    return actor.name is not None or actor.country is not None


def _organisation_subject(token: Token) -> bool:
    """ "The ministry ... it said": a subject that is neither a person nor a pronoun."""
    return token.dep_ == "nsubj" and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ != "PERSON"


def _plural_subject(token: Token) -> bool:
    return token.dep_ == "nsubj" and token.tag_ in ("NNS", "NNPS")


def _names_person(token: Token) -> bool:
    """The head word of a person's name: a PERSON entity's last word, or a proper-noun subject."""
    if token.ent_type_ == "PERSON":
        return token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
    # An untagged proper-noun subject may be a person; a country or an organisation is not.
    return token.dep_ == "nsubj" and token.pos_ == "PROPN" and not token.ent_type_
