"""A command in one place: every module of reader/cli declares one, and `--help` shows it."""

from __future__ import annotations

import pkgutil

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


@pytest.mark.parametrize("name", NAMES)
def test_each_command_has_help_with_the_location_options(name: str) -> None:
    result = run_reader(name, "--help")
    assert result.returncode == 0
    assert "--library" in result.stdout and "--db" in result.stdout
    assert "%%" not in result.stdout  # argparse %-formats argument help, never a description


def test_the_merge_driver_help_shows_git_s_placeholders_once() -> None:
    shown = " ".join(run_reader("merge-driver", "--help").stdout.split())
    assert 'reader merge-driver %O %A %B %P"' in shown
    assert "(git's %O)" in shown and "(%P)" in shown
