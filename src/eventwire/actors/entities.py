"""Named-entity spans that may be actors, with the small model's known errors corrected by the KB.

en_core_web_sm tags "Lavrov" as ORG in "Lavrov said", splits "Secretary of State" so that
"State" becomes an ORG, and misses names the KB knows ("the Kremlin" as a plain noun). The
KB decides: a name it knows takes the KB's kind; an "entity" that is the tail of a role
phrase ("secretary of state") is part of a title; proper-noun runs spaCy missed are looked up.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from eventwire.actors.candidates import EntryLike
from eventwire.actors.lookups import Lookups

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
STATE_KEY_PREFIXES = ("country:", "region:", "metonym:")
MAX_RUN = 6  # longest proper-noun run worth a KB look-up


def name_text(span: Span) -> str:
    """The span's text without a trailing possessive ("Russia's" -> "Russia")."""
    tokens = list(span)
    while tokens and tokens[-1].tag_ == "POS":
        tokens.pop()  # "People's" inside "People's Liberation Army" stays part of the name
    return "".join(t.text_with_ws for t in tokens).strip()


def label_for(entry: EntryLike, spacy_label: str) -> str:
    """The entity label the KB's entry implies (spaCy's when they agree)."""
    if entry.kind == "person":
        return "PERSON"
    if entry.key.startswith(STATE_KEY_PREFIXES):
        return spacy_label if spacy_label in ("GPE", "NORP", "LOC", "FAC") else "GPE"
    return "ORG"


def is_title_part(span: Span, look: Lookups) -> bool:
    """True for "State" in "Secretary of State" and for entities that are only a role word."""
    text = name_text(span)
    if look.role(text) is not None and look.lookup(text) is None:
        return True
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.i == root.head.head.i:
        return False
    holder = root.head.head
    phrase = f"{holder.text} of {text}"
    return look.role(phrase) is not None and look.lookup(phrase) is None


def is_common_words(span: Span) -> bool:
    """ "the *labour* ministry": an entity the small model tagged in lower case is no name, so it
    never meets a KB alias ("Labour", the British party). Nationality words are exempt: news
    writes "jihadist" and "islamist" in lower case."""
    words = [t for t in span if t.is_alpha]
    return span.label_ != "NORP" and bool(words) and all(t.is_lower for t in words)


def is_currency(span: Span) -> bool:
    """ "US $5 million", "Hong Kong dollars": a country name that only qualifies money."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    following = doc[span.end]
    return following.is_currency or following.ent_type_ == "MONEY" or following.lemma_.lower() == "dollar"


def _looks_personal(span: Span, look: Lookups) -> bool:
    """ "Karim Nouri" tagged ORG or GPE: a known first name, then one or two proper nouns
    that are neither a role word nor a place."""
    tokens = [t for t in span if t.tag_ != "POS"]
    if not 2 <= len(tokens) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens):
        return False
    if look.gender.first_names.get(tokens[0].lower_) is None or look.role(tokens[-1].text) is not None:
        return False
    if tokens[-1].lower_ in look.grammar.non_person_name_heads:
        return False  # "Victoria Station"
    return look.place_country(name_text(span)) is None


# Lower-case words that may sit inside a name: "Tren de Aragua", "al-Qaeda in the Arabian
# Peninsula", "Jama'at Nusrat al-Islam wal-Muslimin".
NAME_PARTICLES = frozenset(
    {"de", "del", "da", "do", "dos", "la", "el", "al", "wal", "of", "in", "for", "without", "the", "-"}
)
MAX_REACH = 6  # tokens a KB name may reach beyond the model's entity on either side


def _reach(doc: Doc, i: int, step: int, limit: int) -> int:
    """How far from token ``i`` a name may run in direction ``step``: over name-like tokens,
    numbers ("400 Mawozo"), particles and the lower-case word after a hyphen ("-gumi")."""
    sentence = doc[i].sent  # read once: spaCy rebuilds the sentence span on every access
    lowest, end = max(limit, sentence.start), sentence.end
    edge = i
    for _ in range(MAX_REACH):
        j = edge + step
        if not lowest <= j < end:
            break
        token = doc[j]
        after_hyphen = doc[j - 1].text == "-" if step > 0 else False
        if not (
            _name_like(token)
            or _opening_word(token)
            or token.like_num
            or token.lower_ in NAME_PARTICLES
            or after_hyphen
        ):
            break
        edge = j
    return edge


def _kb_extension(span: Span, look: Lookups) -> Span:
    """The longest KB name that contains the model's entity within a few tokens either side:
    "[al-Qaeda] in the Arabian Peninsula", "Tren de [Aragua]", "the Segunda [Marquetalia]"."""
    doc = span.doc
    left = _reach(doc, span.start, -1, 0)
    right = _reach(doc, span.end - 1, 1, 0) + 1
    if (left, right) == (span.start, span.end):
        return span
    for size in range(right - left, len(span), -1):
        for start in range(left, span.start + 1):
            end = start + size
            if end < span.end or end > right or _particle_edge(doc, start, span.start):
                continue
            text = doc[start:end].text
            if doc[end - 1].lower_ not in NAME_PARTICLES and look.lookup(text) and look.role(text) is None:
                return Span(doc, start, end, label=span.label_)
    return span


def _particle_edge(doc: Doc, i: int, entity_start: int) -> bool:
    """A particle cannot begin a name, except one before a hyphen ("al-Shabaab") and the
    model's own "The" ("[The World Wide Fund] for Nature"); "the" is never added ("The NATO")."""
    if (i == entity_start and doc[i].lower_ == "the") or (i + 1 < len(doc) and doc[i + 1].text == "-"):
        return False
    return doc[i].lower_ in NAME_PARTICLES


def _relabelled(span: Span, look: Lookups) -> Span:
    span = _kb_extension(span, look)
    entry = look.lookup(name_text(span))
    if entry is None and span.label_ != "NORP" and look.nationality(span.text) is not None:
        return Span(span.doc, span.start, span.end, label="NORP")  # "Sri Lankan" tagged PERSON
    if entry is None and span.label_ in ("ORG", "GPE", "FAC", "LOC") and _looks_personal(span, look):
        return Span(span.doc, span.start, span.end, label="PERSON")
    if entry is None or span.label_ == "NORP":
        return span
    label = label_for(entry, span.label_)
    return span if label == span.label_ else Span(span.doc, span.start, span.end, label=label)


def _runs(doc: Doc, covered: set[int]) -> Iterator[tuple[int, int]]:
    """Maximal runs of proper nouns (or capitalised acronyms) outside the model's entities."""
    start: int | None = None
    for token in doc:
        name_like = _name_like(token) or _opening_word(token)
        inside = token.i not in covered and (name_like or (start is not None and _joins_name(token)))
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            yield start, token.i
            start = None
    if start is not None:
        yield start, len(doc)


def _opening_word(token: Token) -> bool:
    """A capitalised first word that may begin a name the model missed ("Reporters Without
    Borders", "Save the Children"); never a determiner or particle ("The NATO")."""
    return bool(token.is_sent_start) and token.text[:1].isupper() and token.lower_ not in NAME_PARTICLES


def _joins_name(token: Token) -> bool:
    """A particle or hyphen inside a run of names, or the lower-case word after a hyphen."""
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return token.lower_ in NAME_PARTICLES or (previous is not None and previous.text == "-")


def _name_like(token: Token) -> bool:
    if token.pos_ == "PROPN":
        return True
    if (
        token.pos_ == "NOUN"
        and not token.is_sent_start
        and token.text[:1].isupper()
        and token.text[1:].islower()
    ):
        return True  # "the Althing": the small model tags some unfamiliar names as common nouns
    return len(token.text) >= 2 and token.text.isalpha() and token.text.isupper()


def _missed_names(doc: Doc, look: Lookups, covered: set[int]) -> list[Span]:
    """KB names inside proper-noun runs that spaCy did not tag, longest match first."""
    found: list[Span] = []
    for start, end in _runs(doc, covered):
        begin = start
        while begin < end:
            span = _longest_known(doc, begin, min(end, begin + MAX_RUN), look)
            if span is None:
                begin += 1
                continue
            if not is_common_words(span):
                found.append(span)
            begin = span.end
    return found


def _longest_known(doc: Doc, start: int, end: int, look: Lookups) -> Span | None:
    for stop in range(end, start, -1):
        text = doc[start:stop].text
        entry = look.lookup(text)
        if entry is not None and look.role(text) is None:
            return Span(doc, start, stop, label=label_for(entry, "ORG"))
    return None


def actor_entities(doc: Doc, look: Lookups) -> list[Span]:
    """Entity spans that may name actors or places, in text order."""
    spans = [
        _relabelled(ent, look)
        for ent in doc.ents
        if ent.label_ in ACTOR_LABELS
        and not is_title_part(ent, look)
        and not is_currency(ent)
        and not is_common_words(ent)
    ]
    spans = _without_nested(spans)
    covered = {t.i for ent in [*doc.ents, *spans] for t in ent}
    spans.extend(_missed_names(doc, look, covered))
    return sorted(spans, key=lambda s: s.start)


def _without_nested(spans: list[Span]) -> list[Span]:
    """Drop entities that a KB name grown from another entity now covers ("Arabian Peninsula")."""
    widest = sorted(spans, key=lambda s: s.start - s.end)
    kept: list[Span] = []
    for span in widest:
        if not any(k.start <= span.start and span.end <= k.end for k in kept):
            kept.append(span)
    return kept
