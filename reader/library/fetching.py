"""Fetching a web page or a feed over HTTP, within limits, with one-line errors.

httpx does the work: a time-out, redirects followed (at most 10), a browser-like user agent
(some news sites refuse unknown clients), and a size limit enforced while the answer
streams in, so a huge or endless answer is cut off rather than read into memory.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from reader import __version__

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/131.0 Safari/537.36 Reader/{__version__}"
)
TIMEOUT_SECONDS = 15.0
MAX_BYTES = 10 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
)


class FetchError(Exception):
    """A page that could not be fetched; the message is one line for the user."""


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
) -> Fetched:
    """GET `url`; raise `FetchError` for an error status, a time-out, a wrong content type
    (`accept`; an answer with none is taken) or an answer over `max_bytes`."""
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language": "en;q=0.9,*;q=0.5",
    }
    try:
        with (
            httpx.Client(
                follow_redirects=True, timeout=timeout, headers=headers, max_redirects=10
            ) as client,
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
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(_too_big(url, max_bytes))
                chunks.append(chunk)
            return Fetched(str(response.url), content_type, b"".join(chunks))
    except httpx.TimeoutException:
        raise FetchError(
            f"{url}: no answer within {timeout:g} s; try again later or save the page and add the file"
        ) from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects") from None
    except httpx.InvalidURL as error:
        raise FetchError(f"{url}: not a valid web address ({error})") from None
    except httpx.HTTPError as error:
        reason = str(error) or type(error).__name__
        raise FetchError(f"{url}: cannot fetch it ({reason}); check the address") from None


def _too_big(url: str, max_bytes: int) -> str:
    return f"{url}: the answer is over {max_bytes >> 20} MB, too big for an article"
