"""The frab / c3voc ``schedule.json`` that conference apps (Giggity, ConfClerk) read.

The schema's traps, each handled here: the acronym allows no hyphen except in a
``-2YYY-name`` suffix; events allow no keys beyond the schema's; a person must
match exactly one of the frab and pretalx shapes (we write the pretalx shape:
``name`` without ``public_name``/``id``); the schedule itself may not carry
``rooms``. GUIDs are uuid5 of stable names, so two renders are identical.

A talk's ``url`` is its session on the event's page in the published site:
absolute when the site's address is known (``--base-url``), else relative to
the ``events/`` folder where the site publishes this file beside the page. Its
people are its speakers, then its chairs; their affiliations go in the talk's
description (a ``biography`` is not an affiliation). ``version`` is the date of
the event's revision (its file's last commit, else its last dated decision) and
a digest of the schedule itself: it changes whenever what the file says
changes, and never by itself.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from wsg import __version__
from wsg.render import times
from wsg.render.agenda import AgendaView, PersonView, SessionView, shared_room
from wsg.render.ics import revision
from wsg.render.text import safe_url, slug

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
_ACRONYM = re.compile(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$")
_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/itu-t/wsg")


def guid(*parts: str) -> str:
    """``uuid.uuid5(_NAMESPACE, "/".join(parts))``, computed without building UUID objects."""
    digest = bytearray(hashlib.sha1(_NAMESPACE.bytes + "/".join(parts).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def acronym(event_id: str) -> str:
    """``2026-03-ai-watermarking`` → ``2026_03_ai_watermarking`` (the schema's pattern)."""
    text = re.sub(r"[^a-z0-9_]+", "_", event_id.lower()).strip("_") or "event"
    if len(text) < 4:
        text = f"{text}_wsg"
    assert _ACRONYM.match(text), text
    return text


def schedule(view: AgendaView) -> dict[str, Any]:
    event = view.event
    short = acronym(view.event_id)
    shared = shared_room(event, view.rooms)
    rooms = [*view.rooms, *([shared] if any(s.room is None for s in view.sessions) else [])]
    conference: dict[str, Any] = {
        "acronym": short,
        "title": view.title,
        "start": _iso(event.start or _first_day(view)),
        "end": _iso(event.end or event.start or _last_day(view)),
        "daysCount": 0,
        "timeslot_duration": _timeslot(view.sessions),
    }
    if view.zone_known and _ZONE_NAME.match(view.zone_name):
        conference["time_zone_name"] = view.zone_name
    if view.notice is not None:
        conference["description"] = view.notice.plain
    circular = safe_url(event.announcement.url) if event.announcement else None
    url = view.context.absolute(view.event_id) or circular
    if url:
        conference["url"] = url
    conference["rooms"] = [
        {"name": room, "slug": slug(room), "guid": guid(view.event_id, "room", room)}
        for room in rooms
    ]
    days = [_day(view, index, day, rooms, shared) for index, day in enumerate(_days(view))]
    conference["daysCount"] = len(days)
    conference["days"] = days
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": "wsg", "version": __version__},
        "schedule": {"version": version(view, conference), "conference": conference},
    }


def version(view: AgendaView, conference: dict[str, Any]) -> str:
    """``2026-07-01.3f9a2c1d0b``: the date of the event's revision, and a digest of the schedule.

    The revision is the calendar's (``ics.revision``: the last commit of the
    event's file, else its last dated decision). The same commit gives the same
    version, and any change to what the schedule says gives another (apps
    compare it to reload). An event with neither has the digest alone.
    """
    state = revision(view.event, view.context.today, view.context.history)
    text = json.dumps(conference, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"{state.modified:%Y-%m-%d}.{digest}" if state.modified is not None else digest


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "1970-01-01"


def _first_day(view: AgendaView) -> date | None:
    return view.days[0].date if view.days else None


def _last_day(view: AgendaView) -> date | None:
    return view.days[-1].date if view.days else None


def _days(view: AgendaView) -> list[date]:
    """Every day from start to end, plus any programme day outside them."""
    found = {d.date for d in view.days}
    start, end = view.event.start, view.event.end
    if start is not None and end is not None and start <= end and (end - start).days < 366:
        found.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    elif start is not None:
        found.add(start)
    return sorted(found)


def _day(
    view: AgendaView,
    index: int,
    day: date,
    rooms: list[str],
    shared: str,
) -> dict[str, Any]:
    sessions = [s for s in view.sessions if s.day == day and s.start is not None]
    by_room: dict[str, list[dict[str, Any]]] = {room: [] for room in rooms}
    for session in sorted(sessions, key=lambda s: (s.start, s.number)):
        room = session.room or shared
        by_room[room].append(_event(view, session, room))
    starts = [s.start for s in sessions if s.start is not None]
    ends = [s.end or s.start for s in sessions if s.start is not None]
    first = min(starts) if starts else datetime.combine(day, time(0), tzinfo=view.zone)
    last = max(e for e in ends if e is not None) if ends else first.replace(hour=23, minute=59)
    return {
        "index": index,
        "date": day.isoformat(),
        "day_start": times.iso_local(first),
        "day_end": times.iso_local(last),
        "rooms": by_room,
    }


def _event(view: AgendaView, session: SessionView, room: str) -> dict[str, Any]:
    assert session.start is not None
    identity = guid(view.event_id, "session", session.uid)
    minutes = (
        int((session.end - session.start).total_seconds()) // 60 if session.end is not None else 0
    )
    return {
        "guid": identity,
        "id": session.number,
        "date": times.iso_local(session.start),
        "start": times.clock(session.start),
        "duration": f"{minutes // 60:02d}:{minutes % 60:02d}",
        "room": room,
        "slug": _slug(view.event_id, session),
        "url": view.context.published(view.event_id, session.anchor),
        "title": session.title,
        "subtitle": None,
        "track": None,
        "type": session.kind,
        "language": (view.event.languages or ["en"])[0],
        "abstract": None,
        "description": _description(session) or None,
        "persons": [_person(p) for p in _people(session)],
        "links": [
            {"type": "slides", "url": p.presentation, "title": f"Slides: {p.name}"}
            for p in session.speakers
            if p.presentation
        ],
    }


def _slug(event_id: str, session: SessionView) -> str:
    """``2026-03-ai-watermarking-20260310-opening-remarks``: from the session's key, so stable."""
    return f"{slug(event_id)}-{session.key}"[:120].rstrip("-")


def _people(session: SessionView) -> list[PersonView]:
    """Its speakers, then its chairs (a chair who also speaks is listed once)."""
    named = {p.name for p in session.speakers}
    return [*session.speakers, *(p for p in session.chairs if p.name not in named)]


def _person(person: PersonView) -> dict[str, Any]:
    """The pretalx shape: a name and a stable guid (the affiliation is not a biography)."""
    return {"name": person.name, "guid": guid("person", person.name)}


def _description(session: SessionView) -> str:
    """``Chair: Kofi Mensah (NCA, Ghana)`` and ``Speakers: …``, one line each."""
    lines = []
    for role, plural, people in (
        ("Chair", "Chairs", session.chairs),
        ("Speaker", "Speakers", session.speakers),
    ):
        if people:
            names = "; ".join(f"{p.name} ({p.details})" if p.details else p.name for p in people)
            lines.append(f"{plural if len(people) > 1 else role}: {names}")
    return "\n".join(lines)


def _timeslot(sessions: tuple[SessionView, ...]) -> str:
    """The largest step (at most an hour, at least 5 minutes) that every start and end falls on."""
    step = 60
    for session in sessions:
        for moment in (session.start, session.end):
            if moment is not None:
                step = math.gcd(step, moment.minute)
    step = max(step, 5)
    return f"00:{step:02d}" if step < 60 else "01:00"
