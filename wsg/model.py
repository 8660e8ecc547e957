"""The dataset as plain typed objects that remember where they came from.

Everything after validation (balance, rendering, diff) reads these, never raw
YAML. A value that failed validation is ``None`` (or an empty list), so later
code needs no guards beyond ``is None``.
"""

from __future__ import annotations

import re
import sys
from array import array
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    file: str
    line: int
    column: int


# The packed places of a record (``Located.keys`` and ``Located.places``): each key is
# written after a flag, VALUED when the file gives it a value, BARE when the value is
# null, and the text ends with VALUED; ``places`` holds four unsigned numbers per key, in
# the same order: the value's line and column, the key's line and column (0 = none),
# each of one, two or four bytes as the largest needs (the length tells which).
VALUED, BARE = "\x1f", "\x1e"
_FLAGS = re.compile("([\x1e\x1f])([^\x1e\x1f]*)")

Places = dict[str, tuple[int, int]]


_WIDTHS = {1: "B", 2: "H", 4: "I"}


def pack_places(keys: list[str], numbers: list[int]) -> tuple[str, bytes]:
    """``keys`` (each after its flag) and their four numbers each, as a record stores them."""
    largest = max(numbers, default=0)
    code = "B" if largest < 1 << 8 else "H" if largest < 1 << 16 else "I"
    return sys.intern("".join(keys) + VALUED), array(code, numbers).tobytes()


@lru_cache(maxsize=1 << 12)
def unpack_places(keys: str, places: bytes) -> tuple[Places, Places]:
    """Where each value is, and where each key is (a later duplicate wins, as in YAML)."""
    count = keys.count(VALUED) + keys.count(BARE) - 1
    numbers = array(_WIDTHS[len(places) // (4 * count)] if count else "B")
    numbers.frombytes(places)
    values: Places = {}
    names: Places = {}
    for index, match in enumerate(_FLAGS.finditer(keys, 0, len(keys) - 1)):
        line, column, key_line, key_column = numbers[4 * index : 4 * index + 4]
        name = match[2]
        if line:
            values[name] = (line, column)
        if key_line:
            names[name] = (key_line, key_column)
    return values, names


@dataclass(slots=True, kw_only=True)
class Located:
    file: str = ""
    line: int = 1
    column: int = 1
    # Where each key and value is, packed: a warm run unpickles tens of thousands of
    # records, and one string and one bytes object cost a fraction of two dicts each.
    keys: str = field(default=VALUED, repr=False, compare=False)
    places: bytes = field(default=b"", repr=False, compare=False)

    @property
    def locs(self) -> Places:
        """key (or "key.index" for list items, "key.CODE" for by_country) -> its value's place."""
        return unpack_places(self.keys, self.places)[0]

    @property
    def key_locs(self) -> Places:
        """key -> the place of the key itself."""
        return unpack_places(self.keys, self.places)[1]

    def given(self, key: str) -> bool:
        """Whether the file gives ``key`` a value (it is there and not null)."""
        keys = self.keys
        return f"{VALUED}{key}{VALUED}" in keys or f"{VALUED}{key}{BARE}" in keys

    def loc(self, key: str | None = None) -> Loc:
        """Where ``key``'s value is; the record itself when the key is absent."""
        if key is not None:
            at = self.locs.get(key)
            if at is not None:
                return Loc(self.file, at[0], at[1])
        return Loc(self.file, self.line, self.column)

    def key_loc(self, key: str) -> Loc:
        at = self.key_locs.get(key)
        if at is not None:
            return Loc(self.file, at[0], at[1])
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
