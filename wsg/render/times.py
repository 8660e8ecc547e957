"""Local session times in the event's zone, their UTC offsets and UTC instants.

A session's "HH:MM" is wall-clock time in the event's IANA zone on that day, so
the offset is looked up per session: an event that spans a daylight-saving
change shows CET before it and CEST after it. A wall time that falls into the
spring-forward gap takes the offset from before the change (``fold=0``), the
same rule every format uses, so md, html, ics and json agree.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DASH = "\N{EN DASH}"
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone of that name, or None (missing, an abbreviation, unknown)."""
    if not name or ("/" not in name and name != "UTC"):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def wall_time(text: str | None) -> time | None:
    match = _HHMM.match(text or "")
    return time(int(match[1]), int(match[2])) if match else None


def local(day: date | None, hhmm: str | None, where: tzinfo) -> datetime | None:
    """The aware local datetime of a session time, or None when day or time is unusable."""
    clock = wall_time(hhmm)
    if day is None or clock is None:
        return None
    return datetime.combine(day, clock, tzinfo=where)


def offset(moment: datetime) -> str:
    """``UTC+01:00``; ``UTC+05:45``; ``UTC-03:00``."""
    delta = moment.utcoffset() or timedelta(0)
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def abbreviation(moment: datetime) -> str:
    """The zone's abbreviation (CET, EAT), or "" where tzdata has only a number ("+06")."""
    name = moment.tzname() or ""
    return "" if not name or name[0] in "+-" or name == "UTC" else name


def zone_label(moment: datetime) -> str:
    """``CET (UTC+01:00)``, or ``(UTC+06:00)`` for a zone without an abbreviation.

    What follows a clock time: ``09:30 CET (UTC+01:00)``, ``09:30 (UTC+06:00)``.
    """
    name = abbreviation(moment)
    return f"{name} ({offset(moment)})" if name else f"({offset(moment)})"


def zone_text(moment: datetime) -> str:
    """``CET (UTC+01:00)``, or ``UTC+06:00`` for a zone without an abbreviation.

    What a sentence names on its own: "times before it are UTC-03:00", never "are (UTC-03:00)".
    """
    name = abbreviation(moment)
    return f"{name} ({offset(moment)})" if name else offset(moment)


def clock(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def label(moment: datetime) -> str:
    """``09:30 CET (UTC+01:00)``."""
    return f"{clock(moment)} {zone_label(moment)}"


def range_label(start: datetime | None, end: datetime | None) -> str:
    """``09:30-10:00 CET (UTC+01:00)``; both offsets in full when they differ."""
    if start is None:
        return "time to be confirmed"
    if end is None:
        return label(start)
    if zone_label(start) == zone_label(end):
        return f"{clock(start)}{DASH}{clock(end)} {zone_label(start)}"
    return f"{label(start)} {DASH} {label(end)}"


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def utc_text(moment: datetime) -> str:
    """``2026-03-10T08:30:00Z``: the instant, for machine-readable attributes."""
    return utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_local(moment: datetime) -> str:
    """``2026-03-10T09:30:00+01:00``: local time with its offset."""
    return moment.isoformat(timespec="seconds")


def transitions(first: date, last: date, where: tzinfo) -> list[tuple[datetime, datetime]]:
    """The offset changes between the start of ``first`` and the end of ``last``.

    Each is (last local moment before, first local moment after), found hour by
    hour and then minute by minute (zones change on the hour or half hour).
    """
    found: list[tuple[datetime, datetime]] = []
    begin = datetime.combine(first, time(0), tzinfo=where).astimezone(UTC)
    stop = datetime.combine(last + timedelta(days=1), time(0), tzinfo=where).astimezone(UTC)
    step = timedelta(hours=1)
    moment = begin
    while moment < stop:
        after = moment + step
        if moment.astimezone(where).utcoffset() != after.astimezone(where).utcoffset():
            change = moment
            while change.astimezone(where).utcoffset() == moment.astimezone(where).utcoffset():
                change += timedelta(minutes=1)
            found.append(
                ((change - timedelta(minutes=1)).astimezone(where), change.astimezone(where))
            )
        moment = after
    return found
