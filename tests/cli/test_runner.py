"""The suite's commands forked from a warm interpreter behave as `python -m reader` does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.cli import run_reader

CASES = {
    "version": ["--version"],
    "bad usage": ["search"],
    "no match": ["search", "zzqqxx"],
    "a user's mistake": ["add", "no-such-file.txt"],
    "json": ["list", "--json"],
    "what stdin holds": ["add", "-"],
}
STDIN = "Tariffs rise again\n\n“We will not wait,” said Mayor Jane Okafor on Tuesday.\n"


@pytest.mark.parametrize("case", list(CASES))
def test_a_forked_command_answers_as_a_new_python_does(
    case: str, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = CASES[case]
    stdin = STDIN if args == ["add", "-"] else None
    results = []
    for mode in ("exec", "fork"):
        monkeypatch.setenv("READER_TEST_CLI", mode)
        own = shutil.copytree(library, library.with_name(mode))  # an article added once each
        monkeypatch.setenv("READER_LIBRARY", str(own))
        result = run_reader(*args, cwd=own, stdin=stdin)
        results.append((result.returncode, result.stdout, result.stderr))
    assert results[0] == results[1]
    assert results[0][0] in (0, 1, 2)
    assert "Traceback" not in results[0][2]


def test_a_forked_command_takes_the_environment_and_folder_of_the_test(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_LIBRARY", str(library))
    listed = run_reader("list", cwd=tmp_path)
    assert listed.returncode == 0 and "wikinews-warhol-university-exhibits.txt" in listed.stdout
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "elsewhere"))
    elsewhere = run_reader("list", cwd=tmp_path)
    assert elsewhere.stdout != listed.stdout
