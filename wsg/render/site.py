"""The static site: every page, download and feed, written into a folder.

The caller hands in an empty folder (``wsg.safewrite.replace_tree`` swaps it in
only when everything is written). Links are relative, so the site works opened
from the file system and under a sub-path such as a GitHub Pages ``/REPO/``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from wsg.balance import CHAIRMAN, SEATS, YearBalance, evaluation_day, seat_of
from wsg.countries import load_reference
from wsg.dataset import Dataset
from wsg.model import Event, Group, Seat
from wsg.render import agenda, ics, parallel, schedule, summary
from wsg.render.agenda import country_name, person_view, place
from wsg.render.environment import Templates
from wsg.render.page import Page
from wsg.render.text import date_range, is_id, safe_url
from wsg.serialize import to_data


@dataclass(frozen=True)
class ListedEvent:
    id: str
    title: str
    dates: str
    kind: str
    status: str
    place: str
    year: int
    start: date
    end: date
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ThemeListing:
    id: str
    title: str
    priority: str
    events: tuple[ListedEvent, ...]


@dataclass(frozen=True)
class SeatListing:
    seat: str
    vacant: bool
    name: str = ""
    affiliation: str = ""
    country: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class GroupLink:
    name: str
    url: str | None  # relative to the site root; None when the group has no page


class Progress:
    """``[12/80] events/x.html`` on one terminal line; silent when not a terminal."""

    def __init__(self, stream: TextIO | None, total: int) -> None:
        self.stream = stream if stream is not None and _is_tty(stream) else None
        self.total = total
        self.done = 0

    def step(self, name: str) -> None:
        self.done += 1
        if self.stream is not None:
            self.stream.write(f"\r\x1b[Kwsg: rendering [{self.done}/{self.total}] {name}")
            self.stream.flush()

    def finish(self) -> None:
        if self.stream is not None:
            self.stream.write(f"\r\x1b[Kwsg: rendered {self.done} files\n")
            self.stream.flush()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def listed(event: Event) -> ListedEvent | None:
    """The event as the lists show it; None when it has no usable id or start."""
    if event.id is None or not is_id(event.id) or event.start is None:
        return None
    end = event.end if event.end is not None and event.end >= event.start else event.start
    return ListedEvent(
        id=event.id,
        title=event.title or event.id,
        dates=date_range(event.start, event.end),
        kind=event.kind or "event",
        status=event.status or "unknown",
        place=place(event),
        year=event.start.year,
        start=event.start,
        end=end,
        themes=tuple(event.themes),
    )


@dataclass
class _Site:
    """What every page of one render shares."""

    dataset: Dataset
    templates: Templates
    footer: tuple[str, ...]
    events: list[tuple[Event, ListedEvent]]
    groups: list[Group]
    years: list[int]
    themes: list[ThemeListing]
    balances: dict[int, YearBalance] = field(default_factory=dict)  # each year's, once

    @property
    def items(self) -> list[ListedEvent]:
        return [item for _, item in self.events]

    @property
    def group_ids(self) -> set[str]:
        return {g.id for g in self.groups if g.id}

    def page(self, title: str, root: str) -> Page:
        today = self.dataset.today.year
        latest = max((y for y in self.years if y <= today), default=max(self.years, default=0))
        return Page(title=title, footer=self.footer, root=root, site=True, summary_year=latest)

    def render(self, template: str, title: str, root: str, **context: Any) -> str:
        return self.templates.render(template, page=self.page(title, root), **context)


def build(
    dataset: Dataset,
    templates: Templates,
    folder: Path,
    footer: tuple[str, ...],
    progress_stream: TextIO | None = None,
) -> int:
    """Write the whole site into ``folder``; return the number of files written."""
    site = _site(dataset, templates, footer)
    units = _units(site)
    total = sum(len(unit) for unit in units)
    for name in {name.rpartition("/")[0] for unit in units for name, _ in unit} - {""}:
        (folder / name).mkdir(parents=True, exist_ok=True)
    progress = Progress(progress_stream, total)
    workers = parallel.workers(total)
    written = (
        parallel.run(_write_unit, units, folder, workers)
        if workers > 1
        else (_write_unit(unit, folder) for unit in units)
    )
    for names in written:
        for name in names:
            progress.step(name)
    progress.finish()
    return total


def _write_unit(unit: list[Job], folder: Path) -> list[str]:
    for name, make in unit:
        content = make()
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    return [name for name, _ in unit]


def _site(dataset: Dataset, templates: Templates, footer: tuple[str, ...]) -> _Site:
    events: list[tuple[Event, ListedEvent]] = []
    seen: set[str] = set()
    for event in sorted(dataset.events, key=lambda e: (e.start or date.min, e.id or "")):
        item = listed(event)
        if item is not None and item.id not in seen:  # duplicate-id is a finding; first wins
            seen.add(item.id)
            events.append((event, item))
    items = [item for _, item in events]
    themes = [
        ThemeListing(
            id=theme.id,
            title=theme.title or theme.id,
            priority=theme.priority or "normal",
            events=tuple(item for item in items if theme.id in item.themes),
        )
        for theme in dataset.themes.values()
        if theme.id is not None and is_id(theme.id)
    ]
    return _Site(
        dataset=dataset,
        templates=templates,
        footer=footer,
        events=events,
        groups=[dataset.group_ids[g] for g in sorted(dataset.group_ids) if is_id(g)],
        years=sorted({item.year for item in items}),
        themes=themes,
    )


Job = tuple[str, Callable[[], str | bytes]]


def _units(site: _Site) -> list[list[Job]]:
    """Every file of the site, by name, with how to make it, in units made one after another.

    A unit's files share work (an event's page, calendar and schedule share its
    agenda), so a unit is made in one process; units are independent.
    """
    today = site.dataset.today
    items = site.items
    jobs: list[Job] = [  # each its own unit
        ("style.css", _bind(site.templates.source, "style.css")),
        (
            "index.html",
            _bind(
                site.render,
                "index.html",
                "Workshops and seminars",
                "",
                today=today,
                years=site.years,
                themes=site.themes,
                upcoming=[i for i in items if i.end >= today],
                past=_by_year([i for i in reversed(items) if i.end < today]),
            ),
        ),
        ("themes.html", _bind(site.render, "themes.html", "Themes", "", themes=site.themes)),
        (
            "groups/index.html",
            _bind(site.render, "groups.html", "Groups", "../", groups=site.groups),
        ),
        ("calendar.ics", _bind(ics.site_calendar, [e for e, _ in site.events], "ITU-T workshops")),
        ("events.json", _bind(_events_json, site)),
    ]
    for year in site.years:
        events = [i for i in items if i.year == year]
        jobs += [
            (
                f"years/{year}.html",
                _bind(site.render, "year.html", f"Events of {year}", "../", year=year,
                      years=site.years, events=events),
            ),
            (f"summary/{year}.html", _bind(_summary_page, site, year)),
        ]  # fmt: skip
    jobs += [(f"groups/{group.id}.html", _bind(_group_page, site, group)) for group in site.groups]
    units = [[job] for job in jobs]
    for event, item in site.events:
        view = _Lazy(_bind(agenda.build, event))
        units.append(
            [
                (f"events/{item.id}.html", _bind(_event_page, site, event, item, view)),
                (f"events/{item.id}.ics", _bind(_event_calendar, view)),
                (f"events/{item.id}.schedule.json", _bind(_event_schedule, view)),
            ]
        )
    return units


class _Lazy:
    """Build a value once, on first call."""

    def __init__(self, make: Callable[[], agenda.AgendaView]) -> None:
        self.make = make
        self.value: agenda.AgendaView | None = None

    def __call__(self) -> agenda.AgendaView:
        if self.value is None:
            self.value = self.make()
        return self.value


def _bind(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[], Any]:
    return lambda: function(*args, **kwargs)


def _event_calendar(view: _Lazy) -> bytes:
    return ics.agenda_calendar(view())


def _event_schedule(view: _Lazy) -> str:
    return _json(schedule.schedule(view()))


def _json(document: Any) -> str:
    """Compact JSON: the site's files are read by programs (``wsg render agenda`` indents)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def _by_year(items: list[ListedEvent]) -> list[tuple[int, list[ListedEvent]]]:
    years: dict[int, list[ListedEvent]] = {}
    for item in items:
        years.setdefault(item.year, []).append(item)
    return list(years.items())


def _event_page(site: _Site, event: Event, item: ListedEvent, view: _Lazy) -> str:
    dataset = site.dataset
    organizers = [_group_link(site, g, "groups/") for g in event.organizers]
    themes = [
        {"id": t, "title": dataset.themes[t].title or t}
        for t in event.themes
        if t in dataset.themes and is_id(t)
    ]
    reference = load_reference()
    languages = ", ".join(reference.languages.get(code, code) for code in event.languages)
    interpretation = ", ".join(reference.languages.get(code, code) for code in event.interpretation)
    outcomes = [
        {
            "title": o.title,
            "type": o.type or "outcome",
            "url": safe_url(o.url),
            "date": o.date,
            "to": [t for t in o.to if t],
        }
        for o in sorted(event.outcomes, key=lambda o: o.date or date.max)
    ]
    return site.render(
        "event.html",
        item.title,
        "../",
        event=event,
        item=item,
        view=view(),
        organizers=organizers,
        themes=themes,
        languages=languages,
        interpretation=interpretation,
        committee=[person_view(p) for p in event.programme_committee],
        outcomes=outcomes,
    )


def _group_link(site: _Site, group_id: str, prefix: str) -> GroupLink:
    group = site.dataset.group_ids.get(group_id)
    name = (group.acronym or group.name or group_id) if group else group_id
    linked = group_id in site.group_ids
    return GroupLink(name=name, url=f"{prefix}{group_id}.html" if linked else None)


def _group_page(site: _Site, group: Group) -> str:
    day = evaluation_day(group, site.dataset.today)
    organized = {e.id for e in site.dataset.events if group.id in e.organizers}
    return site.render(
        "group.html",
        group.name or group.id or "Group",
        "../",
        group=group,
        parent=_group_link(site, group.parent, "") if group.parent else None,
        today=day,
        seats=_seats(group, day),
        events=[i for i in site.items if i.id in organized],
    )


def _seats(group: Group, day: date) -> list[SeatListing]:
    """Who holds which seat on ``day``; a regional_balance team also shows its vacancies."""
    holding = [s for s in group.management if s.holds_on(day)]
    rows: list[SeatListing] = []
    if group.regional_balance:
        for seat_id in SEATS:
            holders = [s for s in holding if seat_of(s) == seat_id]
            label = _seat_label(seat_id)
            rows += [_seat_listing(label, s) for s in holders] or [SeatListing(label, vacant=True)]
        rows += [_seat_listing("Vice-chairman", s) for s in holding if seat_of(s) is None]
        return rows
    order = {CHAIRMAN: 0}
    for seat in sorted(holding, key=lambda s: order.get(s.role or "", 1)):
        rows.append(_seat_listing((seat.role or "member").capitalize(), seat))
    return rows


def _seat_label(seat_id: str) -> str:
    if seat_id == CHAIRMAN:
        return "Chairman"
    return f"Vice-chairman, {summary.REGION_NAMES.get(seat_id, seat_id)}"


def _seat_listing(label: str, seat: Seat) -> SeatListing:
    """Name, affiliation, country and term: never the e-mail address."""
    return SeatListing(
        seat=label,
        vacant=False,
        name=seat.name or "(name missing)",
        affiliation=seat.affiliation or "",
        country=country_name(seat.country) or "",
        since=seat.term.start if seat.term else None,
        until=seat.term.end if seat.term else None,
    )


def _summary_page(site: _Site, year: int) -> str:
    report = summary.build(site.dataset, year, site.balances)
    return site.render(
        "summary.html",
        f"Yearly summary {year}",
        "../",
        s=report,
        charts=summary.charts(report),
        statuses=summary.STATUSES,
        region_names=summary.REGION_NAMES,
        other_years=site.years,
    )


def _events_json(site: _Site) -> str:
    """Every public value of the dataset (``to_data`` leaves personal e-mail out)."""
    document = {
        "today": site.dataset.today.isoformat(),
        "source": site.footer[0],
        "events": [_safe_links(to_data(e)) for e, _ in site.events],
        "groups": [_safe_links(to_data(g)) for g in site.groups],
    }
    return _json(document)


_LINKS = frozenset({"url", "presentation"})  # the keys of FORMAT.md that hold a URL


def _safe_links(data: Any) -> Any:
    """The data without a link that ``safe_url`` refuses: the validator's check, made again."""
    if isinstance(data, dict):
        return {
            key: _safe_links(value)
            for key, value in data.items()
            if key not in _LINKS or safe_url(value) is not None
        }
    if isinstance(data, list):
        return [_safe_links(item) for item in data]
    return data
