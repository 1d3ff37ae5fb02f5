"""Which actor mention stands for an argument word (events/argument_actors.py)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.argument_actors import (
    nearest_mention,
    place_actors,
    resolve,
    stranded_subject,
    target_pool,
    within_sentence,
)
from eventwire.nlp.parsed import ParsedArticle, sentences_of
from eventwire.records import Actor, Article, Mention, MentionKind
from tests.conftest import build_doc


def mention(
    doc: Doc,
    start: int,
    end: int,
    country: str | None,
    kind: MentionKind = "name",
    *,
    sector: str | None = None,
) -> Mention:
    span = doc[start:end]
    actor = Actor(text=span.text, country=country, sector=sector) if country else None
    return Mention(
        span.text, span.start_char, span.end_char, 0, start, end, kind, actor=actor, head=span.root.i
    )


def article(doc: Doc, *mentions: Mention, places: tuple[Mention, ...] = ()) -> ParsedArticle:
    return ParsedArticle(
        article=Article(text=doc.text),
        doc=doc,
        sentences=sentences_of(doc),
        mentions=mentions,
        places=tuple(places),
    )


def government_of_togo(nlp: Language) -> Doc:
    # the government of Togo and Benin , a coalition backed by Ghana
    words = [
        "the",
        "government",
        "of",
        "Togo",
        "and",
        "Benin",
        ",",
        "a",
        "coalition",
        "backed",
        "by",
        "Ghana",
    ]
    heads = [1, 1, 1, 2, 3, 3, 1, 8, 1, 8, 9, 10]
    deps = ["det", "ROOT", "prep", "pobj", "cc", "conj", "punct", "det", "appos", "acl", "agent", "pobj"]
    tags = ["DT", "NN", "IN", "NNP", "CC", "NNP", ",", "DT", "NN", "VBN", "IN", "NNP"]
    return build_doc(nlp, words, heads, deps, tags=tags)


def test_nearest_mention_looks_inside_the_noun_phrase_but_not_its_clauses(nlp: Language) -> None:
    doc = government_of_togo(nlp)
    parsed = article(doc, mention(doc, 3, 4, "TGO"), mention(doc, 5, 6, "BEN"), mention(doc, 11, 12, "GHA"))
    found = nearest_mention(parsed, doc[1])
    assert found is not None and found.text == "Togo"
    # conjuncts of the head count; "Ghana" sits in a participle clause and never does
    assert [a.country for m in resolve(parsed, [doc[1]]) if (a := m.actor)] == ["TGO"]
    assert [a.country for m in resolve(parsed, [doc[3]]) if (a := m.actor)] == ["TGO", "BEN"]
    assert nearest_mention(article(doc, mention(doc, 11, 12, "GHA")), doc[1]) is None


def test_a_mention_without_actor_is_passed_over(nlp: Language) -> None:
    doc = government_of_togo(nlp)
    parsed = article(doc, mention(doc, 0, 2, None), mention(doc, 3, 4, "TGO"))
    found = nearest_mention(parsed, doc[1])
    assert found is not None and found.text == "Togo"


def test_target_pool_leaves_out_the_source_and_its_own_things(nlp: Language) -> None:
    # Peru sent its troops and Chilean advisers
    doc = build_doc(
        nlp,
        ["Peru", "sent", "its", "troops", "and", "Chilean", "advisers"],
        heads=[1, 1, 3, 1, 3, 6, 3],
        deps=["nsubj", "ROOT", "poss", "dobj", "cc", "amod", "conj"],
    )
    peru = mention(doc, 0, 1, "PER")
    its = mention(doc, 2, 3, "PER", "pronoun")
    troops = mention(doc, 2, 4, "PER", "nominal", sector="MIL")
    chileans = mention(doc, 5, 7, "CHL", "nominal")
    parsed = article(doc, peru, its, troops, chileans)
    assert target_pool(parsed, [peru]) == [chileans]


def test_place_actors_give_the_country_of_the_place(nlp: Language) -> None:
    doc = government_of_togo(nlp)
    parsed = article(doc, places=(mention(doc, 5, 6, "BEN"),))
    assert [a.country for a in place_actors(parsed, [doc[5]])] == ["BEN"]
    assert place_actors(parsed, [doc[8]]) == ()


def test_stranded_subject_is_the_conjunct_right_before_the_verb(nlp: Language) -> None:
    # Laos shelled Muang and Thailand protested
    words = ["Laos", "shelled", "Muang", "and", "Thailand", "protested"]
    heads = [1, 1, 1, 2, 2, 1]
    deps = ["nsubj", "ROOT", "dobj", "cc", "conj", "conj"]
    tags = ["NNP", "VBD", "NNP", "CC", "NNP", "VBD"]
    pos = ["PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "VERB"]
    doc = build_doc(nlp, words, heads, deps, tags=tags, pos=pos)
    assert stranded_subject(doc[5]) == doc[4]
    assert stranded_subject(doc[1]) is None


def test_within_sentence_keeps_only_that_sentences_mentions_and_places(nlp: Language) -> None:
    doc = nlp("Chad shelled Libya. Sudan protested in Khartoum.")
    second = next(t for t in doc if t.text == "Sudan")
    parsed = article(
        doc,
        mention(doc, 0, 1, "TCD"),
        mention(doc, 2, 3, "LBY"),
        mention(doc, second.i, second.i + 1, "SDN"),
        places=(mention(doc, second.i + 3, second.i + 4, "SDN"),),
    )
    local = within_sentence(parsed, second)
    assert [m.text for m in local.mentions] == ["Sudan"]
    assert [m.text for m in local.places] == ["Khartoum"]


def test_an_actor_with_neither_country_nor_name_is_passed_over(nlp: Language) -> None:
    doc = government_of_togo(nlp)
    blank = Mention("government", 4, 14, 0, 1, 2, "nominal", actor=Actor(text="government"), head=1)
    parsed = article(doc, blank, mention(doc, 3, 4, "TGO"))
    found = nearest_mention(parsed, doc[1])
    assert found is not None and found.text == "Togo"


def test_a_subject_hung_on_an_earlier_noun_is_given_back_to_its_verb(nlp: Language) -> None:
    # With the deal , Chad and Niger have agreed .  -- parsed with "Chad" as a conjunct of "deal"
    words = ["With", "the", "deal", ",", "Chad", "and", "Niger", "have", "agreed", "."]
    heads = [8, 2, 0, 8, 2, 4, 4, 8, 8, 8]
    deps = ["prep", "det", "pobj", "punct", "conj", "cc", "conj", "aux", "ROOT", "punct"]
    tags = ["IN", "DT", "NN", ",", "NNP", "CC", "NNP", "VBP", "VBN", "."]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN", "AUX", "VERB", "PUNCT"]
    doc = build_doc(nlp, words, heads, deps, tags=tags, pos=pos)
    assert stranded_subject(doc[8]) == doc[4]
    parsed = article(doc, mention(doc, 4, 5, "TCD"), mention(doc, 6, 7, "NER"))
    assert [m.actor.country for m in resolve(parsed, [doc[4]]) if m.actor] == ["TCD", "NER"]
    # and the deal's own conjuncts no longer include the stranded subject
    assert resolve(parsed, [doc[2]]) == []
