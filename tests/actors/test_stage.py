"""The ``actors.kb`` stage with the packaged knowledge base, on articles written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.actors.stage import actor_stage
from eventwire.config import Settings
from eventwire.knowledge import Knowledge
from eventwire.nlp.parsed import ParsedArticle, parse_articles
from eventwire.records import Actor, Article
from tests.conftest import build_stage

ARTICLE = (
    "Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva on Thursday, "
    "Reuters reported. Blinken said Washington wanted a stable relationship. Lavrov told TASS that Moscow "
    "was ready for dialogue. A second round of talks will be held in Switzerland."
)


def _run(
    nlp: Language, text: str, settings: Settings | None = None, day: dt.date | None = None
) -> ParsedArticle:
    parsed = next(parse_articles(nlp, [Article(text=text, date=day)]))
    return build_stage(
        actor_stage, settings, None if settings is None else Knowledge.from_settings(settings)
    )(parsed)


def _actors(parsed: ParsedArticle) -> dict[str, Actor]:
    return {m.text: m.actor for m in parsed.mentions if m.actor is not None}


@pytest.fixture(scope="module")
def coded(nlp: Language) -> ParsedArticle:
    return _run(nlp, ARTICLE, day=dt.date(2021, 6, 3))


EXPECTED = [
    ("Secretary of State Antony Blinken", ("USA", "GOV", "person")),
    ("Russian Foreign Minister Sergei Lavrov", ("RUS", "GOV", "person")),
    ("Reuters", (None, "MED", "organization")),
    ("TASS", ("RUS", "MED", "organization")),
    ("Washington", ("USA", "GOV", "organization")),
    ("Moscow", ("RUS", "GOV", "organization")),
]


@pytest.mark.parametrize(("text", "codes"), EXPECTED)
def test_stage_resolves_actors_with_the_packaged_kb(coded: ParsedArticle, text: str, codes: tuple) -> None:
    actor = _actors(coded)[text]
    country, sector, kind = codes
    assert (actor.sector, actor.kind) == (sector, kind)
    if country is not None:
        assert actor.country == country


def test_stage_keeps_places_out_of_the_actors(coded: ParsedArticle) -> None:
    assert not {"Geneva", "Switzerland"} & set(_actors(coded))
    places = {m.text: m.actor.country for m in coded.places if m.actor}
    assert places == {"Geneva": "CHE", "Switzerland": "CHE"}


def test_stage_reports_chains_with_reasons(coded: ParsedArticle) -> None:
    blinken = next(r for r in coded.actor_chains if r.actor.name == "Antony Blinken")
    assert blinken.reason.startswith("kb ")
    assert [m.text for m in blinken.mentions] == ["Secretary of State Antony Blinken", "Blinken"]
    assert all(m.chain == blinken.chain for m in blinken.mentions)


def test_every_mention_covers_its_head(coded: ParsedArticle) -> None:
    assert coded.mentions
    for m in coded.mentions:
        assert m.head is not None and m.token_start <= m.head < m.token_end
        assert coded.mention_at(m.head) is not None


def test_user_actor_file_adds_an_actor(nlp: Language, tmp_path: Path) -> None:
    extra = tmp_path / "actors.yaml"
    extra.write_text(
        "version: 1\nentries:\n  - {name: Vela Harbour Authority, country: CHL, sector: GOV}\n",
        encoding="utf-8",
    )
    parsed = _run(nlp, "The Vela Harbour Authority closed the port.", Settings(actor_files=(str(extra),)))
    actor = _actors(parsed)["The Vela Harbour Authority"]
    assert (actor.name, actor.country, actor.sector) == ("Vela Harbour Authority", "CHL", "GOV")


KNOWN_FORMS = [
    # dotted acronyms, seats of power and ministries named by the packaged KB
    ("U.S. troops left the base, the White House said.", "U.S. troops", ("USA", "MIL")),
    ("U.S. troops left the base, the White House said.", "the White House", ("USA", "GOV")),
    ("The State Department criticised the Kremlin on Monday.", "The State Department", ("USA", "GOV")),
    ("The State Department criticised the Kremlin on Monday.", "the Kremlin", ("RUS", "GOV")),
]


@pytest.mark.parametrize(("text", "mention", "codes"), KNOWN_FORMS)
def test_packaged_kb_forms(nlp: Language, text: str, mention: str, codes: tuple[str, str]) -> None:
    actor = _actors(_run(nlp, text))[mention]
    assert (actor.country, actor.sector) == codes
