"""The canonical form of a record file: what ``wsg fmt`` writes and ``wsg new`` creates.

ruamel.yaml's round trip keeps comments and the author's words. Plain scalars
stay the text they were, as in ``wsg.yamltree``: the format, not YAML's
implicit typing, decides what a value means, so ``2026-02-30`` or ``NO`` pass
through untouched. On top of that the canonical form fixes:

- key order: as ``wsg.schema`` lists the fields; unknown keys last, in their order;
- two-space indentation, list items indented under their key;
- times double-quoted (``"09:30"``); country codes that YAML 1.1 reads as
  booleans or nulls (``"NO"``, ``"ON"``) double-quoted, other codes plain;
  dates plain;
- flow style (``[a, b]``, ``{k: v}``) kept where the author used it for a
  collection of scalars; a flow collection holding collections becomes block;
- no blank lines but one between programme days; no trailing spaces.

A result is used only if it parses cleanly, means exactly what the input meant
under YAML 1.2 and keeps every comment: the formatter can refuse, never alter
data. Directives (``%YAML 1.1``) and what else comes before the ``---`` that
must follow them are kept as they are. ruamel.yaml drops a comment inside a
flow collection (``[en, # english``); such a file is refused with a message
saying which comment and why.

Bounds: ruamel.yaml's pure-Python round trip costs about a hundred times
libyaml's parse, so a file is formatted only up to ``MAX_FORMAT_SIZE`` bytes
and ``MAX_FORMAT_NODES`` keys, values and collections, each well above any
record (the largest bundled file has about 1,500 nodes), and refused above
(``wsg validate`` still checks it). ``docs/limits.md`` has the numbers.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString
from ruamel.yaml.tokens import CommentToken

from wsg.kinds import CountByCountry, Country, Date, Kind, ListOf, Record, Time
from wsg.yamltree import Mapping, Node, Scalar, Sequence, parse, yaml_type

# Words a YAML 1.1 reader (PyYAML's default, many editors) takes for a boolean
# or a null: a country code among them must be quoted to stay a code.
YAML11_WORDS = re.compile(
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
    r"|on|On|ON|off|Off|OFF|~|null|Null|NULL"
)
_CODE = re.compile(r"[A-Z]{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EMPTY = re.compile(r"^$")
_NULL_TAG = "tag:yaml.org,2002:null"
_PROGRAMME = "programme"
_ROUNDS = 4
MAX_FORMAT_SIZE = 256 * 1024
MAX_FORMAT_NODES = 10_000
# A comment starts at a "#" at the start of a line or after a space, outside any scalar.
_COMMENT = re.compile(r"(?<![^ \t\n])#[^\n]*")
_DOCUMENT_START = re.compile(r"---[ \t]*(?:#[^\n]*)?")
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


class _TextResolver(VersionedResolver):
    """Every plain scalar is text as written; only an empty value is a null."""

    @property
    def versioned_resolver(self) -> dict[Any, Any]:
        # a fresh dict each time: ruamel extends the list it gets back
        return {"": [(_NULL_TAG, _EMPTY)]}


def _yaml() -> YAML:
    handler = YAML()
    handler.Resolver = _TextResolver
    handler.preserve_quotes = True
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 1 << 16  # never fold a long line: the author's line is the author's
    handler.allow_unicode = True
    return handler


@dataclass(frozen=True)
class Canonical:
    """The canonical text, or why there is none (``text`` is then ``None``)."""

    text: str | None
    problem: str = ""


def canonical(text: str, record: Record) -> Canonical:
    """``text`` (one record file of the ``record`` kind) in canonical form.

    Formatting repeats until the text is stable (ruamel places some comments
    differently once keys have moved): the canonical form of a canonical
    text is itself.
    """
    size = len(text.encode("utf-8"))
    if size > MAX_FORMAT_SIZE:
        return Canonical(None, _too_large(f"{size:,} bytes", f"{MAX_FORMAT_SIZE:,}"))
    head, body = _split_directives(text)
    if head is None:
        return Canonical(None, "a directive's '---' line holds more than '---'; left as it is")
    try:
        surveyed = _survey(text)
    except yaml.YAMLError as error:
        return Canonical(None, f"cannot be read for formatting: {_first_line(error)}")
    if surveyed.nodes > MAX_FORMAT_NODES:
        nodes = f"{surveyed.nodes:,} keys, values and lists"
        return Canonical(None, _too_large(nodes, f"{MAX_FORMAT_NODES:,}"))
    result = _canonical_body(body, record)
    if result.text is None:
        return result
    formatted = head + result.text
    lost = _lost_comment(surveyed, _survey(formatted))
    return Canonical(None, lost) if lost else Canonical(formatted)


def _too_large(amount: str, limit: str) -> str:
    return f"too large to format: {amount}, at most {limit} (wsg validate still checks it)"


def _split_directives(text: str) -> tuple[str | None, str]:
    """The directives (and comments) up to the ``---`` after them, and the rest.

    No directive: ``("", text)``. Anything else before the ``---``, or on its
    line: ``(None, text)``.
    """
    lines = _LINE.findall(text)
    first = next((n for n, line in enumerate(lines) if not _is_blank_or_comment(line)), None)
    if first is None or not lines[first].startswith("%"):
        return "", text
    for end in range(first, len(lines)):
        stripped = lines[end].strip()
        if stripped.startswith("---"):
            if not _DOCUMENT_START.fullmatch(stripped):
                return None, text
            head = "".join(f"{kept.rstrip()}\n" for kept in lines[: end + 1])
            return head, "".join(lines[end + 1 :])
        if not (stripped.startswith("%") or _is_blank_or_comment(stripped)):
            return None, text
    return None, text


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


@dataclass(frozen=True)
class _Survey:
    """What a text holds that formatting must keep or may not exceed."""

    comments: list[tuple[int, int, str]]  # where, on which line, and the text of each comment
    flows: list[tuple[int, int]]  # where each flow collection starts and ends
    nodes: int  # keys, values and collections


def _survey(text: str) -> _Survey:
    scalars: list[tuple[int, int]] = []
    flows: list[tuple[int, int]] = []
    opened: list[int | None] = []
    nodes = 0
    for event in yaml.parse(text, Loader=yaml.CBaseLoader):
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # libyaml marks every event
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            scalars.append((start.index, end.index))
            nodes += 1
        elif isinstance(event, yaml.CollectionStartEvent):
            opened.append(start.index if event.flow_style else None)
            nodes += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            began = opened.pop()
            if began is not None:
                flows.append((began, end.index))
    starts = [start for start, _ in scalars]
    comments = []
    for match in _COMMENT.finditer(text):
        at = match.start()
        inside = bisect_right(starts, at) - 1
        if inside >= 0 and at < scalars[inside][1]:
            continue  # a "#" in a value
        comments.append((at, match.group().rstrip()))
    return _Survey(
        comments=[(at, text.count("\n", 0, at) + 1, comment) for at, comment in comments],
        flows=flows,
        nodes=nodes,
    )


def _lost_comment(before: _Survey, after: _Survey) -> str:
    """Why formatting may not be used, if it loses a comment; else ""."""
    missing = Counter(c for _, _, c in before.comments) - Counter(c for _, _, c in after.comments)
    if not missing:
        return ""
    at, line, comment = next(found for found in before.comments if found[2] in missing)
    if any(start < at < end for start, end in before.flows):
        return (
            f"line {line}: the comment {comment!r} is inside [ ] or {{ }}, where fmt cannot "
            "keep it: move it out of the brackets, or write the list one item a line; "
            "left as it is"
        )
    return f"formatting would lose the comment {comment!r} (line {line}); left as it is"


def _canonical_body(text: str, record: Record) -> Canonical:
    """The canonical form of a document without directives."""
    before, _ = parse(text.encode("utf-8"))
    current = text
    for _ in range(_ROUNDS):
        result = _format_once(current, record)
        if result.text is None or result.text == current:
            break
        after, problems = parse(result.text.encode("utf-8"))
        if problems or before is None or after is None or _meaning(before) != _meaning(after):
            return Canonical(
                None, "formatting would change the data; left as it is (please report)"
            )
        current = result.text
    else:
        return Canonical(
            None, "no stable canonical form (comments in unusual places?); left as it is"
        )
    return result if result.text is None else Canonical(current)


def _format_once(text: str, record: Record) -> Canonical:
    try:
        tree = _yaml().load(text)
    except RuamelError as error:
        return Canonical(None, f"cannot be read for formatting: {_first_line(error)}")
    if not isinstance(tree, CommentedMap):
        return Canonical(None, "the file holds no mapping")
    try:
        _order_keys(tree, record, root=True)
        _block_nested_flow(tree)
        return Canonical(_tidy(dump(tree)))
    except Exception as error:  # ruamel's comment writer fails on some layouts: leave the file
        return Canonical(
            None, f"cannot be formatted ({type(error).__name__}: {_first_line(error)})"
        )


def dump(tree: CommentedMap) -> str:
    stream = io.StringIO()
    _yaml().dump(tree, stream)
    return stream.getvalue()


def mapping(pairs: list[tuple[str, Any]], flow: bool = False) -> CommentedMap:
    """A new mapping for ``wsg new``; ``flow`` writes it on one line."""
    node = CommentedMap(pairs)
    if flow:
        node.fa.set_flow_style()
    return node


def sequence(items: list[Any], flow: bool = False) -> CommentedSeq:
    node = CommentedSeq(items)
    if flow:
        node.fa.set_flow_style()
    return node


def text(value: str) -> str:
    """``value`` as a scalar that stays text: quoted where plain it would read as a number,
    a boolean or a null."""
    if not _reads_as_text(value):
        quoted: str = DoubleQuotedScalarString(value)
        return quoted
    return value


def _first_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _arrange(value: Any, kind: Kind) -> Any:
    """Order keys and fix the quoting of ``value`` as ``kind``; returns the new value."""
    if isinstance(kind, Record):
        if isinstance(value, CommentedMap):
            _order_keys(value, kind)
        return value
    if isinstance(kind, ListOf):
        if isinstance(value, CommentedSeq):
            for index, item in enumerate(value):
                value[index] = _arrange(item, kind.item)
        return value
    if isinstance(kind, CountByCountry):
        if isinstance(value, CommentedMap):
            _rebuild(value, [(_country(key), key) for key in value])
        return value
    if isinstance(kind, Time):
        # a plain 12.15 is a number (a wrong value, but the author's): quoting would change it
        if isinstance(value, str) and (type(value) is not str or _reads_as_text(value)):
            return DoubleQuotedScalarString(value)
        return value
    if isinstance(kind, Country):
        return _country(value)
    if isinstance(kind, Date):
        if isinstance(value, str) and _DATE.fullmatch(value):
            return PlainScalarString(value)
        return value
    return value


def _reads_as_text(plain: str) -> bool:
    return yaml_type(Scalar(plain, True, 1, 1)) == "string"


def _country(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = str(value)
    if YAML11_WORDS.fullmatch(text):
        return DoubleQuotedScalarString(text)
    if _CODE.fullmatch(text):
        return PlainScalarString(text)
    return value


def _order_keys(node: CommentedMap, record: Record, root: bool = False) -> None:
    position = {spec.name: index for index, spec in enumerate(record.fields)}
    keys = list(node)
    known = sorted(
        (k for k in keys if isinstance(k, str) and k in position), key=lambda k: position[k]
    )
    unknown = [k for k in keys if not (isinstance(k, str) and k in position)]
    order = known + unknown
    if keys != order:
        _move_comments(node, keys, order, root)
    _rebuild(node, [(key, key) for key in order])
    for key in known:
        node[key] = _arrange(node[key], record.by_name[key].kind)


def _move_comments(node: CommentedMap, keys: list[Any], order: list[Any], root: bool) -> None:
    """Whole comment lines stay with the key they precede; those after the last key stay last.

    ruamel keeps the lines before a key with the key (or list item) above it,
    so they are detached from there and attached to the new neighbour.
    """
    slots = {key: _last_slot(node, key) for key in keys}
    leading = {key: _detach_trailing(slots[above]) for above, key in pairwise(keys)}
    trailing = _detach_trailing(slots[keys[-1]])
    for above, key in pairwise(order):
        if leading.get(key):
            _append_trailing(slots[above], leading[key])
    first = leading.get(order[0])
    if first and root:
        if node.ca.comment is None:
            node.ca.comment = [None, []]
        node.ca.comment[1] = [
            *(node.ca.comment[1] or []),
            CommentToken(first, CommentMark(0), None),
        ]
    elif first:  # no place before a nested mapping's first key: keep the lines just after it
        _append_trailing(slots[order[0]], first)
    if trailing:
        _append_trailing(slots[order[-1]], trailing)


def _rebuild(node: CommentedMap, order: list[tuple[Any, Any]]) -> None:
    """Re-insert ``node``'s items as (new key, old key) pairs say.

    Comments are held by key text (``node.ca.items``), so they follow their key.
    """
    if [new for new, _ in order] == list(node) and all(
        type(new) is type(old) for new, old in order
    ):
        return
    values = [(new, node[old]) for new, old in order]
    for key in list(node):
        del node[key]
    for key, item in values:
        node[key] = item


Slot = tuple[CommentedMap | CommentedSeq, Any]


def _last_slot(container: CommentedMap | CommentedSeq, key: Any) -> Slot:
    """Where the comment after ``container[key]`` and all it holds is kept."""
    value = container[key]
    if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
        return _last_slot(
            value, list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        )
    return container, key


def _comment_index(container: CommentedMap | CommentedSeq) -> int:
    # ruamel keeps the comment after a mapping value at 2, after a list item at 0
    return 2 if isinstance(container, CommentedMap) else 0


def _detach_trailing(slot: Slot) -> str:
    """Remove and return the whole comment lines after a slot's own line."""
    container, key = slot
    entry = container.ca.items.get(key)
    token = entry[_comment_index(container)] if entry else None
    if token is None or "#" not in token.value:
        return ""
    text: str = token.value
    own, _, rest = text.partition("\n")
    if "#" not in rest:
        return ""
    token.value = own + "\n"
    return rest


def _append_trailing(slot: Slot, lines: str) -> None:
    container, key = slot
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    index = _comment_index(container)
    token = entry[index]
    if token is None:
        entry[index] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        token.value = token.value + lines


def _block_nested_flow(value: Any) -> None:
    """Flow style stays only on collections of scalars."""
    if isinstance(value, CommentedMap):
        children = list(value.values())
    elif isinstance(value, CommentedSeq):
        children = list(value)
    else:
        return
    for child in children:
        _block_nested_flow(child)
    if value.fa.flow_style() and any(isinstance(c, CommentedMap | CommentedSeq) for c in children):
        value.fa.set_block_style()


def _tidy(text: str) -> str:
    """No blank lines but one before each programme day after the first; no trailing spaces."""
    lines = text.split("\n")
    kept = _scalar_body_lines(text)
    day_starts = _programme_day_lines(text)
    blank_before: set[int] = set()
    for start in day_starts:
        first = start
        while (
            first - 1 >= 0 and lines[first - 1].lstrip().startswith("#") and first - 1 not in kept
        ):
            first -= 1
        blank_before.add(first)
    tidy: list[str] = []
    for index, line in enumerate(lines):
        if index in kept:
            tidy.append(line)
            continue
        if index in blank_before:
            tidy.append("")
        stripped = line.rstrip()
        if stripped:
            tidy.append(stripped)
    return "\n".join(tidy).rstrip("\n") + "\n"


def _scalar_body_lines(text: str) -> set[int]:
    """0-based lines that continue a multi-line scalar: their spaces are content."""
    lines: set[int] = set()
    for event in yaml.parse(text, Loader=yaml.CBaseLoader):
        if isinstance(event, yaml.ScalarEvent):
            start, end = event.start_mark, event.end_mark
            assert start is not None and end is not None  # libyaml marks every event
            last = end.line if end.column > 0 else end.line - 1
            lines.update(range(start.line + 1, last + 1))
    return lines


def _programme_day_lines(text: str) -> list[int]:
    """0-based lines where the second and later programme days start."""
    tree, _ = parse(text.encode("utf-8"))
    if not isinstance(tree, Mapping):
        return []
    days = tree.get(_PROGRAMME)
    if not isinstance(days, Sequence):
        return []
    return [day.line - 1 for day in days.items[1:]]


def _meaning(node: Node) -> Any:
    """What a node says under YAML 1.2's core schema, with types kept apart (1 is not true)."""
    if isinstance(node, Mapping):
        return ("map", {key.value: _meaning(value) for key, value in node.pairs})
    if isinstance(node, Sequence):
        return ("seq", [_meaning(item) for item in node.items])
    assert isinstance(node, Scalar)
    kind = yaml_type(node)
    value = node.value
    if kind == "null":
        return ("null", None)
    if kind == "boolean":
        return ("boolean", value.lower())
    if kind == "integer":
        base = 16 if value.startswith("0x") else 8 if value.startswith("0o") else 10
        return ("integer", int(value.replace("0x", "").replace("0o", ""), base))
    if kind == "number":
        lowered = value.lower().lstrip("+")
        special = {".inf": "inf", "-.inf": "-inf", ".nan": "nan"}
        return ("number", special.get(lowered) or float(value))
    return ("string", value)
