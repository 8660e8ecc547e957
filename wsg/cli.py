"""The command line: translates arguments into calls of ``wsg.commands``; nothing else.

Command modules are imported inside each command so that ``wsg --help`` and
``wsg validate`` do not pay for Jinja2 or rich.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from wsg import __version__

app = typer.Typer(
    name="wsg",
    help="Validate, report on and publish the ITU-T WSG's workshop and seminar dataset.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
render_app = typer.Typer(
    help="Render agendas, the yearly summary and the site.", no_args_is_help=True
)
new_app = typer.Typer(help="Write a new, valid record file.", no_args_is_help=True)
app.add_typer(render_app, name="render")
app.add_typer(new_app, name="new")

DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        help="The dataset folder (holding events/ and groups/); default ./data or WSG_DATA.",
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today", help="Fix 'today' (YYYY-MM-DD) for date checks; default WSG_TODAY or the date."
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", help="A folder whose templates override the defaults by name."),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        envvar="WSG_BASE_URL",
        help="The published site's address (https://…/): absolute links in calendars, "
        "schedule.json and agendas; default WSG_BASE_URL.",
    ),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]


def _data(data: str | None) -> Path:
    from wsg.dataset import find_data_dir

    return find_data_dir(data)


def _today(today: str | None):  # type: ignore[no-untyped-def]
    from wsg.clock import resolve_today

    return resolve_today(today)


def _exit(code: int) -> NoReturn:
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"wsg {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Validate, report on and publish the ITU-T WSG's workshop and seminar dataset."""


@app.command()
def validate(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Report only these files or folders.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, github, sarif or junit.")
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Parse every file again; neither read nor write the cache."
        ),
    ] = False,
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """Check the whole dataset and report every finding, sorted."""
    from wsg.commands import validate as command

    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    _exit(
        command.run(
            paths or [],
            _data(data),
            _today(today),
            output_format,
            strict,
            sys.stdout,
            colour=colour,
            use_cache=not no_cache,
        )
    )


@app.command()
def rules(
    rule: Annotated[str | None, typer.Argument(help="A rule id to document in full.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List the rules, or document one with its passing and failing examples."""
    from wsg.commands import rules as command

    _exit(command.run(rule, output_format, sys.stdout))


@app.command("list")
def list_records(
    what: Annotated[str, typer.Argument(help="events or groups.")] = "events",
    status: Annotated[str | None, typer.Option(help="Only events with this status.")] = None,
    year: Annotated[int | None, typer.Option(help="Only events starting in this year.")] = None,
    theme: Annotated[str | None, typer.Option(help="Only events with this theme.")] = None,
    organizer: Annotated[
        str | None, typer.Option(help="Only events organized by this group.")
    ] = None,
    region: Annotated[str | None, typer.Option(help="Only events held in this region.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only records of this kind.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """One line a record, filtered."""
    from wsg.commands import listing as command

    filters = {
        "status": status,
        "year": year,
        "theme": theme,
        "organizer": organizer,
        "region": region,
        "kind": kind,
    }
    _exit(command.run(what, filters, _data(data), _today(today), output_format, sys.stdout))


@app.command()
def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="An event or group id.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """One event or group in full, readable."""
    from wsg.commands import show as command

    _exit(command.run(record_id, _data(data), _today(today), output_format, sys.stdout))


@app.command()
def balance(
    on: Annotated[
        str | None, typer.Option("--date", help="The date of the seats (default today).")
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="The year of the events (default today's).")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """Management seats at a date; regional and developing-country distribution of a year."""
    from wsg.clock import parse_date
    from wsg.commands import balance as command

    day = parse_date(on, "--date") if on else _today(today)
    _exit(command.run(_data(data), day, year, output_format, sys.stdout))


@app.command()
def countries(
    codes: Annotated[
        list[str] | None, typer.Argument(help="ISO 3166-1 alpha-2 codes; default all.")
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--date", help="The day of the membership, regions and UN categories."),
    ] = None,
    sources: Annotated[
        bool,
        typer.Option(
            "--sources", help="Print each category's source and as-of date, and every judgement."
        ),
    ] = False,
    output_format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    today: TodayOption = None,
) -> None:
    """The reference data: each Member State's regions and UN categories at a date."""
    from wsg.clock import parse_date
    from wsg.commands import countries as command

    day = parse_date(on, "--date") if on else _today(today)
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = command.terminal_width()
    _exit(
        command.run(
            codes or [], day, output_format, sys.stdout, sources=sources, width=width, colour=colour
        )
    )


@render_app.command("agenda")
def render_agenda(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The event id.")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="md, html, ics or json.")
    ] = "md",
    output: OutputOption = None,
    templates: TemplatesOption = None,
    base_url: BaseUrlOption = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """The programme of one event."""
    from wsg.commands import render as command

    _exit(
        command.agenda(
            event_id,
            _data(data),
            _today(today),
            output_format,
            output,
            templates,
            sys.stdout,
            base_url,
        )
    )


@render_app.command("summary")
def render_summary(
    year: Annotated[int | None, typer.Option(help="The year (default today's).")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    output: OutputOption = None,
    templates: TemplatesOption = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """The yearly report to TSAG."""
    from wsg.commands import render as command

    _exit(
        command.summary(
            year, _data(data), _today(today), output_format, output, templates, sys.stdout
        )
    )


@render_app.command("site")
def render_site(
    out: Annotated[Path, typer.Option("--out", help="The folder to write the site into.")],
    templates: TemplatesOption = None,
    base_url: BaseUrlOption = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """The whole static site that CI publishes."""
    from wsg.commands import render as command

    _exit(command.site(out, _data(data), _today(today), templates, sys.stderr, base_url))


@app.command()
def diff(
    base: Annotated[
        str | None, typer.Argument(help="Base revision (default: merge base with main or master).")
    ] = None,
    head: Annotated[
        str | None, typer.Argument(help="Head revision (default: the working tree).")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, md or json.")
    ] = "text",
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """What changed between two git revisions of the dataset, in words."""
    from wsg.commands import diff as command

    _exit(command.run(base, head, _data(data), _today(today), output_format, sys.stdout))


@app.command()
def fmt(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders; default the dataset.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; list what would change.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Rewrite files into canonical form, keeping comments."""
    from wsg.commands import fmt as command

    _exit(command.run(paths or [], _data(data), check, sys.stdout))


@new_app.command("event")
def new_event(
    title: Annotated[str, typer.Option(help="The event's title.")],
    start: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")],
    end: Annotated[str | None, typer.Option(help="Last day (default: start).")] = None,
    kind: Annotated[
        str, typer.Option(help="workshop, seminar, forum, symposium or webinar.")
    ] = "workshop",
    event_format: Annotated[
        str, typer.Option("--format", help="in-person, hybrid or virtual.")
    ] = "hybrid",
    organizer: Annotated[
        list[str] | None, typer.Option(help="Organizing group id (repeatable).")
    ] = None,
    theme: Annotated[list[str] | None, typer.Option(help="Theme id (repeatable).")] = None,
    timezone: Annotated[str, typer.Option(help="IANA time zone.")] = "Europe/Zurich",
    city: Annotated[str | None, typer.Option(help="Venue city.")] = None,
    country: Annotated[str | None, typer.Option(help="Venue country code.")] = None,
    event_id: Annotated[str | None, typer.Option("--id", help="The id (default: derived).")] = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """Write a new event file (status proposed) in the right folder."""
    from wsg.commands import new as command

    _exit(
        command.event(
            _data(data),
            _today(today),
            sys.stdout,
            title=title,
            start=start,
            end=end,
            kind=kind,
            event_format=event_format,
            organizers=organizer or [],
            themes=theme or [],
            timezone=timezone,
            city=city,
            country=country,
            event_id=event_id,
        )
    )


@new_app.command("group")
def new_group(
    group_id: Annotated[str, typer.Option("--id", help="The group id, e.g. sg22.")],
    name: Annotated[str, typer.Option(help="The group's full name.")],
    kind: Annotated[
        str,
        typer.Option(help="advisory-group, study-group, coordination-group, focus-group or other."),
    ] = "study-group",
    parent: Annotated[str | None, typer.Option(help="The parent group id.")] = "tsag",
    acronym: Annotated[str | None, typer.Option(help="Short name.")] = None,
    data: DataOption = None,
) -> None:
    """Write a new group file."""
    from wsg.commands import new as command

    _exit(
        command.group(
            _data(data),
            sys.stdout,
            group_id=group_id,
            name=name,
            kind=kind,
            parent=parent,
            acronym=acronym,
        )
    )


@app.command()
def schema(
    kind: Annotated[str, typer.Option(help="event, group, wsg or topic.")] = "event",
) -> None:
    """JSON Schema of a record kind, for editors (yaml-language-server)."""
    from wsg.commands import schema as command

    _exit(command.run(kind, sys.stdout))


def main() -> None:
    """Run the Typer app (``wsg.entry.main``, the console script, answers common calls first)."""
    from wsg.entry import guarded

    guarded(lambda: app(standalone_mode=True))
