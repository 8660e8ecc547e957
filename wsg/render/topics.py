"""The technology watch on the site: the topics page, and the topics of a theme or an event.

Values for the templates only; every id that becomes a link or an anchor is a valid
slug (``is_id``), and an event or group is linked only when the site has its page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wsg.dataset import Dataset
from wsg.model import Topic
from wsg.render.text import date_range, is_id
from wsg.schema import TOPIC_STATUSES

# How the topics page names each status, in the order of the lifecycle.
SECTIONS = {
    "candidate": ("Candidates", "Topics the WSG considers for a workshop or seminar."),
    "scheduled": ("Scheduled", "An event on the topic is planned."),
    "watch": ("Watched", "Topics the WSG follows; not yet a candidate for an event."),
    "covered": ("Covered", "An event on the topic has been held."),
    "dropped": ("Dropped", "Topics the WSG decided not to hold an event on."),
}


@dataclass(frozen=True)
class Named:
    """Something a topic refers to: ``url`` relative to the site root, "" when unlinked."""

    title: str
    url: str = ""
    note: str = ""  # e.g. an event's dates and status


@dataclass(frozen=True)
class TopicView:
    id: str
    title: str
    status: str
    themes: tuple[Named, ...]
    raised: date | None
    raised_by: Named | None
    raised_ref: str
    reviewed: date | None
    events: tuple[Named, ...]
    notes: str
    theme_ids: tuple[str, ...]
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    status: str
    title: str
    meaning: str
    topics: tuple[TopicView, ...]


def views(dataset: Dataset, event_pages: set[str], group_pages: set[str]) -> list[TopicView]:
    """Every topic with a usable id, by id (a duplicate id: the first one read)."""
    seen: set[str] = set()
    result = []
    for topic in sorted(dataset.topics, key=lambda t: t.id or ""):
        if topic.id is None or not is_id(topic.id) or topic.id in seen:
            continue
        seen.add(topic.id)
        result.append(_view(topic, dataset, event_pages, group_pages))
    return result


def _view(
    topic: Topic, dataset: Dataset, event_pages: set[str], group_pages: set[str]
) -> TopicView:
    themes = tuple(
        Named(
            dataset.themes[t].title or t if t in dataset.themes else t,
            f"themes.html#theme-{t}" if t in dataset.themes and is_id(t) else "",
        )
        for t in topic.themes
    )
    by = topic.raised.by if topic.raised else None
    group = dataset.group_ids.get(by) if by else None
    raised_by = None
    if by:
        name = (group.acronym or group.name or by) if group else by
        raised_by = Named(name, f"groups/{by}.html" if by in group_pages else "")
    events = []
    for event_id in topic.events:
        event = dataset.event(event_id)
        title = (event.title if event else None) or event_id
        note = f"{date_range(event.start, event.end)}, {event.status}" if event else ""
        url = f"events/{event_id}.html" if event_id in event_pages else ""
        events.append(Named(title, url, note))
    return TopicView(
        id=topic.id or "",
        title=topic.title or topic.id or "",
        status=topic.status or "unknown",
        themes=themes,
        raised=topic.raised.date if topic.raised else None,
        raised_by=raised_by,
        raised_ref=(topic.raised.ref if topic.raised else None) or "",
        reviewed=topic.reviewed,
        events=tuple(events),
        notes=topic.notes or "",
        theme_ids=tuple(dict.fromkeys(topic.themes)),
        event_ids=tuple(dict.fromkeys(topic.events)),
    )


def sections(topics: list[TopicView]) -> list[Section]:
    """The topics by status, in ``SECTIONS`` order; a status no topic has is left out."""
    order = [s for s in SECTIONS if s in TOPIC_STATUSES]
    result = []
    for status in order:
        chosen = tuple(sorted((t for t in topics if t.status == status), key=_newest_first))
        if chosen:
            title, meaning = SECTIONS[status]
            result.append(Section(status, title, meaning, chosen))
    unknown = tuple(t for t in topics if t.status not in SECTIONS)
    if unknown:
        result.append(Section("unknown", "Status unknown", "", unknown))
    return result


def _newest_first(topic: TopicView) -> tuple[int, str]:
    return (-(topic.raised or date.min).toordinal(), topic.id)


def of_theme(topics: list[TopicView]) -> dict[str, list[TopicView]]:
    """theme id -> the topics on it, by id."""
    by_theme: dict[str, list[TopicView]] = {}
    for topic in topics:
        for theme_id in topic.theme_ids:
            by_theme.setdefault(theme_id, []).append(topic)
    return by_theme


def of_event(topics: list[TopicView]) -> dict[str, list[TopicView]]:
    """event id -> the topics that address it, by id."""
    by_event: dict[str, list[TopicView]] = {}
    for topic in topics:
        for event_id in topic.event_ids:
            by_event.setdefault(event_id, []).append(topic)
    return by_event
