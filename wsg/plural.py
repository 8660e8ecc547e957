"""A count and its noun, as every message and report says it: ``1 day``, ``2 days``."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """``count`` followed by ``noun``, singular for exactly one (``0 days``, ``1 day``).

    Only regular nouns (an added ``s``): every noun the messages count is one.
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
