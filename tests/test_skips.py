"""No silent skips in CI: a test that cannot run there fails, saying what is missing.

conftest.py's ``skip_or_fail``, ``requires`` and ``import_or_skip`` are the only ways a
test may skip for want of something (Chromium, ruff, Node.js and the npm registry, a git
checkout). They are run here in a pytest of their own, with and without ``CI``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, has_module, in_ci

PROBES = """\
from tests.conftest import requires, skip_or_fail


@requires(False, "the probe's tool is not installed")
def test_marked() -> None:
    pass


@requires(True, "present")
def test_marked_and_present() -> None:
    pass


def test_called() -> None:
    skip_or_fail("the probe's service is unreachable")
"""
PROBE_MODULE = """\
from tests.conftest import import_or_skip

import_or_skip("wsg_no_such_module", "the probe needs it")


def test_never_runs() -> None:
    pass
"""


def run_probes(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "conftest.py").write_text(
        "from tests.conftest import pytest_configure, pytest_runtest_setup  # noqa: F401\n"
    )
    (tmp_path / "test_probes.py").write_text(PROBES)
    (tmp_path / "test_probe_module.py").write_text(PROBE_MODULE)
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment["PYTHONPATH"] = str(ROOT)
    if ci is not None:
        environment["CI"] = ci
    plugins_off = ["-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:hypothesispytest"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rsfE", "--continue-on-collection-errors", *plugins_off],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def outcome(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout.strip().splitlines()[-1].strip("= ")


def test_outside_ci_a_missing_tool_skips_with_its_reason(tmp_path: Path) -> None:
    result = run_probes(tmp_path, ci=None)
    assert result.returncode == 0, result.stdout
    assert re.match(r"1 passed, 3 skipped in ", outcome(result)), result.stdout
    assert "the probe's tool is not installed" in result.stdout
    assert "the probe's service is unreachable" in result.stdout
    assert "wsg_no_such_module is not installed: the probe needs it" in result.stdout


def test_in_ci_a_missing_tool_fails_with_its_reason(tmp_path: Path) -> None:
    result = run_probes(tmp_path, ci="1")
    assert result.returncode == 1, result.stdout
    assert re.match(r"1 failed, 1 passed, 2 errors in ", outcome(result)), result.stdout
    for reason in (
        "the probe's tool is not installed",
        "the probe's service is unreachable",
        "wsg_no_such_module is not installed: the probe needs it",
    ):
        assert f"{reason}; CI is set, and in CI every test must run" in result.stdout, reason
    assert "skipped" not in outcome(result)


@pytest.mark.parametrize(
    ("value", "ci"),
    [("1", True), ("true", True), ("yes", True), ("", False), ("0", False), ("false", False)],
)
def test_what_counts_as_ci(monkeypatch: pytest.MonkeyPatch, value: str, ci: bool) -> None:
    monkeypatch.setenv("CI", value)
    assert in_ci() is ci


def test_a_module_is_found_by_import_not_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert has_module("ruff") and has_module("mypy") and has_module("lxml.etree")
    assert not has_module("wsg_no_such_module")
    assert not has_module("wsg_no_such_package.module")


# Ways of skipping that bypass the helpers; each allowed one names why.
BYPASSES = re.compile(r"pytest\.skip\(|\.skipif\(|importorskip\(|mark\.skip\b|mark\.xfail\b")
ALLOWED = {
    # skip_or_fail itself
    ("conftest.py", "pytest.skip(reason, allow_module_level=True)"),
    # not a missing tool: the code under test (forked workers) exists on Linux only
    ("test_render_parallel.py", 'pytestmark = pytest.mark.skipif(sys.platform != "linux"'),
}


def test_every_skip_goes_through_the_helpers() -> None:
    found = set()
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name == "test_skips.py":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if BYPASSES.search(line):
                found.add((path.name, line.strip()))
    unexplained = {
        (name, line)
        for name, line in found
        if not any(name == a and line.startswith(text) for a, text in ALLOWED)
    }
    assert unexplained == set(), "skip through tests/conftest.py's skip_or_fail or requires"


def test_no_test_reads_outside_the_repository() -> None:
    outside = re.compile(r"/work/|/root/|/home/|[\"']shared[\"']")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if path.name != "test_skips.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if outside.search(line)
    ]
    assert found == []


def test_ci_says_it_is_ci_and_installs_what_the_skipping_tests_need() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^export CI=1$", script, re.M)
    assert "apt-get install" in script
    for package in ("chromium", "nodejs", "npm"):
        assert re.search(rf"missing\+=\([^)]*\b{package}\b", script), package
    assert "pip install '.[test]'" in script  # ruff, mypy, lxml: the test extras
