"""Reader's pass over trafilatura's story: remove only on evidence, repair, never do harm.

The pass starts from every block trafilatura kept and changes it only where the page or the
library gives evidence that holds on any site, never because of how a line looks:

- a block that is mostly link text in the page (a list of other stories, "Read more: <link>");
- a block inside an element whose class or id names a widget ("related", "newsletter",
  "promo", "share", "sidebar", ...), or the page's own headline, date or byline line (a
  heading inside the story's element with story on both sides is a sub-headline, however
  its element is named);
- an image caption (a `figcaption`, or an element named "caption"): kept apart, in
  `captions`, not in the story, unless the page is a gallery told in its captions
  (`is_gallery`);
- a block found on other pages of the same site the library holds (boilerplate by
  repetition, as jusText and boilerpipe reason: `reader.library.site_memory`), unless it is
  a paragraph only one other page holds, unmarked, of prose with story on both sides
  (background two stories of the site share) or quoting someone and saying who (a quote
  two stories share, wherever it stands): `shared_with_one_page`;
- the headline repeated as the story's first block;
- a block whose words all stand in a longer block of the story (a pull quote), unless it
  is a sub-headline: a heading in an `<h2>`..`<h6>` inside the story's element.

A removal on one signal of the page is weak evidence; repetition on other pages of the
site, or two signals agreeing (a widget's name and link text, either outside the story's
element, or link text made of three links or more: a menu; or a removal's very text three
times or more in the story, a placeholder repeated for each embed), is strong. If strong removals would cut more than `MAX_STRONG_CUT` of
trafilatura's words, the pass keeps trafilatura's text (a page where Reader and trafilatura
disagree that much is one where Reader is more likely wrong) and says so; if weak ones would
cut more than `MAX_CUT`, it keeps those blocks (and says so) and makes the strong removals
only. The repeated headline and the captions do not count: neither is lost.
Repairs change no word: a dateline glued to the first word gets its space back, and a
paragraph a site split around an advert is joined again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from reader.core.wording import plural
from reader.library.page_evidence import PageIndex, Place, captions_in, locate
from reader.library.page_text import HEADING, PARAGRAPH, Block


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Reader's removals may cut at most this share of trafilatura's words (captions and the
# repeated headline aside); above it, trafilatura's text is kept.
MAX_CUT = 0.15
MAX_STRONG_CUT = 0.5  # removals on strong evidence (see `evidence`)
# A block the library holds on this many other pages of the site (not versions of this
# story: `SiteMemory.seen_elsewhere`) is boilerplate by repetition.
REPEATED_ON = 1
LINK_SHARE = 0.7  # a block this much link text is a link, not story
LINK_LIST = 3  # ... and one of at least this many links is a list of links: a menu
# A short line among the last blocks, half link text: "Follow us on <links>", a credit.
TRAILING_BLOCKS, TRAILING_WORDS, TRAILING_LINKS = 3, 12, 0.5

# Class and id words of widgets, seen around boilerplate on many sites (and never around a
# story's paragraphs on the development pages: see bench/extraction.py).
WIDGET_WORDS = _vocabulary(
    "related recommend recommended recommendations promo promoted promotion newsletter "
    "newsletters signup subscribe subscription share sharing sharebar social advert "
    "advertisement advertising ads sponsor sponsored outbrain taboola trending popular "
    "readmore sidebar widget footer nav navigation menu breadcrumb breadcrumbs comment "
    "comments toolbar print copyright pagination"
)
# Elements that hold the page's headline, date or byline: kept in the front matter instead.
FURNITURE_WORDS = _vocabulary("headline title byline author date timestamp")
FURNITURE_MAX_WORDS = 20
CAPTION_WORDS = _vocabulary("caption captions gallery slide slides slideshow")


@dataclass(frozen=True)
class Removal:
    """A block Reader's pass took out of the story, and the evidence for it."""

    text: str
    reason: str
    kind: str = PARAGRAPH
    strong: bool = False


@dataclass
class Cleaned:
    """The pass's result: the story's blocks, the captions kept apart, what was removed, and
    whether the pass was applied (`applied` False: trafilatura's text, `note` says why)."""

    blocks: list[Block]
    captions: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    applied: bool = True
    note: str = ""
    spared: list[Removal] = field(default_factory=list)  # would have gone; kept (not applied)


HEADLINE_WITHIN = 3  # blocks from the top where a repeated headline is looked for


# Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
# Burmese): there, two characters count as a word, about what a word of English carries.
_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]"
)


def words(text: str) -> int:
    """How many words a text has; in scripts without spaces, two characters make a word."""
    tokens = text.split()
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(tokens)
    spaced = sum(1 for token in tokens if not _UNSPACED.search(token))
    return spaced + max(1, unspaced // 2)


def clean_blocks(
    blocks: list[Block],
    tree: Any,
    title: str,
    seen_elsewhere: Callable[[str], int] | None = None,
) -> Cleaned:
    """Reader's pass over trafilatura's blocks of the page `tree` (see the module docstring).
    `seen_elsewhere(text)` is how many other pages of the site hold a block's text."""
    places, index, main = locate(blocks, tree)
    joined = join_same_paragraph(blocks, places, index)
    if len(joined) < len(blocks):
        blocks = joined
        places, index, main = locate(blocks, tree)
    blocks = [
        Block(b.kind, repair_dateline(b.text)) if i < _DATELINE_BLOCKS else b
        for i, b in enumerate(blocks)
    ]
    at = _headline_at(blocks, title)
    if at is not None:
        headline = [Removal(blocks[at].text, "the headline, shown as the title", blocks[at].kind)]
        blocks, places = blocks[:at] + blocks[at + 1 :], places[:at] + places[at + 1 :]
    else:
        headline = []
    captions = [b for b, p in zip(blocks, places, strict=True) if p is not None and _is_caption(p)]
    captioned = frozenset(captions)  # (asked of every block: a list was blocks x captions)
    removed: dict[int, Removal] = {}
    for number, (block, place) in enumerate(zip(blocks, places, strict=True)):
        trailing = len(blocks) - number <= TRAILING_BLOCKS
        found = evidence(block, place, seen_elsewhere, trailing)
        if found and block not in captioned:
            removed[number] = Removal(block.text, found.reason, block.kind, found.strong)
    for number in sub_headlines(blocks, places, removed, captioned, title):
        del removed[number]
    for number in shared_with_one_page(blocks, places, removed, captioned):
        del removed[number]
    removed = corroborated_by_copies(blocks, removed)
    repeated = {
        number: Removal(blocks[number].text, REPEATED, blocks[number].kind, True)
        for number in repeated_in_story(blocks, sub_headline_places(blocks, places))
        if number not in removed and blocks[number] not in captioned
    }
    total = sum(words(b.text) for b in blocks) or 1
    if is_gallery(blocks, captions):
        captions, captioned = [], frozenset()  # a gallery: its captions are the story
    weak = sum(words(r.text) for r in removed.values() if not r.strong)
    strong = sum(words(r.text) for r in removed.values() if r.strong)
    block_texts = {b.text for b in blocks}
    page_captions = [text for text in captions_in(main) if text not in block_texts]
    spared: list[Removal] = []
    note = ""
    if strong > MAX_STRONG_CUT * total or (weak > MAX_CUT * total and not strong):
        note = (
            f"Reader's cleaning would cut {(weak + strong) / total:.0%} of trafilatura's text "
            f"({plural(len(removed), 'block')}); kept trafilatura's text"
        )
        spared = list(removed.values())
        return Cleaned(join_split_paragraphs(blocks), page_captions, headline, False, note, spared)
    if weak > MAX_CUT * total:  # the strong removals stand; the weak ones are too many
        spared = [r for r in removed.values() if not r.strong]
        removed = {number: r for number, r in removed.items() if r.strong}
        note = (
            f"Reader's cleaning would cut {weak / total:.0%} of trafilatura's text on weaker "
            f"evidence ({plural(len(spared), 'block')}); kept those"
        )
    removed |= repeated  # (not counted against the caps: nothing of the story is lost)
    if all(number in removed or block in captioned for number, block in enumerate(blocks)):
        # Nothing of the story would be left (a gallery whose text is all captions): the
        # "no article" refusal is trafilatura's to make, so its text is kept.
        note = "Reader's cleaning would leave no story text; kept trafilatura's text"
        spared = list(removed.values())
        return Cleaned(join_split_paragraphs(blocks), page_captions, headline, False, note, spared)
    # Removed blocks leave a mark ("" kind): a paragraph split around them is joined.
    kept = [
        Block("", "") if number in removed else block
        for number, block in enumerate(blocks)
        if block not in captioned
    ]
    texts = [b.text for b in captions] + page_captions
    return Cleaned(
        join_split_paragraphs(kept), texts, headline + list(removed.values()), True, note, spared
    )


REPEATED = "repeated in the story (a pull quote)"
GALLERY_SHARE = 0.8
GALLERY_INTRO_WORDS = 250


def is_gallery(blocks: list[Block], captions: list[Block]) -> bool:
    """Whether a page is a gallery whose captions are its story: all its blocks are
    captions, or they hold `GALLERY_SHARE` of the words and the page has under
    `GALLERY_INTRO_WORDS` of its own (an introduction, not a story with a gallery after
    it). On the dev sets, the listicles and shop guides told in slides (jokes, costumes,
    shops: 76 to 218 words of their own) were read as their introduction alone; the one
    story followed by a longer slideshow had 469 words of its own."""
    caption_words = sum(words(b.text) for b in captions)
    other = sum(words(b.text) for b in blocks) - caption_words
    return len(captions) == len(blocks) or (
        caption_words >= GALLERY_SHARE * (caption_words + other) and other < GALLERY_INTRO_WORDS
    )


_TABLE_OR_CODE = frozenset("│┃─━┼┬┴├┤|{};=<>")


def _prose(text: str) -> bool:
    """Whether a text is written words, not a table or code (no rule or code marks, and
    few marks of any kind)."""
    visible = "".join(text.split())
    return (
        bool(visible)
        and not _TABLE_OR_CODE.intersection(visible)
        and sum(c.isalnum() for c in visible) >= 0.85 * len(visible)
    )


_WORD = re.compile(r"\w+")
MIN_REPEATED_WORDS = 6


# The words the search for repeated blocks may read, per word of the story, besides a floor:
# on the 1,321 stored pages of the gold and development sets, none read one per word (0.85:
# an FAQ page whose questions stand again in its answers), most under a third; only a page
# crafted so that many blocks start and end alike comes near it.
REPEAT_READ_PER_WORD = 8
REPEAT_READ_AT_LEAST = 100_000


def repeated_in_story(blocks: list[Block], spared: frozenset[int] = frozenset()) -> set[int]:
    """The blocks whose words all stand, in order, inside a longer block of the same story:
    a pull quote, a highlight repeated from the text. Removing one loses no word of the
    story, whatever the site; but a sub-headline that says again a line of the text below it
    is the story's (`spared`: see `sub_headline_places`).

    A block is looked for only where a longer block holds its first `MIN_REPEATED_WORDS`
    words (found in one pass over the story's words) and, as far on as the block is long,
    its last ones; the blocks of the same words once. (Each block was compared with every
    other: a page of 50,000 short paragraphs took minutes.) The words read are bounded
    (`REPEAT_READ_PER_WORD`, `REPEAT_READ_AT_LEAST`), which only a crafted page reaches, of
    many blocks that start and end alike and repeat none: the blocks not found by then are
    kept, and no word is lost. The set is filled in the story's order, as it always was
    (`clean_blocks` lists the removals in its order)."""
    texts = [tuple(_WORD.findall(block.text.casefold())) for block in blocks]
    sought: dict[tuple[str, ...], list[int]] = {}  # the blocks looked for, by their words
    for number, block_words in enumerate(texts):
        if number in spared or len(block_words) < MIN_REPEATED_WORDS:
            continue
        if _prose(blocks[number].text):  # (a table's header row or a line of code may repeat)
            sought.setdefault(block_words, []).append(number)
    # how many of those not yet found have these first words, length and last words
    unfound: dict[tuple[str, ...], dict[int, dict[tuple[str, ...], int]]] = {}
    for needle in sought:
        first, last = needle[:MIN_REPEATED_WORDS], needle[-MIN_REPEATED_WORDS:]
        by_last = unfound.setdefault(first, {}).setdefault(len(needle), {})
        by_last[last] = by_last.get(last, 0) + 1
    budget = REPEAT_READ_PER_WORD * sum(map(len, texts)) + REPEAT_READ_AT_LEAST
    read = 0
    found: set[int] = set()
    for holder in texts:
        if len(holder) <= MIN_REPEATED_WORDS:
            continue  # (too short to hold a block looked for and be longer)
        for at in range(len(holder) - MIN_REPEATED_WORDS + 1):
            by_length = unfound.get(holder[at : at + MIN_REPEATED_WORDS])
            if not by_length:
                continue
            for length in list(by_length):
                read += 1
                if length >= len(holder) or at + length > len(holder):
                    continue
                read += MIN_REPEATED_WORDS
                by_last = by_length[length]
                last = holder[at + length - MIN_REPEATED_WORDS : at + length]
                if last not in by_last:
                    continue
                read += length
                numbers = sought.pop(holder[at : at + length], None)
                if numbers is None:
                    continue
                found.update(numbers)
                by_last[last] -= 1
                if not by_last[last]:
                    del by_last[last]
                    if not by_last:
                        del by_length[length]
            if read > budget:
                return _in_order(found)
    return _in_order(found)


def _in_order(numbers: set[int]) -> set[int]:
    """The same numbers in a set filled in their order: the order `clean_blocks` lists the
    removals in (a set's order follows the order it was filled in)."""
    ordered: set[int] = set()
    for number in sorted(numbers):
        ordered.add(number)
    return ordered


_HEADING_TAG = re.compile(r"h[1-6]")


def sub_headline_places(blocks: list[Block], places: list[Place | None]) -> frozenset[int]:
    """The headings that stand where a story's sub-headlines do: inside the story's element,
    in an `<h2>` to `<h6>` (an `<h1>` is a title: the page's, or a box's). Repeating a line
    of the text is no evidence against one: on the gold sets, 18 of 23 headings removed as
    repeated were the story's (on 10 sites: a quote from the section below as its heading),
    and the five that were not were all outside the story's element or in an `<h1>`."""
    return frozenset(
        number
        for number, (block, place) in enumerate(zip(blocks, places, strict=True))
        if block.kind == HEADING
        and place is not None
        and place.inside
        and _heading_tag(place.element) not in ("", "h1")
    )


def _heading_tag(element: Any) -> str:
    """The tag of the `<h1>`..`<h6>` element around an element ("" if there is none)."""
    while element is not None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if _HEADING_TAG.fullmatch(tag):
            return tag
        element = element.getparent()
    return ""


@dataclass(frozen=True)
class Evidence:
    """Why a block is not story: the reasons, and whether they are strong (repetition on
    other pages of the site, or two independent signals of the page agreeing)."""

    reasons: tuple[str, ...]
    strong: bool

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def evidence(
    block: Block,
    place: Place | None,
    seen_elsewhere: Callable[[str], int] | None = None,
    trailing: bool = False,
) -> Evidence | None:
    """What says a block is not story, or None when nothing does. One signal of the page
    (link text, a widget's name, the page furniture's name) is enough to remove a block
    within the cap; a block outside the story's element or half link text is only
    corroboration."""
    if block.kind == PARAGRAPH and not any(character.isalnum() for character in block.text):
        # "|", "•", "—" alone (the bar between a byline and a date): no word to lose
        return Evidence(("no letter or figure in it",), True)
    if seen_elsewhere is not None:
        others = seen_elsewhere(block.text)
        if others >= REPEATED_ON:
            pages = "pages" if others > 1 else "page"
            return Evidence((f"on {others} other {pages} of this site",), True)
    if place is None:
        return None
    signals: list[str] = []
    widget = sorted(place.words & WIDGET_WORDS)
    furniture = sorted(place.words & FURNITURE_WORDS)
    if widget:  # the names around it: one signal, however many
        signals.append(f"in a page widget ({', '.join(widget)})")
    elif furniture and words(block.text) <= FURNITURE_MAX_WORDS:
        signals.append(f"the page's {furniture[0]} line")
    if place.link_share >= LINK_SHARE:
        signals.append(f"a link ({place.link_share:.0%} of it is link text)")
        if place.links >= LINK_LIST:
            signals.append(f"a list of {place.links} links")
    elif trailing and place.link_share >= TRAILING_LINKS and words(block.text) <= TRAILING_WORDS:
        signals.append(f"a short line after the story, {place.link_share:.0%} link text")
    if not signals:
        return None
    if not place.inside:
        signals.append("outside the story's element")
    elif 0.4 <= place.link_share < LINK_SHARE and not trailing:
        signals.append(f"{place.link_share:.0%} link text")
    return Evidence(tuple(signals), len(signals) >= 2)


COPIES = 3  # a weak removal whose very text stands this often in the story is a template


def corroborated_by_copies(blocks: list[Block], removed: dict[int, Removal]) -> dict[int, Removal]:
    """Weak removals made strong when the same text stands more than once among the story's
    blocks (a placeholder a site repeats for each embed it could not show: "External content
    not available"): a second signal, from the page itself, that agrees with the first."""
    counts: dict[str, int] = {}
    for block in blocks:
        key = " ".join(block.text.casefold().split())
        counts[key] = counts.get(key, 0) + 1
    out = dict(removed)
    for number, removal in removed.items():
        copies = counts.get(" ".join(blocks[number].text.casefold().split()), 0)
        if not removal.strong and copies >= COPIES:
            reason = f"{removal.reason}; {copies} times in the page"
            out[number] = Removal(removal.text, reason, removal.kind, True)
    return out


_FURNITURE_TITLE = frozenset(f"the page's {word} line" for word in ("title", "headline"))


def sub_headlines(
    blocks: list[Block],
    places: list[Place | None],
    removed: dict[int, Removal],
    captions: Collection[Block],
    title: str,
) -> list[int]:
    """The headings removed only because an element around them is named "title" or
    "headline" that are the story's sub-headlines: inside the story's element, not the page's
    headline, between two blocks the pass keeps, a paragraph after. Sites name a
    sub-headline's element "title" as often as the page's headline's: on the dev sets, 14 of
    the 24 such headings were the story's (on 7 sites); the others were box titles, two
    "ADVERTISEMENT" and five teasers of one site whose teaser text the pass keeps anyway."""

    def kept(number: int) -> bool:
        return (
            0 <= number < len(blocks) and number not in removed and blocks[number] not in captions
        )

    found = []
    for number, removal in removed.items():
        block, place = blocks[number], places[number]
        if (
            block.kind == HEADING
            and removal.reason in _FURNITURE_TITLE
            and place is not None
            and place.inside
            and not _is_headline(block, title)
            and kept(number - 1)
            and kept(number + 1)
            and blocks[number + 1].kind == PARAGRAPH
        ):
            found.append(number)
    return found


ON_ONE_PAGE = "on 1 other page of this site"


def shared_with_one_page(
    blocks: list[Block],
    places: list[Place | None],
    removed: dict[int, Removal],
    captions: Collection[Block],
) -> list[int]:
    """The paragraphs removed only because one other page of the site holds them that are
    the story's: prose longer than any headline or byline, inside the story's element, with
    no sign of boilerplate in the page (no link text, no widget's name), in a run of such
    paragraphs with a paragraph the pass keeps on each side. Two stories of a site about the
    same event share background paragraphs (a wire story and its follow-up); boilerplate in
    the middle of a story (a promotion, a disclaimer) is on many pages, or marked."""

    def candidate(number: int) -> bool:
        block, place = blocks[number], places[number]
        return (
            removed[number].reason == ON_ONE_PAGE
            and block.kind == PARAGRAPH
            and (words(block.text) > FURNITURE_MAX_WORDS or _attributed_quotation(block.text))
            and place is not None
            and place.inside
            and place.link_share == 0
            and evidence(block, place) is None
        )

    def kept(number: int) -> bool:
        return (
            0 <= number < len(blocks)
            and number not in removed
            and blocks[number] not in captions
            and blocks[number].kind == PARAGRAPH
        )

    found: list[int] = []
    run: list[int] = []
    for number in sorted(removed):
        if not candidate(number):
            continue
        if _attributed_quotation(blocks[number].text):
            # someone's words said by whom: the story's, whatever its neighbours (a quote
            # two market wraps of a site share was cut from the one fetched second, at the
            # story's end; a daily reader's finding)
            found.append(number)
            continue
        if run and number != run[-1] + 1:
            found += run if kept(run[0] - 1) and kept(run[-1] + 1) else []
            run = []
        run.append(number)
    if run and kept(run[0] - 1) and kept(run[-1] + 1):
        found += run
    return found


_OPENING = re.compile(r"[“\"«]")
_CLOSING = re.compile(r"[”\"»]")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|added|asked|wrote|writes|according to|explained|noted)\b",
    re.IGNORECASE,
)


def _attributed_quotation(text: str) -> bool:
    """Whether a paragraph quotes someone and says who: quoted words and a verb of speech."""
    return _ATTRIBUTION.search(text) is not None and _quoted_words(text)


def _quoted_words(text: str) -> bool:
    """Whether an opening mark and a closing one hold twelve characters or more and no
    closing mark between them. Read once, from closing mark to closing mark (a pattern
    searched from every opening mark read to the text's end for each when none closed: 80,000
    characters of "«" took 27 s)."""
    start = 0
    for closing in _CLOSING.finditer(text):
        end = closing.start()
        opening = _OPENING.search(text, start, end)
        if opening is not None and end - opening.start() - 1 >= 12:
            return True
        start = end  # (a straight mark closes one passage and may open the next)
    return False


def _is_caption(place: Place) -> bool:
    return place.caption or bool(place.words & CAPTION_WORDS)


def _headline_at(blocks: list[Block], title: str) -> int | None:
    """Where the story repeats its headline: its first block, or a heading among the first
    HEADLINE_WITHIN that is the title (a date or a byline may come before it)."""
    if blocks and _is_headline(blocks[0], title):
        return 0
    folded = _letters(title)
    for at, block in enumerate(blocks[1:HEADLINE_WITHIN], start=1):
        if folded and block.kind == HEADING and _letters(block.text) == folded:
            return at
    return None


def _is_headline(block: Block, title: str) -> bool:
    """The page's headline as the story's first block: the title, or a heading that is most
    of it (a title is often "Headline | Site")."""
    folded = _letters(title)
    if not folded:
        return False
    text = _letters(block.text)
    return text == folded or (
        block.kind == HEADING and text in folded and len(text) >= 0.5 * len(folded)
    )


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


# --- repairs -----------------------------------------------------------------------------------

# "Hong Kong (CNN Business)A muddled…", "(CNN)Three airports closed…": a dateline ending in
# a parenthesis (an agency or an outlet, capitalised) glued to the story's first word; not a
# compound's shared part ("auf (Forst-)Straßen").
_GLUED_DATELINE = re.compile(
    r"^((?:[A-Z][^()\n]{0,60})?\([A-Z][^()\n]{0,39}(?<!-)\))(?=[A-Z0-9\"“‘'])"
)
# The blocks a dateline may open: the story's first paragraph, after a byline, a date line
# or a standfirst ("By Alice Wong" / "Updated 10:32 a.m." / "LONDON (Reuters)Oil …").
_DATELINE_BLOCKS = 5


def repair_dateline(text: str) -> str:
    return _GLUED_DATELINE.sub(r"\1 ", text, count=1)


def join_same_paragraph(
    blocks: list[Block], places: list[Place | None], index: PageIndex
) -> list[Block]:
    """Blocks that are one paragraph of the page joined again: trafilatura sometimes lifts a
    link out of its paragraph ("… instead of a museum and" / "ride" / "we might be …")."""
    out: list[Block] = []
    last: Place | None = None
    for block, place in zip(blocks, places, strict=True):
        if (
            out
            and place is not None
            and last is not None
            and block.kind == out[-1].kind
            and index.flows_on(last.span, place.span)
        ):
            out[-1] = Block(block.kind, _joined(out[-1].text, block.text))
        else:
            out.append(block)
        last = place
    return out


def _joined(first: str, second: str) -> str:
    return first + second if second[:1] in ",.;:!?)]…" else f"{first} {second}"


_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”’')\]]\s*$")


def join_split_paragraphs(blocks: list[Block]) -> list[Block]:
    """Paragraphs a site split (around an advert, a "read more" box) joined again: one that
    stops mid-sentence followed by one that starts in lower case. Placeholders ("" kind)
    mark where a block was removed. In time that grows with the blocks: a paragraph is
    joined once, from its parts, and only the last part's end is read (reading the whole
    joined text at each step took minutes on a page of 20,000 such lines)."""
    out: list[Block] = []
    parts: list[list[str]] = []  # the texts each block of `out` is made of
    for block in blocks:
        if not block.kind:
            continue
        if (
            out
            and block.kind == PARAGRAPH
            and out[-1].kind == PARAGRAPH
            and block.text[:1].islower()
            and not _ENDS_SENTENCE.search(parts[-1][-1])
        ):
            parts[-1].append(block.text)
            continue
        out.append(block)
        parts.append([block.text])
    return [
        Block(PARAGRAPH, " ".join(texts)) if len(texts) > 1 else block
        for block, texts in zip(out, parts, strict=True)
    ]
