"""The reference data of ITU Member States, ISO 3166-1 countries and ISO 639-1 languages.

The data ships inside the package (``wsg/reference/*.csv``) and is read from the
package's folder, or with ``importlib.resources`` where the package is not a folder
(a zip), so it is found wherever the package is installed. Country
codes are ISO 3166-1 alpha-2 in upper case (``NA`` is Namibia, ``NO`` Norway: they are
read with the ``csv`` module and always stay strings); language codes are lower case.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import MappingProxyType

__all__ = [
    "REGIONS",
    "MemberState",
    "Reference",
    "Region",
    "load_reference",
]

_PACKAGE = "wsg.reference"
_MEMBER_STATES = "member_states.csv"
_ISO3166 = "iso3166.csv"
_ISO639 = "iso639-1.csv"
_COLUMNS = ("code", "name", "regions", "ldc_from", "ldc_until", "sids", "lldc", "eit", "developing")


@dataclass(frozen=True)
class Region:
    """One of the six regions of WTSA Resolution 53 and its regional organization."""

    id: str
    name: str
    organization: str


REGIONS: dict[str, Region] = {
    region.id: region
    for region in (
        Region("americas", "the Americas", "CITEL"),
        Region("europe", "Europe", "CEPT"),
        Region("cis", "the Commonwealth of Independent States", "RCC"),
        Region("africa", "Africa", "ATU"),
        Region("asia-pacific", "Asia-Pacific", "APT"),
        Region("arab-states", "the League of Arab States", "LAS / ASMG"),
    )
}


@dataclass(frozen=True)
class MemberState:
    """An ITU Member State: its regions and UN development categories."""

    code: str
    name: str
    regions: tuple[str, ...]
    ldc_from: date | None
    ldc_until: date | None
    sids: bool
    lldc: bool
    eit: bool
    developing: bool

    def is_ldc(self, on: date) -> bool:
        """Whether the state was on the UN list of least developed countries on ``on``.

        On its graduation day a state is no longer an LDC.
        """
        if self.ldc_from is None or on < self.ldc_from:
            return False
        return self.ldc_until is None or on < self.ldc_until

    def categories(self, on: date) -> dict[str, bool]:
        """The UN categories as of ``on``; an LDC on that date always counts as developing."""
        ldc = self.is_ldc(on)
        return {
            "ldc": ldc,
            "sids": self.sids,
            "lldc": self.lldc,
            "eit": self.eit,
            "developing": self.developing or ldc,
        }


@dataclass(frozen=True)
class Reference:
    """The three reference tables, read once from the package data."""

    states: Mapping[str, MemberState]
    iso: Mapping[str, str]
    languages: Mapping[str, str]
    as_of: date
    version: str

    def is_iso(self, code: str) -> bool:
        """Whether ``code`` is an ISO 3166-1 alpha-2 code (exactly: upper case)."""
        return code in self.iso

    def member(self, code: str) -> MemberState | None:
        """The Member State of that code, or None (not ISO, or ISO but not a Member State)."""
        return self.states.get(code)

    def name(self, code: str) -> str | None:
        """The English name of an ISO 3166-1 code, Member State or not; None if not ISO."""
        state = self.states.get(code)
        if state is not None:
            return state.name
        return self.iso.get(code)


def _split(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The ``#`` comment lines (without the ``#``) and the rows of a reference CSV."""
    comments: list[str] = []
    body: list[str] = []
    for line in text.splitlines(keepends=True):
        if not body and line.startswith("#"):
            comments.append(line[1:].strip())
        elif line.strip():
            body.append(line)
    rows = list(csv.DictReader(io.StringIO("".join(body))))
    return comments, rows


def _date(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{where}: {value!r} is not an ISO date") from exc


def _flag(value: str, where: str) -> bool:
    if value == "yes":
        return True
    if value == "no":
        return False
    raise ValueError(f"{where}: {value!r} is not yes or no")


def _parse_states(text: str) -> tuple[dict[str, MemberState], date]:
    comments, rows = _split(text)
    as_of: date | None = None
    for comment in comments:
        if comment.startswith("as-of:"):
            as_of = _date(comment.removeprefix("as-of:").strip(), _MEMBER_STATES)
    if as_of is None:
        raise ValueError(f"{_MEMBER_STATES}: no '# as-of: YYYY-MM-DD' header line")
    states: dict[str, MemberState] = {}
    for number, row in enumerate(rows, start=1):
        where = f"{_MEMBER_STATES} row {number}"
        if tuple(row) != _COLUMNS:
            raise ValueError(f"{where}: columns {tuple(row)} are not {_COLUMNS}")
        regions = tuple(row["regions"].split())
        unknown = [region for region in regions if region not in REGIONS]
        if not regions or unknown:
            raise ValueError(f"{where}: bad regions {row['regions']!r}")
        state = MemberState(
            code=row["code"],
            name=row["name"],
            regions=regions,
            ldc_from=_date(row["ldc_from"], where),
            ldc_until=_date(row["ldc_until"], where),
            sids=_flag(row["sids"], where),
            lldc=_flag(row["lldc"], where),
            eit=_flag(row["eit"], where),
            developing=_flag(row["developing"], where),
        )
        if state.code in states:
            raise ValueError(f"{where}: duplicate code {state.code}")
        states[state.code] = state
    return states, as_of


def _parse_pairs(text: str, filename: str) -> dict[str, str]:
    _, rows = _split(text)
    pairs: dict[str, str] = {}
    for number, row in enumerate(rows, start=1):
        if tuple(row) != ("code", "name"):
            raise ValueError(f"{filename} row {number}: columns {tuple(row)} are not code, name")
        pairs[row["code"]] = row["name"]
    return pairs


def _package_file(filename: str) -> bytes:
    # straight from the folder beside this module when it is one (every run pays for
    # importlib.resources otherwise); through importlib.resources from a zip and the like
    try:
        with open(os.path.join(os.path.dirname(__file__), "reference", filename), "rb") as handle:
            return handle.read()
    except OSError:
        from importlib.resources import files

        return files(_PACKAGE).joinpath(filename).read_bytes()


@cache
def load_reference() -> Reference:
    """Read the reference data shipped in ``wsg.reference`` (once per process)."""
    raw = {filename: _package_file(filename) for filename in (_MEMBER_STATES, _ISO3166, _ISO639)}
    states, as_of = _parse_states(raw[_MEMBER_STATES].decode("utf-8"))
    iso = _parse_pairs(raw[_ISO3166].decode("utf-8"), _ISO3166)
    languages = _parse_pairs(raw[_ISO639].decode("utf-8"), _ISO639)
    missing = sorted(set(states) - set(iso))
    if missing:
        raise ValueError(f"{_MEMBER_STATES}: codes not in {_ISO3166}: {', '.join(missing)}")
    digest = hashlib.sha256()
    for content in raw.values():
        digest.update(content)
    return Reference(
        states=MappingProxyType(states),
        iso=MappingProxyType(iso),
        languages=MappingProxyType(languages),
        as_of=as_of,
        version=digest.hexdigest()[:16],
    )
