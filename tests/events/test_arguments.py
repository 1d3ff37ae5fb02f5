"""Source and target actors of a trigger, from the parse and hand-made mentions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.arguments import ArgumentContext, Arguments, completeness, find_arguments
from eventwire.events.triggers import TriggerMatch
from eventwire.nlp.parsed import ParsedArticle, sentences_of
from eventwire.records import Actor, Article, Mention, MentionKind
from tests.conftest import build_doc, shared_knowledge

KNOWLEDGE = shared_knowledge()
CONTEXT = ArgumentContext.of(KNOWLEDGE.argument_tables, KNOWLEDGE.lexicon)
PRONOUNS = frozenset({"it", "its", "they", "their", "he", "his", "she", "her"})


def _mention(doc: Doc, phrase: str, actor: Actor | None, kind: MentionKind | None = None) -> Mention:
    words = phrase.split()
    for start in range(len(doc) - len(words) + 1):
        if [t.text for t in doc[start : start + len(words)]] == words:
            span = doc[start : start + len(words)]
            return Mention(
                text=phrase,
                start=span.start_char,
                end=span.end_char,
                sentence=0,
                token_start=span.start,
                token_end=span.end,
                kind=kind or ("pronoun" if phrase.lower() in PRONOUNS else "name"),
                actor=actor,
                head=span.root.i,
            )
    raise AssertionError(f"{phrase!r} not in {doc.text!r}")


def parsed_with(doc: Doc, actors: Mapping[str, str | None]) -> ParsedArticle:
    """An article whose mentions are given by hand: phrase -> country (None: not an actor)."""
    mentions = tuple(
        _mention(doc, phrase, Actor(text=phrase, country=code) if code else None)
        for phrase, code in actors.items()
    )
    return ParsedArticle(
        article=Article(text=doc.text), doc=doc, sentences=sentences_of(doc), mentions=mentions
    )


def trigger_at(
    doc: Doc,
    word: str,
    plover: str = "ASSAULT",
    *,
    nominal: bool = False,
    reciprocal: bool = False,
    target_preps: tuple[str, ...] = (),
) -> TriggerMatch:
    index = next(t.i for t in doc if t.text == word)
    return TriggerMatch(
        token=index,
        tokens=(index,),
        cameo="190",
        plover=plover,
        mode=None,
        strength=0.5,
        pattern="test",
        target_preps=target_preps,
        nominal=nominal,
        reciprocal=reciprocal,
    )


def countries(args: Arguments) -> tuple[list[str], list[str]]:
    return [a.country or "?" for a in args.source], [a.country or "?" for a in args.target]


@dataclass(frozen=True)
class Case:
    """One sentence: its trigger, the mentions the actor stage would give, the expected dyad.

    ``mentions`` is "phrase=ISO;phrase=ISO" ("phrase=-" for a mention without an actor);
    ``source`` and ``target`` are space-separated country codes.
    """

    text: str
    word: str
    mentions: str
    source: str
    target: str
    nominal: bool = False
    reciprocal: bool = False
    preps: tuple[str, ...] = ()
    plover: str = "ASSAULT"

    def actors(self) -> dict[str, str | None]:
        pairs = (item.split("=") for item in self.mentions.split(";"))
        return {phrase: None if code == "-" else code for phrase, code in pairs}


# Sentences written for these tests; every argument pattern of arguments.py appears.
CASES = [
    # plain subject and object, with conjuncts
    Case(
        "Malawi expelled two Zambian diplomats.", "expelled", "Malawi=MWI;Zambian diplomats=ZMB", "MWI", "ZMB"
    ),
    Case(
        "Chile and Bolivia condemned Peru.", "condemned", "Chile=CHL;Bolivia=BOL;Peru=PER", "CHL BOL", "PER"
    ),
    Case(
        "Mongolia criticised China and Russia.",
        "criticised",
        "Mongolia=MNG;China=CHN;Russia=RUS",
        "MNG",
        "CHN RUS",
    ),
    # target through the lexicon's preposition, and a dative
    Case(
        "Fiji imposed a visa ban on Tongan officials.",
        "imposed",
        "Fiji=FJI;Tongan officials=TON",
        "FJI",
        "TON",
        preps=("on",),
    ),
    Case(
        "Norway sent medical supplies to Yemen.", "sent", "Norway=NOR;Yemen=YEM", "NOR", "YEM", preps=("to",)
    ),
    Case("Japan gave Laos a grant.", "gave", "Japan=JPN;Laos=LAO", "JPN", "LAO"),
    # passive: subject is the target, "by" the source; without agent, no source
    Case(
        "The consulate was stormed by Serbian nationalists.",
        "stormed",
        "consulate=HRV;Serbian nationalists=SRB",
        "SRB",
        "HRV",
    ),
    Case("Two Thai soldiers were killed on the border.", "killed", "Thai soldiers=THA", "", "THA"),
    # troops that "were deployed" moved: for movement types the passive subject is the source
    Case(
        "Rwandan troops were deployed near Goma.",
        "deployed",
        "Rwandan troops=RWA",
        "RWA",
        "",
        plover="MOBILIZE",
    ),
    Case("Rwandan troops were ambushed near Goma.", "ambushed", "Rwandan troops=RWA", "", "RWA"),
    # relative clause and participles: the noun they modify
    Case(
        "Militants who kidnapped the Korean engineers released a video.",
        "kidnapped",
        "Militants=IMG;Korean engineers=KOR",
        "IMG",
        "KOR",
    ),
    Case(
        "Farmers protesting the Indian reform blocked the highway.",
        "protesting",
        "Farmers=IND;Indian reform=-",
        "IND",
        "",
    ),
    # coordinated verbs share the subject, not across clauses
    Case(
        "Kosovo police raided the office and arrested three Serbs.",
        "arrested",
        "Kosovo police=XKX;Serbs=SRB",
        "XKX",
        "SRB",
    ),
    Case(
        "Armenian artillery shelled the village, and Azerbaijan protested.",
        "protested",
        "Armenian artillery=ARM;Azerbaijan=AZE",
        "AZE",
        "",
    ),
    # the small model hangs "Azerbaijan" on "village": a conjunct right before the verb is its subject
    Case(
        "Armenia shelled the village and Azerbaijan protested.",
        "protested",
        "Armenia=ARM;Azerbaijan=AZE",
        "AZE",
        "",
    ),
    Case(
        "Armenia shelled the village and Azerbaijan protested.",
        "shelled",
        "Armenia=ARM;Azerbaijan=AZE",
        "ARM",
        "",
    ),
    Case(
        "Armenia shelled Lachin and Kalbajar and killed two.",
        "killed",
        "Armenia=ARM;Lachin=AZE;Kalbajar=AZE",
        "ARM",
        "",
    ),
    # control: subject of "agree", object of "urge", "called on", "accused X of"
    Case("Belarus agreed to release the opposition leader.", "release", "Belarus=BLR", "BLR", ""),
    Case("Britain urged Israel to halt the demolitions.", "halt", "Britain=GBR;Israel=ISR", "ISR", ""),
    Case("Ireland called on Egypt to free the activist.", "free", "Ireland=IRL;Egypt=EGY", "EGY", ""),
    Case("Oman accused Iran of seizing a tanker.", "seizing", "Oman=OMN;Iran=IRN", "IRN", ""),
    # reported speech: the embedded subject, not the speaker
    Case("The Kremlin said Belarus had closed the border.", "closed", "Kremlin=RUS;Belarus=BLR", "BLR", ""),
    Case(
        "Seoul said Pyongyang was ready to reopen the hotline.",
        "reopen",
        "Seoul=KOR;Pyongyang=PRK",
        "PRK",
        "",
    ),
    # the head word is not an actor: the nearest actor inside the noun phrase
    Case(
        "The government of Ghana condemned the coup in Mali.", "condemned", "Ghana=GHA;Mali=MLI", "GHA", "MLI"
    ),
    Case(
        "Sheikh Nasser, the emir of Qatar, visited Sudan.",
        "visited",
        "Sheikh Nasser=-;Qatar=QAT;Sudan=SDN",
        "QAT",
        "SDN",
    ),
    # nominal triggers: possessor, modifier, "-led", "by"; targets by preposition
    Case(
        "Syria's bombardment of Idlib killed dozens.",
        "bombardment",
        "Syria=SYR;Idlib=SYR",
        "SYR",
        "SYR",
        nominal=True,
        preps=("of",),
    ),
    Case(
        "American sanctions against Cuba remain.",
        "sanctions",
        "American=USA;Cuba=CUB",
        "USA",
        "CUB",
        nominal=True,
    ),
    Case(
        "The Saudi-led coalition strikes on Sanaa continued.",
        "strikes",
        "Saudi=SAU;Sanaa=YEM",
        "SAU",
        "YEM",
        nominal=True,
    ),
    Case(
        "An ambush by Taliban fighters killed five.",
        "ambush",
        "Taliban fighters=AFG",
        "AFG",
        "",
        nominal=True,
    ),
    # light verbs hand the nominal trigger their subject
    Case(
        "Niger launched an offensive against Boko Haram.",
        "offensive",
        "Niger=NER;Boko Haram=NGA",
        "NER",
        "NGA",
        nominal=True,
    ),
    Case(
        "Vietnam lodged a protest with China.", "protest", "Vietnam=VNM;China=CHN", "VNM", "CHN", nominal=True
    ),
    # a possessive pronoun yields to the light verb's full subject
    Case(
        "Bolivia and Chile held their first talks in years.",
        "talks",
        "Bolivia=BOL;Chile=CHL;their=BOL",
        "BOL CHL",
        "BOL CHL",
        nominal=True,
        reciprocal=True,
    ),
    # a framing noun takes no part in the event
    Case(
        "The envoys met against the backdrop of Iranian threats.",
        "met",
        "envoys=-;Iranian=IRN",
        "",
        "",
        reciprocal=True,
        preps=("with", "against"),
    ),
    # reciprocal: both sides act on each other; "between" gives the pair
    Case(
        "Sudan and Chad signed a border pact.",
        "signed",
        "Sudan=SDN;Chad=TCD",
        "SDN TCD",
        "SDN TCD",
        reciprocal=True,
    ),
    Case(
        "Talks between Serbia and Kosovo resumed.",
        "Talks",
        "Serbia=SRB;Kosovo=XKX",
        "SRB XKX",
        "SRB XKX",
        nominal=True,
        reciprocal=True,
    ),
    Case(
        "Austria met Hungary in Vienna.",
        "met",
        "Austria=AUT;Hungary=HUN;Vienna=-",
        "AUT",
        "HUN",
        reciprocal=True,
        preps=("with",),
    ),
    # a named object outranks the lexicon's preposition
    Case(
        "Cuba defended Venezuela against American criticism.",
        "defended",
        "Cuba=CUB;Venezuela=VEN;American=USA",
        "CUB",
        "VEN",
        preps=("against",),
    ),
    # frames take their target from the clause they govern
    Case(
        "Hungary threatened to cut gas supplies to Slovakia.",
        "threatened",
        "Hungary=HUN;Slovakia=SVK",
        "HUN",
        "SVK",
        preps=("against",),
    ),
    Case(
        "Ghana refused to lift the ban on Nigerian traders.",
        "refused",
        "Ghana=GHA;Nigerian traders=NGA",
        "GHA",
        "NGA",
    ),
    Case(
        "Kenya demanded that Somalia release the hostages.", "demanded", "Kenya=KEN;Somalia=SOM", "KEN", "SOM"
    ),
    Case(
        "Teachers staged a strike to protest the Chilean government's cuts.",
        "strike",
        "Teachers=CHL;Chilean government=CHL",
        "CHL",
        "CHL",
        nominal=True,
    ),
    Case(
        "Serbia threatened to walk out unless Croatia apologised.",
        "threatened",
        "Serbia=SRB;Croatia=HRV",
        "SRB",
        "HRV",
    ),
    # an offer is rejected or accepted from whoever made it
    Case("Cyprus rejected the plan drafted by Turkey.", "rejected", "Cyprus=CYP;Turkey=TUR", "CYP", "TUR"),
    # a promise reported with "told X" is made to X
    Case(
        "Japan told Korea it would lift the export curbs.", "lift", "Japan=JPN;Korea=KOR;it=JPN", "JPN", "KOR"
    ),
    # "his Ugandan counterpart" is owned by the source but is another country's actor
    Case(
        "Kenya's president met his Ugandan counterpart.",
        "met",
        "Kenya=KEN;his=KEN;his Ugandan counterpart=UGA",
        "KEN",
        "UGA",
    ),
    # what the source owns is skipped, the search goes on to the rest of the phrase
    Case(
        "Bhutan sent troops to its border with Nepal.",
        "sent",
        "Bhutan=BTN;its=BTN;Nepal=NPL",
        "BTN",
        "NPL",
        preps=("to",),
    ),
    # the preposition may hang on any conjunct of the object
    Case(
        "Chad fired mortars and rocket salvos against Libyan positions.",
        "fired",
        "Chad=TCD;Libyan positions=LBY",
        "TCD",
        "LBY",
        preps=("against",),
    ),
    # a statement speaks for whoever issued it
    Case(
        "The Ghanaian party issued a statement accusing Togo.",
        "accusing",
        "Ghanaian party=GHA;Togo=TGO",
        "GHA",
        "TGO",
    ),
    # "its ambassador" is not a target of one's own recall
    Case(
        "Peru recalled its ambassador from Caracas.",
        "recalled",
        "Peru=PER;its=PER;Caracas=VEN",
        "PER",
        "VEN",
        preps=("from",),
    ),
    Case("Peru recalled its ambassador.", "recalled", "Peru=PER;its=PER", "PER", "", preps=("from",)),
    # what is lifted was aimed at the "on" of the participle describing it
    Case(
        "Ottawa lifted the tariffs imposed on Chilean copper producers.",
        "lifted",
        "Ottawa=CAN;Chilean copper producers=CHL",
        "CAN",
        "CHL",
        plover="CONCEDE",
    ),
    Case(
        "The cabinet eased the restrictions placed on Kenyan traders.",
        "eased",
        "The cabinet=UGA;Kenyan traders=KEN",
        "UGA",
        "KEN",
        plover="CONCEDE",
    ),
    # a condition put in the clause the trigger governs names whom the threat is aimed at
    Case(
        "The Vietnamese navy warned that it would retaliate if Chinese vessels crossed the line.",
        "warned",
        "Vietnamese navy=VNM;it=-;Chinese vessels=CHN",
        "VNM",
        "CHN",
        plover="THREATEN",
    ),
    # whom a promised clause lets or helps act is its target
    Case(
        "Chile promised to let Argentine trawlers fish in its waters.",
        "promised",
        "Chile=CHL;Argentine trawlers=ARG",
        "CHL",
        "ARG",
        plover="AGREE",
    ),
    Case(
        "Norway offered to help Tonga rebuild its harbour.",
        "offered",
        "Norway=NOR;Tonga=TON",
        "NOR",
        "TON",
        plover="AGREE",
    ),
    # the instrument acts: who launched or planted it is the source
    Case(
        "Missiles fired by the militia hit a fuel depot in Aden.",
        "hit",
        "the militia=YEM;Aden=YEM",
        "YEM",
        "YEM",
    ),
    Case(
        "A car bomb planted by insurgents wrecked a checkpoint near Mosul.",
        "bomb",
        "insurgents=IRQ;Mosul=IRQ",
        "IRQ",
        "IRQ",
        nominal=True,
    ),
    # "of" after an event noun: whom it is done to, or who moved for a movement
    Case(
        "The expulsion of three Moldovan diplomats was ordered by Russia.",
        "expulsion",
        "three Moldovan diplomats=MDA;Russia=RUS",
        "RUS",
        "MDA",
        nominal=True,
        plover="SANCTION",
    ),
    Case(
        "The withdrawal of Kenyan troops from Somalia began on Monday.",
        "withdrawal",
        "Kenyan troops=KEN;Somalia=SOM",
        "KEN",
        "SOM",
        nominal=True,
        plover="RETREAT",
        preps=("from",),
    ),
    # a main verb the parser hung on its subject as a participle is still active
    Case(
        "Zambia's largest mining unions threatened on Friday to halt output if the state raised royalties.",
        "threatened",
        "Zambia 's largest mining unions=ZMB;the state=ZMB",
        "ZMB",
        "ZMB",
        plover="THREATEN",
    ),
    # both sides of a fight named with "between" act
    Case(
        "Fighting between rival militias closed the port of Misrata.",
        "Fighting",
        "rival militias=LBY;Misrata=LBY",
        "LBY",
        "LBY",
        nominal=True,
    ),
    Case(
        "On Sunday, fighting between two armed clans in Baidoa forced hundreds from their homes.",
        "fighting",
        "two armed clans=SOM;Baidoa=SOM",
        "SOM",
        "",  # the place inside the clans' phrase is theirs; events.conventions adds the country
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.word}: {c.text}")
def test_arguments_of_sentences(nlp: Language, case: Case) -> None:
    doc = nlp(case.text)
    trigger = trigger_at(
        doc, case.word, case.plover, nominal=case.nominal, reciprocal=case.reciprocal, target_preps=case.preps
    )
    args = find_arguments(CONTEXT, parsed_with(doc, case.actors()), trigger)
    assert countries(args) == (case.source.split(), case.target.split())


# --- hand-built parses: each rule on a parse it is sure of -----------------------------


def _doc(
    nlp: Language, rows: Sequence[tuple[str, int, str, str, str]], lemmas: Mapping[str, str] | None = None
) -> Doc:
    """Doc from (word, head, dep, tag, pos) rows; the lemma is the lower-cased word unless given."""
    words, heads, deps, tags, pos = (list(col) for col in zip(*rows, strict=True))
    lemma_list = [(lemmas or {}).get(str(w), str(w).lower()) for w in words]
    return build_doc(nlp, words, heads, deps, tags=tags, pos=pos, lemmas=lemma_list)


def test_relative_pronoun_stands_for_its_noun(nlp: Language) -> None:
    # Gunmen who shot Kenyans fled .
    doc = _doc(
        nlp,
        [
            ("Gunmen", 4, "nsubj", "NNS", "NOUN"),
            ("who", 2, "nsubj", "WP", "PRON"),
            ("shot", 0, "relcl", "VBD", "VERB"),
            ("Kenyans", 2, "dobj", "NNPS", "PROPN"),
            ("fled", 4, "ROOT", "VBD", "VERB"),
            (".", 4, "punct", ".", "PUNCT"),
        ],
    )
    args = find_arguments(
        CONTEXT, parsed_with(doc, {"Gunmen": "SOM", "Kenyans": "KEN"}), trigger_at(doc, "shot")
    )
    assert countries(args) == (["SOM"], ["KEN"])


def test_passive_agent_is_the_source(nlp: Language) -> None:
    # Kenyans were shot by gunmen .
    doc = _doc(
        nlp,
        [
            ("Kenyans", 2, "nsubjpass", "NNPS", "PROPN"),
            ("were", 2, "auxpass", "VBD", "AUX"),
            ("shot", 2, "ROOT", "VBN", "VERB"),
            ("by", 2, "agent", "IN", "ADP"),
            ("gunmen", 3, "pobj", "NNS", "NOUN"),
            (".", 2, "punct", ".", "PUNCT"),
        ],
    )
    args = find_arguments(
        CONTEXT, parsed_with(doc, {"Kenyans": "KEN", "gunmen": "SOM"}), trigger_at(doc, "shot")
    )
    assert countries(args) == (["SOM"], ["KEN"])


def test_object_control_gives_the_infinitive_its_subject(nlp: Language) -> None:
    # Fiji asked Tonga to leave .
    doc = _doc(
        nlp,
        [
            ("Fiji", 1, "nsubj", "NNP", "PROPN"),
            ("asked", 1, "ROOT", "VBD", "VERB"),
            ("Tonga", 1, "dobj", "NNP", "PROPN"),
            ("to", 4, "aux", "TO", "PART"),
            ("leave", 1, "xcomp", "VB", "VERB"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
    )
    parsed = parsed_with(doc, {"Fiji": "FJI", "Tonga": "TON"})
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "leave"))) == (["TON"], [])
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "asked"))) == (["FJI"], ["TON"])


def test_subject_control_when_the_governor_has_no_object(nlp: Language) -> None:
    # Fiji vowed to leave .
    doc = _doc(
        nlp,
        [
            ("Fiji", 1, "nsubj", "NNP", "PROPN"),
            ("vowed", 1, "ROOT", "VBD", "VERB"),
            ("to", 3, "aux", "TO", "PART"),
            ("leave", 1, "xcomp", "VB", "VERB"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
    )
    assert countries(
        find_arguments(CONTEXT, parsed_with(doc, {"Fiji": "FJI"}), trigger_at(doc, "leave"))
    ) == (
        ["FJI"],
        [],
    )


def test_a_clause_with_its_own_subject_does_not_take_the_speaker(nlp: Language) -> None:
    # Laos said Thais attacked .   /   Laos said attacked .  (subject-less: falls back to speaker)
    full = _doc(
        nlp,
        [
            ("Laos", 1, "nsubj", "NNP", "PROPN"),
            ("said", 1, "ROOT", "VBD", "VERB"),
            ("Thais", 3, "nsubj", "NNPS", "PROPN"),
            ("attacked", 1, "ccomp", "VBD", "VERB"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
    )
    bare = _doc(
        nlp,
        [
            ("Laos", 1, "nsubj", "NNP", "PROPN"),
            ("said", 1, "ROOT", "VBD", "VERB"),
            ("attacked", 1, "ccomp", "VBD", "VERB"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
    )
    own = find_arguments(
        CONTEXT, parsed_with(full, {"Laos": "LAO", "Thais": "THA"}), trigger_at(full, "attacked")
    )
    speaker = find_arguments(CONTEXT, parsed_with(bare, {"Laos": "LAO"}), trigger_at(bare, "attacked"))
    assert countries(own) == (["THA"], [])
    assert countries(speaker) == (["LAO"], [])


def test_no_source_is_stitched_from_a_neighbouring_clause(nlp: Language) -> None:
    # Iraq fired and Iran retaliated .  -- each coordinated clause keeps its own subject.
    doc = _doc(
        nlp,
        [
            ("Iraq", 1, "nsubj", "NNP", "PROPN"),
            ("fired", 1, "ROOT", "VBD", "VERB"),
            ("and", 1, "cc", "CC", "CCONJ"),
            ("Iran", 4, "nsubj", "NNP", "PROPN"),
            ("retaliated", 1, "conj", "VBD", "VERB"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
    )
    parsed = parsed_with(doc, {"Iraq": "IRQ", "Iran": "IRN"})
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "retaliated"))) == (["IRN"], [])
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "fired"))) == (["IRQ"], [])


def test_a_that_clause_gives_its_subject_as_target(nlp: Language) -> None:
    # Iran demanded that Iraq withdraw .
    doc = _doc(
        nlp,
        [
            ("Iran", 1, "nsubj", "NNP", "PROPN"),
            ("demanded", 1, "ROOT", "VBD", "VERB"),
            ("that", 4, "mark", "IN", "SCONJ"),
            ("Iraq", 4, "nsubj", "NNP", "PROPN"),
            ("withdraw", 1, "ccomp", "VB", "VERB"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
    )
    parsed = parsed_with(doc, {"Iraq": "IRQ", "Iran": "IRN"})
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "demanded", plover="REQUEST"))) == (
        ["IRN"],
        ["IRQ"],
    )
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "withdraw", plover="RETREAT"))) == (
        ["IRQ"],
        [],
    )


def test_clauses_inside_an_argument_are_not_searched(nlp: Language) -> None:
    # Troops backed by Rwanda fled .  -- "Rwanda" backs, it does not flee.
    doc = _doc(
        nlp,
        [
            ("Troops", 4, "nsubj", "NNS", "NOUN"),
            ("backed", 0, "acl", "VBN", "VERB"),
            ("by", 1, "agent", "IN", "ADP"),
            ("Rwanda", 2, "pobj", "NNP", "PROPN"),
            ("fled", 4, "ROOT", "VBD", "VERB"),
            (".", 4, "punct", ".", "PUNCT"),
        ],
    )
    parsed = parsed_with(doc, {"Rwanda": "RWA"})
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "fled"))) == ([], [])
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "backed"))) == (["RWA"], [])


def test_mentions_without_an_actor_are_skipped(nlp: Language) -> None:
    # Police of Togo arrested Ghanaians .  -- "Police" is a mention the actor stage left unresolved.
    doc = _doc(
        nlp,
        [
            ("Police", 3, "nsubj", "NNS", "NOUN"),
            ("of", 0, "prep", "IN", "ADP"),
            ("Togo", 1, "pobj", "NNP", "PROPN"),
            ("arrested", 3, "ROOT", "VBD", "VERB"),
            ("Ghanaians", 3, "dobj", "NNPS", "PROPN"),
            (".", 3, "punct", ".", "PUNCT"),
        ],
    )
    parsed = parsed_with(doc, {"Police": None, "Togo": "TGO", "Ghanaians": "GHA"})
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "arrested"))) == (["TGO"], ["GHA"])


def test_light_verb_subject_and_its_preposition(nlp: Language) -> None:
    # Chad imposed curbs on Libya .  -- "on" attached to the verb, trigger is the noun.
    doc = _doc(
        nlp,
        [
            ("Chad", 1, "nsubj", "NNP", "PROPN"),
            ("imposed", 1, "ROOT", "VBD", "VERB"),
            ("curbs", 1, "dobj", "NNS", "NOUN"),
            ("on", 1, "prep", "IN", "ADP"),
            ("Libya", 3, "pobj", "NNP", "PROPN"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
        lemmas={"imposed": "impose"},
    )
    parsed = parsed_with(doc, {"Chad": "TCD", "Libya": "LBY"})
    args = find_arguments(CONTEXT, parsed, trigger_at(doc, "curbs", nominal=True, target_preps=("on",)))
    assert countries(args) == (["TCD"], ["LBY"])


def test_a_verb_that_is_not_light_does_not_lend_its_subject(nlp: Language) -> None:
    # Chad condemned attacks on Libya .  -- Chad condemned; it did not attack.
    doc = _doc(
        nlp,
        [
            ("Chad", 1, "nsubj", "NNP", "PROPN"),
            ("condemned", 1, "ROOT", "VBD", "VERB"),
            ("attacks", 1, "dobj", "NNS", "NOUN"),
            ("on", 2, "prep", "IN", "ADP"),
            ("Libya", 3, "pobj", "NNP", "PROPN"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
    )
    parsed = parsed_with(doc, {"Chad": "TCD", "Libya": "LBY"})
    args = find_arguments(CONTEXT, parsed, trigger_at(doc, "attacks", nominal=True, target_preps=("on",)))
    assert countries(args) == ([], ["LBY"])


@pytest.mark.parametrize(
    ("plover", "has_source", "has_target", "expected"),
    [
        ("ASSAULT", True, True, 1.0),
        ("ASSAULT", True, False, 0.5),
        ("ASSAULT", False, True, 0.5),
        ("ASSAULT", False, False, 0.0),
        ("RETREAT", True, False, 1.0),  # a resignation needs no target
        ("RETREAT", False, False, 0.0),
    ],
)
def test_completeness(plover: str, has_source: bool, has_target: bool, expected: float) -> None:
    trig = TriggerMatch(
        token=0, tokens=(0,), cameo="190", plover=plover, mode=None, strength=0.5, pattern="t"
    )
    someone = (Actor(text="Mali", country="MLI"),)
    score = completeness(CONTEXT, trig, someone if has_source else (), someone if has_target else ())
    assert score == expected


def test_the_place_is_the_target_when_no_actor_is(nlp: Language) -> None:
    # Fijian police imposed a curfew in Suva .  -- the place comes from the actor stage's notes.
    doc = nlp("Fijian police imposed a curfew in Suva.")
    parsed = parsed_with(doc, {"Fijian police": "FJI"})
    place = _mention(doc, "Suva", Actor(text="Suva", country="FJI", kind="state"))
    parsed = parsed.with_(places=(place,))
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "imposed"))) == (["FJI"], ["FJI"])
    # a target found in the syntax wins over the place
    doc = nlp("Fijian police arrested Tongan sailors in Suva.")
    parsed = parsed_with(doc, {"Fijian police": "FJI", "Tongan sailors": "TON"})
    parsed = parsed.with_(places=(_mention(doc, "Suva", Actor(text="Suva", country="FJI")),))
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "arrested"))) == (["FJI"], ["TON"])


def test_a_stance_participle_keeps_its_subject_as_source(nlp: Language) -> None:
    doc = nlp("Chile is opposed to the Bolivian claim.")
    parsed = parsed_with(doc, {"Chile": "CHL", "Bolivian": "BOL"})
    args = find_arguments(CONTEXT, parsed, trigger_at(doc, "opposed", target_preps=("to",)))
    assert countries(args) == (["CHL"], ["BOL"])


def test_a_modifier_naming_the_referent_beats_its_owner(nlp: Language) -> None:
    # Rebels shot an ally : "Laos 's militia ally" -- the militia, not Laos, was shot.
    doc = _doc(
        nlp,
        [
            ("Rebels", 1, "nsubj", "NNS", "NOUN"),
            ("shot", 1, "ROOT", "VBD", "VERB"),
            ("Laos", 5, "poss", "NNP", "PROPN"),
            ("'s", 2, "case", "POS", "PART"),
            ("militia", 5, "compound", "NN", "NOUN"),
            ("ally", 1, "dobj", "NN", "NOUN"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
    )
    parsed = parsed_with(doc, {"Rebels": "THA", "Laos": "LAO", "militia": "KHM"})
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "shot"))) == (["THA"], ["KHM"])


def _with_places(parsed: ParsedArticle, places: Mapping[str, str]) -> ParsedArticle:
    doc = parsed.doc
    found = tuple(
        _mention(doc, name, Actor(text=name, country=code, kind="state")) for name, code in places.items()
    )
    return parsed.with_(places=tuple(found))


@pytest.mark.parametrize(
    ("text", "word", "mentions", "expected"),
    [
        # what the source owns is not its target: the place is ("@": a place, not an actor)
        (
            "Chad reinforced its garrison in Darfur.",
            "reinforced",
            {"Chad": "TCD", "its": "TCD", "its garrison": "TCD", "@Darfur": "SDN"},
            "TCD > SDN",
        ),
        # the place inside the trigger's own object phrase
        (
            "The council approved an extension of the mission in Haiti.",
            "approved",
            {"council": "IGO", "@Haiti": "HTI"},
            "IGO > HTI",
        ),
        # a relative clause on a nominal trigger describes the event itself
        (
            "Unions called a strike that paralysed Dhaka.",
            "strike",
            {"Unions": "BGD", "@Dhaka": "BGD"},
            "BGD > BGD",
        ),
        # a place named in the clause the trigger governs
        (
            "Oman is ready to send doctors to help clinics in Yemen.",
            "ready",
            {"Oman": "OMN", "@Yemen": "YEM"},
            "OMN > YEM",
        ),
        # an actor standing at the place: protesters outside an embassy
        (
            "Students rallied outside the Danish embassy.",
            "rallied",
            {"Students": "PAK", "Danish embassy": "DNK"},
            "PAK > DNK",
        ),
        # "despite" names another matter, not where the event happened
        (
            "The council approved the mission despite Serbian objections.",
            "approved",
            {"council": "IGO", "Serbian": "SRB"},
            "IGO > ",
        ),
        # a place hung on an adverb
        ("Iran moved missiles closer to Basra.", "moved", {"Iran": "IRN", "@Basra": "IRQ"}, "IRN > IRQ"),
        # the actors' place when the subject is no actor itself
        ("Farmers in Kenya blocked the highway.", "blocked", {"@Kenya": "KEN"}, "KEN > "),
    ],
)
def test_place_fallback(nlp: Language, text: str, word: str, mentions: dict[str, str], expected: str) -> None:
    doc = nlp(text)
    actors: dict[str, str | None] = {k: v for k, v in mentions.items() if not k.startswith("@")}
    places = {k[1:]: v for k, v in mentions.items() if k.startswith("@")}
    parsed = _with_places(parsed_with(doc, actors), places)
    head = doc[next(t.i for t in doc if t.text == word)]
    args = find_arguments(CONTEXT, parsed, trigger_at(doc, word, nominal=head.pos_ == "NOUN"))
    source, target = expected.split(">")
    assert countries(args) == (source.split(), target.split())


def test_the_sources_own_forces_are_not_its_target(nlp: Language) -> None:
    doc = nlp("Chile deployed naval units to the disputed islets.")
    units = _mention(doc, "naval units", Actor(text="naval units", country="CHL", sector="MIL"), "nominal")
    chile = _mention(doc, "Chile", Actor(text="Chile", country="CHL", kind="state"))
    parsed = parsed_with(doc, {}).with_(mentions=(chile, units))
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "deployed"))) == (["CHL"], [])
    # another country's forces are a target
    doc = nlp("Chile attacked Peruvian naval units.")
    peru = Actor(text="Peruvian naval units", country="PER", sector="MIL")
    units = _mention(doc, "Peruvian naval units", peru, "nominal")
    chile = _mention(doc, "Chile", Actor(text="Chile", country="CHL", kind="state"))
    parsed = parsed_with(doc, {}).with_(mentions=(chile, units))
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "attacked"))) == (["CHL"], ["PER"])
    # a person of the source's own military is nobody's instrument: a target
    doc = nlp("The Bolivian president accused the army commander of plotting a coup.")
    chief = Actor(text="the army commander", country="BOL", sector="MIL", kind="person")
    commander = _mention(doc, "the army commander", chief, "nominal")
    president = _mention(doc, "Bolivian president", Actor(text="Bolivian president", country="BOL"))
    parsed = parsed_with(doc, {}).with_(mentions=(president, commander))
    assert countries(find_arguments(CONTEXT, parsed, trigger_at(doc, "accused"))) == (["BOL"], ["BOL"])


def test_no_argument_ever_comes_from_another_sentence(nlp: Language) -> None:
    text = "Laos shelled Thai villages and Cambodia protested. Vietnam sent troops to Hanoi, officials said."
    doc = nlp(text)
    phrases = {"Laos": "LAO", "Thai": "THA", "Cambodia": "KHM", "Vietnam": "VNM", "Hanoi": "VNM"}
    parsed = parsed_with(doc, phrases)
    first_sentence = {"LAO", "THA", "KHM"}
    for token in doc:
        for nominal in (False, True):
            trigger = trigger_at(doc, token.text, nominal=nominal, target_preps=("on", "to"))
            source, target = countries(find_arguments(CONTEXT, parsed, trigger))
            inside = first_sentence if trigger.token < len(next(iter(doc.sents))) else {"VNM"}
            assert set(source) | set(target) <= inside, (token.text, source, target)


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # recall: the envoy's own country acts on the host it was posted to
        (
            "The Peruvian ambassador to Chile was recalled for talks.",
            {"The Peruvian ambassador": "PER", "Chile": "CHL"},
            "PER > CHL",
        ),
        # the envoy's country from the place it is called back to; the host from "in"
        (
            "The ambassador in Santiago was recalled to Lima.",
            {"@Santiago": "CHL", "@Lima": "PER"},
            "PER > CHL",
        ),
        # never the host named inside the envoy's phrase as its sender
        ("The ambassador to Chile was recalled.", {"Chile": "CHL"}, " > CHL"),
        # expulsion: the host acts on the sending state
        ("Ghana's envoy was expelled from Togo.", {"Ghana": "GHA", "Togo": "TGO"}, "TGO > GHA"),
        (
            "The Malian consul in Dakar was expelled.",
            {"The Malian consul": "MLI", "@Dakar": "SEN"},
            "SEN > MLI",
        ),
        # a summons: the host, from where the envoy is summoned to
        (
            "The Malian consul was summoned to the ministry in Dakar.",
            {"The Malian consul": "MLI", "@Dakar": "SEN"},
            "SEN > MLI",
        ),
        # an envoy's phrase naming the host: never the sender too
        ("The envoy to Togo was expelled.", {"The envoy to Togo": "TGO"}, "TGO > "),
        # an agent is the source as usual
        (
            "The Chadian envoy was expelled by Sudan.",
            {"The Chadian envoy": "TCD", "Sudan": "SDN"},
            "SDN > TCD",
        ),
    ],
)
def test_agentless_recall_and_expulsion_of_envoys(
    nlp: Language, text: str, mentions: dict[str, str], expected: str
) -> None:
    doc = nlp(text)
    actors: dict[str, str | None] = {k: v for k, v in mentions.items() if not k.startswith("@")}
    places = {k[1:]: v for k, v in mentions.items() if k.startswith("@")}
    parsed = _with_places(parsed_with(doc, actors), places)
    word = next(t.text for t in doc if t.lemma_ in ("recall", "expel", "summon"))
    args = find_arguments(CONTEXT, parsed, trigger_at(doc, word, "SANCTION"))
    source, target = expected.split(">")
    assert countries(args) == (source.split(), target.split())


@pytest.mark.parametrize(
    ("text", "word", "trigger_kind", "expected"),
    [
        # a meeting place is a venue, not a party
        ("The summit will be held in Austria.", "summit", "CONSULT reciprocal", ""),
        ("Talks took place in Qatar.", "Talks", "CONSULT reciprocal", ""),
        # a visit's place is its host
        ("The premier arrived in Austria on a visit.", "arrived", "CONSULT", "AUT"),
        # reciprocal fighting is fought on the place's ground
        ("Heavy fighting raged in Qatar.", "fighting", "ASSAULT reciprocal", "QAT"),
    ],
)
def test_the_place_is_a_party_only_when_the_event_is_not_a_meeting(
    nlp: Language, text: str, word: str, trigger_kind: str, expected: str
) -> None:
    plover, *flags = trigger_kind.split()
    reciprocal = "reciprocal" in flags
    doc = nlp(text)
    known = {"Austria": "AUT", "Qatar": "QAT"}
    parsed = _with_places(parsed_with(doc, {}), {k: v for k, v in known.items() if k in text})
    head = doc[next(t.i for t in doc if t.text == word)]
    trigger = trigger_at(doc, word, plover, nominal=head.pos_ == "NOUN", reciprocal=reciprocal)
    assert countries(find_arguments(CONTEXT, parsed, trigger))[1] == expected.split()
