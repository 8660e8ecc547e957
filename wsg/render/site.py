"""The static site: every page, download and feed, written into a folder.

The caller hands in an empty folder (``wsg.safewrite.replace_tree`` swaps it in
only when everything is written). Links are relative, so the site works opened
from the file system and under a sub-path such as a GitHub Pages ``/REPO/``.

The folder a site goes to (``--out``) is replaced whole, so it must be one that
``wsg render site`` wrote: new, empty, or holding the ``MARKER`` file that every
site it writes holds (``check_out`` and ``replace_tree`` refuse any other). The
dataset, the folders holding it and git's folders are refused even then.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from wsg import __version__, history, links
from wsg.balance import CHAIRMAN, SEATS, VICE_CHAIRMAN, YearBalance, evaluation_day, seat_of
from wsg.countries import load_reference
from wsg.dataset import Dataset
from wsg.errors import WsgError
from wsg.model import Event, Group, Seat
from wsg.render import agenda, eventfacts, feed, ics, parallel, schedule, summary, words
from wsg.render import topics as watch_pages
from wsg.render.agenda import person_view, place
from wsg.render.environment import Templates
from wsg.render.page import Page
from wsg.render.text import date_range, is_id, long_date, safe_url
from wsg.safewrite import check_replaceable
from wsg.serialize import to_data
from wsg.terminal import Progress

# Left in every site: a folder holding it was written by ``wsg render site`` and may be
# replaced by the next render. The first line is what is checked.
MARKER = (
    ".wsg-site",
    "wsg\nThis folder is a site written by `wsg render site`; the next render replaces it whole.\n",
)


def check_out(out: Path, data_dir: Path) -> None:
    """Refuse an ``--out`` folder that the site may not replace, before anything is done.

    Whatever it holds: the dataset, a folder inside it or holding it (the
    repository root and above), a ``.git`` folder or anything in one, and a folder
    that holds a ``.git`` (some repository's root). Then any folder that is not
    empty and not a site (``safewrite.check_replaceable``).
    """
    target = Path(os.path.abspath(out)).resolve()
    data = data_dir.resolve()
    if target == data or data in target.parents or target in data.parents:
        raise WsgError(
            f"--out {out} would replace the dataset ({data_dir}) or a folder holding it; "
            "name a new or empty folder for the site"
        )
    if ".git" in target.parts or os.path.lexists(target / ".git"):
        raise WsgError(
            f"--out {out} would replace a git repository's files; "
            "name a new or empty folder for the site"
        )
    check_replaceable(out, MARKER)


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
    registration: str | None = None  # a safe link to register or to join
    # The event that holds a postponed event's new dates, or replaces a cancelled one
    successor: ListedEvent | None = None


@dataclass(frozen=True)
class ThemeListing:
    id: str
    title: str
    priority: str
    events: tuple[ListedEvent, ...]  # newest first
    last_held: date | None  # the end of the last event held on it, up to today
    gap: bool  # a high-priority theme with no event held in the last twelve months


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
        registration=safe_url(event.registration),
    )


def successor_id(event: Event) -> str | None:
    """``postponement.to`` of a postponed event, ``cancellation.replaced_by`` of a cancelled one.

    None when it names the event itself (unknown-event): no other event holds its dates.
    """
    found = None
    if event.status == "postponed" and event.postponement is not None:
        found = event.postponement.to
    if event.status == "cancelled" and event.cancellation is not None:
        found = event.cancellation.replaced_by
    return found if found != event.id else None


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
    site_url: str | None = None  # where the site is published, when known (absolute links)
    # Made once here, before any page (and before the workers fork): every page reads them.
    items: list[ListedEvent] = field(init=False)
    pages: set[str] = field(init=False)  # the ids of the events that have a page
    group_ids: set[str] = field(init=False)
    topics: list[watch_pages.TopicView] = field(init=False)  # linked to this site's pages
    took_over: dict[str, list[links.Link]] = field(init=False)  # see links.took_over

    def __post_init__(self) -> None:
        self.items = [item for _, item in self.events]
        self.pages = {item.id for item in self.items}
        self.group_ids = {g.id for g in self.groups if g.id}
        self.topics = watch_pages.views(self.dataset, self.pages, self.group_ids)
        self.took_over = links.took_over(self.dataset)

    def page(
        self, title: str, root: str, section: str, home: bool = False, description: str = ""
    ) -> Page:
        today = self.dataset.today.year
        latest = max((y for y in self.years if y <= today), default=max(self.years, default=0))
        return Page(
            title=title,
            footer=self.footer,
            root=root,
            site=True,
            summary_year=latest,
            description=description,
            section=section,
            section_home=home,
        )

    def render(self, template: str, page: Page, **context: Any) -> str:
        return self.templates.render(template, page=page, **context)


def build(
    dataset: Dataset,
    templates: Templates,
    folder: Path,
    footer: tuple[str, ...],
    progress: Progress | None = None,
    site_url: str | None = None,
) -> int:
    """Write the whole site into ``folder``; return the number of files written."""
    site = _site(dataset, templates, footer)
    site.site_url = site_url
    units = _units(site)
    total = sum(len(unit) for unit in units)
    for name in {name.rpartition("/")[0] for unit in units for name, _ in unit} - {""}:
        (folder / name).mkdir(parents=True, exist_ok=True)
    progress = progress or Progress(None)
    progress.start(total)
    workers = parallel.workers(total)
    written = (
        parallel.run(_write_unit, units, folder, workers)
        if workers > 1
        else (_write_unit(unit, folder) for unit in units)
    )
    for names in written:
        for name in names:
            progress.step(name)
    progress.stop()
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
    by_id = {item.id: item for _, item in events}
    events = [
        (event, replace(item, successor=by_id.get(successor_id(event) or "")))
        for event, item in events
    ]
    items = [item for _, item in events]
    coverage = summary.coverage(dataset, dataset.today)
    themes = [
        ThemeListing(
            id=theme.id,
            title=theme.title or theme.id,
            priority=theme.priority or "normal",
            events=tuple(item for item in reversed(items) if theme.id in item.themes),
            last_held=coverage[theme.id][0],
            gap=coverage[theme.id][1],
        )
        for theme in dataset.themes.values()
        if theme.id is not None and is_id(theme.id)
    ]
    return _Site(
        dataset=dataset,
        templates=templates,
        footer=footer,
        events=events,
        groups=[
            dataset.group_ids[g] for g in sorted(dataset.group_ids, key=natural_key) if is_id(g)
        ],
        years=sorted({item.year for item in items}),
        themes=themes,
    )


Job = tuple[str, Callable[[], str | bytes]]


def _units(site: _Site) -> list[list[Job]]:
    """Every file of the site, by name, with how to make it, in units made one after another.

    A unit's files share work (an event's page, calendar and schedule share its
    agenda), so a unit is made in one process; units are independent.
    """
    context = agenda.Context(
        site.dataset.today,
        site.dataset.event,
        site.site_url,
        in_site=True,
        group_name=agenda.group_names(site.dataset.group_ids),
        history=history.load(site.dataset.data_dir),  # one git log for every calendar
    )
    calendar = _Lazy(
        _bind(ics.site_calendar, [e for e, _ in site.events], "ITU-T workshops", context)
    )
    units: list[list[Job]] = [
        [("style.css", _bind(site.templates.source, "style.css"))],
        [("favicon.svg", _bind(site.templates.source, "favicon.svg"))],
        [("index.html", _bind(_index_page, site, calendar)), ("calendar.ics", calendar)],
        [("themes.html", _bind(_themes_page, site))],
        [("topics.html", _bind(_topics_page, site))],
        [("feed.xml", _bind(_feed, site))],
        [("groups/index.html", _bind(_groups_page, site))],
        [("events.json", _bind(_events_json, site))],
    ]
    for year in site.years:
        report = _Lazy(_bind(_report, site, year))  # the year's two report pages share it
        units += [
            [(f"years/{year}.html", _bind(_year_page, site, year))],
            [
                (f"summary/{year}.html", _bind(_summary_page, site, year, report)),
                (f"summary/{year}-resolution-53.html", _bind(_duties_page, site, year, report)),
            ],
        ]
    units += [
        [(f"groups/{group.id}.html", _bind(_group_page, site, group))] for group in site.groups
    ]
    for event, item in site.events:
        view = _Lazy(_bind(agenda.build, event, context))
        files = _EventFiles(
            calendar=_Lazy(_bind(_event_calendar, view)),
            schedule=_Lazy(_bind(_event_schedule, view)),
        )
        units.append(
            [
                (f"events/{item.id}.html", _bind(_event_page, site, event, item, view, files)),
                (f"events/{item.id}.ics", files.calendar),
                (f"events/{item.id}.schedule.json", files.schedule),
            ]
        )
    return units


T = TypeVar("T")


class _Lazy(Generic[T]):
    """Build a value once, on first call."""

    def __init__(self, make: Callable[[], T]) -> None:
        self.make = make
        self.value: T | None = None

    def __call__(self) -> T:
        if self.value is None:
            self.value = self.make()
        return self.value


@dataclass(frozen=True)
class _EventFiles:
    """An event's downloads, made once: the page says how big they are."""

    calendar: _Lazy[bytes]
    schedule: _Lazy[bytes]


def _bind(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[], Any]:
    return lambda: function(*args, **kwargs)


def _event_calendar(view: _Lazy[agenda.AgendaView]) -> bytes:
    return ics.agenda_calendar(view())


def _event_schedule(view: _Lazy[agenda.AgendaView]) -> bytes:
    return _json(schedule.schedule(view())).encode()


def _json(document: Any) -> str:
    """Compact JSON: the site's files are read by programs (``wsg render agenda`` indents)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def _by_year(items: list[ListedEvent]) -> list[tuple[int, list[ListedEvent]]]:
    years: dict[int, list[ListedEvent]] = {}
    for item in items:
        years.setdefault(item.year, []).append(item)
    return list(years.items())


def _event_page(
    site: _Site,
    event: Event,
    item: ListedEvent,
    view: _Lazy[agenda.AgendaView],
    files: _EventFiles,
) -> str:
    dataset = site.dataset
    today = dataset.today
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
            "title": o.title or words.say(o.type, "outcome_type") or "Outcome",
            "type": words.say(o.type, "outcome_type"),
            "url": safe_url(o.url),
            "file": words.file_note(o.url),
            "date": o.date,
            "to": [_group_link(site, t, "groups/").name for t in o.to if t],
            "languages": [reference.languages.get(code, code) for code in o.languages]
            if o.languages != ["en"]
            else [],
        }
        for o in sorted(event.outcomes, key=lambda o: o.date or date.max)
    ]
    called_off = item.status in ("cancelled", "postponed")
    upcoming = not called_off and item.status != "held" and item.end >= today
    co_organizers = [
        c.name
        if not c.country or words.country(c.country) in c.name
        # "Uganda Communications Commission, Uganda" says the country twice
        else f"{c.name}, {words.country(c.country)}"
        for c in event.co_organizers
        if c.name
    ]
    proposal = event.proposal
    supporters = [words.country(code) for code in proposal.countries] if proposal else []
    downloads = []
    if not called_off:
        downloads = [
            {
                "href": f"{item.id}.ics",
                "text": "Add to calendar" if upcoming else "The programme as a calendar file",
                "note": words.file_note(f"{item.id}.ics", len(files.calendar())),
            },
            {
                "href": f"{item.id}.schedule.json",
                "text": "Schedule for conference apps",
                "note": words.file_note(f"{item.id}.schedule.json", len(files.schedule())),
            },
        ]
    status = words.say(item.status, "status")
    description = f"{words.say(item.kind, 'kind')}, {item.dates}, {item.place}. {status}: "
    description += words.STATUS_MEANING.get(item.status, "")
    return site.templates.render(
        "event.html",
        page=site.page(item.title, "../", "events", description=description),
        event=event,
        item=item,
        view=view(),
        days=[
            (f"day-{d.date.isoformat()}", long_date(d.date).rsplit(" ", 1)[0]) for d in view().days
        ],
        upcoming=upcoming,
        registration=item.registration if upcoming else None,
        organizers=organizers,
        co_organizers=co_organizers,
        proposer=_group_link(site, proposal.by, "groups/") if proposal and proposal.by else None,
        supporters=supporters,
        themes=themes,
        languages=languages,
        interpretation=interpretation,
        committee=[person_view(p) for p in event.programme_committee],
        outcomes=outcomes,
        downloads=downloads,
        meaning=words.STATUS_MEANING.get(item.status, ""),
        duties=eventfacts.build(site.dataset, event, site.topics, site.pages, site.took_over),
    )


def _index_page(site: _Site, calendar: _Lazy[bytes]) -> str:
    today = site.dataset.today
    items = site.items
    return site.render(
        "index.html",
        site.page(
            "Workshops and seminars",
            "",
            "events",
            home=True,
            description="The workshops and seminars of ITU-T: upcoming events, programmes, "
            "outcomes and the yearly reports to TSAG.",
        ),
        today=today,
        years=site.years,
        themes=site.themes,
        upcoming=[i for i in items if i.end >= today],
        past=_by_year([i for i in reversed(items) if i.end < today]),
        statuses=list(words.STATUS_MEANING.items()),
        calendar_note=words.file_note("calendar.ics", len(calendar())),
    )


def _year_page(site: _Site, year: int) -> str:
    events = [i for i in site.items if i.year == year]
    return site.render(
        "year.html",
        site.page(
            f"Events of {year}",
            "../",
            "events",
            description=f"The {len(events)} ITU-T workshops and seminars of {year}.",
        ),
        year=year,
        years=site.years,
        events=events,
        statuses=list(words.STATUS_MEANING.items()),
    )


def _themes_page(site: _Site) -> str:
    return site.render(
        "themes.html",
        site.page(
            "Themes",
            "",
            "themes",
            home=True,
            description="The themes of ITU-T workshops and seminars, in the WSG's order of "
            "priority, with every event on each.",
        ),
        themes=site.themes,
        today=site.dataset.today,
        topics_by_theme=watch_pages.of_theme(site.topics),
    )


def _topics_page(site: _Site) -> str:
    return site.render(
        "topics.html",
        site.page(
            "Technology watch",
            "",
            "themes",
            description="The topics the WSG watches as candidates for future ITU-T workshops "
            "and seminars, where each came from and what became of it.",
        ),
        sections=watch_pages.sections(site.topics),
    )


def _feed(site: _Site) -> str:
    events = [e for e, _ in site.events]
    return site.templates.render(
        "feed.xml", feed=feed.build(site.dataset, events, site.site_url), version=__version__
    )


def _groups_page(site: _Site) -> str:
    today = site.dataset.today
    groups = sorted(site.groups, key=_group_order)
    return site.render(
        "groups.html",
        site.page(
            "Groups",
            "../",
            "groups",
            home=True,
            description="The ITU-T groups that organize workshops and seminars, and the WSG "
            "that coordinates them.",
        ),
        groups=[g for g in groups if g.closed is None or g.closed >= today],
        closed=[g for g in groups if g.closed is not None and g.closed < today],
    )


_KIND_ORDER = ("coordination-group", "advisory-group", "study-group", "focus-group")


def _group_order(group: Group) -> tuple[int, tuple[tuple[int, str], ...]]:
    """The coordination and advisory groups first, then by name as people count: SG2 < SG21."""
    kind = _KIND_ORDER.index(group.kind) if group.kind in _KIND_ORDER else len(_KIND_ORDER)
    return kind, natural_key(group.acronym or group.id or "")


def natural_key(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key that orders the numbers in a text by value: ``sg2`` before ``sg11``."""
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part)
        for part in re.split(r"(\d+)", text.lower())
        if part
    )


def _day_label(day: date) -> str:
    """``Tuesday 10 March``: a day of the programme, as a link to it reads."""
    return long_date(day).rsplit(" ", 1)[0]


def _group_link(site: _Site, group_id: str, prefix: str) -> GroupLink:
    group = site.dataset.group_ids.get(group_id)
    name = (group.acronym or group.name or group_id) if group else group_id
    linked = group_id in site.group_ids
    return GroupLink(name=name, url=f"{prefix}{group_id}.html" if linked else None)


def _group_page(site: _Site, group: Group) -> str:
    day = evaluation_day(group, site.dataset.today)
    organized = {e.id for e in site.dataset.events if group.id in e.organizers}
    name = group.name or group.id or "Group"
    title = f"{name} ({group.acronym})" if group.acronym else name
    kind = words.say(group.kind, "group_kind")
    return site.render(
        "group.html",
        site.page(
            title,
            "../",
            "groups",
            description=f"{kind or 'Group'} of ITU-T: its management team and the workshops "
            "and seminars it organizes.",
        ),
        group=group,
        title=title,
        kind=kind,
        parent=_group_link(site, group.parent, "") if group.parent else None,
        today=day,
        seats=_seats(group, day),
        events=[i for i in reversed(site.items) if i.id in organized],
    )


def _seats(group: Group, day: date) -> list[SeatListing]:
    """Who holds which seat on ``day``; a regional_balance team also shows its vacancies."""
    holding = [s for s in group.management if s.holds_on(day)]
    rows: list[SeatListing] = []
    if group.regional_balance:
        for seat_id in SEATS:
            holders = [s for s in holding if seat_of(s) == seat_id]
            label = words.seat(CHAIRMAN if seat_id == CHAIRMAN else VICE_CHAIRMAN, seat_id)
            rows += [_seat_listing(label, s) for s in holders] or [SeatListing(label, vacant=True)]
        rows += [_seat_listing(words.seat(s.role, None), s) for s in holding if seat_of(s) is None]
        return rows
    order = {CHAIRMAN: 0}
    for seat in sorted(holding, key=lambda s: order.get(s.role or "", 1)):
        rows.append(_seat_listing(words.say(seat.role, "role") or "Member", seat))
    return rows


def _seat_listing(label: str, seat: Seat) -> SeatListing:
    """Name, affiliation, country and term: never the e-mail address."""
    return SeatListing(
        seat=label,
        vacant=False,
        name=seat.name or "(name missing)",
        affiliation=seat.affiliation or "",
        country=words.country(seat.country),
        since=seat.term.start if seat.term else None,
        until=seat.term.end if seat.term else None,
    )


def _report(site: _Site, year: int) -> dict[str, Any]:
    """What the templates of a year's report are given besides the page."""
    return summary.context(summary.build(site.dataset, year, site.balances))


def _summary_page(site: _Site, year: int, report: _Lazy[dict[str, Any]]) -> str:
    latest = site.page("", "", "summary").summary_year
    return site.render(
        "summary.html",
        site.page(
            f"Yearly summary {year}",
            "../",
            "summary",
            home=year == latest,
            description=f"The report to TSAG on the ITU-T workshops and seminars of {year}: "
            "participation, regional balance, outcomes, themes, management and budget.",
        ),
        other_years=site.years,
        **report(),
    )


def _duties_page(site: _Site, year: int, report: _Lazy[dict[str, Any]]) -> str:
    """The second page of a year's report: its sections on Resolution 53's duties."""
    return site.render(
        "summary-duties-page.html",
        site.page(
            f"Resolution 53's duties in {year}",
            "../",
            "summary",
            description=f"The technology watch, developing countries in the organization of "
            f"events, fellowships, languages and budget by theme of {year}'s ITU-T workshops.",
        ),
        **report(),
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
