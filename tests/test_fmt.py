"""``wsg fmt``: one canonical form, comments and data kept, idempotent, never losing a file."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, make_dataset, run_wsg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wsg.canonical import canonical
from wsg.dataset import definition, kind_of
from wsg.kinds import Context
from wsg.schema import EVENT, EVENT_KINDS, FORMATS, STATUSES
from wsg.serialize import to_data
from wsg.yamltree import parse

BUNDLED = ROOT / "data"

MESSY = """\
---
# A messy but valid event.
title:   Workshop on AI   # the title
id: 2026-09-messy
organizers:
- sg16     # first
- sg17
themes: [ai]
status: proposed
kind: workshop
start: "2026-09-10"
end: '2026-09-11'

format: hybrid
timezone: Europe/Zurich
venue: {country: NO, city: Oslo}   # Norway, not false
participation:
    by_country: {NO: 3, 'KE': 2}
programme:
  # day one
  - sessions:
      - {end: '10:00', start: 09:30, title: Opening}
    date: 2026-09-10
  # day two
  - date: 2026-09-11


    sessions: [{title: Closing, start: "09:00", end: "09:30", speakers: [{name: A B, country: NO}]}]
notes: |
  Line one, with two trailing spaces\x20\x20

  Line three
zzz_custom: kept at the end   # an unknown key
"""

CANONICAL = """\
# A messy but valid event.
id: 2026-09-messy
title: Workshop on AI     # the title
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: hybrid
venue: {city: Oslo, country: "NO"} # Norway, not false
organizers:
  - sg16   # first
  - sg17
themes: [ai]
participation:
  by_country: {"NO": 3, KE: 2}
programme:
  # day one
  - date: 2026-09-10
    sessions:
      - {start: "09:30", end: "10:00", title: Opening}

  # day two
  - date: 2026-09-11
    sessions:
      - start: "09:00"
        end: "09:30"
        title: Closing
        speakers:
          - {name: A B, country: "NO"}
notes: |
  Line one, with two trailing spaces\x20\x20

  Line three
zzz_custom: kept at the end   # an unknown key
"""


def comments(text: str) -> list[str]:
    return re.findall(r"#[^\n]*", text)


def meaning(text: str, record: Any = EVENT) -> tuple[Any, list[tuple[str, str]]]:
    """What the validator reads from a file: the record's data and the problems (without places)."""
    tree, problems = parse(text.encode("utf-8"))
    context = Context("data/events/2026/x.yaml")
    converted = record.convert(tree, context) if tree is not None else None
    found = sorted(
        [(p.rule, p.message) for p in problems] + [(r, m) for r, _, _, m in context.problems]
    )
    return to_data(converted, public=False), found


MESSY_PATH = "data/events/2026/2026-09-messy.yaml"


def test_the_bundled_dataset_is_canonical() -> None:
    result = run_wsg("fmt", "--check", "--data", str(BUNDLED))
    assert result.code == 0, result.out
    assert "0 files would be reformatted" in result.out


def test_a_messy_file_becomes_canonical_keeping_every_comment_and_the_data() -> None:
    result = canonical(MESSY, EVENT)
    assert result.text == CANONICAL
    assert sorted(comments(result.text)) == sorted(comments(MESSY))
    assert meaning(result.text) == meaning(MESSY)
    assert canonical(result.text, EVENT).text == result.text


def test_the_canonical_form_reads_the_same_to_a_yaml_11_reader() -> None:
    import yaml

    loaded = yaml.safe_load(CANONICAL)  # PyYAML resolves YAML 1.1: NO would be False
    assert loaded["venue"]["country"] == "NO"
    assert loaded["participation"]["by_country"] == {"NO": 3, "KE": 2}
    assert loaded["programme"][0]["sessions"][0]["start"] == "09:30"


def test_check_lists_what_would_change_changes_nothing_and_exits_1(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {MESSY_PATH: MESSY})
    messy = tmp_path / MESSY_PATH
    result = run_wsg("fmt", "--check", "--data", str(data))
    assert result.code == 1
    assert "would reformat data/events/2026/2026-09-messy.yaml" in result.out.splitlines()
    assert "1 file would be reformatted" in result.out
    assert messy.read_text(encoding="utf-8") == MESSY


def test_fmt_rewrites_in_place_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {MESSY_PATH: MESSY})
    messy = tmp_path / MESSY_PATH
    first = run_wsg("fmt", "--data", str(data))
    assert first.code == 0
    assert "reformatted data/events/2026/2026-09-messy.yaml" in first.out.splitlines()
    assert messy.read_text(encoding="utf-8") == CANONICAL
    second = run_wsg("fmt", "--data", str(data))
    assert "0 files reformatted" in second.out


def test_only_the_given_paths_are_formatted(tmp_path: Path) -> None:
    other_path = MESSY_PATH.replace("messy", "other")
    data = make_dataset(tmp_path, {MESSY_PATH: MESSY, other_path: MESSY.replace("messy", "other")})
    one, other = tmp_path / MESSY_PATH, tmp_path / other_path
    result = run_wsg("fmt", str(one), "--data", str(data))
    assert result.code == 0
    assert one.read_text(encoding="utf-8") == CANONICAL
    assert other.read_text(encoding="utf-8") == MESSY.replace("messy", "other")


def test_a_path_outside_the_dataset_is_a_usage_error(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    result = run_wsg("fmt", str(outside), "--data", str(data))
    assert result.code == 2
    assert "outside the dataset folder" in result.err


def test_an_unparseable_file_is_skipped_with_a_note_and_left_alone(tmp_path: Path) -> None:
    text = "id: broken\ntitle: [unclosed\n"
    data = make_dataset(tmp_path, {"data/events/2026/broken.yaml": text})
    broken = tmp_path / "data/events/2026/broken.yaml"
    result = run_wsg("fmt", "--data", str(data))
    assert result.code == 1
    assert any(
        line.startswith("data/events/2026/broken.yaml: skipped: yaml-syntax")
        for line in result.out.splitlines()
    )
    assert broken.read_text(encoding="utf-8") == text


def test_a_file_that_changed_while_formatting_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg.commands import fmt as command

    data = make_dataset(tmp_path, {MESSY_PATH: MESSY})
    messy = tmp_path / MESSY_PATH
    meanwhile = MESSY + "# added by someone else meanwhile\n"

    def canonical_while_someone_edits(text: str, record: Any) -> Any:
        messy.write_text(meanwhile, encoding="utf-8")
        return canonical(text, record)

    monkeypatch.setattr(command, "canonical", canonical_while_someone_edits)
    result = run_wsg("fmt", str(messy), "--data", str(data))
    assert result.code == 2
    assert "changed while wsg was working on it" in result.err
    assert messy.read_text(encoding="utf-8") == meanwhile


def test_formatting_never_changes_what_a_plain_value_means() -> None:
    # YAML 1.1 words, numbers and would-be dates stay exactly what they were
    text = (
        "id: demo\ntitle: yes\nkind: workshop\nstatus: proposed\n"
        "start: 2026-02-30\nend: 2026-09-11\ntimezone: Europe/Zurich\nformat: virtual\n"
        "organizers: [sg16]\nthemes: [ai]\nfee: 0x1F\nnotes: ~\n"
    )
    result = canonical(text, EVENT)
    assert result.text == text
    assert meaning(result.text) == meaning(text)


# ---------------------------------------------------------------------------
# Property: for generated records written in many styles, fmt keeps the data and is idempotent

WORDS = (
    st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)
TEXT = st.one_of(
    WORDS,
    st.text(alphabet=string.ascii_letters + string.digits + " :#-'\"é,", min_size=1, max_size=20),
    st.sampled_from(["true", "NO", "null", "12", "1.5", "2026-01-01", "09:30", "- x", "a: b"]),
)
CODES = st.sampled_from(["NO", "NA", "KE", "CH", "US", "no", "ON", "XX"])
DATES = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["2026-02-30", "10/03/2026"])
TIMES = st.sampled_from(["09:30", "9:30", "10:00", "23:59", "24:00", "12.15"])
SLUGS = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)

PEOPLE = st.fixed_dictionaries({"name": WORDS}, optional={"country": CODES, "affiliation": TEXT})
SESSIONS = st.fixed_dictionaries(
    {"start": TIMES, "end": TIMES, "title": TEXT},
    optional={
        "kind": st.sampled_from(["talk", "panel", "brake"]),
        "speakers": st.lists(PEOPLE, max_size=2),
    },
)
DAYS = st.fixed_dictionaries(
    {"date": DATES, "sessions": st.lists(SESSIONS, min_size=1, max_size=3)}
)
EVENTS = st.fixed_dictionaries(
    {
        "id": SLUGS,
        "title": TEXT,
        "kind": st.sampled_from(EVENT_KINDS),
        "status": st.sampled_from(STATUSES),
        "start": DATES,
        "end": DATES,
        "timezone": st.sampled_from(["Europe/Zurich", "Africa/Nairobi", "GMT+2"]),
        "format": st.sampled_from(FORMATS),
        "organizers": st.lists(SLUGS, min_size=1, max_size=3),
        "themes": st.lists(SLUGS, min_size=1, max_size=2),
    },
    optional={
        "venue": st.fixed_dictionaries({"city": WORDS, "country": CODES}),
        "fee": st.sampled_from(["0", "25.5", "-1", "1e3"]),
        "participation": st.fixed_dictionaries(
            {"registered": st.integers(0, 500).map(str)},
            optional={"by_country": st.dictionaries(CODES, st.integers(0, 9).map(str), max_size=3)},
        ),
        "programme": st.lists(DAYS, max_size=3),
        "notes": st.sampled_from(["plain note", "|\n  kept\n\n  as is  \n"]),
        "custom_key": WORDS,
    },
)

PLAIN_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .,é():-]*[A-Za-z0-9.)é]|[A-Za-z0-9]")


def plain_allowed(value: str, flow: bool) -> bool:
    """Whether ``value`` may be written plain (YAML then decides what it is: that is the point)."""
    if not PLAIN_SAFE.fullmatch(value) or ": " in value or value.endswith(":"):
        return False
    return not (flow and ("," in value or ":" in value))


def scalar(value: str, draw: Any, flow: bool) -> str:
    """One of the ways an author may write the text ``value``."""
    if value.startswith("|\n"):
        return value
    styles = ["double", "single"]
    if plain_allowed(value, flow):
        styles.append("plain")
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def write(value: Any, draw: Any, indent: int, step: int, flow: bool = False) -> str:
    """``value`` as YAML in a randomly chosen but valid style; keys shuffled, comments sprinkled."""
    if isinstance(value, dict):
        keys = draw(st.permutations(list(value)))
        if flow or (
            all(isinstance(v, str) and "\n" not in v for v in value.values())
            and draw(st.booleans())
        ):
            inner = ", ".join(f"{k}: {write(value[k], draw, 0, step, True)}" for k in keys)
            return "{" + inner + "}"
        lines = []
        for key in keys:
            item = value[key]
            pad = " " * indent
            if draw(st.integers(0, 5)) == 0:
                lines.append(f"{pad}# before {key}")
            if isinstance(item, dict | list) and item:
                nested = write(item, draw, indent + step, step)
                if nested.startswith(("{", "[")):
                    lines.append(f"{pad}{key}: {nested}")
                else:
                    lines.append(f"{pad}{key}:\n{nested}")
            else:
                single_line = not (isinstance(item, str) and "\n" in item)
                comment = (
                    f"  # note on {key}" if single_line and draw(st.integers(0, 5)) == 0 else ""
                )
                lines.append(f"{pad}{key}: {write(item, draw, indent + step, step, True)}{comment}")
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return "[]"
        if flow or (all(isinstance(v, str) for v in value) and draw(st.booleans())):
            return "[" + ", ".join(write(v, draw, 0, step, True) for v in value) + "]"
        dash = " " * indent + "- "
        lines = []
        for item in value:
            text = write(item, draw, indent + 2, step) if isinstance(item, dict) else None
            if text is None:
                lines.append(dash + write(item, draw, 0, step, True))
            elif text.startswith("{"):
                lines.append(dash + text)
            else:
                lines.append(dash + text.lstrip(" "))
        return "\n".join(lines)
    if flow and value.startswith("|\n"):
        return json.dumps(value[2:].replace("\n  ", "\n"), ensure_ascii=False)
    return scalar(value, draw, flow)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(record=EVENTS, data=st.data())
def test_fmt_keeps_the_data_and_is_idempotent(record: dict[str, Any], data: st.DataObject) -> None:
    step = data.draw(st.sampled_from([2, 4]))
    text = write(record, data.draw, 0, step) + "\n"
    assert parse(text.encode("utf-8"))[1] == [], text  # the generator writes valid YAML
    once = canonical(text, EVENT)
    assert once.text is not None, f"{once.problem}\n{text}"
    assert meaning(once.text) == meaning(text)
    notes = re.compile(r"# (?:note on|before) [a-z_]+")
    assert sorted(notes.findall(once.text)) == sorted(notes.findall(text))
    again = canonical(once.text, EVENT)
    assert again.text == once.text, f"{text}\n---\n{once.text}\n---\n{again.text}"


# --- what ruamel.yaml cannot keep: refused, or kept by hand ---------------------------------

VALID = """\
id: 2026-09-flow
title: Workshop on AI
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
"""
FLOW_PATH = "data/events/2026/2026-09-flow.yaml"


@pytest.mark.parametrize(
    ("inside", "comment"),
    [
        ("languages: [en, # english\n  fr]\n", "# english"),
        ("languages: [\n  en, # english\n  fr # french\n]\n", "# english"),
        ("venue: {city: Oslo, # the capital\n  country: 'NO'}\n", "# the capital"),
    ],
    ids=["in a list", "in a list one item a line", "in a mapping"],
)
def test_a_comment_inside_brackets_is_never_lost_the_file_is_refused_saying_why(
    inside: str, comment: str, tmp_path: Path
) -> None:
    text = VALID.replace("title: Workshop on AI\n", "title:   Workshop on AI\n") + inside
    data = make_dataset(tmp_path, {FLOW_PATH: text})
    for check in (("--check",), ()):
        result = run_wsg("fmt", *check, "--data", str(data))
        assert result.code == 1
        line = 11 + inside.split(comment)[0].count("\n")
        assert (
            f"data/events/2026/2026-09-flow.yaml: skipped: line {line}: the comment "
            f"'{comment}' is inside [ ] or {{ }}, where fmt cannot keep it: move it out of "
            "the brackets, or write the list one item a line; left as it is"
        ) in result.out.splitlines()
        assert (tmp_path / FLOW_PATH).read_text() == text


def test_every_comment_of_the_bundled_and_the_messy_files_survives() -> None:
    for path in sorted(BUNDLED.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        kind = kind_of(path.relative_to(BUNDLED).parent.parts, path.name)
        result = canonical(text, definition(kind, path.name))
        assert result.text is not None, (path, result.problem)
        assert sorted(comments(result.text)) == sorted(comments(text)), path


DIRECTED = """\
# an event written for a YAML 1.1 toolchain
%YAML 1.1
---  \n# the record
title: Workshop on AI
id: 2026-09-flow
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: hybrid
venue: {city: Oslo, country: NO}
organizers: [sg16]
themes: [ai]
"""


def test_a_yaml_directive_is_kept_and_the_rest_formatted(tmp_path: Path) -> None:
    import yaml

    data = make_dataset(tmp_path, {FLOW_PATH: DIRECTED})
    assert run_wsg("fmt", "--data", str(data)).code == 0
    text = (tmp_path / FLOW_PATH).read_text()
    assert text.startswith(
        "# an event written for a YAML 1.1 toolchain\n%YAML 1.1\n---\n# the record\nid: "
    )
    assert 'venue: {city: Oslo, country: "NO"}' in text
    assert yaml.safe_load(text)["venue"]["country"] == "NO"  # read as YAML 1.1, as declared
    assert meaning(text) == meaning(DIRECTED)
    again = run_wsg("fmt", "--check", "--data", str(data))
    files = len(list(data.rglob("*.yaml")))
    assert (again.code, again.out) == (
        0,
        f"0 files would be reformatted, {files} files already canonical\n",
    )


def test_a_directive_followed_by_content_on_its_document_line_is_refused(tmp_path: Path) -> None:
    text = "%YAML 1.1\n--- {id: 2026-09-flow}\n"
    assert canonical(text, EVENT).problem == (
        "a directive's '---' line holds more than '---'; left as it is"
    )


# --- bounded work: the limits of docs/limits.md, each in its own capped process -------------

MEMORY = 1 << 30
TIMEOUT = 20


def _capped() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def fmt_capped(data: Path, *options: str) -> tuple[int, list[str]]:
    """``wsg fmt`` in its own process, under 1 GiB of address space and 20 seconds."""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "wsg", "fmt", *options, "--data", str(data)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=_capped,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WSG_NO_CACHE": "1"},
        cwd=data.parent,
    )
    assert done.stderr == ""
    return done.returncode, done.stdout.splitlines()


def _programme(days: int) -> str:
    return "programme:\n" + "".join(
        f"  - date: 2026-09-10  # day {n}\n    sessions:\n      - {{title: t{n}, start: '09:00'}}\n"
        for n in range(days)
    )


LARGE = {  # name: (what follows the valid record, what fmt says)
    "a 900 KB title": (f"notes: {'x' * 900_000}\n", "too large to format: 900,"),
    "100,000 keys": ("".join(f"k{n}: 1\n" for n in range(100_000)), "too large to format: 9"),
    "200,000 items in brackets": (
        "languages: [" + ", ".join(f"{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}x"
                                   for n in range(200_000)) + "]\n",
        "too large to format: 1,",
    ),
    "20,000 items in 100 KB": (
        "languages: [" + ", ".join(f"{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}x"
                                   for n in range(20_000)) + "]\n",
        "too large to format: 20,0",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(LARGE))
def test_a_file_too_large_to_format_is_refused_at_once(name: str, tmp_path: Path) -> None:
    from wsg.canonical import MAX_FORMAT_NODES, MAX_FORMAT_SIZE
    from wsg.dataset import MAX_FILE_SIZE

    extra, said = LARGE[name]
    data = make_dataset(tmp_path, {FLOW_PATH: VALID + extra})
    size = (tmp_path / FLOW_PATH).stat().st_size
    assert size < MAX_FILE_SIZE  # validate reads it; fmt leaves it
    code, lines = fmt_capped(data, "--check", FLOW_PATH)
    assert code == 1
    (line, _) = lines
    assert line.startswith(f"data/events/2026/2026-09-flow.yaml: skipped: {said}"), line
    limit = f"{MAX_FORMAT_SIZE:,}" if size > MAX_FORMAT_SIZE else f"{MAX_FORMAT_NODES:,}"
    assert line.endswith(f"at most {limit} (wsg validate still checks it)"), line


def test_the_costliest_file_within_the_limits_is_formatted_in_bounds(tmp_path: Path) -> None:
    """Just under ``MAX_FORMAT_NODES``: keys in reverse order, each with a comment line to
    move, so that formatting takes more than one round, and a programme of 550 days."""
    from wsg.canonical import MAX_FORMAT_NODES, MAX_FORMAT_SIZE

    keys = "".join(f"# about k{n}\nk{n}: {n}\n" for n in range(2_000))
    reordered = "".join(reversed(VALID.splitlines(keepends=True)))
    text = keys + reordered + _programme(550)
    data = make_dataset(tmp_path, {FLOW_PATH: text})
    import yaml

    nodes = sum(
        isinstance(e, yaml.ScalarEvent | yaml.CollectionStartEvent)
        for e in yaml.parse(text, Loader=yaml.CBaseLoader)
    )
    assert MAX_FORMAT_NODES - 2_000 < nodes <= MAX_FORMAT_NODES
    assert len(text.encode()) <= MAX_FORMAT_SIZE
    code, lines = fmt_capped(data)
    others = len(list(data.rglob("*.yaml"))) - 1
    assert (code, lines[-1]) == (0, f"1 file reformatted, {others} files already canonical"), lines
    formatted = (tmp_path / FLOW_PATH).read_text()
    assert sorted(comments(formatted)) == sorted(comments(text))
    assert meaning(formatted) == meaning(text)


# --- a file known canonical is not formatted again (issue 13: fmt --check on every commit) ---


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("WSG_NO_CACHE", raising=False)
    return tmp_path / "user-cache"


def _formatting_forbidden(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make formatting a file fail the test; returns the texts it was asked to format."""
    from wsg.commands import fmt as command

    asked: list[str] = []

    def counted(text: str, record: Any) -> Any:
        asked.append(text)
        return canonical(text, record)

    monkeypatch.setattr(command, "canonical", counted)
    return asked


@pytest.mark.usefixtures("own_cache")
def test_a_file_formatted_before_is_not_formatted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = make_dataset(tmp_path, {MESSY_PATH: MESSY})
    asked = _formatting_forbidden(monkeypatch)
    files = len(list(data.rglob("*.yaml")))
    first = run_wsg("fmt", "--check", "--data", str(data))
    assert (first.code, len(asked)) == (1, files)  # every file formatted once
    asked.clear()
    again = run_wsg("fmt", "--check", "--data", str(data))
    assert (again.code, again.out) == (first.code, first.out)
    assert asked == []  # the canonical files known, the messy one known to change
    assert run_wsg("fmt", "--data", str(data)).code == 0  # needs the new text: formats it
    assert asked == [MESSY]
    assert run_wsg("fmt", "--check", "--data", str(data)).out == (
        f"0 files would be reformatted, {files} files already canonical\n"
    )
    assert asked == [MESSY]  # what fmt wrote is known canonical
    messy = tmp_path / MESSY_PATH
    messy.write_text(messy.read_text() + "zzz_other: [b,   c]\n")  # an edit: formatted again
    edited = run_wsg("fmt", "--check", "--data", str(data))
    assert "would reformat data/events/2026/2026-09-messy.yaml" in edited.out
    assert len(asked) == 2


@pytest.mark.usefixtures("own_cache")
def test_the_memo_of_another_tool_or_another_key_is_not_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import cache

    data = make_dataset(tmp_path, {})
    files = len(list(data.rglob("*.yaml")))
    assert run_wsg("fmt", "--check", "--data", str(data)).code == 0
    (memo,) = (tmp_path / ".wsg-cache").glob("fmt-*")
    asked = _formatting_forbidden(monkeypatch)
    content = memo.read_bytes()
    memo.write_bytes(content[:-1] + bytes([content[-1] ^ 1]))  # one key changed: forged
    assert run_wsg("fmt", "--check", "--data", str(data)).code == 0
    assert len(asked) == files
    asked.clear()
    assert run_wsg("fmt", "--check", "--data", str(data)).code == 0
    assert asked == []  # the run before wrote a good one
    monkeypatch.setattr(cache, "fingerprint", lambda: b"\x01" * 32)  # another version
    assert run_wsg("fmt", "--check", "--data", str(data)).code == 0
    assert len(asked) == files


@pytest.mark.usefixtures("own_cache")
def test_a_warm_fmt_check_imports_neither_ruamel_nor_the_rules(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    data = make_dataset(tmp_path, {})
    program = (
        "import sys\n"
        "from wsg.commands import fmt\n"
        "code = fmt.run([], __import__('pathlib').Path(sys.argv[1]), True, sys.stdout)\n"
        "print(code, 'ruamel.yaml' in sys.modules, 'wsg.rules' in sys.modules)\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}

    def imports() -> str:
        done = subprocess.run(
            [sys.executable, "-c", program, str(data)],
            capture_output=True, text=True, env=environment, check=True,
        )  # fmt: skip
        return done.stdout.splitlines()[-1]

    assert imports() == "0 True True"  # cold: every file formatted
    assert imports() == "0 False False"


def test_the_fast_fmt_options_are_those_typer_declares() -> None:
    import typer

    from wsg import entry
    from wsg.cli import app

    command = typer.main.get_command(app).commands["fmt"]  # type: ignore[attr-defined]
    options, flags, arguments = {}, {}, []
    for param in command.params:
        if param.param_type_name == "argument":
            arguments.append((param.name, param.nargs))
        elif getattr(param, "is_flag", False):
            if param.name != "help":
                flags.update({opt: param.name for opt in param.opts})
        else:
            options.update({opt: param.name for opt in param.opts})
    assert (options, flags) == (entry.FMT_OPTIONS, entry.FMT_FLAGS)
    assert arguments == [("paths", -1)]


@pytest.mark.parametrize(
    "arguments",
    [[], ["--check"], ["--data", "DATA", "--check"], ["--data=DATA"], ["DATA/events", "--check"],
     ["--", "DATA/groups"], ["--check", "DATA/events/2026/2026-09-messy.yaml"]],
)  # fmt: skip
def test_the_fast_fmt_does_what_typer_does(arguments: list[str], tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from wsg import entry

    results = []
    for way in ("from wsg.entry import main", "from wsg.cli import main"):
        work = tmp_path / way.split(".")[1].split()[0]
        make_dataset(work, {MESSY_PATH: MESSY})
        argv = [a.replace("DATA", "data") for a in arguments]
        done = subprocess.run(
            [sys.executable, "-c", f"import sys; sys.argv = ['wsg', *sys.argv[1:]]; {way}; main()",
             "fmt", *argv],
            capture_output=True, text=True, cwd=work, timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT), "WSG_NO_CACHE": "1"},
        )  # fmt: skip
        results.append((done.returncode, done.stdout, done.stderr, (work / MESSY_PATH).read_text()))
    assert results[0] == results[1]
    assert entry.parse_fmt([a.replace("DATA", "data") for a in arguments]) is not None


@pytest.mark.parametrize(
    "arguments", [["--help"], ["--check=yes"], ["--data"], ["--data", "a", "--data", "b"], ["-c"]]
)
def test_anything_unusual_in_fmt_is_left_to_typer(arguments: list[str]) -> None:
    from wsg import entry

    assert entry.parse_fmt(arguments) is None
