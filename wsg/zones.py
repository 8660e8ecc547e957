"""Which time zones are a country's, from the tz database's own tables (no network).

``zone.tab`` lists each country's zones by their usual names (``NO Europe/Oslo``,
``KE Africa/Nairobi``), with a comment when a country has several;
``zone1970.tab`` lists, for each zone, every country whose clocks have agreed with
it since 1970 (Europe/Berlin is also Norway's). A zone name may be a link to
another (Asia/Calcutta → Asia/Kolkata, Europe/Oslo → Europe/Berlin); ``tzdata.zi``
says which. All three ship in the tzdata package that ``wsg`` depends on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

MAX_LISTED = 5  # zones named in a message; the United States has 29


@dataclass(frozen=True)
class Zone:
    name: str
    comment: str  # zone.tab's, for a country with several zones ("most of Germany")


@dataclass(frozen=True)
class ZoneTables:
    by_country: dict[str, tuple[Zone, ...]]  # zone.tab: the country's own zone names
    since_1970: dict[str, frozenset[str]]  # zone1970.tab: every zone of the country
    links: dict[str, str]  # alias -> the zone it links to


def _read(name: str) -> str:
    try:
        return resources.files("tzdata.zoneinfo").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # tzdata missing: no country knows a zone
        return ""


@cache
def tables() -> ZoneTables:
    by_country: dict[str, list[Zone]] = {}
    for line in _read("zone.tab").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            comment = parts[3] if len(parts) > 3 else ""
            by_country.setdefault(parts[0], []).append(Zone(parts[2], comment))
    since_1970: dict[str, set[str]] = {}
    for line in _read("zone1970.tab").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            for country in parts[0].split(","):
                since_1970.setdefault(country, set()).add(parts[2])
    links = {}
    for line in _read("tzdata.zi").splitlines():
        if line.startswith("L "):
            _, target, alias = line.split()[:3]
            links[alias] = target
    return ZoneTables(
        by_country={code: tuple(zones) for code, zones in by_country.items()},
        since_1970={code: frozenset(zones) for code, zones in since_1970.items()},
        links=links,
    )


def canonical(zone: str) -> str:
    """The zone a name stands for once links are followed (Europe/Oslo → Europe/Berlin)."""
    links = tables().links
    seen = 0
    while zone in links and seen < 8:  # links point at zones; a few hops at most
        zone, seen = links[zone], seen + 1
    return zone


def zones_of(country: str) -> tuple[Zone, ...]:
    """The country's zones by their usual names, as zone.tab lists them; () if unknown."""
    return tables().by_country.get(country, ())


def is_zone_of(zone: str, country: str) -> bool | None:
    """Whether ``zone`` keeps a clock of ``country``; None when the country has no zones."""
    known = tables()
    names = {z.name for z in known.by_country.get(country, ())} | known.since_1970.get(
        country, frozenset()
    )
    if not names:
        return None
    return canonical(zone) in {canonical(name) for name in names}


def listed(zones: tuple[Zone, ...], with_comments: bool = False) -> str:
    """``Africa/Nairobi`` or ``America/New_York, America/Chicago, … (29 zones)``."""
    shown = [
        f"{z.name} for {z.comment}" if with_comments and z.comment else z.name
        for z in zones[:MAX_LISTED]
    ]
    more = f", … ({len(zones)} zones)" if len(zones) > MAX_LISTED else ""
    return ", ".join(shown) + more


def suggestion(country: str | None) -> str:
    """``the zone of KE is 'Africa/Nairobi'``, or the zones of a country with several; ""."""
    zones = zones_of(country) if country else ()
    if not zones:
        return ""
    if len(zones) == 1:
        return f"the zone of {country} is '{zones[0].name}'"
    return f"the zones of {country} are {listed(zones)}"
