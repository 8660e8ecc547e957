"""Dates and programme rules: that an event's days and sessions fit together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from wsg.model import Day, Event, Session
from wsg.rules import Problem, dataset_rule, event_rule

if TYPE_CHECKING:
    from wsg.dataset import Dataset

SECTION = "Dates and programme"


@dataset_rule("date-order", "error", SECTION)
def date_order(dataset: Dataset) -> Iterator[Problem]:
    """An end before its start: an event's ``end``, a management ``term``'s ``end``.

    Passing ``data/events/2026/demo.yaml``::

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

    Failing ``data/events/2026/demo.yaml`` (line 6, column 6)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-01
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
    """
    for event in dataset.events:
        if event.start and event.end and event.end < event.start:
            yield event.loc("end"), f"the event ends ({event.end}) before it starts ({event.start})"
    for group in dataset.groups:
        for seat in group.management:
            term = seat.term
            if term and term.start and term.end and term.end < term.start:
                yield (
                    term.loc("end"),
                    (f"{seat.name}'s term ends ({term.end}) before it starts ({term.start})"),
                )


@event_rule("day-outside-event", "error", SECTION)
def day_outside_event(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """A programme day outside the event's ``start`` … ``end``.

    Passing ``data/events/2026/demo.yaml``::

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
        programme:
          - date: 2026-09-11
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}

    Failing ``data/events/2026/demo.yaml`` (line 12, column 11)::

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
        programme:
          - date: 2026-09-12
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
    """
    if event.start is None or event.end is None:
        return
    for day in event.programme:
        if day.date is not None and not event.start <= day.date <= event.end:
            yield (
                day.loc("date"),
                (f"programme day {day.date} is outside the event ({event.start} to {event.end})"),
            )


@event_rule("duplicate-day", "error", SECTION)
def duplicate_day(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """A programme day listed twice.

    Put all of a day's sessions under one ``date``.

    Passing ``data/events/2026/demo.yaml``::

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
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
          - date: 2026-09-11
            sessions:
              - {start: "09:30", end: "10:00", title: Closing}

    Failing ``data/events/2026/demo.yaml`` (line 15, column 11)::

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
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Closing}
    """
    seen: dict[object, Day] = {}
    for day in event.programme:
        if day.date is None:
            continue
        if day.date in seen:
            first = seen[day.date].loc("date").line
            yield (
                day.loc("date"),
                f"{day.date} is already a programme day (line {first}); merge the two into one",
            )
        else:
            seen[day.date] = day


@event_rule("session-order", "error", SECTION)
def session_order(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """A session that ends before it starts.

    Times are local and 24 h: a session from ``"14:00"`` to ``"02:30"`` is
    almost certainly ``"14:30"``.

    Passing ``data/events/2026/demo.yaml``::

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
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "14:00", end: "14:30", title: Opening}

    Failing ``data/events/2026/demo.yaml`` (line 14, column 31)::

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
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "14:00", end: "02:30", title: Opening}
    """
    for day in event.programme:
        for session in day.sessions:
            if session.start and session.end and session.end < session.start:
                yield (
                    session.loc("end"),
                    (
                        f"session {session.title!r} ends at {session.end}, before it starts at "
                        f"{session.start}"
                    ),
                )


def _room(session: Session) -> str:
    return session.room if session.room is not None else ""


@event_rule("session-overlap", "error", SECTION)
def session_overlap(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Two sessions in the same room overlap.

    Sessions without a ``room`` share one room. Parallel tracks need a
    ``room`` each. A session may start the minute the previous one ends.

    Passing ``data/events/2026/demo.yaml``::

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
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:00", end: "10:00", title: Opening, room: Popov}
              - {start: "09:30", end: "10:30", title: Side track, room: K}

    Failing ``data/events/2026/demo.yaml`` (line 15, column 17)::

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
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:00", end: "10:00", title: Opening, room: Popov}
              - {start: "09:30", end: "10:30", title: Side track, room: Popov}
    """
    for day in event.programme:
        timed = [s for s in day.sessions if s.start and s.end and s.start <= s.end]
        timed.sort(key=lambda s: (_room(s), s.start or "", s.line))
        latest: dict[str, Session] = {}
        for session in timed:
            room = _room(session)
            previous = latest.get(room)
            if previous is not None and (session.start or "") < (previous.end or ""):
                where = f"room {room}" if room else "the shared room"
                yield (
                    session.loc("start"),
                    (
                        f"session {session.title!r} ({session.start}-{session.end}) overlaps "
                        f"{previous.title!r} ({previous.start}-{previous.end}) in {where} "
                        f"on {day.date}; give one a different room or time"
                    ),
                )
            if previous is None or (session.end or "") > (previous.end or ""):
                latest[room] = session


@event_rule("speaker-country-missing", "warning", SECTION)
def speaker_country_missing(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """A speaker without ``country``.

    Without it, the speaker is missing from the regional and
    developing-country figures that Resolution 53 asks the WSG to watch.

    Passing ``data/events/2026/demo.yaml``::

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
        programme:
          - date: 2026-09-10
            sessions:
              - start: "09:30"
                end: "10:00"
                title: Keynote
                speakers:
                  - {name: Amina Diallo, country: SN}

    Failing ``data/events/2026/demo.yaml`` (line 18, column 13)::

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
        programme:
          - date: 2026-09-10
            sessions:
              - start: "09:30"
                end: "10:00"
                title: Keynote
                speakers:
                  - {name: Amina Diallo}
    """
    for speaker in event.speakers():
        if speaker.country is None and not speaker.given("country"):
            yield (
                speaker.loc(),
                (
                    f"speaker {speaker.name!r} has no country; add e.g. country: SN so the "
                    "regional balance counts them"
                ),
            )


@event_rule("timezone-country", "warning", SECTION)
def timezone_country(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """An in-person or hybrid event whose ``timezone`` is not a zone of its venue's country.

    Its local times would be read in the wrong place's clock: Nairobi with
    ``Europe/Zurich``, the zone copied from a Geneva event. A zone counts as the
    country's when the tz database lists it for that country (its ``zone.tab``),
    or as keeping the country's clocks since 1970 (``zone1970.tab``: Europe/Berlin
    for Norway too). A virtual event may keep any zone.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI for health
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Africa/Nairobi
        format: in-person
        venue: {city: Nairobi, country: KE}
        organizers: [sg16]
        themes: [ai]

    Failing ``data/events/2026/demo.yaml`` (line 7, column 11)::

        id: demo
        title: Workshop on AI for health
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: in-person
        venue: {city: Nairobi, country: KE}
        organizers: [sg16]
        themes: [ai]
    """
    if event.format not in ("in-person", "hybrid") or event.venue is None:
        return
    zone, country = event.timezone, event.venue.country
    if zone is None or country is None:
        return
    from wsg import zones

    if zones.is_zone_of(zone, country) is False:
        yield (
            event.loc("timezone"),
            f"{zone} is not a time zone of {country}, the venue's country; "
            f"{zones.suggestion(country)}",
        )


@event_rule("outcome-in-future", "error", SECTION)
def outcome_in_future(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """An outcome dated after today.

    An outcome's ``date`` is the day it was published: add the outcome once it
    is online, with that day. An outcome dated today is fine.

    Passing ``data/events/2026/demo.yaml``::

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
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-06-01}

    Failing ``data/events/2026/demo.yaml`` (line 19, column 79)::

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
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-06-02}
    """
    for outcome in event.outcomes:
        if outcome.date is not None and outcome.date > dataset.today:
            yield (
                outcome.loc("date"),
                f"outcome {outcome.title!r} is dated {outcome.date}, after today "
                f"({dataset.today}); add it once it is published, with that day",
            )
