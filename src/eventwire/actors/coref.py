"""In-document coreference: chains of mentions that refer to one actor.

Mentions are visited in the order of their heads. Each joins the chain of an earlier
mention when the evidence says they co-refer: apposition, the same KB entry, shared name
parts ("Blinken" / "Anthony Blinken"), a definite role phrase that fits ("the secretary of
state", "the top American diplomat"), or a pronoun and its most salient antecedent
(subject over object, recent over distant, the speaker of a quote). Each chain's actor is
merged from its mentions' own resolutions, strongest evidence first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventwire.actors.candidates import Candidate
from eventwire.actors.grammar import Pronoun
from eventwire.actors.lookups import Lookups
from eventwire.actors.resolve import Resolution, resolve_local
from eventwire.nlp.vocabulary import NAME_LABELS, NOMINAL_SUBJECT_DEPS

NOMINAL_WINDOW = 3  # sentences a definite role phrase may look back
PRONOUN_WINDOW = 2  # sentences a pronoun may look back
CITING_VERBS = frozenset({"cite", "quote"})  # "..., TASS reported, citing Lavrov": Lavrov speaks


@dataclass
class Chain:
    """Mentions of one actor, the resolutions they contributed, and how each one joined."""

    id: int
    members: list[Candidate] = field(default_factory=list)
    evidence: list[Resolution] = field(default_factory=list)
    actor: Resolution | None = None
    titles: set[str] = field(default_factory=set)
    name_words: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    links: dict[int, str] = field(default_factory=dict)  # member head -> why it joined
    gender: str | None = None  # of a person: from a title, role word, first name or pronoun

    def add(self, c: Candidate, local: Resolution | None, how: str) -> None:
        self.members.append(c)
        self.links[c.head] = how
        if local is not None and local not in self.evidence:
            self._merge(local)
            if local.office:
                self.titles.add(local.office)
        if c.title:
            self.titles.add(c.title)
        if c.name:
            self.names.add(c.name.lower())
            if c.label == "PERSON" or (local is not None and local.kind == "person"):
                self.name_words.update(c.name.lower().split())

    def _merge(self, local: Resolution) -> None:
        """The chain's actor: its strongest resolution, gaps filled from the weaker ones."""
        weakest = max((r.rank for r in self.evidence), default=-1)
        self.evidence.append(local)
        if self.actor is not None and local.rank >= weakest:
            self.actor = self.actor.merged(local)  # no stronger evidence: only fill gaps
            return
        ranked = sorted(self.evidence, key=lambda r: r.rank)
        actor = ranked[0]
        for weaker in ranked[1:]:
            actor = actor.merged(weaker)
        self.actor = actor

    @property
    def plural(self) -> bool:
        return self.members[0].plural

    @property
    def sentence(self) -> int:
        return self.members[-1].sentence


def compatible(local: Resolution | None, actor: Resolution | None) -> bool:
    """Could these describe one actor? Different countries, KB entries or person-ness say no."""
    if local is None or actor is None:
        return True
    if local.country and actor.country and local.country != actor.country:
        return False
    if local.key and actor.key and local.key != actor.key:
        return False
    return (local.kind == "person") == (actor.kind == "person") or None in (local.kind, actor.kind)


def _head_words(titles: set[str]) -> set[str]:
    return {t.split()[-1] for t in titles if t}


class Coreference:
    """Builds the chains of one article from its candidates."""

    def __init__(self, doc: Doc, found: dict[int, Candidate], look: Lookups) -> None:
        self.doc, self.found, self.look = doc, found, look
        self.chains: list[Chain] = []
        self.chain_of: dict[int, Chain] = {}
        self.by_key: dict[str, Chain] = {}
        self.visited: list[Candidate] = []
        self._locals: dict[int, Resolution | None] = {}
        self._seen: set[int] = set()
        self._coordinated_heads: set[int | None] = set()
        self._appositions: dict[int, list[Candidate]] = {}
        self._by_word: dict[str, list[Chain]] = {}  # name word -> chains with that word, in order
        # sentence -> (position in ``found``, candidate): quotes look only at their neighbours
        self._by_sentence: dict[int, list[tuple[int, Candidate]]] = {}

    def run(self) -> list[Chain]:
        self._coordinated_heads = {c.conj_of for c in self.found.values() if c.conj_of is not None}
        for position, c in enumerate(self.found.values()):
            self._by_sentence.setdefault(c.sentence, []).append((position, c))
        for c in self.found.values():
            if c.appos_of is not None:
                self._appositions.setdefault(c.appos_of, []).append(c)
        for c in sorted(self.found.values(), key=lambda c: c.head):
            self._visit_with_owner(c)
        return self.chains

    def _visit_with_owner(self, c: Candidate) -> None:
        """Visit the candidate's owner (and what stands in apposition to it) first: in
        "candidates from the militant group Hamas" the owner's country comes from "Hamas"."""
        if c.head in self.chain_of or c.head in self._seen:
            return
        self._seen.add(c.head)
        owner = self.found.get(c.owner) if c.owner is not None else None
        if owner is not None and owner.head > c.head:
            self._visit_with_owner(owner)
            for other in self._appositions.get(owner.head, ()):
                self._visit_with_owner(other)
        self._visit(c)

    # ------------------------------------------------------------ local resolution

    def owner_of(self, c: Candidate, seen: frozenset[int] = frozenset()) -> Resolution | None:
        """The actor of the candidate's possessor or affiliation, if it has one."""
        return self._actor_at(c, c.owner, seen)

    def _actor_at(self, c: Candidate, head: int | None, seen: frozenset[int]) -> Resolution | None:
        """The actor of the candidate at ``head`` (its chain's when it has one already)."""
        if head is None or head in seen:
            return None
        chain = self.chain_of.get(head)
        if chain is not None and chain.actor is not None:
            return chain.actor
        other = self.found.get(head)
        return self.local(other, seen | {c.head}) if other is not None else None

    def local(self, c: Candidate, seen: frozenset[int] = frozenset()) -> Resolution | None:
        if c.head not in self._locals:
            agent = self._actor_at(c, c.agent, seen)
            self._locals[c.head] = resolve_local(c, self.look, self.owner_of(c, seen), agent)
        return self._locals[c.head]

    # ------------------------------------------------------------ linking

    def _visit(self, c: Candidate) -> None:
        if c.label == "PRON":
            chain, local, how = self._pronoun(c)
        else:
            local = self.local(c)
            chain, how = self._antecedent(c, local)
        if chain is None and local is None:
            return  # a pronoun with no antecedent, a word that names nothing
        if chain is None:
            chain, how = Chain(len(self.chains)), "first mention"
            self.chains.append(chain)
        chain.add(c, local, how)
        chain.gender = chain.gender or self._gender(c, local)
        for word in set((c.name or "").lower().split()):
            if chain not in self._by_word.setdefault(word, []):
                self._by_word[word].append(chain)
        if local is not None and local.key:
            self.by_key.setdefault(local.key, chain)
        self.chain_of[c.head] = chain
        self.visited.append(c)

    def _antecedent(self, c: Candidate, local: Resolution | None) -> tuple[Chain | None, str]:
        if c.appos_of is not None and c.appos_of in self.chain_of:
            chain = self.chain_of[c.appos_of]
            keys = {local.key if local else None, chain.actor.key if chain.actor else None} - {None}
            if len(keys) < 2:  # an apposition joins unless it names two different KB actors
                return chain, "apposition"
        if local is not None and local.key and local.key in self.by_key:
            return self.by_key[local.key], "same KB entry"
        if c.label in NAME_LABELS and c.name:
            return self._by_name(c, local), "name match"
        if c.label in ("ROLE", "NORP") and c.definite and not c.indefinite:
            return self._by_role(c, local), "definite description"
        return None, ""

    def _gender(self, c: Candidate, local: Resolution | None) -> str | None:
        """A person mention's gender: its own title words (not its possessor's: "Mr Ortiz's
        wife"), its role, its first name; a gendered pronoun passes its gender to the chain."""
        if c.label == "PRON":
            return self.look.grammar.pronouns[self.doc[c.head].lower_].gender
        if c.label != "PERSON" and (local is None or local.kind != "person"):
            return None
        owner = self.found.get(c.owner) if c.owner is not None else None
        words = [t.text for t in self.doc[c.start : c.head + 1] if owner is None or not owner.covers(t.i)]
        name = c.name or (local.name if local is not None else None)
        return self.look.gender.of_words(words, c.title, name)

    def _recent(self, c: Candidate, window: int) -> list[Chain]:
        """Chains mentioned within ``window`` sentences before ``c``, most recent first."""
        chains: list[Chain] = []
        for m in reversed(self.visited):
            if c.sentence - m.sentence > window:
                break
            chain = self.chain_of[m.head]
            if chain not in chains:
                chains.append(chain)
        return chains

    def _by_name(self, c: Candidate, local: Resolution | None) -> Chain | None:
        name = (c.name or "").lower()
        words = set(name.split())
        person = c.label == "PERSON" or (local is not None and local.kind == "person")
        sharing = {id(ch): ch for w in words for ch in self._by_word.get(w, ())}  # index, not a scan
        for chain in sorted(sharing.values(), key=lambda ch: -ch.id):
            if not compatible(local, chain.actor):
                continue
            if name in chain.names:
                return chain
            if person and chain.name_words and (words <= chain.name_words or chain.name_words <= words):
                return chain
        return None

    def _by_role(self, c: Candidate, local: Resolution | None) -> Chain | None:
        recent = [
            ch
            for ch in self._recent(c, NOMINAL_WINDOW)
            if c.owner not in ch.links and ch.actor is not None and compatible(local, ch.actor)
        ]
        for chain in recent:
            if c.title and c.title in chain.titles:
                return chain
        for chain in recent:
            if self._fits_role(c, local, chain):
                return chain
        return None

    def _fits_role(self, c: Candidate, local: Resolution | None, chain: Chain) -> bool:
        actor = chain.actor
        if actor is None or local is None or actor.kind != local.kind or chain.plural != c.plural:
            return False
        if local.sector and actor.sector and local.sector != actor.sector:
            return False
        if local.kind == "state" and local.country in (None, actor.country):
            return True  # "the country": the state named last
        if c.title and c.title.split()[-1] in _head_words(chain.titles):
            return True
        # A nationality alone fits only an actor whose office is unknown, or a relational
        # noun: "the Russian ambassador" is not the Russian president.
        national = bool(c.nationalities) and actor.country == c.nationalities[0]
        return national and (not chain.titles or c.relational is not None)

    # ------------------------------------------------------------ pronouns

    def _pronoun(self, c: Candidate) -> tuple[Chain | None, Resolution | None, str]:
        token = self.doc[c.head]
        pronoun = self.look.grammar.pronouns[token.lower_]
        if "speaker" in pronoun.refers:
            return self._speaker(c)
        if pronoun.word == "it" and token.dep_ not in NOMINAL_SUBJECT_DEPS:
            return None, None, ""  # "calling it a bad deal": an object "it" is a thing, not an actor
        sibling = self._coordinated(pronoun, c)
        if sibling is not None:
            return sibling, None, "pronoun in coordination"
        best: tuple[float, Candidate, Chain] | None = None
        for m in reversed(self.visited):
            if c.sentence - m.sentence > PRONOUN_WINDOW:
                break
            chain = self.chain_of[m.head]
            if not self._fits_pronoun(pronoun, c, m, chain):
                continue
            score = self._salience(pronoun, c, m, chain)
            if best is None or score > best[0]:
                best = (score, m, chain)
        if best is None:
            return None, None, ""
        _, m, chain = best
        if (
            pronoun.plural
            and not chain.plural
            and (m.conj_of is not None or m.head in self._coordinated_heads)
        ):
            return None, None, ""  # "Russia and the US ... they": the pair, which no single actor is
        return chain, None, "pronoun"

    def _coordinated(self, pronoun: Pronoun, c: Candidate) -> Chain | None:
        """ "the company and its CEO": a possessive in a conjunct points at the first conjunct."""
        if not pronoun.possessive:
            return None
        holder = self.found.get(self.doc[c.head].head.i)
        while holder is not None and holder.conj_of is None and holder.appos_of is not None:
            holder = self.found.get(holder.appos_of)
        if holder is None or holder.conj_of is None:
            return None
        first = self.found.get(holder.conj_of)
        chain = self.chain_of.get(first.head) if first is not None else None
        if first is None or chain is None or not self._fits_pronoun(pronoun, c, first, chain):
            return None
        return chain

    def _fits_pronoun(self, pronoun: Pronoun, c: Candidate, m: Candidate, chain: Chain) -> bool:
        actor = chain.actor
        if actor is None or m.label == "ADJ" or m.covers(c.head) or actor.kind not in pronoun.refers:
            return False
        if not pronoun.plural and chain.plural:
            return False
        if pronoun.gender and chain.gender and pronoun.gender != chain.gender:
            return False  # "Queen Anna met Mr Ortiz. She thanked him": "him" is not the queen
        if self._same_clause_subject(pronoun, c, m):
            return False
        if c.in_quote and not m.in_quote and pronoun.word in ("it", "its"):
            return False  # '"It is good for our people," he said': "it" is the quoted matter
        return not (pronoun.plural and actor.kind == "group" and not chain.plural)

    def _same_clause_subject(self, pronoun: Pronoun, c: Candidate, m: Candidate) -> bool:
        """ "She thanked him": a plain object pronoun never means its own verb's subject
        (that would be "herself")."""
        if pronoun.case != "object" or pronoun.reflexive or not m.subject:
            return False
        return self.doc[c.head].head.i == self.doc[m.head].head.i

    def _is_speaker(self, m: Candidate) -> bool:
        head = self.doc[m.head]
        return m.subject and head.head.lemma_.lower() in self.look.grammar.speech_verbs

    def _salience(self, pronoun: Pronoun, c: Candidate, m: Candidate, chain: Chain) -> float:
        score = -3.0 * (c.sentence - m.sentence) - 0.01 * (c.head - m.head)
        score += 2.0 * m.subject + 1.5 * self._is_speaker(m) + 0.5 * (m.label in NAME_LABELS)
        return score + 1.0 * (pronoun.plural and chain.plural)

    def _speaker(self, c: Candidate) -> tuple[Chain | None, Resolution | None, str]:
        """ "we"/"our" inside a quote: the side the quoted speaker speaks for."""
        if not c.in_quote:
            return None, None, ""
        # Only the quote's sentence and its neighbours can hold its speaker (see _quoted_speaker);
        # looking there alone keeps long articles linear. Kept in ``found`` order for the sort.
        near = sorted(
            p for s in (c.sentence - 1, c.sentence, c.sentence + 1) for p in self._by_sentence.get(s, ())
        )
        speakers = [m for _, m in near if self._quoted_speaker(m, c)]
        speakers.sort(
            key=lambda m: (m.sentence != c.sentence, self._kind_of(m) != "person", abs(m.head - c.head))
        )
        for m in speakers:
            chain = self.chain_of.get(m.head)
            if chain is None and m.label == "PRON" and not self._speaks_for_speaker(m):
                chain = self._pronoun(m)[0]  # '"Our patience has limits," he said': who "he" is
            actor = chain.actor if chain is not None else self.local(m)
            if actor is None:
                continue
            if actor.kind == "person":
                key = f"side:{actor.country}:{actor.sector}"
                side = Resolution("speaker", None, actor.country, actor.sector, "group", key=key)
                return self.by_key.get(key), side, "speaker"
            return chain, None, "speaker"
        return None, None, ""

    def _speaks_for_speaker(self, c: Candidate) -> bool:
        return "speaker" in self.look.grammar.pronouns[self.doc[c.head].lower_].refers

    def _kind_of(self, m: Candidate) -> str | None:
        local = self.local(m)
        return local.kind if local is not None else None

    def _quoted_speaker(self, m: Candidate, c: Candidate) -> bool:
        """Is ``m`` a speaker (subject of "said", object of "citing") near the quote holding ``c``?"""
        if m.in_quote or abs(m.sentence - c.sentence) > 1 or m.label == "ADJ":
            return False

        head = self.doc[m.head]
        cited = head.dep_ == "dobj" and head.head.lemma_.lower() in CITING_VERBS
        according = head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"
        in_charge = m.subject and head.head.dep_ == "ROOT" and m.sentence == c.sentence
        return cited or according or in_charge or self._is_speaker(m)
