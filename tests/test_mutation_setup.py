"""The mutation-testing set-up (tests/mutation.py) covers what it says, and only that.

Running it takes long and is not part of the suite; these checks keep its
configuration true as files move: every module issue 17 names is mutated, every
test file that judges one exists, and mutants in type annotations are set aside.
"""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

from tests import mutation
from tests.conftest import ROOT, has_module

NAMED = [
    "wsg/kinds.py",  # the Schema rules' checks
    "wsg/render/times.py",
    "wsg/render/ics.py",
    "wsg/diffing.py",
    "wsg/safewrite.py",
    "wsg/balance.py",
]


def test_every_named_module_and_every_rule_module_is_mutated() -> None:
    modules = mutation.every_module()
    rules = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "wsg" / "rules").glob("*.py"))
    assert set(NAMED) | set(rules) == set(modules)
    for module in modules:
        assert (ROOT / module).is_file(), module
        for test in mutation.judges(module):
            assert (ROOT / test).is_file(), f"{module} is judged by a missing {test}"


def test_the_rule_modules_are_judged_by_the_boundaries_and_the_warm_cache() -> None:
    for module in mutation.every_module():
        if module.startswith("wsg/rules/"):
            assert "tests/test_rule_boundaries.py" in mutation.judges(module)
            assert "tests/test_rules_warm_cache.py" in mutation.judges(module)


SOURCE = """\
from __future__ import annotations

LIMIT: int | None = 3


def pick(a: set[str] | None, b: set[str], *rest: int | str, **named: bytes | None) -> str | None:
    both = (a or set()) | b
    return min(both) if both else None
"""


def test_mutants_in_annotations_are_found_by_place() -> None:
    lines = SOURCE.splitlines()
    spans = mutation.annotations(SOURCE)
    assert all(start[0] == end[0] for start, end in spans)
    texts = sorted(lines[start[0] - 1][start[1] : end[1]] for start, end in spans)
    assert texts == [
        "bytes | None",
        "int | None",
        "int | str",
        "set[str]",
        "set[str] | None",
        "str | None",
    ]
    set_union = (7, lines[6].index("| b"))
    assert not any(start <= set_union < end for start, end in spans)


def test_cosmic_ray_is_a_test_extra_and_the_command_is_documented() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert any(r.startswith("cosmic-ray") for r in extras["optional-dependencies"]["test"])
    assert has_module("cosmic_ray")
    for page in ("README.md", "docs/mutation.md"):
        assert "python tests/mutation.py" in (ROOT / page).read_text(), page
    assert "mutation" not in (ROOT / ".ci" / "run").read_text()


SCHEMA = """
CREATE TABLE work_items (job_id VARCHAR NOT NULL PRIMARY KEY);
CREATE TABLE mutation_specs (module_path VARCHAR, job_id VARCHAR NOT NULL PRIMARY KEY);
CREATE TABLE work_results (worker_outcome VARCHAR(9), output TEXT, test_outcome VARCHAR(11),
    diff TEXT, job_id VARCHAR NOT NULL PRIMARY KEY);
"""


def test_a_session_is_dealt_into_parts_and_their_results_taken_back(tmp_path: Path) -> None:
    """--jobs: each part judges its share of what is pending; the session gets every result."""
    session = tmp_path / "wsg.diffing-0123456789ab.sqlite"
    jobs = [f"job-{n}" for n in range(7)]
    with sqlite3.connect(session) as database:
        database.executescript(SCHEMA)
        database.executemany("INSERT INTO work_items VALUES (?)", [(j,) for j in jobs])
        database.executemany("INSERT INTO mutation_specs VALUES ('m', ?)", [(j,) for j in jobs])
        database.execute("INSERT INTO work_results VALUES ('normal', '', 'killed', '', 'job-0')")
    assert mutation.pending(session) == jobs[1:]

    shares = mutation.split(session, 2)
    assert [mutation.pending(share) for share in shares] == [
        ["job-1", "job-3", "job-5"],
        ["job-2", "job-4", "job-6"],
    ]
    assert mutation.parts(session) == shares
    for share in shares:  # as cosmic-ray exec leaves them
        with sqlite3.connect(share) as database:
            for job in mutation.pending(share):
                outcome = "survived" if job == "job-4" else "killed"
                database.execute(
                    "INSERT INTO work_results VALUES ('normal', '', ?, '', ?)", (outcome, job)
                )
    mutation.merge_parts(session)
    assert mutation.pending(session) == []
    assert mutation.parts(session) == []
    with sqlite3.connect(session) as database:
        found = dict(database.execute("SELECT job_id, test_outcome FROM work_results"))
    assert found == {job: "survived" if job == "job-4" else "killed" for job in jobs}
    assert sorted(p.name for p in tmp_path.iterdir()) == [session.name]
