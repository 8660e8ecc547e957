"""Time ``wsg`` as whole processes on generated datasets and check the targets of issues 6 and 13.

    python bench/run.py [--events 2000 20000] [--runs 5] [--work DIR]

For each size it generates a dataset (``bench/generate.py``, fixed seed and
"today"), then runs every command several times and reports the median wall
time and the peak memory (``ru_maxrss`` of that child process):

- ``wsg validate`` cold (no cache yet: it parses everything and writes the
  cache), with ``--no-cache``, warm (nothing changed), and after one file changed;
- ``wsg render site`` (the smallest size only; marked not available where the
  command does not work);
- ``wsg diff`` between two commits of the dataset: nothing changed (both
  revisions read and checked), and every event renamed (its id and file);
- ``wsg fmt --check`` with every file known from an earlier run (the smallest size, and the
  bundled dataset ``data/``, where its cold run is timed too), beside a warm
  ``wsg validate`` of the same dataset in the same rounds;
- ``wsg --help`` and ``python3 -c pass``;
- the parsing floor: every file parsed by PyYAML's C loader in one process;
- ``check-jsonschema`` with a trivial schema on the same files (2,000 events only,
  where installed: ``pip install -e '.[bench]'``).

It prints one table and each target with PASS or FAIL. A benchmark, not a test:
nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import TODAY, generate

BUNDLED = Path(__file__).resolve().parent.parent / "data"

PARSE_FLOOR = """
import sys, yaml
from pathlib import Path
loader = getattr(yaml, sys.argv[2])
parse = yaml.compose if sys.argv[3] == "compose" else yaml.load
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    parse(path.read_bytes(), Loader=loader)
"""


# As installed tools run: Python keeps the bytecode it compiles (some sandboxes turn that off).
ENVIRONMENT = {
    k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "WSG_NO_CACHE")
}


@dataclass
class Timing:
    what: str
    seconds: float | None  # median wall time; None: not available
    runs: int
    peak_mb: float | None
    note: str = ""


def program(name: str) -> str | None:
    """The installed script next to this Python (not a shim that adds its own start-up)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def run_once(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak memory in MB, exit code of one run."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=cwd, env=ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, child.returncode


@dataclass
class Case:
    """One command to time, and what to do before each of its runs."""

    key: str
    what: str
    command: list[str]
    runs: int
    cwd: Path
    before: Callable[[int], None] | None = None
    ok: tuple[int, ...] = (0,)
    size: int = 0


def measure(cases: list[Case]) -> dict[tuple[int, str], Timing]:
    """Run the cases in rounds, each case spread evenly over the rounds, so that a busy
    spell of the machine weighs on all of them alike; median time and peak memory."""
    times: dict[tuple[int, str], list[float]] = {(c.size, c.key): [] for c in cases}
    peaks: dict[tuple[int, str], list[float]] = {(c.size, c.key): [] for c in cases}
    failed: dict[tuple[int, str], str] = {}
    rounds = max(case.runs for case in cases)
    for index in range(rounds):
        for case in cases:
            name = (case.size, case.key)
            stride = -(-rounds // case.runs)
            if index % stride or index // stride >= case.runs or name in failed:
                continue
            if case.before is not None:
                case.before(index)
            seconds, peak, code = run_once(case.command, case.cwd)
            if code not in case.ok:
                failed[name] = f"exit {code}: not available"
                continue
            times[name].append(seconds)
            peaks[name].append(peak)
    results = {}
    for case in cases:
        name = (case.size, case.key)
        if name in failed:
            results[name] = Timing(case.what, None, 0, None, failed[name])
            continue
        median = statistics.median(times[name])
        results[name] = Timing(case.what, median, len(times[name]), max(peaks[name]))
        print(f"  {case.size} {case.what}: {median:.3f} s", file=sys.stderr)
    return results


def timed_once(what: str, command: list[str], cwd: Path) -> Timing:
    """One unrepeated run (too long to repeat, or it changes what the next run finds)."""
    seconds, peak, code = run_once(command, cwd)
    note = "" if code in (0, 1) else f"exit {code}: not available"
    return Timing(what, seconds if not note else None, 1, peak, note)


def cases_of(
    events: int, runs: int, work: Path, full: bool, once: dict[tuple[int, str], Timing]
) -> tuple[list[Case], Callable[[], None]]:
    """The cases of one dataset size, and how to put its dataset back as generated."""
    folder = work / f"events-{events}"
    print(f"generating {events} events in {folder}", file=sys.stderr)
    data = generate(folder, events, today=TODAY)
    wsg = program("wsg")
    if wsg is None:
        raise SystemExit("wsg is not installed: pip install -e '.[bench]'")
    python = sys.executable
    today = ["--today", TODAY.isoformat()]
    validate = [wsg, "validate", "--data", str(data), *today]
    cache = folder / ".wsg-cache"
    files = sorted(str(path.relative_to(folder)) for path in data.rglob("*.yaml"))
    touched = data / files[len(files) // 2].split("/", 1)[1]
    original = touched.read_bytes()

    def no_cache(_: int) -> None:  # validate's pack only: fmt's memo stays
        for pack in cache.glob("validate-*.pack"):
            pack.unlink()

    def touch(index: int) -> None:
        touched.write_bytes(original + f"# edited {index}\n".encode())

    def untouch(_: int) -> None:
        touched.write_bytes(original)

    few = max(1, runs // 2)
    ok = (0, 1)  # validate exits 1 when the data has errors; the generated data has none

    # in each round: cold writes the cache that warm reads; one file changes after that
    def case(key: str, what: str, command: list[str], count: int, **more: Any) -> Case:
        return Case(key, what, command, count, folder, size=events, **more)

    cases = [
        case("python", "python3 -c pass", [python, "-c", "pass"], runs),
        case("help", "wsg --help", [wsg, "--help"], runs),
        case("cold", "wsg validate, cold (no cache yet)", validate, runs, before=no_cache, ok=ok),
        case("warm", "wsg validate, warm (nothing changed)", validate, runs, ok=ok),
        case("touched", "wsg validate, one file changed", validate, runs, before=touch, ok=ok),
        case("nocache", "wsg validate --no-cache", [*validate, "--no-cache"], runs, ok=ok),
    ]
    if full:  # fmt formats each file the first time (ruamel.yaml): timed once, then warm
        fmt = [wsg, "fmt", "--check", "--data", str(data)]
        once[(events, "fmt-cold")] = timed_once("wsg fmt --check, cold (once)", fmt, folder)
        cases.append(
            case("fmt", "wsg fmt --check, warm (every file known)", fmt, runs, before=untouch,
                 ok=ok)
        )  # fmt: skip
        site = folder / "site"
        render = [wsg, "render", "site", "--out", str(site), "--data", str(data), *today]
        cases.append(case("render", "wsg render site", render, few))
    for parse in ("load", "compose"):
        floor = [python, "-c", PARSE_FLOOR, str(data), "CSafeLoader", parse]
        cases.append(
            case(
                f"floor-{parse}", f"parse only: PyYAML CSafeLoader {parse}, one process", floor, few
            )
        )
    commit_renamed(folder, data)
    diff = [wsg, "diff", "--data", str(data), *today, "main"]
    if full:
        cases.append(case("diff-same", "wsg diff, nothing changed", [*diff, "main"], few, ok=ok))
    cases.append(
        case("diff-renamed", "wsg diff, every event renamed", [*diff, "renamed"], few, ok=ok)
    )
    checker = program("check-jsonschema")
    if full and checker is not None:
        schema = folder / "trivial.schema.json"
        schema.write_text('{"type": "object"}\n')
        check = [checker, "--schemafile", str(schema), *files]
        cases.append(case("check-jsonschema", "check-jsonschema, trivial schema", check, runs))

    def restore() -> None:
        touched.write_bytes(original)

    return cases, restore


GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "gc.auto=0"]


def commit_renamed(folder: Path, data: Path) -> None:
    """Commit the dataset as ``main``, and as branch ``renamed`` with every event under a new
    id and file (the worst case of rename detection); the working tree is left as generated."""

    def git(*args: str) -> None:
        subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "data")
    git("commit", "-q", "-m", "generated")
    git("checkout", "-q", "-b", "renamed")
    for path in sorted((data / "events").rglob("*.yaml")):
        text = path.read_text("utf-8")
        renamed = path.with_name(f"{path.stem}-renamed.yaml")
        renamed.write_text(text.replace(f"id: {path.stem}\n", f"id: {renamed.stem}\n", 1))
        path.unlink()
    git("add", "-A", "data")
    git("commit", "-q", "-m", "every event renamed")
    git("checkout", "-q", "main")


def bundled_cases(runs: int, work: Path) -> list[Case]:
    """The repository's own dataset: warm validate, fmt --check cold and warm (size 0)."""
    folder = work / "bundled"
    shutil.copytree(BUNDLED, folder / "data")
    data = folder / "data"
    wsg = program("wsg")
    assert wsg is not None
    validate = [wsg, "validate", "--data", str(data), "--today", TODAY.isoformat()]
    fmt = [wsg, "fmt", "--check", "--data", str(data)]
    run_once(validate, folder)  # the pack every warm run reads

    def forget(_: int) -> None:
        for memo in (folder / ".wsg-cache").glob("fmt-*"):
            memo.unlink()

    def case(key: str, what: str, command: list[str], **more: Any) -> Case:
        return Case(key, what, command, runs, folder, size=0, ok=(0, 1), **more)

    return [  # in this order in every round: the cold fmt leaves the memo the warm one reads
        case("warm", "wsg validate, warm (nothing changed)", validate),
        case("fmt-cold", "wsg fmt --check, cold (no memo)", fmt, before=forget),
        case("fmt", "wsg fmt --check, warm (every file known)", fmt),
    ]


def ruamel_has_c() -> bool:
    try:
        import ruamel.yaml.main as ruamel_main
    except ImportError:
        return False
    return getattr(ruamel_main, "CParser", None) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--work", type=Path, help="where the datasets go (default: a temp folder)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="wsg-bench-"))
    base = min(args.events)
    once: dict[tuple[int, str], Timing] = {}
    cases: list[Case] = bundled_cases(args.runs, work)
    restores = []
    for events in args.events:
        runs = args.runs if events == base else max(1, (args.runs + 1) // 2)
        more, restore = cases_of(events, runs, work, events == base, once)
        cases += more
        restores.append(restore)
    try:
        timings = measure(cases)  # every size in the same rounds: the ratios compare like times
    finally:
        for restore in restores:
            restore()
    timings.update(once)
    sizes: dict[int, dict[str, Timing]] = {events: {} for events in (0, *args.events)}
    for (events, key), timing in timings.items():
        sizes[events][key] = timing
    bundled = sizes.pop(0)

    print(
        f"\nwsg benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, today {TODAY}"
    )
    print(f"check-jsonschema's ruamel.yaml has its C parser: {'yes' if ruamel_has_c() else 'no'}\n")
    header = "| what | " + " | ".join(f"{n:,} events" for n in sizes) + " | peak memory |"
    print(header)
    print("|---|" + "---|" * len(sizes) + "---|")
    for key, first in sizes[base].items():
        cells = []
        for results in sizes.values():
            timing = results.get(key)
            if timing is None:
                cells.append("not run")
            elif timing.seconds is None:
                cells.append(timing.note)
            else:
                cells.append(f"{timing.seconds:.3f} s")
        peaks = [f"{r[key].peak_mb:.0f} MB" for r in sizes.values() if key in r and r[key].peak_mb]
        print(f"| {first.what} | " + " | ".join(cells) + f" | {' / '.join(peaks)} |")

    print(
        f"\nThe bundled dataset ({sum(1 for _ in BUNDLED.rglob('*.yaml'))} files), same rounds:\n"
    )
    print("| what | time | peak memory |\n|---|---|---|")
    for timing in bundled.values():
        cell = f"{timing.seconds:.3f} s" if timing.seconds is not None else timing.note
        print(f"| {timing.what} | {cell} | {timing.peak_mb or 0:.0f} MB |")

    print()
    verdicts = targets(sizes, base, bundled)
    for line in verdicts:
        print(line)
    return 0


def targets(
    sizes: dict[int, dict[str, Timing]], base: int, bundled: dict[str, Timing]
) -> list[str]:
    small = sizes[base]
    large = sizes.get(max(sizes)) if len(sizes) > 1 else None

    def seconds(results: dict[str, Timing], key: str) -> float | None:
        timing = results.get(key)
        return timing.seconds if timing is not None else None

    lines = []

    def ratio(label: str, value: float | None, limit: float, of: float | None, unit: str) -> None:
        if value is None or of is None:
            lines.append(f"n/a   {label}: not measured")
            return
        verdict = "PASS" if value <= limit * of else "FAIL"
        lines.append(
            f"{verdict}  {label}: {value:.3f} s = {value / of:.3f} x {unit} (limit {limit})"
        )

    cold = seconds(small, "cold")
    ratio(
        f"cold validate, {base:,} events <= 0.5 x check-jsonschema",
        cold,
        0.5,
        seconds(small, "check-jsonschema"),
        "check-jsonschema",
    )
    ratio("warm validate <= 0.15 x cold", seconds(small, "warm"), 0.15, cold, "cold")
    ratio(
        "one file changed <= 0.15 x cold (not a target)",
        seconds(small, "touched"),
        0.15,
        cold,
        "cold",
    )
    ratio(
        f"render site, {base:,} events <= 3 x cold validate",
        seconds(small, "render"),
        3,
        cold,
        "cold",
    )
    if large is not None:
        n = max(sizes)
        ratio(
            f"cold validate, {n:,} events <= 11 x {base:,}",
            seconds(large, "cold"),
            11,
            cold,
            f"{base:,} cold",
        )
        ratio(
            f"warm validate, {n:,} events <= 11 x {base:,}",
            seconds(large, "warm"),
            11,
            seconds(small, "warm"),
            f"{base:,} warm",
        )
        peak = max((t.peak_mb or 0) for t in large.values() if t.what.startswith("wsg validate"))
        verdict = "PASS" if peak < 500 else "FAIL"
        lines.append(f"{verdict}  peak memory of validate, {n:,} events < 500 MB: {peak:.0f} MB")
    ratio(  # issue 13, section 5
        "fmt --check, bundled dataset <= 2 x its warm validate",
        seconds(bundled, "fmt"),
        2,
        seconds(bundled, "warm"),
        "warm validate",
    )
    ratio(
        f"diff with every event renamed, {base:,} events <= 1.5 x diff of two equal revisions",
        seconds(small, "diff-renamed"),
        1.5,
        seconds(small, "diff-same"),
        "equal revisions",
    )
    if large is not None:
        ratio(
            f"diff with every event renamed, {max(sizes):,} events <= 11 x {base:,}",
            seconds(large, "diff-renamed"),
            11,
            seconds(small, "diff-renamed"),
            f"{base:,} renamed",
        )
    ratio(
        f"fmt --check, {base:,} events <= 2 x warm validate",
        seconds(small, "fmt"),
        2,
        seconds(small, "warm"),
        "warm validate",
    )
    ratio(
        "wsg --help <= 2 x python3 -c pass",
        seconds(small, "help"),
        2,
        seconds(small, "python"),
        "python",
    )
    return lines


if __name__ == "__main__":
    sys.exit(main())
