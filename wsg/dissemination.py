"""Which of the six ITU languages a year's events worked in and its outcomes exist in.

Pure functions over the model, for the yearly summary. Counted: the events starting
in the year that were not cancelled or postponed, and their outcomes published by
``as_of`` (an outcome without a date counts too). An outcome without ``languages`` is in
English (FORMAT.md's default), and so is an event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from wsg.model import Event
from wsg.schema import OUTCOME_TYPES

ITU_LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages of ITU, in ITU's order."""

NOT_COUNTED = ("cancelled", "postponed")

LANGUAGES_COUNTING = (
    "Counted: the events of the year that were not cancelled or postponed, and their "
    "outcomes published by the report's date. An outcome or event that names no language "
    "is in English. Other: in at least one language that is not one of the six."
)


@dataclass(frozen=True)
class LanguageRow:
    """How many of some items exist in each ITU language."""

    label: str
    total: int
    counts: tuple[int, ...]  # in ITU_LANGUAGES order
    all_six: int  # items in every one of the six
    other: int  # items in at least one language outside the six


@dataclass(frozen=True)
class Languages:
    events: int  # events counted
    working: LanguageRow  # the events' working languages (``languages``)
    interpretation: LanguageRow  # the events with interpretation into each language
    outcomes: tuple[LanguageRow, ...]  # by outcome type (types that occur), FORMAT.md's order
    outcomes_total: LanguageRow
    counting: str = LANGUAGES_COUNTING


def row(label: str, items: Sequence[Sequence[str]]) -> LanguageRow:
    """The counts of ``items``, each given as its list of language codes."""
    return LanguageRow(
        label=label,
        total=len(items),
        counts=tuple(sum(1 for codes in items if code in codes) for code in ITU_LANGUAGES),
        all_six=sum(1 for codes in items if set(ITU_LANGUAGES) <= set(codes)),
        other=sum(1 for codes in items if set(codes) - set(ITU_LANGUAGES)),
    )


def build(events: Iterable[Event], year: int, as_of: date) -> Languages:
    counted = [
        e
        for e in events
        if e.start is not None and e.start.year == year and e.status not in NOT_COUNTED
    ]
    outcomes = [o for e in counted for o in e.outcomes if o.date is None or o.date <= as_of]
    types = [t for t in OUTCOME_TYPES if any(o.type == t for o in outcomes)]
    return Languages(
        events=len(counted),
        working=row("working languages", [e.languages for e in counted]),
        interpretation=row("interpretation", [e.interpretation for e in counted]),
        outcomes=tuple(row(t, [o.languages for o in outcomes if o.type == t]) for t in types),
        outcomes_total=row("all outcomes", [o.languages for o in outcomes]),
    )
