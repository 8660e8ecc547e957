"""Lifecycle and dissemination rules: an event's status, its dates and what it published."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

from wsg.model import BudgetLine, Event, EventBudget
from wsg.plural import plural
from wsg.rules import Problem, dataset_rule, event_rule

if TYPE_CHECKING:
    from wsg.dataset import Dataset

SECTION = "Lifecycle and dissemination"


@event_rule("missing-approval", "error", SECTION)
def missing_approval(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Status approved or later without ``approval``.

    An event is approved (by TSAG or a study group) before it is announced.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: approved
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2026-05-02, by: tsag}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: approved
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
    """
    if event.status in ("approved", "announced", "held") and not event.given("approval"):
        yield (
            event.loc("status"),
            (f"status {event.status} needs approval: {{date: YYYY-MM-DD, by: <group>, ref: …}}"),
        )


@event_rule("missing-announcement", "error", SECTION)
def missing_announcement(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Status announced or held without ``announcement``.

    The announcement (a TSB circular, a web page) is how developing countries
    learn of the event in time to take part.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: announced
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2026-05-02, by: tsag}
        announcement: {date: 2026-06-01, url: https://www.itu.int/go/demo}
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: announced
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2026-05-02, by: tsag}
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
    """
    if event.status in ("announced", "held") and not event.given("announcement"):
        yield (
            event.loc("status"),
            (f"status {event.status} needs announcement: {{date: YYYY-MM-DD, ref: …, url: …}}"),
        )


@event_rule("missing-cancellation", "error", SECTION)
def missing_cancellation(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Status cancelled without ``cancellation``.

    Say when and why, so that the record explains itself.

    Passing ``data/events/2026/demo.yaml``::

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
        cancellation: {date: 2026-05-20, reason: Venue unavailable}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

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
    """
    if event.status == "cancelled" and not event.given("cancellation"):
        yield (
            event.loc("status"),
            ("status cancelled needs cancellation: {date: YYYY-MM-DD, reason: …}"),
        )


@event_rule("held-in-future", "error", SECTION)
def held_in_future(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Status held but the event ends after today.

    Examples run on 2026-06-01. Use ``announced`` until the last day is over.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-06-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
    """
    if event.status == "held" and event.end is not None and event.end > dataset.today:
        yield (
            event.loc("status"),
            (
                f"status held, but the event ends on {event.end}, after today ({dataset.today}); "
                "keep it announced until then"
            ),
        )


@event_rule("stale-status", "warning", SECTION)
def stale_status(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Proposed, approved or announced, and the event ended before today.

    Once the event is over its status is held, cancelled or postponed.
    Examples run on 2026-06-01.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: announced
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
    """
    ended = event.end is not None and event.end < dataset.today
    if event.status in ("proposed", "approved", "announced") and ended:
        yield (
            event.loc("status"),
            (
                f"the event ended on {event.end} but is still {event.status}; "
                "set status to held, cancelled or postponed"
            ),
        )


@event_rule("late-announcement", "warning", SECTION)
def late_announcement(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Announced fewer than ``announcement_lead_days`` before the start.

    The WSG's policy (default 42 days) gives participants from developing
    countries time for visas, fellowships and travel.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: announced
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2026-05-02, by: tsag}
        announcement: {date: 2026-06-01, url: https://www.itu.int/go/demo}
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}

    Failing ``data/events/2026/demo.yaml`` (line 12, column 22)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: announced
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2026-05-02, by: tsag}
        announcement: {date: 2026-08-20, url: https://www.itu.int/go/demo}
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
    """
    announcement = event.announcement
    if announcement is None or announcement.date is None or event.start is None:
        return
    lead = (event.start - announcement.date).days
    required = dataset.policy.announcement_lead_days
    if lead < required:
        yield (
            announcement.loc("date"),
            (
                f"announced {_before_the_start(lead)}; the policy asks for at least "
                f"{plural(required, 'day')} (announce by {event.start - timedelta(days=required)})"
            ),
        )


def _before_the_start(lead: int) -> str:
    if lead > 0:
        return f"{plural(lead, 'day')} before the start"
    if lead < 0:
        return f"{plural(-lead, 'day')} after the start"
    return "on the day of the start"


@event_rule("missing-programme", "warning", SECTION)
def missing_programme(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Announced or held without a ``programme``.

    Participants decide whether to come from the programme.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: announced
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2026-05-02, by: tsag}
        announcement: {date: 2026-06-01, url: https://www.itu.int/go/demo}
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: announced
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2026-05-02, by: tsag}
        announcement: {date: 2026-06-01, url: https://www.itu.int/go/demo}
    """
    if event.status in ("announced", "held") and not event.programme:
        yield event.loc("status"), f"status {event.status} but there is no programme yet"


@event_rule("missing-participation", "warning", SECTION)
def missing_participation(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Held without ``participation``.

    Participation figures feed the yearly report and the regional balance.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
    """
    if event.status == "held" and not event.given("participation"):
        yield (
            event.loc("status"),
            ("the event was held but has no participation: {registered, in_person, remote}"),
        )


@event_rule("participation-mismatch", "warning", SECTION)
def participation_mismatch(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Participation figures that cannot all be true.

    ``in_person + remote`` more than ``registered``, or ``by_country`` summing
    to more than ``in_person + remote``.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}

    Failing ``data/events/2026/demo.yaml`` (line 13, column 16)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 130}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
    """
    figures = event.participation
    if figures is None:
        return
    attended = None
    if figures.in_person is not None and figures.remote is not None:
        attended = figures.in_person + figures.remote
        if figures.registered is not None and attended > figures.registered:
            yield (
                figures.loc(),
                (f"in_person + remote = {attended} is more than registered = {figures.registered}"),
            )
    if figures.by_country and attended is not None:
        total = sum(figures.by_country.values())
        if total > attended:
            yield (
                figures.loc("by_country"),
                (f"by_country sums to {total}, more than in_person + remote = {attended}"),
            )


@event_rule("outcomes-overdue", "warning", SECTION)
def outcomes_overdue(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Held, ended more than ``outcomes_due_days`` ago, and no ``report`` outcome.

    Disseminating the results is half of the WSG's mandate. Examples run on
    2026-06-01.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
    """
    if event.status != "held" or event.end is None:
        return
    due = event.end + timedelta(days=dataset.policy.outcomes_due_days)
    if due < dataset.today and not any(o.type == "report" for o in event.outcomes):
        late = (dataset.today - due).days
        yield (
            event.loc("status"),
            (
                f"no report outcome: it was due by {due} ({plural(late, 'day')} ago); add an outcome of "
                "type report"
            ),
        )


@event_rule("presentations-overdue", "warning", SECTION)
def presentations_overdue(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """Held, ended more than ``presentations_due_days`` ago, and no presentations online.

    Either a speaker's ``presentation`` link or an outcome of type
    ``presentations`` counts.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}

    Failing ``data/events/2026/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
    """
    if event.status != "held" or event.end is None:
        return
    due = event.end + timedelta(days=dataset.policy.presentations_due_days)
    if due < dataset.today:
        if any(o.type == "presentations" for o in event.outcomes):
            return
        if any(s.presentation for s in event.speakers()):
            return
        yield (
            event.loc("status"),
            (
                f"no presentations online: they were due by {due}; add speakers' presentation "
                "links or an outcome of type presentations"
            ),
        )


@event_rule("outcome-before-event", "error", SECTION)
def outcome_before_event(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """An outcome dated before the event started.

    An outcome's ``date`` is the day it was published; usually a mistyped year.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}

    Failing ``data/events/2026/demo.yaml`` (line 19, column 72)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2025-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
    """
    for outcome in event.outcomes:
        if outcome.date is not None and event.start is not None and outcome.date < event.start:
            yield (
                outcome.loc("date"),
                (
                    f"outcome {outcome.title!r} is dated {outcome.date}, before the event started "
                    f"({event.start})"
                ),
            )


@event_rule("liaison-without-recipient", "error", SECTION)
def liaison_without_recipient(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """A ``liaison`` outcome without ``to``.

    A liaison statement is sent to groups: name them.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
          - {type: liaison, title: LS on AI, url: https://www.itu.int/go/ls, date: 2026-04-02, to: [tsag]}

    Failing ``data/events/2026/demo.yaml`` (line 21, column 5)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
          - {type: liaison, title: LS on AI, url: https://www.itu.int/go/ls, date: 2026-04-02}
    """
    for outcome in event.outcomes:
        if outcome.type == "liaison" and not outcome.to and not outcome.given("to"):
            yield outcome.loc(), f"liaison {outcome.title!r} needs to: [<group ids>]"


@event_rule("fellowships-mismatch", "warning", SECTION)
def fellowships_mismatch(event: Event, dataset: Dataset) -> Iterator[Problem]:
    """``fellowships.by_country`` does not add up to ``granted``.

    ``by_country`` says how many recipients came from each country, so that
    the priority given to the least developed countries can be shown; its
    counts add up to the fellowships ``granted``.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        fellowships: {offered: true, granted: 3, by_country: {KE: 2, HT: 1}}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}

    Failing ``data/events/2026/demo.yaml`` (line 13, column 54)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: held
        start: 2026-03-10
        end: 2026-03-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        approval: {date: 2025-11-20, by: tsag}
        announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
        fellowships: {offered: true, granted: 3, by_country: {KE: 2, HT: 2}}
        participation: {registered: 120, in_person: 0, remote: 100}
        programme:
          - date: 2026-03-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}
        outcomes:
          - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
          - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
    """
    fellowships = event.fellowships
    if fellowships is None or fellowships.granted is None or not fellowships.by_country:
        return
    total = sum(fellowships.by_country.values())
    if total != fellowships.granted:
        yield (
            fellowships.loc("by_country"),
            (
                f"fellowships by_country adds up to {total}, but granted is "
                f"{fellowships.granted}; each recipient is counted once, in their country"
            ),
        )


# A cancelled or postponed event keeps only what it spent: the rest of its allocation
# went back to the year's budget (a postponed event's new dates have a budget of their own).
_CALLED_OFF = ("cancelled", "postponed")


def _committed(budget: EventBudget, status: str | None) -> float:
    if status in _CALLED_OFF:
        return budget.spent or 0
    return budget.allocated or 0


def _money(amount: float) -> str:
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"


@dataset_rule("budget-overcommitted", "warning", SECTION)
def budget_overcommitted(dataset: Dataset) -> Iterator[Problem]:
    """The events of a year are allocated more than that year's ``budget`` amount.

    Adds up the ``budget.allocated`` of the events starting in that year whose
    budget is in the same currency (a cancelled or postponed event counts for
    what it ``spent``: the rest went back), and compares it with the year's
    ``amount`` in ``data/groups/wsg.yaml``. Here the example dataset's
    ``ai-forum`` is allocated CHF 30,000 in 2025.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
        budget:
          - {year: 2025, currency: CHF, amount: 30000}

    Failing ``data/groups/wsg.yaml`` (line 8, column 41)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
        budget:
          - {year: 2025, currency: CHF, amount: 25000}
    """
    if dataset.wsg is None:
        return
    lines: dict[tuple[int, str], list[BudgetLine]] = {}
    for line in dataset.wsg.budget:
        if line.year is not None and line.currency is not None and line.amount is not None:
            lines.setdefault((line.year, line.currency), []).append(line)
    if not lines:
        return
    committed: dict[tuple[int, str], float] = {}
    for event in dataset.events:
        if event.start is None or event.budget is None or event.budget.currency is None:
            continue
        key = (event.start.year, event.budget.currency)
        if key in lines:
            committed[key] = committed.get(key, 0) + _committed(event.budget, event.status)
    for (year, currency), same in lines.items():
        amount = sum(line.amount or 0 for line in same)
        total = committed.get((year, currency), 0)
        if total > amount:
            yield (
                same[0].loc("amount"),
                (
                    f"the events of {year} are allocated {_money(total)} {currency}, "
                    f"{_money(total - amount)} more than the year's budget of "
                    f"{_money(amount)} {currency}"
                ),
            )
