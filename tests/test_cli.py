"""The command line: exit codes and output exactly as CLI.md says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_dataset, run_wsg

BAD_EVENT = """\
id: x
title: Workshop on AI
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: virtual
organizers: [sg16, sg9]
themes: [ai]
notes: see http://example.org/notes
contact: {name: TSB, email: tsb@example.org}
"""


@pytest.fixture
def bad_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_dataset(
        tmp_path,
        {
            "data/events/2026/x.yaml": BAD_EVENT,
            "data/events/2026/y.yaml": BAD_EVENT.replace("id: x", "id: y").replace(
                "sg9]", "sg16]\nvenue_notes: ground floor"
            ),
        },
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WSG_DATA", raising=False)
    monkeypatch.setenv("WSG_TODAY", "2026-06-01")
    return tmp_path


def test_text_output_is_one_line_a_finding_then_the_summary(bad_dataset: Path) -> None:
    result = run_wsg("validate")
    assert result.code == 1
    assert result.out == (
        "data/events/2026/x.yaml:9:20: error unknown-group organizer 'sg9' is not a group "
        "(did you mean 'sg16'?)\n"
        "data/events/2026/y.yaml:10:1: error unknown-field unknown key 'venue_notes' in an "
        "event (did you mean 'venue'?)\n"
        "10 files checked: 2 errors, 0 warnings\n"
    )
    assert result.err == ""


def test_json_output_has_the_documented_shape_and_key_order(bad_dataset: Path) -> None:
    result = run_wsg("validate", "--format", "json")
    assert result.code == 1
    document = json.loads(result.out)
    assert list(document) == ["findings", "summary"]
    assert document["summary"] == {"files": 10, "errors": 2, "warnings": 0, "infos": 0}
    first = document["findings"][0]
    assert list(first) == ["rule", "severity", "file", "line", "column", "message"]
    assert first == {
        "rule": "unknown-group",
        "severity": "error",
        "file": "data/events/2026/x.yaml",
        "line": 9,
        "column": 20,
        "message": "organizer 'sg9' is not a group (did you mean 'sg16'?)",
    }


def test_github_output_is_workflow_commands(bad_dataset: Path) -> None:
    result = run_wsg("validate", "--format", "github")
    assert result.out.splitlines()[0] == (
        "::error file=data/events/2026/x.yaml,line=9,col=20,title=unknown-group::"
        "organizer 'sg9' is not a group (did you mean 'sg16'?)"
    )


def test_paths_limit_the_report_but_not_the_check(bad_dataset: Path) -> None:
    result = run_wsg("validate", "data/events/2026/y.yaml")
    assert result.out.splitlines() == [
        "data/events/2026/y.yaml:10:1: error unknown-field unknown key 'venue_notes' in an "
        "event (did you mean 'venue'?)",
        "1 file checked: 1 error, 0 warnings",
    ]


def test_warnings_pass_unless_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_dataset(tmp_path, {"data/events/2026/z.txt": "notes"})
    monkeypatch.chdir(tmp_path)
    assert run_wsg("validate", "--today", "2026-06-01").code == 0
    assert run_wsg("validate", "--today", "2026-06-01", "--strict").code == 1


def test_policy_severity_overrides_a_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wsg = (ROOT / "tests/examples-base/groups/wsg.yaml").read_text()
    make_dataset(
        tmp_path,
        {
            "data/groups/wsg.yaml": wsg + "policy:\n  severity: {unknown-group: warning}\n",
            "data/events/2026/x.yaml": BAD_EVENT,
        },
    )
    monkeypatch.chdir(tmp_path)
    result = run_wsg("validate", "--today", "2026-06-01")
    assert result.code == 0
    assert "warning unknown-group" in result.out


def test_file_rules_cannot_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wsg = (ROOT / "tests/examples-base/groups/wsg.yaml").read_text()
    make_dataset(
        tmp_path,
        {
            "data/groups/wsg.yaml": wsg
            + "policy:\n  severity: {stray-file: off, unknwn-group: off}\n"
        },
    )
    monkeypatch.chdir(tmp_path)
    result = run_wsg("validate", "--today", "2026-06-01")
    assert result.code == 1
    assert "'stray-file' is a file-level rule" in result.out
    assert "no rule is called 'unknwn-group' (did you mean 'unknown-group'?)" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "--data", "nowhere"], "wsg: no dataset found: nowhere is not a folder"),
        (["validate", "--today", "2026-02-30"], "wsg: --today '2026-02-30' is not a date"),
        (["validate", "--format", "xml"], "wsg: unknown format 'xml'"),
        (["validate", "missing.yaml"], "wsg: missing.yaml: no such file or folder"),
        (["validate", ""], "wsg: a PATH given is empty: name a file or folder of the dataset"),
        (["fmt", "--check", ""], "wsg: a PATH given is empty: name a file or folder of the"),
        (["show", "sg61"], "wsg: no event, group or topic is called 'sg61' (did you mean 'sg16'?)"),
        (
            ["rules", "yaml-syntx"],
            "wsg: no rule is called 'yaml-syntx' (did you mean 'yaml-syntax'?)",
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    bad_dataset: Path, args: list[str], message: str
) -> None:
    result = run_wsg(*args)
    assert result.code == 2
    assert result.err.startswith(message)
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err


def test_an_empty_path_never_means_the_current_folder(
    bad_dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From inside the dataset, ``""`` read as "." would check every file, saying nothing."""
    monkeypatch.chdir(bad_dataset / "data")
    for command in (["validate", ""], ["validate", "events", ""], ["fmt", "--check", ""]):
        result = run_wsg(*command)
        assert (result.code, result.out) == (2, ""), command
        assert result.err == (
            "wsg: a PATH given is empty: name a file or folder of the dataset, or none for all\n"
        )


def test_an_unexpected_failure_is_one_line_and_exit_3(
    bad_dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import engine

    def explode(dataset: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(engine, "check", explode)
    result = run_wsg("validate")
    assert result.code == 3
    assert result.err == "wsg: internal error: ZeroDivisionError: division by zero\n"


def test_the_bundled_dataset_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_wsg("validate", "--today", "2026-11-28")
    assert result.code == 0
    assert result.out.endswith("files checked: 0 errors, 0 warnings\n")


def test_the_bundled_dataset_has_no_errors_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("WSG_TODAY", raising=False)
    result = run_wsg("validate", "--format", "json")
    assert json.loads(result.out)["summary"]["errors"] == 0
    assert result.code == 0


def test_rules_lists_every_rule_and_documents_one(bad_dataset: Path) -> None:
    from wsg.rules import RULES

    listing = run_wsg("rules").out
    for rule_id in RULES:
        assert f"  {rule_id} " in listing
    one = run_wsg("rules", "unknown-group")
    assert one.code == 0
    assert one.out.startswith("unknown-group  [error]  section: References\n")
    assert "Passing `data/events/2026/demo.yaml`:" in one.out
    assert "Failing `data/events/2026/demo.yaml` (line 9, column 20):" in one.out


def test_list_filters_events(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_wsg("list", "events", "--status", "cancelled", "--format", "json")
    rows = json.loads(result.out)
    assert rows and {r["status"] for r in rows} == {"cancelled"}
    africa = json.loads(run_wsg("list", "--region", "africa", "--format", "json").out)
    assert {r["where"].split(", ")[1] for r in africa} <= {"KE", "RW", "EG", "UG", "SN", "NG"}
    text = run_wsg("list", "groups", "--kind", "advisory-group").out
    assert text.splitlines()[1].startswith("tsag ")
    bad = run_wsg("list", "events", "--status", "done")
    assert bad.code == 2 and "--status 'done' is not one of" in bad.err


def test_show_prints_an_event(bad_dataset: Path) -> None:
    text = run_wsg("show", "x")
    assert text.code == 0
    assert text.out.startswith("Workshop on AI\nx  ·  data/events/2026/x.yaml\n")
    document = json.loads(run_wsg("show", "x", "--format", "json").out)
    assert document["record"] == "event" and document["organizers"] == ["sg16", "sg9"]
    # a contact is a functional address and published; a person's email never is
    assert document["contact"] == {"name": "TSB", "email": "tsb@example.org"}


def test_version() -> None:
    result = run_wsg("--version")
    assert result.code == 0 and result.out.startswith("wsg ")
