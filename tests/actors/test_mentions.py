"""Mention finding and resolution, one table per mention kind (hand-written KB in actor_fakes)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.analysis import ActorAnalysis
from eventwire.records import Mention
from tests.actors.actor_fakes import Analyse

DAY = dt.date(2021, 6, 1)


def _find(result: ActorAnalysis, text: str) -> Mention:
    found = [m for m in result.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in result.mentions]}"
    return found[0]


def _codes(m: Mention) -> tuple[str | None, str | None, str | None, str | None]:
    assert m.actor is not None
    return (m.actor.name, m.actor.country, m.actor.sector, m.actor.kind)


NAMES = [
    # the KB names the person, whatever label the model gave
    ("Dmitri Orlov arrived on Monday.", "Dmitri Orlov", ("Dmitri Orlov", "RUS", "GOV", "person")),
    ("Orlov said the talks were useful.", "Orlov", ("Dmitri Orlov", "RUS", "GOV", "person")),
    # "Secretary of State": "State" is part of the title, not an organisation
    (
        "US Secretary of State Helen Ward spoke to the press.",
        "US Secretary of State Helen Ward",
        ("Helen Ward", "USA", "GOV", "person"),
    ),
    # title inference for a name the KB does not know
    (
        "Russian Deputy Foreign Minister Boris Lenkov said the plan was dead.",
        "Russian Deputy Foreign Minister Boris Lenkov",
        ("Boris Lenkov", "RUS", "GOV", "person"),
    ),
    # a title the parse splits off: "role phrase + name" is one mention
    (
        "Russia jailed opposition politician Yuri Sokol.",
        "opposition politician Yuri Sokol",
        ("Yuri Sokol", "RUS", "OPP", "person"),
    ),
    (
        "Russian news agency TASS reported the vote.",
        "Russian news agency TASS",
        ("TASS", "RUS", "MED", "organization"),
    ),
    # a known party of another country inside a title is part of the title
    (
        "Serbian Labour Minister Goran Ilic resigned.",
        "Serbian Labour Minister Goran Ilic",
        ("Goran Ilic", "SRB", "GOV", "person"),
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), NAMES)
def test_names_resolve_through_kb_and_titles(
    fake_analyse: Analyse, text: str, mention: str, expected: tuple
) -> None:
    m = _find(fake_analyse(text, DAY), mention)
    assert m.kind == "name"
    assert _codes(m) == expected


NOMINALS = [
    ("Russian troops crossed the river.", "Russian troops", "troops", ("RUS", "MIL", "group")),
    ("Sudanese officials denied the report.", "Sudanese officials", "officials", ("SDN", "GOV", "group")),
    (
        "The government of Sudan denied the report.",
        "The government of Sudan",
        "government",
        ("SDN", "GOV", "organization"),
    ),
    ("Police in Nairobi fired tear gas at protesters.", "Police", "Police", ("KEN", "COP", "group")),
]


@pytest.mark.parametrize(("text", "mention", "head", "expected"), NOMINALS)
def test_role_nominals_cover_their_head(
    fake_analyse: Analyse, text: str, mention: str, head: str, expected: tuple
) -> None:
    result = fake_analyse(text, DAY)
    m = _find(result, mention)
    assert m.kind == "nominal"
    assert m.head is not None and text.split()[m.head].strip(".,") == head
    assert m.token_start <= m.head < m.token_end
    assert _codes(m)[1:] == expected


def test_nationality_adjective_of_an_actor_is_one_mention(fake_analyse: Analyse) -> None:
    result = fake_analyse("Russian troops crossed the river.")
    assert [m.text for m in result.mentions] == ["Russian troops"]


def test_compound_countries_name_both(fake_analyse: Analyse) -> None:
    result = fake_analyse("US-Russian relations worsened.")
    assert {m.actor.country for m in result.mentions if m.actor} == {"USA", "RUS"}
    assert {m.kind for m in result.mentions} == {"name", "adjective"}


METONYMS = [
    ("Moscow rejected the offer.", "Moscow", ("RUS", "GOV")),
    ("The Kremlin said it would respond.", "The Kremlin", ("RUS", "GOV")),
    ("Washington imposed sanctions on Russia.", "Washington", ("USA", "GOV")),
]


@pytest.mark.parametrize(("text", "mention", "expected"), METONYMS)
def test_metonyms(fake_analyse: Analyse, text: str, mention: str, expected: tuple) -> None:
    m = _find(fake_analyse(text), mention)
    assert m.kind == "metonym"
    assert _codes(m)[1:3] == expected


PLACES = [
    # (text, place that is not an actor, actor that stays one or None)
    ("Orlov met Ward in Reykjavik.", "Reykjavik", None),
    ("The talks may be held in Switzerland.", "Switzerland", None),
    ("Washington imposed sanctions on Russia in Geneva.", "Geneva", "Russia"),
    ("Rebels shelled the town of Kadugli.", "Kadugli", None),
]


@pytest.mark.parametrize(("text", "place", "actor"), PLACES)
def test_locations_are_places_not_actors(
    fake_analyse: Analyse, text: str, place: str, actor: str | None
) -> None:
    result = fake_analyse(text)
    assert place not in [m.text for m in result.mentions]
    assert place in [p.text for p in result.places]
    if actor is not None:
        assert actor in [m.text for m in result.mentions]


def test_money_is_not_a_country(fake_analyse: Analyse) -> None:
    result = fake_analyse("Sudan received US $5 million in aid.")
    assert [m.text for m in result.mentions] == ["Sudan"]


STANCES = [
    # the nationality belongs to the patron or the object of the stance, not to the head
    ("An anti-Syrian journalist was attacked in Khartoum.", "An anti-Syrian journalist", "SDN"),
    ("A Syrian-backed militia attacked a village near Khartoum.", "A Syrian-backed militia", "SDN"),
    ("Ethnic Albanians marched in Khartoum.", "Ethnic Albanians", "SDN"),
]


@pytest.mark.parametrize(("text", "mention", "country"), STANCES)
def test_stance_patron_and_ethnic_words_do_not_give_nationality(
    fake_analyse: Analyse, text: str, mention: str, country: str
) -> None:
    m = _find(fake_analyse(text), mention)
    assert m.actor is not None and m.actor.country == country  # from the place, not the adjective


def test_possessive_pronoun_in_a_conjunct_gives_the_company(fake_analyse: Analyse) -> None:
    result = fake_analyse("Sanctions hit the German company Blue Pipe AG and its CEO Karl Weber.")
    weber = _find(result, "its CEO Karl Weber")
    assert _codes(weber) == ("Karl Weber", "DEU", "BUS", "person")
    assert _codes(_find(result, "its")) == _codes(_find(result, "the German company Blue Pipe AG"))


def test_plural_title_covers_every_conjunct(fake_analyse: Analyse) -> None:
    result = fake_analyse("Kenyan citizens John Mwangi and Peter Otieno were freed.")
    assert _codes(_find(result, "Peter Otieno")) == ("Peter Otieno", "KEN", "CVL", "person")


def test_mentions_are_sorted_and_point_into_the_text(fake_analyse: Analyse) -> None:
    text = "Orlov met Ward in Geneva. Russian troops later left, and the Kremlin said it was pleased."
    result = fake_analyse(text, DAY)
    positions = [(m.token_start, -m.token_end) for m in result.mentions]
    assert positions == sorted(positions)  # text order, outer phrase before nested mentions
    assert all(text[m.start : m.end] == m.text for m in result.mentions)


def test_from_phrase_gives_the_affiliation(fake_analyse: Analyse) -> None:
    result = fake_analyse("Officials from the German company Blue Pipe AG arrived in Nairobi on Monday.")
    assert _codes(_find(result, "Officials"))[1:3] == ("DEU", "BUS")


NESTING = [
    "Officials from the German company Blue Pipe AG arrived in Nairobi on Monday.",
    "Russian news agency TASS said the Kremlin and its allies would answer the government of Sudan.",
    "Sanctions hit the German company Blue Pipe AG and its CEO Karl Weber.",
]


@pytest.mark.parametrize("text", NESTING)
def test_mention_spans_nest_and_never_cross(fake_analyse: Analyse, text: str) -> None:
    spans = [(m.token_start, m.token_end) for m in fake_analyse(text).mentions]
    for a_start, a_end in spans:
        for b_start, b_end in spans:
            crossing = a_start < b_start < a_end < b_end
            assert not crossing, f"{(a_start, a_end)} crosses {(b_start, b_end)}"


DATELINES = [
    ("KHARTOUM (Reuters) - Police fired on protesters.", "KHARTOUM"),
    ("MOSCOW, June 3 (AP) - The Kremlin said it would respond.", "MOSCOW"),
]


@pytest.mark.parametrize(("text", "place"), DATELINES)
def test_dateline_city_is_a_place(fake_analyse: Analyse, text: str, place: str) -> None:
    result = fake_analyse(text)
    assert place not in [m.text for m in result.mentions]
    assert place in [p.text for p in result.places]


ORGANISATIONS = [
    # an unknown organisation's name says what it is and where it belongs
    ("The Serbian Foreign Ministry summoned the envoy.", "The Serbian Foreign Ministry", ("SRB", "GOV")),
    # a commander of a known armed group acts for the group, not for an army
    ("Troops captured a North Front commander near Khartoum.", "a North Front commander", ("SDN", "REB")),
]


@pytest.mark.parametrize(("text", "mention", "expected"), ORGANISATIONS)
def test_organisation_names_and_affiliations(
    fake_analyse: Analyse, text: str, mention: str, expected: tuple
) -> None:
    assert _codes(_find(fake_analyse(text), mention))[1:3] == expected


PEOPLE = [
    ("Thousands of Sudanese marched through Khartoum.", "Sudanese"),
    ("Kenyans voted on Tuesday.", "Kenyans"),
]


@pytest.mark.parametrize(("text", "mention"), PEOPLE)
def test_nationality_used_as_a_noun_names_a_group(fake_analyse: Analyse, text: str, mention: str) -> None:
    m = _find(fake_analyse(text), mention)
    assert m.kind == "nominal" and m.actor is not None and m.actor.kind == "group"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "ACCRA, May 2 - Ghanaian Trade Minister Kofi Mensah rejected the tariff plan.",
            "Ghanaian Trade Minister Kofi Mensah",
        ),
        ("LIMA -- Peruvian police detained four miners on Sunday.", "Peruvian police"),
        ("QUITO - Ecuadorean police arrested two reporters.", "Ecuadorean police"),
        ("HANOI — Vietnamese officials protested the fishing ban.", "Vietnamese officials"),
    ],
)
def test_dateline_dash_is_not_part_of_the_lead_actor(fake_analyse: Analyse, text: str, mention: str) -> None:
    texts = [m.text for m in fake_analyse(text, DAY).mentions]
    assert mention in texts
    assert not any(t.lstrip().startswith(("-", "—")) or " - " in t or "—" in t for t in texts), texts


def test_a_hyphen_inside_a_name_stays(fake_analyse: Analyse) -> None:
    texts = [m.text for m in fake_analyse("Officials met Jean-Paul Kabila in Kinshasa.", DAY).mentions]
    assert any("Jean-Paul Kabila" in t for t in texts), texts
