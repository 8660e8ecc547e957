"""A YAML document as a small tree of nodes that remember their line and column.

Built from libyaml's event stream (C speed, no recursion, nothing expanded), so
an alias bomb costs nothing and deep nesting is cut off at ``MAX_DEPTH``.
Scalars stay strings: the format, not YAML's implicit typing, decides what a
value means (``NO`` is Norway, ``09:30`` is a time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml


@cache
def _loader() -> type:
    # PyYAML is imported on the first parse: a run that finds every file in the cache
    # never pays for it
    import yaml

    try:
        return yaml.CBaseLoader
    except AttributeError:  # PyYAML built without libyaml: same events, slower
        return yaml.BaseLoader


MAX_DEPTH = 64
MAX_FEATURE_PROBLEMS = 20


class Node:
    __slots__ = ("column", "line")

    line: int
    column: int


class Scalar(Node):
    __slots__ = ("plain", "value")

    def __init__(self, value: str, plain: bool, line: int, column: int) -> None:
        self.value = value
        self.plain = plain
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Scalar({self.value!r}, plain={self.plain}, {self.line}:{self.column})"


class Mapping(Node):
    __slots__ = ("index", "pairs")

    def __init__(self, line: int, column: int) -> None:
        self.pairs: list[tuple[Scalar, Node]] = []
        self.index: dict[str, tuple[Scalar, Node]] = {}
        self.line = line
        self.column = column

    def get(self, key: str) -> Node | None:
        pair = self.index.get(key)
        return pair[1] if pair else None

    def key_node(self, key: str) -> Scalar | None:
        pair = self.index.get(key)
        return pair[0] if pair else None


class Sequence(Node):
    __slots__ = ("items",)

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class ParseProblem:
    rule: str
    line: int
    column: int
    message: str


NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


# The first characters of every null, boolean and number: any other plain scalar is a string.
TYPED_START = frozenset("~nNtTfF+-.0123456789")


def yaml_type(node: Node) -> str:
    """What YAML 1.2's core schema would make of a node: used only to name mistakes."""
    if not isinstance(node, Scalar):
        if isinstance(node, Mapping):
            return "mapping"
        assert isinstance(node, Sequence)
        return "list"
    if not node.plain:
        return "string"
    value = node.value
    if value and value[0] not in TYPED_START:
        return "string"
    if value in NULLS:
        return "null"
    if value in _BOOLS:
        return "boolean"
    if _INT.fullmatch(value):
        return "integer"
    if _FLOAT.fullmatch(value):
        return "number"
    return "string"


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, Scalar) and node.plain and node.value in NULLS)


def parse(data: bytes) -> tuple[Node | None, list[ParseProblem]]:
    """Parse one YAML document; problems are returned, never raised."""
    problems: list[ParseProblem] = []
    features = 0
    root: Node | None = None
    documents = 0
    # The open collection is held in locals (the hot path touches nothing else); the
    # frames of the collections around it wait on ``stack``, one per open collection.
    stack: list[tuple[Node | None, bool, Scalar | None, bool]] = []
    current: Node | None = None
    in_mapping = False
    key: Scalar | None = None  # the key waiting for its value
    skip = False  # the key was rejected: drop its value
    import yaml

    parser = _loader()(data)
    get_event = parser.get_event

    def feature(line: int, column: int, message: str) -> None:
        nonlocal features
        features += 1
        if features <= MAX_FEATURE_PROBLEMS:
            problems.append(ParseProblem("yaml-feature", line, column, message))

    def bad_key(node: Node) -> bool:
        """Whether ``node`` cannot be a key of ``current`` (and say why)."""
        if not isinstance(node, Scalar):
            problems.append(
                ParseProblem(
                    "wrong-type",
                    node.line,
                    node.column,
                    f"a key must be a plain word, not a {yaml_type(node)}",
                )
            )
            return True
        if node.plain and node.value == "<<":
            feature(node.line, node.column, "merge keys (<<) are not allowed; write the keys out")
            return True
        previous = current.index.get(node.value)  # type: ignore[union-attr]
        if previous is not None:
            problems.append(
                ParseProblem(
                    "duplicate-key",
                    node.line,
                    node.column,
                    f"key '{node.value}' is repeated (first at line {previous[0].line}); "
                    "keep one of them",
                )
            )
            return True
        return False

    scalar_event = yaml.ScalarEvent
    mapping_start = yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent
    mapping_end = yaml.MappingEndEvent
    sequence_end = yaml.SequenceEndEvent
    try:
        while True:
            event = get_event()
            if event is None:
                break
            kind = type(event)
            node: Node
            if kind is scalar_event:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                if event.anchor is not None or event.tag is not None:
                    _features_of(event, line, column, feature)
                node = Scalar(event.value, not event.style, line, column)
            elif kind is mapping_end or kind is sequence_end:
                node = current  # type: ignore[assignment]
                current, in_mapping, key, skip = stack.pop()
            elif kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                if event.anchor is not None or event.tag is not None:
                    _features_of(event, line, column, feature)
                if len(stack) >= MAX_DEPTH:
                    problems.append(
                        ParseProblem(
                            "nesting-depth",
                            line,
                            column,
                            f"nested deeper than {MAX_DEPTH} levels; no record needs that",
                        )
                    )
                    return None, problems
                stack.append((current, in_mapping, key, skip))
                if kind is mapping_start:
                    current, in_mapping = Mapping(line, column), True
                else:
                    current, in_mapping = Sequence(line, column), False
                key, skip = None, False
                continue
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                feature(line, column, f"alias '*{event.anchor}' is not allowed; repeat the value")
                node = Scalar("", True, line, column)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    problems.append(
                        ParseProblem(
                            "yaml-syntax",
                            mark.line + 1,
                            mark.column + 1,
                            "a second YAML document starts here; a record file holds one document",
                        )
                    )
                    return root, problems
                continue
            else:
                continue
            # attach the finished node to the open collection
            if current is None:
                root = node
            elif not in_mapping:
                current.items.append(node)  # type: ignore[attr-defined]
            elif key is not None:
                pair = (key, node)
                current.pairs.append(pair)  # type: ignore[attr-defined]
                current.index[key.value] = pair  # type: ignore[attr-defined]
                key = None
            elif skip:
                skip = False
            elif (
                type(node) is Scalar
                and node.value not in current.index  # type: ignore[attr-defined]
                and not (node.plain and node.value == "<<")
            ):
                key = node
            else:
                skip = bad_key(node)  # always true here: says why the key is refused
    except yaml.MarkedYAMLError as error:
        problem_mark = error.problem_mark or error.context_mark
        line = problem_mark.line + 1 if problem_mark else 1
        column = problem_mark.column + 1 if problem_mark else 1
        if "nesting depth" in (error.problem or ""):
            # libyaml >= 0.2.6 stops at 1000 levels while scanning ahead, before
            # our own limit sees the events: the same problem, its place.
            message = f"nested deeper than {MAX_DEPTH} levels; no record needs that"
            problems.append(ParseProblem("nesting-depth", line, column, message))
            return None, problems
        from wsg.yamlsyntax import explain

        explained = explain(error, data)
        if explained is not None:
            line, column = explained.line, explained.column
        message = explained.message if explained is not None else _syntax_message(error)
        problems.append(ParseProblem("yaml-syntax", line, column, message))
        return None, problems
    except yaml.reader.ReaderError as error:  # a control character: libyaml gives its byte offset
        start = data.rfind(b"\n", 0, error.position) + 1
        line = data.count(b"\n", 0, start) + 1
        column = len(data[start : error.position].decode("utf-8", errors="replace")) + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else "a byte"
        message = f"cannot be read as YAML: {character}: {error.reason}; remove it"
        problems.append(ParseProblem("yaml-syntax", line, column, message))
        return None, problems
    except yaml.YAMLError as error:
        problems.append(ParseProblem("yaml-syntax", 1, 1, f"cannot be read as YAML: {error}"))
        return None, problems
    finally:
        parser.dispose()
    if features > MAX_FEATURE_PROBLEMS:
        last = problems[-1]
        problems.append(
            ParseProblem(
                "yaml-feature",
                last.line,
                last.column,
                f"{features - MAX_FEATURE_PROBLEMS} more anchors, aliases or tags not listed",
            )
        )
    return root, problems


def _features_of(
    event: yaml.NodeEvent, line: int, column: int, feature: Callable[[int, int, str], None]
) -> None:
    if event.anchor is not None:
        feature(line, column, f"anchor '&{event.anchor}' is not allowed; repeat the value")
    tag = getattr(event, "tag", None)
    if tag is not None:
        feature(line, column, f"tag '{tag}' is not allowed; write the plain value")


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    text = f"not valid YAML: {problem}"
    if error.context:
        text += f" ({error.context})"
    if "'\\t'" in problem:
        text += "; indent with spaces, not tabs"
    return text
