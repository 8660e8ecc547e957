"""The iCalendar writer: lines, escapes and VTIMEZONEs that icalendar reads back exactly."""

# The calendar text uses the en dash (30 to 31 December, 09:30 to 10:00) on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsg import __version__
from wsg.history import FileRevision
from wsg.model import Day, Decision, Event, Person, Postponement, Proposal, Session, Venue
from wsg.render import agenda, ics, times
from wsg.render.agenda import Context


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
    "Africa/Sao_Tome",  # to +01 on 1 January 2018, back to GMT on 1 January 2019
]


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


# --- what a calendar application reads, line by line -------------------------------------
# Expected lines are written out here, never computed by the writer under test.


def sao_paulo_event() -> Event:
    """Two days at the end of 2026 in a zone behind UTC without daylight saving."""
    return Event(
        id="2026-12-sp",
        title="Workshop; São Paulo, day one",
        kind="workshop",
        status="announced",
        start=date(2026, 12, 30),
        end=date(2026, 12, 31),
        timezone="America/Sao_Paulo",
        format="hybrid",
        venue=Venue(city="São Paulo", country="BR", place="Anatel"),
        organizers=["sg16", "sg17"],
        approval=Decision(date=date(2026, 6, 1)),
        announcement=Decision(date=date(2026, 9, 15), url="https://www.itu.int/c7"),
        programme=[
            Day(date=date(2026, 12, 30), sessions=[
                Session(start="09:00", end="10:30", title="Opening", kind="keynote",
                        room="Sala 1",
                        chairs=[Person(name="Ana Lima", affiliation="Anatel", country="BR")],
                        speakers=[Person(name="Li Wei", country="CN",
                                         presentation="https://example.org/li.pdf"),
                                  Person(name="Sione Taufa")]),
                Session(start="10:30", end="11:00", title="Coffee", kind="break"),
            ]),
            Day(date=date(2026, 12, 31), sessions=[
                Session(start="16:00", title="Closing"),
                Session(title="Visit of the lab"),  # no time yet: no entry
            ]),
        ],
    )  # fmt: skip


SITE = "https://wsg.example/"


def test_an_agenda_calendar_byte_by_byte() -> None:
    """Escaped, folded, CRLF-terminated; the sessions in their zone, the event as all-day dates."""
    context = Context(date(2026, 11, 2), site_url=SITE, group_name=str.upper)
    written = ics.agenda_calendar(agenda.build(sao_paulo_event(), context))
    assert written.endswith(b"END:VCALENDAR\r\n")
    assert written.decode("utf-8").split("\r\n") == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//ITU-T WSG//wsg {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Workshop\\; São Paulo\\, day one",
        "BEGIN:VTIMEZONE",
        "TZID:America/Sao_Paulo",
        "BEGIN:STANDARD",
        "DTSTART:20260101T000000",
        "TZNAME:-03",
        "TZOFFSETFROM:-0300",
        "TZOFFSETTO:-0300",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "SUMMARY:Workshop\\; São Paulo\\, day one",
        "DTSTART;VALUE=DATE:20261230",
        "DTEND;VALUE=DATE:20270101",  # the day after the last: DTEND is exclusive
        "DTSTAMP:20260915T000000Z",
        "LAST-MODIFIED:20260915T000000Z",
        "SEQUENCE:2",
        "UID:2026-12-sp@wsg.itu.int",
        "CATEGORIES:workshop",
        "DESCRIPTION:Workshop\\, 30–31 December 2026\\nStatus: Announced\\nOrganized",
        "  by: SG16\\, SG17\\nhttps://www.itu.int/c7",
        "LOCATION:Anatel\\, São Paulo\\, Brazil and online",
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",
        "URL:https://wsg.example/events/2026-12-sp.html",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "SUMMARY:Opening",
        "DTSTART;TZID=America/Sao_Paulo:20261230T090000",
        "DTEND;TZID=America/Sao_Paulo:20261230T103000",
        "DTSTAMP:20260915T000000Z",
        "LAST-MODIFIED:20260915T000000Z",
        "SEQUENCE:2",
        "UID:2026-12-sp-20261230-opening@wsg.itu.int",
        "CATEGORIES:keynote",
        "DESCRIPTION:Workshop\\; São Paulo\\, day one\\nChair: Ana Lima (Anatel\\, Bra",
        " zil)\\nSpeaker: Li Wei (China) – slides: https://example.org/li.pdf\\nSpea",
        " ker: Sione Taufa",
        "LOCATION:Sala 1\\, Anatel\\, São Paulo\\, Brazil and online",
        "RELATED-TO:2026-12-sp@wsg.itu.int",
        "STATUS:CONFIRMED",
        "URL:https://wsg.example/events/2026-12-sp.html#session-20261230-opening",
        "END:VEVENT",
        "BEGIN:VEVENT",  # the coffee break is no entry; a session without an end has no DTEND
        "SUMMARY:Closing",
        "DTSTART;TZID=America/Sao_Paulo:20261231T160000",
        "DTSTAMP:20260915T000000Z",
        "LAST-MODIFIED:20260915T000000Z",
        "SEQUENCE:2",
        "UID:2026-12-sp-20261231-closing@wsg.itu.int",
        "CATEGORIES:talk",
        "DESCRIPTION:Workshop\\; São Paulo\\, day one",
        "LOCATION:Anatel\\, São Paulo\\, Brazil and online",
        "RELATED-TO:2026-12-sp@wsg.itu.int",
        "STATUS:CONFIRMED",
        "URL:https://wsg.example/events/2026-12-sp.html#session-20261231-closing",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]


def test_an_event_with_nothing_but_a_start_is_one_all_day_entry() -> None:
    """No id, title, kind, status or site: every line still says something a reader can use."""
    event = Event(start=date(2026, 5, 4))
    state = ics.Revision(sequence=0, modified=None, stamp=datetime(2026, 5, 4, tzinfo=UTC))
    assert ics.whole_event(event, Context(date(2026, 4, 1)), state) == [
        "BEGIN:VEVENT",
        "SUMMARY:event",
        "DTSTART;VALUE=DATE:20260504",
        "DTEND;VALUE=DATE:20260505",
        "DTSTAMP:20260504T000000Z",
        "SEQUENCE:0",
        "UID:event@wsg.itu.int",
        "DESCRIPTION:Event\\, 4 May 2026\\nStatus: unknown",
        "LOCATION:venue to be confirmed",
        "STATUS:TENTATIVE",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    # an end before the start (the validator's finding): one day, never a negative span
    event.end = date(2026, 5, 1)
    assert "DTEND;VALUE=DATE:20260505" in ics.whole_event(event, Context(date(2026, 4, 1)), state)


def test_without_a_site_the_circular_is_the_entrys_url() -> None:
    event = Event(
        id="x", title="X", start=date(2026, 5, 4),
        announcement=Decision(date=date(2026, 3, 1), url="https://www.itu.int/c9"),
    )  # fmt: skip
    state = ics.Revision(sequence=1, modified=None, stamp=datetime(2026, 3, 1, tzinfo=UTC))
    lines = ics.whole_event(event, Context(date(2026, 4, 1)), state)
    assert "URL:https://www.itu.int/c9" in lines
    assert "DESCRIPTION:Event\\, 4 May 2026\\nStatus: unknown\\nhttps://www.itu.int/c9" in lines


@pytest.mark.parametrize(
    ("status", "postponement", "line"),
    [
        ("proposed", None, "TENTATIVE"),
        ("approved", None, "TENTATIVE"),
        ("announced", None, "CONFIRMED"),
        ("held", None, "CONFIRMED"),
        ("cancelled", None, "CANCELLED"),
        (None, None, "TENTATIVE"),
        ("postponed", None, "TENTATIVE"),
        ("postponed", Postponement(reason="host"), "TENTATIVE"),  # new dates to be announced
        ("postponed", Postponement(to="x"), "TENTATIVE"),  # new dates in this very file
        ("postponed", Postponement(to="y"), "CANCELLED"),  # the other event's entries take over
        ("postponed", Postponement(to="w"), "CANCELLED"),  # whichever way the ids sort
        ("announced", Postponement(to="y"), "CONFIRMED"),  # no longer postponed
    ],
)
def test_status(status: str | None, postponement: Postponement | None, line: str) -> None:
    assert ics.status(Event(id="x", status=status, postponement=postponement)) == line


def test_a_postponement_to_the_events_own_id_is_told_by_value() -> None:
    """The same id spelled by two strings (as two readings of a file give) is this very file."""
    own, named = "".join(["wtsa", "-2026"]), "".join(["wtsa-", "2026"])
    assert own == named and own is not named
    event = Event(id=own, status="postponed", postponement=Postponement(to=named))
    assert ics.status(event) == "TENTATIVE"
    # and the status too: a record read back from the validation cache holds its own strings
    status = "".join(["post", "poned"])
    elsewhere = Event(id=own, status=status, postponement=Postponement(to="wtsa-2028"))
    assert ics.status(elsewhere) == "CANCELLED"


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("a\\b;c,d\ne", "SUMMARY:a\\\\b\\;c\\,d\\ne"),
        ("a\r\nb\rc", "SUMMARY:a\\nb\\nc"),
        ("tab\tstays\x00\x1f\x7f", "SUMMARY:tab\tstays"),
        ("café: 10:00", "SUMMARY:café: 10:00"),  # a colon needs no escape in a value
    ],
)
def test_text_escapes(value: str, line: str) -> None:
    assert ics._text("SUMMARY", value) == line


def test_a_uri_is_written_as_it_is_but_for_control_characters() -> None:
    assert ics._uri("URL", "https://a.example/x,y;z\x00") == "URL:https://a.example/x,y;z"


@pytest.mark.parametrize(
    ("line", "physical"),
    [
        ("X" * 74, ["X" * 74]),
        ("é" * 37, ["é" * 37]),  # 74 octets
        # from 75 octets on, 74 a line and a space: the first line and the next alike
        ("X" * 75, ["X" * 74, " X"]),
        ("é" * 37 + "X", ["é" * 37, " X"]),
        ("X" * 149, ["X" * 74, " " + "X" * 74, " X"]),
        ("é" * 40, ["é" * 37, " " + "é" * 3]),  # never inside a character
        ("a" * 72 + "\\," + "b", ["a" * 72 + "\\,", " b"]),
        ("a" * 73 + "\\," + "b", ["a" * 73, " \\,b"]),  # the escape moves whole
        ("a" * 147 + "\\,b", ["a" * 74, " " + "a" * 73, " \\,b"]),  # and at the second fold
        ("a" * 72 + "€" + "b" * 9, ["a" * 72, " €" + "b" * 9]),  # three octets: 72 + 3 > 74
        ("a" * 73 + "é" + "b", ["a" * 73, " éb"]),  # é is C3 A9: A9 falls on octet 75
        # a fold moved back one octet: the next still holds 74, not one more (an odd start)
        ("a" * 73 + "é" + "b" * 150, ["a" * 73, " é" + "b" * 72, " " + "b" * 74, " bbbb"]),
    ],
)
def test_folding(line: str, physical: list[str]) -> None:
    assert ics._fold(line).split("\r\n") == physical


def test_a_date_time_with_a_fixed_offset_is_written_in_utc() -> None:
    moment = datetime(2026, 3, 29, 9, 30, tzinfo=timezone(timedelta(hours=-3)))
    assert ics._moment("DTEND", moment) == "DTEND:20260329T123000Z"


def test_an_event_in_utc_has_no_vtimezone() -> None:
    event = Event(
        id="u", title="U", start=date(2026, 5, 4), timezone="UTC",
        programme=[Day(date=date(2026, 5, 4), sessions=[
            Session(start="09:00", end="10:00", title="Talk")])],
    )  # fmt: skip
    written = ics.agenda_calendar(agenda.build(event, Context(date(2026, 4, 1)))).decode()
    assert "BEGIN:VTIMEZONE" not in written
    assert "\r\nDTSTART:20260504T090000Z\r\nDTEND:20260504T100000Z\r\n" in written


def test_a_zone_named_utc_in_a_file_is_written_as_utc() -> None:
    """The zone's key is the string read from the file: compared by value, never by identity."""
    read = ZoneInfo.no_cache("".join(["U", "TC"]))  # a new string, as a YAML parser gives it
    moment = datetime(2026, 5, 4, 9, 0, tzinfo=read)
    assert ics._moment("DTSTART", moment) == "DTSTART:20260504T090000Z"
    assert ics._zones_in_use(one_session_at(moment)) == {}


def test_a_zone_after_utc_in_the_alphabet_is_a_zone_like_any_other() -> None:
    """W-SU (Moscow's old name) sorts after UTC: keys are compared for equality, not order."""
    moment = datetime(2026, 7, 1, 9, 0, tzinfo=ZoneInfo("W-SU"))
    assert ics._moment("DTSTART", moment) == "DTSTART;TZID=W-SU:20260701T090000"
    assert ics._zones_in_use(one_session_at(moment)) == {"W-SU": (2026, 2026)}


def one_session_at(moment: datetime) -> agenda.AgendaView:
    """The agenda of one session starting at ``moment``, in whatever zone it carries."""
    event = Event(
        id="u", start=moment.date(), timezone="UTC",
        programme=[Day(date=moment.date(), sessions=[Session(start="09:00", title="T")])],
    )  # fmt: skip
    view = agenda.build(event, Context(date(2026, 4, 1)))
    return replace(view, sessions=tuple(replace(s, start=moment) for s in view.sessions))


@pytest.mark.parametrize(
    ("days", "years"),
    [
        ([date(2026, 6, 1)], (2026, 2026)),
        ([date(2026, 1, 1)], (2025, 2026)),  # one day before: 31 December 2025
        ([date(2026, 1, 2)], (2026, 2026)),
        ([date(2026, 12, 30)], (2026, 2027)),  # its end may run into the next day
        ([date(2026, 12, 29)], (2026, 2026)),
        ([date(2027, 12, 31), date(2026, 12, 31), date(2027, 2, 1)], (2026, 2028)),
    ],
)
def test_the_vtimezone_covers_the_years_of_the_sessions_and_a_day_either_side(
    days: list[date], years: tuple[int, int]
) -> None:
    event = Event(
        id="z", start=min(days), end=max(days), timezone="Asia/Kolkata",
        programme=[Day(date=d, sessions=[Session(start="12:00", title="T")]) for d in days],
    )  # fmt: skip
    view = agenda.build(event, Context(date(2026, 1, 1)))
    assert ics._zones_in_use(view) == {"Asia/Kolkata": years}


def test_a_vtimezone_over_two_years_of_a_zone_that_falls_back_to_utc() -> None:
    """London: GMT is +0000, never -0000, and each change starts at the wall time it ends."""
    assert ics.vtimezone("Europe/London", 2026, 2027) == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "BEGIN:STANDARD",
        "DTSTART:20260101T000000",
        "TZNAME:GMT",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0000",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:20260329T010000",
        "TZNAME:BST",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20261025T020000",
        "TZNAME:GMT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:20270328T010000",
        "TZNAME:BST",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20271031T020000",
        "TZNAME:GMT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def test_a_change_in_january_belongs_to_its_own_year_only() -> None:
    """Fiji's daylight saving ended in mid-January: each year lists its own end, once."""
    lines = ics.vtimezone("Pacific/Fiji", 2018, 2019)
    assert [line for line in lines if line.startswith(("DTSTART", "TZOFFSETTO"))] == [
        "DTSTART:20180101T000000", "TZOFFSETTO:+1300",
        "DTSTART:20180114T030000", "TZOFFSETTO:+1200",
        "DTSTART:20181104T020000", "TZOFFSETTO:+1300",
        "DTSTART:20190113T030000", "TZOFFSETTO:+1200",
        "DTSTART:20191110T020000", "TZOFFSETTO:+1300",
    ]  # fmt: skip


def test_lord_howe_names_its_half_hour_offsets() -> None:
    """Daylight saving from 1 January (southern summer), +1030 in winter; names are offsets."""
    lines = ics.vtimezone("Australia/Lord_Howe", 2026, 2026)
    assert lines[2:8] == [
        "BEGIN:DAYLIGHT", "DTSTART:20260101T000000", "TZNAME:+11",
        "TZOFFSETFROM:+1100", "TZOFFSETTO:+1100", "END:DAYLIGHT",
    ]  # fmt: skip
    assert lines[8:14] == [
        "BEGIN:STANDARD", "DTSTART:20260405T020000", "TZNAME:+1030",
        "TZOFFSETFROM:+1100", "TZOFFSETTO:+1030", "END:STANDARD",
    ]  # fmt: skip


class Renamed(tzinfo):
    """UTC all along, but called B from one instant to another: changes to the second."""

    def __init__(self, begin: datetime, end: datetime) -> None:
        self.begin, self.end = begin.replace(tzinfo=None), end.replace(tzinfo=None)

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        inside = dt is not None and self.begin <= dt.replace(tzinfo=None) < self.end
        return "B" if inside else "A"


NEW_YEAR = datetime(2026, 1, 1, tzinfo=UTC)


def test_a_change_is_found_to_the_second_wherever_it_falls_in_the_day() -> None:
    """And one 25 hours later, back again: no zone changes twice within a day, some within two."""
    for seconds in [1, 2, 3, 4, 5, *range(59, 86_400, 3_613), 86_398, 86_399]:
        change = NEW_YEAR + timedelta(seconds=seconds)
        back = change + timedelta(hours=25)
        found = list(ics._changes(Renamed(change, back), NEW_YEAR, NEW_YEAR + timedelta(days=4)))
        assert found == [change, back], seconds


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(0), "+0000"),
        (timedelta(seconds=-1), "-000001"),
        (timedelta(hours=-1, seconds=-30), "-010030"),
        (timedelta(hours=13, minutes=45), "+1345"),
    ],
)
def test_offsets(delta: timedelta, text: str) -> None:
    assert ics._offset(delta) == text


FILE = "data/events/2026/2026-10-x.yaml"
COMMITTED = FileRevision(commits=5, last=datetime(2026, 9, 1, 14, 3, 7, tzinfo=UTC))


@pytest.mark.parametrize(
    ("today", "stamp"),
    [
        (date(2026, 9, 2), COMMITTED.last),
        (date(2026, 9, 1), COMMITTED.last),  # committed today
        (date(2026, 8, 31), datetime(2026, 8, 31, tzinfo=UTC)),  # never after today
    ],
)
def test_a_committed_file_gives_the_revision(today: date, stamp: datetime) -> None:
    event = Event(file=FILE, approval=Decision(date=date(2026, 5, 2)))
    assert ics.revision(event, today, {FILE: COMMITTED}) == ics.Revision(
        sequence=5, modified=COMMITTED.last, stamp=stamp
    )


def test_a_file_git_does_not_know_is_revised_by_its_decisions() -> None:
    decided = ics.Revision(
        sequence=1,
        modified=datetime(2026, 5, 2, tzinfo=UTC),
        stamp=datetime(2026, 5, 2, tzinfo=UTC),
    )
    event = Event(file=FILE, approval=Decision(date=date(2026, 5, 2)))
    assert ics.revision(event, date(2026, 9, 2), {"data/events/other.yaml": COMMITTED}) == decided
    assert ics.revision(event, date(2026, 9, 2), None) == decided
    unnamed = Event(approval=Decision(date=date(2026, 5, 2)))
    assert ics.revision(unnamed, date(2026, 9, 2), {"": COMMITTED}) == decided


def test_decisions_dated_today_count_and_undated_ones_do_not() -> None:
    event = Event(
        start=date(2026, 9, 1),
        proposal=Proposal(date=date(2026, 1, 5)),
        approval=Decision(date=date(2026, 3, 1)),
        announcement=Decision(date=None, ref="TSB Circular 1"),
        postponement=Postponement(date=date(2026, 4, 1)),
    )
    april = datetime(2026, 4, 1, tzinfo=UTC)
    assert ics.decided_revision(event, date(2026, 4, 1)) == ics.Revision(2, april, april)
    march = datetime(2026, 3, 1, tzinfo=UTC)
    assert ics.decided_revision(event, date(2026, 3, 31)) == ics.Revision(1, march, march)
    # the proposal dates the entry but is no decision: SEQUENCE stays 0
    january = datetime(2026, 1, 5, tzinfo=UTC)
    assert ics.decided_revision(event, date(2026, 2, 1)) == ics.Revision(0, january, january)


# The slowest test, last (pytest -x stops at a quicker one first)


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
