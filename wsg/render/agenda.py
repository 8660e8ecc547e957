"""One event's programme as display-ready values, shared by every agenda format.

The md and html templates, the ics and the schedule.json all read this one
view, so they cannot disagree on a session's instant, room, people or identity,
nor on what they say about a cancelled or postponed event.

Links to pages of the published site (another event, a session) are relative
inside the site; outside it they need the site's address, ``Context.site_url``
(``wsg render … --base-url``); without it an agenda names the event in words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from wsg.countries import load_reference
from wsg.history import History
from wsg.model import Event, Group, Person, Session
from wsg.render import times
from wsg.render.text import date_range, is_id, long_date, safe_url, short_date, slug
from wsg.render.times import DASH
from wsg.render.words import ONLINE

BREAK = "break"
# The right-hand side of every iCalendar UID (RFC 5545, 3.8.4.7: a domain name)
UID_DOMAIN = "wsg.itu.int"
_KEY_TITLE = 48  # characters of a title's slug in a session's key


def _no_event(event_id: str) -> Event | None:
    return None


def _id_as_is(group_id: str) -> str:
    return group_id


def group_names(groups: Mapping[str, Group]) -> Callable[[str], str]:
    """A group's name as readers see it: its acronym, else its name, else its id."""

    def name(group_id: str) -> str:
        group = groups.get(group_id)
        return (group.acronym or group.name or group_id) if group is not None else group_id

    return name


@dataclass(frozen=True)
class Context:
    """What an agenda needs besides its event: today, the other events, where it is published."""

    today: date
    find: Callable[[str], Event | None] = _no_event  # another event by id
    site_url: str | None = None  # the published site's address, ending in "/"
    in_site: bool = False  # rendered into the site: its pages link to each other relatively
    group_name: Callable[[str], str] = _id_as_is  # a group as readers see it (group_names)
    history: History = field(default_factory=dict)  # each file's revision in git (history.load)

    def link(self, event_id: str, anchor: str = "") -> str | None:
        """Where a reader follows a link to the event's page: relative in the site, else absolute.

        None outside the site when its address is not known: the agenda names the event instead.
        """
        fragment = f"#{anchor}" if anchor else ""
        if self.in_site:
            return f"{event_id}.html{fragment}"
        return self.absolute(event_id, anchor)

    def absolute(self, event_id: str, anchor: str = "") -> str | None:
        """The event page's absolute URL, when the site's address is known."""
        if self.site_url is None:
            return None
        return f"{self.site_url}events/{event_id}.html" + (f"#{anchor}" if anchor else "")

    def published(self, event_id: str, anchor: str = "") -> str:
        """The page's URL for a file published in the site's ``events/`` folder beside the page.

        Absolute when the site's address is known, else relative to that folder.
        """
        fragment = f"#{anchor}" if anchor else ""
        return self.absolute(event_id, anchor) or f"{event_id}.html{fragment}"


@dataclass(frozen=True)
class PersonView:
    name: str
    affiliation: str | None
    country: str | None
    country_name: str | None
    presentation: str | None  # a safe http(s) URL or None

    @property
    def details(self) -> str:
        """``Fraunhofer HHI, Germany``: what follows the name."""
        country = self.country_name
        if country and self.affiliation and self.affiliation.endswith(country):
            country = None  # "NTRA, Egypt" already names it
        return ", ".join(part for part in (self.affiliation, country) if part)


@dataclass(frozen=True)
class SessionView:
    number: int  # 1-based over the whole event, in programme order
    day: date
    index: int  # 0-based position within its day, in the file's order
    title: str
    kind: str
    room: str | None
    start: datetime | None
    end: datetime | None
    chairs: tuple[PersonView, ...]
    speakers: tuple[PersonView, ...]
    key: str  # what identifies the session within its event: its id, else day and title
    uid: str

    @property
    def anchor(self) -> str:
        """The id of its element on the event's page: ``session-20261024-opening``."""
        return f"session-{self.key}"

    @property
    def when(self) -> str:
        return times.range_label(self.start, self.end)

    @property
    def is_break(self) -> bool:
        return self.kind == BREAK

    @property
    def start_utc(self) -> str:
        return times.utc_text(self.start) if self.start else ""

    @property
    def end_utc(self) -> str:
        return times.utc_text(self.end) if self.end else ""

    @property
    def offset_minutes(self) -> int:
        """The event zone's offset from UTC at the start, in minutes (for the viewer script)."""
        delta = self.start.utcoffset() if self.start else None
        return int(delta.total_seconds()) // 60 if delta else 0

    @property
    def clock(self) -> str:
        return times.clock(self.start) if self.start else "—"


@dataclass(frozen=True)
class Slot:
    """Sessions whose times overlap: parallel rooms, shown side by side."""

    sessions: tuple[SessionView, ...]

    @property
    def parallel(self) -> bool:
        return len(self.sessions) > 1

    @property
    def first(self) -> SessionView:
        return self.sessions[0]

    @property
    def clock_range(self) -> str:
        start = self.first.start
        ends = [s.end for s in self.sessions if s.end is not None]
        if start is None:
            return "time to be confirmed"
        return f"{times.clock(start)}{DASH}{times.clock(max(ends))}" if ends else times.clock(start)


@dataclass(frozen=True)
class DayView:
    date: date
    heading: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class EventLink:
    """Another event named by an agenda: the one that replaces or continues this one."""

    id: str
    title: str  # its title; its id when the dataset has no such event
    dates: str  # "" when unknown
    href: str | None  # for a reader (md, html): relative in the site, else absolute, else None
    url: str | None  # absolute (calendar, schedule.json), when the site's address is known


@dataclass(frozen=True)
class Notice:
    """Why the event does not happen as listed: one sentence, and the event that takes over."""

    status: str  # cancelled | postponed
    text: str  # "This event was cancelled on 10 January 2026: the host withdrew."
    successor: EventLink | None = None
    lead: str = ""  # what introduces the successor: "It is replaced by"
    after: str = ""  # the sentence when there is no successor: "New dates are to be announced."

    @property
    def plain(self) -> str:
        """The whole notice as text (calendar, schedule.json), the successor's URL included."""
        link = self.successor
        if link is None:
            return f"{self.text} {self.after}".strip()
        dates = f" ({link.dates})" if link.dates else ""
        where = f" <{link.url}>" if link.url else ""
        return f"{self.text} {self.lead} {link.title}{dates}{where}."


@dataclass(frozen=True)
class AgendaView:
    event: Event
    event_id: str
    title: str
    dates: str
    zone: tzinfo
    zone_name: str
    zone_known: bool
    zone_summary: str  # e.g. "Geneva time, CET (UTC+01:00)"; online "Zurich time, …"
    clock_changes: tuple[str, ...]
    place: str
    rooms: tuple[str, ...]
    days: tuple[DayView, ...]
    notice: Notice | None  # for a cancelled or postponed event
    programme_note: str | None  # what stands in for, or above, the programme
    context: Context
    sessions: tuple[SessionView, ...] = field(repr=False)


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    return load_reference().name(code) or code


def person_view(person: Person) -> PersonView:
    return PersonView(
        name=person.name or "(name missing)",
        affiliation=person.affiliation,
        country=person.country,
        country_name=country_name(person.country),
        presentation=safe_url(person.presentation),
    )


def place(event: Event) -> str:
    """``ITU headquarters, Geneva, Switzerland``; ``Online`` for a virtual event."""
    if event.format == "virtual" and event.venue is None:
        return ONLINE
    venue = event.venue
    if venue is None:
        return "venue to be confirmed"
    parts = [venue.place, venue.city, country_name(venue.country)]
    text = ", ".join(p for p in parts if p)
    if event.format == "hybrid":
        text += " and online"
    return text or "venue to be confirmed"


def event_zone(event: Event) -> tuple[tzinfo, bool]:
    """The event's zone; UTC (and False) when the file's zone is missing or not IANA."""
    found = times.zone(event.timezone)
    return (found, True) if found is not None else (UTC, False)


def shared_room(event: Event, rooms: tuple[str, ...]) -> str:
    """The name of the one room that sessions without a room share (FORMAT.md)."""
    if rooms:
        return "All rooms"
    return ONLINE if event.format == "virtual" else "Main room"


def session_keys(sessions: list[Session]) -> list[str]:
    """Each session's key within its day: its title's slug, numbered from the second repeat.

    ``opening``, ``q-a``, ``q-a-2``: inserting, removing or re-timing another
    session changes no key (only another session of the same title before it).
    """
    keys = []
    seen: dict[str, int] = {}
    for session in sessions:
        if session.id:
            keys.append("")  # the session's own id is its key (``build``)
            continue
        base = _title_key(session.title or "untitled")
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return keys


def _title_key(title: str) -> str:
    """The title's slug; a long one is cut and keeps a short hash of the whole title."""
    text = slug(title)
    if len(text) <= _KEY_TITLE:
        return text
    digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]
    return f"{text[:_KEY_TITLE].rstrip('-')}-{digest}"


def session_uid(event_id: str, key: str) -> str:
    """``2026-10-dst-workshop-20261024-opening@wsg.itu.int``: stable across every other edit."""
    return f"{event_id}-{key}@{UID_DOMAIN}"


def event_uid(event_id: str) -> str:
    return f"{event_id}@{UID_DOMAIN}"


def build(event: Event, context: Context) -> AgendaView:
    where, known = event_zone(event)
    event_id = event.id or "event"
    sessions: list[SessionView] = []
    days: list[DayView] = []
    number = 0
    programme = [(d.date, d) for d in event.programme if d.date is not None]
    for when, day in sorted(programme, key=lambda pair: pair[0]):
        views: list[SessionView] = []
        for index, (session, key) in enumerate(
            zip(day.sessions, session_keys(day.sessions), strict=True)
        ):
            number += 1
            start = times.local(when, session.start, where)
            end = times.local(when, session.end, where)
            if start is not None and end is not None and end < start:
                end = None  # session-order is the validator's finding; never a negative span
            # an id (unique within the event, FORMAT.md) holds even when the session moves day
            dated = session.id or f"{when:%Y%m%d}-{key}"
            views.append(
                SessionView(
                    number=number,
                    day=when,
                    index=index,
                    title=session.title or "(untitled session)",
                    kind=session.kind or "talk",
                    room=session.room,
                    start=start,
                    end=end,
                    chairs=tuple(person_view(p) for p in session.chairs),
                    speakers=tuple(person_view(p) for p in session.speakers),
                    key=dated,
                    uid=session_uid(event_id, dated),
                )
            )
        sessions.extend(views)
        days.append(DayView(date=when, heading=long_date(when), slots=_slots(views)))
    rooms = tuple(dict.fromkeys(s.room for s in sessions if s.room))
    return AgendaView(
        event=event,
        event_id=event_id,
        title=event.title or event_id,
        dates=date_range(event.start, event.end),
        zone=where,
        zone_name=event.timezone or "",
        zone_known=known,
        zone_summary=_zone_summary(event, where, known),
        clock_changes=_clock_changes(event, where) if known else (),
        place=place(event),
        rooms=rooms,
        days=tuple(days),
        notice=notice(event, context),
        programme_note=programme_note(event.status, bool(days)),
        context=context,
        sessions=tuple(sessions),
    )


def notice(event: Event, context: Context) -> Notice | None:
    """What a reader must know first about a cancelled or postponed event.

    ``cancellation.replaced_by`` and ``postponement.to`` name the event that holds
    the new dates: the notice names it, with its dates, and links to its page.
    """
    if event.status == "cancelled":
        cancelled = event.cancellation
        when = cancelled.date if cancelled is not None else None
        text = "This event was cancelled" + (f" on {short_date(when)}" if when else "")
        return Notice(
            "cancelled",
            _sentence(text, cancelled.reason if cancelled is not None else None),
            successor=_successor(cancelled.replaced_by if cancelled else None, event, context),
            lead="It is replaced by",
        )
    if event.status == "postponed":
        postponed = event.postponement
        when = postponed.date if postponed is not None else None
        text = "This event was postponed" + (f" on {short_date(when)}" if when else "")
        return Notice(
            "postponed",
            _sentence(text, postponed.reason if postponed is not None else None),
            successor=_successor(postponed.to if postponed else None, event, context),
            lead="It will be held as",
            after="New dates are to be announced.",
        )
    return None


def _successor(event_id: str | None, event: Event, context: Context) -> EventLink | None:
    """The event named by ``replaced_by`` or ``to``; by its id alone when the dataset lacks it."""
    if not event_id or event_id == event.id:
        return None
    found = context.find(event_id)
    if found is None or not is_id(event_id):  # unknown-event is the validator's finding
        return EventLink(id=event_id, title=event_id, dates="", href=None, url=None)
    return EventLink(
        id=event_id,
        title=found.title or event_id,
        dates=date_range(found.start, found.end) if found.start else "",
        href=context.link(event_id),
        url=context.absolute(event_id),
    )


def _sentence(text: str, reason: str | None) -> str:
    """``text: reason.``; the reason's own full stop kept, never doubled."""
    if reason:
        reason = " ".join(reason.split())
        text = f"{text}: {reason}"
    return text if text.endswith((".", "!", "?")) else f"{text}."


def programme_note(status: str | None, has_programme: bool) -> str | None:
    """Never "not published yet" for an event that will not take place as planned."""
    if has_programme:
        if status == "cancelled":
            return "The programme below was planned before the event was cancelled."
        if status == "postponed":
            return "The programme below was planned before the event was postponed."
        return None
    if status == "cancelled":
        return "There is no programme: the event was cancelled."
    if status == "postponed":
        return "There is no programme: the event has been postponed."
    if status == "held":
        return "No programme was recorded for this event."
    return "The programme has not been published yet."


def _slots(sessions: list[SessionView]) -> tuple[Slot, ...]:
    """Group sessions whose times overlap; untimed sessions stand alone at the end."""
    timed = sorted(
        (s for s in sessions if s.start is not None),
        key=lambda s: (s.start, s.index),
    )
    slots: list[list[SessionView]] = []
    group_end: datetime | None = None
    for session in timed:
        assert session.start is not None
        session_end = session.end or session.start
        if slots and group_end is not None and session.start < group_end:
            slots[-1].append(session)
            group_end = max(group_end, session_end)
        else:
            slots.append([session])
            group_end = session_end
    slots.extend([s] for s in sessions if s.start is None)
    return tuple(Slot(tuple(group)) for group in slots)


def _zone_summary(event: Event, where: tzinfo, known: bool) -> str:
    """``Geneva time, CET (UTC+01:00)``; ``Tashkent time (UTC+05:00)``; online, the zone's city.

    People read the venue's city better than an IANA id; an event with no venue (online)
    is told by the city that names its zone: ``Zurich time, CEST (UTC+02:00)``. When the
    offset changes between the event's days, each offset is named with the days it
    holds (at noon).
    """
    if not known:
        return "time zone unknown (missing, or not an IANA zone name); times are shown as UTC"
    city = event.venue.city if event.venue is not None else None
    name = f"{city} time" if city else _zone_city_time(event.timezone or "")
    if name == "UTC":
        return name  # never "UTC (UTC+00:00)"
    if event.start is None:
        return name
    spans = _offset_spans(event.start, _last_day(event), where)
    if len(spans) == 1:
        ((noon, _, _),) = spans
        return (
            f"{name}, {times.zone_text(noon)}"
            if times.abbreviation(noon)
            else (f"{name} {times.zone_label(noon)}")
        )
    parts = [f"{times.zone_text(noon)} on {date_range(first, last)}" for noon, first, last in spans]
    return f"{name}, " + ", then ".join(parts)


def _zone_city_time(zone: str) -> str:
    """``Europe/Zurich`` → ``Zurich time``; ``America/Argentina/Buenos_Aires`` → ``Buenos Aires
    time``; UTC and the ``Etc/`` zones, which name no city, as they are."""
    if zone in ("UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu"):
        return "UTC"
    if "/" not in zone or zone.startswith("Etc/"):
        return zone
    return f"{zone.rsplit('/', 1)[1].replace('_', ' ')} time"


def _last_day(event: Event) -> date:
    assert event.start is not None
    return event.end if event.end is not None and event.start <= event.end else event.start


def _offset_spans(first: date, last: date, where: tzinfo) -> list[tuple[datetime, date, date]]:
    """Runs of days with the same zone label at noon: (noon of the run's first day, first, last)."""
    spans: list[tuple[datetime, date, date]] = []
    day = first
    while day <= last and len(spans) < 366:
        noon = datetime.combine(day, time(12), tzinfo=where)
        if spans and times.zone_label(spans[-1][0]) == times.zone_label(noon):
            spans[-1] = (spans[-1][0], spans[-1][1], day)
        else:
            spans.append((noon, day, day))
        day += timedelta(days=1)
    return spans


def _clock_changes(event: Event, where: tzinfo) -> tuple[str, ...]:
    """A sentence for each change of the zone's offset between the event's first and last day.

    The change is told at the wall time it happens, on that wall time's day: Chile's
    clocks go back at midnight, so 00:00 on Sunday becomes 23:00 on Saturday.
    """
    if event.start is None:
        return ()
    notes = []
    for before, after in times.transitions(event.start, _last_day(event), where):
        wall = before.replace(tzinfo=None) + timedelta(minutes=1)
        landing = times.label(after)
        if after.date() != wall.date():
            landing += f" on {long_date(after.date())}"
        notes.append(
            f"On {long_date(wall.date())} the clocks change from {wall:%H:%M} "
            f"{times.zone_label(before)} to {landing}: times before it are "
            f"{times.zone_text(before)}, after it {times.zone_text(after)}."
        )
    return tuple(notes)
