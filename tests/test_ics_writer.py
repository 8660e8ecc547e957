"""The iCalendar writer: lines, escapes and VTIMEZONEs that icalendar reads back exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsg.render import ics, times


def read_back(lines: list[str]) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(ics._calendar("test", [lines]))


def text_event(value: str) -> list[str]:
    return ics._component("VEVENT", [ics._text("SUMMARY", value), ics._text("UID", "x@wsg")])


@pytest.mark.parametrize(
    "value",
    [
        "Plain",
        "Commas, semicolons; and a back\\slash",
        "Two\nlines",
        "Ends with a backslash \\",
        "x" * 73 + "\\,",  # the escape falls on the fold
        "é" * 80,  # two octets each: never split inside a character
        "数" * 40 + "," * 30,
    ],
)
def test_text_reads_back_as_written(value: str) -> None:
    (entry,) = read_back(text_event(value)).walk("VEVENT")
    assert str(entry["summary"]) == value


def test_control_characters_are_dropped_and_carriage_returns_become_line_breaks() -> None:
    (entry,) = read_back(text_event("a\x00b\x1bc\td\r\ne\rf")).walk("VEVENT")
    assert str(entry["summary"]) == "abc\td\ne\nf"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_every_line_fits_75_octets_and_unfolds_to_the_property(value: str) -> None:
    line = ics._text("DESCRIPTION", value)
    folded = ics._fold(line)
    physical = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert "".join([physical[0], *(part[1:] for part in physical[1:])]) == line


@pytest.mark.parametrize(
    ("moment", "line"),
    [
        (datetime(2026, 3, 29, 9, 30, tzinfo=ZoneInfo("Europe/Zurich")),
         "DTSTART;TZID=Europe/Zurich:20260329T093000"),
        (datetime(2026, 3, 29, 9, 30, tzinfo=UTC), "DTSTART:20260329T093000Z"),
        (datetime(2026, 3, 29, 9, 30, tzinfo=ZoneInfo("UTC")), "DTSTART:20260329T093000Z"),
        (datetime(2026, 3, 29, 9, 30), "DTSTART:20260329T093000"),
    ],
)  # fmt: skip
def test_date_times_carry_their_zone(moment: datetime, line: str) -> None:
    assert ics._moment("DTSTART", moment) == line


ZONES = [
    "Europe/Zurich",
    "America/Sao_Paulo",  # DST until 2019, then none
    "Australia/Lord_Howe",  # half an hour of daylight saving
    "Africa/Casablanca",  # leaves and resumes +01 around Ramadan
    "Asia/Kathmandu",  # +05:45
    "America/St_Johns",  # -03:30 and -02:30
    "Pacific/Apia",  # DST dropped in 2021
    "Africa/Nairobi",  # no change at all
    "Asia/Tehran",  # DST dropped in 2022
]


@pytest.mark.parametrize("key", ZONES)
@pytest.mark.parametrize("years", [(2018, 2019), (2026, 2026)])
def test_vtimezone_alone_gives_zoneinfos_offset_every_hour(
    key: str, years: tuple[int, int]
) -> None:
    """A client that trusts only the VTIMEZONE reads every local time of those years right.

    Local times that a change skips or repeats are left out: they name no single instant.
    """
    first, last = years
    calendar = read_back(ics.vtimezone(key, first, last))
    (component,) = calendar.walk("VTIMEZONE")
    from_vtimezone = component.to_tz(lookup_tzid=False)
    zone = ZoneInfo(key)
    # the calendar holds one day either side of its sessions: no client asks about the edges
    moment = datetime(first, 1, 2, tzinfo=zone).astimezone(UTC)
    stop = datetime(last, 12, 31, tzinfo=zone).astimezone(UTC)
    checked = 0
    while moment < stop:
        local = moment.astimezone(zone)
        wall = local.replace(tzinfo=None)
        single = (
            wall.replace(tzinfo=zone, fold=0).utcoffset()
            == wall.replace(tzinfo=zone, fold=1).utcoffset()
        )
        if single:
            assert wall.replace(tzinfo=from_vtimezone).utcoffset() == local.utcoffset(), local
            checked += 1
        moment += timedelta(hours=1)
    assert checked > 360 * 24 * (last - first + 1)


@pytest.mark.parametrize("key", ZONES)
def test_vtimezone_changes_are_zoneinfos_changes(key: str) -> None:
    """Each observance after the first starts at an instant where zoneinfo's offset changes."""
    zone = ZoneInfo(key)
    lines = ics.vtimezone(key, 2018, 2023)
    onsets = [line.split(":")[1] for line in lines if line.startswith("DTSTART")][1:]
    offsets_from = [line.split(":")[1] for line in lines if line.startswith("TZOFFSETFROM")][1:]
    offsets_to = [line.split(":")[1] for line in lines if line.startswith("TZOFFSETTO")][1:]
    found = []
    for onset, before, after in zip(onsets, offsets_from, offsets_to, strict=True):
        sign = -1 if before.startswith("-") else 1
        shift = timedelta(hours=int(before[1:3]), minutes=int(before[3:5])) * sign
        instant = (datetime.strptime(onset, "%Y%m%dT%H%M%S") - shift).replace(tzinfo=UTC)
        assert ics._offset(instant.astimezone(zone).utcoffset() or timedelta(0)) == after
        found.append(instant)
    expected = [
        change.astimezone(UTC)
        for _, change in times.transitions(date(2018, 1, 1), date(2023, 12, 31), zone)
    ]
    second = timedelta(seconds=1)
    shifts = [
        f
        for f in found
        if f.astimezone(zone).utcoffset() != (f - second).astimezone(zone).utcoffset()
    ]
    assert shifts == expected  # the others change the name or DST flag, not the offset


def test_vtimezone_observances_start_at_the_local_time_of_the_offset_they_end() -> None:
    """RFC 5545, 3.6.5: Zurich springs forward at 02:00 CET and falls back at 03:00 CEST."""
    lines = ics.vtimezone("Europe/Zurich", 2026, 2026)
    starts = [line for line in lines if line.startswith("DTSTART")]
    assert starts == [
        "DTSTART:20260101T000000",
        "DTSTART:20260329T020000",
        "DTSTART:20261025T030000",
    ]
    assert "TZOFFSETFROM:+0545" in ics.vtimezone("Asia/Kathmandu", 2026, 2026)


def test_a_zone_without_changes_has_one_observance() -> None:
    lines = ics.vtimezone("Africa/Nairobi", 2025, 2027)
    assert lines.count("BEGIN:STANDARD") == 1 and "BEGIN:DAYLIGHT" not in lines
    assert "TZNAME:EAT" in lines


def test_offsets_with_seconds_keep_them() -> None:
    assert ics._offset(timedelta(hours=-3, minutes=-30)) == "-0330"
    assert ics._offset(timedelta(minutes=17, seconds=30)) == "+001730"


def test_site_calendar_lists_every_dated_event_as_an_all_day_entry() -> None:
    from wsg.model import Event
    from wsg.render.agenda import Context

    events = [
        Event(id="a", title="A, b", kind="workshop", status="held",
              start=date(2026, 5, 4), end=date(2026, 5, 5)),
        Event(id="b", title="No date"),
    ]  # fmt: skip
    calendar = icalendar.Calendar.from_ical(
        ics.site_calendar(events, "All", Context(date(2026, 6, 1)))
    )
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "A, b"
    assert entry.decoded("dtstart") == date(2026, 5, 4)
    assert entry.decoded("dtend") == date(2026, 5, 6)
    assert str(calendar["x-wr-calname"]) == "All"
