"""Docs as tests: every rule's documented examples behave as documented.

Each rule's docstring holds a passing and a failing example; the failing one
names the line and column of its finding. Both run here in the small examples
dataset with today = 2026-06-01, and must raise nothing but the rule itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import findings_for
from wsg.ruledocs import Example, examples
from wsg.rules import RULES

# Rules whose failing example cannot be shown inline (tested in test_loader.py).
PROSE_ONLY_FAILING = {"file-too-large"}

CASES = [
    pytest.param(rule_id, example, id=f"{rule_id}-{'pass' if example.passing else 'fail'}{n}")
    for rule_id, rule in RULES.items()
    for n, example in enumerate(examples(rule.doc))
]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_documents_a_passing_and_a_failing_example(rule_id: str) -> None:
    found = examples(RULES[rule_id].doc)
    assert any(e.passing for e in found), f"{rule_id} has no passing example"
    if rule_id not in PROSE_ONLY_FAILING:
        failing = [e for e in found if not e.passing]
        assert failing, f"{rule_id} has no failing example"
        assert all(e.line and e.column for e in failing), f"{rule_id}: say where it fails"
    assert RULES[rule_id].summary.endswith("."), "the first line is a sentence"


@pytest.mark.parametrize(("rule_id", "example"), CASES)
def test_example_behaves_as_documented(tmp_path: Path, rule_id: str, example: Example) -> None:
    findings = findings_for(tmp_path, {example.path: example.text})
    found = [(f.rule, f.line, f.column) for f in findings]
    if example.passing:
        assert found == []
    else:
        assert found == [(rule_id, example.line, example.column)]
