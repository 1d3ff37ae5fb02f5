"""CAMEO fidelity (issue 11): root codes and Goldstein scores as the CAMEO manual defines
them, because GDELT and ICEWS users aggregate by root and Goldstein.

Two tables: one sentence of our own per CAMEO root 01-20 with the root the coder must give
and the sign of its Goldstein score; and every trigger entry and frame of the lexicon
checked against its PLOVER type (a type's entries use only the roots that type covers,
appeals are 02x and demands 10x, cooperative types score >= 0 and conflictual ones < 0).
"""

from __future__ import annotations

import pytest

from eventwire.events.lexicon import LexEntry, load_lexicon
from eventwire.events.ontology import Ontology
from eventwire.pipeline import Pipeline

ONTOLOGY = Ontology.load()
LEXICON = load_lexicon()

# The Goldstein score the CAMEO manual gives each root (Goldstein 1992 as CAMEO tabulates it).
MANUAL_ROOT_GOLDSTEIN = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -4.4, "14": -6.5, "15": -7.2,
    "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}  # fmt: skip

# The CAMEO roots each PLOVER type's triggers may carry. Beyond the crosswalk in
# data/ontology/cameo.csv, PLOVER codes convictions (CAMEO 116) as SANCTION, sanctions
# (163) as SANCTION, and destroying property (1712) and violent repression (175) as
# ASSAULT; CAMEO's blockade (191) is PLOVER COERCE; lifted curfews and emergencies
# (0813, 0814) are political concessions, CONCEDE, as the project gold codes them; looting
# and stealing by armed men (filed by CAMEO under 171) are violence, ASSAULT.
ROOTS_OF = {
    "AGREE": {"03"},
    "CONSULT": {"04"},
    "SUPPORT": {"05"},
    "COOPERATE": {"06"},
    "AID": {"07"},
    "CONCEDE": {"08"},
    "RETREAT": {"08"},
    "REQUEST": {"02", "10"},
    "ACCUSE": {"09", "11"},
    "REJECT": {"12"},
    "THREATEN": {"13"},
    "PROTEST": {"14"},
    "MOBILIZE": {"15"},
    "SANCTION": {"16", "11"},
    "COERCE": {"17", "19"},
    "ASSAULT": {"17", "18", "19", "20"},
}
CROSSWALK_OVERRIDES = {
    ("116", "SANCTION"),
    ("163", "SANCTION"),
    ("0813", "CONCEDE"),
    ("0814", "CONCEDE"),
    ("171", "ASSAULT"),
}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# Frames impose their own type on what they govern; their codes stay inside its roots.
# A promise of harm is a threat, so AGREE frames may give 13x.
FRAME_ROOTS = {
    "AGREE": {"03", "13"},
    # an offer is a promise too, but forces offered protect (0334) rather than threaten
    "OFFER": {"03", "13"},
    "THREATEN": {"13"},
    "REJECT": {"12"},
    "REQUEST": {"10", "11"},  # "called for sanctions against X" rallies opposition (113)
    "APPEAL": {"02", "11"},
    "ACCUSE": {"11"},
    "SUPPORT": {"05"},
}
# The manual's tone test: appeals and requests are 02x, firm demands and orders 10x.
APPEAL_VERBS = {"urge", "appeal", "plead", "beg", "implore", "request", "ask", "seek", "solicit"}
DEMAND_VERBS = {"demand", "insist", "order", "command"}


@pytest.mark.parametrize("root", sorted(MANUAL_ROOT_GOLDSTEIN))
def test_root_goldstein_follows_the_manual(root: str) -> None:
    assert ONTOLOGY.cameo(root).goldstein == MANUAL_ROOT_GOLDSTEIN[root]


@pytest.mark.parametrize("entry", LEXICON.entries, ids=lambda e: e.id)
def test_entry_code_fits_its_plover_type(entry: LexEntry) -> None:
    record = ONTOLOGY.cameo(entry.cameo)
    assert record.root in ROOTS_OF[entry.plover], (entry.cameo, entry.plover)
    crosswalked = record.plover in (None, entry.plover) or (entry.cameo, entry.plover) in CROSSWALK_OVERRIDES
    assert crosswalked, (entry.cameo, record.plover, entry.plover)
    if entry.plover in COOPERATIVE:
        assert record.goldstein >= 0, (entry.cameo, record.goldstein)
    elif entry.plover != "REQUEST":
        assert record.goldstein < 0, (entry.cameo, record.goldstein)
    if entry.negated_cameo is not None:
        ONTOLOGY.cameo(entry.negated_cameo)  # raises on an unknown code


@pytest.mark.parametrize("entry", [e for e in LEXICON.entries if e.plover == "REQUEST"], ids=lambda e: e.id)
def test_appeals_are_02_and_demands_are_10(entry: LexEntry) -> None:
    root = entry.cameo[:2]
    lemmas = set(entry.lemmas)
    if entry.frame == "APPEAL" or (lemmas & APPEAL_VERBS and not lemmas & DEMAND_VERBS):
        assert root == "02", (entry.id, entry.cameo)
    if entry.frame == "REQUEST" or (lemmas & DEMAND_VERBS and not lemmas & APPEAL_VERBS):
        assert root == "10", (entry.id, entry.cameo)
    # an appeal's Goldstein is positive or mild; a demand's clearly negative
    goldstein = ONTOLOGY.cameo(entry.cameo).goldstein
    assert goldstein >= -0.5 if root == "02" else goldstein <= -5.0


@pytest.mark.parametrize("kind", sorted(FRAME_ROOTS))
def test_frame_codes_stay_inside_their_type(kind: str) -> None:
    table = LEXICON.frames.frame_cameo.get(kind, {})
    for content, code in table.items():
        if code == "keep":
            continue
        assert ONTOLOGY.cameo(code).root in FRAME_ROOTS[kind], (kind, content, code)
        if kind == "OFFER" and content in ("15", "154", "19"):
            assert code == "0334", (content, code)
        elif kind in ("AGREE", "OFFER") and content != "default":
            # a promised cooperative act is intent to cooperate (03), promised harm a threat (13)
            assert (code[:2] == "03") == (content[:2] <= "08"), (content, code)


# One sentence per CAMEO root, in our own words: (text, root, Goldstein sign). Root 01
# (public statements) has no PLOVER type, so the coder codes no event for it.
ROOT_SENTENCES = [
    ("The Kenyan interior ministry said on Monday that it would publish the report soon.", None, 0),
    ("Pakistan urged India to resume talks on sharing the river's water.", "02", 1),
    ("Japan promised to help Vietnam build a new deep-water port.", "03", 1),
    ("The Chilean foreign minister met his Bolivian counterpart in La Paz.", "04", 1),
    ("Italy praised Tunisia for its handling of the migrant crisis.", "05", 1),
    ("Austria extradited a Serbian suspect to Serbia.", "06", 1),
    ("Sweden gave $10 million in humanitarian aid to Somalia.", "07", 1),
    ("Myanmar's junta freed 300 political prisoners.", "08", 1),
    ("Brazilian prosecutors opened an investigation into the mining company.", "09", -1),
    ("Iran demanded that Britain release the seized tanker.", "10", -1),
    ("Mexico criticised the United States over its new border policy.", "11", -1),
    ("Ethiopia rejected Sudan's proposal for mediation.", "12", -1),
    ("Venezuela threatened to seize the disputed oil fields from Guyana.", "13", -1),
    ("Thousands of workers marched in Buenos Aires against the pension cuts.", "14", -1),
    ("Azerbaijan massed troops near the Armenian border.", "15", -1),
    ("Georgia recalled its ambassador from Belarus.", "16", -1),
    ("Turkish police detained 40 journalists in Istanbul.", "17", -1),
    ("A suicide bomber killed 12 people at a market in Kabul.", "18", -1),
    ("Sudanese army jets bombed paramilitary positions in Khartoum.", "19", -1),
    ("Militants massacred more than 100 villagers in northern Burkina Faso.", "20", -1),
]


def test_every_root_has_a_sentence() -> None:
    roots = {root for _, root, _ in ROOT_SENTENCES}
    assert roots == {f"{n:02d}" for n in range(2, 21)} | {None}


@pytest.mark.parametrize(("text", "root", "sign"), ROOT_SENTENCES)
def test_root_and_goldstein_sign(pipeline: Pipeline, text: str, root: str | None, sign: int) -> None:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    if root is None:
        assert events == [], [(e.plover, e.cameo) for e in events]
        return
    assert events, text
    event = events[0]
    assert (event.cameo[:2], (event.goldstein > 0) - (event.goldstein < 0)) == (root, sign), event.cameo
    assert event.goldstein == ONTOLOGY.cameo(event.cameo).goldstein
