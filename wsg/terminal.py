"""What the commands print for people: data made safe to print, tables fitted to the width.

On a terminal, tables fit its width (titles are cut with an ellipsis or wrapped,
the least needed columns left out first) and use colour unless ``NO_COLOR`` is
set. Piped, the output is plain: no colour, no escape codes, every line as long
as its content, unless ``COLUMNS`` names a width. ``--format json`` stays the
interface for programs.

rich is imported only when a table is printed: ``wsg --help`` and ``wsg validate``
never pay for it.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TextIO

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

# What a terminal would act on rather than show: C0 controls (ESC starts escape sequences,
# BEL rings), DEL, C1 controls (0x9B is a one-byte CSI), and the marks that reorder text
# (bidi embeddings, overrides and isolates, which can make a line read backwards).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_UNSAFE_LINE = re.compile(f"[\n{_CONTROLS}]")
_UNSAFE_TEXT = re.compile(f"[{_CONTROLS}]")
UNBOUNDED = 10_000  # the width of a pipe: every line as long as its content


def printable(text: object, *, newlines: bool = False) -> str:
    """``text`` with every control character shown as its escape (``\\x1b``, ``\\u202e``).

    A tab becomes a space; a newline is kept only with ``newlines`` (free text such
    as notes), otherwise escaped so that one value stays on one line.
    """
    value = str(text).replace("\t", " ")
    pattern = _UNSAFE_TEXT if newlines else _UNSAFE_LINE
    if not pattern.search(value):
        return value
    return pattern.sub(lambda match: ascii(match[0])[1:-1], value)


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    return is_terminal(stream) and not os.environ.get("NO_COLOR")


def width_of(stream: TextIO) -> int | None:
    """The width to fit: ``COLUMNS`` when set, a terminal's own, else None (unbounded)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if is_terminal(stream):
        return shutil.get_terminal_size().columns
    return None


@dataclass(frozen=True)
class Column:
    """One column of a table of records."""

    key: str
    header: str
    numeric: bool = False  # right-aligned
    flexible: bool = False  # the column that gives way: cut (or wrapped) to fit
    drop: int = 0  # 0: always shown; otherwise left out, highest first, when too narrow
    style: Callable[[str], str] | None = None  # a rich style for a cell's value


FLEXIBLE_MIN = 24  # a title narrower than this says too little: leave other columns out
GAP = 2


def cell_width(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.splitlines()), default=0)


def _natural(columns: Sequence[Column], rows: Sequence[dict[str, str]]) -> dict[str, int]:
    return {
        c.key: max(cell_width(c.header), *(cell_width(row.get(c.key, "")) for row in rows))
        for c in columns
    }


def _needed(columns: Sequence[Column], natural: dict[str, int]) -> int:
    widths = [min(natural[c.key], FLEXIBLE_MIN) if c.flexible else natural[c.key] for c in columns]
    return sum(widths) + GAP * (len(columns) - 1)


def fitted(
    columns: Sequence[Column], rows: Sequence[dict[str, str]], width: int | None
) -> list[Column]:
    """The columns that fit ``width``: the droppable ones left out, highest ``drop`` first."""
    chosen = list(columns)
    if width is None:
        return chosen
    natural = _natural(columns, rows)
    while _needed(chosen, natural) > width:
        droppable = [c for c in chosen if c.drop]
        if not droppable:
            break
        chosen.remove(max(droppable, key=lambda c: c.drop))
    return chosen


def table(
    columns: Sequence[Column],
    rows: Sequence[dict[str, str]],
    width: int | None,
    *,
    wrap: bool = False,
) -> Table:
    """A borderless table of ``rows`` (already made printable), fitted to ``width``.

    Every column but the flexible one keeps its natural width. The flexible column
    (a title) takes what is left, cut with an ellipsis (or wrapped, with ``wrap``);
    when too little is left, it goes under the first column, wrapped, indented.
    """
    from rich.padding import Padding
    from rich.table import Table

    shown = fitted(columns, rows, width)
    natural = _natural(shown, rows)
    flexible = next((c for c in shown if c.flexible), None)
    stacked = None
    if width is not None and flexible is not None and _needed(shown, natural) > width:
        stacked = flexible  # under the first column: the others may fit again
        shown = fitted([c for c in columns if c is not flexible], rows, width)
        natural = _natural(shown, rows)
        natural_under = _natural([stacked], rows)[stacked.key]
    grid = Table(
        box=None,
        pad_edge=False,
        padding=(0, GAP // 2),
        show_edge=False,
        header_style="bold",
    )
    fixed = sum(natural[c.key] for c in shown if not c.flexible) + GAP * (len(shown) - 1)
    for index, column in enumerate(shown):
        justify: Literal["left", "right"] = "right" if column.numeric else "left"
        size = natural[column.key]
        carrier = stacked is not None and index == 0  # holds the flexible column too
        if width is not None and column.flexible:
            size = max(min(size, width - fixed), 1)
        elif width is not None and carrier:
            assert stacked is not None
            size = max(min(max(size, natural_under + 2), width - fixed + size), 1)
        grid.add_column(
            column.header,
            justify=justify,
            width=size if width is not None or not column.flexible else None,
            no_wrap=not (carrier or (wrap and column.flexible)),
            overflow="ellipsis" if column.flexible and not wrap else "fold",
        )
    for row in rows:
        cells: list[RenderableType] = []
        for index, column in enumerate(shown):
            value = row.get(column.key, "")
            cell: RenderableType = text(value, column.style(value) if column.style else "")
            if stacked is not None and index == 0:
                under = row.get(stacked.key, "")
                style = stacked.style(under) if stacked.style else ""
                cell = _stack(cell, Padding(text(under, style or "dim"), (0, 0, 0, 2)))
            cells.append(cell)
        grid.add_row(*cells)
    return grid


def _stack(*parts: RenderableType) -> RenderableType:
    from rich.console import Group

    return Group(*parts)


def text(value: str, style: str = "") -> Text:
    """A piece of text that is never read as markup."""
    from rich.text import Text

    return Text(value, style=style)


def console(stream: TextIO) -> Console:
    """A rich console for ``stream``: colour on a terminal, plain otherwise."""
    from rich.console import Console

    colour = use_colour(stream)
    return Console(
        file=stream,
        width=width_of(stream) or UNBOUNDED,
        force_terminal=colour,
        color_system="auto" if colour else None,
        no_color=not colour,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def write(stream: TextIO, *renderables: RenderableType) -> None:
    """Print ``renderables`` to ``stream``; without colour, every line without trailing blanks."""
    screen = console(stream)
    if screen.is_terminal:
        for renderable in renderables:
            screen.print(renderable)
        return
    buffer = io.StringIO()
    screen.file = buffer
    for renderable in renderables:
        screen.print(renderable)
    stream.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))


MOMENT = 0.4  # seconds: a run shorter than this shows no progress bar


class Progress:
    """Files made so far, as a bar on a terminal once a run takes longer than a moment;
    then, once the site is in place, one line of what was made, on a terminal or not (a
    CI log shows it too)."""

    def __init__(self, stream: TextIO | None) -> None:
        import time

        self.stream = stream
        self.terminal = stream if stream is not None and is_terminal(stream) else None
        self.total = 0
        self.done = 0
        self.started = time.monotonic()
        self.kinds: dict[str, int] = {}
        self.bar: Any = None  # a rich Progress, once shown

    def start(self, total: int) -> None:
        self.total = total

    def step(self, name: str) -> None:
        self.done += 1
        kind = _kind_of(name)
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if self.terminal is None:
            return
        import time

        if self.bar is None and time.monotonic() - self.started > MOMENT:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
            from rich.progress import Progress as Bar

            self.bar = Bar(
                TextColumn("wsg: rendering"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[name]}"),
                console=console(self.terminal),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("site", total=self.total, name="")
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, name=printable(name))

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def report(self) -> None:
        """What was made: said once the site is in place, so a failed run says only why."""
        if self.stream is None:
            return
        import time

        seconds = time.monotonic() - self.started
        made = ", ".join(
            f"{count} {kind if count != 1 else _SINGULAR.get(kind, kind)}"
            for kind, count in sorted(self.kinds.items(), key=lambda item: _KINDS.index(item[0]))
        )
        self.stream.write(f"wsg: rendered {self.done} files in {seconds:.1f} s: {made}\n")
        self.stream.flush()


_KINDS = ["pages", "calendars", "schedules", "feeds", "stylesheets", "images", "other files"]
_SINGULAR = {
    "pages": "page",
    "calendars": "calendar",
    "schedules": "schedule",
    "feeds": "feed",
    "stylesheets": "stylesheet",
    "images": "image",
    "other files": "other file",
}


def _kind_of(name: str) -> str:
    if name.endswith(".html"):
        return "pages"
    if name.endswith(".ics"):
        return "calendars"
    if name.endswith(".schedule.json"):
        return "schedules"
    if name.endswith((".json", ".xml")):  # events.json, and the Atom feed
        return "feeds"
    if name.endswith(".css"):
        return "stylesheets"
    if name.endswith((".svg", ".png", ".ico")):
        return "images"
    return "other files"
