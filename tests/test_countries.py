"""The shipped reference data of ITU Member States, its API and ``wsg countries``.

Every dated fact of issue 15 has a test here, every numbered judgement of the data files'
headers a ``test_jNN_…`` (checked by ``test_every_judgement_has_a_test``), and the file's
totals on key dates are compared with the published counts.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import sys
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from tests.conftest import ROOT, findings_for, make_dataset, run_wsg
from wsg.commands import countries as countries_command
from wsg.countries import CATEGORIES, REGIONS, MemberState, Reference, Region, load_reference
from wsg.errors import WsgError

ARAB_AFRICAN = ("DZ", "KM", "DJ", "EG", "LY", "MR", "MA", "SO", "SD", "TN")
HEADER = ["code", "name", "regions", "LDC", "SIDS", "LLDC", "EIT", "developing"]


def codes(text: str) -> list[str]:
    return text.split()


# The UN-OHRLLS list of small island developing States, its UN Members (the one SIDS source)
OHRLLS_SIDS = codes(
    "AG BS BH BB BZ CV KM CU DM DO FJ GD GW GY HT JM KI MV MH FM MU NR PW PG KN LC VC WS ST SC SG "
    "SB SR TL TO TT TV VU"
)
# The UN-OHRLLS list of landlocked developing countries
OHRLLS_LLDC = codes(
    "AF AM AZ BT BO BW BF BI CF TD SZ ET KZ KG LA LS MW ML MD MN NP NE MK PY RW SS TJ TM UG UZ "
    "ZM ZW"
)
WESP_DEVELOPED = codes(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "IS NO CH GB US CA JP AU NZ"
)
WESP_TRANSITION = codes("AL BA ME MK RS AM AZ BY GE KZ KG MD RU TJ TM UA UZ")


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


def state(ref: Reference, code: str) -> MemberState:
    found = ref.member(code)
    assert found is not None, code
    return found


def regions_on(ref: Reference, code: str, on: date) -> tuple[str, ...]:
    return state(ref, code).regions_on(on)


def header_lines(name: str) -> list[str]:
    text = files("wsg.reference").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("#")]


def rows(name: str) -> list[dict[str, str]]:
    text = files("wsg.reference").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def ldc_count(ref: Reference, on: date) -> int:
    return sum(s.ldc_status(on) is True for s in ref.members_on(on))


def uncertain_ldcs(ref: Reference, on: date) -> set[str]:
    return {s.code for s in ref.members_on(on) if s.ldc_status(on) is None}


def d(text: str) -> date:
    return date.fromisoformat(text)


# --- the package data and its shape -----------------------------------------------------


def test_package_data_is_found_with_importlib_resources() -> None:
    package = files("wsg.reference")
    for name in ("member_states.csv", "regions.csv", "iso3166.csv", "iso639-1.csv"):
        assert package.joinpath(name).is_file(), name


def test_load_reference_is_cached_and_versioned(ref: Reference) -> None:
    assert load_reference() is ref
    assert re.fullmatch(r"[0-9a-f]{16}", ref.version)
    assert ref.as_of == date(2026, 11, 1)
    assert ref.membership_recorded_from == date(2010, 8, 24)


def test_member_states_file_layout() -> None:
    table = rows("member_states.csv")
    assert list(table[0]) == [
        "code",
        "name",
        "itu_from",
        "ldc_from",
        "ldc_until",
        "ldc_until_settled",
        "sids",
        "lldc",
        "wesp",
        "judgements",
    ]
    codes = [row["code"] for row in table]
    assert codes == sorted(codes)
    namibia = next(row for row in table if row["name"] == "Namibia")
    assert namibia["code"] == "NA"  # the csv module keeps it a string, never a missing value
    for line in header_lines("member_states.csv") + header_lines("regions.csv"):
        assert len(line) <= 100, line


def test_regions_file_layout() -> None:
    table = rows("regions.csv")
    assert list(table[0]) == ["code", "region", "from", "until", "judgements"]
    assert {row["region"] for row in table} == set(REGIONS)
    keys = [(row["code"], list(REGIONS).index(row["region"]), row["from"]) for row in table]
    assert keys == sorted(keys)


def test_headers_name_a_source_and_as_of_date_for_every_category(ref: Reference) -> None:
    by_category = {source.category: source for source in ref.sources}
    assert set(by_category) == {
        "membership",
        "regions",
        "ldc",
        "sids",
        "lldc",
        "eit",
        "developing",
        "names",
    }
    assert "UN-OHRLLS" in by_category["sids"].text
    assert "UN-OHRLLS" in by_category["lldc"].text
    assert "World Economic Situation and Prospects" in by_category["eit"].text
    assert "Resolution 53" in by_category["developing"].text
    assert "2024-09-19" in by_category["membership"].text
    for organization in ("CITEL", "CEPT", "RCC", "ATU", "APT", "League of Arab States", "ASMG"):
        assert organization in by_category["regions"].text, organization
    assert "datasets/country-codes" in by_category["names"].text
    assert all(source.as_of <= ref.as_of for source in ref.sources)


def test_iso_and_language_tables(ref: Reference) -> None:
    assert len(ref.iso) == 249
    assert set(ref.states) <= set(ref.iso)
    assert ref.iso["NA"] == "Namibia"
    assert ref.alpha3["NA"] == "NAM" and ref.alpha3["GB"] == "GBR"
    assert len(ref.languages) == 184
    assert ref.languages["en"] == "English"
    assert ref.languages["no"] == "Norwegian"
    assert all(re.fullmatch(r"[a-z]{2}", code) for code in ref.languages)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in ref.iso)
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in ref.alpha3.values())


def test_regions_are_the_six_in_order() -> None:
    assert list(REGIONS) == ["americas", "europe", "cis", "africa", "asia-pacific", "arab-states"]
    assert REGIONS["africa"] == Region("africa", "Africa", "ATU")
    assert REGIONS["cis"].organization == "RCC"
    assert REGIONS["europe"].organization == "CEPT"


def test_no_member_state_count_is_written_into_the_code() -> None:
    """192, 193 and 194 are facts of the data (test_published_counts), never literals in code."""
    found = []
    for path in sorted((ROOT / "wsg").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "countries" not in text and "reference" not in text:
            continue  # 192 is also 0xC0, a byte mask in the iCalendar writer
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and node.value in (192, 193, 194):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


# --- the published counts on key dates ----------------------------------------------------


@pytest.mark.parametrize(
    ("on", "members"),
    [
        ("2010-08-23", 191),
        ("2010-08-24", 192),  # Timor-Leste, the 192nd
        ("2011-10-02", 192),  # the day before South Sudan
        ("2011-10-03", 193),  # South Sudan, the 193rd
        ("2024-09-18", 193),
        ("2024-09-19", 194),  # Palau, the 194th
        ("2026-11-01", 194),
    ],
)
def test_published_member_state_counts(ref: Reference, on: str, members: int) -> None:
    assert len(ref.members_on(d(on))) == members
    assert len(json.loads(run([], d(on), "json"))) == members


@pytest.mark.parametrize(
    ("on", "ldcs"),
    [
        ("2020-12-03", 47),
        ("2020-12-04", 46),  # after Vanuatu
        ("2023-12-12", 46),
        ("2023-12-13", 45),  # after Bhutan
        ("2024-12-12", 45),
        ("2024-12-13", 44),  # after São Tomé and Príncipe
        ("2026-11-23", 44),
    ],
)
def test_published_ldc_counts(ref: Reference, on: str, ldcs: int) -> None:
    assert ldc_count(ref, d(on)) == ldcs
    assert uncertain_ldcs(ref, d(on)) == set()


def test_published_lldc_and_sids_counts(ref: Reference) -> None:
    today = ref.members_on(ref.as_of)
    assert sum(s.lldc for s in today) == 32
    assert sum(s.sids for s in today) == 38  # the UN-OHRLLS list's UN Members
    assert sum(s.eit for s in today) == 17


def test_ldc_count_after_the_2026_graduations_leaves_bangladesh_and_nepal_open(
    ref: Reference,
) -> None:
    on = d("2026-11-24")
    assert ldc_count(ref, on) == 41  # 44 less Lao PDR, less BD and NP, which are uncertain
    assert uncertain_ldcs(ref, on) == {"BD", "NP"}
    assert ldc_count(ref, d("2028-01-01")) == 40  # Solomon Islands graduated on 2027-12-13
    assert ldc_count(ref, d("2030-01-01")) == 38  # Cambodia and Senegal on 2029-12-19


# --- membership ---------------------------------------------------------------------------


def test_palau_is_the_194th_member_state_from_2024_09_19(ref: Reference) -> None:
    palau = state(ref, "PW")
    assert palau.itu_from == date(2024, 9, 19)
    assert ref.member_on("PW", d("2024-09-18")) is None
    assert ref.member_on("PW", d("2024-09-19")) is palau
    assert palau.regions_on(d("2024-09-18")) == ()
    assert palau.regions_on(d("2024-09-19")) == ("asia-pacific",)
    assert palau.sids and palau.developing


def test_south_sudan_joined_on_2011_10_03(ref: Reference) -> None:
    assert state(ref, "SS").itu_from == date(2011, 10, 3)
    assert ref.member_on("SS", d("2011-10-02")) is None
    assert ref.member_on("SS", d("2011-10-03")) is not None


def test_every_state_has_regions_in_order_on_the_as_of_date(ref: Reference) -> None:
    order = list(REGIONS)
    for s in ref.members_on(ref.as_of):
        assert s.regions == s.regions_on(ref.as_of), s.code
        assert s.regions, s.code
        assert list(s.regions) == sorted(s.regions, key=order.index), s.code


def test_region_sizes_today(ref: Reference) -> None:
    today = ref.members_on(ref.as_of)
    sizes = {rid: sum(rid in s.regions for s in today) for rid in REGIONS}
    assert sizes == {
        "americas": 35,
        "europe": 47,
        "cis": 10,
        "africa": 54,
        "asia-pacific": 39,
        "arab-states": 21,
    }


def test_na_is_namibia_and_no_is_norway(ref: Reference) -> None:
    assert ref.name("NA") == "Namibia"
    assert ref.name("NO") == "Norway"
    assert state(ref, "NA").regions == ("africa",)


def test_iso_but_not_member_and_not_iso(ref: Reference) -> None:
    assert ref.is_iso("PS") and ref.member("PS") is None
    assert ref.name("PS") == "State of Palestine"
    assert not ref.is_iso("XX") and ref.member("XX") is None and ref.name("XX") is None
    assert not ref.is_iso("no")  # codes are upper case; the command normalises input


# --- the LDC status as of a date ------------------------------------------------------------


def test_a_graduation_day_is_no_longer_an_ldc(ref: Reference) -> None:
    bhutan = state(ref, "BT")
    assert bhutan.ldc_status(d("2023-12-12")) is True
    assert bhutan.ldc_status(d("2023-12-13")) is False
    st = state(ref, "ST")
    assert st.is_ldc(d("2024-12-12")) and not st.is_ldc(d("2024-12-13"))


def test_a_year_only_inclusion_is_uncertain_during_that_year(ref: Reference) -> None:
    myanmar = state(ref, "MM")
    assert str(myanmar.ldc_from) == "1987"
    assert myanmar.ldc_status(d("1986-12-31")) is False
    assert myanmar.ldc_status(d("1987-01-01")) is None
    assert myanmar.ldc_status(d("1987-12-31")) is None
    assert myanmar.ldc_status(d("1988-01-01")) is True
    assert myanmar.uncertain(d("1987-06-01")) == ("ldc",)
    assert "1987" in (myanmar.ldc_note(d("1987-06-01")) or "")


def test_categories_keys_and_values(ref: Reference) -> None:
    assert state(ref, "BT").categories(d("2023-06-01")) == {
        "ldc": True,
        "sids": False,
        "lldc": True,
        "eit": False,
        "developing": True,
    }
    assert state(ref, "NO").categories(d("2023-06-01")) == dict.fromkeys(CATEGORIES, False)
    assert state(ref, "NO").uncertain(d("2023-06-01")) == ()


# --- each documented judgement (the headers' "# judgement Jnn" entries) ------------------------


def test_j01_membership(ref: Reference) -> None:
    today = {s.code for s in ref.members_on(ref.as_of)}
    assert "VA" in today and "PW" in today
    for code in ("PS", "TW", "CK", "NU"):
        assert ref.is_iso(code) and ref.member(code) is None, code
    assert not ref.is_iso("XK")


def test_j02_accession_dates_recorded_from_2010_08_24(ref: Reference) -> None:
    recorded = {s.code: s.itu_from for s in ref.states.values() if s.itu_from is not None}
    assert recorded == {"TL": d("2010-08-24"), "SS": d("2011-10-03"), "PW": d("2024-09-19")}
    assert all(day >= ref.membership_recorded_from for day in recorded.values())
    text = run([], d("2005-01-01"), "table")
    assert "Not exact before 2010-08-24" in text
    assert "Not exact" not in run([], d("2010-08-24"), "table")


def test_j03_inclusions_dated_by_the_general_assembly_or_by_the_year(ref: Reference) -> None:
    exact = {"BD": "1975-12-12", "CF": "1975-12-12", "GM": "1975-12-12", "CV": "1977-12-13"}
    exact |= {"KM": "1977-12-13", "SN": "2001-04-12", "AF": "1971-11-18", "YE": "1971-11-18"}
    for code, day in exact.items():
        span = state(ref, code).ldc_from
        assert span is not None and span.exact and span.first == d(day), code
    for code, year in {"GW": "1981", "MM": "1987", "SS": "2012", "TL": "2003"}.items():
        span = state(ref, code).ldc_from
        assert span is not None and not span.exact and str(span) == year, code
    assert ldc_count(ref, d("1971-11-18")) == 24  # the original 25 less Sikkim
    assert state(ref, "SN").ldc_status(d("2001-04-11")) is False
    assert state(ref, "SN").ldc_status(d("2001-04-12")) is True


def test_j04_yemen_on_the_original_list(ref: Reference) -> None:
    yemen = state(ref, "YE")
    assert yemen.ldc_from is not None and yemen.ldc_from.first == d("1971-11-18")
    assert yemen.ldc_until is None


def test_j05_botswana_graduated_in_december_1994(ref: Reference) -> None:
    botswana = state(ref, "BW")
    assert botswana.ldc_status(d("1994-11-30")) is True
    assert botswana.ldc_status(d("1994-12-15")) is None
    assert botswana.ldc_status(d("1995-01-01")) is False


def test_j06_graduations_on_record(ref: Reference) -> None:
    expected = {
        "BW": "1994-12",
        "CV": "2007-12-20",
        "MV": "2011-01-01",
        "WS": "2014-01-01",
        "GQ": "2017-06-04",
        "VU": "2020-12-04",
        "BT": "2023-12-13",
        "ST": "2024-12-13",
        "BD": "2026-11-24",
        "LA": "2026-11-24",
        "NP": "2026-11-24",
        "SB": "2027-12-13",
        "KH": "2029-12-19",
        "SN": "2029-12-19",
    }
    actual = {s.code: str(s.ldc_until) for s in ref.states.values() if s.ldc_until is not None}
    assert actual == expected
    assert state(ref, "VU").ldc_status(d("2020-12-03")) is True
    assert state(ref, "VU").ldc_status(d("2020-12-04")) is False


def test_j07_solomon_islands_until_2027_12_13(ref: Reference) -> None:
    solomon = state(ref, "SB")
    assert solomon.is_ldc(d("2024-12-13")) and solomon.is_ldc(d("2027-12-12"))
    assert solomon.ldc_status(d("2027-12-13")) is False


def test_j08_bangladesh_and_nepal_uncertain_from_2026_11_24(ref: Reference) -> None:
    for code in ("BD", "NP"):
        s = state(ref, code)
        assert not s.ldc_until_settled, code
        assert s.ldc_status(d("2026-11-23")) is True, code
        assert s.ldc_status(d("2026-11-24")) is None, code
        assert s.ldc_status(d("2030-01-01")) is None, code
        assert s.uncertain(d("2026-11-24")) == ("ldc",)
        assert s.categories(d("2026-12-01"))["developing"] is True
        assert "General Assembly" in (s.ldc_note(d("2026-12-01")) or "")
    judgement = ref.judgements["J08"]
    assert "no general assembly decision" in judgement.text.casefold()
    assert "CDP" in judgement.text and "Source:" in judgement.text


def test_j09_lao_pdr_graduates_on_2026_11_24(ref: Reference) -> None:
    lao = state(ref, "LA")
    assert lao.ldc_until_settled
    assert lao.ldc_status(d("2026-11-23")) is True
    assert lao.ldc_status(d("2026-11-24")) is False


def test_j10_cambodia_and_senegal_graduate_on_2029_12_19(ref: Reference) -> None:
    for code in ("KH", "SN"):
        assert state(ref, code).is_ldc(d("2029-12-18")), code
        assert state(ref, code).ldc_status(d("2029-12-19")) is False, code


def test_j11_angola_djibouti_kiribati_tuvalu_remain_ldcs(ref: Reference) -> None:
    for code in ("AO", "DJ", "KI", "TV"):
        assert state(ref, code).ldc_until is None, code
        assert state(ref, code).is_ldc(d("2030-01-01")), code


def test_j12_sids_follow_the_ohrlls_list(ref: Reference) -> None:
    assert sorted(s.code for s in ref.states.values() if s.sids) == sorted(OHRLLS_SIDS)
    assert state(ref, "BH").sids and state(ref, "PW").sids


def test_j13_lldcs_follow_the_ohrlls_list(ref: Reference) -> None:
    assert sorted(s.code for s in ref.states.values() if s.lldc) == sorted(OHRLLS_LLDC)


def test_j14_economies_in_transition_are_wesps(ref: Reference) -> None:
    assert sorted(s.code for s in ref.states.values() if s.eit) == sorted(WESP_TRANSITION)
    assert not state(ref, "HR").eit


def test_j15_one_definition_of_developing(ref: Reference) -> None:
    developed = {s.code for s in ref.states.values() if not s.developing}
    assert developed == set(WESP_DEVELOPED) | {"AD", "LI", "MC", "SM", "VA"}
    assert "CY" in developed  # an EU member, a developed economy
    for code in ("IL", "KR", "SG", "BN", "SA", "AE", "QA", "KW", "BH", "OM", "TR", "CN"):
        assert code not in developed, code
    for s in ref.states.values():  # the rule, for every state
        expected = s.wesp != "developed" or s.sids or s.ldc_from is not None
        assert s.developing == expected, s.code
        if s.sids or s.eit or s.lldc or s.ldc_from is not None:
            assert s.developing, s.code


def test_j16_an_ldc_on_a_date_is_developing_on_it(ref: Reference) -> None:
    for s in ref.states.values():
        for on in (d("1990-06-01"), d("2026-12-01")):
            if s.ldc_status(on) is not False:
                assert s.categories(on)["developing"], s.code


def test_j17_names(ref: Reference) -> None:
    assert ref.name("NL") == "Netherlands (Kingdom of the)"
    assert ref.name("TR") == "Türkiye"
    assert ref.name("CI") == "Côte d'Ivoire"
    assert ref.name("TW") == "Taiwan, Province of China"
    assert ref.name("FK") == "Falkland Islands (Malvinas)"
    assert ref.name("SH") == "Saint Helena, Ascension and Tristan da Cunha"
    assert ref.name("VA") == "Holy See"
    assert ref.iso["NL"] == ref.name("NL")  # one name for a code, in both files


def test_j18_a_suspended_membership_does_not_count(ref: Reference) -> None:
    russia = state(ref, "RU")
    suspended = [m for m in russia.memberships if m.end is not None]
    assert [(m.region, m.end) for m in suspended] == [("europe", d("2022-03-18"))]


def test_j19_russia_and_belarus_lose_europe_on_2022_03_18(ref: Reference) -> None:
    for code in ("RU", "BY"):
        assert regions_on(ref, code, d("2022-03-17")) == ("europe", "cis"), code
        assert regions_on(ref, code, d("2022-03-18")) == ("cis",), code
        assert state(ref, code).regions == ("cis",), code


def test_j20_syria_without_a_region_during_the_las_suspension(ref: Reference) -> None:
    assert regions_on(ref, "SY", d("2011-11-15")) == ("arab-states",)
    assert regions_on(ref, "SY", d("2011-11-16")) == ()
    assert regions_on(ref, "SY", d("2023-05-06")) == ()
    assert regions_on(ref, "SY", d("2023-05-07")) == ("arab-states",)


def test_j21_moldova_kept_in_cis(ref: Reference) -> None:
    assert regions_on(ref, "MD", ref.as_of) == ("europe", "cis")
    judgement = ref.judgements["J21"]
    assert "RCC" in judgement.text and "12 months" in judgement.text
    record = json.loads(run(["MD"], ref.as_of, "json"))[0]
    assert "J21" in record["judgements"]
    assert "J21 [regions] MD is kept in cis" in run(["MD"], ref.as_of, "table")


def test_j22_ukraine_europe_only(ref: Reference) -> None:
    assert state(ref, "UA").regions == ("europe",)


def test_j23_georgia_europe_only(ref: Reference) -> None:
    assert state(ref, "GE").regions == ("europe",)


def test_j24_the_cis_region(ref: Reference) -> None:
    assert state(ref, "AZ").regions == ("europe", "cis")
    for code in ("AM", "TM", "KZ", "KG", "TJ", "UZ"):
        assert state(ref, code).regions == ("cis",), code
    cis = {s.code for s in ref.members_on(ref.as_of) if "cis" in s.regions}
    assert cis == {"AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ"}


def test_j25_ten_atu_and_arab_league_states(ref: Reference) -> None:
    both = {s.code for s in ref.states.values() if {"africa", "arab-states"} <= set(s.regions)}
    assert both == set(ARAB_AFRICAN)


def test_j26_no_asia_pacific_arab_overlap(ref: Reference) -> None:
    for code in ("IR", "AF", "PK"):
        assert state(ref, code).regions == ("asia-pacific",), code
    assert not [
        s.code for s in ref.states.values() if {"asia-pacific", "arab-states"} <= set(s.regions)
    ]


def test_j27_israel_europe(ref: Reference) -> None:
    assert state(ref, "IL").regions == ("europe",)


def test_j28_cyprus_and_turkiye_europe(ref: Reference) -> None:
    assert state(ref, "CY").regions == ("europe",)
    assert state(ref, "TR").regions == ("europe",)


def test_j29_timor_leste_asia_pacific(ref: Reference) -> None:
    assert state(ref, "TL").regions == ("asia-pacific",)


def test_j30_cuba_nicaragua_venezuela_americas(ref: Reference) -> None:
    for code in ("CU", "NI", "VE"):
        assert state(ref, code).regions == ("americas",), code


def test_j31_all_african_states_in_africa(ref: Reference) -> None:
    africa = [s.code for s in ref.members_on(ref.as_of) if "africa" in s.regions]
    assert len(africa) == 54
    assert regions_on(ref, "SS", d("2012-01-01")) == ("africa",)  # before it joined ATU


def test_j32_vatican_europe(ref: Reference) -> None:
    vatican = state(ref, "VA")
    assert vatican.regions == ("europe",)
    assert (vatican.sids, vatican.lldc, vatican.eit, vatican.developing) == (False,) * 4


def test_j33_palau_asia_pacific_from_its_accession(ref: Reference) -> None:
    assert regions_on(ref, "PW", d("2024-09-18")) == ()
    assert regions_on(ref, "PW", d("2024-09-19")) == ("asia-pacific",)


def test_every_judgement_is_numbered_sourced_and_tested(ref: Reference) -> None:
    ids = list(ref.judgements)
    assert ids == [f"J{n:02d}" for n in range(1, len(ids) + 1)]
    for judgement in ref.judgements.values():
        assert "Source:" in judgement.text or "source" in judgement.text.casefold(), judgement.id
        assert len(f"# judgement {judgement.id} [{judgement.category}]: {judgement.summary}") <= 100
    tests = {
        name.split("_")[1].upper()
        for name in dir(sys.modules[__name__])
        if re.match(r"test_j\d\d_", name)
    }
    assert set(ids) == tests


def test_every_cited_judgement_exists(ref: Reference) -> None:
    cited = {j for s in ref.states.values() for j in s.judgements}
    cited |= {j for s in ref.states.values() for m in s.memberships for j in m.judgements}
    assert cited <= set(ref.judgements)
    assert {"J08", "J19", "J20", "J21", "J33"} <= cited


# --- names people write instead of codes -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("UK", ["GB"]),
        ("Kenya", ["KE"]),
        ("kenya", ["KE"]),
        ("Côte d'Ivoire", ["CI"]),
        ("Cote d'Ivoire", ["CI"]),
        ("C\u00f4te d\u2019Ivoire", ["CI"]),  # a typographic apostrophe
        ("Ivory Coast", ["CI"]),
        ("Türkiye", ["TR"]),
        ("Turkey", ["TR"]),
        ("KEN", ["KE"]),
        ("Swaziland", ["SZ"]),
        ("Korea", ["KP", "KR"]),
        ("Kenia", ["KE"]),
    ],
)
def test_suggest_codes_for_names_and_aliases(ref: Reference, text: str, codes: list[str]) -> None:
    assert sorted(ref.suggest(text)) == sorted(codes)


def test_suggest_is_bounded(ref: Reference) -> None:
    assert ref.suggest("x" * 81) == []
    assert ref.suggest("") == []
    assert len(ref.suggest("Island")) <= 3


# --- wsg countries ----------------------------------------------------------------------


def run(codes: list[str], on: date, output_format: str, **options: object) -> str:
    out = io.StringIO()
    assert countries_command.run(codes, on, output_format, out, **options) == 0  # type: ignore[arg-type]
    return out.getvalue()


def test_run_json(ref: Reference) -> None:
    text = run(["EG", "az", "NO", "NA", "bt"], d("2023-06-01"), "json")
    data = json.loads(text)
    assert [entry["code"] for entry in data] == ["EG", "AZ", "NO", "NA", "BT"]
    assert list(data[0]) == [
        "code",
        "name",
        "member",
        "regions",
        "ldc",
        "sids",
        "lldc",
        "eit",
        "developing",
        "uncertain",
        "notes",
        "judgements",
    ]
    assert data[0]["regions"] == ["africa", "arab-states"]
    assert data[1]["regions"] == ["europe", "cis"] and data[1]["eit"] is True
    assert data[4]["ldc"] is True and data[4]["lldc"] is True
    assert all(isinstance(entry[c], bool) for entry in data for c in CATEGORIES)
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_run_json_says_bangladesh_is_uncertain_not_graduated() -> None:
    (bangladesh,) = json.loads(run(["BD"], d("2026-12-01"), "json"))
    assert bangladesh["uncertain"] == ["ldc"]
    assert "General Assembly" in bangladesh["notes"][0]
    (before,) = json.loads(run(["BD"], d("2026-11-23"), "json"))
    assert before["ldc"] is True and before["uncertain"] == []


def test_run_json_non_members() -> None:
    (palestine,) = json.loads(run(["ps", "PS"], d("2026-01-01"), "json"))
    assert palestine["member"] is False and palestine["regions"] == []
    assert not any(palestine[c] for c in CATEGORIES)
    (palau,) = json.loads(run(["PW"], d("2024-01-01"), "json"))
    assert palau["member"] is False and palau["notes"] == ["a Member State from 2024-09-19"]


def test_run_lists_the_regions_of_the_date() -> None:
    (before,) = json.loads(run(["RU"], d("2022-03-17"), "json"))
    (after,) = json.loads(run(["RU"], d("2022-03-18"), "json"))
    assert before["regions"] == ["europe", "cis"] and after["regions"] == ["cis"]
    (syria,) = json.loads(run(["SY"], d("2015-01-01"), "json"))
    assert syria["member"] is True and syria["regions"] == []
    assert "(none that day)" in run(["SY"], d("2015-01-01"), "table")


def test_run_table_plain_and_stable() -> None:
    text = run(["EG", "AZ", "NO", "NA", "BT", "PS", "BD"], d("2026-12-01"), "table")
    lines = text.splitlines()
    assert lines[0].split() == HEADER
    assert lines[1].startswith("EG") and "africa arab-states" in lines[1]
    assert lines[2].startswith("AZ") and "europe cis" in lines[2]
    assert "(not a Member State)" in lines[6]
    bangladesh = lines[7].split()
    assert bangladesh[:4] == ["BD", "Bangladesh", "asia-pacific", "?"]
    assert "BD: LDC status uncertain" in text
    assert "\x1b" not in text and all(line == line.rstrip() for line in lines)
    assert text == run(["EG", "AZ", "NO", "NA", "BT", "PS", "BD"], d("2026-12-01"), "table")
    assert run(["EG"], d("2026-12-01"), "text") == run(["EG"], d("2026-12-01"), "table")


def test_run_table_of_all_member_states_of_the_day() -> None:
    text = run([], d("2026-12-01"), "table")
    assert "194 ITU Member States on 2026-12-01." in text
    assert "193 ITU Member States on 2024-09-18." in run([], d("2024-09-18"), "table")


@pytest.mark.parametrize("width", [80, 66, 60, 40])
def test_run_table_fits_the_width(width: int) -> None:
    text = run([], d("2026-12-01"), "table", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    words = text.split()  # a long name wraps, but no word of it is lost
    assert all(w in words for w in codes("United Kingdom of Great Britain and Northern Ireland"))


def test_run_table_in_colour_only_when_asked() -> None:
    coloured = run(["BD", "NO"], d("2026-12-01"), "table", colour=True, width=80)
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).split()[:8] == HEADER


def test_cli_table_fits_columns_80_and_honours_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    result = run_wsg("countries", "--date", "2026-12-01")
    assert result.code == 0
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert "\x1b" not in result.out


def test_sources_lists_each_category_and_every_judgement(ref: Reference) -> None:
    text = run([], ref.as_of, "table", sources=True)
    for source in ref.sources:
        assert f"{source.category} (as of {source.as_of})" in text
    for judgement_id in ref.judgements:
        assert f"  {judgement_id} [" in text
    assert "footnote of WTSA Resolution 53" in text
    data = json.loads(run([], ref.as_of, "json", sources=True))
    assert [s["category"] for s in data["sources"]] == [s.category for s in ref.sources]
    assert [j["id"] for j in data["judgements"]] == list(ref.judgements)
    result = run_wsg("countries", "--sources")
    assert result.code == 0 and "Judgements:" in result.out


def test_sources_takes_no_codes() -> None:
    with pytest.raises(WsgError, match="--sources"):
        run(["NO"], d("2026-01-01"), "table", sources=True)


@pytest.mark.parametrize(
    ("bad", "hint"),
    [
        ("UK", "GB (United Kingdom of Great Britain and Northern Ireland)"),
        ("Kenya", "KE (Kenya)"),
        ("Cote d'Ivoire", "CI (Côte d'Ivoire)"),
        ("Türkiye", "TR (Türkiye)"),
        ("Norway", "NO (Norway)"),
        ("NOR", "NO (Norway)"),
    ],
)
def test_run_rejects_a_name_and_suggests_its_code(bad: str, hint: str) -> None:
    with pytest.raises(WsgError, match="is not an ISO 3166-1 alpha-2 code") as caught:
        run([bad], d("2023-06-01"), "table")
    assert caught.value.exit_code == 2
    assert f"did you mean {hint}?" in str(caught.value)


def test_cli_unknown_country_exits_2_with_the_suggestion() -> None:
    result = run_wsg("countries", "UK")
    assert result.code == 2
    assert "did you mean GB" in result.err and "Traceback" not in result.err


def test_run_rejects_unknown_format() -> None:
    with pytest.raises(WsgError):
        run(["NO"], d("2023-06-01"), "yaml")


# --- country hints in validation findings (issue 13) ---------------------------------------

HINTED = """\
id: nairobi
title: Workshop in Nairobi
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-10
timezone: Africa/Nairobi
format: in-person
venue: {{city: Nairobi, country: {venue}}}
organizers: [sg16]
themes: [ai]
participation:
  by_country: {{{key}: 3}}
programme:
  - date: 2026-09-10
    sessions:
      - start: "09:30"
        end: "10:00"
        title: Keynote
        speakers:
          - {{name: Wanjiru Kamau, country: {speaker}}}
"""


def bad_country_messages(tmp_path: Path, venue: str, key: str, speaker: str) -> list[str]:
    text = HINTED.format(venue=venue, key=key, speaker=speaker)
    found = findings_for(tmp_path, {"data/events/2026/nairobi.yaml": text})
    return [f.message for f in found if f.rule == "bad-country"]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("UK", "'GB' (United Kingdom of Great Britain and Northern Ireland)"),
        ("Kenya", "'KE' (Kenya)"),
        ('"Côte d\'Ivoire"', "'CI' (Côte d'Ivoire)"),
        ('"Cote d\'Ivoire"', "'CI' (Côte d'Ivoire)"),
        ("Türkiye", "'TR' (Türkiye)"),
        ("Turkey", "'TR' (Türkiye)"),
        ("KEN", "'KE' (Kenya)"),
    ],
)
def test_bad_country_suggests_the_code(tmp_path: Path, written: str, hint: str) -> None:
    messages = bad_country_messages(tmp_path, written, written, written)
    assert len(messages) == 3  # the venue, the participation key and the speaker
    for message in messages:
        assert message.endswith(f"(did you mean {hint}?)"), message


def test_bad_country_keeps_the_upper_case_hint(tmp_path: Path) -> None:
    (message,) = bad_country_messages(tmp_path, "ke", "KE", "KE")
    assert message == "'ke' is not an ISO 3166-1 alpha-2 country code (did you mean 'KE'? " + (
        "codes are upper case)"
    )


# --- wsg list --region: the venue's regions on the event's day --------------------------

MOSCOW = """\
id: {id}
title: Workshop in Moscow
kind: workshop
status: held
start: {start}
end: {start}
timezone: Europe/Moscow
format: in-person
venue: {{city: Moscow, country: RU}}
organizers: [sg16]
themes: [ai]
"""


def test_list_by_region_uses_the_regions_of_the_event_day(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "data/events/2021/moscow-2021.yaml": MOSCOW.format(id="moscow-2021", start="2021-06-01"),
        "data/events/2023/moscow-2023.yaml": MOSCOW.format(id="moscow-2023", start="2023-06-01"),
    }
    data = make_dataset(tmp_path, files)

    def listed(region: str) -> list[str]:
        result = run_wsg("list", "--data", str(data), "--region", region, "--format", "json")
        assert result.code == 0, result.err
        return [e["id"] for e in json.loads(result.out) if e["id"].startswith("moscow")]

    assert listed("europe") == ["moscow-2021"]  # CEPT suspended RU from 2022-03-18
    assert listed("cis") == ["moscow-2021", "moscow-2023"]
