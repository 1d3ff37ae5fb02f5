"""Dated security, justice and parliamentary offices (people_security.yaml) and the bodies
added to groups.yaml, through the public resolver.

Each row is (phrase, date, expected country, expected sector, expected name or None): a title
with a nationality finds the holder on that date, a bare name takes the sector of the office
held then, and a person whose last office has ended is a former official (ELI).
"""

from __future__ import annotations

import pytest

import eventwire

OFFICES = [
    # a title with a nationality or an owner: who held the office on the date
    ("the Russian interior minister", "2020-05-01", "RUS", "GOV", "Vladimir Kolokoltsev"),
    ("Britain's home secretary", "2021-03-01", "GBR", "GOV", "Priti Patel"),
    ("Britain's home secretary", "2017-03-01", "GBR", "GOV", "Amber Rudd"),
    ("the Indian army chief", "2021-06-01", "IND", "MIL", "Manoj Mukund Naravane"),
    ("the Indian army chief", "2025-02-01", "IND", "MIL", "Upendra Dwivedi"),
    ("the Pakistani spy chief", "2020-01-01", "PAK", "SPY", "Faiz Hameed"),
    ("Israel's military chief", "2017-03-01", "ISR", "MIL", "Gadi Eisenkot"),
    ("the Nigerian Senate president", "2020-01-01", "NGA", "LEG", "Ahmad Lawan"),
    ("the US attorney general", "2022-01-01", "USA", "JUD", "Merrick Garland"),
    ("Iran's intelligence minister", "2022-02-01", "IRN", "SPY", "Esmaeil Khatib"),
    ("Germany's justice minister", "2023-04-01", "DEU", "GOV", "Marco Buschmann"),
    ("the Turkish parliament speaker", "2024-01-10", "TUR", "LEG", "Numan Kurtulmus"),
    # bare names: the sector of the office held on the date
    ("Kash Patel", "2025-06-01", "USA", "COP", "Kash Patel"),
    ("Ronen Bar", "2024-01-01", "ISR", "SPY", "Ronen Bar"),
    ("Ayaz Sadiq", "2024-06-01", "PAK", "LEG", "Ayaz Sadiq"),
    ("Godswill Akpabio", "2024-06-01", "NGA", "LEG", "Godswill Akpabio"),
    ("Vladimir Padrino", "2019-02-01", "VEN", "GOV", "Vladimir Padrino Lopez"),
    ("Birhanu Jula", "2022-02-01", "ETH", "MIL", "Birhanu Jula"),
    # an ended office makes a former official; a standing sector outlives no office
    ("Christopher Wray", "2025-06-01", "USA", "ELI", "Christopher Wray"),
    ("Alice Weidel", "2024-03-01", "DEU", "OPP", "Alice Weidel"),
]

BODIES = [
    ("the Gulf Clan", "2023-05-01", "COL", "CRM"),
    ("Comando Vermelho", "2024-10-01", "BRA", "CRM"),
    ("the Ta'ang National Liberation Army", "2023-11-01", "MMR", "REB"),
    ("the Kenya Defence Forces", "2022-01-01", "KEN", "MIL"),
    ("the Basij", "2022-10-01", "IRN", "MIL"),
    ("the Supreme People's Court", "2021-01-01", "CHN", "JUD"),
    ("the Central Reserve Police Force", "2019-02-14", "IND", "COP"),
    ("the Indigenous People of Biafra", "2021-06-01", "NGA", "SEP"),
    ("the Democratic Unionist Party", "2019-12-01", "GBR", "PTY"),
    ("the Southern Transitional Council", "2024-01-01", "YEM", "SEP"),
]


@pytest.mark.parametrize(("phrase", "date", "country", "sector", "name"), OFFICES)
def test_dated_office(phrase: str, date: str, country: str, sector: str, name: str) -> None:
    actor = eventwire.resolve_actor(phrase, date=date)
    assert actor is not None, f"no actor for {phrase!r}"
    assert (actor.country, actor.sector, actor.name) == (country, sector, name)


@pytest.mark.parametrize(("phrase", "date", "country", "sector"), BODIES)
def test_body_under_its_own_name(phrase: str, date: str, country: str, sector: str) -> None:
    actor = eventwire.resolve_actor(phrase, date=date)
    assert actor is not None, f"no actor for {phrase!r}"
    assert (actor.country, actor.sector) == (country, sector)
