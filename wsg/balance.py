"""Regional balance: who holds which management seat, and who took part from where.

Pure functions over the model (no I/O), shared by the management rules, ``wsg balance``
and the yearly summary. Two questions are answered:

- ``seats_at(groups, on)``: the seats of every ``regional_balance`` group on a day: the
  chairman and one vice-chairman per region of Resolution 53, with the holder (or a
  vacancy) of each.
- ``year_balance(events, year)``: for the events of a year, how speakers, chairs,
  programme committee members, host countries and participants spread over the six
  regions and the UN development categories, and the fellowships granted.

How people are counted (``COUNTING`` says it in one paragraph for readers):

- A person is identified by name and country. Within one event a person counts once per
  role (speaking twice is one speaker); across events every appearance counts, so a year's
  figures measure presence on the programme, not distinct people.
- A state in two regions (Egypt: africa and arab-states; Azerbaijan: europe and cis) is
  counted under the region the person declares (``region``, when it is one of the
  country's regions), otherwise under each of its regions. The total counts each person
  once, so the region columns can add up to more than the total.
- Regions are those of each event's start date (a state in no region that day, such as
  Syria while the League of Arab States suspended it, counts under ``no-region``). A
  country that is ISO 3166-1 but not an ITU Member State that day (PS, territories) is
  counted under ``not-a-member-state``; a person without a country under ``unknown``.
  Neither belongs to a UN category.
- Hosts are the venue country of each event (a virtual event has none); participants are
  the people counted in ``participation.by_country``.
- UN categories (ldc, sids, lldc, eit, developing) are those of each event's start date;
  the developing share is developing / total, unknown and non-members included. A
  category the reference data leaves uncertain that day (Bangladesh's and Nepal's LDC
  status after their scheduled graduation of 2026-11-24, while their requested deferral
  awaits a General Assembly decision) is counted apart, under ``uncertain``, never in the
  category's column; ``YearBalance.notes`` says whom and why.
- Events counted: those starting in the year, except cancelled and postponed ones
  (planned events count with their planned programme).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from wsg.countries import CATEGORIES as CATEGORIES
from wsg.countries import CATEGORY_USE, REGIONS, load_reference
from wsg.model import Event, Fellowships, Group, Person, Seat
from wsg.natsort import natural_key

CHAIRMAN = "chairman"
VICE_CHAIRMAN = "vice-chairman"
SEATS: tuple[str, ...] = (CHAIRMAN, *REGIONS)
"""The seats of a regional_balance team: the chairman, then one vice-chairman per region."""

NO_REGION = "no-region"
NOT_MEMBER = "not-a-member-state"
UNKNOWN = "unknown"
COLUMNS: tuple[str, ...] = (*REGIONS, NO_REGION, NOT_MEMBER, UNKNOWN)
ROLES: tuple[str, ...] = ("speakers", "chairs", "programme_committee", "hosts", "participants")
FELLOWS = "fellowship recipients"
NOT_COUNTED = ("cancelled", "postponed")

COUNTING = (
    "A person counts once per event in each role (by name and country) and once for every "
    "event they take part in. A state in two regions (e.g. Egypt: africa and arab-states) "
    "counts under the region the person declares, otherwise under each of its regions; "
    "hosts and participants declare none. The total counts each person once, so the region "
    "columns can add up to more than the total. Regions and UN categories are those of each "
    "event's start date: a Member State in no region that day (its only membership "
    "suspended) counts as no-region, an ISO country that was not an ITU Member State that "
    "day as not a Member State, a person without country as unknown. The developing share "
    "is developing / total. "
    "A category the reference data leaves uncertain on that date is counted apart as "
    "uncertain, in no category column. Cancelled and postponed events are not counted. "
    + CATEGORY_USE
)


# --- management seats ---------------------------------------------------------------


def seat_of(seat: Seat) -> str | None:
    """The seat a management entry holds: ``chairman`` or a region id; None if unplaced.

    A vice-chairman without a valid ``region`` holds no regional seat.
    """
    if seat.role == CHAIRMAN:
        return CHAIRMAN
    if seat.role == VICE_CHAIRMAN and seat.region in REGIONS:
        return seat.region
    return None


def seat_label(seat_id: str) -> str:
    """``chairman`` or ``vice-chairman for <region>``, as messages and tables name a seat."""
    return seat_id if seat_id == CHAIRMAN else f"{VICE_CHAIRMAN} for {seat_id}"


def term_of(seat: Seat) -> tuple[date, date | None] | None:
    """First and last day in office (last None: still in office); None if no valid start."""
    term = seat.term
    if term is None or term.start is None:
        return None
    if term.end is not None and term.end < term.start:
        return None  # date-order reports it; such a term covers no day
    return term.start, term.end


def evaluation_day(group: Group, today: date) -> date:
    """The day the seats are judged on: today, or the closing day of a group closed before."""
    if group.closed is not None and group.closed < today:
        return group.closed
    return today


@dataclass(frozen=True)
class SeatRow:
    """One seat on a day: its holder, or a vacancy (``holder`` None)."""

    role: str  # chairman or vice-chairman
    region: str | None  # a vice-chairman's seat; the region a chairman declares, if any
    holder: str | None = None
    country: str | None = None
    term_start: date | None = None
    term_end: date | None = None  # None: no end set

    @property
    def vacant(self) -> bool:
        return self.holder is None


@dataclass(frozen=True)
class GroupSeats:
    """A regional_balance group's team on a day: the ``SEATS`` in order, then any
    vice-chairman without region."""

    group: str
    name: str
    on: date
    rows: tuple[SeatRow, ...]

    @property
    def vacancies(self) -> int:
        return sum(1 for row in self.rows if row.vacant)


def _row(seat: Seat) -> SeatRow:
    term = term_of(seat)
    return SeatRow(
        role=seat.role or VICE_CHAIRMAN,
        region=seat.region,
        holder=seat.name or "(no name)",
        country=seat.country,
        term_start=term[0] if term else None,
        term_end=term[1] if term else None,
    )


def seats_at(groups: Iterable[Group], on: date) -> list[GroupSeats]:
    """The seats of every regional_balance group in existence on ``on``, in the natural
    order of their ids (sg2 before sg16, as every list of groups).

    A seat held by two people at once (a seat-overlap) has a row for each; a vice-chairman
    without region is listed last as ``vice-chairman``. Groups closed before ``on`` or
    established after it are left out.
    """
    result = []
    for group in sorted(groups, key=lambda g: natural_key(g.id)):
        if not group.regional_balance or group.id is None:
            continue
        if group.closed is not None and group.closed < on:
            continue
        established = group.established.date if group.established else None
        if established is not None and on < established:
            continue
        in_office = [seat for seat in group.management if seat.holds_on(on)]
        rows: list[SeatRow] = []
        for seat_id in SEATS:
            holders = [seat for seat in in_office if seat_of(seat) == seat_id]
            rows.extend(_row(seat) for seat in holders)
            if not holders:
                chairman = seat_id == CHAIRMAN
                rows.append(
                    SeatRow(CHAIRMAN, None) if chairman else SeatRow(VICE_CHAIRMAN, seat_id)
                )
        unplaced = [s for s in in_office if s.role == VICE_CHAIRMAN and seat_of(s) is None]
        rows.extend(_row(seat) for seat in unplaced)
        result.append(GroupSeats(group.id, group.name or group.id, on, tuple(rows)))
    return result


# --- distributions ------------------------------------------------------------------


@dataclass
class Tally:
    """How many people (or events, for hosts) fall in each region and UN category."""

    total: int = 0
    regions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COLUMNS, 0))
    categories: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    # people whose category the reference data leaves uncertain that day, per category
    uncertain: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    # category -> country -> why, for every uncertain count (YearBalance.notes says it)
    reasons: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def developing_percent(self) -> float | None:
        """The developing-country share of the total in percent, one decimal; None if empty."""
        if self.total == 0:
            return None
        return round(100 * self.categories["developing"] / self.total, 1)

    def add(
        self, country: str | None, on: date, declared: str | None = None, count: int = 1
    ) -> None:
        """Count ``count`` people from ``country`` (as of ``on``) who declare ``declared``."""
        self.total += count
        if country is None:
            self.regions[UNKNOWN] += count
            return
        state = load_reference().member_on(country, on)
        if state is None:
            self.regions[NOT_MEMBER] += count
            return
        held = state.regions_on(on)
        regions = (declared,) if declared in held else held or (NO_REGION,)
        for region in regions:
            self.regions[region] += count
        uncertain = state.uncertain(on)
        for category, applies in state.categories(on).items():
            if category in uncertain:
                self.uncertain[category] += count
                why = state.ldc_note(on) or "uncertain"
                self.reasons.setdefault(category, {})[state.code] = why
            elif applies:
                self.categories[category] += count


@dataclass
class YearBalance:
    """The distributions of one year's events, by role (``ROLES`` order)."""

    year: int
    events: list[str] = field(default_factory=list)  # ids of the events counted
    tallies: dict[str, Tally] = field(default_factory=lambda: {role: Tally() for role in ROLES})
    fellowships_offered: int = 0  # events that offered fellowships
    fellowships_granted: int = 0
    # the fellowship recipients by country (``fellowships.by_country``); granted beyond it
    # counts as country unknown
    fellows: Tally = field(default_factory=Tally)
    involvement: Involvement = field(default_factory=lambda: Involvement())

    @property
    def notes(self) -> list[str]:
        """One sentence per category counted as uncertain: the countries, why, how many."""
        notes = []
        for category in CATEGORIES:
            reasons: dict[str, str] = {}
            counted = [*self.tallies.items(), (FELLOWS, self.fellows)]
            for _, tally in counted:
                reasons.update(tally.reasons.get(category, {}))
            if not reasons:
                continue
            counts = ", ".join(
                f"{tally.uncertain[category]} {role.replace('_', ' ')}"
                for role, tally in counted
                if tally.uncertain[category]
            )
            why = "; ".join(
                f"{code} ({load_reference().name(code)}): {reason}"
                for code, reason in sorted(reasons.items())
            )
            notes.append(
                f"{category.upper()} status uncertain on some event dates and counted apart, "
                f"not as {category.upper()} ({counts}): {why}."
            )
        return notes


def _distinct(people: Iterable[Person]) -> list[Person]:
    """Each person once, first appearance kept: identity is name and country."""
    seen: set[tuple[str, str | None]] = set()
    result = []
    for person in people:
        key = ((person.name or "").strip(), person.country)
        if key not in seen:
            seen.add(key)
            result.append(person)
    return result


def counted_events(events: Iterable[Event], year: int) -> list[Event]:
    """The events of ``year`` that count, by start date then id."""
    chosen = [
        event
        for event in events
        if event.start is not None and event.start.year == year and event.status not in NOT_COUNTED
    ]
    return sorted(chosen, key=lambda e: (e.start or date.min, e.id or ""))


def year_balance(events: Iterable[Event], year: int) -> YearBalance:
    """Distributions over regions and UN categories of the events of ``year`` (see module doc)."""
    result = YearBalance(year)
    tallies = result.tallies
    for event in counted_events(events, year):
        on = event.start
        assert on is not None
        result.events.append(event.id or "")
        people = {
            "speakers": event.speakers(),
            "chairs": event.chairs(),
            "programme_committee": event.programme_committee,
        }
        for role, persons in people.items():
            for person in _distinct(persons):
                tallies[role].add(person.country, on, person.region)
        if event.venue is not None:
            tallies["hosts"].add(event.venue.country, on)
        if event.participation is not None:
            for country, count in sorted(event.participation.by_country.items()):
                tallies["participants"].add(country, on, count=count)
        if event.fellowships is not None:
            if event.fellowships.offered:
                result.fellowships_offered += 1
            result.fellowships_granted += event.fellowships.granted or 0
            _count_fellows(result.fellows, event.fellowships, on)
        result.involvement.add(event, on)
    return result


def _count_fellows(fellows: Tally, fellowships: Fellowships, on: date) -> None:
    """The recipients of one event's fellowships, by country as of its start date.

    Fellowships granted beyond what ``by_country`` names count as country unknown, so
    that the total is never less than ``granted`` (``fellowships-mismatch`` reports the
    difference).
    """
    by_country = fellowships.by_country
    for country, count in sorted(by_country.items()):
        fellows.add(country, on, count=count)
    unnamed = (fellowships.granted or 0) - sum(by_country.values())
    fellows.add(None, on, count=max(unnamed, 0))


# --- developing countries in the definition and organization of events --------------

INVOLVEMENT: tuple[str, ...] = ("proposed", "co_organized", "either")
"""The rows of ``Involvement``: proposed by, co-organized by, proposed or co-organized by."""

INVOLVEMENT_COUNTING = (
    "An event counts once in a row when at least one of its countries was a developing "
    "country (or an LDC) on the event's start date: for proposed, the administrations that "
    "proposed or supported it; for co-organized, the administrations among its co-organizers "
    "(an organization, university or company does not count as its country). An event "
    "whose only LDC is one whose LDC status the reference data leaves uncertain that day is "
    "counted apart, never as an LDC. Shares are of all the events counted (cancelled and "
    "postponed ones are not); an event that names no proposing or co-organizing country "
    "counts in no row. The ITU bureaux are the co-organizers that are a bureau of ITU, "
    "named BDT or BR when their name says which."
)

_BUREAUX = (
    ("BDT", re.compile(r"\bBDT\b|development bureau", re.IGNORECASE)),
    ("BR", re.compile(r"\bBR\b|radiocommunication bureau", re.IGNORECASE)),
)


def bureau(name: str | None) -> str:
    """``BDT`` or ``BR`` when the co-organizer's name says which, else its name as given."""
    for label, pattern in _BUREAUX:
        if name and pattern.search(name):
            return label
    return (name or "").strip() or "ITU bureau (unnamed)"


@dataclass
class Involved:
    """How many events name countries in one way (proposing, co-organizing, either)."""

    any: int = 0  # at least one country
    developing: int = 0  # at least one developing country that day
    ldc: int = 0  # at least one LDC that day
    ldc_uncertain: int = 0  # no LDC for certain, but one whose LDC status is uncertain


@dataclass
class Involvement:
    """Developing countries and ITU bureaux in the definition and organization of events."""

    events: int = 0  # the events counted
    rows: dict[str, Involved] = field(
        default_factory=lambda: {row: Involved() for row in INVOLVEMENT}
    )
    bureaux: dict[str, list[str]] = field(default_factory=dict)  # label -> event ids
    reasons: dict[str, str] = field(default_factory=dict)  # uncertain LDC -> why

    def percent(self, count: int) -> float | None:
        """``count`` as a share of the events counted, in percent, one decimal."""
        return None if self.events == 0 else round(100 * count / self.events, 1)

    def add(self, event: Event, on: date) -> None:
        """Count one event (``on``: its start date)."""
        self.events += 1
        proposed = list(event.proposal.countries) if event.proposal else []
        co_organized = [
            c.country for c in event.co_organizers if c.kind == "administration" and c.country
        ]
        named = {"proposed": proposed, "co_organized": co_organized}
        named["either"] = proposed + co_organized
        for row, countries in named.items():
            self._count(self.rows[row], countries, on)
        for co_organizer in event.co_organizers:
            if co_organizer.kind == "itu-bureau":
                ids = self.bureaux.setdefault(bureau(co_organizer.name), [])
                if event.id not in ids:
                    ids.append(event.id or "")

    def _count(self, row: Involved, countries: list[str], on: date) -> None:
        if not countries:
            return
        row.any += 1
        developing, ldc, uncertain = False, False, False
        reference = load_reference()
        for code in countries:
            state = reference.member_on(code, on)
            if state is None:
                continue
            developing = developing or state.categories(on)["developing"]
            status = state.ldc_status(on)
            ldc = ldc or status is True
            if status is None:
                uncertain = True
                self.reasons[code] = state.ldc_note(on) or "uncertain"
        row.developing += developing
        row.ldc += ldc
        row.ldc_uncertain += uncertain and not ldc

    @property
    def notes(self) -> list[str]:
        """Whose LDC status was uncertain, and why (empty when nobody's was)."""
        if not self.reasons:
            return []
        why = "; ".join(
            f"{code} ({load_reference().name(code)}): {reason}"
            for code, reason in sorted(self.reasons.items())
        )
        return [f"LDC status uncertain on the event's date, counted apart: {why}."]
