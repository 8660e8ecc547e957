"""Value kinds of the format: each turns a YAML node into a typed value or reports why not.

A kind both checks and converts in one walk, and describes itself as JSON
Schema, so the validator, the model and ``wsg schema`` share one definition.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from wsg.countries import load_reference
from wsg.model import Place
from wsg.yamltree import (
    NULLS,
    TYPED_START,
    Mapping,
    Node,
    Scalar,
    Sequence,
    is_null,
    yaml_type,
)

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
SLUG_MAX = 80
# ASCII digits only: \d would take Arabic-Indic or Devanagari digits for a date
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_TIME = re.compile(r"(\d{2}):(\d{2})", re.ASCII)
_LOOSE_TIME = re.compile(r"(\d{1,2})[:.h](\d{2})", re.ASCII)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_CURRENCY = re.compile(r"[A-Z]{3}")
# what no URL holds: white space (as str.isspace() has it) or a control character
_URL_BREAK = re.compile(r"[\s\x00-\x1f]")
MAX_SUGGESTIONS = 100  # "did you mean" searches per file


class Context:
    """What a kind needs while converting one file: where, and how to report."""

    __slots__ = ("file", "problems", "suggestions")

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[tuple[str, int, int, str]] = []
        self.suggestions = MAX_SUGGESTIONS

    def report(self, rule: str, node: Node, message: str) -> None:
        self.problems.append((rule, node.line, node.column, message))

    def did_you_mean(self, word: str, choices: Iterable[str]) -> str:
        """A suggestion while the file's allowance lasts: a file of 100,000 wrong words
        gets its findings, but only the first ones pay for a search of the choices."""
        if self.suggestions <= 0:
            return ""
        self.suggestions -= 1
        return did_you_mean(word, choices)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: typos, including swapped neighbours, cost 1."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The likeliest intended word: fewest typos, then the longest shared start."""
    candidates = tuple(choices)
    # neither measure matches a word this much longer than every choice (difflib's
    # 0.6 needs at most 2.33 times): a pasted paragraph costs nothing
    if len(word) > 3 * max(map(len, candidates), default=0):
        return None
    limit = max(2, min(3, len(word) // 3))
    letters = set(word)
    scored: list[tuple[int, int, str]] = []
    for choice in candidates:
        # an edit changes the length by at most one and the set of letters by at most
        # two: both bounds are cheap and skip the quadratic distance for most choices
        if abs(len(choice) - len(word)) > limit:
            continue
        if len(letters.symmetric_difference(choice)) > 2 * limit:
            continue
        distance = edit_distance(word, choice)
        if distance <= limit:
            prefix = next(
                (i for i, (a, b) in enumerate(zip(word, choice, strict=False)) if a != b),
                min(len(word), len(choice)),
            )
            scored.append((distance, -prefix, choice))
    if scored:
        return min(scored)[2]
    # difflib's ratio 2*M/(len(word)+len(choice)) reaches 0.6 only if M, the letters matched,
    # can: they are at most the choice's letters found in the word (the same answer, faster)
    hopeful = [
        choice
        for choice in candidates
        if 10 * min(len(word), sum(map(letters.__contains__, choice)))
        >= 3 * (len(word) + len(choice))
    ]
    import difflib  # only a mistake needs it: a clean run never imports it

    matches = difflib.get_close_matches(word, hopeful, n=1, cutoff=0.6) if hopeful else []
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    match = closest(word, choices)
    return f" (did you mean '{match}'?)" if match else ""


def describe(node: Node) -> str:
    kind = yaml_type(node)
    if isinstance(node, Scalar) and kind != "null":
        return f"the {kind} {node.value!r}" if kind != "string" else f"the text {node.value!r}"
    return {"mapping": "a mapping", "list": "a list", "null": "nothing"}.get(kind, kind)


class Kind:
    """A value kind; ``convert`` returns ``None`` after reporting a problem."""

    label = "a value"
    doc = ""

    def convert(self, node: Node, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def text_of(self, node: Node, ctx: Context) -> str | None:
        """The node as text, or a wrong-type problem for numbers, booleans and containers."""
        if isinstance(node, Scalar):
            value = node.value
            # most text starts as no null, boolean or number can: no need to ask yaml_type
            if not node.plain or (value and value[0] not in TYPED_START):
                return _shared(value)
            if yaml_type(node) == "string":
                return _shared(value)
        hint = "; quote it if it is meant as text" if isinstance(node, Scalar) else ""
        ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}{hint}")
        return None


def _shared(value: str) -> str:
    """Short text (ids, codes, kinds, names, times) as one object however many records repeat
    it: peak memory at 20,000 events 363 MB instead of 450, and a cache segment pickles it
    once."""
    return sys.intern(value) if len(value) <= 40 else value


class Text(Kind):
    label = "text"

    def __init__(self, doc: str = "") -> None:
        self.doc = doc

    def convert(self, node: Node, ctx: Context) -> str | None:
        return self.text_of(node, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string"}


class Slug(Text):
    label = "an id (a lowercase slug)"

    def convert(self, node: Node, ctx: Context) -> str | None:
        text = self.text_of(node, ctx)
        if text is None:
            return None
        if len(text) > SLUG_MAX or not SLUG.fullmatch(text):
            suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:SLUG_MAX]
            hint = f" (did you mean '{suggestion}'?)" if suggestion and suggestion != text else ""
            ctx.report(
                "bad-id",
                node,
                f"id {text!r} is not a slug: lowercase letters, digits and single hyphens, "
                f"at most {SLUG_MAX} characters{hint}",
            )
            return None
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{SLUG.pattern}$", "maxLength": SLUG_MAX}


class Enum(Text):
    def __init__(self, *values: str, doc: str = "") -> None:
        self.values = values
        self.doc = doc

    def convert(self, node: Node, ctx: Context) -> str | None:
        text = self.text_of(node, ctx)
        if text is None:
            return None
        if text not in self.values:
            ctx.report(
                "bad-value",
                node,
                f"{text!r} is not allowed{ctx.did_you_mean(text, self.values)}; "
                f"allowed: {', '.join(self.values)}",
            )
            return None
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.values)}


class Email(Text):
    label = "an email address"

    def convert(self, node: Node, ctx: Context) -> str | None:
        text = self.text_of(node, ctx)
        if text is not None and not _EMAIL.fullmatch(text):
            ctx.report("bad-value", node, f"{text!r} is not an email address (name@example.org)")
            return None
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "email"}


class Currency(Text):
    label = "an ISO 4217 currency code"

    def convert(self, node: Node, ctx: Context) -> str | None:
        text = self.text_of(node, ctx)
        if text is not None and not _CURRENCY.fullmatch(text):
            ctx.report(
                "bad-value", node, f"{text!r} is not an ISO 4217 currency code (e.g. CHF, USD)"
            )
            return None
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[A-Z]{3}$"}


@lru_cache(maxsize=1 << 14)  # records share their dates: parse each once, keep one object
def _date_of(text: str) -> date | str:
    """The date ``text`` names, or why it names none."""
    match = _DATE.fullmatch(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as error:
            return f"{text!r} is not a real date: {error}"
    return f"{text!r} is not a date; write YYYY-MM-DD, e.g. 2026-03-10"


class Date(Kind):
    label = "a date (YYYY-MM-DD)"

    def __init__(self, doc: str = "") -> None:
        self.doc = doc

    def convert(self, node: Node, ctx: Context) -> date | None:
        if not isinstance(node, Scalar):
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        value = _date_of(node.value)
        if isinstance(value, str):
            ctx.report("bad-date", node, value)
            return None
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


class Time(Kind):
    label = 'a time ("HH:MM", 24 h)'

    def __init__(self, doc: str = "") -> None:
        self.doc = doc

    def convert(self, node: Node, ctx: Context) -> str | None:
        if not isinstance(node, Scalar):
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        value = node.value
        match = _TIME.fullmatch(value)
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return _shared(value)
        loose = _LOOSE_TIME.fullmatch(value)
        hint = ""
        if loose and int(loose[1]) < 24 and int(loose[2]) < 60:
            hint = f' (did you mean "{int(loose[1]):02d}:{loose[2]}"?)'
        elif match and int(match[1]) >= 24:
            hint = "; hours run from 00 to 23"
        ctx.report("bad-time", node, f'{value!r} is not a time; write "HH:MM" (24 h){hint}')
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}


# Names people write that the tz database does not have: it names a zone after
# one city, so Geneva, where most ITU-T events are held, is Europe/Zurich.
ZONE_MISTAKES = {
    "Europe/Geneva": "Europe/Zurich",
    "Europe/Bern": "Europe/Zurich",
    "Asia/New_Delhi": "Asia/Kolkata",
    "Asia/Beijing": "Asia/Shanghai",
    "America/Washington": "America/New_York",
}


@cache
def timezone_names() -> frozenset[str]:
    import zoneinfo  # only converting a file needs it: a run from the cache does not

    names = {name for name in zoneinfo.available_timezones() if "/" in name}
    return frozenset(name for name in names if not name.startswith(("Etc/", "SystemV/"))) | {"UTC"}


_ABBREVIATION = re.compile(r"[A-Z]{2,5}|(GMT|UTC)\s*[+-]\s*[0-9]{1,2}(:?[0-9]{2})?", re.ASCII)


class Timezone(Text):
    label = "an IANA time zone name"

    def convert(self, node: Node, ctx: Context, record: Mapping | None = None) -> str | None:
        """The zone; ``record``, the mapping the value is in, names the venue's country
        that a wrong name is answered with (EAT in Kenya: Africa/Nairobi)."""
        text = self.text_of(node, ctx)
        if text is None:
            return None
        names = timezone_names()
        if text not in names:
            from wsg import zones

            known = ZONE_MISTAKES.get(text)
            country_zones = zones.suggestion(_venue_country(record))
            if _ABBREVIATION.fullmatch(text):
                what = "an abbreviation or a UTC offset, not an IANA time zone name"
                hint = (
                    f"; {country_zones}"
                    if country_zones
                    else "; write the zone of the venue's city, e.g. Europe/Zurich for Geneva"
                )
            else:
                what = "not an IANA time zone name such as Europe/Zurich"
                if known:
                    hint = f" (did you mean '{known}'?)"
                elif country_zones:
                    hint = f"; {country_zones}"
                else:
                    hint = ctx.did_you_mean(text, names)
            ctx.report("bad-timezone", node, f"{text!r} is {what}{hint}")
            return None
        return text

    def json_schema(self) -> dict[str, Any]:
        # Area/Location (or UTC): rejects abbreviations such as CET or GMT+2 without
        # freezing this machine's tz database into the schema
        return {"type": "string", "pattern": r"^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$"}


class Country(Text):
    label = "an ISO 3166-1 alpha-2 country code"

    def convert(self, node: Node, ctx: Context) -> str | None:
        if isinstance(node, Scalar) and yaml_type(node) == "boolean":
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        if not isinstance(node, Scalar) or is_null(node):
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        return check_country(node.value, node, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[A-Z]{2}$"}


def _venue_country(record: Mapping | None) -> str | None:
    venue = record.get("venue") if record is not None else None
    country = venue.get("country") if isinstance(venue, Mapping) else None
    return country.value if isinstance(country, Scalar) else None


def check_country(code: str, node: Node, ctx: Context) -> str | None:
    reference = load_reference()
    if reference.is_iso(code):
        return _shared(code)
    if reference.is_iso(code.upper()):
        hint = f" (did you mean '{code.upper()}'? codes are upper case)"
    else:
        hint = country_hint(code, ctx)
    ctx.report("bad-country", node, f"{code!r} is not an ISO 3166-1 alpha-2 country code{hint}")
    return None


def country_hint(text: str, ctx: Context) -> str:
    """`` (did you mean 'GB' (United Kingdom …)?)`` for a name, alias or wrong code.

    ``UK`` suggests GB, ``Kenya`` KE, ``Cote d'Ivoire`` CI, ``Turkey`` TR; while the file's
    allowance of suggestions lasts (see ``Context.did_you_mean``).
    """
    if ctx.suggestions <= 0:
        return ""
    ctx.suggestions -= 1
    reference = load_reference()
    codes = reference.suggest(text)
    if not codes:
        return ""
    named = " or ".join(f"'{code}' ({reference.name(code)})" for code in codes)
    return f" (did you mean {named}?)"


class Language(Text):
    label = "an ISO 639-1 language code"

    def convert(self, node: Node, ctx: Context) -> str | None:
        text = self.text_of(node, ctx)
        if text is None:
            return None
        languages = load_reference().languages
        if text not in languages:
            hint = (
                f" (did you mean '{text.lower()}'?)"
                if text.lower() in languages
                else ctx.did_you_mean(text, languages)
            )
            ctx.report("bad-language", node, f"{text!r} is not an ISO 639-1 language code{hint}")
            return None
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[a-z]{2}$"}


class Url(Text):
    label = "an https:// URL"

    def convert(self, node: Node, ctx: Context) -> str | None:
        text = self.text_of(node, ctx)
        if text is None:
            return None
        from urllib.parse import urlsplit  # imported on the first URL, then looked up

        try:
            parts = urlsplit(text)
            valid = parts.scheme in ("https", "http") and bool(parts.hostname)
        except ValueError:
            valid = False
        if not valid or _URL_BREAK.search(text):
            ctx.report(
                "bad-url", node, f"{text!r} is not an absolute https:// URL (https://www.itu.int/…)"
            )
            return None
        if parts.scheme == "http":
            ctx.report(
                "insecure-url", node, f"{text!r} uses http://; use https://{text[len('http://') :]}"
            )
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https?://"}


class Count(Kind):
    """A whole number, zero or more."""

    label = "a whole number"

    def __init__(self, doc: str = "", whole: bool = True) -> None:
        self.doc = doc
        self.whole = whole
        if not whole:
            self.label = "a number"

    def convert(self, node: Node, ctx: Context) -> Any:
        kind = yaml_type(node)
        if kind != "integer" and (self.whole or kind != "number"):
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        assert isinstance(node, Scalar)
        text = node.value
        try:  # YAML 1.2: 007 is seven; only 0o and 0x change the base
            base = 0 if text[:2] in ("0o", "0x") else 10
            value: int | float = float(text) if kind == "number" else int(text, base)
        except ValueError:  # .inf, .nan, or more digits than Python converts
            value = float("inf")
        if isinstance(value, float) and not math.isfinite(value):
            shown = text if len(text) <= 20 else f"{text[:20]}… ({len(text):,} characters)"
            ctx.report("bad-number", node, f"{shown} is infinite or too large for an amount")
            return None
        if value < 0:
            ctx.report(
                "bad-number", node, f"{node.value} is negative; a count or amount is 0 or more"
            )
            return None
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer" if self.whole else "number", "minimum": 0}


class Bool(Kind):
    label = "true or false"

    def __init__(self, doc: str = "") -> None:
        self.doc = doc

    def convert(self, node: Node, ctx: Context) -> bool | None:
        if yaml_type(node) != "boolean":
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        assert isinstance(node, Scalar)
        return node.value.lower() == "true"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class ListOf(Kind):
    def __init__(self, item: Kind, doc: str = "", min_items: int = 0) -> None:
        self.item = item
        self.doc = doc
        self.min_items = min_items
        self.label = "a list"

    def convert(self, node: Node, ctx: Context) -> list[Any] | None:
        items = self.convert_items(node, ctx)
        return None if items is None else [value for value, _ in items]

    def convert_items(self, node: Node, ctx: Context) -> list[tuple[Any, Node]] | None:
        if not isinstance(node, Sequence):
            example = " such as [sg16, sg17]" if isinstance(self.item, Text) else ""
            ctx.report("wrong-type", node, f"expected a list{example}, found {describe(node)}")
            return None
        converted = []
        for item in node.items:
            value = self.item.convert(item, ctx)
            if value is not None:
                converted.append((value, item))
        return converted

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


class CountByCountry(Kind):
    """A mapping of country code to a count, as in ``by_country: {KE: 12}``."""

    label = "a mapping of country codes to counts"

    def __init__(self, doc: str = "") -> None:
        self.doc = doc
        self.count = Count()

    def convert(self, node: Node, ctx: Context) -> dict[str, int] | None:
        if not isinstance(node, Mapping):
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        result: dict[str, int] = {}
        for key, value in node.pairs:
            code = check_country(key.value, key, ctx)
            count = self.count.convert(value, ctx)
            if code is not None and count is not None:
                result[code] = count
        return result

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Z]{2}$"},
            "additionalProperties": {"type": "integer", "minimum": 0},
        }


class SeverityMap(Kind):
    """``policy.severity``: rule id -> error | warning | info | off."""

    label = "a mapping of rule ids to severities"
    levels = ("error", "warning", "info", "off")

    def __init__(self, doc: str = "") -> None:
        self.doc = doc

    def convert(self, node: Node, ctx: Context) -> dict[str, str] | None:
        from wsg.rules import FILE_RULES, RULES  # the registry imports kinds: import late

        if not isinstance(node, Mapping):
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        result: dict[str, str] = {}
        level_kind = Enum(*self.levels)
        for key, value in node.pairs:
            rule = key.value
            if rule not in RULES:
                hint = ctx.did_you_mean(rule, RULES)
                ctx.report("bad-value", key, f"no rule is called {rule!r}{hint}")
                continue
            if rule in FILE_RULES:
                ctx.report(
                    "bad-value", key, f"{rule!r} is a file-level rule; its severity cannot change"
                )
                continue
            level = level_kind.convert(value, ctx)
            if level is not None:
                result[rule] = level
        return result

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": {"enum": list(self.levels)}}


Required = bool | Callable[[Mapping], bool]


@cache
def _place(line: int, column: int, key_line: int, key_column: int) -> Place:
    """One tuple for each place, however many records share it: files repeat their layout."""
    return (line, column, key_line, key_column)


@dataclass
class Field:
    name: str
    kind: Kind
    doc: str = ""
    required: Required = False

    def is_required(self, mapping: Mapping) -> bool:
        required = self.required
        return required(mapping) if callable(required) else required


@dataclass
class Record(Kind):
    """A mapping with known keys, converted into a model object."""

    title: str
    factory: Callable[..., Any]
    fields: list[Field]
    doc: str = ""
    only_in: dict[str, str] = field(default_factory=dict)  # key -> why it is not allowed here
    by_name: dict[str, Field] = field(init=False)
    requirable: list[Field] = field(init=False)  # the fields that may be required

    def __post_init__(self) -> None:
        self.by_name = {f.name: f for f in self.fields}
        self.requirable = [f for f in self.fields if f.required]
        self.label = f"a mapping ({self.title})"

    def convert(self, node: Node, ctx: Context, at: Node | None = None) -> Any:
        if not isinstance(node, Mapping):
            ctx.report("wrong-type", node, f"expected {self.label}, found {describe(node)}")
            return None
        values: dict[str, Any] = {}
        places: dict[str, Place] = {}
        by_name = self.by_name
        for key, value in node.pairs:
            name = key.value
            spec = by_name.get(name)
            if spec is None:
                why = self.only_in.get(name)
                if why:
                    ctx.report("unknown-field", key, why)
                else:
                    ctx.report(
                        "unknown-field",
                        key,
                        f"unknown key {name!r} in {self.title}{ctx.did_you_mean(name, by_name)}",
                    )
                continue
            name = spec.name  # the same text, one string for every record
            if type(value) is Scalar and value.plain and value.value in NULLS:  # is_null, inline
                places[name] = _place(0, 0, key.line, key.column)
                if spec.is_required(node):
                    ctx.report("missing-field", key, f"{name!r} is required and has no value")
                continue
            places[name] = _place(value.line, value.column, key.line, key.column)
            kind = spec.kind
            if isinstance(kind, ListOf):
                items = kind.convert_items(value, ctx)
                if items is None:
                    continue
                for index, (_, item) in enumerate(items):
                    places[f"{name}.{index}"] = _place(item.line, item.column, 0, 0)
                converted: Any = [item_value for item_value, _ in items]
                if len(converted) < kind.min_items and len(items) == len(value.items):  # type: ignore[attr-defined]
                    ctx.report("missing-field", value, f"{name!r} needs at least {kind.min_items}")
            elif isinstance(kind, Record):
                converted = kind.convert(value, ctx, at=key)
            elif isinstance(kind, Timezone):
                converted = kind.convert(value, ctx, node)
            elif isinstance(kind, CountByCountry):
                converted = kind.convert(value, ctx)
                if isinstance(value, Mapping):
                    for k, v in value.pairs:
                        places[f"{name}.{k.value}"] = _place(v.line, v.column, 0, 0)
            else:
                converted = kind.convert(value, ctx)
            if converted is not None:
                values[name] = converted
        present = node.index
        for spec in self.requirable:
            if spec.name not in present and spec.is_required(node):
                where = at if at is not None else node
                ctx.report(
                    "missing-field",
                    where,
                    f"{self.title} needs {spec.name!r}" + (f": {spec.doc}" if spec.doc else ""),
                )
        return self.factory(
            file=ctx.file,
            line=node.line,
            column=node.column,
            places=places,
            **values,
        )

    def json_schema(self) -> dict[str, Any]:
        properties = {}
        for spec in self.fields:
            schema = spec.kind.json_schema()
            description = spec.doc or spec.kind.doc
            if description:
                schema = {"description": description, **schema}
            properties[spec.name] = schema
        required = [f.name for f in self.fields if f.required is True]
        result: dict[str, Any] = {"type": "object", "title": self.title}
        if self.doc:
            result["description"] = self.doc
        result["properties"] = properties
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result
