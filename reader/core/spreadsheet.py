"""CSV cells a spreadsheet shows as text, never runs as a formula.

An imported annotation, a teammate's source name or a feed's title can begin with a
formula's sign ("=HYPERLINK(…)", "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)"); every CSV Reader
writes (exports, statistics, the analysis screen's tables) passes its cells through here.
"""

from __future__ import annotations

import re
from typing import Any

_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: one beginning with a formula's sign gets
    an apostrophe first (OWASP's advice; a spreadsheet hides it), a number stays a number."""
    if isinstance(value, str) and value.startswith(_FORMULA_LEADS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
