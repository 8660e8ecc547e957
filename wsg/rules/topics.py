"""Technology watch rules: the topics the WSG watches, kept current and tied to their events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from wsg.model import Topic
from wsg.plural import plural
from wsg.rules import Problem, topic_rule

if TYPE_CHECKING:
    from wsg.dataset import Dataset

SECTION = "Technology watch"

# The statuses in which a topic is still being weighed, and those that promise an event.
_OPEN = ("watch", "candidate")
_WITH_EVENTS = ("scheduled", "covered")


@topic_rule("topic-stale", "warning", SECTION)
def topic_stale(topic: Topic, dataset: Dataset) -> Iterator[Problem]:
    """A topic in watch or candidate not reviewed within ``topic_review_days``.

    Agile monitoring means looking again: a topic the WSG still weighs is
    reviewed at least every ``policy.topic_review_days`` days (default 365).
    Reviewed exactly that many days before today is still in time. Examples
    run on 2026-06-01.

    Passing ``data/topics/demo.yaml``::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: candidate
        raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}
        reviewed: 2025-06-01

    Failing ``data/topics/demo.yaml`` (line 6, column 11)::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: candidate
        raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}
        reviewed: 2025-05-31
    """
    if topic.status not in _OPEN or topic.reviewed is None:
        return
    days = dataset.policy.topic_review_days
    age = (dataset.today - topic.reviewed).days
    if age > days:
        yield (
            topic.loc("reviewed"),
            (
                f"{topic.status} topic last reviewed on {topic.reviewed}, {plural(age, 'day')} ago; "
                f"review it at least every {plural(days, 'day')} (policy.topic_review_days)"
            ),
        )


@topic_rule("topic-without-event", "error", SECTION)
def topic_without_event(topic: Topic, dataset: Dataset) -> Iterator[Problem]:
    """A topic scheduled or covered whose ``events`` is empty.

    Scheduled and covered say that an event addresses the topic: name it.

    Passing ``data/topics/demo.yaml``::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: covered
        raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}
        reviewed: 2026-04-01
        events: [ai-forum]

    Failing ``data/topics/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: covered
        raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}
        reviewed: 2026-04-01
    """
    if topic.status in _WITH_EVENTS and not topic.events:
        yield (
            topic.loc("status"),
            f"a {topic.status} topic names the events that address it: events: [<event ids>]",
        )


@topic_rule("topic-event-mismatch", "warning", SECTION)
def topic_event_mismatch(topic: Topic, dataset: Dataset) -> Iterator[Problem]:
    """A topic covered whose events are none of them held, or scheduled whose events are all cancelled.

    Covered means an event was held on it; a topic whose only events were
    cancelled is a candidate again (or scheduled, with its new event). Ids
    that name no event are left to ``unknown-event``. Here the example
    dataset's ``ai-forum`` was held and ``ai-day`` cancelled.

    Passing ``data/topics/demo.yaml``::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: covered
        raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}
        reviewed: 2026-04-01
        events: [ai-day, ai-forum]

    Failing ``data/topics/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: covered
        raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}
        reviewed: 2026-04-01
        events: [ai-day]

    Failing ``data/topics/demo.yaml`` (line 4, column 9)::

        id: demo
        title: Trustworthy AI agents
        themes: [ai]
        status: scheduled
        raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}
        reviewed: 2026-04-01
        events: [ai-day]
    """
    known = [dataset.event_ids[i] for i in topic.events if i in dataset.event_ids]
    if not known:
        return
    statuses = ", ".join(f"{event.id} ({event.status})" for event in known)
    if topic.status == "covered" and not any(e.status == "held" for e in known):
        yield (
            topic.loc("status"),
            f"covered, but none of its events was held: {statuses}; "
            "it is scheduled or a candidate until one is",
        )
    elif topic.status == "scheduled" and all(e.status == "cancelled" for e in known):
        yield (
            topic.loc("status"),
            f"scheduled, but its events were all cancelled: {statuses}; "
            "name the event that replaces them, or make it a candidate again",
        )
