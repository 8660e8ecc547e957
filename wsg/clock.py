"""What "today" is: --today, else WSG_TODAY, else the calendar (so CI runs are reproducible)."""

from __future__ import annotations

import os
from datetime import date

from wsg.errors import WsgError


def parse_date(text: str, what: str = "date") -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise WsgError(f"{what} {text!r} is not a date; write YYYY-MM-DD") from None


def resolve_today(value: str | None) -> date:
    if value:
        return parse_date(value, "--today")
    from_env = os.environ.get("WSG_TODAY")
    if from_env:
        return parse_date(from_env, "WSG_TODAY")
    return date.today()
