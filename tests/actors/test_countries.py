"""The country table (onrecord/data/actors_countries.tsv): every row parses, no word names two countries,
and names, demonyms and capitals across continents resolve."""

import re
from importlib import resources

import pytest

from onrecord.actors import default_registry
from onrecord.actors.names import fold, fold_name

# UN member states (ISO 3166 alpha-3) and the two observer states.
UN_MEMBERS = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV
GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR
ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA
ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK
THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE""".split()
OBSERVERS = ["VAT", "PSE"]


def _data_rows() -> list[list[str]]:
    text = (resources.files("onrecord") / "data" / "actors_countries.tsv").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_every_row_parses_into_one_country():
    rows = _data_rows()
    countries = default_registry().countries()
    assert len(countries) == len(rows)
    for cells in rows:
        assert len(cells) == 5, cells
        name, iso3 = cells[0], cells[1]
        assert name and name == name.strip(), cells
        assert re.fullmatch(r"[A-Z]{3}", iso3), cells
        for cell in cells[2:]:  # ";"-separated lists: no empty or padded parts
            assert all(part and part == part.strip() for part in cell.split(";")) or not cell, cells
    assert len({c.name for c in countries}) == len(countries)
    assert len({c.iso3 for c in countries}) == len(countries)


def test_covers_un_members_and_observer_states():
    assert len(set(UN_MEMBERS)) == 193
    codes = {c.iso3 for c in default_registry().countries()}
    assert set(UN_MEMBERS + OBSERVERS) - codes == set()


def test_no_word_names_two_countries():
    owner: dict[str, set[str]] = {}
    for c in default_registry().countries():
        for word in (c.name, *c.aliases, *c.demonyms, *c.metonyms):
            owner.setdefault(fold_name(word), set()).add(c.name)
    shared = {word: names for word, names in owner.items() if len(names) > 1}
    assert shared == {}


@pytest.mark.parametrize("word, country", [
    ("Thai", "Thailand"),
    ("Thais", "Thailand"),
    ("Naypyitaw", "Myanmar"),
    ("Burma", "Myanmar"),
    ("Filipino", "Philippines"),
    ("Philippine", "Philippines"),
    ("Ivory Coast", "Côte d'Ivoire"),
    ("Ivorian", "Côte d'Ivoire"),
    ("Guinean", "Guinea"),
    ("Bissau-Guinean", "Guinea-Bissau"),
    ("Congolese", "Democratic Republic of the Congo"),
    ("Brazzaville", "Republic of the Congo"),
    ("Dominican", "Dominican Republic"),
    ("Roseau", "Dominica"),
    ("Buenos Aires", "Argentina"),
    ("Tegucigalpa", "Honduras"),
    ("Canberra", "Australia"),
    ("Port Moresby", "Papua New Guinea"),
    ("Swaziland", "Eswatini"),
    ("Czechia", "Czech Republic"),
    ("Skopje", "North Macedonia"),
    ("Sahrawi", "Western Sahara"),
    ("Hargeisa", "Somaliland"),
    ("Tiraspol", "Transnistria"),
    ("Sukhumi", "Abkhazia"),
    ("Tskhinvali", "South Ossetia"),
    ("TRNC", "Northern Cyprus"),
    ("Kyiv", "Ukraine"),
])
def test_spot_checks_across_continents(word, country):
    assert default_registry().country_of(word) == country


def test_longest_country_phrase_wins_at_the_head():
    registry = default_registry()
    assert registry.split_country(fold("Turkish Cypriot leader")) == ("Northern Cyprus", "leader")
    assert registry.split_country(fold("Greek Cypriot negotiator")) == ("Cyprus", "negotiator")
    assert registry.split_country(fold("Equatorial Guinea's president")) == ("Equatorial Guinea", "president")
    assert registry.split_country(fold("Guinea's junta")) == ("Guinea", "junta")


def test_new_countries_get_a_government_actor():
    registry = default_registry()
    assert registry.government("Thailand").name == "Government of Thailand"
    assert registry.government("Somaliland") is not None


def test_government_names_take_the_where_the_country_does():
    from onrecord.actors import default_registry

    registry = default_registry()
    assert registry.government("Russia").name == "Government of Russia"
    assert registry.government("Democratic Republic of the Congo").name == \
        "Government of the Democratic Republic of the Congo"
    assert registry.government("Philippines").name == "Government of the Philippines"
