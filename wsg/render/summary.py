"""The yearly report to TSAG, as values: the templates only lay them out.

The regional and developing-country figures are ``wsg.balance``'s, so the report
and ``wsg balance`` never disagree. "As of" is the end of the year, or today when
the year is not over: a report on the current year describes it so far.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from wsg.balance import (
    CATEGORIES,
    COLUMNS,
    NO_REGION,
    NOT_MEMBER,
    ROLES,
    UNKNOWN,
    GroupSeats,
    Tally,
    YearBalance,
    seats_at,
    year_balance,
)
from wsg.countries import CATEGORY_USE, REGIONS
from wsg.dataset import Dataset
from wsg.model import Event
from wsg.plural import plural
from wsg.render import duties as duty_sections
from wsg.render import words
from wsg.render.svg import bar_chart
from wsg.render.text import date_range, is_id, number, percent

KINDS = ("workshop", "seminar", "forum", "symposium", "webinar")
STATUSES = ("proposed", "approved", "announced", "held", "postponed", "cancelled")
COVERAGE_DAYS = 365

ROLE_TITLES = {
    "speakers": "Speakers",
    "chairs": "Chairs",
    "programme_committee": "Programme committee",
    "hosts": "Host countries",
    "participants": "Participants",
}
SHORT_TITLES = {
    **words.REGION,
    NO_REGION: "No region that day",
    NOT_MEMBER: "Not a Member State",
    UNKNOWN: "Country unknown",
}
CATEGORY_TITLES = {
    "ldc": "LDC",
    "sids": "SIDS",
    "lldc": "LLDC",
    "eit": "EIT",
    "developing": "Developing",
}
# wsg.balance.COUNTING for readers of the report: regions by name, not by id.
COUNTING_FOR_READERS = (
    "A person counts once per event in each role (by name and country) and once for every "
    "event they take part in. A state in two regions (Egypt: Africa and the Arab States; "
    "Azerbaijan: Europe and the CIS) counts under the region the person declares, otherwise "
    "under each of its regions; hosts and participants declare none. The total counts each "
    "person once, so the region columns can add up to more than the total. Regions and UN "
    "categories are those of each event's start date: a Member State in no region that day "
    "(its only membership suspended) counts under no region that day, a country that was not "
    "an ITU Member State that day as not a Member State, a person without a country as "
    "country unknown. The developing share is developing / total. A category the reference "
    "data leaves uncertain on that date is counted apart, in no category column. Cancelled "
    "and postponed events are not counted. " + CATEGORY_USE
)
CATEGORY_LEGEND = (
    "LDC: least developed countries; SIDS: small island developing states; LLDC: landlocked "
    "developing countries; EIT: economies in transition; developing countries include all "
    "of these (WTSA Resolution 53)."
)


@dataclass(frozen=True)
class EventRef:
    id: str
    title: str
    dates: str
    status: str
    kind: str


@dataclass(frozen=True)
class HeldRow:
    """How many took part in a held event, three ways (see PARTICIPATION)."""

    event: EventRef
    registered: int | None
    in_person: int | None
    remote: int | None
    known_country: int  # the sum of participation.by_country
    countries: int
    fellowships: int | None

    @property
    def took_part(self) -> int | None:
        """In person and online together; None when neither is recorded."""
        if self.in_person is None and self.remote is None:
            return None
        return (self.in_person or 0) + (self.remote or 0)

    @property
    def known_share(self) -> str:
        """The share of those who took part whose country is known, ``74 %``."""
        return percent(self.known_country, self.took_part or 0)


# What the three participation figures are: said under the table that shows them.
PARTICIPATION = (
    ("Registered", "signed up to take part, whether or not they came."),
    ("Took part", "attended: in person at the venue plus online, as counted at the event."),
    (
        "Country known",
        "those who took part whose country was recorded (participation by country); the "
        "regional and developing-country figures below count only these.",
    ),
)


@dataclass(frozen=True)
class Dissemination:
    event: EventRef
    due: date | None
    published: date | None  # the first report's date
    state: str  # on-time | late | missing | not-due | unknown
    days: int  # after the end (on time), late by, overdue by, or due in

    @property
    def text(self) -> str:
        if self.state == "on-time":
            return f"on time ({plural(self.days, 'day')} after the event)"
        if self.state == "late":
            return f"late by {plural(self.days, 'day')}"
        if self.state == "missing":
            return f"missing, {plural(self.days, 'day')} overdue"
        if self.state == "not-due":
            return f"not yet due (due in {plural(self.days, 'day')})"
        return "unknown (the event's end date is missing)"


@dataclass(frozen=True)
class ThemeRow:
    id: str
    title: str
    priority: str
    events: tuple[EventRef, ...]  # this year's events with the theme (not cancelled/postponed)
    last_held: date | None
    gap: bool  # priority high and no held event in the COVERAGE_DAYS before as_of


@dataclass(frozen=True)
class BudgetRow:
    currency: str
    allocation: float | None  # the WSG's yearly allocation
    allocated: float  # to the year's events
    spent: float

    @property
    def remaining(self) -> float | None:
        return None if self.allocation is None else self.allocation - self.spent


@dataclass(frozen=True)
class EventBudgetRow:
    event: EventRef
    currency: str
    allocated: float | None
    spent: float | None


@dataclass(frozen=True)
class RegionRow:
    title: str
    total: int
    regions: tuple[int, ...]  # in COLUMNS order
    categories: tuple[int, ...]  # in CATEGORIES order
    developing_percent: float | None


@dataclass(frozen=True)
class YearShare:
    year: int
    participants: int
    developing: int
    percent: float | None


@dataclass(frozen=True)
class Summary:
    year: int
    today: date
    as_of: date
    started: bool  # today is in the year or after it
    complete: bool  # the year is over
    status_kind: tuple[tuple[str, tuple[int, ...], int], ...]  # kind, counts by STATUSES, total
    status_totals: tuple[int, ...]
    events: tuple[EventRef, ...]
    held: tuple[HeldRow, ...]
    held_totals: HeldRow | None
    balance: YearBalance
    region_rows: tuple[RegionRow, ...]
    participants_by_region: tuple[tuple[str, int], ...]
    developing_by_year: tuple[YearShare, ...]
    fellowships_offered: int
    fellowships_granted: int
    fellowship_rows: tuple[tuple[EventRef, bool, int | None], ...]
    dissemination: tuple[Dissemination, ...]
    outcomes_due_days: int
    themes: tuple[ThemeRow, ...]
    management: tuple[GroupSeats, ...]
    budget: tuple[BudgetRow, ...]
    event_budgets: tuple[EventBudgetRow, ...]
    counting: str
    legend: str
    columns: tuple[str, ...]
    column_titles: tuple[str, ...]
    category_titles: tuple[str, ...]
    duties: duty_sections.Duties  # technology watch, organization, fellows, budget, languages


def ref(event: Event) -> EventRef:
    """The event as the report names it; ``id`` only when it is a valid slug (it links)."""
    return EventRef(
        id=event.id if event.id is not None and is_id(event.id) else "",
        title=event.title or event.id or "(untitled event)",
        dates=date_range(event.start, event.end),
        status=event.status or "unknown",
        kind=event.kind or "unknown",
    )


def years(dataset: Dataset) -> list[int]:
    """Every year in which an event starts."""
    return sorted({e.start.year for e in dataset.events if e.start is not None})


def build(dataset: Dataset, year: int, balances: dict[int, YearBalance] | None = None) -> Summary:
    """The summary of ``year``; ``balances`` keeps each year's figures for the next call."""
    known = {} if balances is None else balances

    def balance(of: int) -> YearBalance:
        if of not in known:
            known[of] = year_balance(dataset.events, of)
        return known[of]

    today = dataset.today
    year_end = date(year, 12, 31)
    as_of = min(today, year_end)
    events = sorted(
        (e for e in dataset.events if e.start is not None and e.start.year == year),
        key=lambda e: (e.start or date.min, e.id or ""),
    )
    held = [e for e in events if e.status == "held"]
    figures = balance(year)
    columns = tuple(
        c for c in COLUMNS if c in REGIONS or any(t.regions[c] for t in figures.tallies.values())
    )
    counted = [e for e in events if e.status not in ("cancelled", "postponed")]
    return Summary(
        year=year,
        today=today,
        as_of=as_of,
        started=today >= date(year, 1, 1),
        complete=today > year_end,
        status_kind=_status_kind(events),
        status_totals=tuple(sum(1 for e in events if e.status == s) for s in STATUSES),
        events=tuple(ref(e) for e in events),
        held=tuple(_held_row(e) for e in held),
        held_totals=_held_totals(held),
        balance=figures,
        region_rows=tuple(_region_row(role, figures.tallies[role], columns) for role in ROLES),
        participants_by_region=tuple(
            (SHORT_TITLES[c], figures.tallies["participants"].regions[c]) for c in columns
        ),
        developing_by_year=tuple(_share(y, balance(y)) for y in years(dataset) if y <= year),
        fellowships_offered=figures.fellowships_offered,
        fellowships_granted=figures.fellowships_granted,
        fellowship_rows=tuple(
            (ref(e), bool(e.fellowships.offered), e.fellowships.granted)
            for e in counted
            if e.fellowships is not None
        ),
        dissemination=tuple(_dissemination(e, dataset) for e in held),
        outcomes_due_days=dataset.policy.outcomes_due_days,
        themes=tuple(_themes(dataset, counted, as_of)),
        management=tuple(seats_at(dataset.groups, as_of)),
        budget=_budget(dataset, events, year),
        event_budgets=tuple(
            EventBudgetRow(ref(e), e.budget.currency or "", e.budget.allocated, e.budget.spent)
            for e in events
            if e.budget is not None
        ),
        counting=" ".join([COUNTING_FOR_READERS, *figures.notes]),
        legend=CATEGORY_LEGEND,
        columns=columns,
        column_titles=tuple(SHORT_TITLES[c] for c in columns),
        category_titles=tuple(CATEGORY_TITLES[c] for c in CATEGORIES),
        duties=duty_sections.build(dataset, year, as_of, figures, SHORT_TITLES),
    )


def _status_kind(events: list[Event]) -> tuple[tuple[str, tuple[int, ...], int], ...]:
    kinds = [k for k in KINDS if any(e.kind == k for e in events)]
    kinds += sorted({e.kind or "unknown" for e in events} - set(KINDS))
    rows = []
    for kind in kinds:
        of_kind = [e for e in events if (e.kind or "unknown") == kind]
        rows.append(
            (kind, tuple(sum(1 for e in of_kind if e.status == s) for s in STATUSES), len(of_kind))
        )
    return tuple(rows)


def _held_row(event: Event) -> HeldRow:
    taking_part = event.participation
    return HeldRow(
        event=ref(event),
        registered=taking_part.registered if taking_part else None,
        in_person=taking_part.in_person if taking_part else None,
        remote=taking_part.remote if taking_part else None,
        known_country=sum(taking_part.by_country.values()) if taking_part else 0,
        countries=len(taking_part.by_country) if taking_part else 0,
        fellowships=event.fellowships.granted if event.fellowships else None,
    )


def _held_totals(held: list[Event]) -> HeldRow | None:
    if not held:
        return None
    rows = [_held_row(e) for e in held]
    countries = {c for e in held if e.participation for c in e.participation.by_country}
    return HeldRow(
        event=EventRef("", "All held events", "", "held", ""),
        registered=sum(r.registered or 0 for r in rows),
        in_person=sum(r.in_person or 0 for r in rows),
        remote=sum(r.remote or 0 for r in rows),
        known_country=sum(r.known_country for r in rows),
        countries=len(countries),
        fellowships=sum(r.fellowships or 0 for r in rows),
    )


def _region_row(role: str, tally: Tally, columns: tuple[str, ...]) -> RegionRow:
    return RegionRow(
        title=ROLE_TITLES[role],
        total=tally.total,
        regions=tuple(tally.regions[c] for c in columns),
        categories=tuple(tally.categories[c] for c in CATEGORIES),
        developing_percent=tally.developing_percent,
    )


def _share(year: int, figures: YearBalance) -> YearShare:
    tally = figures.tallies["participants"]
    return YearShare(year, tally.total, tally.categories["developing"], tally.developing_percent)


def _dissemination(event: Event, dataset: Dataset) -> Dissemination:
    due_days = dataset.policy.outcomes_due_days
    reports = sorted(o.date for o in event.outcomes if o.type == "report" and o.date is not None)
    end = event.end or event.start
    if end is None:
        return Dissemination(ref(event), None, reports[0] if reports else None, "unknown", 0)
    due = end + timedelta(days=due_days)
    if reports:
        published = reports[0]
        if published <= due:
            return Dissemination(ref(event), due, published, "on-time", (published - end).days)
        return Dissemination(ref(event), due, published, "late", (published - due).days)
    if dataset.today > due:
        return Dissemination(ref(event), due, None, "missing", (dataset.today - due).days)
    return Dissemination(ref(event), due, None, "not-due", (due - dataset.today).days)


def coverage(dataset: Dataset, as_of: date) -> dict[str, tuple[date | None, bool]]:
    """For each theme id: the end of the last event held on it up to ``as_of``, and whether
    it is a gap: a high-priority theme with no event held in the COVERAGE_DAYS before."""
    since = max(as_of, date.min + timedelta(days=COVERAGE_DAYS)) - timedelta(days=COVERAGE_DAYS)
    last_held: dict[str, date] = {}
    for event in dataset.events:
        end = event.end or event.start
        if event.status != "held" or end is None or end > as_of:
            continue
        for held_theme in event.themes:
            if held_theme not in last_held or last_held[held_theme] < end:
                last_held[held_theme] = end
    result = {}
    for theme in dataset.themes.values():
        theme_id = theme.id or ""
        last = last_held.get(theme_id)
        result[theme_id] = (last, theme.priority == "high" and (last is None or last <= since))
    return result


def _themes(dataset: Dataset, counted: list[Event], as_of: date) -> list[ThemeRow]:
    covered = coverage(dataset, as_of)
    rows = []
    for theme in dataset.themes.values():
        theme_id = theme.id or ""
        last, gap = covered[theme_id]
        rows.append(
            ThemeRow(
                id=theme_id,
                title=theme.title or theme_id,
                priority=theme.priority or "normal",
                events=tuple(ref(e) for e in counted if theme_id in e.themes),
                last_held=last,
                gap=gap,
            )
        )
    return rows


def _budget(dataset: Dataset, events: list[Event], year: int) -> tuple[BudgetRow, ...]:
    allocation: dict[str, float] = defaultdict(float)
    for line in dataset.wsg.budget if dataset.wsg else []:
        if line.year == year and line.amount is not None:
            allocation[line.currency or ""] += line.amount
    allocated: dict[str, float] = defaultdict(float)
    spent: dict[str, float] = defaultdict(float)
    for event in events:
        if event.budget is not None:
            currency = event.budget.currency or ""
            allocated[currency] += event.budget.allocated or 0
            spent[currency] += event.budget.spent or 0
    currencies = sorted(set(allocation) | set(allocated) | set(spent))
    return tuple(
        BudgetRow(c, allocation.get(c), allocated.get(c, 0.0), spent.get(c, 0.0))
        for c in currencies
    )


def charts(summary: Summary) -> dict[str, Markup]:
    """The two SVG charts of the report; each page id must be unique, hence the year."""
    year = summary.year
    regions = bar_chart(
        f"chart-regions-{year}",
        f"Participants by region, {year}",
        [(label, value, number(value)) for label, value in summary.participants_by_region],
    )
    developing = bar_chart(
        f"chart-developing-{year}",
        f"Share of participants from developing countries, by year up to {year}",
        [
            (
                str(y.year),
                y.percent or 0.0,
                f"{y.percent} %" if y.percent is not None else "no data",
            )
            for y in summary.developing_by_year
        ],
        scale_max=100,
    )
    return {"regions": regions, "developing": developing}


def context(summary: Summary) -> dict[str, Any]:
    """What the summary templates (md and html) are given besides the page."""
    return {
        "s": summary,
        "charts": charts(summary),
        "statuses": STATUSES,
        "participation": PARTICIPATION,
    }
