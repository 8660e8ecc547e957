"""The yearly summary's sections on Resolution 53's duties, as values the templates lay out.

The technology watch, developing countries in the definition and organization of
events, fellowships by recipient country, the budget by theme and the languages of
events and outcomes. The numbers come from ``wsg.watch``, ``wsg.balance``,
``wsg.budget`` and ``wsg.dissemination``; this module only names and orders them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from wsg import budget, dissemination, watch
from wsg.balance import (
    CATEGORIES,
    COLUMNS,
    INVOLVEMENT,
    INVOLVEMENT_COUNTING,
    Involvement,
    Tally,
    YearBalance,
)
from wsg.countries import REGIONS, load_reference
from wsg.dataset import Dataset
from wsg.render.text import is_id

INVOLVEMENT_TITLES = {
    "proposed": "Proposed by",
    "co_organized": "Co-organized by",
    "either": "Proposed or co-organized by",
}
STATUS_TITLES = {
    "watch": "watched",
    "candidate": "candidate",
    "scheduled": "scheduled",
    "covered": "covered",
    "dropped": "dropped",
}
LANGUAGE_ROWS = {
    "all outcomes": "All outcomes",
    "working languages": "Events: working languages",
    "interpretation": "Events: interpretation into",
}
FELLOWS_COUNTING = (
    "Recipients are counted by the country recorded for each, in the regions and UN "
    "categories of each event's start date; fellowships granted to no recorded country "
    "count as country unknown. Cancelled and postponed events are not counted."
)


@dataclass(frozen=True)
class Named:
    """An event or topic as a report names it; ``id`` only when it can be linked."""

    id: str
    title: str


@dataclass(frozen=True)
class ShareRow:
    title: str
    events: int  # events naming at least one country this way
    developing: int
    developing_percent: float | None
    ldc: int
    ldc_percent: float | None
    ldc_uncertain: int


@dataclass(frozen=True)
class Organization:
    """Developing countries and ITU bureaux in the definition and organization of events."""

    events: int
    rows: tuple[ShareRow, ...]
    bureaux: tuple[tuple[str, tuple[Named, ...]], ...]
    notes: tuple[str, ...]
    counting: str = INVOLVEMENT_COUNTING


@dataclass(frozen=True)
class FellowsRow:
    title: str
    total: int
    regions: tuple[int, ...]  # in Fellows.columns order
    categories: tuple[int, ...]  # in CATEGORIES order
    ldc_uncertain: int
    ldc_percent: float | None
    developing_percent: float | None


@dataclass(frozen=True)
class Fellows:
    """Fellowship recipients by region and UN category, beside the participants."""

    granted: int
    column_titles: tuple[str, ...]
    recipients: FellowsRow
    participants: FellowsRow
    counting: str = FELLOWS_COUNTING


@dataclass(frozen=True)
class Change:
    what: str  # scheduled | covered | dropped
    topic: watch.TopicRef
    day: date | None
    event: Named | None


@dataclass(frozen=True)
class Duties:
    watch: watch.Watch
    changes: tuple[Change, ...]  # scheduled, covered and dropped, by date
    theme_titles: dict[str, str]
    status_titles: dict[str, str]
    organization: Organization
    fellows: Fellows
    budgets: tuple[budget.CurrencyBudget, ...]
    budget_counting: str
    languages: dissemination.Languages
    language_titles: tuple[str, ...]
    language_rows: dict[str, str]  # the languages table's own rows, as readers read them


def build(
    dataset: Dataset,
    year: int,
    as_of: date,
    figures: YearBalance,
    column_titles: Mapping[str, str],
) -> Duties:
    """The sections of ``year``'s summary.

    ``figures`` is the year's ``year_balance``; ``column_titles`` names its region columns.
    """
    topics = watch.build(dataset, year, as_of)
    names = load_reference().languages
    return Duties(
        watch=topics,
        changes=_changes(topics),
        theme_titles={t: theme.title or t for t, theme in dataset.themes.items()},
        status_titles=STATUS_TITLES,
        organization=_organization(dataset, figures.involvement),
        fellows=_fellows(figures, column_titles),
        budgets=tuple(budget.by_theme(dataset, year)),
        budget_counting=budget.BUDGET_COUNTING,
        languages=dissemination.build(dataset.events, year, as_of),
        language_titles=tuple(names.get(c, c) for c in dissemination.ITU_LANGUAGES),
        language_rows=LANGUAGE_ROWS,
    )


def _named(dataset: Dataset, event_id: str) -> Named:
    event = dataset.event(event_id)
    title = (event.title if event else None) or event_id
    return Named(event_id if event is not None and is_id(event_id) else "", title)


def _changes(topics: watch.Watch) -> tuple[Change, ...]:
    changes = [
        Change(what, c.topic, c.day, Named(c.event_id, c.event_title or c.event_id) if c.event_id
               else None)
        for what, group in (
            ("scheduled", topics.scheduled),
            ("covered", topics.covered),
            ("dropped", topics.dropped),
        )
        for c in group
    ]  # fmt: skip
    order = {"scheduled": 0, "covered": 1, "dropped": 2}
    return tuple(sorted(changes, key=lambda c: (c.day or date.min, order[c.what], c.topic.id)))


def _organization(dataset: Dataset, involvement: Involvement) -> Organization:
    rows = []
    for key in INVOLVEMENT:
        row = involvement.rows[key]
        rows.append(
            ShareRow(
                title=INVOLVEMENT_TITLES[key],
                events=row.any,
                developing=row.developing,
                developing_percent=involvement.percent(row.developing),
                ldc=row.ldc,
                ldc_percent=involvement.percent(row.ldc),
                ldc_uncertain=row.ldc_uncertain,
            )
        )
    bureaux = tuple(
        (label, tuple(_named(dataset, e) for e in ids))
        for label, ids in sorted(involvement.bureaux.items())
    )
    return Organization(involvement.events, tuple(rows), bureaux, tuple(involvement.notes))


def _fellows_row(title: str, tally: Tally, columns: list[str]) -> FellowsRow:
    total = tally.total
    return FellowsRow(
        title=title,
        total=total,
        regions=tuple(tally.regions[c] for c in columns),
        categories=tuple(tally.categories[c] for c in CATEGORIES),
        ldc_uncertain=tally.uncertain["ldc"],
        ldc_percent=round(100 * tally.categories["ldc"] / total, 1) if total else None,
        developing_percent=tally.developing_percent,
    )


def _fellows(figures: YearBalance, titles: Mapping[str, str]) -> Fellows:
    recipients = figures.fellows
    participants = figures.tallies["participants"]
    # the six regions, then the other columns only when someone is in them
    columns = [
        c for c in COLUMNS if c in REGIONS or recipients.regions[c] or participants.regions[c]
    ]
    return Fellows(
        granted=figures.fellowships_granted,
        column_titles=tuple(titles.get(c, c) for c in columns),
        recipients=_fellows_row("Fellowship recipients", recipients, columns),
        participants=_fellows_row("Participants", participants, columns),
    )
