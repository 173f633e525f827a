"""Schema versions of the database file and the steps that bring an old file up to date.

The file's `meta` record carries `schema`. Opening a file of an older schema migrates it
(after the store has kept a backup of the original); a file of a newer schema is refused.
Each step takes the decoded JSON (plain dicts and lists) of version N and returns version
N+1; steps never drop data.

History:
- 1: the first release (0.1.0).
- 2: annotations carry `orphaned` (false unless the passage was lost when the article's
  text changed).
- 3: annotations carry `kind` (`quotation` or `passage`: worked out from the quote marks
  in the context kept around each passage); themes carry their quick `key` (1-9: the nine
  most used themes get them, in order of use); `meta` keeps `last_tag` (the source and
  themes of the newest annotation), so that `.` repeats it after a restart.
- 4: changes between folds live in a journal beside the file (`.reader.json.journal`);
  `meta` counts the file's `generation`, which the journal names. An older Reader would
  ignore the journal and lose its changes, so it must refuse the file: hence a new schema.
- 5: annotations carry `coder` (who made or last edited them). Existing annotations get ""
  (unknown coder; `reader recode --from "" --to NAME` names them). An older Reader would
  drop the field when it rewrites the file, so it must refuse it: hence a new schema.
- 6: a `deleted` table remembers when each annotation was deleted (its id and the time),
  so that importing a file that still holds it does not bring it back. An older Reader
  would drop the table when it rewrites the file: hence a new schema.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from reader.core.codebook import name_key
from reader.core.records import QUICK_KEYS, kind_of

SCHEMA_VERSION = 6

Data = dict[str, Any]


def _v1_to_v2(data: Data) -> Data:
    for doc in (data.get("annotations") or {}).values():
        if isinstance(doc, dict):
            doc.setdefault("orphaned", False)
    return data


def _v2_to_v3(data: Data) -> Data:
    annotations = [d for d in (data.get("annotations") or {}).values() if isinstance(d, dict)]
    usage: Counter[str] = Counter()
    for doc in annotations:
        if "kind" not in doc:
            prefix, quote, suffix = (str(doc.get(k) or "") for k in ("prefix", "quote", "suffix"))
            doc["kind"] = kind_of(prefix + quote + suffix, len(prefix), len(prefix) + len(quote))
        themes = doc.get("themes")
        if isinstance(themes, list):
            usage.update(name_key(t) for t in themes if isinstance(t, str))
    entries = [d for d in (data.get("themes") or {}).values() if isinstance(d, dict)]
    ranked = sorted(
        (d for d in entries if isinstance(d.get("name"), str) and usage[name_key(d["name"])]),
        key=lambda d: (-usage[name_key(d["name"])], name_key(d["name"])),
    )
    for entry in entries:
        entry.setdefault("key", 0)
    for key, entry in zip(QUICK_KEYS, ranked, strict=False):
        entry["key"] = key
    meta = next(iter(data["meta"].values()))
    dated = [d for d in annotations if isinstance(d.get("updated"), str)]
    if dated and "last_tag" not in meta:
        newest = max(dated, key=lambda d: d["updated"])
        themes = newest.get("themes")
        meta["last_tag"] = {
            "source": newest.get("source") if isinstance(newest.get("source"), str) else None,
            "themes": [t for t in themes if isinstance(t, str)] if isinstance(themes, list) else [],
        }
    return data


def _v3_to_v4(data: Data) -> Data:
    meta = next(iter(data["meta"].values()))
    meta.setdefault("generation", 0)
    return data


def _v4_to_v5(data: Data) -> Data:
    for doc in (data.get("annotations") or {}).values():
        if isinstance(doc, dict):
            doc.setdefault("coder", "")
    return data


def _v5_to_v6(data: Data) -> Data:
    if not isinstance(data.get("deleted"), dict):
        data["deleted"] = {}
    return data


STEPS: dict[int, Callable[[Data], Data]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
}


def schema_of(data: Data) -> int | None:
    """The schema version recorded in decoded data, if any."""
    if not isinstance(data, dict):
        return None
    meta = data.get("meta")
    if not isinstance(meta, dict) or not meta:
        return None
    record = next(iter(meta.values()))
    version = record.get("schema") if isinstance(record, dict) else None
    # (a schema of 0 or less was written by no Reader: no version, so refused in one line;
    # it raised a KeyError looking for the step from it)
    return version if type(version) is int and version >= min(STEPS, default=1) else None


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
