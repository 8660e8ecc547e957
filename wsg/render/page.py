"""What every HTML page carries besides its content: title, relative root, footer."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from markupsafe import Markup

from wsg import __version__
from wsg.render.text import long_date

_COMMIT = re.compile(r"^[0-9a-f]{4,64}$")


@dataclass(frozen=True)
class Page:
    title: str
    footer: tuple[str, ...]
    root: str = ""  # "" or "../": every link is relative, so the site works from file://
    site: bool = False  # part of the site: show its navigation
    css: Markup | None = None  # inline stylesheet for a standalone page
    summary_year: int = 0
    version: str = __version__
    description: str = ""  # the search engines' and link previews' one-line summary
    section: str = ""  # the navigation item the page belongs to: events, themes, groups, summary
    section_home: bool = False  # the page is that item's own page (aria-current="page")

    @property
    def print_footer(self) -> Markup:
        """The first footer line as a CSS string, for the bottom margin of every printed page.

        In the page margin the footer can never be pushed onto a sheet of its own.
        """
        return _css_string(self.footer[0] if self.footer else "")


@cache  # every page of a site has the same footer
def _css_string(text: str) -> Markup:
    return Markup('"{}"').format(Markup("".join(_css_char(c) for c in text)))


def _css_char(char: str) -> str:
    """One character safe inside a double-quoted CSS string inside a <style> element."""
    if char.isalnum() or char in " .,:;·-_()/+":
        return char
    return f"\\{ord(char):x} "


def dataset_commit(data_dir: Path) -> str | None:
    """``git rev-parse --short HEAD`` of the repository holding the dataset, or None."""
    output = _git(data_dir, "rev-parse", "--short", "HEAD")
    return output if output and _COMMIT.match(output) else None


def footer(data_dir: Path, today: date) -> tuple[str, ...]:
    commit = dataset_commit(data_dir)
    if commit is None:
        source = "Dataset not under git"
    else:
        changed = _git(data_dir, "status", "--porcelain", "--untracked-files=no", "--", ".")
        source = f"Dataset commit {commit}" + (" with uncommitted changes" if changed else "")
    return (
        f"{source} · rendered for {long_date(today)} by wsg {__version__}.",
        "ITU-T Workshop and Seminar Coordination Group (WSG), WTSA Resolution 53. "
        "Personal e-mail addresses are never published.",
    )


def _git(folder: Path, *args: str) -> str | None:
    """Run git without a shell in ``folder``; None when git or the repository is missing."""
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None
