"""Ctrl-C in the middle of a command: one line and the shell's status for an interrupt."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import pytest

from reader.cli import main as cli
from reader.cli.main import main


def test_ctrl_c_is_one_line_and_status_130_never_a_traceback(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(args: argparse.Namespace, where: object) -> int:
        raise KeyboardInterrupt  # as the terminal's Ctrl-C arrives, mid-command

    listed = tuple(
        dataclasses.replace(c, run=interrupted) if c.name == "list" else c for c in cli.commands()
    )
    monkeypatch.setattr(cli, "commands", lambda: listed)
    assert main(["list", "--library", str(library)]) == 130
    assert capsys.readouterr().err == "reader: interrupted\n"
