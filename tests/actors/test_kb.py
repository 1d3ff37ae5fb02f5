"""The actor knowledge base: lookups, dates, adjectives, roles, user files and schema errors."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from eventwire.actors.kb import ActorKB, KBEntry, clean, pluralise, query_keys
from eventwire.errors import KnowledgeBaseError
from tests.conftest import shared_knowledge

D = dt.date


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return shared_knowledge().actor_kb


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # countries: names, short forms, historic names, accents, possessives, case
        ("Russia", "country:RUS"),
        ("Russia's", "country:RUS"),
        ("the Russian Federation", "country:RUS"),
        ("U.S.", "country:USA"),
        ("US", "country:USA"),
        ("USA", "country:USA"),
        ("America", "country:USA"),
        ("the United States", "country:USA"),
        ("UNITED STATES", "country:USA"),
        ("Britain", "country:GBR"),
        ("U.K.", "country:GBR"),
        ("Côte d'Ivoire", "country:CIV"),
        ("Cote d\u2019Ivoire", "country:CIV"),
        ("Zaire", "country:COD"),
        ("Burma", "country:MMR"),
        ("Yugoslavia", "country:SRB"),
        ("Soviet Union", "country:RUS"),
        ("Kosovo", "country:XKX"),
        ("Taiwan", "country:TWN"),
        ("Guinea-Bissau", "country:GNB"),
        ("Guinea Bissau", "country:GNB"),
        # metonyms
        ("the Kremlin", "metonym:RUS:kremlin"),
        ("Kremlin's", "metonym:RUS:kremlin"),
        ("Moscow", "metonym:RUS:moscow"),
        ("the White House", "metonym:USA:white-house"),
        ("The Pentagon", "metonym:USA:pentagon"),
        ("Downing Street", "metonym:GBR:downing-street"),
        ("Whitehall", "metonym:GBR:whitehall"),
        ("Zhongnanhai", "metonym:CHN:zhongnanhai"),
        ("Pyongyang", "metonym:PRK:pyongyang"),
        # regions that stand for a country
        ("Chechnya", "region:chechnya"),
        ("Gaza", "region:gaza"),
        ("Darfur", "region:darfur"),
        # IGOs: Brussels is the EU, acronyms keep their capitals
        ("Brussels", "igo:EU"),
        ("NATO", "igo:NATO"),
        ("Nato", "igo:NATO"),
        ("the U.N.", "igo:UNO"),
        ("Arctic Council", "igo:ARC"),
        ("UNPROFOR", "igo:UNPROFOR"),
        ("the Security Council", "igo:UNSC"),
        ("U.N. nuclear watchdog", "igo:IAEA"),
        ("Human Rights Watch", "igo:HRW"),
        ("Medecins Sans Frontieres", "igo:MSF"),
        ("Médecins Sans Frontières", "igo:MSF"),
        # armed groups, parties, agencies
        ("Hamas", "group:hamas"),
        ("the Taliban", "group:taliban"),
        ("ISIS", "group:islamic-state"),
        ("Islamic State", "group:islamic-state"),
        ("al Qaeda", "group:al-qaeda"),
        ("Al-Qaida", "group:al-qaeda"),
        ("Houthi rebels", "group:houthis"),
        ("Wagner", "group:wagner"),
        ("the IDF", "group:idf"),
        # media
        ("Reuters", "media:reuters"),
        ("the Associated Press", "media:ap"),
        ("AFP", "media:afp"),
        ("Xinhua", "media:xinhua"),
        ("KCNA", "media:kcna"),
        ("Al Jazeera", "media:al-jazeera"),
        ("ITAR-TASS", "media:tass"),
        # people
        ("Lavrov", "person:sergei-lavrov"),
        ("Sergey Lavrov", "person:sergei-lavrov"),
        ("Anthony Blinken", "person:antony-blinken"),
        ("Blinken's", "person:antony-blinken"),
        ("Mr Lavrov", "person:sergei-lavrov"),
        ("Mr. Putin", "person:vladimir-putin"),
        ("Dr Tedros", "person:tedros-adhanom-ghebreyesus"),
        ("Lord Robertson", "person:george-robertson"),
        ("Omar el-Bashir", "person:omar-al-bashir"),
        ("Francois Mitterand", "person:francois-mitterrand"),
        ("Le Pen", "person:marine-le-pen"),
        ("von der Leyen", "person:ursula-von-der-leyen"),
    ],
)
def test_lookup(kb: ActorKB, text: str, key: str) -> None:
    entry = kb.lookup(text, D(2021, 5, 20))
    assert entry is not None, text
    assert entry.key == key


MISSES = ["us", "who", "Who", "the", "", "Nowhereland", "kremlin palace gardens", "May", "Rice", "Kim", "is"]
MISSES += ["Begin", "Power", "Pen", "Turk"]  # words or name fragments that are not aliases


@pytest.mark.parametrize("text", MISSES)
def test_lookup_misses(kb: ActorKB, text: str) -> None:
    assert kb.lookup(text) is None


@pytest.mark.parametrize(
    ("text", "country", "sector", "kind"),
    [
        ("the Kremlin", "RUS", "GOV", "organization"),
        ("the Pentagon", "USA", "MIL", "organization"),
        ("Russia", "RUS", None, "state"),
        ("Chechnya", "RUS", None, "state"),
        ("NATO", "IGO", "IGO", "organization"),
        ("Reuters", "GBR", "MED", "organization"),
        ("Hamas", "PSE", "INS", "group"),
        ("al-Qaeda", "IMG", "INS", "group"),
        ("ICRC", "IGO", "NGO", "organization"),
        ("Amnesty International", "IGO", "HRI", "organization"),
        ("Capitol Hill", "USA", "LEG", "organization"),
        ("Jordan", "JOR", None, "state"),
    ],
)
def test_lookup_attributes(kb: ActorKB, text: str, country: str, sector: str | None, kind: str) -> None:
    entry = kb.lookup(text)
    assert entry is not None
    assert (entry.country, entry.sector, entry.kind) == (country, sector, kind)


def test_media_state_ownership(kb: ActorKB) -> None:
    tass, reuters = kb.lookup("TASS"), kb.lookup("Reuters")
    assert tass is not None and tass.state_owned is True
    assert reuters is not None and reuters.state_owned is False


def test_person_in_office_is_gov_with_office(kb: ActorKB) -> None:
    entry = kb.lookup("Lavrov", D(2021, 5, 20))
    assert entry is not None
    assert (entry.name, entry.country, entry.sector, entry.office) == (
        "Sergei Lavrov",
        "RUS",
        "GOV",
        "foreign minister",
    )


def test_person_after_office_keeps_country_and_becomes_elite(kb: ActorKB) -> None:
    entry = kb.lookup("Blinken", D(2026, 3, 1))
    assert entry is not None
    assert (entry.country, entry.sector, entry.office) == ("USA", "ELI", None)


@pytest.mark.parametrize(
    ("country", "office", "on", "name"),
    [
        ("USA", "secretary of state", D(2021, 5, 20), "Antony Blinken"),
        ("USA", "foreign minister", D(2021, 5, 20), "Antony Blinken"),
        ("RUS", "foreign minister", D(2021, 5, 20), "Sergei Lavrov"),
        ("RUS", "Foreign Minister", D(2010, 1, 1), "Sergei Lavrov"),
    ],
)
def test_office_holder(kb: ActorKB, country: str, office: str, on: dt.date, name: str) -> None:
    entry = kb.office_holder(country, office, on)
    assert entry is not None
    assert entry.name == name
    assert entry.start is not None and entry.start <= on
    assert entry.end is None or on <= entry.end


def test_former_minister_is_not_office_holder(kb: ActorKB) -> None:
    later = D(2025, 6, 1)
    holder = kb.office_holder("USA", "secretary of state", later)
    assert holder is None or holder.name != "Antony Blinken"
    assert kb.office_holder("RUS", "foreign minister", D(2003, 1, 1)) is None or (
        kb.office_holder("RUS", "foreign minister", D(2003, 1, 1)) != kb.lookup("Lavrov")
    )


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("Sudanese", "SDN"),
        ("South Sudanese", "SSD"),
        ("U.S.", "USA"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("Ivorian", "CIV"),
        ("North Korean", "PRK"),
        ("Soviet", "RUS"),
        ("Burmese", "MMR"),
        ("Pakistanis", "PAK"),
    ],
)
def test_country_for_adjective(kb: ActorKB, word: str, iso3: str) -> None:
    assert kb.country_for_adjective(word) == iso3


@pytest.mark.parametrize("word", ["us", "Martian", "quickly", ""])
def test_country_for_adjective_misses(kb: ActorKB, word: str) -> None:
    assert kb.country_for_adjective(word) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("foreign minister", ("GOV", "person")),
        ("Foreign Ministers", ("GOV", "group")),
        ("troops", ("MIL", "group")),
        ("soldier", ("MIL", "person")),
        ("soldiers", ("MIL", "group")),
        ("Policemen", ("COP", "group")),
        ("secretaries of state", ("GOV", "group")),
        ("authorities", ("GOV", "group")),
        ("riot police", ("COP", "group")),
        ("the rebels", ("REB", "group")),
        ("former prime minister", ("ELI", "person")),
        ("military officials", ("MIL", "group")),
        ("Defense Ministry", ("GOV", "organization")),
        ("CEO", ("BUS", "person")),
        ("refugees", ("REF", "group")),
        ("former foreign minister", ("ELI", "person")),
        ("deputy foreign minister", ("GOV", "person")),
        ("police spokesman", ("COP", "person")),
        ("U.N. envoys", ("IGO", "group")),
        ("government troops", ("MIL", "group")),
        ("rebel commanders", ("REB", "group")),
        ("ministry spokeswoman", ("GOV", "person")),
        ("banana", None),
        ("former banana", None),
    ],
)
def test_role(kb: ActorKB, phrase: str, expected: tuple[str, str] | None) -> None:
    assert kb.role(phrase) == expected


@pytest.mark.parametrize(
    ("term", "plural"),
    [
        ("soldier", "soldiers"),
        ("policeman", "policemen"),
        ("secretary of state", "secretaries of state"),
        ("authority", "authorities"),
        ("witness", "witnesses"),
        ("envoy", "envoys"),
    ],
)
def test_pluralise(term: str, plural: str) -> None:
    assert pluralise(term) == plural


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [("the U.N.", "UN"), ("Russia's", "Russia"), ("  the   Kremlin ", "Kremlin"), ("Élysée", "Elysee")],
)
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


def test_acronyms_only_match_capitals() -> None:
    assert query_keys("WHO")[0] == "=WHO"
    assert "=WHO" not in query_keys("who") and "=WHO" not in query_keys("Who")
    assert "=NATO" in query_keys("Nato")


def test_entries_have_unique_keys(kb: ActorKB) -> None:
    keys = [e.key for e in kb.entries()]
    assert len(keys) == len(set(keys)) == len(kb)
    assert all(isinstance(e, KBEntry) for e in kb.entries())


# ---------------------------------------------------------------- user files


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "my_actors.yaml"
    path.write_text(textwrap.dedent(body), "utf-8")
    return path


def test_user_file_adds_person_and_org(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """\
        version: 1
        entries:
          - name: Maria Testova
            aliases: [Testova]
            country: BLR
            sector: OPP
            kind: person
          - name: Lakeside Farmers Union
            country: KEN
            sector: AGR
            kind: group
        """,
    )
    kb = ActorKB.load([path])
    person = kb.lookup("Testova")
    assert person is not None and (person.country, person.sector, person.kind) == ("BLR", "OPP", "person")
    union = kb.lookup("the Lakeside Farmers Union")
    assert union is not None and (union.sector, union.kind) == ("AGR", "group")


def test_user_file_overrides_packaged_entry(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """\
        version: 1
        entries:
          - overrides: igo:NATO
            name: NATO
            aliases: [North Atlantic Treaty Organization, the Atlantic alliance]
            country: IGO
            sector: MIL
        """,
    )
    kb = ActorKB.load([path])
    nato = kb.lookup("NATO")
    assert nato is not None and (nato.key, nato.name, nato.sector) == ("igo:NATO", "NATO", "MIL")
    assert kb.lookup("Atlantic alliance") == nato


ENTRY = "          - {name: Test Person, country: FRA"


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ("          - {country: FRA}", "entry 1 (?): field 'name': expected a non-empty string"),
        ("          - {name: Test Person}", "field 'country'"),
        (ENTRY.replace("FRA", "XYZ") + "}", "field 'country': expected one of the known country codes"),
        (ENTRY + ", sector: WIZARD}", "field 'sector'"),
        (ENTRY + ", kind: robot}", "field 'kind'"),
        (ENTRY + ", wikidata: 159}", "field 'wikidata'"),
        (ENTRY + ", office: mayor, start: 2020-13-01}", "field 'start': expected an ISO date"),
        (ENTRY + ", office: mayor, start: 2020-01-01, end: 2019-01-01}", "field 'end'"),
        (
            ENTRY + ", aliases: Testy}\n" + ENTRY + ", aliases: [Testy]}",
            "entry 2: duplicate key",
        ),
        (
            ENTRY + ", kind: organization}\n          - {name: Other, aliases: [Test Person], country: FRA}",
            "duplicate org alias 'test person'",
        ),
        ("          - {overrides: igo:NOPE, name: X, country: IGO}", "field 'overrides'"),
        ("          - just a string", "entry 1: expected a mapping"),
        (ENTRY + ", state_owned: maybe}", "field 'state_owned'"),
        (ENTRY + ", aliases: [1, 2]}", "field 'aliases'"),
        (ENTRY + ", offices: president}", "field 'offices'"),
        (ENTRY + ", offices: [president]}", "entry 1: expected a mapping"),
        (ENTRY + ", offices: [{start: 2020-01-01}]}", "field 'office'"),
        (ENTRY + ", offices: [{office: mayor, country: ZZZ}]}", "field 'country'"),
        (ENTRY + ", offices: [{office: mayor, sector: GUV}]}", "field 'sector'"),
        ("          - {iso3: QQQ, name: Qland}", "field 'iso3'"),
        ("          - {iso3: ATA, name: Antarctica Again}", "duplicate key 'country:ATA'"),
        ("          - {iso3: XKX, name: Kosova, metonyms: [{sector: GOV}]}", "field 'name'"),
    ],
)
def test_user_file_errors(tmp_path: Path, entries: str, message: str) -> None:
    path = tmp_path / "my_actors.yaml"
    path.write_text("version: 1\nentries:\n" + entries + "\n", "utf-8")
    with pytest.raises(KnowledgeBaseError) as info:
        ActorKB.load([path])
    assert message in str(info.value)
    assert "my_actors.yaml" in str(info.value)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("entries: []\n", "version: 1"),
        ("version: 1\n", "'entries:' list"),
        ("version: 1\nentries: [\n", "not valid YAML"),
    ],
)
def test_user_file_structure_errors(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, "utf-8")
    with pytest.raises(KnowledgeBaseError, match=message.replace("(", r"\(")):
        ActorKB.load([path])


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        ActorKB.load([tmp_path / "absent.yaml"])


def test_documented_example_file_loads() -> None:
    example = Path(__file__).parents[2] / "docs" / "examples" / "my_actors.yaml"
    kb = ActorKB.load([example])
    governor = kb.lookup("Amina Osman", D(2023, 1, 1))
    assert governor is not None and (governor.country, governor.sector, governor.office) == (
        "SOM",
        "GOV",
        "governor of banadir",
    )
    later = kb.lookup("Amina Osman", D(2026, 1, 1))
    assert later is not None and (later.country, later.sector) == ("SOM", "ELI")
    taliban = kb.lookup("the Taliban")
    assert taliban is not None and (taliban.key, taliban.sector) == ("group:taliban", "GOV")
    assert shared_knowledge().actor_kb.lookup("the Taliban") != taliban  # the packaged KB is untouched


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Bush", D(1991, 3, 1), ("George H. W. Bush", "GOV", "USA")),
        ("Bush", D(2005, 3, 1), ("George W. Bush", "GOV", "USA")),
        ("Clinton", D(1996, 3, 1), ("Bill Clinton", "GOV", "USA")),
        ("Clinton", D(2011, 3, 1), ("Hillary Clinton", "GOV", "USA")),
        ("Putin", D(2010, 3, 1), ("Vladimir Putin", "GOV", "RUS")),
        ("Guterres", D(2021, 3, 1), ("António Guterres", "IGO", "IGO")),
        ("Guterres", D(2010, 3, 1), ("António Guterres", "IGO", "IGO")),
        ("Ban Ki-moon", D(2005, 3, 1), ("Ban Ki-moon", "GOV", "KOR")),
        ("Stoltenberg", D(2026, 3, 1), ("Jens Stoltenberg", "GOV", "NOR")),
        ("Erdogan", D(2010, 3, 1), ("Recep Tayyip Erdoğan", "GOV", "TUR")),
        ("Navalny", D(2020, 3, 1), ("Alexei Navalny", "OPP", "RUS")),
        ("Zelenskyy", D(2022, 3, 1), ("Volodymyr Zelensky", "GOV", "UKR")),
        ("Assad", D(2026, 3, 1), ("Bashar al-Assad", "ELI", "SYR")),
        ("Hemedti", D(2023, 5, 1), ("Mohamed Hamdan Dagalo", "UAF", "SDN")),
    ],
)
def test_people_by_date(kb: ActorKB, text: str, on: dt.date, expected: tuple[str, str, str]) -> None:
    entry = kb.lookup(text, on)
    assert entry is not None
    assert (entry.name, entry.sector, entry.country) == expected


@pytest.mark.parametrize(
    ("country", "office", "on", "name"),
    [
        ("GBR", "foreign secretary", D(2019, 1, 1), "Jeremy Hunt"),
        ("CHN", "premier", D(2015, 1, 1), "Li Keqiang"),
        ("CHN", "prime minister", D(2015, 1, 1), "Li Keqiang"),
        ("DEU", "chancellor", D(2000, 1, 1), "Gerhard Schröder"),
        ("USA", "defense secretary", D(2015, 1, 1), "Chuck Hagel"),
        ("USA", "secretary of defense", D(2015, 1, 1), "Chuck Hagel"),
        ("JPN", "defense minister", D(2015, 1, 1), "Gen Nakatani"),
        ("IND", "external affairs minister", D(2020, 1, 1), "Subrahmanyam Jaishankar"),
        ("IND", "foreign minister", D(2020, 1, 1), "Subrahmanyam Jaishankar"),
        ("UNO", "secretary-general", D(2010, 1, 1), "Ban Ki-moon"),
        ("NATO", "secretary general", D(2010, 1, 1), "Anders Fogh Rasmussen"),
        ("RUS", "prime minister", D(2010, 1, 1), "Vladimir Putin"),
    ],
)
def test_office_holder_titles(kb: ActorKB, country: str, office: str, on: dt.date, name: str) -> None:
    entry = kb.office_holder(country, office, on)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("country", ["USA", "RUS", "CHN", "GBR", "FRA"])
def test_office_holder_unknown_office(kb: ActorKB, country: str) -> None:
    assert kb.office_holder(country, "chief astrologer", D(2020, 1, 1)) is None


def test_user_file_flat_office_and_person_override(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """\
        version: 1
        entries:
          - name: Lena Korhonen
            aliases: [Korhonen]
            country: FIN
            office: foreign minister
            start: 2031-01-01
            end: null
          - overrides: person:sergei-lavrov
            name: Sergei Lavrov
            aliases: [Lavrov]
            country: RUS
            offices:
              - {office: foreign minister, start: 2004-03-09, end: 2030-12-31}
        """,
    )
    kb = ActorKB.load([path])
    holder = kb.office_holder("FIN", "foreign minister", D(2031, 6, 1))
    assert holder is not None
    assert (holder.name, holder.kind, holder.sector) == ("Lena Korhonen", "person", "GOV")
    assert kb.office_holder("RUS", "foreign minister", D(2031, 6, 1)) is None
    lavrov = kb.lookup("Lavrov", D(2031, 6, 1))
    assert lavrov is not None and (lavrov.key, lavrov.sector) == ("person:sergei-lavrov", "ELI")


# An office is found under the country it belongs to, not under its holder's nationality.
@pytest.mark.parametrize(
    ("country", "office", "on", "name"),
    [
        ("USA", "president", D(2000, 6, 1), "Bill Clinton"),  # not the World Bank's Wolfensohn
        ("WB", "president", D(2000, 6, 1), "James Wolfensohn"),
        ("RUS", "foreign minister", D(1988, 6, 1), "Eduard Shevardnadze"),
        ("IRL", "president", D(1995, 6, 1), "Mary Robinson"),
        ("OHCHR", "high commissioner", D(2000, 6, 1), "Mary Robinson"),
    ],
)
def test_office_holder_uses_office_country(
    kb: ActorKB, country: str, office: str, on: dt.date, name: str
) -> None:
    entry = kb.office_holder(country, office, on)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize(
    ("country", "office", "on"),
    [("GEO", "foreign minister", D(1988, 6, 1)), ("GBR", "high representative", D(2012, 1, 1))],
)
def test_office_holder_ignores_holders_nationality(
    kb: ActorKB, country: str, office: str, on: dt.date
) -> None:
    entry = kb.office_holder(country, office, on)
    assert entry is None or entry.country == country
