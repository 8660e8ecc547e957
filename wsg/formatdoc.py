"""The key tables of ``docs/format.md``, generated from the declarations in ``wsg.schema``.

The guide's prose and examples are written by hand; between the markers

    <!-- generated: KIND -->
    <!-- end generated -->

this module writes the table of every key of the record kind KIND (``event``,
``group``, ``wsg`` …, the keys of ``wsg.schema.RECORDS``), with the mappings and
lists of mappings inside it, so the tables cannot drift from what the validator
accepts. ``python -m wsg.formatdoc`` rewrites the file; ``--check`` only says
whether it would change (the test suite runs the check).

What a key needs from a status on (``approval`` from approved) is checked by a
lifecycle rule, not by the schema: ``LATER_REQUIREMENTS`` names the rule, and the
tests check that the rule exists.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from wsg.kinds import (
    Bool,
    Count,
    CountByCountry,
    Country,
    Currency,
    Date,
    Email,
    Enum,
    Field,
    Kind,
    Language,
    ListOf,
    Record,
    SeverityMap,
    Slug,
    Text,
    Time,
    Timezone,
    Url,
)

MARKER = re.compile(
    r"(?P<start><!-- generated: (?P<kind>[a-z-]+) -->\n)(?P<body>.*?)"
    r"(?P<end><!-- end generated -->)",
    re.S,
)

# (record title, dotted key) -> when a lifecycle rule requires it, and the rule's id
LATER_REQUIREMENTS: dict[tuple[str, str], tuple[str, str]] = {
    ("an event", "approval"): ("from status approved on", "missing-approval"),
    ("an event", "announcement"): ("from status announced on", "missing-announcement"),
    ("an event", "cancellation"): ("when cancelled", "missing-cancellation"),
    ("an event", "programme"): ("expected from announced on", "missing-programme"),
    ("an event", "participation"): ("expected once held", "missing-participation"),
    ("an event", "outcomes"): (
        "a report expected once held, within outcomes_due_days",
        "outcomes-overdue",
    ),
    ("an outcome", "to"): ("for a liaison", "liaison-without-recipient"),
    ("a management seat", "region"): (
        "for a vice-chairman of a regional_balance group",
        "region-missing",
    ),
    ("a speaker", "country"): ("recommended", "speaker-country-missing"),
    ("a topic", "events"): ("from status scheduled on", "topic-without-event"),
}


@dataclass(frozen=True)
class Row:
    key: str
    type: str
    required: str
    meaning: str


def type_of(kind: Kind) -> str:
    """What a value of ``kind`` is, in words, with its allowed values."""
    if isinstance(kind, Enum):
        return "one of " + ", ".join(f"`{value}`" for value in kind.values)
    if isinstance(kind, ListOf):
        least = f", at least {kind.min_items}" if kind.min_items else ""
        if isinstance(kind.item, Record):
            return f"list of mappings: {kind.item.title}{least}"
        return f"list of {_plural(type_of(kind.item))}{least}"
    if isinstance(kind, Record):
        return f"mapping: {kind.title}"
    simple: list[tuple[type, str]] = [
        (Slug, "id (lowercase slug)"),
        (Email, "email address"),
        (Currency, "ISO 4217 currency code (`CHF`)"),
        (Timezone, "IANA time zone (`Europe/Zurich`)"),
        (Country, "country code (ISO 3166-1 alpha-2, `KE`)"),
        (Language, "language code (ISO 639-1, `fr`)"),
        (Url, "URL (`https://…`)"),
        (Text, "text"),
        (Date, "date (`YYYY-MM-DD`)"),
        (Time, 'time (`"HH:MM"`, 24 h)'),
        (Bool, "`true` or `false`"),
        (CountByCountry, "mapping of country code to whole number"),
        (SeverityMap, "mapping of rule id to `error`, `warning`, `info` or `off`"),
    ]
    for cls, words in simple:
        if isinstance(kind, cls):
            return words
    if isinstance(kind, Count):
        return "whole number, 0 or more" if kind.whole else "number, 0 or more"
    return kind.label


def _plural(words: str) -> str:
    first, _, rest = words.partition(" ")
    plural = {"id": "ids", "text": "texts", "country": "country", "language": "language"}
    return f"{plural.get(first, first)} {rest}".strip()


def _required(record: Record, spec: Field) -> str:
    if spec.required is True:
        text = "yes"
    elif callable(spec.required):
        why = (spec.required.__doc__ or "").strip().splitlines()
        text = why[0].rstrip(".") if why else "in some cases"
        text = text[:1].lower() + text[1:]
    else:
        text = ""
    later = LATER_REQUIREMENTS.get((record.title, spec.name))
    if later is not None:
        when, rule = later
        text = f"{when} (rule `{rule}`)"
    return text


def rows(
    record: Record, prefix: str = "", skip: frozenset[int] = frozenset()
) -> tuple[list[Row], list[Record]]:
    """The rows of ``record``'s table (mappings inside it as dotted keys) and the records
    of its lists of mappings, which get tables of their own; fields in ``skip`` (by
    identity: those another table already lists) are left out."""
    found: list[Row] = []
    nested: list[Record] = []
    for spec in record.fields:
        if id(spec) in skip:
            continue
        key = f"{prefix}{spec.name}"
        meaning = spec.doc or spec.kind.doc
        found.append(Row(key, type_of(spec.kind), _required(record, spec), meaning))
        if isinstance(spec.kind, Record):
            inner, more = rows(spec.kind, f"{key}.")
            found += inner
            nested += more
        elif isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Record):
            nested.append(spec.kind.item)
    return found, nested


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(record: Record, skip: frozenset[int] = frozenset()) -> tuple[str, list[Record]]:
    found, nested = rows(record, skip=skip)
    lines = ["| key | type | required | meaning |", "|---|---|---|---|"]
    lines += [
        f"| `{r.key}` | {_cell(r.type)} | {_cell(r.required)} | {_cell(r.meaning)} |" for r in found
    ]
    return "\n".join(lines) + "\n", nested


TITLE = "**{title}**\n\n"


def section(kind: str, records: dict[str, Record], shown: set[int]) -> str:
    """The tables of record kind ``kind``: its own keys (those no earlier table listed),
    then, depth first, each kind of list item that no earlier table listed, once."""
    parts: list[str] = []

    def visit(current: Record) -> None:
        if id(current) in shown:
            return
        shown.add(id(current))
        text, nested = table(current, frozenset(shown))
        shown.update(id(spec) for spec in current.fields)
        parts.append(TITLE.format(title=current.title.capitalize()) + text)
        for inner in nested:
            visit(inner)

    visit(records[kind])
    return "\n".join(parts)


def tables_by_title(document: str) -> dict[str, set[str]]:
    """The keys each generated table lists, by the title above it (lower case)."""
    found: dict[str, set[str]] = {}
    for match in MARKER.finditer(document):
        for block in re.split(r"^\*\*", match["body"], flags=re.M)[1:]:
            title, _, rest = block.partition("**")
            keys = found.setdefault(title.lower(), set())
            keys.update(re.findall(r"^\| `([^`]+)` \|", rest, re.M))
    return found


def generate(document: str, records: dict[str, Record] | None = None) -> str:
    """``document`` with every generated section written anew."""
    if records is None:
        from wsg.schema import RECORDS

        records = RECORDS
    shown: set[int] = set()

    def fill(match: re.Match[str]) -> str:
        kind = match["kind"]
        if kind not in records:
            raise ValueError(f"docs/format.md names no record kind {kind!r}")
        return f"{match['start']}\n{section(kind, records, shown)}\n{match['end']}"

    return MARKER.sub(fill, document)


def generated_kinds(document: str) -> list[str]:
    return [match["kind"] for match in MARKER.finditer(document)]


def main(arguments: list[str]) -> int:
    """``python -m wsg.formatdoc [--check] [FILE]`` (default: docs/format.md here)."""
    check = "--check" in arguments
    paths = [a for a in arguments if not a.startswith("-")]
    path = Path(paths[0]) if paths else Path("docs") / "format.md"
    text = path.read_text(encoding="utf-8")
    fresh = generate(text)
    if fresh == text:
        return 0
    if check:
        print(f"{path} is out of date: run python -m wsg.formatdoc", file=sys.stderr)
        return 1
    path.write_text(fresh, encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
