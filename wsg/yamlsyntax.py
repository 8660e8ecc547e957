"""YAML syntax errors in words a person editing a file can act on, at the place to fix.

libyaml reports where it gave up, in its own terms ("could not find expected ':'",
"mapping values are not allowed in this context"), often on the line after the
mistake. The common mistakes are recognised here from libyaml's problem, its
context mark and the text itself: a tab used for indentation, a key without its
``:``, a line indented to no key above it, a value holding ``: `` unquoted, text
after a closing quote, a quote or bracket never closed. Anything else keeps
libyaml's words. Only a file that failed to parse comes here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

QUOTES = "\"'"
CLOSERS = {"[": "]", "{": "}"}
SHOWN = 40  # characters of a line quoted in a message


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    column: int  # 1-based
    message: str


class _Text:
    """The file's lines, with what the explanations ask of them."""

    def __init__(self, data: bytes) -> None:
        self.lines = data.decode("utf-8", errors="replace").splitlines()

    def at(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    @staticmethod
    def indent(text: str) -> int:
        return len(text) - len(text.lstrip(" "))

    @staticmethod
    def meaningful(text: str) -> bool:
        stripped = text.strip()
        return bool(stripped) and not stripped.startswith("#")

    def above(self, index: int) -> int | None:
        """The nearest line above ``index`` with content."""
        for j in range(index - 1, -1, -1):
            if self.meaningful(self.lines[j]):
                return j
        return None


def explain(error: Any, data: bytes) -> Explained | None:
    """The mistake behind libyaml's ``error``, or None to keep libyaml's own words."""
    text = _Text(data)
    problem = error.problem or ""
    context = error.context or ""
    mark, opened = error.problem_mark, error.context_mark
    if mark is None:
        return None
    if "tab" in problem or (
        "cannot start any token" in problem
        and text.at(mark.line)[mark.column : mark.column + 1] == "\t"
    ):
        return _tab(text, mark.line)
    if "cannot start any token" in problem:
        return _reserved(text, mark.line, mark.column)
    if "could not find expected ':'" in problem and opened is not None:
        return _missing_colon(text, opened.line)
    if "mapping values are not allowed" in problem:
        return _unexpected_colon(text, mark.line, mark.column)
    if "quoted scalar" in context and opened is not None:
        return _quoted(text, problem, opened, mark)
    if "while parsing a flow" in context and opened is not None:
        return _flow(text, _bracket_of(data, opened, mark), mark)
    if problem.startswith("did not find expected") and (
        "block mapping" in context or "block collection" in context
    ):
        return (
            _stray_closer(text, mark.line, mark.column)
            or _quote_run_on(data, mark)
            or _after_quote(text, mark.line, mark.column)
            or _indentation(text, mark.line)
        )
    return None


@dataclass(frozen=True)
class _Mark:
    line: int  # 0-based, as libyaml's marks
    column: int


def _bracket_of(data: bytes, opened: Any, mark: Any) -> Any:
    """The ``[`` or ``{`` that the flow collection in error opened with.

    libyaml's context mark is that bracket, except when the file ends inside the
    collection (``organizers: [sg16,`` on the last line): then it is the end of the
    file, and the bracket is the innermost one still open there, found by scanning
    the tokens again (the scanner knows quotes and comments; the parser failed).
    """
    import yaml

    lines = data.decode("utf-8", errors="replace").splitlines()
    line = lines[opened.line] if 0 <= opened.line < len(lines) else ""
    if line[opened.column : opened.column + 1] in CLOSERS:
        return opened
    still_open: list[_Mark] = []
    try:
        for token in yaml.scan(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            start = token.start_mark
            if (start.line, start.column) >= (mark.line, mark.column):
                break
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                still_open.append(_Mark(start.line, start.column))
            elif still_open and isinstance(
                token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken
            ):
                still_open.pop()
    except yaml.YAMLError:
        pass  # the tokens up to the scanner's own error are enough
    return still_open[-1] if still_open else opened


def _stray_closer(text: _Text, index: int, column: int) -> Explained | None:
    """``[sg16, sg17]]``: a closing bracket that no opening one matches."""
    closer = text.at(index)[column : column + 1]
    openers = {close: open_ for open_, close in CLOSERS.items()}
    if closer not in openers:
        return None
    return Explained(index + 1, column + 1, f"this {closer} closes no {openers[closer]}; remove it")


def _tab(text: _Text, last: int) -> Explained:
    for index in range(last + 1):
        line = text.at(index)
        leading = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in leading:
            column = leading.index("\t") + 1
            return Explained(
                index + 1,
                column,
                "a tab indents this line; YAML indents with spaces only: replace the tab "
                "with spaces",
            )
    line = text.at(last)
    return Explained(
        last + 1, line.find("\t") + 1 or 1, "a tab where YAML expects a value; use spaces instead"
    )


def _reserved(text: _Text, index: int, column: int) -> Explained | None:
    line = text.at(index)
    character = line[column : column + 1]
    if not character or ":" not in line[:column]:
        return None
    key = _key_of(line)
    value = line[column:].strip().replace("'", "''")
    return Explained(
        index + 1,
        column + 1,
        f"a value cannot start with {character!r}; quote it: {key}: '{_shown(value)}'",
    )


def _shown(value: str) -> str:
    return value if len(value) <= SHOWN else value[: SHOWN - 1] + "…"


def _missing_colon(text: _Text, index: int) -> Explained:
    line = text.at(index)
    start = text.indent(line)
    content = line.strip()
    if content.startswith("-") and content[1:2] not in ("", " "):
        return Explained(
            index + 1,
            start + 1,
            f"a list item needs a space after '-': write '- {_shown(content[1:].strip())}'",
        )
    word, _, rest = content.partition(" ")
    fixed = f"{word}: {rest.strip()}" if rest.strip() else f"{word}:"
    return Explained(
        index + 1,
        start + 1,
        f"'{_shown(content)}' has no ':' after its key; write '{_shown(fixed)}'",
    )


def _key_of(line: str) -> str:
    content = line.strip()
    if content.startswith("- "):
        content = content[2:].lstrip()
    return content.split(":", 1)[0].strip()


def _unexpected_colon(text: _Text, index: int, column: int) -> Explained | None:
    line = text.at(index)
    before = line[:column]
    body = before.strip()
    if body.startswith("- "):
        body = body[2:].lstrip()
    if ": " in body or body.endswith(":"):
        # a second ': ' on the line: the value holds one, unquoted
        key = _key_of(line)
        value_start = line.index(":", text.indent(line)) + 1
        value_start += len(line[value_start:]) - len(line[value_start:].lstrip())
        value = line[value_start:].strip()
        quoted = value.replace('"', '\\"')
        return Explained(
            index + 1,
            value_start + 1,
            f"the value of '{key}' holds ': ', which YAML reads as another key; quote the "
            f'value: {key}: "{_shown(quoted)}"',
        )
    previous = text.above(index)
    if previous is None:
        return None
    above = text.at(previous)
    if ":" not in above and not above.strip().startswith("-"):
        return _missing_colon(text, previous)
    if text.indent(line) > text.indent(above):
        return _indentation(text, index)
    return None


def _quote_run_on(data: bytes, mark: Any) -> Explained | None:
    """``title: "AI for good`` with another ``"`` further down the file.

    The quote is not closed on its line, so YAML reads on, across lines, to the next
    quote of the same kind and then fails on what follows it: the mistake is where the
    quoted value began, not where libyaml stopped. A quoted value spanning lines just
    before the error is that case (the dataset never folds a quoted value).
    """
    import yaml

    last: Any = None
    try:
        for token in yaml.scan(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            last = token
    except yaml.YAMLError:
        pass  # the tokens before the scanner's own error are enough
    if (
        not isinstance(last, yaml.ScalarToken)
        or last.style not in ('"', "'")
        or last.start_mark.line == last.end_mark.line
    ):
        return None
    quote = last.style
    return Explained(
        last.start_mark.line + 1,
        last.start_mark.column + 1,
        f"the quote {quote} opened here is not closed on its line, so the value runs on to "
        f"the next {quote} on line {last.end_mark.line + 1}; end the value with {quote}",
    )


def _after_quote(text: _Text, index: int, column: int) -> Explained | None:
    line = text.at(index)
    before = line[:column].rstrip()
    if not before or before[-1] not in QUOTES:
        return None
    key = _key_of(line)
    value = line[line.index(":") + 1 :].strip() if ":" in line else line.strip()
    return Explained(
        index + 1,
        column + 1,
        f"text after the closing quote of the value of '{key}'; quote the whole value, "
        f"e.g. {key}: '{_shown(value.replace(chr(39), chr(39) * 2))}'",
    )


def _quoted(text: _Text, problem: str, opened: Any, mark: Any) -> Explained:
    quote = text.at(opened.line)[opened.column : opened.column + 1] or '"'
    if "unknown escape" in problem:
        return Explained(
            mark.line + 1,
            mark.column + 1,
            "a backslash in double quotes starts an escape such as \\n; write \\\\ for a "
            "backslash, or quote the value with ' instead",
        )
    return Explained(
        opened.line + 1,
        opened.column + 1,
        f"the quote {quote} opened here is never closed; end the value with {quote}",
    )


def _flow(text: _Text, opened: Any, mark: Any) -> Explained:
    line = text.at(opened.line)
    bracket = line[opened.column : opened.column + 1] or "["
    closer = CLOSERS.get(bracket, "]")
    what = "list" if bracket == "[" else "mapping"
    depth = 0
    for character in line[opened.column :]:
        depth += character == bracket
        depth -= character == closer
        if depth == 0:
            break
    if depth > 0:
        return Explained(
            opened.line + 1,
            opened.column + 1,
            f"the {bracket} opened here is never closed; end the {what} with {closer} on this line",
        )
    where = (
        f"inside the {bracket} … {closer} opened at line {opened.line + 1}, "
        f"column {opened.column + 1}"
    )
    here = text.at(mark.line)
    before = here[: mark.column].split()
    if here[mark.column : mark.column + 1] == ":" and len(before) >= 2:
        word = before[-1]  # "{city: Geneva country: CH}": the comma before "country"
        return Explained(
            mark.line + 1,
            mark.column + 1 - len(word),
            f"a ',' is missing before '{word}' ({where}, items are separated by commas)",
        )
    return Explained(
        mark.line + 1,
        mark.column + 1,
        f"{where}, items are separated by commas; quote an item that holds ',', ':' or a bracket",
    )


def _indentation(text: _Text, index: int) -> Explained | None:
    """A line indented to no key above it: say which keys it could belong with."""
    line = text.at(index)
    indent = text.indent(line)
    item = line.strip().startswith("-")

    def depth(other: str) -> int:
        # where a line's key starts: after the dash of a list item that holds a mapping
        # (``- date: …`` puts ``date`` two columns in), unless list items are compared
        content = other.strip()
        if not item and content.startswith("- ") and ":" in content:
            return text.indent(other) + 2
        return text.indent(other)

    levels: list[int] = []  # the nearest line at each smaller depth, going up
    smallest = None
    for j in range(index - 1, -1, -1):
        candidate = text.at(j)
        if not text.meaningful(candidate):
            continue
        if smallest is None or depth(candidate) < smallest:
            levels.append(j)
            smallest = depth(candidate)
            if smallest == 0:
                break
    if not levels:
        return None
    content = line.strip()
    name = f"the list item '{_shown(content)}'" if item else f"'{_key_of(line)}'"

    def is_key(j: int) -> bool:
        return ":" in text.at(j).lstrip(" -")

    def alike(j: int) -> bool:  # a list item lines up with items, a key with keys
        return text.at(j).strip().startswith("-") if item else is_key(j)

    options = []
    for position, j in enumerate(levels):
        if not alike(j):
            continue
        sibling = text.at(j)
        shown = sibling.strip() if item else _key_of(sibling)
        like = f"(like '{_shown(shown)}', line {j + 1})"
        owner = next((k for k in levels[position + 1 :] if is_key(k)), None)
        if depth(sibling) and owner is not None:
            under = _key_of(text.at(owner))
            options.append(
                f"indent it by {_spaces(depth(sibling))} if it belongs under '{under}' {like}"
            )
        else:
            options.append(f"remove its indentation if it belongs at the top level {like}")
    if not options:
        return None
    options = options[:3]
    nearest = text.at(levels[0])
    if indent > depth(nearest) and not nearest.rstrip().endswith(":"):
        why = f"more than '{_key_of(nearest)}' above it, which already has a value"
    else:
        why = "which lines up with no key above it"
    return Explained(
        index + 1,
        indent + 1,
        f"wrong indentation: {name} is indented {_spaces(indent)}, {why}; " + ", or ".join(options),
    )


def _spaces(count: int) -> str:
    return f"{count} space{'s' if count != 1 else ''}"
