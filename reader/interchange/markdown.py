"""Quotes as Markdown: a draft section, a citation, and notes for an Obsidian vault.

- `to_markdown`: grouped by theme, source or article; each quote a block quote with its
  source and the source's description from the codebook, the article's title (linked),
  site and date, and the note under it. Written to be pasted into a story as it is: a
  quotation is in quote marks as a journalist sets them (the comma that led into the
  attribution trimmed, an opening mark at each paragraph of a quotation that runs over
  several, the closing mark at its end); a passage (a paraphrase, context) never is, and
  says so. Grouped by theme, a quote is listed once, under its first theme, with "also:"
  naming the others (`repeat=True` lists it under each).
- `citation`: one quote, ready to paste (the clipboard copy), quote marks only around a
  quotation.
- `to_obsidian`: one note per article; each quote's themes as `#tags` and its source as a
  `[[link]]`, so a vault gathers every quote of a person or a theme (several coders' copies
  of a quote are one, as in the draft).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass

import msgspec

from reader.annotations.query import SOURCE, THEMES, described, parse_query, tokens
from reader.core.codebook import name_key
from reader.core.markdown_text import escape_markdown
from reader.core.paths import is_device_name
from reader.core.records import Annotation
from reader.core.text import clean_line
from reader.interchange.selection import ExportArticle, Selection

NO_THEME = "No theme"
NO_SOURCE = "No source"


def to_markdown(selection: Selection, group_by: str = "theme", repeat: bool = False) -> str:
    """The selection as a Markdown document, one section per group, groups by name."""
    title = described(selection.query) or "Quotes"  # ("Quotes on public safety", not the query)
    lines = [f"# {escape_markdown(clean_line(title))}", ""]
    groups: dict[str, list[Annotation]] = defaultdict(list)
    names: dict[str, str] = {}
    wanted = _filtered_groups(selection.query, group_by)
    for annotation in one_per_passage(selection.annotations):
        candidates = _group_names(annotation, selection, group_by)
        if not repeat and group_by == "theme":
            shown = [n for n in candidates if _wanted(n, wanted)]
            candidates = shown[:1]
        for name in candidates:
            groups[name_key(name)].append(annotation)
            names.setdefault(name_key(name), name)
    descriptions = {name_key(s.name): s.description for s in selection.sources if s.description}
    for key in sorted(groups, key=lambda k: (names[k] in (NO_THEME, NO_SOURCE), k)):
        if not _wanted(names[key], wanted):
            continue  # "theme:policing": the policing section, not the other themes' ones
        lines += [f"## {escape_markdown(names[key])}", ""]
        for annotation in groups[key]:
            article = selection.article(annotation)
            also = [t for t in annotation.themes if name_key(t) != key] if not repeat else []
            lines += _quote_block(annotation, article, group_by, descriptions, also)
    if not selection.annotations:
        lines += ["No annotations match.", ""]
    return "\n".join(lines).rstrip() + "\n"


def one_per_passage(annotations: Iterable[Annotation]) -> list[Annotation]:
    """Two coders' annotations of one passage with one source (a team's merged databases)
    as one quote for a draft, not the same quote twice: its themes are the union of theirs
    (in the order first given) and its notes each distinct one, so that no coder's theme or
    note is dropped from the draft; in the order the passages first come."""
    copies: dict[tuple[int, int, int, str], list[Annotation]] = {}
    for annotation in annotations:
        passage = (annotation.article_id, annotation.start, annotation.end)
        copies.setdefault((*passage, name_key(annotation.source or "")), []).append(annotation)
    merged: list[Annotation] = []
    for first, *others in copies.values():
        if others:
            themes: dict[str, str] = {}
            for copy in (first, *others):
                for theme in copy.themes:
                    themes.setdefault(name_key(theme), theme)
            notes = dict.fromkeys(copy.note for copy in (first, *others) if copy.note.strip())
            first = msgspec.structs.replace(
                first, themes=tuple(themes.values()), note="\n\n".join(notes)
            )
        merged.append(first)
    return merged


def _filtered_groups(query: str, group_by: str) -> list[tuple[str, ...]]:
    """The words of the query's filters on the grouping field (`theme:` for themes)."""
    field = {"theme": THEMES, "source": SOURCE}.get(group_by)
    return [words for f, words in parse_query(query).filters if f == field]


def _wanted(name: str, wanted: list[tuple[str, ...]]) -> bool:
    return not wanted or any(set(words) <= set(tokens(name)) for words in wanted)


def _group_names(annotation: Annotation, selection: Selection, group_by: str) -> list[str]:
    if group_by == "source":
        return [annotation.source or NO_SOURCE]
    if group_by == "article":
        return [selection.article(annotation).record.title]
    return list(annotation.themes) or [NO_THEME]


def _quote_block(
    annotation: Annotation,
    article: ExportArticle,
    group_by: str,
    descriptions: dict[str, str],
    also: list[str],
) -> list[str]:
    paragraphs = (
        quoted_paragraphs(annotation.quote)
        if annotation.is_quotation
        else [clean_line(p) for p in annotation.quote.split("\n\n") if p.strip()]
    )
    lines: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        lines += ([">"] if number else []) + [f"> {escape_markdown(paragraph)}"]
    lines.append(">")
    who = ""
    if annotation.source:
        who = escape_markdown(annotation.source)
        description = descriptions.get(name_key(annotation.source))
        if description:
            who += f", {escape_markdown(description)}"
    if not annotation.is_quotation:
        who = f"{who} (paraphrase or context, not a quotation)" if who else "(not a quotation)"
    credit = [who] if who else []
    link = f"[{escape_markdown(article.record.title)}](<{_link_target(article.uri)}>)"
    credit.append(link + _by(article))
    credit += [escape_markdown(clean_line(v)) for v in (article.record.site, _date(article)) if v]
    lines.append(f"> — {', '.join(credit)}")
    shown = annotation.themes if group_by != "theme" else also
    if shown:
        label = "" if group_by != "theme" else "also: "
        lines += [">", f"> *{label}{escape_markdown(', '.join(shown))}*"]
    lines.append("")
    if note := note_paragraphs(annotation.note):
        # (the coder's own words, not the story's: a note under a quote read as body text)
        lines += [f"*Note:* {note[0]}", *note[1:]]
    return lines


def note_paragraphs(note: str) -> list[str]:
    """A note's lines as Markdown that keeps them: a line break inside a paragraph stays one
    (a backslash at its end), a blank line starts a paragraph."""
    out: list[str] = []
    for paragraph in note.replace("\r\n", "\n").split("\n\n"):
        kept = [escape_markdown(line) for line in paragraph.split("\n") if line.strip()]
        if kept:
            out += ["\\\n".join(kept), ""]
    return out


_OPENING = "“\"‘'«„"
_CLOSING = "”\"’'»"


def quoted_paragraphs(quote: str) -> list[str]:
    """A quotation's paragraphs in quote marks, as a journalist sets a quote that runs over
    several: an opening mark at each paragraph, the closing mark only after the last; the
    comma (or colon, semicolon) that led into the attribution is trimmed."""
    paragraphs = [clean_line(p) for p in quote.split("\n\n") if p.strip()]
    paragraphs = [p.lstrip(_OPENING).strip() for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return []
    last = paragraphs[-1].rstrip(_CLOSING).rstrip()
    paragraphs[-1] = last.rstrip(",;:").rstrip() if last.endswith((",", ";", ":")) else last
    return [f"“{p}" for p in paragraphs[:-1]] + [f"“{paragraphs[-1]}”"]


def _date(article: ExportArticle) -> str:
    return (article.record.published or "")[:10]


def _by(article: ExportArticle, markdown: bool = True) -> str:
    """The words " by Maya Chen" after the title when the article names its author, else ""."""
    author = clean_line(article.record.author or "")
    if not author:
        return ""
    return f" by {escape_markdown(author) if markdown else author}"


def citation(annotation: Annotation, article: ExportArticle, description: str = "") -> str:
    """One annotation as plain text to paste: “…” — Source, description, “Title” by
    Author, Site, date. URL (a passage without quote marks, marked as not a quotation)."""
    who = clean_line(annotation.source or "")  # (pasted anywhere: no escape sequences)
    if who and description:
        who += f", {clean_line(description)}"
    where = [f"“{clean_line(article.record.title)}”{_by(article, markdown=False)}"]
    where += [clean_line(v) for v in (article.record.site, _date(article)) if v]
    if annotation.is_quotation:
        quote = " ".join(quoted_paragraphs(annotation.quote))
        text = f"{quote} — {', '.join([who, *where] if who else where)}."
    else:
        label = f"paraphrase or context, source: {who}" if who else "not a quotation"
        text = f"{clean_line(annotation.quote)} ({label}) — {', '.join(where)}."
    if article.record.url:
        text += f" {clean_line(article.record.url)}"
    return text


# --- Obsidian ---------------------------------------------------------------------------------

_TAG_CHARACTERS = re.compile(r"[^\w/-]+")


def tag(theme: str) -> str:
    """A theme as an Obsidian tag: "public safety" -> "#public-safety", nesting kept."""
    words = _TAG_CHARACTERS.sub("-", theme.strip().casefold()).strip("-/")
    words = re.sub(r"-{2,}", "-", words)
    if not words or words.replace("/", "").isdigit():
        words = f"theme-{words}" if words else "theme"
    return f"#{words}"


def _link(name: str) -> str:
    return "[[" + re.sub(r"[\[\]|#^]", " ", clean_line(name)).strip() + "]]"


def to_obsidian(selection: Selection) -> dict[str, str]:
    """One Markdown note per article: file name -> text."""
    by_article: dict[int, list[Annotation]] = defaultdict(list)
    for annotation in one_per_passage(selection.annotations):  # (coders' copies: one quote)
        by_article[annotation.article_id].append(annotation)
    notes: dict[str, str] = {}
    taken: set[str] = set()  # the notes' names as a file system that ignores case sees them
    numbered: dict[str, int] = {}  # the next number of each stem (`note_file_name`)
    for article_id, quoted in by_article.items():
        article = selection.articles[article_id]
        record = article.record
        lines = ["---", f'title: "{_quoted(record.title)}"']
        for key, value in (
            ("url", article.uri),
            ("site", record.site),
            ("published", _date(article)),
        ):
            if value:
                lines.append(f'{key}: "{_quoted(value)}"')
        lines += ["tags: [reader]", "---", "", part_start(article_key(article)), ""]
        lines += [f"# {escape_markdown(record.title)}", ""]
        for annotation in quoted:
            shown = (
                " ".join(quoted_paragraphs(annotation.quote))
                if annotation.is_quotation
                else clean_line(annotation.quote)
            )
            lines.append(f"> {escape_markdown(shown)}")
            credit = [_link(annotation.source)] if annotation.source else []
            if not annotation.is_quotation:  # (as the Markdown draft says it)
                credit.append("(paraphrase or context, not a quotation)")
            credit += [tag(t) for t in annotation.themes]
            if credit:
                lines.append(f"> — {' '.join(credit)}")
            lines.append("")
            if note := note_paragraphs(annotation.note):  # (the coder's, not the story's)
                lines += [f"*Note:* {note[0]}", *note[1:]]
        name = note_file_name(record.title, taken, numbered)
        taken.add(name_as_compared(name))
        notes[name] = "\n".join(lines).rstrip() + "\n\n" + READER_PART_END + "\n"
    return notes


# The part of a note Reader writes, between these lines (unseen in Obsidian's reading view):
# an export again replaces it and keeps what the user wrote around it. The start line names
# the article (a key of its file), so a note is never given another article's quotes; notes
# of Reader before that name none.
READER_PART_START = "<!-- reader: its quotes, from here to the end mark; write around them -->"
READER_PART_END = "<!-- reader: end of its quotes -->"
_PART_START = re.compile(
    r"<!-- reader: (?:its quotes|the quotes of article ([0-9a-f]{12})),"
    r" from here to the end mark; write around them -->"
)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def article_key(article: ExportArticle) -> str:
    """The key a note's part names its article by: from the article's number in the
    library and the moment it was added, which stay when its file is renamed or its text
    updated (the number alone is 1 in every library: two libraries' first articles of
    one title shared a note)."""
    record = article.record
    return hashlib.sha256(f"reader article {record.id} {record.added}".encode()).hexdigest()[:12]


def part_start(key: str) -> str:
    """The line that opens Reader's part of the note of the article of `key`."""
    return f"<!-- reader: the quotes of article {key}, from here to the end mark; write around them -->"


@dataclass(frozen=True)
class ReaderPart:
    """Where Reader's part of a note is: from its start line to its end line (not
    included), and the article its start line names ("" in a note of an earlier Reader)."""

    start: int
    end: int
    article: str


def reader_part(note: str) -> ReaderPart | str:
    """Reader's part of `note`: its one start line and the one end line after it, each a
    whole line, outside the front matter and fenced code (a title, a heading or an example
    that quotes a mark is none); else why the note has no part Reader may replace."""
    starts: list[tuple[int, str]] = []
    ends: list[int] = []
    offset, fence = 0, ""  # the open fence's marks ("```", "~~~~"), "" outside one
    lines = note.splitlines(keepends=True)
    front = bool(lines) and lines[0].lstrip("\ufeff").rstrip() == "---"
    for number, line in enumerate(lines):
        at, offset = offset, offset + len(line)
        bare = line.strip()
        if front:
            front = number == 0 or bare not in {"---", "..."}
            continue
        opening = _FENCE.match(line)
        if opening and not fence:
            fence = opening.group(1)
        elif opening and fence:
            # (closed only by marks of its own kind, as many or more, and nothing after:
            # "```python" inside a ~~~ fence is its text)
            marks = opening.group(1)
            if marks[0] == fence[0] and len(marks) >= len(fence) and not bare[len(marks) :]:
                fence = ""
        elif not fence and (found := _PART_START.fullmatch(bare)):
            starts.append((at, found.group(1) or ""))
        elif not fence and bare == READER_PART_END:
            ends.append(at)
    if not starts and not ends:
        return "holds no part of Reader's (a note of your own?)"
    if len(starts) != 1 or len(ends) != 1:
        marks = f"{len(starts)} start and {len(ends)} end marks of Reader's part"
        return f"holds {marks}, not one of each: mend them"
    if ends[0] < starts[0][0]:
        return "has Reader's end mark before its start mark: mend them"
    return ReaderPart(starts[0][0], ends[0], starts[0][1])


def with_reader_part(existing: str, note: str) -> str | None:
    """`existing` (a note exported before, then written in) with Reader's part replaced by
    `note`'s; None when `existing` has no part of Reader's to replace."""
    old, new = reader_part(existing), reader_part(note)
    if isinstance(old, str) or isinstance(new, str):
        return None
    return existing[: old.start] + note[new.start : new.end] + existing[old.end :]


def _quoted(value: str) -> str:
    return clean_line(value).replace("\\", "\\\\").replace('"', '\\"')


NAME_BYTES = 200  # of a note's file name stem: file systems allow 255 bytes, UTF-8 included


def name_as_compared(name: str) -> str:
    """A file name as macOS and Windows compare names: case and Unicode composition ignored
    ("Trump.md" and "TRUMP.md", "Café" composed or not, are one file there)."""
    return unicodedata.normalize("NFC", name).casefold()


def note_file_name(
    title: str, taken: Container[str], numbered: dict[str, int] | None = None
) -> str:
    """A note's file name from an article title: no characters Obsidian or a file system
    refuse, cut at `NAME_BYTES` bytes on a character boundary (at a word when one is near),
    and none of `taken` (names as `name_as_compared` gives them; " 2", " 3" added)."""
    stem = " ".join(re.sub(r'[\\/:*?"<>|#^\[\]]+', " ", clean_line(title)).split()).strip(" .")
    if len(stem.encode("utf-8")) > NAME_BYTES:
        cut = stem.encode("utf-8")[:NAME_BYTES].decode("utf-8", "ignore")
        word = cut.rsplit(" ", 1)[0]
        stem = (word if len(word) > len(cut) * 0.6 else cut).strip(" .")
    stem = stem or "Article"
    if is_device_name(stem):
        stem = f"{stem} (article)"  # "CON", "nul", "COM1.txt": a device on Windows, no file
    # (`numbered`: the next number to try for each stem, kept by the caller across notes:
    # 4,000 articles of one title had tried 2, 3, … again for each, 1.5 s)
    key = name_as_compared(stem)
    number = numbered.get(key, 2) if numbered is not None else 2
    name = f"{stem}.md"
    while name_as_compared(name) in taken:
        name, number = f"{stem} {number}.md", number + 1
    if numbered is not None:
        numbered[key] = number
    return name


_UNSAFE_IN_TARGET = {ord(c): f"%{ord(c):02X}" for c in "<>\\\n\r"}


def _link_target(uri: str) -> str:
    """An address as a link's target in angle brackets: the characters that would end the
    brackets, or escape their end, percent-encoded (an address holding ">)[…](…)<" had
    made a second link of its own choosing: a file's front matter or a feed item's link
    chose it)."""
    return uri.translate(_UNSAFE_IN_TARGET)
