"""Fetching a web page or a feed over HTTP, within limits, with one-line errors.

httpx does the work: redirects followed (at most 10), a browser-like user agent (some news
sites refuse unknown clients), and a size limit enforced while the answer streams in, so a
huge or endless answer is cut off rather than read into memory. The time-out is a deadline
for the whole fetch (connecting, headers, every byte of the body), so a server that
trickles a byte at a time cannot hold Reader: the request runs as an asyncio task that is
cancelled when the deadline passes, or when the caller says it is no longer wanted (`Esc`
in the app). Only http(s) addresses are fetched.

No web page decides that Reader fetches from this machine or its network: a redirect from
a site on the internet to a loopback, private, link-local or reserved address (by its
literal IP, `localhost`, or what its name resolves to) is refused, and so is such an
address that a fetched document names (`named_by`: a feed's item, a page's feed link). An
address the user gives is fetched wherever it is (an intranet's feed is theirs to follow);
each redirect is judged against the address before it, so a local address may lead to
another, but never back from the internet. Every address on the way is checked as
the first is (a port out of range, a host no DNS name can be, is one line, not a
traceback).

A feed is fetched with the validators of its last answer (`If-None-Match` with its ETag,
`If-Modified-Since` with its Last-Modified): a `304 Not Modified` comes back as a `Fetched`
with `status` 304 and no body, the one small request an unchanged feed costs. One TLS
context serves every request: building one loads the certificate store, which took 0.2 s
of CPU per request (the cost of a refresh of 50 feeds would have been that, not the
network). httpx itself is loaded at the first fetch, under a lock (see `_httpx`): adding
a file from disk never loads it, which took 0.17 s of each such `reader add`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import threading
import zlib
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from types import ModuleType
from typing import Any, TypeVar
from urllib.parse import urlsplit

from reader import __version__
from reader.library.page_encoding import page_encoding

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
    "application/json",  # (a JSON Feed served as JSON, as most are)
    "application/x-rss+xml",  # (what Python's own web server and some CMSes send)
    "application/x-atom+xml",
    "text/rss+xml",
    "text/atom+xml",
    # (a feed some servers send as plain text, as feed readers read it: what it holds
    # decides, and a text that is no feed is said to be none; it was refused as a page)
    "text/plain",
)


def is_web_address(url: str) -> bool:
    """True for an absolute http(s) URL with a host (and a port, if any, that exists): the
    only addresses Reader fetches."""
    return address_problem(url) is None


def address_problem(url: str) -> str | None:
    """Why `url` is not an address Reader fetches, in a few words; None when it is one."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port out of range ("http://h:99999/")
    except ValueError as error:
        return str(error).casefold().rstrip(".")
    if parts.scheme.lower() not in WEB_SCHEMES:
        return "not http or https"
    if not parts.hostname:
        return "no host"
    return None


class FetchError(Exception):
    """A page that could not be fetched; the message is one line for the user."""


class FetchCancelled(FetchError):
    """The caller stopped a fetch before it ended (the user pressed Esc)."""


@dataclass(frozen=True)
class Fetched:
    """An answer: the final URL after redirects, its content type and its bytes; `status`
    304 (and no body) when the validators given still hold; `etag` and `last_modified`:
    the validators to send next time."""

    url: str
    content_type: str
    body: bytes
    status: int = 200
    etag: str = ""
    last_modified: str = ""
    charset: str = ""  # the Content-Type header's charset, when it names one Python knows

    def text(self) -> str | bytes:
        """The body as text when the server named its charset and no byte-order mark
        overrides it (the page's own `<meta>` is read by the HTML parser otherwise)."""
        if not self.charset or self.body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
            return self.body
        return self.body.decode(self.charset, "replace")

    @property
    def not_modified(self) -> bool:
        return self.status == 304


_TLS: list[ssl.SSLContext] = []
_TLS_LOCK = threading.Lock()
_LOADING = threading.Lock()


def _httpx() -> ModuleType:
    """httpx, loaded by the first fetch, one thread at a time: httpx also loads httpcore at
    its first request, and 16 feed threads doing that at once, out of files, left it
    half-loaded for the rest. So both are loaded here, whole, before any request."""
    with _LOADING:
        import httpcore  # noqa: F401
        import httpx

    return httpx


def _tls() -> ssl.SSLContext:
    """The TLS context of every request, made once (it is safe to share between threads)."""
    with _TLS_LOCK:
        if not _TLS:
            _TLS.append(_httpx().create_ssl_context())
        return _TLS[0]


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = HTML_TYPES,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    cancelled: Callable[[], bool] | None = None,
    etag: str = "",
    last_modified: str = "",
    named_by: str = "",
) -> Fetched:
    """GET `url`; raise `FetchError` for an address that is not http(s), an error status, a
    wrong content type (`accept`; an answer with none is taken), an answer over `max_bytes`,
    or one not complete within `timeout` seconds; `FetchCancelled` once `cancelled()`.
    With `etag` or `last_modified` the request is conditional (see the module docstring).
    `named_by`: the address of the fetched document that named `url` (none when the user
    gave it), so that no document on the internet sends Reader into the local network."""
    problem = address_problem(url)
    if problem is not None:
        raise FetchError(f"{url}: not a web address ({problem}); give an http:// or https:// one")
    conditions = {}
    if etag:
        conditions["If-None-Match"] = etag
    if last_modified:
        conditions["If-Modified-Since"] = last_modified
    return run_within(_get(url, accept, max_bytes, conditions, named_by), url, timeout, cancelled)


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


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # IPv4 sites as an IPv6-only network reaches them


def _local_ip(address: str) -> bool:
    """Whether an IP address is this machine's or a network's of its own, not one on the
    internet: anything not globally routed (loopback, private, carrier-grade NAT as
    Tailscale uses, link-local, reserved) or multicast; an IPv4 address carried in IPv6
    (mapped, 6to4, NAT64) is judged as itself."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(
        address.split("%", 1)[0]
    )
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return not ip.is_global or ip.is_multicast


async def _is_local(host: str, port: int) -> bool:
    """Whether `host` (as the connection names it: ASCII, "xn--" for other scripts) is this
    machine or a network of its own: by its name (`localhost`), its literal address, or any
    address its name resolves to (a name that does not resolve is not local: fetching it
    fails with httpx's own words)."""
    host = host.strip("[]").rstrip(".").lower()
    if not host or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return _local_ip(host)
    except ValueError:
        pass
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    return any(_local_ip(str(info[4][0])) for info in found)


def _ascii_host(url: str) -> tuple[str, int]:
    """The host of an address as a connection names it (ASCII), and its port."""
    web = _httpx()
    try:
        parsed = web.URL(url)
    except (web.InvalidURL, ValueError, UnicodeError):  # (an address that names no host)
        return "", 443
    return parsed.raw_host.decode("ascii", "replace"), parsed.port or 443


def _guard(url: str, named_by: str) -> Callable[[Any], Coroutine[Any, Any, None]]:
    """httpx's request hook for one fetch: every address on the way (each redirect) is one
    Reader fetches, and no hop goes from an address on the internet to a local one: each
    is judged against the one before it (the document that named the first, if any), so
    that local -> internet -> local is refused at its second step. The host is checked as
    the connection names it (an "xn--" name decoded would be looked up as another). Names
    are looked up only when a hop has one before it: the address the user gave, fetched
    with no redirect, costs no look-up of its own."""
    before: list[tuple[str, int]] = [_ascii_host(named_by)] if named_by else []

    async def check(request: Any) -> None:
        problem = address_problem(str(request.url))
        if problem is not None:
            raise FetchError(f"{url}: leads to an address that is not valid ({problem})")
        host = request.url.raw_host.decode("ascii", "replace")
        port = request.url.port or 443
        if before and not await _is_local(*before[0]) and await _is_local(host, port):
            raise FetchError(
                f"{url}: leads to {clean_host(host)}, an address on this machine or its local "
                "network, from a site on the internet; Reader does not go there"
            )
        before[:] = [(host, port)]

    return check


def clean_host(host: str) -> str:
    """A host name as messages show it: printable, at most 80 characters."""
    return "".join(c if c.isprintable() else "?" for c in host)[:80]


async def _get(
    url: str,
    accept: tuple[str, ...],
    max_bytes: int,
    conditions: dict[str, str] | None = None,
    named_by: str = "",
) -> Fetched:
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": _accept_header(accept),
        "Accept-Language": "en;q=0.9,*;q=0.5",
        "Accept-Encoding": "gzip, deflate",  # the codings `_Decoder` reads, with a bound
        **(conditions or {}),
    }
    web = _httpx()
    try:
        async with (
            web.AsyncClient(
                follow_redirects=True,
                headers=headers,
                max_redirects=10,
                verify=_tls(),
                timeout=None,  # `run_within`'s deadline governs (httpx's own 5 s cut --timeout 10)
                event_hooks={"request": [_guard(url, named_by)]},
            ) as client,
            client.stream("GET", url) as response,
        ):
            validators = (
                _header_line(response.headers.get("etag", "")),
                _header_line(response.headers.get("last-modified", "")),
            )
            if response.status_code == 304 and conditions:
                return Fetched(str(response.url), "", b"", 304, *validators)
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"{url}: the server answered {response.status_code} {reason}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(accept):
                if accept[0] in FEED_TYPES:  # (following or refreshing: a feed's words)
                    raise FetchError(
                        f"{url}: the answer is {content_type}, not a feed nor a web page; "
                        "give the address of a feed, or of a page that names one"
                    )
                raise FetchError(
                    f"{url}: the answer is {content_type}, not a web page; "
                    "give the address of an article"
                )
            declared = response.headers.get("content-length", "")
            if declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(_too_big(url, max_bytes))
            decoder = _Decoder(url, response.headers.get("content-encoding", ""), max_bytes)
            async for raw in response.aiter_raw():  # decoded here, never beyond the bound
                decoder.feed(raw)
            body = decoder.finish()
            charset = page_encoding(response.charset_encoding or "")
            return Fetched(str(response.url), content_type, body, 200, *validators, charset)
    except web.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects") from None
    except (web.InvalidURL, web.UnsupportedProtocol) as error:
        raise FetchError(f"{url}: not a valid web address ({error})") from None
    except web.HTTPError as error:
        reason = str(error) or type(error).__name__
        raise FetchError(f"{url}: cannot fetch it ({reason}); check the address") from None
    except (UnicodeError, ValueError, OverflowError) as error:
        # (a redirect's host no DNS name can be, "xn--zz-": idna's error, not httpx's)
        reason = clean_host(str(error) or type(error).__name__)
        raise FetchError(f"{url}: cannot fetch it ({reason}); check the address") from None
    except ExceptionGroup as group:  # (what the connection layer raised, grouped)
        leaf = group.exceptions[0] if group.exceptions else group
        reason = clean_host(str(leaf) or type(leaf).__name__)
        raise FetchError(f"{url}: cannot fetch it ({reason}); check the address") from None


class _Decoder:
    """A body as it arrives, its content coding undone (gzip or deflate, one layer) a
    piece at a time and never past `max_bytes` of output: a gzip bomb, or gzip inside
    gzip (6.7 KB that grew to 3.8 GB in one step of httpx's own decoding), stops at the
    bound."""

    def __init__(self, url: str, coding: str, max_bytes: int) -> None:
        codings = [c.strip().lower() for c in coding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in _CODINGS):
            raise FetchError(
                f"{url}: the answer is encoded as {coding.strip()[:40]!r}, which Reader does "
                "not read; try the address in a browser"
            )
        self.url, self.max_bytes = url, max_bytes
        self._zlib = zlib.decompressobj(_CODINGS[codings[0]]) if codings else None
        self._chunks: list[bytes] = []
        self._size = 0

    def feed(self, raw: bytes) -> None:
        if self._zlib is None:
            self._keep(raw)
            return
        try:
            data = self._zlib.decompress(raw, self.max_bytes - self._size + 1)
        except zlib.error:
            raise FetchError(f"{self.url}: the answer's compression is damaged") from None
        self._keep(data)
        if self._zlib.unconsumed_tail:  # more output than the bound leaves room for
            raise FetchError(_too_big(self.url, self.max_bytes))

    def finish(self) -> bytes:
        if self._zlib is not None:
            self._keep(self._zlib.flush(self.max_bytes - self._size + 1))
        return b"".join(self._chunks)

    def _keep(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self.max_bytes:
            raise FetchError(_too_big(self.url, self.max_bytes))
        self._chunks.append(data)


# The content codings read, with zlib's window bits for each (47: a gzip or zlib header).
_CODINGS = {"gzip": 47, "x-gzip": 47, "deflate": 47}


def _accept_header(accept: tuple[str, ...]) -> str:
    if accept and accept[0] in FEED_TYPES:  # a feed first, a page that names one next
        return (
            "application/rss+xml,application/atom+xml,application/xml;q=0.9,"
            "text/xml;q=0.9,text/html;q=0.5,*/*;q=0.1"
        )
    return "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _header_line(value: str) -> str:
    """A validator to send back: one printable line of a sane length, else nothing."""
    value = value.strip()
    if len(value) > 512 or not (value.isascii() and value.isprintable()):
        return ""
    return value


def _too_big(url: str, max_bytes: int) -> str:
    return f"{url}: the answer is over {max_bytes >> 20} MB, too big to read (a page or a feed)"
