"""The author a page names in a byline line at the top of its story ("By Maya Chen and Luis
Ortiz"), for a page whose markup names none (a page saved from a browser, often)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_NAME = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|van|von|da|di|du|la|le|bin|al))*"
# "By Maya Chen", "By Maya Chen and Luis Ortiz", "By Maya Chen, Luis Ortiz and Ana Pérez",
# "By Maya Chen | The Canadian Press" (the outlet after a bar or dash is not the author)
_BYLINE = re.compile(
    rf"^\s*By\s+(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?)"
    r"\s*(?:$|[|·•—–-]\s)"
)
_TOP_BLOCKS = 8
_BYLINE_MOST = 100  # characters


def bylined_author(texts: Sequence[str]) -> str:
    """The names of the first byline among the story's first short blocks, "" if none."""
    for text in texts[:_TOP_BLOCKS]:
        line = text.strip().split("\n")[0]
        if len(line) > _BYLINE_MOST:
            continue
        found = _BYLINE.match(line)
        if found:
            return " ".join(found.group("names").split())
    return ""


def is_byline(line: str) -> bool:
    """Whether a short line is a byline and nothing more ("By Maya Chen and Luis Ortiz",
    "By Maya Chen | The Canadian Press"), not a sentence that opens with "By"."""
    line = line.strip()
    if len(line) > _BYLINE_MOST or "\n" in line:
        return False
    found = _BYLINE.match(line)
    if found is None:
        return False
    rest = line[found.end() :].strip()
    return len(rest.split()) <= 4  # (an outlet after the bar: "The Canadian Press")


# What a page's author metadata holds besides the authors' names, as trafilatura joins its
# parts with "; ": the kind of piece before "by", the outlet after a name, a role.
_KIND_BY = re.compile(
    r"^\s*(?:analysis|opinion|commentary|review|column|perspective|story|text|words)\s+by\s+",
    re.IGNORECASE,
)
_AGENCY_AFTER = re.compile(
    r"\s*,?\s+(?:the\s+)?(?:associated\s+press|canadian\s+press|reuters|afp|ap)\s*$",
    re.IGNORECASE,
)
NOT_A_NAME = re.compile(
    r"\b(?:writer|writers|editor|editor-at-large|reporter|correspondent|columnist|staff"
    r"|contributor|contributors|producer|media|press|news|business|magazine|newspaper"
    r"|nast|wire|desk"
    # an outlet's name after the reporter's ("By Sarah Whitfield, Valley Courier"): the
    # words newspapers are named by, none of them a common surname (not Post, Sun, Star)
    r"|courier|herald|times|gazette|tribune|journal|chronicle|telegraph|observer|examiner"
    r"|inquirer|sentinel|dispatch|bulletin|globe|daily)\b",
    re.IGNORECASE,
)


def cleaned_author(author: str, *sites: str) -> str:
    """The names in a page's author metadata, without what else it joins to them
    ("Analysis by Chris Cillizza; CNN Editor-at-large" -> "Chris Cillizza", "Tom Krisher;
    Ap Auto Writer" -> "Tom Krisher", "Jill Disis; CNN Business" -> "Jill Disis", "Sarah
    Whitfield; Valley Courier" on valleycourier.com -> "Sarah Whitfield": the outlet, by
    any of `sites`, its name or its host); the metadata as it is when no name would be left."""
    site_keys = [key for key in (re.sub(r"\W+", "", site).casefold() for site in sites) if key]
    names = []
    for part in _KIND_BY.sub("", author).split(";"):
        part = _AGENCY_AFTER.sub("", part).strip()
        key = re.sub(r"\W+", "", part).casefold()
        if not part or NOT_A_NAME.search(part) or (key and any(key in s for s in site_keys)):
            continue
        names.append(part)
    return "; ".join(names) if names else author
