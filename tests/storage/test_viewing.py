"""Which articles Reader apps have on screen (`storage.sessions.Viewing`): what a feed's
`--keep` asks before it removes an unread article."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from reader.storage.sessions import Viewing, viewing_path

ELSEWHERE = (
    "import sys; from pathlib import Path; from reader.storage.sessions import Viewing;"
    "print(Viewing(Path(sys.argv[1])).on_screen(int(sys.argv[2])))"
)


def seen_by_another_process(db: Path, article_id: int) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", ELSEWHERE, str(db), str(article_id)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip() == "True"


def test_an_article_on_screen_is_seen_by_other_processes_and_let_go(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    app = Viewing(db)
    app.show(3)
    assert seen_by_another_process(db, 3) and not seen_by_another_process(db, 4)
    app.show(4)
    assert seen_by_another_process(db, 4) and not seen_by_another_process(db, 3)
    app.close()
    assert not seen_by_another_process(db, 4)


def test_the_file_deleted_under_the_app_is_made_again_and_held(tmp_path: Path) -> None:
    # (`git clean -X` took it: the app's lock was on a file no other process could see,
    # and a refresh removed the article on screen)
    db = tmp_path / "reader.json"
    app = Viewing(db)
    app.show(7)
    viewing_path(db).unlink()
    assert not seen_by_another_process(db, 7)  # (what the app's check every few seconds mends)
    app.keep_up()
    assert seen_by_another_process(db, 7)
    app.close()


def test_a_file_that_cannot_be_opened_counts_every_article_as_on_screen(tmp_path: Path) -> None:
    # (another user's file in a shared library: nothing was seen, and a refresh removed
    # what that user's app showed; it removes nothing now)
    db = tmp_path / "reader.json"
    viewing_path(db).mkdir()  # (as unopenable as another's file without write access)
    assert Viewing(db).on_screen(1)


def test_the_file_is_made_with_the_umask_s_permissions(tmp_path: Path) -> None:
    # (0644 whatever the umask: a group sharing a library with umask 002 could not open it)
    before = os.umask(0o002)
    try:
        Viewing(tmp_path / "reader.json").close()
    finally:
        os.umask(before)
    mode = stat.S_IMODE(os.stat(viewing_path(tmp_path / "reader.json")).st_mode)
    assert mode == 0o664
