"""The reference data of ITU Member States, ISO 3166-1 countries and ISO 639-1 languages.

The data ships inside the package (``wsg/reference/*.csv``) and is read from the
package's folder, or with ``importlib.resources`` where the package is not a folder
(a zip), so it is found wherever the package is installed. Country codes are ISO 3166-1
alpha-2 in upper case (``NA`` is Namibia, ``NO`` Norway: they are read with the ``csv``
module and always stay strings); language codes are lower case.

Everything that changes is answered as of a date: whether a state was an ITU Member
State (``is_member``), which regions it could represent (``regions_on``: the regional
organizations it belonged to that day) and its UN categories (``categories``). Where the
record does not settle a date (a graduation awaiting a General Assembly decision, an
inclusion known only by its year) ``uncertain`` says so rather than guessing. The files'
headers carry their sources and numbered judgements (``Reference.sources`` and
``Reference.judgements``); ``wsg countries --sources`` prints them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType

__all__ = [
    "CATEGORIES",
    "CATEGORY_USE",
    "REGIONS",
    "DateSpan",
    "Judgement",
    "MemberState",
    "Membership",
    "Reference",
    "Region",
    "Source",
    "load_reference",
]

_PACKAGE = "wsg.reference"
_MEMBER_STATES = "member_states.csv"
_REGIONS = "regions.csv"
_ISO3166 = "iso3166.csv"
_ISO639 = "iso639-1.csv"
_STATE_COLUMNS = (
    "code",
    "name",
    "itu_from",
    "ldc_from",
    "ldc_until",
    "ldc_until_settled",
    "sids",
    "lldc",
    "wesp",
    "judgements",
)
_REGION_COLUMNS = ("code", "region", "from", "until", "judgements")
_ISO_COLUMNS = ("code", "alpha3", "name", "aliases")
_ONE_DAY = timedelta(days=1)
WESP_GROUPS = ("developed", "transition", "developing")
CATEGORIES: tuple[str, ...] = ("ldc", "sids", "lldc", "eit", "developing")
"""The UN categories every state is answered for, in the order tables show them."""


CATEGORY_USE = (
    "The reports count the least developed countries, small island developing states and "
    "economies in transition, the developing countries that the footnote of WTSA Resolution "
    "53 names, and show landlocked developing countries as well because later WTSA texts "
    "name them beside the others; the developing share follows one definition (judgement "
    "J15 of the reference data: not a developed economy in the UN's WESP classification, or "
    "an LDC or SIDS), under which every LLDC is developing anyway."
)
"""Which categories the reports (``wsg balance``, the yearly summary) count, and why."""


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
class DateSpan:
    """A day, or a month or year whose day the record does not give.

    ``first`` is its first day and ``after`` the day after its last: a date the record
    gives exactly has ``after == first + 1 day``.
    """

    text: str
    first: date
    after: date

    @property
    def exact(self) -> bool:
        return self.after - self.first == _ONE_DAY

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Membership:
    """A state's membership of a region's organization: from ``start`` until before ``end``."""

    region: str
    start: date | None
    end: date | None
    judgements: tuple[str, ...] = ()

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class MemberState:
    """A state that is (or was) an ITU Member State: its regions and UN categories.

    ``regions`` are those of the reference's as-of date (for callers without a date);
    ``regions_on`` answers for any date.
    """

    code: str
    name: str
    itu_from: date | None
    memberships: tuple[Membership, ...]
    ldc_from: DateSpan | None
    ldc_until: DateSpan | None
    ldc_until_settled: bool
    sids: bool
    lldc: bool
    wesp: str
    judgements: tuple[str, ...] = ()
    regions: tuple[str, ...] = field(default=())

    @property
    def eit(self) -> bool:
        """An economy in transition (WESP's classification; judgement J14)."""
        return self.wesp == "transition"

    @property
    def developing(self) -> bool:
        """The one definition (judgement J15): not a WESP developed economy, or an LDC or SIDS."""
        return self.wesp != "developed" or self.sids or self.ldc_from is not None

    def is_member(self, on: date) -> bool:
        """Whether the state was an ITU Member State on ``on``."""
        return self.itu_from is None or self.itu_from <= on

    def regions_on(self, on: date) -> tuple[str, ...]:
        """The regions the state could represent on ``on``, in ``REGIONS`` order.

        None before it joined ITU, and none while its only membership was suspended.
        """
        if not self.is_member(on):
            return ()
        held = {m.region for m in self.memberships if m.covers(on)}
        return tuple(region for region in REGIONS if region in held)

    def ldc_status(self, on: date) -> bool | None:
        """Whether the state was an LDC on ``on``; None where the record does not settle it.

        On its graduation day a state is no longer an LDC. A year or month without its day
        leaves that year or month uncertain; an unsettled graduation (judgement J08) leaves
        every day from the scheduled one uncertain.
        """
        start, end = self.ldc_from, self.ldc_until
        if start is None or on < start.first:
            return False
        if on < start.after and not start.exact:
            return None  # during the year (or month) of an inclusion whose day is unknown
        if end is None or on < end.first:
            return True
        if not self.ldc_until_settled:
            return None
        if on < end.after and not end.exact:
            return None
        return False

    def is_ldc(self, on: date) -> bool:
        """Whether the record makes the state an LDC on ``on`` (an uncertain day is not)."""
        return self.ldc_status(on) is True

    def categories(self, on: date) -> dict[str, bool]:
        """The UN categories on ``on``: the reading of the record, a boolean for each.

        Where the record leaves a category uncertain (``uncertain``) its value here is what
        the dates on record say taken literally: an LDC from the first day of a year known
        only by its year, graduated on an unsettled graduation's scheduled day. A state that
        is an LDC on a date, or may be one, is developing on it (judgement J16).
        """
        status = self.ldc_status(on)
        literal = status if status is not None else self._literal_ldc(on)
        return {
            "ldc": literal,
            "sids": self.sids,
            "lldc": self.lldc,
            "eit": self.eit,
            "developing": self.developing or status is not False,
        }

    def uncertain(self, on: date) -> tuple[str, ...]:
        """The categories the record leaves uncertain on ``on`` (only ``ldc`` can be)."""
        return ("ldc",) if self.ldc_status(on) is None else ()

    def ldc_note(self, on: date) -> str | None:
        """Why the LDC status on ``on`` is uncertain, in a few words; None when it is not."""
        if self.ldc_status(on) is not None:
            return None
        start, end = self.ldc_from, self.ldc_until
        assert start is not None
        if on < start.after:
            return f"included in the LDC list in {start}, day not on record"
        assert end is not None
        if not self.ldc_until_settled:
            return (
                f"graduation from the LDC list scheduled for {end}, "
                "a requested deferral awaits a General Assembly decision"
            )
        return f"graduated from the LDC list in {end}, day not on record"

    def _literal_ldc(self, on: date) -> bool:
        start, end = self.ldc_from, self.ldc_until
        return start is not None and start.first <= on and (end is None or on < end.first)


@dataclass(frozen=True)
class Source:
    """Where one category of the reference data comes from, and as of when."""

    category: str
    as_of: date
    text: str


@dataclass(frozen=True)
class Judgement:
    """A numbered call the sources do not settle on their own (``J01`` …), with its source.

    ``summary`` is its first line in the file, ``details`` the rest (reasons and source).
    """

    id: str
    category: str
    summary: str
    details: str
    file: str

    @property
    def text(self) -> str:
        return f"{self.summary} {self.details}".strip()


@dataclass(frozen=True)
class Reference:
    """The reference tables, read once from the package data."""

    states: Mapping[str, MemberState]
    iso: Mapping[str, str]
    languages: Mapping[str, str]
    as_of: date
    version: str
    membership_recorded_from: date
    sources: tuple[Source, ...] = ()
    judgements: Mapping[str, Judgement] = field(default_factory=dict)
    alpha3: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)

    def is_iso(self, code: str) -> bool:
        """Whether ``code`` is an ISO 3166-1 alpha-2 code (exactly: upper case)."""
        return code in self.iso

    def member(self, code: str) -> MemberState | None:
        """The state of that code if it is or was an ITU Member State, else None."""
        return self.states.get(code)

    def member_on(self, code: str, on: date) -> MemberState | None:
        """The state of that code if it was an ITU Member State on ``on``, else None."""
        state = self.states.get(code)
        return state if state is not None and state.is_member(on) else None

    def members_on(self, on: date) -> list[MemberState]:
        """The ITU Member States of ``on``, by code (exact from ``membership_recorded_from``)."""
        return [state for _, state in sorted(self.states.items()) if state.is_member(on)]

    def name(self, code: str) -> str | None:
        """The English name of an ISO 3166-1 code, Member State or not; None if not ISO."""
        state = self.states.get(code)
        if state is not None:
            return state.name
        return self.iso.get(code)

    def suggest(self, text: str) -> list[str]:
        """ISO codes someone who wrote ``text`` (a name, an alias, a wrong code) may have meant.

        An exact name, alias or alpha-3 code first (``UK`` → GB, ``Kenya`` → KE, ``Cote
        d'Ivoire`` → CI, ``Turkey`` → TR); then names that contain the words; then codes
        one letter away. At most three, and nothing for a text too long to be a name.
        """
        if len(text) > 80:
            return []
        key = fold(text)
        if not key:
            return []
        exact = self.aliases.get(key)
        if exact is not None:
            return [exact]
        if len(key) > 3:
            found = sorted(
                (not name.startswith(key), len(name), code)
                for name, code in self.aliases.items()
                if len(name) > 3 and key in name
            )
            codes = list(dict.fromkeys(code for *_, code in found))
            if codes:
                return codes[:3]
            import difflib  # only a mistake needs it

            names = [name for name in self.aliases if len(name) > 3]
            close = difflib.get_close_matches(key, names, n=3, cutoff=0.75)
            return list(dict.fromkeys(self.aliases[name] for name in close))
        if len(key) == 2:
            upper = key.upper()
            return [code for code in self.iso if _one_letter_apart(code, upper)][:3]
        return []


def _one_letter_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


_SPACES = re.compile(r"[\s\-_.,]+")
# typographic apostrophes as people paste them: right and left single quotes, grave, acute
_QUOTES = str.maketrans(dict.fromkeys("\u2019\u2018\u0060\u00b4", "'"))


def fold(text: str) -> str:
    """A name as compared: no accents, case, punctuation runs or leading "the"."""
    plain = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = _SPACES.sub(" ", plain).strip()
    return plain.removeprefix("the ")


# --- reading -----------------------------------------------------------------------


def _split(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The ``#`` comment lines (without the ``#``) and the rows of a reference CSV."""
    comments: list[str] = []
    body: list[str] = []
    for line in text.splitlines(keepends=True):
        if not body and line.startswith("#"):
            comments.append(line[1:].rstrip())
        elif line.strip():
            body.append(line)
    rows = list(csv.DictReader(io.StringIO("".join(body))))
    return comments, rows


def _entries(comments: list[str]) -> list[tuple[str, str]]:
    """Header entries: the line that starts one, and its indented continuation lines."""
    entries: list[tuple[str, str]] = []
    for line in comments:
        if line.startswith("   ") and entries:
            first, rest = entries[-1]
            entries[-1] = (first, f"{rest} {line.strip()}".strip())
        elif line.strip():
            entries.append((line.strip(), ""))
    return entries


def _date(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{where}: {value!r} is not an ISO date") from exc


def _span(value: str, where: str) -> DateSpan | None:
    """A ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the days it covers."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return DateSpan(value, date(year, 1, 1), date(year + 1, 1, 1))
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            after = date(year + month // 12, month % 12 + 1, 1)
            return DateSpan(value, date(year, month, 1), after)
        day = date.fromisoformat(value)
        return DateSpan(value, day, day + _ONE_DAY)
    except ValueError as exc:
        raise ValueError(f"{where}: {value!r} is not a date, month or year") from exc


def _flag(value: str, where: str) -> bool:
    if value == "yes":
        return True
    if value == "no":
        return False
    raise ValueError(f"{where}: {value!r} is not yes or no")


_AS_OF = re.compile(r"as-of: (\S+)$")
_RECORDED = re.compile(r"membership-recorded-from: (\S+)$")
_SOURCE = re.compile(r"source ([a-z]+) as-of (\S+): (.+)$")
_JUDGEMENT = re.compile(r"judgement (J\d\d) \[([a-z]+)\]: (.+)$")


@dataclass
class _Header:
    as_of: date | None = None
    recorded_from: date | None = None
    sources: list[Source] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)


def _header(comments: list[str], filename: str) -> _Header:
    header = _Header()
    for first, rest in _entries(comments):
        if m := _AS_OF.match(first):
            header.as_of = _date(m.group(1), filename)
        elif m := _RECORDED.match(first):
            header.recorded_from = _date(m.group(1), filename)
        elif m := _SOURCE.match(f"{first} {rest}".strip()):
            as_of = _date(m.group(2), filename)
            assert as_of is not None
            header.sources.append(Source(m.group(1), as_of, m.group(3)))
        elif m := _JUDGEMENT.match(first):
            judgement = Judgement(m.group(1), m.group(2), m.group(3), rest, filename)
            header.judgements.append(judgement)
    if header.as_of is None:
        raise ValueError(f"{filename}: no '# as-of: YYYY-MM-DD' header line")
    return header


def _ids(value: str, where: str) -> tuple[str, ...]:
    ids = tuple(value.split())
    if any(not re.fullmatch(r"J\d\d", i) for i in ids):
        raise ValueError(f"{where}: bad judgements {value!r}")
    return ids


def _parse_regions(text: str) -> tuple[dict[str, list[Membership]], _Header]:
    comments, rows = _split(text)
    header = _header(comments, _REGIONS)
    memberships: dict[str, list[Membership]] = {}
    for number, row in enumerate(rows, start=1):
        where = f"{_REGIONS} row {number}"
        if tuple(row) != _REGION_COLUMNS:
            raise ValueError(f"{where}: columns {tuple(row)} are not {_REGION_COLUMNS}")
        if row["region"] not in REGIONS:
            raise ValueError(f"{where}: unknown region {row['region']!r}")
        start, end = _date(row["from"], where), _date(row["until"], where)
        if start is not None and end is not None and end <= start:
            raise ValueError(f"{where}: until {end} is not after from {start}")
        memberships.setdefault(row["code"], []).append(
            Membership(row["region"], start, end, _ids(row["judgements"], where))
        )
    return memberships, header


def _parse_states(
    text: str, memberships: dict[str, list[Membership]]
) -> tuple[dict[str, MemberState], _Header]:
    comments, rows = _split(text)
    header = _header(comments, _MEMBER_STATES)
    assert header.as_of is not None
    states: dict[str, MemberState] = {}
    for number, row in enumerate(rows, start=1):
        where = f"{_MEMBER_STATES} row {number}"
        if tuple(row) != _STATE_COLUMNS:
            raise ValueError(f"{where}: columns {tuple(row)} are not {_STATE_COLUMNS}")
        code = row["code"]
        if code in states:
            raise ValueError(f"{where}: duplicate code {code}")
        if row["wesp"] not in WESP_GROUPS:
            raise ValueError(f"{where}: wesp {row['wesp']!r} is not one of {WESP_GROUPS}")
        ldc_from, ldc_until = _span(row["ldc_from"], where), _span(row["ldc_until"], where)
        if ldc_until is not None and (ldc_from is None or ldc_until.first < ldc_from.after):
            raise ValueError(f"{where}: ldc_until {ldc_until} is not after ldc_from")
        settled = row["ldc_until_settled"]
        if (settled == "") != (ldc_until is None):
            raise ValueError(f"{where}: ldc_until_settled is given exactly when ldc_until is")
        held = tuple(memberships.pop(code, ()))
        if not held:
            raise ValueError(f"{where}: {code} has no row in {_REGIONS}")
        state = MemberState(
            code=code,
            name=row["name"],
            itu_from=_date(row["itu_from"], where),
            memberships=held,
            ldc_from=ldc_from,
            ldc_until=ldc_until,
            ldc_until_settled=settled != "no",
            sids=_flag(row["sids"], where),
            lldc=_flag(row["lldc"], where),
            wesp=row["wesp"],
            judgements=_ids(row["judgements"], where),
        )
        if settled:
            _flag(settled, where)
        states[code] = _with_regions(state, header.as_of)
    if memberships:
        raise ValueError(f"{_REGIONS}: codes not in {_MEMBER_STATES}: {', '.join(memberships)}")
    return states, header


def _with_regions(state: MemberState, on: date) -> MemberState:
    held = {m.region for m in state.memberships if m.covers(on)}
    regions = tuple(region for region in REGIONS if region in held)
    return replace(state, regions=regions)


def _parse_iso(text: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """ISO 3166-1: code → name, code → alpha-3, and every folded name or alias → code."""
    _, rows = _split(text)
    names: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for number, row in enumerate(rows, start=1):
        if tuple(row) != _ISO_COLUMNS:
            raise ValueError(
                f"{_ISO3166} row {number}: columns {tuple(row)} are not {_ISO_COLUMNS}"
            )
        code = row["code"]
        names[code] = row["name"]
        alpha3[code] = row["alpha3"]
        for alias in (row["name"], row["alpha3"], *row["aliases"].split("|")):
            key = fold(alias)
            if key and aliases.setdefault(key, code) != code:
                raise ValueError(f"{_ISO3166} row {number}: {alias!r} already names another code")
    return names, alpha3, aliases


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
    filenames = (_MEMBER_STATES, _REGIONS, _ISO3166, _ISO639)
    raw = {filename: _package_file(filename) for filename in filenames}
    memberships, region_header = _parse_regions(raw[_REGIONS].decode("utf-8"))
    states, header = _parse_states(raw[_MEMBER_STATES].decode("utf-8"), memberships)
    iso, alpha3, aliases = _parse_iso(raw[_ISO3166].decode("utf-8"))
    # a Member State's own name is an alias of its code too
    for code, state in states.items():
        aliases.setdefault(fold(state.name), code)
    languages = _parse_pairs(raw[_ISO639].decode("utf-8"), _ISO639)
    missing = sorted(set(states) - set(iso))
    if missing:
        raise ValueError(f"{_MEMBER_STATES}: codes not in {_ISO3166}: {', '.join(missing)}")
    if header.recorded_from is None:
        raise ValueError(f"{_MEMBER_STATES}: no '# membership-recorded-from:' header line")
    judgements: dict[str, Judgement] = {}
    for judgement in (*header.judgements, *region_header.judgements):
        if judgement.id in judgements:
            raise ValueError(f"{judgement.file}: judgement {judgement.id} given twice")
        judgements[judgement.id] = judgement
    cited = {i for s in states.values() for i in s.judgements} | {
        i for s in states.values() for m in s.memberships for i in m.judgements
    }
    unknown = sorted(cited - set(judgements))
    if unknown:
        raise ValueError(f"reference data cites unknown judgements: {', '.join(unknown)}")
    digest = hashlib.sha256()
    for content in raw.values():
        digest.update(content)
    assert header.as_of is not None
    return Reference(
        states=MappingProxyType(states),
        iso=MappingProxyType(iso),
        languages=MappingProxyType(languages),
        as_of=header.as_of,
        version=digest.hexdigest()[:16],
        membership_recorded_from=header.recorded_from,
        sources=(*header.sources, *region_header.sources),
        judgements=MappingProxyType(dict(sorted(judgements.items()))),
        alpha3=MappingProxyType(alpha3),
        aliases=MappingProxyType(aliases),
    )
