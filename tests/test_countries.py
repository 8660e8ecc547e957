"""The shipped reference data of ITU Member States, its API and ``wsg countries``."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import sys
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from wsg.commands import countries as countries_command
from wsg.countries import REGIONS, MemberState, Reference, Region, load_reference
from wsg.errors import WsgError

ARAB_AFRICAN = ("DZ", "KM", "DJ", "EG", "LY", "MR", "MA", "SO", "SD", "TN")
SHARED_CSV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "country-codes.csv"


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


def regions(ref: Reference, code: str) -> set[str]:
    state = ref.member(code)
    assert state is not None, code
    return set(state.regions)


def state(ref: Reference, code: str) -> MemberState:
    found = ref.member(code)
    assert found is not None, code
    return found


def header_lines() -> list[str]:
    text = files("wsg.reference").joinpath("member_states.csv").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("#")]


def ldc_count(ref: Reference, on: date) -> int:
    return sum(s.is_ldc(on) for s in ref.states.values())


# --- the package data and its shape -----------------------------------------------------


def test_package_data_is_found_with_importlib_resources() -> None:
    package = files("wsg.reference")
    for name in ("member_states.csv", "iso3166.csv", "iso639-1.csv"):
        assert package.joinpath(name).is_file(), name


def test_load_reference_is_cached_and_versioned(ref: Reference) -> None:
    assert load_reference() is ref
    assert re.fullmatch(r"[0-9a-f]{16}", ref.version)
    assert ref.as_of == date(2026, 11, 1)


def test_member_states_file_layout() -> None:
    text = files("wsg.reference").joinpath("member_states.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    first_data = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    assert all(line.startswith("#") for line in lines[:first_data])
    assert lines[first_data] == "code,name,regions,ldc_from,ldc_until,sids,lldc,eit,developing"
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[first_data:]))))
    assert len(rows) == 193
    assert [row["code"] for row in rows] == sorted(row["code"] for row in rows)
    namibia = next(row for row in rows if row["name"] == "Namibia")
    assert namibia["code"] == "NA"  # the csv module keeps it a string, never a missing value


def test_header_names_sources_and_as_of_date() -> None:
    header = "\n".join(header_lines())
    assert "# as-of: 2026-11-01" in header
    for source in (
        "datasets/country-codes",
        "2026-05-15",
        "UN-OHRLLS",
        "CDP",
        "ATU",
        "CEPT",
        "RCC",
        "CITEL",
        "APT",
        "League of Arab States",
        "ASMG",
        "WESP",
    ):
        assert source in header, source


def test_iso_and_language_tables(ref: Reference) -> None:
    assert len(ref.iso) == 249
    assert set(ref.states) <= set(ref.iso)
    assert ref.iso["NA"] == "Namibia"
    assert len(ref.languages) == 184
    assert ref.languages["en"] == "English"
    assert ref.languages["fr"] == "French"
    assert ref.languages["no"] == "Norwegian"
    assert all(re.fullmatch(r"[a-z]{2}", code) for code in ref.languages)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in ref.iso)


def test_regions_are_the_six_in_order() -> None:
    assert list(REGIONS) == ["americas", "europe", "cis", "africa", "asia-pacific", "arab-states"]
    assert REGIONS["africa"] == Region("africa", "Africa", "ATU")
    assert REGIONS["arab-states"] == Region(
        "arab-states", "the League of Arab States", "LAS / ASMG"
    )
    assert REGIONS["cis"].organization == "RCC"
    assert REGIONS["americas"].organization == "CITEL"
    assert REGIONS["europe"].organization == "CEPT"
    assert REGIONS["asia-pacific"].organization == "APT"


# --- membership and regions -------------------------------------------------------------


def test_there_are_193_member_states(ref: Reference) -> None:
    assert len(ref.states) == 193


def test_every_state_has_valid_regions_in_order(ref: Reference) -> None:
    order = list(REGIONS)
    for s in ref.states.values():
        assert s.regions, s.code
        assert set(s.regions) <= set(REGIONS), s.code
        assert list(s.regions) == sorted(s.regions, key=order.index), s.code
        assert len(set(s.regions)) == len(s.regions), s.code


def test_region_sizes(ref: Reference) -> None:
    sizes = {rid: sum(rid in s.regions for s in ref.states.values()) for rid in REGIONS}
    assert sizes == {
        "americas": 35,
        "europe": 47,
        "cis": 10,
        "africa": 54,
        "asia-pacific": 38,
        "arab-states": 21,
    }


def test_na_is_namibia_and_no_is_norway(ref: Reference) -> None:
    assert ref.name("NA") == "Namibia"
    assert ref.name("NO") == "Norway"
    assert state(ref, "NA").regions == ("africa",)
    assert state(ref, "NO").regions == ("europe",)


def test_iso_but_not_member_and_not_iso(ref: Reference) -> None:
    assert ref.is_iso("PS")
    assert ref.member("PS") is None
    assert ref.name("PS") == "State of Palestine"
    assert not ref.is_iso("XX")
    assert ref.member("XX") is None
    assert ref.name("XX") is None
    assert not ref.is_iso("no")  # codes are upper case; the command normalises input


# --- LDC dates --------------------------------------------------------------------------


def test_bhutan_graduated_2023_12_13(ref: Reference) -> None:
    bhutan = state(ref, "BT")
    assert bhutan.is_ldc(date(2023, 6, 1))
    assert bhutan.is_ldc(date(2023, 12, 12))
    assert not bhutan.is_ldc(date(2023, 12, 13))
    assert not bhutan.is_ldc(date(2024, 6, 1))


def test_sao_tome_and_principe_graduated_2024_12_13(ref: Reference) -> None:
    st = state(ref, "ST")
    assert st.is_ldc(date(2024, 12, 12))
    assert not st.is_ldc(date(2024, 12, 13))


@pytest.mark.parametrize(
    ("on", "count"),
    [
        (date(1971, 11, 17), 0),
        (date(1971, 11, 18), 24),
        (date(2003, 6, 1), 50),
        (date(2010, 1, 1), 49),
        (date(2020, 1, 1), 47),
        (date(2024, 6, 1), 45),
        (date(2025, 6, 1), 44),
        (date(2026, 11, 1), 44),
        (date(2026, 11, 24), 41),
        (date(2027, 1, 1), 41),
        (date(2028, 1, 1), 40),
        (date(2030, 1, 1), 38),
    ],
)
def test_ldc_count_on_date(ref: Reference, on: date, count: int) -> None:
    assert ldc_count(ref, on) == count


def test_known_graduations(ref: Reference) -> None:
    expected = {
        "BW": date(1994, 12, 31),
        "CV": date(2007, 12, 20),
        "MV": date(2011, 1, 1),
        "WS": date(2014, 1, 1),
        "GQ": date(2017, 6, 4),
        "VU": date(2020, 12, 4),
        "BT": date(2023, 12, 13),
        "ST": date(2024, 12, 13),
        "BD": date(2026, 11, 24),
        "LA": date(2026, 11, 24),
        "NP": date(2026, 11, 24),
        "SB": date(2027, 12, 13),
        "KH": date(2029, 12, 19),
        "SN": date(2029, 12, 19),
    }
    actual = {s.code: s.ldc_until for s in ref.states.values() if s.ldc_until is not None}
    assert actual == expected
    for s in ref.states.values():
        if s.ldc_until is not None:
            assert s.ldc_from is not None and s.ldc_from < s.ldc_until, s.code


def test_categories_keys_and_values(ref: Reference) -> None:
    assert state(ref, "BT").categories(date(2023, 6, 1)) == {
        "ldc": True,
        "sids": False,
        "lldc": True,
        "eit": False,
        "developing": True,
    }
    assert state(ref, "NO").categories(date(2023, 6, 1)) == dict.fromkeys(
        ("ldc", "sids", "lldc", "eit", "developing"), False
    )


def test_category_counts(ref: Reference) -> None:
    values = list(ref.states.values())
    assert sum(s.sids for s in values) == 36
    assert sum(s.lldc for s in values) == 32
    assert sum(s.eit for s in values) == 17
    assert sum(s.developing for s in values) == 151


# --- each documented decision (the header's "# decision Dnn:" lines) ---------------------


def test_d01_membership(ref: Reference) -> None:
    assert ref.member("PW") is None and ref.is_iso("PW")
    assert ref.member("VA") is not None
    for code in ("PS", "TW", "CK", "NU"):
        assert ref.is_iso(code) and ref.member(code) is None, code
    assert not ref.is_iso("XK")
    assert len(ref.states) == 193


def test_d02_russia_cis_only(ref: Reference) -> None:
    assert state(ref, "RU").regions == ("cis",)


def test_d03_belarus_cis_only(ref: Reference) -> None:
    assert state(ref, "BY").regions == ("cis",)


def test_d04_ukraine_europe_only(ref: Reference) -> None:
    assert state(ref, "UA").regions == ("europe",)


def test_d05_georgia_europe_only(ref: Reference) -> None:
    assert state(ref, "GE").regions == ("europe",)


def test_d06_azerbaijan_and_moldova_europe_and_cis(ref: Reference) -> None:
    assert state(ref, "AZ").regions == ("europe", "cis")
    assert state(ref, "MD").regions == ("europe", "cis")
    both = {s.code for s in ref.states.values() if {"europe", "cis"} <= set(s.regions)}
    assert both == {"AZ", "MD"}


def test_d07_armenia_cis_only(ref: Reference) -> None:
    assert state(ref, "AM").regions == ("cis",)


def test_d08_turkmenistan_cis(ref: Reference) -> None:
    assert state(ref, "TM").regions == ("cis",)


def test_d09_central_asia_cis_only(ref: Reference) -> None:
    for code in ("KZ", "KG", "TJ", "UZ"):
        assert state(ref, code).regions == ("cis",), code
    cis = {s.code for s in ref.states.values() if "cis" in s.regions}
    assert cis == {"AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ"}


def test_d10_syria_arab_states(ref: Reference) -> None:
    assert state(ref, "SY").regions == ("arab-states",)


def test_d11_ten_atu_and_arab_league_states(ref: Reference) -> None:
    for code in ARAB_AFRICAN:
        assert regions(ref, code) == {"africa", "arab-states"}, code
    both = {s.code for s in ref.states.values() if {"africa", "arab-states"} <= set(s.regions)}
    assert both == set(ARAB_AFRICAN)


def test_d12_no_asia_pacific_arab_overlap(ref: Reference) -> None:
    for code in ("IR", "AF", "PK"):
        assert state(ref, code).regions == ("asia-pacific",), code
    assert not [
        s.code for s in ref.states.values() if {"asia-pacific", "arab-states"} <= set(s.regions)
    ]


def test_d13_israel_europe(ref: Reference) -> None:
    assert state(ref, "IL").regions == ("europe",)


def test_d14_cyprus_and_turkiye_europe(ref: Reference) -> None:
    assert state(ref, "CY").regions == ("europe",)
    assert state(ref, "TR").regions == ("europe",)


def test_d15_timor_leste_asia_pacific(ref: Reference) -> None:
    assert state(ref, "TL").regions == ("asia-pacific",)


def test_d16_cuba_nicaragua_venezuela_americas(ref: Reference) -> None:
    for code in ("CU", "NI", "VE"):
        assert state(ref, code).regions == ("americas",), code


def test_d17_all_african_states_in_africa(ref: Reference) -> None:
    africa = [s.code for s in ref.states.values() if "africa" in s.regions]
    assert len(africa) == 54
    assert {"ER", "GQ", "SC", "SS", "ZA"} <= set(africa)


def test_d18_vatican(ref: Reference) -> None:
    vatican = state(ref, "VA")
    assert vatican.regions == ("europe",)
    assert (vatican.sids, vatican.lldc, vatican.eit) == (False, False, False)


def test_d19_inclusion_dates(ref: Reference) -> None:
    for s in ref.states.values():
        if s.ldc_from is not None:
            assert s.ldc_from == date(1971, 11, 18) or (s.ldc_from.month, s.ldc_from.day) == (
                1,
                1,
            ), s.code
    assert state(ref, "SS").ldc_from == date(2012, 1, 1)
    assert state(ref, "BT").ldc_from == date(1971, 11, 18)


def test_d20_yemen_on_the_original_list(ref: Reference) -> None:
    assert state(ref, "YE").ldc_from == date(1971, 11, 18)
    assert state(ref, "YE").ldc_until is None


def test_d21_botswana(ref: Reference) -> None:
    botswana = state(ref, "BW")
    assert botswana.is_ldc(date(1994, 12, 30))
    assert not botswana.is_ldc(date(1994, 12, 31))


def test_d22_sao_tome_graduated(ref: Reference) -> None:
    assert state(ref, "ST").ldc_until == date(2024, 12, 13)
    assert not state(ref, "ST").is_ldc(ref.as_of)


def test_d23_solomon_islands_still_ldc(ref: Reference) -> None:
    solomon = state(ref, "SB")
    assert solomon.is_ldc(date(2024, 12, 13))
    assert solomon.is_ldc(ref.as_of)
    assert not solomon.is_ldc(date(2027, 12, 13))


def test_d24_bangladesh_lao_nepal(ref: Reference) -> None:
    for code in ("BD", "LA", "NP"):
        assert state(ref, code).is_ldc(date(2026, 11, 23)), code
        assert not state(ref, code).is_ldc(date(2026, 11, 24)), code


def test_d25_cambodia_senegal(ref: Reference) -> None:
    for code in ("KH", "SN"):
        assert state(ref, code).is_ldc(date(2029, 12, 18)), code
        assert not state(ref, code).is_ldc(date(2029, 12, 19)), code


def test_d26_angola_djibouti_remain_ldcs(ref: Reference) -> None:
    for code in ("AO", "DJ"):
        assert state(ref, code).ldc_until is None, code
        assert state(ref, code).is_ldc(date(2030, 1, 1)), code


def test_d27_sids_and_lldc_flags(ref: Reference) -> None:
    assert not state(ref, "BH").sids
    assert state(ref, "SG").sids and state(ref, "GW").sids and state(ref, "CU").sids
    assert state(ref, "MK").lldc and state(ref, "AM").lldc and state(ref, "ZW").lldc
    if not SHARED_CSV.is_file():
        pytest.skip("shared/data/country-codes.csv is not beside the repository")
    with SHARED_CSV.open(encoding="utf-8", newline="") as handle:
        source = {row["ISO3166-1-Alpha-2"]: row for row in csv.DictReader(handle)}
    for s in ref.states.values():
        if s.code == "VA":
            continue
        row = source[s.code]
        assert s.sids == (row["Small Island Developing States (SIDS)"].strip() == "x"), s.code
        assert s.lldc == (row["Land Locked Developing Countries (LLDC)"].strip() == "x"), s.code


def test_d28_developing_rule(ref: Reference) -> None:
    developed = {s.code for s in ref.states.values() if not s.developing}
    for code in ("FR", "DE", "GB", "NO", "VA", "US", "CA", "JP", "AU", "NZ", "IL", "CY"):
        assert code in developed, code
    for code in ("KR", "TR", "SG", "SA", "CN", "BR", "BT", "MV"):
        assert code not in developed, code
    for s in ref.states.values():
        if s.sids or s.eit or s.ldc_from is not None:
            assert s.developing, s.code


def test_d29_european_economies_in_transition_are_developing(ref: Reference) -> None:
    for code in ("AL", "BA", "BY", "MD", "ME", "MK", "RS", "RU", "UA"):
        assert state(ref, code).eit and state(ref, code).developing, code
    eit = {s.code for s in ref.states.values() if s.eit}
    assert eit == {
        "AL",
        "BA",
        "ME",
        "MK",
        "RS",
        "AM",
        "AZ",
        "BY",
        "GE",
        "KZ",
        "KG",
        "MD",
        "RU",
        "TJ",
        "TM",
        "UA",
        "UZ",
    }


def test_d30_an_ldc_on_a_date_is_developing_on_it(ref: Reference) -> None:
    hypothetical = dataclasses.replace(state(ref, "BT"), developing=False)
    assert hypothetical.categories(date(2023, 6, 1))["developing"] is True
    assert hypothetical.categories(date(2024, 6, 1))["developing"] is False


def test_every_documented_decision_has_a_test() -> None:
    ids = [m.group(1) for line in header_lines() if (m := re.match(r"# decision (D\d\d):", line))]
    assert ids == [f"D{n:02d}" for n in range(1, len(ids) + 1)]
    tests = {
        name.split("_")[1].upper()
        for name in dir(sys.modules[__name__])
        if re.match(r"test_d\d\d_", name)
    }
    assert set(ids) == tests


# --- wsg countries ----------------------------------------------------------------------


def run(codes: list[str], on: date, output_format: str) -> str:
    out = io.StringIO()
    assert countries_command.run(codes, on, output_format, out) == 0
    return out.getvalue()


def test_run_json(ref: Reference) -> None:
    text = run(["EG", "az", "NO", "NA", "bt"], date(2023, 6, 1), "json")
    assert text.endswith("]\n")
    data = json.loads(text)

    def row(code: str, name: str, member_regions: list[str], *flags: bool) -> dict[str, object]:
        return {
            "code": code,
            "name": name,
            "member": True,
            "regions": member_regions,
            **dict(zip(("ldc", "sids", "lldc", "eit", "developing"), flags, strict=True)),
        }

    assert data == [
        row("EG", "Egypt", ["africa", "arab-states"], False, False, False, False, True),
        row("AZ", "Azerbaijan", ["europe", "cis"], False, False, True, True, True),
        row("NO", "Norway", ["europe"], False, False, False, False, False),
        row("NA", "Namibia", ["africa"], False, False, False, False, True),
        row("BT", "Bhutan", ["asia-pacific"], True, False, True, False, True),
    ]
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
    ]
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_run_json_non_member_and_all() -> None:
    data = json.loads(run(["ps", "PS"], date(2026, 1, 1), "json"))
    assert data == [
        {
            "code": "PS",
            "name": "State of Palestine",
            "member": False,
            "regions": [],
            "ldc": False,
            "sids": False,
            "lldc": False,
            "eit": False,
            "developing": False,
        }
    ]
    everything = json.loads(run([], date(2026, 1, 1), "json"))
    assert len(everything) == 193
    assert all(entry["member"] for entry in everything)
    assert "Côte d'Ivoire" in run(["CI"], date(2026, 1, 1), "json")  # ensure_ascii=False


def test_run_table() -> None:
    text = run(["EG", "AZ", "NO", "NA", "BT", "PS"], date(2023, 6, 1), "table")
    lines = text.splitlines()
    assert lines[0].split() == [
        "code",
        "name",
        "regions",
        "LDC",
        "SIDS",
        "LLDC",
        "EIT",
        "DEVELOPING",
    ]
    assert lines[1].startswith("EG") and "africa arab-states" in lines[1]
    assert lines[2].startswith("AZ") and "europe cis" in lines[2]
    assert lines[4].startswith("NA") and "Namibia" in lines[4]
    bhutan = lines[5].split()
    assert bhutan[:3] == ["BT", "Bhutan", "asia-pacific"] and bhutan[3] == "yes"
    assert "not a Member State" in lines[6]
    column = lines[0].index("regions")
    assert all(line[column - 2 : column] == "  " for line in lines[1:7])
    assert "regional organization" in lines[-1] and "2023-06-01" in lines[-1]
    assert len(run([], date(2023, 6, 1), "table").splitlines()) == 1 + 193 + 2


@pytest.mark.parametrize("bad", ["XX", "x", "NOR", "Norway", "123"])
def test_run_rejects_non_iso_codes(bad: str) -> None:
    with pytest.raises(WsgError, match="is not an ISO 3166-1 alpha-2 code") as caught:
        run([bad], date(2023, 6, 1), "table")
    assert caught.value.exit_code == 2


def test_run_suggests_a_code() -> None:
    with pytest.raises(WsgError, match=r"did you mean NO\b"):
        run(["Norway"], date(2023, 6, 1), "json")


def test_run_rejects_unknown_format() -> None:
    with pytest.raises(WsgError):
        run(["NO"], date(2023, 6, 1), "yaml")
