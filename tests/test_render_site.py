"""`wsg render site`: the whole published site, relative, private-safe and reproducible."""

# The rendered text uses the en dash (09:30–10:00) on purpose.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import io
import json
import re
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import icalendar
import pytest

from tests.conftest import ROOT, make_dataset, run_wsg
from wsg import dataset as datasets
from wsg.commands import render as command
from wsg.model import Person
from wsg.serialize import to_data

TODAY = "2026-11-28"
BUNDLED = ROOT / "data"


def render_site(data: Path, out: Path, *extra: str) -> None:
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(data), "--today", TODAY, *extra
    )
    assert result.code == 0, result.err
    assert result.out == "" and result.err == ""  # progress only on a terminal


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    render_site(BUNDLED, out)
    return out


@pytest.fixture(scope="module")
def bundled() -> datasets.Dataset:
    return datasets.load(BUNDLED, date.fromisoformat(TODAY))


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.links.append(values[name] or "")


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# --- what is there ---------------------------------------------------------------------


def test_site_has_every_page_download_and_feed(site: Path, bundled: datasets.Dataset) -> None:
    names = set(files(site))
    for fixed in (
        "index.html",
        "style.css",
        "themes.html",
        "groups/index.html",
        "calendar.ics",
        "events.json",
    ):
        assert fixed in names
    for event in bundled.events:
        for suffix in (".html", ".ics", ".schedule.json"):
            assert f"events/{event.id}{suffix}" in names
    for group_id in bundled.group_ids:
        assert f"groups/{group_id}.html" in names
    for year in (2025, 2026, 2027):
        assert f"years/{year}.html" in names
        assert f"summary/{year}.html" in names


def test_index_splits_upcoming_and_past_and_navigates_by_year_and_theme(site: Path) -> None:
    index = (site / "index.html").read_text()
    upcoming, past = index.split("<h2>Upcoming</h2>")[1].split("<h2>Past</h2>")
    assert "ITU Webinar on Security and Trust of Autonomous AI Agents" in upcoming  # 8 Dec 2026
    assert "ITU Workshop on AI Watermarking" in past
    assert "ITU Workshop on AI Watermarking" not in upcoming
    links = parse(site / "index.html").links
    assert {"years/2025.html", "years/2026.html", "years/2027.html"} <= set(links)
    assert "themes.html#theme-quantum" in links
    assert "<form" not in index and "search" not in index.lower()


def test_event_page_has_agenda_outcomes_and_downloads(site: Path) -> None:
    page = (site / "events" / "2026-03-ai-watermarking.html").read_text()
    assert '<a href="2026-03-ai-watermarking.ics" download>' in page
    assert '<a href="2026-03-ai-watermarking.schedule.json" download>' in page
    assert "<h2>Outcomes</h2>" in page and "Liaison statement on AI watermarking" in page
    assert "09:30–10:00 CET (UTC+01:00)" in page
    assert "sent to TSAG, SG21, SG17" in page


def test_group_page_shows_the_management_team_as_of_today(site: Path) -> None:
    page = (site / "groups" / "wsg.html").read_text()
    assert "Management team on Saturday 28 November 2026" in page
    assert "Aline Uwase" in page  # in office since 2026-05-30
    assert "Grace Wanjiru Kamau" not in page  # stepped down 2026-05-29
    assert "Vice-chairman, Africa" in page


def test_calendar_has_one_entry_per_event_and_events_json_all_public_data(
    site: Path, bundled: datasets.Dataset
) -> None:
    calendar = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    assert sorted(str(e["uid"]) for e in calendar.walk("VEVENT")) == sorted(
        f"{e.id}@wsg" for e in bundled.events
    )
    document = json.loads((site / "events.json").read_text())
    assert len(document["events"]) == len(bundled.events)
    watermarking = bundled.event("2026-03-ai-watermarking")
    assert to_data(watermarking) in document["events"]
    assert {g["id"] for g in document["groups"]} == set(bundled.group_ids)


# --- links and privacy ---------------------------------------------------------------------


def test_every_link_is_relative_and_resolves_inside_the_site(site: Path) -> None:
    """So the site works from file:// and under a sub-path such as /REPO/."""
    checked = 0
    for page in sorted(site.rglob("*.html")):
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), (page, link)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file() and site.resolve() in target.parents, (page, link)
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parse(target).ids, (page, link)
            checked += 1
    assert checked > 500


def test_no_persons_email_appears_anywhere(site: Path, bundled: datasets.Dataset) -> None:
    people: list[Person] = []
    for event in bundled.events:
        people += event.speakers() + event.chairs() + event.programme_committee
    for group in bundled.groups:
        people += group.management
    emails = {p.email for p in people if p.email}
    assert len(emails) >= 3  # the bundled data does hold private addresses
    for name, content in files(site).items():
        for email in emails:
            assert email.encode() not in content, (name, email)


# --- reproducible and atomic -------------------------------------------------------------


def test_rendering_twice_gives_byte_identical_trees(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    render_site(BUNDLED, again)
    first, second = files(site), files(again)
    assert list(first) == list(second)
    for name in first:
        assert first[name] == second[name], name


def test_footer_names_the_datasets_commit(site: Path) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=BUNDLED, capture_output=True, text=True
    ).stdout.strip()
    if not commit:
        pytest.skip("the bundled dataset is not in a git checkout")
    assert f"Dataset commit {commit}" in (site / "index.html").read_text()


def test_footer_says_when_the_dataset_is_not_under_git(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    render_site(data, tmp_path / "site")
    page = (tmp_path / "site" / "index.html").read_text()
    assert "Dataset not under git · rendered for Saturday 28 November 2026" in page


def test_a_failed_render_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    out = tmp_path / "site"
    render_site(data, out)
    before = files(out)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "group.html").write_text("{{ no_such_value }}")
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(data), "--templates", str(broken)
    )
    assert result.code == 2
    assert result.err == "wsg: template group.html: 'no_such_value' is undefined\n"
    assert files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "data", "site"]


def test_progress_is_shown_only_on_a_terminal(tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    data = make_dataset(tmp_path, {})
    terminal, pipe = Terminal(), io.StringIO()
    today = date.fromisoformat(TODAY)
    assert command.site(tmp_path / "a", data, today, None, terminal) == 0
    assert command.site(tmp_path / "b", data, today, None, pipe) == 0
    assert "wsg: rendering [1/" in terminal.getvalue()
    assert re.search(r"wsg: rendered \d+ files\n$", terminal.getvalue())
    assert pipe.getvalue() == ""


def test_the_site_never_replaces_the_dataset_folder(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    result = run_wsg("render", "site", "--out", str(data), "--data", str(data))
    assert result.code == 2
    assert "would replace the dataset" in result.err
    assert (data / "groups" / "wsg.yaml").is_file()


# --- templates -------------------------------------------------------------------------------


def test_a_template_folder_overrides_a_default_by_name(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "index.html").write_text(
        '{% extends "base.html" %}'
        "{% block content %}<h1>Our own index, {{ today }}</h1>{% endblock %}"
    )
    render_site(data, tmp_path / "site", "--templates", str(mine))
    assert "<h1>Our own index, 2026-11-28</h1>" in (tmp_path / "site" / "index.html").read_text()
    assert "<h1>Themes</h1>" in (tmp_path / "site" / "themes.html").read_text()  # default kept


# --- injection -------------------------------------------------------------------------------

HOSTILE = """\
id: 2026-04-hostile
title: "<script>alert(1)</script> {{ 7*7 }}"
kind: workshop
status: held
start: 2026-04-01
end: 2026-04-01
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
approval: {date: 2026-01-10, by: tsag}
announcement: {date: 2026-02-01, ref: "<b>Circular</b>"}
notes: "{% raw %}{{ 7*7 }}{% endraw %} <img src=x onerror=alert(2)>"
participation: {registered: 10, in_person: 0, remote: 10}
programme:
  - date: 2026-04-01
    sessions:
      - start: "10:00"
        end: "11:00"
        title: "<script>alert(1)</script> {{ 7*7 }}"
        speakers: [{name: "<script>alert(1)</script>", country: CH}]
outcomes:
  - type: report
    title: "<script>alert(1)</script>"
    url: "https://example.org/r"
    date: 2026-04-10
"""


def test_hostile_text_appears_as_text_on_every_page(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"data/events/2026/2026-04-hostile.yaml": HOSTILE})
    out = tmp_path / "site"
    render_site(data, out)
    pages = ["index.html", "years/2026.html", "themes.html", "groups/sg16.html",
             "events/2026-04-hostile.html", "summary/2026.html"]  # fmt: skip
    for page in sorted(out.rglob("*.html")):  # .ics and .json carry the title as data
        text = page.read_text()
        assert "<script>alert(1)" not in text and "<img src=x" not in text, page
        assert "&gt; 49" not in text, page  # never evaluated as a template
    for name in pages:
        text = (out / name).read_text()
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in text, name
    event = (out / "events" / "2026-04-hostile.html").read_text()
    assert "{% raw %}{{ 7*7 }}{% endraw %} &lt;img src=x onerror=alert(2)&gt;" in event
    assert "&lt;b&gt;Circular&lt;/b&gt;" in event


def test_hostile_text_stays_text_in_markdown(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    data = make_dataset(tmp_path, {"data/events/2026/2026-04-hostile.yaml": HOSTILE})
    result = run_wsg("render", "agenda", "2026-04-hostile", "--data", str(data))
    html = MarkdownIt("commonmark").render(result.out)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html


def test_only_http_links_are_ever_links(tmp_path: Path) -> None:
    """The validator drops javascript: URLs; the renderer refuses them again on its own."""
    from wsg.render import agenda, site
    from wsg.render.environment import Templates
    from wsg.render.page import Page

    data = make_dataset(tmp_path, {"data/events/2026/2026-04-hostile.yaml": HOSTILE})
    loaded = datasets.load(data, date.fromisoformat(TODAY))
    event = loaded.event("2026-04-hostile")
    assert event is not None and event.announcement is not None
    event.announcement.url = "javascript:alert(1)"
    event.programme[0].sessions[0].speakers[0].presentation = "JavaScript:alert(2)"
    event.outcomes[0].url = "data:text/html,<script>alert(3)</script>"
    out = tmp_path / "out"
    out.mkdir()
    site.build(loaded, Templates(), out, ("footer",))
    for name, content in files(out).items():
        text = content.decode().lower()
        assert 'href="javascript' not in text and 'href="data:' not in text, name
        assert "(<javascript" not in text, name
    view = agenda.build(event)
    page = Templates().render("agenda.html", view=view, page=Page(title="t", footer=()))
    assert "javascript:" not in page.lower()
    markdown = Templates().render("agenda.md", view=view)
    assert "javascript" not in markdown.lower()
