"""Small text helpers shared by every output: safe links, Markdown escaping, dates."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from markupsafe import Markup

from wsg.render.times import DASH

# Characters that can start markup anywhere in a line (CommonMark and GitHub's tables,
# strikethrough and autolinks); every other punctuation is harmless mid-line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What can start a block when a value opens a line: heading, quote, list item, rule.
_LINE_START = re.compile(r"^(#|>|[-+*=](?=[-+*=\s]|$)|\d{1,9}(?=[.)](?:\s|$)))")
# Explicit bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
# left in a value, one would reorder the text around it on the page ("Trojan Source").
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# C0 and C1 control characters and DEL: a Markdown file is read in terminals too, where ESC,
# BEL and CSI (U+009B) would drive the terminal instead of reading as text
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
# What HTML calls a parse error and XML 1.0 forbids: C0 controls but tab, line feed and
# carriage return, DEL, C1 controls, and the noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF).
# Beyond U+FFFF the pattern takes every character and _dropped keeps all but U+xFFFE and
# U+xFFFF: a class listing those 32 characters made re fourteen times slower on every page.
_MARKUP_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]"
)
# What no link may hold: what str.isspace() calls space, and control characters
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")
_SLUG = re.compile(r"[^a-z0-9]+")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Fixed English names: strftime's %A and %B follow the process locale.
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link with a host, else None: never linked.

    The validator already rejects ``javascript:`` and relative URLs; the
    renderer refuses them again so that invalid data can never become a link.
    """
    if not url or _SPACE_OR_CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def md(value: object) -> Markup:
    """Markdown-escape a data value so that it reads as the same text, never as markup.

    Backslash escapes work for every ASCII punctuation character in CommonMark,
    so ``<script>`` stays text and ``[x](javascript:…)`` never becomes a link.
    Newlines become spaces: a value never starts a new block. Other control
    characters (ESC, BEL, C1) are dropped.
    """
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    text = _CONTROLS.sub("", " ".join(without_bidi_controls(str(value)).split()))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return Markup(_LINE_START.sub(_escape_block_start, text))


def without_markup_controls(page: str) -> str:
    """A rendered HTML or XML page without the characters that make it invalid.

    Applied to the whole page as it is written, so no value reaches a page with
    one, whichever filter or macro printed it. Tab, line feed and carriage
    return stay: they are the page's own white space.
    """
    return _MARKUP_CONTROLS.sub(_dropped, page) if _MARKUP_CONTROLS.search(page) else page


def _dropped(match: re.Match[str]) -> str:
    character = match[0]
    if character > "\uffff" and ord(character) & 0xFFFE != 0xFFFE:
        return character  # an emoji, a CJK extension: text, not a noncharacter
    return ""


def without_bidi_controls(text: str) -> str:
    """The text as shown in HTML and Markdown: the Unicode bidi algorithm alone orders it."""
    return text if text.isascii() else _BIDI_CONTROLS.sub("", text)


def _escape_block_start(match: re.Match[str]) -> str:
    marker = match[1]
    if marker[0].isdigit():
        return marker + "\\"  # "1." -> "1\.": the backslash goes before the punctuation
    return "\\" + marker


def md_link(text: object, url: str | None) -> Markup:
    """``[text](url)`` for a safe URL; the escaped text alone otherwise."""
    target = safe_url(url)
    if target is None:
        return md(text)
    if "<" in target or ">" in target:
        return md(text)
    return Markup(f"[{md(text)}](<{target}>)")


def is_id(text: str) -> bool:
    """A valid record id (FORMAT.md's slug): only such ids become file names and links."""
    return _ID.match(text) is not None


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-") or "x"


def long_date(day: date | None) -> str:
    """``Tuesday 10 March 2026``."""
    return f"{_DAYS[day.weekday()]} {short_date(day)}" if day else "date to be confirmed"


def short_date(day: date | None) -> str:
    """``10 March 2026``."""
    return f"{day.day} {month(day)} {day.year}" if day else "date to be confirmed"


def month(day: date) -> str:
    return _MONTHS[day.month - 1]


def date_range(start: date | None, end: date | None) -> str:
    """``10-11 March 2026``, ``30 March - 2 April 2026``, ``30 December 2026 - 2 January 2027``."""
    if start is None:
        return "dates to be confirmed"
    if end is None or end == start:
        return short_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{DASH}{end.day} {month(end)} {end.year}"
    if start.year == end.year:
        return f"{start.day} {month(start)} {DASH} {short_date(end)}"
    return f"{short_date(start)} {DASH} {short_date(end)}"


def number(value: float | int | None) -> str:
    """``1,234``; ``21,000.5``; an em dash for a missing value."""
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "—"
