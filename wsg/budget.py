"""A year's event budgets by theme and by theme priority, against the WSG's allocation.

Pure functions over the dataset, for the yearly summary. Per currency (amounts in two
currencies are never added):

- the events of the year that count (not cancelled, not postponed) are split over their
  themes: an event with several themes counts an equal part of its allocated and spent
  amounts under each, so the theme rows add up to the events' totals;
- cancelled and postponed events are a row of their own, with what was allocated to them
  and what they spent (``budget-overcommitted`` counts only what they spent);
- a theme's priority is the one ``wsg.yaml`` gives it; shares are of the year's
  allocation (``budget`` in ``wsg.yaml``) when there is one in that currency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from wsg.dataset import Dataset
from wsg.model import Event

NOT_COUNTED = ("cancelled", "postponed")
PRIORITIES = ("high", "normal", "low")
NO_THEME = ""  # the row of events none of whose themes wsg.yaml declares

BUDGET_COUNTING = (
    "An event with several themes counts an equal part of its allocated and spent amounts "
    "under each of them, so the rows add up to the events' totals. Cancelled and postponed "
    "events are counted apart, with what was allocated to them and what they spent. Shares "
    "are of the WSG's allocation for the year in the same currency. The events column counts "
    "an event under each of its themes, and under each priority they have; a theme without "
    "an event budget is left out of the themes."
)


@dataclass
class Amounts:
    """What a theme, a priority or a group of events was allocated and spent."""

    label: str
    priority: str = ""
    event_ids: set[str] = field(default_factory=set)  # events counted (in part) here
    allocated: float = 0.0
    spent: float = 0.0

    @property
    def events(self) -> int:
        return len(self.event_ids)

    def add(self, event: Event, allocated: float, spent: float) -> None:
        self.event_ids.add(event.id or f"#{id(event)}")
        self.allocated += allocated
        self.spent += spent

    def include(self, other: Amounts) -> None:
        self.event_ids |= other.event_ids
        self.allocated += other.allocated
        self.spent += other.spent


@dataclass
class CurrencyBudget:
    """One currency's budget of a year."""

    currency: str
    allocation: float | None  # the WSG's allocation for the year; None when not set
    themes: list[Amounts] = field(default_factory=list)  # in wsg.yaml's order
    priorities: list[Amounts] = field(default_factory=list)  # high, normal, low
    withdrawn: Amounts = field(default_factory=lambda: Amounts("cancelled or postponed"))

    @property
    def allocated(self) -> float:
        return sum(a.allocated for a in self.themes) + self.withdrawn.allocated

    @property
    def spent(self) -> float:
        return sum(a.spent for a in self.themes) + self.withdrawn.spent

    def share(self, amount: float) -> float | None:
        """``amount`` as a percentage of the allocation, one decimal; None without one."""
        if not self.allocation:
            return None
        return round(100 * amount / self.allocation, 1)


def by_theme(dataset: Dataset, year: int) -> list[CurrencyBudget]:
    """Every currency in which the year has an allocation or an event budget, by code."""
    allocation: dict[str, float] = {}
    for line in dataset.wsg.budget if dataset.wsg else []:
        if line.year == year and line.amount is not None:
            currency = line.currency or ""
            allocation[currency] = allocation.get(currency, 0.0) + line.amount
    events = [
        e
        for e in dataset.events
        if e.budget is not None and e.start is not None and e.start.year == year
    ]
    currencies = sorted(set(allocation) | {e.budget.currency or "" for e in events if e.budget})
    return [
        _currency(dataset, c, allocation.get(c), [e for e in events if _currency_of(e) == c])
        for c in currencies
    ]


def _currency_of(event: Event) -> str:
    return (event.budget.currency if event.budget else None) or ""


def _currency(
    dataset: Dataset, currency: str, allocation: float | None, events: Iterable[Event]
) -> CurrencyBudget:
    result = CurrencyBudget(currency, allocation)
    themes = {
        theme_id: Amounts(theme.title or theme_id, theme.priority or "normal")
        for theme_id, theme in dataset.themes.items()
    }
    unknown = Amounts(NO_THEME, "")
    for event in sorted(events, key=lambda e: (e.start or date.min, e.id or "")):
        assert event.budget is not None
        allocated, spent = event.budget.allocated or 0.0, event.budget.spent or 0.0
        if event.status in NOT_COUNTED:
            result.withdrawn.add(event, allocated, spent)
            continue
        known = list(dict.fromkeys(t for t in event.themes if t in themes))
        for theme_id in known:
            themes[theme_id].add(event, allocated / len(known), spent / len(known))
        if not known:
            unknown.add(event, allocated, spent)
    extra = [unknown] if unknown.events else []
    result.themes = list(themes.values()) + extra
    for priority in PRIORITIES:
        row = Amounts(priority, priority)
        for amounts in themes.values():
            if amounts.priority == priority:
                row.include(amounts)
        result.priorities.append(row)
    result.priorities += extra
    return result
