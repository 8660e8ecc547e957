"""closed-group, outcome-in-future, timezone-country and bad-timezone's hint: their edges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from wsg import zones

Check = Callable[..., list[tuple[str, int, int]]]

# fg-ai4h closed on 2023-09-30 in the examples dataset
EVENT = """\
id: demo
title: Workshop on AI
kind: workshop
status: cancelled
start: {start}
end: {start}
timezone: Europe/Zurich
format: virtual
organizers: [sg16, fg-ai4h]
themes: [ai]
cancellation: {{date: 2023-01-10, reason: none}}
"""


def _at(start: str) -> dict[str, str]:
    return {f"data/events/{start[:4]}/demo.yaml": EVENT.format(start=start)}


@pytest.mark.parametrize(
    ("start", "found"),
    [
        ("2023-09-29", []),  # closes the day after the event starts
        ("2023-09-30", []),  # the same day: it still exists
        ("2023-10-01", [("closed-group", 9, 20)]),  # closed the day before
        ("2027-03-01", [("closed-group", 9, 20)]),
    ],
)
def test_organizer_closed_before_the_start(
    check: Check, start: str, found: list[tuple[str, int, int]]
) -> None:
    assert check(_at(start)) == found


HELD = """\
id: demo
title: Workshop on AI
kind: workshop
status: held
start: 2023-06-10
end: 2023-06-10
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
approval: {{date: {approved}, by: fg-ai4h}}
announcement: {{date: 2023-03-15, url: https://www.itu.int/go/demo}}
participation: {{registered: 120, in_person: 0, remote: 100}}
programme:
  - date: 2023-06-10
    sessions:
      - {{start: "09:30", end: "10:00", title: Opening}}
outcomes:
  - {{type: report, title: Report, url: https://www.itu.int/go/r, date: 2023-06-20}}
  - {{type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2023-06-12}}
  - type: liaison
    title: Liaison to the focus group
    url: https://www.itu.int/go/l
    date: {sent}
    to: [sg16, fg-ai4h]
"""


@pytest.mark.parametrize(
    ("approved", "sent", "found"),
    [
        ("2023-01-10", "2023-09-30", []),
        ("2023-01-10", "2023-10-01", [("closed-group", 25, 16)]),
        ("2023-10-01", "2023-06-20", [("closed-group", 11, 34)]),
        ("2023-09-30", "2023-09-29", []),
    ],
)
def test_approval_and_recipients_closed_before_their_dates(
    check: Check, approved: str, sent: str, found: list[tuple[str, int, int]]
) -> None:
    text = HELD.format(approved=approved, sent=sent)
    assert check({"data/events/2023/demo.yaml": text}) == found


def test_the_message_names_both_dates(tmp_path: object) -> None:
    from pathlib import Path

    from tests.conftest import findings_for

    assert isinstance(tmp_path, Path)
    (finding,) = findings_for(tmp_path, _at("2024-02-01"))
    assert finding.message == (
        "organizer 'fg-ai4h' closed on 2023-09-30, before the event starts (2024-02-01); "
        "name the group that carries on its work"
    )


OUTCOME = """\
id: demo
title: Workshop on AI
kind: workshop
status: held
start: 2026-05-20
end: 2026-05-21
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
approval: {date: 2026-01-20, by: tsag}
announcement: {date: 2026-02-15, url: https://www.itu.int/go/demo}
participation: {registered: 120, in_person: 0, remote: 100}
programme:
  - date: 2026-05-20
    sessions:
      - {start: "09:30", end: "10:00", title: Opening}
outcomes:
  - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-05-22}
  - type: report
    title: Report
    url: https://www.itu.int/go/r
    date: 2026-05-30
"""


@pytest.mark.parametrize(
    ("today", "found"),
    [
        (date(2026, 5, 30), []),  # dated today
        (date(2026, 5, 31), []),
        (date(2026, 5, 29), [("outcome-in-future", 23, 11)]),  # dated tomorrow
    ],
)
def test_outcome_dated_today_or_tomorrow(
    check: Check, today: date, found: list[tuple[str, int, int]]
) -> None:
    assert check({"data/events/2026/demo.yaml": OUTCOME}, today=today) == found


VENUE = """\
id: demo
title: Workshop on AI
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: {zone}
format: {format}
venue: {{city: Somewhere, country: {country}}}
organizers: [sg16]
themes: [ai]
"""


@pytest.mark.parametrize(
    ("zone", "event_format", "country", "found"),
    [
        ("Africa/Nairobi", "in-person", "KE", []),
        ("Europe/Zurich", "in-person", "KE", [("timezone-country", 7, 11)]),
        ("Europe/Zurich", "hybrid", "KE", [("timezone-country", 7, 11)]),
        ("Europe/Zurich", "virtual", "KE", []),  # a virtual event keeps any zone
        ("Europe/Oslo", "in-person", "NO", []),
        ("Europe/Berlin", "in-person", "NO", []),  # the same clocks since 1970 (zone1970.tab)
        ("Asia/Calcutta", "in-person", "IN", []),  # a link to Asia/Kolkata
        ("America/Chicago", "in-person", "US", []),
        ("UTC", "in-person", "GB", [("timezone-country", 7, 11)]),
    ],
)
def test_timezone_of_the_venue_country(
    check: Check, zone: str, event_format: str, country: str, found: list[tuple[str, int, int]]
) -> None:
    text = VENUE.format(zone=zone, format=event_format, country=country)
    assert check({"data/events/2026/demo.yaml": text}) == found


@pytest.mark.parametrize(
    ("zone", "country", "message"),
    [
        (
            "EAT",
            "KE",
            "'EAT' is an abbreviation or a UTC offset, not an IANA time zone name; "
            "the zone of KE is 'Africa/Nairobi'",
        ),
        (
            "CET",
            "CH",
            "'CET' is an abbreviation or a UTC offset, not an IANA time zone name; "
            "the zone of CH is 'Europe/Zurich'",
        ),
        (
            "GMT+3",
            "KE",
            "'GMT+3' is an abbreviation or a UTC offset, not an IANA time zone name; "
            "the zone of KE is 'Africa/Nairobi'",
        ),
        (
            "Nairobi",
            "KE",
            "'Nairobi' is not an IANA time zone name such as Europe/Zurich; "
            "the zone of KE is 'Africa/Nairobi'",
        ),
        (
            "CET",
            "DE",
            "'CET' is an abbreviation or a UTC offset, not an IANA time zone name; "
            "the zones of DE are Europe/Berlin, Europe/Busingen",
        ),
    ],
)
def test_an_abbreviation_suggests_the_venue_country_zone(
    tmp_path: object, zone: str, country: str, message: str
) -> None:
    from pathlib import Path

    from tests.conftest import findings_for

    assert isinstance(tmp_path, Path)
    text = VENUE.format(zone=zone, format="in-person", country=country)
    findings = findings_for(tmp_path, {"data/events/2026/demo.yaml": text})
    assert [(f.rule, f.line, f.column, f.message) for f in findings] == [
        ("bad-timezone", 7, 11, message)
    ]


def test_zone_tables_come_from_tzdata() -> None:
    assert [z.name for z in zones.zones_of("KE")] == ["Africa/Nairobi"]
    assert len(zones.zones_of("US")) > 20
    assert zones.canonical("Asia/Calcutta") == "Asia/Kolkata"
    assert zones.is_zone_of("Europe/Zurich", "KE") is False
    assert zones.is_zone_of("Europe/Zurich", "ZZ") is None  # no zones known: no judgement
