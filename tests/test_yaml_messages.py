"""YAML syntax errors in words: snippet in, (rule, line, column, message) out.

Each says what is wrong and where to fix it: the line of the key without its colon
(not the line after), the line a tab indents, the keys a badly indented line could
belong to, the place a quote or bracket opened.
"""

from __future__ import annotations

import pytest

from wsg.yamltree import parse

SYNTAX = "yaml-syntax"
INDENT_VENUE = (
    "indent it by 2 spaces if it belongs under 'venue' (like 'city', line 3), "
    "or remove its indentation if it belongs at the top level (like 'venue', line 2)"
)
TAB = "a tab indents this line; YAML indents with spaces only: replace the tab with spaces"

CASES = [
    # tabs
    ("a tab indents a key", "id: x\nvenue:\n\tcity: Geneva\n", 3, 1, TAB),
    ("a tab after spaces", "id: x\nvenue:\n  \tcity: Geneva\n", 3, 3, TAB),
    ("a tab indents a second key", "id: x\nvenue:\n  city: Geneva\n\tcountry: CH\n", 4, 1, TAB),
    ("a tab indents a list item", "id: x\nthemes:\n\t- ai\n", 3, 1, TAB),
    # a missing colon: on the line of the key, not the line after
    (
        "a key without its colon",
        "id: x\ntitle Workshop on AI\nkind: workshop\n",
        2,
        1,
        "'title Workshop on AI' has no ':' after its key; write 'title: Workshop on AI'",
    ),
    (
        "the last key without its colon",
        "id: x\nkind: workshop\ntitle Workshop\n",
        3,
        1,
        "'title Workshop' has no ':' after its key; write 'title: Workshop'",
    ),
    (
        "a nested key without its colon",
        "id: x\nvenue:\n  city Geneva\n  country: CH\nkind: workshop\n",
        3,
        3,
        "'city Geneva' has no ':' after its key; write 'city: Geneva'",
    ),
    (
        "a list item without its space",
        "id: x\nthemes:\n-ai\n",
        3,
        1,
        "a list item needs a space after '-': write '- ai'",
    ),
    # indentation: which key the line could belong to
    (
        "indented one space too few",
        "id: x\nvenue:\n  city: Geneva\n country: CH\nkind: workshop\n",
        4,
        2,
        "wrong indentation: 'country' is indented 1 space, which lines up with no key above "
        f"it; {INDENT_VENUE}",
    ),
    (
        "indented one space too many",
        "id: x\nvenue:\n  city: Geneva\n   country: CH\nkind: workshop\n",
        4,
        4,
        "wrong indentation: 'country' is indented 3 spaces, more than 'city' above it, which "
        f"already has a value; {INDENT_VENUE}",
    ),
    (
        "a top-level key indented",
        "id: x\n title: Workshop\nkind: workshop\n",
        2,
        2,
        "wrong indentation: 'title' is indented 1 space, more than 'id' above it, which already "
        "has a value; remove its indentation if it belongs at the top level (like 'id', line 1)",
    ),
    (
        "a list item out of line",
        "id: x\norganizers:\n  - sg16\n - sg17\nkind: workshop\n",
        4,
        2,
        "wrong indentation: the list item '- sg17' is indented 1 space, which lines up with no "
        "key above it; indent it by 2 spaces if it belongs under 'organizers' (like '- sg16', "
        "line 3)",
    ),
    (
        "a session key out of line",
        "programme:\n  - date: 2026-03-10\n    sessions:\n"
        '      - start: "09:30"\n        end: "10:00"\n       title: Opening\n',
        6,
        8,
        "wrong indentation: 'title' is indented 7 spaces, which lines up with no key above it; "
        "indent it by 8 spaces if it belongs under 'sessions' (like 'end', line 5), or indent "
        "it by 4 spaces if it belongs under 'programme' (like 'sessions', line 3), or remove "
        "its indentation if it belongs at the top level (like 'programme', line 1)",
    ),
    # quotes and brackets: where they opened
    (
        "an unclosed double quote",
        'id: x\ntitle: "AI for good\nkind: workshop\n',
        2,
        8,
        'the quote " opened here is never closed; end the value with "',
    ),
    (
        "an unclosed double quote with another quote further down",
        'id: x\ntitle: "AI for good\nkind: workshop\nhost: "ITU" and partners\n',
        2,
        8,
        'the quote " opened here is not closed on its line, so the value runs on to the '
        'next " on line 4; end the value with "',
    ),
    (
        "an unclosed single quote with another quote further down",
        "id: x\ntitle: 'AI for good\nkind: workshop\nfellowships:\n  'NO': 3\n",
        2,
        8,
        "the quote ' opened here is not closed on its line, so the value runs on to the "
        "next ' on line 5; end the value with '",
    ),
    (
        "an unclosed single quote",
        "id: x\ntitle: 'AI for good\nkind: workshop\n",
        2,
        8,
        "the quote ' opened here is never closed; end the value with '",
    ),
    (
        "an unclosed bracket",
        "id: x\norganizers: [sg16, sg17\nthemes: [ai]\n",
        2,
        13,
        "the [ opened here is never closed; end the list with ] on this line",
    ),
    (
        "an unclosed brace",
        "id: x\nvenue: {city: Geneva, country: CH\nkind: workshop\n",
        2,
        8,
        "the { opened here is never closed; end the mapping with } on this line",
    ),
    (
        "a bracket left open at the end of the file",
        "id: x\norganizers: [sg16,\n",
        2,
        13,
        "the [ opened here is never closed; end the list with ] on this line",
    ),
    (
        "a bracket left open on the last line, with no newline",
        "id: x\nthemes: [",
        2,
        9,
        "the [ opened here is never closed; end the list with ] on this line",
    ),
    (
        "a brace left open at the end of the file",
        "id: x\nvenue: {city: Geneva,\n",
        2,
        8,
        "the { opened here is never closed; end the mapping with } on this line",
    ),
    (
        "a bracket closed twice",
        "id: x\norganizers: [sg16, sg17]]\nkind: workshop\n",
        2,
        25,
        "this ] closes no [; remove it",
    ),
    (
        "a brace closed twice",
        "id: x\nvenue: {city: Geneva}}\n",
        2,
        22,
        "this } closes no {; remove it",
    ),
    (
        "a missing comma in a flow mapping",
        "id: x\nvenue: {city: Geneva country: CH}\n",
        2,
        22,
        "a ',' is missing before 'country' (inside the { … } opened at line 2, column 8, "
        "items are separated by commas)",
    ),
    # values that need quotes
    (
        "a colon in a value",
        "id: x\ntitle: AI: the next decade\n",
        2,
        8,
        "the value of 'title' holds ': ', which YAML reads as another key; quote the value: "
        'title: "AI: the next decade"',
    ),
    (
        "a colon in a list item's value",
        "id: x\nsessions:\n  - title: AI: the next decade\n",
        3,
        12,
        "the value of 'title' holds ': ', which YAML reads as another key; quote the value: "
        'title: "AI: the next decade"',
    ),
    (
        "text after a closing quote",
        'id: x\nnotes: "Geneva" and online\n',
        2,
        17,
        "text after the closing quote of the value of 'notes'; quote the whole value, e.g. "
        "notes: '\"Geneva\" and online'",
    ),
    (
        "a backslash in double quotes",
        'id: x\nnotes: "C:\\path"\n',
        2,
        11,
        "a backslash in double quotes starts an escape such as \\n; write \\\\ for a "
        "backslash, or quote the value with ' instead",
    ),
]


@pytest.mark.parametrize(
    ("snippet", "line", "column", "message"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_syntax_error_in_words(snippet: str, line: int, column: int, message: str) -> None:
    tree, problems = parse(snippet.encode())
    assert tree is None
    assert [(p.rule, p.line, p.column, p.message) for p in problems] == [
        (SYNTAX, line, column, message)
    ]


@pytest.mark.parametrize(
    "snippet",
    ["id: x\ntitle: [a, b\n  c, d]\n", "id: x\n? complex\n: key\n", "id: x\nnotes: |\n  text\n"],
)
def test_valid_yaml_that_looks_odd_is_not_an_error(snippet: str) -> None:
    assert parse(snippet.encode())[1] == []


def test_a_reserved_character_starting_a_value() -> None:
    _, problems = parse(b"id: x\nhost: @itu\n")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, 7, "a value cannot start with '@'; quote it: host: '@itu'")
    ]


def test_anything_else_keeps_the_parsers_words() -> None:
    _, problems = parse(b"id: x\n? a\n? b\n- c\n")
    (problem,) = problems
    assert problem.message.startswith("not valid YAML: ")
