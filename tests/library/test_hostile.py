"""Hostile article files open, or are refused with a message naming them, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.article_files import ArticleError, read_article
from reader.library.folder import Library
from reader.storage.database import Store
from tests.helpers.hostile import HOSTILE, write_hostile_library


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_library(tmp_path_factory.mktemp("hostile") / "library")


@pytest.mark.parametrize(
    ("name", "data", "outcome", "expect"), HOSTILE, ids=[h[0] for h in HOSTILE]
)
def test_each_hostile_file_opens_or_is_refused_by_name(
    hostile: Path, name: str, data: bytes, outcome: str, expect: str
) -> None:
    path = hostile / name
    if outcome == "refuse":
        with pytest.raises(ArticleError) as error:
            read_article(path)
        assert name in str(error.value) and expect in str(error.value)
        assert "\n" not in str(error.value)
        return
    text = read_article(path).text
    assert expect in text
    assert "\x1b" not in text and "\x00" not in text and "\r" not in text


def test_a_scan_registers_the_readable_and_names_the_rest(hostile: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "reader.json")
    report = Library(hostile, store).scan()
    refused = [h[0] for h in HOSTILE if h[2] == "refuse"]
    assert sorted(r.path for r in store.articles()) == sorted(
        h[0] for h in HOSTILE if h[2] == "open"
    )
    assert len(report.skipped) == len(refused)
    for name in refused:
        assert any(name in reason for reason in report.skipped)
