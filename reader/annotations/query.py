"""The search syntax: what a query asks for, parsed into words, filters and conditions.

- free words match anywhere (quote, source, themes, note, article title); every word must
  match;
- `source:`, `theme:`, `article:`, `note:`, `quote:` match one field; a value is one word
  or a quoted phrase (`source:"Doug King"`); `theme:policing` also finds
  `policing/oversight`; `source:=` and `theme:=` match the whole name, nothing more
  (`source:="Trump"` is not Donald Trump; `theme:=economy` is economy and the themes
  under it, not "green economy"), without case as the codebook and the matrix count
  names, a quote mark in one written `\\"`; `source:""` and `theme:""` (and
  `source:=""`) find annotations with no source or no theme (`-theme:""`: with one);
- `kind:quote` (or `quotation`) and `kind:passage` (or `paraphrase`);
- `coder:alice` (or `coder:"Ann Lee"`; `coder:""` for annotations of no known coder): the
  coder who made it, the whole name, without regard to case;
- `after:2026-01-01`, `before:2026-02`, `date:2026-01` on the date an annotation was
  made (a year, a month or a day): `after:` from its first day on, `before:` up to it;
- a leading `-` excludes: `-theme:sports`, `-kind:passage`, `-draft`.
While typing, the last word is also a beginning (`polic` finds `police`), until a space.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reader.core.codebook import name_key
from reader.core.coders import coder_key

if TYPE_CHECKING:
    from collections.abc import Iterator

    from reader.core.records import Annotation

QUOTE, NOTE, SOURCE, THEMES = 0, 1, 2, 3
TITLE = 4
FILTER_FIELDS = {
    "source": SOURCE,
    "theme": THEMES,
    "themes": THEMES,
    "article": TITLE,
    "title": TITLE,
    "note": NOTE,
    "quote": QUOTE,
}
KIND_WORDS = {
    "quote": "quotation",
    "quotes": "quotation",
    "quotation": "quotation",
    "quotations": "quotation",
    "passage": "passage",
    "passages": "passage",
    "paraphrase": "passage",
}
DATE_FIELDS = ("after", "before", "date")
_FIELD_WITH_SPACES = re.compile(r"(-?)([A-Za-z]+):(=?)([^\"\s][^\"]*\s[^\"]*)", re.DOTALL)


def shell_word(word: str) -> str:
    """One of a query's words as a shell gave it: `source:` with a name of capitalised
    words after it is that name whole, as if quoted (`source:"Lisa Tran"` typed in bash
    reaches Reader as the one word `source:Lisa Tran`, whose "Tran" was read as a word of
    its own and narrowed what `reader agree` compared). Anything else stays as it is: a
    whole query given as one word ("theme:trust -theme:cost") is words and fields."""
    found = _FIELD_WITH_SPACES.fullmatch(word.strip())
    if found is None or found.group(2).casefold() != "source":
        return word
    negated, label, whole, value = found.groups()
    if not all(part[:1].isupper() for part in value.split()):
        return word
    return f'{negated}{label}:{whole}"{value.strip()}"'


# Every field a query may name, as the hint for a misspelled one lists them.
FIELD_NAMES = ("source", "theme", "article", "note", "quote", "kind", "coder", *DATE_FIELDS)

_TOKEN = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_PART = re.compile(r'(-)?(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
# `source:=NAME` (a whole name): the field, and the name quoted or bare
_EXACT = re.compile(r'(-)?(\w+):=(?:"((?:[^"\\]|\\.)*)"?|(\S*))')
_ESCAPED = re.compile(r"\\(.)")  # `\"` and `\\` in a whole name in quote marks
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def fold_text(value: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a string ("François" -> "francois",
    "Warhol's" -> "warhol", "don't" -> "dont")."""
    value = _POSSESSIVE.sub("", value.casefold()).replace("'", "").replace("’", "")
    if value.isascii():
        return value
    return _COMBINING.sub("", unicodedata.normalize("NFKD", value))


def tokens(value: str) -> list[str]:
    """The folded words of a string, in order."""
    return _TOKEN.findall(fold_text(value))


def field_words(annotation: Annotation) -> Iterator[tuple[int, set[str]]]:
    """The words the search index holds of each field of `annotation`, lower-weighted
    fields first (a word's best field for an annotation is the one it takes last)."""
    yield NOTE, set(tokens(annotation.note))
    yield QUOTE, set(tokens(annotation.quote))
    yield THEMES, set(tokens(" ".join(annotation.themes)))
    yield SOURCE, set(tokens(annotation.source or ""))


def name_words(source: str) -> list[str]:
    """The folded words of a source that are written as names, with a capital: "Heather
    McPherson, a law professor" gives heather and mcpherson, not law. A source written
    all in lower case is all name."""
    written = _TOKEN.findall(_POSSESSIVE.sub("", source).replace("'", "").replace("’", ""))
    capitalised = [word for word in written if word[0].isupper()]
    if not capitalised:
        return tokens(source)
    return [folded for word in capitalised for folded in tokens(word)]


@dataclass(frozen=True)
class Query:
    """A parsed query (see the module docstring); words are folded.

    `terms` and `filters` must match; `excluded` and `excluded_filters` must not (each a
    phrase: `-theme:transit/fares` leaves out what holds both words, not every transit
    theme); `kind`
    keeps one kind, `not_kind` leaves one out; `after`/`before` bound the date made (ISO
    dates, `before` exclusive); `typing`: the last word is still being typed.
    """

    terms: tuple[str, ...] = ()
    filters: tuple[tuple[int, tuple[str, ...]], ...] = ()
    excluded: tuple[tuple[str, ...], ...] = ()
    excluded_filters: tuple[tuple[int, tuple[str, ...]], ...] = ()
    kind: str | None = None
    not_kind: str | None = None
    after: str | None = None
    before: str | None = None
    last_prefix: str | None = None  # the word that may be a beginning (while typing)
    coders: tuple[str, ...] = ()  # coder keys (`coders.coder_key`); any of them matches
    not_coders: tuple[str, ...] = ()
    # `source:""`, `theme:""`: fields that must be empty (`-theme:""`: must not be)
    empty_fields: tuple[int, ...] = ()
    filled_fields: tuple[int, ...] = ()
    # `source:=NAME`, `theme:=NAME`: (field, name key) the field must be exactly (a theme:
    # or under it); `-source:=NAME`: must not be
    exact: tuple[tuple[int, str], ...] = ()
    not_exact: tuple[tuple[int, str], ...] = ()
    # what was typed held no word search reads (emoji, marks): it matches nothing, where
    # an empty query matches everything (a family emoji listed every annotation)
    unsearchable: bool = False

    @property
    def empty(self) -> bool:
        return not (self.terms or self.filters or self.has_conditions)

    @property
    def has_conditions(self) -> bool:
        """Anything beyond words that must match: exclusions, a kind, dates."""
        return bool(
            self.excluded
            or self.excluded_filters
            or self.kind
            or self.not_kind
            or self.after
            or self.before
            or self.coders
            or self.not_coders
            or self.empty_fields
            or self.filled_fields
            or self.exact
            or self.not_exact
        )

    @property
    def reads_fields(self) -> bool:
        """Whether the query asks something of the source or themes that only the record
        itself answers (a field empty or filled, a whole name)."""
        return bool(self.empty_fields or self.filled_fields or self.exact or self.not_exact)


def field_value(value: str) -> str:
    """`value` written as a field's value in a query: bare when it is one word, else in
    quote marks (a quote mark inside cannot be written, and is left out)."""
    words = value.replace('"', "").split()
    joined = " ".join(words)
    return joined if len(words) == 1 else f'"{joined}"'


def _whole_names(text: str) -> tuple[str, list[tuple[bool, str, str]]]:
    """The text without its `source:=NAME` and `theme:=NAME` parts (blanks in their place,
    so that places stay), and those parts: (negated, field name, name as typed). The text
    is read a part at a time, as `parse_query` reads it: `quote:"… source:=X"` is a phrase,
    and `a-source:=X` a word."""
    found: list[tuple[bool, str, str]] = []
    kept: list[str] = []
    at = 0
    while at < len(text):
        if text[at].isspace():
            kept.append(text[at])
            at += 1
            continue
        whole = _EXACT.match(text, at)
        label = whole.group(2).casefold() if whole else ""
        if whole and label in ("source", "theme", "themes"):
            quoted = whole.group(3)
            name = _ESCAPED.sub(r"\1", quoted) if quoted is not None else whole.group(4)
            found.append((bool(whole.group(1)), "theme" if label == "themes" else label, name))
            kept.append(" " * (whole.end() - at))
            at = whole.end()
            continue
        part = _PART.match(text, at)
        end = part.end() if part and part.end() > at else at + 1
        kept.append(text[at:end])
        at = end
    return "".join(kept), found


ARTICLE_LABELS = frozenset({"article", "title"})
CODE_LABELS = frozenset({"source", "theme", "themes"})


def query_parts(text: str) -> list[tuple[str, str]]:
    """Each part of a query as (its field, folded: "" for words; the part as typed):
    what `split_query` sorts."""
    rest, whole = _whole_names(text)
    parts = [
        (label, f"{'-' if negated else ''}{label}:={whole_name(name)}")
        for negated, label, name in whole
    ]
    for match in _PART.finditer(rest):
        typed = match.group(0).strip()
        if typed:
            parts.append(((match.group(2) or "").casefold(), typed))
    return parts


def split_query(text: str) -> tuple[str, str, str]:
    """A query as what an agreement reads it for, as NVivo's coding comparison chooses
    (its files, its codes): the parts that choose articles (`article:`, `title:`), those
    that choose codes (`source:`, `theme:`), and the rest, which choose the annotations
    compared (words, `kind:`, dates, `note:`, `quote:`)."""
    articles: list[str] = []
    codes: list[str] = []
    rest: list[str] = []
    for label, typed in query_parts(text):
        (articles if label in ARTICLE_LABELS else codes if label in CODE_LABELS else rest).append(
            typed
        )
    return " ".join(articles), " ".join(codes), " ".join(rest)


def parse_query(text: str, typing: bool = False) -> Query:
    """Parse the search syntax; `typing`: the text is being typed (its last word is a
    beginning unless a space follows it)."""
    terms: list[str] = []
    filters: list[tuple[int, tuple[str, ...]]] = []
    excluded: list[tuple[str, ...]] = []
    excluded_filters: list[tuple[int, tuple[str, ...]]] = []
    kind = not_kind = after = before = None
    last_prefix = None
    coders: list[str] = []
    not_coders: list[str] = []
    empty_fields: list[int] = []
    filled_fields: list[int] = []
    exact: list[tuple[int, str]] = []
    not_exact: list[tuple[int, str]] = []
    unreadable = False
    text, whole = _whole_names(text)
    for negated_name, label_name, name_typed in whole:
        key = whole_name_key(name_typed)
        field_of = FILTER_FIELDS[label_name]
        if not key:  # `source:=""`: no source, as `source:""` (it had matched everything)
            (filled_fields if negated_name else empty_fields).append(field_of)
            continue
        (not_exact if negated_name else exact).append((field_of, key))
        if not negated_name and (words := tuple(tokens(name_typed))):
            filters.append((field_of, words))  # (its words narrow the search first)
    for match in _PART.finditer(text):
        negated, name, quoted, bare = match.group(1), match.group(2), match.group(3), match.group(4)
        value = quoted if quoted is not None else (bare or "")
        label = name.casefold() if name else ""
        if label == "kind" and value.casefold() in KIND_WORDS:
            if negated:
                not_kind = KIND_WORDS[value.casefold()]
            else:
                kind = KIND_WORDS[value.casefold()]
            continue
        if label == "coder":
            (not_coders if negated else coders).append(coder_key(value))
            continue
        if label in DATE_FIELDS and _bounds(value):
            low, high = _bounds(value)  # type: ignore[misc]
            if label in ("after", "date"):
                after = low  # (`after:` that day on: "what I tagged since this morning")
            if label in ("before", "date"):
                before = high if label == "date" else low
            continue
        field = FILTER_FIELDS.get(label) if label else None
        if field in (SOURCE, THEMES) and quoted == "":
            (filled_fields if negated else empty_fields).append(field)  # `theme:""`: none
            continue
        if name and field is None:
            value = f"{name} {value}"  # not a field we know: plain words
        found = tuple(tokens(value))
        if not found:
            unreadable = unreadable or _symbols(value)
            continue
        if field is None and negated:
            excluded.append(found)
        elif field is None:
            terms.extend(found)
        else:
            (excluded_filters if negated else filters).append((field, found))
        ends_open = match.end() == len(text) and quoted is None and not negated
        last_prefix = found[-1] if typing and ends_open else None
    return Query(
        tuple(terms),
        tuple(filters),
        tuple(excluded),
        tuple(excluded_filters),
        kind,
        not_kind,
        after,
        before,
        last_prefix,
        tuple(coders),
        tuple(not_coders),
        tuple(empty_fields),
        tuple(filled_fields),
        tuple(exact),
        tuple(not_exact),
        unreadable,
    )


UNSEARCHABLE_HINT = "Search reads words, not emoji: add a word."


def _symbols(value: str) -> bool:
    """Whether text search cannot read holds an emoji or another symbol (a "-" being typed
    before a word, "*" or "…" are no query of their own)."""
    return any(unicodedata.category(c).startswith("S") for c in value)


def unsearchable_hint(text: str) -> str | None:
    """What to say of a query that holds no word search reads ("👩‍👩‍👧"), else None."""
    query = parse_query(text)
    return UNSEARCHABLE_HINT if query.empty and query.unsearchable else None


def field_hint(text: str, short: bool = False) -> str | None:
    """For a query that names a field there is not ("sorce:king", searched as plain words):
    "sorce: is not a field; did you mean source:? Fields: source, theme, …" (the closest
    first; `short`: the fields only when none is close, for a one-line status). None when
    every field named is one."""
    known = {*FILTER_FIELDS, *FIELD_NAMES}
    for match in _PART.finditer(text):
        name = match.group(2)
        if not name or not name.isalpha() or name.casefold() in known:
            continue
        close = difflib.get_close_matches(name.casefold(), FIELD_NAMES, n=1, cutoff=0.6)
        ordered = [*close, *(f for f in FIELD_NAMES if f not in close)]
        guess = f"did you mean {close[0]}:? " if close else ""
        if short and close:
            return f"{name}: is not a field; {guess.rstrip()}"
        return f"{name}: is not a field; {guess}Fields: {', '.join(f + ':' for f in ordered)}"
    return None


def date_error(text: str) -> str | None:
    """For a query whose date filter is no date ("after:2026-13-45", "date:yesterday"): what
    is wrong and what to write; None when every date filter is one (a typo would otherwise
    match nothing, as if there were no annotations)."""
    for match in _PART.finditer(text):
        name = (match.group(2) or "").casefold()
        value = match.group(3) if match.group(3) is not None else (match.group(4) or "")
        if name in DATE_FIELDS and _bounds(value) is None:
            return (
                f"{name}:{value} is not a date: give a year, a month or a day "
                f"({name}:2026, {name}:2026-02, {name}:2026-02-15)"
            )
    return None


def _bounds(value: str) -> tuple[str, str] | None:
    """The first day of `value` (a year, month or day) and the first day after it."""
    match = _DATE.match(value.strip())
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
    try:
        if day:
            low = date(year, month, day)
            high = date.fromordinal(low.toordinal() + 1)
        elif month:
            low = date(year, month, 1)
            high = date(year + (month == 12), month % 12 + 1, 1)
        else:
            low, high = date(year, 1, 1), date(year + 1, 1, 1)
    except ValueError:
        return None
    return low.isoformat(), high.isoformat()


def fields_fit(annotation: Annotation, query: Query) -> bool:
    """Whether an annotation's source and themes are empty or filled as `source:""`,
    `theme:""` and their negations ask, and the whole names `source:=` and `theme:=` ask."""
    filled = {SOURCE: bool(annotation.source), THEMES: bool(annotation.themes)}
    return (
        not any(filled[f] for f in query.empty_fields)
        and all(filled[f] for f in query.filled_fields)
        and all(_named(annotation, field, key) for field, key in query.exact)
        and not any(_named(annotation, field, key) for field, key in query.not_exact)
    )


def _named(annotation: Annotation, field: int, key: str) -> bool:
    """Whether the source is the name `key` (a `whole_name_key`), or a theme is it or
    under it."""
    if field == SOURCE:
        return bool(annotation.source) and whole_name_key(annotation.source or "") == key
    return any(
        (theme_key := whole_name_key(theme)) == key or theme_key.startswith(key + "/")
        for theme in annotation.themes
    )


def whole_name_key(name: str) -> str:
    """The form a whole name is compared in (`source:=`): as the codebook tells names
    apart (without case; accents and ’ kept: García and Garcia are two rows of its, and a
    row lists what it counted), its slashes as a theme writes them ("Economy / Jobs" is
    `economy/jobs`)."""
    return "/".join(part.strip() for part in name_key(name).split("/")).strip("/")


def whole_name(name: str) -> str:
    """`name` written as a whole name's value (`source:=` + this): bare when it is one word
    of letters, else in quote marks, a quote mark or backslash in it escaped."""
    if name and not any(c.isspace() or c in '"\\' for c in name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


# How `described` says each field's values (a field's values are joined by "and").
_SAID = {
    "source": "from {}",
    "theme": "on {}",
    "article": "in {}",
    "note": "noted {}",
    "quote": "saying {}",
    "": "matching {}",
    "coder": "by {}",
}
_SAID_QUOTED = frozenset({"article", "note", "quote", ""})  # words, shown in quotes
_FIELD_SAID = {"themes": "theme", "title": "article"}


def described(text: str) -> str:
    """A query said in words, for a heading a reader reads ("Quotations from Doug King on
    public safety, after 2026-01"), the values as typed; "" for an empty query."""
    noun = "Quotes"
    values: dict[str, list[str]] = {}
    excluded: dict[str, list[str]] = {}
    after: list[str] = []  # said after a comma: dates, what has no source or theme
    text, whole = _whole_names(text)
    for negated_name, label_name, name_typed in whole:
        if clean := " ".join(name_typed.split()):
            (excluded if negated_name else values).setdefault(label_name, []).append(clean)
        else:  # (`source:=""`: no source, as `source:""` is said)
            after.append(("with a " if negated_name else "with no ") + label_name)
    for match in _PART.finditer(text):
        negated, name, quoted, bare = match.group(1), match.group(2), match.group(3), match.group(4)
        value = (quoted if quoted is not None else (bare or "")).strip()
        label = _FIELD_SAID.get((name or "").casefold(), (name or "").casefold())
        if label == "kind" and value.casefold() in KIND_WORDS:
            quotations = (KIND_WORDS[value.casefold()] == "quotation") != bool(negated)
            if not negated or noun == "Quotes":  # (a kind asked for outweighs one left out)
                noun = "Quotations" if quotations else "Passages"
        elif label in DATE_FIELDS and _bounds(value):
            # (as the filter reads them: after:2026-01 is from January on, before:2026-01
            # up to the end of December, date:2026-01 within January)
            said = {"after": "from {} on", "before": "before {}", "date": "of {}"}[label]
            after.append(said.format(value))
        elif label in ("source", "theme") and quoted == "":
            after.append(("with a " if negated else "with no ") + label)
        elif label == "coder" and quoted == "":
            after.append("by a known coder" if negated else "by no known coder")
        elif tokens(value):
            if label not in _SAID:
                label, value = "", f"{name}:{value}" if name else value
            shown = f"“{value}”" if label in _SAID_QUOTED else value
            (excluded if negated else values).setdefault(label, []).append(shown)
    words = [noun] if values or excluded or after or noun != "Quotes" else []
    words += [
        _SAID[label].format(" and ".join(values[label])) for label in _SAID if label in values
    ]
    said = " ".join(words)
    if excluded:
        after.append(
            "not "
            + " or ".join(_SAID[label].format(" or ".join(excluded[label])) for label in excluded)
        )
    return ", ".join([said, *after]) if said else ""
