"""Running the `reader` command as a user's shell would: a process, its exit code, output.

Each command is a process of its own with its own pipes, environment and working folder.
By default it is forked from a warm interpreter (`tests/helpers/cli_server.py`: Reader and
its libraries imported once, not 600 times); `READER_TEST_CLI=exec` starts a new
`python -m reader` for each command instead.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import locale
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

_SERVER = Path(__file__).with_name("cli_server.py")
TIMEOUT = 60.0


def run_reader(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`reader ARGS...` in a process of its own, output captured as text."""
    env = {**os.environ, "NO_COLOR": "1"}
    if os.environ.get("READER_TEST_CLI") == "exec":
        return subprocess.run(
            [sys.executable, "-m", "reader", *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            input=stdin,
            env=env,
            timeout=TIMEOUT,
        )
    return _server().run(list(args), cwd or Path.cwd(), stdin, env)


class _ForkServer:
    """One warm interpreter per test process, started at the first command."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="reader-cli-")
        self.socket_path = os.path.join(self.folder, "s")
        self.process = subprocess.Popen(
            [sys.executable, "-P", str(_SERVER), self.socket_path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError("the test's reader command server did not start")
        atexit.register(self.stop)

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()  # the server ends when this closes
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        for name in os.listdir(self.folder):
            os.unlink(os.path.join(self.folder, name))
        os.rmdir(self.folder)

    def run(
        self, args: list[str], cwd: Path, stdin: str | None, env: dict[str, str]
    ) -> subprocess.CompletedProcess[str]:
        out_read, out_write = os.pipe()
        err_read, err_write = os.pipe()
        if stdin is None:
            in_read, in_write = os.open(os.devnull, os.O_RDONLY), -1
        else:
            in_read, in_write = os.pipe()
        body = json.dumps({"args": args, "cwd": str(cwd), "env": env}).encode()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(self.socket_path)
            socket.send_fds(
                conn, [struct.pack("!I", len(body)) + body], [in_read, out_write, err_write]
            )
            for fd in (in_read, out_write, err_write):
                os.close(fd)
            outputs: dict[int, bytes] = {}
            readers = [
                threading.Thread(target=_read_all, args=(fd, outputs), daemon=True)
                for fd in (out_read, err_read)
            ]
            if in_write != -1:
                readers.append(
                    threading.Thread(target=_write_all, args=(in_write, stdin or ""), daemon=True)
                )
            for reader in readers:
                reader.start()
            conn.settimeout(TIMEOUT)
            answer = conn.makefile("r")
            pid = status = ""
            try:
                pid = answer.readline()
                status = answer.readline()
            except TimeoutError:
                pass
            if not status:
                _kill_quietly(pid)
                raise subprocess.TimeoutExpired(["reader", *args], TIMEOUT)
            for reader in readers:
                reader.join(TIMEOUT)
        return subprocess.CompletedProcess(
            ["reader", *args],
            int(status),
            _text(outputs.get(out_read, b"")),
            _text(outputs.get(err_read, b"")),
        )


def _read_all(fd: int, into: dict[int, bytes]) -> None:
    chunks = []
    with open(fd, "rb", closefd=True) as stream:
        while chunk := stream.read1(65536):
            chunks.append(chunk)
    into[fd] = b"".join(chunks)


def _write_all(fd: int, text: str) -> None:
    with contextlib.suppress(BrokenPipeError), open(fd, "w", encoding="utf-8") as stream:
        stream.write(text)


def _text(data: bytes) -> str:
    """As `subprocess.run(text=True)` decodes: the locale's encoding, universal newlines."""
    text = data.decode(locale.getpreferredencoding(False))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _kill_quietly(pid: str) -> None:
    if pid.strip().isdigit():
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid), signal.SIGKILL)


_STARTED: list[_ForkServer] = []


def _server() -> _ForkServer:
    if not _STARTED or _STARTED[0].process.poll() is not None:
        _STARTED[:] = [_ForkServer()]
    return _STARTED[0]
