"""``wsg countries [CODE…] [--date D] [--format table|json]``: the reference data at a date."""

from __future__ import annotations

import difflib
import json
from datetime import date
from typing import TextIO

from wsg.countries import REGIONS, Reference, load_reference
from wsg.errors import WsgError

FORMATS = ("table", "json")
_CATEGORIES = ("ldc", "sids", "lldc", "eit", "developing")
_NOT_MEMBER = "(not a Member State)"


def _suggestions(code: str, reference: Reference) -> list[str]:
    """Codes the user may have meant: a name match first, then look-alike codes."""
    wanted = code.casefold()
    if len(wanted) > 2:
        ranked = sorted(
            (name.casefold() != wanted, not name.casefold().startswith(wanted), len(name), iso)
            for iso, name in reference.iso.items()
            if wanted in name.casefold()
        )
        if ranked:
            return [iso for *_, iso in ranked[:3]]
    return difflib.get_close_matches(code.upper(), sorted(reference.iso), n=3, cutoff=0.5)


def _normalise(codes: list[str], reference: Reference) -> list[str]:
    """Upper-cased, de-duplicated codes in the order given; every one ISO 3166-1."""
    result: list[str] = []
    for raw in codes:
        code = raw.strip().upper()
        if not reference.is_iso(code):
            hints = _suggestions(raw.strip(), reference)
            hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
            raise WsgError(f"{raw.strip()!r} is not an ISO 3166-1 alpha-2 code{hint}")
        if code not in result:
            result.append(code)
    return result


def _record(code: str, on: date, reference: Reference) -> dict[str, object]:
    """One country as of ``on``: keys code, name, member, regions, then the categories."""
    state = reference.member(code)
    record: dict[str, object] = {"code": code, "name": reference.name(code) or code}
    if state is None:
        record["member"] = False
        record["regions"] = []
        record.update(dict.fromkeys(_CATEGORIES, False))
    else:
        record["member"] = True
        record["regions"] = list(state.regions)
        record.update(state.categories(on))
    return record


def _table(records: list[dict[str, object]], on: date, reference: Reference) -> str:
    header = ["code", "name", "regions", *(name.upper() for name in _CATEGORIES)]
    lines: list[list[str]] = [header]
    for record in records:
        regions = record["regions"]
        assert isinstance(regions, list)
        lines.append(
            [
                str(record["code"]),
                str(record["name"]),
                " ".join(regions) if record["member"] else _NOT_MEMBER,
                *("yes" if record[name] else "-" for name in _CATEGORIES),
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    organizations = ", ".join(f"{region.id} = {region.organization}" for region in REGIONS.values())
    text.append("")
    text.append(
        f"Regions are those whose regional organization the state belongs to ({organizations}); "
        f"categories as of {on.isoformat()}; reference data as of {reference.as_of.isoformat()}."
    )
    return "\n".join(text) + "\n"


def run(codes: list[str], on: date, output_format: str, out: TextIO) -> int:
    """Print each Member State's regions and UN categories on ``on``; all of them if no codes.

    Codes are case-insensitive. A code that is not ISO 3166-1 alpha-2 is a WsgError; an ISO
    code that is not an ITU Member State is listed with ``member: false`` and no region.
    """
    if output_format not in FORMATS:
        raise WsgError(f"unknown format {output_format!r}: use one of {', '.join(FORMATS)}")
    reference = load_reference()
    selected = _normalise(codes, reference) if codes else sorted(reference.states)
    records = [_record(code, on, reference) for code in selected]
    if output_format == "json":
        out.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(_table(records, on, reference))
    return 0
