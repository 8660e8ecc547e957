"""``wsg diff --format md``: the pull-request comment, safe to post from untrusted data.

Everything a pull request's author wrote (titles, names, file names, ids, the
messages that quote them) is shown as text: it cannot open a heading, a list,
a quote, a table, HTML, a link or an image, cannot close a code span early,
and does not ping anyone or link an issue on GitHub. Two kinds of text:

- ``code``: ids and file names, in a code span whose fence is longer than any
  run of backticks inside (CommonMark: nothing in a code span is markup);
- ``text``: everything else, with every ASCII punctuation character
  backslash-escaped (CommonMark lets any of them be escaped, and an escaped
  character is never markup), and a WORD JOINER (U+2060, invisible) after
  ``@`` and ``#`` and inside ``://``, ``www.`` and ``GH-``, which GitHub would
  otherwise turn into mentions, issue links and links after rendering.

Control characters are shown escaped first (``\\n``, ``\\x1b``), so no text
spans two lines. Long texts are cut, saying how much; the comment stops at
GitHub's limit of 65,536 characters, saying how many records are left out.
"""

from __future__ import annotations

import re
import string
from typing import Any

from wsg.diffing import DatasetDiff, RecordChanges
from wsg.findings import Finding
from wsg.plural import plural

MARKER = "<!-- wsg-diff -->"  # lets CI find and update its own comment
LIMIT = 65_536  # characters in a comment on GitHub (counted here as UTF-16 units, to be safe)
RECORDS = 25
CHANGES_PER_RECORD = 10
TEXT = 300  # characters of one text before it is cut
UNKNOWN = "unknown (the file no longer reads)"

_PUNCTUATION = frozenset(string.punctuation)
_JOINER = "\u2060"
_AUTOLINKED = re.compile(r"[@#]|:(?=//)|(?i:\bwww)(?=\.)|(?i:\bgh)(?=-\d)")
_ICONS = {"error": ":x:", "warning": ":warning:", "info": ":information_source:"}


def printable(text: str) -> str:
    """``text`` with what a terminal or a renderer would act on shown escaped."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def text(value: str) -> str:
    """Untrusted text as inert Markdown, cut at ``TEXT`` characters."""
    shown = printable(value.strip())
    if len(shown) > TEXT:
        shown = f"{shown[:TEXT]}… ({len(shown) - TEXT:,} more characters)"
    shown = _AUTOLINKED.sub(lambda match: match[0] + _JOINER, shown)
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in shown)


def code(value: str) -> str:
    """An untrusted id or file name as one code span, whatever backticks it holds."""
    shown = printable(value)
    if len(shown) > TEXT:
        shown = f"{shown[:TEXT]}…"
    fence = "`" * (max(map(len, re.findall("`+", shown)), default=0) + 1)
    pad = " " if shown[:1] in ("`", " ") or shown[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def _length(markdown: str) -> int:
    return len(markdown.encode("utf-16-le")) // 2


def _finding(finding: Finding) -> str:
    icon = _ICONS[finding.severity]
    where = f"at line {finding.line}"
    return f"{icon} {finding.severity} {code(finding.rule)} {where}: {text(finding.message)}"


def _record(record: RecordChanges) -> list[str]:
    if record.kind == "file":
        lines = [f"**{code(record.file)}**"]
    else:
        title = f" — {text(record.title)}" if record.title else ""
        lines = [f"**{record.kind} {code(record.id)}**{title}"]
    items = [text(change.text) for change in record.changes]
    items += [f"introduced {_finding(f)}" for f in record.introduced]
    items += [f"fixed {_finding(f)}" for f in record.fixed]
    items += [f"{UNKNOWN}: {_finding(f)}" for f in record.unknown]
    shown = items[:CHANGES_PER_RECORD]
    lines += [f"- {item}" for item in shown]
    if len(items) > len(shown):
        lines.append(f"- … and {len(items) - len(shown)} more (`wsg diff` lists them all)")
    return lines


def comment(result: DatasetDiff, revisions: dict[str, Any], findings_line: str) -> str:
    """The comment: a summary, then the most important records, as many as fit."""
    base, head = revisions["base"], revisions["head"]
    base_commit, head_commit = str(base["commit"])[:10], head["commit"]
    head_said = code(head_commit[:10]) if head_commit else "the working tree"
    lines = [
        MARKER,
        "### Dataset changes",
        "",
        f"From {code(base_commit)} to {head_said}: "
        f"{plural(len(result.records), 'record')} changed; {text(findings_line)}.",
    ]
    errors = sum(f.severity == "error" for f in result.introduced)
    if errors:
        lines += ["", f"**This change introduces {plural(errors, 'error')}.**"]
    command = f"wsg diff {base_commit}" + (f" {head_commit[:10]}" if head_commit else "")
    # room for the closing line: the longest it can be
    closing_room = 200 + len(command)
    used = sum(_length(line) + 1 for line in lines)
    shown = 0
    for record in result.records[:RECORDS]:
        block = ["", *_record(record)]
        size = sum(_length(line) + 1 for line in block)
        if used + size + closing_room > LIMIT:
            break
        lines += block
        used += size
        shown += 1
    left = len(result.records) - shown
    if left:
        lines += [
            "",
            f"… and {plural(left, 'more record')} {'is' if left == 1 else 'are'} not shown:"
            f" a comment holds at most {RECORDS} records in {LIMIT:,} characters;"
            f" `{command}` lists them all.",
        ]
    return "\n".join(lines) + "\n"
