"""Reading files safely: regular files only, never past a bound, no memory reserved for it."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from reader.core.files import FileTooLarge, read_bounded


def test_a_small_file_under_a_large_bound_reserves_no_memory_for_the_bound(
    tmp_path: Path,
) -> None:
    small = tmp_path / "reader.json"
    small.write_bytes(b"{}" * 1000)
    tracemalloc.start()
    try:
        assert read_bounded(small, 4 << 30) == b"{}" * 1000
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20  # (a read of the bound + 1 reserved 4 GB first)


def test_a_file_over_its_bound_or_not_a_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(FileTooLarge):
        read_bounded(big, 1000)
    with pytest.raises(OSError, match="not a regular file"):
        read_bounded(tmp_path, 1000)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        with pytest.raises(OSError, match="not a regular file"):
            read_bounded(tmp_path / "pipe", 1000)  # (opening a pipe waited for a writer)
