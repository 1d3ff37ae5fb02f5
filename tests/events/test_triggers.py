"""Trigger lexicon and matcher: every PLOVER type, disambiguation by context, offsets.

The sentences are written for these tests (wire-copy style); each table row says which
PLOVER type and CAMEO root the main event of the sentence must get.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ConfigError
from eventwire.events.lexicon import build_lexicon, parse_frames, parse_lexicon_file, read_yaml
from eventwire.events.select import is_definite
from eventwire.events.stage import RuleCoder, rule_coder, trigger_span
from eventwire.events.triggers import TriggerMatch, best_match, find_triggers, topic_triggers
from tests.conftest import build_doc, build_stage, shared_knowledge

# (sentence, PLOVER type, CAMEO root) -- at least two per type.
MAIN_EVENTS = [
    # AGREE
    ("Kenya and Uganda agreed on Tuesday to reopen their common border.", "AGREE", "03"),
    ("The rebels said they were ready to discuss a truce with the army.", "AGREE", "03"),
    ("Japan pledged to provide 40 million dollars in reconstruction aid to Angola.", "AGREE", "03"),
    ("The junta offered to hold talks with the opposition next month.", "AGREE", "03"),
    # CONSULT
    ("The Chinese foreign minister met his Indian counterpart in Geneva on Friday.", "CONSULT", "04"),
    ("Peru and Ecuador held talks in Brasilia on their border dispute.", "CONSULT", "04"),
    ("The Pope arrived in Havana on Sunday for a five-day visit.", "CONSULT", "04"),
    ("Norway has mediated between the government and the Tamil rebels since 2000.", "CONSULT", "04"),
    # SUPPORT
    ("The European Union praised Ghana for holding peaceful elections.", "SUPPORT", "05"),
    ("Portugal and Indonesia restored diplomatic relations after a long break.", "SUPPORT", "05"),
    ("Egypt and Sudan signed a treaty on sharing the Nile waters.", "SUPPORT", "05"),
    # CONCEDE
    ("The military government lifted the curfew in the capital on Monday.", "CONCEDE", "08"),
    ("The president bowed to pressure from the unions and dropped the tax.", "CONCEDE", "08"),
    ("Authorities legalized the main opposition party after ten years.", "CONCEDE", "08"),
    # COOPERATE
    ("Turkish and Israeli warships began joint naval exercises off the coast.", "COOPERATE", "06"),
    ("Pakistan has shared intelligence with Kabul about the bombing network.", "COOPERATE", "06"),
    ("Spain extradited two suspects to France on Thursday.", "COOPERATE", "06"),
    # AID
    ("Britain sent 200 tons of food and medicine to the flood victims in Bangladesh.", "AID", "07"),
    ("The World Bank approved a 300 million dollar loan for Kenya.", "AID", "07"),
    ("Sweden granted asylum to the dissident journalist.", "AID", "07"),
    # RETREAT
    ("Guerrillas released 12 hostages on Saturday, the Red Cross said.", "RETREAT", "08"),
    ("The army withdrew its troops from the disputed border region.", "RETREAT", "08"),
    ("The prime minister resigned on Friday after the scandal.", "RETREAT", "08"),
    ("Washington lifted sanctions on Vietnam after twenty years.", "RETREAT", "08"),
    # REQUEST
    ("The opposition demanded the release of all political prisoners.", "REQUEST", "10"),
    (
        "The United Nations urged both sides to respect the ceasefire.",
        "REQUEST",
        "02",
    ),  # an appeal (CAMEO 02x), not a demand
    ("The bishops called for an end to the fighting in the north.", "REQUEST", "02"),
    ("Officials in Manila said the rebels must release the kidnapped nurses.", "REQUEST", "10"),
    # ACCUSE
    ("The government accused the opposition of plotting a coup.", "ACCUSE", "11"),
    ("Amnesty International condemned the execution of the three students.", "ACCUSE", "11"),
    ("Prosecutors opened an investigation into the minister's bank accounts.", "ACCUSE", "09"),
    ("Greece expressed concern about the growing number of incidents in the Aegean.", "ACCUSE", "11"),
    # REJECT
    ("Baghdad rejected the proposal for new inspections.", "REJECT", "12"),
    ("The rebels refused to hand over their weapons.", "REJECT", "12"),
    ("The president turned down an invitation to the summit.", "REJECT", "12"),
    # THREATEN
    ("The union threatened to strike if wages were not raised.", "THREATEN", "13"),
    ("Moscow warned that it would retaliate against any attack.", "THREATEN", "13"),
    ("The minister issued an ultimatum to the striking miners.", "THREATEN", "13"),
    # PROTEST
    ("Thousands of students demonstrated in Jakarta against the price rises.", "PROTEST", "14"),
    ("Dock workers went on strike in Rotterdam on Monday.", "PROTEST", "14"),
    ("Farmers blocked roads across the country to protest the new tax.", "PROTEST", "14"),
    ("The jailed activist began a hunger strike on Tuesday.", "PROTEST", "14"),
    # MOBILIZE
    ("India deployed thousands of troops along the border with Pakistan.", "MOBILIZE", "15"),
    ("The army put its units on high alert after the explosion.", "MOBILIZE", "15"),
    ("The navy test-fired a new cruise missile on Wednesday.", "MOBILIZE", "15"),
    # SANCTION
    ("Iran recalled its ambassador from London on Monday.", "SANCTION", "16"),
    ("The Netherlands suspended aid to Suriname after the killings.", "SANCTION", "16"),
    ("The government expelled two American diplomats for spying.", "SANCTION", "16"),
    ("The European Union imposed sanctions on Belarus.", "SANCTION", "16"),
    # COERCE
    ("Police arrested 40 opposition supporters in Harare on Saturday.", "COERCE", "17"),
    ("The authorities imposed a curfew on the city after the riots.", "COERCE", "17"),
    ("The government banned the main opposition newspaper.", "COERCE", "17"),
    ("Malaysia deported 300 illegal immigrants to Indonesia.", "COERCE", "17"),
    # ASSAULT
    ("Government warplanes bombed rebel positions near the town.", "ASSAULT", "19"),
    ("Gunmen killed five policemen in an ambush on Sunday.", "ASSAULT", "18"),
    ("A car bomb exploded outside the ministry, killing nine people.", "ASSAULT", "18"),
    ("Artillery shelled the suburbs of the capital overnight.", "ASSAULT", "19"),
    ("Militants kidnapped two foreign engineers in the delta.", "ASSAULT", "18"),
]

# Same verb, different event: the context picks the code.
DISAMBIGUATION = [
    ("The opposition called for new elections.", "REQUEST"),
    ("Washington imposed sanctions on Pyongyang.", "SANCTION"),
    ("Washington lifted sanctions on Pyongyang.", "RETREAT"),
    ("Caracas recalled its ambassador from Bogota.", "SANCTION"),
    ("Troops massed on the border with Georgia.", "MOBILIZE"),
    ("The two leaders met in Oslo.", "CONSULT"),
    ("The two sides held talks in Oslo.", "CONSULT"),
    ("Hanoi is ready to discuss the border with Beijing.", "AGREE"),
    ("The government raised the issue of the release of the prisoners with Rabat.", "REQUEST"),
    ("Workers struck at three steel plants in the north.", "PROTEST"),
    ("The ministry released a statement on the crisis.", None),
    ("The army released 30 prisoners of war.", "RETREAT"),
    ("Egypt opened its border crossing to aid convoys.", "RETREAT"),
    ("Seoul will not allow the inspectors to enter.", "REJECT"),
    ("The rebels renewed their demand that the army withdraw from the valley.", "REQUEST"),
    ("Students staged a protest after the police arrested their leader.", "PROTEST"),
    # tear gas on a crowd is crowd-control force (ASSAULT 175, plover.csv), the dispersal its aim
    ("Riot police used tear gas to disperse the crowd.", "ASSAULT"),
    ("Riot police dispersed the crowd.", "COERCE"),
    ("The last foreign troops left the country on Sunday.", "RETREAT"),
    ("Libya withdrew from the summit in protest.", "SANCTION"),
    ("Six people were killed in riots in the port city on Friday.", "PROTEST"),
    ("Police shot dead two demonstrators during the protest.", "ASSAULT"),
    ("The meeting between the two envoys took place in Vienna.", "CONSULT"),
    ("Talks between Athens and Ankara resumed on Monday.", "CONSULT"),
    ("The minister took questions from reporters about the embargo.", None),
    ("The assembly passed a resolution urging the junta to free all detainees.", "REQUEST"),
    ("Both ministers agreed that the situation remained serious.", None),
    ("The government said it would not negotiate with the hijackers.", "REJECT"),
    ("A team of U.N. inspectors visited the weapons plant on Monday.", "ACCUSE"),
    ("The last foreign troops completed their withdrawal from the region.", "RETREAT"),
    ("The army said it was prepared to use force against the strikers.", "THREATEN"),
    (
        "Rome announced a suspension of flights to Belgrade after Serbian jets shot down a helicopter.",
        "SANCTION",
    ),
    ("The two ministers agreed that their governments should cooperate against smuggling.", "AGREE"),
]


@pytest.fixture(scope="module")
def coder() -> RuleCoder:
    return build_stage(rule_coder)


def main_event(coder: RuleCoder, doc: Doc) -> TriggerMatch | None:
    kept = list(coder.selected(doc))
    return kept[0].candidate.match if kept else None


@pytest.mark.parametrize(("text", "plover", "root"), MAIN_EVENTS)
def test_main_event_of_each_type(nlp: Language, coder: RuleCoder, text: str, plover: str, root: str) -> None:
    match = main_event(coder, nlp(text))
    assert match is not None, text
    assert (match.plover, match.cameo[:2]) == (plover, root), f"{text} -> {match}"


def test_every_plover_type_is_tested_and_in_the_lexicon() -> None:
    types = set(shared_knowledge().ontology.plover_types())
    assert {plover for _, plover, _ in MAIN_EVENTS} == types
    assert {entry.plover for entry in shared_knowledge().lexicon.entries} == types


@pytest.mark.parametrize(("text", "plover"), DISAMBIGUATION)
def test_context_selects_the_code(nlp: Language, coder: RuleCoder, text: str, plover: str | None) -> None:
    match = main_event(coder, nlp(text))
    assert (match.plover if match else None) == plover, f"{text} -> {match}"


def test_called_off_is_not_called_for(nlp: Language, coder: RuleCoder) -> None:
    match = main_event(coder, nlp("The opposition called off the general strike."))
    assert match is None or match.plover != "REQUEST"


def test_trigger_offsets_cover_the_phrase(nlp: Language) -> None:
    text = "After a long night, the rebels called off the talks with the army."
    doc = nlp(text)
    token = next(t for t in doc if t.text == "called")
    match = best_match(shared_knowledge().lexicon, token)
    assert match is not None and match.plover == "SANCTION"
    span = trigger_span(text, doc, match)
    assert (span.text, span.start, span.end) == ("called off", text.index("called"), text.index(" the talks"))


def test_nominal_trigger_with_light_verb(nlp: Language) -> None:
    doc = nlp("Pakistan and India held talks with each other in Delhi.")
    found = {doc[m.token].text: m for m in find_triggers(doc, shared_knowledge().lexicon)}
    talks = found["talks"]
    assert talks.nominal and talks.reciprocal and talks.plover == "CONSULT"
    assert "held" in {doc[i].text for i in talks.tokens}


# ---- rules on hand-built parses: the parse is fixed, only the rule is tested ----


def _call_doc(nlp: Language, particle: str) -> Doc:
    # "Unions called off/for strikes ."
    dep = "prt" if particle == "off" else "prep"
    return build_doc(
        nlp,
        words=["Unions", "called", particle, "strikes", "."],
        heads=[1, 1, 1, 1 if particle == "off" else 2, 1],
        deps=["nsubj", "ROOT", dep, "dobj" if particle == "off" else "pobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
        tags=["NNS", "VBD", "RP" if particle == "off" else "IN", "NNS", "."],
        lemmas=["union", "call", particle, "strike", "."],
    )


def test_phrasal_verb_is_not_its_bare_verb(nlp: Language) -> None:
    lexicon = shared_knowledge().lexicon
    call_for = best_match(lexicon, _call_doc(nlp, "for")[1])
    call_off = best_match(lexicon, _call_doc(nlp, "off")[1])
    assert call_for is not None and call_for.plover == "REQUEST"
    assert call_off is None or call_off.plover != "REQUEST"


def test_object_condition_on_a_hand_built_parse(nlp: Language) -> None:
    # "Ottawa recalled its envoy ." -> SANCTION; "Ottawa recalled the past ." -> nothing
    def doc(obj: str) -> Doc:
        return build_doc(
            nlp,
            words=["Ottawa", "recalled", "its", obj, "."],
            heads=[1, 1, 3, 1, 1],
            deps=["nsubj", "ROOT", "poss", "dobj", "punct"],
            pos=["PROPN", "VERB", "PRON", "NOUN", "PUNCT"],
            tags=["NNP", "VBD", "PRP$", "NN", "."],
            lemmas=["Ottawa", "recall", "its", obj, "."],
        )

    lexicon = shared_knowledge().lexicon
    envoy = best_match(lexicon, doc("envoy")[1])
    assert envoy is not None and envoy.plover == "SANCTION" and envoy.cameo == "161"
    assert best_match(lexicon, doc("past")[1]) is None


def test_frame_absorbs_the_governed_event(nlp: Language, coder: RuleCoder) -> None:
    # "Hanoi refused to release the prisoners ." with the parse given by hand
    doc = build_doc(
        nlp,
        words=["Hanoi", "refused", "to", "release", "the", "prisoners", "."],
        heads=[1, 1, 3, 1, 5, 3, 1],
        deps=["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "punct"],
        pos=["PROPN", "VERB", "PART", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["NNP", "VBD", "TO", "VB", "DT", "NNS", "."],
        lemmas=["Hanoi", "refuse", "to", "release", "the", "prisoner", "."],
    )
    kept = list(coder.selected(doc))
    assert len(kept) == 1
    match = kept[0].candidate.match
    assert (match.plover, match.cameo, match.token) == ("REJECT", "1243", 1)
    assert kept[0].candidate.content is not None and kept[0].candidate.content.plover == "RETREAT"


# ---- the lexicon files ----


def test_lexicon_codes_exist_in_the_ontology() -> None:
    ontology = shared_knowledge().ontology
    lexicon = shared_knowledge().lexicon
    for entry in lexicon.entries:
        ontology.cameo(entry.cameo)
        if entry.negated_cameo:
            ontology.cameo(entry.negated_cameo)
    for table in lexicon.frames.frame_cameo.values():
        for code in table.values():
            if code != "keep":
                ontology.cameo(code)


def test_lexicon_is_broad() -> None:
    lexicon = shared_knowledge().lexicon
    assert len(lexicon.entries) >= 300
    assert sum(len(e.lemmas) for e in lexicon.entries) >= 1500
    for entry in lexicon.entries:
        words = entry.lemmas + entry.objects + entry.preps + entry.particles + entry.mods + entry.subjects
        assert all(w and " " not in w for w in words), entry.id


def test_yaml_on_and_off_are_words() -> None:
    data = read_yaml(
        "plover: SANCTION\nverbs:\n  - {id: x.y, lemma: call, particles: [off, on], cameo: '164'}\n"
    )
    (entry,) = parse_lexicon_file(data)
    assert entry.particles == ("off", "on")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("verbs:\n  - {id: a, lemma: x, cameo: '010'}\n", "no 'plover'"),
        ("plover: AGREE\nverbs:\n  - {id: a, lemma: x, cameo: '030', objet: [y]}\n", "unknown key"),
        ("plover: AGREE\nverbs:\n  - {id: a, lemma: x, cameo: '030', frame: MAYBE}\n", "unknown frame"),
        ("plover: AGREE\nverbs:\n  - {id: a, cameo: '030'}\n", "lacks"),
    ],
)
def test_bad_lexicon_files_are_rejected(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_lexicon_file(read_yaml(text))


def test_duplicate_ids_are_rejected() -> None:
    data = read_yaml(
        "plover: AGREE\nverbs:\n  - {id: a, lemma: x, cameo: '030'}\n  - {id: a, lemma: y, cameo: '030'}\n"
    )
    with pytest.raises(ConfigError, match="duplicate"):
        build_lexicon(parse_lexicon_file(data), parse_frames({}))


def test_specific_entries_are_stronger() -> None:
    lexicon = shared_knowledge().lexicon
    bare = lexicon.entry("coerce.arrest_plain")
    with_object = lexicon.entry("coerce.arrest")
    assert with_object.strength > bare.strength


TROOP_GROWTH_NOUNS = [
    # (text, noun that triggers MOBILIZE, trigger phrase)
    ("Satellites showed a build-up of Serbian tanks.", "up", "build-up"),
    ("Officials reported a sharp increase in the number of troops in the area.", "increase", "increase"),
    ("Observers saw a rise in Syrian forces along the river.", "rise", "rise"),
]


@pytest.mark.parametrize(("text", "word", "phrase"), TROOP_GROWTH_NOUNS)
def test_troop_growth_nouns(nlp: Language, text: str, word: str, phrase: str) -> None:
    doc = nlp(text)
    match = best_match(shared_knowledge().lexicon, next(t for t in doc if t.text == word))
    assert match is not None and match.plover == "MOBILIZE"
    assert doc[min(match.tokens) : max(match.tokens) + 1].text == phrase


def test_increase_in_prices_is_no_mobilization(nlp: Language) -> None:
    doc = nlp("Officials reported a sharp increase in the price of bread.")
    match = best_match(shared_knowledge().lexicon, next(t for t in doc if t.text == "increase"))
    assert match is None or match.plover != "MOBILIZE"


def test_topic_nouns_are_found_only_on_request(nlp: Language) -> None:
    doc = nlp("The minister spoke about the massing of troops.")
    lexicon = shared_knowledge().lexicon
    assert "massing" not in {doc[m.token].text for m in find_triggers(doc, lexicon)}
    assert [doc[m.token].text for m in topic_triggers(doc, lexicon)] == ["massing"]


@pytest.mark.parametrize(
    ("text", "noun", "definite"),
    [
        ("They condemned the raid.", "raid", True),
        ("They condemned Iraq's raid.", "raid", True),
        ("They condemned raids.", "raids", False),
        ("They condemned a raid.", "raid", False),
    ],
)
def test_definite_nouns(nlp: Language, text: str, noun: str, definite: bool) -> None:
    doc = nlp(text)
    assert is_definite(next(t for t in doc if t.text == noun)) is definite
