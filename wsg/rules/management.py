"""Management team and regional balance rules: Resolution 53's chairman and six vice-chairmen.

The seat rules (``missing-chairman``, ``seat-vacant``, ``seat-overlap``, ``seat-gap``,
``region-missing``) apply to groups with ``regional_balance: true``, whose team is one
chairman and one vice-chairman per region; other groups name their teams freely. The
others apply to every group, and ``region-mismatch`` to every person. Overlaps, gaps and
shared countries are found over the whole history of the seats, not only today.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from wsg.balance import (
    CHAIRMAN,
    SEATS,
    VICE_CHAIRMAN,
    evaluation_day,
    seat_label,
    seat_of,
    term_of,
)
from wsg.countries import REGIONS, load_reference
from wsg.model import Group, Loc, Person, Seat
from wsg.rules import Problem, dataset_rule, group_rule

if TYPE_CHECKING:
    from wsg.dataset import Dataset

SECTION = "Management team and regional balance"
_DAY = timedelta(days=1)


def _span(start: date, end: date | None) -> str:
    return f"from {start} to {end}" if end is not None else f"from {start}, with no end set"


def _country(code: str) -> str:
    return f"{code} ({load_reference().name(code) or code})"


def _term_day(seat: Seat, today: date) -> date:
    """The day a seat's country is judged on: the first of the term (today without one).

    Memberships change (CEPT suspended the Russian Federation and Belarus from 2022-03-18;
    Palau joined ITU on 2024-09-19): a vice-chairman represents the regions of the day the
    term began.
    """
    term = seat.term
    return term.start if term is not None and term.start is not None else today


def _holdings(group: Group, seat_id: str) -> list[tuple[Seat, date, date | None]]:
    """The terms of one seat, by start date then file order."""
    found = []
    for seat in group.management:
        term = term_of(seat)
        if term is not None and seat_of(seat) == seat_id:
            found.append((seat, term[0], term[1]))
    return sorted(found, key=lambda held: (held[1], held[0].line))


def _vacancy(group: Group, seat_id: str, day: date) -> tuple[Loc, str]:
    """Where and why a seat is empty on ``day``: after its last holder's term, if any."""
    holdings = _holdings(group, seat_id)
    before = [h for h in holdings if h[2] is not None and h[2] < day]
    after = [h for h in holdings if day < h[1]]
    when = f"on {day}" if day != group.closed else f"on its closing day {day}"
    what = f"{group.id} has no {seat_label(seat_id)} {when}"
    if before:
        last, _, end = max(before, key=lambda h: (h[2] or date.min, h[0].line))
        assert last.term is not None
        where, why = last.term.loc("end"), f"{what}: {last.name}'s term ended on {end}"
    elif group.given("management"):
        where, why = group.key_loc("management"), what
    else:
        where, why = group.loc("regional_balance"), what
    if after:
        successor, start, _ = after[0]
        return where, f"{why}, and {successor.name} only takes office on {start}"
    role = CHAIRMAN if seat_id == CHAIRMAN else f"{VICE_CHAIRMAN}, region: {seat_id}"
    return where, f"{why}; add the successor under management with role: {role} and a term"


@group_rule("missing-chairman", "error", SECTION)
def missing_chairman(group: Group, dataset: Dataset) -> Iterator[Problem]:
    """A regional_balance group has no chairman at the date.

    The date is today, or the group's ``closed`` day if it closed before
    today. The finding points at the end of the last chairman's term.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/groups/wsg.yaml`` (line 7, column 37)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Ingrid Haugen, country: "NO",
             term: {start: 2025-01-20, end: 2026-03-31}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
    """
    if group.regional_balance:
        day = evaluation_day(group, dataset.today)
        if not any(seat.holds_on(day) for seat in group.management if seat.role == CHAIRMAN):
            yield _vacancy(group, CHAIRMAN, day)


@group_rule("seat-vacant", "error", SECTION)
def seat_vacant(group: Group, dataset: Dataset) -> Iterator[Problem]:
    """A regional_balance group has no vice-chairman for a region at the date.

    Resolution 53 asks for one vice-chairman from each of the six regions. The
    date is today, or the group's ``closed`` day if it closed before today. A
    successor who takes over the day after the predecessor leaves keeps the
    seat filled (here Aline Uwase replaces Grace Kamau for Africa mid-term).
    The finding points at the end of the last holder's term.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Grace Kamau, country: KE, region: africa,
             term: {start: 2025-01-20, end: 2026-03-31}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2026-04-01}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/groups/wsg.yaml`` (line 14, column 37)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Grace Kamau, country: KE, region: africa,
             term: {start: 2025-01-20, end: 2026-03-31}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
    """
    if not group.regional_balance:
        return
    day = evaluation_day(group, dataset.today)
    for region in REGIONS:
        if not any(seat.holds_on(day) for seat in group.management if seat_of(seat) == region):
            yield _vacancy(group, region, day)


@group_rule("seat-overlap", "error", SECTION)
def seat_overlap(group: Group, dataset: Dataset) -> Iterator[Problem]:
    """Two people hold the same seat (chairman, or the vice-chairman of one region) on the same day.

    Checked over the whole history of a regional_balance group's team: two
    chairmen at once, or two vice-chairmen for one region. A successor takes
    office the day after the predecessor's last day. The finding points at the
    start of the later term.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Fatou Ndiaye, country: SN,
             term: {start: 2022-05-30, end: 2025-01-19}}
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/groups/wsg.yaml`` (line 8, column 72)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Fatou Ndiaye, country: SN,
             term: {start: 2022-05-30, end: 2025-06-30}}
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
    """
    if not group.regional_balance:
        return
    for seat_id in SEATS:
        # One finding per term that starts while an earlier one still runs, named after the
        # earlier term that ends last: a finding per pair would grow with the square.
        reach: tuple[Seat, date, date | None] | None = None
        for later, start, end in _holdings(group, seat_id):
            if reach is not None and (reach[2] is None or start <= reach[2]):
                earlier, earlier_start, earlier_end = reach
                last = min((d for d in (end, earlier_end) if d is not None), default=None)
                assert later.term is not None
                yield (
                    later.term.loc("start"),
                    (
                        f"{group.id}: the seat of {seat_label(seat_id)} has two holders at once: "
                        f"{earlier.name} ({_span(earlier_start, earlier_end)}) and {later.name} "
                        f"({_span(start, end)}) overlap {_span(start, last)}; end the first "
                        "term the day before the second starts"
                    ),
                )
            if reach is None or (reach[2] is not None and (end is None or end > reach[2])):
                reach = (later, start, end)


@group_rule("seat-gap", "warning", SECTION)
def seat_gap(group: Group, dataset: Dataset) -> Iterator[Problem]:
    """A seat stood empty between two terms.

    Checked over the whole history of a regional_balance group's team, seat by
    seat: a successor normally takes office the day after the predecessor's
    last day. The finding points at the start of the later term and names the
    empty days.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Grace Kamau, country: KE, region: africa,
             term: {start: 2025-01-20, end: 2026-03-31}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2026-04-01}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/groups/wsg.yaml`` (line 16, column 20)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Grace Kamau, country: KE, region: africa,
             term: {start: 2025-01-20, end: 2026-03-31}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2026-05-01}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
    """
    if not group.regional_balance:
        return
    for seat_id in SEATS:
        covered: tuple[Seat, date] | None = None  # who is in office longest so far, until when
        for seat, start, end in _holdings(group, seat_id):
            if covered is not None:
                previous, until = covered
                if until + _DAY < start:
                    assert seat.term is not None
                    yield (
                        seat.term.loc("start"),
                        (
                            f"{group.id}: the seat of {seat_label(seat_id)} stood empty from "
                            f"{until + _DAY} to {start - _DAY}, between {previous.name}'s term and "
                            f"{seat.name}'s; if the successor took over at once, start the term "
                            f"on {until + _DAY}"
                        ),
                    )
            if end is None:
                break  # in office with no end: every later term overlaps, none leaves a gap
            if covered is None or covered[1] < end:
                covered = (seat, end)


@group_rule("region-missing", "error", SECTION)
def region_missing(group: Group, dataset: Dataset) -> Iterator[Problem]:
    """A vice-chairman of a regional_balance group without ``region``.

    Each vice-chairman holds the seat of one region; for a state in two regions
    (Egypt, Azerbaijan) only ``region`` says which. A vice-chairman without it
    holds no seat.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/groups/wsg.yaml`` (line 19, column 5)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        regional_balance: true
        management:
          - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Omar Mansour, country: DZ, term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
    """
    if not group.regional_balance:
        return
    reference = load_reference()
    for seat in group.management:
        if seat.role == VICE_CHAIRMAN and seat.region is None and not seat.given("region"):
            day = _term_day(seat, dataset.today)
            state = reference.member_on(seat.country, day) if seat.country else None
            held = state.regions_on(day) if state else ()
            choices = " or ".join(held) if held else "one of " + ", ".join(REGIONS)
            yield (
                seat.loc(),
                (f"vice-chairman {seat.name} of {group.id} has no region; add region: {choices}"),
            )


def _people(dataset: Dataset) -> Iterator[tuple[Person, str, str | None, date]]:
    """Every person of the dataset, with what they are, of what and the day that counts
    (the first day of a term; an event's start), management first."""
    today = dataset.today
    for group in dataset.groups:
        for seat in group.management:
            yield seat, f"{seat.role or 'member'}", group.id, _term_day(seat, today)
    for event in dataset.events:
        start = event.start or today
        for member in event.programme_committee:
            yield member, "programme committee member", event.id, start
        for day in event.programme:
            for session in day.sessions:
                for chair in session.chairs:
                    yield chair, "chair", event.id, start
                for speaker in session.speakers:
                    yield speaker, "speaker", event.id, start


@dataset_rule("region-mismatch", "error", SECTION)
def region_mismatch(dataset: Dataset) -> Iterator[Problem]:
    """A person's ``region`` is not one of their country's regions.

    Checked for the management team, speakers, chairs and programme committee
    members. A state can represent the regions whose regional organization it
    belongs to on the day that counts: the first day of a term, the start of an
    event (``wsg countries CODE --date D`` lists them); a state in two regions can
    represent either: Egypt africa or arab-states, Azerbaijan europe or cis.
    Memberships change: the Russian Federation could represent europe until CEPT
    suspended it on 2022-03-18. A country that is not an ITU Member State that
    day represents no region.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        management:
          - {role: chairman, name: Ahmed Farouk, country: EG, region: africa,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: europe,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/groups/wsg.yaml`` (line 5, column 63)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        management:
          - {role: chairman, name: Ahmed Farouk, country: EG, region: europe,
             term: {start: 2025-01-20}}
          - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: europe,
             term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/events/2026/demo.yaml`` (line 18, column 55)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
        programme:
          - date: 2026-09-10
            sessions:
              - start: "09:30"
                end: "10:00"
                title: Keynote
                speakers:
                  - {name: Amina Diallo, country: SN, region: arab-states}
    """
    reference = load_reference()
    for person, role, of, day in _people(dataset):
        if person.region is None or person.country is None:
            continue
        what = f"{role} of {of}"
        state = reference.member(person.country)
        if state is None:
            yield (
                person.loc("region"),
                (
                    f"{person.name} ({what}) is from {_country(person.country)}, which is not an "
                    f"ITU Member State and represents no region; remove region: {person.region}"
                ),
            )
            continue
        held = state.regions_on(day)
        if person.region in held:
            continue
        if not state.is_member(day):
            why = f"which became an ITU Member State only on {state.itu_from}"
        elif not held:
            why = "which represented no region then (its membership was suspended)"
        else:
            why = f"which could represent {' or '.join(held)}"
        yield (
            person.loc("region"),
            f"{person.name} ({what}) is from {_country(person.country)}, {why} on {day}, "
            f"not {person.region}",
        )


@group_rule("not-a-member-state", "error", SECTION)
def not_a_member_state(group: Group, dataset: Dataset) -> Iterator[Problem]:
    """A management member's country is not an ITU Member State.

    The country is a valid ISO 3166-1 code (otherwise ``bad-country``) of a
    territory or an observer such as PS (Palestine), which cannot hold a seat.
    A state that joined ITU later (Palau on 2024-09-19) is not one for a term
    that began before. ``wsg countries --date D`` lists the Member States of a day.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        management:
          - {role: chairman, name: Ahmed Farouk, country: EG, term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/groups/wsg.yaml`` (line 5, column 51)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        management:
          - {role: chairman, name: Samir Haddad, country: PS, term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
    """
    reference = load_reference()
    for seat in group.management:
        if seat.country is None:
            continue
        state = reference.member(seat.country)
        day = _term_day(seat, dataset.today)
        if state is not None and state.is_member(day):
            continue
        since = f" on {day} (it joined on {state.itu_from})" if state is not None else ""
        yield (
            seat.loc("country"),
            (
                f"{seat.name} ({seat.role or 'member'} of {group.id}) is from "
                f"{_country(seat.country)}, which was not an ITU Member State{since}; a "
                "management team member represents a Member State"
            ),
        )


@group_rule("same-country", "warning", SECTION)
def same_country(group: Group, dataset: Dataset) -> Iterator[Problem]:
    """Two members of one management team, at the same date, from the same country.

    Checked over the whole history of every group's team; each pair is
    reported once, at the later member in the file, with the days they shared.
    One person holding two seats one after the other is not a pair.

    Passing ``data/groups/wsg.yaml``::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        management:
          - {role: vice-chairman, name: Ingrid Haugen, country: "NO",
             term: {start: 2022-05-30, end: 2025-01-19}}
          - {role: chairman, name: Lars Berg, country: "NO", term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}

    Failing ``data/groups/wsg.yaml`` (line 7, column 48)::

        id: wsg
        name: Workshop and Seminar Coordination Group
        kind: coordination-group
        management:
          - {role: vice-chairman, name: Ingrid Haugen, country: "NO",
             term: {start: 2022-05-30, end: 2025-06-30}}
          - {role: chairman, name: Lars Berg, country: "NO", term: {start: 2025-01-20}}
        themes:
          - {id: ai, title: Artificial intelligence, priority: high}
          - {id: security, title: Security and trust, priority: normal}
    """
    by_country: dict[str, list[tuple[Seat, date, date | None]]] = {}
    for seat in group.management:
        term = term_of(seat)
        if term is not None and seat.country is not None:
            by_country.setdefault(seat.country, []).append((seat, *term))
    for members in by_country.values():
        partners = _earlier_in_office(members)
        for (later, start, end), partner in zip(members, partners, strict=True):
            if partner is None:
                continue
            earlier, earlier_start, earlier_end = members[partner]
            first = max(start, earlier_start)
            last = min((d for d in (end, earlier_end) if d is not None), default=None)
            assert later.country is not None
            yield (
                later.loc("country"),
                (
                    f"{earlier.name} ({earlier.role}) and {later.name} ({later.role}) of {group.id} "
                    f"are both from {_country(later.country)}, together in office "
                    f"{_span(first, last)}; the team's regional balance asks for different countries"
                ),
            )


def _earlier_in_office(members: list[tuple[Seat, date, date | None]]) -> list[int | None]:
    """For each member in file order, an earlier one of another name whose term overlaps.

    One finding per member, not per pair, and no comparison of every pair: a Fenwick tree
    over the members by start keeps, for each prefix, the two names whose terms end last.
    A member overlaps an earlier one that starts by its end and ends from its start on.
    """
    by_start = sorted(range(len(members)), key=lambda k: members[k][1])
    starts = [members[k][1] for k in by_start]
    position = {k: rank + 1 for rank, k in enumerate(by_start)}
    tree: list[list[tuple[date, str | None, int]]] = [[] for _ in range(len(members) + 1)]
    partners: list[int | None] = []
    for index, (seat, start, end) in enumerate(members):
        last_day = end or date.max
        best: list[tuple[date, str | None, int]] = []
        at = bisect_right(starts, last_day)
        while at > 0:
            best = _two_latest(best + tree[at])
            at -= at & -at
        partners.append(
            next((k for ends, name, k in best if name != seat.name and ends >= start), None)
        )
        at = position[index]
        while at <= len(members):
            tree[at] = _two_latest([*tree[at], (last_day, seat.name, index)])
            at += at & -at
    return partners


def _two_latest(entries: list[tuple[date, str | None, int]]) -> list[tuple[date, str | None, int]]:
    """The latest-ending entry of each of the two names whose terms end last."""
    kept: list[tuple[date, str | None, int]] = []
    for entry in sorted(entries, key=lambda e: (e[0], -e[2]), reverse=True):
        if all(entry[1] != other[1] for other in kept):
            kept.append(entry)
            if len(kept) == 2:
                break
    return kept
