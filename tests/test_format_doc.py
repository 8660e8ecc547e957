"""docs/format.md: its tables are the schema's, every key is documented, every recipe
validates, and the links from ``wsg rules`` land on a section. No browser needed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES_TODAY, ROOT, findings_for, run_wsg
from wsg import formatdoc
from wsg.commands.rules import GUIDE, GUIDE_SECTIONS
from wsg.rules import RULES
from wsg.schema import RECORDS, json_schema

DOC_PATH = ROOT / "docs" / "format.md"
DOC = DOC_PATH.read_text(encoding="utf-8")


def test_the_committed_tables_are_the_generated_ones() -> None:
    assert formatdoc.generate(DOC) == DOC, "run: python -m wsg.formatdoc"


def test_every_record_kind_has_its_tables() -> None:
    assert sorted(formatdoc.generated_kinds(DOC)) == sorted(RECORDS)


def test_a_stale_table_is_found_and_rewritten(tmp_path: Path) -> None:
    stale = tmp_path / "format.md"
    stale.write_text(DOC.replace("| `venue.city` |", "| `venue.town` |"), encoding="utf-8")
    assert formatdoc.main(["--check", str(stale)]) == 1
    assert formatdoc.main([str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == DOC


def _schema_keys(schema: dict[str, Any], prefix: str, title: str) -> set[tuple[str, str]]:
    """(table title, dotted key) of every key a JSON Schema object declares: mappings
    inside it are dotted keys of its table, list items get a table of their own."""
    found: set[tuple[str, str]] = set()
    for name, spec in schema.get("properties", {}).items():
        key = f"{prefix}{name}"
        found.add((title, key))
        if spec.get("type") == "object" and "properties" in spec:
            found |= _schema_keys(spec, f"{key}.", title)
        items = spec.get("items", {})
        if spec.get("type") == "array" and "properties" in items:
            found |= _schema_keys(items, "", items["title"].lower())
    return found


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_every_key_wsg_schema_knows_is_documented(kind: str) -> None:
    schema = json_schema(kind)
    documented = formatdoc.tables_by_title(DOC)
    every = set()
    for title, keys in documented.items():
        every |= {(title, key) for key in keys}
    wsg_only = kind == "wsg"
    group_keys = _schema_keys(json_schema("group"), "", "a group") if wsg_only else set()
    for title, key in sorted(_schema_keys(schema, "", schema["title"].lower())):
        if wsg_only and ("a group", key) in group_keys:
            title = "a group"  # the WSG's file has every key of a group, documented there
        assert (title, key) in every, f"{key!r} of {title} is not in docs/format.md"


def test_every_later_requirement_names_a_rule_and_a_key() -> None:
    titles = {r.title: r for r in _records()}
    for (title, key), (_, rule) in formatdoc.LATER_REQUIREMENTS.items():
        assert rule in RULES, rule
        assert key in titles[title].by_name, (title, key)


def _records() -> list[Any]:
    from wsg.kinds import ListOf, Record

    seen: dict[int, Record] = {}
    todo: list[Record] = list(RECORDS.values())
    while todo:
        record = todo.pop()
        if id(record) in seen:
            continue
        seen[id(record)] = record
        for spec in record.fields:
            kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
            if isinstance(kind, Record):
                todo.append(kind)
    return list(seen.values())


# --- every YAML block is a file that validates ------------------------------------


@dataclass
class Section:
    heading: str
    today: date = EXAMPLES_TODAY
    files: dict[str, str] = field(default_factory=dict)


def sections(document: str) -> list[Section]:
    """The YAML files of each section (## or ###) of the guide, with its today."""
    found: list[Section] = []
    current = Section("(top)")
    pending: str | None = None
    lines = iter(document.splitlines())
    for line in lines:
        if line.startswith(("## ", "### ")):
            current = Section(line.lstrip("# "))
            found.append(current)
        elif match := re.fullmatch(r"<!-- file: (\S+) -->", line):
            pending = match[1]
        elif match := re.fullmatch(r"<!-- today: (\S+) -->", line):
            current.today = date.fromisoformat(match[1])
        elif line == "```yaml":
            body = []
            for inner in lines:
                if inner == "```":
                    break
                body.append(inner)
            assert pending, f"a yaml block in {current.heading!r} says no file"
            current.files[pending] = "\n".join(body) + "\n"
            pending = None
    return [s for s in found if s.files]


SECTIONS = sections(DOC)


def test_the_recipes_are_all_there() -> None:
    headings = {s.heading for s in SECTIONS}
    assert {
        "Events",
        "Postpone an event",
        "Cancel an event",
        "Mark an event held and publish its outcomes",
        "Replace a vice-chairman mid-term",
        "Close a group",
        "Add a theme",
    } <= headings
    assert "### Add an event with a programme" in DOC


@pytest.mark.parametrize("section", SECTIONS, ids=[s.heading for s in SECTIONS])
def test_every_yaml_block_validates_without_a_finding(tmp_path: Path, section: Section) -> None:
    findings = findings_for(tmp_path, dict(section.files), today=section.today)
    assert [(f.file, f.line, f.rule, f.message) for f in findings] == []


@pytest.mark.parametrize("section", SECTIONS, ids=[s.heading for s in SECTIONS])
def test_every_yaml_block_is_canonical(tmp_path: Path, section: Section) -> None:
    """What the guide shows is what ``wsg fmt`` would leave: copying it keeps files tidy."""
    from wsg.canonical import canonical
    from wsg.schema import EVENT, GROUP, WSG_GROUP

    for path, text in section.files.items():
        kind = EVENT if "/events/" in path else WSG_GROUP if path.endswith("wsg.yaml") else GROUP
        assert canonical(text, kind).text == text, path


# --- links from wsg rules -------------------------------------------------------------


def _anchors(document: str) -> set[str]:
    """GitHub's anchors for the headings of ``document``."""
    anchors = set()
    for heading in re.findall(r"^#{1,4} (.+)$", document, re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        anchors.add(slug)
    return anchors


def test_every_guide_link_of_the_rules_lands_on_a_section() -> None:
    anchors = _anchors(DOC)
    assert set(GUIDE_SECTIONS) <= set(RULES)
    for rule, anchor in GUIDE_SECTIONS.items():
        assert anchor in anchors, (rule, anchor)


def test_rules_prints_the_guide_section() -> None:
    result = run_wsg("rules", "closed-group")
    assert result.code == 0
    assert result.out.endswith(f"Format guide: {GUIDE}#close-a-group\n")
    assert "Format guide" not in run_wsg("rules", "unknown-field").out  # no section for it
