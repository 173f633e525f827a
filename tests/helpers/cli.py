"""Running the `reader` command as a user's shell would: a subprocess, its exit code, output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_reader(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`reader ARGS...` in a child process (`python -m reader`), output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )


def run_reader_here(*args: str) -> subprocess.CompletedProcess[str]:
    """`reader ARGS...` in this process, output captured: for tests of what a command
    does with many runs (merges in every order), where a child process each would cost a
    second of start-up; `run_reader` is what a user's shell does."""
    import contextlib
    import io

    from reader.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exit_:  # (argparse's usage errors)
            status = exit_.code if isinstance(exit_.code, int) else 1
    return subprocess.CompletedProcess(["reader", *args], status, out.getvalue(), err.getvalue())
