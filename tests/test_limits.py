"""Bounded work: what ``wsg validate`` reads, how deep, how much, and what it never does.

Each limit is run as a real process with its address space capped at 1 GiB and a
20-second timeout: hitting either fails the test, as a ``MemoryError`` (exit 3) or a
timeout. Each input is about as large as a record file may be. The limits themselves
are documented in ``docs/limits.md``.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import ROOT, make_dataset
from wsg.dataset import MAX_FILE_SIZE
from wsg.kinds import MAX_SUGGESTIONS
from wsg.yamltree import MAX_DEPTH, MAX_FEATURE_PROBLEMS

MEMORY = 1 << 30
TIMEOUT = 20
TODAY = "2026-06-01"
EVENT = """\
id: {id}
title: Workshop on AI
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
"""
FINDING = re.compile(
    r"(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>\w+) (?P<rule>\S+) "
)


@dataclass
class Run:
    code: int
    out: str
    findings: list[tuple[str, str, int]]  # file name, rule, line
    summary: str

    def rules(self, name: str) -> Counter[str]:
        return Counter(rule for file, rule, _ in self.findings if file == name)


def capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def validate(data: Path, *options: str) -> Run:
    """``wsg validate`` in its own process, under the caps."""
    done = subprocess.run(
        [sys.executable, "-m", "wsg", "validate", "--data", str(data), "--today", TODAY, *options],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=capped,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WSG_NO_CACHE": "1"},
        cwd=data.parent,
    )
    assert done.stderr == ""
    *lines, summary = done.stdout.splitlines()
    findings = []
    for line in lines:
        match = FINDING.match(line)
        assert match, line
        findings.append((Path(match["file"]).name, match["rule"], int(match["line"])))
    return Run(done.returncode, done.stdout, findings, summary)


def event(record_id: str, extra: str = "") -> str:
    return EVENT.format(id=record_id) + extra


def test_a_file_over_one_mebibyte_is_reported_and_never_read(tmp_path: Path) -> None:
    """Limit: ``MAX_FILE_SIZE`` (1 MiB) a file; a larger one is not opened at all."""
    at_limit = event("at-limit", "notes: ")
    at_limit += "x" * (MAX_FILE_SIZE - len(at_limit) - 1) + "\n"
    over = event("over-limit", "notes: ")
    over += "x" * (MAX_FILE_SIZE - len(over)) + "\n"
    data = make_dataset(
        tmp_path,
        {"data/events/2026/at-limit.yaml": at_limit, "data/events/2026/over-limit.yaml": over},
    )
    huge = data / "events" / "2026" / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL bytes, never read
    assert len(at_limit.encode()) == MAX_FILE_SIZE
    run = validate(data)
    assert run.code == 1
    assert run.rules("at-limit.yaml") == Counter()
    assert ("over-limit.yaml", "file-too-large", 1) in run.findings
    assert [f for f in run.findings if f[0] == "huge.yaml"] == [("huge.yaml", "file-too-large", 1)]


def test_nesting_stops_at_max_depth(tmp_path: Path) -> None:
    """Limit: ``MAX_DEPTH`` (64) nested collections, the record's own mapping included."""
    deepest = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    too_deep = "[" * 500_000 + "]" * 500_000  # 1 MB of brackets, not read past level 64
    data = make_dataset(
        tmp_path,
        {
            "data/events/2026/deepest.yaml": event("deepest", f"notes: {deepest}\n"),
            "data/events/2026/too-deep.yaml": event("too-deep", f"notes: {too_deep}\n"),
        },
    )
    run = validate(data)
    assert run.code == 1
    assert "nesting-depth" not in run.rules("deepest.yaml")
    assert run.rules("too-deep.yaml") == Counter({"nesting-depth": 1})


def test_aliases_are_never_expanded_and_listed_at_most_max_feature_problems(
    tmp_path: Path,
) -> None:
    """Limit: anchors, aliases and tags cost one event each; ``MAX_FEATURE_PROBLEMS`` are
    listed, then one finding counts the rest. A billion laughs stays a few lines."""
    laughs = ['lol0: &lol0 "lol"']
    for level in range(1, 12):  # 10**11 strings if expanded
        laughs.append(f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 10)}]")
    aliases = ", ".join(["*a"] * 200_000)
    data = make_dataset(
        tmp_path,
        {
            "data/events/2026/laughs.yaml": event("laughs", "\n".join(laughs) + "\n"),
            "data/events/2026/aliases.yaml": event(
                "aliases", f"host: &a ITU\nnotes: [{aliases}]\n"
            ),
        },
    )
    run = validate(data)
    assert run.code == 1
    for name in ("laughs.yaml", "aliases.yaml"):
        assert run.rules(name)["yaml-feature"] == MAX_FEATURE_PROBLEMS + 1
    assert run.out.count("more anchors, aliases or tags not listed") == 2


def test_a_line_of_900_kilobytes(tmp_path: Path) -> None:
    """No limit on a line but the file's: a 900 KB title is fine, a 900 KB time zone is
    one finding, and looking for what it might have meant costs nothing."""
    long = "x" * 900_000
    data = make_dataset(
        tmp_path,
        {
            "data/events/2026/long-title.yaml": event("long-title").replace(
                "title: Workshop on AI", f"title: {long}"
            ),
            "data/events/2026/long-zone.yaml": event("long-zone").replace(
                "timezone: Europe/Zurich", f"timezone: {long}"
            ),
        },
    )
    run = validate(data)
    assert run.code == 1
    assert run.rules("long-title.yaml") == Counter()
    assert run.findings == [("long-zone.yaml", "bad-timezone", 7)]


def test_one_hundred_thousand_keys(tmp_path: Path) -> None:
    """Limit: ``MAX_SUGGESTIONS`` (100) "did you mean" searches a file; every unknown key is
    still reported."""
    typos = [  # organizers with one letter changed: each has its suggestion
        f"{'organizers'[:at]}{letter}{'organizers'[at + 1 :]}"
        for at in range(10)
        for letter in "bcdfhjklmpqtuvwxy"
    ]
    names = typos + [f"k{index}" for index in range(100_000 - len(typos))]
    assert len(typos) > MAX_SUGGESTIONS
    keys = "".join(f"{name}: 1\n" for name in names)
    data = make_dataset(tmp_path, {"data/events/2026/keys.yaml": event("keys", keys)})
    assert (data / "events" / "2026" / "keys.yaml").stat().st_size < MAX_FILE_SIZE
    run = validate(data)
    assert run.code == 1
    assert run.rules("keys.yaml") == Counter({"unknown-field": 100_000})
    assert run.out.count("did you mean") == MAX_SUGGESTIONS


def test_a_flow_sequence_of_two_hundred_thousand_items(tmp_path: Path) -> None:
    """No limit on items but the file's size: 200,000 wrong language codes, each reported."""
    codes = ", ".join(f"{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}x" for n in range(200_000))
    data = make_dataset(
        tmp_path, {"data/events/2026/languages.yaml": event("languages", f"languages: [{codes}]\n")}
    )
    assert (data / "events" / "2026" / "languages.yaml").stat().st_size < MAX_FILE_SIZE
    run = validate(data)
    assert run.code == 1
    assert run.rules("languages.yaml") == Counter({"bad-language": 200_000})


def test_a_management_history_of_ten_thousand_seats(tmp_path: Path) -> None:
    """No pair of seats is compared one by one: 10,000 chairmen at once are 9,999 overlaps
    (one a seat, not one a pair), and 10,000 successive terms with one far-future seat
    before them are none."""
    first = date(1990, 1, 1)
    at_once = "".join(
        f"  - {{role: chairman, name: P{n}, country: CH, term: {{start: 2020-01-01}}}}\n"
        for n in range(10_000)
    )
    successive = "  - {role: chairman, name: Q, country: CH, term: {start: 2090-01-01}}\n"
    successive += "".join(
        f"  - {{role: vice-chairman, name: P{n}, country: CH, "
        f"term: {{start: {first + timedelta(days=n)}, end: {first + timedelta(days=n)}}}}}\n"
        for n in range(10_000)
    )
    group = (
        "id: {id}\nname: A long history\nkind: other\nregional_balance: {balanced}\nmanagement:\n"
    )
    data = make_dataset(
        tmp_path,
        {
            "data/groups/at-once.yaml": group.format(id="at-once", balanced="true") + at_once,
            "data/groups/successive.yaml": group.format(id="successive", balanced="false")
            + successive,
        },
    )
    run = validate(data)
    assert run.code == 1
    at_once_rules = run.rules("at-once.yaml")
    assert at_once_rules["seat-overlap"] == 9_999
    assert at_once_rules["same-country"] == 9_999
    assert run.rules("successive.yaml") == Counter()


def test_unknown_ids_among_thousands_of_groups(tmp_path: Path) -> None:
    """Limit: ``MAX_SUGGESTIONS`` "did you mean" searches a run for ids that name no group
    (each reads every group id): 100,000 unknown organizers among 3,000 groups."""
    groups = {
        f"data/groups/group-{n}.yaml": f"id: group-{n}\nname: Group {n}\nkind: other\n"
        for n in range(3_000)
    }
    organizers = ", ".join(f"x{n}" for n in range(100_000))
    record = event("many").replace("[sg16]", f"[{organizers}]")
    data = make_dataset(tmp_path, {**groups, "data/events/2026/many.yaml": record})
    run = validate(data)
    assert run.code == 1
    assert run.rules("many.yaml") == Counter({"unknown-group": 100_000})
    assert run.out.count("did you mean") <= MAX_SUGGESTIONS


def test_three_thousand_stray_files(tmp_path: Path) -> None:
    """No limit on the number of files: 3,000 notes are 3,000 warnings, failing under --strict."""
    data = make_dataset(tmp_path, {})
    notes = data / "events" / "2026"
    notes.mkdir(parents=True, exist_ok=True)
    for index in range(3_000):
        (notes / f"note-{index}.txt").write_text("to do\n", encoding="utf-8")
    run = validate(data, "--strict")
    assert run.code == 1
    strays = [f for f in run.findings if f[1] == "stray-file"]
    assert len(strays) == 3_000
    assert run.summary.startswith(f"{3_000 + 8} files checked: 0 errors, 3000 warnings")
