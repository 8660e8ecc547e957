"""``wsg rules [RULE]``: every rule with its severity, or one rule's documentation."""

from __future__ import annotations

import json
from typing import TextIO

from wsg.errors import WsgError
from wsg.kinds import did_you_mean
from wsg.rules import FILE_RULES, RULES, SECTIONS

EXAMPLES_NOTE = (
    "Examples run in a small dataset (groups wsg, tsag, sg16, sg17; themes ai and security; "
    "events ai-day, cancelled, and ai-forum, held; topic ai-agents) with today = 2026-06-01."
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
        out.write(f"{rule.id}  [{rule.severity}{fixed}]  section: {rule.section}\n\n")
        out.write(rule.doc.replace("``", "`") + "\n\n" + EXAMPLES_NOTE + "\n")
        return 0
    width = max(len(r.id) for r in chosen)
    section = None
    for rule in chosen:
        if rule.section != section:
            section = rule.section
            out.write(("\n" if rule is not chosen[0] else "") + f"{section}\n")
        summary = rule.summary.replace("``", "`")
        out.write(f"  {rule.id:<{width}}  {rule.severity:<7}  {summary}\n")
    out.write("\n`wsg rules RULE` documents one rule with a passing and a failing example.\n")
    return 0
