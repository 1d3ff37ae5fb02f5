"""Actor classes behind wrong dyads on unseen news (issue 10), one phrase in a sentence of
our own per row: (phrase, context sentence, expected country, expected sector)."""

from __future__ import annotations

import pytest

import eventwire

DAY = "2024-03-05"

ROWS = [
    # a common word in lower case is no name: "labour" is not the British Labour Party
    ("the labour ministry", "Teachers marched to the labour ministry in Nouakchott on Monday.", "MRT", "GOV"),
    ("the labour ministry", "Nurses rallied outside the labour ministry in Lusaka.", "ZMB", "GOV"),
    # a toponym followed by its kind of unit is looked up with it ("Puno region" is in Peru,
    # "Puno" alone is too close to the Indian city of Pune)
    ("Police", "Police in Puno region arrested six people.", "PER", "COP"),
    # a place with a possessive country lies in that country, whatever else bears its name
    ("separatists", "Armed separatists burned a school in Cameroon's North-West region.", "CMR", "SEP"),
    ("Police", "Police dispersed a march in Nigeria's Plateau state.", "NGA", "COP"),
    # UN missions by their acronyms
    ("MINUSCA", "MINUSCA said two peacekeepers were wounded near Bangui.", "IGO", "MIL"),
    ("UNISFA", "UNISFA reported clashes in Abyei.", "IGO", "MIL"),
    # the capitalised party name still resolves
    ("Labour", "Labour won the vote in Leeds.", "GBR", "PTY"),
]


@pytest.mark.parametrize(("phrase", "context", "country", "sector"), ROWS)
def test_actor_in_context(phrase: str, context: str, country: str, sector: str) -> None:
    actor = eventwire.resolve_actor(phrase, date=DAY, context=context)
    assert actor is not None, f"no actor for {phrase!r}"
    assert (actor.country, actor.sector) == (country, sector)


# Dated offices in the countries the news reports most on conflict (phrase, date, name).
OFFICES = [
    ("Sudan's army chief", "2023-05-01", "Abdel Fattah al-Burhan"),
    ("Myanmar's army chief", "2022-01-01", "Min Aung Hlaing"),
    ("Myanmar's president", "2022-01-01", "Myint Swe"),  # not the parallel government's
    ("Myanmar's president", "2019-01-01", "Win Myint"),
]


@pytest.mark.parametrize(("phrase", "date", "name"), OFFICES)
def test_office_holder_on_the_date(phrase: str, date: str, name: str) -> None:
    actor = eventwire.resolve_actor(phrase, date=date)
    assert actor is not None and actor.name == name
