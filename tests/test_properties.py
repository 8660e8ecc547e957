"""Properties of the loader and the rules over inputs nobody wrote by hand.

Mutated bundled records (lines deleted or repeated, characters swapped, YAML
indicators, tabs, NULs, bidi overrides, line separators and lone surrogates put in)
and generated records (schema keys with fitting or arbitrary values) never make
``wsg.dataset.load`` or ``wsg.engine.check`` raise, and every finding names a
registered rule, a severity and a place inside its file.

Hypothesis runs derandomized and without its example database, so CI tests the
same examples on every run; the whole module takes well under a minute on two cores.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from wsg import dataset, engine, schema
from wsg.findings import SEVERITIES, Finding
from wsg.kinds import (
    Count,
    Country,
    Date,
    Enum,
    Kind,
    Language,
    ListOf,
    Record,
    Slug,
    Time,
    Timezone,
    Url,
)
from wsg.rules import RULES

TODAY = date(2026, 6, 1)
# Each example loads a small dataset from disk: slower than Hypothesis likes, and
# meant to be (the whole pipeline runs, not a part of it).
PROPERTY = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEEDS = sorted((ROOT / "data").rglob("*.yaml"))


@pytest.fixture(scope="module")
def base() -> Iterator[Path]:
    """A dataset folder with the bundled groups, into which each example writes one file."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(ROOT / "data" / "groups", data / "groups")
        (data / "events" / "2026").mkdir(parents=True)
        yield data


def findings_with(data: Path, rel: str, content: bytes) -> list[Finding]:
    """Every finding of ``data`` with ``content`` written at ``rel``, the file put back after."""
    path = data / rel
    before = path.read_bytes() if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    try:
        return engine.check(dataset.load(data, TODAY))
    finally:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)


def lines_of(content: bytes) -> int:
    # str.splitlines breaks at every line break YAML knows (and a few more)
    return len(content.decode("utf-8", errors="replace").splitlines())


def assert_well_formed(findings: list[Finding], data: Path, rel: str, content: bytes) -> None:
    shown = f"{data.name}/{rel}"
    for finding in findings:
        assert finding.rule in RULES, finding
        assert finding.severity in SEVERITIES, finding
        assert finding.column >= 1, finding
        if finding.file == shown:
            assert 1 <= finding.line <= lines_of(content) + 1, finding
            continue
        other = data.parent / finding.file
        # missing-wsg names the file it misses
        limit = lines_of(other.read_bytes()) if other.is_file() else 0
        assert 1 <= finding.line <= limit + 1, finding


# --- mutated documents --------------------------------------------------------------

INDICATORS = ["0", ".", ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&", "&a ", "*", "*a", "!",
              "!!python/object:os.system ", "<<: ", "? ", "|", ">", "#", "'", '"', "%", "@",
              "`", "\t", "\0", "\r", "\n", "\r\n", "\ufeff", "\u202e", "\u2066", "\u2028",
              "\u0085", "\x1b[31m", "\x07"]  # fmt: skip
ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates too, written as bytes


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A bundled record after one to six small edits, as the bytes of a file."""
    seed = draw(st.sampled_from(SEEDS))
    rel = seed.relative_to(ROOT / "data").as_posix()
    text = seed.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 6))):
        lines = text.splitlines(keepends=True) or [""]
        at = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["delete", "repeat", "swap", "indicator", "character"]))
        if edit == "delete":
            del lines[at]
        elif edit == "repeat":
            lines.insert(at, lines[at])
        text = "".join(lines)
        where = draw(st.integers(0, len(text)))
        if edit == "swap" and where + 1 < len(text):
            text = text[:where] + text[where + 1] + text[where] + text[where + 2 :]
        elif edit == "indicator":
            text = text[:where] + draw(st.sampled_from(INDICATORS)) + text[where:]
        elif edit == "character":
            text = (
                text[:where] + draw(st.text(ANY_CHARACTER, min_size=1, max_size=3)) + text[where:]
            )
    return rel, text.encode("utf-8", errors="surrogatepass")


@PROPERTY
@given(document=mutated())
def test_mutated_records_never_raise_and_findings_point_into_the_file(
    base: Path, document: tuple[str, bytes]
) -> None:
    rel, content = document
    findings = findings_with(base, rel, content)
    assert_well_formed(findings, base, rel, content)


@PROPERTY
@given(content=st.binary(max_size=400) | st.text(ANY_CHARACTER, max_size=200).map(
    lambda text: text.encode("utf-8", errors="surrogatepass")
))  # fmt: skip
def test_arbitrary_bytes_never_raise(base: Path, content: bytes) -> None:
    rel = "events/2026/noise.yaml"
    assert_well_formed(findings_with(base, rel, content), base, rel, content)


# --- hostile values in real records -------------------------------------------------

VALUE = re.compile(r"(?m)^([ -]*[a-z_]+: )([^\n\[{#&*!|>]+)$")  # key: plain or quoted scalar


@st.composite
def revalued(draw: st.DrawFn) -> tuple[str, bytes]:
    """A bundled record with one to three of its scalar values replaced."""
    seed = draw(st.sampled_from(SEEDS))
    rel = seed.relative_to(ROOT / "data").as_posix()
    text = seed.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        spots: dict[str, list[re.Match[str]]] = {}
        for spot in VALUE.finditer(text):  # by key: a count is as likely as a name
            spots.setdefault(spot[1].strip(" -"), []).append(spot)
        spot = draw(st.sampled_from(spots[draw(st.sampled_from(sorted(spots)))]))
        value = draw(PLAIN | st.text(max_size=20).map(json.dumps))
        text = text[: spot.start(2)] + value + text[spot.end(2) :]
    return rel, text.encode("utf-8")


@PROPERTY
@given(document=revalued())
def test_hostile_values_in_real_records_never_raise(
    base: Path, document: tuple[str, bytes]
) -> None:
    rel, content = document
    assert_well_formed(findings_with(base, rel, content), base, rel, content)


# --- generated records ---------------------------------------------------------------


class Plain(str):
    """A scalar written as it stands, unquoted: 007, .inf, NO, 2026-02-30."""


class Dumper(yaml.SafeDumper):
    pass


def represent_plain(dumper: Dumper, value: Plain) -> yaml.ScalarNode:
    # the tag YAML would read the text as: the emitter then needs no quotes
    tag: str = dumper.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return dumper.represent_scalar(tag, str(value))


Dumper.add_representer(Plain, represent_plain)
PLAIN = st.sampled_from(
    ["007", "-0", "+12", "0x1F", "0o17", "1e400", ".inf", "-.inf", ".nan", "1" + "0" * 5000,
     "NO", "NA", "yes", "~", "null", "9.30", "24:00", "23:60", "2026-02-30", "10/03/2026",
     "\u0662\u0660\u0662\u0666-\u0660\u0669-\u0661\u0660", "GMT+2", "Europe/Geneva",
     "../x", "SG16", "sg16 ", "javascript:alert(1)"]
).map(Plain)  # fmt: skip
SCALARS = (
    PLAIN
    | st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**25)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.dates()
    | st.text(max_size=30)
)
ARBITRARY = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=12,
)  # fmt: skip
IDS = ["wsg", "tsag", "sg16", "sg17", "ai", "security", "ai-day", "record"]


def fitting(kind: Kind) -> st.SearchStrategy[Any]:
    """Values of the kind's shape, mostly right and now and then anything at all."""
    if isinstance(kind, Record):
        fields = {f.name: fitting(f.kind) for f in kind.fields}
        mapping = st.fixed_dictionaries({}, optional=fields)
        return st.one_of(mapping, mapping, mapping, ARBITRARY)
    if isinstance(kind, ListOf):
        return st.one_of(st.lists(fitting(kind.item), max_size=4), ARBITRARY)
    special: dict[type[Kind], st.SearchStrategy[Any]] = {
        Date: st.dates(date(2024, 1, 1), date(2028, 12, 31)).map(str),
        Time: st.builds("{:02d}:{:02d}".format, st.integers(0, 24), st.sampled_from([0, 30, 60])),
        Slug: st.sampled_from(IDS),
        Country: st.sampled_from(["CH", "NO", "NA", "SN", "EG", "BR", "XX", "ch"]),
        Language: st.sampled_from(["en", "fr", "ar", "zz"]),
        Timezone: st.sampled_from(["Europe/Zurich", "UTC", "Asia/Tokyo", "Europe/Geneva"]),
        Url: st.sampled_from(["https://www.itu.int/x", "http://itu.int", "javascript:alert(1)"]),
        Count: st.integers(-3, 10**6) | PLAIN,
    }
    if isinstance(kind, Enum):
        return st.one_of(st.sampled_from(kind.values), ARBITRARY)
    return st.one_of(special.get(type(kind), st.text(max_size=20)), ARBITRARY)


RECORDS = {
    "events/2026/record.yaml": fitting(schema.EVENT),
    "groups/record.yaml": fitting(schema.GROUP),
    "groups/wsg.yaml": fitting(schema.WSG_GROUP),
}


def dumped(value: Any, flow: bool) -> bytes:
    text = yaml.dump(value, Dumper=Dumper, allow_unicode=True, default_flow_style=flow)
    return text.encode("utf-8")


@PROPERTY
@given(
    rel=st.sampled_from(sorted(RECORDS)),
    data=st.data(),
    flow=st.booleans(),
)
def test_generated_records_never_raise_and_findings_point_into_the_file(
    base: Path, rel: str, data: st.DataObject, flow: bool
) -> None:
    content = dumped(data.draw(RECORDS[rel]), flow)
    findings = findings_with(base, rel, content)
    assert_well_formed(findings, base, rel, content)


# --- the seat rules keep their pairwise meaning without comparing every pair ----------

SEAT = st.tuples(
    st.sampled_from(["Ana", "Ben", "Chen"]),  # name
    st.sampled_from(["CH", "NO"]),  # country
    st.integers(0, 40),  # first day, after 2020-01-01
    st.none() | st.integers(0, 15),  # days in office after the first; None: still in office
)
Seats = list[tuple[str, str, int, int | None]]


def flagged(
    base: Path, seats: Seats, rule: str, balanced: bool
) -> tuple[set[int], list[tuple[date, date]]]:
    """The seats (by index) ``rule`` reports in a ``wsg.yaml`` of chairman seats; their terms."""
    lines = ["id: wsg", "name: WSG", "kind: coordination-group", f"regional_balance: {balanced}"]
    lines += ["themes: [{id: ai, title: AI, priority: high}]", "management:"]
    terms = []
    for name, country, first, length in seats:
        start = date(2020, 1, 1) + timedelta(days=first)
        end = None if length is None else start + timedelta(days=length)
        until = "" if end is None else f", end: {end}"
        lines.append(
            f"  - {{role: chairman, name: {name}, country: {country}, "
            f"term: {{start: {start}{until}}}}}"
        )
        terms.append((start, end or date.max))
    text = "\n".join(lines) + "\n"
    findings = findings_with(base, "groups/wsg.yaml", text.encode())
    first_seat = 7  # the line of the first seat
    return {f.line - first_seat for f in findings if f.rule == rule}, terms


@PROPERTY
@given(seats=st.lists(SEAT, max_size=8))
def test_same_country_flags_whoever_shares_a_day_with_an_earlier_compatriot(
    base: Path, seats: Seats
) -> None:
    found, terms = flagged(base, seats, "same-country", balanced=False)
    assert found == {
        index
        for index, (name, country, _, _) in enumerate(seats)
        for earlier, (other, other_country, _, _) in enumerate(seats[:index])
        if other != name
        and other_country == country
        and terms[earlier][0] <= terms[index][1]
        and terms[index][0] <= terms[earlier][1]
    }


@PROPERTY
@given(seats=st.lists(SEAT, max_size=8))
def test_seat_overlap_flags_each_term_that_starts_while_an_earlier_one_runs(
    base: Path, seats: Seats
) -> None:
    found, terms = flagged(base, seats, "seat-overlap", balanced=True)
    order = sorted(range(len(seats)), key=lambda index: (terms[index][0], index))
    assert found == {
        index
        for rank, index in enumerate(order)
        if any(terms[earlier][1] >= terms[index][0] for earlier in order[:rank])
    }


def test_the_mutations_start_from_the_bundled_records() -> None:
    assert len(SEEDS) >= 20
    assert {seed.parent.name for seed in SEEDS} >= {"groups", "2026"}
