"""``wsg list [events|groups]``: one line a record, filtered."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from wsg import dataset as datasets
from wsg.cache import FileCache
from wsg.countries import REGIONS, load_reference
from wsg.errors import WsgError
from wsg.model import Event, Group
from wsg.schema import EVENT_KINDS, GROUP_KINDS, STATUSES


def run(
    what: str,
    filters: dict[str, Any],
    data_dir: Path,
    today: date,
    output_format: str,
    out: TextIO,
) -> int:
    if what not in ("events", "groups"):
        raise WsgError(f"cannot list {what!r}; choose events or groups")
    if output_format not in ("text", "json"):
        raise WsgError(f"unknown format {output_format!r}; choose text or json")
    _check_filters(what, filters)
    dataset = datasets.load(data_dir, today, FileCache.reading(data_dir))
    if what == "events":
        events = sorted(
            (e for e in dataset.events if _event_matches(e, filters)),
            key=lambda e: (e.start or date.min, e.id or ""),
        )
        rows = [_event_row(e) for e in events]
    else:
        groups = sorted(
            (g for g in dataset.groups if filters.get("kind") in (None, g.kind)),
            key=lambda g: g.id or "",
        )
        rows = [_group_row(g) for g in groups]
    if output_format == "json":
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    else:
        _write_table(rows, out)
    return 0


def _check_filters(what: str, filters: dict[str, Any]) -> None:
    allowed = {"status": STATUSES, "region": tuple(REGIONS)}
    allowed["kind"] = EVENT_KINDS if what == "events" else GROUP_KINDS
    for name, values in allowed.items():
        value = filters.get(name)
        if value is not None and value not in values:
            raise WsgError(f"--{name} {value!r} is not one of: {', '.join(values)}")
    if what == "groups":
        extra = [k for k, v in filters.items() if v is not None and k != "kind"]
        if extra:
            raise WsgError(f"--{extra[0]} filters events, not groups")


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


def _group_row(group: Group) -> dict[str, Any]:
    return {
        "id": group.id,
        "kind": group.kind,
        "acronym": group.acronym,
        "name": group.name,
        "closed": group.closed.isoformat() if group.closed else None,
    }


def _write_table(rows: list[dict[str, Any]], out: TextIO) -> None:
    if not rows:
        out.write("no records match\n")
        return
    columns = list(rows[0])
    cells = [[("" if row[c] is None else str(row[c])) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    last = len(columns) - 1
    out.write(
        "  ".join(
            c.ljust(w) if i < last else c
            for i, (c, w) in enumerate(zip(columns, widths, strict=True))
        ).rstrip()
        + "\n"
    )
    for row in cells:
        out.write(
            "  ".join(
                v.ljust(w) if i < last else v
                for i, (v, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
            + "\n"
        )
