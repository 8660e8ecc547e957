"""No HTML page or XML file carries a control character from the data (they make it invalid).

Escapes in double-quoted YAML put C0 and C1 controls, DEL and noncharacters into
titles, names and notes; every page of the site, its feed and the standalone
html agenda and summary are checked for the characters HTML calls parse errors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SITE_RENDERED, make_dataset, run_wsg
from wsg.render.text import without_markup_controls

TODAY = "2026-06-01"
# as YAML escapes: NUL is refused by the loader, everything else here reads
HOSTILE = r"\x01\x08\v\f\x0e\e[31m\x7f\x80\x85\x9b\ufdd0\ufffe"
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def hostile(text: str) -> str:
    return f'"Bad{HOSTILE}{text}"'


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("controls")
    forum = (
        Path(__file__).parent / "examples-base" / "events" / "2025" / "ai-forum.yaml"
    ).read_text("utf-8")
    forum = forum.replace("title: AI forum", f"title: {hostile('forum')}")
    speaker = f"speakers: [{{name: {hostile('speaker')}, country: CH}}]"
    forum = forum.replace("title: Opening}", f"title: {hostile('opening')}, {speaker}}}")
    forum += f"notes: {hostile('notes')}\n"
    data = make_dataset(
        root,
        {
            "data/events/2025/ai-forum.yaml": forum,
            "data/groups/sg17.yaml": f"id: sg17\nname: {hostile('group')}\nkind: study-group\n",
            "data/topics/ai-agents.yaml": (
                Path(__file__).parent / "examples-base" / "topics" / "ai-agents.yaml"
            )
            .read_text("utf-8")
            .replace("title: Security of AI agents", f"title: {hostile('topic')}"),
        },
    )
    common = ("--data", str(data), "--today", TODAY)
    for command in (
        ("render", "site", "--out", str(root / "out" / "site")),
        ("render", "agenda", "ai-forum", "-o", str(root / "out" / "agenda.html")),
        ("render", "summary", "--year", "2025", "-o", str(root / "out" / "summary.html")),
    ):
        result = run_wsg(*command, *common)
        assert result.code == 0, (command, result.err)
        assert SITE_RENDERED.fullmatch(result.err) if command[1] == "site" else not result.err
    return root / "out"


def test_no_page_carries_a_control_character_from_the_data(out: Path) -> None:
    files = [p for p in out.rglob("*") if p.suffix in (".html", ".xml", ".svg")]
    assert len(files) >= 10
    shown = 0
    for path in files:
        page = path.read_text("utf-8")
        assert not INVALID.search(page), (path, INVALID.search(page))
        shown += page.count("Bad[31m")  # the text around what was dropped stays
    assert shown >= 10


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("agenda.html", ["Bad[31mforum", "Bad[31mopening", "Bad[31mspeaker"]),
        ("summary.html", ["Bad[31mforum"]),
        ("site/events/ai-forum.html", ["Bad[31mforum", "Bad[31mnotes", "Bad[31mgroup"]),
        ("site/topics.html", ["Bad[31mtopic"]),
        ("site/groups/sg17.html", ["Bad[31mgroup"]),
    ],
)
def test_each_value_is_shown_without_its_control_characters(
    out: Path, name: str, expected: list[str]
) -> None:
    page = (out / name).read_text("utf-8")
    for text in expected:
        assert text in page, (name, text)


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        ("a\x01b\x0bc\x7fd\x85e\x9bf", "abcdef"),  # C0 (not tab, LF, CR), DEL, C1
        ("\tkept\r\n", "\tkept\r\n"),
        ("\ufdcf\ufdd0\ufdef\ufdf0", "\ufdcf\ufdf0"),  # the noncharacter block, its neighbours
        ("\ufffd\ufffe\uffff", "\ufffd"),
        # beyond U+FFFF: each plane's last two are noncharacters, the rest is text
        ("\U0001fffd\U0001fffe\U0001ffff\U00020000", "\U0001fffd\U00020000"),
        ("\U0010fffd\U0010fffe\U0010ffff", "\U0010fffd"),
        ("Tiếng Việt 😀 𪜀 \u2013 Ωμέγα", "Tiếng Việt 😀 𪜀 \u2013 Ωμέγα"),
    ],
)
def test_a_page_loses_exactly_the_characters_markup_forbids(page: str, kept: str) -> None:
    assert without_markup_controls(page) == kept
