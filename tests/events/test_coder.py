"""The events.rules stage: Events assembled from triggers, with ontology facts and offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import eventwire.events.stage as stage_module
from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.events.arguments import ArgumentContext, Arguments
from eventwire.events.select import clause_depth, confidence
from eventwire.events.stage import RuleCoder, rule_coder
from eventwire.events.triggers import TriggerMatch
from eventwire.knowledge import Knowledge
from eventwire.nlp.parsed import ParsedArticle, parse_articles
from eventwire.pipeline import Pipeline
from eventwire.records import Actor, Article, Event, Mention
from tests.conftest import build_doc, build_stage, shared_knowledge


def coded(nlp: Language, text: str, coder: RuleCoder | None = None) -> tuple[Event, ...]:
    parsed: ParsedArticle = next(parse_articles(nlp, [Article(text=text)]))
    return (coder or build_stage(rule_coder))(parsed).events


def test_event_carries_ontology_facts_and_offsets(nlp: Language) -> None:
    text = "Quiet day in the north.\nThe army withdrew its troops from the border zone on Monday."
    (event,) = coded(nlp, text)
    record = shared_knowledge().ontology.cameo(event.cameo)
    assert (event.plover, event.cameo, event.mode) == ("RETREAT", "0874", "withdraw")
    assert (event.goldstein, event.quad, event.context) == (record.goldstein, record.quad, record.context)
    assert event.sentence == 1
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text == "withdrew"
    assert event.trigger.start == text.index("withdrew")
    assert 0.0 <= event.confidence <= 1.0
    assert event.coder == "rules"


def test_one_event_per_main_clause_by_default(nlp: Language) -> None:
    # two coordinated main clauses, two events; the background "after the riots" adds none
    text = "Rebels shelled the airport and police arrested dozens of protesters after the riots."
    assert sorted(e.plover for e in coded(nlp, text)) == ["ASSAULT", "COERCE"]


def test_one_event_per_sentence_when_main_clauses_are_switched_off(nlp: Language) -> None:
    text = "Rebels shelled the airport and police arrested dozens of protesters after the riots."
    options = {"options": {"events.rules": {"per_main_clause": False}}}
    coder = build_stage(rule_coder, Settings.from_mapping(options))
    assert len(coded(nlp, text, coder)) == 1


def test_max_per_sentence_option(nlp: Language) -> None:
    text = "Rebels shelled the airport and police arrested dozens of protesters after the riots."
    coder = build_stage(
        rule_coder, Settings.from_mapping({"options": {"events.rules": {"max_per_sentence": 3}}})
    )
    events = coded(nlp, text, coder)
    assert len(events) >= 2
    assert len({e.trigger.start for e in events}) == len(events)


def test_each_sentence_gets_its_event(nlp: Language) -> None:
    text = "Police detained four journalists in Minsk. The European Union condemned the arrests."
    events = coded(nlp, text)
    assert [(e.sentence, e.plover) for e in events] == [(0, "COERCE"), (1, "ACCUSE")]


def test_negated_permission_is_a_refusal_not_a_negated_event(nlp: Language) -> None:
    (event,) = coded(nlp, "The government did not allow the inspectors into the plant.")
    assert (event.plover, event.negated) == ("REJECT", False)


def test_future_refusal_is_an_asserted_rejection(nlp: Language) -> None:
    (event,) = coded(nlp, "The rebels said they would not withdraw from the town.")
    assert (event.plover, event.cameo[:2], event.negated, event.modality) == (
        "REJECT",
        "12",
        False,
        "asserted",
    )


def test_plain_negation_is_kept(nlp: Language) -> None:
    (event,) = coded(nlp, "The army did not withdraw its troops from the town.")
    assert event.plover == "RETREAT" and event.negated


def test_demand_with_must_is_asserted_request(nlp: Language) -> None:
    (event,) = coded(nlp, "Ankara said Athens must withdraw its troops from the islands.")
    assert (event.plover, event.cameo[:2], event.modality) == ("REQUEST", "10", "asserted")
    assert event.trigger.text == "must withdraw"


def test_background_clause_does_not_win(nlp: Language) -> None:
    # the main event is the recall; the shooting is background in a subordinate clause
    text = "Spain recalled its ambassador from Rabat after border guards shot two migrants."
    (event,) = coded(nlp, text)
    assert event.plover == "SANCTION"


def test_no_event_in_a_sentence_without_one(nlp: Language) -> None:
    assert coded(nlp, "The weather in the capital was mild for the season.") == ()


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ((0.9, 1.0, 0.0, "asserted"), (0.5, 1.0, 0.0, "asserted")),  # specific pattern
        ((0.7, 1.0, 0.0, "asserted"), (0.7, 0.0, 0.0, "asserted")),  # actors found
        ((0.7, 0.5, 0.0, "asserted"), (0.7, 0.5, 2.0, "asserted")),  # main clause
        ((0.7, 0.5, 0.0, "asserted"), (0.7, 0.5, 0.0, "hypothetical")),  # asserted
    ],
)
def test_confidence_orders_evidence(better: tuple, worse: tuple) -> None:  # type: ignore[type-arg]
    assert confidence(*better) > confidence(*worse)
    assert 0.0 <= confidence(*worse) <= confidence(*better) <= 1.0


def test_min_confidence_setting_can_drop_weak_events(nlp: Language) -> None:
    text = "Police detained four journalists in Minsk."
    settings = Settings(min_confidence=0.99)
    knowledge = shared_knowledge()
    assert Pipeline.from_config(settings, knowledge=knowledge).code_text(text).events == ()
    assert (
        Pipeline.from_config(settings.replace(min_confidence=0.1), knowledge=knowledge).code_text(text).events
    )


def _with_actors(nlp: Language, text: str, actors: dict[str, str]) -> ParsedArticle:
    """The article parsed, with a resolved mention for each one-word actor name given."""
    parsed = next(parse_articles(nlp, [Article(text=text)]))
    mentions = []
    for token in parsed.doc:
        if token.text in actors:
            actor = Actor(text=token.text, name=token.text, country=actors[token.text], kind="state")
            mentions.append(
                Mention(
                    text=token.text,
                    start=token.idx,
                    end=token.idx + len(token.text),
                    sentence=0,
                    token_start=token.i,
                    token_end=token.i + 1,
                    kind="name",
                    actor=actor,
                    head=token.i,
                )
            )
    return parsed.with_(mentions=tuple(mentions))


@pytest.mark.parametrize(
    ("text", "plover", "source", "target"),
    [
        ("Israel threatened to ban Hamas from the elections.", "THREATEN", "ISR", "PSE"),
        ("Beijing demanded that Washington cancel the arms sale.", "REQUEST", "CHN", "USA"),
        ("Belgrade refused to lift the curfew on Kosovo.", "REJECT", "SRB", "XKX"),
    ],
)
def test_frame_target_comes_from_the_governed_event(
    nlp: Language, text: str, plover: str, source: str, target: str
) -> None:
    names = {"Israel": "ISR", "Hamas": "PSE", "Beijing": "CHN", "Washington": "USA"}
    names |= {"Belgrade": "SRB", "Kosovo": "XKX"}
    (event,) = build_stage(rule_coder)(_with_actors(nlp, text, names)).events
    assert event.plover == plover
    assert [a.country for a in event.source] == [source]
    assert [a.country for a in event.target] == [target]


def test_user_lexicon_file_adds_and_replaces_entries(nlp: Language, tmp_path: Path) -> None:
    text = "The ministry stonewalled the journalists for a week."
    assert coded(nlp, text) == ()
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "plover: REJECT\nverbs:\n"
        "  - {id: mine.stonewall, lemma: [stonewall], cameo: '120'}\n"
        "  - {id: support.welcome, lemma: [welcome], cameo: '043', plover: CONSULT}\n",
        "utf-8",
    )
    settings = Settings.load(lexicon_files=[str(extra)])
    coder = build_stage(rule_coder, settings, Knowledge.from_settings(settings))
    assert [e.plover for e in coded(nlp, text, coder)] == ["REJECT"]
    (welcome,) = coded(nlp, "The president welcomed the decision.", coder)
    assert (welcome.plover, welcome.cameo) == ("CONSULT", "043")


def test_unreadable_user_lexicon_is_a_config_error(tmp_path: Path) -> None:
    settings = Settings.load(lexicon_files=[str(tmp_path / "missing.yaml")])
    with pytest.raises(ConfigError, match="cannot read lexicon file"):
        build_stage(rule_coder, settings, Knowledge.from_settings(settings))


def test_frame_target_filled_from_the_governed_event(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only the governed event's own argument finder sees the target: the stage must use it.
    parsed = next(parse_articles(nlp, [Article(text="Hanoi refused to free the Thai sailors.")]))
    hanoi, thailand = Actor(text="Hanoi", country="VNM"), Actor(text="Thai", country="THA")

    def fake(context: ArgumentContext, parsed: ParsedArticle, trigger: TriggerMatch) -> Arguments:
        if parsed.doc[trigger.token].lemma_ == "refuse":
            return Arguments(source=(hanoi,), target=(), completeness=0.5)
        return Arguments(source=(hanoi,), target=(thailand,), completeness=1.0)

    monkeypatch.setattr(stage_module, "find_arguments", fake)
    (event,) = build_stage(rule_coder)(parsed).events
    assert (event.plover, event.source, event.target) == ("REJECT", (hanoi,), (thailand,))


def test_reported_clause_is_main_and_background_clause_is_not(nlp: Language) -> None:
    # "Rebels shelled Jaffna after talks collapsed , officials said ." parsed by hand
    doc = build_doc(
        nlp,
        words=["Rebels", "shelled", "Jaffna", "after", "talks", "collapsed", ",", "officials", "said", "."],
        heads=[1, 8, 1, 5, 5, 1, 8, 8, 8, 8],
        deps=["nsubj", "ccomp", "dobj", "mark", "nsubj", "advcl", "punct", "nsubj", "ROOT", "punct"],
        pos=["NOUN", "VERB", "PROPN", "SCONJ", "NOUN", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"],
        lemmas=["rebel", "shell", "Jaffna", "after", "talk", "collapse", ",", "official", "say", "."],
    )
    frames = shared_knowledge().lexicon.frames
    assert clause_depth(doc[1], frames) == 0.0
    assert clause_depth(doc[5], frames) >= 1.0


def test_trigger_offsets_hold_deep_into_a_long_article(nlp: Language) -> None:
    # offsets come from the article string, so they must stay exact far from the start
    paragraph = "The rebels shelled the airport.\n\nLater the army withdrew from the valley.  "
    text = paragraph * 30
    events = coded(nlp, text)
    assert len(events) >= 30
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert max(e.trigger.start for e in events) > len(text) - len(paragraph)


OWN_SIDE_THREATS = [
    # (text, threat target country): the governed clause's subject is the speaker's own side
    ("The French president warned that France would retaliate against Iran if the ship was seized.", "IRN"),
    ("Kim Jong Un warned that his army would crush any attack by South Korea.", "KOR"),
    ("The Indian minister warned that we will respond firmly to Pakistan.", "PAK"),
    ("Blinken warned that the United States would react to China's military drills.", "CHN"),
    # not the own side: the clause subject is the target, as before
    ("Germany warned that Russia would face consequences.", "RUS"),
    # an addressee named outside the clause stays the target
    ("The Chinese foreign minister warned Washington that Beijing would take countermeasures.", "USA"),
]


@pytest.mark.parametrize(("text", "country"), OWN_SIDE_THREATS)
def test_own_side_threat_targets_what_the_reaction_aims_at(code, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in code(text).events if e.plover == "THREATEN"]
    assert [a.country for a in event.target] == [country]


def test_same_country_insurgents_are_another_side() -> None:
    government = (Actor(text="the president", country="TUR", sector="GOV", kind="person"),)
    rebels = Actor(text="Kurdish militants", country="TUR", sector="INS", kind="group")
    army = Actor(text="the army", country="TUR", sector="MIL", kind="organization")
    state = Actor(text="Turkey", name="Turkey", country="TUR", kind="state")
    assert [stage_module._on_side(a, government) for a in (rebels, army, state)] == [False, True, True]


REPORTED_NOMINAL_EVENTS = [
    # (text, [(plover, source country, target country or None)]): a reaction to another side's act
    (
        "The Finnish minister voiced alarm about the build-up of Russian forces near Narva.",
        [("ACCUSE", "FIN", "RUS"), ("MOBILIZE", "RUS", None)],
    ),
    (
        "Manila protested the increase in the number of Chinese warships near the reef.",
        [("PROTEST", "PHL", "CHN"), ("MOBILIZE", "CHN", None)],
    ),
    (
        "Poland condemned the massing of Belarusian troops.",
        [("ACCUSE", "POL", "BLR"), ("MOBILIZE", "BLR", None)],
    ),
    (
        "Greece condemned the Turkish police's detention of the editor.",
        [("ACCUSE", "GRC", "TUR"), ("COERCE", "TUR", None)],
    ),
    # the act is the reacting side's own: one event only
    ("Germany criticized the deployment of German troops to Mali.", [("ACCUSE", "DEU", "MLI")]),
    # a proposal is not reported as done by being rejected
    ("Serbia rejected the Austrian ultimatum.", [("REJECT", "SRB", "AUT")]),
    # a bare plural may be habitual: no event of its own
    ("Beirut complained about Israeli air raids.", [("ACCUSE", "LBN", "ISR")]),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED_NOMINAL_EVENTS)
def test_reaction_to_a_nominal_event_reports_it(code, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    events = code(text).events
    found = [(e.plover, e.source[0].country if e.source else None, e.target) for e in events]
    assert [(p, s) for p, s, _ in found] == [(p, s) for p, s, _ in expected]
    for (_, _, target), (_, _, country) in zip(found, expected, strict=True):
        assert country is None or [a.country for a in target][:1] == [country]
