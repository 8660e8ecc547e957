"""iCalendar output: one VEVENT per session and one for the whole event.

Session times carry the event's TZID, and the calendar holds a VTIMEZONE built
from zoneinfo for exactly the event's dates, so a calendar application imports
them without shifting any time. UIDs come from the event id and the session's
day, start, room and position; DTSTAMP comes from the data, never the clock.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent

from wsg import __version__
from wsg.model import Event
from wsg.render.agenda import AgendaView, PersonView, SessionView, place
from wsg.render.text import date_range, safe_url
from wsg.render.times import DASH

PRODID = f"-//ITU-T WSG//wsg {__version__}//EN"

_STATUS = {
    "proposed": "TENTATIVE",
    "approved": "TENTATIVE",
    "postponed": "TENTATIVE",
    "announced": "CONFIRMED",
    "held": "CONFIRMED",
    "cancelled": "CANCELLED",
}


def agenda_calendar(view: AgendaView) -> bytes:
    """The event and each timed session of its programme."""
    calendar = _calendar(view.title)
    stamp = dtstamp(view.event)
    calendar.add_component(whole_event(view.event, stamp))
    for session in view.sessions:
        if session.start is not None:
            calendar.add_component(_session(view, session, stamp))
    _add_timezones(calendar)
    return bytes(calendar.to_ical())


def site_calendar(events: list[Event], name: str) -> bytes:
    """Every event with dates, as all-day entries (the agendas carry the sessions)."""
    calendar = _calendar(name)
    for event in events:
        if event.start is not None:
            calendar.add_component(whole_event(event, dtstamp(event)))
    return bytes(calendar.to_ical())


def dtstamp(event: Event) -> datetime:
    """When the event's public record last changed state, as far as the data says."""
    for decision in (event.cancellation, event.announcement, event.approval):
        if decision is not None and decision.date is not None:
            return datetime.combine(decision.date, time(0), tzinfo=UTC)
    return datetime.combine(event.start or date(2000, 1, 1), time(0), tzinfo=UTC)


def event_uid(event: Event) -> str:
    return f"{event.id or 'event'}@wsg"


def whole_event(event: Event, stamp: datetime) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", stamp)
    entry.add("summary", event.title or event.id or "event")
    assert event.start is not None
    entry.add("dtstart", event.start)
    last = event.end if event.end is not None and event.end >= event.start else event.start
    entry.add("dtend", last + timedelta(days=1))  # DTEND of an all-day entry is exclusive
    entry.add("location", place(event))
    entry.add("status", _STATUS.get(event.status or "", "TENTATIVE"))
    entry.add("transp", "TRANSPARENT")
    if event.kind:
        entry.add("categories", [event.kind])
    lines = [
        f"{(event.kind or 'event').capitalize()}, {date_range(event.start, event.end)}",
        f"Status: {event.status or 'unknown'}",
    ]
    if event.organizers:
        lines.append(f"Organized by: {', '.join(event.organizers)}")
    if event.cancellation is not None and event.cancellation.reason:
        lines.append(f"Cancelled: {event.cancellation.reason}")
    url = safe_url(event.announcement.url) if event.announcement else None
    if url:
        entry.add("url", url)
        lines.append(url)
    entry.add("description", "\n".join(lines))
    return entry


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _session(view: AgendaView, session: SessionView, stamp: datetime) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", session.uid)
    entry.add("dtstamp", stamp)
    entry.add("summary", session.title)
    entry.add("dtstart", session.start)
    if session.end is not None:
        entry.add("dtend", session.end)
    entry.add("location", ", ".join(p for p in (session.room, view.place) if p))
    entry.add("status", _STATUS.get(view.event.status or "", "TENTATIVE"))
    entry.add("categories", [session.kind])
    entry.add("related-to", event_uid(view.event))
    if session.is_break:
        entry.add("transp", "TRANSPARENT")
    lines = [view.title]
    lines.extend(_people("Chair", session.chairs))
    lines.extend(_people("Speaker", session.speakers))
    entry.add("description", "\n".join(lines))
    return entry


def _people(role: str, people: tuple[PersonView, ...]) -> list[str]:
    lines = []
    for person in people:
        line = f"{role}: {person.name}"
        if person.details:
            line += f" ({person.details})"
        if person.presentation:
            line += f" {DASH} slides: {person.presentation}"
        lines.append(line)
    return lines


def _add_timezones(calendar: Calendar) -> None:
    """One VTIMEZONE per zone, covering the days its events span (and one day either side)."""
    spans: dict[str, list[date]] = defaultdict(list)
    for entry in calendar.walk("VEVENT"):
        start = entry.get("dtstart")
        moment = start.dt if start is not None else None
        if isinstance(moment, datetime) and isinstance(moment.tzinfo, ZoneInfo):
            spans[moment.tzinfo.key].append(moment.date())
    for key in sorted(spans, reverse=True):  # each goes first: the result is sorted
        days = spans[key]
        first, last = min(days) - timedelta(days=1), max(days) + timedelta(days=2)
        calendar.subcomponents.insert(0, _vtimezone(key, first.year, last.year))


@cache
def _vtimezone(key: str, first_year: int, last_year: int) -> Timezone:
    """A zone's VTIMEZONE for whole years: built once per site, not once per event.

    Building one walks the zone's offsets and dominated rendering a large site;
    whole years cover every event of those years with the same, reusable block.
    """
    return Timezone.from_tzinfo(
        ZoneInfo(key), key, date(first_year, 1, 1), date(last_year, 12, 31) + timedelta(days=1)
    )
