"""Adding articles to a library: from files, web pages, standard input and feeds.

Each source becomes a Markdown file in the library folder with front matter (title, author,
site, published, url, added) and the story as Markdown, escaped so that Reader reads back
exactly the published text. The library stays a folder of plain files any editor opens.

An article already in the library (the same address, or the same cleaned text) is reported
with its file name and skipped. Nothing is written when a source fails: the file is
created only once the story is in hand, and never over an existing file.
"""

from __future__ import annotations

import contextlib
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from reader.core.addresses import without_credentials
from reader.core.files import TOO_LONG, FileTooLarge, name_too_long, read_bounded
from reader.core.markdown_text import escape_markdown
from reader.core.paths import STEM_BYTES, cut_to_bytes, is_device_name, slug
from reader.core.records import ArticleRecord
from reader.core.text import clean_line, normalise, paragraphs
from reader.core.wording import plural
from reader.library.article_files import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    is_article_file,
    markdown_beyond_bounds,
    markdown_to_text,
    parse_article,
    split_front_matter,
    text_hash,
)
from reader.library.extraction import (
    HEADING,
    ITEM,
    PARAGRAPH,
    QUOTE,
    RAW,
    READER,
    TEXT,
    TRAFILATURA,
    Block,
    CleanArticle,
    ExtractionError,
    Removal,
    page_address,
    read_page,
    story,
)
from reader.library.fetching import (
    FEED_TYPES,
    HTML_TYPES,
    MAX_BYTES,
    TIMEOUT_SECONDS,
    FetchCancelled,
    Fetched,
    FetchError,
    fetch,
    is_web_address,
)
from reader.library.folder import Library
from reader.library.site_memory import FOLDER_NAME, SiteMemory
from reader.storage.atomic import write_atomically, write_new

WEB_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
STDIN_NAME = "standard input"  # how a page given as - is named


class AddError(Exception):
    """A source that cannot be added; the message is one line for the user, `source` the
    path or address it is about."""

    def __init__(self, message: str, source: str = "") -> None:
        super().__init__(bounded_message(message))
        self.source = source


MESSAGE_MOST = 400  # the longest error message: a pasted megabyte is no file's name


def bounded_message(message: str) -> str:
    """The message, its middle cut when it is longer than `MESSAGE_MOST` characters: the
    start of the name it is about and the reason after it are kept."""
    if len(message) <= MESSAGE_MOST:
        return message
    head, tail = MESSAGE_MOST // 3, MESSAGE_MOST - MESSAGE_MOST // 3 - 1
    return f"{message[:head]}…{message[-tail:]}"


@dataclass(frozen=True)
class AddResult:
    """What became of one source: `added` (a new file), `present` (already there), or for a
    refresh `updated` (the story changed; `detail` says what became of the annotations) or
    `unchanged`. For a page that was cleaned: `cleaning` (how: `extraction.CLEANINGS`),
    what Reader's pass `removed` and why, and its `note` when it kept trafilatura's text."""

    source: str
    status: str
    title: str
    path: str
    detail: str = ""
    cleaning: str = ""
    removed: tuple[Removal, ...] = ()
    note: str = ""
    spared: tuple[Removal, ...] = ()  # what the cleaning would have removed had it not backed off
    left_out: tuple[str, ...] = ()  # paragraphs of the page trafilatura's text left out
    same_title: str = ""  # (added) another article of the library with the same title
    same_title_url: str = ""  # (added) that article's web address, if it has one
    # (updated) the annotations whose words changed: (source, quote before, quote now)
    reworded: tuple[tuple[str, str, str], ...] = ()


def removed_report(outcome: AddResult, library: Path | None = None) -> list[str]:
    """What the cleaning of a page took out, and how to have it back: lines for a person
    (`reader add --show-removed`, the add dialog's "show what was removed"). `library`: the
    folder to name in the commands it suggests (when it is not the one Reader picks)."""
    removed = outcome.removed
    what = f"{plural(len(removed), 'block')} removed" if removed else ""
    lines = [f"cleaning: {outcome.cleaning}" + (f"; {what}:" if what else "; nothing removed")]
    lines += [_removal_line(removal) for removal in removed]
    if outcome.note:
        lines.append(outcome.note + (":" if outcome.spared else ""))
        lines += [_removal_line(removal, "kept") for removal in outcome.spared]
    if outcome.left_out:
        # (before Reader's pass: paragraphs of the page trafilatura did not take)
        lines.append(f"trafilatura left out {plural(len(outcome.left_out), 'paragraph')}:")
        lines += [
            _removal_line(Removal(text, "not in trafilatura's text")) for text in outcome.left_out
        ]
    if outcome.cleaning == TRAFILATURA or (outcome.left_out and not (removed or outcome.note)):
        # (trafilatura's text already, or what is missing is not in it: only all the page's
        # text gives more)
        lines.append(f"missing a paragraph? {update_command(outcome, library, RAW)}")
    elif removed or outcome.note:
        lines.append(
            f"missing a paragraph? {update_command(outcome, library, TRAFILATURA)} or "
            "--update --raw (all the text of the page)"
        )
    return lines


_OPTIONS = {
    TRAFILATURA: ("--no-clean", "trafilatura's text"),
    RAW: ("--raw", "all the text of the page"),
}


def update_command(outcome: AddResult, library: Path | None, cleaning: str) -> str:
    """The command that replaces an added page's text with another cleaning's, as a person
    types it from any folder ("reader --library L add --update --raw URL (…)")."""
    option, gives = _OPTIONS[cleaning]
    where = f"--library {shlex.quote(str(library))} " if library is not None else ""
    source = _source_argument(outcome)
    again = "; give the page on standard input again" if source == "-" else ""
    return f"reader {where}add --update {option} {shlex.quote(source)} ({gives}{again})"


def _source_argument(outcome: AddResult) -> str:
    """The source as `reader add` takes it from any folder: an address as given, a file by
    its full path, standard input as -."""
    source = outcome.source
    if _url_of(source):
        return source
    if source in ("-", STDIN_NAME):
        return "-"
    with contextlib.suppress(OSError, RuntimeError):
        return str(Path(source).expanduser().resolve())
    return source


def cleaned_again(
    library: Library,
    outcome: AddResult,
    source: str,
    stdin: bytes | None = None,
    timeout: float = TIMEOUT_SECONDS,
    cleaning: str = READER,
) -> AddResult:
    """An article found already in the library, with what the cleaning removes from its
    page (`source`, read or fetched again; nothing is written): for `--show-removed`."""
    if outcome.cleaning:
        return outcome
    article = prepare(source, stdin, timeout, cleaning, library).article
    done, removed, note, spared, left_out = _how_cleaned(article)
    return replace(
        outcome, cleaning=done, removed=removed, note=note, spared=spared, left_out=left_out
    )


def _removal_line(removal: Removal, kept: str = "") -> str:
    text = removal.text if len(removal.text) <= 100 else removal.text[:99] + "…"
    return f"  - {text}\n    ({removal.reason}{'; ' + kept if kept else ''})"


@dataclass
class Prepared:
    """A source read and cleaned, not yet in the library: `store_prepared` puts it there."""

    source: str
    article: CleanArticle
    urls: tuple[str, ...] = ()


def add_source(
    library: Library,
    source: str,
    stdin: bytes | None = None,
    timeout: float = TIMEOUT_SECONDS,
    cleaning: str = READER,
) -> AddResult:
    """Add one source (a path, an http(s) URL, or "-" with `stdin`) to the library, cleaned
    as `cleaning` says (`extraction.CLEANINGS`) if it is a web page."""
    library.scan()
    return present_by_url(library, source) or store_prepared(
        library, prepare(source, stdin, timeout, cleaning, library)
    )


def present_by_url(library: Library, source: str) -> AddResult | None:
    """The article already in the library at the address `source`, if it is one."""
    url = _url_of(source)
    present = _with_url(library, url) if url else None
    return AddResult(source, "present", *present) if present else None


def site_memory(library: Library) -> SiteMemory:
    """What the library has seen of each site (`reader.library.site_memory`)."""
    return SiteMemory(library.folder / FOLDER_NAME)


def prepare(
    source: str,
    stdin: bytes | None = None,
    timeout: float = TIMEOUT_SECONDS,
    cleaning: str = READER,
    library: Library | None = None,
    cancelled: Callable[[], bool] | None = None,
    named_by: str = "",
) -> Prepared:
    """Read or fetch a source and clean it to its story as `cleaning` says; the library, if
    given, is only read (what it has seen of the page's site); nothing is written.

    A fetch stops at `timeout` seconds in all, or as soon as `cancelled()` is true
    (`FetchCancelled`). `named_by`: the feed or page whose link this address is (see
    `fetching.fetch`)."""
    url = _url_of(source)
    if url:
        fetched = _fetch(url, HTML_TYPES, timeout, cancelled, named_by)
        memory = site_memory(library) if library is not None else None
        # (a user name and password in the address open the page, never go into the file)
        public, final = without_credentials(url), without_credentials(fetched.url)
        article = _clean(fetched.text(), final, source, cleaning, memory, public)
        article.url = public
        return Prepared(source, article, (public, final))
    if source == "-":
        if not (stdin or b"").strip():
            raise AddError(
                f"{STDIN_NAME}: nothing came in (no text); pipe an article or a page into "
                "it: `curl -s URL | reader add -`"
            )
        memory = site_memory(library) if library is not None else None
        article = _article_from_bytes(stdin or b"", "", STDIN_NAME, cleaning, memory)
        return Prepared(STDIN_NAME, article)
    path = Path(source).expanduser()
    if name_too_long(path):
        raise AddError(f"{source}: {TOO_LONG}")
    if path.is_dir():
        raise AddError(f"{source}: a folder, not an article; give a .txt, .md or .html file")
    if not path.exists():
        raise AddError(f"{source}: no such file; give a file, an http(s) address or - for stdin")
    suffix = path.suffix.lower()
    if suffix not in WEB_SUFFIXES | TEXT_SUFFIXES:
        raise AddError(f"{source}: not an article file; give a .txt, .md or .html file, or a URL")
    try:
        data = read_bounded(path, MAX_BYTES)
    except FileTooLarge:
        raise AddError(f"{source}: over {MAX_BYTES >> 20} MB, too big for an article") from None
    except OSError as error:
        raise AddError(f"{source}: cannot read it ({error.strerror})") from None
    memory = site_memory(library) if library is not None else None
    return Prepared(source, _article_from_bytes(data, suffix, str(path), cleaning, memory))


def add_feed(
    library: Library,
    feed_url: str,
    limit: int = 10,
    timeout: float = TIMEOUT_SECONDS,
    cleaning: str = READER,
) -> list[AddResult | AddError]:
    """Add the newest `limit` items of an RSS, Atom or JSON feed; each item's result or error."""
    from reader.library.feed_discovery import links_as_given, parse_feed  # (it imports adding)

    fetched = _fetch(feed_url, FEED_TYPES + HTML_TYPES, timeout)
    feed = parse_feed(fetched.body)
    given = links_as_given(fetched.body)
    entries = [entry for entry in feed.entries if entry.get("link")]
    if not entries:
        raise AddError(f"{feed_url}: not an RSS, Atom or JSON feed with links to articles")
    entries.sort(
        key=lambda e: tuple(e.get("published_parsed") or e.get("updated_parsed") or ()),
        reverse=True,
    )
    results: list[AddResult | AddError] = []
    for entry in entries[:limit]:
        link = clean_line(given.get(entry["link"], str(entry["link"])))[:200]  # as the feed has it
        try:
            address = linked_address(fetched.url, entry["link"])
        except AddError:
            results.append(AddError(f"{link}: not a web address (http or https); skipped", link))
            continue
        try:
            results.append(add_web_page(library, address, timeout, cleaning, fetched.url))
        except (AddError, ArticleError) as error:
            results.append(AddError(str(error), address))
    return results


def linked_address(base: str, link: object) -> str:
    """The http(s) address a link found in fetched content points at, resolved against the
    page it came from; `AddError` for anything else (a local path in a feed stays remote:
    `/home/me/x` is `https://site/home/me/x`, and `file:`, `data:` and the like are refused)."""
    text = clean_line(str(link))
    try:
        address = urldefrag(urljoin(base, text))[0]
    except ValueError:
        address = ""
    if not is_web_address(address):
        raise AddError(f"{text[:200]}: not a web address (http or https); skipped")
    return address


def add_web_page(
    library: Library,
    url: str,
    timeout: float = TIMEOUT_SECONDS,
    cleaning: str = READER,
    named_by: str = "",
) -> AddResult:
    """Add the page at an http(s) address (never a local file, whatever the address says);
    `named_by`: the feed that links to it."""
    if not is_web_address(url):
        raise AddError(f"{url[:200]}: not a web address (http or https); skipped")
    library.scan()
    return present_by_url(library, url) or store_prepared(
        library,
        prepare(url, timeout=timeout, cleaning=cleaning, library=library, named_by=named_by),
    )


def refresh(
    library: Library,
    source: str,
    timeout: float = TIMEOUT_SECONDS,
    cleaning: str = READER,
    stdin: bytes | None = None,
) -> AddResult:
    """Fetch an article of the library again by its address, or read its saved page (a
    local file, or "-" with `stdin`) again, and clean it as `cleaning` says; if the story
    changed, replace its file (the old one is kept in .reader-backups/articles/) and
    re-anchor its annotations to the new text, as for any edited article.

    A saved page is the library's article with the page's own address (its canonical link)
    or, failing that, the one article with its title."""
    library.scan()
    url = _url_of(source)
    if url:
        record = _record_with_url(library, url)
        if record is None:
            raise AddError(f"{source}: no article of the library has this address; add it first")
        prepared = prepare(source, timeout=timeout, cleaning=cleaning, library=library)
    else:
        prepared = prepare(source, stdin, timeout, cleaning, library)
        record = _record_of_saved_page(library, prepared.article)
        if record is None:
            raise AddError(
                f"{source}: no article of the library has this page's address or title; "
                "add it first"
            )
    _remember(library, prepared)
    cleaned = _how_cleaned(prepared.article)
    try:
        path = library.path_of(record)
    except ArticleError as error:
        raise AddError(str(error)) from None
    try:
        old = read_bounded(path, MAX_ARTICLE_BYTES)
    except OSError as error:
        raise AddError(f"{path}: cannot read it ({error.strerror})") from None
    meta, _body = split_front_matter(old.decode("utf-8", "replace"))
    document = to_markdown(prepared.article, added=meta.get("added") or _now())
    content = parse_article(document.encode("utf-8"), ".md", source)
    if text_hash(content.text) == record.sha256:
        return AddResult(source, "unchanged", record.title, record.path, "", *cleaned)
    # (a name of 240 bytes, valid, made a copy's name past 255: no update could be made)
    stamp = f"{cut_to_bytes(path.stem, STEM_BYTES)}.{_now().replace(':', '')}"
    copies = (f"{stamp}{path.suffix}", *(f"{stamp}-{n}{path.suffix}" for n in range(2, 10)))
    # (a second update within the second finds the first one's copy in its way)
    if not any(write_new(library.folder, (".reader-backups", "articles", c), old) for c in copies):
        # (never through a link: a library from elsewhere could point them at another
        # folder, or name a copy after a file of the user's, to have it overwritten)
        raise AddError(
            f"{library.folder / '.reader-backups' / 'articles'}: cannot keep the old copy of "
            f"{path.name} there (a link, or a file in its way); the article is unchanged: "
            "make it a real folder, and update again"
        )
    write_atomically(path, document.encode("utf-8"))
    report = library.scan()
    moved = report.reanchored
    lost = len(report.orphaned)
    detail = f"{plural(moved, 'annotation')} re-anchored"
    if report.reworded:
        detail += f", {len(report.reworded)} of them now in other words (check them)"
    if lost:
        detail += f", {lost} orphaned (kept; O in Reader lists them)"
    reworded = tuple(
        (a.source or "", report.words_before.get(a.id, ""), a.quote) for a in report.reworded
    )
    return AddResult(
        source, "updated", content.title, record.path, detail, *cleaned, reworded=reworded
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- getting the story -------------------------------------------------------------------------


def _url_of(source: str) -> str:
    if re.match(r"^https?://", source, re.IGNORECASE):
        return urldefrag(source.strip())[0]
    return ""


def _fetch(
    url: str,
    accept: tuple[str, ...],
    timeout: float,
    cancelled: Callable[[], bool] | None = None,
    named_by: str = "",
) -> Fetched:
    try:
        return fetch(url, accept=accept, timeout=timeout, cancelled=cancelled, named_by=named_by)
    except FetchCancelled:
        raise
    except FetchError as error:
        raise AddError(str(error)) from None


def _clean(
    html: str | bytes,
    url: str | None,
    name: str,
    cleaning: str = READER,
    memory: SiteMemory | None = None,
    address: str = "",
) -> CleanArticle:
    """The story of a page; `memory` (what the library has seen of the site of `address`)
    gives the pass its evidence of boilerplate by repetition."""
    try:
        page = read_page(html, url)
        # (a saved page's site is the one its canonical link names: it cleans as fetched)
        where = address or page_address(page)
        seen = memory.seen_elsewhere(where, page.found_texts) if memory and where else None
        return story(page, cleaning, seen)
    except ExtractionError as error:
        hint = (
            "save the story as text and add that"  # (--raw was given: it found no text either)
            if cleaning == RAW or not error.raw_helps
            else "add it with --raw for all the text of the page, or save the story as text"
        )
        raise AddError(f"{name}: {error}; {hint}") from None


def _looks_like_html(data: bytes) -> bool:
    if data.startswith(b"\x1f\x8b"):
        return True  # a gzip stream: a page saved compressed (`curl -s URL | reader add -`)
    head = data[:2048].lstrip().lower()
    return (
        head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in data[:65536].lower()
    )


def _article_from_bytes(
    data: bytes, suffix: str, name: str, cleaning: str = READER, memory: SiteMemory | None = None
) -> CleanArticle:
    if suffix in WEB_SUFFIXES or (not suffix and _looks_like_html(data)):
        return _clean(data, None, name, cleaning, memory)
    try:
        content = parse_article(data, suffix or ".txt", name)
    except ArticleError as error:
        raise AddError(str(error)) from None
    spans = paragraphs(content.text)
    texts = [" ".join(content.text[s.start : s.end].split()) for s in spans]
    if texts and clean_line(texts[0]) == content.title:
        texts = texts[1:]
    if not texts:
        raise AddError(f"{name}: only a title, no story text; add the story's paragraphs")
    meta = content.meta
    return CleanArticle(
        title=content.title,
        blocks=[Block(PARAGRAPH, text) for text in texts],
        author=meta.get("author", ""),
        site=meta.get("site", ""),
        published=meta.get("published", "") or meta.get("date", ""),
        url=meta.get("url", ""),
    )


# --- what is there already -----------------------------------------------------------------------


def _same_url(a: str, b: str) -> bool:
    def key(url: str) -> str:
        return urldefrag(url)[0].rstrip("/").removeprefix("https://").removeprefix("http://")

    return key(a) == key(b)


def _with_url(library: Library, *urls: str) -> tuple[str, str] | None:
    for url in urls:
        record = _record_with_url(library, url)
        if record is not None:
            return record.title, record.path
    return None


def _record_with_url(library: Library, url: str) -> ArticleRecord | None:
    for record in library.store.articles():
        if record.url and not record.missing and _same_url(record.url, url):
            return record
    return None


def _record_of_saved_page(library: Library, article: CleanArticle) -> ArticleRecord | None:
    """The article a saved page (a file, standard input) was added as: the one with the
    page's address, else the only one with its title (None if none, or several)."""
    if article.url:
        record = _record_with_url(library, article.url)
        if record is not None:
            return record
    title = clean_line(article.title)
    titled = [r for r in library.store.articles() if not r.missing and r.title == title]
    return titled[0] if len(titled) == 1 else None


def _with_text(library: Library, sha256: str) -> tuple[str, str] | None:
    for record in library.store.articles():
        if record.sha256 == sha256 and not record.missing:
            return record.title, record.path
    return None


# --- writing the file ---------------------------------------------------------------------------


def store_prepared(library: Library, prepared: Prepared) -> AddResult:
    """Write a prepared article into the library as a new file, unless it is there already
    (the same address or the same text); the library is scanned so the store knows it.

    All of it inside one save of the database, which holds its lock and first takes in
    what another Reader saved: two `reader add` (or `add` and `refresh`) of one page at the
    same moment each found it missing and wrote a copy.
    """
    with library.store.batch():
        return _store_prepared(library, prepared)


def _store_prepared(library: Library, prepared: Prepared) -> AddResult:
    article, source = prepared.article, prepared.source
    urls = tuple(u for u in (article.url, *prepared.urls) if u)
    present = _with_url(library, *urls) if urls else None
    if present:
        return AddResult(source, "present", *present)
    document = to_markdown(article, added=_now())
    if too_much := markdown_beyond_bounds(document):
        if too_much.endswith(("lines", "characters")):
            raise AddError(
                f"{source}: its text runs to {len(article.blocks):,} paragraphs, more than "
                f"Reader keeps as one article (a file of over {too_much}); save the part you "
                "need as text and add that"
            )
        raise AddError(
            f"{source}: its text, kept as Markdown, would hold over {too_much}, more than "
            "Reader reads as one article; split it and add the parts"
        )
    content = parse_article(document.encode("utf-8"), ".md", source)
    present = _with_text(library, text_hash(content.text))
    if present:
        return AddResult(source, "present", *present)
    title = clean_line(content.title).casefold()
    twin = next(  # (a page saved again: perhaps a new copy of one added before)
        (r for r in library.store.articles() if clean_line(r.title).casefold() == title), None
    )
    path = _new_file(library.folder, article.title, document)
    _remember(library, prepared)
    library.scan()
    name = path.relative_to(library.folder).as_posix()
    found = AddResult(source, "added", content.title, name, "", *_how_cleaned(article))
    if twin is None:
        return found
    return replace(found, same_title=twin.path, same_title_url=twin.url or "")


def _remember(library: Library, prepared: Prepared) -> None:
    """Keep the hashes of the page's blocks as trafilatura found them: evidence of what
    the site repeats, for the next page of the site (`reader.library.site_memory`)."""
    url = prepared.article.url
    if url and prepared.article.extracted:
        # Only evidence for later pages: the article itself is saved whatever happens here.
        with contextlib.suppress(OSError):
            site_memory(library).remember(url, prepared.article.extracted)


def _how_cleaned(
    article: CleanArticle,
) -> tuple[str, tuple[Removal, ...], str, tuple[Removal, ...], tuple[str, ...]]:
    cleaning = "" if article.cleaning == TEXT else article.cleaning
    removed, spared, left_out = (
        tuple(article.removed),
        tuple(article.spared),
        tuple(article.left_out),
    )
    return cleaning, removed, article.note, spared, left_out


def _new_file(folder: Path, title: str, document: str) -> Path:
    """Create a new file named after the title; never overwrites one."""
    stem = slug(title) or "article"
    if not is_article_file(folder / f"{stem}.md") or is_device_name(stem):
        # ("Changelog": changelog.md is a project's file, not read; "CON", "nul": a device
        # on Windows, so a library synced there cannot hold the file)
        stem = f"{stem}-article"
    for number in range(1, 1000):
        path = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
        try:
            handle = path.open("x", encoding="utf-8", newline="\n")
        except FileExistsError:
            continue
        except OSError as error:  # (not made: nothing to remove; a read-only library)
            raise AddError(
                f"{folder}: cannot write a new article into it ({error.strerror}); check "
                "that the library folder is writable"
            ) from None
        try:
            with handle:
                handle.write(document)
        except OSError as error:  # (a full disk: the part written goes)
            with contextlib.suppress(OSError):
                path.unlink()
            raise AddError(f"{path}: cannot write it ({error.strerror})") from None
        return path
    raise AddError(f"{folder}: too many articles named {stem}; rename some")


# --- Markdown ---------------------------------------------------------------------------------

_FRONT_KEYS = ("title", "author", "site", "published", "url")


def to_markdown(article: CleanArticle, added: str) -> str:
    """The article as a Markdown file: front matter (with how a web page was cleaned, and
    its image captions: kept, but not in the story), the headline, then the story."""
    lines = ["---"]
    values = {key: getattr(article, key) for key in _FRONT_KEYS}
    values["added"] = added
    if article.cleaning != TEXT:
        values["cleaning"] = article.cleaning
    for key, value in values.items():
        value = clean_line(value)
        if value:
            lines.append(f"{key}: {_quoted(value)}")
    captions = [clean_line(caption) for caption in article.captions if clean_line(caption)]
    if captions:
        lines += ["captions:", *(f"  - {_quoted(caption)}" for caption in captions)]
    lines += ["---", "", f"# {escape_markdown(clean_line(article.title))}", ""]
    prefixes = {PARAGRAPH: "", HEADING: "## ", QUOTE: "> ", ITEM: "- "}
    for block in article.blocks:
        lines += [prefixes.get(block.kind, "") + escape_markdown(block.text), ""]
    return "\n".join(lines)


def _quoted(value: str) -> str:
    """A YAML double-quoted string: its backslashes and quote marks escaped ("C:\\" had
    ended the string early, and other tools could not read the front matter)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_back(document: str) -> str:
    """The plain text Reader shows for a Markdown document (for checks)."""
    _meta, body = split_front_matter(document)
    return normalise(markdown_to_text(body))
