"""Reference rules: ids that must name something that exists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from wsg.kinds import MAX_SUGGESTIONS, did_you_mean
from wsg.model import Event, Group, Loc, Located, Topic
from wsg.rules import Problem, dataset_rule

if TYPE_CHECKING:
    from wsg.dataset import Dataset

SECTION = "References"


@dataset_rule("duplicate-id", "error", SECTION)
def duplicate_id(dataset: Dataset) -> Iterator[Problem]:
    """Two records of the same kind share an id.

    An event's id names its file, so two events with one id can only sit in
    two year folders (here, the example dataset's ``data/events/2025/ai-day.yaml``);
    the later file in path order is reported. The optional ``id`` of a session
    (which keeps its calendar entry stable) is unique within its event.

    Passing ``data/events/2026/ai-day-2026.yaml``::

        id: ai-day-2026
        title: AI day
        kind: seminar
        status: proposed
        start: 2026-09-10
        end: 2026-09-10
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]

    Failing ``data/events/2026/ai-day.yaml`` (line 1, column 5)::

        id: ai-day
        title: AI day
        kind: seminar
        status: proposed
        start: 2026-09-10
        end: 2026-09-10
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]

    Failing ``data/events/2026/ai-day-2026.yaml`` (line 15, column 14)::

        id: ai-day-2026
        title: AI day
        kind: seminar
        status: proposed
        start: 2026-09-10
        end: 2026-09-10
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        programme:
          - date: 2026-09-10
            sessions:
              - {id: opening, start: "09:30", end: "10:00", title: Opening}
              - {id: opening, start: "10:00", end: "10:30", title: Welcome}
    """
    kinds: tuple[tuple[str, list[Event] | list[Group] | list[Topic]], ...] = (
        ("event", dataset.events),
        ("group", dataset.groups),
        ("topic", dataset.topics),
    )
    for kind, records in kinds:
        seen: dict[str, Event | Group | Topic] = {}
        for record in records:
            if record.id is None:
                continue
            first = seen.setdefault(record.id, record)
            if first is not record:
                yield record.loc("id"), f"{kind} id {record.id!r} is also used by {first.file}"
    for event in dataset.events:
        sessions: dict[str, Loc] = {}
        for day in event.programme:
            for session in day.sessions:
                if session.id is None:
                    continue
                here = session.loc("id")
                first_at = sessions.setdefault(session.id, here)
                if first_at is not here:
                    yield (
                        here,
                        f"session id {session.id!r} is also used by the session at line "
                        f"{first_at.line}; a session id is unique within its event",
                    )


def _searches() -> Iterator[int]:
    """A run's allowance of "did you mean" searches: each reads every known id, and a
    hostile dataset names 100,000 unknown ones among thousands of groups."""
    return iter(range(MAX_SUGGESTIONS))


def _unknown(
    dataset: Dataset,
    searches: Iterator[int],
    what: str,
    group_id: str | None,
    record: Located,
    key: str,
) -> Iterator[Problem]:
    """The problem when ``group_id``, the value of ``record``'s ``key``, names no group."""
    if group_id is not None and group_id not in dataset.group_ids:
        searched = next(searches, None) is not None
        hint = did_you_mean(group_id, dataset.group_ids) if searched else ""
        yield record.loc(key), f"{what} {group_id!r} is not a group{hint}"


@dataset_rule("unknown-group", "error", SECTION)
def unknown_group(dataset: Dataset) -> Iterator[Problem]:
    """``organizers``, ``parent``, ``to`` or a ``by`` names no group.

    Every group id must have its file in ``data/groups/``. The ``by`` keys
    are those of an event's ``approval`` and ``proposal``, of a seat's
    ``appointed`` and of a topic's ``raised``.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16, sg17]
        themes: [ai]

    Failing ``data/events/2026/demo.yaml`` (line 9, column 20)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16, sg71]
        themes: [ai]
    """
    known = dataset.group_ids
    searches = _searches()
    for event in dataset.events:
        for index, organizer in enumerate(event.organizers):
            if organizer not in known:
                yield from _unknown(
                    dataset, searches, "organizer", organizer, event, f"organizers.{index}"
                )
        if event.approval is not None:
            yield from _unknown(
                dataset, searches, "approval.by", event.approval.by, event.approval, "by"
            )
        if event.proposal is not None:
            yield from _unknown(
                dataset, searches, "proposal.by", event.proposal.by, event.proposal, "by"
            )
        for outcome in event.outcomes:
            for index, recipient in enumerate(outcome.to):
                if recipient not in known:
                    yield from _unknown(
                        dataset, searches, "recipient", recipient, outcome, f"to.{index}"
                    )
    for group in dataset.groups:
        yield from _unknown(dataset, searches, "parent", group.parent, group, "parent")
        for seat in group.management:
            if seat.appointed is not None:
                yield from _unknown(
                    dataset, searches, "appointed.by", seat.appointed.by, seat.appointed, "by"
                )
    for topic in dataset.topics:
        if topic.raised is not None:
            yield from _unknown(dataset, searches, "raised.by", topic.raised.by, topic.raised, "by")


@dataset_rule("unknown-theme", "error", SECTION)
def unknown_theme(dataset: Dataset) -> Iterator[Problem]:
    """A theme id that ``wsg.yaml`` does not declare.

    Themes are the WSG's controlled vocabulary, declared under ``themes`` in
    ``data/groups/wsg.yaml`` (here: ``ai`` and ``security``), for events and
    for the topics of the technology watch alike.

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
        themes: [ai, security]

    Failing ``data/events/2026/demo.yaml`` (line 10, column 14)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai, securty]
    """
    if dataset.wsg is None:
        return
    searches = _searches()
    records: list[Event | Topic] = [*dataset.events, *dataset.topics]
    for record in records:
        for index, theme in enumerate(record.themes):
            if theme not in dataset.themes:
                searched = next(searches, None) is not None
                hint = did_you_mean(theme, dataset.themes) if searched else ""
                message = f"theme {theme!r} is not declared in wsg.yaml{hint}"
                yield record.loc(f"themes.{index}"), message


@dataset_rule("missing-wsg", "error", SECTION)
def missing_wsg(dataset: Dataset) -> Iterator[Problem]:
    """There is no ``data/groups/wsg.yaml``.

    It declares the themes, the policy and the WSG's own management team;
    without it, theme and policy checks cannot run.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing without ``data/groups/wsg.yaml`` (line 1, column 1).
    """
    if not any(s.kind == "group" and s.path.name == "wsg.yaml" for s in dataset.files):
        folder = dataset.data_dir.resolve().name
        yield (
            Loc(f"{folder}/groups/wsg.yaml", 1, 1),
            ("there is no groups/wsg.yaml; create it with the WSG's id, name, kind and themes"),
        )


@dataset_rule("unknown-event", "error", SECTION)
def unknown_event(dataset: Dataset) -> Iterator[Problem]:
    """A topic's ``events``, ``postponement.to`` or ``cancellation.replaced_by`` names no event.

    Each must be the id of an event in ``data/events/`` (here, the example
    dataset's ``ai-forum`` and ``ai-day``): the event that addresses the
    topic, or the one that holds the new dates of a postponed or cancelled
    event. That one is another event: ``to`` or ``replaced_by`` naming the
    event itself is reported too (leave the key out until the new event exists).

    Passing ``data/topics/demo.yaml``::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: covered
        raised: {date: 2024-10-01, by: sg17, ref: SG17-TD-100}
        reviewed: 2026-04-01
        events: [ai-forum]

    Failing ``data/topics/demo.yaml`` (line 7, column 10)::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: covered
        raised: {date: 2024-10-01, by: sg17, ref: SG17-TD-100}
        reviewed: 2026-04-01
        events: [ai-froum]

    Failing ``data/events/2026/demo.yaml`` (line 11, column 38)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: postponed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        postponement: {date: 2026-05-20, to: 2027-ai-day}

    Failing ``data/events/2026/demo.yaml`` (line 11, column 47)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: cancelled
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        cancellation: {date: 2026-05-20, replaced_by: demo, reason: Moved online}
    """
    known = dataset.event_ids
    searches = _searches()

    def unknown(what: str, event_id: str | None, record: Located, key: str) -> Iterator[Problem]:
        if event_id is not None and event_id not in known:
            searched = next(searches, None) is not None
            hint = did_you_mean(event_id, known) if searched else ""
            yield record.loc(key), f"{what} {event_id!r} is not an event{hint}"

    for event in dataset.events:
        for what, record, key, other in (
            ("postponement.to", event.postponement, "to", "holds the new dates"),
            ("cancellation.replaced_by", event.cancellation, "replaced_by", "replaces it"),
        ):
            event_id = getattr(record, key) if record is not None else None
            if record is None or event_id is None:
                continue
            if event_id == event.id:
                yield (
                    record.loc(key),
                    f"{what} {event_id!r} names this event itself: name the event that {other},"
                    f" or leave {key!r} out until it exists",
                )
            else:
                yield from unknown(what, event_id, record, key)
    for topic in dataset.topics:
        for index, event_id in enumerate(topic.events):
            yield from unknown("topic event", event_id, topic, f"events.{index}")


@dataset_rule("closed-group", "error", SECTION)
def closed_group(dataset: Dataset) -> Iterator[Problem]:
    """An event organized, approved or sent outcomes by a group that had closed before that date.

    A group's ``closed`` is the last day it exists: it may organize an event
    that starts that day, approve on that day, receive an outcome published that
    day, but nothing later. The dates compared are the event's ``start``,
    ``approval.date`` and each outcome's ``date``. Usually the work moved to
    another group (SG9 and SG16 into SG21): name that one.

    Passing ``data/events/2023/fg-demo.yaml``::

        id: fg-demo
        title: Workshop on AI for health
        kind: workshop
        status: cancelled
        start: 2023-09-30
        end: 2023-09-30
        timezone: Europe/Zurich
        format: virtual
        organizers: [fg-ai4h]
        themes: [ai]
        cancellation: {date: 2023-09-01, reason: Held as part of the closing meeting}

    Failing ``data/events/2023/fg-demo.yaml`` (line 9, column 14)::

        id: fg-demo
        title: Workshop on AI for health
        kind: workshop
        status: cancelled
        start: 2023-10-10
        end: 2023-10-10
        timezone: Europe/Zurich
        format: virtual
        organizers: [fg-ai4h]
        themes: [ai]
        cancellation: {date: 2023-09-01, reason: Held as part of the closing meeting}
    """
    groups = dataset.group_ids

    def closed_before(group_id: str | None, day: date | None) -> date | None:
        group = groups.get(group_id) if group_id is not None else None
        if group is None or group.closed is None or day is None or day <= group.closed:
            return None
        return group.closed

    for event in dataset.events:
        for index, organizer in enumerate(event.organizers):
            closed = closed_before(organizer, event.start)
            if closed is not None:
                yield (
                    event.loc(f"organizers.{index}"),
                    f"organizer {organizer!r} closed on {closed}, before the event starts "
                    f"({event.start}){_successor_hint(dataset, organizer)}",
                )
        approval = event.approval
        if approval is not None:
            closed = closed_before(approval.by, approval.date)
            if closed is not None:
                yield (
                    approval.loc("by"),
                    f"approval.by {approval.by!r} closed on {closed}, before the approval "
                    f"({approval.date}){_successor_hint(dataset, approval.by)}",
                )
        for outcome in event.outcomes:
            for index, recipient in enumerate(outcome.to):
                closed = closed_before(recipient, outcome.date)
                if closed is not None:
                    yield (
                        outcome.loc(f"to.{index}"),
                        f"recipient {recipient!r} closed on {closed}, before the outcome "
                        f"{outcome.title!r} was sent ({outcome.date})"
                        f"{_successor_hint(dataset, recipient)}",
                    )


def _successor_hint(dataset: Dataset, closed_id: str | None) -> str:
    return "; name the group that carries on its work"
