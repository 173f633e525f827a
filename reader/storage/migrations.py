"""Schema versions of the database file and the steps that bring an old file up to date.

The file's `meta` record carries `schema`. Opening a file of an older schema migrates it
(after the store has kept a backup of the original); a file of a newer schema is refused.
Each step takes the decoded JSON (plain dicts and lists) of version N and returns version
N+1; steps never drop data.

History:
- 1: the first release (0.1.0).
- 2: annotations carry `orphaned` (false unless the passage was lost when the article's
  text changed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 2

Data = dict[str, Any]


def _v1_to_v2(data: Data) -> Data:
    for doc in (data.get("annotations") or {}).values():
        if isinstance(doc, dict):
            doc.setdefault("orphaned", False)
    return data


STEPS: dict[int, Callable[[Data], Data]] = {1: _v1_to_v2}


def schema_of(data: Data) -> int | None:
    """The schema version recorded in decoded data, if any."""
    if not isinstance(data, dict):
        return None
    meta = data.get("meta")
    if not isinstance(meta, dict) or not meta:
        return None
    record = next(iter(meta.values()))
    version = record.get("schema") if isinstance(record, dict) else None
    return version if isinstance(version, int) else None


def migrate(data: Data) -> Data:
    """`data` brought from its schema to `SCHEMA_VERSION`, step by step."""
    version = schema_of(data)
    if version is None:
        raise ValueError("the file has no schema version")
    while version < SCHEMA_VERSION:
        data = STEPS[version](data)
        version += 1
        meta_record = next(iter(data["meta"].values()))
        meta_record["schema"] = version
    return data
