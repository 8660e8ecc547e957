"""Run every rule over a loaded dataset and stamp what they find."""

from __future__ import annotations

from dataclasses import replace

from wsg.dataset import Dataset
from wsg.findings import Finding
from wsg.rules import FILE_RULES, RULES


def check(dataset: Dataset) -> list[Finding]:
    """All findings of the dataset, severities as the policy sets them, sorted."""
    overrides = dataset.policy.severity
    findings: list[Finding] = []

    def severity_of(rule_id: str) -> str:
        if rule_id in FILE_RULES:
            return RULES[rule_id].severity
        return overrides.get(rule_id, RULES[rule_id].severity)

    for source in dataset.files:
        for rule_id, line, column, message in source.problems:
            findings.append(
                Finding(source.rel, line, column, rule_id, severity_of(rule_id), message)
            )
    for rule in RULES.values():
        if rule.check is None:
            continue
        severity = severity_of(rule.id)
        if severity == "off":
            continue
        for loc, message in rule.check(dataset):
            findings.append(Finding(loc.file, loc.line, loc.column, rule.id, severity, message))
    return sorted(_one_line(f) for f in findings if f.severity != "off")


def _one_line(finding: Finding) -> Finding:
    """A finding whose message quotes a newline or a bidi override shows it escaped: one
    line a finding, and no text from the data that can pose as a finding of its own."""
    if finding.message.isprintable():
        return finding
    message = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in finding.message)
    return replace(finding, message=message)
