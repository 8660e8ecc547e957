"""The rule ids and default severities of RULES.md are a contract: stable forever."""

from __future__ import annotations

import dataclasses

import pytest

from wsg.rules import FILE_RULES, RULES, SECTIONS

# Copied from the product contract (RULES.md), section by section.
SPEC = {
    "File": {
        "yaml-syntax": "error",
        "duplicate-key": "error",
        "yaml-feature": "error",
        "not-a-mapping": "error",
        "file-encoding": "error",
        "file-too-large": "error",
        "id-mismatch": "error",
        "wrong-folder": "error",
        "stray-file": "warning",
    },
    "Schema": {
        "missing-field": "error",
        "unknown-field": "error",
        "wrong-type": "error",
        "bad-value": "error",
        "bad-id": "error",
        "bad-date": "error",
        "bad-time": "error",
        "bad-timezone": "error",
        "bad-country": "error",
        "bad-language": "error",
        "bad-url": "error",
        "insecure-url": "warning",
        "bad-number": "error",
    },
    "References": {
        "duplicate-id": "error",
        "unknown-group": "error",
        "unknown-theme": "error",
        "missing-wsg": "error",
        "closed-group": "error",
        "unknown-event": "error",
    },
    "Dates and programme": {
        "date-order": "error",
        "day-outside-event": "error",
        "duplicate-day": "error",
        "session-order": "error",
        "session-overlap": "error",
        "speaker-country-missing": "warning",
        "timezone-country": "warning",
        "outcome-in-future": "error",
    },
    "Lifecycle and dissemination": {
        "missing-approval": "error",
        "missing-announcement": "error",
        "missing-cancellation": "error",
        "held-in-future": "error",
        "stale-status": "warning",
        "late-announcement": "warning",
        "missing-programme": "warning",
        "missing-participation": "warning",
        "participation-mismatch": "warning",
        "outcomes-overdue": "warning",
        "presentations-overdue": "warning",
        "outcome-before-event": "error",
        "liaison-without-recipient": "error",
        "fellowships-mismatch": "warning",
        "budget-overcommitted": "warning",
    },
    "Technology watch": {
        "topic-stale": "warning",
        "topic-without-event": "error",
        "topic-event-mismatch": "warning",
    },
}
# RULES.md's closed-group (References), timezone-country and outcome-in-future (Dates and
# programme) are pinned with the rules themselves, on the branch that adds them.
# Added by this project (RULES.md allows more rules): documented like the others.
ADDED = {"nesting-depth": ("File", "error")}


@pytest.mark.parametrize(
    ("section", "rule_id", "severity"),
    [(s, r, sev) for s, rules in SPEC.items() for r, sev in rules.items()],
)
def test_spec_rule_is_registered_with_its_id_section_and_severity(
    section: str, rule_id: str, severity: str
) -> None:
    rule = RULES[rule_id]
    assert (rule.section, rule.severity) == (section, severity)


def test_sections_are_listed_in_the_order_of_rules_md() -> None:
    assert (*SPEC, "Management team and regional balance") == SECTIONS


def test_file_rules_are_exactly_the_file_section() -> None:
    assert {*SPEC["File"], "nesting-depth"} == FILE_RULES


def test_no_rule_outside_the_spec_but_documented_additions() -> None:
    spec_ids = {r for rules in SPEC.values() for r in rules}
    management = {r for r, rule in RULES.items() if rule.section.startswith("Management")}
    assert set(RULES) - spec_ids - management == set(ADDED)


def test_a_registered_rule_cannot_be_changed_in_place() -> None:
    """policy.severity is looked up per run; the registry every run reads stays as RULES.md says."""
    rule = RULES["stray-file"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.severity = "error"  # type: ignore[misc]
    assert RULES["stray-file"].severity == "warning"
