"""``wsg validate --format sarif|junit``: valid against their schemas, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import EXAMPLES_TODAY, import_or_skip, make_dataset, run_wsg

from wsg.rules import RULES

etree = import_or_skip("lxml.etree", "lxml validates the JUnit XSD (a test dependency)")

SCHEMAS = Path(__file__).resolve().parent / "schemas"
TODAY = EXAMPLES_TODAY.isoformat()

BAD_EVENT = """\
id: demo
title: Workshop on AI
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: virtual
organizers: [sg99]
themes: [ai]
announcement: {date: 2026-06-01, url: http://www.itu.int/go/demo}
"""
BAD_PATH = "data/events/2026/demo.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    # a stray file whose name needs percent-encoding in a URI
    return make_dataset(tmp_path, {BAD_PATH: BAD_EVENT, "data/events/2026/read me.txt": "notes"})


def validate(data: Path, output_format: str, *paths: str) -> tuple[int, str]:
    result = run_wsg(
        "validate", *paths, "--format", output_format, "--data", str(data), "--today", TODAY
    )
    return result.code, result.out


def findings(data: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(validate(data, "json")[1])["findings"]
    return found


def test_sarif_is_valid_and_holds_every_finding(data: Path) -> None:
    code, out = validate(data, "sarif")
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(log)
    assert code == 1
    (run,) = log["runs"]
    results = run["results"]
    expected = findings(data)
    assert [(r["ruleId"], r["message"]["text"]) for r in results] == [
        (f["rule"], f["message"]) for f in expected
    ]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [r["level"] for r in results] == [levels[f["severity"]] for f in expected]
    for result, finding in zip(results, expected, strict=True):
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        uri = finding["file"].replace(" ", "%20")
        assert physical["artifactLocation"] == {"uri": uri, "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {
            "startLine": finding["line"],
            "startColumn": finding["column"],
        }


def test_sarif_describes_every_rule_and_indexes_results_into_them(data: Path) -> None:
    run = json.loads(validate(data, "sarif")[1])["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert sorted(rule["id"] for rule in rules) == sorted(RULES)
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert "helpUri" not in rule
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_is_stable(data: Path) -> None:
    assert validate(data, "sarif")[1] == validate(data, "sarif")[1]


def junit(data: Path, *paths: str) -> Any:
    _, out = validate(data, "junit", *paths)
    document = etree.fromstring(out.encode("utf-8"))
    etree.XMLSchema(etree.parse(str(SCHEMAS / "junit.xsd"))).assertValid(document)
    return document


def test_junit_is_valid_with_one_testcase_per_checked_file(data: Path) -> None:
    document = junit(data)
    (suite,) = document.findall("testsuite")
    cases = suite.findall("testcase")
    files = sorted(p for p in data.rglob("*") if p.is_file())
    assert [case.get("name") for case in cases] == [
        p.relative_to(data.parent).as_posix() for p in files
    ]
    assert suite.get("tests") == str(len(cases))


def test_junit_errors_are_failures_and_warnings_are_output(data: Path) -> None:
    suite = junit(data).find("testsuite")
    (case,) = [c for c in suite.findall("testcase") if c.get("name") == BAD_PATH]
    expected = findings(data)
    errors = [f for f in expected if f["file"] == BAD_PATH and f["severity"] == "error"]
    warnings = [f for f in expected if f["file"] == BAD_PATH and f["severity"] != "error"]
    assert [(x.get("type"), x.get("message")) for x in case.findall("failure")] == [
        (f["rule"], f["message"]) for f in errors
    ]
    assert warnings, "the example needs a warning (insecure-url)"
    output = case.findtext("system-out")
    assert all(f["message"] in output for f in warnings)
    failed = {c.get("name") for c in suite.findall("testcase") if c.find("failure") is not None}
    assert suite.get("failures") == str(len(failed))


def test_junit_for_given_paths_has_only_their_testcases(data: Path) -> None:
    suite = junit(data, str(data.parent / BAD_PATH)).find("testsuite")
    assert [case.get("name") for case in suite.findall("testcase")] == [BAD_PATH]
