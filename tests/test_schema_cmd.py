"""``wsg schema``: JSON Schema (2020-12) from the validator's own definitions, for editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT, run_wsg

from wsg.ruledocs import examples
from wsg.rules import RULES
from wsg.schema import RECORDS
from wsg.yamltree import Mapping, Node, Sequence, parse, yaml_type

Validator = jsonschema.Draft202012Validator
BUNDLED = sorted((ROOT / "data").rglob("*.yaml"))
SCHEMA_RULES = [rule for rule in RULES.values() if rule.section == "Schema"]


def schema_of(kind: str) -> dict[str, Any]:
    result = run_wsg("schema", "--kind", kind)
    assert result.code == 0, result.err
    document: dict[str, Any] = json.loads(result.out)
    return document


def validator(kind: str) -> jsonschema.protocols.Validator:
    return Validator(schema_of(kind), format_checker=Validator.FORMAT_CHECKER)


def as_json(node: Node) -> Any:
    """A YAML node as the JSON an editor checks: YAML 1.2 core types, dates stay strings."""
    if isinstance(node, Mapping):
        return {key.value: as_json(value) for key, value in node.pairs}
    if isinstance(node, Sequence):
        return [as_json(item) for item in node.items]
    kind = yaml_type(node)
    value = node.value  # type: ignore[attr-defined]
    if kind == "null":
        return None
    if kind == "boolean":
        return value.lower() == "true"
    if kind == "integer":
        return int(value, 0)
    if kind == "number":
        return float(value)
    return value


def load_json(text: bytes) -> Any:
    tree, problems = parse(text)
    assert problems == [] and tree is not None
    return as_json(tree)


def kind_of(path: Path) -> str:
    if "topics" in path.parts:
        return "topic"
    return "event" if "events" in path.parts else "wsg" if path.name == "wsg.yaml" else "group"


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_each_kind_is_a_valid_2020_12_schema_with_descriptions(kind: str) -> None:
    schema = schema_of(kind)
    Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"]) == [spec.name for spec in RECORDS[kind].fields]
    assert all(prop.get("description") for prop in schema["properties"].values())


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_the_schema_accepts_every_bundled_record(path: Path) -> None:
    errors = [
        error.message
        for error in validator(kind_of(path)).iter_errors(load_json(path.read_bytes()))
    ]
    assert errors == []


@pytest.mark.parametrize("rule", SCHEMA_RULES, ids=lambda r: r.id)
def test_the_schema_rejects_each_failing_example_of_the_schema_rules(rule: Any) -> None:
    check = validator("event")
    for example in examples(rule.doc):
        assert example.text is not None
        errors = list(check.iter_errors(load_json(example.text.encode("utf-8"))))
        if example.passing or rule.severity != "error":
            # a warning (insecure-url) leaves the record valid, for the schema too
            assert errors == [], (rule.id, [e.message for e in errors])
        else:
            assert errors, f"the schema accepts the failing example of {rule.id}"


def test_an_unknown_kind_is_one_line_exit_2() -> None:
    result = run_wsg("schema", "--kind", "evnt")
    assert result.code == 2
    assert "unknown record kind 'evnt' (did you mean 'event'?)" in result.err


def test_the_output_is_stable() -> None:
    assert run_wsg("schema", "--kind", "event").out == run_wsg("schema", "--kind", "event").out
