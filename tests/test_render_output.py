"""``wsg render agenda|summary -o FILE`` replaces only a file that wsg rendered.

wsg knows its own output by a mark in its content (html: the generator meta,
ics: PRODID, json: ``generator``, Markdown: a last-line comment), never by the
file's name: a README.md, or a foreign calendar named agenda.ics, survives byte
for byte, and the refusal is one line, exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import make_dataset, run_wsg
from wsg.commands.render import MARKDOWN_MARK, rendered_by_wsg

TODAY = "2026-06-01"
FORMATS = ["md", "html", "ics", "json"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_dataset(tmp_path / "repo", {})


def render(data: Path, output: Path, *args: str) -> tuple[int, str, str]:
    what = list(args) or ["agenda", "ai-forum"]
    result = run_wsg("render", *what, "-o", str(output), "--data", str(data), "--today", TODAY)
    return result.code, result.out, result.err


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_wsg_did_not_render_survives_byte_for_byte(
    data: Path, tmp_path: Path, fmt: str
) -> None:
    readme = tmp_path / "README.md"
    original = b"# My project\n\nHand-written, with no copy elsewhere.\n"
    readme.write_bytes(original)
    code, out, err = render(data, readme, "agenda", "ai-forum", "--format", fmt)
    assert (code, out) == (2, "")
    assert err == (
        f"wsg: -o {readme} exists and holds no mark of wsg's, so wsg did not render it;"
        " left as it is: name a new file, or remove it first\n"
    )
    assert readme.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "repo"]  # no leftovers


@pytest.mark.parametrize(
    ("name", "foreign"),
    [
        ("agenda.ics", b"BEGIN:VCALENDAR\r\nPRODID:-//Example Corp//Calendar//EN\r\n"),
        ("agenda.html", b'<!DOCTYPE html><meta name="generator" content="Hugo 0.1">'),
        ("schedule.json", b'{"generator": {"name": "pretalx"}, "schedule": {}}'),
        ("agenda.md", b"Notes.\n<!-- generator: wsg 0.1 -->\nA line after the mark.\n"),
        ("summary.html", b"\x00\xff binary"),
    ],
)
def test_the_name_is_not_the_mark(data: Path, tmp_path: Path, name: str, foreign: bytes) -> None:
    """A foreign file named like wsg's output, or quoting its mark inside, is refused."""
    target = tmp_path / name
    target.write_bytes(foreign)
    assert render(data, target)[0] == 2
    assert target.read_bytes() == foreign


@pytest.mark.parametrize("fmt", FORMATS)
def test_rendering_again_to_the_same_file_replaces_it(data: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"agenda.{fmt}"
    assert render(data, target)[0] == 0
    first = target.read_bytes()
    assert rendered_by_wsg(first)
    event = data / "events" / "2025" / "ai-forum.yaml"
    event.write_text(event.read_text("utf-8").replace("title: Opening", "title: Welcome"), "utf-8")
    code, _, err = render(data, target)
    assert (code, err) == (0, "")
    assert target.read_bytes() != first
    assert b"Welcome" in target.read_bytes()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_summary_replaces_its_own_earlier_rendering(data: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"summary.{fmt}"
    for _ in range(2):
        code, _, err = render(data, target, "summary", "--year", "2025")
        assert (code, err) == (0, "")
    assert rendered_by_wsg(target.read_bytes())


def test_one_format_may_replace_wsgs_rendering_in_another(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "agenda.txt"
    assert render(data, target, "agenda", "ai-forum", "--format", "ics")[0] == 0
    assert render(data, target, "agenda", "ai-forum", "--format", "md")[0] == 0
    assert target.read_text("utf-8").startswith("# AI forum")


def test_markdown_ends_with_the_mark_on_stdout_too(data: Path) -> None:
    """``wsg render agenda X > file.md`` makes a file that ``-o file.md`` may replace."""
    for args in (["agenda", "ai-forum"], ["summary", "--year", "2025"]):
        result = run_wsg("render", *args, "--data", str(data), "--today", TODAY)
        assert result.out.endswith("\n" + MARKDOWN_MARK)
        assert result.out.count("<!--") == 1


def test_a_schedule_is_known_by_its_generator(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    assert render(data, target)[0] == 0
    assert json.loads(target.read_bytes())["generator"]["name"] == "wsg"


@pytest.mark.parametrize("kind", ["folder", "link"])
def test_a_folder_or_a_link_is_refused_untouched(data: Path, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "agenda.md"
    if kind == "folder":
        target.mkdir()
        (target / "mine.txt").write_text("mine\n")
        why = "a folder"
    else:
        rendered = tmp_path / "rendered.md"
        assert render(data, rendered)[0] == 0  # even a link to wsg's own rendering
        target.symlink_to(rendered)
        why = "a symbolic link"
    code, _, err = render(data, target)
    assert code == 2
    assert err == (
        f"wsg: -o {target} is {why}, which wsg did not render; left as it is: name a new file\n"
    )
    assert target.is_symlink() == (kind == "link")
    if kind == "folder":
        assert (target / "mine.txt").read_text() == "mine\n"
