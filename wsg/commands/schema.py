"""``wsg schema``: the JSON Schema of a record kind, for editors (yaml-language-server)."""

from __future__ import annotations

import json
from typing import TextIO

from wsg.errors import WsgError
from wsg.kinds import did_you_mean
from wsg.schema import RECORDS, json_schema


def run(kind: str, out: TextIO) -> int:
    if kind not in RECORDS:
        raise WsgError(
            f"unknown record kind {kind!r}{did_you_mean(kind, RECORDS)}; "
            f"choose one of {', '.join(RECORDS)}"
        )
    out.write(json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n")
    return 0
