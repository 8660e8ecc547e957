"""Hostile data, rendered: shown as text, never run, never linked, never leaking an e-mail.

Every free-text field of the format (found by walking ``wsg.schema``, so a new field
is covered or this test fails) carries markup, template syntax and bidirectional
controls; every URL field carries a ``javascript:`` (or ``data:``, ``vbscript:``)
URL that the loader is told to keep, as if validation had been skipped; every
person has a private e-mail address with a unique marker. The whole site, the
agenda in its four formats and the summary in its two are rendered and checked
file by file, then in headless Chromium (driven as ``test_browser`` drives it).

Decided here: HTML and Markdown output show a value without its explicit
bidirectional controls (U+202A-U+202E, U+2066-U+2069), so a value cannot reorder
the text around it; JSON and iCalendar carry each value exactly, as data.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
import pytest
from conftest import SITE_RENDERED, make_dataset, requires, run_wsg
from markdown_it import MarkdownIt
from test_browser import CHROMIUM, DevTools, evaluate, load

from wsg import dataset as datasets
from wsg import model
from wsg.kinds import ListOf, Record, Text, Url
from wsg.schema import EVENT, GROUP, TOPIC, WSG_GROUP

TODAY = "2026-11-28"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
PAYLOAD = (
    "<script>alert(1)</script><script>window.__pwned=1</script>"
    '"><img src=x onerror=alert(1)>'
    "'><svg onload=alert(1)>"
    " ⟦{{ 7*7 }}⟧ {% raw %} {% include 'x' %} {# hidden #}"
    " [x](javascript:alert(1)) <javascript:alert(2)>"
    " a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j"
)
SHOWN = re.sub(f"[{BIDI}]", "", PAYLOAD)  # what a reader of HTML or Markdown sees
UNSAFE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.domain)",
    "javascript://example.org/%0Aalert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
MARKER = "x7q3k"  # in every person's e-mail address, and nowhere else
PUBLIC_CONTACT = "workshops.public@example.org"  # a functional address: published


def text(label: str) -> str:
    return f"[{label}] {PAYLOAD}"


class _Emails:
    """A new private address for each person."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"person{self.count}.{MARKER}@example.org"


def _urls() -> Iterator[str]:
    while True:
        yield from UNSAFE_URLS


def hostile_files() -> dict[str, str | None]:
    """The records, as JSON (which is YAML): every string escaped exactly once."""
    email, url = _Emails(), _urls()

    def person(label: str, **extra: Any) -> dict[str, Any]:
        return {
            "name": text(f"{label}.name"),
            "affiliation": text(f"{label}.affiliation"),
            "country": "CH",
            "email": email(),
            **extra,
        }

    def session(label: str, start: str, end: str) -> dict[str, Any]:
        return {
            "start": start,
            "end": end,
            "title": text(f"{label}.title"),
            "room": text(f"{label}.room"),
            "chairs": [person(f"{label}.chair")],
            "speakers": [person(f"{label}.speaker", presentation=next(url))],
        }

    held = {
        "id": "2026-04-hostile",
        "title": text("event.title"),
        "kind": "workshop",
        "status": "held",
        "start": "2026-04-01",
        "end": "2026-04-02",
        "timezone": "Europe/Zurich",
        "format": "hybrid",
        "venue": {"city": text("venue.city"), "country": "CH", "place": text("venue.place")},
        "host": text("event.host"),
        "organizers": ["sg16", "sg17"],
        "themes": ["ai", "security"],
        "approval": {"date": "2026-01-10", "by": "tsag", "ref": text("approval.ref")},
        "announcement": {
            "date": "2026-02-01",
            "by": text("announcement.by"),
            "ref": text("announcement.ref"),
            "url": next(url),
        },
        "contact": {"name": text("contact.name"), "email": PUBLIC_CONTACT},
        "programme_committee": [person("committee")],
        "registration": next(url),
        "proposal": {
            "date": "2025-10-01",
            "by": "sg17",
            "ref": text("proposal.ref"),
            "countries": ["CH"],
        },
        "co_organizers": [
            {"name": text("co_organizer.name"), "kind": "administration", "country": "CH"}
        ],
        "participation": {"registered": 10, "in_person": 5, "remote": 5, "by_country": {"CH": 4}},
        "programme": [
            {
                "date": "2026-04-01",
                "sessions": [
                    session("day1.parallel1", "10:00", "11:00"),
                    session("day1.parallel2", "10:00", "11:00"),
                ],
            },
            {"date": "2026-04-02", "sessions": [session("day2", "09:00", "10:00")]},
        ],
        "outcomes": [
            {
                "type": "report",
                "title": text(f"outcome{i}.title"),
                "url": next(url),
                "date": "2026-04-10",
                "to": ["tsag"],
            }
            for i in range(3)
        ],
        "notes": text("event.notes"),
    }
    cancelled = {
        "id": "2026-05-hostile-cancelled",
        "title": text("cancelled.title"),
        "kind": "seminar",
        "status": "cancelled",
        "start": "2026-05-05",
        "end": "2026-05-05",
        "timezone": "Europe/Zurich",
        "format": "virtual",
        "organizers": ["sg16"],
        "themes": ["ai"],
        "cancellation": {
            "date": "2026-03-01",
            "reason": text("cancellation.reason"),
            "replaced_by": "2026-04-hostile",
        },
    }
    postponed = {
        **cancelled,
        "id": "2026-06-hostile-postponed",
        "title": text("postponed.title"),
        "status": "postponed",
        "start": "2026-06-05",
        "end": "2026-06-05",
        "postponement": {
            "date": "2026-03-01",
            "reason": text("postponement.reason"),
            "to": "2026-04-hostile",
        },
    }
    del postponed["cancellation"]
    topic = {
        "id": "hostile-topic",
        "title": text("topic.title"),
        "themes": ["ai"],
        "status": "covered",
        "raised": {"date": "2025-02-01", "by": "sg17", "ref": text("topic.raised.ref")},
        "reviewed": "2026-03-01",
        "events": ["2026-04-hostile"],
        "notes": text("topic.notes"),
    }

    def group(group_id: str, kind: str, **extra: Any) -> dict[str, Any]:
        return {
            "id": group_id,
            "name": text(f"{group_id}.name"),
            "acronym": text(f"{group_id}.acronym"),
            "kind": kind,
            "established": {
                "date": "2001-01-01",
                "by": text(f"{group_id}.established.by"),
                "ref": text(f"{group_id}.established.ref"),
            },
            "management": [
                person(
                    f"{group_id}.{role}",
                    role=role,
                    term={"start": "2025-01-01"},
                    appointed={
                        "by": "tsag",
                        "date": "2025-01-01",
                        "ref": text(f"{group_id}.{role}.appointed.ref"),
                    },
                )
                for role in ("chairman", "vice-chairman")
            ],
            **extra,
        }

    themes = [
        {"id": "ai", "title": text("theme.ai.title"), "priority": "high"},
        {"id": "security", "title": text("theme.security.title"), "priority": "normal"},
    ]
    records = {
        "data/events/2026/2026-04-hostile.yaml": held,
        "data/events/2026/2026-05-hostile-cancelled.yaml": cancelled,
        "data/events/2026/2026-06-hostile-postponed.yaml": postponed,
        "data/topics/hostile-topic.yaml": topic,
        "data/groups/wsg.yaml": group("wsg", "coordination-group", themes=themes),
        "data/groups/sg16.yaml": group("sg16", "study-group", parent="tsag"),
        "data/groups/sg17.yaml": group("sg17", "study-group"),
        "data/groups/tsag.yaml": group("tsag", "advisory-group"),
        "data/groups/fg-ai4h.yaml": group("fg-ai4h", "focus-group", closed="2030-01-01"),
    }
    files: dict[str, str | None] = {
        path: json.dumps(record, indent=2) + "\n" for path, record in records.items()
    }
    for base in ("events/2025/ai-day.yaml", "events/2025/ai-forum.yaml", "topics/ai-agents.yaml"):
        files[f"data/{base}"] = None  # every record is a hostile one
    return files


def _keep_every_url(self: Url, node: Any, ctx: Any) -> str | None:
    """The loader without its URL check: as if the dataset had never been validated."""
    return self.text_of(node, ctx)


@dataclass
class Rendered:
    data: Path
    out: Path
    loaded: datasets.Dataset
    files: dict[str, bytes]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    root = tmp_path_factory.mktemp("injection")
    data = make_dataset(root, hostile_files())
    out = root / "out"
    common = ("--data", str(data), "--today", TODAY)
    commands = [("render", "site", "--out", str(out / "site"), *common)]
    for fmt in ("md", "html", "ics", "json"):
        commands.append(("render", "agenda", "2026-04-hostile", "-f", fmt,
                         "-o", str(out / f"agenda.{fmt}"), *common))  # fmt: skip
    for fmt in ("md", "html"):
        commands.append(("render", "summary", "--year", "2026", "-f", fmt,
                         "-o", str(out / f"summary.{fmt}"), *common))  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Url, "convert", _keep_every_url)
        loaded = datasets.load(data, date.fromisoformat(TODAY))
        for command in commands:
            result = run_wsg(*command)
            assert result.code == 0, (command, result.err)
            assert SITE_RENDERED.fullmatch(result.err) if command[1] == "site" else not result.err
    files = {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }
    return Rendered(data=data, out=out, loaded=loaded, files=files)


# --- the hostile dataset covers every field ----------------------------------------------


def schema_paths(record: Record, prefix: str) -> Iterator[tuple[str, Any, Record]]:
    """Every leaf field of a record kind: (dotted path, kind, the record holding it)."""
    for spec in record.fields:
        kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        path = f"{prefix}.{spec.name}"
        if isinstance(kind, Record):
            yield from schema_paths(kind, path)
        else:
            yield path, kind, record


def values(record: Record, value: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    """Every leaf value of a loaded record: (dotted path without list positions, value)."""
    for spec in record.fields:
        kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        item = getattr(value, spec.name)
        items = item if isinstance(spec.kind, ListOf) else [item]
        for element in items:
            if isinstance(kind, Record):
                if element is not None:
                    yield from values(kind, element, f"{prefix}.{spec.name}")
            else:
                yield f"{prefix}.{spec.name}", element


def is_persons(record: Record) -> bool:
    return isinstance(record.factory, type) and issubclass(record.factory, model.Person)


@pytest.mark.parametrize("record", ["event", "group", "wsg", "topic"])
def test_every_text_url_and_personal_email_field_carries_a_payload(
    rendered: Rendered, record: str
) -> None:
    kind = {"event": EVENT, "group": GROUP, "wsg": WSG_GROUP, "topic": TOPIC}[record]
    loaded: list[Any]
    if record == "event":
        loaded = list(rendered.loaded.events)
    elif record == "topic":
        loaded = list(rendered.loaded.topics)
    else:
        loaded = [g for g in rendered.loaded.groups if (g.id == "wsg") == (record == "wsg")]
    found: dict[str, list[Any]] = {}
    for item in loaded:
        for path, value in values(kind, item, record):
            found.setdefault(path, []).append(value)
    for path, field_kind, holder in schema_paths(kind, record):
        shown = found.get(path, [])
        if type(field_kind) is Text:
            assert any(isinstance(v, str) and v.endswith(PAYLOAD) for v in shown), path
        elif isinstance(field_kind, Url):
            assert shown and all(v in UNSAFE_URLS for v in shown if v is not None), path
        elif path.endswith(".email") and is_persons(holder):
            assert shown and all(v and MARKER in v for v in shown), path


# --- every output file ---------------------------------------------------------------------


class _Markup(HTMLParser):
    """What a browser would build from a page: tags, attributes and script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


OWN_SCRIPT = "Optional: add the viewer's own clock time"  # the agenda's one script


def assert_safe_markup(page: str, name: str) -> None:
    parser = _Markup()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "iframe", "object", "embed", "base", "form"), (name, tag)
        for attribute, value in attrs.items():
            assert not attribute.startswith("on"), (name, tag, attribute)
            if attribute in ("href", "src", "action", "formaction", "xlink:href"):
                scheme = urlsplit((value or "").strip()).scheme.lower()
                assert scheme in ("", "http", "https"), (name, tag, attribute, value)
    assert all(OWN_SCRIPT in script for script in parser.scripts), name
    assert len(parser.scripts) <= 1, name


def test_html_shows_the_payload_as_text_without_markup_scripts_or_bidi_controls(
    rendered: Rendered,
) -> None:
    pages = {n: c.decode() for n, c in rendered.files.items() if n.endswith(".html")}
    assert len(pages) >= 12
    for name, page in pages.items():
        assert_safe_markup(page, name)
        assert not re.search(f"[{BIDI}]", page), name
        assert SHOWN in html.unescape(page), name  # every page shows hostile text, as text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, name


def test_markdown_shows_the_payload_as_text(rendered: Rendered) -> None:
    for name in ("agenda.md", "summary.md"):
        source = rendered.files[name].decode()
        assert not re.search(f"[{BIDI}]", source), name
        page = MarkdownIt("commonmark").enable("table").render(source)
        assert_safe_markup(page, name)
        assert SHOWN in html.unescape(page), name


def _strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every string of a JSON document, with the key it is the value of."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)


def _unsafe_link(value: str) -> bool:
    return urlsplit(value.strip()).scheme.lower() not in ("", "http", "https", "urn")


def test_json_carries_each_value_exactly_and_no_unsafe_link(rendered: Rendered) -> None:
    documents = {n: c for n, c in rendered.files.items() if n.endswith(".json")}
    assert len(documents) >= 4
    links = 0
    for name, content in documents.items():
        strings = list(_strings(json.loads(content)))
        assert any(s.endswith(PAYLOAD) for _, s in strings), name  # bidi controls included
        urls = [s for key, s in strings if "url" in key.lower() or key == "presentation"]
        assert not [s for s in urls if _unsafe_link(s)], name
        links += len(urls)
    assert links  # schedule.json has its own http(s) and urn: links


def test_icalendar_carries_each_value_exactly_and_no_unsafe_link(rendered: Rendered) -> None:
    calendars = {n: c for n, c in rendered.files.items() if n.endswith(".ics")}
    assert len(calendars) >= 3
    for name, content in calendars.items():
        entries = list(icalendar.Calendar.from_ical(content).walk("VEVENT"))
        assert any(str(e.get("summary")).endswith(PAYLOAD) for e in entries), name
        for entry in entries:
            url = entry.get("url")
            assert url is None or not _unsafe_link(str(url)), name
            assert "javascript:" not in str(entry.get("description", "")).replace(PAYLOAD, ""), name


def test_nothing_is_ever_evaluated_as_a_template_and_no_javascript_link_anywhere(
    rendered: Rendered,
) -> None:
    for name, content in rendered.files.items():
        page = content.decode()
        assert "⟦49⟧" not in page, name
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.I), name


def test_no_persons_email_appears_anywhere_but_the_public_contact_does(
    rendered: Rendered,
) -> None:
    for name, content in rendered.files.items():
        assert MARKER.encode() not in content, name
    assert PUBLIC_CONTACT in rendered.files["site/events/2026-04-hostile.html"].decode()


def test_the_stylesheet_is_the_templates_own(rendered: Rendered) -> None:
    from wsg.render.environment import Templates

    assert rendered.files["site/style.css"].decode() == Templates().source("style.css")


# --- in a real browser ----------------------------------------------------------------------

needs_chromium = requires(
    CHROMIUM is not None, "headless Chromium is not installed (Debian package 'chromium')"
)
BROWSER_PAGES = [
    "site/index.html",
    "site/events/2026-04-hostile.html",
    "site/events/2026-05-hostile-cancelled.html",
    "site/groups/sg16.html",
    "site/groups/wsg.html",
    "site/summary/2026.html",
    "agenda.html",
    "summary.html",
]
# Runs before any script of the page: a dialog the payload opens is counted, not shown.
WATCH_DIALOGS = """
window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = function () { window.__dialogs.push(name); };
}
"""
INSPECT = """JSON.stringify({
  pwned: typeof window.__pwned,
  dialogs: window.__dialogs,
  payload_images: document.querySelectorAll("img, svg[onload]").length,
  javascript_links: Array.from(document.querySelectorAll("a[href], area[href]"))
    .filter(a => a.protocol !== "http:" && a.protocol !== "https:" && a.protocol !== "file:")
    .map(a => a.getAttribute("href")),
  handlers: Array.from(document.querySelectorAll("*"))
    .filter(e => Array.from(e.attributes).some(a => a.name.startsWith("on"))).length,
  foreign_scripts: Array.from(document.scripts)
    .filter(s => !s.textContent.includes(OWN)).length,
  payload_as_text: document.body.innerText.includes("<script>window.__pwned=1</script>"),
})"""


@pytest.fixture(scope="module")
def watched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    """A Chromium tab in which a dialog that a page opens is counted, never shown."""
    assert CHROMIUM is not None
    tools = DevTools(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    try:
        target = tools.send("Target.createTarget", url="about:blank")["targetId"]
        attached = tools.send("Target.attachToTarget", targetId=target, flatten=True)
        tools.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            tools.send(f"{domain}.enable")
        tools.send("Page.addScriptToEvaluateOnNewDocument", source=WATCH_DIALOGS)
        yield tools
    finally:
        tools.close()


@needs_chromium
@pytest.mark.parametrize("page", BROWSER_PAGES)
def test_in_chromium_no_payload_runs_and_no_javascript_link_exists(
    watched: DevTools, rendered: Rendered, page: str
) -> None:
    errors = load(watched, (rendered.out / page).as_uri(), 1280, 900)
    opened = [e for e in watched.events if e.get("method") == "Page.javascriptDialogOpening"]
    found = json.loads(evaluate(watched, INSPECT.replace("OWN", json.dumps(OWN_SCRIPT))))
    assert errors == [] and opened == []
    assert found == {
        "pwned": "undefined",
        "dialogs": [],
        "payload_images": 0,
        "javascript_links": [],
        "handlers": 0,
        "foreign_scripts": 0,
        "payload_as_text": True,
    }
