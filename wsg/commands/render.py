"""``wsg render agenda|summary|site``: the dataset as agendas, the yearly report and the site.

Rendering reads what loaded, even from a dataset with errors (``wsg validate``
judges those); a missing value renders as "to be confirmed", never as a crash.

``-o FILE`` writes a file, and replaces only a file that wsg rendered: each
format carries a mark of it (html its ``<meta name="generator">``, ics its
PRODID, json its ``generator``, Markdown a last line ``<!-- generator: wsg … -->``),
read from the file's content, never guessed from its name. Any other file
(``-o README.md``) is refused and left as it is.

``--base-url`` (or ``WSG_BASE_URL``) is the address the site is published at:
with it, calendars, schedule.json and standalone agendas link to the event's
and each session's page; without it, schedule.json links relative to the site's
``events/`` folder (where the site publishes it) and the others name what they
cannot link.
"""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import date
from pathlib import Path
from typing import TextIO

from markupsafe import Markup

from wsg import __version__, history
from wsg import dataset as datasets
from wsg.cache import FileCache
from wsg.errors import WsgError
from wsg.kinds import did_you_mean
from wsg.render.text import safe_url
from wsg.safewrite import replace_tree, write_bytes

AGENDA_FORMATS = ("md", "html", "ics", "json")
SUMMARY_FORMATS = ("md", "html")
# The last line of every Markdown rendering: a comment no reader sees, and the mark by
# which -o knows the file as one that wsg rendered (a user's template cannot forget it).
MARKDOWN_MARK = f"<!-- generator: wsg {__version__} -->\n"
MAX_RENDERED_SIZE = 64 * 1024 * 1024  # far above any agenda or summary wsg renders
_HTML_MARK = re.compile(rb'<meta name="generator" content="wsg[ "]')
_ICS_MARK = re.compile(rb"^PRODID:-//ITU-T WSG//wsg ", re.MULTILINE)
_MARKDOWN_MARK = re.compile(rb"<!-- generator: wsg [^>\n]*-->\s*\Z")


def agenda(
    event_id: str,
    data_dir: Path,
    today: date,
    output_format: str,
    output: Path | None,
    templates: Path | None,
    out: TextIO,
    base_url: str | None = None,
) -> int:
    from wsg.render import agenda as agendas
    from wsg.render import ics, schedule
    from wsg.render.environment import Templates
    from wsg.render.page import Page, footer

    _check_format(output_format, AGENDA_FORMATS)
    site_url = _site_url(base_url)
    renderer = Templates(templates)
    dataset = datasets.load(data_dir, today, FileCache.reading(data_dir))
    event = dataset.event(event_id)
    if event is None:
        known = sorted(e.id for e in dataset.events if e.id)
        raise WsgError(f"no event is called {event_id!r}{did_you_mean(event_id, known)}")
    context = agendas.Context(
        today,
        dataset.event,
        site_url,
        group_name=agendas.group_names(dataset.group_ids),
        history=history.load(data_dir) if output_format in ("ics", "json") else {},
    )
    view = agendas.build(event, context)
    content: str | bytes
    if output_format == "md":
        content = _marked(renderer.render("agenda.md", view=view))
    elif output_format == "html":
        page = Page(
            title=view.title,
            footer=footer(data_dir, today),
            css=Markup(renderer.source("style.css")),
        )
        content = renderer.render("agenda.html", view=view, page=page)
    elif output_format == "ics":
        content = ics.agenda_calendar(view)
    else:
        content = schedule.dumps(schedule.schedule(view))
    return _emit(content, output, data_dir, out)


def summary(
    year: int | None,
    data_dir: Path,
    today: date,
    output_format: str,
    output: Path | None,
    templates: Path | None,
    out: TextIO,
) -> int:
    from wsg.render import summary as summaries
    from wsg.render.environment import Templates
    from wsg.render.page import Page, footer

    _check_format(output_format, SUMMARY_FORMATS)
    if year is not None and not date.min.year <= year <= date.max.year:
        raise WsgError(
            f"--year {year} is not a year: give one from {date.min.year} to {date.max.year}, "
            "such as 2026"
        )
    renderer = Templates(templates)
    dataset = datasets.load(data_dir, today, FileCache.reading(data_dir))
    report = summaries.build(dataset, year if year is not None else today.year)
    context = summaries.context(report)
    if output_format == "md":
        content = _marked(renderer.render("summary.md", **context))
    else:
        page = Page(
            title=f"Workshops and seminars in {report.year}",
            footer=footer(data_dir, today),
            css=Markup(renderer.source("style.css")),
        )
        content = renderer.render("summary.html", page=page, other_years=[], **context)
    return _emit(content, output, data_dir, out)


def site(
    out_dir: Path,
    data_dir: Path,
    today: date,
    templates: Path | None,
    progress_stream: TextIO | None,
    base_url: str | None = None,
) -> int:
    from wsg.render import site as sites
    from wsg.render.environment import Templates
    from wsg.render.page import footer
    from wsg.terminal import Progress

    site_url = _site_url(base_url)
    sites.check_out(out_dir, data_dir)  # before anything runs, git included
    renderer = Templates(templates)
    dataset = datasets.load(data_dir, today, FileCache.reading(data_dir))
    lines = footer(data_dir, today)
    progress = Progress(progress_stream)
    try:
        with replace_tree(out_dir, sites.MARKER, within=data_dir.resolve().parent) as building:
            sites.build(dataset, renderer, building, lines, progress, site_url)
    finally:
        progress.stop()  # a bar left on the screen would hide the error line
    progress.report()
    return 0


def _site_url(base_url: str | None) -> str | None:
    """The site's address ending in "/", or None; anything but an absolute http(s) URL: exit 2."""
    if not base_url:
        return None
    if safe_url(base_url) is None or "?" in base_url or "#" in base_url:
        raise WsgError(
            f"--base-url {base_url!r} is not the address of a site: "
            "give an absolute https:// URL without ? or #, such as https://example.org/wsg/"
        )
    return base_url if base_url.endswith("/") else f"{base_url}/"


def _check_format(output_format: str, formats: tuple[str, ...]) -> None:
    if output_format not in formats:
        raise WsgError(f"unknown format {output_format!r}; choose one of {', '.join(formats)}")


def _check_output(output: Path, data_dir: Path) -> None:
    """Refuse an ``-o`` file in the dataset or in git's own files: a rendering never
    replaces a record (``-o data/groups/wsg.yaml``) or a repository's internals."""
    target = Path(os.path.abspath(output)).resolve()
    data = data_dir.resolve()
    if target == data or data in target.parents:
        raise WsgError(
            f"-o {output} is inside the dataset ({data_dir}), which holds records only; "
            "write the file elsewhere"
        )
    if ".git" in target.parts:
        raise WsgError(
            f"-o {output} is inside a git repository's own files; write the file elsewhere"
        )


def _marked(markdown: str) -> str:
    """The Markdown with wsg's mark as its last line."""
    return markdown + ("" if markdown.endswith("\n") or not markdown else "\n") + MARKDOWN_MARK


def rendered_by_wsg(data: bytes) -> bool:
    """Whether ``data`` is a file that wsg rendered, by the mark its format carries."""
    head = data[: 64 * 1024]  # the generator meta comes before the inline stylesheet
    if _HTML_MARK.search(head) or _ICS_MARK.search(head[:4096]):
        return True
    if _MARKDOWN_MARK.search(data[-1024:]):
        return True
    if data.lstrip()[:1] != b"{":
        return False
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return False
    generator = document.get("generator") if isinstance(document, dict) else None
    return isinstance(generator, dict) and generator.get("name") == "wsg"


def _previous_rendering(output: Path) -> bytes | None:
    """The bytes of the file ``-o`` would replace, or None when there is none.

    A command that writes refuses a target it did not write: anything but a
    file wsg rendered (a README, a folder, a link) is refused, untouched.
    """
    try:
        info = os.lstat(output)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise WsgError(
            f"-o {output}: cannot be read ({error.strerror}); nothing was written"
        ) from None
    refused = f"-o {output} is {{}}, which wsg did not render; left as it is: name a new file"
    if stat.S_ISLNK(info.st_mode):
        raise WsgError(refused.format("a symbolic link"))
    if stat.S_ISDIR(info.st_mode):
        raise WsgError(refused.format("a folder"))
    if not stat.S_ISREG(info.st_mode):
        raise WsgError(refused.format("not a plain file"))
    if info.st_size > MAX_RENDERED_SIZE:
        raise WsgError(refused.format(f"a file of {info.st_size:,} bytes"))
    try:
        handle = os.open(output, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(handle, "rb") as stream:
            data = stream.read(MAX_RENDERED_SIZE + 1)
    except OSError as error:
        raise WsgError(
            f"-o {output}: cannot be read ({error.strerror}); nothing was written"
        ) from None
    if not rendered_by_wsg(data):
        raise WsgError(
            f"-o {output} exists and holds no mark of wsg's, so wsg did not render it;"
            " left as it is: name a new file, or remove it first"
        )
    return data


def _emit(content: str | bytes, output: Path | None, data_dir: Path, out: TextIO) -> int:
    if output is not None:
        _check_output(output, data_dir)
        previous = _previous_rendering(output)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        # what was read is compared again just before the rename; a new file is never
        # put over one that appeared meanwhile; no link below the repository is followed
        write_bytes(
            output,
            data,
            overwrite=previous is not None,
            expected=previous,
            within=data_dir.resolve().parent,
        )
        return 0
    out.write(content.decode("utf-8") if isinstance(content, bytes) else content)
    return 0
