"""What the library has seen of each site: boilerplate is text repeated across its pages.

For every web page added, the hashes of the blocks trafilatura kept are remembered under the
page's site (its host name without "www."), in `.reader-sites/<site>.json` in the library
folder: no text, only hashes, at most `PAGES_PER_SITE` pages a site (the newest). A block
of a new page that other pages of the same site also hold is boilerplate by repetition (as
jusText and boilerpipe reason): a sign-up line, a copyright notice, a "Listen live" trailer.
A `SiteMemory` without a folder keeps everything in memory (the benchmark uses one), and so
does one whose folder is a link (a library from elsewhere cannot make it write elsewhere).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from reader.core.files import read_bounded
from reader.storage.atomic import write_atomically

PAGES_PER_SITE = 200
FOLDER_NAME = ".reader-sites"
_SPACE = re.compile(r"\s+")


def site_of(url: str) -> str:
    """The site of an address: its host name, lower case, without "www."."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def line_hash(text: str) -> str:
    """A block's hash: whitespace and case do not count."""
    key = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class SiteMemory:
    """Block hashes of the pages added, by site; see the module docstring."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._sites: dict[str, dict[str, list[str]]] = {}

    def _pages(self, site: str) -> dict[str, list[str]]:
        """The pages of a site: address -> block hashes, oldest first."""
        if site not in self._sites:
            pages: dict[str, list[str]] = {}
            path = self._path(site)
            if path is not None and path.is_file():
                try:
                    data = json.loads(read_bounded(path, 8 << 20).decode("utf-8"))
                    pages = {str(url): list(hashes) for url, hashes in data["pages"].items()}
                except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
                    pages = {}  # unreadable: start again, it is only a cache of evidence
            self._sites[site] = pages
        return self._sites[site]

    def _path(self, site: str) -> Path | None:
        """The file of `site`; None (kept in memory only) without a folder, or when the
        folder is a link: a library from elsewhere must not make a page's host name the
        name of a file written in another folder (as a linked `.reader-backups`)."""
        if self.folder is None or not re.fullmatch(r"[a-z0-9.-]+", site):
            return None
        if self.folder.is_symlink():
            return None
        return self.folder / f"{site}.json"

    def seen_elsewhere(self, url: str, texts: Iterable[str] = ()) -> Callable[[str], int]:
        """For a page at `url` whose blocks are `texts`: on how many *other* pages of its site
        a text was seen. A page that holds more than half of these blocks is this story again
        (at another address, or updated), not another page: it does not count."""
        own = {line_hash(text) for text in texts}
        counts: dict[str, int] = {}
        for other, hashes in self._pages(site_of(url)).items():
            keys = set(hashes)
            if other == url or (own and len(own & keys) > len(own) / 2):
                continue
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
        return lambda text: counts.get(line_hash(text), 0)

    def remember(self, url: str, texts: Iterable[str]) -> None:
        """Keep the block hashes of the page at `url` (replacing what it held before)."""
        site = site_of(url)
        if not site:
            return
        pages = self._pages(site)
        pages.pop(url, None)
        pages[url] = [line_hash(text) for text in texts]
        while len(pages) > PAGES_PER_SITE:
            pages.pop(next(iter(pages)))
        path = self._path(site)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            document = json.dumps({"site": site, "pages": pages}, separators=(",", ":"))
            write_atomically(path, document.encode("utf-8"))
