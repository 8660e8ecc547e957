"""Write a realistic synthetic dataset of N events that ``wsg validate`` passes with 0 errors.

    python bench/generate.py OUT [--events 2000] [--seed 53] [--today 2026-11-28]

writes ``OUT/data/groups/*.yaml`` (the WSG with themes, policy, budget and a
regional-balance management team over five study periods; TSAG, the study
groups, two focus groups) and ``OUT/data/events/<year>/<id>.yaml``: workshops
with parallel rooms and breaks, webinars, seminars, forums and symposia over
twenty years, speakers and participants from many countries, approvals,
announcements, outcomes and participation as each status requires. The same
seed and ``--today`` always write the same bytes. Validate it with the same
``--today``: every date-dependent rule looks at it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from wsg.countries import REGIONS, load_reference

TODAY = date(2026, 11, 28)
FIRST_YEAR = 2007

# Study periods: one management term each; the last is open.
PERIODS = (
    (date(2008, 10, 31), date(2012, 11, 29)),
    (date(2012, 11, 30), date(2016, 11, 3)),
    (date(2016, 11, 4), date(2022, 3, 9)),
    (date(2022, 3, 10), date(2024, 10, 23)),
    (date(2024, 10, 24), None),
)
WTSA_24 = date(2024, 10, 24)

THEMES = (
    ("ai", "Artificial intelligence", "high"),
    ("standardization-gap", "Bridging the standardization gap", "high"),
    ("security-trust", "Security and trust in ICTs", "high"),
    ("climate-sustainability", "Climate change, environment and circular economy", "high"),
    ("quantum", "Quantum information technologies", "high"),
    ("6g-imt2030", "Future networks, 6G and IMT-2030", "normal"),
    ("digital-health", "Digital health", "normal"),
    ("iot-smart-cities", "Internet of things and smart sustainable cities", "normal"),
    ("digital-financial-services", "Digital financial services and financial inclusion", "normal"),
    ("accessibility", "Accessibility and digital inclusion", "normal"),
    ("intelligent-transport", "Intelligent transport systems and automated driving", "normal"),
    ("metaverse", "Metaverse and immersive media", "low"),
)

TOPICS = {
    "ai": (
        "AI Watermarking and Multimedia Authenticity",
        "Machine Learning for Future Networks",
        "AI Agents and Trustworthy Automation",
    ),
    "standardization-gap": ("Bridging the Standardization Gap", "Standards Capacity Building"),
    "security-trust": (
        "Security of Emerging Technologies",
        "Digital Identity and Trust",
        "Child Online Protection",
    ),
    "climate-sustainability": (
        "Green Digital Transformation",
        "E-waste and Circular Economy",
        "Disaster Resilience and Early Warning",
    ),
    "quantum": ("Quantum-Safe Networks", "Quantum Key Distribution"),
    "6g-imt2030": ("Networks for 2030 and Beyond", "AI-Native Networks", "Satellite Backhaul"),
    "digital-health": ("Digital Health Interoperability", "AI for Health"),
    "iot-smart-cities": ("Smart Sustainable Cities", "IoT for Agriculture"),
    "digital-financial-services": ("Digital Financial Inclusion", "Security of Mobile Money"),
    "accessibility": ("Accessible Digital Services", "Quality of Service for Digital Inclusion"),
    "intelligent-transport": ("Automated Driving", "Vehicular Communications"),
    "metaverse": ("Metaverse Interoperability", "Immersive Media Accessibility"),
}

# (city, country, time zone, place)
CITIES = (
    ("Geneva", "CH", "Europe/Zurich", "ITU headquarters"),
    ("Geneva", "CH", "Europe/Zurich", "CICG"),
    ("Nairobi", "KE", "Africa/Nairobi", "Kenyatta International Convention Centre"),
    ("Kigali", "RW", "Africa/Kigali", "Kigali Convention Centre"),
    ("Dakar", "SN", "Africa/Dakar", None),
    ("Accra", "GH", "Africa/Accra", None),
    ("Abuja", "NG", "Africa/Lagos", None),
    ("Kampala", "UG", "Africa/Kampala", None),
    ("Cairo", "EG", "Africa/Cairo", "Smart Village"),
    ("Tunis", "TN", "Africa/Tunis", None),
    ("Muscat", "OM", "Asia/Muscat", None),
    ("Riyadh", "SA", "Asia/Riyadh", None),
    ("Dubai", "AE", "Asia/Dubai", None),
    ("Amman", "JO", "Asia/Amman", None),
    ("Bangkok", "TH", "Asia/Bangkok", "UN Conference Centre"),
    ("Dhaka", "BD", "Asia/Dhaka", None),
    ("New Delhi", "IN", "Asia/Kolkata", None),
    ("Seoul", "KR", "Asia/Seoul", None),
    ("Tokyo", "JP", "Asia/Tokyo", None),
    ("Beijing", "CN", "Asia/Shanghai", None),
    ("Jakarta", "ID", "Asia/Jakarta", None),
    ("Hanoi", "VN", "Asia/Ho_Chi_Minh", None),
    ("Suva", "FJ", "Pacific/Fiji", None),
    ("Apia", "WS", "Pacific/Apia", None),
    ("Tashkent", "UZ", "Asia/Tashkent", None),
    ("Almaty", "KZ", "Asia/Almaty", None),
    ("Baku", "AZ", "Asia/Baku", None),
    ("Moscow", "RU", "Europe/Moscow", None),
    ("Warsaw", "PL", "Europe/Warsaw", None),
    ("Lisbon", "PT", "Europe/Lisbon", None),
    ("Brasília", "BR", "America/Sao_Paulo", None),
    ("Buenos Aires", "AR", "America/Argentina/Buenos_Aires", None),
    ("Bogotá", "CO", "America/Bogota", None),
    ("Lima", "PE", "America/Lima", None),
    ("Mexico City", "MX", "America/Mexico_City", None),
    ("Port of Spain", "TT", "America/Port_of_Spain", None),
    ("Kingston", "JM", "America/Jamaica", None),
)

FIRST_NAMES = (
    "Amina",
    "Carlos",
    "Ingrid",
    "Dilnoza",
    "Grace",
    "Hiroshi",
    "Ahmed",
    "Valentina",
    "Katarzyna",
    "Rashad",
    "Aline",
    "Priya",
    "Wei",
    "Takeshi",
    "Andrea",
    "Dmitry",
    "Rebecca",
    "Khalid",
    "Sushil",
    "Aigerim",
    "Michael",
    "Brian",
    "Andre",
    "Rafael",
    "Min-jun",
    "Julia",
    "Fatou",
    "Olumide",
    "Selamawit",
    "Kavita",
    "Noura",
    "Mikko",
    "Elena",
    "Jean-Pierre",
    "Lucía",
    "Kwame",
    "Mei",
    "Arjun",
    "Svetlana",
    "Tomás",
    "Leila",
    "Sione",
    "Nadia",
    "Omar",
    "Hana",
    "Pedro",
)
LAST_NAMES = (
    "Diallo",
    "Ribeiro",
    "Haugen",
    "Karimova",
    "Kamau",
    "Tanaka",
    "Farouk",
    "Rojas Mejía",
    "Nowak",
    "Aliyev",
    "Uwase",
    "Raghavan",
    "Zhang",
    "Morimoto",
    "Conti",
    "Sokolov",
    "Thornton",
    "Al-Mansoori",
    "Adhikari",
    "Zhaksylykova",
    "O'Connor",
    "Ssemwogerere",
    "Campbell",
    "Souza Lima",
    "Park",
    "Becker",
    "Ndiaye",
    "Adebayo",
    "Tadesse",
    "Ramdass",
    "Al-Saud",
    "Virtanen",
    "Marchetti",
    "Dubois",
    "Fernández",
    "Mensah",
    "Chen",
    "Sharma",
    "Ivanova",
    "Herrera",
    "Haddad",
    "Tuilagi",
    "Benali",
    "Nakamura",
    "Kowalski",
    "Okafor",
)
ORGANIZATIONS = (
    "Ministry of Information and Communications Technology",
    "National Regulatory Authority",
    "National Telecommunications Operator",
    "University of Science and Technology",
    "Standards Institute",
    "National Research and Education Network",
)

ROOMS = ("Popov", "Room K", "Room L", "Room H")
LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")


@dataclass
class Group:
    id: str
    name: str
    acronym: str
    kind: str
    established: date | None = None
    closed: date | None = None

    def active(self, day: date) -> bool:
        started = self.established is None or self.established <= day
        return started and (self.closed is None or day <= self.closed)


STUDY_GROUPS = (
    Group(
        "sg2",
        "Operational aspects of service provision and telecommunication management",
        "SG2",
        "study-group",
    ),
    Group("sg3", "Economic and policy issues", "SG3", "study-group"),
    Group("sg5", "Environment, EMF and circular economy", "SG5", "study-group"),
    Group("sg9", "Broadband cable and TV", "SG9", "study-group", closed=WTSA_24),
    Group(
        "sg11",
        "Protocols, testing specifications and combating counterfeiting",
        "SG11",
        "study-group",
    ),
    Group(
        "sg12", "Performance, quality of service and quality of experience", "SG12", "study-group"
    ),
    Group("sg13", "Future networks and emerging network technologies", "SG13", "study-group"),
    Group(
        "sg15",
        "Networks, technologies and infrastructures for transport, access and home",
        "SG15",
        "study-group",
    ),
    Group(
        "sg16", "Multimedia and related digital technologies", "SG16", "study-group", closed=WTSA_24
    ),
    Group("sg17", "Security", "SG17", "study-group"),
    Group(
        "sg20",
        "Internet of things and smart cities and communities",
        "SG20",
        "study-group",
        established=date(2015, 6, 9),
    ),
    Group(
        "sg21",
        "Multimedia, content delivery and cable television",
        "SG21",
        "study-group",
        established=WTSA_24,
    ),
    Group(
        "fg-ai4h",
        "Focus Group on Artificial Intelligence for Health",
        "FG-AI4H",
        "focus-group",
        established=date(2018, 7, 27),
        closed=date(2023, 9, 30),
    ),
    Group(
        "fg-an",
        "Focus Group on Autonomous Networks",
        "FG-AN",
        "focus-group",
        established=date(2020, 12, 18),
        closed=date(2023, 7, 28),
    ),
)

_PLAIN = re.compile(r"[A-Za-z0-9À-ɏ][A-Za-z0-9À-ɏ ().,'&/+-]*")


def scalar(text: str) -> str:
    """The text as a YAML scalar: plain when that reads back as the same text, else quoted."""
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def country(code: str) -> str:
    return '"NO"' if code == "NO" else code


class Generator:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.reference = load_reference()
        # states whose membership and regions never change: the team's history goes back
        # years, before Palau joined or CEPT suspended the Russian Federation
        stable = {
            c: s
            for c, s in self.reference.states.items()
            if s.itu_from is None and all(m.start is None and m.end is None for m in s.memberships)
        }
        self.codes = sorted(stable)
        self.by_region = {
            region: sorted(c for c, s in stable.items() if region in s.regions)
            for region in REGIONS
        }

    # --- people -------------------------------------------------------------------------

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def affiliation(self, code: str) -> str:
        return f"{self.rng.choice(ORGANIZATIONS)}, {self.reference.name(code)}"

    def person(self, indent: str, code: str, presentation: str | None = None) -> list[str]:
        lines = [
            f"{indent}- name: {scalar(self.name())}",
            f"{indent}  affiliation: {scalar(self.affiliation(code))}",
            f"{indent}  country: {country(code)}",
        ]
        if presentation:
            lines.append(f"{indent}  presentation: {presentation}")
        return lines

    # --- groups -------------------------------------------------------------------------

    def seat(
        self, role: str, code: str, start: date, end: date | None, region: str | None
    ) -> list[str]:
        term = f"{{start: {start}, end: {end}}}" if end else f"{{start: {start}}}"
        lines = [
            f"  - role: {role}",
            f"    name: {scalar(self.name())}",
            f"    affiliation: {scalar(self.affiliation(code))}",
            f"    country: {country(code)}",
        ]
        if region:
            lines.append(f"    region: {region}")
        lines += [
            f"    gender: {self.rng.choice('fm')}",
            f"    term: {term}",
            f"    appointed: {{by: tsag, date: {start}, ref: TSAG-R{self.rng.randint(1, 9)}}}",
        ]
        return lines

    def management(
        self, regional_balance: bool, established: date | None, closed: date | None
    ) -> list[str]:
        lines = ["management:"]
        for start, end in PERIODS:
            if established is not None and (end is not None and end < established):
                continue
            if closed is not None and start > closed:
                continue
            start = max(start, established) if established else start
            end = closed if closed is not None and (end is None or end > closed) else end
            if regional_balance:
                # one vice-chairman per region, seven different countries in all
                used: set[str] = set()
                seats = []
                for region in REGIONS:
                    code = self.rng.choice([c for c in self.by_region[region] if c not in used])
                    used.add(code)
                    seats.append(("vice-chairman", code, region))
                chair = self.rng.choice([c for c in self.codes if c not in used])
                seats.insert(0, ("chairman", chair, None))
            else:
                seats = [("chairman", self.rng.choice(self.codes), None)]
            for role, code, region in seats:
                lines += self.seat(role, code, start, end, region)
        return lines

    def group_file(self, group: Group) -> str:
        lines = [
            f"id: {group.id}",
            f"name: {scalar(group.name)}",
            f"acronym: {group.acronym}",
            f"kind: {group.kind}",
            "parent: tsag",
        ]
        if group.established:
            lines.append(f"established: {{date: {group.established}, by: tsag}}")
        if group.closed:
            lines.append(f"closed: {group.closed}")
        lines += self.management(False, group.established, group.closed)
        return "\n".join(lines) + "\n"

    def wsg_file(self) -> str:
        lines = [
            "id: wsg",
            "name: Workshop and Seminar Coordination Group",
            "acronym: WSG",
            "kind: coordination-group",
            "parent: tsag",
            "established: {date: 2008-10-30, by: WTSA-08, ref: Resolution 53}",
            "regional_balance: true",
            "# synthetic: generated by bench/generate.py",
            *self.management(True, None, None),
            "themes:",
        ]
        for theme_id, title, priority in THEMES:
            lines += [
                f"  - id: {theme_id}",
                f"    title: {scalar(title)}",
                f"    priority: {priority}",
            ]
        lines += [
            "policy:",
            "  announcement_lead_days: 42",
            "  outcomes_due_days: 30",
            "  presentations_due_days: 7",
            "  severity: {}",
            "budget:",
        ]
        for year in range(FIRST_YEAR, self.today.year + 2):
            amount = 200000 + 5000 * (year - FIRST_YEAR)
            lines.append(f"  - {{year: {year}, currency: CHF, amount: {amount}}}")
        return "\n".join(lines) + "\n"

    def tsag_file(self) -> str:
        lines = [
            "id: tsag",
            "name: Telecommunication Standardization Advisory Group",
            "acronym: TSAG",
            "kind: advisory-group",
            *self.management(False, None, None),
        ]
        return "\n".join(lines) + "\n"

    # --- events -------------------------------------------------------------------------

    def event_file(self, number: int, year: int) -> tuple[str, str]:
        rng = self.rng
        kind = rng.choices(
            ("workshop", "webinar", "seminar", "forum", "symposium"), (45, 25, 15, 10, 5)
        )[0]
        start = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        days = 1 if kind == "webinar" else rng.choice((1, 1, 2, 2, 3))
        end = start + timedelta(days=days - 1)
        fmt = "virtual" if kind == "webinar" else rng.choice(("hybrid", "hybrid", "in-person"))
        themes = rng.sample([t[0] for t in THEMES], rng.choice((1, 2, 2)))
        topic = rng.choice(TOPICS[themes[0]])
        city, code, zone, place = rng.choice(CITIES)
        where = "webinar" if fmt == "virtual" else slugify(city)
        event_id = f"{start:%Y-%m}-{slugify(topic)}-{where}-{number:05d}"
        title = f"ITU {kind.capitalize()} on {topic}"
        active = [g.id for g in STUDY_GROUPS if g.active(start)]
        organizers = rng.sample(active, rng.choice((1, 1, 2)))
        status = self.status(start, end)

        lines = [
            f"id: {event_id}",
            f"title: {scalar(title)}",
            f"kind: {kind}",
            f"status: {status}",
            f"start: {start}",
            f"end: {end}",
            f"timezone: {'Europe/Zurich' if fmt == 'virtual' else zone}",
            f"format: {fmt}",
        ]
        if fmt != "virtual":
            lines += ["venue:", f"  city: {scalar(city)}", f"  country: {country(code)}"]
            if place:
                lines.append(f"  place: {scalar(place)}")
            lines.append("host: ITU" if code == "CH" else f"host: {scalar(self.affiliation(code))}")
        lines += [
            f"organizers: [{', '.join(organizers)}]",
            f"themes: [{', '.join(themes)}]",
            "languages: [en]",
        ]
        if kind != "webinar" and rng.random() < 0.3:
            lines.append(f"interpretation: [{', '.join(LANGUAGES)}]")
        if status == "proposed":
            return event_id, "\n".join(lines) + "\n"

        approval = start - timedelta(days=rng.randint(120, 240))
        lines.append(
            f"approval: {{date: {approval}, by: {organizers[0]}, "
            f"ref: {organizers[0].upper()}-R{rng.randint(1, 40)}}}"
        )
        announced = status in ("announced", "held") or (
            status in ("cancelled", "postponed") and rng.random() < 0.5
        )
        folder = f"https://www.itu.int/en/ITU-T/Workshops-and-Seminars/{start:%Y/%m%d}"
        if announced:
            circular = rng.randint(1, 300)
            announcement = start - timedelta(days=rng.randint(45, 100))
            # Block style: the libyaml inside ruamel.yaml.clib rejects a URL in a flow
            # mapping, and check-jsonschema would measure its pure-Python fallback.
            lines += [
                "announcement:",
                f"  date: {announcement}",
                f"  ref: TSB Circular {circular}",
                f"  url: https://www.itu.int/md/T{start:%y}-TSB-CIR-{circular:04d}/en",
            ]
        lines.append("contact: {name: TSB Workshops, email: tsbworkshops@itu.int}")
        if fmt != "virtual" and rng.random() < 0.5:
            granted = f", granted: {rng.randint(2, 15)}" if status == "held" else ""
            lines.append(f"fellowships: {{offered: true{granted}}}")
        allocated = rng.randrange(3000, 60000, 500)
        spent = f", spent: {rng.randrange(1000, allocated, 100)}" if status == "held" else ""
        lines.append(f"budget: {{currency: CHF, allocated: {allocated}{spent}}}")

        held = status == "held"
        if held:
            lines += self.participation(fmt)
        if announced:
            lines += self.programme(start, days, fmt, held, folder)
        if held:
            lines += self.outcomes(end, folder)
        if status == "cancelled":
            when = min(start - timedelta(days=rng.randint(5, 40)), self.today)
            lines.append(f"cancellation: {{date: {when}, reason: Postponed by the host}}")
        return event_id, "\n".join(lines) + "\n"

    def status(self, start: date, end: date) -> str:
        rng = self.rng
        if end <= self.today:
            return rng.choices(("held", "cancelled", "postponed"), (92, 4, 4))[0]
        lead = (start - self.today).days
        if lead < 100:
            return "announced"
        if lead < 200:
            return rng.choice(("announced", "approved"))
        return rng.choice(("approved", "proposed"))

    def participation(self, fmt: str) -> list[str]:
        rng = self.rng
        registered = rng.randint(80, 600)
        attended = rng.randint(registered // 2, registered)
        in_person = 0 if fmt == "virtual" else rng.randint(attended // 3, attended)
        remote = attended - in_person
        lines = [
            "participation:",
            f"  registered: {registered}",
            f"  in_person: {in_person}",
            f"  remote: {remote}",
            "  by_country:",
        ]
        left = attended
        for code in rng.sample(self.codes, rng.randint(4, 12)):
            count = rng.randint(1, max(1, left // 8))
            if count > left:
                break
            left -= count
            lines.append(f"    {country(code)}: {count}")
        return lines

    def programme(self, start: date, days: int, fmt: str, held: bool, folder: str) -> list[str]:
        rng = self.rng
        lines = ["programme:"]
        parallel = fmt != "virtual" and days > 1
        for offset in range(days):
            lines += [f"  - date: {start + timedelta(days=offset)}", "    sessions:"]
            minute = 9 * 60 + 30
            slots = rng.randint(2, 3) if fmt != "virtual" else rng.randint(1, 3)
            for slot in range(slots):
                if slot == slots // 2 and fmt != "virtual":
                    lines += self.session(
                        minute, 30, "Coffee break", "break", None, 0, held, folder
                    )
                    minute += 30
                length = rng.choice((45, 60, 90))
                rooms = ROOMS[:2] if parallel and slot % 2 == 1 else ROOMS[:1]
                for room in rooms:
                    title = f"Session {slot + 1} - {rng.choice(TOPICS[rng.choice(THEMES)[0]])}"
                    kind = rng.choice(("talk", "talk", "panel", "keynote"))
                    speakers = rng.choice((1, 1, 2, 3))
                    room_name = None if fmt == "virtual" else room
                    lines += self.session(
                        minute, length, title, kind, room_name, speakers, held, folder
                    )
                minute += length
        return lines

    def session(
        self,
        minute: int,
        length: int,
        title: str,
        kind: str,
        room: str | None,
        speakers: int,
        held: bool,
        folder: str,
    ) -> list[str]:
        end = minute + length
        lines = [
            f'      - start: "{minute // 60:02d}:{minute % 60:02d}"',
            f'        end: "{end // 60:02d}:{end % 60:02d}"',
            f"        title: {scalar(title)}",
            f"        kind: {kind}",
        ]
        if room:
            lines.append(f"        room: {room}")
        if speakers:
            lines.append("        speakers:")
            for _ in range(speakers):
                code = self.rng.choice(self.codes)
                link = None
                if held and self.rng.random() < 0.25:
                    link = f"{folder}/Documents/{self.rng.randrange(10**6):06d}.pdf"
                lines += self.person("          ", code, link)
        return lines

    def outcomes(self, end: date, folder: str) -> list[str]:
        lines = ["outcomes:"]
        for kind, title, page, delay in (
            ("presentations", "Presentations", "Pages/programme.aspx", self.rng.randint(1, 6)),
            ("report", "Report", "Documents/Report.pdf", self.rng.randint(5, 28)),
        ):
            published = end + timedelta(days=delay)
            if published > self.today:
                continue
            lines += [
                f"  - type: {kind}",
                f"    title: {title}",
                f"    url: {folder}/{page}",
                f"    date: {published}",
            ]
        return lines if len(lines) > 1 else []


def generate(out: Path, events: int, seed: int = 53, today: date = TODAY) -> Path:
    """Write the dataset under ``out/data`` (replacing it) and return that folder."""
    generator = Generator(seed, today)
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    (data / "groups").mkdir(parents=True)
    (data / "groups" / "wsg.yaml").write_text(generator.wsg_file(), encoding="utf-8")
    (data / "groups" / "tsag.yaml").write_text(generator.tsag_file(), encoding="utf-8")
    for group in STUDY_GROUPS:
        (data / "groups" / f"{group.id}.yaml").write_text(
            generator.group_file(group), encoding="utf-8"
        )
    years = list(range(FIRST_YEAR, today.year + 2))
    for number in range(events):
        year = years[number * len(years) // events]
        event_id, text = generator.event_file(number, year)
        folder = data / "events" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{event_id}.yaml").write_text(text, encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write data/ into")
    parser.add_argument("--events", type=int, default=2000, help="how many events (default 2000)")
    parser.add_argument("--seed", type=int, default=53, help="random seed (default 53)")
    parser.add_argument(
        "--today", type=date.fromisoformat, default=TODAY, help=f"'today' (default {TODAY})"
    )
    args = parser.parse_args(argv)
    data = generate(args.out, args.events, args.seed, args.today)
    print(f"wrote {args.events} events to {data}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
