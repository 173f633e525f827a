"""Fetching a web page or a feed over HTTP, within limits, with one-line errors.

httpx does the work: redirects followed (at most 10), a browser-like user agent (some news
sites refuse unknown clients), and a size limit enforced while the answer streams in, so a
huge or endless answer is cut off rather than read into memory. The time-out is a deadline
for the whole fetch (connecting, headers, every byte of the body), so a server that
trickles a byte at a time cannot hold Reader: the request runs as an asyncio task that is
cancelled when the deadline passes, or when the caller says it is no longer wanted (`Esc`
in the app). Only http(s) addresses are fetched.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from reader import __version__

T = TypeVar("T")
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/131.0 Safari/537.36 Reader/{__version__}"
)
TIMEOUT_SECONDS = 15.0
MAX_BYTES = 10 * 1024 * 1024
WEB_SCHEMES = ("http", "https")
CANCEL_POLL_SECONDS = 0.05
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
)


def is_web_address(url: str) -> bool:
    """True for an absolute http(s) URL with a host: the only addresses Reader fetches."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


class FetchError(Exception):
    """A page that could not be fetched; the message is one line for the user."""


class FetchCancelled(FetchError):
    """The caller stopped a fetch before it ended (the user pressed Esc)."""


@dataclass(frozen=True)
class Fetched:
    """An answer: the final URL after redirects, its content type and its bytes."""

    url: str
    content_type: str
    body: bytes


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = HTML_TYPES,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    cancelled: Callable[[], bool] | None = None,
) -> Fetched:
    """GET `url`; raise `FetchError` for an address that is not http(s), an error status, a
    wrong content type (`accept`; an answer with none is taken), an answer over `max_bytes`,
    or one not complete within `timeout` seconds; `FetchCancelled` once `cancelled()`."""
    if not is_web_address(url):
        raise FetchError(f"{url}: not a web address; give an http:// or https:// address")
    return run_within(_get(url, accept, max_bytes), url, timeout, cancelled)


def run_within(
    work: Coroutine[Any, Any, T],
    url: str,
    timeout: float,
    cancelled: Callable[[], bool] | None = None,
) -> T:
    """Run `work` to its end, or stop it at the deadline or when `cancelled()` says so."""

    async def watched() -> T:
        task = asyncio.ensure_future(work)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while not task.done():
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise FetchError(
                        f"{url}: no complete answer within {timeout:g} s; try again later or "
                        "save the page and add the file"
                    )
                if cancelled is not None and cancelled():
                    raise FetchCancelled(f"{url}: cancelled")
                await asyncio.wait({task}, timeout=min(CANCEL_POLL_SECONDS, remaining))
            return task.result()
        finally:
            if not task.done():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)

    return asyncio.run(watched())


async def _get(url: str, accept: tuple[str, ...], max_bytes: int) -> Fetched:
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language": "en;q=0.9,*;q=0.5",
    }
    try:
        async with (
            httpx.AsyncClient(follow_redirects=True, headers=headers, max_redirects=10) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"{url}: the server answered {response.status_code} {reason}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(accept):
                raise FetchError(
                    f"{url}: the answer is {content_type}, not a web page; "
                    "give the address of an article"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(_too_big(url, max_bytes))
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(_too_big(url, max_bytes))
                chunks.append(chunk)
            return Fetched(str(response.url), content_type, b"".join(chunks))
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise FetchError(f"{url}: not a valid web address ({error})") from None
    except httpx.HTTPError as error:
        reason = str(error) or type(error).__name__
        raise FetchError(f"{url}: cannot fetch it ({reason}); check the address") from None


def _too_big(url: str, max_bytes: int) -> str:
    return f"{url}: the answer is over {max_bytes >> 20} MB, too big for an article"
