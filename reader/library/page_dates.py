"""The date a web page was published, only as the page states it.

trafilatura asks htmldate for the date, whose "extensive" search falls back, when the page
states no date it can read, on a year alone (a copyright line: "© The Harbour Herald 2026"),
given as that year's first of January: a day the page never stated, which then stood in
citations. Here the date is, in order of trust: one the page's markup states (meta tags,
`<time>`, its address), a dated line at the top of the story ("Published 6:30 a.m. Nov. 5,
2026"), else what the extensive search read in the text, unless it is that year-only guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"),  # Nov. 5, 2026
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+{_YEAR}\b"),  # 5 November 2026
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),  # 2026-11-05
)
_PUBLISHED = re.compile(r"\b(?:published|posted|publié|first published)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|mis à jour)\b", re.IGNORECASE)
_DATE_LINE_MOST = 120  # characters: a dateline or byline, not a paragraph of the story
_TOP_BLOCKS = 8  # where a story states its date: among its first blocks


def stated_date(line: str) -> str | None:
    """The first whole date (year, month and day) a line states, as YYYY-MM-DD."""
    for pattern in _DATES:
        for found in pattern.finditer(line):
            month = found.group("month")
            number = int(month) if month.isdigit() else _MONTHS[month[:3].casefold()]
            try:
                return date(int(found.group("year")), number, int(found.group("day"))).isoformat()
            except ValueError:
                continue  # "Feb. 30": no such day
    return None


def dated_line(texts: Sequence[str]) -> str | None:
    """The date a short line at the top of the story states: a "Published" one first, else
    the first that is not an "Updated" one."""
    lines = [t for t in texts[:_TOP_BLOCKS] if len(t) <= _DATE_LINE_MOST]
    for line in lines:
        if _PUBLISHED.search(line):
            # "Published 6:30 a.m. Nov. 5, 2026 | Updated 9:10 a.m.": the part before "Updated"
            found = stated_date(_UPDATED.split(line)[0])
            if found:
                return found
    for line in lines:
        if not _UPDATED.search(line):
            found = stated_date(line)
            if found:
                return found
    return None


def published_date(tree: Any, texts: Sequence[str], url: str | None = None) -> str:
    """The page's date (see the module docstring): `texts` are the story's blocks, `url` the
    page's address as its metadata gives it; "" when none is stated. The extensive search
    runs last and only when nothing else gave a date: its first use in a process costs
    two seconds (dateparser builds its patterns for some 200 languages)."""
    from htmldate import find_date  # trafilatura's own dependency

    marked = _find_date(find_date, tree, extensive_search=False)
    if marked:
        return marked
    stated = dated_line(texts)
    if stated:
        return stated
    extensive = _find_date(find_date, tree, extensive_search=True, url=url)
    if extensive.endswith("-01-01"):
        return ""  # a year alone, read as its first of January: a day no one stated
    return extensive


def _latest_day() -> str:
    """The latest day a page can be dated: tomorrow in UTC. The reader's own today had a
    page dated on its publisher's side of midnight ("tomorrow" west of it) refused, and
    htmldate then fell back to the month's first day, in every citation."""
    return (datetime.now(UTC) + timedelta(days=1)).date().isoformat()


def _find_date(find_date: Any, tree: Any, **options: Any) -> str:
    """htmldate's date for the page, as trafilatura asks for it; "" for none."""
    try:
        found = find_date(tree, original_date=True, max_date=_latest_day(), **options)
    except Exception:  # htmldate on a hostile tree: no date, never a failed add
        found = None
    return str(found) if found else ""


# What a date line holds besides its date: "Published 9:15 a.m. Nov. 5, 2025 | Updated …".
_DATE_LINE_WORDS = re.compile(
    r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\b(?:published|posted|updated|modified|last|first"
    r"|on|at|et|est|edt|pt|pst|pdt|gmt|utc|bst|cet|mon|tue|wed|thu|fri|sat|sun|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)\b\.?|[|·•,—–-]",
    re.IGNORECASE,
)


def is_date_line(line: str) -> bool:
    """Whether a short line holds a date and nothing else a reader needs ("Published 9:15
    a.m. Nov. 5, 2025 | Updated 10:02 a.m."), not a sentence that names a date."""
    if len(line) > _DATE_LINE_MOST or stated_date(line) is None:
        return False
    rest = line
    for pattern in _DATES:
        rest = pattern.sub(" ", rest)
    return not _DATE_LINE_WORDS.sub(" ", rest).split()
