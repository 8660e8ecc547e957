"""``wsg diff``: what changed between two git revisions, in words, and which findings moved."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import make_dataset, run_wsg

from wsg import dataset, engine
from wsg.cache import FileCache
from wsg.diffing import DatasetDiff, compare

TODAY = "2026-06-01"

WSG = """\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
management:
  - role: chairman
    name: Ingrid Haugen
    country: "NO"
    term: {start: 2025-01-20}
  - role: vice-chairman
    name: Grace Wanjiru Kamau
    country: KE
    region: africa
    term: {start: 2025-01-20}
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: security, title: Security and trust, priority: normal}
"""

REPLACEMENT = """\
    term: {start: 2025-01-20, end: 2026-05-29}
  - role: vice-chairman
    name: Aline Uwase
    country: RW
    region: africa
    email: aline.uwase@example.org
    term: {start: 2026-05-30}
"""

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
programme:
  - date: 2026-09-10
    sessions:
      - start: "09:30"
        end: "10:00"
        title: Opening
        speakers:
          - {name: Ana Lima, country: BR}
"""

EVENT_PATH = "data/events/2026/2026-09-ai.yaml"
WSG_PATH = "data/groups/wsg.yaml"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: a small dataset; branch change: the event moved by a week, the African
    vice-chairman replaced and a bad organizer introduced."""
    make_dataset(tmp_path, {EVENT_PATH: EVENT, WSG_PATH: WSG})
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "base")
    git(tmp_path, "checkout", "-q", "-b", "change")
    event = tmp_path / EVENT_PATH
    moved = EVENT.replace("2026-09-10", "2026-09-17").replace("2026-09-11", "2026-09-18")
    event.write_text(moved.replace("organizers: [sg16]", "organizers: [sg16, sg99]"), "utf-8")
    wsg = tmp_path / WSG_PATH
    text = wsg.read_text("utf-8")
    grace = "    region: africa\n    term: {start: 2025-01-20}\n"
    wsg.write_text(text.replace(grace, "    region: africa\n" + REPLACEMENT), "utf-8")
    commit(tmp_path, "change")
    return tmp_path


def diff(repo: Path, *args: str) -> tuple[int, str, str]:
    result = run_wsg("diff", *args, "--data", str(repo / "data"), "--today", TODAY)
    return result.code, result.out, result.err


MOVED = "dates moved by 7 days: 2026-09-10 to 2026-09-11 → 2026-09-17 to 2026-09-18"
HANDED_OVER = (
    "vice-chairman for africa: Grace Wanjiru Kamau (KE) → Aline Uwase (RW) from 2026-05-30"
)


def test_diff_names_the_move_the_replacement_and_the_bad_organizer(repo: Path) -> None:
    code, out, _ = diff(repo)  # merge base with main .. the working tree
    lines = [line.strip() for line in out.splitlines()]
    assert MOVED in lines
    assert HANDED_OVER in lines
    assert "organizers: added sg99" in lines
    assert any(
        line.startswith("+ introduced error unknown-group") and "'sg99'" in line for line in lines
    )
    assert code == 1  # the change introduces an error


def test_the_same_change_between_two_named_revisions(repo: Path) -> None:
    default = diff(repo)[1].splitlines()[1:]
    named = diff(repo, "main", "change")[1].splitlines()[1:]
    assert named == default
    assert diff(repo, "HEAD~1", "HEAD")[1].splitlines()[1:] == default


def test_markdown_is_a_short_comment_grouped_by_record_most_important_first(repo: Path) -> None:
    _, out, _ = diff(repo, "--format", "md")
    assert out.startswith("<!-- wsg-diff -->\n")
    assert "**This change introduces 1 error.**" in out
    event_at = out.index("**event `2026-09-ai`**")
    group_at = out.index("**group `wsg`**")
    assert event_at < group_at  # the record with a new error comes first
    items = rendered_items(out)
    assert MOVED in items
    assert HANDED_OVER in items
    assert any(item.startswith("introduced :x: error unknown-group at line 9") for item in items)


def rendered(markdown: str) -> str:
    """The text a reader of the rendered comment sees (code spans as their text)."""
    from markdown_it import MarkdownIt

    shown = []
    for token in MarkdownIt("commonmark").parse(markdown):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                shown.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                shown.append("\n")
        if token.type in ("paragraph_close", "list_item_close"):
            shown.append("\n")
    return "".join(shown).replace("\u2060", "")


def rendered_items(markdown: str) -> list[str]:
    """The items of the comment's lists, as a reader sees them."""
    from markdown_it import MarkdownIt

    items, inside = [], False
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "list_item_open":
            inside, parts = True, []
        elif token.type == "list_item_close":
            inside = False
            items.append("".join(parts).replace("\u2060", ""))
        elif inside and token.type == "inline":
            parts += [c.content for c in token.children or [] if c.type in ("text", "code_inline")]
    return items


def test_json_holds_the_same_content_for_tools(repo: Path) -> None:
    code, out, _ = diff(repo, "--format", "json")
    document = json.loads(out)
    assert document["base"]["revision"] == "merge base with main"
    assert document["head"] == {"revision": "the working tree", "commit": None}
    records = {(r["kind"], r["id"]): r for r in document["records"]}
    event = records[("event", "2026-09-ai")]
    assert {"type": "dates", "text": MOVED} in event["changes"]
    assert [f["rule"] for f in event["findings_introduced"]] == ["unknown-group"]
    group = records[("group", "wsg")]
    assert {"type": "seat", "text": HANDED_OVER} in group["changes"]
    assert document["summary"]["errors_introduced"] == 1
    assert code == 1


def test_private_emails_never_appear(repo: Path) -> None:
    for output_format in ("text", "md", "json"):
        assert "aline.uwase@example.org" not in diff(repo, "--format", output_format)[1]


def test_uncommitted_changes_in_the_working_tree_count(repo: Path) -> None:
    event = repo / EVENT_PATH
    event.write_text(
        event.read_text("utf-8").replace("status: approved", "status: cancelled"), "utf-8"
    )
    _, out, _ = diff(repo)
    assert "status: approved → cancelled" in [line.strip() for line in out.splitlines()]
    _, committed, _ = diff(repo, "main", "HEAD")
    assert "status: approved → cancelled" not in committed


def test_without_main_the_base_is_master(repo: Path) -> None:
    git(repo, "branch", "-q", "-m", "main", "master")
    code, out, _ = diff(repo)
    base = git(repo, "rev-parse", "master")[:10]
    assert (
        out.splitlines()[0] == f"Changes from merge base with master ({base}) to the working tree:"
    )
    assert MOVED in out
    assert code == 1


def test_without_main_the_base_is_the_remotes_default_branch(repo: Path, tmp_path: Path) -> None:
    git(repo, "branch", "-q", "-m", "main", "trunk")
    git(repo, "checkout", "-q", "trunk")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    assert git(clone, "symbolic-ref", "refs/remotes/origin/HEAD") == "refs/remotes/origin/trunk"
    event = clone / EVENT_PATH
    event.write_text(event.read_text("utf-8").replace("status: approved", "status: held"), "utf-8")
    code, out, _ = diff(clone)
    assert code == 1  # "held" before the event: held-in-future
    base = git(clone, "rev-parse", "origin/trunk")[:10]
    assert out.splitlines()[0] == (
        f"Changes from merge base with origin/trunk ({base}) to the working tree:"
    )
    assert "status: approved → held" in out
    assert "+ introduced error held-in-future" in out


def test_without_main_master_or_a_remote_the_base_must_be_named(repo: Path) -> None:
    """Issue 11: comparing HEAD with itself said "no changes" for a branch full of them."""
    git(repo, "branch", "-q", "-m", "main", "trunk")
    code, out, err = diff(repo)
    assert (code, out) == (2, "")
    assert err.strip() == (
        "wsg: no base to compare with: this repository has no branch main or master and no"
        " origin/HEAD; name the base revision: wsg diff BASE"
    )


def test_an_unknown_revision_is_one_line_and_exit_2(repo: Path) -> None:
    code, out, err = diff(repo, "no-such-branch")
    assert code == 2
    assert out == ""
    assert err.strip().splitlines() == [err.strip()]
    assert "unknown revision 'no-such-branch'" in err


@pytest.mark.parametrize(("args", "which"), [(("",), "BASE"), (("main", ""), "HEAD")])
def test_an_empty_revision_is_a_usage_error_not_the_default(
    repo: Path, args: tuple[str, ...], which: str
) -> None:
    """``wsg diff "$BASE_SHA" HEAD`` with the variable unset must fail, not quietly compare
    with another base (as ``--today ""`` is an error, not "unset")."""
    code, out, err = diff(repo, *args)
    assert (code, out) == (2, "")
    assert err == f"wsg: {which} is empty; name a revision, such as main or a commit\n"


def test_an_option_like_revision_is_not_an_option_to_git(repo: Path) -> None:
    result = run_wsg("diff", "--data", str(repo / "data"), "--", "--output=x.txt")
    assert result.code == 2
    assert "unknown revision '--output=x.txt'" in result.err
    assert not (repo / "x.txt").exists()


def test_outside_a_git_repository_is_a_clear_error(tmp_path: Path) -> None:
    make_dataset(tmp_path, {})
    code, _, err = diff(tmp_path)
    assert code == 2
    assert "is not in a git repository" in err


def test_a_comment_that_shifts_lines_neither_introduces_nor_fixes_a_finding(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    event = repo / EVENT_PATH
    event.write_text(EVENT.replace("organizers: [sg16]", "organizers: [sg42]"), "utf-8")
    commit(repo, "a bad organizer on main")
    event.write_text("# a comment that moves every line down\n" + event.read_text("utf-8"), "utf-8")
    code, out, _ = diff(repo)
    assert "findings: 0 introduced, 0 fixed" in out
    assert code == 0


# ---------------------------------------------------------------------------
# The comparison itself, on datasets built from files (no git)


def changes(
    tmp_path: Path, base: dict[str, str | None], head: dict[str, str | None]
) -> DatasetDiff:
    def load(folder: str, files: dict[str, str | None]) -> dataset.Dataset:
        merged = {EVENT_PATH: EVENT, WSG_PATH: WSG, **files}
        present = {path: text for path, text in merged.items() if text is not None}
        return dataset.load(make_dataset(tmp_path / folder, present), date.fromisoformat(TODAY))

    old, new = load("base", base), load("head", head)
    return compare(old, new, engine.check(old), engine.check(new))


def texts(result: DatasetDiff) -> list[str]:
    return [change.text for record in result.records for change in record.changes]


def test_nothing_changed_says_nothing(tmp_path: Path) -> None:
    assert changes(tmp_path, {}, {}).records == []


def test_events_added_removed_and_renamed(tmp_path: Path) -> None:
    other = EVENT.replace("2026-09-ai", "2026-10-other").replace("2026-09-1", "2026-10-1")
    renamed = EVENT.replace("2026-09-ai", "2026-09-ai-workshop")
    result = changes(
        tmp_path,
        {"data/events/2026/2026-10-other.yaml": other},
        {EVENT_PATH: None, "data/events/2026/2026-09-ai-workshop.yaml": renamed},
    )
    said = texts(result)
    assert f"renamed from 2026-09-ai ({EVENT_PATH})" in said
    assert any(t.startswith("removed (was approved, 2026-10-10 to 2026-10-11") for t in said)
    assert not any(t.startswith("new ") for t in said)


def test_a_new_event_is_summarised(tmp_path: Path) -> None:
    other = EVENT.replace("2026-09-ai", "2026-10-other").replace("2026-09-1", "2026-10-1")
    said = texts(changes(tmp_path, {}, {"data/events/2026/2026-10-other.yaml": other}))
    assert said == ["new workshop, approved, 2026-10-10 to 2026-10-11, virtual, organizers sg16"]


def test_status_sessions_speakers_and_outcomes(tmp_path: Path) -> None:
    head = (
        EVENT.replace("status: approved", "status: held")
        .replace("2026-09-1", "2026-05-1")
        .replace(
            "          - {name: Ana Lima, country: BR}\n",
            "          - {name: Kofi Mensah, country: GH}\n",
        )
        + '      - start: "10:00"\n        end: "11:00"\n        title: Panel\n'
        + "outcomes:\n  - type: report\n    title: Workshop report\n"
        + "    url: https://www.itu.int/report.pdf\n    date: 2026-05-20\n"
    )
    base = EVENT.replace("2026-09-1", "2026-05-1")
    said = texts(changes(tmp_path, {EVENT_PATH: base}, {EVENT_PATH: head}))
    assert said[0] == "status: approved → held"
    assert "outcome published: report 'Workshop report' (2026-05-20)" in said
    assert "session added: 'Panel' on 2026-05-10 10:00-11:00" in said
    assert "speaker added to 'Opening' (2026-05-10): Kofi Mensah (GH)" in said
    assert "speaker removed from 'Opening' (2026-05-10): Ana Lima (BR)" in said


def test_a_fixed_finding_is_reported_as_fixed(tmp_path: Path) -> None:
    bad = EVENT.replace("organizers: [sg16]", "organizers: [sg42]")
    result = changes(tmp_path, {EVENT_PATH: bad}, {})
    assert [f.rule for f in result.fixed] == ["unknown-group"]
    assert result.introduced == []


def test_a_file_that_stops_parsing_is_not_an_event_removed(tmp_path: Path) -> None:
    result = changes(tmp_path, {}, {EVENT_PATH: "id: 2026-09-ai\ntitle: [broken\n"})
    said = texts(result)
    assert said == ["can no longer be read as a record (yaml-syntax)"]
    assert [f.rule for f in result.introduced] == ["yaml-syntax"]


# ---------------------------------------------------------------------------
# A revision read from git is the same dataset as its checkout


def test_a_revision_reads_as_its_checkout_does_file_for_file(tmp_path: Path) -> None:
    """Every kind of file the loader tells apart, committed: reading the commit from git's
    object store gives the same files, records and findings as loading the checkout."""
    import shutil

    from conftest import ROOT

    from wsg import revision

    work = tmp_path / "repo"
    shutil.copytree(ROOT / "data", work / "data")
    data = work / "data"
    extra: dict[str, bytes] = {
        "events/2026/notes.txt": b"not a record\n",
        "events/2026/old.yml": b"id: old\n",
        "events/stray.yaml": EVENT.encode(),  # an event outside a year folder
        "groups/sub/sg99.yaml": b"id: sg99\n",
        "groups/README": b"x\n",
        "top.yaml": b"id: top\n",
        "events/2026/folder.yaml/inside.yaml": EVENT.encode(),
        "events/a/b/c/d/e/f/g/h/deep.yaml": EVENT.encode(),
        "events/2026/.hidden.yaml": b"id: hidden\n",
        ".hidden/x.yaml": b"id: hidden\n",
        "events/2026/latin1.yaml": "title: caf\xe9\n".encode("latin-1"),
        "events/2026/bom.yaml": b"\xef\xbb\xbf" + EVENT.encode(),
        "events/2026/big.yaml": b"# " + b"x" * (1024 * 1024) + b"\n",
        "events/2026/list.yaml": b"- a\n- b\n",
        "events/2026/empty.yaml": b"",
        "events/2026/na\u202eme.yaml": b"id: x\n",
        "groups/broken.yaml": b"id: [broken\n",
        "topics/sub/watch.yaml": b"id: watch\ntitle: A topic\nstatus: watch\n",
        "watch.yaml": b"id: watch\ntitle: A topic\nstatus: watch\nreviewed: 2026-01-01\n",
        "events/2026/a-group.yaml": b"id: sg77\nname: A group\nkind: study-group\n",
        "topics/nothing.txt": b"x\n",
    }
    for rel, content in extra.items():
        target = data / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (data / "events" / "2026" / "link.yaml").symlink_to("2026-03-ai-watermarking.yaml")
    (data / "events" / "linked").symlink_to("2026")
    git(work, "init", "-q", "-b", "main")
    commit(work, "everything")
    today = date.fromisoformat(TODAY)

    on_disk = dataset.load(data, today)
    from_git = revision.load(revision.Git(data), git(work, "rev-parse", "HEAD"), data, today)

    def files(loaded: dataset.Dataset) -> list[tuple[str, str, list[tuple[str, int, int, str]]]]:
        return sorted((s.rel, s.kind, s.problems) for s in loaded.files)

    assert files(from_git) == files(on_disk)
    assert engine.check(from_git) == engine.check(on_disk)
    assert [e.id for e in from_git.events] == [e.id for e in on_disk.events]
    assert len(from_git.events) > 20 and len(from_git.groups) > 10
    code, out, _ = diff(work, "HEAD")
    assert out.splitlines()[1:] == [
        "no changes to the dataset",
        "",
        "findings: 0 introduced, 0 fixed",
    ]
    assert code == 0


def test_the_findings_of_a_file_that_no_longer_reads_are_unknown_not_fixed(
    tmp_path: Path,
) -> None:
    """Issue 11: breaking a file's YAML "fixed" every finding it had."""
    bad = EVENT.replace("organizers: [sg16]", "organizers: [sg42]")
    broken = bad.replace("title: Workshop on AI", "title: [Workshop on AI")
    result = changes(tmp_path, {EVENT_PATH: bad}, {EVENT_PATH: broken})
    assert result.fixed == []
    assert [f.rule for f in result.unknown] == ["unknown-group"]
    assert [f.rule for f in result.introduced] == ["yaml-syntax"]
    (record,) = result.records
    assert record.as_dict()["findings_unknown"][0]["rule"] == "unknown-group"


def test_unknown_findings_are_said_apart_and_not_counted(repo: Path) -> None:
    event = repo / EVENT_PATH
    event.write_text("id: 2026-09-ai\ntitle: [broken\n", "utf-8")  # sg99 can no longer be seen
    code, out, _ = diff(repo, "change")
    said = [line.strip() for line in out.splitlines()]
    assert "can no longer be read as a record (yaml-syntax)" in said
    unknown = "? unknown (the file no longer reads): error unknown-group"
    assert any(line.startswith(unknown) for line in said)
    assert not any(line.startswith("- fixed") for line in said)
    assert said[-1] == (
        "findings: 1 introduced (1 error), 0 fixed, 1 unknown (in files that no longer read)"
    )
    assert code == 1
    document = json.loads(diff(repo, "change", "--format", "json")[1])
    assert document["summary"]["findings_fixed"] == 0
    assert document["summary"]["findings_unknown"] == 1
    markdown = diff(repo, "change", "--format", "md")[1]
    assert "0 fixed, 1 unknown (in files that no longer read)." in rendered(markdown)
    items = rendered_items(markdown)
    assert any(
        i.startswith("unknown (the file no longer reads): :x: error unknown-group") for i in items
    )


# ---------------------------------------------------------------------------
# Renames and bounded work


def many_events(count: int, id_of: str, start: str = "2026-09-10") -> dict[str, str]:
    """``count`` distinct small events, event ``n`` under the id ``id_of.format(n=…)``;
    ``{r}`` in ``id_of`` numbers them backwards (``count - 1 - n``)."""
    files = {}
    for n in range(count):
        event_id = id_of.format(n=n, r=count - 1 - n)
        text = (
            EVENT.replace("2026-09-ai", event_id)
            .replace("Workshop on AI", f"Workshop number {n}")
            .replace("TSAG-R2", f"TSAG-R{n}")
            .replace("2026-09-10", start)
        )
        files[f"data/events/2026/{event_id}.yaml"] = text[: text.index("programme:")]
    return files


def test_an_event_renamed_because_its_dates_moved_is_one_rename_with_its_changes(
    tmp_path: Path,
) -> None:
    """Ids start with the month: a postponed event usually gets a new id and file."""
    postponed = EVENT.replace("2026-09-ai", "2026-10-ai").replace("2026-09-1", "2026-10-1")
    result = changes(
        tmp_path, {}, {EVENT_PATH: None, "data/events/2026/2026-10-ai.yaml": postponed}
    )
    assert [(r.id, r.file) for r in result.records] == [
        ("2026-10-ai", "data/events/2026/2026-10-ai.yaml")
    ]
    assert texts(result) == [
        "dates moved by 30 days: 2026-09-10 to 2026-09-11 → 2026-10-10 to 2026-10-11",
        f"renamed from 2026-09-ai ({EVENT_PATH})",
    ]


def test_an_event_renamed_because_its_title_changed_is_one_rename_with_its_changes(
    tmp_path: Path,
) -> None:
    retitled = EVENT.replace("2026-09-ai", "2026-09-ai-agents").replace(
        "title: Workshop on AI", "title: Workshop on AI agents"
    )
    result = changes(
        tmp_path, {}, {EVENT_PATH: None, "data/events/2026/2026-09-ai-agents.yaml": retitled}
    )
    assert texts(result) == [
        f"renamed from 2026-09-ai ({EVENT_PATH})",
        "title: Workshop on AI → Workshop on AI agents",
    ]


def test_a_rename_is_not_guessed_when_two_events_fit(tmp_path: Path) -> None:
    november = EVENT.replace("2026-09-ai", "2026-11-ai").replace("2026-09-1", "2026-11-1")
    december = EVENT.replace("2026-09-ai", "2026-12-ai").replace("2026-09-1", "2026-12-1")
    result = changes(
        tmp_path,
        {"data/events/2026/2026-11-ai.yaml": november},
        {
            EVENT_PATH: None,
            "data/events/2026/2026-11-ai.yaml": None,
            "data/events/2026/2026-12-ai.yaml": december,
        },
    )
    kinds = sorted(change.type for r in result.records for change in r.changes)
    assert kinds == ["event-added", "event-removed", "event-removed"]


def test_two_speakers_of_one_name_in_a_session_are_two_people(tmp_path: Path) -> None:
    """Two different people may share a name: comparing by name alone said an unchanged
    session's first Ana Lima had "changed" into the second."""
    twice = EVENT.replace(
        "          - {name: Ana Lima, country: BR}\n",
        "          - {name: Ana Lima, country: BR}\n          - {name: Ana Lima, country: PT}\n",
    )
    assert changes(tmp_path / "same", {EVENT_PATH: twice}, {EVENT_PATH: twice}).records == []
    moved = twice.replace("country: PT}", "country: AO}")
    said = texts(changes(tmp_path / "one", {EVENT_PATH: twice}, {EVENT_PATH: moved}))
    assert said == ["speaker Ana Lima in 'Opening' (2026-09-10): country changed"]
    first_moved = twice.replace("country: BR}", "country: AR}")
    said = texts(changes(tmp_path / "first", {EVENT_PATH: twice}, {EVENT_PATH: first_moved}))
    assert said == ["speaker Ana Lima in 'Opening' (2026-09-10): country changed"]


# ---------------------------------------------------------------------------
# Every branch of the comparison, with its exact sentence (issue 17)


def dates(start: str, end: str) -> str:
    """EVENT with other dates (its programme day stays on 2026-09-10)."""
    return EVENT.replace("start: 2026-09-10", f"start: {start}").replace(
        "end: 2026-09-11", f"end: {end}"
    )


def programme(sessions: str) -> str:
    """EVENT with these sessions on 2026-09-10 (YAML list items at six spaces)."""
    head = EVENT[: EVENT.index("programme:")]
    return head + "programme:\n  - date: 2026-09-10\n    sessions:\n" + sessions


OPENING = '      - {start: "09:30", end: "10:00", title: Opening, speakers: [%s]}\n'
ANA, KOFI = "{name: Ana Lima, country: BR}", "{name: Kofi Mensah, affiliation: GIZ, country: GH}"
PANEL = (
    '      - {start: "10:00", end: "11:00", title: Panel, chairs: [{name: Li Wei, country: CN}]}\n'
)
BREAK = '      - {start: "%s", end: "%s", title: Break}\n'
REPORT = (
    "outcomes:\n  - type: report\n    title: Workshop report\n"
    "    url: https://www.itu.int/report.pdf\n    date: 2026-09-20\n"
)
LONG_AFFILIATION = "Deutsche Gesellschaft fuer Internationale Zusammenarbeit"
OPENING_BY_ID = '      - {id: opening, start: "09:30", end: "10:00", title: Opening}\n'
CO_ORGANIZERS = (
    "co_organizers:\n"
    "  - {name: Communications Authority of Kenya, kind: administration, country: KE}\n"
    "  - {name: ITU-D, kind: itu-bureau}\n"
)
HELD = EVENT.replace("status: approved", "status: held").replace("2026-09-1", "2026-05-1")

EVENT_BRANCHES = {
    "moved": (
        EVENT,
        dates("2026-09-17", "2026-09-18"),
        ["dates moved by 7 days: 2026-09-10 to 2026-09-11 → 2026-09-17 to 2026-09-18"],
    ),
    "brought forward": (
        EVENT,
        dates("2026-09-07", "2026-09-08"),
        ["dates brought forward by 3 days: 2026-09-10 to 2026-09-11 → 2026-09-07 to 2026-09-08"],
    ),
    "moved with its programme": (
        programme(OPENING % ANA),
        programme(OPENING % ANA).replace("2026-09-1", "2026-09-2"),
        ["dates moved by 10 days: 2026-09-10 to 2026-09-11 → 2026-09-20 to 2026-09-21"],
    ),
    "moved by a year with its programme (days past 256: not one int object)": (
        programme(OPENING % ANA),
        programme(OPENING % ANA).replace("2026-09-1", "2027-09-1"),
        ["dates moved by 365 days: 2026-09-10 to 2026-09-11 → 2027-09-10 to 2027-09-11"],
    ),
    "moved by one day": (
        EVENT,
        dates("2026-09-11", "2026-09-12"),
        ["dates moved by 1 day: 2026-09-10 to 2026-09-11 → 2026-09-11 to 2026-09-12"],
    ),
    "end only, lengthened": (
        EVENT,
        dates("2026-09-10", "2026-09-12"),
        [
            "end moved by 1 day: 2026-09-10 to 2026-09-11 → 2026-09-10 to 2026-09-12"
            " (lengthened to 3 days)"
        ],
    ),
    "end only, a three-day event lengthened": (
        dates("2026-09-10", "2026-09-12"),
        dates("2026-09-10", "2026-09-13"),
        [
            "end moved by 1 day: 2026-09-10 to 2026-09-12 → 2026-09-10 to 2026-09-13"
            " (lengthened to 4 days)"
        ],
    ),
    "end only, shortened": (
        EVENT,
        dates("2026-09-10", "2026-09-10"),
        [
            "end brought forward by 1 day: 2026-09-10 to 2026-09-11 → 2026-09-10"
            " (shortened to 1 day)"
        ],
    ),
    "start only, shortened": (
        EVENT,
        dates("2026-09-11", "2026-09-11"),
        ["start moved by 1 day: 2026-09-10 to 2026-09-11 → 2026-09-11 (shortened to 1 day)"],
    ),
    "start only, lengthened": (
        EVENT,
        dates("2026-09-08", "2026-09-11"),
        [
            "start brought forward by 2 days: 2026-09-10 to 2026-09-11 → 2026-09-08 to 2026-09-11"
            " (lengthened to 4 days)"
        ],
    ),
    "both ends, lengthened": (
        EVENT,
        dates("2026-09-17", "2026-09-19"),
        [
            "start moved by 7 days and end moved by 8 days:"
            " 2026-09-10 to 2026-09-11 → 2026-09-17 to 2026-09-19 (lengthened to 3 days)"
        ],
    ),
    "both ends, shortened": (
        EVENT,
        dates("2026-09-09", "2026-09-09"),
        [
            "start brought forward by 1 day and end brought forward by 2 days:"
            " 2026-09-10 to 2026-09-11 → 2026-09-09 (shortened to 1 day)"
        ],
    ),
    "moved by a year": (
        EVENT,
        dates("2027-09-10", "2027-09-11"),
        ["dates moved by 365 days: 2026-09-10 to 2026-09-11 → 2027-09-10 to 2027-09-11"],
    ),
    "lengthened, its programme's day moved with the start": (
        programme(OPENING % ANA),
        programme(OPENING % ANA)
        .replace("start: 2026-09-10", "start: 2026-09-11")
        .replace("end: 2026-09-11", "end: 2026-09-14")
        .replace("date: 2026-09-10", "date: 2026-09-11"),
        [
            "start moved by 1 day and end moved by 3 days:"
            " 2026-09-10 to 2026-09-11 → 2026-09-11 to 2026-09-14 (lengthened to 4 days)",
            "session added: 'Opening' on 2026-09-11 09:30-10:00 (1 speaker)",
            "session removed: 'Opening' on 2026-09-10 09:30-10:00",
        ],
    ),
    "moved, its programme's second day dropped": (
        programme(OPENING % ANA) + "  - date: 2026-09-11\n    sessions:\n" + PANEL,
        programme(OPENING % ANA)
        .replace("start: 2026-09-10", "start: 2026-09-17")
        .replace("end: 2026-09-11", "end: 2026-09-18")
        .replace("date: 2026-09-10", "date: 2026-09-17"),
        [  # the programme did not move as a whole: its sessions are compared day by day
            "dates moved by 7 days: 2026-09-10 to 2026-09-11 → 2026-09-17 to 2026-09-18",
            "session added: 'Opening' on 2026-09-17 09:30-10:00 (1 speaker)",
            "session removed: 'Opening' on 2026-09-10 09:30-10:00",
            "session removed: 'Panel' on 2026-09-11 10:00-11:00",
        ],
    ),
    "moved, its programme gaining a second day": (
        programme(OPENING % ANA),
        programme(OPENING % ANA)
        .replace("start: 2026-09-10", "start: 2026-09-17")
        .replace("end: 2026-09-11", "end: 2026-09-18")
        .replace("date: 2026-09-10", "date: 2026-09-17")
        + "  - date: 2026-09-18\n    sessions:\n"
        + PANEL,
        [  # nor did it here (a programme is moved as a whole or compared day by day)
            "dates moved by 7 days: 2026-09-10 to 2026-09-11 → 2026-09-17 to 2026-09-18",
            "session added: 'Opening' on 2026-09-17 09:30-10:00 (1 speaker)",
            "session added: 'Panel' on 2026-09-18 10:00-11:00",
            "session removed: 'Opening' on 2026-09-10 09:30-10:00",
        ],
    ),
    "a session with an id moved a day earlier": (
        programme(OPENING_BY_ID).replace("date: 2026-09-10", "date: 2026-09-11"),
        programme(OPENING_BY_ID),
        ["session 'Opening' (2026-09-10): 2026-09-11 09:30-10:00 → 2026-09-10 09:30-10:00"],
    ),
    "end date removed, the programme kept": (
        programme(OPENING % ANA),
        programme(OPENING % ANA).replace("end: 2026-09-11\n", ""),
        ["dates: 2026-09-10 to 2026-09-11 → 2026-09-10"],
    ),
    "a session after one with an id re-timed": (
        programme(OPENING_BY_ID + PANEL),
        programme(OPENING_BY_ID + PANEL.replace('"10:00", end: "11:00"', '"10:30", end: "11:30"')),
        ["session 'Panel' (2026-09-10): 10:00-11:00 → 10:30-11:30"],
    ),
    "shortened from the start, its programme's day moved with the start": (
        programme(OPENING % ANA).replace("end: 2026-09-11", "end: 2026-09-12"),
        programme(OPENING % ANA)
        .replace("start: 2026-09-10", "start: 2026-09-12")
        .replace("end: 2026-09-11", "end: 2026-09-13")
        .replace("date: 2026-09-10", "date: 2026-09-12"),
        [
            "start moved by 2 days and end moved by 1 day:"
            " 2026-09-10 to 2026-09-12 → 2026-09-12 to 2026-09-13 (shortened to 2 days)",
            "session added: 'Opening' on 2026-09-12 09:30-10:00 (1 speaker)",
            "session removed: 'Opening' on 2026-09-10 09:30-10:00",
        ],
    ),
    "speaker's country, a long affiliation kept": (
        programme(OPENING % KOFI.replace("GIZ", LONG_AFFILIATION)),
        programme(OPENING % KOFI.replace("GIZ", LONG_AFFILIATION).replace("GH", "TG")),
        ["speaker Kofi Mensah in 'Opening' (2026-09-10): country changed"],
    ),
    "status": (
        EVENT,
        EVENT.replace("status: approved", "status: announced"),
        ["status: approved → announced"],
    ),
    "cancelled": (
        EVENT,
        EVENT.replace("status: approved", "status: cancelled")
        + "cancellation: {date: 2026-05-20, reason: Venue unavailable}\n",
        ["status: approved → cancelled", "cancelled on 2026-05-20: Venue unavailable"],
    ),
    "session added": (
        programme(OPENING % ANA),
        programme(OPENING % ANA + PANEL),
        ["session added: 'Panel' on 2026-09-10 10:00-11:00"],
    ),
    "session with speakers added": (
        programme(PANEL),
        programme(OPENING % f"{ANA}, {KOFI}" + PANEL),
        ["session added: 'Opening' on 2026-09-10 09:30-10:00 (2 speakers)"],
    ),
    "session with one speaker added": (
        programme(PANEL),
        programme(OPENING % ANA + PANEL),
        ["session added: 'Opening' on 2026-09-10 09:30-10:00 (1 speaker)"],
    ),
    "the second of two sessions of one title removed": (
        programme(BREAK % ("11:00", "11:15") + BREAK % ("15:00", "15:15")),
        programme(BREAK % ("11:00", "11:15")),
        ["session removed: 'Break' on 2026-09-10 15:00-15:15"],
    ),
    "session re-timed earlier": (
        programme(OPENING % ANA),
        programme((OPENING % ANA).replace('"09:30", end: "10:00"', '"09:00", end: "09:30"')),
        ["session 'Opening' (2026-09-10): 09:30-10:00 → 09:00-09:30"],
    ),
    "session removed": (
        programme(OPENING % ANA + PANEL),
        programme(OPENING % ANA),
        ["session removed: 'Panel' on 2026-09-10 10:00-11:00"],
    ),
    "session re-timed": (
        programme(OPENING % ANA),
        programme((OPENING % ANA).replace('"09:30", end: "10:00"', '"09:45", end: "10:15"')),
        ["session 'Opening' (2026-09-10): 09:30-10:00 → 09:45-10:15"],
    ),
    "speaker added": (
        programme(OPENING % ANA),
        programme(OPENING % f"{ANA}, {KOFI}"),
        ["speaker added to 'Opening' (2026-09-10): Kofi Mensah (GIZ, GH)"],
    ),
    "speaker removed": (
        programme(OPENING % f"{ANA}, {KOFI}"),
        programme(OPENING % KOFI),
        ["speaker removed from 'Opening' (2026-09-10): Ana Lima (BR)"],
    ),
    "speaker given an affiliation": (
        programme(OPENING % ANA),
        programme(OPENING % ANA.replace("country: BR", "affiliation: Anatel, country: BR")),
        ["speaker Ana Lima in 'Opening' (2026-09-10): affiliation changed"],
    ),
    "speaker changed": (
        programme(OPENING % KOFI),
        programme(OPENING % KOFI.replace("GIZ", "ITU")),
        ["speaker Kofi Mensah in 'Opening' (2026-09-10): affiliation changed"],
    ),
    "chair replaced": (
        programme(PANEL),
        programme(PANEL.replace("Li Wei, country: CN", "Sara Haile, country: ET")),
        [
            "chair added to 'Panel' (2026-09-10): Sara Haile (ET)",
            "chair removed from 'Panel' (2026-09-10): Li Wei (CN)",
        ],
    ),
    "outcome published": (
        HELD,
        HELD + REPORT,
        ["outcome published: report 'Workshop report' (2026-09-20)"],
    ),
    "outcome changed": (
        HELD + REPORT,
        HELD + REPORT.replace("2026-09-20", "2026-09-21"),
        ["outcome changed: report 'Workshop report' (2026-09-21)"],
    ),
    "the title of an event with an unchanged outcome": (
        HELD + REPORT,
        (HELD + REPORT).replace("Workshop on AI", "Workshop on AI and data"),
        ["title: Workshop on AI → Workshop on AI and data"],
    ),
    "a second outcome without a link": (
        HELD + "outcomes:\n  - {type: report, title: Workshop report, date: 2026-09-20}\n",
        HELD
        + "outcomes:\n  - {type: report, title: Workshop report, date: 2026-09-20}\n"
        + "  - {type: report, title: Chair's summary, date: 2026-09-21}\n",
        ["outcome published: report 'Chair's summary' (2026-09-21)"],
    ),
    "outcome removed": (
        HELD + REPORT,
        HELD,
        ["outcome removed: report 'Workshop report' (2026-09-20)"],
    ),
    "a plain field": (
        EVENT,
        EVENT.replace("format: virtual", "format: hybrid\nvenue: {city: Geneva, country: CH}"),
        ["format: virtual → hybrid", "venue added: city: Geneva, country: CH"],
    ),
    "a value of a mapping": (
        EVENT.replace("format: virtual", "format: hybrid\nvenue: {city: Geneva, country: CH}"),
        EVENT.replace("format: virtual", "format: hybrid\nvenue: {city: Lausanne, country: CH}"),
        ["venue.city: Geneva → Lausanne"],
    ),
    "a mapping holding a list": (
        EVENT,
        EVENT + "proposal: {date: 2026-02-01, by: sg16, countries: [KE, UG]}\n",
        ["proposal added: date: 2026-02-01, by: sg16, countries: [KE, UG]"],
    ),
    "a co-organizer removed": (
        EVENT
        + "co_organizers:\n  - {name: Communications Authority of Kenya, kind: administration,"
        " country: KE}\n  - {name: ITU-D, kind: itu-bureau}\n",
        EVENT + "co_organizers:\n  - {name: ITU-D, kind: itu-bureau}\n",
        [
            "co_organizers: removed name: Communications Authority of Kenya,"
            " kind: administration, country: KE"
        ],
    ),
    "a co-organizer changed": (
        EVENT + CO_ORGANIZERS,
        EVENT + CO_ORGANIZERS.replace("country: KE", "country: UG"),
        ["co_organizers: Communications Authority of Kenya: country changed"],
    ),
    "registration": (
        EVENT,
        EVENT + "registration: https://www.itu.int/reg/ai\n",
        ["registration added: https://www.itu.int/reg/ai"],
    ),
    "a co-organizer": (
        EVENT,
        EVENT
        + "co_organizers:\n  - {name: Communications Authority of Kenya, kind: administration,"
        " country: KE}\n",
        [
            "co_organizers: added name: Communications Authority of Kenya,"
            " kind: administration, country: KE"
        ],
    ),
    "a list of words": (
        EVENT,
        EVENT.replace("themes: [ai]", "themes: [security]"),
        ["themes: added security; removed ai"],
    ),
}


@pytest.mark.parametrize("branch", list(EVENT_BRANCHES))
def test_every_change_to_an_event_says_its_exact_sentence(tmp_path: Path, branch: str) -> None:
    base, head, expected = EVENT_BRANCHES[branch]
    result = changes(tmp_path, {EVENT_PATH: base}, {EVENT_PATH: head})
    assert texts(result) == expected


SEAT_BRANCHES = {
    "handed over": (
        WSG.replace(
            "    region: africa\n    term: {start: 2025-01-20}\n",
            "    region: africa\n" + REPLACEMENT,
        ),
        [HANDED_OVER],
    ),
    "leaves": (
        WSG.replace(
            "    region: africa\n    term: {start: 2025-01-20}\n",
            "    region: africa\n    term: {start: 2025-01-20, end: 2026-05-29}\n",
        ),
        ["vice-chairman for africa: Grace Wanjiru Kamau (KE) leaves on 2026-05-29"],
    ),
    "new holder of an empty seat": (
        WSG.replace(
            "themes:",
            "  - role: vice-chairman\n    name: Rustam Aliyev\n    country: AZ\n"
            "    region: cis\n    term: {start: 2026-03-01}\nthemes:",
        ),
        ["vice-chairman for cis: Rustam Aliyev (AZ) from 2026-03-01"],
    ),
    "two new holders of empty seats, the later one's region first in the alphabet": (
        WSG.replace(
            "themes:",
            "  - role: vice-chairman\n    name: Priya Raghavan\n    country: IN\n"
            "    region: asia-pacific\n    term: {start: 2025-01-20}\n"
            "  - role: vice-chairman\n    name: Ana Rojas\n    country: CO\n"
            "    region: americas\n    term: {start: 2026-03-01}\nthemes:",
        ),
        [
            "vice-chairman for asia-pacific: Priya Raghavan (IN) from 2025-01-20",
            "vice-chairman for americas: Ana Rojas (CO) from 2026-03-01",
        ],
    ),
    "a seat of a role that is none of the two": (
        WSG.replace(
            "themes:",
            "  - role: vice-president\n    name: Priya Raghavan\n    country: IN\n"
            "    region: asia-pacific\n    term: {start: 2025-01-20}\nthemes:",
        ),
        ["seat: Priya Raghavan (IN) from 2025-01-20"],  # bad-value says what is wrong
    ),
    "the same holder again after a break": (
        WSG.replace(
            "    region: africa\n    term: {start: 2025-01-20}\n",
            "    region: africa\n    term: {start: 2025-01-20, end: 2026-05-29}\n"
            "  - role: vice-chairman\n    name: Grace Wanjiru Kamau\n    country: KE\n"
            "    region: africa\n    term: {start: 2026-06-01}\n",
        ),
        [
            "vice-chairman for africa: Grace Wanjiru Kamau (KE) from 2026-06-01",
            "vice-chairman for africa: Grace Wanjiru Kamau (KE) leaves on 2026-05-29",
        ],
    ),
    "a holder without a term start, then another": (
        WSG.replace(
            "themes:",
            "  - role: vice-chairman\n    name: Omar Mansour\n    country: DZ\n"
            "    region: arab-states\n"
            "  - role: vice-chairman\n    name: Priya Raghavan\n    country: IN\n"
            "    region: asia-pacific\n    term: {start: 2025-01-20}\nthemes:",
        ),
        [
            "vice-chairman for arab-states: Omar Mansour (DZ) (no term start)",
            "vice-chairman for asia-pacific: Priya Raghavan (IN) from 2025-01-20",
        ],
    ),
    "a holder's country": (
        WSG.replace("country: KE", "country: UG"),
        ["vice-chairman for africa: Grace Wanjiru Kamau (UG): country changed"],
    ),
    "a successor a day after the day after": (
        WSG.replace(
            "    region: africa\n    term: {start: 2025-01-20}\n",
            "    region: africa\n" + REPLACEMENT.replace("2026-05-29", "2026-05-28"),
        ),
        [  # seat-gap warns of the empty day; the diff says no hand-over
            "vice-chairman for africa: Aline Uwase (RW) from 2026-05-30",
            "vice-chairman for africa: Grace Wanjiru Kamau (KE) leaves on 2026-05-28",
        ],
    ),
    "the group's name": (
        WSG.replace("name: Workshop and Seminar Coordination Group", "name: Workshop Group"),
        ["name: Workshop and Seminar Coordination Group → Workshop Group"],
    ),
    "two holders of a role that is none of the two, one after the other": (
        WSG.replace(
            "themes:",
            "  - {role: rapporteur, name: Li Wei, country: CN, term: {start: 2025-01-20,"
            " end: 2026-02-28}}\n"
            "  - {role: rapporteur, name: Sara Haile, country: ET, term: {start: 2026-03-01}}\n"
            "themes:",
        ),
        [
            "seat: Li Wei (CN) from 2025-01-20",
            "seat: Li Wei (CN) → Sara Haile (ET) from 2026-03-01",
        ],
    ),
    "seat removed": (
        WSG.replace(
            "  - role: vice-chairman\n    name: Grace Wanjiru Kamau\n    country: KE\n"
            "    region: africa\n    term: {start: 2025-01-20}\n",
            "",
        ),
        ["vice-chairman for africa: Grace Wanjiru Kamau (KE) removed (term from 2025-01-20)"],
    ),
}


@pytest.mark.parametrize("branch", list(SEAT_BRANCHES))
def test_every_change_of_a_seat_says_its_exact_sentence(tmp_path: Path, branch: str) -> None:
    head, expected = SEAT_BRANCHES[branch]
    assert texts(changes(tmp_path, {}, {WSG_PATH: head})) == expected


def test_groups_added_and_removed_say_so(tmp_path: Path) -> None:
    sg99 = "id: sg99\nname: Study Group 99\nkind: study-group\nparent: tsag\n"
    added = changes(tmp_path / "added", {}, {"data/groups/sg99.yaml": sg99})
    assert texts(added) == ["new study-group under tsag"]
    removed = changes(tmp_path / "removed", {"data/groups/sg99.yaml": sg99}, {})
    assert texts(removed) == ["group removed"]


# ---------------------------------------------------------------------------
# The technology watch, postponements and replacements


TOPIC_PATH = "data/topics/quantum-safe.yaml"
TOPIC = """\
id: quantum-safe
title: Migrating networks to quantum-safe cryptography
themes: [security]
status: watch
raised: {date: 2025-11-04, by: sg17, ref: SG17-TD-3410}
reviewed: 2026-04-16
"""


def test_a_topic_changing_status_says_so(tmp_path: Path) -> None:
    scheduled = (
        TOPIC.replace("status: watch", "status: scheduled").replace("2026-04-16", "2026-05-20")
        + "events: [2026-09-ai]\n"
    )
    result = changes(tmp_path, {TOPIC_PATH: TOPIC}, {TOPIC_PATH: scheduled})
    (record,) = result.records
    assert (record.kind, record.id, record.title) == (
        "topic",
        "quantum-safe",
        "Migrating networks to quantum-safe cryptography",
    )
    assert texts(result) == [
        "status: watch → scheduled",
        "reviewed: 2026-04-16 → 2026-05-20",
        "events: added 2026-09-ai",
    ]


def test_a_topic_back_on_watch_says_so(tmp_path: Path) -> None:
    candidate = TOPIC.replace("status: watch", "status: candidate")
    result = changes(tmp_path, {TOPIC_PATH: candidate}, {TOPIC_PATH: TOPIC})
    assert texts(result) == ["status: candidate → watch"]


def test_topics_added_and_removed_say_so(tmp_path: Path) -> None:
    added = changes(tmp_path / "added", {}, {TOPIC_PATH: TOPIC})
    assert texts(added) == ["new topic, watch, themes security, raised by sg17 on 2025-11-04"]
    removed = changes(tmp_path / "removed", {TOPIC_PATH: TOPIC}, {})
    assert texts(removed) == [
        "topic removed (was watch: Migrating networks to quantum-safe cryptography)"
    ]


def test_a_topic_that_no_longer_reads_is_not_a_topic_removed(tmp_path: Path) -> None:
    result = changes(tmp_path, {TOPIC_PATH: TOPIC}, {TOPIC_PATH: "id: [broken\n"})
    assert texts(result) == ["can no longer be read as a record (yaml-syntax)"]


SG42 = "id: sg42\nname: Study Group 42\nkind: study-group\nparent: tsag\n"
NEW_DATES = EVENT.replace("2026-09-ai", "2027-02-ai").replace("2026-09-1", "2027-02-1")
NEW_PATH = "data/events/2027/2027-02-ai.yaml"


def test_an_event_postponed_to_another_names_it_and_its_dates(tmp_path: Path) -> None:
    postponed = EVENT.replace("status: approved", "status: postponed") + (
        "postponement: {date: 2026-05-20, reason: Venue unavailable, to: 2027-02-ai}\n"
    )
    result = changes(tmp_path, {}, {EVENT_PATH: postponed, NEW_PATH: NEW_DATES})
    said = {r.id: [c.text for c in r.changes] for r in result.records}
    assert said["2026-09-ai"] == [
        "status: approved → postponed",
        "postponed to 2027-02-ai (2027-02-10 to 2027-02-11) on 2026-05-20: Venue unavailable",
    ]
    assert said["2027-02-ai"][0].startswith("new workshop, approved, 2027-02-10 to 2027-02-11")


def test_a_postponed_event_given_its_new_event_later_says_so(tmp_path: Path) -> None:
    postponed = EVENT.replace("status: approved", "status: postponed") + (
        "postponement: {date: 2026-05-20, reason: Venue unavailable}\n"
    )
    placed = postponed.replace("Venue unavailable}", "Venue unavailable, to: 2027-02-ai}")
    both = {NEW_PATH: NEW_DATES}
    result = changes(tmp_path, {**both, EVENT_PATH: postponed}, {**both, EVENT_PATH: placed})
    assert texts(result) == ["postponed to 2027-02-ai (2027-02-10 to 2027-02-11)"]


def test_a_postponement_to_an_event_of_a_long_id_says_only_what_changed(tmp_path: Path) -> None:
    """Ids over 40 characters are not interned (``kinds.py``): the two files' ids are two
    string objects, so comparing them by identity said the postponement moved."""
    later = "2027-02-workshop-on-artificial-intelligence-for-good"
    postponed = EVENT.replace("status: approved", "status: postponed") + (
        f"postponement: {{date: 2026-05-20, reason: Venue unavailable, to: {later}}}\n"
    )
    flooded = postponed.replace("Venue unavailable", "Venue flooded")
    both = {f"data/events/2027/{later}.yaml": NEW_DATES.replace("2027-02-ai", later)}
    result = changes(tmp_path, {**both, EVENT_PATH: postponed}, {**both, EVENT_PATH: flooded})
    assert texts(result) == ["postponement.reason: Venue unavailable → Venue flooded"]


def test_a_postponement_to_another_event_names_only_the_new_one(tmp_path: Path) -> None:
    postponed = EVENT.replace("status: approved", "status: postponed") + (
        "postponement: {date: 2026-05-20, reason: Venue unavailable, to: 2027-02-ai}\n"
    )
    moved = postponed.replace("to: 2027-02-ai", "to: 2027-03-ai")
    march = NEW_DATES.replace("2027-02", "2027-03")
    both = {NEW_PATH: NEW_DATES, "data/events/2027/2027-03-ai.yaml": march}
    result = changes(tmp_path, {**both, EVENT_PATH: postponed}, {**both, EVENT_PATH: moved})
    assert texts(result) == ["postponed to 2027-03-ai (2027-03-10 to 2027-03-11)"]


def test_an_event_cancelled_and_replaced_names_its_replacement(tmp_path: Path) -> None:
    cancelled = EVENT.replace("status: approved", "status: cancelled") + (
        "cancellation: {date: 2026-05-20, reason: Too few speakers, replaced_by: 2027-02-ai}\n"
    )
    both = {NEW_PATH: NEW_DATES}
    result = changes(tmp_path, both, {**both, EVENT_PATH: cancelled})
    assert texts(result) == [
        "status: approved → cancelled",
        "cancelled on 2026-05-20: Too few speakers;"
        " replaced by 2027-02-ai (2027-02-10 to 2027-02-11)",
    ]


def test_a_replacement_that_does_not_exist_is_said_plainly(tmp_path: Path) -> None:
    cancelled = EVENT.replace("status: approved", "status: cancelled") + (
        "cancellation: {date: 2026-05-20, reason: Too few speakers}\n"
    )
    replaced = cancelled.replace("speakers}", "speakers, replaced_by: 2027-03-nowhere}")
    result = changes(tmp_path, {EVENT_PATH: cancelled}, {EVENT_PATH: replaced})
    assert texts(result) == ["replaced by 2027-03-nowhere (no such event)"]
    assert [f.rule for f in result.introduced] == ["unknown-event"]


def test_a_session_with_an_id_is_followed_across_a_new_title_and_day(tmp_path: Path) -> None:
    two_days = dates("2026-09-10", "2026-09-11")
    base = programme(
        '      - {id: opening, start: "09:30", end: "10:00", title: Opening}\n'
    ).replace(EVENT[: EVENT.index("programme:")], two_days[: two_days.index("programme:")])
    head = base.replace("title: Opening", "title: Welcome").replace(
        "date: 2026-09-10", "date: 2026-09-11"
    )
    assert texts(changes(tmp_path, {EVENT_PATH: base}, {EVENT_PATH: head})) == [
        "session 'Welcome' (2026-09-11): 2026-09-10 09:30-10:00 → 2026-09-11 09:30-10:00",
        "session 'Welcome' (2026-09-11): title changed",
    ]


# ---------------------------------------------------------------------------
# What mutation testing found unchecked (docs/mutation.md)


def test_records_are_ranked_an_error_introduced_then_a_removal_then_a_warning(
    tmp_path: Path,
) -> None:
    """An error introduced outranks an event removed, which outranks a warning introduced,
    whatever the kinds and ids say."""
    old = EVENT.replace("2026-09-ai", "2026-01-old").replace("2026-09-1", "2026-01-1")
    second_kenyan = (
        "  - role: vice-chairman\n    name: Otieno Odhiambo\n    country: KE\n"
        "    region: africa\n    term: {start: 2025-01-20}\nthemes:"
    )
    result = changes(
        tmp_path,
        {"data/events/2026/2026-01-old.yaml": old},
        {
            EVENT_PATH: EVENT.replace("organizers: [sg16]", "organizers: [sg16, sg99]"),
            WSG_PATH: WSG.replace("themes:", second_kenyan),
        },
    )
    assert [(r.kind, r.id) for r in result.records] == [
        ("event", "2026-09-ai"),  # unknown-group, an error
        ("event", "2026-01-old"),  # removed
        ("group", "wsg"),  # same-country, a warning
    ]
    assert [(f.rule, f.severity) for f in result.records[2].introduced] == [
        ("same-country", "warning")
    ]


def test_a_finding_fixed_in_an_unchanged_file_is_its_records_by_id_not_file_name(
    tmp_path: Path,
) -> None:
    renamed_file = {
        EVENT_PATH: None,
        "data/events/2026/ai.yaml": EVENT.replace("organizers: [sg16]", "organizers: [sg42]"),
    }
    sg42 = "id: sg42\nname: Study Group 42\nkind: study-group\nparent: tsag\n"
    result = changes(tmp_path, renamed_file, {**renamed_file, "data/groups/sg42.yaml": sg42})
    event = next(r for r in result.records if r.kind == "event")
    assert (event.id, event.file, event.title) == (
        "2026-09-ai",
        "data/events/2026/ai.yaml",
        "Workshop on AI",
    )
    assert [f.rule for f in event.fixed] == ["unknown-group"]
    assert event.changes == []


def test_a_rename_is_found_beside_a_new_event_listed_before_it(tmp_path: Path) -> None:
    new = (
        EVENT.replace("2026-09-ai", "2026-01-new")
        .replace("2026-09-1", "2026-01-1")
        .replace("Workshop on AI", "Workshop on 5G")
    )
    result = changes(
        tmp_path,
        {},
        {
            EVENT_PATH: None,
            "data/events/2026/2026-01-new.yaml": new,
            "data/events/2026/2026-09-ai-workshop.yaml": EVENT.replace(
                "2026-09-ai", "2026-09-ai-workshop"
            ),
        },
    )
    assert {r.id: texts(DatasetDiff([r])) for r in result.records} == {
        "2026-01-new": [
            "new workshop, approved, 2026-01-10 to 2026-01-11, virtual, organizers sg16"
        ],
        "2026-09-ai-workshop": [f"renamed from 2026-09-ai ({EVENT_PATH})"],
    }


def test_an_event_removed_after_one_that_no_longer_reads_is_still_said(tmp_path: Path) -> None:
    other = EVENT.replace("2026-09-ai", "2026-10-other").replace("2026-09-1", "2026-10-1")
    result = changes(
        tmp_path,
        {"data/events/2026/2026-10-other.yaml": other},
        {EVENT_PATH: "id: 2026-09-ai\ntitle: [broken\n"},
    )
    assert [(r.kind, r.id, texts(DatasetDiff([r]))) for r in result.records] == [
        ("file", EVENT_PATH, ["can no longer be read as a record (yaml-syntax)"]),
        (
            "event",
            "2026-10-other",
            ["removed (was approved, 2026-10-10 to 2026-10-11, virtual, organizers sg16)"],
        ),
    ]


def test_a_group_file_moved_says_so(tmp_path: Path) -> None:
    sg42 = "id: sg42\nname: Study Group 42\nkind: study-group\nparent: tsag\n"
    moved = "data/groups/study-groups/sg42.yaml"
    result = changes(tmp_path, {"data/groups/sg42.yaml": sg42}, {moved: sg42})
    assert texts(result) == [f"file moved from data/groups/sg42.yaml to {moved}"]


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        ("cancellation: {date: 2026-05-20}\n", ("cancelled", "cancelled on 2026-05-20")),
        ("postponement: {date: 2026-05-20}\n", ("postponed", "postponed on 2026-05-20")),
    ],
)
def test_a_new_cancellation_or_postponement_has_its_own_type(
    tmp_path: Path, what: str, expected: tuple[str, str]
) -> None:
    result = changes(tmp_path, {}, {EVENT_PATH: EVENT + what})
    assert [(c.type, c.text) for c in result.records[0].changes] == [expected]


CANCELLED = EVENT.replace("status: approved", "status: cancelled") + (
    "cancellation: {date: 2026-05-20, reason: Too few speakers, replaced_by: 2027-02-ai}\n"
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            CANCELLED.replace(", replaced_by: 2027-02-ai", ""),
            "cancellation.replaced_by removed (was 2027-02-ai)",
        ),
        (
            CANCELLED.replace("Too few speakers", "No venue"),
            "cancellation.reason: Too few speakers → No venue",
        ),
    ],
)
def test_a_cancellation_changed_says_only_what_changed_of_it(
    tmp_path: Path, head: str, expected: str
) -> None:
    both = {NEW_PATH: NEW_DATES}
    result = changes(tmp_path, {**both, EVENT_PATH: CANCELLED}, {**both, EVENT_PATH: head})
    assert texts(result) == [expected]


def test_a_rename_is_not_guessed_when_two_new_events_fit_one_removed(tmp_path: Path) -> None:
    november = EVENT.replace("2026-09-ai", "2026-11-ai").replace("2026-09-1", "2026-11-1")
    december = EVENT.replace("2026-09-ai", "2026-12-ai").replace("2026-09-1", "2026-12-1")
    result = changes(
        tmp_path,
        {},
        {
            EVENT_PATH: None,
            "data/events/2026/2026-11-ai.yaml": november,
            "data/events/2026/2026-12-ai.yaml": december,
        },
    )
    kinds = sorted(change.type for r in result.records for change in r.changes)
    assert kinds == ["event-added", "event-added", "event-removed"]


def test_a_finding_found_twice_on_both_sides_is_neither_fixed_nor_introduced(
    tmp_path: Path,
) -> None:
    """Findings are compared as a multiset: two identical ones before and after are two
    still there, whatever else of the file changed."""
    ana = "          - {name: Ana Lima, country: BR, region: europe}\n"
    panel = '      - start: "10:00"\n        end: "11:00"\n        title: Panel\n'
    panel += "        speakers:\n"
    twice = EVENT.replace("          - {name: Ana Lima, country: BR}\n", ana + panel + ana)
    retitled = twice.replace("Workshop on AI", "Workshop on AI and data")
    result = changes(tmp_path, {EVENT_PATH: twice}, {EVENT_PATH: retitled})
    assert texts(result) == ["title: Workshop on AI → Workshop on AI and data"]
    assert (result.introduced, result.fixed) == ([], [])
    base = dataset.load(tmp_path / "base" / "data", date.fromisoformat(TODAY))
    assert [f.rule for f in engine.check(base) if f.file == EVENT_PATH] == ["region-mismatch"] * 2


def test_one_of_two_identical_findings_fixed_is_one_fixed(tmp_path: Path) -> None:
    """The multiset counts down on each side: the second of two findings before, with one
    left after, is the one fixed; a second one after is one introduced."""
    ana = "          - {name: Ana Lima, country: BR, region: europe}\n"
    plain = "          - {name: Ana Lima, country: BR}\n"
    panel = '      - start: "10:00"\n        end: "11:00"\n        title: Panel\n'
    panel += "        speakers:\n"
    twice = EVENT.replace(plain, ana + panel + ana)
    once = EVENT.replace(plain, ana + panel + plain)
    result = changes(tmp_path / "fixed", {EVENT_PATH: twice}, {EVENT_PATH: once})
    assert ([f.rule for f in result.introduced], [f.rule for f in result.fixed]) == (
        [],
        ["region-mismatch"],
    )
    result = changes(tmp_path / "introduced", {EVENT_PATH: once}, {EVENT_PATH: twice})
    assert ([f.rule for f in result.introduced], [f.rule for f in result.fixed]) == (
        ["region-mismatch"],
        [],
    )


def test_a_removal_outranks_a_change_of_dates(tmp_path: Path) -> None:
    other = EVENT.replace("2026-09-ai", "2026-10-other").replace("2026-09-1", "2026-10-1")
    result = changes(
        tmp_path,
        {"data/events/2026/2026-10-other.yaml": other, EVENT_PATH: EVENT},
        {EVENT_PATH: EVENT.replace("2026-09-1", "2026-09-2")},  # with its programme
    )
    assert [(r.id, texts(DatasetDiff([r]))) for r in result.records] == [
        (
            "2026-10-other",
            ["removed (was approved, 2026-10-10 to 2026-10-11, virtual, organizers sg16)"],
        ),
        (
            "2026-09-ai",
            ["dates moved by 10 days: 2026-09-10 to 2026-09-11 → 2026-09-20 to 2026-09-21"],
        ),
    ]


@pytest.mark.parametrize("path", [EVENT_PATH, TOPIC_PATH])
def test_a_file_that_reads_again_says_so(tmp_path: Path, path: str) -> None:
    text = EVENT if path == EVENT_PATH else TOPIC
    result = changes(tmp_path, {path: "id: [broken\n"}, {path: text})
    said = {r.id: texts(DatasetDiff([r])) for r in result.records}
    assert said[path] == ["reads as a record again"]
    assert [f.rule for f in result.fixed] == ["yaml-syntax"]


def test_records_from_the_validation_cache_compare_as_fresh_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unpickled records hold text and dates equal to, but not the same objects as, freshly
    parsed (shared) ones: a comparison by identity would see every status and term end
    changed."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("WSG_NO_CACHE", raising=False)
    ending = WSG.replace(
        "term: {start: 2025-01-20}\nthemes", "term: {start: 2025-01-20, end: 2026-12-31}\nthemes"
    )
    data = make_dataset(tmp_path / "base", {EVENT_PATH: EVENT, WSG_PATH: ending, TOPIC_PATH: TOPIC})
    dataset.load(data, date.fromisoformat(TODAY), FileCache.for_dataset(data))  # fills it
    cache = FileCache.for_dataset(data)
    old = dataset.load(data, date.fromisoformat(TODAY), cache)
    retitled = EVENT.replace("Workshop on AI", "Workshop on AI and data")
    reviewed = TOPIC.replace("2026-04-16", "2026-05-20")
    head = make_dataset(
        tmp_path / "head", {EVENT_PATH: retitled, WSG_PATH: ending, TOPIC_PATH: reviewed}
    )
    new = dataset.load(head, date.fromisoformat(TODAY))
    (event,) = (e for e in old.events if e.id == "2026-09-ai")
    assert event.status == "approved" and event.status is not sys.intern("approved"[:])
    result = compare(old, new, engine.check(old), engine.check(new))
    assert texts(result) == [
        "title: Workshop on AI → Workshop on AI and data",
        "reviewed: 2026-04-16 → 2026-05-20",
    ]


def test_a_detail_outranks_a_change_of_programme(tmp_path: Path) -> None:
    early_path = "data/events/2026/2026-01-early.yaml"
    early = programme(OPENING % ANA).replace("2026-09-ai", "2026-01-early")
    early = early.replace("2026-09-1", "2026-01-1")
    result = changes(
        tmp_path,
        {early_path: early},
        {
            early_path: early.replace('"09:30", end: "10:00"', '"09:45", end: "10:15"'),
            EVENT_PATH: EVENT.replace("Workshop on AI", "Workshop on AI and data"),
        },
    )
    assert [(r.id, texts(DatasetDiff([r]))) for r in result.records] == [
        ("2026-09-ai", ["title: Workshop on AI → Workshop on AI and data"]),
        ("2026-01-early", ["session 'Opening' (2026-01-10): 09:30-10:00 → 09:45-10:15"]),
    ]


def test_two_removed_events_of_one_content_and_one_new_make_one_rename(tmp_path: Path) -> None:
    copy = "data/events/2026/2026-09-ai-copy.yaml"
    result = changes(
        tmp_path,
        {copy: EVENT.replace("2026-09-ai", "2026-09-ai-copy")},
        {
            EVENT_PATH: None,
            copy: None,
            "data/events/2026/2026-09-ai-workshop.yaml": EVENT.replace(
                "2026-09-ai", "2026-09-ai-workshop"
            ),
        },
    )
    assert {r.id: texts(DatasetDiff([r])) for r in result.records} == {
        "2026-09-ai": [
            "removed (was approved, 2026-09-10 to 2026-09-11, virtual, organizers sg16)"
        ],
        "2026-09-ai-workshop": [f"renamed from 2026-09-ai-copy ({copy})"],
    }


def test_a_new_event_ending_before_it_starts_shows_both_dates(tmp_path: Path) -> None:
    backwards = dates("2026-09-11", "2026-09-10").replace("2026-09-ai", "2026-09-ai-new")
    said = texts(changes(tmp_path, {}, {"data/events/2026/2026-09-ai-new.yaml": backwards}))
    assert said == ["new workshop, approved, 2026-09-11 to 2026-09-10, virtual, organizers sg16"]


@pytest.mark.parametrize(
    ("old", "new", "text"),
    [
        (EVENT_PATH, "data/events/2025/2026-09-ai.yaml", EVENT),  # to a name sorted before
        (EVENT_PATH, "data/events/2027/2026-09-ai.yaml", EVENT),  # to a name sorted after
        (TOPIC_PATH, "data/topics/a/quantum-safe.yaml", TOPIC),
        (TOPIC_PATH, "data/topics/z/quantum-safe.yaml", TOPIC),  # to a name sorted after
        ("data/groups/sg42.yaml", "data/groups/a/sg42.yaml", SG42),
    ],
)
def test_an_event_or_topic_file_moved_says_so(
    tmp_path: Path, old: str, new: str, text: str
) -> None:
    result = changes(tmp_path, {old: text}, {old: None, new: text})
    assert texts(result) == [f"file moved from {old} to {new}"]


def test_a_finding_fixed_in_an_unchanged_topic_is_its_topics_by_id(tmp_path: Path) -> None:
    scheduled = TOPIC.replace("status: watch", "status: scheduled") + "events: [2027-02-ai]\n"
    named_apart = {"data/topics/qs.yaml": scheduled}
    result = changes(tmp_path, named_apart, {**named_apart, NEW_PATH: NEW_DATES})
    topic = next(r for r in result.records if r.kind == "topic")
    assert (topic.id, topic.file, topic.changes) == ("quantum-safe", "data/topics/qs.yaml", [])
    assert [f.rule for f in topic.fixed] == ["unknown-event"]


def test_two_events_without_a_title_are_no_rename(tmp_path: Path) -> None:
    untitled = EVENT.replace("title: Workshop on AI\n", "")
    other = untitled.replace("2026-09-ai", "2026-10-x").replace("2026-09-1", "2026-10-1")
    result = changes(
        tmp_path,
        {EVENT_PATH: untitled},
        {EVENT_PATH: None, "data/events/2026/2026-10-x.yaml": other},
    )
    kinds = sorted(change.type for r in result.records for change in r.changes)
    assert kinds == ["event-added", "event-removed"]


def test_a_new_event_outranks_a_detail(tmp_path: Path) -> None:
    other = EVENT.replace("2026-09-ai", "2026-10-other").replace("2026-09-1", "2026-10-1")
    result = changes(
        tmp_path,
        {},
        {
            "data/events/2026/2026-10-other.yaml": other,
            EVENT_PATH: EVENT.replace("Workshop on AI", "Workshop on AI and data"),
        },
    )
    assert [(r.id, texts(DatasetDiff([r]))) for r in result.records] == [
        (
            "2026-10-other",
            ["new workshop, approved, 2026-10-10 to 2026-10-11, virtual, organizers sg16"],
        ),
        ("2026-09-ai", ["title: Workshop on AI → Workshop on AI and data"]),
    ]


def test_an_event_is_named_by_its_id_not_its_file_name(tmp_path: Path) -> None:
    elsewhere = {EVENT_PATH: None, "data/events/2026/ai.yaml": EVENT}
    retitled = EVENT.replace("Workshop on AI", "Workshop on AI and data")
    result = changes(tmp_path, elsewhere, {**elsewhere, "data/events/2026/ai.yaml": retitled})
    assert [(r.id, r.file) for r in result.records] == [("2026-09-ai", "data/events/2026/ai.yaml")]


def test_a_new_event_without_dates_says_so(tmp_path: Path) -> None:
    undated = EVENT.replace("start: 2026-09-10\n", "").replace("end: 2026-09-11\n", "")
    undated = undated.replace("2026-09-ai", "2026-xx-new")
    said = texts(changes(tmp_path, {}, {"data/events/2026/2026-xx-new.yaml": undated}))
    assert said == ["new workshop, approved, no dates, virtual, organizers sg16"]


def test_renamed_events_differing_only_in_private_data_are_told_apart(tmp_path: Path) -> None:
    """Two copies of an event but for a speaker's email, both renamed: each new id is
    paired with the old one of the very same content, email included."""

    def copy(event_id: str, email: str) -> str:
        ana = f"{{name: Ana Lima, country: BR, email: {email}}}"
        return EVENT.replace("2026-09-ai", event_id).replace("{name: Ana Lima, country: BR}", ana)

    def path(event_id: str) -> str:
        return f"data/events/2026/{event_id}.yaml"

    base = {EVENT_PATH: None, path("2026-09-a1"): copy("2026-09-a1", "ana@one.example.org")}
    base[path("2026-09-a2")] = copy("2026-09-a2", "ana@two.example.org")
    head = {EVENT_PATH: None, path("2026-09-z1"): copy("2026-09-z1", "ana@two.example.org")}
    head[path("2026-09-z2")] = copy("2026-09-z2", "ana@one.example.org")
    result = changes(tmp_path, base, head)
    assert {r.id: texts(DatasetDiff([r])) for r in result.records} == {
        "2026-09-z1": [f"renamed from 2026-09-a2 ({path('2026-09-a2')})"],
        "2026-09-z2": [f"renamed from 2026-09-a1 ({path('2026-09-a1')})"],
    }


def test_a_finding_fixed_in_an_unchanged_group_is_its_groups_by_id(tmp_path: Path) -> None:
    sg43 = "id: sg43\nname: Study Group 43\nkind: study-group\nparent: sg42\n"
    sg42 = "id: sg42\nname: Study Group 42\nkind: study-group\nparent: tsag\n"
    named_apart = {"data/groups/team.yaml": sg43}
    result = changes(tmp_path, named_apart, {**named_apart, "data/groups/sg42.yaml": sg42})
    team = next(r for r in result.records if r.file == "data/groups/team.yaml")
    assert (team.kind, team.id, team.title, team.changes) == ("group", "sg43", "Study Group 43", [])
    assert [f.rule for f in team.fixed] == ["unknown-group"]


def test_a_finding_found_once_then_twice_is_introduced_once(tmp_path: Path) -> None:
    ana = "          - {name: Ana Lima, country: BR, region: europe}\n"
    panel = '      - start: "10:00"\n        end: "11:00"\n        title: Panel\n'
    once = EVENT.replace("          - {name: Ana Lima, country: BR}\n", ana)
    twice = once + panel + "        speakers:\n" + ana
    result = changes(tmp_path, {EVENT_PATH: once}, {EVENT_PATH: twice})
    assert [(f.rule, f.line) for f in result.introduced] == [("region-mismatch", 24)]
    assert result.fixed == []


def test_a_rename_by_title_is_found_after_a_title_two_new_events_share(tmp_path: Path) -> None:
    def event(event_id: str, title: str, month: str) -> str:
        text = EVENT.replace("2026-09-ai", event_id).replace("2026-09-1", f"2026-{month}-1")
        return text.replace("Workshop on AI", title)

    def path(event_id: str) -> str:
        return f"data/events/2026/{event_id}.yaml"

    base = {EVENT_PATH: None, path("2026-03-x"): event("2026-03-x", "Forum", "03")}
    base[path("2026-09-ai")] = event("2026-09-ai", "Workshop on AI", "09")
    head = {EVENT_PATH: None, path("2026-03-x"): None}
    head[path("2026-01-y1")] = event("2026-01-y1", "Forum", "01")
    head[path("2026-01-y2")] = event("2026-01-y2", "Forum", "02")
    head[path("2026-10-ai")] = event("2026-10-ai", "Workshop on AI", "10")
    result = changes(tmp_path, base, head)
    renamed = [(r.id, c.text) for r in result.records for c in r.changes if c.type == "renamed"]
    assert renamed == [("2026-10-ai", f"renamed from 2026-09-ai ({path('2026-09-ai')})")]


def test_an_unchanged_term_end_is_not_said_again(tmp_path: Path) -> None:
    ending = WSG.replace(
        "term: {start: 2025-01-20}\nthemes", "term: {start: 2025-01-20, end: 2026-12-31}\nthemes"
    )
    renamed = ending.replace(
        "name: Workshop and Seminar Coordination Group", "name: Workshop Group"
    )
    result = changes(tmp_path, {WSG_PATH: ending}, {WSG_PATH: renamed})
    assert texts(result) == ["name: Workshop and Seminar Coordination Group → Workshop Group"]


def test_a_file_that_no_longer_reads_names_what_stopped_the_reading(tmp_path: Path) -> None:
    """A duplicate key found before a syntax error is not why the file no longer reads."""
    broken = "{a: 1, a: 2, b: [\n"
    result = changes(tmp_path, {}, {EVENT_PATH: broken})
    assert texts(result) == ["can no longer be read as a record (yaml-syntax)"]
    assert sorted(f.rule for f in result.introduced) == ["duplicate-key", "yaml-syntax"]


def test_a_change_of_programme_outranks_a_finding_fixed(tmp_path: Path) -> None:
    early_path = "data/events/2026/2026-01-a.yaml"
    early = EVENT.replace("2026-09-ai", "2026-01-a").replace("2026-09-1", "2026-01-1")
    early = early.replace("organizers: [sg16]", "organizers: [sg42]")
    sg42 = "id: sg42\nname: Study Group 42\nkind: study-group\nparent: tsag\n"
    retimed = programme(OPENING % ANA).replace('"09:30", end: "10:00"', '"09:45", end: "10:15"')
    result = changes(
        tmp_path,
        {early_path: early, EVENT_PATH: programme(OPENING % ANA)},
        {early_path: early, EVENT_PATH: retimed, "data/groups/sg42.yaml": sg42},
    )
    assert [r.id for r in result.records] == ["sg42", "2026-09-ai", "2026-01-a"]
    assert [f.rule for f in result.records[2].fixed] == ["unknown-group"]


# --- The cost of large diffs: the slowest tests, last (pytest -x stops at a quicker one first)


class CountingList(list):  # type: ignore[type-arg]
    """A list that counts the items handed out by iterating over it."""

    handed_out = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            CountingList.handed_out += 1
            yield item


def test_two_thousand_renames_cost_linear_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: rename detection re-serialised both events of every added-and-removed pair
    (400 renames took 48 s). Now each event is serialised a bounded number of times."""
    from wsg import diffing

    count = 2000
    old = many_events(count, "2026-09-w{n}")
    new = many_events(count, "2026-09-workshop-{r}")  # an order unlike the old one
    today = date.fromisoformat(TODAY)
    base = dataset.load(make_dataset(tmp_path / "base", old), today)
    head = dataset.load(make_dataset(tmp_path / "head", new), today)
    calls = 0
    serialise = diffing.to_data

    def counted(value: object, public: bool = True) -> object:
        nonlocal calls
        calls += 1
        if calls > 20 * count:
            raise AssertionError("rename detection does quadratic work")
        return serialise(value, public)

    monkeypatch.setattr(diffing, "to_data", counted)
    result = compare(base, head, [], [])
    said = texts(result)
    renamed = {r.id: r.changes[0].text for r in result.records}
    assert renamed["2026-09-workshop-1992"] == (
        "renamed from 2026-09-w7 (data/events/2026/2026-09-w7.yaml)"
    )
    assert sum(t.startswith("renamed from ") for t in said) == count
    assert len(said) == count  # nothing removed, nothing added
    assert calls <= 4 * count


def test_finding_the_record_of_each_finding_is_one_lookup(tmp_path: Path) -> None:
    """Issue 12: each finding's record was found by scanning every file (20,000 unreadable
    files: 53 s). The files are indexed once per dataset."""
    count = 2000
    broken = {f"data/events/2026/b{n}.yaml": f"id: b{n}\ntitle: [broken\n" for n in range(count)}
    today = date.fromisoformat(TODAY)
    base = dataset.load(make_dataset(tmp_path / "base", broken), today)
    head = dataset.load(make_dataset(tmp_path / "head", {}), today)
    base_findings, head_findings = engine.check(base), engine.check(head)
    base.files, head.files = CountingList(base.files), CountingList(head.files)
    CountingList.handed_out = 0
    result = compare(base, head, base_findings, head_findings)
    assert len(result.fixed) >= count  # every file removed: its findings are fixed
    assert CountingList.handed_out <= 4 * (len(base.files) + len(head.files))
