"""Speakers and reporters as ``Actor``s: through the actor stage's mentions and chains first.

When the actor stage found no mention at a token (or has not run), the speaker is still
named from the parse: a name phrase for nouns, and for pronouns the latest speaker or
person named before them. Those fallback actors carry no canonical name or country: the
rules do not invent knowledge the actor stage did not supply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.nlp.parsed import ParsedArticle
from eventwire.quotes.lexicon import QuoteLexicon
from eventwire.quotes.rules import name_span
from eventwire.records import Actor, ActorKind, Mention

ENTITY_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "state",
}
# A pronoun looks this far back (characters) for a person named in the text.
ANTECEDENT_REACH = 600


@dataclass
class SpeakerResolver:
    """Turns speaker and reporter tokens into actors, remembering speakers in text order."""

    parsed: ParsedArticle
    lex: QuoteLexicon
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
        mention = self.parsed.mention_at(token.i)
        if mention is not None:
            actor = mention.actor or self._chain_actor(mention)
            if actor is not None:
                return actor
        if self.is_pronoun(token):
            return self.last_speaker(token.idx) or self._named_person_before(token)
        span = name_span(token)
        text = mention.text if mention is not None else span.text
        return Actor(text=text, kind=ENTITY_KINDS.get(token.ent_type_))

    def is_pronoun(self, token: Token) -> bool:
        lowered = token.lower_
        return token.pos_ == "PRON" and (
            lowered in self.lex.speaker_pronouns or lowered in self.lex.first_person
        )

    def is_media(self, token: Token) -> bool:
        """An outlet: the actor stage says MED, or the phrase names a news organisation."""
        mention = self.parsed.mention_at(token.i)
        if mention is not None and mention.actor is not None and mention.actor.sector == "MED":
            return True
        return self.lex.is_media_phrase(name_span(token).text)

    def _chain_actor(self, mention: Mention) -> Actor | None:
        """The actor of the nearest earlier (else later) mention in the same chain."""
        if mention.chain is None:
            return None
        linked = [m for m in self.parsed.mentions if m.chain == mention.chain and m.actor is not None]
        earlier = [m for m in linked if m.start <= mention.start]
        chosen = earlier[-1] if earlier else (linked[0] if linked else None)
        return chosen.actor if chosen is not None else None

    def _named_person_before(self, token: Token) -> Actor | None:
        people = [
            e
            for e in token.doc.ents
            if e.label_ == "PERSON" and token.idx - ANTECEDENT_REACH < e.start_char < token.idx
        ]
        if not people:
            return None
        return Actor(text=people[-1].text, kind="person")
