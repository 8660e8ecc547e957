"""``wsg balance``: the seats at a date and the regional / developing-country figures of a year.

The small dataset below is counted by hand in the comments; the tests compare the
command's numbers with that count, and its text output with its json output.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, make_dataset, run_wsg
from wsg import dataset as datasets
from wsg.balance import (
    COLUMNS,
    COUNTING,
    NO_REGION,
    NOT_MEMBER,
    ROLES,
    SEATS,
    VICE_CHAIRMAN,
    Tally,
    seats_at,
    year_balance,
)
from wsg.cache import FileCache
from wsg.countries import REGIONS

GROUP = """\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
regional_balance: true
management:
  - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
  - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
     term: {start: 2025-01-20}}
  - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
     term: {start: 2025-01-20}}
  - {role: vice-chairman, name: Grace Kamau, country: KE, region: africa,
     term: {start: 2025-01-20, end: 2026-05-29}}
  - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
     term: {start: 2026-05-30}}
  - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
     term: {start: 2025-01-20}}
  - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
     term: {start: 2025-01-20}}
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: security, title: Security and trust, priority: normal}
"""

COMMON = """\
kind: workshop
timezone: Europe/Zurich
organizers: [sg16]
themes: [ai]
"""

# Speakers (each once per event): Ahmed EG declares arab-states (speaks twice: counted once);
# Amina SN (LDC until 2029); Rashad AZ, no region: europe AND cis; Samir PS: not a Member
# State; Nobody: no country. Chair: Ahmed EG, no region: africa AND arab-states.
# Committee: Karma BT (no longer an LDC in 2026), Mere FJ (SIDS). Host: EG.
# Participants: EG 10, NO 3, NA 2. Fellowships: offered, 4 granted.
HELD = f"""\
id: cairo
title: Workshop in Cairo
status: held
start: 2026-03-10
end: 2026-03-10
format: in-person
venue: {{city: Cairo, country: EG}}
{COMMON}fellowships: {{offered: true, granted: 4}}
participation:
  by_country: {{EG: 10, "NO": 3, NA: 2}}
programme_committee:
  - {{name: Karma Wangchuk, country: BT}}
  - {{name: Mere Tuilagi, country: FJ}}
programme:
  - date: 2026-03-10
    sessions:
      - start: "09:00"
        end: "10:00"
        title: Opening
        chairs:
          - {{name: Ahmed Farouk, country: EG}}
        speakers:
          - {{name: Ahmed Farouk, country: EG, region: arab-states}}
          - {{name: Amina Diallo, country: SN}}
          - {{name: Rashad Aliyev, country: AZ}}
      - start: "10:00"
        end: "11:00"
        title: Closing
        speakers:
          - {{name: Ahmed Farouk, country: EG, region: arab-states}}
          - {{name: Samir Haddad, country: PS}}
          - {{name: Nobody Known}}
"""

# Virtual (no host). Speakers: Ahmed again (a second appearance in the year), Priya IN.
# Fellowships offered, none granted yet.
PLANNED = f"""\
id: webinar
title: Webinar
status: announced
start: 2026-10-01
end: 2026-10-01
format: virtual
{COMMON}fellowships: {{offered: true}}
programme:
  - date: 2026-10-01
    sessions:
      - start: "09:00"
        end: "10:00"
        title: Talk
        speakers:
          - {{name: Ahmed Farouk, country: EG, region: arab-states}}
          - {{name: Priya Raghavan, country: IN}}
"""

CANCELLED = f"""\
id: dropped
title: Dropped
status: cancelled
start: 2026-11-01
end: 2026-11-01
format: in-person
venue: {{city: Oslo, country: "NO"}}
{COMMON}fellowships: {{offered: true, granted: 7}}
programme:
  - date: 2026-11-01
    sessions:
      - start: "09:00"
        end: "10:00"
        title: Talk
        speakers: [{{name: Ola Nordmann, country: "NO"}}]
"""

# 2023: Bhutan was an LDC until 2023-12-13.
OLD = f"""\
id: thimphu
title: Workshop in Thimphu
status: held
start: 2023-06-01
end: 2023-06-01
format: in-person
venue: {{city: Thimphu, country: BT}}
{COMMON}"""

FILES = {
    "data/groups/wsg.yaml": GROUP,
    "data/events/2026/cairo.yaml": HELD,
    "data/events/2026/webinar.yaml": PLANNED,
    "data/events/2026/dropped.yaml": CANCELLED,
    "data/events/2023/thimphu.yaml": OLD,
}


def regions(**counts: int) -> dict[str, int]:
    table = dict.fromkeys(COLUMNS, 0)
    for key, value in counts.items():
        table[key.replace("_", "-")] = value
    return table


def categories(
    ldc: int = 0, sids: int = 0, lldc: int = 0, eit: int = 0, developing: int = 0
) -> dict[str, int]:
    return {"ldc": ldc, "sids": sids, "lldc": lldc, "eit": eit, "developing": developing}


HAND_COUNT: dict[str, dict[str, Any]] = {
    "speakers": {
        "total": 7,  # cairo 5 (Ahmed once), webinar 2 (Ahmed again)
        "regions": regions(
            europe=1,
            cis=1,
            africa=1,
            asia_pacific=1,
            arab_states=2,
            not_a_member_state=1,
            unknown=1,
        ),
        # EG twice, SN, AZ, IN developing; SN LDC; AZ LLDC and EIT
        "categories": categories(ldc=1, lldc=1, eit=1, developing=5),
        "uncertain": categories(),
        "developing_percent": 71.4,
    },
    "chairs": {
        "total": 1,
        "regions": regions(africa=1, arab_states=1),
        "categories": categories(developing=1),
        "uncertain": categories(),
        "developing_percent": 100.0,
    },
    "programme_committee": {
        "total": 2,
        "regions": regions(asia_pacific=2),
        "categories": categories(sids=1, lldc=1, developing=2),
        "uncertain": categories(),
        "developing_percent": 100.0,
    },
    "hosts": {
        "total": 1,
        "regions": regions(africa=1, arab_states=1),
        "categories": categories(developing=1),
        "uncertain": categories(),
        "developing_percent": 100.0,
    },
    "participants": {
        "total": 15,
        "regions": regions(europe=3, africa=12, arab_states=10),
        "categories": categories(developing=12),
        "uncertain": categories(),
        "developing_percent": 80.0,
    },
}


def small_dataset(tmp_path: Path) -> Path:
    return make_dataset(tmp_path, dict(FILES))


def balance_json(data: Path, *args: str) -> dict[str, Any]:
    result = run_wsg("balance", "--data", str(data), "--format", "json", *args)
    assert result.code == 0, result.err
    parsed: dict[str, Any] = json.loads(result.out)
    return parsed


def test_the_distributions_match_a_hand_count(tmp_path: Path) -> None:
    report = balance_json(small_dataset(tmp_path), "--date", "2026-11-28")
    assert report["year"] == 2026
    assert report["events"] == ["cairo", "webinar"]  # the cancelled one is not counted
    assert report["distribution"] == HAND_COUNT
    fellowships = report["fellowships"]
    assert (fellowships["offered"], fellowships["granted"]) == (2, 4)
    # granted without by_country: four recipients whose country is not recorded
    assert (
        fellowships["recipients"]["total"] == fellowships["recipients"]["regions"]["unknown"] == 4
    )


def test_un_categories_are_those_of_the_event_start_date(tmp_path: Path) -> None:
    loaded = datasets.load(small_dataset(tmp_path), date(2026, 11, 28))
    assert year_balance(loaded.events, 2023).tallies["hosts"].categories["ldc"] == 1
    assert year_balance(loaded.events, 2026).tallies["programme_committee"].categories["ldc"] == 0


def test_the_year_defaults_to_the_year_of_the_date(tmp_path: Path) -> None:
    report = balance_json(small_dataset(tmp_path), "--date", "2023-07-01")
    assert report["year"] == 2023
    assert report["events"] == ["thimphu"]


def test_the_seats_at_a_date_follow_a_mid_term_replacement(tmp_path: Path) -> None:
    data = small_dataset(tmp_path)
    before = balance_json(data, "--date", "2026-05-29")["seats"][0]["seats"]
    after = balance_json(data, "--date", "2026-05-30")["seats"][0]["seats"]
    africa = [s for s in before if s["region"] == "africa"]
    assert [(s["holder"], s["term_end"]) for s in africa] == [("Grace Kamau", "2026-05-29")]
    africa = [s for s in after if s["region"] == "africa"]
    assert [(s["holder"], s["term_end"]) for s in africa] == [("Aline Uwase", None)]


def test_a_vacant_seat_is_marked_in_json_and_text(tmp_path: Path) -> None:
    data = small_dataset(tmp_path)  # nobody holds the europe seat
    (team,) = balance_json(data, "--date", "2026-11-28")["seats"]
    assert team["vacancies"] == 1
    europe = next(s for s in team["seats"] if s["region"] == "europe")
    assert europe == {
        "role": "vice-chairman",
        "region": "europe",
        "vacant": True,
        "holder": None,
        "country": None,
        "term_start": None,
        "term_end": None,
    }
    text = run_wsg("balance", "--data", str(data), "--date", "2026-11-28").out
    europe_line = next(line for line in text.splitlines() if " europe " in line)
    assert europe_line.split() == ["vice-chairman", "europe", "VACANT"]
    assert "6 of 7 seats filled, 1 vacant" in text


def test_seats_at_leaves_out_a_group_closed_before_the_date(tmp_path: Path) -> None:
    closed = GROUP.replace("regional_balance: true", "closed: 2026-01-31\nregional_balance: true")
    data = make_dataset(tmp_path, {"data/groups/wsg.yaml": closed})
    loaded = datasets.load(data, date(2026, 6, 1))
    assert [team.group for team in seats_at(loaded.groups, date(2026, 1, 31))] == ["wsg"]
    assert seats_at(loaded.groups, date(2026, 2, 1)) == []


def _text_numbers(text: str) -> dict[str, list[str]]:
    """The number cells of each role's column in the two distribution tables, by table and
    role: one row per region or category, one column per role, rows in the JSON's order."""
    titles = ["speakers", "chairs", "programme_committee", "hosts", "participants"]
    rows: dict[str, list[str]] = {}
    table = ""
    for line in text.splitlines():
        if line.startswith(("by region", "by UN category")):
            table = "by region" if line.startswith("by region") else "by UN category"
            continue
        cells = line.split()
        if not table or len(cells) < len(titles) + 1:
            table = ""
            continue
        for role, cell in zip(titles, cells[-len(titles) :], strict=True):
            rows.setdefault(f"{table}/{role}", []).append(cell)
    return rows


def _assert_text_carries_the_json_numbers(data: Path, *args: str) -> None:
    report = balance_json(data, *args)
    text = run_wsg("balance", "--data", str(data), *args)
    assert text.code == 0, text.err
    rows = _text_numbers(text.out)
    tallies = report["distribution"].values()
    # the text shows no-region only when someone is in it (a suspended membership)
    columns = [c for c in COLUMNS if c != NO_REGION or any(t["regions"][c] for t in tallies)]
    for role in ROLES:
        tally = report["distribution"][role]
        assert rows[f"by region/{role}"] == [
            str(tally["total"]),
            *(str(tally["regions"][c]) for c in columns),
        ]
        percent = tally["developing_percent"]
        assert rows[f"by UN category/{role}"] == [
            str(tally["total"]),
            *(str(n) for n in tally["categories"].values()),
            "-" if percent is None else f"{percent:.1f}",
        ]
    for team in report["seats"]:
        for seat in team["seats"]:
            assert (seat["holder"] or "VACANT") in text.out
    fellowships = report["fellowships"]
    assert f"Fellowships: {fellowships['granted']} granted; {fellowships['offered']} of" in text.out


def test_text_and_json_carry_the_same_numbers(tmp_path: Path) -> None:
    _assert_text_carries_the_json_numbers(small_dataset(tmp_path), "--date", "2026-11-28")


def test_the_text_says_how_a_two_region_state_is_counted(tmp_path: Path) -> None:
    result = run_wsg("balance", "--data", str(small_dataset(tmp_path)), "--date", "2026-11-28")
    tail = " ".join(result.out.split("How people are counted:")[1].split())
    assert (
        "A state in two regions (e.g. Egypt: africa and arab-states) counts under the region"
        " the person declares, otherwise under each of its regions" in tail
    )
    assert "region columns can add up to more than the total" in tail


def test_an_unknown_format_is_a_user_error(tmp_path: Path) -> None:
    result = run_wsg("balance", "--data", str(small_dataset(tmp_path)), "--format", "csv")
    assert result.code == 2
    assert "csv" in result.err


def test_the_bundled_dataset(tmp_path: Path) -> None:
    data = str(ROOT / "data")
    result = run_wsg("balance", "--data", data, "--today", "2026-11-28", "--year", "2026")
    assert result.code == 0, result.err
    assert result.out.startswith("Management seats on 2026-11-28\n")
    seat_lines = [
        line.split()
        for line in result.out.splitlines()
        if line.startswith(("  chairman", "  vice-chairman"))
    ]
    assert [line[:2] for line in seat_lines[1:]] == [
        ["vice-chairman", region] for region in COLUMNS[:6]
    ]
    _assert_text_carries_the_json_numbers(ROOT / "data", "--today", "2026-11-28", "--year", "2026")


def test_the_bundled_dataset_shows_off_issue_3(tmp_path: Path) -> None:
    loaded = datasets.load(ROOT / "data", date(2026, 11, 28))
    wsg = loaded.wsg
    assert wsg is not None and wsg.regional_balance
    chairmen = [s for s in wsg.management if s.role == "chairman"]
    assert len(chairmen) >= 2  # at least two terms
    team_starts = {c.term.start for c in chairmen if c.term}
    mid_term = [s for s in wsg.management if s.term and s.term.start not in team_starts]
    assert mid_term, "a mid-term replacement: a term that starts when no chairman's does"
    two_region = {"EG", "AZ", "MD", "DZ", "KM", "DJ", "LY", "MR", "MA", "SO", "SD", "TN"}
    assert any(s.role == "vice-chairman" and s.country in two_region for s in wsg.management)
    figures = [year_balance(loaded.events, year) for year in (2025, 2026)]
    for figure in figures:
        speakers = figure.tallies["speakers"]
        assert all(speakers.regions[region] > 0 for region in COLUMNS[:6])
    assert any(f.tallies["speakers"].categories["ldc"] > 0 for f in figures)
    assert any(f.tallies["speakers"].categories["sids"] > 0 for f in figures)


# --- regions and categories of the event's date (issue 15) ------------------------------


def _event(event_id: str, start: str, speakers: str, by_country: str = "") -> str:
    participation = f"participation:\n  by_country: {{{by_country}}}\n" if by_country else ""
    return f"""\
id: {event_id}
title: Workshop {event_id}
status: held
start: {start}
end: {start}
format: virtual
{COMMON}{participation}programme:
  - date: {start}
    sessions:
      - start: "09:00"
        end: "10:00"
        title: Talk
        speakers: [{speakers}]
"""


def _year(tmp_path: Path, event_id: str, start: str, speakers: str, by_country: str = "") -> Any:
    path = f"data/events/{start[:4]}/{event_id}.yaml"
    data = make_dataset(tmp_path, {path: _event(event_id, start, speakers, by_country)})
    loaded = datasets.load(data, date(2026, 12, 31))
    return year_balance(loaded.events, int(start[:4]))


def test_regions_are_those_of_the_event_date_russia_before_and_after_cept(
    tmp_path: Path,
) -> None:
    before = _year(tmp_path / "a", "before", "2022-03-17", "{name: Olga Ivanova, country: RU}")
    after = _year(tmp_path / "b", "after", "2022-03-18", "{name: Olga Ivanova, country: RU}")
    assert before.tallies["speakers"].regions["europe"] == 1
    assert before.tallies["speakers"].regions["cis"] == 1
    assert after.tallies["speakers"].regions["europe"] == 0
    assert after.tallies["speakers"].regions["cis"] == 1


def test_a_member_state_without_a_region_that_day_counts_as_no_region(tmp_path: Path) -> None:
    figures = _year(tmp_path, "damascus", "2015-05-05", "{name: Rami Haddad, country: SY}")
    speakers = figures.tallies["speakers"]
    assert speakers.regions[NO_REGION] == 1 and speakers.regions["arab-states"] == 0
    assert speakers.categories["developing"] == 1  # still a Member State, still developing
    text = run_wsg("balance", "--data", str(tmp_path / "data"), "--year", "2015").out
    rows = text.split("\nby region", 1)[1].split("\n\n", 1)[0].splitlines()
    assert any(row.split()[:1] == ["no-region"] for row in rows)  # a row of the region table


def test_a_state_that_joined_later_is_not_yet_a_member_state(tmp_path: Path) -> None:
    figures = _year(tmp_path, "koror", "2024-05-05", "{name: Ann Ngirmang, country: PW}", "PW: 3")
    assert figures.tallies["speakers"].regions[NOT_MEMBER] == 1
    assert figures.tallies["participants"].regions[NOT_MEMBER] == 3
    assert figures.tallies["participants"].categories["sids"] == 0
    later = _year(tmp_path / "b", "koror2", "2024-09-19", "{name: Ann Ngirmang, country: PW}")
    assert later.tallies["speakers"].regions["asia-pacific"] == 1
    assert later.tallies["speakers"].categories["sids"] == 1


def test_bangladesh_after_2026_11_24_is_counted_apart_not_as_graduated(tmp_path: Path) -> None:
    speakers = "{name: Rahim Uddin, country: BD}, {name: Sita Rai, country: NP}"
    figures = _year(tmp_path, "dhaka", "2026-12-01", speakers, "BD: 20, LA: 5")
    assert figures.tallies["speakers"].categories["ldc"] == 0
    assert figures.tallies["speakers"].uncertain["ldc"] == 2
    assert figures.tallies["speakers"].categories["developing"] == 2
    assert figures.tallies["participants"].uncertain["ldc"] == 20
    assert figures.tallies["participants"].categories["ldc"] == 0  # Lao PDR graduated
    (note,) = figures.notes
    assert note.startswith("LDC status uncertain on some event dates and counted apart")
    assert "2 speakers" in note and "20 participants" in note
    assert "BD (Bangladesh)" in note and "NP (Nepal)" in note and "General Assembly" in note
    before = _year(tmp_path / "b", "dhaka2", "2026-11-23", speakers)
    assert before.tallies["speakers"].categories["ldc"] == 2 and before.notes == []

    data = tmp_path / "data"
    report = balance_json(data, "--date", "2026-12-31")
    assert report["distribution"]["speakers"]["uncertain"]["ldc"] == 2
    assert report["notes"] == figures.notes
    text = run_wsg("balance", "--data", str(data), "--date", "2026-12-31").out
    assert "LDC status uncertain on some event dates" in text
    summary = run_wsg("render", "summary", "--data", str(data), "--year", "2026")
    assert summary.code == 0, summary.err
    assert "LDC status uncertain on some event dates" in summary.out


def test_the_counting_note_says_which_categories_and_why() -> None:
    assert "footnote of WTSA Resolution 53" in COUNTING
    assert "landlocked developing countries as well" in COUNTING
    assert "no-region" in COUNTING and "uncertain" in COUNTING


# --- the rows of a team: who holds what, from when (seats_at) --------------------------


def _team(tmp_path: Path, management: str, on: str) -> list[dict[str, Any]]:
    """The seat rows of the ``wsg`` team with ``management`` on ``on``, as ``wsg balance``."""
    head = GROUP.split("management:")[0]
    group = head + "management:\n" + management + GROUP.split("themes:")[1].join(["themes:", ""])
    data = make_dataset(tmp_path, {"data/groups/wsg.yaml": group})
    (team,) = balance_json(data, "--date", on)["seats"]
    assert team["group"] == "wsg"
    assert team["name"] == "Workshop and Seminar Coordination Group"
    rows: list[dict[str, Any]] = team["seats"]
    return rows


def _vacant(region: str) -> dict[str, Any]:
    return {
        "role": VICE_CHAIRMAN,
        "region": region,
        "vacant": True,
        "holder": None,
        "country": None,
        "term_start": None,
        "term_end": None,
    }


CHAIR_ONLY = '  - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}\n'
CHAIR_ROW = {
    "role": "chairman",
    "region": None,
    "vacant": False,
    "holder": "Ingrid Haugen",
    "country": "NO",
    "term_start": "2025-01-20",
    "term_end": None,
}


def test_a_team_of_a_chairman_alone_has_six_vacant_vice_chairman_seats(tmp_path: Path) -> None:
    rows = _team(tmp_path, CHAIR_ONLY, "2026-06-01")
    assert rows == [CHAIR_ROW, *(_vacant(region) for region in REGIONS)]


def test_a_one_day_term_holds_the_seat_on_that_day_only(tmp_path: Path) -> None:
    one_day = (
        "  - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,\n"
        "     term: {start: 2026-06-01, end: 2026-06-01}}\n"
    )
    europe = {
        "role": VICE_CHAIRMAN,
        "region": "europe",
        "vacant": False,
        "holder": "Jan Kowalski",
        "country": "PL",
        "term_start": "2026-06-01",
        "term_end": "2026-06-01",
    }
    on_the_day = _team(tmp_path / "a", CHAIR_ONLY + one_day, "2026-06-01")
    assert on_the_day[SEATS.index("europe")] == europe
    day_after = _team(tmp_path / "b", CHAIR_ONLY + one_day, "2026-06-02")
    assert day_after[SEATS.index("europe")] == _vacant("europe")


def test_an_entry_without_a_seat_fills_none(tmp_path: Path) -> None:
    """A vice-chairman whose region is none of the six (a typo) holds no seat and is listed
    last; an entry without a role (a required key: ``wsg validate`` says so) holds none
    either, and is no vice-chairman."""
    misplaced = (
        "  - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europa,\n"
        "     term: {start: 2025-01-20}}\n"
        "  - {name: Olga Petrova, country: BG, region: europe, term: {start: 2025-01-20}}\n"
    )
    rows = _team(tmp_path, CHAIR_ONLY + misplaced, "2026-06-01")
    assert rows == [
        CHAIR_ROW,
        *(_vacant(region) for region in REGIONS),
        {
            "role": VICE_CHAIRMAN,
            "region": None,  # not a value: wsg validate reports it
            "vacant": False,
            "holder": "Jan Kowalski",
            "country": "PL",
            "term_start": "2025-01-20",
            "term_end": None,
        },
    ]


def test_the_teams_of_the_groups_in_existence_that_day_in_natural_order(tmp_path: Path) -> None:
    """Established that day: in; closing later: in; established later, closed before or
    without regional balance: out, and the groups after them still in."""

    def group(group_id: str, more: str) -> str:
        return (
            f"id: {group_id}\nname: Study Group {group_id}\nkind: study-group\n"
            f"regional_balance: true\n{more}management:\n{CHAIR_ONLY}"
        )

    files: dict[str, str | bytes | None] = {
        "data/groups/sg2.yaml": group("sg2", "established: {date: 2026-06-01, by: WTSA-24}\n"),
        "data/groups/sg3.yaml": group("sg3", "established: {date: 2026-06-02, by: WTSA-24}\n"),
        "data/groups/sg4.yaml": group("sg4", "closed: 2026-05-31\n"),
        "data/groups/sg16.yaml": group("sg16", "closed: 2026-12-31\n"),
    }
    data = make_dataset(tmp_path, files)  # fg-ai4h, sg17 and tsag: no regional balance
    loaded = datasets.load(data, date(2026, 6, 1))
    on = date(2026, 6, 1)
    assert [team.group for team in seats_at(loaded.groups, on)] == ["sg2", "sg16"]
    assert [team["group"] for team in balance_json(data, "--date", "2026-06-01")["seats"]] == [
        "sg2",
        "sg16",
    ]


# --- who counts how often, in which order ---------------------------------------------


def test_two_people_of_one_country_count_twice_and_one_person_once(tmp_path: Path) -> None:
    speakers = (
        "{name: Grace Kamau, country: KE}, {name: John Otieno, country: KE}, "
        "{name: Grace Kamau, country: KE}, {name: Grace Kamau, country: UG}"
    )
    figures = _year(tmp_path, "nairobi", "2026-03-10", speakers)
    assert figures.tallies["speakers"].total == 3
    assert figures.tallies["speakers"].regions["africa"] == 3


def test_the_events_of_a_year_in_the_order_of_their_dates(tmp_path: Path) -> None:
    """By start date, then by id: a file in another year's folder (``wrong-folder``) still
    counts in the year it starts."""
    files: dict[str, str | bytes | None] = {
        "data/events/2026/alpha.yaml": _event("alpha", "2026-09-01", ""),
        "data/events/2026/zeta.yaml": _event("zeta", "2026-03-01", ""),
        "data/events/2027/beta.yaml": _event("beta", "2026-03-01", ""),
    }
    loaded = datasets.load(make_dataset(tmp_path, files), date(2026, 12, 31))
    assert year_balance(loaded.events, 2026).events == ["beta", "zeta", "alpha"]


# --- fellowship recipients: by_country, and granted beyond it ------------------------------


def _fellows(tmp_path: Path, fellowships: str) -> Tally:
    head, rest = HELD.split("fellowships: ")
    event = head + f"fellowships: {fellowships}\n" + rest.split("\n", 1)[1]
    data = make_dataset(tmp_path, {"data/events/2026/cairo.yaml": event})
    return year_balance(datasets.load(data, date(2026, 11, 28)).events, 2026).fellows


def test_fellows_named_by_country_and_the_rest_unknown(tmp_path: Path) -> None:
    fellows = _fellows(tmp_path, "{offered: true, granted: 9, by_country: {KE: 3, HT: 2, NP: 3}}")
    assert fellows.total == 9
    assert fellows.regions == regions(africa=3, americas=2, asia_pacific=3, unknown=1)
    assert (fellows.categories["ldc"], fellows.categories["sids"]) == (5, 2)


def test_fellows_named_by_country_all_of_them(tmp_path: Path) -> None:
    fellows = _fellows(tmp_path, "{offered: true, granted: 5, by_country: {KE: 3, HT: 2}}")
    assert fellows.total == 5
    assert fellows.regions == regions(africa=3, americas=2)


def test_fellows_named_beyond_granted_count_as_named(tmp_path: Path) -> None:
    """``fellowships-mismatch`` reports it; the tally neither drops nor subtracts anyone."""
    fellows = _fellows(tmp_path, "{offered: true, granted: 2, by_country: {KE: 3}}")
    assert fellows.total == 3
    assert fellows.regions == regions(africa=3)
    offered = _fellows(tmp_path / "b", "{offered: true}")
    assert offered.total == 0


# --- the same figures from the validation cache ------------------------------------------


def balance_cold_and_warm(
    data: Path, monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``wsg balance`` as JSON before ``wsg validate`` filled the cache, and after it, when
    every record comes out of the cache (unpickled: equal strings, not the parser's
    interned ones, so a comparison with ``is`` where ``==`` is meant shows)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(data.parent / "user-cache"))
    monkeypatch.delenv("WSG_NO_CACHE", raising=False)
    cold = balance_json(data, *args)
    assert run_wsg("validate", "--data", str(data), "--today", "2026-12-31").code in (0, 1)
    restored: list[bool] = []
    restore = FileCache.restore

    def counting(cache: FileCache, source: datasets.SourceFile) -> bool:
        restored.append(restore(cache, source))
        return restored[-1]

    monkeypatch.setattr(FileCache, "restore", counting)
    warm = balance_json(data, *args)
    assert restored and all(restored), "every record from the cache"
    return cold, warm


def test_the_balance_from_the_cache_is_the_balance_from_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = dict(FILES)
    files["data/groups/wsg.yaml"] = GROUP.replace(
        "themes:",
        "  - {role: vice-chairman, name: Jan Kowalski, country: PL, term: {start: 2025-01-20}}\n"
        "themes:",
    )  # a vice-chairman without region: listed last, as an unplaced vice-chairman
    cold, warm = balance_cold_and_warm(
        make_dataset(tmp_path, files), monkeypatch, "--date", "2026-11-28"
    )
    assert cold["seats"][0]["seats"][-1]["holder"] == "Jan Kowalski"
    assert warm == cold
