"""A YAML document as a small tree of nodes that remember their line and column.

Built from libyaml's event stream (C speed, no recursion, nothing expanded), so
an alias bomb costs nothing and deep nesting is cut off at ``MAX_DEPTH``.
Scalars stay strings: the format, not YAML's implicit typing, decides what a
value means (``NO`` is Norway, ``09:30`` is a time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

try:
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # PyYAML built without libyaml: same events, slower
    _Loader = yaml.BaseLoader

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


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


def yaml_type(node: Node) -> str:
    """What YAML 1.2's core schema would make of a node: used only to name mistakes."""
    if isinstance(node, Mapping):
        return "mapping"
    if isinstance(node, Sequence):
        return "list"
    assert isinstance(node, Scalar)
    if not node.plain:
        return "string"
    value = node.value
    if value in _NULLS:
        return "null"
    if value in _BOOLS:
        return "boolean"
    if _INT.fullmatch(value):
        return "integer"
    if _FLOAT.fullmatch(value):
        return "number"
    return "string"


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, Scalar) and node.plain and node.value in _NULLS)


def parse(data: bytes) -> tuple[Node | None, list[ParseProblem]]:
    """Parse one YAML document; problems are returned, never raised."""
    problems: list[ParseProblem] = []
    features = 0
    root: Node | None = None
    documents = 0
    # stack entries: [container, pending key (Scalar), key is invalid]
    stack: list[list[object]] = []
    parser = _Loader(data)

    def feature(line: int, column: int, message: str) -> None:
        nonlocal features
        features += 1
        if features <= MAX_FEATURE_PROBLEMS:
            problems.append(ParseProblem("yaml-feature", line, column, message))

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, Sequence):
            container.items.append(node)
            return
        assert isinstance(container, Mapping)
        if frame[1] is None and not frame[2]:
            if not isinstance(node, Scalar):
                problems.append(
                    ParseProblem(
                        "wrong-type",
                        node.line,
                        node.column,
                        f"a key must be a plain word, not a {yaml_type(node)}",
                    )
                )
                frame[2] = True
                return
            if node.plain and node.value == "<<":
                feature(node.line, node.column, "merge keys (<<) are not allowed; write the keys out")
                frame[2] = True
                return
            previous = container.index.get(node.value)
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
                frame[2] = True
                return
            frame[1] = node
            return
        if frame[2]:
            frame[2] = False
            return
        key = frame[1]
        assert isinstance(key, Scalar)
        frame[1] = None
        pair = (key, node)
        container.pairs.append(pair)
        container.index[key.value] = pair

    scalar_event = yaml.ScalarEvent
    mapping_start = yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        while True:
            event = parser.get_event()
            if event is None:
                break
            kind = type(event)
            mark = event.start_mark
            if kind is scalar_event:
                line, column = mark.line + 1, mark.column + 1
                if event.anchor is not None:
                    feature(line, column, f"anchor '&{event.anchor}' is not allowed; repeat the value")
                if event.tag is not None:
                    feature(line, column, f"tag '{event.tag}' is not allowed; write the plain value")
                attach(Scalar(event.value, not event.style, line, column))
            elif kind is mapping_start or kind is sequence_start:
                line, column = mark.line + 1, mark.column + 1
                if event.anchor is not None:
                    feature(line, column, f"anchor '&{event.anchor}' is not allowed; repeat the value")
                if event.tag is not None:
                    feature(line, column, f"tag '{event.tag}' is not allowed; write the plain value")
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
                node: Node = Mapping(line, column) if kind is mapping_start else Sequence(line, column)
                stack.append([node, None, False])
            elif kind in collection_end:
                frame = stack.pop()
                attach(frame[0])  # type: ignore[arg-type]
            elif kind is yaml.AliasEvent:
                line, column = mark.line + 1, mark.column + 1
                feature(line, column, f"alias '*{event.anchor}' is not allowed; repeat the value")
                attach(Scalar("", True, line, column))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problems.append(
                        ParseProblem(
                            "yaml-syntax",
                            mark.line + 1,
                            mark.column + 1,
                            "a second YAML document starts here; a record file holds one document",
                        )
                    )
                    return root, problems
    except yaml.MarkedYAMLError as error:
        problem_mark = error.problem_mark or error.context_mark
        line = problem_mark.line + 1 if problem_mark else 1
        column = problem_mark.column + 1 if problem_mark else 1
        problems.append(ParseProblem("yaml-syntax", line, column, _syntax_message(error)))
        return None, problems
    except yaml.YAMLError as error:  # reader errors: control characters and the like
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


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    text = f"not valid YAML: {problem}"
    if error.context:
        text += f" ({error.context})"
    if "'\\t'" in problem:
        text += "; indent with spaces, not tabs"
    return text
