"""``wsg balance [--date D] [--year Y] [--format text|json]``: seats and distributions.

The numbers come from ``wsg.balance``; this module only lays them out, as tables fitted
to the terminal (plain and byte-stable when piped) or one JSON document with a fixed
key order.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from wsg import dataset as datasets
from wsg.balance import (
    CATEGORIES,
    COLUMNS,
    COUNTING,
    INVOLVEMENT,
    INVOLVEMENT_COUNTING,
    NO_REGION,
    NOT_MEMBER,
    ROLES,
    GroupSeats,
    Involvement,
    SeatRow,
    Tally,
    YearBalance,
    seats_at,
    year_balance,
)
from wsg.cache import FileCache
from wsg.errors import WsgError
from wsg.terminal import Column, printable, table, text, width_of, write

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

FORMATS = ("text", "json")
_ROLE_TITLES = {
    "speakers": "speakers",
    "chairs": "chairs",
    "programme_committee": "committee",
    "hosts": "hosts",
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
        write(out, *as_text(on, teams, figures, width_of(out)))
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
            "recipients": _tally_data(figures.fellows),
        },
        "organization": _involvement_data(figures.involvement),
        "notes": figures.notes,
        "counting": COUNTING,
    }


def _involvement_data(involvement: Involvement) -> dict[str, object]:
    """Developing countries and ITU bureaux in the definition and organization of events."""
    data: dict[str, object] = {"events": involvement.events}
    for key in INVOLVEMENT:
        row = involvement.rows[key]
        data[key] = {
            "events": row.any,
            "developing": row.developing,
            "developing_percent": involvement.percent(row.developing),
            "ldc": row.ldc,
            "ldc_percent": involvement.percent(row.ldc),
            "ldc_uncertain": row.ldc_uncertain,
        }
    data["bureaux"] = {label: ids for label, ids in sorted(involvement.bureaux.items())}
    data["notes"] = involvement.notes
    data["counting"] = INVOLVEMENT_COUNTING
    return data


# --- text -------------------------------------------------------------------------


def _seat_table(team: GroupSeats, width: int | None) -> list[RenderableType]:
    rows = [
        {
            "seat": row.role,
            "region": row.region or "-",
            "holder": "VACANT" if row.vacant else printable(row.holder or ""),
            "country": "" if row.vacant else row.country or "-",
            "ends": "" if row.vacant else _day(row.term_end) or "-",
        }
        for row in team.rows
    ]
    columns = (
        Column("seat", "seat"),
        Column("region", "region"),
        Column("holder", "holder", flexible=True, style=_vacant_style),
        Column("country", "country"),
        Column("ends", "term ends"),
    )
    filled = len(team.rows) - team.vacancies
    inner = None if width is None else width - 2
    from rich.padding import Padding

    return [
        text(printable(f"{team.group}: {team.name}"), "bold"),
        Padding(table(columns, rows, inner, wrap=True), (0, 0, 0, 2)),
        text(f"  {filled} of {len(team.rows)} seats filled, {team.vacancies} vacant"),
    ]


def _vacant_style(value: str) -> str:
    return "bold red" if value == "VACANT" else ""


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _distribution(
    title: str, lines: list[tuple[str, Callable[[Tally], str]]], figures: YearBalance
) -> Table:
    """One row per region or category, one column per role: five numbers fit any terminal."""
    columns = (
        Column("what", title),
        *(Column(role, _ROLE_TITLES[role], numeric=True) for role in ROLES),
    )
    rows = [
        {"what": label, **{role: value(figures.tallies[role]) for role in ROLES}}
        for label, value in lines
    ]
    return table(columns, rows, None)


def as_text(
    on: date, teams: list[GroupSeats], figures: YearBalance, width: int | None
) -> list[RenderableType]:
    """The seat tables, then the distributions, then how people are counted."""
    parts: list[RenderableType] = [text(f"Management seats on {on.isoformat()}", "bold"), text("")]
    if not teams:
        parts += [text("No group with regional_balance: true exists on that date."), text("")]
    for team in teams:
        parts += [*_seat_table(team, width), text("")]
    counted = len(figures.events)
    tallies = [figures.tallies[role] for role in ROLES]
    # no-region only when someone is in it (a state whose only membership was suspended)
    regions = [c for c in COLUMNS if c != NO_REGION or any(t.regions[c] for t in tallies)]
    by_region: list[tuple[str, Callable[[Tally], str]]] = [
        ("total", lambda t: str(t.total)),
        *((_COLUMN_TITLES.get(c, c), _region_count(c)) for c in regions),
    ]
    by_category: list[tuple[str, Callable[[Tally], str]]] = [
        ("total", lambda t: str(t.total)),
        *((_CATEGORY_TITLES.get(c, c), _category_count(c)) for c in CATEGORIES),
        ("developing %", lambda t: _percent(t.developing_percent)),
    ]
    parts += [
        text(
            f"Events of {figures.year}: {counted} counted (cancelled and postponed ones are not)",
            "bold",
        ),
        text(""),
        _distribution("by region", by_region, figures),
        text(""),
        _distribution("by UN category", by_category, figures),
        *(part for note in figures.notes for part in (text(""), _paragraph(note, width))),
        text(""),
        text(
            f"Fellowships: {figures.fellowships_granted} granted; "
            f"{figures.fellowships_offered} of the {counted} events offered them."
        ),
        text(""),
        *_fellows_table(figures.fellows, regions),
        text(""),
        _paragraph(
            "Recipients are counted by the country recorded for each (fellowships.by_country), "
            "as of each event's start date; fellowships granted to no recorded country count "
            "as country unknown.",
            width,
        ),
        text(""),
        *_involvement_table(figures.involvement, width),
        text(""),
        _paragraph("How people are counted: " + COUNTING, width),
    ]
    return parts


def _fellows_table(fellows: Tally, regions: list[str]) -> list[RenderableType]:
    """The fellowship recipients by region and UN category, each with its share."""
    if fellows.total == 0:
        return [text("No fellowship recipient is recorded.")]
    # the unknown column too when fellowships were granted to no recorded country
    shown = [c for c in COLUMNS if c in regions or fellows.regions[c]]
    lines = [
        ("total", fellows.total),
        *((_COLUMN_TITLES.get(c, c), fellows.regions[c]) for c in shown),
        *((_CATEGORY_TITLES.get(c, c), fellows.categories[c]) for c in CATEGORIES),
        ("LDC uncertain", fellows.uncertain["ldc"]),
    ]
    rows = [
        {"what": label, "count": str(count), "share": _percent(100 * count / fellows.total)}
        for label, count in lines
    ]
    columns = (
        Column("what", "fellowship recipients"),
        Column("count", "recipients", numeric=True),
        Column("share", "%", numeric=True),
    )
    return [table(columns, rows, None)]


_INVOLVEMENT_TITLES = {
    "proposed": "proposed by",
    "co_organized": "co-organized by",
    "either": "proposed or co-organized by",
}


def _involvement_table(involvement: Involvement, width: int | None) -> list[RenderableType]:
    """Developing countries and ITU bureaux in the definition and organization of events."""
    rows = []
    for key in INVOLVEMENT:
        row = involvement.rows[key]
        rows.append(
            {
                "what": _INVOLVEMENT_TITLES[key],
                "any": str(row.any),
                "developing": str(row.developing),
                "developing_share": _percent(involvement.percent(row.developing)),
                "ldc": str(row.ldc),
                "ldc_share": _percent(involvement.percent(row.ldc)),
                "uncertain": str(row.ldc_uncertain),
            }
        )
    columns = (
        Column("what", "events"),
        Column("any", "any", numeric=True),
        Column("developing", "developing", numeric=True),
        Column("developing_share", "%", numeric=True),
        Column("ldc", "LDC", numeric=True),
        Column("ldc_share", "%", numeric=True),
        Column("uncertain", "LDC uncertain", numeric=True),
    )
    bureaux = [
        f"{label}: {len(ids)} event{'s' if len(ids) != 1 else ''} ({', '.join(ids)})"
        for label, ids in sorted(involvement.bureaux.items())
    ]
    return [
        text(f"Definition and organization: the {involvement.events} events counted", "bold"),
        table(columns, rows, None),
        text(""),
        _paragraph(
            "Co-organized with other ITU bureaux: " + ("; ".join(bureaux) or "none") + ".",
            width,
        ),
        *(part for note in involvement.notes for part in (text(""), _paragraph(note, width))),
        text(""),
        _paragraph("How events are counted: " + INVOLVEMENT_COUNTING, width),
    ]


def _paragraph(words: str, width: int | None) -> Text:
    """Wrapped by rich to a terminal's width; at 88 columns when piped."""
    return text(words if width is not None else "\n".join(textwrap.wrap(words, width=88)))


def _region_count(column: str) -> Callable[[Tally], str]:
    return lambda tally: str(tally.regions[column])


def _category_count(category: str) -> Callable[[Tally], str]:
    return lambda tally: str(tally.categories[category])
