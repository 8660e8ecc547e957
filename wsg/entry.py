"""The ``wsg`` program: answers its commonest calls without importing Typer.

Importing Typer (and the pydantic it brings) costs more than Python's own start-up,
and ``wsg --help`` and ``wsg validate`` are run all day, before every commit and in
every CI job. So this entry point serves them itself and hands every other call,
and every call it does not fully understand, to the Typer app in ``wsg.cli``:

- ``wsg``, ``wsg --help``, ``wsg -h``: the text Typer printed for this very
  ``wsg/cli.py`` the first time, replayed from the user's cache folder (the key
  is a hash of that source, Typer's installation, Python and the terminal width);
- ``wsg --version``;
- ``wsg validate`` with the options of ``VALIDATE_OPTIONS`` and ``VALIDATE_FLAGS``
  (the test suite checks these against the Typer declaration and both paths
  against each other); anything else, ``--help`` included, goes to Typer;
- ``wsg fmt`` with ``FMT_OPTIONS`` and ``FMT_FLAGS``, the same way: a warm
  ``wsg fmt --check`` costs little more than a warm ``wsg validate``.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout, suppress
from importlib.util import find_spec
from pathlib import Path
from typing import NoReturn, TypedDict

from wsg import __version__
from wsg.errors import WsgError

HELP_ARGS: tuple[list[str], ...] = ([], ["--help"], ["-h"])
# option -> parameter of ``wsg.cli.validate``; each takes one value
VALIDATE_OPTIONS = {
    "--format": "output_format",
    "-f": "output_format",
    "--data": "data",
    "--today": "today",
}
VALIDATE_FLAGS = {"--strict": "strict", "--no-cache": "no_cache"}
COMPLETE_VARIABLE = "_WSG_COMPLETE"  # set by the completion script that Typer installs
FMT_OPTIONS = {"--data": "data"}  # option -> parameter of ``wsg.cli.fmt``
FMT_FLAGS = {"--check": "check"}


def main() -> None:
    """The console script."""
    arguments = sys.argv[1:]
    if COMPLETE_VARIABLE in os.environ:  # the shell asks for completions: Typer answers
        from wsg.cli import main as typer_main

        typer_main()
        return
    if arguments == ["--version"]:
        print(f"wsg {__version__}")
        sys.exit(0)
    if arguments in HELP_ARGS:
        _help(arguments)
    if arguments[:1] == ["validate"]:
        call = parse_validate(arguments[1:])
        if call is not None:
            # a short-lived process that ends with os._exit: no cycles worth collecting
            gc.disable()
            guarded(lambda: _validate(**call))
    if arguments[:1] == ["fmt"]:
        fmt_call = parse_fmt(arguments[1:])
        if fmt_call is not None:
            gc.disable()
            guarded(lambda: _fmt(**fmt_call))
    from wsg.cli import main as typer_main

    typer_main()


def guarded(run: Callable[[], None]) -> None:
    """Run a command: every failure becomes one line and an exit code, never a traceback."""
    try:
        run()
    except WsgError as error:
        print(f"wsg: {_one_line(str(error))}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("wsg: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as error:  # the one boundary where the unexpected is translated
        print(
            f"wsg: internal error: {type(error).__name__}: {_one_line(str(error))}", file=sys.stderr
        )
        sys.exit(3)


def _one_line(message: str) -> str:
    """A message as one printable line: a control character in data (a newline, ESC) is
    shown as its escape, never acted on (the same as ``wsg.terminal.printable``)."""
    if message.isprintable():
        return message
    from wsg.terminal import printable

    return printable(message)


class ValidateCall(TypedDict):
    """The parameters of ``wsg.cli.validate``."""

    paths: list[str]
    output_format: str
    strict: bool
    no_cache: bool
    data: str | None
    today: str | None


def parse_validate(arguments: list[str]) -> ValidateCall | None:
    """The parameters of ``wsg validate ARGUMENTS``, or None to leave the call to Typer."""
    values: dict[str, str] = {}
    flags: set[str] = set()
    paths: list[str] = []
    rest = iter(arguments)
    for argument in rest:
        if argument == "--":
            paths.extend(rest)
            break
        name, has_value, value = argument.partition("=")
        if (name in VALIDATE_OPTIONS and name.startswith("--")) or argument in VALIDATE_OPTIONS:
            if not has_value:
                value = next(rest, "-")
            parameter = VALIDATE_OPTIONS[name]
            if value.startswith("-") or parameter in values:
                return None  # odd or repeated: Typer decides
            values[parameter] = value
        elif argument in VALIDATE_FLAGS:
            flags.add(VALIDATE_FLAGS[argument])
        elif argument.startswith("-"):
            return None  # --help, a typo, a short option with its value attached
        else:
            paths.append(argument)
    return ValidateCall(
        paths=paths,
        output_format=values.get("output_format", "text"),
        strict="strict" in flags,
        no_cache="no_cache" in flags,
        data=values.get("data"),
        today=values.get("today"),
    )


def _validate(
    paths: list[str],
    output_format: str,
    strict: bool,
    no_cache: bool,
    data: str | None,
    today: str | None,
) -> NoReturn:
    # exactly what wsg.cli.validate does, without Typer
    from wsg.clock import resolve_today
    from wsg.commands import validate as command
    from wsg.dataset import find_data_dir
    from wsg.terminal import use_colour

    code = command.run(
        paths,
        find_data_dir(data),
        resolve_today(today),
        output_format,
        strict,
        sys.stdout,
        colour=use_colour(sys.stdout),
        use_cache=not no_cache,
    )
    # The report is out and the cache written: leave without freeing the dataset object
    # by object (a tenth of a warm run). Only the console script comes here.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


class FmtCall(TypedDict):
    """The parameters of ``wsg.cli.fmt``."""

    paths: list[str]
    check: bool
    data: str | None


def parse_fmt(arguments: list[str]) -> FmtCall | None:
    """The parameters of ``wsg fmt ARGUMENTS``, or None to leave the call to Typer."""
    values: dict[str, str] = {}
    flags: set[str] = set()
    paths: list[str] = []
    rest = iter(arguments)
    for argument in rest:
        if argument == "--":
            paths.extend(rest)
            break
        name, has_value, value = argument.partition("=")
        if name in FMT_OPTIONS:
            value = value if has_value else next(rest, "-")
            if value.startswith("-") or FMT_OPTIONS[name] in values:
                return None  # odd or repeated: Typer decides
            values[FMT_OPTIONS[name]] = value
        elif argument in FMT_FLAGS:
            flags.add(FMT_FLAGS[argument])
        elif argument.startswith("-"):
            return None  # --help, a typo, a flag given a value
        else:
            paths.append(argument)
    return FmtCall(paths=paths, check="check" in flags, data=values.get("data"))


def _fmt(paths: list[str], check: bool, data: str | None) -> NoReturn:
    # exactly what wsg.cli.fmt does, without Typer
    from wsg.commands import fmt as command
    from wsg.dataset import find_data_dir

    code = command.run(paths, find_data_dir(data), check, sys.stdout)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/wsg``, else ``~/.cache/wsg``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wsg"


def _help(arguments: list[str]) -> NoReturn:
    """Replay Typer's help text for this source, or have Typer print it and keep it."""
    place = _help_place(arguments)
    try:
        kept = place.read_text(encoding="utf-8") if place is not None else None
    except OSError:
        kept = None
    if kept is not None and kept[:2] in ("0 ", "1 ", "2 "):
        code, stream, text = int(kept[0]), kept[2], kept[4:]
        (sys.stdout if stream == "o" else sys.stderr).write(text)
        sys.exit(code)
    from wsg.cli import main as typer_main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            typer_main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 1
    sys.stdout.write(out.getvalue())
    sys.stderr.write(err.getvalue())
    if place is not None and code in (0, 1, 2) and not (out.getvalue() and err.getvalue()):
        stream, text = ("o", out.getvalue()) if out.getvalue() else ("e", err.getvalue())
        _keep(place, f"{code} {stream}\n{text}")
    sys.exit(code)


def _help_place(arguments: list[str]) -> Path | None:
    """Where the help text of this source and terminal is kept, or None."""
    typer = find_spec("typer")
    if typer is None or typer.origin is None:
        return None
    digest = hashlib.blake2b(digest_size=16)
    try:
        digest.update(Path(__file__).with_name("cli.py").read_bytes())
        stat = os.stat(typer.origin)
    except OSError:
        return None
    import shutil

    width = shutil.get_terminal_size().columns
    spec = getattr(sys.modules["__main__"], "__spec__", None)
    program = (sys.argv[0], getattr(spec, "name", None))  # Typer names the program from these
    for part in (
        typer.origin,
        stat.st_mtime_ns,
        stat.st_size,
        sys.version,
        width,
        program,
        arguments,
    ):
        digest.update(f"{part}\0".encode())
    return user_cache_dir() / "help" / f"{digest.hexdigest()}.txt"


def _keep(place: Path, text: str) -> None:
    from wsg import safewrite  # flushed, renamed, the folder flushed: as every write

    with suppress(WsgError):  # a help text not kept is only printed again by Typer
        safewrite.write_text(place, text, overwrite=True)
