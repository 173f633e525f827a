"""Pasted text stays text: the terminal input driver that keeps a paste's bytes from acting
as key presses.

Inside a bracketed paste (the terminal's "\\x1b[200~" … "\\x1b[201~"), Textual 8's input
parser reads an escape character as the start of a key sequence: it keeps the characters
after it out of the paste and, when no sequence matches, hands them to the app as keys. A
pasted "\\x1bddd" deleted the annotation under the cursor, "\\x1bqqq" quit, a paste ending
in an escape closed the tag dialog and lost what was typed in it, and the text before the
escape arrived after the keys. `PasteGuard` takes the escape characters out of a paste
before the parser reads it (the terminal's markers themselves pass), so the parser sees
plain text between the markers and delivers it, in order, as one `Paste` event.
`PasteSafeDriver` is Textual's Linux and macOS driver reading its input through it.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Iterable, Iterator

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


def _held_prefix(text: str, marker: str) -> int:
    """How many of the text's last characters may begin `marker` (to be read with the next
    chunk: a marker can be split between two reads)."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-size:]):
            return size
    return 0


class PasteGuard:
    """Takes the escape characters out of bracketed pastes in a stream of terminal input,
    chunk by chunk (the markers may be split between chunks); everything outside a paste
    passes unchanged."""

    def __init__(self) -> None:
        self.in_paste = False
        self._held = ""  # the end of the last chunk, which may open a marker
        # How many of the held characters the parser was already given: a lone escape at
        # a chunk's end passes at once (it may be the escape key, which must not wait for
        # the next chunk), and is held too, to be read with the next chunk as the start of
        # a marker (0 or 1).
        self._given = 0

    def filter(self, data: str) -> str:
        """The chunk as the parser should read it. An empty chunk (the end of input) gives
        back whatever was held."""
        text, given = self._held + data, self._given
        self._held, self._given = "", 0
        if not data:
            return (text.replace(ESC, "") if self.in_paste else text)[given:]
        out: list[str] = []
        at = 0
        while at < len(text):
            if self.in_paste:
                end = text.find(PASTE_END, at)
                if end < 0:
                    rest = text[at:]
                    keep = _held_prefix(rest, PASTE_END)
                    out.append(rest[: len(rest) - keep].replace(ESC, ""))
                    self._held = rest[len(rest) - keep :]
                    break
                out.append(text[at:end].replace(ESC, ""))
                out.append(PASTE_END)
                at = end + len(PASTE_END)
                self.in_paste = False
            else:
                start = text.find(PASTE_START, at)
                if start < 0:
                    rest = text[at:]
                    keep = _held_prefix(rest, PASTE_START)
                    if keep == 1:  # a lone escape: given now, held to be read again
                        out.append(rest)
                        self._held, self._given = ESC, 1
                        break
                    out.append(rest[: len(rest) - keep])
                    self._held = rest[len(rest) - keep :]
                    if keep == len(text):
                        self._given = given  # (all of it held: what was given stays so)
                        given = 0
                    break
                out.append(text[at : start + len(PASTE_START)])
                at = start + len(PASTE_START)
                self.in_paste = True
        return "".join(out)[given:]


class PasteSafeParser(XTermParser):
    """Textual's terminal input parser, reading its input through a `PasteGuard`."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self.guard = PasteGuard()

    def feed(self, data: str) -> Iterable[Message]:
        return self._fed(data)

    def _fed(self, data: str) -> Iterator[Message]:
        guarded = self.guard.filter(data)
        if guarded:
            yield from super().feed(guarded)
        if not data:
            yield from super().feed("")


class PasteSafeDriver(LinuxDriver):
    """Textual's Linux and macOS driver, its input read by a `PasteSafeParser`."""

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (Textual 8's loop, with the guarded parser)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = PasteSafeParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            for last, (_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    unicode_data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break  # (piped input that has ended)
                    for event in parser.feed(unicode_data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
