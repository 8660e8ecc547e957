"""Resolution 53's duties in the reports: every figure against a count made by hand.

The small dataset below is the examples base with its own wsg.yaml (five themes, a
2026 allocation of CHF 100,000), five events of 2026 and six topics. Every expected
number in this file was worked out from the YAML by hand; the comments show how.
The bundled dataset is checked against sums taken straight from its YAML files.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from tests.conftest import ROOT, make_dataset, run_wsg
from tests.test_balance import balance_cold_and_warm
from wsg import budget, dissemination, watch
from wsg import dataset as datasets
from wsg.balance import Involved, Involvement, bureau, year_balance

TODAY = "2026-12-31"

WSG = """\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: quantum, title: Quantum, priority: high}
  - {id: climate, title: Climate, priority: high}
  - {id: security, title: Security and trust, priority: normal}
  - {id: metaverse, title: Metaverse, priority: low}
budget:
  - {year: 2026, currency: CHF, amount: 100000}
"""

COMMON = """\
timezone: Europe/Zurich
organizers: [sg17]
approval: {date: 2025-12-01, by: tsag}
announcement: {date: 2026-01-10, ref: TSB Circular 1}
"""

EVENTS = {
    # Kampala: proposed by UG (LDC) and KE (developing), co-organized by UG and BDT;
    # 6 fellowships, 5 of them by country; themes ai and security; all six languages
    "kampala": """\
id: kampala
title: Workshop in Kampala
kind: workshop
status: held
start: 2026-03-10
end: 2026-03-11
format: in-person
venue: {city: Kampala, country: UG}
themes: [ai, security]
languages: [en, fr]
interpretation: [ar, zh, en, fr, ru, es]
fellowships: {offered: true, granted: 6, by_country: {UG: 2, HT: 1, FJ: 1, KE: 1}}
proposal: {date: 2025-06-01, by: sg17, ref: SG17-TD-1, countries: [UG, KE]}
co_organizers:
  - {name: Uganda Communications Commission, kind: administration, country: UG}
  - {name: ITU Telecommunication Development Bureau (BDT), kind: itu-bureau}
budget: {currency: CHF, allocated: 30000, spent: 24000}
outcomes:
  - {type: report, title: Report, url: https://example.org/k/r, date: 2026-04-01,
     languages: [ar, zh, en, fr, ru, es]}
  - {type: presentations, title: Slides, url: https://example.org/k/p, date: 2026-03-12}
""",
    # Geneva: proposed and co-organized by CH (not developing), with BR; theme quantum
    "geneva": """\
id: geneva
title: Workshop in Geneva
kind: workshop
status: held
start: 2026-06-01
end: 2026-06-01
format: in-person
venue: {city: Geneva, country: CH}
themes: [quantum]
proposal: {date: 2025-09-01, by: sg17, countries: [CH]}
co_organizers:
  - {name: OFCOM, kind: administration, country: CH}
  - {name: ITU Radiocommunication Bureau, kind: itu-bureau}
budget: {currency: CHF, allocated: 20000, spent: 18000}
outcomes:
  - {type: report, title: Report, url: https://example.org/g/r, date: 2026-06-20}
""",
    # Dhaka on 1 December 2026: after Bangladesh's and Nepal's scheduled LDC graduation
    # (2026-11-24), their LDC status is uncertain; APT is an organization, not a country
    "dhaka": """\
id: dhaka
title: Workshop in Dhaka
kind: workshop
status: held
start: 2026-12-01
end: 2026-12-01
format: in-person
venue: {city: Dhaka, country: BD}
themes: [ai]
fellowships: {offered: true, granted: 2, by_country: {NP: 2}}
proposal: {date: 2026-02-01, by: sg16, countries: [BD]}
co_organizers:
  - {name: Asia-Pacific Telecommunity, kind: organization, country: TH}
budget: {currency: CHF, allocated: 10000, spent: 0}
""",
    # cancelled: counts nowhere but in the budget's own row
    "lome": """\
id: lome
title: Workshop in Lome
kind: workshop
status: cancelled
start: 2026-09-01
end: 2026-09-01
format: in-person
venue: {city: Lome, country: TG}
themes: [climate]
proposal: {date: 2026-01-01, by: sg17, countries: [TG]}
fellowships: {offered: true, granted: 4, by_country: {TG: 4}}
budget: {currency: CHF, allocated: 5000, spent: 1000}
cancellation: {date: 2026-07-01, reason: No host}
""",
    # a webinar with no proposal, no budget; its recording also in Portuguese
    "webinar": """\
id: webinar
title: Metaverse webinar
kind: webinar
status: held
start: 2026-10-01
end: 2026-10-01
format: virtual
themes: [metaverse]
outcomes:
  - {type: recording, title: Recording, url: https://example.org/w, date: 2026-10-02,
     languages: [es, en, pt]}
""",
}

TOPICS = {
    "t-old": "status: candidate\nthemes: [quantum]\n"
    "raised: {date: 2025-05-01, by: sg17, ref: SG17-TD-2}\nreviewed: 2026-02-01\n",
    "t-new1": "status: watch\nthemes: [climate]\n"
    "raised: {date: 2026-02-10, by: sg16}\nreviewed: 2026-02-10\n",
    "t-new2": "status: scheduled\nthemes: [ai]\nevents: [dhaka]\n"
    "raised: {date: 2026-03-01, by: sg16}\nreviewed: 2026-09-01\n",
    "t-new3": "status: covered\nthemes: [ai, security]\nevents: [kampala]\n"
    "raised: {date: 2025-11-01, by: sg17}\nreviewed: 2026-07-01\n",
    "t-new4": "status: watch\nthemes: [security]\n"
    "raised: {date: 2026-05-01, by: sg17}\nreviewed: 2026-05-01\n",
    "t-drop": "status: dropped\nthemes: [metaverse]\n"
    "raised: {date: 2025-01-10, by: tsag}\nreviewed: 2026-05-05\n",
}


def files() -> dict[str, str | bytes | None]:
    found: dict[str, str | bytes | None] = {
        "data/groups/wsg.yaml": WSG,
        "data/topics/ai-agents.yaml": None,  # the base's topic: this file counts its own
    }
    for key, text in EVENTS.items():
        head, _, rest = text.partition("themes:")
        found[f"data/events/2026/{key}.yaml"] = head + COMMON + "themes:" + rest
    # Dhaka's approval falls in 2026: its topic is "scheduled in 2026"
    dhaka = found["data/events/2026/dhaka.yaml"]
    assert isinstance(dhaka, str)
    found["data/events/2026/dhaka.yaml"] = dhaka.replace(
        "date: 2025-12-01, by: tsag", "date: 2026-08-15, by: tsag"
    )
    for key, text in TOPICS.items():
        found[f"data/topics/{key}.yaml"] = f"id: {key}\ntitle: Topic {key}\n{text}"
    return found


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines compared whole: a terminal wide enough for any of them (rich wraps to COLUMNS)."""
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_dataset(tmp_path, files())


def load(data: Path, today: str = TODAY) -> datasets.Dataset:
    return datasets.load(data, date.fromisoformat(today))


def summary_md(data: Path, year: str = "2026", today: str = TODAY) -> str:
    result = run_wsg("render", "summary", "--year", year, "--data", str(data), "--today", today)
    assert result.code == 0, result.err
    return result.out


def section(text: str, heading: str) -> str:
    """The Markdown from ``heading`` to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    rest = text[start + len(heading) + 1 :]
    ends = [rest.find(f"\n{'#' * n} ") for n in range(1, len(level) + 1)]
    ends = [e for e in ends if e >= 0]
    return rest[: min(ends)] if ends else rest


def rows(text: str) -> dict[str, list[str]]:
    """Markdown table rows by their first cell (the later of two rows with one title wins)."""
    found = {}
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            found[cells[0]] = cells[1:]
    return found


# --- developing countries in the definition and organization of events ---------------


def test_events_proposed_and_co_organized_by_developing_countries_and_ldcs(data: Path) -> None:
    involvement = year_balance(load(data).events, 2026).involvement
    # counted: kampala, geneva, dhaka, webinar (lome is cancelled)
    assert involvement.events == 4
    assert involvement.rows == {
        # kampala (UG LDC, KE developing), geneva (CH), dhaka (BD: LDC uncertain on 1 Dec)
        "proposed": Involved(any=3, developing=2, ldc=1, ldc_uncertain=1),
        # kampala (UG), geneva (CH); dhaka's APT is an organization, not a country
        "co_organized": Involved(any=2, developing=1, ldc=1, ldc_uncertain=0),
        "either": Involved(any=3, developing=2, ldc=1, ldc_uncertain=1),
    }
    either = involvement.rows["either"]
    assert involvement.percent(either.developing) == 50.0
    assert involvement.percent(either.ldc) == 25.0
    assert involvement.bureaux == {"BDT": ["kampala"], "BR": ["geneva"]}
    (note,) = involvement.notes
    assert "BD (Bangladesh)" in note and "General Assembly" in note


def test_universities_companies_and_non_members_make_no_country_involved(tmp_path: Path) -> None:
    """A university or a company co-organizes as itself, not as its country; a proposer
    that is no ITU Member State (PS) leaves the countries after it counted."""
    found = files()
    geneva = str(found["data/events/2026/geneva.yaml"])
    found["data/events/2026/geneva.yaml"] = geneva.replace(
        "countries: [CH]", "countries: [PS, CH, KE]"
    ).replace(
        "co_organizers:\n",
        "co_organizers:\n"
        "  - {name: Makerere University, kind: academia, country: UG}\n"
        "  - {name: Safaricom, kind: industry, country: KE}\n"
        "  - {name: African Telecommunications Union, kind: organization, country: KE}\n",
    )
    involvement = year_balance(load(make_dataset(tmp_path, found)).events, 2026).involvement
    proposed = involvement.rows["proposed"]
    # kampala, geneva (now with KE), dhaka
    assert (proposed.any, proposed.developing, proposed.ldc) == (3, 3, 1)
    co_organized = involvement.rows["co_organized"]
    # unchanged: kampala (UG), geneva (CH alone)
    assert (co_organized.any, co_organized.developing, co_organized.ldc) == (2, 1, 1)


def test_shares_are_of_the_events_counted_to_one_decimal() -> None:
    assert Involvement(events=3).percent(1) == 33.3
    assert Involvement(events=1).percent(1) == 100.0
    assert Involvement(events=0).percent(0) is None


def test_an_itu_bureau_is_named_by_what_its_name_says() -> None:
    assert bureau("ITU Telecommunication Development Bureau (BDT)") == "BDT"
    assert bureau("ITU Radiocommunication Bureau") == "BR"
    assert bureau("  TSB ") == "TSB"
    assert bureau(None) == bureau(" ") == "ITU bureau (unnamed)"


def test_the_organization_shares_from_the_cache_are_those_from_the_files(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold, warm = balance_cold_and_warm(data, monkeypatch, "--date", TODAY)
    assert cold["organization"]["co_organized"]["events"] == 2
    assert warm == cold


def test_summary_and_balance_show_the_same_organization_shares(data: Path) -> None:
    text = section(
        summary_md(data), "## Developing countries in the definition and organization of events"
    )
    table = rows(text)
    assert table["Proposed by"] == ["3", "2", "50.0 %", "1", "25.0 %", "1"]
    assert table["Co-organized by"] == ["2", "1", "25.0 %", "1", "25.0 %", "0"]
    assert table["Proposed or co-organized by"] == ["3", "2", "50.0 %", "1", "25.0 %", "1"]
    assert (
        "Co-organized with the other ITU bureaux: BDT, 1 event (Workshop in Kampala); "
        "BR, 1 event (Workshop in Geneva)." in text
    )
    assert "LDC status uncertain on the event's date" in text

    report = balance_json(data)
    organization = report["organization"]
    assert organization["events"] == 4
    assert organization["proposed"] == {
        "events": 3,
        "developing": 2,
        "developing_percent": 50.0,
        "ldc": 1,
        "ldc_percent": 25.0,
        "ldc_uncertain": 1,
    }
    assert organization["bureaux"] == {"BDT": ["kampala"], "BR": ["geneva"]}
    text = run_wsg("balance", "--data", str(data), "--today", TODAY).out
    line = next(x for x in text.splitlines() if x.startswith("proposed by "))
    assert line.split()[2:] == ["3", "2", "50.0", "1", "25.0", "1"]
    assert "BDT: 1 event (kampala); BR: 1 event (geneva)." in text


def balance_json(data: Path) -> dict[str, Any]:
    result = run_wsg("balance", "--data", str(data), "--today", TODAY, "--format", "json")
    assert result.code == 0, result.err
    report: dict[str, Any] = json.loads(result.out)
    return report


# --- fellowships by recipient country --------------------------------------------------


def test_fellowship_recipients_by_region_and_un_category(data: Path) -> None:
    fellows = year_balance(load(data).events, 2026).fellows
    # kampala: UG 2, HT 1, FJ 1, KE 1 and one unnamed (6 granted); dhaka: NP 2;
    # lome is cancelled
    assert fellows.total == 8
    regions = {k: v for k, v in fellows.regions.items() if v}
    assert regions == {"africa": 3, "americas": 1, "asia-pacific": 3, "unknown": 1}
    # LDC: UG 2 + HT 1 (NP's status is uncertain on 1 December 2026: counted apart);
    # SIDS: HT, FJ; LLDC: UG 2 + NP 2; developing: all 7 with a country
    assert fellows.categories == {"ldc": 3, "sids": 2, "lldc": 4, "eit": 0, "developing": 7}
    assert fellows.uncertain["ldc"] == 2
    figures = year_balance(load(data).events, 2026)
    assert any("2 fellowship recipients" in note for note in figures.notes)


def test_fellowships_in_the_summary_and_in_balance(data: Path) -> None:
    text = section(summary_md(data), "### Fellowships by recipient country")
    assert text.strip().startswith(
        "8 fellowship recipients; 3 from least developed countries (37.5 %)"
    )
    table = rows(text)
    # By region: total, Americas, Europe, CIS, Africa, Asia-Pacific, Arab States, unknown
    assert rows(text.split("| By UN category")[0])["Fellowship recipients"] == [
        "8", "1", "0", "0", "3", "3", "0", "1",
    ]  # fmt: skip
    # By UN category: total, LDC, SIDS, LLDC, EIT, developing, LDC uncertain, LDC share
    assert table["Fellowship recipients"] == ["8", "3", "2", "4", "0", "7", "2", "37.5 %"]
    recipients = balance_json(data)["fellowships"]["recipients"]
    assert recipients["total"] == 8
    assert recipients["categories"]["ldc"] == 3 and recipients["uncertain"]["ldc"] == 2
    text = run_wsg("balance", "--data", str(data), "--today", TODAY).out
    table = text.split("fellowship recipients  recipients")[1].split("\n\n")[0]
    counts = {line.rsplit(None, 2)[0]: line.split()[-2:] for line in table.splitlines()[1:]}
    # one row per region and UN category: recipients and their share of the 8
    assert counts["total"] == ["8", "100.0"]
    assert counts["africa"] == ["3", "37.5"] and counts["unknown"] == ["1", "12.5"]
    assert counts["LDC"] == ["3", "37.5"] and counts["LDC uncertain"] == ["2", "25.0"]
    assert counts["developing"] == ["7", "87.5"]


# --- budget by theme and priority ------------------------------------------------------


def test_budget_by_theme_splits_an_event_over_its_themes(data: Path) -> None:
    (chf,) = budget.by_theme(load(data), 2026)
    themes = {a.label: (a.events, a.allocated, a.spent) for a in chf.themes}
    # kampala 30,000/24,000 over ai and security; dhaka 10,000/0 to ai; geneva 20,000/18,000
    assert themes == {
        "Artificial intelligence": (2, 25000, 12000),
        "Quantum": (1, 20000, 18000),
        "Climate": (0, 0, 0),
        "Security and trust": (1, 15000, 12000),
        "Metaverse": (0, 0, 0),
    }
    priorities = {a.label: (a.events, a.allocated, a.spent) for a in chf.priorities}
    assert priorities == {
        "high": (3, 45000, 30000),
        "normal": (1, 15000, 12000),
        "low": (0, 0, 0),
    }
    assert (chf.withdrawn.events, chf.withdrawn.allocated, chf.withdrawn.spent) == (1, 5000, 1000)
    assert (chf.allocation, chf.allocated, chf.spent) == (100000, 65000, 43000)
    assert chf.share(chf.allocated) == 65.0


def test_budget_by_theme_in_the_summary(data: Path) -> None:
    text = summary_md(data)
    part = section(text, "### Budget by theme and priority")
    assert "CHF: 65,000 of the allocation of 100,000 (65.0 %) allocated to events" in part
    table = rows(part)
    assert table["Artificial intelligence (high priority)"] == [
        "2", "25,000", "12,000", "25.0 %",
    ]  # fmt: skip
    assert "Climate (high priority)" not in table  # no event budget: left out of the themes
    assert table["**High priority**"] == ["**3**", "**45,000**", "**30,000**", "**45.0 %**"]
    assert table["**Low priority**"] == ["**0**", "**0**", "**0**", "**0.0 %**"]
    assert table["**Cancelled or postponed**"] == ["**1**", "**5,000**", "**1,000**", "**5.0 %**"]
    assert "an event with several themes counts an equal part" in part.lower()
    # the yearly table above says the same total
    assert rows(section(text, "## Budget"))["CHF"][:3] == ["100,000", "65,000", "43,000"]


def test_budget_in_two_currencies_is_never_added(tmp_path: Path) -> None:
    found = files()
    found["data/events/2026/webinar.yaml"] = str(found["data/events/2026/webinar.yaml"]) + (
        "budget: {currency: USD, allocated: 1000, spent: 900}\n"
    )
    data = make_dataset(tmp_path, found)
    usd = next(b for b in budget.by_theme(load(data), 2026) if b.currency == "USD")
    assert (usd.allocation, usd.allocated, usd.spent) == (None, 1000, 900)
    assert usd.share(900) is None
    assert "USD: no allocation is recorded for 2026; 1,000 allocated" in summary_md(data)


# --- languages -------------------------------------------------------------------------


def test_which_outcomes_exist_in_which_itu_language(data: Path) -> None:
    languages = dissemination.build(load(data).events, 2026, date(2026, 12, 31))
    assert languages.events == 4
    total = languages.outcomes_total
    # kampala's report in all six and slides in English; geneva's report; the recording
    # in Spanish, English and Portuguese: ar zh en fr ru es
    assert (total.total, total.counts, total.all_six, total.other) == (4, (1, 1, 4, 1, 1, 2), 1, 1)
    assert [r.label for r in languages.outcomes] == ["report", "presentations", "recording"]
    assert languages.outcomes[0].counts == (1, 1, 2, 1, 1, 1)
    assert languages.working.counts == (0, 0, 4, 1, 0, 0)  # an event without languages: en
    assert (languages.interpretation.counts, languages.interpretation.all_six) == (
        (1, 1, 1, 1, 1, 1),
        1,
    )
    text = section(summary_md(data), "### Languages of events and outcomes")
    table = rows(text)
    assert table["Report"] == ["2", "1", "1", "2", "1", "1", "1", "1", "0"]
    assert table["All outcomes"] == ["4", "1", "1", "4", "1", "1", "2", "1", "1"]
    assert table["Events: interpretation into"] == ["4", "1", "1", "1", "1", "1", "1", "1", "0"]
    assert "1 offered interpretation into all six ITU languages" in text


# --- the technology watch --------------------------------------------------------------


def test_technology_watch_of_the_year(data: Path) -> None:
    figures = watch.build(load(data), 2026, date(2026, 12, 31))
    assert figures.topics == 6
    assert [(r.group, [t.id for t in r.topics]) for r in figures.raised] == [
        ("sg16", ["t-new1", "t-new2"]),
        ("sg17", ["t-new4"]),
    ]
    # last reviews in 2026: all but none (t-old 1 Feb, t-new1, t-new2, t-new3, t-new4, t-drop)
    assert len(figures.reviewed) == 6
    # t-new2's event (dhaka) was approved on 2026-08-15 and held on 2026-12-01 (the topic
    # still says scheduled: the data shows the event, not when the status changed);
    # t-new3's (kampala) was held in March
    assert [(c.topic.id, c.event_id, c.day) for c in figures.scheduled] == [
        ("t-new2", "dhaka", date(2026, 8, 15))
    ]
    assert [(c.topic.id, c.event_id, c.day) for c in figures.covered] == [
        ("t-new3", "kampala", date(2026, 3, 11)),
        ("t-new2", "dhaka", date(2026, 12, 1)),
    ]
    assert [c.topic.id for c in figures.dropped] == ["t-drop"]
    assert dict(figures.standing) == {
        "watch": 2, "candidate": 1, "scheduled": 1, "covered": 1, "dropped": 1,
    }  # fmt: skip
    # t-old: 2025-05-01 to 2026-12-31 is 365 + 244 days
    assert [(w.topic.id, w.days) for w in figures.waiting] == [("t-old", 609)]
    # climate: high priority, only a cancelled event and a watched topic
    assert [(g.id, g.last_held, [t.id for t in g.watched]) for g in figures.gaps] == [
        ("climate", None, ["t-new1"])
    ]


def test_technology_watch_in_the_summary(data: Path) -> None:
    text = section(summary_md(data), "## Technology watch")
    assert (
        "6 topics on the watch by 31 December 2026; in the data today: 2 watched, 1 candidate, "
        "1 scheduled, 1 covered, 1 dropped. In 2026: 3 raised, 6 last reviewed, 1 scheduled (an "
        "event on the topic approved), 2 covered (an event on it held), 1 dropped (and last "
        "reviewed)." in text
    )
    table = rows(text)
    # a group without acronym is named by its name
    assert table["Multimedia and related digital technologies (2)"] == [
        "Topic t-new1 (watched); Topic t-new2 (scheduled)"
    ]
    assert "| Topic t-new2 | Scheduled | 15 August 2026 | Workshop in Dhaka |" in text
    assert "| Topic t-new2 | Covered | 1 December 2026 | Workshop in Dhaka |" in text
    assert table["Topic t-drop"] == ["Dropped", "5 May 2026", "—"]
    assert table["Topic t-old"] == ["1 May 2025 by SG17", "609 days", "1 February 2026"]
    assert (
        "High-priority themes with neither an event (2026 or later) nor a candidate topic: "
        "**Climate** (last held never; watched: Topic t-new1)" in text
    )
    assert "not the history of its status" in text


def test_a_candidate_waiting_one_day_waits_1_day(tmp_path: Path) -> None:
    found = files()
    for key, raised in (("t-old", "2026-12-30"), ("t-new1", "2026-12-29")):
        found[f"data/topics/{key}.yaml"] = (
            f"id: {key}\ntitle: Topic {key}\nstatus: candidate\nthemes: [quantum]\n"
            f"raised: {{date: {raised}, by: sg17}}\nreviewed: {raised}\n"
        )
    data = make_dataset(tmp_path, found)
    table = rows(section(summary_md(data), "## Technology watch"))
    assert table["Topic t-old"] == ["30 December 2026 by SG17", "1 day", "30 December 2026"]
    assert table["Topic t-new1"] == ["29 December 2026 by SG17", "2 days", "29 December 2026"]
    html = run_wsg(
        "render", "summary", "--year", "2026", "--format", "html", "--data", str(data),
        "--today", TODAY,
    ).out  # fmt: skip
    assert '<td data-label="Waiting">1 day</td>' in html
    assert '<td data-label="Waiting">2 days</td>' in html


def test_a_past_year_leaves_out_what_came_after_it(data: Path) -> None:
    figures = watch.build(load(data), 2025, date(2025, 12, 31))
    # raised by the end of 2025: t-old, t-new3, t-drop (and nothing raised in 2026)
    assert figures.topics == 3
    assert [(r.group, [t.id for t in r.topics]) for r in figures.raised] == [
        ("sg17", ["t-old", "t-new3"]),
        ("tsag", ["t-drop"]),
    ]
    # kampala, which addresses t-new3, was approved on 2025-12-01; every last review is
    # of 2026, so none shows in 2025
    assert [(c.topic.id, c.day) for c in figures.scheduled] == [("t-new3", date(2025, 12, 1))]
    assert figures.reviewed == () and figures.covered == ()
    assert [(w.topic.id, w.days) for w in figures.waiting] == [("t-old", 244)]


def test_a_candidate_topic_closes_a_theme_gap(tmp_path: Path) -> None:
    found = files()
    found["data/topics/t-new1.yaml"] = str(found["data/topics/t-new1.yaml"]).replace(
        "status: watch", "status: candidate"
    )
    data = make_dataset(tmp_path, found)
    assert watch.build(load(data), 2026, date(2026, 12, 31)).gaps == ()
    assert "nor a candidate topic: none." in summary_md(data)


def test_the_html_summary_has_every_section_and_links_topics_only_on_the_site(data: Path) -> None:
    result = run_wsg(
        "render", "summary", "--year", "2026", "--format", "html", "--data", str(data),
        "--today", TODAY,
    )  # fmt: skip
    assert result.code == 0, result.err
    html = result.out
    for anchor in ("organization", "fellowships-by-country", "languages", "watch",
                   "budget-by-theme"):  # fmt: skip
        assert f'id="{anchor}"' in html
    assert "<caption>Fellowship recipients and participants by UN category</caption>" in html
    assert "topics.html" not in html  # a standalone report links to no site page


def test_markdown_sections_are_valid_tables(data: Path) -> None:
    text = summary_md(data)
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert html.count("<table>") == text.count("\n|---")
    assert "None" not in text


# --- the bundled dataset ---------------------------------------------------------------


def _bundled_2026() -> list[dict[str, Any]]:
    """The 2026 events of the bundled dataset, read as plain YAML (not through wsg)."""
    found = []
    for path in sorted((ROOT / "data" / "events" / "2026").glob("*.yaml")):
        found.append(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_the_bundled_dataset_fellowships_and_organization() -> None:
    events = [e for e in _bundled_2026() if e["status"] not in ("cancelled", "postponed")]
    figures = year_balance(load(ROOT / "data", "2026-12-02").events, 2026)
    by_country = [e["fellowships"].get("by_country", {}) for e in events if "fellowships" in e]
    assert figures.fellows.total == sum(sum(c.values()) for c in by_country) == 56
    assert figures.fellows.total == figures.fellowships_granted  # every fellowship placed
    with_proposal = [e for e in events if e.get("proposal", {}).get("countries")]
    assert figures.involvement.rows["proposed"].any == len(with_proposal) == 4
    bdt = [
        e["id"]
        for e in events
        if any(c["kind"] == "itu-bureau" for c in e.get("co_organizers", []))
    ]
    assert figures.involvement.bureaux == {"BDT": bdt}
    # the issue asks the summary to show the priority given to LDCs
    text = summary_md(ROOT / "data", today="2026-12-02")
    assert "56 fellowship recipients; 37 from least developed countries (66.1 %)" in text


def test_the_bundled_dataset_budget_adds_up() -> None:
    events = _bundled_2026()
    (chf,) = budget.by_theme(load(ROOT / "data", "2026-12-02"), 2026)
    assert chf.allocated == sum(e["budget"]["allocated"] for e in events if "budget" in e)
    assert chf.spent == sum(e["budget"]["spent"] for e in events if "budget" in e)
    assert sum(a.allocated for a in chf.priorities) + chf.withdrawn.allocated == chf.allocated
    assert chf.allocation == 300000


def test_the_bundled_dataset_technology_watch() -> None:
    topics = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "data" / "topics").glob("*.yaml"))
    ]
    figures = watch.build(load(ROOT / "data", "2026-12-02"), 2026, date(2026, 12, 2))
    raised = sorted(t["id"] for t in topics if t["raised"]["date"].year == 2026)
    assert sorted(t.id for r in figures.raised for t in r.topics) == raised
    # every status, many groups; as many topics each, so in the natural order of groups
    assert [r.group for r in figures.raised] == ["sg3", "sg5", "sg20"]
    candidates = sorted(
        (t["raised"]["date"], t["id"]) for t in topics if t["status"] == "candidate"
    )
    assert [w.topic.id for w in figures.waiting] == [i for _, i in candidates]
    assert figures.waiting[0].days == (date(2026, 12, 2) - candidates[0][0]).days == 393


def test_the_bundled_dataset_languages() -> None:
    events = [e for e in _bundled_2026() if e["status"] not in ("cancelled", "postponed")]
    outcomes = [o for e in events for o in e.get("outcomes", [])]
    figures = dissemination.build(load(ROOT / "data", "2026-12-02").events, 2026, date(2026, 12, 2))
    total = figures.outcomes_total
    assert total.total == len(outcomes)
    for code, count in zip(dissemination.ITU_LANGUAGES, total.counts, strict=True):
        assert count == sum(1 for o in outcomes if code in o.get("languages", ["en"])), code
    interpreted = [
        e for e in events if set(dissemination.ITU_LANGUAGES) <= set(e.get("interpretation", []))
    ]
    assert figures.interpretation.all_six == len(interpreted) == 1  # the AI watermarking workshop
