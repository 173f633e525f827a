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
