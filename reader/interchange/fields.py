"""Reading the fields of an imported file as hostile input: checked, bounded, one-line errors.

Every importer reads its records through these helpers, so that a value of the wrong type
(`"start": true`, a list for a name, NaN) refuses that one record with a reason, never
raises a traceback and never reaches the database. Whole-file troubles (not JSON, nested a
million deep, too big) are an `ImportFileError` naming the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

MAX_FILE_BYTES = 200 * 1024 * 1024  # an export of 100,000 annotations is about 60 MB
MAX_TEXT = 1_000_000  # characters of any one field (a quote, a note, a name)


class ImportFileError(Exception):
    """A file that cannot be imported; the message is one line for the user."""


class BadRecord(ValueError):
    """One record of a file that cannot be imported; the message says which field and why."""


_MAX_DIGITS = 100  # a position, a count, a key: never near this


def load_json(data: str, name: str) -> Any:
    """The JSON value of `data`: strict (no NaN or Infinity), depth-bounded, one-line errors."""

    def refuse_constant(constant: str) -> Any:
        raise ValueError(f"{constant} is not a JSON number")

    def bounded_int(digits: str) -> int:
        if len(digits) > _MAX_DIGITS:  # (Python's own refusal names a function to call)
            raise ValueError(f"a number of {len(digits):,} digits, which no export holds")
        return int(digits)

    try:
        return json.loads(data, parse_constant=refuse_constant, parse_int=bounded_int)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"{name}: not JSON ({error.msg}, line {error.lineno})") from None
    except ValueError as error:
        raise ImportFileError(f"{name}: not JSON ({error})") from None
    except RecursionError:
        raise ImportFileError(f"{name}: nested too deeply to be an export") from None


def clean_text(value: str) -> str:
    """`value` as text that can be stored: lone surrogates replaced, bounded in length."""
    return value[:MAX_TEXT].encode("utf-8", "replace").decode("utf-8")


def text(value: Any, field: str, default: str = "") -> str:
    """A text field: a string (or absent); numbers are taken as their digits."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadRecord(f"{field} is {_kind(value)}, not text")
    return clean_text(str(value))


def optional_name(value: Any, field: str) -> str | None:
    """A source name: a string, or absent."""
    name = text(value, field).strip()
    return name or None


def names(value: Any, field: str) -> tuple[str, ...]:
    """A list of names (themes): strings only."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (clean_text(value),)
    if not isinstance(value, list):
        raise BadRecord(f"{field} is {_kind(value)}, not a list of names")
    return tuple(text(item, field) for item in value)


def position(value: Any, field: str) -> int | None:
    """A character position: a whole number of 0 or more, or absent."""
    if value is None:
        return None
    if type(value) is not int:
        raise BadRecord(f"{field} is {_kind(value)}, not a position")
    if value < 0:
        raise BadRecord(f"{field} is {value}, a negative position")
    return value


def span(start: int | None, end: int | None) -> tuple[int | None, int | None]:
    """A passage's start and end, checked together: both or neither, start before end."""
    if (start is None) != (end is None):
        raise BadRecord("has a start without an end, or an end without a start")
    if start is not None and end is not None and end < start:
        raise BadRecord(f"ends ({end}) before it starts ({start})")
    return start, end


def records(value: Any, field: str, name: str) -> list[Any]:
    """A list of records; `ImportFileError` when the file has something else there."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportFileError(f"{name}: `{field}` is {_kind(value)}, not a list")
    return value


def record_id(record: Any) -> str:
    """A short label for a record in a message: its id when it has a usable one."""
    value = record.get("id") if isinstance(record, dict) else None
    if isinstance(value, str | int) and not isinstance(value, bool):
        return clean_text(str(value))[:80]
    return "(a record with no id)"


def summary(refused: Iterable[str], shown: int = 3) -> str:
    """Refused records as one line: the first few reasons and how many more."""
    reasons = list(refused)
    head = "; ".join(reasons[:shown])
    more = len(reasons) - shown
    return head + (f"; and {more} more" if more > 0 else "")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return f"the text {value[:20]!r}"
    if value is None:
        return "null"
    return type(value).__name__
