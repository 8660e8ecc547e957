"""Model objects as plain JSON-ready data, in FORMAT.md's key order.

Public output never carries a person's ``email``: it is private by FORMAT.md.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from wsg.model import Person

_PLACE = frozenset({"file", "line", "column", "locs", "key_locs"})


def to_data(value: Any, public: bool = True) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        result: dict[str, Any] = {}
        for spec in fields(value):
            if spec.name in _PLACE:
                continue
            if public and spec.name == "email" and isinstance(value, Person):
                continue
            item = getattr(value, spec.name)
            if item is None or item == [] or item == {}:
                continue
            result[spec.name] = to_data(item, public)
        return result
    if isinstance(value, list):
        return [to_data(item, public) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item, public) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value
