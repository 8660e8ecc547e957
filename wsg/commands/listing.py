"""``wsg list [events|groups|topics]``: one line a record, filtered.

Filters that name something (a status, a region, a kind, a group, a theme) are
checked against what exists before anything is listed: a misspelt one is a usage
error with a suggestion, never an empty list.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from wsg import dataset as datasets
from wsg import groupnames
from wsg.cache import FileCache
from wsg.countries import REGIONS, load_reference
from wsg.dataset import Dataset
from wsg.errors import WsgError
from wsg.kinds import did_you_mean
from wsg.model import Event, Group, Topic
from wsg.natsort import natural_key
from wsg.schema import EVENT_KINDS, GROUP_KINDS, STATUSES, TOPIC_STATUSES
from wsg.terminal import Column, printable, table, width_of, write

STATUS_STYLES = {
    "proposed": "dim",
    "approved": "blue",
    "announced": "cyan",
    "held": "green",
    "postponed": "yellow",
    "cancelled": "red",
}
EVENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", style=lambda _: "bold"),
    Column("start", "start"),
    Column("end", "end", drop=3),
    Column("status", "status", style=lambda value: STATUS_STYLES.get(value, "")),
    Column("kind", "kind", drop=4),
    Column("format", "format", drop=5),
    Column("where", "where", drop=2),
    Column("title", "title", flexible=True),
)
TOPIC_STATUS_STYLES = {
    "watch": "dim",
    "candidate": "cyan",
    "scheduled": "blue",
    "covered": "green",
    "dropped": "red",
}
TOPIC_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", style=lambda _: "bold"),
    Column("status", "status", style=lambda value: TOPIC_STATUS_STYLES.get(value, "")),
    Column("raised", "raised", drop=4),
    Column("by", "by", drop=5),
    Column("reviewed", "reviewed", drop=2),
    Column("themes", "themes", drop=3),
    Column("events", "events", numeric=True, drop=1),
    Column("title", "title", flexible=True),
)
LISTS = ("events", "groups", "topics")
GROUP_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", style=lambda _: "bold"),
    Column("kind", "kind", drop=2),
    Column("acronym", "acronym", drop=1),
    Column("name", "name", flexible=True),
    Column("closed", "closed"),
)


def run(
    what: str,
    filters: dict[str, Any],
    data_dir: Path,
    today: date,
    output_format: str,
    out: TextIO,
) -> int:
    if what not in LISTS:
        raise WsgError(
            f"cannot list {what!r}{did_you_mean(what, LISTS)}; choose events, groups or topics"
        )
    if output_format not in ("text", "json"):
        raise WsgError(f"unknown format {output_format!r}; choose text or json")
    _check_filters(what, filters)
    dataset = datasets.load(data_dir, today, FileCache.reading(data_dir))
    filters = _resolve_names(filters, dataset)
    if what == "events":
        events = sorted(
            (e for e in dataset.events if _event_matches(e, filters)),
            key=lambda e: (e.start or date.min, e.id or ""),
        )
        rows = [_event_row(e) for e in events]
        columns = EVENT_COLUMNS
    elif what == "groups":
        groups = sorted(
            (g for g in dataset.groups if filters.get("kind") in (None, g.kind)),
            key=lambda g: natural_key(g.id),
        )
        rows = [_group_row(g) for g in groups]
        columns = GROUP_COLUMNS
    else:
        topics = sorted(
            (t for t in dataset.topics if _topic_matches(t, filters)),
            key=lambda t: (
                TOPIC_STATUSES.index(t.status) if t.status in TOPIC_STATUSES else 9,
                t.id or "",
            ),
        )
        rows = [_topic_row(t) for t in topics]
        columns = TOPIC_COLUMNS
    if output_format == "json":
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif not rows:
        out.write("no records match\n")
    else:
        cells = [{k: "" if v is None else printable(v) for k, v in row.items()} for row in rows]
        write(out, table(columns, cells, width_of(out)))
    return 0


def _check_filters(what: str, filters: dict[str, Any]) -> None:
    allowed = {"status": TOPIC_STATUSES if what == "topics" else STATUSES, "region": tuple(REGIONS)}
    allowed["kind"] = EVENT_KINDS if what == "events" else GROUP_KINDS
    for name, values in allowed.items():
        value = filters.get(name)
        if value is not None and value not in values:
            raise WsgError(
                f"--{name} {value!r} is not one of: {', '.join(values)}"
                f"{did_you_mean(value, values)}"
            )
    if what != "events":
        # a topic's --organizer is the group that raised it, its --year the year raised
        kept = {"groups": ("kind",), "topics": ("status", "theme", "organizer", "year")}[what]
        extra = [k for k, v in filters.items() if v is not None and k not in kept]
        if extra:
            raise WsgError(f"--{extra[0]} filters events, not {what}")


def _resolve_names(filters: dict[str, Any], dataset: Dataset) -> dict[str, Any]:
    """``--organizer`` as a group id (an acronym in any case will do), ``--theme`` checked."""
    resolved = dict(filters)
    organizer = filters.get("organizer")
    if organizer is not None:
        resolved["organizer"] = groupnames.require(organizer, dataset.group_ids, "--organizer")
    theme = filters.get("theme")
    if theme is not None and theme not in dataset.themes:
        declared = ", ".join(sorted(dataset.themes)) or "none"
        raise WsgError(
            f"--theme {theme!r} is not a theme of wsg.yaml{did_you_mean(theme, dataset.themes)}; "
            f"themes: {declared}"
        )
    return resolved


def _event_matches(event: Event, filters: dict[str, Any]) -> bool:
    if filters.get("status") not in (None, event.status):
        return False
    if filters.get("kind") not in (None, event.kind):
        return False
    year = filters.get("year")
    if year is not None and (event.start is None or event.start.year != year):
        return False
    if filters.get("theme") is not None and filters["theme"] not in event.themes:
        return False
    if filters.get("organizer") is not None and filters["organizer"] not in event.organizers:
        return False
    region = filters.get("region")
    if region is not None:
        country = event.venue.country if event.venue else None
        state = load_reference().member(country) if country else None
        # the regions of the event's day (memberships change: CEPT suspended RU in 2022)
        held = state.regions_on(event.start) if state and event.start else ()
        if region not in held:
            return False
    return True


def _event_row(event: Event) -> dict[str, Any]:
    venue = event.venue
    where = f"{venue.city}, {venue.country}" if venue else "online"
    return {
        "id": event.id,
        "start": event.start.isoformat() if event.start else None,
        "end": event.end.isoformat() if event.end else None,
        "status": event.status,
        "kind": event.kind,
        "format": event.format,
        "where": where,
        "title": event.title,
    }


def _topic_matches(topic: Topic, filters: dict[str, Any]) -> bool:
    if filters.get("status") not in (None, topic.status):
        return False
    raised = topic.raised
    if filters.get("organizer") not in (None, raised.by if raised else None):
        return False
    year = filters.get("year")
    if year is not None and (raised is None or raised.date is None or raised.date.year != year):
        return False
    return filters.get("theme") is None or filters["theme"] in topic.themes


def _topic_row(topic: Topic) -> dict[str, Any]:
    raised = topic.raised
    return {
        "id": topic.id,
        "status": topic.status,
        "raised": raised.date.isoformat() if raised and raised.date else None,
        "by": raised.by if raised else None,
        "reviewed": topic.reviewed.isoformat() if topic.reviewed else None,
        "themes": ", ".join(topic.themes),
        "events": len(topic.events),
        "title": topic.title,
    }


def _group_row(group: Group) -> dict[str, Any]:
    return {
        "id": group.id,
        "kind": group.kind,
        "acronym": group.acronym,
        "name": group.name,
        "closed": group.closed.isoformat() if group.closed else None,
    }
