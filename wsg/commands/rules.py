"""``wsg rules [RULE]``: every rule with its severity, or one rule's documentation."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from wsg.errors import WsgError
from wsg.kinds import did_you_mean
from wsg.rules import FILE_RULES, RULES, SECTIONS
from wsg.terminal import Column, table, text, width_of, write

if TYPE_CHECKING:
    from rich.console import RenderableType

SEVERITY_STYLES = {"error": "red", "warning": "yellow", "info": "cyan"}
GUIDE = "docs/format.md"
_SECTIONS_OF = {
    "layout": "yaml-syntax duplicate-key yaml-feature nesting-depth not-a-mapping "
    "file-encoding file-too-large id-mismatch wrong-folder stray-file duplicate-id",
    "values": "wrong-type bad-id bad-date bad-time bad-timezone bad-country bad-language "
    "bad-url insecure-url bad-number date-order timezone-country",
    "groups": "unknown-group region-mismatch not-a-member-state same-country",
    "the-wsgs-own-file": "missing-wsg budget-overcommitted",
    "topics": "topic-stale topic-without-event topic-event-mismatch",
    "postpone-an-event": "unknown-event",
    "add-a-theme": "unknown-theme",
    "close-a-group": "closed-group",
    "add-an-event-with-a-programme": "day-outside-event duplicate-day session-order "
    "session-overlap speaker-country-missing",
    "the-lifecycle": "missing-approval missing-announcement stale-status late-announcement "
    "missing-programme",
    "cancel-an-event": "missing-cancellation",
    "mark-an-event-held-and-publish-its-outcomes": "held-in-future missing-participation "
    "participation-mismatch outcomes-overdue presentations-overdue outcome-before-event "
    "liaison-without-recipient outcome-in-future fellowships-mismatch",
    "replace-a-vice-chairman-mid-term": "missing-chairman seat-vacant seat-overlap seat-gap "
    "region-missing",
}
# rule -> the section of the format guide that shows how to get it right
GUIDE_SECTIONS = {
    rule: anchor
    for anchor, rules in _SECTIONS_OF.items()
    for rule in rules.split()
    if rule in RULES
}


def _columns(ids: list[str]) -> tuple[Column, ...]:
    """The columns of every section's table, as wide in each (the header sets the width)."""
    return (
        Column("id", "rule".ljust(max(map(len, ids))), style=lambda _: "bold"),
        Column("severity", "default", style=lambda value: SEVERITY_STYLES.get(value, "")),
        Column("summary", "when", flexible=True),
    )


EXAMPLES_NOTE = (
    "Examples run in a small dataset (groups wsg, tsag, sg16, sg17, and fg-ai4h, closed on "
    "2023-09-30; themes ai and security; events ai-day, cancelled, and ai-forum, held; topic "
    "ai-agents) with today = 2026-06-01."
)


def run(rule_id: str | None, output_format: str, out: TextIO) -> int:
    if output_format not in ("text", "json"):
        raise WsgError(f"unknown format {output_format!r}; choose text or json")
    if rule_id is not None and rule_id not in RULES:
        raise WsgError(f"no rule is called {rule_id!r}{did_you_mean(rule_id, RULES)}")
    chosen = (
        [RULES[rule_id]]
        if rule_id
        else [r for s in SECTIONS for r in RULES.values() if r.section == s]
    )
    if output_format == "json":
        document = [
            {
                "rule": r.id,
                "severity": r.severity,
                "section": r.section,
                "adjustable": r.id not in FILE_RULES,
                "summary": r.summary,
                "documentation": r.doc,
            }
            for r in chosen
        ]
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return 0
    if rule_id is not None:
        rule = chosen[0]
        fixed = " (file-level: policy.severity cannot change it)" if rule.id in FILE_RULES else ""
        heading = text(f"{rule.id}  ", "bold")
        heading.append(f"[{rule.severity}{fixed}]", SEVERITY_STYLES.get(rule.severity, ""))
        heading.append(f"  section: {rule.section}")
        doc = [heading, text(""), text(rule.doc.replace("``", "`")), text(""), text(EXAMPLES_NOTE)]
        if rule.id in GUIDE_SECTIONS:
            doc.append(text(f"Format guide: {GUIDE}#{GUIDE_SECTIONS[rule.id]}"))
        write(out, *doc)
        return 0
    width = width_of(out)
    inner = None if width is None else width - 2
    from rich.padding import Padding

    columns = _columns([r.id for r in chosen])
    parts: list[RenderableType] = []
    for section in SECTIONS:
        rows = [
            {"id": r.id, "severity": r.severity, "summary": r.summary.replace("``", "`")}
            for r in chosen
            if r.section == section
        ]
        if rows:
            if parts:
                parts.append(text(""))
            parts += [
                text(section, "bold"),
                Padding(table(columns, rows, inner, wrap=True), (0, 0, 0, 2)),
            ]
    parts += [
        text(""),
        text("`wsg rules RULE` documents one rule with a passing and a failing example."),
    ]
    write(out, *parts)
    return 0
