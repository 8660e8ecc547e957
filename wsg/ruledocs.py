"""A rule's documentation, split into its prose and its runnable examples.

Examples are written in the rule's docstring as::

    Passing ``data/events/2026/demo.yaml``::
    Failing ``data/events/2026/demo.yaml`` (line 9, column 20)::
    Failing without ``data/groups/wsg.yaml`` (line 1, column 1).

followed by the file's text, indented. Tests run every example, so the
documentation cannot drift from the behaviour.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

_HEADER = re.compile(
    r"^(?P<verdict>Passing|Failing)(?P<without> without)?[^`\n]*``(?P<path>[^`]+)``"
    r"(?: \(line (?P<line>\d+), column (?P<column>\d+)\))?(?P<block>::|\.)$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Example:
    passing: bool
    path: str
    text: str | None  # None: the file is absent
    line: int | None = None
    column: int | None = None


def examples(doc: str) -> list[Example]:
    found = []
    for match in _HEADER.finditer(doc):
        text: str | None = None
        if match["block"] == "::":
            rest = doc[match.end() + 1 :]
            lines = []
            for line in rest.splitlines():
                if line.strip() and not line.startswith("    "):
                    break
                lines.append(line)
            text = textwrap.dedent("\n".join(lines)).strip("\n") + "\n"
        if match["without"]:
            text = None
        found.append(
            Example(
                passing=match["verdict"] == "Passing",
                path=match["path"],
                text=text,
                line=int(match["line"]) if match["line"] else None,
                column=int(match["column"]) if match["column"] else None,
            )
        )
    return found
