"""The Jinja2 environments: a user's folder first, then the templates shipped in the package.

HTML (and SVG) templates autoescape every value; Markdown templates escape every
value for Markdown through ``finalize`` (avoid ``~`` and ``join`` on values there:
they would HTML-escape). In both, a text value is shown without explicit
bidirectional controls, so that it cannot reorder the page around it, and
without control characters (in HTML and XML, taken from the page as a whole). Both use
``StrictUndefined`` so a typo in a template fails loudly, and data values are
only ever *values*: nothing from the dataset is compiled as a template.

Templates are read from plain files only: a symbolic link, to a file or a
folder, in the shipped templates or in a ``--templates`` folder is refused, not
followed (a committed ``style.css -> /some/secret`` would publish the secret).
Templates are code, though: Jinja is not a sandbox, and a template can run
what it likes with the rights of whoever renders. A ``--templates`` folder is
trusted as the tool is (see README); nothing sandboxes it.
"""

from __future__ import annotations

import os
import stat
import traceback
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
)
from jinja2.loaders import split_template_path
from markupsafe import Markup

from wsg.errors import WsgError
from wsg.render import text, times, words

MARKDOWN_SUFFIXES = (".md",)


def default_templates() -> Path:
    """The folder of the shipped templates (a real folder: the package is not zipped).

    Installed, they are the package ``wsg.templates``; run from a checkout
    (``python -m wsg`` or tests with the repository on ``sys.path``), the
    source package has no such subpackage and they are the repository's
    top-level ``templates/`` folder beside it.
    """
    try:
        return Path(str(files("wsg.templates")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent.parent / "templates"


class Templates:
    """Render a template by name with the environment its suffix calls for."""

    def __init__(self, user_dir: Path | None = None) -> None:
        if user_dir is not None and not user_dir.is_dir():
            raise WsgError(f"--templates {user_dir}: not a folder")
        loaders: list[BaseLoader] = []
        self.user_dir = user_dir
        if user_dir is not None:
            loaders.append(PlainFileLoader(user_dir))
        loaders.append(PlainFileLoader(default_templates()))
        self.loader = ChoiceLoader(loaders)
        self.html = _environment(self.loader, finalize=_html_value)
        # Autoescape is on here too, but ``finalize`` escapes for Markdown first and returns
        # Markup, so HTML escaping never touches Markdown output and macro results stay as is.
        self.markdown = _environment(self.loader, finalize=_markdown_value)

    def render(self, name: str, **context: Any) -> str:
        markdown = name.endswith(MARKDOWN_SUFFIXES)
        environment = self.markdown if markdown else self.html
        try:
            page = environment.get_template(name).render(**context)
            # Markdown drops control characters value by value (text.md); HTML and XML
            # drop them from the page as a whole: none of them is valid there.
            return page if markdown else text.without_markup_controls(page)
        except TemplateNotFound as error:
            raise WsgError(f"template {error.name!r} not found") from None
        except TemplateError as error:
            line = getattr(error, "lineno", None)
            if line is None and (mine := self._user_line(error)) is not None:
                # raised while rendering ('x' is undefined): no line of its own
                raise WsgError(f"template {mine}: {error.message}") from None
            where = f" ({getattr(error, 'filename', None) or name}:{line})" if line else ""
            raise WsgError(f"template {name}: {error.message}{where}") from None
        except WsgError:  # already said for the user (a template behind a link)
            raise
        except Exception as error:
            line = self._user_line(error)
            if line is None:
                raise  # in the shipped templates or the code: ours to fix (exit 3)
            raise WsgError(f"template {line}: {type(error).__name__}: {error}") from None

    def _user_line(self, error: Exception) -> str | None:
        """``mine/agenda.md:3``: the innermost line of the user's own templates that failed.

        A runtime error there (``{{ 1 // 0 }}``, a filter given the wrong value) is
        the user's to fix, so it is a usage error naming their file and line.
        """
        if self.user_dir is None:
            return None
        root = self.user_dir.resolve()
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            path = Path(frame.filename)
            if path.suffix != ".py" and path.resolve().is_relative_to(root):
                return f"{frame.filename}:{frame.lineno}"
        return None

    def source(self, name: str) -> str:
        """A template's text as is, for files copied verbatim (the stylesheet)."""
        try:
            source, _, _ = self.loader.get_source(self.html, name)
        except TemplateNotFound:
            raise WsgError(f"template {name!r} not found") from None
        return source


class PlainFileLoader(BaseLoader):
    """The templates of one folder, read from plain files only: never through a link."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder
        info = None
        for part in split_template_path(template):  # refuses "..": TemplateNotFound
            path = path / part
            try:
                info = os.lstat(path)
            except OSError:
                raise TemplateNotFound(template) from None
            if stat.S_ISLNK(info.st_mode):
                raise WsgError(
                    f"template {template}: {path} is a symbolic link; "
                    "templates are read from plain files only"
                )
        if info is None or not stat.S_ISREG(info.st_mode):
            raise TemplateNotFound(template)
        try:
            handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(handle, "rb") as stream:
                source = stream.read().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise WsgError(f"template {template}: cannot read {path}: {error}") from None
        modified = info.st_mtime_ns
        return source, str(path), lambda: _modified(path) == modified


def _modified(path: Path) -> int | None:
    try:
        return os.lstat(path).st_mtime_ns
    except OSError:
        return None


def _environment(loader: BaseLoader, *, finalize: Any) -> Environment:
    environment = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    environment.filters.update(
        {
            "md": text.md,
            "md_link": text.md_link,
            "safe_url": text.safe_url,
            "long_date": text.long_date,
            "short_date": text.short_date,
            "date_range": text.date_range,
            "number": text.number,
            "time_label": times.label,
            "zone_label": times.zone_label,
            "utc": times.utc_text,
            "iso_local": times.iso_local,
            "say": words.say,
            "seat": words.seat,
            "country": words.country,
            "file_note": words.file_note,
            "sentence": words.sentence,
        }
    )
    return environment


def _html_value(value: Any) -> Any:
    """A missing value prints as nothing, never as "None"; text without bidi controls."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return text.without_bidi_controls(value)
    return value


def _markdown_value(value: Any) -> Any:
    """Every ``{{ value }}`` in a Markdown template is escaped unless already Markup."""
    if value is None:
        return ""
    return value if isinstance(value, Markup) else text.md(value)
