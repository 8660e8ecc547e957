"""The dataset as plain typed objects that remember where they came from.

Everything after validation (balance, rendering, diff) reads these, never raw
YAML. A value that failed validation is ``None`` (or an empty list), so later
code needs no guards beyond ``is None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    file: str
    line: int
    column: int


# Where a key of a record is: its value's line and column (0, 0 when the value is null),
# then the key's own line and column (0, 0 for a list item or a by_country entry).
Place = tuple[int, int, int, int]

# The fields of every record that say where it is, not what it says.
PLACE_FIELDS = frozenset({"file", "line", "column", "places"})


@dataclass(slots=True, kw_only=True)
class Located:
    file: str = ""
    line: int = 1
    column: int = 1
    # key (or "key.index" for a list item, "key.CODE" for a by_country entry) -> its Place
    places: dict[str, Place] = field(default_factory=dict, repr=False, compare=False)

    def given(self, key: str) -> bool:
        """Whether the file gives ``key`` a value (it is there and not null)."""
        at = self.places.get(key)
        return at is not None and at[0] > 0

    def loc(self, key: str | None = None) -> Loc:
        """Where ``key``'s value is; the record itself when the key is absent or null."""
        at = self.places.get(key) if key is not None else None
        if at is not None and at[0] > 0:
            return Loc(self.file, at[0], at[1])
        return Loc(self.file, self.line, self.column)

    def key_loc(self, key: str) -> Loc:
        """Where ``key`` itself is; where its value is for a list item or an entry."""
        at = self.places.get(key)
        if at is not None and at[2] > 0:
            return Loc(self.file, at[2], at[3])
        return self.loc(key)


@dataclass(slots=True, kw_only=True)
class Person(Located):
    name: str | None = None
    affiliation: str | None = None
    country: str | None = None
    region: str | None = None
    gender: str | None = None
    presentation: str | None = None
    email: str | None = None


@dataclass(slots=True, kw_only=True)
class Decision(Located):
    """An approval, an announcement, an appointment, an establishment, or a topic's origin."""

    date: date | None = None
    by: str | None = None
    ref: str | None = None
    url: str | None = None


@dataclass(slots=True, kw_only=True)
class Term(Located):
    start: date | None = None
    end: date | None = None


@dataclass(slots=True, kw_only=True)
class Seat(Person):
    role: str | None = None
    term: Term | None = None
    appointed: Decision | None = None

    def holds_on(self, day: date) -> bool:
        term = self.term
        if term is None or term.start is None:
            return False
        return term.start <= day and (term.end is None or day <= term.end)


@dataclass(slots=True, kw_only=True)
class Theme(Located):
    id: str | None = None
    title: str | None = None
    priority: str | None = None


@dataclass(slots=True, kw_only=True)
class Policy(Located):
    announcement_lead_days: int = 42
    outcomes_due_days: int = 30
    presentations_due_days: int = 7
    topic_review_days: int = 365
    severity: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class BudgetLine(Located):
    year: int | None = None
    currency: str | None = None
    amount: float | None = None


@dataclass(slots=True, kw_only=True)
class Group(Located):
    id: str | None = None
    name: str | None = None
    acronym: str | None = None
    kind: str | None = None
    parent: str | None = None
    established: Decision | None = None
    closed: date | None = None
    regional_balance: bool = False
    management: list[Seat] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    policy: Policy | None = None
    budget: list[BudgetLine] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Venue(Located):
    city: str | None = None
    country: str | None = None
    place: str | None = None


@dataclass(slots=True, kw_only=True)
class Contact(Located):
    name: str | None = None
    email: str | None = None


@dataclass(slots=True, kw_only=True)
class Fellowships(Located):
    offered: bool | None = None
    granted: int | None = None
    by_country: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class Proposal(Located):
    """Who asked for an event: a group, and the administrations that proposed or supported it."""

    date: date | None = None
    by: str | None = None
    ref: str | None = None
    countries: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class CoOrganizer(Located):
    name: str | None = None
    kind: str | None = None
    country: str | None = None


@dataclass(slots=True, kw_only=True)
class EventBudget(Located):
    currency: str | None = None
    allocated: float | None = None
    spent: float | None = None


@dataclass(slots=True, kw_only=True)
class Participation(Located):
    registered: int | None = None
    in_person: int | None = None
    remote: int | None = None
    by_country: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class Session(Located):
    id: str | None = None
    start: str | None = None
    end: str | None = None
    title: str | None = None
    kind: str = "talk"
    room: str | None = None
    chairs: list[Person] = field(default_factory=list)
    speakers: list[Person] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Day(Located):
    date: date | None = None
    sessions: list[Session] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Outcome(Located):
    type: str | None = None
    title: str | None = None
    url: str | None = None
    date: date | None = None
    to: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["en"])


@dataclass(slots=True, kw_only=True)
class Cancellation(Located):
    date: date | None = None
    reason: str | None = None
    replaced_by: str | None = None


@dataclass(slots=True, kw_only=True)
class Postponement(Located):
    date: date | None = None
    reason: str | None = None
    to: str | None = None


@dataclass(slots=True, kw_only=True)
class Event(Located):
    id: str | None = None
    title: str | None = None
    kind: str | None = None
    status: str | None = None
    start: date | None = None
    end: date | None = None
    timezone: str | None = None
    format: str | None = None
    venue: Venue | None = None
    host: str | None = None
    organizers: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["en"])
    interpretation: list[str] = field(default_factory=list)
    fee: float = 0
    approval: Decision | None = None
    announcement: Decision | None = None
    contact: Contact | None = None
    programme_committee: list[Person] = field(default_factory=list)
    fellowships: Fellowships | None = None
    registration: str | None = None
    proposal: Proposal | None = None
    co_organizers: list[CoOrganizer] = field(default_factory=list)
    budget: EventBudget | None = None
    participation: Participation | None = None
    programme: list[Day] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    cancellation: Cancellation | None = None
    postponement: Postponement | None = None
    notes: str | None = None

    def speakers(self) -> list[Person]:
        return [person for day in self.programme for s in day.sessions for person in s.speakers]

    def chairs(self) -> list[Person]:
        return [person for day in self.programme for s in day.sessions for person in s.chairs]


STATUS_ORDER = ("proposed", "approved", "announced", "held")


@dataclass(slots=True, kw_only=True)
class Topic(Located):
    """A topic of the technology watch: a candidate for a future workshop, and what became of it."""

    id: str | None = None
    title: str | None = None
    themes: list[str] = field(default_factory=list)
    status: str | None = None
    raised: Decision | None = None
    reviewed: date | None = None
    events: list[str] = field(default_factory=list)
    notes: str | None = None
