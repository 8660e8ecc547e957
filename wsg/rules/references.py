"""Reference rules: ids that must name something that exists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from wsg.kinds import MAX_SUGGESTIONS, did_you_mean
from wsg.model import Event, Group, Loc, Located
from wsg.rules import Problem, dataset_rule

if TYPE_CHECKING:
    from wsg.dataset import Dataset

SECTION = "References"


@dataset_rule("duplicate-id", "error", SECTION)
def duplicate_id(dataset: Dataset) -> Iterator[Problem]:
    """Two records of the same kind share an id.

    An event's id names its file, so two events with one id can only sit in
    two year folders (here, the example dataset's ``data/events/2025/ai-day.yaml``);
    the later file in path order is reported.

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
    """
    for kind, records in (("event", dataset.events), ("group", dataset.groups)):
        seen: dict[str, Event | Group] = {}
        for record in records:
            if record.id is None:
                continue
            first = seen.setdefault(record.id, record)
            if first is not record:
                yield record.loc("id"), f"{kind} id {record.id!r} is also used by {first.file}"


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
    """``organizers``, ``parent``, ``to``, ``approval.by`` or ``appointed.by`` name no group.

    Every group id must have its file in ``data/groups/``.

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


@dataset_rule("unknown-theme", "error", SECTION)
def unknown_theme(dataset: Dataset) -> Iterator[Problem]:
    """A theme id that ``wsg.yaml`` does not declare.

    Themes are the WSG's controlled vocabulary, declared under ``themes`` in
    ``data/groups/wsg.yaml`` (here: ``ai`` and ``security``).

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
    for event in dataset.events:
        for index, theme in enumerate(event.themes):
            if theme not in dataset.themes:
                searched = next(searches, None) is not None
                hint = did_you_mean(theme, dataset.themes) if searched else ""
                message = f"theme {theme!r} is not declared in wsg.yaml{hint}"
                yield event.loc(f"themes.{index}"), message


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
