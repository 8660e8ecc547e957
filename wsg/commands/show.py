"""``wsg show ID``: one event or group in full, readable."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from wsg import dataset as datasets
from wsg.cache import FileCache
from wsg.errors import WsgError
from wsg.kinds import did_you_mean
from wsg.model import Event, Group, Person
from wsg.serialize import to_data


def run(record_id: str, data_dir: Path, today: date, output_format: str, out: TextIO) -> int:
    if output_format not in ("text", "json"):
        raise WsgError(f"unknown format {output_format!r}; choose text or json")
    dataset = datasets.load(data_dir, today, FileCache.reading(data_dir))
    record: Event | Group | None = dataset.event(record_id) or dataset.group_ids.get(record_id)
    if record is None:
        known = [e.id for e in dataset.events if e.id] + list(dataset.group_ids)
        raise WsgError(f"no event or group is called {record_id!r}{did_you_mean(record_id, known)}")
    if output_format == "json":
        document = {
            "record": "event" if isinstance(record, Event) else "group",
            "file": record.file,
        }
        document.update(to_data(record))
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return 0
    lines = _event_text(record) if isinstance(record, Event) else _group_text(record, today)
    out.write("\n".join(lines) + "\n")
    return 0


def _person(person: Person) -> str:
    parts = [person.name or "?"]
    details = ", ".join(p for p in (person.affiliation, person.country) if p)
    if details:
        parts.append(f"({details})")
    return " ".join(parts)


def _field(lines: list[str], label: str, value: Any) -> None:
    if value not in (None, "", []):
        lines.append(f"{label + ':':<16}{value}")


def _event_text(event: Event) -> list[str]:
    lines = [f"{event.title}", f"{event.id}  ·  {event.file}", ""]
    _field(lines, "Status", event.status)
    _field(lines, "Kind", f"{event.kind}, {event.format}")
    _field(lines, "Dates", f"{event.start} to {event.end} ({event.timezone})")
    if event.venue:
        place = ", ".join(
            p for p in (event.venue.place, event.venue.city, event.venue.country) if p
        )
        _field(lines, "Venue", place)
    _field(lines, "Host", event.host)
    _field(lines, "Organizers", ", ".join(event.organizers))
    _field(lines, "Themes", ", ".join(event.themes))
    _field(lines, "Languages", ", ".join(event.languages))
    _field(lines, "Interpretation", ", ".join(event.interpretation))
    if event.approval:
        _field(lines, "Approved", f"{event.approval.date} by {event.approval.by}")
    if event.announcement:
        _field(
            lines, "Announced", f"{event.announcement.date} {event.announcement.ref or ''}".strip()
        )
    if event.cancellation:
        _field(lines, "Cancelled", f"{event.cancellation.date}: {event.cancellation.reason or ''}")
    if event.participation:
        p = event.participation
        _field(
            lines,
            "Participation",
            f"{p.registered} registered, {p.in_person} in person, {p.remote} remote, "
            f"{len(p.by_country)} countries",
        )
    if event.programme_committee:
        lines.append("")
        lines.append("Programme committee")
        lines.extend(f"  {_person(m)}" for m in event.programme_committee)
    for day in event.programme:
        lines.append("")
        lines.append(f"{day.date}")
        for session in day.sessions:
            room = f"  [{session.room}]" if session.room else ""
            lines.append(f"  {session.start}-{session.end}  {session.title}{room}")
            for chair in session.chairs:
                lines.append(f"      chair: {_person(chair)}")
            for speaker in session.speakers:
                lines.append(f"      {_person(speaker)}")
    if event.outcomes:
        lines.append("")
        lines.append("Outcomes")
        for outcome in event.outcomes:
            lines.append(f"  {outcome.date}  {outcome.type}: {outcome.title}  {outcome.url}")
    if event.notes:
        lines.extend(["", event.notes.rstrip()])
    return lines


def _group_text(group: Group, today: date) -> list[str]:
    lines = [f"{group.name}", f"{group.id}  ·  {group.file}", ""]
    _field(lines, "Kind", group.kind)
    _field(lines, "Acronym", group.acronym)
    _field(lines, "Parent", group.parent)
    if group.established:
        _field(
            lines, "Established", f"{group.established.date} {group.established.by or ''}".strip()
        )
    _field(lines, "Closed", group.closed)
    if group.management:
        lines.extend(["", "Management (* in office today)"])
        for seat in group.management:
            term = seat.term
            span = f"{term.start} to {term.end or 'now'}" if term else "?"
            mark = "*" if seat.holds_on(today) else " "
            region = f" {seat.region}" if seat.region else ""
            lines.append(f" {mark} {seat.role}{region}: {_person(seat)}  {span}")
    if group.themes:
        lines.extend(["", "Themes"])
        lines.extend(f"  {t.id:<28} {t.priority:<7} {t.title}" for t in group.themes)
    return lines
