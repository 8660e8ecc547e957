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

A result is used only if it parses cleanly and means exactly what the input
meant under YAML 1.2: the formatter can refuse, never alter data.
"""

from __future__ import annotations

import io
import re
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
