"""What the parse says about each candidate: its extent, nationality, title, owner and links.

Runs once all candidates are known, because a candidate's evidence often sits in another:
"Iran's religious leader" takes Iran as its owner, "US citizens Paul Whelan and Trevor
Reed" gives Reed the title of the phrase he is coordinated with.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.candidates import Candidate
from eventwire.actors.entities import name_text
from eventwire.actors.parse import Parse
from eventwire.actors.places import PlaceSpan
from eventwire.actors.specific import drop_adjunct_objects, mark_generic
from eventwire.nlp.vocabulary import NOMINAL_SUBJECT_DEPS

# Left dependents that belong to a noun phrase (not clauses or prepositional phrases).
NP_LEFT_DEPS = frozenset(
    {"det", "predet", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "npadvmod", "advmod"}
)
QUALIFYING = frozenset({"to", "at", "for"})  # "ambassador to", "envoy at", "spokesman for"
INDEFINITE = frozenset({"a", "an", "another", "some", "any", "one", "several", "many", "no"})
OPENING_QUOTES = frozenset({"“", "``", "«"})
CLOSING_QUOTES = frozenset({"”", "''", "»"})
DATELINE_DASHES = frozenset({"--", "—", "–"})  # and a hyphen with spaces around it


def quoted_tokens(parse: Parse) -> list[bool]:
    """Which tokens lie between quotation marks (a line break closes any open quote)."""
    inside, flags = False, []
    for token in parse.doc:
        if token.text in OPENING_QUOTES or (token.text == '"' and not inside):
            inside = True
        elif token.text in CLOSING_QUOTES or token.text == '"':
            inside = False
        flags.append(inside)
        if "\n" in token.whitespace_ or "\n" in token.text:
            inside = False
    return flags


def _bounds(parse: Parse, c: Candidate) -> None:
    head = parse.doc[c.head]
    if c.label in ("PRON", "ADJ"):
        return
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            c.start = min(c.start, child.left_edge.i)
    _after_dateline_dash(parse, c)


def _after_dateline_dash(parse: Parse, c: Candidate) -> None:
    """ "NEW DELHI, June 3 - Indian Foreign Minister ...": the parser often hangs the dateline
    and its dash on the lead's first noun phrase; nothing up to a free-standing dash is the actor's.
    A hyphen inside a word ("Saro-Wiwa") has no space around it and is kept."""
    doc = parse.doc
    for i in range(c.head - 1, c.start - 1, -1):
        token = doc[i]
        spaced = bool(token.whitespace_) and (i == 0 or bool(doc[i - 1].whitespace_))
        if token.text in DATELINE_DASHES or (token.text == "-" and spaced):
            c.start = i + 1
            return


def _absorbed(parse: Parse, found: dict[int, Candidate]) -> dict[int, list[int]]:
    """Nationality tokens absorbed by each candidate head (not mentions of their own)."""
    absorbed: dict[int, list[int]] = {}
    for i in sorted(parse.nationals):
        if i in found or i in parse.patrons:
            continue
        holder = parse.actor_head_of(parse.doc[i])
        if holder is not None and holder in found:
            absorbed.setdefault(holder, []).append(i)
    return absorbed


def _nationalities(parse: Parse, found: dict[int, Candidate]) -> None:
    for head, tokens in _absorbed(parse, found).items():
        countries = list(dict.fromkeys(parse.nationals[i] for i in tokens))
        found[head].nationalities = countries
        if len(countries) < 2:
            continue
        for i in tokens:  # "Hungarian and Romanian officials": each country is named too
            token = parse.doc[i]
            found[i] = Candidate(i, i + 1, i, parse.sentence_of[i], "adjective", "ADJ", nationalities=[])
            span = parse.entity_of.get(i)
            if span is not None:
                found[i].start, found[i].end = span.start, span.end
            found[i].nationalities = [parse.nationals[token.i]]
    for c in found.values():
        if c.label == "ADJ" and not c.nationalities and c.head in parse.nationals:
            c.nationalities = [parse.nationals[c.head]]


def _extend_over_of(parse: Parse, c: Candidate) -> None:
    """ "the secretary of state": the "of" phrase is part of the title, so of the mention."""
    for child in parse.doc[c.head].rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            c.end = max(c.end, child.right_edge.i + 1)


def _strip_title(parse: Parse, c: Candidate) -> None:
    """Name and entry of a name candidate; leading role words inside the entity are a title."""
    span = parse.entity_of.get(c.head)
    if span is None:
        return
    tokens = [t for t in span if t.tag_ != "POS"]
    look = parse.look
    c.name = name_text(span)
    c.entry = look.lookup(c.name)
    while c.entry is None and len(tokens) > 1 and look.role(tokens[0].text) is not None:
        if c.role is None:
            c.title, c.role = tokens[0].lower_, look.role(tokens[0].text)
        tokens = tokens[1:]
        c.name = "".join(t.text_with_ws for t in tokens).strip()
        c.entry = look.lookup(c.name)


def _titles(parse: Parse, found: dict[int, Candidate]) -> dict[int, int]:
    """Title and role of each candidate; returns the title token of each name candidate."""
    title_token: dict[int, int] = {}
    for i, role in parse.roles.items():
        holder = parse.actor_head_of(parse.doc[i])
        if i in found:
            c = found[i]
            c.title, c.role, c.relational = role.title, role.role, role.relational
            c.plural = role.plural
            if " of " in role.title:
                _extend_over_of(parse, c)
        elif holder is not None and holder in found and title_token.get(holder, -1) < i:
            title_token[holder] = i  # the role noun nearest the name is its title
    for head, i in title_token.items():
        role = parse.roles[i]
        c = found[head]
        if c.label != "ROLE":
            c.title, c.role = role.title, role.role
    for c in found.values():
        if c.label in ("PERSON", "ORG", "FAC", "GPE", "NORP"):
            _strip_title(parse, c)
    return title_token


def _owner_of_possessor(parse: Parse, token: Token, found: dict[int, Candidate]) -> None:
    holder = parse.holder(token.head)
    if holder is not None and holder in found and token.i in found and found[holder].owner is None:
        found[holder].owner = token.i


def _owners(parse: Parse, found: dict[int, Candidate], places: list[PlaceSpan]) -> None:
    """Possessors, nested organisations and "of" phrases give a candidate its owner."""
    for token in parse.doc:
        if token.dep_ == "poss":
            _owner_of_possessor(parse, token, found)
    for c in list(found.values()):
        holder = parse.actor_head_of(parse.doc[c.head])
        if holder is not None and holder in found and c.label != "ADJ" and found[holder].owner is None:
            found[holder].owner = c.head  # "State Department spokesman", "the Biden administration"
    place_at = {p.span.root.i: p.country for p in places}
    for c in found.values():
        if c.label == "ROLE":
            _phrase_owner(parse, c, found, place_at)
        elif c.label == "PERSON":
            _person_origin(parse, c, found)


def _person_origin(parse: Parse, c: Candidate, found: dict[int, Candidate]) -> None:
    """ "Karim Nouri of Iran", "a lawyer from Kenya": a named state after "of"/"from" is the
    person's country (only states: "X of the University of Y" names an employer)."""
    for prep in parse.doc[c.head].rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        for obj in prep.children:
            other = found.get(obj.i)
            if obj.dep_ == "pobj" and other is not None and other.label == "GPE" and c.owner is None:
                c.owner = obj.i


def _phrase_owner(
    parse: Parse, c: Candidate, found: dict[int, Candidate], place_at: dict[int, str | None]
) -> None:
    """ "the government of Sudan" (owner), "police in Nairobi" (country of the place)."""
    for prep in parse.doc[c.head].rights:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            named = obj.i in found and found[obj.i].label in ("PERSON", "ORG", "FAC", "GPE")
            # "of" takes only names ("the government of Sudan", not "critic of the regime");
            # "from" any actor ("candidates from the militant group Hamas").
            from_actor = prep.lower_ == "from" and obj.i in found and found[obj.i].label != "PRON"
            if ((prep.lower_ == "of" and named) or from_actor) and c.owner is None:
                c.owner = obj.i
                if prep.lower_ == "of":  # "the government of Sudan" is one phrase
                    c.end = max(c.end, found[obj.i].end)
            elif c.place_country is None:
                place = _past_actor(obj, found)
                c.place_country = _place_country(parse, place, place_at) if place is not None else None


def _past_actor(obj: Token, found: dict[int, Candidate]) -> Token | None:
    """ "police outside the Turkish embassy in Nairobi": an embassy is an actor, not a place,
    and its nationality is not where the police serve; its own "in Nairobi" is."""
    if obj.i not in found or found[obj.i].label != "ROLE":
        return obj
    for prep in obj.rights:
        for inner in prep.children if prep.dep_ == "prep" else ():
            if inner.dep_ == "pobj":
                return inner
    return None


def _place_country(parse: Parse, obj: Token, place_at: dict[int, str | None]) -> str | None:
    """Country of a place phrase: "in Nairobi", or by the nationality that qualifies it
    ("in the Kenyan capital", "residents of the Syrian Golan Heights")."""
    if obj.i in place_at:
        return place_at[obj.i]
    for child in obj.lefts:
        if child.dep_ in ("compound", "amod") and (child.i in place_at or child.i in parse.nationals):
            return place_at.get(child.i) or parse.nationals.get(child.i)
    return None


def _compound_places(parse: Parse, found: dict[int, Candidate]) -> None:
    """ "Karachi police", "the Delhi High Court": a proper-noun place before a role noun that
    the small model left untagged is where the body serves (a fallback after owners)."""
    for c in found.values():
        if c.label != "ROLE" or c.nationalities or c.place_country is not None:
            continue
        for child in parse.doc[c.head].lefts:
            if child.dep_ != "compound" or child.pos_ != "PROPN" or child.i in found:
                continue
            words = [t.text for t in child.subtree if t.pos_ == "PROPN"]
            c.place_country = parse.look.place_country(" ".join(words)) if words else None
            if c.place_country is not None:
                break


def _merge_adjacent_titles(parse: Parse, found: dict[int, Candidate], title_token: dict[int, int]) -> None:
    """ "Russian news agency TASS reported": the small model sometimes parses a title as its
    own phrase; a role phrase directly followed by a name is that name's title."""
    starts = {c.start: c for c in found.values() if c.label in ("PERSON", "ORG")}
    for role in [c for c in found.values() if c.label == "ROLE" and c.relational is None]:
        name = starts.get(role.head + 1)
        if name is None or role.end > name.start or name.head == role.head:
            continue
        name.start = min(name.start, role.start)
        if name.role is None:
            name.title, name.role = role.title, role.role
        name.nationalities = name.nationalities or role.nationalities
        name.owner = name.owner if name.owner is not None else role.owner
        title_token.setdefault(name.head, role.head)
        del found[role.head]
        for other in found.values():
            if other.owner == role.head:
                other.owner = name.head
                other.end = name.end if other.end == role.end else other.end  # phrases nest, never cross


def _links(parse: Parse, found: dict[int, Candidate], quoted: list[bool]) -> None:
    grammar = parse.look.grammar
    for c in found.values():
        head = parse.doc[c.head]
        if head.dep_ == "appos" and head.head.i in found:
            c.appos_of = head.head.i
        elif head.dep_ == "conj" and head.head.i in found:
            c.conj_of = head.head.i
    for c in found.values():
        head = parse.doc[c.head]
        if _shares_apposition(head, found):
            c.appos_of = found[head.head.i].appos_of  # "X, an opposition politician and critic"
        c.subject = head.dep_ in NOMINAL_SUBJECT_DEPS or (
            head.dep_ == "conj" and head.head.dep_ in NOMINAL_SUBJECT_DEPS
        )
        c.in_quote = quoted[c.head]
        c.ethnic = c.head in parse.ethnic
        c.definite = any(
            (ch.dep_ == "det" and ch.lower_ in grammar.definite_determiners) or ch.dep_ == "poss"
            for ch in head.lefts
        )
        c.qualified = any(ch.dep_ == "prep" and ch.lower_ in QUALIFYING for ch in head.rights)
        c.indefinite = any(ch.dep_ == "det" and ch.lower_ in INDEFINITE for ch in head.lefts)
        if c.label == "PRON":
            c.plural = grammar.pronouns[head.lower_].plural
        elif c.label == "NORP":
            c.plural = True


def _shares_apposition(head: Token, found: dict[int, Candidate]) -> bool:
    if head.dep_ != "conj" or head.head.i not in found or head.i not in found:
        return False
    first = found[head.head.i]
    no_det = not any(ch.dep_ in ("det", "poss") for ch in head.lefts)
    return first.appos_of is not None and no_det and found[head.i].label == "ROLE"


def _share_titles(parse: Parse, found: dict[int, Candidate], title_token: dict[int, int]) -> None:
    """ "US citizens Paul Whelan and Trevor Reed": a plural title covers every conjunct."""
    for c in sorted(found.values(), key=lambda c: c.head):
        first = found.get(c.conj_of) if c.conj_of is not None else None
        if first is None or c.title or c.nationalities or c.entry is not None:
            continue
        shared = title_token.get(first.head)
        if shared is not None and parse.doc[shared].tag_ in ("NNS", "NNPS"):
            c.title, c.role = first.title, first.role
            c.nationalities, c.owner = list(first.nationalities), first.owner


def _counted(parse: Parse, token: Token) -> Token:
    """ "tens of thousands of troops": the phrase the counted noun stands in (its top count)."""
    quantities = parse.look.grammar.quantity_nouns
    while (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and (token.head.head.lemma_.lower() in quantities or token.head.head.lower_ in quantities)
    ):
        token = token.head.head
    return token


def _clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with ("massed and deployed")."""
    while True:
        subject = next((ch for ch in verb.children if ch.dep_ in NOMINAL_SUBJECT_DEPS), None)
        if subject is not None or verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return subject
        verb = verb.head


def _agents(parse: Parse, found: dict[int, Candidate]) -> None:
    """Forces a subject deploys are its own: "Russia massed troops near the Ukrainian border"."""
    verbs = parse.look.grammar.deployment_verbs
    for c in found.values():
        if c.label != "ROLE" or c.nationalities or c.owner is not None:
            continue
        arg = _counted(parse, parse.doc[c.head])
        while arg.dep_ == "conj" and arg.head.i != arg.i:  # "troops and tanks"
            arg = arg.head
        verb = arg.head
        if arg.dep_ != "dobj" or verb.lemma_.lower() not in verbs:
            continue
        subject = _clause_subject(verb)
        if subject is not None and subject.i in found and subject.i != c.head:
            c.agent = subject.i


def fill_evidence(parse: Parse, found: dict[int, Candidate], places: list[PlaceSpan]) -> None:
    """Complete every candidate with what its phrase and its neighbours say."""
    for c in found.values():
        span = parse.entity_of.get(c.head)
        if span is not None and c.label not in ("ADJ",):
            c.start, c.end = min(c.start, span.start), max(c.end, span.end)
        _bounds(parse, c)
    _nationalities(parse, found)
    title_token = _titles(parse, found)
    _owners(parse, found, places)
    _compound_places(parse, found)
    _merge_adjacent_titles(parse, found, title_token)  # after owners: it re-points them
    _links(parse, found, quoted_tokens(parse))
    _share_titles(parse, found, title_token)
    _agents(parse, found)
    drop_adjunct_objects(parse, found)
    mark_generic(parse, found)
