"""Plain-text structure of an article: normalising, paragraphs, sentences, quotations.

Every offset in Reader refers to the *normalised* text this module produces: decoded to
`str`, newlines as `\\n`, terminal escape sequences and control characters removed. The
functions here are pure and fast; they never touch files, the store or the UI.

Quotation spans follow the conventions of newsroom copy: straight or curly double quotes
(or two single marks for one, as wire and archive copy write them: `''`, `‘‘ ’’`), single
quotes at the top level (British style), apostrophes never open or close a quote, a
quotation carried over paragraphs (an opening mark at each paragraph, a closing mark only at
the end) is one span, as is one whose next paragraph lost its reopening mark but closes it,
and single quotes inside a double-quoted passage belong to it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from sentencex import segment as _sentencex_segment


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range `[start, end)` of the normalised text."""

    start: int
    end: int

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted text: `inner` is inside the marks (trimmed), `outer` includes the marks."""

    inner: Span
    outer: Span
    kind: str  # "double" or "single"
    closed: bool  # False when the closing mark is missing (the span ends at its paragraph)


# --- normalising -------------------------------------------------------------------------

_ESCAPES = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]                              # CSI: colours, cursor moves
    | \x1b\][^\x07\x1b\n]{0,2048}(?:\x07|\x1b\\)         # OSC: titles, hyperlinks
    | \x1b[P^_X][^\x1b\n]{0,2048}\x1b\\                  # DCS, PM, APC, SOS strings
    | \x1b[ -/]*[0-~]?                                     # any other escape
    | \x9b[0-?]*[ -/]*[@-~]                                # 8-bit CSI
    | \x9d[^\x07\x9c\n]{0,2048}[\x07\x9c]                  # 8-bit OSC
    """,
    re.VERBOSE,
)
# (A string sequence is removed only with its end, within a line and 2,048 characters: an
# unterminated one, a stray U+009D, took the rest of the article with it. Its lone
# introducer is then a control, removed below, and the text after it stays.)
# C0 controls but newline, DEL, C1 controls, bidirectional overrides and isolates (which can
# make a terminal show text in another order than it is stored), and stray byte-order marks.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")


_BYTE_ESCAPES = re.compile(  # `_ESCAPES` in bytes, the 7-bit ones
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b\][^\x07\x1b\n]{0,2048}(?:\x07|\x1b\\)"
    rb"|\x1b[P^_X][^\x1b\n]{0,2048}\x1b\\"  # DCS, PM, APC, SOS strings, payload and all
    rb"|\x1b[ -/]*[0-~]?"
)


def without_escapes(page: bytes) -> bytes:
    """A page's bytes without the 7-bit escape sequences it holds (an HTML parser drops the
    ESC and keeps the rest, "]0;PWN [31mRed", where plain text loses the whole sequence)."""
    return _BYTE_ESCAPES.sub(b"", page) if b"\x1b" in page else page


def normalise(raw: str) -> str:
    """The normalised form of an article's text: the text every offset refers to."""
    text = _NEWLINES.sub("\n", raw)
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPES.sub("", text)
    text = text.replace("\t", " ")
    return _CONTROLS.sub("", text)


def printable(value: str) -> str:
    """`value` as it may be shown to a person on a terminal: escape sequences, control
    characters and bidirectional overrides removed, lines kept. Every string that Reader
    prints for a person (not JSON, whose escaping is JSON's) goes through here."""
    return normalise(value)


def clean_block(value: str) -> str:
    """A text of several lines as stored (a note): normalised (no escape sequence, control
    character or bidirectional override, whoever typed, pasted or imported it), trimmed."""
    return normalise(value).strip()


def clean_line(value: str) -> str:
    """A one-line display string: normalised, with every run of white space one blank."""
    return " ".join(normalise(value).split())


def shown_name(name: str) -> str:
    """A file name as one printable line: as it is, unless it holds a line break or a
    control character; then quoted with those escaped (`"evil\\n  99  forged row.txt"`), so
    that a name can never forge another row of a listing."""
    if name.isprintable():
        return name
    quoted = json.dumps(name, ensure_ascii=False)  # "\n", "\t", "\u001b" escaped; "\x85" not
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in quoted)


# What JSON leaves as it is but a terminal may act on: DEL, C1 controls (U+009B starts an
# escape sequence on some terminals), line and paragraph separators, bidirectional overrides
# and isolates, byte-order marks.
_BEYOND_ASCII_CONTROLS = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe"
_JSON_UNSAFE = re.compile(f"[{_BEYOND_ASCII_CONTROLS}]")
# Those, and the C0 controls but a line break or a tab.
_CONTROLS_SHOWN = re.compile(f"[\x00-\x08\x0b-\x1f{_BEYOND_ASCII_CONTROLS}]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(document: object, indent: int | None = 2) -> str:
    """`document` as JSON text that is safe to print: what JSON escapes (C0 controls, ESC)
    escaped as JSON does, and what it leaves (`_JSON_UNSAFE`) escaped too (`\\u009b`), so
    that a file name or title holding them cannot act on the terminal it is printed to; the
    values read back the same."""
    return _JSON_UNSAFE.sub(_escaped, json.dumps(document, ensure_ascii=False, indent=indent))


def controls_escaped(value: str) -> str:
    """`value` with its control characters (`_CONTROLS_SHOWN`) written as escapes
    (`\\u001b`), every other one as it is, line breaks included: text for a file a person
    may print or pipe (a CSV cell holding what a teammate's database brought in, which no
    import cleaned)."""
    return _CONTROLS_SHOWN.sub(_escaped, value)


def one_line(value: str) -> str:
    """`value` printable on one line: line breaks, tabs and other control characters
    written as escapes (`\\n`), the rest as it is, so that no name inside a message can start
    a line of its own (a forged "ok:" in `reader doctor`'s report)."""
    if value.isprintable():
        return value
    escapes = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return "".join(c if c.isprintable() else escapes.get(c, f"\\u{ord(c):04x}") for c in value)


def shorten(value: str, width: int) -> str:
    """`value` on one line in at most `width` characters, cut at a word, "…" when cut."""
    line = clean_line(value)
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    word = cut.rsplit(" ", 1)[0]
    return (word if len(word) > width // 2 else cut).rstrip(" ,;:.-") + "…"


# --- paragraphs and sentences ------------------------------------------------------------

_BLANK_LINES = re.compile(r"\n[ \u00a0]*\n\s*")


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: text separated by one or more blank lines, trimmed of white space.
    A block whose lines are paragraphs of their own (copy that puts a single line break
    between paragraphs, as many pages and extractors do) is one paragraph a line: see
    `_lines_are_paragraphs`."""
    spans: list[Span] = []
    start = 0
    for match in _BLANK_LINES.finditer(text):
        _append_block(spans, text, start, match.start())
        start = match.end()
    _append_block(spans, text, start, len(text))
    return spans


# A line this long is not a line of text wrapped by hand (those stop near 72 or 80).
_UNWRAPPED_LINE = 120
# A first line this short may be a heading over lines that are paragraphs.
_HEADING_LINE = 80
# How a line that ends its paragraph ends: a sentence's last mark, maybe a closing mark.
_PARAGRAPH_END = re.compile(r"[.!?:…][\"”’')\]]*$")


def _append_block(spans: list[Span], text: str, start: int, end: int) -> None:
    newline = text.find("\n", start, end)
    if newline < 0 or not _lines_are_paragraphs(text[start:end]):
        _append_trimmed(spans, text, start, end)
        return
    while newline >= 0:
        _append_trimmed(spans, text, start, newline)
        start = newline + 1
        newline = text.find("\n", start, end)
    _append_trimmed(spans, text, start, end)


def _lines_are_paragraphs(block: str) -> bool:
    """Whether the lines of a block with no blank line are its paragraphs: one of them is
    longer than a line wrapped by hand, or each line but the last ends a sentence. (Lines
    wrapped by hand end in the middle of sentences and stop short; a line after the first
    that ends nothing, in an address or wrapped prose, keeps the block whole unless a long
    line is in it. The first line may be a heading that ends nothing.)"""
    lines = [line.strip() for line in block.strip().split("\n")]
    if any(len(line) > _UNWRAPPED_LINE for line in lines):
        return True
    # (a heading may stand on the first line: "Council agrees budget⏎The council met …")
    ended = lines[1:-1] if len(lines) > 2 and len(lines[0]) <= _HEADING_LINE else lines[:-1]
    return all(_PARAGRAPH_END.search(line) for line in ended)


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    # (`strip` drops the characters `isspace` tells, in C: no Python loop per character)
    piece = text[start:end]
    left = piece.lstrip()
    start, end = start + len(piece) - len(left), end - len(left) + len(left.rstrip())
    if end > start:
        spans.append(Span(start, end))


# Abbreviations the splitter ends a sentence after, though a name goes on ("Sault Ste.
# Marie", "Cst. Jane Roe", "Ms. Roe"): its piece is joined to the next. (A test checks that
# every abbreviation the quote finder knows is kept inside its sentence.)
_SPLITTER_MISS_WORDS = (
    "Ms",
    "Ft",
    "Const",
    "Cst",
    "Ste",
    "Sgts",
    "Mgr",
    "Cllr",
    "Coun",
    "Atty",
    "Pte",
    "Cdr",
)
# A piece that ends inside letters with dots ("D-N." of "D-N.Y.", "R-S." of "R-S.C."), and
# the next piece's letter and dot, which goes on with it.
_ENDS_IN_LETTER_DOT = re.compile(r"(?<=[-.])[A-Z]\.\s*$")
_OPENS_WITH_LETTER_DOT = re.compile(r"\s*[A-Z]\.(?![A-Za-z])")
_SPLITTER_MISSES = re.compile(rf"(?<![\w.])(?:{'|'.join(_SPLITTER_MISS_WORDS)})\.\s*$")
# A match ends in the piece's last full stop and white space at most (`\s` is what `rstrip`
# strips), so it starts at most this many characters before the piece's stripped end.
_SPLITTER_MISS_REACH = max(map(len, _SPLITTER_MISS_WORDS)) + 1


def _ends_in_splitter_miss(piece: str) -> bool:
    """Whether a splitter's piece ends in one of `_SPLITTER_MISS_WORDS` and its full stop.

    The pattern ends in `$`, so a search of the whole piece tried it at every character
    (half the time of splitting 1 MB into sentences); it is tried only from where a match
    could start. (The lookbehind still sees the character before that start.)
    """
    tail = max(0, len(piece.rstrip()) - _SPLITTER_MISS_REACH)
    return _SPLITTER_MISSES.search(piece, tail) is not None


_SEGMENT_CHARS = 10_000  # the splitter's time grows with the square of a paragraph's length


def _segments(language: str, para: str) -> list[str]:
    """The splitter's pieces of a paragraph; one longer than `_SEGMENT_CHARS` (no real
    paragraph is: 200 KB of quotation marks in one took 30 s) is split in windows first,
    each ending at its last space, so that the pieces still add up to the paragraph."""
    if len(para) <= _SEGMENT_CHARS:
        return list(_sentencex_segment(language, para))
    pieces: list[str] = []
    start = 0
    while start < len(para):
        end = min(len(para), start + _SEGMENT_CHARS)
        if end < len(para):
            space = para.rfind(" ", start + _SEGMENT_CHARS // 2, end)
            end = space + 1 if space > 0 else end
        pieces += _sentencex_segment(language, para[start:end])
        start = end
    return pieces


def _paired_marks(text: str, quotes: Sequence[Quotation]) -> str:
    """`text` with each straight double mark written as the quotations pair them: `“` where
    one opens, `”` where one closes, and a space where none does (an inch mark, a stray or
    a paragraph's mark reopening a quotation carried on). The same length, so the same
    offsets: the sentence splitter pairs straight marks one after another, and a single
    mark left unpaired earlier in a paragraph ("… want to play him? "Juninho is …") turned
    every sentence after it inside out, none of them split."""
    if '"' not in text:
        return text
    marks = dict.fromkeys((m.start() for m in _STRAIGHT_DOUBLE.finditer(text)), " ")
    for quote in quotes:
        if quote.kind != "double":
            continue
        if quote.outer.start in marks:
            marks[quote.outer.start] = "“"
        if quote.closed and quote.outer.end - 1 in marks:
            marks[quote.outer.end - 1] = "”"
    pieces: list[str] = []
    done = 0
    for at, mark in marks.items():
        pieces += [text[done:at], mark]
        done = at + 1
    pieces.append(text[done:])
    return "".join(pieces)


_STRAIGHT_DOUBLE = re.compile('"')


def sentences(
    text: str,
    paras: list[Span] | None = None,
    language: str = "en",
    quotes: Sequence[Quotation] | None = None,
) -> list[Span]:
    """Sentence spans inside each paragraph, from a splitter that knows abbreviations.
    `quotes`: the text's quotations, whose marks the splitter then reads as they pair."""
    spans: list[Span] = []
    read = _paired_marks(text, quotes) if quotes is not None else text
    for para in paras if paras is not None else paragraphs(text):
        offset = start = para.start
        for piece in _segments(language, read[para.start : para.end]):
            offset += len(piece)
            if _ends_in_splitter_miss(piece) and text[offset : offset + 3].lstrip()[:1].isupper():
                continue  # the sentence goes on after "Ste."
            if _ENDS_IN_LETTER_DOT.search(piece) and _OPENS_WITH_LETTER_DOT.match(text, offset):
                continue  # "Sen. Chuck Schumer, D-N.Y., said": inside the state's letters
            _append_trimmed(spans, text, start, offset)
            start = offset
        if start < para.end:
            _append_trimmed(spans, text, start, para.end)
    return spans


# --- quotations ----------------------------------------------------------------------------

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‚‹"
_SINGLE_CLOSE = "’›"
QUOTE_MARKS = frozenset('"' + "'" + _DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE)
_OPENING_CONTEXT = set("([{<—–-/\u00a0") | set(_DOUBLE_OPEN) | set(_SINGLE_OPEN) | {'"', "'"}
# Wire copy (AP) writes a double quote as two single ones: ‘‘ opens and ’’ closes. The New
# York Times' archive copy writes it as two apostrophes, `''`, read like a straight `"` by
# where it stands; three (`'''`) are a single quote inside the double one meeting its end.
_DOUBLED_SINGLES = {"‘‘": "open", "’’": "close"}
_DOUBLE_MARKS = re.compile('["“”„«»]')
_SINGLE_MARKS = re.compile("['‘’‚‹›]")
_DOUBLE_MARKS_AND_DOUBLED = re.compile("‘‘|’’|'{2,3}|[\"“”„«»]")  # (slower: only where needed)
_SINGLE_MARKS_AND_DOUBLED = re.compile("‘‘|’’|'{2,3}|['‘’‚‹›]")
_DECADE = re.compile(r"\d\ds\b")


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _is_word(ch: str) -> bool:
    return ch != "" and (ch.isalnum() or unicodedata.category(ch).startswith("M"))


def _direction(text: str, i: int) -> str:
    """'open', 'close', 'apostrophe' or 'either' for the quote mark at `i`."""
    ch = text[i]
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    single = ch in "'‘’‚‹›"
    if single and _is_word(before) and _is_word(after):
        return "apostrophe"  # don't, Canada’s, rock'n'roll
    if single and ch in "'’‘" and _is_space(before) and _DECADE.match(text, i + 1):
        return "apostrophe"  # ’90s
    # A curly mark typed the wrong way round (`decision.“ However`, `said ”Yes`, German
    # `„Ja“`) is read by where it stands.
    if (
        ch == "“"
        and not _is_space(before)
        and before not in _OPENING_CONTEXT
        and not _is_word(after)
        and after not in "[(‘'"  # (`Inverse.“[Reusability is] …”`: glued, still opening)
    ):
        return "close"
    if ch == "”" and (_is_space(before) or before in _OPENING_CONTEXT) and _is_word(after):
        return "open"
    if ch in _DOUBLE_OPEN or ch in "‘‚‹":
        return "open"
    if ch in _DOUBLE_CLOSE or ch == "›":
        return "close"
    left_flanking = not _is_space(after) and (_is_space(before) or before in _OPENING_CONTEXT)
    right_flanking = not _is_space(before) and before not in _OPENING_CONTEXT
    if ch == "’":
        # A closing single quote, or the apostrophe of a plural possessive ("agents’ work").
        return "close" if right_flanking else "apostrophe"
    if left_flanking and not right_flanking:
        return "open"
    if right_flanking and not left_flanking:
        return "close"
    return "either"


def quotations(text: str, paras: list[Span] | None = None) -> list[Quotation]:
    """Every quotation of `text`, in order; see the module docstring for the conventions.

    Double quotes are found first. Single quotes count only outside them (nested ones belong
    to the outer quotation) and only when closed, since a lone `'` is more often an elision
    ('em, 'cause) than a quotation. A single-quoted passage holding a double-quoted one
    (British style) keeps the outer span only.
    """
    paras = paras if paras is not None else paragraphs(text)
    doubles = _scan(text, paras, "double")
    singles = [q for q in _scan(text, paras, "single") if q.closed]
    if not singles:
        return doubles
    in_doubles = _Reach(doubles)
    kept_singles = [s for s in singles if not in_doubles.covers(s.outer)]
    in_singles = _Reach(kept_singles)
    kept_doubles = [d for d in doubles if not in_singles.covers(d.outer)]
    near_doubles = _Reach(kept_doubles)
    kept_singles = [s for s in kept_singles if not near_doubles.overlaps(s.outer)]
    return sorted(kept_doubles + kept_singles, key=lambda q: q.outer.start)


class _Reach:
    """Quotations sorted by start, with the furthest end reached so far: whether one covers
    or overlaps a span is a binary search, so comparing two kinds of marks stays linear
    (600,000 marks on one line took minutes when every pair was compared)."""

    def __init__(self, quotes: list[Quotation]) -> None:
        spans = sorted((q.outer for q in quotes), key=lambda span: span.start)
        self._starts = [span.start for span in spans]
        self._reach: list[int] = []
        furthest = -1
        for span in spans:
            furthest = max(furthest, span.end)
            self._reach.append(furthest)

    def covers(self, span: Span) -> bool:
        """Whether a quotation holds all of `span` (starts at or before it, ends at or after)."""
        index = bisect_right(self._starts, span.start) - 1
        return index >= 0 and self._reach[index] >= span.end

    def overlaps(self, span: Span) -> bool:
        """Whether a quotation shares any character with `span`."""
        index = bisect_left(self._starts, span.end) - 1
        return index >= 0 and self._reach[index] > span.start


def _scan(text: str, paras: list[Span], kind: str) -> list[Quotation]:
    """Pair the quote marks of one kind (double or single) into quotations."""
    found: list[Quotation] = []
    para_starts = [p.start for p in paras]
    if "’’" in text or "‘‘" in text or "''" in text:
        marks = _DOUBLE_MARKS_AND_DOUBLED if kind == "double" else _SINGLE_MARKS_AND_DOUBLED
    else:
        marks = _DOUBLE_MARKS if kind == "double" else _SINGLE_MARKS
    open_at = -1  # offset of the opening mark of the quotation under way
    para_index = -1

    open_length = 1  # 2 for a doubled single mark

    def close(end_mark: int, closed: bool, length: int = 1) -> None:
        inner_start, inner_end = open_at + open_length, end_mark
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end > inner_start:
            outer = Span(open_at, end_mark + length if closed else end_mark)
            found.append(Quotation(Span(inner_start, inner_end), outer, kind, closed))

    for match in marks.finditer(text):
        i, length = match.start(), match.end() - match.start()
        straight = text[i] == '"'
        if text[i] == "'" and length > 1:
            # Two apostrophes are a double quote; three, a double and a single one side by side.
            direction, straight = _straight_doubled(text, i, length), True
            if direction == "apostrophe":
                continue
            if length == 3:
                # Opening: the double mark, then the single; closing: the single, then the double.
                single_at = i + 2 if direction == "open" else i
                if kind == "single":
                    i, length, straight = single_at, 1, False
                else:
                    i, length = (i if direction == "open" else i + 1), 2
            elif kind == "single":
                continue
        else:
            doubled = _DOUBLED_SINGLES.get(match.group())
            if doubled and kind == "single":
                continue  # a double quote written with single marks: the double scan's
            direction = doubled or _direction(text, i)
        if direction == "apostrophe":
            continue
        mark_para = bisect_right(para_starts, i) - 1
        if open_at >= 0 and mark_para != para_index:
            # The quotation ran to the end of its paragraph without a closing mark. It carries
            # on when the next paragraph opens with a mark of its kind; else it stops there.
            # (A mark of the other style, straight for curly, opens a quotation of its own:
            # copy pieced together from two sources.)
            if (
                mark_para == para_index + 1
                and i == paras[mark_para].start
                and direction != "close"
                and _straight(text[open_at]) == _straight(text[i])
            ):
                para_index = mark_para
                continue
            # Copy that lost the reopening mark (`said, "I think …` / `It was … better."`):
            # the next paragraph's first mark closes the quotation there.
            if mark_para == para_index + 1 and direction == "close":
                close(i, closed=True, length=length)
                open_at = -1
                continue
            close(paras[para_index].end, closed=False)
            open_at = -1
        if open_at < 0:
            # Straight double quotes alternate within a paragraph whatever their spacing
            # (`said," [Warhol] liked`), so any one of them may open a quotation; but not
            # the last thing in its paragraph (`forty-six, no."` after a mismatched opening
            # mark), which would open onto the next paragraph's quotation.
            # (Paragraphs are trimmed: nothing follows a mark at the end of its own.)
            if (direction != "close" or text[i] == '"') and i + length < paras[mark_para].end:
                open_at, para_index, open_length = i, mark_para, length
            continue
        if straight and _reopens(text, i, direction, length):
            # Copy whose paragraph breaks were lost keeps each paragraph's reopening mark
            # (`keyboard. "The software …`): the quotation carries on.
            continue
        if direction == "open" and not straight and text[i] != "'":
            # A second opening mark before any closing one: the first was never closed.
            close(i, closed=False)
            open_at, para_index, open_length = i, mark_para, length
            continue
        close(i, closed=True, length=length)
        open_at = -1
    if open_at >= 0:
        close(paras[para_index].end, closed=False)
    return found


def _straight(mark: str) -> bool:
    return mark in "\"'"


def _reopens(text: str, i: int, direction: str, length: int = 1) -> bool:
    """Whether the straight mark at `i`, inside an open quotation, reopens it mid-paragraph.

    It stands where a new paragraph would begin: after a finished sentence and a space, before
    a capital letter, leaning open rather than closed.
    """
    return (
        direction == "open"
        and i >= 2
        and text[i - 1] == " "
        and text[i - 2] in ".?!"
        and i + length < len(text)
        and text[i + length].isupper()
    )


def _straight_doubled(text: str, i: int, length: int) -> str:
    """'open', 'close', 'apostrophe' or 'either' for the run of `length` apostrophes at `i`."""
    before = text[i - 1] if i else ""
    after = text[i + length] if i + length < len(text) else ""
    if _is_word(before) and _is_word(after):
        return "apostrophe"
    left_flanking = not _is_space(after) and (_is_space(before) or before in _OPENING_CONTEXT)
    right_flanking = not _is_space(before) and before not in _OPENING_CONTEXT
    if left_flanking and not right_flanking:
        return "open"
    if right_flanking and not left_flanking:
        return "close"
    return "either"


def curly_marks(text: str, quotes: list[Quotation]) -> str:
    """`text` with each double quote written as two marks (`''`, `‘‘`, `’’`) rewritten as one
    curly mark and a space inside the quotation (`“ ` and ` ”`): the same offsets, so code
    that reads the words around a quotation sees one kind of double mark."""
    if "''" not in text and "‘‘" not in text and "’’" not in text:
        return text
    pieces: list[str] = []
    done = 0
    for quote in quotes:
        start, end = quote.outer.start, quote.outer.end
        if quote.kind != "double":
            continue
        if text[start : start + 2] in {"''", "‘‘"}:
            pieces += [text[done:start], "“ "]
            done = start + 2
        if quote.closed and end - 2 >= done and text[end - 2 : end] in {"''", "’’"}:
            pieces += [text[done : end - 2], " ”"]
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


def quotation_at(quotes: list[Quotation], offset: int) -> Quotation | None:
    """The quotation whose marks enclose `offset`, if any."""
    starts = [q.outer.start for q in quotes]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < quotes[index].outer.end:
        return quotes[index]
    return None


@dataclass
class TextStructure:
    """The paragraphs, sentences and quotations of one normalised text, computed on demand."""

    text: str

    @cached_property
    def paragraphs(self) -> list[Span]:
        return paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text, self.paragraphs, quotes=self.quotations)

    @cached_property
    def quotations(self) -> list[Quotation]:
        return quotations(self.text, self.paragraphs)
