"""``wsg countries [CODE…] [--date D] [--sources] [--format table|json]``: the reference data.

Without codes: the Member States of that day (the count comes from the data: 192 before
South Sudan joined on 2011-10-03, 193 after, 194 since Palau on 2024-09-19). With codes:
those countries, Member States or not. ``--sources`` prints each category's source and
as-of date, and every numbered judgement. The table is laid out with rich, fitted to the
terminal (or ``COLUMNS``), in colour only on a terminal without ``NO_COLOR``; piped, it is
plain text of its natural width. ``--format json`` is the machine interface.
"""

from __future__ import annotations

import json
import textwrap
from datetime import date
from typing import TextIO

from wsg.countries import (
    CATEGORIES,
    CATEGORY_USE,
    REGIONS,
    Judgement,
    MemberState,
    Reference,
    load_reference,
)
from wsg.errors import WsgError

FORMATS = ("table", "text", "json")  # text: the table, as other commands call it
_NOT_MEMBER = "(not a Member State)"
_NOTE_WIDTH = 100  # the notes of a piped table, which has no terminal width
_TITLES = {"ldc": "LDC", "sids": "SIDS", "lldc": "LLDC", "eit": "EIT", "developing": "developing"}


def terminal_width() -> int | None:
    """The width to fit a table to: ``COLUMNS``, else the terminal's; None when piped."""
    import os
    import shutil
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def _normalise(codes: list[str], reference: Reference) -> list[str]:
    """Upper-cased, de-duplicated codes in the order given; every one ISO 3166-1.

    A name, alias or wrong code is a usage error that suggests the code (``UK`` → GB,
    ``Kenya`` → KE): the command answers for codes, as the data files hold them.
    """
    result: list[str] = []
    for raw in codes:
        code = raw.strip().upper()
        if not reference.is_iso(code):
            hints = [f"{c} ({reference.name(c)})" for c in reference.suggest(raw.strip())]
            hint = f" (did you mean {' or '.join(hints)}?)" if hints else ""
            raise WsgError(f"{raw.strip()!r} is not an ISO 3166-1 alpha-2 code{hint}")
        if code not in result:
            result.append(code)
    return result


def _record(code: str, on: date, reference: Reference) -> dict[str, object]:
    """One country as of ``on``: code, name, member, regions, the categories, then why.

    ``uncertain`` lists the categories the record does not settle on that day (their
    boolean is the literal reading of the dates on record); ``notes`` says why; and
    ``judgements`` are the ids of the numbered judgements behind the country's rows.
    """
    state = reference.member(code)
    record: dict[str, object] = {"code": code, "name": reference.name(code) or code}
    if state is None or not state.is_member(on):
        record["member"] = False
        record["regions"] = []
        record.update(dict.fromkeys(CATEGORIES, False))
        record["uncertain"] = []
        record["notes"] = [f"a Member State from {state.itu_from}"] if state is not None else []
        record["judgements"] = list(_judgement_ids(state)) if state is not None else []
        return record
    record["member"] = True
    record["regions"] = list(state.regions_on(on))
    record.update(state.categories(on))
    record["uncertain"] = list(state.uncertain(on))
    record["notes"] = _notes(state, on)
    record["judgements"] = list(_judgement_ids(state))
    return record


def _judgement_ids(state: MemberState) -> tuple[str, ...]:
    ids = {*state.judgements, *(i for m in state.memberships for i in m.judgements)}
    return tuple(sorted(ids))


def _notes(state: MemberState, on: date) -> list[str]:
    notes = []
    ldc = state.ldc_note(on)
    if ldc is not None:
        notes.append(f"LDC status uncertain: {ldc}")
    if not state.regions_on(on):
        notes.append("represents no region on that day: its only membership was suspended")
    return notes


def run(
    codes: list[str],
    on: date,
    output_format: str,
    out: TextIO,
    *,
    sources: bool = False,
    width: int | None = None,
    colour: bool = False,
) -> int:
    """Print each country's regions and UN categories on ``on``; that day's Member States if
    no codes. ``width`` fits the table to a terminal (None: its natural width, for pipes).

    Codes are case-insensitive. A code that is not ISO 3166-1 alpha-2 is a WsgError with a
    suggestion; an ISO code that is not an ITU Member State that day is listed with
    ``member: false`` and no region.
    """
    if output_format not in FORMATS:
        raise WsgError(f"unknown format {output_format!r}: use one of {', '.join(FORMATS)}")
    reference = load_reference()
    if sources:
        if codes:
            raise WsgError("--sources lists the sources of all the data: give it no codes")
        if output_format == "json":
            out.write(json.dumps(_sources_data(reference), indent=2, ensure_ascii=False) + "\n")
        else:
            out.write(_sources_text(reference, width or _NOTE_WIDTH))
        return 0
    selected = _normalise(codes, reference) if codes else [s.code for s in reference.members_on(on)]
    records = [_record(code, on, reference) for code in selected]
    if output_format == "json":
        out.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(_table(records, on, reference, bool(codes), width, colour))
    return 0


# --- the table ---------------------------------------------------------------------


def _cell(record: dict[str, object], category: str) -> str:
    uncertain = record["uncertain"]
    assert isinstance(uncertain, list)
    if category in uncertain:
        return "?"
    return "yes" if record[category] else "-"


_NARROW = 66  # below this many columns the eight columns cannot all be read: one block a country


def _regions_cell(record: dict[str, object]) -> str:
    regions = record["regions"]
    assert isinstance(regions, list)
    if not record["member"]:
        return _NOT_MEMBER
    return " ".join(regions) if regions else "(none that day)"


def _table(
    records: list[dict[str, object]],
    on: date,
    reference: Reference,
    chosen: bool,
    width: int | None,
    colour: bool,
) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        width=width or 1000,  # piped: the table's natural width, never wrapped
        color_system="standard" if colour else None,
        force_terminal=colour,
        no_color=not colour,
        highlight=False,
        markup=False,
        emoji=False,
    )
    styles = {"yes": "green", "?": "yellow", "-": "dim"} if colour else {}
    if width is not None and width < _NARROW:
        body = _blocks(records, width)
    else:
        table = Table(box=None, padding=(0, 2, 0, 0), pad_edge=False, highlight=False)
        # the flags keep their width; name and regions share the rest and wrap at spaces
        table.add_column("code", no_wrap=True, style="bold" if colour else "")
        table.add_column("name", ratio=3, min_width=10)
        table.add_column("regions", ratio=2, min_width=12)
        for category in CATEGORIES:
            table.add_column(_TITLES[category], no_wrap=True, min_width=len(_TITLES[category]))
        for record in records:
            cells = [_cell(record, category) for category in CATEGORIES]
            table.add_row(
                str(record["code"]),
                str(record["name"]),
                _regions_cell(record),
                *(Text(c, style=styles.get(c, "")) for c in cells),
            )
        with console.capture() as capture:
            console.print(table)
        body = capture.get()
    if not colour:
        body = "\n".join(line.rstrip() for line in body.splitlines()) + "\n"
    return body + _footer(records, on, reference, chosen, width or _NOTE_WIDTH)


def _blocks(records: list[dict[str, object]], width: int) -> str:
    """A narrow terminal's layout: the code and name, then the regions, then the flags."""
    lines: list[str] = []
    for record in records:
        lines += textwrap.wrap(
            f"{record['code']}  {record['name']}", width=width, subsequent_indent="    "
        )
        lines += textwrap.wrap(
            _regions_cell(record), width=width, initial_indent="    ", subsequent_indent="    "
        )
        flags = [f"{_TITLES[c]} {_cell(record, c)}" for c in CATEGORIES]
        lines += textwrap.wrap(
            "  ".join(flags), width=width, initial_indent="    ", subsequent_indent="    "
        )
    return "\n".join(lines) + "\n"


def _footer(
    records: list[dict[str, object]], on: date, reference: Reference, chosen: bool, width: int
) -> str:
    members = sum(1 for r in records if r["member"])
    paragraphs: list[str] = []
    for record in records:
        notes = record["notes"]
        assert isinstance(notes, list)
        for note in notes:
            paragraphs.append(f"{record['code']}: {note}.")
    if chosen:
        cited: set[str] = set()
        for record in records:
            ids = record["judgements"]
            assert isinstance(ids, list)
            cited.update(ids)
        for judgement_id in sorted(cited):
            judgement = reference.judgements[judgement_id]
            paragraphs.append(f"{judgement.id} [{judgement.category}] {judgement.summary}")
    else:
        paragraphs.append(f"{members} ITU Member States on {on}.")
    if on < reference.membership_recorded_from:
        paragraphs.append(
            f"Not exact before {reference.membership_recorded_from}: accession dates before "
            "it are not recorded, so the states listed as members may include some that "
            "joined ITU later (judgement J02)."
        )
    organizations = ", ".join(f"{r.id} = {r.organization}" for r in REGIONS.values())
    paragraphs.append(
        f"Regions are those whose regional organization the state belonged to on {on} "
        f"({organizations}); categories as of {on}; '?' marks what the record leaves "
        f"uncertain. Reference data as of {reference.as_of}: wsg countries --sources "
        "lists the sources and every judgement in full."
    )
    lines = [""]
    for paragraph in paragraphs:
        lines += textwrap.wrap(
            paragraph, width=width, subsequent_indent="  ", break_on_hyphens=False
        )
    return "\n".join(lines) + "\n"


def _judgement_text(judgement: Judgement) -> str:
    return f"{judgement.id} [{judgement.category}] {judgement.text}"


# --- the sources -------------------------------------------------------------------


def _sources_data(reference: Reference) -> dict[str, object]:
    return {
        "as_of": reference.as_of.isoformat(),
        "version": reference.version,
        "membership_recorded_from": reference.membership_recorded_from.isoformat(),
        "sources": [
            {"category": s.category, "as_of": s.as_of.isoformat(), "source": s.text}
            for s in reference.sources
        ],
        "judgements": [
            {"id": j.id, "category": j.category, "file": j.file, "text": j.text}
            for j in reference.judgements.values()
        ],
        "reports": CATEGORY_USE,
    }


def _sources_text(reference: Reference, width: int) -> str:
    lines = textwrap.wrap(
        f"Reference data as of {reference.as_of} (version {reference.version}); ITU accession "
        f"dates recorded from {reference.membership_recorded_from}.",
        width=width,
    )
    lines += ["", "Sources, by category:"]
    for source in reference.sources:
        lines += textwrap.wrap(
            f"{source.category} (as of {source.as_of}): {source.text}",
            width=width,
            initial_indent="  ",
            subsequent_indent="    ",
        )
    lines += ["", *textwrap.wrap(CATEGORY_USE, width=width), "", "Judgements:"]
    for judgement in reference.judgements.values():
        lines += textwrap.wrap(
            _judgement_text(judgement), width=width, initial_indent="  ", subsequent_indent="    "
        )
    return "\n".join(lines) + "\n"
