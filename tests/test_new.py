"""``wsg new event`` and ``wsg new group``: a valid, canonical record, never an overwrite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_wsg

from wsg.commands.new import derive_id
from wsg.yamltree import Scalar, parse

TODAY = "2026-11-28"
FULL = (
    "--title", "AI for Health",
    "--start", "2027-03-10",
    "--end", "2027-03-11",
    "--organizer", "sg17",
    "--organizer", "sg21",
    "--theme", "ai",
    "--theme", "digital-health",
    "--city", "Oslo",
    "--country", "NO",
)  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def new(data: Path, *args: str) -> tuple[int, str, str]:
    result = run_wsg(
        "new", *args, "--data", str(data), *(("--today", TODAY) if args[0] == "event" else ())
    )
    return result.code, result.out, result.err


def test_a_new_event_then_validate_is_clean(data: Path) -> None:
    code, out, err = new(data, "event", *FULL)
    assert (code, err) == (0, "")
    written = data / "events" / "2027" / "2027-03-ai-for-health.yaml"
    assert out.strip() == written.as_posix()
    checked = run_wsg("validate", "--data", str(data), "--today", TODAY)
    assert checked.code == 0
    assert "0 errors, 0 warnings" in checked.out


def test_the_new_event_is_proposed_and_canonical(data: Path) -> None:
    new(data, "event", *FULL)
    path = data / "events" / "2027" / "2027-03-ai-for-health.yaml"
    text = path.read_text("utf-8")
    tree, problems = parse(path.read_bytes())
    assert problems == []
    assert tree is not None
    status = tree.get("status")  # type: ignore[attr-defined]
    assert isinstance(status, Scalar) and status.value == "proposed"
    assert 'country: "NO"' in text  # Norway, also for a YAML 1.1 reader
    assert run_wsg("fmt", "--check", str(path), "--data", str(data)).code == 0


def test_a_title_that_reads_as_a_boolean_stays_text(data: Path) -> None:
    code, out, _ = new(
        data, "event", *FULL[:-4], "--title", "true", "--format", "virtual", "--id", "2027-03-true"
    )
    assert code == 0
    assert 'title: "true"' in Path(out.strip()).read_text("utf-8")
    assert run_wsg("validate", "--data", str(data), "--today", TODAY).code == 0


def test_an_existing_event_is_never_overwritten(data: Path) -> None:
    new(data, "event", *FULL)
    path = data / "events" / "2027" / "2027-03-ai-for-health.yaml"
    before = path.read_bytes()
    code, _, err = new(data, "event", *FULL, "--kind", "seminar")
    assert code == 2
    assert "exists" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--organizer", "sg61"), "--organizer 'sg61' is no group's id or acronym (did you mean"),
        (("--theme", "ia"), "--theme 'ia' is no theme of the dataset"),
        (("--kind", "workshp"), "--kind 'workshp' is not allowed (did you mean 'workshop'?)"),
        (("--format", "online"), "--format 'online' is not allowed"),
        (("--timezone", "Europe/Geneva"), "(did you mean 'Europe/Zurich'?)"),
        (
            ("--country", "no"),
            "--country 'no' is not an ISO 3166-1 alpha-2 code (did you mean 'NO'?)",
        ),
        (("--end", "2027-03-09"), "--end 2027-03-09 is before --start 2027-03-10"),
        (("--start", "2027-02-30"), "--start '2027-02-30' is not a date"),
        (("--id", "AI Day"), "--id 'AI Day' is not a slug"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    data: Path, change: tuple[str, str], message: str
) -> None:
    before = sorted(data.rglob("*"))
    option, value = change
    args = list(FULL)
    if option in args and option not in ("--organizer", "--theme"):
        args[args.index(option) + 1] = value
    else:
        args += [option, value]
    code, _, err = new(data, "event", *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert sorted(data.rglob("*")) == before


def test_an_event_that_has_already_ended_is_refused(data: Path) -> None:
    code, _, err = new(data, "event", *FULL[:2], "--start", "2026-01-10", *FULL[6:])
    assert code == 2
    assert "before today" in err


def test_a_venue_is_needed_unless_virtual(data: Path) -> None:
    without_venue = FULL[:-4]
    code, _, err = new(data, "event", *without_venue)
    assert code == 2
    assert "needs --city and --country (or --format virtual)" in err
    assert new(data, "event", *without_venue, "--format", "virtual")[0] == 0


def test_organizers_and_themes_are_required_and_listed(data: Path) -> None:
    code, _, err = new(
        data, "event", "--title", "X", "--start", "2027-03-10", "--format", "virtual"
    )
    assert code == 2
    assert "name at least one --organizer (group ids: " in err


def test_derived_ids() -> None:
    from datetime import date

    assert derive_id(date(2027, 3, 10), "AI for Health") == "2027-03-ai-for-health"
    assert derive_id(date(2027, 3, 10), "Réseaux & IA: l'avenir") == "2027-03-reseaux-ia-l-avenir"
    long = derive_id(date(2027, 3, 10), "word " * 40)
    assert len(long) <= 80
    assert long.startswith("2027-03-word-") and not long.endswith("-")
    assert long.split("-")[-1] == "word"


def test_a_new_group_then_validate_is_clean(data: Path) -> None:
    code, out, err = new(
        data, "group", "--id", "sg22", "--name", "New study group", "--acronym", "SG22"
    )
    assert (code, err) == (0, "")
    path = data / "groups" / "sg22.yaml"
    assert out.strip() == path.as_posix()
    assert path.read_text("utf-8") == (
        "id: sg22\nname: New study group\nacronym: SG22\nkind: study-group\nparent: tsag\n"
    )
    assert run_wsg("validate", "--data", str(data), "--today", TODAY).code == 0


def test_a_group_that_exists_or_a_bad_parent_is_refused(data: Path) -> None:
    code, _, err = new(data, "group", "--id", "sg16", "--name", "Again")
    assert code == 2
    assert "a group with the id 'sg16' exists" in err
    code, _, err = new(data, "group", "--id", "sg23", "--name", "X", "--parent", "tsga")
    assert code == 2
    assert "(did you mean 'tsag'?)" in err


# --- two runs at once: one record, never one lost ---------------------------------------------

# Runs ``wsg new`` and, when it is about to put its file in place (the rename of an old
# write, the link of a new one), says so and waits until the other run is there too: both
# have checked that the id is free and both commit, the race at its worst, every time.
RACER = r"""
import os, sys, time
ready, other = sys.argv[1], sys.argv[2]

def hook(event, args):
    if event in ("os.rename", "os.link") and os.fsdecode(args[1]).endswith(".yaml"):
        open(ready, "w").close()
        deadline = time.monotonic() + 60
        while not os.path.exists(other) and time.monotonic() < deadline:
            time.sleep(0.002)

if ready != "-":
    sys.addaudithook(hook)
sys.argv = ["wsg", *sys.argv[3:]]
from wsg.entry import main
main()
"""
RACE_ID = "2027-03-quantum-day"


def racer(data: Path, title: str, ready: str, other: str) -> subprocess.Popen[str]:
    argv = [
        "new", "event", "--id", RACE_ID, "--title", title, "--start", "2027-03-10",
        "--format", "virtual", "--organizer", "sg17", "--theme", "ai",
        "--data", str(data), "--today", TODAY,
    ]  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-c", RACER, ready, other, *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WSG_NO_CACHE": "1"},
    )


def race(data: Path, meet: Path | None, runners: int = 2) -> list[tuple[int, str, str]]:
    """``runners`` runs of ``wsg new`` for the same id, each with its own title, at once."""
    flags = [str(meet / f"at-commit-{n}") if meet else "-" for n in range(runners)]
    runs = [
        racer(data, f"Quantum day {n}", flags[n], flags[(n + 1) % runners]) for n in range(runners)
    ]
    results = []
    for n, run in enumerate(runs):
        _, err = run.communicate(timeout=300)
        results.append((run.returncode, err, f"Quantum day {n}"))
    return results


def test_two_runs_committing_the_same_new_event_at_once_leave_one_and_the_other_fails(
    data: Path, tmp_path: Path
) -> None:
    target = data / "events" / "2027" / f"{RACE_ID}.yaml"
    for trial in range(3):
        meet = tmp_path / f"trial-{trial}"
        meet.mkdir()
        results = race(data, meet)
        assert sorted(code for code, _, _ in results) == [0, 2], results
        (_, _, winner), (_, err, _) = sorted(results)
        assert err == f"wsg: {target} exists; not overwritten\n"
        assert f"title: {winner}\n" in target.read_text()  # the file is the winner's, whole
        assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []
        target.unlink()


def test_four_runs_of_new_for_one_id_at_once_make_exactly_one_record(data: Path) -> None:
    target = data / "events" / "2027" / f"{RACE_ID}.yaml"
    results = race(data, None, runners=4)
    winners = [title for code, _, title in results if code == 0]
    assert len(winners) == 1, results
    assert all(code == 2 for code, _, _ in results if code != 0), results
    assert f"title: {winners[0]}\n" in target.read_text()
