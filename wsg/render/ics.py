"""iCalendar output: one VEVENT per session and one for the whole event.

Session times carry the event's TZID, and the calendar holds a VTIMEZONE built
from zoneinfo for the years of the event's dates, so a calendar application
imports them without shifting any time. UIDs come from the event id and each
session's id, else its day and title. SEQUENCE, LAST-MODIFIED and DTSTAMP come
from the event file's history in git (every commit that changed it), else from
its dated decisions; never from the clock.

The calendar is written here, line by line, rather than through the icalendar
library: its objects and serializer took most of the time of rendering a large
site (a site has one calendar per event). The test suite reads every calendar
back with icalendar and checks it against the agenda's other formats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from wsg import __version__
from wsg.history import History
from wsg.model import Event
from wsg.render.agenda import (
    AgendaView,
    Context,
    PersonView,
    SessionView,
    event_uid,
    notice,
    place,
)
from wsg.render.text import date_range, safe_url
from wsg.render.times import DASH
from wsg.render.words import say

PRODID = f"-//ITU-T WSG//wsg {__version__}//EN"
_LIMIT = 75  # octets per line, line break excluded (RFC 5545, 3.1)

_STATUS = {
    "proposed": "TENTATIVE",
    "approved": "TENTATIVE",
    "postponed": "TENTATIVE",
    "announced": "CONFIRMED",
    "held": "CONFIRMED",
    "cancelled": "CANCELLED",
}
# Control characters have no place in a content line (RFC 5545, 3.3.11): all but tab go
# (a line break in a TEXT value is written as its escape).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

Line = str


@dataclass(frozen=True)
class Revision:
    """How far the event's public record has gone, as git or the data dates it (never the clock)."""

    sequence: int  # SEQUENCE: commits that changed the event's file, else its dated decisions
    modified: datetime | None  # LAST-MODIFIED: the latest of them; None when none is dated
    stamp: datetime  # DTSTAMP: that, else the start; never after today


def revision(event: Event, today: date, history: History | None = None) -> Revision:
    """The event's revision: from its file's commits when ``history`` has them, else its decisions.

    With git, SEQUENCE is the number of commits that changed the event's file
    (re-timing a session is a change a calendar must see) and LAST-MODIFIED the
    time of the latest, in UTC: the same commit gives the same calendar. A file
    git does not know as it is (not committed, or edited since) falls back to the
    decisions (see wsg.history).
    """
    committed = history.get(event.file) if history is not None and event.file else None
    if committed is not None:
        stamp = committed.last if committed.last.date() <= today else _midnight(today)
        return Revision(sequence=committed.commits, modified=committed.last, stamp=stamp)
    return decided_revision(event, today)


def decided_revision(event: Event, today: date) -> Revision:
    """The event's revision from its dated decisions up to ``today`` (later ones do not count yet).

    SEQUENCE counts the approval, announcement, postponement and cancellation;
    LAST-MODIFIED is the latest of them or of the proposal. An event nothing
    dates is stamped with its start, or today when it starts later: a calendar
    is never stamped in the future.
    """
    decisions = (event.approval, event.announcement, event.postponement, event.cancellation)
    decided = [d.date for d in decisions if d is not None and d.date is not None]
    proposed = [event.proposal.date] if event.proposal and event.proposal.date else []
    known = [day for day in (*decided, *proposed) if day <= today]
    if known:
        modified = _midnight(max(known))
        sequence = sum(1 for day in decided if day <= today)
        return Revision(sequence=sequence, modified=modified, stamp=modified)
    start = event.start if event.start is not None and event.start <= today else today
    return Revision(sequence=0, modified=None, stamp=_midnight(start))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def agenda_calendar(view: AgendaView) -> bytes:
    """The event and each timed session of its programme but the breaks."""
    state = revision(view.event, view.context.today, view.context.history)
    entries = [whole_event(view.event, view.context, state)]
    entries += [
        _session(view, s, state) for s in view.sessions if s.start is not None and not s.is_break
    ]
    zones = _zones_in_use(view)
    return _calendar(view.title, [*_timezones(zones), *entries])


def site_calendar(events: list[Event], name: str, context: Context) -> bytes:
    """Every event with dates, as all-day entries (the agendas carry the sessions)."""
    entries = [
        whole_event(e, context, revision(e, context.today, context.history))
        for e in events
        if e.start is not None
    ]
    return _calendar(name, entries)


def whole_event(event: Event, context: Context, state: Revision) -> list[Line]:
    """The VEVENT of the whole event: an all-day entry over its dates."""
    assert event.start is not None
    last = event.end if event.end is not None and event.end >= event.start else event.start
    lines = [
        f"{say(event.kind, 'kind') or 'Event'}, {date_range(event.start, event.end)}",
        f"Status: {say(event.status, 'status') or 'unknown'}",
    ]
    told = notice(event, context)
    if told is not None:
        lines.append(told.plain)
    if event.organizers:
        lines.append(f"Organized by: {', '.join(map(context.group_name, event.organizers))}")
    circular = safe_url(event.announcement.url) if event.announcement else None
    if circular:
        lines.append(circular)
    url = (context.absolute(event.id) if event.id else None) or circular
    return _component(
        "VEVENT",
        [
            _text("SUMMARY", event.title or event.id or "event"),
            _day("DTSTART", event.start),
            _day("DTEND", last + timedelta(days=1)),  # DTEND of an all-day entry is exclusive
            *_revision(state),
            _text("UID", event_uid(event.id or "event")),
            _text("CATEGORIES", event.kind) if event.kind else None,
            _text("DESCRIPTION", "\n".join(lines)),
            _text("LOCATION", place(event)),
            f"STATUS:{status(event)}",
            "TRANSP:TRANSPARENT",
            _uri("URL", url) if url else None,
        ],
    )


def status(event: Event) -> str:
    """CONFIRMED once announced; a postponement whose new dates are another event's: CANCELLED.

    Those dates will not be held: the entries of the event named by ``to`` take over.
    """
    moved = event.postponement
    if event.status == "postponed" and moved and moved.to and moved.to != event.id:
        return "CANCELLED"
    return _STATUS.get(event.status or "", "TENTATIVE")


def _revision(state: Revision) -> list[Line | None]:
    return [
        _moment("DTSTAMP", state.stamp),
        _moment("LAST-MODIFIED", state.modified) if state.modified is not None else None,
        f"SEQUENCE:{state.sequence}",
    ]


def _session(view: AgendaView, session: SessionView, state: Revision) -> list[Line]:
    assert session.start is not None
    lines = [view.title]
    if view.notice is not None:
        lines.append(view.notice.plain)
    lines.extend(_people("Chair", session.chairs))
    lines.extend(_people("Speaker", session.speakers))
    url = view.context.absolute(view.event_id, session.anchor)
    return _component(
        "VEVENT",
        [
            _text("SUMMARY", session.title),
            _moment("DTSTART", session.start),
            _moment("DTEND", session.end) if session.end is not None else None,
            *_revision(state),
            _text("UID", session.uid),
            _text("CATEGORIES", session.kind),
            _text("DESCRIPTION", "\n".join(lines)),
            _text("LOCATION", ", ".join(p for p in (session.room, view.place) if p)),
            _text("RELATED-TO", event_uid(view.event_id)),
            f"STATUS:{status(view.event)}",
            _uri("URL", url) if url else None,
        ],
    )


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


def _calendar(name: str, components: Iterable[list[Line]]) -> bytes:
    head = [
        "VERSION:2.0",
        _text("PRODID", PRODID),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        _text("X-WR-CALNAME", name),
    ]
    lines = ["BEGIN:VCALENDAR", *head]
    for component in components:
        lines += component
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


def _component(name: str, lines: Sequence[Line | None]) -> list[Line]:
    return [f"BEGIN:{name}", *(line for line in lines if line is not None), f"END:{name}"]


def _text(name: str, value: str) -> Line:
    """A TEXT property: backslash, semicolon, comma and line breaks escaped."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROLS.search(value):
        value = _CONTROLS.sub("", value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return f"{name}:" + value.replace("\n", "\\n")


def _uri(name: str, value: str) -> Line:
    return f"{name}:{_CONTROLS.sub('', value)}"  # safe_url has refused any space already


def _day(name: str, day: date) -> Line:
    return f"{name};VALUE=DATE:{day:%Y%m%d}"


def _moment(name: str, moment: datetime) -> Line:
    """A DATE-TIME: UTC with Z, in a zone with its TZID, else floating."""
    zone = moment.tzinfo
    if isinstance(zone, ZoneInfo) and zone.key != "UTC":
        return f"{name};TZID={zone.key}:{moment:%Y%m%dT%H%M%S}"
    if zone is not None:  # UTC, or a fixed offset: written in UTC
        return f"{name}:{moment.astimezone(UTC):%Y%m%dT%H%M%S}Z"
    return f"{name}:{moment:%Y%m%dT%H%M%S}"


def _fold(line: Line) -> str:
    """Lines of more than 75 octets folded, never inside a character or an escape."""
    if len(line) < _LIMIT and line.isascii():
        return line
    data = line.encode("utf-8")
    if len(data) < _LIMIT:
        return line
    pieces = []
    start = 0
    while len(data) - start >= _LIMIT:
        end = start + _LIMIT - 1
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to the character
            end -= 1
        if data[end - 1] == 0x5C:  # a backslash: keep the escape whole
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return "\r\n ".join(piece.decode("utf-8") for piece in pieces)


# --- time zones --------------------------------------------------------------------


def _zones_in_use(view: AgendaView) -> dict[str, tuple[int, int]]:
    """Each IANA zone of the sessions, with the first and last year it must cover."""
    spans: dict[str, list[date]] = {}
    for session in view.sessions:
        moment = session.start
        zone = moment.tzinfo if moment is not None else None
        if moment is not None and isinstance(zone, ZoneInfo) and zone.key != "UTC":
            spans.setdefault(zone.key, []).append(moment.date())
    # one day either side: a client may look just past the sessions' own days
    return {
        key: ((min(days) - timedelta(days=1)).year, (max(days) + timedelta(days=2)).year)
        for key, days in spans.items()
    }


def _timezones(zones: dict[str, tuple[int, int]]) -> Iterator[list[Line]]:
    for key in sorted(zones):
        yield vtimezone(key, *zones[key])


@cache
def vtimezone(key: str, first_year: int, last_year: int) -> list[Line]:
    """The zone's VTIMEZONE for whole years: its offset on 1 January, then every change.

    Whole years make one block serve every event of those years in a site.
    Each observance starts at the local time of the change under the offset it
    ends (RFC 5545, 3.6.5), so that a client computes the very same instant.
    """
    zone = ZoneInfo(key)
    begin = datetime(first_year, 1, 1, tzinfo=zone)
    lines = [_text("TZID", key)]
    before = begin.utcoffset()
    assert before is not None
    lines += _observance(begin.replace(tzinfo=None), before, begin)
    for year in range(first_year, last_year + 1):
        for instant in _changes_in(key, year):
            after = instant.astimezone(zone)
            onset = (instant + before).replace(tzinfo=None)
            lines += _observance(onset, before, after)
            before = after.utcoffset() or timedelta(0)
    return _component("VTIMEZONE", lines)


def _observance(onset: datetime, offset_from: timedelta, moment: datetime) -> list[Line]:
    standard = not moment.dst()
    offset_to = moment.utcoffset()
    assert offset_to is not None
    return _component(
        "STANDARD" if standard else "DAYLIGHT",
        [
            f"DTSTART:{onset:%Y%m%dT%H%M%S}",
            _text("TZNAME", moment.tzname() or _offset(offset_to)),
            f"TZOFFSETFROM:{_offset(offset_from)}",
            f"TZOFFSETTO:{_offset(offset_to)}",
        ],
    )


@cache
def _changes_in(key: str, year: int) -> tuple[datetime, ...]:
    """The zone's changes during ``year``: a site asks for the same years again and again."""
    zone = ZoneInfo(key)
    begin = datetime(year, 1, 1, tzinfo=zone).astimezone(UTC)
    return tuple(_changes(zone, begin, datetime(year + 1, 1, 1, tzinfo=zone).astimezone(UTC)))


def _changes(zone: tzinfo, begin: datetime, stop: datetime) -> Iterator[datetime]:
    """Each UTC instant in (begin, stop] from which the zone's offset, DST or name differs.

    Found day by day, then to the second by halving: no zone has changed twice
    within one day.
    """
    day = timedelta(days=1)
    moment = begin
    state = _state(zone, moment)
    while moment < stop:
        later = min(moment + day, stop)
        if _state(zone, later) != state:
            low, high = moment, later  # state(low) is the old one, state(high) is not
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            yield high
            state = _state(zone, high)
            moment = high
        else:
            moment = later


def _state(
    zone: tzinfo, instant: datetime
) -> tuple[timedelta | None, timedelta | None, str | None]:
    local = instant.astimezone(zone)
    return local.utcoffset(), local.dst(), local.tzname()


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")
