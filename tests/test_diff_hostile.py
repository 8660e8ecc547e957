"""``wsg diff`` on a branch written by an attacker: crafted git trees, huge blobs, hostile text.

Maintainers run ``wsg diff main their-branch`` on fetched branches and CI runs it on
every pull request, so every test here builds its commit as an attacker would: with
``git mktree`` and ``git commit-tree``, which accept trees that ``git checkout`` refuses
(entries named ``..``, two entries of the same name, symbolic links beside folders).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import make_dataset, run_wsg

TODAY = "2026-06-01"

EVENT = """\
id: 2026-09-ai
title: Workshop on AI
kind: workshop
status: approved
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
approval: {date: 2026-03-01, by: tsag, ref: TSAG-R2}
"""

EVENT_PATH = "data/events/2026/2026-09-ai.yaml"
PAYLOAD = b"[core]\n\tfsmonitor = touch /tmp/owned-by-wsg-diff\n"


def git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Attacker", "-c", "user.email=a@example.org", *args],
        cwd=repo,
        input=stdin,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode().strip()


def blob(repo: Path, content: bytes) -> str:
    return git(repo, "hash-object", "-w", "--stdin", stdin=content)


Entry = tuple[str, str, str, str]  # mode, type, object id, name


def mktree(repo: Path, entries: list[Entry]) -> str:
    """A tree object with exactly these entries (``--missing`` skips no check we rely on)."""
    listing = b"".join(
        f"{mode} {kind} {oid}\t".encode() + os.fsencode(name) + b"\0"
        for mode, kind, oid, name in entries
    )
    return git(repo, "mktree", "-z", stdin=listing)


def entries(repo: Path, tree: str) -> list[Entry]:
    found = []
    for raw in git(repo, "ls-tree", "-z", tree).split("\0"):
        if raw:
            meta, _, name = raw.partition("\t")
            mode, kind, oid = meta.split()
            found.append((mode, kind, oid, name))
    return found


def graft(repo: Path, tree: str, folder: list[str], added: list[Entry]) -> str:
    """``tree`` with ``added`` put into its sub-folder ``folder`` (made if missing)."""
    current = entries(repo, tree)
    if not folder:
        return mktree(repo, current + added)
    name, rest = folder[0], folder[1:]
    sub = next((oid for mode, kind, oid, n in current if n == name and kind == "tree"), None)
    inner = graft(repo, sub or mktree(repo, []), rest, added)
    kept = [e for e in current if not (e[3] == name and e[1] == "tree")]
    return mktree(repo, [*kept, ("040000", "tree", inner, name)])


def nest(repo: Path, parts: list[str], innermost: list[Entry]) -> str:
    """A chain of trees ``parts[0]/parts[1]/…`` holding ``innermost``; the outer tree's id."""
    tree = mktree(repo, innermost)
    for name in reversed(parts[1:]):
        tree = mktree(repo, [("040000", "tree", tree, name)])
    return tree


def attack(repo: Path, folder: list[str], added: list[Entry]) -> str:
    """A branch ``attack`` on top of main whose tree adds ``added`` under ``folder``."""
    tree = graft(repo, git(repo, "rev-parse", "main^{tree}"), folder, added)
    commit = git(repo, "commit-tree", tree, "-p", "main", "-m", "attack")
    git(repo, "branch", "-f", "attack", commit)
    return commit


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    make_dataset(work, {EVENT_PATH: EVENT})
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "base")
    return work


def diff(repo: Path, *args: str) -> tuple[int, str, str]:
    result = run_wsg("diff", *args, "--data", str(repo / "data"), "--today", TODAY)
    return result.code, result.out, result.err


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


# ---------------------------------------------------------------------------
# Crafted trees: nothing is ever written outside, and the output says what is there


def test_a_tree_of_dot_dot_entries_writes_nothing_outside(repo: Path, tmp_path: Path) -> None:
    """The attack of issue 12: ``data/events/../../…/<home>/.gitconfig`` with a command in it."""
    home = tmp_path / "home"
    home.mkdir()
    target = [*[".."] * 40, *home.parts[1:]]  # enough '..' to reach / from any scratch folder
    escape = nest(repo, target, [("100644", "blob", blob(repo, PAYLOAD), ".gitconfig")])
    attack(repo, ["data", "events"], [("040000", "tree", escape, "..")])
    before = files_under(tmp_path)
    code, out, err = diff(repo, "main", "attack")
    assert not (home / ".gitconfig").exists()
    assert files_under(tmp_path) == before
    assert code == 0, err  # a warning: nothing that validate would call an error
    assert "no changes" not in out
    assert "data/events/.." in out
    assert "a name git refuses to check out ('..')" in out


def test_an_entry_named_dot_dot_holding_a_record_is_not_read(repo: Path) -> None:
    record = blob(repo, EVENT.replace("2026-09-ai", "2026-09-evil").encode())
    attack(repo, ["data", "events", "2026"], [("100644", "blob", record, "..")])
    code, out, _ = diff(repo, "main", "attack")
    assert "2026-09-evil" not in out
    assert "data/events/2026/.." in out
    assert code == 0


def test_a_symlink_and_a_file_of_the_same_name_overwrite_nothing(
    repo: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", "utf-8")
    link = blob(repo, os.fsencode(victim))
    record = blob(repo, PAYLOAD)
    attack(
        repo,
        ["data", "events", "2026"],
        [("120000", "blob", link, "x.yaml"), ("100644", "blob", record, "x.yaml")],
    )
    before = files_under(tmp_path)
    code, out, _ = diff(repo, "main", "attack")
    assert victim.read_text("utf-8") == "precious\n"
    assert files_under(tmp_path) == before
    said = [line.strip() for line in out.splitlines()]
    duplicate = "two entries named 'x.yaml' in one folder; git refuses to check out such a tree"
    assert sum(duplicate in line for line in said) == 2  # both entries, neither read
    assert code == 0


def test_a_symlinked_folder_and_a_tree_of_the_same_name_write_nothing_through_the_link(
    repo: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    link = blob(repo, os.fsencode(outside))
    inner = mktree(repo, [("100644", "blob", blob(repo, PAYLOAD), "x.yaml")])
    attack(
        repo,
        ["data", "events"],
        [("120000", "blob", link, "2027"), ("040000", "tree", inner, "2027")],
    )
    code, out, _ = diff(repo, "main", "attack")
    assert list(outside.iterdir()) == []
    assert "two entries named '2027' in one folder" in out
    assert "data/events/2027/x.yaml" not in out  # a folder that cannot be checked out is not read
    assert code == 0


def test_a_symlink_entry_is_a_stray_file_and_its_target_is_never_read(
    repo: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: the-secret-content\n", "utf-8")
    link = blob(repo, os.fsencode(secret))
    attack(repo, ["data", "events", "2026"], [("120000", "blob", link, "2026-10-link.yaml")])
    code, out, _ = diff(repo, "main", "attack")
    assert "the-secret-content" not in out
    assert str(secret) not in out
    assert (
        "data/events/2026/2026-10-link.yaml" in out
        and "a symbolic link; links are not followed" in out
    )
    assert code == 0


def test_nothing_is_written_anywhere_while_reading_a_revision(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stronger than any single attack: reading two revisions makes no folder, link or file."""
    import builtins
    import io

    attack(repo, ["data", "events", "2026"], [("100644", "blob", blob(repo, PAYLOAD), "y.yaml")])
    made: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def spy_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if not isinstance(file, int) and any(flag in mode for flag in "wax+"):  # not a pipe
            made.append(f"open {file}")
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    def spy_os_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if path != os.devnull and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            made.append(f"os.open {path}")
        return real_os_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(os, "mkdir", lambda *a, **k: made.append(f"mkdir {a}"))
    monkeypatch.setattr(os, "symlink", lambda *a, **k: made.append(f"symlink {a}"))
    _, out, err = diff(repo, "main", "attack")
    assert made == []
    assert "data/events/2026/y.yaml" in out, err


# ---------------------------------------------------------------------------
# Bounded work


def test_huge_blobs_are_findings_and_never_loaded(repo: Path) -> None:
    """Issue 12: ten 99 MB blobs took 2 GB of memory. Sizes are read first; nothing over
    the 1 MiB record limit is loaded, and each is a file-too-large finding as in validate."""
    import tracemalloc

    huge = 40 * 1024 * 1024
    added = [
        ("100644", "blob", blob(repo, b"# " + bytes([65 + n]) * huge + b"\n"), f"huge-{n}.yaml")
        for n in range(3)
    ]
    attack(repo, ["data", "events", "2026"], added)
    tracemalloc.start()
    try:
        code, out, _ = diff(repo, "main", "attack")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, f"{peak:,} bytes at the peak"
    said = [line.strip() for line in out.splitlines()]
    too_large = f"{huge + 3:,} bytes; a record file is at most 1,048,576 bytes (1 MiB)"
    assert sum(line.endswith(too_large) and "file-too-large" in line for line in said) == 3
    assert code == 1  # file-too-large is an error


def test_a_blob_just_under_the_limit_is_read_and_one_byte_over_is_not(repo: Path) -> None:
    from wsg.dataset import MAX_FILE_SIZE

    record = EVENT.replace("2026-09-ai", "2026-09-over").encode()
    fits = record + b"#" * (MAX_FILE_SIZE - len(record) - 1) + b"\n"
    over = fits + b"\n"
    assert len(fits) == MAX_FILE_SIZE
    too_big = attack(
        repo,
        ["data", "events", "2026"],
        [("100644", "blob", blob(repo, over), "2026-09-over.yaml")],
    )
    code, out, _ = diff(repo, "main", "attack")
    assert "data/events/2026/2026-09-over.yaml" in out and "file-too-large" in out
    git(repo, "checkout", "-q", "attack")
    (repo / "data/events/2026/2026-09-over.yaml").write_bytes(fits)
    git(repo, "commit", "-q", "-am", "fits")
    code, out, _ = diff(repo, too_big, "HEAD")
    assert "- fixed error file-too-large" in out
    assert code == 0


def test_one_folder_named_a_thousand_times_is_bounded(repo: Path) -> None:
    """A tree costs nothing to repeat: 400 names for one folder of 400 files is 160,000
    files in a checkout but a few kilobytes in git. Reading stops at the bound, exit 2."""
    leaf = blob(repo, b"x\n")
    inner = mktree(repo, [("100644", "blob", leaf, f"f{n:03}.txt") for n in range(400)])
    outer = mktree(repo, [("040000", "tree", inner, f"d{n:03}") for n in range(400)])
    attack(repo, ["data", "events"], [("040000", "tree", outer, "2028")])
    code, out, err = diff(repo, "main", "attack")
    assert code == 2
    assert out == ""
    assert "the dataset holds more than 100,000 files and folders" in err


def test_one_blob_named_many_times_is_read_within_a_total_bound(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import revision

    monkeypatch.setattr(revision, "MAX_TOTAL_SIZE", 4 * 1024 * 1024)
    record = blob(repo, b"# " + b"x" * (1000 * 1000) + b"\n")
    many = [("100644", "blob", record, f"2026-09-e{n:02}.yaml") for n in range(10)]
    attack(repo, ["data", "events", "2026"], many)
    code, out, err = diff(repo, "main", "attack")
    assert (code, out) == (2, "")
    assert "the record files add up to more than 4,194,304 bytes" in err


def test_a_dataset_folder_that_is_a_symlink_at_a_revision_is_refused(
    repo: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    make_dataset(elsewhere, {})
    root = entries(repo, git(repo, "rev-parse", "main^{tree}"))
    kept = [e for e in root if e[3] != "data"]
    link = ("120000", "blob", blob(repo, os.fsencode(elsewhere / "data")), "data")
    commit = git(repo, "commit-tree", mktree(repo, [*kept, link]), "-p", "main", "-m", "x")
    code, out, err = diff(repo, "main", commit)
    assert (code, out) == (2, "")
    assert f"at {commit[:10]}, data is not one folder in git" in err


# ---------------------------------------------------------------------------
# Text from the data cannot drive the terminal or pose as output

HOSTILE_TITLE = (
    '"Workshop\\e]0;owned\\a on AI\\e[2J\\x9b31m\\u202egnp.exe\\n'
    '+ introduced error fake-rule at 1:1: forged"'
)
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


def hostile_branch(repo: Path) -> None:
    """Branch ``hostile``: a title and a speaker's name full of control characters, in a
    session whose title holds a NEL (U+0085), which main already had."""
    session = '      - {start: "09:30", end: "10:00", title: "Open\\u0085ing"'
    main = f"{EVENT}programme:\n  - date: 2026-09-10\n    sessions:\n{session}}}\n"
    (repo / EVENT_PATH).write_text(main, "utf-8")
    git(repo, "commit", "-q", "-am", "a session")
    git(repo, "checkout", "-q", "-b", "hostile")
    speaker = ', speakers: [{name: "Ana\\e[8m Lima\\u2066", country: BR}]}'
    hostile = main.replace("title: Workshop on AI", f"title: {HOSTILE_TITLE}")
    hostile = hostile.replace(f"{session}}}", session + speaker)
    (repo / EVENT_PATH).write_text(hostile, "utf-8")
    git(repo, "commit", "-q", "-am", "hostile text")


def test_control_characters_from_the_data_are_shown_escaped_in_text(repo: Path) -> None:
    hostile_branch(repo)
    _, out, _ = diff(repo, "main", "hostile")
    assert not any(ch in out for ch in CONTROLS)
    assert all(ch.isprintable() or ch == "\n" for ch in out)
    assert "Workshop\\x1b]0;owned\\x07 on AI\\x1b[2J\\x9b31m\\u202egnp.exe\\n+ introduced" in out
    assert not any(line.startswith("+ introduced error fake-rule") for line in out.splitlines())
    assert "speaker added to 'Open\\x85ing' (2026-09-10): Ana\\x1b[8m Lima\\u2066 (BR)" in out


def test_control_characters_are_escaped_in_json_which_stays_the_same_data(repo: Path) -> None:
    import json

    hostile_branch(repo)
    _, out, _ = diff(repo, "main", "hostile", "--format", "json")
    assert all(ch.isprintable() or ch in "\n" for ch in out)
    document = json.loads(out)
    (record,) = document["records"]
    assert record["title"].startswith("Workshop\x1b]0;owned\x07 on AI\x1b[2J\x9b31m\u202e")


# ---------------------------------------------------------------------------
# The pull-request comment is built from untrusted text

FORGERY = (
    "AI\\n# Forged heading\\n- forged item\\n1. forged\\n> quote @maintainer #1 GH-2 owner/repo#3"
    " ![x](https://evil.example/x.png) [click](https://evil.example) <img src=x onerror=alert(1)>"
    " <b>bold</b> &#64;admin &lt; `code` ``` | a | b | *em* _em_ ~~s~~ $x$ :x: error"
    " https://evil.example/login www.evil.example a@b.example      indented"
)
STRAY = "a``b`<b>@x #1.txt"
ODD_STEM = "@admin #4 `x`"


def forged_branch(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "forged")
    event = EVENT.replace("title: Workshop on AI", f'title: "{FORGERY}"')
    event += (
        "programme:\n  - date: 2026-09-10\n    sessions:\n"
        '      - {start: "09:30", end: "10:00", title: "`Opening` @team",'
        ' speakers: [{name: "@octocat <i>", country: BR}]}\n'
    )
    (repo / EVENT_PATH).write_text(event, "utf-8")
    folder = repo / "data" / "events" / "2026"
    (folder / STRAY).write_text("x\n", "utf-8")
    odd = EVENT.replace("id: 2026-09-ai", "id: Not An Id").replace("Workshop on AI", "Other")
    (folder / f"{ODD_STEM}.yaml").write_text(odd, "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "forged")


def tokens(markdown: str) -> list[Any]:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    flat = []
    for token in parser.parse(markdown):
        flat.append(token)
        flat.extend(token.children or [])
    return flat


MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9]")
REFERENCE = re.compile(r"#\d|\bGH-\d", re.IGNORECASE)


def test_the_comment_forges_no_heading_list_mention_reference_html_or_link(repo: Path) -> None:
    forged_branch(repo)
    code, out, _ = diff(repo, "main", "forged", "--format", "md")
    assert code == 1  # the odd id is an error
    found = tokens(out)
    types = Counter(t.type for t in found)
    assert types["heading_open"] == 1  # "Dataset changes", ours
    for forbidden in ("ordered_list_open", "blockquote_open", "html_inline"):
        assert types[forbidden] == 0, forbidden
    assert [t.content for t in found if t.type == "html_block"] == ["<!-- wsg-diff -->\n"]
    for forbidden in ("link_open", "image", "em_open", "s_open", "table_open", "code_block"):
        assert types[forbidden] == 0, forbidden
    items = [t for t in found if t.type == "list_item_open"]
    records = [t for t in found if t.type == "bullet_list_open"]
    assert len(records) == 3 and len(items) >= 5  # the event, the stray file, the odd stem
    text = "".join(t.content for t in found if t.type == "text")
    assert not MENTION.search(text), MENTION.findall(text)
    assert not REFERENCE.search(text), REFERENCE.findall(text)
    assert "://" not in text and "www." not in text  # no bare URL to autolink
    visible = text.replace("\u2060", "")  # what a reader sees: the text, as it is
    assert "AI\\n# Forged heading\\n- forged item" in visible
    assert "<img src=x onerror=alert(1)>" in visible and "&#64;admin" in visible
    assert "session added: '`Opening` @team' on 2026-09-10" in visible
    spans = {t.content for t in found if t.type == "code_inline"}
    assert f"data/events/2026/{STRAY}" in spans  # the whole name, in one code span
    assert ODD_STEM in spans
    assert "2026-09-ai" in spans


def test_the_comment_is_bounded_to_what_github_accepts_and_says_what_was_cut(
    repo: Path,
) -> None:
    """Each record as long as the comment lets it be: long titles of punctuation (each
    character escaped: twice as long) and a dozen long findings each."""
    git(repo, "checkout", "-q", "-b", "big")
    folder = repo / "data" / "events" / "2026"
    organizers = ", ".join(f'"{"<" * 400}{k}"' for k in range(12))
    for n in range(300):
        event_id = f"2026-10-w{n:03}"
        text = EVENT.replace("2026-09-ai", event_id).replace(
            "Workshop on AI", '"' + "!" * 1000 + '"'
        )
        (folder / f"{event_id}.yaml").write_text(
            text.replace("organizers: [sg16]", f"organizers: [{organizers}]"), "utf-8"
        )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "many long events")
    _, out, _ = diff(repo, "main", "big", "--format", "md")
    assert len(out.encode("utf-16-le")) // 2 <= 65_536
    assert len(out) > 60_000  # as much as fits is shown
    assert "… \\(700 more characters\\)" in out  # a cut text says how much was cut of it
    last = out.rstrip("\n").splitlines()[-1]
    assert re.fullmatch(
        r"… and \d+ more records are not shown: a comment holds at most 25 records"
        r" in 65,536 characters; `wsg diff [0-9a-f]{10} [0-9a-f]{10}` lists them all\.",
        last,
    ), last
    shown = out.count("**event `")
    assert 0 < shown < 25  # the bound on characters, not on records, stopped it
    assert shown + int(last.split()[2]) == 300


@pytest.mark.parametrize(
    "name",
    ["plain", "`leading", "trailing`", "``both``", " spaced ", "a ``` b", "<b>@x #1</b>", "x\ny"],
)
def test_a_code_span_holds_any_name_whole(name: str) -> None:
    from wsg.prcomment import code

    spans = [t.content for t in tokens(f"**{code(name)}** and text") if t.type == "code_inline"]
    assert spans == [name.replace("\n", "\\n")]


def test_a_tree_naming_a_missing_object_is_one_line_and_exit_2(repo: Path) -> None:
    """As in a shallow or partial clone: git has the tree but not the blob it names."""
    missing = "0123456789abcdef0123456789abcdef01234567"
    listing = f"100644 blob {missing}\t2026-09-gone.yaml\n".encode()
    inner = git(repo, "mktree", "--missing", stdin=listing)
    attack(repo, ["data", "events"], [("040000", "tree", inner, "2029")])
    code, out, err = diff(repo, "main", "attack")
    assert (code, out) == (2, "")
    assert err.strip().splitlines() == [err.strip()]
    assert f"{missing} missing" in err and "shallow or partial clone" in err
