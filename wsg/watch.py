"""The technology watch of a year, as values: what was raised, what moved, what waits.

Pure functions over the dataset (no I/O), for the yearly summary. The data holds each
topic's *current* status and its *last* review, not the history of its status, so a
year's "status changes" are only what the data can show:

- raised: topics whose ``raised.date`` falls in the year (by the group that raised them);
- reviewed: topics whose last review falls in the year (earlier reviews are not recorded);
- scheduled: topics an event of which was approved in the year (``approval.date``);
- covered: topics an event of which was held and ended in the year;
- dropped: topics dropped now whose last review falls in the year (the decision was taken
  at that review at the latest).

Everything is cut at ``as_of`` (the end of the year, or today for the current year): a
topic raised or an event approved later is not part of the year.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from wsg.dataset import Dataset
from wsg.model import Event, Topic
from wsg.natsort import natural_key
from wsg.schema import TOPIC_STATUSES

NOT_COUNTED = ("cancelled", "postponed")
WAITING_SHOWN = 5  # the candidates listed as waiting longest

WATCH_COUNTING = (
    "The data records each topic's current status and its last review, not the history of "
    "its status. Raised: the topic's raised date falls in the year. Reviewed: its last "
    "review falls in the year (earlier reviews are not recorded). Scheduled: an event that "
    "addresses it was approved in the year. Covered: an event that addresses it was held "
    "and ended in the year. Dropped: it is dropped now and its last review falls in the "
    "year. A candidate waits from the day it was raised (the day it became a candidate is "
    "not recorded)."
)


@dataclass(frozen=True)
class TopicRef:
    """A topic as the report names it."""

    id: str
    title: str
    status: str
    themes: tuple[str, ...]
    raised: date | None
    raised_by: str
    reviewed: date | None


@dataclass(frozen=True)
class SourceRow:
    """The topics one group raised in the year."""

    group: str  # the group id (``raised.by``)
    name: str  # its acronym or name, as readers know it
    topics: tuple[TopicRef, ...]


@dataclass(frozen=True)
class Change:
    """A topic, and the event that moved it (scheduled, covered) if any."""

    topic: TopicRef
    event_id: str = ""
    event_title: str = ""
    day: date | None = None  # the approval, the end of the event, or the review


@dataclass(frozen=True)
class Waiting:
    topic: TopicRef
    days: int  # from raised to as_of


@dataclass(frozen=True)
class ThemeGap:
    """A high-priority theme with neither an event nor a candidate topic."""

    id: str
    title: str
    last_held: date | None
    watched: tuple[TopicRef, ...]  # topics still only watched on it


@dataclass(frozen=True)
class Watch:
    year: int
    as_of: date
    topics: int  # topics raised by as_of
    raised: tuple[SourceRow, ...]
    reviewed: tuple[Change, ...]
    scheduled: tuple[Change, ...]
    covered: tuple[Change, ...]
    dropped: tuple[Change, ...]
    standing: tuple[tuple[str, int], ...]  # every status and how many topics hold it today
    waiting: tuple[Waiting, ...]
    candidates: int  # all candidates (``waiting`` shows the first WAITING_SHOWN)
    gaps: tuple[ThemeGap, ...]
    counting: str = WATCH_COUNTING

    @property
    def raised_total(self) -> int:
        return sum(len(row.topics) for row in self.raised)


def topic_ref(topic: Topic) -> TopicRef:
    return TopicRef(
        id=topic.id or "",
        title=topic.title or topic.id or "(untitled topic)",
        status=topic.status or "unknown",
        themes=tuple(topic.themes),
        raised=topic.raised.date if topic.raised else None,
        raised_by=(topic.raised.by if topic.raised else None) or "",
        reviewed=topic.reviewed,
    )


def in_year(day: date | None, year: int, as_of: date) -> bool:
    return day is not None and day.year == year and day <= as_of


def build(dataset: Dataset, year: int, as_of: date) -> Watch:
    """The technology watch of ``year`` as of ``as_of`` (see the module's documentation)."""
    topics = sorted(
        (t for t in dataset.topics if t.raised is None or t.raised.date is None
         or t.raised.date <= as_of),
        key=lambda t: t.id or "",
    )  # fmt: skip
    refs = {id(t): topic_ref(t) for t in topics}
    return Watch(
        year=year,
        as_of=as_of,
        topics=len(topics),
        raised=_raised(dataset, [t for t in topics if in_year(refs[id(t)].raised, year, as_of)]),
        reviewed=tuple(
            Change(refs[id(t)], day=t.reviewed)
            for t in _by_day(topics, lambda t: t.reviewed)
            if in_year(t.reviewed, year, as_of)
        ),
        scheduled=tuple(_moved(dataset, topics, refs, year, as_of, _approved)),
        covered=tuple(_moved(dataset, topics, refs, year, as_of, _held)),
        dropped=tuple(
            Change(refs[id(t)], day=t.reviewed)
            for t in _by_day(topics, lambda t: t.reviewed)
            if t.status == "dropped" and in_year(t.reviewed, year, as_of)
        ),
        standing=tuple(
            (status, sum(1 for t in topics if t.status == status)) for status in TOPIC_STATUSES
        ),
        waiting=tuple(_waiting(topics, refs, as_of)[:WAITING_SHOWN]),
        candidates=sum(1 for t in topics if t.status == "candidate"),
        gaps=tuple(_gaps(dataset, topics, refs, year, as_of)),
    )


def _by_day(topics: Iterable[Topic], day: Callable[[Topic], date | None]) -> list[Topic]:
    return sorted(topics, key=lambda t: (day(t) or date.min, t.id or ""))


def _raised(dataset: Dataset, topics: list[Topic]) -> tuple[SourceRow, ...]:
    by_group: dict[str, list[TopicRef]] = {}
    for topic in _by_day(topics, lambda t: t.raised.date if t.raised else None):
        ref = topic_ref(topic)
        by_group.setdefault(ref.raised_by, []).append(ref)
    rows = []
    for group_id, refs in by_group.items():
        group = dataset.group_ids.get(group_id)
        name = (group.acronym or group.name or group_id) if group else group_id or "unknown"
        rows.append(SourceRow(group_id, name, tuple(refs)))
    # the group that raised most first, then by name as people count: SG3 before SG20
    return tuple(
        sorted(rows, key=lambda r: (-len(r.topics), natural_key(r.name.casefold()), r.group))
    )


def _approved(event: Event) -> date | None:
    return event.approval.date if event.approval else None


def _held(event: Event) -> date | None:
    return (event.end or event.start) if event.status == "held" else None


def _moved(
    dataset: Dataset,
    topics: list[Topic],
    refs: dict[int, TopicRef],
    year: int,
    as_of: date,
    when: Callable[[Event], date | None],
) -> list[Change]:
    """Each topic with an event whose ``when`` (approval, end of a held event) is in the year."""
    changes = []
    for topic in topics:
        found = [
            (day, event)
            for event in (dataset.event(e) for e in topic.events)
            if event is not None
            for day in [when(event)]
            if in_year(day, year, as_of)
        ]
        if found:
            day, event = min(found, key=lambda pair: (pair[0], pair[1].id or ""))
            changes.append(Change(refs[id(topic)], event.id or "", event.title or "", day))
    return sorted(changes, key=lambda c: (c.day or date.min, c.topic.id))


def _waiting(topics: list[Topic], refs: dict[int, TopicRef], as_of: date) -> list[Waiting]:
    waiting = [
        Waiting(refs[id(t)], (as_of - t.raised.date).days)
        for t in topics
        if t.status == "candidate" and t.raised is not None and t.raised.date is not None
    ]
    return sorted(waiting, key=lambda w: (-w.days, w.topic.id))


def _gaps(
    dataset: Dataset, topics: list[Topic], refs: dict[int, TopicRef], year: int, as_of: date
) -> list[ThemeGap]:
    """High-priority themes with no event this year or later (held or planned) and no
    candidate topic."""
    with_event = {
        theme
        for event in dataset.events
        if event.status not in NOT_COUNTED and event.start is not None and event.start.year >= year
        for theme in event.themes
    }
    with_candidate = {theme for t in topics if t.status == "candidate" for theme in t.themes}
    gaps = []
    for theme in dataset.themes.values():
        if theme.priority != "high" or theme.id is None:
            continue
        if theme.id in with_event or theme.id in with_candidate:
            continue
        held = [
            e.end or e.start
            for e in dataset.events
            if e.status == "held" and theme.id in e.themes and (e.end or e.start)
        ]
        last = max((d for d in held if d is not None and d <= as_of), default=None)
        watched = tuple(refs[id(t)] for t in topics if t.status == "watch" and theme.id in t.themes)
        gaps.append(ThemeGap(theme.id, theme.title or theme.id, last, watched))
    return gaps
