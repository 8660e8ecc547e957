"""``wsg show ID``: one event, group or topic in full, readable.

An id that names records of two kinds shows the event, else the group, else the topic.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wsg import dataset as datasets
from wsg import groupnames, links
from wsg.cache import FileCache
from wsg.commands import eventfacts
from wsg.errors import WsgError
from wsg.kinds import did_you_mean
from wsg.model import Event, Group, Person, Topic
from wsg.serialize import to_data
from wsg.terminal import printable, text, write

if TYPE_CHECKING:
    from rich.console import RenderableType


def run(record_id: str, data_dir: Path, today: date, output_format: str, out: TextIO) -> int:
    if output_format not in ("text", "json"):
        raise WsgError(f"unknown format {output_format!r}; choose text or json")
    dataset = datasets.load(data_dir, today, FileCache.reading(data_dir))
    topics = {t.id: t for t in dataset.topics if t.id}
    group_id = groupnames.find(record_id, dataset.group_ids)  # an acronym will do: SG17
    record: Event | Group | Topic | None = (
        dataset.event(record_id)
        or (dataset.group_ids[group_id] if group_id is not None else None)
        or topics.get(record_id)
    )
    if record is None:
        known = [e.id for e in dataset.events if e.id] + list(dataset.group_ids) + list(topics)
        raise WsgError(
            f"no event, group or topic is called {record_id!r}{did_you_mean(record_id, known)}"
        )
    if output_format == "json":
        kind = {Event: "event", Group: "group", Topic: "topic"}[type(record)]
        document: dict[str, Any] = {"record": kind, "file": record.file}
        document.update(to_data(record))
        if isinstance(record, Event):  # the topics of the technology watch that address it
            document["topics"] = [t.id for t in links.addressing(dataset, record_id)]
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return 0
    if isinstance(record, Event):
        parts = _event_text(record, eventfacts.facts(record, dataset))
    elif isinstance(record, Group):
        parts = _group_text(record, today)
    else:
        events = {e.id: e for e in dataset.events if e.id}
        parts = _topic_text(record, events, eventfacts.review_due(record, dataset))
    write(out, *parts)
    return 0


def _person(person: Person) -> str:
    parts = [person.name or "?"]
    details = ", ".join(p for p in (person.affiliation, person.country) if p)
    if details:
        parts.append(f"({details})")
    return " ".join(parts)


class _Page:
    """The readable text of a record: headed blocks of fields, lists and programme rows."""

    def __init__(self) -> None:
        self.parts: list[RenderableType] = []
        self.fields: list[tuple[str, str]] = []

    def heading(self, title: str, subtitle: str) -> None:
        self.parts += [text(printable(title), "bold"), text(printable(subtitle), "dim")]

    def field(self, label: str, value: Any) -> None:
        if value not in (None, "", []):
            self.fields.append((label, printable(value)))

    def flush(self) -> None:
        if not self.fields:
            return
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True, min_width=15)
        grid.add_column(overflow="fold")
        for label, value in self.fields:
            grid.add_row(text(label + ":"), text(value))
        self.parts += [text(""), grid]
        self.fields = []

    def section(self, title: str, lines: Sequence[tuple[str, ...]]) -> None:
        """A titled block of ``(left, right[, style])`` rows; a right cell that starts
        with spaces is indented by as many, its wrapped lines too."""
        from rich.padding import Padding
        from rich.table import Table

        self.flush()
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for left, right, *style in lines:
            indent = len(right) - len(right.lstrip(" "))
            cell = text(printable(right.lstrip(" ")), *style)
            grid.add_row(text(printable(left)), Padding(cell, (0, 0, 0, indent)))
        self.parts += [text(""), text(printable(title), "bold"), grid]

    def paragraph(self, value: str) -> None:
        self.flush()
        self.parts += [text(""), text(printable(value.rstrip(), newlines=True))]


def _event_text(event: Event, facts: list[tuple[str, str]]) -> list[RenderableType]:
    page = _Page()
    page.heading(event.title or "", f"{event.id}  ·  {event.file}")
    page.field("Status", event.status)
    page.field("Kind", f"{event.kind}, {event.format}")
    page.field("Dates", f"{event.start} to {event.end} ({event.timezone})")
    if event.venue:
        place = ", ".join(
            p for p in (event.venue.place, event.venue.city, event.venue.country) if p
        )
        page.field("Venue", place)
    page.field("Host", event.host)
    page.field("Organizers", ", ".join(event.organizers))
    page.field(
        "Co-organizers",
        "; ".join(
            ", ".join(p for p in (c.name, c.kind, c.country) if p) for c in event.co_organizers
        ),
    )
    page.field("Themes", ", ".join(event.themes))
    page.field("Languages", ", ".join(event.languages))
    page.field("Interpretation", ", ".join(event.interpretation))
    if event.proposal:
        who = ", ".join(
            [*([event.proposal.by] if event.proposal.by else []), *event.proposal.countries]
        )
        page.field("Proposed", f"{event.proposal.date} by {who or '?'}")
    if event.approval:
        page.field("Approved", f"{event.approval.date} by {event.approval.by}")
    if event.announcement:
        page.field("Announced", f"{event.announcement.date} {event.announcement.ref or ''}".strip())
    page.field("Registration", event.registration)
    if event.cancellation:
        c = event.cancellation
        instead = _other_event("replaced by", "replaced_by", c.replaced_by, event)
        page.field("Cancelled", f"{c.date}: {c.reason or ''}{instead}")
    if event.postponement:
        moved = event.postponement
        to = _other_event("new dates:", "to", moved.to, event)
        page.field("Postponed", f"{moved.date}: {moved.reason or ''}{to}")
    if event.participation:
        p = event.participation
        page.field(
            "Participation",
            f"{p.registered} registered, {p.in_person} in person, {p.remote} remote, "
            f"{len(p.by_country)} countries",
        )
    for label, value in facts:
        page.field(label, value)
    page.flush()
    if event.programme_committee:
        page.section("Programme committee", [("", _person(m)) for m in event.programme_committee])
    for day in event.programme:
        rows: list[tuple[str, ...]] = []
        for session in day.sessions:
            room = f"  [{session.room}]" if session.room else ""
            rows.append((f"{session.start}-{session.end}", f"{session.title}{room}"))
            rows += [("", f"  chair: {_person(chair)}", "dim") for chair in session.chairs]
            rows += [("", f"  {_person(speaker)}") for speaker in session.speakers]
        page.section(f"{day.date}", rows)
    if event.outcomes:
        page.section(
            "Outcomes",
            [
                row
                for o in event.outcomes
                for row in (
                    (f"{o.date}", f"{o.type}: {o.title} [{', '.join(o.languages)}]"),
                    ("", f"{o.url}", "dim"),
                )
            ],
        )
    if event.notes:
        page.paragraph(event.notes)
    return page.parts


def _group_text(group: Group, today: date) -> list[RenderableType]:
    page = _Page()
    page.heading(group.name or "", f"{group.id}  ·  {group.file}")
    page.field("Kind", group.kind)
    page.field("Acronym", group.acronym)
    page.field("Parent", group.parent)
    if group.established:
        page.field("Established", f"{group.established.date} {group.established.by or ''}".strip())
    page.field("Closed", group.closed)
    page.flush()
    if group.management:
        rows = []
        for seat in group.management:
            term = seat.term
            span = f"{term.start} to {term.end or 'now'}" if term else "?"
            mark = "*" if seat.holds_on(today) else " "
            region = f" {seat.region}" if seat.region else ""
            rows.append((f"{mark} {seat.role}{region}", f"{_person(seat)}  {span}"))
        page.section("Management (* in office today)", rows)
    if group.themes:
        page.section("Themes", [(f"{t.id}", f"{t.priority:<7} {t.title}") for t in group.themes])
    return page.parts


def _topic_text(topic: Topic, events: dict[str, Event], due: str) -> list[RenderableType]:
    page = _Page()
    page.heading(topic.title or "", f"{topic.id}  ·  {topic.file}")
    page.field("Status", topic.status)
    page.field("Themes", ", ".join(topic.themes))
    if topic.raised:
        raised = f"{topic.raised.date} by {topic.raised.by} {topic.raised.ref or ''}".strip()
        page.field("Raised", raised)
    page.field("Reviewed", f"{topic.reviewed}{due}" if topic.reviewed else None)
    page.flush()
    if topic.events:
        rows = []
        for event_id in topic.events:
            event = events.get(event_id)
            what = f"{event.status}, {event.start}: {event.title}" if event else "(no such event)"
            rows.append((event_id, what))
        page.section("Events", rows)
    if topic.notes:
        page.paragraph(topic.notes)
    return page.parts


def _other_event(label: str, key: str, event_id: str | None, event: Event) -> str:
    """`` (new dates: ID)``, `` (replaced by ID)``; naming the event itself names no other
    event (unknown-event), and is said so."""
    if not event_id:
        return ""
    if event_id == event.id:
        return f" (no other event: {key} names this event itself)"
    return f" ({label} {event_id})"
