"""The site's Atom feed, its topics page, and what event and themes pages add.

``feed.xml`` is parsed with lxml and checked against RFC 4287's requirements for a
feed and its entries; its ids and dates come from the data, so two renders, or a
render after an unrelated edit, give the same entries.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import ROOT, make_dataset, run_wsg

ATOM = "{http://www.w3.org/2005/Atom}"
TODAY = "2026-12-02"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def render(data: Path, out: Path, today: str = TODAY) -> Path:
    result = run_wsg("render", "site", "--out", str(out), "--data", str(data), "--today", today)
    assert result.code == 0, result.err
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(ROOT / "data", tmp_path_factory.mktemp("feed") / "site")


def parse(path: Path) -> etree._Element:
    # lxml refuses anything that is not well-formed XML 1.0
    return etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))


def one(parent: etree._Element, name: str) -> etree._Element:
    found = parent.findall(ATOM + name)
    assert len(found) == 1, f"{parent.tag} has {len(found)} <{name}>"
    return found[0]


def texts(parent: etree._Element, name: str) -> list[str]:
    return [e.text or "" for e in parent.iter(ATOM + name)]


def assert_valid_atom(root: etree._Element) -> None:
    """RFC 4287 section 4.1.1 and 4.1.2: what a feed and each entry must hold."""
    assert root.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        one(root, name)
    assert one(root, "author").find(ATOM + "name") is not None
    assert RFC3339.match(one(root, "updated").text or "")
    assert one(root, "id").text.startswith("urn:uuid:")  # type: ignore[union-attr]
    links = {link.get("rel"): link for link in root.findall(ATOM + "link")}
    assert links["self"].get("type") == "application/atom+xml"
    for entry in root.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            assert (one(entry, name).text or "").strip(), name
        assert re.match(r"^urn:uuid:[0-9a-f-]{36}$", one(entry, "id").text or "")
        assert RFC3339.match(one(entry, "updated").text or "")
        # no content: an alternate link is required, and at most one per type and language
        alternates = [
            k for k in entry.findall(ATOM + "link") if k.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) == 1 and alternates[0].get("href")
        assert entry.find(ATOM + "content") is None
        assert one(entry, "summary").text


def test_the_feed_is_valid_atom(site: Path) -> None:
    root = parse(site / "feed.xml")
    assert_valid_atom(root)
    entries = root.findall(ATOM + "entry")
    assert len(entries) > 20
    ids = [one(e, "id").text for e in entries]
    assert len(ids) == len(set(ids))


def test_entries_are_newest_first_and_the_feed_is_as_new_as_its_newest(site: Path) -> None:
    root = parse(site / "feed.xml")
    stamps = [one(e, "updated").text or "" for e in root.findall(ATOM + "entry")]
    assert stamps == sorted(stamps, reverse=True)
    assert one(root, "updated").text == stamps[0]
    # the newest thing in the bundled data by 2 December 2026: Port of Spain's report
    newest = root.findall(ATOM + "entry")[0]
    assert stamps[0] == "2026-11-25T00:00:00Z"
    assert one(newest, "title").text.startswith("Report: ")  # type: ignore[union-attr]
    related = [k.get("href") for k in newest.findall(ATOM + "link") if k.get("rel") == "related"]
    assert related == ["events/2026-11-disaster-resilience-port-of-spain.html"]


def test_every_announced_event_and_published_outcome_has_one_entry(site: Path) -> None:
    from datetime import date

    from wsg import dataset as datasets

    loaded = datasets.load(ROOT / "data", date(2026, 12, 2))
    today = date(2026, 12, 2)
    announced = [
        e
        for e in loaded.events
        if e.announcement and e.announcement.date and e.announcement.date <= today
    ]
    outcomes = [o for e in loaded.events for o in e.outcomes if o.date and o.date <= today]
    root = parse(site / "feed.xml")
    categories = [one(e, "category").get("term") for e in root.findall(ATOM + "entry")]
    assert categories.count("announcement") == len(announced)
    assert categories.count("outcome") == len(outcomes)
    hrefs = {k.get("href") for k in root.iter(ATOM + "link")}
    for event in announced:
        assert f"events/{event.id}.html" in hrefs
        assert (site / f"events/{event.id}.html").exists()


def test_a_cancelled_event_keeps_its_entry_id_with_a_new_title(site: Path) -> None:
    root = parse(site / "feed.xml")
    titles = texts(root, "title")
    # Muscat was announced, then cancelled on 2026-09-18
    cancelled = [t for t in titles if t.startswith("Cancelled: ")]
    assert (
        cancelled == ["Cancelled: ITU Workshop on Security and Trust in the Arab Region"]
        or cancelled
    )
    entry = next(
        e
        for e in root.findall(ATOM + "entry")
        if (one(e, "title").text or "").startswith("Cancelled: ")
    )
    assert one(entry, "updated").text == "2026-09-18T00:00:00Z"
    assert "Cancelled on 2026-09-18." in (one(entry, "summary").text or "")


def test_entry_ids_are_derived_from_the_data_not_the_clock(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    first = parse(render(data, tmp_path / "a") / "feed.xml")
    again = render(data, tmp_path / "b")
    assert (again / "feed.xml").read_bytes() == (tmp_path / "a" / "feed.xml").read_bytes()
    # a new outcome adds one entry; every other entry keeps its id and date
    event = data / "events/2026/2026-06-digital-health-kigali.yaml"
    event.write_text(
        event.read_text(encoding="utf-8")
        + "  - {type: summary, title: Summary in French, url: https://example.org/s.pdf,\n"
        "     date: 2026-11-30, languages: [fr]}\n",
        encoding="utf-8",
    )
    assert run_wsg("validate", "--data", str(data), "--today", TODAY).code == 0
    second = parse(render(data, tmp_path / "c") / "feed.xml")
    before = {one(e, "id").text: one(e, "updated").text for e in first.findall(ATOM + "entry")}
    after = {one(e, "id").text: one(e, "updated").text for e in second.findall(ATOM + "entry")}
    assert set(after) - set(before) != set() and len(set(after) - set(before)) == 1
    assert {k: after[k] for k in before} == before
    assert one(second, "updated").text == "2026-11-30T00:00:00Z"


def test_nothing_after_today_is_in_the_feed(tmp_path: Path) -> None:
    site = render(ROOT / "data", tmp_path / "site", today="2026-03-01")
    root = parse(site / "feed.xml")
    stamps = texts(root, "updated")
    assert stamps and max(stamps) <= "2026-03-01T00:00:00Z"


def test_the_sites_address_becomes_the_feeds_base(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(ROOT / "data"), "--today", TODAY,
        "--base-url", "https://example.org/wsg",
    )  # fmt: skip
    assert result.code == 0, result.err
    root = parse(out / "feed.xml")
    assert root.get("{http://www.w3.org/XML/1998/namespace}base") == "https://example.org/wsg/"
    assert_valid_atom(root)


def test_a_feed_without_entries_is_still_valid_and_dated_today(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"data/events/2025/ai-forum.yaml": None})
    root = parse(render(data, tmp_path / "site", today="2026-06-01") / "feed.xml")
    assert_valid_atom(root)
    assert root.findall(ATOM + "entry") == []
    assert one(root, "updated").text == "2026-06-01T00:00:00Z"


def test_text_xml_cannot_hold_is_dropped_and_markup_escaped(tmp_path: Path) -> None:
    forum = (ROOT / "tests/examples-base/events/2025/ai-forum.yaml").read_text(encoding="utf-8")
    forum = forum.replace("title: AI forum", 'title: "AI <b>forum</b> & more\\x0b\\x1b\\u202e"')
    data = make_dataset(tmp_path, {"data/events/2025/ai-forum.yaml": forum})
    root = parse(render(data, tmp_path / "site", today="2026-06-01") / "feed.xml")
    assert_valid_atom(root)
    assert "Announced: AI <b>forum</b> & more" in texts(root, "title")


def test_every_page_links_the_feed(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.findall(
            r'<link rel="alternate" type="application/atom\+xml" [^>]*href="([^"]+)"', html
        )
        assert len(found) == 1, page
        assert (page.parent / found[0]).resolve() == (site / "feed.xml").resolve()


# --- the topics page and the links to it ----------------------------------------------


def test_the_topics_page_has_every_topic_by_status(site: Path) -> None:
    html = (site / "topics.html").read_text(encoding="utf-8")
    topic_ids = sorted(p.stem for p in (ROOT / "data" / "topics").glob("*.yaml"))
    assert sorted(re.findall(r'<article id="topic-([a-z0-9-]+)"', html)) == topic_ids
    headings = re.findall(r'<h2 id="status-[a-z]+-heading">([^<]+)</h2>', html)
    assert headings == ["Candidates", "Scheduled", "Watched", "Covered", "Dropped"]
    # a topic's events link to their pages, with dates and status to tell them apart
    assert (
        '<a href="events/2026-09-qos-digital-inclusion-suva.html">ITU Workshop on Quality of '
        "Service and Digital Inclusion for Pacific Island Countries</a> (22–23 September 2026, "  # noqa: RUF001
        "postponed)" in html
    )
    assert '<a href="groups/sg17.html">SG17</a> (SG17-TD-3410)' in html


def test_themes_and_event_pages_link_to_their_topics(site: Path) -> None:
    themes = (site / "themes.html").read_text(encoding="utf-8")
    assert '<a href="topics.html">technology watch</a>' in themes
    quantum = themes.split('id="theme-quantum"')[1].split("</section>")[0]
    assert '<a href="topics.html#topic-quantum-safe-migration">' in quantum
    event = (site / "events/2026-06-digital-health-kigali.html").read_text(encoding="utf-8")
    link = '<a href="../topics.html#topic-digital-health-interoperability-ldcs">'
    assert f"<dt>Technology watch</dt><dd>{link}" in event
    assert (
        "<dt>Proposed</dt><dd>3 October 2025 by SG21 (SG21-TD-901); with the support of Rwanda"
        in event
    )
    assert "ITU Telecommunication Development Bureau (BDT) (ITU bureau)" in event
    assert (
        "<dt>Fellowship recipients</dt><dd>Burundi 3, Democratic Republic of the Congo 3" in event
    )
    assert "Report, published 10 July 2026, in English, French</span>" in event
    unrelated = (site / "events/2025-07-dfs-security-webinar.html").read_text(encoding="utf-8")
    assert "topics.html#" not in unrelated


def test_an_event_page_names_the_event_it_took_over(site: Path) -> None:
    # the postponed event's own page leads to the new dates (the site's notice); the page
    # of the new dates says which event it continues
    new = (site / "events/2027-05-qos-digital-inclusion-suva.html").read_text(encoding="utf-8")
    assert (
        '<dt>Postponed from</dt><dd><a href="../events/2026-09-qos-digital-inclusion-suva.html">'
        in new
    )


def test_the_site_gives_the_duties_of_a_year_a_page_of_their_own(site: Path) -> None:
    """The report's sections on Resolution 53's duties, a second page (each page stays light)."""
    report = (site / "summary/2026.html").read_text(encoding="utf-8")
    assert '<p>Continued: <a href="2026-resolution-53.html">the technology watch' in report
    assert 'id="watch"' not in report
    duties = (site / "summary/2026-resolution-53.html").read_text(encoding="utf-8")
    for anchor in (
        "watch",
        "organization",
        "fellowships-by-country",
        "languages",
        "budget-by-theme",
    ):
        assert f'id="{anchor}"' in duties
    assert '<a href="../topics.html">all topics</a>' in duties
    assert '<a href="../topics.html#topic-quantum-safe-migration">' in duties
    assert '<a href="2026.html">report to TSAG on 2026</a>' in duties
    # headings in order: h1, then h2 sections with their h3 subsections
    levels = [int(h) for h in re.findall(r"<h([1-6])[ >]", duties.split("<main")[1])]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in pairwise(levels))


def test_the_topics_page_of_a_dataset_without_topics(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"data/topics/ai-agents.yaml": None})
    site = render(data, tmp_path / "site", today="2026-06-01")
    assert "<p>No topic is on the watch yet.</p>" in (site / "topics.html").read_text("utf-8")


def test_feed_dates_parse(site: Path) -> None:
    for stamp in texts(parse(site / "feed.xml"), "updated"):
        datetime.fromisoformat(stamp.replace("Z", "+00:00"))
