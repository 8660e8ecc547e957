"""The loader: every file read, every problem a finding, values typed by the format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import findings_for, make_dataset
from wsg import dataset
from wsg.model import Event, Loc
from wsg.yamltree import MAX_DEPTH

EVENT = """\
id: demo
title: Workshop on AI
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Oslo
format: in-person
venue: {city: Oslo, country: NO}
organizers: [sg16]
themes: [ai]
"""

Check = Callable[..., list[tuple[str, int, int]]]


def test_country_no_is_norway_and_na_is_namibia(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"data/events/2026/demo.yaml": EVENT})
    loaded = dataset.load(data, dataset.date(2026, 6, 1))
    event = loaded.event("demo")
    assert event is not None and event.venue is not None
    assert event.venue.country == "NO"


def test_times_quoted_or_plain_are_both_times(check: Check) -> None:
    text = EVENT + (
        "programme:\n  - date: 2026-09-10\n    sessions:\n"
        '      - {start: "09:30", end: 10:00, title: Opening}\n'
    )
    assert check({"data/events/2026/demo.yaml": text}) == []


def test_quoted_dates_are_dates_but_quoted_counts_are_not_counts(check: Check) -> None:
    text = EVENT.replace("start: 2026-09-10", 'start: "2026-09-10"') + 'fee: "0"\n'
    assert check({"data/events/2026/demo.yaml": text}) == [("wrong-type", 12, 6)]


def test_yaml_1_1_booleans_are_plain_words_where_text_belongs(check: Check) -> None:
    text = EVENT.replace("city: Oslo", "city: yes")
    assert check({"data/events/2026/demo.yaml": text}) == []


def test_true_where_text_belongs_is_a_wrong_type(check: Check) -> None:
    text = EVENT.replace("title: Workshop on AI", "title: true")
    assert check({"data/events/2026/demo.yaml": text}) == [("wrong-type", 2, 8)]


def test_a_key_that_is_a_list_is_reported_and_the_rest_checked(check: Check) -> None:
    text = EVENT + "[a, b]: 1\nfee: -1\n"
    assert check({"data/events/2026/demo.yaml": text}) == [
        ("wrong-type", 12, 1),
        ("bad-number", 13, 6),
    ]


def test_records_keep_where_every_value_came_from(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"data/events/2026/demo.yaml": EVENT})
    event = dataset.load(data, dataset.date(2026, 6, 1)).event("demo")
    assert isinstance(event, Event)
    assert event.loc("organizers.0") == Loc("data/events/2026/demo.yaml", 10, 14)
    assert event.venue is not None
    assert event.venue.loc("country") == Loc("data/events/2026/demo.yaml", 9, 30)
    assert event.key_loc("venue") == Loc("data/events/2026/demo.yaml", 9, 1)


BAD_FILES: dict[str, tuple[bytes, tuple[str, int, int]]] = {
    "empty": (b"", ("not-a-mapping", 1, 1)),
    "only-comments": (b"# nothing here yet\n", ("not-a-mapping", 1, 1)),
    "a-list": (b"- id: a-list\n", ("not-a-mapping", 1, 1)),
    "a-scalar": (b"just words\n", ("not-a-mapping", 1, 1)),
    "binary": (b"id: binary\n\x00\x01\x02\xff", ("file-encoding", 2, 1)),
    "latin-1": ("id: latin-1\nname: Comité\n".encode("latin-1"), ("file-encoding", 2, 12)),
    "utf-16": ("id: utf-16\n".encode("utf-16"), ("file-encoding", 1, 1)),
    "tabs": (b"id: tabs\nname: x\nkind:\n\t- other\n", ("yaml-syntax", 4, 1)),
    "unclosed": (b"id: unclosed\nname: {a: 1\n", ("yaml-syntax", 2, 7)),  # where { opened
    "two-documents": (b"id: a\n---\nid: b\n", ("yaml-syntax", 2, 1)),
    "duplicate": (b"id: duplicate\nname: A\nname: B\nkind: other\n", ("duplicate-key", 3, 1)),
    "merge": (b"id: merge\n<<: {name: A}\nname: A\nkind: other\n", ("yaml-feature", 2, 1)),
    "python-tag": (
        b"id: python-tag\nname: !!python/object:os.system [ls]\nkind: other\n",
        ("yaml-feature", 2, 7),
    ),
}


def _alias_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        previous, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


def test_each_broken_file_gets_its_finding_and_the_others_are_still_checked(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes | None] = {
        f"data/groups/{name}.yaml": content for name, (content, _) in BAD_FILES.items()
    }
    files["data/groups/bomb.yaml"] = _alias_bomb()
    files["data/groups/deep.yaml"] = b"id: deep\nname: " + b"[" * 10_000 + b"]" * 10_000 + b"\n"
    files["data/groups/bom.yaml"] = b"\xef\xbb\xbfid: bom\nname: BOM\nkind: other\n"
    files["data/events/2026/demo.yaml"] = EVENT.replace("[sg16]", "[sg99]")
    findings = findings_for(tmp_path, files)
    by_file: dict[str, list[tuple[str, int, int]]] = {}
    for f in findings:
        by_file.setdefault(f.file.split("/")[-1].removesuffix(".yaml"), []).append(
            (f.rule, f.line, f.column)
        )
    for name, (_, expected) in BAD_FILES.items():
        assert expected in by_file[name], name
    features = [f for f in by_file["bomb"] if f[0] == "yaml-feature"]
    assert features[0] == ("yaml-feature", 1, 4)
    assert len(features) == 21  # 20 listed, then one line counting the rest
    # at our limit (column 6 + MAX_DEPTH), or where libyaml >= 0.2.6 stops scanning (level 1000)
    assert [(rule, line) for rule, line, _ in by_file["deep"]] == [("nesting-depth", 2)]
    assert by_file["deep"][0][2] in (6 + MAX_DEPTH, 6 + 1000)
    assert by_file["bom"] == [("file-encoding", 1, 1)]
    assert by_file["demo"] == [("unknown-group", 10, 14)]


def test_a_file_over_one_mebibyte_is_not_read(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    huge = data / "groups" / "huge.yaml"
    with huge.open("wb") as handle:  # sparse: 50 MB without writing 50 MB
        handle.truncate(50 * 1024 * 1024)
    findings = findings_for(tmp_path / "again", {})  # the base alone is clean
    assert findings == []
    loaded = dataset.load(data, dataset.date(2026, 6, 1))
    source = next(s for s in loaded.files if s.path.name == "huge.yaml")
    assert [p[:3] for p in source.problems] == [("file-too-large", 1, 1)]


def test_stray_files_symlinks_and_folders_named_like_records(tmp_path: Path) -> None:
    data = make_dataset(
        tmp_path,
        {
            "data/events/2026/notes.txt": "to do",
            "data/groups/sg20.yml": "id: sg20\n",
            "data/events/2026/.hidden": "ignored",
        },
    )
    (data / "events" / "2026" / "folder.yaml").mkdir()
    (data / "groups" / "passwd.yaml").symlink_to("/etc/passwd")
    loaded = dataset.load(data, dataset.date(2026, 6, 1))
    stray = sorted(s.rel for s in loaded.files if s.kind == "stray")
    assert stray == [
        "data/events/2026/folder.yaml",
        "data/events/2026/notes.txt",
        "data/groups/passwd.yaml",
        "data/groups/sg20.yml",
    ]
    assert all(s.record is None for s in loaded.files if s.kind == "stray")
