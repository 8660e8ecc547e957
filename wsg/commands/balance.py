"""``wsg balance [--date D] [--year Y] [--format text|json]``: seats and distributions.

The numbers come from ``wsg.balance``; this module only lays them out, as plain aligned
text (byte-stable, no colour) or one JSON document with a fixed key order.
"""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path
from typing import TextIO

from wsg import dataset as datasets
from wsg.balance import (
    CATEGORIES,
    COLUMNS,
    COUNTING,
    NO_REGION,
    NOT_MEMBER,
    ROLES,
    GroupSeats,
    SeatRow,
    Tally,
    YearBalance,
    seats_at,
    year_balance,
)
from wsg.cache import FileCache
from wsg.errors import WsgError

FORMATS = ("text", "json")
_ROLE_TITLES = {
    "speakers": "speakers",
    "chairs": "chairs",
    "programme_committee": "programme committee",
    "hosts": "host countries",
    "participants": "participants",
}
_COLUMN_TITLES = {NOT_MEMBER: "non-member"}
_CATEGORY_TITLES = {"ldc": "LDC", "sids": "SIDS", "lldc": "LLDC", "eit": "EIT"}


def run(data_dir: Path, on: date, year: int | None, output_format: str, out: TextIO) -> int:
    """Print the regional_balance teams on ``on`` and the distributions of ``year``'s events.

    ``year`` defaults to the year of ``on``. Invalid values in the data count as unknown
    (``wsg validate`` reports them); the command itself never fails on data.
    """
    if output_format not in FORMATS:
        raise WsgError(f"unknown format {output_format!r}; choose one of {', '.join(FORMATS)}")
    dataset = datasets.load(data_dir, on, FileCache.reading(data_dir))
    teams = seats_at(dataset.groups, on)
    figures = year_balance(dataset.events, year if year is not None else on.year)
    if output_format == "json":
        out.write(json.dumps(as_data(on, teams, figures), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(as_text(on, teams, figures))
    return 0


# --- json -------------------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _seat_data(row: SeatRow) -> dict[str, object]:
    return {
        "role": row.role,
        "region": row.region,
        "vacant": row.vacant,
        "holder": row.holder,
        "country": row.country,
        "term_start": _day(row.term_start),
        "term_end": _day(row.term_end),
    }


def _tally_data(tally: Tally) -> dict[str, object]:
    return {
        "total": tally.total,
        "regions": dict(tally.regions),
        "categories": dict(tally.categories),
        "uncertain": dict(tally.uncertain),
        "developing_percent": tally.developing_percent,
    }


def as_data(on: date, teams: list[GroupSeats], figures: YearBalance) -> dict[str, object]:
    """The whole answer as JSON-ready data, keys in a fixed order."""
    return {
        "date": on.isoformat(),
        "seats": [
            {
                "group": team.group,
                "name": team.name,
                "vacancies": team.vacancies,
                "seats": [_seat_data(row) for row in team.rows],
            }
            for team in teams
        ],
        "year": figures.year,
        "events": list(figures.events),
        "distribution": {role: _tally_data(figures.tallies[role]) for role in ROLES},
        "fellowships": {
            "offered": figures.fellowships_offered,
            "granted": figures.fellowships_granted,
        },
        "notes": figures.notes,
        "counting": COUNTING,
    }


# --- text -------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]], numeric_from: int) -> list[str]:
    """Aligned columns: text left-aligned, columns from ``numeric_from`` on right-aligned."""
    widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [
            cell.rjust(width) if i >= numeric_from else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return [line(header), *(line(row) for row in rows)]


def _seat_lines(team: GroupSeats) -> list[str]:
    rows = [
        [
            row.role,
            row.region or "-",
            "VACANT" if row.vacant else row.holder or "",
            row.country or "-" if not row.vacant else "",
            "" if row.vacant else _day(row.term_end) or "-",
        ]
        for row in team.rows
    ]
    header = ["seat", "region", "holder", "country", "term ends"]
    filled = len(team.rows) - team.vacancies
    return [
        f"{team.group}: {team.name}",
        *("  " + line for line in _table(header, rows, numeric_from=len(header))),
        f"  {filled} of {len(team.rows)} seats filled, {team.vacancies} vacant",
    ]


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def as_text(on: date, teams: list[GroupSeats], figures: YearBalance) -> str:
    """The seat tables, then the distributions, then how people are counted."""
    lines = [f"Management seats on {on.isoformat()}", ""]
    if not teams:
        lines += ["No group with regional_balance: true exists on that date.", ""]
    for team in teams:
        lines += [*_seat_lines(team), ""]
    counted = len(figures.events)
    lines += [
        f"Events of {figures.year}: {counted} counted (cancelled and postponed ones are not)",
        "",
    ]
    tallies = [(_ROLE_TITLES[role], figures.tallies[role]) for role in ROLES]
    # no-region only when someone is in it (a state whose only membership was suspended)
    columns = [c for c in COLUMNS if c != NO_REGION or any(t.regions[c] for _, t in tallies)]
    region_header = ["by region", "total", *(_COLUMN_TITLES.get(c, c) for c in columns)]
    region_rows = [
        [title, str(tally.total), *(str(tally.regions[c]) for c in columns)]
        for title, tally in tallies
    ]
    lines += _table(region_header, region_rows, numeric_from=1)
    lines.append("")
    category_header = [
        "by UN category",
        "total",
        *(_CATEGORY_TITLES.get(c, c) for c in CATEGORIES),
        "developing %",
    ]
    category_rows = [
        [
            title,
            str(tally.total),
            *(str(tally.categories[c]) for c in CATEGORIES),
            _percent(tally.developing_percent),
        ]
        for title, tally in tallies
    ]
    lines += _table(category_header, category_rows, numeric_from=1)
    for note in figures.notes:
        lines += ["", *textwrap.wrap(note, width=88)]
    lines += [
        "",
        f"Fellowships: {figures.fellowships_granted} granted; "
        f"{figures.fellowships_offered} of the {counted} events offered them.",
        "",
        *textwrap.wrap("How people are counted: " + COUNTING, width=88),
    ]
    return "\n".join(lines) + "\n"
