"""``wsg new event`` picks the venue country's time zone, or refuses when that is not clear."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_dataset, run_wsg


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WSG_TODAY", "2026-06-01")
    monkeypatch.delenv("WSG_DATA", raising=False)
    return make_dataset(tmp_path, {})


def _new(data: Path, *args: str) -> tuple[int, str, str]:
    result = run_wsg(
        "new", "event", "--title", "AI for health", "--start", "2026-10-06",
        "--organizer", "sg16", "--theme", "ai", "--data", str(data), *args,
    )  # fmt: skip
    return result.code, result.out, result.err


def _zone(data: Path) -> str:
    (written,) = (data / "events" / "2026").glob("2026-10-*.yaml")
    (line,) = [x for x in written.read_text().splitlines() if x.startswith("timezone:")]
    return line.split(": ", 1)[1]


@pytest.mark.parametrize(
    ("city", "country", "zone"),
    [
        ("Nairobi", "KE", "Africa/Nairobi"),
        ("Geneva", "CH", "Europe/Zurich"),
        ("Oslo", "NO", "Europe/Oslo"),
        ("New York", "US", "America/New_York"),  # several zones: the one named after the city
        ("Berlin", "DE", "Europe/Berlin"),
        ("São Paulo", "BR", "America/Sao_Paulo"),  # as people write it, accents and all
    ],
)
def test_the_venue_country_gives_the_zone(data: Path, city: str, country: str, zone: str) -> None:
    code, _, err = _new(data, "--city", city, "--country", country)
    assert (code, err) == (0, "")
    assert _zone(data) == zone
    assert run_wsg("validate", "--data", str(data)).code == 0


def test_a_country_with_several_zones_is_refused_with_the_list(data: Path) -> None:
    code, out, err = _new(data, "--city", "Bonn", "--country", "DE")
    assert code == 2 and out == ""
    assert err == (
        "wsg: DE has 2 time zones; choose one with --timezone: "
        "Europe/Berlin for most of Germany, Europe/Busingen for Busingen\n"
    )
    assert not list((data / "events").glob("2026/2026-10-*.yaml"))


def test_a_country_with_many_zones_names_every_one_to_choose_from(data: Path) -> None:
    """Brasília's zone, America/Sao_Paulo, is not among the first five of Brazil's sixteen:
    the message names them all (without their comments, to stay one readable line)."""
    from wsg import zones

    code, out, err = _new(data, "--city", "Brasilia", "--country", "BR")
    assert code == 2 and out == ""
    every = [z.name for z in zones.zones_of("BR")]
    assert len(every) > zones.MAX_LISTED
    assert err == (
        f"wsg: BR has {len(every)} time zones; choose one with --timezone: {', '.join(every)}\n"
    )
    assert "America/Sao_Paulo" in err


def test_a_zone_of_another_country_is_refused(data: Path) -> None:
    code, _, err = _new(data, "--city", "Nairobi", "--country", "KE", "--timezone", "Europe/Zurich")
    assert code == 2
    assert err == (
        "wsg: --timezone Europe/Zurich is not a time zone of KE, the venue's country; "
        "the zone of KE is 'Africa/Nairobi'\n"
    )


def test_an_explicit_zone_of_the_country_is_kept(data: Path) -> None:
    code, _, err = _new(
        data, "--city", "Chicago", "--country", "US", "--timezone", "America/Chicago"
    )
    assert (code, err) == (0, "")
    assert _zone(data) == "America/Chicago"


def test_a_virtual_event_without_venue_keeps_geneva_time(data: Path) -> None:
    code, _, err = _new(data, "--format", "virtual")
    assert (code, err) == (0, "")
    assert _zone(data) == "Europe/Zurich"


def test_a_group_closed_before_the_start_cannot_organize(data: Path) -> None:
    result = run_wsg(
        "new", "event", "--title", "AI for health", "--start", "2026-10-06", "--format", "virtual",
        "--organizer", "fg-ai4h", "--theme", "ai", "--data", str(data),
    )  # fmt: skip
    assert result.code == 2
    assert result.err == (
        "wsg: --organizer 'fg-ai4h' closed on 2023-09-30, before the event starts (2026-10-06); "
        "name the group that carries on its work\n"
    )
