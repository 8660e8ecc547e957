"""What people see: tables fitted to the width, colour only on a terminal, data never
acting on the terminal, groups in natural order."""

from __future__ import annotations

import io
import json
import re
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_dataset, run_wsg
from wsg.natsort import natural_key
from wsg.terminal import Column, printable, table, write

TODAY = "2026-11-28"
BUNDLED = str(ROOT / "data")

# every table command, on the bundled dataset
COMMANDS = [
    ["list"],
    ["list", "groups"],
    ["show", "2026-03-ai-watermarking"],
    ["show", "wsg"],
    ["list", "topics"],
    ["show", "accessible-metaverse"],
    ["balance", "--year", "2026"],
    ["countries"],
    ["countries", "BD", "MD", "--date", "2026-12-02"],
    ["rules"],
    ["rules", "session-overlap"],
]
WITHOUT_DATA = ("rules", "countries")  # they read the tool's own tables, not a dataset

HOSTILE = (
    "Evil\x1b]8;;https://x.example\x07link\x1b]8;;\x07 \x1b[31mred\x9b2J \u202eoverride\u202c\x07"
)
ESCAPES = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _on_terminal(*args: str) -> tuple[int, str]:
    """Run ``wsg ARGS`` with its output on a (pretend) terminal 100 columns wide."""
    from wsg.cli import main

    out = Terminal()
    argv, sys.argv = sys.argv, ["wsg", *args]
    try:
        with redirect_stdout(out), pytest.raises(SystemExit) as exit_:
            main()
    finally:
        sys.argv = argv
    return int(exit_.value.code or 0), out.getvalue()


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "WSG_DATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WSG_TODAY", TODAY)


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_line_is_wider_than_columns(
    monkeypatch: pytest.MonkeyPatch, command: list[str], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    data = () if command[0] in WITHOUT_DATA else ("--data", BUNDLED)
    result = run_wsg(*command, *data)
    assert result.code == 0, result.err
    widest = max(result.out.splitlines(), key=len)
    assert len(widest) <= width, widest
    assert "\x1b" not in result.out  # a pipe gets no colour


def test_piped_without_columns_every_record_is_one_full_line() -> None:
    result = run_wsg("list", "--data", BUNDLED)
    records = json.loads(run_wsg("list", "--data", BUNDLED, "--format", "json").out)
    lines = result.out.splitlines()
    assert len(lines) == len(records) + 1  # the header, then one line a record
    for line, record in zip(lines[1:], records, strict=True):
        assert line.startswith(record["id"] + " ")
        assert line.endswith(record["title"])  # never cut when nothing asks for a width
    assert all(line == line.rstrip() for line in lines)


def test_a_narrow_terminal_keeps_ids_whole_and_puts_titles_under_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run_wsg("list", "--data", BUNDLED).out
    records = json.loads(run_wsg("list", "--data", BUNDLED, "--format", "json").out)
    for record in records:
        assert f"\n{record['id']} " in out  # whole, at the start of a line: copyable
    # the title under its id, wrapped and indented, never cut
    assert "\n  ITU Workshop on AI Watermarking and Multimedia\n  Authenticity\n" in out


def test_a_medium_terminal_cuts_titles_with_an_ellipsis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lines = run_wsg("list", "--data", BUNDLED).out.splitlines()
    assert lines[0].split() == ["id", "start", "status", "title"]  # the rest left out
    assert any(line.endswith("…") and len(line) == 100 for line in lines)


def test_numbers_are_right_aligned(monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_wsg("balance", "--data", BUNDLED, "--year", "2026").out
    table_lines = ("by region" + out.split("\nby region", 1)[1]).split("\n\n", 1)[0].splitlines()
    ends = {len(line) for line in table_lines}
    assert len(ends) == 1, table_lines  # every row ends in the same column: right-aligned
    assert table_lines[1].split()[0] == "total"


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    columns = (Column("id", "id", style=lambda _: "bold"), Column("t", "title", flexible=True))
    rows = [{"id": "sg17", "t": "Security"}]
    terminal = Terminal()
    write(terminal, table(columns, rows, 80))
    assert "\x1b[1m" in terminal.getvalue()
    piped = io.StringIO()
    write(piped, table(columns, rows, None))
    assert piped.getvalue() == "id    title\nsg17  Security\n"
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    write(plain, table(columns, rows, 80))
    assert "\x1b" not in plain.getvalue()
    assert "sg17  Security" in plain.getvalue()


def test_printable_shows_control_characters_as_escapes() -> None:
    assert printable("a\x1b[31mb\x07\x9b\u202ec\nd\te") == "a\\x1b[31mb\\x07\\x9b\\u202ec\\nd e"
    assert printable("one\ntwo", newlines=True) == "one\ntwo"
    assert printable("Côte d'Ivoire · 東京") == "Côte d'Ivoire · 東京"


def _hostile_dataset(tmp_path: Path) -> Path:
    return make_dataset(
        tmp_path,
        {
            "data/events/2026/evil.yaml": (
                "id: evil\n"
                f"title: {json.dumps(HOSTILE)}\n"
                "kind: workshop\nstatus: proposed\nstart: 2026-12-10\nend: 2026-12-10\n"
                "timezone: Europe/Zurich\nformat: virtual\norganizers: [sg16]\nthemes: [ai]\n"
                f"notes: {json.dumps('line one' + chr(10) + HOSTILE)}\n"
                "programme:\n  - date: 2026-12-10\n    sessions:\n"
                '      - start: "09:00"\n        end: "10:00"\n'
                f"        title: {json.dumps(HOSTILE)}\n"
                f"        speakers: [{{name: {json.dumps(HOSTILE)}, country: NO}}]\n"
            ),
            "data/groups/sg16.yaml": (
                f"id: sg16\nname: {json.dumps(HOSTILE)}\nkind: study-group\n"
                f"acronym: {json.dumps(HOSTILE)}\n"
            ),
            "data/groups/wsg.yaml": (
                "id: wsg\nname: Workshop and Seminar Coordination Group\n"
                "kind: coordination-group\nregional_balance: true\n"
                "themes:\n  - {id: ai, title: AI, priority: high}\n"
                "management:\n"
                f"  - {{role: chairman, name: {json.dumps(HOSTILE)}, country: NO,"
                " term: {start: 2020-01-01}}\n"
            ),
        },
    )


@pytest.mark.parametrize(
    "command",
    [
        ["show", "evil"],
        ["show", "sg16"],
        ["list"],
        ["list", "groups"],
        ["balance"],
        ["show", "wsg"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("on_terminal", [False, True], ids=["piped", "terminal"])
def test_hostile_text_never_reaches_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], on_terminal: bool
) -> None:
    data = _hostile_dataset(tmp_path)
    if on_terminal:
        code, shown = _on_terminal(*command, "--data", str(data))
        assert "\x1b[" in shown  # coloured
        shown = re.sub(r"\x1b\[[0-9;]*m", "", shown)  # rich's own colour codes; not the data's
    else:
        result = run_wsg(*command, "--data", str(data))
        code, shown = result.code, result.out
    assert code == 0
    for character in ESCAPES:
        assert character not in shown, (command, repr(character))
    assert "\\x1b" in shown  # shown, escaped, so the reader sees it


def test_errors_naming_data_are_one_printable_line(tmp_path: Path) -> None:
    data = _hostile_dataset(tmp_path)
    result = run_wsg("show", "evil\x1b[2J\nx", "--data", str(data))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "\x1b" not in result.err


def test_natural_order_of_group_ids() -> None:
    ids = ["sg21", "sg2", "wsg", "sg11", "tsag", "sg3", "sg20", "sg9", None]
    assert sorted(ids, key=natural_key) == [
        None,
        "sg2",
        "sg3",
        "sg9",
        "sg11",
        "sg20",
        "sg21",
        "tsag",
        "wsg",
    ]


def test_groups_are_listed_in_natural_order() -> None:
    rows = json.loads(run_wsg("list", "groups", "--data", BUNDLED, "--format", "json").out)
    ids = [row["id"] for row in rows]
    assert ids[:4] == ["sg2", "sg3", "sg5", "sg9"]
    assert ids.index("sg9") < ids.index("sg11") < ids.index("sg21")
    text = run_wsg("list", "groups", "--data", BUNDLED).out
    assert [line.split()[0] for line in text.splitlines()[1:]] == ids


def test_render_site_shows_a_bar_after_a_moment_then_what_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from wsg import terminal

    clock = iter(range(0, 10_000))
    monkeypatch.setattr(time, "monotonic", lambda: float(next(clock)))  # a second a file
    monkeypatch.setenv("COLUMNS", "80")
    code, shown = _on_terminal_stderr(
        "render", "site", "--out", str(tmp_path / "site"), "--data", BUNDLED
    )
    assert code == 0
    assert terminal.MOMENT < 1
    assert "wsg: rendering" in shown and re.search(r" \d+/\d+", shown)  # the bar: done/total
    last = shown.rstrip("\n").rsplit("\n", 1)[-1]
    assert re.fullmatch(
        r"wsg: rendered \d+ files in \d+\.\d s: \d+ pages, \d+ calendars, \d+ schedules,"
        r" 2 feeds, 1 stylesheet, 1 image",
        re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", last).strip(),
    ), last


def test_a_quick_render_shows_no_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setattr(time, "monotonic", lambda: 0.0)  # the whole build in no time
    code, shown = _on_terminal_stderr(
        "render", "site", "--out", str(tmp_path / "site"), "--data", BUNDLED
    )
    assert code == 0
    assert re.fullmatch(  # no bar: only the closing line
        r"wsg: rendered \d+ files in 0\.0 s: \d+ pages, \d+ calendars, \d+ schedules, "
        r"2 feeds, 1 stylesheet, 1 image\n",
        shown,
    ), shown


def _on_terminal_stderr(*args: str) -> tuple[int, str]:
    from contextlib import redirect_stderr

    from wsg.cli import main

    err = Terminal()
    argv, sys.argv = sys.argv, ["wsg", *args]
    try:
        with (
            redirect_stderr(err),
            redirect_stdout(io.StringIO()),
            pytest.raises(SystemExit) as exit_,
        ):
            main()
    finally:
        sys.argv = argv
    return int(exit_.value.code or 0), err.getvalue()


def test_new_event_lists_the_groups_in_natural_order(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    result = run_wsg(
        "new", "event", "--title", "x", "--start", "2027-01-10", "--format", "virtual",
        "--theme", "ai", "--data", str(tmp_path / "data"),
    )  # fmt: skip
    assert result.code == 2
    assert "(group ids: sg2, sg3, sg5, sg9, sg11, sg12, sg13, sg15, sg16, sg17, sg20," in result.err
