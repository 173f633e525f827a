"""A command loads the libraries its work needs, no more: each `reader` call starts afresh,
so a library loaded for nothing is paid at every call (httpx took 0.17 s of each local
`reader add`, numpy 0.1 s of each `reader export` without a query)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import GOLD, ICE

_RUN_AND_LIST = (
    "import sys\n"
    "from reader.cli.main import main\n"
    "status = main(sys.argv[1:])\n"
    "print(' '.join(sorted(m for m in sys.modules if '.' not in m)), file=sys.stderr)\n"
    "sys.exit(status)\n"
)


def _loaded(*args: str) -> set[str]:
    """The top-level modules loaded by `reader ARGS...` run in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST, *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return set(result.stderr.split("\n")[-2].split())


@pytest.mark.parametrize(
    ("command", "not_loaded"),
    [
        (["add", "NEW"], {"httpx", "httpcore", "trafilatura"}),
        (["export", "--format", "csv"], {"numpy", "httpx", "trafilatura"}),
        (["list"], {"numpy", "httpx", "trafilatura", "textual"}),
    ],
)
def test_a_command_loads_no_library_its_work_does_not_need(
    command: list[str], not_loaded: set[str], tagged_library: Path, tmp_path: Path
) -> None:
    new = tmp_path / "new.txt"  # an article from disk, not yet in the library
    new.write_text((GOLD / ICE).read_text(encoding="utf-8").replace("ICE", "CBSA"), "utf-8")
    command = [str(new) if word == "NEW" else word for word in command]
    loaded = _loaded(*command, "--library", str(tagged_library))
    assert not loaded & not_loaded
    assert "reader" in loaded  # (the listing is of the run that did the work)
