"""The hostile corpus: whatever a file holds, ``wsg validate`` answers with findings.

``tests/hostile/data`` is a small valid dataset (the WSG, TSAG, two study groups and
one event) plus files that each break in one way. What git cannot hold (a 50 MB file,
symbolic links, a folder named like a record, a named pipe, names with a newline or
a byte that is not UTF-8) is added to a copy at run time. The whole corpus is
validated once; every row of the table is checked against that one run, so one bad
file is also proven not to hide the findings of the others.

CRLF line ends are valid YAML: a CRLF file is clean, and positions in it are counted
in lines as an editor shows them (``crlf-line-ends-with-a-finding``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_wsg
from wsg.dataset import MAX_FOLDER_DEPTH

CORPUS = ROOT / "tests" / "hostile" / "data"
TODAY = "2026-06-01"
E = "data/events/2026/"
G = "data/groups/"


@dataclass(frozen=True)
class Case:
    file: str  # as reported: relative to the folder that holds the dataset folder
    rule: str | None  # None: the file is valid and has no finding at all
    line: int = 1
    # other rules the one break brings with it (never needed unless stated)
    also: frozenset[str] = field(default_factory=frozenset)


CASES = [
    # the frame: valid records that every hostile file sits beside
    Case(G + "wsg.yaml", None),
    Case(G + "tsag.yaml", None),
    Case(G + "sg16.yaml", None),
    Case(G + "sg17.yaml", None),
    Case(E + "valid-event.yaml", None),
    # syntax
    Case(E + "syntax-error-at-end.yaml", "yaml-syntax", 10),  # where the [ opened
    Case(E + "syntax-error-in-flow-mapping.yaml", "yaml-syntax", 9),
    Case(E + "two-documents.yaml", "yaml-syntax", 11),
    Case(E + "tabs-for-indentation.yaml", "yaml-syntax", 10),
    Case(E + "control-character.yaml", "yaml-syntax", 2),
    # duplicates and YAML features
    Case(E + "duplicate-key-at-depth.yaml", "duplicate-key", 20),
    # the ten keys holding the laughs are no event keys either
    Case(E + "alias-bomb.yaml", "yaml-feature", 11, frozenset({"unknown-field"})),
    Case(E + "merge-key.yaml", "yaml-feature", 11),
    Case(E + "python-object-tag.yaml", "yaml-feature", 9),
    Case(E + "nesting-10000-deep.yaml", "nesting-depth", 11),
    # bytes and encodings
    Case(E + "nul-bytes.yaml", "file-encoding", 2),
    Case(E + "binary-data.yaml", "file-encoding", 3),
    Case(E + "latin-1.yaml", "file-encoding", 2),
    Case(E + "utf-16.yaml", "file-encoding", 1),
    Case(E + "utf-16-without-bom.yaml", "file-encoding", 1),
    Case(E + "byte-order-mark.yaml", "file-encoding", 1),
    Case(E + "crlf-line-ends.yaml", None),
    Case(E + "crlf-line-ends-with-a-finding.yaml", "bad-number", 11),
    # shapes and types
    Case(E + "key-is-a-list.yaml", "wrong-type", 11),
    Case(E + "number-for-text.yaml", "wrong-type", 2),
    Case(E + "text-for-number.yaml", "wrong-type", 11),
    Case(E + "fee-with-5000-digits.yaml", "bad-number", 11),
    Case(E + "fee-infinite.yaml", "bad-number", 11),
    Case(E + "fee-with-leading-zeros.yaml", None),  # 007 is seven in YAML 1.2
    # dates, times, zones
    Case(E + "date-that-does-not-exist.yaml", "bad-date", 6),
    Case(E + "date-in-arabic-indic-digits.yaml", "bad-date", 6),
    Case(E + "time-24-00.yaml", "bad-time", 14),
    Case(E + "time-9-30.yaml", "bad-time", 14),
    Case(E + "zone-gmt-plus-2.yaml", "bad-timezone", 7),
    # ids
    Case(E + "id-with-dot-dot.yaml", "bad-id", 1),
    Case(E + "id-with-slashes.yaml", "bad-id", 1),
    Case(E + "id-in-upper-case.yaml", "bad-id", 1),
    # nothing in it
    Case(E + "empty.yaml", "not-a-mapping", 1),
    Case(E + "only-comments.yaml", "not-a-mapping", 1),
    Case(G + "a-list.yaml", "not-a-mapping", 1),
    Case(G + "a-scalar.yaml", "not-a-mapping", 1),
    # a quoted newline in a name: the message shows it escaped, on one line
    Case(G + "newline-in-a-name.yaml", "same-country", 7),
    # files that are not records
    Case(E + "misnamed-extension.yml", "stray-file", 1),
    Case(E + "notes.txt", "stray-file", 1),
]
RUNTIME_CASES = [  # what hostile_copy adds
    Case(E + "fifty-megabytes.yaml", "file-too-large", 1),
    Case(E + "link-outside.yaml", "stray-file", 1),
    Case("data/events/linked-folder", "stray-file", 1),
    Case(E + "folder-named-like-a-file.yaml", "stray-file", 1),
    Case(E + "named-pipe.yaml", "file-encoding", 1),
    Case("data/events" + "/d" * MAX_FOLDER_DEPTH, "stray-file", 1),
    Case(E + "line\\nbreak.yaml", "id-mismatch", 1),  # the name shows its newline escaped
    Case(E + "caf\\udce9.yaml", "id-mismatch", 1),  # and its Latin-1 byte
]
TABLE = CASES + RUNTIME_CASES


def hostile_copy(target: Path) -> Path:
    """The corpus copied to ``target/data``, with the files git cannot hold added."""
    data = target / "data"
    for path in sorted(CORPUS.rglob("*")):
        copy = data / path.relative_to(CORPUS)
        if path.is_dir():
            copy.mkdir(parents=True, exist_ok=True)
        else:
            copy.write_bytes(path.read_bytes())
    events = data / "events"
    outside = target / "outside"
    outside.mkdir()
    secret = outside / "secret.yaml"
    secret.write_text("id: secret\ntitle: not part of the dataset\n", encoding="utf-8")
    (events / "2026" / "link-outside.yaml").symlink_to(secret)
    (events / "linked-folder").symlink_to(outside, target_is_directory=True)
    (events / "2026" / "folder-named-like-a-file.yaml").mkdir()
    with (events / "2026" / "fifty-megabytes.yaml").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    os.mkfifo(events / "2026" / "named-pipe.yaml")  # no writer: a read would wait for ever
    deep = events
    for _ in range(1200):  # deeper than Python's recursion limit
        deep = deep / "d"
        deep.mkdir()
    (deep / "lost.yaml").write_text("id: lost\n", encoding="utf-8")
    valid = (CORPUS / "events" / "2026" / "valid-event.yaml").read_bytes()
    folder = os.fsencode(events / "2026")
    for name, record_id in ((b"line\nbreak", b"line-break"), (b"caf\xe9", b"cafe")):
        with open(os.path.join(folder, name + b".yaml"), "wb") as handle:
            handle.write(valid.replace(b"id: valid-event", b"id: " + record_id))
    return data


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"wsg validate ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def remove_deep_folders(data: Path) -> None:
    """Remove the folder chain too deep for shutil.rmtree, which recurses once a level."""
    bottom = data / "events"
    while (bottom / "d").is_dir():
        bottom = bottom / "d"
    while bottom != data / "events":
        for child in bottom.iterdir():
            child.unlink()
        bottom.rmdir()
        bottom = bottom.parent


@dataclass
class Run:
    code: int
    err: str
    findings: list[dict[str, Any]]  # as --format json writes them

    def of(self, file: str) -> list[tuple[str, int]]:
        return [(f["rule"], f["line"]) for f in self.findings if f["file"] == file]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    """One validation of the whole corpus, in-process, as JSON."""
    data = hostile_copy(tmp_path_factory.mktemp("hostile"))
    try:
        with deadline(120):  # a hang is a failure, not a stuck test run
            result = run_wsg("validate", "--data", str(data), "--today", TODAY, "--format", "json")
    finally:
        remove_deep_folders(data)
    yield Run(result.code, result.err, json.loads(result.out)["findings"])


@pytest.mark.parametrize("case", TABLE, ids=[case.file.rsplit("/", 1)[-1] for case in TABLE])
def test_each_file_gets_its_one_finding(case: Case, run: Run) -> None:
    found = run.of(case.file)
    if case.rule is None:
        assert found == []
        return
    assert (case.rule, case.line) in found
    assert {rule for rule, _ in found} <= {case.rule} | case.also


def test_the_run_fails_with_everything_on_stdout(run: Run) -> None:
    assert run.code == 1
    assert run.err == ""


def test_no_finding_falls_outside_the_table(run: Run) -> None:
    assert {f["file"] for f in run.findings} <= {case.file for case in TABLE}


def test_every_corpus_file_has_one_row() -> None:
    committed = [
        f"data/{p.relative_to(CORPUS).as_posix()}" for p in CORPUS.rglob("*") if p.is_file()
    ]
    rows = [case.file for case in CASES]
    assert sorted(rows) == sorted(committed)


def test_no_link_is_followed_and_no_file_outside_is_read(run: Run) -> None:
    assert not any("secret" in f["file"] or "lost" in f["file"] for f in run.findings)
    assert not any("secret" in f["message"] for f in run.findings)


def test_a_forged_finding_in_the_data_stays_inside_its_message(run: Run) -> None:
    (finding,) = [f for f in run.findings if f["file"] == G + "newline-in-a-name.yaml"]
    assert "\n" not in finding["message"]
    assert "Ana Lima\\ndata/groups/wsg.yaml:1:1: error forged" in finding["message"]


def test_a_real_process_finishes_without_a_traceback(tmp_path: Path) -> None:
    data = hostile_copy(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "wsg", "validate", "--data", str(data), "--today", TODAY],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=tmp_path,
        )
    finally:
        remove_deep_folders(data)
    assert done.returncode == 1
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    findings = [line for line in lines[:-1] if ": error " in line or ": warning " in line]
    assert findings == lines[:-1]  # one line a finding, then the summary
    assert lines[-1].startswith(f"{len(TABLE)} files checked: ")
    assert "Traceback" not in done.stdout
