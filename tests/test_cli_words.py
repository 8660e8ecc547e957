"""The command line as a user meets it: help in words, formats from file names, the dataset
found from any folder of the repository, completion, and usage errors that say so."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import typer.main

from tests.conftest import ROOT, make_dataset, run_wsg
from wsg import completion
from wsg.cli import app

TODAY = "2026-11-28"


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WSG_DATA", raising=False)
    monkeypatch.setenv("WSG_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", "80")


def _commands() -> list[list[str]]:
    group = typer.main.get_command(app)
    found: list[list[str]] = [[]]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        found.append([name])
        for sub in getattr(command, "commands", {}):
            found.append([name, sub])
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "wsg")
def test_help_is_in_words(command: list[str]) -> None:
    result = run_wsg(*command, "--help")
    assert result.code == 0
    text = result.out
    assert "<" not in text and ">" not in text, text  # no <str>, <int>, <path> types
    assert "{" not in text and "[[" not in text, text  # usage: ID and [PATH]..., plainly
    assert all(len(line) <= 80 for line in text.splitlines())


def test_every_format_option_that_defaults_to_text_accepts_text_and_says_so() -> None:
    defaults = {}
    for command in _commands():
        click_command = typer.main.get_command(app)
        for part in command:
            click_command = click_command.commands[part]  # type: ignore[attr-defined]
        for param in click_command.params:
            if "--format" in getattr(param, "opts", []) and param.default == "text":
                defaults[" ".join(command)] = param.help or ""
    assert set(defaults) >= {"validate", "rules", "list", "show", "balance", "diff"}
    assert all(help_text.startswith("text") for help_text in defaults.values())


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["rules"],
        ["rules", "closed-group"],
        ["list"],
        ["show", "wsg"],
        ["balance"],
        ["countries", "KE"],
    ],
    ids=" ".join,
)
def test_format_text_is_the_default_spelled_out(command: list[str]) -> None:
    data = ["--data", str(ROOT / "data")] if command[0] not in ("rules", "countries") else []
    default = run_wsg(*command, *data)
    spelled = run_wsg(*command, *data, "--format", "text")
    assert spelled.code == default.code == 0, spelled.err
    assert spelled.out == default.out


AGENDA = ("render", "agenda", "2026-03-ai-watermarking", "--data", str(ROOT / "data"))


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("agenda.ics", "BEGIN:VCALENDAR"),
        ("agenda.html", "<!doctype html>"),
        ("agenda.HTM", "<!doctype html>"),
        ("agenda.json", "{"),
        ("agenda.md", "# ITU Workshop"),
        ("agenda.txt", "# ITU Workshop"),  # an extension that says nothing: markdown
    ],
)
def test_output_file_extension_chooses_the_format(tmp_path: Path, name: str, starts: str) -> None:
    result = run_wsg(*AGENDA, "-o", str(tmp_path / name))
    assert (result.code, result.out, result.err) == (0, "", "")
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts)


def test_an_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    result = run_wsg(*AGENDA, "--format", "md", "-o", str(tmp_path / "agenda.ics"))
    assert result.code == 0
    assert (tmp_path / "agenda.ics").read_text(encoding="utf-8").startswith("# ITU Workshop")


def test_summary_output_extension_too(tmp_path: Path) -> None:
    out = tmp_path / "2026.html"
    result = run_wsg("render", "summary", "--data", str(ROOT / "data"), "-o", str(out))
    assert result.code == 0, result.err
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize("command", [AGENDA, ("render", "summary", "--data", str(ROOT / "data"))])
def test_a_templates_folder_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "my-templates"
    result = run_wsg(*command, "--templates", str(missing))
    assert result.code == 2
    assert result.err == f"wsg: --templates {missing} does not exist\n"
    (tmp_path / "file").write_text("x")
    result = run_wsg(*command, "--templates", str(tmp_path / "file"))
    assert (result.code, result.err) == (
        2,
        f"wsg: --templates {tmp_path / 'file'} is not a folder\n",
    )


@pytest.mark.parametrize(
    ("today", "message"),
    [
        ("", "wsg: --today is empty; write a date as YYYY-MM-DD\n"),
        (" ", "wsg: --today is empty; write a date as YYYY-MM-DD\n"),
        ("20260601", "wsg: --today '20260601' is not a date; write YYYY-MM-DD\n"),
        ("2026-6-1", "wsg: --today '2026-6-1' is not a date; write YYYY-MM-DD\n"),
        ("2026-W22-1", "wsg: --today '2026-W22-1' is not a date; write YYYY-MM-DD\n"),
        (
            "2026-02-30",
            "wsg: --today '2026-02-30' is not a date: day is out of range for month; "
            "write YYYY-MM-DD\n",
        ),
    ],
)
@pytest.mark.parametrize("command", [["validate"], ["list"], ["render", "site"]], ids=" ".join)
def test_an_empty_or_malformed_today_is_a_usage_error(
    tmp_path: Path, command: list[str], today: str, message: str
) -> None:
    data = make_dataset(tmp_path, {})
    result = run_wsg(*command, "--data", str(data), "--today", today)
    assert (result.code, result.out, result.err) == (2, "", message)
    assert not (tmp_path / "site").exists()


def test_render_site_writes_site_beside_the_dataset_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_dataset(tmp_path, {})
    nested = tmp_path / "data" / "events" / "2025"
    monkeypatch.chdir(nested)
    result = run_wsg("render", "site")
    assert result.code == 0, result.err
    assert (tmp_path / "site" / "index.html").is_file()
    assert not (nested / "site").exists()


# --- the dataset from any folder of the repository ----------------------------------


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs" / "notes").mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize(
    "where",
    [
        ".",
        "docs",
        "docs/notes",
        "data",
        "data/events",
        "data/events/2027",
        "data/groups",
        "data/topics",
    ],
)
def test_every_command_finds_the_dataset_from_a_nested_folder(
    repository: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    files = len([p for p in (repository / "data").rglob("*") if p.is_file()])
    monkeypatch.chdir(repository / where)
    validate = run_wsg("validate")
    assert validate.code == 0, validate.err
    assert validate.out == f"{files} files checked: 0 errors, 0 warnings\n"
    for command in (["list"], ["show", "wsg"], ["balance"], ["fmt", "--check"]):
        result = run_wsg(*command)
        assert result.code == 0, (command, result.err)


def test_validate_a_file_from_its_own_folder(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = repository / "data" / "events" / "2027"
    event = folder / "2027-05-qos-digital-inclusion-suva.yaml"
    event.write_text(event.read_text().replace("timezone: Pacific/Fiji", "timezone: EAT"))
    monkeypatch.chdir(folder)
    result = run_wsg("validate", event.name)
    assert result.code == 1
    assert result.out.startswith(
        "data/events/2027/2027-05-qos-digital-inclusion-suva.yaml:7:11: error bad-timezone "
        "'EAT' is an abbreviation or a UTC offset, not an IANA time zone name; "
        "the zone of FJ is 'Pacific/Fiji'\n"
    )
    assert result.out.endswith("1 file checked: 1 error, 0 warnings\n")


def test_data_option_and_environment_win_over_the_search(
    repository: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = make_dataset(tmp_path_factory.mktemp("other"), {})
    said = f"{len(list(other.rglob('*.yaml')))} files checked: 0 errors, 0 warnings\n"
    monkeypatch.chdir(repository / "data" / "events")
    assert run_wsg("validate", "--data", str(other)).out == said
    monkeypatch.setenv("WSG_DATA", str(other))
    assert run_wsg("validate").out == said


def test_no_dataset_above_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()  # a data/ folder that is no dataset does not count
    monkeypatch.chdir(tmp_path)
    result = run_wsg("validate")
    assert result.code == 2
    assert result.err == (
        "wsg: no dataset found: no data/ folder with events/ or groups/ here or in any folder "
        "above; run inside the dataset's repository, or pass --data FOLDER\n"
    )


# --- completion -----------------------------------------------------------------------


class _Context:
    def __init__(self, **params: str) -> None:
        self.params = params


def test_completion_of_ids(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository / "docs")
    assert completion.complete_event_ids(_Context(), "2027-0") == [
        "2027-09-metaverse-interoperability-seoul",
        "2027-06-iot-smart-cities-kampala",
        "2027-05-qos-digital-inclusion-suva",
        "2027-03-ai-accessibility-forum-geneva",
        "2027-02-ai-native-networks-geneva",
    ]
    assert completion.complete_record_ids(_Context(), "sg")[:4] == ["sg2", "sg3", "sg5", "sg9"]
    assert completion.complete_record_ids(_Context(), "ws") == ["wsg"]
    assert completion.complete_rule_ids("closed") == ["closed-group"]


def test_completion_reads_the_data_option_and_never_fails(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    events = sorted(p.stem for p in (data / "events").rglob("*.yaml"))
    assert sorted(completion.complete_event_ids(_Context(data=str(data)), "")) == events
    assert completion.complete_event_ids(_Context(data=str(data)), "ai-d") == ["ai-day"]
    assert completion.complete_event_ids(_Context(data=str(tmp_path / "none")), "") == []


def _complete(words: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the shell gets back for ``words`` (bash's protocol), through the console script."""
    from wsg import entry

    monkeypatch.setenv("_WSG_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split()) - (0 if words.endswith(" ") else 1)))
    monkeypatch.setattr(sys, "argv", ["wsg"])
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit) as exit_:
        entry.main()
    assert exit_.value.code in (0, None)
    return out.getvalue().split()


def test_the_console_script_answers_the_shell(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository)
    assert _complete("wsg show 2026-03", monkeypatch) == ["2026-03-ai-watermarking"]
    assert _complete("wsg render agenda 2025-12", monkeypatch) == ["2025-12-6g-brasilia"]
    assert "validate" in _complete("wsg va", monkeypatch)


def test_show_completion_prints_a_script() -> None:
    environment = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    program = (
        "import sys; sys.argv = ['wsg', '--show-completion', 'bash']; "
        "from wsg.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=environment, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "_WSG_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _wsg_completion wsg" in result.stdout


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["validate"]], ids=" ".join)
def test_help_and_validate_never_import_rich(args: list[str]) -> None:
    """rich costs more than Python's own start-up: only the commands that draw tables
    import it (bench/ holds wsg --help to twice python -c pass)."""
    program = (
        f"import sys; sys.argv = ['wsg', *{args!r}, *sys.argv[1:]]\n"
        "from wsg.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'), file=sys.stderr)\n"
    )
    extra = ["--data", str(ROOT / "data")] if args == ["validate"] else []
    result = subprocess.run(
        [sys.executable, "-c", program, *extra], capture_output=True, text=True, timeout=60
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"
