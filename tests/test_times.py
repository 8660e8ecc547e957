"""wsg/render/times.py on both sides of UTC: offsets, abbreviations, instants, changes.

Every format (md, html, ics, json) takes its times from these functions, so each
is pinned here for zones behind UTC, at UTC+13 and more, with half- and
three-quarter-hour offsets, and across northern and southern daylight-saving
changes. Expected values are written out, never computed by the code under test.
"""

# The labels use the en dash on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from wsg.render import times

DAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("name", "offset", "abbreviation", "utc", "iso_local"),
    [
        ("Europe/Zurich", "UTC+01:00", "CET", "2026-03-10T08:30:00Z", "2026-03-10T09:30:00+01:00"),
        ("America/Sao_Paulo", "UTC-03:00", "", "2026-03-10T12:30:00Z", "2026-03-10T09:30:00-03:00"),
        ("America/Port_of_Spain", "UTC-04:00", "AST", "2026-03-10T13:30:00Z",
         "2026-03-10T09:30:00-04:00"),
        ("America/St_Johns", "UTC-02:30", "NDT", "2026-03-10T12:00:00Z",
         "2026-03-10T09:30:00-02:30"),
        ("Asia/Kolkata", "UTC+05:30", "IST", "2026-03-10T04:00:00Z", "2026-03-10T09:30:00+05:30"),
        ("Asia/Dhaka", "UTC+06:00", "", "2026-03-10T03:30:00Z", "2026-03-10T09:30:00+06:00"),
        ("Asia/Kathmandu", "UTC+05:45", "", "2026-03-10T03:45:00Z", "2026-03-10T09:30:00+05:45"),
        ("Pacific/Apia", "UTC+13:00", "", "2026-03-09T20:30:00Z", "2026-03-10T09:30:00+13:00"),
        ("Pacific/Tongatapu", "UTC+13:00", "", "2026-03-09T20:30:00Z",
         "2026-03-10T09:30:00+13:00"),
        ("Pacific/Chatham", "UTC+13:45", "", "2026-03-09T19:45:00Z", "2026-03-10T09:30:00+13:45"),
        ("Pacific/Kiritimati", "UTC+14:00", "", "2026-03-09T19:30:00Z",
         "2026-03-10T09:30:00+14:00"),
        # abbreviations that sort after "UTC" are kept
        ("Africa/Lagos", "UTC+01:00", "WAT", "2026-03-10T08:30:00Z", "2026-03-10T09:30:00+01:00"),
        ("Asia/Jakarta", "UTC+07:00", "WIB", "2026-03-10T02:30:00Z", "2026-03-10T09:30:00+07:00"),
        ("Europe/Lisbon", "UTC+00:00", "WET", "2026-03-10T09:30:00Z", "2026-03-10T09:30:00+00:00"),
        ("UTC", "UTC+00:00", "", "2026-03-10T09:30:00Z", "2026-03-10T09:30:00+00:00"),
    ],
)  # fmt: skip
def test_half_past_nine_on_10_march_2026(
    name: str, offset: str, abbreviation: str, utc: str, iso_local: str
) -> None:
    where = times.zone(name)
    assert where is not None
    moment = times.local(DAY, "09:30", where)
    assert moment is not None
    assert times.offset(moment) == offset
    assert times.abbreviation(moment) == abbreviation
    label = f"{abbreviation} ({offset})" if abbreviation else f"({offset})"
    assert times.zone_label(moment) == label
    assert times.zone_text(moment) == (f"{abbreviation} ({offset})" if abbreviation else offset)
    assert times.label(moment) == f"09:30 {label}"
    assert times.utc_text(moment) == utc
    assert times.utc(moment) == datetime.fromisoformat(utc)
    assert times.utc(moment).tzinfo is UTC
    assert times.iso_local(moment) == iso_local


@pytest.mark.parametrize(
    ("minutes", "offset"),
    [(-61, "UTC-01:01"), (-1, "UTC-00:01"), (0, "UTC+00:00"), (1, "UTC+00:01"), (61, "UTC+01:01")],
)
def test_the_sign_of_an_offset_changes_at_zero(minutes: int, offset: str) -> None:
    fixed = timezone(timedelta(minutes=minutes))
    assert times.offset(datetime(2026, 3, 10, 9, 30, tzinfo=fixed)) == offset


def test_a_time_without_a_zone_is_taken_as_utc() -> None:
    assert times.offset(datetime(2026, 3, 10, 9, 30)) == "UTC+00:00"
    assert times.abbreviation(datetime(2026, 3, 10, 9, 30)) == ""


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Europe/Zurich", True),
        ("America/Argentina/Buenos_Aires", True),
        ("UTC", True),
        ("CET", False),  # an abbreviation, not a place
        ("EST", False),
        ("WET", False),
        ("Zulu", False),
        ("Europe/Atlantis", False),
        ("../../etc/passwd", False),
        ("Europe//Zurich", False),
        ("", False),
        (None, False),
    ],
)
def test_zone(name: str | None, found: bool) -> None:
    where = times.zone(name)
    assert (where is not None) is found
    if found:
        assert isinstance(where, ZoneInfo) and where.key == name


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("00:00", time(0, 0)),
        ("09:05", time(9, 5)),
        ("19:59", time(19, 59)),
        ("23:59", time(23, 59)),
        ("24:00", None),
        ("23:60", None),
        ("9:30", None),
        ("09:30 ", None),
        (" 09:30", None),
        ("09.30", None),
        ("", None),
        (None, None),
    ],
)
def test_wall_time(text: str | None, clock: time | None) -> None:
    assert times.wall_time(text) == clock


def test_local_needs_a_day_and_a_time() -> None:
    zurich = ZoneInfo("Europe/Zurich")
    assert times.local(None, "09:30", zurich) is None
    assert times.local(DAY, "9:30", zurich) is None
    assert times.local(DAY, None, zurich) is None
    assert times.local(DAY, "09:30", zurich) == datetime(2026, 3, 10, 9, 30, tzinfo=zurich)


ZURICH = ZoneInfo("Europe/Zurich")
SPRING = date(2026, 3, 29)  # 02:00 CET becomes 03:00 CEST
AUTUMN = date(2026, 10, 25)  # 03:00 CEST becomes 02:00 CET


@pytest.mark.parametrize(
    ("day", "start", "end", "label"),
    [
        (SPRING, None, "10:00", "time to be confirmed"),
        (SPRING, "09:30", None, "09:30 CEST (UTC+02:00)"),
        (SPRING, "09:30", "10:00", "09:30–10:00 CEST (UTC+02:00)"),
        (SPRING, "01:30", "03:30", "01:30 CET (UTC+01:00) – 03:30 CEST (UTC+02:00)"),
        # in the hour that does not exist, the offset from before the change (fold=0)
        (SPRING, "02:30", "03:30", "02:30 CET (UTC+01:00) – 03:30 CEST (UTC+02:00)"),
        (AUTUMN, "01:30", "03:30", "01:30 CEST (UTC+02:00) – 03:30 CET (UTC+01:00)"),
        (AUTUMN, "09:30", "10:00", "09:30–10:00 CET (UTC+01:00)"),
    ],
)
def test_range_label_across_a_change(
    day: date, start: str | None, end: str | None, label: str
) -> None:
    first = times.local(day, start, ZURICH)
    last = times.local(day, end, ZURICH)
    assert times.range_label(first, last) == label


def test_clock_is_24_hours_with_leading_zeros() -> None:
    assert times.clock(datetime(2026, 3, 10, 7, 5, tzinfo=ZURICH)) == "07:05"
    assert times.clock(datetime(2026, 3, 10, 19, 0, tzinfo=ZURICH)) == "19:00"


def iso(pairs: list[tuple[datetime, datetime]]) -> list[tuple[str, str]]:
    return [(before.isoformat(), after.isoformat()) for before, after in pairs]


@pytest.mark.parametrize(
    ("name", "first", "last", "changes"),
    [
        ("Europe/Zurich", "2026-03-29", "2026-03-29",
         [("2026-03-29T01:59:00+01:00", "2026-03-29T03:00:00+02:00")]),
        ("Europe/Zurich", "2026-10-25", "2026-10-25",
         [("2026-10-25T02:59:00+02:00", "2026-10-25T02:00:00+01:00")]),
        ("Europe/Zurich", "2026-03-30", "2026-10-24", []),
        # the day before a change at 01:00 local does not include it; the day itself does
        ("Europe/London", "2026-03-28", "2026-03-28", []),
        ("Europe/London", "2026-03-29", "2026-03-29",
         [("2026-03-29T00:59:00+00:00", "2026-03-29T02:00:00+01:00")]),
        # southern autumn: Sydney falls back on the first Sunday of April
        ("Australia/Sydney", "2026-04-04", "2026-04-06",
         [("2026-04-05T02:59:00+11:00", "2026-04-05T02:00:00+10:00")]),
        # Lord Howe moves by half an hour: found to the minute, not to the hour
        ("Australia/Lord_Howe", "2026-04-05", "2026-04-05",
         [("2026-04-05T01:59:00+11:00", "2026-04-05T01:30:00+10:30")]),
        # Chile changes at midnight: the end of the last day is part of the event
        ("America/Santiago", "2026-04-04", "2026-04-04",
         [("2026-04-04T23:59:00-03:00", "2026-04-04T23:00:00-04:00")]),
        ("America/Santiago", "2026-09-05", "2026-09-05",
         [("2026-09-05T23:59:00-04:00", "2026-09-06T01:00:00-03:00")]),
        ("America/Sao_Paulo", "2026-01-01", "2026-12-31", []),
        ("Pacific/Apia", "2026-01-01", "2026-12-31", []),
    ],
)  # fmt: skip
def test_transitions(name: str, first: str, last: str, changes: list[tuple[str, str]]) -> None:
    where = ZoneInfo(name)
    found = times.transitions(date.fromisoformat(first), date.fromisoformat(last), where)
    assert iso(found) == changes


def test_two_changes_in_one_span_are_both_found_in_order() -> None:
    found = times.transitions(date(2026, 3, 1), date(2026, 11, 1), ZURICH)
    assert iso(found) == [
        ("2026-03-29T01:59:00+01:00", "2026-03-29T03:00:00+02:00"),
        ("2026-10-25T02:59:00+02:00", "2026-10-25T02:00:00+01:00"),
    ]


class Changes(tzinfo):
    """A made-up zone: ``hours[0]`` hours, then each next one from its UTC instant on.

    Like any tzinfo may, it answers with a new timedelta each time: equal offsets
    are equal, not the same object (zoneinfo happens to reuse its own).
    """

    def __init__(self, hours: list[float], instants: list[datetime]) -> None:
        self.hours = hours
        self.instants = instants  # naive UTC, one fewer than hours

    def _at(self, utc: datetime) -> timedelta:
        return timedelta(hours=self.hours[sum(utc >= instant for instant in self.instants)])

    def utcoffset(self, dt: datetime | None) -> timedelta:
        assert dt is not None
        local = dt.replace(tzinfo=None)
        offsets = (timedelta(hours=hours) for hours in self.hours)
        return next(o for o in offsets if self._at(local - o) == o)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "MADE-UP"

    def fromutc(self, dt: datetime) -> datetime:
        naive = dt.replace(tzinfo=None)
        return (naive + self._at(naive)).replace(tzinfo=self)


def test_a_change_is_found_to_the_minute() -> None:
    odd = Changes([1, 2], [datetime(2026, 3, 29, 1, 7)])  # no real zone changes at :07
    found = times.transitions(date(2026, 3, 29), date(2026, 3, 29), odd)
    assert iso(found) == [("2026-03-29T02:06:00+01:00", "2026-03-29T03:07:00+02:00")]


def test_a_change_after_the_last_day_is_left_out_even_after_a_short_day() -> None:
    # 29 March has 23 hours here, and the next change comes half an hour into 30 March
    zone = Changes([0, 1, 2], [datetime(2026, 3, 29, 1), datetime(2026, 3, 29, 23, 30)])
    found = times.transitions(date(2026, 3, 29), date(2026, 3, 29), zone)
    assert iso(found) == [("2026-03-29T00:59:00+00:00", "2026-03-29T02:00:00+01:00")]
    both = times.transitions(date(2026, 3, 29), date(2026, 3, 30), zone)
    assert iso(both)[1] == ("2026-03-30T00:29:00+01:00", "2026-03-30T01:30:00+02:00")
