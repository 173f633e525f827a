"""Reading article files: decoding bytes, Markdown to text, titles and front matter.

An article file becomes an `ArticleContent`: its normalised text (what every offset refers
to), its title and the metadata its front matter gives. Reading never raises anything but
`ArticleError`, whose message is one line naming the file and what to do.

Formats:
- `.txt`: the text as it is; the first non-empty line is the title, unless it reads like
  a paragraph (then the file name is the title and the line stays the first paragraph).
- `.md` / `.markdown`: front matter (`---` YAML-like `key: value` lines) is metadata; the
  body is turned into plain text (headings, paragraphs, lists, block quotes, code), and the
  title is the front matter's `title`, else the first heading, else the first line.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.files import FileTooLarge, read_bounded
from reader.core.text import clean_line, normalise
from reader.library.page_byline import NOT_A_NAME, bylined_author, is_byline

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
MAX_ARTICLE_BYTES = 64 * 1024 * 1024
# What a Markdown article may hold: its parser takes time in step with its blocks and table
# cells (100,000 one-line list items: 4 s, and 64 MB of them ten minutes; a 2 MB table, 14 s
# and 1.4 GB). A plain text file has no such bound: it is read in one pass.
MOST_MARKDOWN_LINES = 100_000  # (a line ends at "\n", "\r\n" or a lone "\r", as the parser's)
MOST_MARKDOWN_CELLS = 100_000  # table cells, counted by their "|"
MOST_MARKDOWN_CHARACTERS = 8_000_000
# Brackets and backslash escapes, which the parser reads slowly or keeps one object each for:
# a paragraph of "![" repeated took 100 s a megabyte (the parser looks for each link's end),
# a text of 4 MB escaped to Markdown (each "\\", "&", "*" or "_" given its backslash) 1.45 GB.
# An article holds a few hundred links; a text written out by `reader add` one backslash for
# each such character.
MOST_MARKDOWN_BRACKETS = 20_000  # "[", each a link's or a picture's possible start
MOST_MARKDOWN_ESCAPES = 500_000  # "\\"
_IGNORED_STEMS = ("readme", "license", "licence", "notice", "copying", "changelog")
# A project's own files, not articles: "README.md", "readme.txt", "LICENSE-MIT.md",
# "README.fr.md", "CHANGELOG.md"; not an article whose title starts with the word
# ("license-plates-stolen.md", which `reader add` names from the title "License plates …").
_PROJECT_FILE = re.compile(
    rf"(?i:{'|'.join(_IGNORED_STEMS)})(?:\.[^.]+)?$|(?:{'|'.join(s.upper() for s in _IGNORED_STEMS)})[-_.]"
)


class ArticleError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


@dataclass(frozen=True)
class ArticleContent:
    """A file's normalised text with its title and metadata."""

    text: str
    title: str
    meta: dict[str, str] = field(default_factory=dict)
    headings: frozenset[str] = frozenset()  # the subheadings' lines (a Markdown file's)

    @property
    def sha256(self) -> str:
        return text_hash(self.text)


def text_hash(text: str) -> str:
    """SHA-256 of normalised text, as stored for each article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def is_article_file(path: Path) -> bool:
    """True for the files a library folder treats as articles."""
    name = path.name
    return (
        path.suffix.lower() in ARTICLE_SUFFIXES
        and not name.startswith(".")
        and _PROJECT_FILE.match(path.stem) is None
    )


def read_article(path: Path) -> ArticleContent:
    """Read, decode and normalise one article file."""
    try:
        data = read_bounded(path, MAX_ARTICLE_BYTES)
    except FileTooLarge:
        raise ArticleError(
            f"{path}: over the {MAX_ARTICLE_BYTES >> 20} MB limit for one article; "
            "split it into smaller files"
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ArticleError(
            f"{path}: cannot read it ({reason}); check it exists and is readable"
        ) from None
    return parse_article(data, path.suffix.lower(), str(path))


def markdown_beyond_bounds(text: str) -> str:
    """What a Markdown text holds more of than Reader parses ("100,000 lines"), or ""."""
    lines = text.count("\n") + text.count("\r") - text.count("\r\n")
    for count, most, what in (
        (lines, MOST_MARKDOWN_LINES, "lines"),
        (text.count("|"), MOST_MARKDOWN_CELLS, "table cells"),
        (len(text), MOST_MARKDOWN_CHARACTERS, "characters"),
        (text.count("["), MOST_MARKDOWN_BRACKETS, "opening brackets"),
        (text.count("\\"), MOST_MARKDOWN_ESCAPES, "backslashes"),
    ):
        if count > most:
            return f"{most:,} {what}"
    return ""


# A title is cut to this many characters: a file of the library (synced, or from git) can
# hold a title of megabytes (3 MB froze the app for 28 s and took 900 MB, in every list).
MAX_TITLE_CHARS = 1_000


def parse_article(data: bytes, suffix: str, name: str) -> ArticleContent:
    """Decode and parse the bytes of an article; `name` is used in error messages."""
    raw = decode(data, name)
    if suffix in (".md", ".markdown"):
        if too_much := markdown_beyond_bounds(raw):
            raise ArticleError(
                f"{name}: over {too_much}, more than Reader reads as one Markdown article; "
                "split it, or rename it .txt to read it as plain text"
            )
        meta, body = split_front_matter(raw)
        headings: list[str] = []
        try:
            text = normalise(markdown_to_text(body, headings))
        except MarkdownTooDeep:
            raise ArticleError(
                f"{name}: lists or quotes nested deeper than Reader reads as Markdown (99 "
                "levels, a list counting two: 49 lists, or 99 quotes); flatten them, or rename "
                "it .txt to read it as plain text"
            ) from None
        title = clean_line(meta.get("title", ""))[:MAX_TITLE_CHARS]
        title = title or _first_heading(body)[:MAX_TITLE_CHARS] or _first_line(text)
    else:
        meta, headings = {}, []
        text = normalise(raw)
        title = _first_line(text)
        if reads_like_paragraph(title):
            title = Path(name).stem
    if not text.strip():
        raise ArticleError(f"{name}: the file has no text; add some or remove it")
    if not meta.get("author") and (author := _byline_at_top(text, headings)):
        meta = {**meta, "author": author}  # ("By Claire Dubois" under the headline)
    return ArticleContent(
        text=text,
        title=title or Path(name).stem,
        meta=meta,
        headings=frozenset(clean_line(h) for h in headings) - {title},
    )


_BYLINE_BLOCKS = 4  # the headline, a standfirst, a date line, the byline


def _byline_at_top(text: str, headings: Collection[str] = ()) -> str:
    """The author a byline among the article's first paragraphs names ("By Claire Dubois",
    "By Maya Chen | The Canadian Press": a paragraph of that line alone, not a heading),
    "" if none; every name of it a person's (a given name and more: not "By The Numbers",
    "By Monday")."""
    for block in text.split("\n\n", _BYLINE_BLOCKS)[:_BYLINE_BLOCKS]:
        if block.strip() in headings or not is_byline(block):
            continue
        parts = re.split(r"\s*,\s*|\s+and\s+", bylined_author([block]))
        # ("By Claire Dubois, Staff Writer", "By Maya Chen, Reuters": a role or an outlet
        # after the name, a word alone or one of a newsroom's words, is no author)
        names = [p for p in parts if len(p.split()) >= 2 and not NOT_A_NAME.search(p)]
        if names and all(_a_persons_name(name) for name in names):
            return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
        return ""
    return ""


# First words of a line "By …" that open no person's name ("By The Numbers", "By Monday").
_NOT_NAME_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "our",
        "my",
        "your",
        "their",
        "its",
        "staff",
        "special",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "july",
        "september",
        "october",
        "november",
        "december",
    ]
)  # (not April, June or August: given names too)


def _a_persons_name(name: str) -> bool:
    """A person's name, by its look: two words or more, the first no article, day or month,
    none a capitalised little word ("By Order Of The Court", "By Land And Sea")."""
    words = name.split()
    return (
        len(words) >= 2
        and words[0].casefold().rstrip(".") not in _NOT_NAME_OPENERS
        and not any(w in _LITTLE_WORDS for w in words[1:])
    )


_LITTLE_WORDS = frozenset(
    ["And", "Of", "The", "Or", "By", "For", "In", "On", "At", "To", "A", "An"]
)


# --- decoding --------------------------------------------------------------------------------

_BOMS = (  # (UTF-32 LE before UTF-16 LE: its mark begins with that one)
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_BYTES = frozenset(range(0x09)) | frozenset(range(0x0E, 0x1B)) | {0x1C, 0x1D}


def decode(data: bytes, name: str) -> str:
    """Bytes to text: a BOM's encoding, else UTF-8, else Windows-1252 (old news copy).

    Raises `ArticleError` for what looks like a binary file (NUL bytes, many controls).
    """
    text = unicode_marked(data)
    if text is not None:
        return text
    head = data[:65536]
    if b"\x00" in head or (head and sum(b in _BINARY_BYTES for b in head) / len(head) > 0.05):
        raise ArticleError(f"{name}: looks like a binary file, not text; remove it or convert it")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def unicode_marked(data: bytes) -> str | None:
    """Text whose encoding its bytes show: a byte-order mark, or UTF-16 without one (a NUL
    in every other byte); None for any other bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data[:65536]:
        return utf16_without_bom(data)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte-order mark (some Windows tools write it): a NUL
    in every other byte (the high byte of Latin characters), on one side only, and text
    that reads as text once decoded; None for anything else."""
    head = data[: 65536 - 65536 % 2]
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even, odd = head[0::2].count(0) / pairs, head[1::2].count(0) / pairs
    if odd > 0.3 and even < 0.02:
        encoding = "utf-16-le"
    elif even > 0.3 and odd < 0.02:
        encoding = "utf-16-be"
    else:
        return None
    text = data[: len(data) - len(data) % 2].decode(encoding, errors="replace")
    sample = text[:32768]
    readable = sum(c.isprintable() or c in "\n\r\t" for c in sample) - sample.count("\ufffd")
    return text if readable >= 0.98 * len(sample) else None


# --- Markdown --------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# A backslash or a quote mark escaped in a double-quoted value (what Reader writes)
_ESCAPED = re.compile(r'\\(["\\])')
_META_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:(.*)$")  # (the value stripped after: a
# lazy group before trailing blanks is tried again at each of them, time as their square)


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Front matter `key: value` lines (quoted values unquoted) and the body after them."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        found = _META_LINE.match(line)
        if found:
            value = found.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = _ESCAPED.sub(r"\1", value[1:-1])  # (other escapes left as written)
            elif len(value) >= 2 and value[0] == value[-1] == "'":
                value = value[1:-1].replace("''", "'")  # YAML's single quotes
            meta[found.group(1).lower()] = value
    return meta, raw[match.end() :]


_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_QUOTATION_MARK = re.compile(r"[\"“”«»„]")


def reads_like_paragraph(line: str) -> bool:
    """Whether a `.txt` file's first line is the story's first paragraph, not its headline.

    Headlines rarely end in sentence punctuation; a first line that does, and is long
    (20 words or more) or holds a quotation, is prose. A line of 40 words or more is
    prose however it ends.
    """
    words = len(line.split())
    if words >= 40:
        return True
    if not _SENTENCE_END.search(line):
        return False
    return words >= 20 or bool(_QUOTATION_MARK.search(line))


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return clean_line(line)[:300]
    return ""


_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*)$", re.M)


def _first_heading(body: str) -> str:
    """The text of the first ATX heading, its closing hashes and blanks taken off (read
    whole, then stripped: a pattern that stopped before them backtracked on a long run)."""
    for match in _HEADING.finditer(body):
        text = match.group(1).rstrip(" \t#")
        if text:
            return clean_line(text)
    return ""


# Levels of Markdown read (a list and its item are two): 49 lists, or 99 quotes, one inside
# another. markdown-it stops at its limit without a word; Reader refuses a file that
# reaches it rather than show part of it.
MOST_MARKDOWN_NESTING = 100
_CONTAINERS = frozenset({"list_item_open", "blockquote_open"})  # (what holds blocks)


class MarkdownTooDeep(ValueError):
    """Markdown nested deeper than Reader reads: the levels (lists, quotes) it allows."""


def markdown_to_text(body: str, headings: list[str] | None = None) -> str:
    """Markdown to plain reading text: blocks separated by blank lines, inline marks dropped;
    the headings' text is added to `headings` when given (to show them as subheadings)."""
    from markdown_it import MarkdownIt  # imported here: only Markdown articles need it

    parser = MarkdownIt("commonmark", {"maxNesting": MOST_MARKDOWN_NESTING}).enable("table")
    tokens = parser.parse(body)
    if any(
        token.type in _CONTAINERS and token.level >= MOST_MARKDOWN_NESTING - 1 for token in tokens
    ):
        # markdown-it stops reading at its nesting limit and says nothing: what a quote or
        # list item opened there holds, and the rest of the article, are dropped (after a
        # list ten deep, at its default); inline marks nested past it stay as text
        raise MarkdownTooDeep()
    blocks: list[str] = []
    list_depth = 0
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            opener = tokens[index - 1] if index else None
            in_item = list_depth and opener is not None and opener.type == "paragraph_open"
            if in_item and _is_first_in_item(tokens, index):
                text = "  " * (list_depth - 1) + "• " + text
            if text.strip():
                blocks.append(text)
                if headings is not None and opener is not None and opener.type == "heading_open":
                    headings.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(blocks) + "\n"


def _is_first_in_item(tokens: list, index: int) -> bool:
    return index >= 2 and tokens[index - 2].type == "list_item_open"


def _inline_text(children: list) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content or "")
        elif child.type == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\n")
    return "".join(parts)
