"""A large database's search index built afresh in a child process.

A fresh build of the index of 100,000 annotations leaves the process that built it about
25 MB larger than one that takes the same index kept beside the database: the build's
working objects are freed, but Python keeps the small-object memory they fragmented for
the rest of the process's life. A child process gives all of it back when it exits. So the
app, finding no kept index of a large database, has `python -m
reader.annotations.index_process DB` build and save it (as `reader search` would), then
takes it as a start with everything kept does; a change made meanwhile is caught up by the
kept index's fingerprints, as after any other Reader's session. Anything amiss (a child
that cannot start, fails or is stopped) and the app builds the index itself, as before.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.annotations.index_file import index_path, kept_index_current

# Database size from which a fresh index is built in a child (47 MB holds 100,000
# annotations; below this, starting a second interpreter costs more than it saves).
CHILD_FROM_BYTES = 12_000_000
# How long the app waits for the child before building the index itself.
CHILD_SECONDS = 300.0
_POLL = 0.05


def wants_child(db: Path, read_only: bool) -> bool:
    """True when the index of `db` is to be built afresh, by a child process: a large,
    writable database without a current kept index."""
    if read_only:
        return False
    try:
        size = db.stat().st_size
    except OSError:
        return False
    return size >= CHILD_FROM_BYTES and not kept_index_current(db)


def build_in_child(db: Path, cancelled: Callable[[], bool] = lambda: False) -> bool:
    """Build and save the kept index of `db` in a child process (True: saved). The child is
    stopped when `cancelled` turns true (the app is quitting) or it takes too long."""
    try:
        child = subprocess.Popen(
            # -P: the current folder is not searched for modules (a `reader/` package
            # there would run in place of this one)
            [sys.executable, "-P", "-m", "reader.annotations.index_process", str(db)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except (OSError, ValueError):
        return False  # (no process to be had: out of processes, memory or files)
    deadline = time.monotonic() + CHILD_SECONDS
    try:
        while time.monotonic() < deadline and not cancelled():
            try:
                code = child.wait(_POLL)
            except subprocess.TimeoutExpired:
                continue
            return code == 0 and kept_index_current(db)
    finally:
        if child.poll() is None:
            child.kill()  # (the index file is written whole or not at all)
            child.wait()
    return False


def main(arguments: list[str]) -> int:
    """The child: build the index of the database named and save it beside it."""
    from reader.annotations.search import SearchIndex
    from reader.storage.database import Store, StoreError

    if len(arguments) != 1:
        print("usage: python -m reader.annotations.index_process DATABASE", file=sys.stderr)
        return 2
    db = Path(arguments[0])
    try:
        store = Store(db, backups=False)
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        SearchIndex.build(store)
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0 if index_path(store.path).is_file() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
