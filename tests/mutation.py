"""Mutation testing: cosmic-ray over the modules below, each judged by its own test files.

From the repository root, with the test extras installed (docs/mutation.md):

    python tests/mutation.py [--jobs N] [MODULE ...]

With no MODULE, every module that JUDGES names. Each is mutated in copies of the
working tree (.mutation/tree, tree-1 …: the checkout itself is never changed), one
mutant at a time in each copy, as many copies as --jobs (one a core), and each mutant
is judged by the module's test files with ``pytest -x``. Results are kept in
.mutation/, one session for each version of a module: an interrupted run resumes
where it stopped; a changed module starts afresh; changed test files judge the
survivors again (killed mutants stay killed: --fresh judges every mutant again). The
report gives each module's score (killed / (killed + survived); a mutant whose tests
run past twice the clean run, and again past four times it, hangs: it counts as
killed) and every survivor's line and diff.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
TREE = WORK / "tree"

RULE_TESTS = (
    "tests/test_rule_boundaries.py",
    "tests/test_rule_examples.py",
    "tests/test_rules_warm_cache.py",
)

# The test files that judge a module's mutants, the most pointed first (pytest -x stops at
# the first failure). The first pattern a module matches applies.
JUDGES: dict[str, tuple[str, ...]] = {
    "wsg/rules/management.py": (*RULE_TESTS, "tests/test_management_rules.py"),
    "wsg/rules/*.py": (*RULE_TESTS, "tests/test_contract.py"),
    # the Schema rules (wsg/rules/schema.py only declares them): every value kind's check
    "wsg/kinds.py": (
        "tests/test_schema_kinds.py",  # each kind: a value in, its finding and message out
        "tests/test_rule_examples.py",  # each Schema rule's passing and failing example
        "tests/test_hostile.py",
        "tests/test_event_additions.py",
        "tests/test_model.py",  # where each value and key is
        "tests/test_rule_boundaries.py",
        "tests/test_schema_cmd.py",  # the kinds as JSON Schema
        "tests/test_contract.py",
    ),
    "wsg/render/times.py": (
        "tests/test_times.py",
        "tests/test_ics_writer.py",
        "tests/test_render_agenda.py",
    ),
    "wsg/render/ics.py": ("tests/test_ics_writer.py", "tests/test_render_agenda.py"),
    "wsg/diffing.py": ("tests/test_diff.py",),
    "wsg/safewrite.py": ("tests/test_safe_writes.py",),
    "wsg/balance.py": (
        "tests/test_balance.py",
        "tests/test_duties_reports.py",  # the involvement of developing countries, the bureaux
        "tests/test_management_rules.py",
        *RULE_TESTS,
    ),
}


def judges(module: str) -> tuple[str, ...]:
    for pattern, tests in JUDGES.items():
        if fnmatch(module, pattern):
            return tests
    raise SystemExit(f"mutation: {module} is none of {', '.join(JUDGES)}")


def every_module() -> list[str]:
    found = {
        path.relative_to(ROOT).as_posix()
        for pattern in JUDGES
        for path in ROOT.glob(pattern)
        if path.is_file()
    }
    return sorted(found)


def copy_tree() -> None:
    """The working tree as it is (tracked and new files, not ignored ones) into TREE."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    shutil.rmtree(TREE, ignore_errors=True)
    for name in filter(None, (entry.decode() for entry in listed)):
        source, target = ROOT / name, TREE / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def environment(tree: Path = TREE) -> dict[str, str]:
    # the copy's package before the installed one, in the tests and in what they start
    values = {k: v for k, v in os.environ.items() if k != "CI"}
    values["PYTHONPATH"] = str(tree)
    values["PYTHONDONTWRITEBYTECODE"] = "1"  # no stale bytecode of one mutant for the next
    return values


def digest(*names: str) -> str:
    hashed = hashlib.sha256()
    for name in names:
        hashed.update(name.encode() + b"\0" + (ROOT / name).read_bytes())
    return hashed.hexdigest()[:12]


def session(module: str) -> Path:
    """The module's session: its mutants are places in this very source."""
    slug = module.removesuffix(".py").replace("/", ".")
    return WORK / f"{slug}-{digest(module)}.sqlite"


TIMEOUT = "timeout"  # what cosmic-ray says of a mutant whose tests ran out of time
HUNG = "timeout, twice"  # and of one that ran out of the longer time too


def forget(results: Path, where: str) -> int:
    """Forget the results ``where`` holds, so that the next exec judges those mutants again."""
    with sqlite3.connect(results) as database:
        return database.execute(f"DELETE FROM work_results WHERE {where}").rowcount


def configure(module: str, pytest: list[str], timeout: float) -> Path:
    config = TREE / "cosmic-ray.toml"
    config.write_text(
        "[cosmic-ray]\n"
        f'module-path = "{module}"\n'
        f"timeout = {timeout:.0f}.0\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(shlex.join(pytest))}\n"
        "[cosmic-ray.distributor]\n"
        'name = "local"\n',
        encoding="utf-8",
    )
    return config


def cosmic_ray(*args: str) -> None:
    command = [sys.executable, "-m", "cosmic_ray.cli", *args]
    subprocess.run(command, cwd=TREE, env=environment(), check=True)


def parts(results: Path) -> list[Path]:
    return sorted(results.parent.glob(f"{results.stem}.part-*.sqlite"))


def merge_parts(results: Path) -> None:
    """Take the results of the session's parts into it (also those an interrupted run left)."""
    for part in parts(results):
        with sqlite3.connect(results) as database:
            database.execute("ATTACH DATABASE ? AS part", (str(part),))
            database.execute(
                "INSERT OR REPLACE INTO work_results (worker_outcome, output, test_outcome, diff,"
                " job_id) SELECT worker_outcome, output, test_outcome, diff, job_id FROM"
                " part.work_results"
            )
            database.commit()
            database.execute("DETACH DATABASE part")
        part.unlink()


def pending(results: Path) -> list[str]:
    with sqlite3.connect(results) as database:
        found = database.execute(
            "SELECT job_id FROM work_items WHERE job_id NOT IN (SELECT job_id FROM work_results)"
            " ORDER BY job_id"
        )
        return [job for (job,) in found]


def split(results: Path, jobs: int) -> list[Path]:
    """The pending mutants dealt into ``jobs`` parts: each a copy of the session less others'."""
    waiting = pending(results)
    shares = []
    for number in range(jobs):
        share = results.with_name(f"{results.stem}.part-{number}.sqlite")
        shutil.copyfile(results, share)
        others = [(job,) for index, job in enumerate(waiting) if index % jobs != number]
        with sqlite3.connect(share) as database:
            database.executemany("DELETE FROM mutation_specs WHERE job_id = ?", others)
            database.executemany("DELETE FROM work_items WHERE job_id = ?", others)
        shares.append(share)
    return shares


def judge(config: Path, results: Path, jobs: int) -> None:
    """cosmic-ray exec over the pending mutants, shared among ``jobs`` copies of the tree."""
    merge_parts(results)
    jobs = min(max(1, jobs), len(pending(results)))
    if not jobs:
        return
    runs = []
    for number, share in enumerate(split(results, jobs)):
        tree = TREE if number == 0 else WORK / f"tree-{number}"  # a mutant is a file on disk
        if tree != TREE:
            shutil.rmtree(tree, ignore_errors=True)
            shutil.copytree(TREE, tree)
        command = [sys.executable, "-m", "cosmic_ray.cli", "exec", str(tree / config.name)]
        runs.append(subprocess.Popen([*command, str(share)], cwd=tree, env=environment(tree)))
    failed = sum(run.wait() != 0 for run in runs)
    merge_parts(results)
    if failed:
        raise SystemExit(f"mutation: cosmic-ray exec failed in {failed} of {jobs} parts")


def mutate(module: str, fresh: bool, jobs: int) -> tuple[int, int] | None:
    """Run (or resume) one module's session; its (killed, survived) counts."""
    tests = judges(module)
    # pytest's start-up is paid once a mutant: hypothesis's and xdist's plugins would double it
    # (a test file that uses hypothesis still imports it)
    plugins_off = ("no:cacheprovider", "no:hypothesispytest", "no:xdist")
    pytest = [sys.executable, "-m", "pytest", "-x", "-q", *(f"-p{p}" for p in plugins_off), *tests]
    began = time.monotonic()
    clean = subprocess.run(pytest, cwd=TREE, env=environment(), capture_output=True, text=True)
    if clean.returncode != 0:
        print(f"{module}: its tests fail before any mutation:\n{clean.stdout[-2000:]}")
        return None
    took = time.monotonic() - began
    # a mutant whose tests take twice the clean run's time is taken for hanging: a hang costs
    # the whole wait. On a busy machine a correct mutant can be that slow too, and counting it
    # killed would flatter the score: those are judged again with twice the wait.
    config = configure(module, pytest, timeout=max(30.0, 2 * took))
    results = session(module)
    judged_by = results.with_suffix(".judged-by")
    if fresh:
        results.unlink(missing_ok=True)
        for part in parts(results):
            part.unlink()
    if not results.exists():
        cosmic_ray("init", str(config), str(results))
        skip_annotations(module, results)
    elif not judged_by.is_file() or judged_by.read_text() != digest(*tests):
        print(f"{module}: its tests changed since its last run: the survivors are judged again")
        forget(results, "test_outcome IN ('SURVIVED', 'survived')")
    judged_by.write_text(digest(*tests))
    judge(config, results, jobs)
    slow = forget(results, f"output = '{TIMEOUT}'")
    if slow:
        print(f"{module}: {slow} mutants ran out of time: judged again with a longer wait")
        judge(configure(module, pytest, timeout=max(60.0, 4 * took)), results, jobs)
        with sqlite3.connect(results) as database:
            database.execute("UPDATE work_results SET output = ? WHERE output = ?", (HUNG, TIMEOUT))
    return report(module, results)


def annotations(source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the type annotations are: (line, column) from and to, as cosmic-ray counts."""
    spans = []
    for node in ast.walk(ast.parse(source)):
        found: list[ast.expr | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.append(node.returns)
        elif isinstance(node, ast.arg | ast.AnnAssign):
            found.append(node.annotation)
        for at in filter(None, found):
            assert at.end_lineno is not None and at.end_col_offset is not None
            spans.append(((at.lineno, at.col_offset), (at.end_lineno, at.end_col_offset)))
    return spans


def skip_annotations(module: str, results: Path) -> None:
    """Take the mutants inside type annotations out of the session.

    Every module JUDGES names starts with ``from __future__ import annotations``: its
    annotations are never evaluated, so ``str | None`` mutated to ``str + None`` changes
    nothing but what mypy says (and the suite runs mypy). They would all survive.
    """
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    source = (ROOT / module).read_text(encoding="utf-8")
    assert "from __future__ import annotations" in source, module
    spans = annotations(source)
    with use_db(str(results), WorkDB.Mode.open) as database:
        inside = [
            item.job_id
            for item in database.work_items
            if any(start <= item.mutations[0].start_pos < end for start, end in spans)
        ]
        skipped = WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output="in an annotation")
        database.set_multiple_results(inside, skipped)


def report(module: str, results: Path) -> tuple[int, int]:
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome

    with use_db(str(results), WorkDB.Mode.open) as database:
        done = list(database.completed_work_items)
        total = database.num_work_items
    killed = [r for _, r in done if r.test_outcome in (TestOutcome.KILLED, TestOutcome.INCOMPETENT)]
    hung = sum(r.output in (TIMEOUT, HUNG) for r in killed)
    survivors = [(item, r) for item, r in done if r.test_outcome == TestOutcome.SURVIVED]
    judged = len(killed) + len(survivors)
    score = 100 * len(killed) / judged if judged else 100.0
    print(
        f"{module}: {judged} mutants judged ({total - judged} in annotations or not run), "
        f"{len(killed)} killed ({hung} by timeout), {len(survivors)} survived: {score:.1f} %"
    )
    for item, result in sorted(survivors, key=lambda s: s[0].mutations[0].start_pos):
        spec = item.mutations[0]
        changed = [
            line
            for line in (result.diff or "").splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        print(f"  survived: line {spec.start_pos[0]} {spec.operator_name}")
        for line in changed:
            print(f"    {line}")
    return len(killed), len(survivors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help="e.g. wsg/render/times.py")
    parser.add_argument("--fresh", action="store_true", help="judge every mutant again")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="mutants judged at once, each in its own copy of the tree (default: one a core)",
    )
    arguments = parser.parse_args()
    chosen = arguments.modules or every_module()
    for module in chosen:
        judges(module)
    WORK.mkdir(exist_ok=True)
    copy_tree()
    scores = []
    for module in chosen:
        began = time.monotonic()
        counts = mutate(module, arguments.fresh, arguments.jobs)
        minutes = (time.monotonic() - began) / 60
        print(f"{module}: {minutes:.1f} minutes")
        scores.append(counts)
    return 0 if all(scores) else 1


if __name__ == "__main__":
    sys.exit(main())
