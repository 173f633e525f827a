"""Quote finding for long articles in a process of its own, so the app keeps answering keys.

Finding the quotations of a 1 MB article takes about a second of pure Python. In a thread
it holds the interpreter lock in long stretches and keystrokes wait; in another process it
costs the app nothing but the wait for the answer. Short articles (most news) are quicker
to do in place than to send across, so only texts of `IN_PROCESS_FROM` characters or more
go to the process.

The helper is this module run as a program (`python -m reader.quotes.finder_process`),
started the first time it is needed and stopped by `shutdown`. It reads requests on its
stdin and answers on its stdout, one length-prefixed pickle each way: both ends are this
code, started by this code, so the pickles never come from anywhere else. (Not
`multiprocessing`: its resource tracker needs a real stderr, which a Textual app has
replaced.) If the helper cannot be started or dies, the quotes are found in place.
"""

from __future__ import annotations

import pickle
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from reader.core.text import TextStructure
from reader.quotes.finding import MAX_CHARACTERS

if TYPE_CHECKING:
    from reader.quotes.finding import QuoteFinding

IN_PROCESS_FROM = 150_000  # characters: below this, a thread is quicker than a process
PIECE = 200  # findings per pickle of an answer (about 2 ms to unpickle)
_LENGTH = struct.Struct("!Q")


def _send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)))  # (apart: joined, a 1 MB request was copied again)
    stream.write(data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError("the quote finder stopped")
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the quote finder stopped mid-answer")
    return pickle.loads(data)


def _receive_findings(stream: IO[bytes]) -> list[QuoteFinding]:
    """An answer: its number of pieces, then each piece. Unpickling is one call that holds
    the interpreter lock throughout (2,208 findings of a 1 MB article: 17-28 ms, a stall of
    the UI); a piece at a time, the UI thread gets the lock between pieces."""
    count = _receive(stream)
    if type(count) is not int or count < 0:
        raise pickle.UnpicklingError("not an answer of the quote finder")
    findings: list[QuoteFinding] = []
    for _ in range(count):
        findings += _receive(stream)
        time.sleep(0)  # the UI's turn
    return findings


class QuoteFinderProcess:
    """Finds an article's quotations in place when short, in a helper process when long."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def find(
        self, structure: TextStructure, title: str, known_sources: Sequence[str]
    ) -> list[QuoteFinding]:
        """The quotations of `structure`; blocks the calling thread (call it from a worker)."""
        from reader.quotes.article import article_quotes  # the finder loads on first use

        if not IN_PROCESS_FROM <= len(structure.text) <= MAX_CHARACTERS:
            return article_quotes(structure, title, known_sources)  # short, or not searched
        with self._lock:
            try:
                child = self._child or self._start()
                assert child.stdin is not None and child.stdout is not None
                _send(child.stdin, (_as_bytes(structure.text), title, list(known_sources)))
                return _receive_findings(child.stdout)
            except (OSError, EOFError, pickle.UnpicklingError):
                self._stop()  # no helper to be had: find them here, slower
        return article_quotes(structure, title, known_sources)

    def _start(self) -> subprocess.Popen[bytes]:
        self._child = subprocess.Popen(
            # -P: the folder the app was started in is not searched for modules (a
            # `reader/` package there would run in place of this one)
            [sys.executable, "-P", "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        return self._child

    def _stop(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.kill()
            child.wait()

    def shutdown(self) -> None:
        """Stop the helper process, if one was started; a search in progress is dropped."""
        self._stop()


def _as_bytes(text: str) -> bytes:
    """`text` as UTF-8 to send: pickling a string that is not ASCII keeps a UTF-8 copy of it
    inside the string for as long as it lives (CPython's cache), and the article's text
    lives as long as it is open (1 MB for the bench's 1 MB article); encoding it keeps none.
    A lone surrogate is kept as it is (`surrogatepass`, as pickle does)."""
    return text.encode("utf-8", "surrogatepass")


def _serve() -> None:
    """The helper's loop: a request in, its quotations out, until stdin closes."""
    from reader.quotes.article import article_quotes

    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            text, title, known = _receive(requests)
        except EOFError:
            return
        if isinstance(text, bytes):  # (as `find` sends it; a string from an older app)
            text = text.decode("utf-8", "surrogatepass")
        findings = article_quotes(TextStructure(text), title, known)
        pieces = [findings[at : at + PIECE] for at in range(0, len(findings), PIECE)]
        _send(answers, len(pieces))
        for piece in pieces:
            _send(answers, piece)


if __name__ == "__main__":
    _serve()
