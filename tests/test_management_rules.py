"""The management team rules of RULES.md: Resolution 53's chairman and six vice-chairmen.

Each test writes a ``data/groups/wsg.yaml`` (one flow mapping a seat, so positions are
easy to read) on top of the examples base, where today is 2026-06-01.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import findings_for

Check = Callable[..., list[tuple[str, int, int]]]

WSG = "data/groups/wsg.yaml"
HEADER = """\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: security, title: Security and trust, priority: normal}
"""
FIRST_SEAT_LINE = HEADER.count("\n") + 3  # after regional_balance and management
SEAT_COLUMN = 5  # "  - {" : the seat's mapping


def seat(
    role: str,
    name: str,
    country: str | None,
    region: str | None = None,
    start: str = "2025-01-20",
    end: str | None = None,
) -> str:
    term = f"{{start: {start}" + (f", end: {end}" if end else "") + "}"
    parts = [f"role: {role}", f"name: {name}"]
    if country is not None:
        parts.append(f'country: "{country}"' if country == "NO" else f"country: {country}")
    if region is not None:
        parts.append(f"region: {region}")
    parts.append(f"term: {term}")
    return "{" + ", ".join(parts) + "}"


CHAIRMAN = seat("chairman", "Ingrid Haugen", "NO")
TEAM = {
    "americas": seat("vice-chairman", "Ana Rojas", "CO", "americas"),
    "europe": seat("vice-chairman", "Jan Kowalski", "PL", "europe"),
    "cis": seat("vice-chairman", "Rashad Aliyev", "AZ", "cis"),
    "africa": seat("vice-chairman", "Aline Uwase", "RW", "africa"),
    "asia-pacific": seat("vice-chairman", "Priya Raghavan", "IN", "asia-pacific"),
    "arab-states": seat("vice-chairman", "Ahmed Farouk", "EG", "arab-states"),
}


def wsg_yaml(*seats: str, balanced: bool = True, extra: str = "") -> str:
    lines = [HEADER.rstrip("\n"), f"regional_balance: {'true' if balanced else 'false'}"]
    lines += [extra] if extra else []
    lines += ["management:", *(f"  - {s}" for s in seats)]
    return "\n".join(lines) + "\n"


def team(chairman: str = CHAIRMAN, **changes: str | None) -> list[str]:
    """The full team of a chairman and six vice-chairmen, with seats replaced or removed."""
    seats = [chairman]
    for region, default in TEAM.items():
        replacement = changes.get(region.replace("-", "_"), default)
        if replacement is not None:
            seats.append(replacement)
    return seats


def at(seats: list[str], index: int, token: str | None = None) -> tuple[int, int]:
    """Line and column of seat ``index`` in wsg_yaml(*seats), or of ``token``'s value in it."""
    column = SEAT_COLUMN if token is None else SEAT_COLUMN + seats[index].index(token) + len(token)
    return FIRST_SEAT_LINE + index, column


def only(found: list[tuple[str, int, int]], rule: str) -> list[tuple[int, int]]:
    return [(line, column) for r, line, column in found if r == rule]


def messages(tmp_path: Path, text: str, rule: str, path: str = WSG) -> list[str]:
    """The messages of ``rule`` (in a folder of their own: ``check`` uses tmp_path itself)."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    return [f.message for f in findings_for(root, {path: text}) if f.rule == rule]


def test_a_full_team_from_two_region_states_is_quiet(check: Check) -> None:
    # Azerbaijan for the CIS and Egypt for the Arab States: both are two-region states.
    assert check({WSG: wsg_yaml(*team())}) == []


def test_egypt_may_hold_the_africa_seat_and_azerbaijan_the_europe_seat(check: Check) -> None:
    seats = team(
        africa=seat("vice-chairman", "Ahmed Farouk", "EG", "africa"),
        europe=seat("vice-chairman", "Rashad Aliyev", "AZ", "europe"),
        cis=seat("vice-chairman", "Dilnoza Karimova", "UZ", "cis"),
        arab_states=seat("vice-chairman", "Karim Bouzid", "DZ", "arab-states"),
    )
    assert check({WSG: wsg_yaml(*seats)}) == []


# --- missing-chairman -------------------------------------------------------------


def test_missing_chairman_points_at_the_end_of_the_last_term(check: Check) -> None:
    seats = team(chairman=seat("chairman", "Ingrid Haugen", "NO", end="2026-03-31"))
    assert check({WSG: wsg_yaml(*seats)}) == [("missing-chairman", *at(seats, 0, "end: "))]


def test_missing_chairman_without_any_chairman_points_at_management(check: Check) -> None:
    seats = team()[1:]
    management_line = FIRST_SEAT_LINE - 1
    assert check({WSG: wsg_yaml(*seats)}) == [("missing-chairman", management_line, 1)]


def test_missing_chairman_names_the_successor_not_yet_in_office(tmp_path: Path) -> None:
    seats = team(chairman=seat("chairman", "Lars Berg", "SE", start="2026-07-01"))
    seats.append(seat("chairman", "Ingrid Haugen", "NO", end="2026-03-31"))
    found = messages(tmp_path, wsg_yaml(*seats), "missing-chairman")
    assert len(found) == 1
    assert "2026-06-01" in found[0] and "Lars Berg only takes office on 2026-07-01" in found[0]


def test_a_closed_group_is_judged_on_its_closing_day(check: Check) -> None:
    closed_on = "2026-03-31"
    seats = [
        s.replace("{start: 2025-01-20}", f"{{start: 2025-01-20, end: {closed_on}}}") for s in team()
    ]
    assert check({WSG: wsg_yaml(*seats, extra=f"closed: {closed_on}")}) == []


def test_a_closed_group_misses_a_chairman_who_left_before_its_closing_day(
    tmp_path: Path,
) -> None:
    closed_on = "2026-03-31"
    seats = [
        s.replace("{start: 2025-01-20}", f"{{start: 2025-01-20, end: {closed_on}}}") for s in team()
    ]
    seats[0] = seats[0].replace(closed_on, "2026-03-30")
    (message,) = messages(
        tmp_path, wsg_yaml(*seats, extra=f"closed: {closed_on}"), "missing-chairman"
    )
    assert "on its closing day 2026-03-31" in message


def test_a_group_without_regional_balance_needs_no_chairman(check: Check) -> None:
    assert check({WSG: wsg_yaml(TEAM["europe"], balanced=False)}) == []


# --- seat-vacant ------------------------------------------------------------------


def test_seat_vacant_when_the_region_has_no_vice_chairman_today(check: Check) -> None:
    seats = team(africa=seat("vice-chairman", "Grace Kamau", "KE", "africa", end="2026-03-31"))
    africa = seats.index(next(s for s in seats if "Grace" in s))
    assert check({WSG: wsg_yaml(*seats)}) == [("seat-vacant", *at(seats, africa, "end: "))]


def test_seat_vacant_for_each_missing_region(tmp_path: Path) -> None:
    seats = team(africa=None, arab_states=None)
    found = messages(tmp_path, wsg_yaml(*seats), "seat-vacant")
    assert len(found) == 2
    assert "vice-chairman for africa" in found[0] and "vice-chairman for arab-states" in found[1]


def test_a_vice_chairman_counts_for_the_region_declared_not_the_other(check: Check) -> None:
    # Egypt declared for africa leaves the arab-states seat empty.
    seats = team(africa=seat("vice-chairman", "Ahmed Farouk", "EG", "africa"), arab_states=None)
    assert [rule for rule, *_ in check({WSG: wsg_yaml(*seats)})] == ["seat-vacant"]


def test_a_mid_term_replacement_keeps_the_seat_filled(check: Check) -> None:
    seats = team(africa=seat("vice-chairman", "Grace Kamau", "KE", "africa", end="2026-03-31"))
    seats.append(seat("vice-chairman", "Aline Uwase", "RW", "africa", start="2026-04-01"))
    assert check({WSG: wsg_yaml(*seats)}) == []


# --- seat-overlap -----------------------------------------------------------------


def test_two_chairmen_at_once_is_a_seat_overlap_of_the_chairman_seat(
    check: Check, tmp_path: Path
) -> None:
    first = seat("chairman", "Fatou Ndiaye", "SN", start="2022-05-30", end="2025-06-30")
    seats = [first, *team()]
    assert check({WSG: wsg_yaml(*seats)}) == [("seat-overlap", *at(seats, 1, "start: "))]
    (message,) = messages(tmp_path, wsg_yaml(*seats), "seat-overlap")
    assert "seat of chairman" in message
    assert "Fatou Ndiaye" in message and "Ingrid Haugen" in message
    assert "overlap from 2025-01-20 to 2025-06-30" in message


def test_two_vice_chairmen_for_one_region_overlap(check: Check) -> None:
    seats = team()
    seats.append(seat("vice-chairman", "Omar Mansour", "DZ", "arab-states", start="2026-01-01"))
    assert check({WSG: wsg_yaml(*seats)}) == [("seat-overlap", *at(seats, 7, "start: "))]


def test_egypt_for_africa_and_algeria_for_arab_states_do_not_overlap(check: Check) -> None:
    seats = team(
        africa=seat("vice-chairman", "Ahmed Farouk", "EG", "africa"),
        arab_states=seat("vice-chairman", "Karim Bouzid", "DZ", "arab-states"),
    )
    assert check({WSG: wsg_yaml(*seats)}) == []


def test_overlaps_in_past_terms_are_found(check: Check) -> None:
    seats = team()
    seats.append(
        seat("vice-chairman", "Carlos Ribeiro", "BR", "americas", "2022-05-30", "2025-01-19")
    )
    seats.append(seat("vice-chairman", "Maria Lopez", "MX", "americas", "2024-01-01", "2025-01-19"))
    assert only(check({WSG: wsg_yaml(*seats)}), "seat-overlap") == [at(seats, 8, "start: ")]


# --- seat-gap ---------------------------------------------------------------------


def test_seat_gap_names_the_seat_and_the_empty_days(check: Check, tmp_path: Path) -> None:
    seats = team(africa=seat("vice-chairman", "Grace Kamau", "KE", "africa", end="2026-03-31"))
    seats.append(seat("vice-chairman", "Aline Uwase", "RW", "africa", start="2026-05-01"))
    assert check({WSG: wsg_yaml(*seats)}) == [("seat-gap", *at(seats, 7, "start: "))]
    (message,) = messages(tmp_path, wsg_yaml(*seats), "seat-gap")
    assert "vice-chairman for africa" in message
    assert "from 2026-04-01 to 2026-04-30" in message


def test_a_gap_in_the_past_is_found_even_when_the_seat_is_filled_today(check: Check) -> None:
    seats = team()
    seats.append(seat("chairman", "Fatou Ndiaye", "SN", start="2022-05-30", end="2024-12-31"))
    assert check({WSG: wsg_yaml(*seats)}) == [("seat-gap", *at(seats, 0, "start: "))]


def test_no_gap_while_a_longer_earlier_term_still_covers(check: Check) -> None:
    seats = team(chairman=seat("chairman", "Ingrid Haugen", "NO", end="2026-03-31"))
    seats.append(seat("chairman", "Lars Berg", "SE", start="2025-03-01", end="2025-06-30"))
    seats.append(seat("chairman", "Fatou Ndiaye", "SN", start="2026-04-01"))
    assert [rule for rule, *_ in check({WSG: wsg_yaml(*seats)})] == ["seat-overlap"]


# --- region-missing ---------------------------------------------------------------


def test_region_missing_for_a_vice_chairman_without_region(check: Check) -> None:
    seats = team()
    seats.append(seat("vice-chairman", "Omar Mansour", "DZ"))
    assert check({WSG: wsg_yaml(*seats)}) == [("region-missing", *at(seats, 7))]


def test_region_missing_suggests_both_regions_of_a_two_region_state(tmp_path: Path) -> None:
    seats = [*team(), seat("vice-chairman", "Omar Mansour", "DZ")]
    (message,) = messages(tmp_path, wsg_yaml(*seats), "region-missing")
    assert "region: africa or arab-states" in message


def test_a_bad_region_value_is_a_bad_value_not_a_missing_region(check: Check) -> None:
    seats = [*team(), seat("vice-chairman", "Omar Mansour", "DZ", "maghreb")]
    assert [rule for rule, *_ in check({WSG: wsg_yaml(*seats)})] == ["bad-value"]


def test_region_is_optional_without_regional_balance(check: Check) -> None:
    text = wsg_yaml(CHAIRMAN, seat("vice-chairman", "Omar Mansour", "DZ"), balanced=False)
    assert check({WSG: text}) == []


# --- region-mismatch --------------------------------------------------------------


def test_egypt_cannot_represent_europe(check: Check, tmp_path: Path) -> None:
    egypt = seat("vice-chairman", "Ahmed Farouk", "EG", "europe")
    text = wsg_yaml(CHAIRMAN, egypt, balanced=False)
    assert check({WSG: text}) == [("region-mismatch", *at([CHAIRMAN, egypt], 1, "region: "))]
    (message,) = messages(tmp_path, text, "region-mismatch")
    assert "could represent africa or arab-states on 2025-01-20, not europe" in message


def test_azerbaijan_represents_europe_or_cis_but_not_asia_pacific(check: Check) -> None:
    seats = [
        CHAIRMAN,
        seat("vice-chairman", "Rashad Aliyev", "AZ", "europe"),
        seat("vice-chairman", "Leyla Mammadova", "AZ", "cis", start="2020-01-01", end="2024-12-31"),
        seat(
            "vice-chairman",
            "Elnur Hasanov",
            "AZ",
            "asia-pacific",
            start="2015-01-01",
            end="2019-12-31",
        ),
    ]
    assert check({WSG: wsg_yaml(*seats, balanced=False)}) == [
        ("region-mismatch", *at(seats, 3, "region: "))
    ]


def test_region_mismatch_of_a_non_member_state(tmp_path: Path) -> None:
    text = wsg_yaml(seat("chairman", "Samir Haddad", "PS", "arab-states"), balanced=False)
    (message,) = messages(tmp_path, text, "region-mismatch")
    assert "not an ITU Member State and represents no region" in message


EVENT = """\
id: demo
title: Workshop on AI
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
programme_committee:
  - {name: Ahmed Farouk, country: EG, region: arab-states}
  - {name: Lars Berg, country: SE, region: cis}
programme:
  - date: 2026-09-10
    sessions:
      - start: "09:30"
        end: "10:00"
        title: Keynote
        chairs:
          - {name: Rashad Aliyev, country: AZ, region: africa}
        speakers:
          - {name: Amina Diallo, country: SN, region: arab-states}
          - {name: Omar Mansour, country: DZ, region: africa}
          - {name: Nobody Known, region: europe}
"""


def test_region_mismatch_of_speakers_chairs_and_committee_members(check: Check) -> None:
    lines = EVENT.splitlines()

    def where(name: str) -> tuple[int, int]:
        index = next(i for i, line in enumerate(lines) if name in line)
        return index + 1, lines[index].index("region: ") + len("region: ") + 1

    found = check({"data/events/2026/demo.yaml": EVENT})
    assert [f for f in found if f[0] != "speaker-country-missing"] == [
        ("region-mismatch", *where("Lars Berg")),
        ("region-mismatch", *where("Rashad Aliyev")),
        ("region-mismatch", *where("Amina Diallo")),
    ]


# --- not-a-member-state -----------------------------------------------------------


def test_a_chairman_from_palestine_is_not_from_a_member_state(check: Check) -> None:
    seats = [seat("chairman", "Samir Haddad", "PS")]
    found = check({WSG: wsg_yaml(*seats, balanced=False)})
    assert found == [("not-a-member-state", *at(seats, 0, "country: "))]


def test_a_code_that_is_not_iso_is_a_bad_country_only(check: Check) -> None:
    seats = [seat("chairman", "Samir Haddad", "XX")]
    assert [r for r, *_ in check({WSG: wsg_yaml(*seats, balanced=False)})] == ["bad-country"]


# --- same-country -----------------------------------------------------------------


def test_same_country_once_per_pair_with_the_shared_dates(check: Check, tmp_path: Path) -> None:
    seats = [
        seat("chairman", "Lars Berg", "SE", start="2025-01-20"),
        seat("vice-chairman", "Eva Lind", "SE", start="2024-01-01", end="2025-06-30"),
        seat("vice-chairman", "Olof Ek", "SE", start="2026-01-01"),
    ]
    text = wsg_yaml(*seats, balanced=False)
    assert check({WSG: text}) == [
        ("same-country", *at(seats, 1, "country: ")),
        ("same-country", *at(seats, 2, "country: ")),
    ]
    first, second = messages(tmp_path, text, "same-country")
    assert "Lars Berg" in first and "Eva Lind" in first
    assert "from 2025-01-20 to 2025-06-30" in first
    assert "Lars Berg" in second and "Olof Ek" in second and "from 2026-01-01" in second


def test_successive_members_from_one_country_are_fine(check: Check) -> None:
    seats = [
        seat("vice-chairman", "Ingrid Haugen", "NO", start="2022-05-30", end="2025-01-19"),
        seat("chairman", "Lars Nilsen", "NO", start="2025-01-20"),
    ]
    assert check({WSG: wsg_yaml(*seats, balanced=False)}) == []


def test_one_person_moving_to_another_seat_is_not_a_pair(check: Check) -> None:
    seats = [
        seat("vice-chairman", "Ingrid Haugen", "NO", start="2022-05-30", end="2025-01-20"),
        seat("chairman", "Ingrid Haugen", "NO", start="2025-01-20"),
    ]
    assert check({WSG: wsg_yaml(*seats, balanced=False)}) == []


def test_two_egyptians_for_africa_and_arab_states_share_a_country(check: Check) -> None:
    # Both seats are filled (Egypt can represent either region), but from one country.
    seats = team(africa=seat("vice-chairman", "Mona Said", "EG", "africa"))
    found = check({WSG: wsg_yaml(*seats)})
    assert found == [("same-country", *at(seats, 6, "country: "))]


def test_the_rules_use_the_date_they_are_given(tmp_path: Path) -> None:
    seats = team(chairman=seat("chairman", "Ingrid Haugen", "NO", end="2026-03-31"))
    text = wsg_yaml(*seats)
    before = findings_for(tmp_path / "a", {WSG: text}, today=date(2026, 3, 31))
    after = findings_for(tmp_path / "b", {WSG: text}, today=date(2026, 4, 1))
    assert [f.rule for f in before] == []
    assert [f.rule for f in after] == ["missing-chairman"]


# --- the regions of the day the term began (issue 15) -------------------------------------


def test_a_russian_vice_chairman_for_europe_before_the_cept_suspension(check: Check) -> None:
    # CEPT suspended the Russian Federation from 2022-03-18: a term that began the day
    # before could represent europe, one that began that day no longer
    before = seat("vice-chairman", "Olga Ivanova", "RU", "europe", start="2022-03-17")
    on_the_day = seat("vice-chairman", "Ivan Petrov", "RU", "europe", start="2022-03-18")
    seats = [CHAIRMAN, before, on_the_day]
    found = check({WSG: wsg_yaml(*seats, balanced=False)})
    assert [f for f in found if f[0] == "region-mismatch"] == [
        ("region-mismatch", *at(seats, 2, "region: "))
    ]


def test_region_mismatch_names_the_regions_of_the_day(tmp_path: Path) -> None:
    russia = seat("vice-chairman", "Ivan Petrov", "RU", "europe", start="2023-01-10")
    (message,) = messages(tmp_path, wsg_yaml(CHAIRMAN, russia, balanced=False), "region-mismatch")
    assert "RU (Russian Federation), which could represent cis on 2023-01-10, not europe" in message


def test_region_missing_offers_the_regions_of_the_terms_first_day(tmp_path: Path) -> None:
    seats = [*team(), seat("vice-chairman", "Olga Ivanova", "RU", start="2021-06-01")]
    (message,) = messages(tmp_path, wsg_yaml(*seats), "region-missing")
    assert "add region: europe or cis" in message
    seats = [*team(), seat("vice-chairman", "Olga Ivanova", "RU", start="2023-06-01")]
    (message,) = messages(tmp_path, wsg_yaml(*seats), "region-missing")
    assert "add region: cis" in message


def test_palau_holds_a_seat_only_from_its_accession(check: Check, tmp_path: Path) -> None:
    early = [seat("chairman", "Ann Ngirmang", "PW", start="2024-09-18")]
    found = check({WSG: wsg_yaml(*early, balanced=False)})
    assert found == [("not-a-member-state", *at(early, 0, "country: "))]
    (message,) = messages(tmp_path, wsg_yaml(*early, balanced=False), "not-a-member-state")
    assert "on 2024-09-18 (it joined on 2024-09-19)" in message
    later = [seat("chairman", "Ann Ngirmang", "PW", start="2024-09-19")]
    assert messages(tmp_path, wsg_yaml(*later, balanced=False), "not-a-member-state") == []


def test_palau_could_not_represent_asia_pacific_before_it_joined(tmp_path: Path) -> None:
    palau = seat("vice-chairman", "Ann Ngirmang", "PW", "asia-pacific", start="2024-01-01")
    text = wsg_yaml(CHAIRMAN, palau, balanced=False)
    (message,) = messages(tmp_path, text, "region-mismatch")
    assert "became an ITU Member State only on 2024-09-19" in message


SYRIA = """\
id: damascus
title: Workshop in Damascus
kind: workshop
status: proposed
start: {start}
end: {start}
timezone: Asia/Damascus
format: virtual
organizers: [sg16]
themes: [ai]
programme:
  - date: {start}
    sessions:
      - start: "09:30"
        end: "10:00"
        title: Keynote
        speakers:
          - {{name: Rami Haddad, country: SY, region: arab-states}}
"""


def test_a_speaker_from_syria_during_the_las_suspension(tmp_path: Path) -> None:
    during = SYRIA.format(start="2015-05-05")
    (message,) = messages(
        tmp_path, during, "region-mismatch", path="data/events/2015/damascus.yaml"
    )
    assert "represented no region then (its membership was suspended) on 2015-05-05" in message
    after = SYRIA.format(start="2023-05-07")
    assert messages(tmp_path, after, "region-mismatch", path="data/events/2023/damascus.yaml") == []


def test_seat_vacant_names_the_seat_of_every_region(tmp_path: Path) -> None:
    found = messages(tmp_path, wsg_yaml(*team(europe=None, cis=None)), "seat-vacant")
    assert found == [
        f"wsg has no vice-chairman for {region} on 2026-06-01; add the successor under "
        f"management with role: vice-chairman, region: {region} and a term"
        for region in ("cis", "europe")
    ]


def test_an_entry_without_a_term_or_its_start_holds_no_seat(check: Check) -> None:
    """Both are required (``missing-field``); the seat rules judge the others."""
    seats = team(europe="{role: vice-chairman, name: Jan Kowalski, country: PL, region: europe}")
    seats.append("{role: vice-chairman, name: Aigerim Bekova, country: KZ, region: cis, term: {}}")
    management_line = FIRST_SEAT_LINE - 1
    assert check({WSG: wsg_yaml(*seats)}) == [
        ("seat-vacant", management_line, 1),  # europe
        ("missing-field", *at(seats, 2)),
        ("missing-field", *at(seats, 7, "cis, ")),  # at its term: key
    ]


def test_an_entry_without_a_role_is_missing_a_field_not_a_region(check: Check) -> None:
    """Only a vice-chairman owes a region: an entry with no role is told what it lacks."""
    seats = [*team(), "{name: Omar Mansour, country: DZ, term: {start: 2025-01-20}}"]
    assert check({WSG: wsg_yaml(*seats)}) == [("missing-field", *at(seats, 7))]


def test_an_entry_without_a_role_is_no_chairman_either(check: Check) -> None:
    seats = [*team()[1:], "{name: Omar Mansour, country: DZ, term: {start: 2025-01-20}}"]
    found = check({WSG: wsg_yaml(*seats)})
    assert [rule for rule, *_ in found] == ["missing-chairman", "missing-field"]


# --- Every finding of a team's history, in full -------------------------------------------
# Which term a finding points at and which one it names, when several could be meant: a
# later term first in the file, a successor with an end of their own, two terms that end on
# one day, a term that has already been followed or lies inside another, one person in
# several seats; and the teams after an entry a rule passes over (no country, a state that
# is no member). Each row gives every finding of the run as (rule, line, column, message).

Said = list[tuple[str, int, int, str]]

ASK_SUCCESSOR = "; add the successor under management with role: chairman and a term"
START_AT = "; if the successor took over at once, start the term on "
END_FIRST = "; end the first term the day before the second starts"
ASK_OTHER_COUNTRY = "; the team's regional balance asks for different countries"

# Ingrid Haugen left on 2026-03-31; Fatou Ndiaye's earlier term comes later in the file.
FORMER_CHAIRMEN = [
    *team(chairman=seat("chairman", "Ingrid Haugen", "NO", end="2026-03-31")),
    seat("chairman", "Fatou Ndiaye", "SN", start="2022-05-30", end="2025-01-19"),
]
# Ingrid Haugen left on 2026-03-31; Lars Berg's half year lies inside her term.
FORMER_CHAIRMEN_INSIDE = [
    *team(chairman=seat("chairman", "Ingrid Haugen", "NO", end="2026-03-31")),
    seat("chairman", "Lars Berg", "SE", start="2025-03-01", end="2025-08-31"),
]
# After her, Lars Berg for half a year from 2026-07-01, then Fatou Ndiaye (earlier in the file).
SUCCESSORS = [
    *team(chairman=seat("chairman", "Ingrid Haugen", "NO", end="2026-03-31")),
    seat("chairman", "Fatou Ndiaye", "SN", start="2027-01-01"),
    seat("chairman", "Lars Berg", "SE", start="2026-07-01", end="2026-12-31"),
]
# The Americas: Carlos Ribeiro, then Maria Lopez, whose term runs into Ana Rojas's.
AMERICAS_SUCCESSION = [
    *team(),
    seat("vice-chairman", "Carlos Ribeiro", "BR", "americas", "2018-01-01", "2021-12-31"),
    seat("vice-chairman", "Maria Lopez", "MX", "americas", "2022-01-01", "2025-06-30"),
]
# The Americas: Carlos Ribeiro and Maria Lopez both leave on 2025-06-30.
AMERICAS_TIE = [
    *team(),
    seat("vice-chairman", "Carlos Ribeiro", "BR", "americas", "2018-01-01", "2025-06-30"),
    seat("vice-chairman", "Maria Lopez", "MX", "americas", "2019-01-01", "2025-06-30"),
]
# The Americas: Maria Lopez's year lies inside Carlos Ribeiro's term, which runs into Ana Rojas's.
AMERICAS_INSIDE = [
    *team(),
    seat("vice-chairman", "Carlos Ribeiro", "BR", "americas", "2018-01-01", "2025-06-30"),
    seat("vice-chairman", "Maria Lopez", "MX", "americas", "2019-01-01", "2019-12-31"),
]
# The Americas: Carlos Ribeiro, then Maria Lopez, then half a year without anyone.
AMERICAS_GAP = [
    *team(),
    seat("vice-chairman", "Carlos Ribeiro", "BR", "americas", "2018-01-01", "2021-12-31"),
    seat("vice-chairman", "Maria Lopez", "MX", "americas", "2022-01-01", "2024-06-30"),
]
# The Americas: Carlos Ribeiro and Maria Lopez both leave on 2024-06-30, half a year early.
AMERICAS_GAP_TIE = [
    *team(),
    seat("vice-chairman", "Carlos Ribeiro", "BR", "americas", "2018-01-01", "2024-06-30"),
    seat("vice-chairman", "Maria Lopez", "MX", "americas", "2019-01-01", "2024-06-30"),
]
# The Americas: Carlos Ribeiro, then Maria Lopez with no end set, still in office with Ana Rojas.
AMERICAS_NO_END = [
    *team(),
    seat("vice-chairman", "Carlos Ribeiro", "BR", "americas", "2018-01-01", "2021-12-31"),
    seat("vice-chairman", "Maria Lopez", "MX", "americas", "2022-01-01"),
]
# The Americas: Maria Lopez and Ana Rojas with no end set, then Pedro Alves for 2026.
AMERICAS_OPEN_ENDED = [
    *team(),
    seat("vice-chairman", "Maria Lopez", "MX", "americas", "2022-01-01"),
    seat("vice-chairman", "Pedro Alves", "BR", "americas", "2026-01-01", "2026-12-31"),
]
EGYPT_FOR_EUROPE = [CHAIRMAN, seat("vice-chairman", "Ahmed Farouk", "EG", "europe")]
PALESTINE = [*team(), seat("vice-chairman", "Samir Haddad", "PS")]
NO_COUNTRY_THEN_PALESTINE = [
    "{role: chairman, name: Nadia Haddad, term: {start: 2025-01-20}}",
    seat("vice-chairman", "Samir Haddad", "PS"),
]
PALESTINE_THEN_EGYPT = [
    seat("chairman", "Samir Haddad", "PS", "arab-states"),
    seat("vice-chairman", "Ahmed Farouk", "EG", "europe"),
]
NOT_A_MEMBER = (
    "which was not an ITU Member State; a management team member represents a Member State"
)
# Four Swedes one after the other, but Dag Lund joins Carl Holm, who has no end.
SWEDES = [
    seat("vice-chairman", "Anna Berg", "SE", start="2010-01-01", end="2011-12-31"),
    seat("vice-chairman", "Bo Ek", "SE", start="2012-01-01", end="2013-12-31"),
    seat("vice-chairman", "Carl Holm", "SE", start="2014-01-01"),
    seat("chairman", "Dag Lund", "SE", start="2020-01-01"),
]
# Anna Berg and Bo Ek both leave on 2025-12-31; Carl Holm joins them.
SWEDES_TIE = [
    seat("vice-chairman", "Anna Berg", "SE", start="2020-01-01", end="2025-12-31"),
    seat("vice-chairman", "Bo Ek", "SE", start="2021-01-01", end="2025-12-31"),
    seat("chairman", "Carl Holm", "SE", start="2025-06-01"),
]
# The same with the first in the file starting first, then Carl Holm, then Bo Ek; and Dag
# Lund, first in the file, only from 2030.
SWEDES_TIE_STARTS = [
    seat("chairman", "Dag Lund", "SE", start="2030-01-01"),
    seat("vice-chairman", "Anna Berg", "SE", start="2020-01-01", end="2025-12-31"),
    seat("vice-chairman", "Bo Ek", "SE", start="2021-01-01", end="2025-12-31"),
    seat("vice-chairman", "Carl Holm", "SE", start="2020-06-01", end="2026-12-31"),
]


def three_seats(beside: str, person: str) -> list[str]:
    """``person`` in three seats, two at a time (no pair), and ``beside`` in office with them.

    The two vice-chairman terms end after ``beside``'s: the two terms that end last are one
    person's.
    """
    return [
        seat("vice-chairman", person, "SE", start="2022-05-30", end="2026-12-31"),
        seat("vice-chairman", person, "SE", start="2023-01-01", end="2026-06-30"),
        seat("vice-chairman", beside, "SE", start="2024-01-01", end="2025-06-30"),
        seat("chairman", person, "SE", start="2025-01-20"),
    ]


def beside_three_seats(beside: str, person: str = "Ingrid Holm") -> object:
    seats = three_seats(beside, person)
    return pytest.param(
        wsg_yaml(*seats, balanced=False),
        [
            ("same-country", *at(seats, 2, "country: "),
             f"{person} (vice-chairman) and {beside} (vice-chairman) of wsg are both from SE "
             "(Sweden), together in office from 2024-01-01 to 2025-06-30" + ASK_OTHER_COUNTRY),
            ("same-country", *at(seats, 3, "country: "),
             f"{beside} (vice-chairman) and {person} (chairman) of wsg are both from SE "
             "(Sweden), together in office from 2025-01-20 to 2025-06-30" + ASK_OTHER_COUNTRY),
        ],
        id=f"same-country: past {person}'s other seats, {beside} beside them",
    )  # fmt: skip


# Past 40 characters a name is not one shared object (kinds._shared): equal, not the same.
LONG_NAME = "Maria Fernanda de los Angeles Gutierrez Ramirez"

HISTORIES = [
    pytest.param(
        wsg_yaml(*FORMER_CHAIRMEN),
        [
            ("missing-chairman", *at(FORMER_CHAIRMEN, 0, "end: "),
             "wsg has no chairman on 2026-06-01: Ingrid Haugen's term ended on 2026-03-31"
             + ASK_SUCCESSOR),
        ],
        id="missing-chairman: the term that ended last, not the last in the file",
    ),
    pytest.param(
        wsg_yaml(*FORMER_CHAIRMEN_INSIDE),
        [
            ("missing-chairman", *at(FORMER_CHAIRMEN_INSIDE, 0, "end: "),
             "wsg has no chairman on 2026-06-01: Ingrid Haugen's term ended on 2026-03-31"
             + ASK_SUCCESSOR),
            ("seat-overlap", *at(FORMER_CHAIRMEN_INSIDE, 7, "start: "),
             "wsg: the seat of chairman has two holders at once: Ingrid Haugen (from 2025-01-20 "
             "to 2026-03-31) and Lars Berg (from 2025-03-01 to 2025-08-31) overlap from "
             "2025-03-01 to 2025-08-31" + END_FIRST),
        ],
        id="missing-chairman: the term that ended last, not the one that started last",
    ),
    pytest.param(
        wsg_yaml(*team(africa=None, americas=None)),
        [
            ("seat-vacant", FIRST_SEAT_LINE - 1, 1,
             f"wsg has no vice-chairman for {region} on 2026-06-01; add the successor under "
             f"management with role: vice-chairman, region: {region} and a term")
            for region in ("africa", "americas")
        ],
        id="seat-vacant: regions before 'chairman' in the alphabet",
    ),
    pytest.param(
        wsg_yaml(*SUCCESSORS),
        [
            ("missing-chairman", *at(SUCCESSORS, 0, "end: "),
             "wsg has no chairman on 2026-06-01: Ingrid Haugen's term ended on 2026-03-31, "
             "and Lars Berg only takes office on 2026-07-01"),
            ("seat-gap", *at(SUCCESSORS, 8, "start: "),
             "wsg: the seat of chairman stood empty from 2026-04-01 to 2026-06-30, between "
             "Ingrid Haugen's term and Lars Berg's" + START_AT + "2026-04-01"),
        ],
        id="missing-chairman: a future term with an end has not ended, the next successor",
    ),
    pytest.param(
        wsg_yaml(*AMERICAS_SUCCESSION),
        [
            ("seat-overlap", *at(AMERICAS_SUCCESSION, 1, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Maria Lopez "
             "(from 2022-01-01 to 2025-06-30) and Ana Rojas (from 2025-01-20, with no end set) "
             "overlap from 2025-01-20 to 2025-06-30" + END_FIRST),
        ],
        id="seat-overlap: with the successor of the first term, not the first",
    ),
    pytest.param(
        wsg_yaml(*AMERICAS_TIE),
        [
            ("seat-overlap", *at(AMERICAS_TIE, 1, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Carlos "
             "Ribeiro (from 2018-01-01 to 2025-06-30) and Ana Rojas (from 2025-01-20, with no "
             "end set) overlap from 2025-01-20 to 2025-06-30" + END_FIRST),
            ("seat-overlap", *at(AMERICAS_TIE, 8, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Carlos "
             "Ribeiro (from 2018-01-01 to 2025-06-30) and Maria Lopez (from 2019-01-01 to "
             "2025-06-30) overlap from 2019-01-01 to 2025-06-30" + END_FIRST),
        ],
        id="seat-overlap: two terms end on one day, the first of them is named",
    ),
    pytest.param(
        wsg_yaml(*AMERICAS_INSIDE),
        [
            ("seat-overlap", *at(AMERICAS_INSIDE, 1, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Carlos "
             "Ribeiro (from 2018-01-01 to 2025-06-30) and Ana Rojas (from 2025-01-20, with no "
             "end set) overlap from 2025-01-20 to 2025-06-30" + END_FIRST),
            ("seat-overlap", *at(AMERICAS_INSIDE, 8, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Carlos "
             "Ribeiro (from 2018-01-01 to 2025-06-30) and Maria Lopez (from 2019-01-01 to "
             "2019-12-31) overlap from 2019-01-01 to 2019-12-31" + END_FIRST),
        ],
        id="seat-overlap: with the term that runs longest, not a shorter one inside it",
    ),
    pytest.param(
        wsg_yaml(*AMERICAS_GAP),
        [
            ("seat-gap", *at(AMERICAS_GAP, 1, "start: "),
             "wsg: the seat of vice-chairman for americas stood empty from 2024-07-01 to "
             "2025-01-19, between Maria Lopez's term and Ana Rojas's" + START_AT + "2024-07-01"),
        ],
        id="seat-gap: after the successor of the first term, not the first",
    ),
    pytest.param(
        wsg_yaml(*AMERICAS_GAP_TIE),
        [
            ("seat-gap", *at(AMERICAS_GAP_TIE, 1, "start: "),
             "wsg: the seat of vice-chairman for americas stood empty from 2024-07-01 to "
             "2025-01-19, between Carlos Ribeiro's term and Ana Rojas's" + START_AT + "2024-07-01"),
            ("seat-overlap", *at(AMERICAS_GAP_TIE, 8, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Carlos "
             "Ribeiro (from 2018-01-01 to 2024-06-30) and Maria Lopez (from 2019-01-01 to "
             "2024-06-30) overlap from 2019-01-01 to 2024-06-30" + END_FIRST),
        ],
        id="seat-gap: two terms end on one day, the first of them is named",
    ),
    pytest.param(
        wsg_yaml(*AMERICAS_NO_END),
        [
            ("seat-overlap", *at(AMERICAS_NO_END, 1, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Maria Lopez "
             "(from 2022-01-01, with no end set) and Ana Rojas (from 2025-01-20, with no end set) "
             "overlap from 2025-01-20, with no end set" + END_FIRST),
        ],
        id="seat-gap: none after a term with no end, an overlap",
    ),
    pytest.param(
        wsg_yaml(*AMERICAS_OPEN_ENDED),
        [
            ("seat-overlap", *at(AMERICAS_OPEN_ENDED, 1, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Maria Lopez "
             "(from 2022-01-01, with no end set) and Ana Rojas (from 2025-01-20, with no end set) "
             "overlap from 2025-01-20, with no end set" + END_FIRST),
            ("seat-overlap", *at(AMERICAS_OPEN_ENDED, 8, "start: "),
             "wsg: the seat of vice-chairman for americas has two holders at once: Maria Lopez "
             "(from 2022-01-01, with no end set) and Pedro Alves (from 2026-01-01 to 2026-12-31) "
             "overlap from 2026-01-01 to 2026-12-31" + END_FIRST),
        ],
        id="seat-overlap: with the first of two terms with no end set",
    ),
    pytest.param(
        wsg_yaml(*EGYPT_FOR_EUROPE, balanced=False),
        [
            ("region-mismatch", *at(EGYPT_FOR_EUROPE, 1, "region: "),
             "Ahmed Farouk (vice-chairman of wsg) is from EG (Egypt), which could represent "
             "africa or arab-states on 2025-01-20, not europe"),
        ],
        id="region-mismatch: a management member is named by role",
    ),
    pytest.param(
        wsg_yaml(*NO_COUNTRY_THEN_PALESTINE, balanced=False),
        [
            ("missing-field", *at(NO_COUNTRY_THEN_PALESTINE, 0),
             "a management seat needs 'country': ISO 3166-1 alpha-2 code of the person's "
             "country"),
            ("not-a-member-state", *at(NO_COUNTRY_THEN_PALESTINE, 1, "country: "),
             "Samir Haddad (vice-chairman of wsg) is from PS (State of Palestine), "
             + NOT_A_MEMBER),
        ],
        id="not-a-member-state: after a seat without a country",
    ),
    pytest.param(
        wsg_yaml(*PALESTINE_THEN_EGYPT, balanced=False),
        [
            ("not-a-member-state", *at(PALESTINE_THEN_EGYPT, 0, "country: "),
             "Samir Haddad (chairman of wsg) is from PS (State of Palestine), " + NOT_A_MEMBER),
            ("region-mismatch", *at(PALESTINE_THEN_EGYPT, 0, "region: "),
             "Samir Haddad (chairman of wsg) is from PS (State of Palestine), which is not an ITU "
             "Member State and represents no region; remove region: arab-states"),
            ("region-mismatch", *at(PALESTINE_THEN_EGYPT, 1, "region: "),
             "Ahmed Farouk (vice-chairman of wsg) is from EG (Egypt), which could represent "
             "africa or arab-states on 2025-01-20, not europe"),
        ],
        id="region-mismatch: after a state that is not a member",
    ),
    pytest.param(
        wsg_yaml(*PALESTINE),
        [
            ("region-missing", *at(PALESTINE, 7),
             "vice-chairman Samir Haddad of wsg has no region; add region: one of americas, "
             "europe, cis, africa, asia-pacific, arab-states"),
            ("not-a-member-state", *at(PALESTINE, 7, "country: "),
             "Samir Haddad (vice-chairman of wsg) is from PS (State of Palestine), "
             + NOT_A_MEMBER),
        ],
        id="region-missing: a state of no region, every region offered",
    ),
    pytest.param(
        wsg_yaml(*SWEDES, balanced=False),
        [
            ("same-country", *at(SWEDES, 3, "country: "),
             "Carl Holm (vice-chairman) and Dag Lund (chairman) of wsg are both from SE "
             "(Sweden), together in office from 2020-01-01, with no end set" + ASK_OTHER_COUNTRY),
        ],
        id="same-country: the one still in office, not the two who left",
    ),
    pytest.param(
        wsg_yaml(*SWEDES_TIE, balanced=False),
        [
            ("same-country", *at(SWEDES_TIE, 1, "country: "),
             "Anna Berg (vice-chairman) and Bo Ek (vice-chairman) of wsg are both from SE "
             "(Sweden), together in office from 2021-01-01 to 2025-12-31" + ASK_OTHER_COUNTRY),
            ("same-country", *at(SWEDES_TIE, 2, "country: "),
             "Anna Berg (vice-chairman) and Carl Holm (chairman) of wsg are both from SE "
             "(Sweden), together in office from 2025-06-01 to 2025-12-31" + ASK_OTHER_COUNTRY),
        ],
        id="same-country: two terms end on one day, the first in the file is named",
    ),
    pytest.param(
        wsg_yaml(*SWEDES_TIE_STARTS, balanced=False),
        [
            ("same-country", *at(SWEDES_TIE_STARTS, 2, "country: "),
             "Anna Berg (vice-chairman) and Bo Ek (vice-chairman) of wsg are both from SE "
             "(Sweden), together in office from 2021-01-01 to 2025-12-31" + ASK_OTHER_COUNTRY),
            ("same-country", *at(SWEDES_TIE_STARTS, 3, "country: "),
             "Anna Berg (vice-chairman) and Carl Holm (vice-chairman) of wsg are both from SE "
             "(Sweden), together in office from 2020-06-01 to 2025-12-31" + ASK_OTHER_COUNTRY),
        ],
        id="same-country: two terms end on one day, the first in the file whatever the starts",
    ),
    beside_three_seats("Eva Lind"),  # a name before hers
    beside_three_seats("Olof Ek"),  # a name after hers
    beside_three_seats("Eva Lind", LONG_NAME),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), HISTORIES)
def test_every_finding_of_a_teams_history(tmp_path: Path, text: str, expected: Said) -> None:
    found = findings_for(tmp_path, {WSG: text})
    assert [(f.rule, f.line, f.column, f.message) for f in found] == expected
