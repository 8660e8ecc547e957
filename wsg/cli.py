"""The command line: translates arguments into calls of ``wsg.commands``; nothing else.

Command modules are imported inside each command so that ``wsg --help`` and
``wsg validate`` do not pay for Jinja2 or rich.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
import typer.core

from wsg import __version__
from wsg.completion import complete_event_ids, complete_record_ids, complete_rule_ids
from wsg.errors import WsgError

if TYPE_CHECKING:
    from datetime import date


class Command(typer.core.TyperCommand):
    """Help in words: ``ID`` and ``[PATH]...``, never a type such as ``<str>``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [
            piece.replace("{", "").replace("}", "") for piece in super().collect_usage_pieces(ctx)
        ]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                arguments.append((name + ("..." if param.nargs != 1 else ""), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


app = typer.Typer(
    name="wsg",
    help="Validate, report on and publish the ITU-T WSG's workshop and seminar dataset.",
    add_completion=True,
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
        metavar="FOLDER",
        help="The dataset folder (holding events/ and groups/); default: WSG_DATA, else the "
        "data/ folder of this repository, found upward from here like git.",
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        help="Fix 'today' (YYYY-MM-DD) for date checks; default WSG_TODAY or the date.",
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar="FOLDER",
        help="A folder whose templates override the defaults by name (they run as code: "
        "use only templates you trust).",
    ),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        envvar="WSG_BASE_URL",
        metavar="URL",
        help="The published site's address (https://…/): absolute links in calendars, "
        "schedule.json and agendas; default WSG_BASE_URL.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file instead of stdout; its extension chooses the format "
        "unless --format does.",
    ),
]


def _format_option(choices: str) -> Any:
    return typer.Option("--format", "-f", metavar="FORMAT", help=f"{choices}.")


def _data(data: str | None) -> Path:
    from wsg.dataset import find_data_dir

    return find_data_dir(data)


def _today(today: str | None) -> date:
    from wsg.clock import resolve_today

    return resolve_today(today)


def _templates(templates: Path | None) -> Path | None:
    if templates is not None and not templates.is_dir():
        what = "is not a folder" if templates.exists() else "does not exist"
        raise WsgError(f"--templates {templates} {what}")
    return templates


# what ``-o FILE`` writes when --format is not given, by the file's extension
EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".ics": "ics",
    ".json": "json",
}


def _output_format(output_format: str | None, output: Path | None, default: str) -> str:
    if output_format is not None:
        return output_format
    if output is not None:
        return EXTENSIONS.get(output.suffix.lower(), default)
    return default


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


@app.command(cls=Command)
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH", help="Report only these files or folders.", show_default=False
        ),
    ] = None,
    output_format: Annotated[str, _format_option("text, json, github, sarif or junit")] = "text",
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
    from wsg.terminal import use_colour

    _exit(
        command.run(
            paths or [],
            _data(data),
            _today(today),
            output_format,
            strict,
            sys.stdout,
            colour=use_colour(sys.stdout),
            use_cache=not no_cache,
        )
    )


@app.command(cls=Command)
def rules(
    rule: Annotated[
        str | None,
        typer.Argument(
            metavar="RULE",
            help="A rule id to document in full.",
            autocompletion=complete_rule_ids,
        ),
    ] = None,
    output_format: Annotated[str, _format_option("text or json")] = "text",
) -> None:
    """List the rules, or document one with its examples."""
    from wsg.commands import rules as command

    _exit(command.run(rule, output_format, sys.stdout))


@app.command("list", cls=Command)
def list_records(
    what: Annotated[
        str,
        typer.Argument(
            metavar="WHAT", help="events (default), groups or topics.", show_default=False
        ),
    ] = "events",
    status: Annotated[
        str | None, typer.Option(metavar="STATUS", help="Only events with this status.")
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(metavar="YEAR", help="Only events starting (topics raised) in this year."),
    ] = None,
    theme: Annotated[
        str | None, typer.Option(metavar="THEME", help="Only events with this theme id.")
    ] = None,
    organizer: Annotated[
        str | None,
        typer.Option(
            metavar="GROUP",
            help="Only events this group organizes (topics it raised); its id or acronym.",
        ),
    ] = None,
    region: Annotated[
        str | None, typer.Option(metavar="REGION", help="Only events held in this region.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(metavar="KIND", help="Only records of this kind.")
    ] = None,
    output_format: Annotated[str, _format_option("text or json")] = "text",
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


@app.command(cls=Command)
def show(
    record_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="An event, group or topic id (or a group's acronym: SG17).",
            autocompletion=complete_record_ids,
        ),
    ],
    output_format: Annotated[str, _format_option("text or json")] = "text",
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """One event, group or topic in full, readable."""
    from wsg.commands import show as command

    _exit(command.run(record_id, _data(data), _today(today), output_format, sys.stdout))


@app.command(cls=Command)
def balance(
    on: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="The date of the seats (default today)."),
    ] = None,
    year: Annotated[
        int | None, typer.Option(metavar="YEAR", help="The year of the events (default today's).")
    ] = None,
    output_format: Annotated[str, _format_option("text or json")] = "text",
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """Management seats, and who took part, by region and UN category."""
    from wsg.clock import parse_date
    from wsg.commands import balance as command

    day = parse_date(on, "--date") if on is not None else _today(today)
    _exit(command.run(_data(data), day, year, output_format, sys.stdout))


@app.command(cls=Command)
def countries(
    codes: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="CODE", help="ISO 3166-1 alpha-2 codes; default all.", show_default=False
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="The day of the membership, regions and UN categories (default today).",
        ),
    ] = None,
    sources: Annotated[
        bool,
        typer.Option(
            "--sources", help="Print each category's source and as-of date, and every judgement."
        ),
    ] = False,
    output_format: Annotated[str, _format_option("table (or text) or json")] = "table",
    today: TodayOption = None,
) -> None:
    """Each Member State's regions and UN categories at a date."""
    from wsg.clock import parse_date
    from wsg.commands import countries as command
    from wsg.terminal import use_colour

    day = parse_date(on, "--date") if on is not None else _today(today)
    shown = "table" if output_format == "text" else output_format
    width = command.terminal_width()
    _exit(
        command.run(
            codes or [],
            day,
            shown,
            sys.stdout,
            sources=sources,
            width=width,
            colour=use_colour(sys.stdout),
        )
    )


@render_app.command("agenda", cls=Command)
def render_agenda(
    event_id: Annotated[
        str, typer.Argument(metavar="ID", help="The event id.", autocompletion=complete_event_ids)
    ],
    output_format: Annotated[
        str | None,
        _format_option("md, html, ics or json; default: the extension of -o FILE, else md"),
    ] = None,
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
            _output_format(output_format, output, "md"),
            output,
            _templates(templates),
            sys.stdout,
            base_url,
        )
    )


@render_app.command("summary", cls=Command)
def render_summary(
    year: Annotated[
        int | None, typer.Option(metavar="YEAR", help="The year (default today's).")
    ] = None,
    output_format: Annotated[
        str | None, _format_option("md or html; default: the extension of -o FILE, else md")
    ] = None,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """The yearly report to TSAG."""
    from wsg.commands import render as command

    _exit(
        command.summary(
            year,
            _data(data),
            _today(today),
            _output_format(output_format, output, "md"),
            output,
            _templates(templates),
            sys.stdout,
        )
    )


@render_app.command("site", cls=Command)
def render_site(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="FOLDER",
            help="The folder to write the site into (default: site/ beside the dataset folder).",
        ),
    ] = None,
    templates: TemplatesOption = None,
    base_url: BaseUrlOption = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """The whole static site that CI publishes."""
    from wsg.commands import render as command

    data_dir = _data(data)
    folder = out if out is not None else data_dir.resolve().parent / "site"
    _exit(
        command.site(folder, data_dir, _today(today), _templates(templates), sys.stderr, base_url)
    )


@app.command(cls=Command)
def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            metavar="BASE",
            help="Base revision (default: the merge base with main or master).",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            metavar="HEAD", help="Head revision (default: the working tree).", show_default=False
        ),
    ] = None,
    output_format: Annotated[str, _format_option("text, md or json")] = "text",
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """What changed between two git revisions, in words."""
    from wsg.commands import diff as command

    _exit(command.run(base, head, _data(data), _today(today), output_format, sys.stdout))


@app.command(cls=Command)
def fmt(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH", help="Files or folders; default the dataset.", show_default=False
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; list what would change.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Rewrite files into canonical form, keeping comments."""
    from wsg.commands import fmt as command

    _exit(command.run(paths or [], _data(data), check, sys.stdout))


@new_app.command("event", cls=Command)
def new_event(
    title: Annotated[str, typer.Option(metavar="TEXT", help="The event's title.")],
    start: Annotated[str, typer.Option(metavar="DATE", help="First day, YYYY-MM-DD.")],
    end: Annotated[
        str | None, typer.Option(metavar="DATE", help="Last day (default: the first).")
    ] = None,
    kind: Annotated[
        str,
        typer.Option(metavar="KIND", help="workshop, seminar, forum, symposium or webinar."),
    ] = "workshop",
    event_format: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="in-person, hybrid or virtual.")
    ] = "hybrid",
    organizer: Annotated[
        list[str] | None,
        typer.Option(
            metavar="GROUP",
            help="Organizing group: its id or acronym, e.g. sg17 or SG17 (repeatable).",
            show_default=False,
        ),
    ] = None,
    theme: Annotated[
        list[str] | None,
        typer.Option(metavar="THEME", help="Theme id (repeatable).", show_default=False),
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option(
            metavar="ZONE",
            help="IANA time zone (default: the venue country's, when it has one; "
            "Europe/Zurich for a virtual event).",
        ),
    ] = None,
    city: Annotated[str | None, typer.Option(metavar="CITY", help="Venue city.")] = None,
    country: Annotated[
        str | None, typer.Option(metavar="CODE", help="Venue country code, e.g. KE.")
    ] = None,
    event_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="The id (default: derived).")
    ] = None,
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


@new_app.command("group", cls=Command)
def new_group(
    group_id: Annotated[str, typer.Option("--id", metavar="ID", help="The group id, e.g. sg22.")],
    name: Annotated[str, typer.Option(metavar="TEXT", help="The group's full name.")],
    kind: Annotated[
        str,
        typer.Option(
            metavar="KIND",
            help="advisory-group, study-group, coordination-group, focus-group or other.",
        ),
    ] = "study-group",
    parent: Annotated[
        str | None, typer.Option(metavar="GROUP", help="The parent group: its id or acronym.")
    ] = "tsag",
    acronym: Annotated[str | None, typer.Option(metavar="TEXT", help="Short name.")] = None,
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


@new_app.command("topic", cls=Command)
def new_topic(
    title: Annotated[str, typer.Option(metavar="TEXT", help="What the topic is.")],
    raised_by: Annotated[
        str,
        typer.Option(
            "--raised-by",
            metavar="GROUP",
            help="The group that raised it: its id or acronym, e.g. sg17 or SG17.",
        ),
    ],
    theme: Annotated[
        list[str] | None,
        typer.Option(metavar="THEME", help="Theme id (repeatable).", show_default=False),
    ] = None,
    raised_ref: Annotated[
        str | None,
        typer.Option("--raised-ref", metavar="TEXT", help="The document, e.g. SG17-TD-1234."),
    ] = None,
    raised_date: Annotated[
        str | None,
        typer.Option(
            "--raised-date", metavar="DATE", help="The day it was raised (default: today)."
        ),
    ] = None,
    status: Annotated[
        str, typer.Option(metavar="STATUS", help="watch, candidate or scheduled.")
    ] = "watch",
    event: Annotated[
        list[str] | None,
        typer.Option(
            metavar="ID", help="An event that addresses it (repeatable).", show_default=False
        ),
    ] = None,
    topic_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="The id (default: derived).")
    ] = None,
    data: DataOption = None,
    today: TodayOption = None,
) -> None:
    """Write a new topic file for the technology watch (reviewed today)."""
    from wsg.commands import new as command

    _exit(
        command.topic(
            _data(data),
            _today(today),
            sys.stdout,
            title=title,
            themes=theme or [],
            raised_by=raised_by,
            raised_ref=raised_ref,
            raised_date=raised_date,
            status=status,
            events=event or [],
            topic_id=topic_id,
        )
    )


@app.command(cls=Command)
def schema(
    kind: Annotated[
        str, typer.Option(metavar="KIND", help="event, group, wsg or topic.")
    ] = "event",
) -> None:
    """JSON Schema of a record kind, for editors."""
    from wsg.commands import schema as command

    _exit(command.run(kind, sys.stdout))


def main() -> None:
    """Run the Typer app (``wsg.entry.main``, the console script, answers common calls first)."""
    from wsg.entry import guarded

    guarded(lambda: app(prog_name="wsg", standalone_mode=True))
