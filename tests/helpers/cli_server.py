"""A warm interpreter that starts each `reader` command as a process of its own, by fork.

`python -m reader` spends 0.2-0.7 s importing Reader and the libraries a command needs
(trafilatura, httpx, feedparser) before it does anything; the suite ran 600 commands, two
fifths of its time. This server imports them once, then for each request forks a process
that takes the test's own pipes as its standard input, output and error, the test's
environment and working folder, runs `reader` as `python -m reader` would, and exits with
its status, which a waiting process sends back. A command is still a process of its own:
its exit code, its output on real pipes, its crash or signal, nothing shared with the test.

What the fork cannot show is an import a command forgets (this server imported it already)
or a setting read when Python starts: `READER_TEST_CLI=exec` runs every command with a new
`python -m reader` instead (`make stress` does).

Run as `python tests/helpers/cli_server.py SOCKET`; it ends when its standard input closes.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import os
import runpy
import selectors
import signal
import socket
import struct
import sys
import traceback

# What commands import when they run, imported here once: Reader's own modules (an error
# there is the suite's to see), then the libraries they load lazily.
_PRELOAD = (
    "reader.cli.main",
    "reader.library.adding",
    "reader.library.feed_refresh",
    "reader.library.following",
    "reader.library.doctor",
    "reader.annotations.search",
    "reader.interchange.importing",
    "reader.interchange.output",
)
_LIBRARIES = ("trafilatura", "httpx", "feedparser", "rapidfuzz.process", "markdown_it", "tinydb")


def _preload() -> None:
    for name in _PRELOAD:
        importlib.import_module(name)
    for name in _LIBRARIES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    from reader.cli.main import commands

    commands()  # every command's module


def _receive(conn: socket.socket) -> tuple[dict[str, object], list[int]]:
    """A request: a length, then JSON; the three descriptors come with the first bytes."""
    head, fds, _flags, _addr = socket.recv_fds(conn, 4, 3)
    while len(head) < 4:
        more = conn.recv(4 - len(head))
        if not more:
            raise EOFError
        head += more
    (size,) = struct.unpack("!I", head)
    body = b""
    while len(body) < size:
        more = conn.recv(size - len(body))
        if not more:
            raise EOFError
        body += more
    return json.loads(body), fds


def _run_command(request: dict[str, object], fds: list[int]) -> None:
    """Become `python -m reader ARGS` with the request's pipes, folder and environment."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(str(request["cwd"]))
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in dict(request["env"]).items()})  # type: ignore[call-overload]
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.path[0] = os.getcwd()  # `-m` puts the working folder first
    sys.argv = ["-m", *[str(arg) for arg in list(request["args"])]]  # type: ignore[call-overload]
    code = 0
    try:
        runpy.run_module("reader", run_name="__main__", alter_sys=True)
    except SystemExit as exit_:
        if exit_.code is None:
            code = 0
        elif isinstance(exit_.code, int):
            code = exit_.code
        else:
            print(exit_.code, file=sys.stderr)
            code = 1
    except KeyboardInterrupt:
        traceback.print_exc()
        code = 128 + signal.SIGINT
    except BaseException:
        traceback.print_exc()
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError):
            code = code or 120  # what Python exits with when it cannot flush at the end
    os._exit(code)


def _serve_one(conn: socket.socket) -> None:
    """In a forked waiter: fork the command, send its pid, wait, send its exit status."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    request, fds = _receive(conn)
    pid = os.fork()
    if pid == 0:
        conn.close()
        _run_command(request, fds)
    for fd in fds:
        os.close(fd)
    conn.sendall(f"{pid}\n".encode())
    _, status = os.waitpid(pid, 0)
    conn.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
    os._exit(0)


def serve(path: str) -> None:
    _preload()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # waiters are reaped by the kernel
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(64)
    print("ready", flush=True)
    events = selectors.DefaultSelector()
    events.register(server, selectors.EVENT_READ)
    events.register(sys.stdin, selectors.EVENT_READ)
    while True:
        for key, _ in events.select():
            if key.fileobj is sys.stdin:
                return  # the test process has gone
            conn, _ = server.accept()
            if os.fork() == 0:
                server.close()
                try:
                    _serve_one(conn)
                finally:
                    os._exit(1)
            conn.close()


if __name__ == "__main__":
    serve(sys.argv[1])
