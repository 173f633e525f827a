"""A command in one place: every module of reader/cli declares one, and `--help` shows it."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

import reader.cli
from reader.cli.command import Command
from reader.cli.main import commands
from tests.helpers.cli import run_reader

NAMES = [command.name for command in commands()]


def test_every_module_of_the_command_line_is_a_command() -> None:
    modules = {m.name for m in pkgutil.iter_modules(reader.cli.__path__)} - {"main", "command"}
    assert len(commands()) == len(modules)
    assert all(isinstance(c, Command) for c in commands())
    assert len(set(NAMES)) == len(NAMES)


def test_help_explains_every_command() -> None:
    result = run_reader("--help")
    assert result.returncode == 0
    for command in commands():
        for usage, what in command.synopsis:
            assert f"{usage}" in result.stdout and what in result.stdout
    assert "--db" in result.stdout and "READER_LIBRARY" in result.stdout
    # once: the overview, not again in argparse's list of commands (helper 187)
    assert result.stdout.count("print the articles with their annotation counts") == 1


NO_LIBRARY = {"keys", "config", "merge-driver"}  # they work on no library


@pytest.mark.parametrize("name", NAMES)
def test_each_command_has_help_with_a_description_and_the_options_it_uses(name: str) -> None:
    result = run_reader(name, "--help")
    assert result.returncode == 0
    uses = name not in NO_LIBRARY
    assert ("--library" in result.stdout) is uses and ("--db" in result.stdout) is uses
    assert "%%" not in result.stdout  # argparse %-formats argument help, never a description
    described = result.stdout.split("\n\n", 2)[1]  # after the usage: what the command does
    assert not described.startswith(("positional arguments", "options")), described


def test_a_command_that_uses_no_library_still_takes_the_options_and_makes_no_library(
    tmp_path: Path,
) -> None:
    nowhere = tmp_path / "not-made"
    result = run_reader("--library", str(nowhere), "keys")
    assert result.returncode == 0, result.stderr
    assert not nowhere.exists()


def test_a_missing_argument_names_only_what_is_required() -> None:
    result = run_reader("agree", "Ann Lee")
    assert result.returncode == 2
    assert "required: CODER_B (see" in result.stderr  # FILTER... is optional


def test_search_help_lists_every_kind_of_filter() -> None:
    shown = " ".join(run_reader("search", "--help").stdout.split())
    for syntax in ("coder:alice", "'theme:\"\"'", "-coder:bob", "'-theme:\"\"'", "kind:quotation"):
        assert syntax in shown


def test_the_readme_keys_name_every_analysis_tab() -> None:
    from reader.ui.screens.analysis_screen import AnalysisScreen

    tabs = [b for b in AnalysisScreen.BINDINGS if getattr(b, "key", "").isdigit()]
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith("| analysis (`M`)")]
    assert f"`1`-`{len(tabs)}`" in row


def test_the_merge_driver_help_shows_git_s_placeholders_once() -> None:
    shown = " ".join(run_reader("merge-driver", "--help").stdout.split())
    assert "'$(command -v reader)' merge-driver %O %A %B %P\"" in shown
    assert "(git's %O)" in shown and "(%P)" in shown
