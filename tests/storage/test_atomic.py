"""Writing a file whole: never through a link, never taking a linked file's permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.storage.atomic import write_atomically, write_new


def test_a_link_is_replaced_and_its_targets_mode_is_not_taken(tmp_path: Path) -> None:
    program = tmp_path / "program"
    program.write_text("#!/bin/sh\n")
    os.chmod(program, 0o6777)  # set-user-id, set-group-id, writable by all
    link = tmp_path / "site.json"
    link.symlink_to(program)  # (a library from elsewhere can hold one)
    write_atomically(link, b"{}")
    mode = stat.S_IMODE(os.lstat(link).st_mode)
    assert not link.is_symlink() and link.read_bytes() == b"{}"
    assert mode & (stat.S_ISUID | stat.S_ISGID) == 0 and mode & 0o002 == 0
    assert program.read_text() == "#!/bin/sh\n"  # untouched


def test_a_regular_files_mode_is_kept_without_its_special_bits(tmp_path: Path) -> None:
    path = tmp_path / "reader.json"
    path.write_text("{}")
    os.chmod(path, 0o4640)
    write_atomically(path, b"[]")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_write_new_follows_no_link_and_replaces_nothing(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "kept").symlink_to(elsewhere)
    assert not write_new(tmp_path / "lib", ("kept", "a.md"), b"x")
    assert list(elsewhere.iterdir()) == []
    assert write_new(tmp_path / "lib", ("real", "a.md"), b"x")
    assert not write_new(tmp_path / "lib", ("real", "a.md"), b"y")  # (exists: not replaced)
    assert (tmp_path / "lib" / "real" / "a.md").read_bytes() == b"x"
