"""``wsg list topics``, ``wsg show TOPIC``, ``wsg new topic`` and what ``wsg show EVENT`` adds.

Run on a copy of the bundled dataset (ten topics in every status, raised by eight
groups) and on the examples base; today is fixed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_dataset, run_wsg
from wsg.yamltree import parse

TODAY = "2026-12-02"


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines compared whole: a terminal wide enough for any of them (rich wraps to COLUMNS)."""
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def wsg(data: Path, *args: str) -> tuple[int, str, str]:
    result = run_wsg(*args, "--data", str(data), "--today", TODAY)
    return result.code, result.out, result.err


def ids(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines()[1:]]


# --- wsg list topics -------------------------------------------------------------------


def listed(data: Path, *args: str) -> list[str]:
    code, out, err = wsg(data, "list", "topics", *args, "--format", "json")
    assert (code, err) == (0, ""), err
    return [row["id"] for row in json.loads(out)]


def test_list_topics_one_line_a_topic_by_status(data: Path) -> None:
    code, out, err = wsg(data, "list", "topics")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].split() == [
        "id", "status", "raised", "by", "reviewed", "themes", "events", "title",
    ]  # fmt: skip
    assert len(listed(data)) == len(list((data / "topics").glob("*.yaml"))) == 10
    # by status in the order of the lifecycle, then by id
    assert listed(data)[:3] == [
        "digital-twins-cities",
        "energy-efficiency-of-ai",
        "mobile-money-fraud",
    ]
    first = out.splitlines()[1].split()
    assert first[:5] == ["digital-twins-cities", "watch", "2026-02-10", "sg20", "2026-06-30"]


def test_list_topics_filters(data: Path) -> None:
    assert listed(data, "--status", "candidate") == ["mobile-money-fraud", "quantum-safe-migration"]
    # --organizer: the group that raised the topic, by id or acronym
    assert listed(data, "--organizer", "sg17") == ["quantum-safe-migration", "ai-agents-security"]
    assert listed(data, "--organizer", "SG17") == listed(data, "--organizer", "sg17")
    assert listed(data, "--theme", "quantum") == ["quantum-safe-migration"]
    # --year: the year it was raised
    assert listed(data, "--year", "2026") == [
        "digital-twins-cities",
        "energy-efficiency-of-ai",
        "mobile-money-fraud",
    ]
    assert listed(data, "--status", "watch", "--theme", "ai") == ["energy-efficiency-of-ai"]
    assert listed(data, "--status", "dropped", "--year", "2026") == []
    assert wsg(data, "list", "topics", "--status", "dropped", "--year", "2026")[1] == (
        "no records match\n"
    )


def test_list_topics_as_json(data: Path) -> None:
    code, out, _ = wsg(data, "list", "topics", "--status", "scheduled", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [
        "ai-agents-security",
        "ai-native-networks",
        "qos-pacific-island-countries",
    ]
    assert rows[2] == {
        "id": "qos-pacific-island-countries",
        "status": "scheduled",
        "raised": "2025-07-01",
        "by": "sg12",
        "reviewed": "2026-07-20",
        "themes": "standardization-gap, accessibility",
        "events": 2,
        "title": "Quality of service measurement for Pacific island countries",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "held"], "--status 'held' is not one of: watch, candidate"),
        (["--theme", "quantm"], "--theme 'quantm' is not a theme of wsg.yaml (did you mean"),
        (["--organizer", "sg71"], "--organizer 'sg71' is no group's id or acronym (did you mean"),
        (["--kind", "workshop"], "--kind 'workshop' is not one of"),
        (["--region", "africa"], "--region filters events, not topics"),
        (["--format", "csv"], "unknown format 'csv'"),
    ],
)  # fmt: skip
def test_list_topics_refuses_a_filter_that_cannot_match(
    data: Path, args: list[str], message: str
) -> None:
    code, out, err = wsg(data, "list", "topics", *args)
    assert (code, out) == (2, "")
    assert err.startswith("wsg: " + message), err
    assert len(err.splitlines()) == 1


# --- wsg show TOPIC and wsg show EVENT ---------------------------------------------------


def test_show_a_topic(data: Path) -> None:
    code, out, _ = wsg(data, "show", "qos-pacific-island-countries")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Quality of service measurement for Pacific island countries"
    assert lines[1] == (
        "qos-pacific-island-countries  ·  data/topics/qos-pacific-island-countries.yaml"
    )
    assert "Status:         scheduled" in lines
    assert "Raised:         2025-07-01 by sg12 SG12-TD-880" in lines
    assert "Themes:         standardization-gap, accessibility" in lines
    events = lines[lines.index("Events") + 1 :]
    assert events[0].split()[:3] == [
        "2026-09-qos-digital-inclusion-suva",
        "postponed,",
        "2026-09-22:",
    ]
    assert events[1].split()[:3] == [
        "2027-05-qos-digital-inclusion-suva",
        "approved,",
        "2027-05-11:",
    ]
    # a scheduled topic is not due for review: only watched and candidate ones are
    assert "Reviewed:       2026-07-20" in lines


def test_show_a_topic_as_json(data: Path) -> None:
    code, out, _ = wsg(data, "show", "ai-agents-security", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document == {
        "record": "topic",
        "file": "data/topics/ai-agents-security.yaml",
        "id": "ai-agents-security",
        "title": "Security of AI agents acting on behalf of users and operators",
        "themes": ["security-trust", "ai"],
        "status": "scheduled",
        "raised": {"date": "2025-09-18", "by": "sg17", "ref": "SG17-TD-3120"},
        "reviewed": "2026-10-16",
        "events": ["2026-12-ai-agents-security-webinar"],
        "notes": "SG17 asked for a first webinar before deciding whether a full workshop is "
        "needed in 2027.",
    }


def test_show_an_event_names_fellowships_budget_and_topics(data: Path) -> None:
    out = wsg(data, "show", "2026-06-digital-health-kigali")[1]
    lines = out.splitlines()
    assert "Proposed:       2025-10-03 by sg21, RW, BI, CD, UG" in lines
    assert any(line.startswith("Co-organizers:  Rwanda Utilities Regulatory") for line in lines)
    assert (
        "Fellowships:    offered; 16 granted: BI 3, CD 3, MZ 2, MW 2, ZM 2, MG 2, HT 1, KM 1"
        in lines
    )
    assert "Budget:         CHF 34,000 allocated, 31,250 spent" in lines
    assert (
        "Topics:         digital-health-interoperability-ldcs (covered): "
        "Interoperable digital health services for least developed countries" in lines
    )
    outcome = next(line for line in lines if "report: " in line)
    assert outcome.endswith("[en, fr]")  # the outcome's languages


def test_show_an_event_links_its_postponement_both_ways(data: Path) -> None:
    old = wsg(data, "show", "2026-09-qos-digital-inclusion-suva")[1]
    assert "(new dates: 2027-05-qos-digital-inclusion-suva)" in old
    new = wsg(data, "show", "2027-05-qos-digital-inclusion-suva")[1].splitlines()
    assert (
        "Postponed from: 2026-09-qos-digital-inclusion-suva: ITU Workshop on Quality of Service "
        "and Digital Inclusion for Pacific Island Countries" in new
    )


def test_show_an_event_names_its_replacement_both_ways(tmp_path: Path) -> None:
    day = (ROOT / "tests/examples-base/events/2025/ai-day.yaml").read_text(encoding="utf-8")
    day = day.replace("into the AI for Good summit}", "into the forum, replaced_by: ai-forum}")
    day += "registration: https://www.itu.int/go/register\n"
    data = make_dataset(tmp_path, {"data/events/2025/ai-day.yaml": day})
    cancelled = run_wsg("show", "ai-day", "--data", str(data)).out
    assert "(replaced by ai-forum)" in cancelled
    assert "Registration:   https://www.itu.int/go/register" in cancelled.splitlines()
    forum = run_wsg("show", "ai-forum", "--data", str(data)).out.splitlines()
    assert "Replaces:       ai-day: AI day" in forum
    assert "Topics:         ai-agents (covered): Security of AI agents" in forum


def test_an_event_postponed_to_itself_is_shown_with_no_other_event(tmp_path: Path) -> None:
    """``to`` naming the event itself (unknown-event): no "new dates" pointing back at it."""
    day = (ROOT / "tests/examples-base/events/2025/ai-day.yaml").read_text(encoding="utf-8")
    day = day.replace("status: cancelled", "status: postponed").replace(
        "cancellation: {date: 2025-06-01, reason: Merged into the AI for Good summit}",
        "postponement: {date: 2025-06-01, reason: No venue, to: ai-day}",
    )
    data = make_dataset(tmp_path, {"data/events/2025/ai-day.yaml": day})
    lines = run_wsg("show", "ai-day", "--data", str(data)).out.splitlines()
    expected = "Postponed:      2025-06-01: No venue (no other event: to names this event itself)"
    assert expected in lines
    assert not any(line.startswith("Postponed from") for line in lines)
    common = ("--data", str(data), "--today", "2025-07-01")
    markdown = run_wsg("render", "agenda", "ai-day", *common).out
    assert "New dates are to be announced." in markdown
    assert "It will be held as" not in markdown
    ics = run_wsg("render", "agenda", "ai-day", "-f", "ics", *common).out
    assert "STATUS:CANCELLED" not in ics  # its own dates are not taken over by another event
    assert "STATUS:TENTATIVE" in ics
    out = tmp_path / "site"
    assert run_wsg("render", "site", "--out", str(out), *common).code == 0
    index = (out / "years" / "2025.html").read_text("utf-8")
    assert "New dates:" not in index and 'ai-day.html">ai-day' not in index
    page = (out / "events" / "ai-day.html").read_text("utf-8")
    assert "It will be held as" not in page


def test_show_an_event_as_json_lists_the_topics_that_address_it(data: Path) -> None:
    document = json.loads(wsg(data, "show", "2026-06-digital-health-kigali", "--format", "json")[1])
    assert document["topics"] == ["digital-health-interoperability-ldcs"]
    assert document["proposal"]["countries"] == ["RW", "BI", "CD", "UG"]
    assert document["co_organizers"][1] == {
        "name": "ITU Telecommunication Development Bureau (BDT)",
        "kind": "itu-bureau",
    }
    assert document["fellowships"]["by_country"]["BI"] == 3


def test_show_an_unknown_id_suggests_topics_too(data: Path) -> None:
    code, out, err = wsg(data, "show", "quantum-safe-migraton")
    assert (code, out) == (2, "")
    assert err == (
        "wsg: no event, group or topic is called 'quantum-safe-migraton' "
        "(did you mean 'quantum-safe-migration'?)\n"
    )


# --- wsg new topic ---------------------------------------------------------------------


NEW = ("new", "topic", "--title", "Trust in AI agents", "--theme", "ai", "--raised-by", "sg17")


def test_new_topic_writes_a_valid_canonical_file(data: Path) -> None:
    code, out, err = wsg(data, *NEW, "--theme", "security-trust", "--raised-ref", "SG17-TD-3550")
    assert (code, err) == (0, "")
    path = data / "topics" / "trust-in-ai-agents.yaml"
    assert out == path.as_posix() + "\n"
    assert path.read_text(encoding="utf-8") == (
        "id: trust-in-ai-agents\n"
        "title: Trust in AI agents\n"
        "themes: [ai, security-trust]\n"
        "status: watch\n"
        "raised: {date: 2026-12-02, by: sg17, ref: SG17-TD-3550}\n"
        "reviewed: 2026-12-02\n"
    )
    assert parse(path.read_bytes())[1] == []
    checked = wsg(data, "validate")
    assert checked[0] == 0 and "0 errors, 0 warnings" in checked[1]
    assert run_wsg("fmt", "--check", str(path), "--data", str(data)).code == 0
    listed = json.loads(wsg(data, "list", "topics", "--year", "2026", "--format", "json")[1])
    assert "trust-in-ai-agents" in [r["id"] for r in listed]


def test_new_scheduled_topic_names_its_events(data: Path) -> None:
    code, _, err = wsg(data, *NEW, "--status", "scheduled")
    assert code == 2
    assert err == "wsg: a scheduled topic names the events that address it: add --event ID\n"
    code, out, _ = wsg(
        data, *NEW, "--status", "scheduled", "--event", "2027-02-ai-native-networks-geneva",
        "--raised-date", "2026-11-30", "--id", "ai-agents-trust",
    )  # fmt: skip
    assert code == 0
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert "raised: {date: 2026-11-30, by: sg17}\n" in text
    assert text.endswith("reviewed: 2026-12-02\nevents: [2027-02-ai-native-networks-geneva]\n")
    assert wsg(data, "validate")[0] == 0


def test_new_topic_never_overwrites(data: Path) -> None:
    path = data / "topics" / "quantum-safe-migration.yaml"
    before = path.read_bytes()
    code, _, err = wsg(
        data, "new", "topic", "--title", "Migrating networks to quantum-safe cryptography",
        "--theme", "quantum", "--raised-by", "sg17", "--id", "quantum-safe-migration",
    )  # fmt: skip
    assert code == 2
    assert "a topic with the id 'quantum-safe-migration' exists" in err
    assert path.read_bytes() == before
    # a file that is no topic (it does not even parse) is not overwritten either
    stray = data / "topics" / "trust-in-ai-agents.yaml"
    stray.write_text("id: [\n", encoding="utf-8")
    code, _, err = wsg(data, *NEW)
    assert code == 2 and "exists; not overwritten" in err
    assert stray.read_text(encoding="utf-8") == "id: [\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--theme", "quantm"], "--theme 'quantm' is no theme of the dataset (did you mean"),
        (["--status", "covered"], "--status 'covered' is not allowed"),
        (["--event", "2027-02-ai-native"], "--event '2027-02-ai-native' is no event of"),
        (["--raised-date", "2026-12-03"], "--raised-date 2026-12-03 is after today (2026-12-02)"),
        (["--raised-date", "2026-02-30"], "--raised-date"),
        (["--id", "Trust"], "--id 'Trust' is not a slug"),
    ],
)  # fmt: skip
def test_new_topic_refuses_bad_input_and_writes_nothing(
    data: Path, args: list[str], message: str
) -> None:
    before = sorted(p.name for p in (data / "topics").iterdir())
    code, out, err = wsg(data, *NEW, *args)
    assert (code, out) == (2, "")
    assert err.startswith("wsg: " + message), err
    assert sorted(p.name for p in (data / "topics").iterdir()) == before


def test_new_topic_needs_a_known_raising_group(data: Path) -> None:
    code, _, err = wsg(data, "new", "topic", "--title", "X", "--theme", "ai", "--raised-by", "sg99")
    assert code == 2
    assert err.startswith("wsg: --raised-by 'sg99' is no group's id or acronym")


def test_new_topic_in_a_dataset_without_topics_folder(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"data/topics/ai-agents.yaml": None})
    (data / "topics").rmdir()
    result = run_wsg(
        "new", "topic", "--title", "Édge AI", "--theme", "ai", "--raised-by", "sg16",
        "--data", str(data), "--today", "2026-06-01",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert (data / "topics" / "edge-ai.yaml").exists()


# --- privacy ---------------------------------------------------------------------------


def _with_private_emails(data: Path) -> int:
    """Give every person of the dataset a private e-mail address; return how many."""
    import yaml

    count = 0

    def people(items: list[dict[str, object]]) -> None:
        nonlocal count
        for person in items:
            person["email"] = f"person{count}@private.example"
            count += 1

    for path in sorted(data.rglob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "management" in record:
            people(record["management"])
        people(record.get("programme_committee", []))
        for day in record.get("programme", []):
            for session in day["sessions"]:
                people(session.get("speakers", []))
                people(session.get("chairs", []))
        path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8")
    return count


def test_no_personal_email_reaches_any_output(data: Path, tmp_path: Path) -> None:
    assert _with_private_emails(data) > 300
    assert wsg(data, "validate")[0] == 0  # still a valid dataset, emails and all
    outputs: list[str] = []
    for args in (
        ["validate", "--format", "json"],
        *([*a, "--format", f] for a in (["list", "events"], ["list", "groups"],
                                       ["list", "topics"], ["balance"]) for f in ("text", "json")),
        *(["render", "summary", "--year", y, "--format", f]
          for y in ("2025", "2026", "2027") for f in ("md", "html")),
    ):  # fmt: skip
        code, out, err = wsg(data, *args)
        assert code == 0, (args, err)
        outputs.append(out)
    records = [p.stem for p in data.rglob("*.yaml")]
    for record in records:
        for output_format in ("text", "json"):
            code, out, _ = wsg(data, "show", record, "--format", output_format)
            assert code == 0, record
            outputs.append(out)
    for event in (p.stem for p in (data / "events").rglob("*.yaml")):
        for output_format in ("md", "html", "ics", "json"):
            outputs.append(wsg(data, "render", "agenda", event, "--format", output_format)[1])
    site = tmp_path / "site"
    assert wsg(data, "render", "site", "--out", str(site))[0] == 0
    outputs += [p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file()]
    assert len(outputs) > 300
    leaks = [o for o in outputs if "@private.example" in o]
    assert leaks == []
    # the functional contact address is published, as FORMAT.md says
    assert any("tsbworkshops@itu.int" in o for o in outputs)
