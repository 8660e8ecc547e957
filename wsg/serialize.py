"""Model objects as plain JSON-ready data, in FORMAT.md's key order.

Public output never carries a person's ``email``: it is private by FORMAT.md.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from wsg.model import PLACE_FIELDS, Person


def to_data(value: Any, public: bool = True) -> Any:
    names = _data_fields(type(value), public)
    if names is not None:
        result: dict[str, Any] = {}
        for name in names:
            item = getattr(value, name)
            if item is None or item == [] or item == {}:
                continue
            result[name] = to_data(item, public)
        return result
    if isinstance(value, list):
        return [to_data(item, public) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item, public) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


_FIELDS: dict[tuple[type, bool], tuple[str, ...] | None] = {}


def _data_fields(cls: type, public: bool) -> tuple[str, ...] | None:
    """The fields of a model class that are data, in order; None for any other type."""
    key = (cls, public)
    if key not in _FIELDS:
        names = None
        if is_dataclass(cls):
            private = {"email"} if public and issubclass(cls, Person) else set()
            names = tuple(f.name for f in fields(cls) if f.name not in PLACE_FIELDS | private)
        _FIELDS[key] = names
    return _FIELDS[key]
