"""Crash safety: writers killed at random moments, and a disk that fills up.

A writer process saves annotations in a loop (each one a journal append; one in eight
followed by a fold of the journal into reader.json) and prints each id once its save
returned; it is killed with SIGKILL at a random moment: in an append, in a fold, in the
replay of the journal when it opens. The database must always load, and hold every id that
was printed. `make test` runs 24 kills; `make stress` (READER_STRESS=1) runs 1,002 and writes
its figures to bench/.data/crash.json for the README.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.records import new_annotation
from reader.storage.database import Store
from tests.helpers.paths import ROOT
from tests.helpers.profile import STRESS

KILLS = 1002 if STRESS else 12
SIZES = (0, 1_000, 10_000)
WRITER = [sys.executable, "-m", "tests.helpers.writer"]
TEXT = "Title\n\n" + "A sentence that people are quoted in, with more words. " * 40


def seed(db: Path, size: int) -> None:
    store = Store(db, backups=False)
    article = store.add_article(path="a.txt", title="Title", sha256="0")
    if size:
        store.save_annotations(
            new_annotation(article.id, TEXT, 7 + i % 500, 60 + i % 500, source=f"seed {i % 300}")
            for i in range(size)
        )
    store.close()


def run_and_kill(db: Path, label: str, rng: random.Random) -> list[str]:
    """Start a writer, let it save for a random while after its first save, kill it."""
    process = subprocess.Popen(
        [*WRITER, "write", str(db), label], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None
    first = process.stdout.readline().strip()  # it is saving now
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=rng.uniform(0.0, 0.25))
    process.send_signal(signal.SIGKILL)
    rest, _ = process.communicate()
    assert process.returncode == -signal.SIGKILL
    return [first, *rest.split()]


def test_sigkill_at_random_moments_never_loses_a_returned_save(tmp_path: Path) -> None:
    rng = random.Random()
    kills = mid_write = torn = acknowledged = 0
    per_size = -(-KILLS // len(SIZES))
    for size in SIZES:
        folder = tmp_path / f"size-{size}"
        folder.mkdir()
        db = folder / "reader.json"
        seed(db, size)
        saved: set[str] = set()
        for round_ in range(per_size):
            acks = run_and_kill(db, f"round {round_}", rng)
            kills += 1
            acknowledged += len(acks)
            mid_write += bool(list(folder.glob(".reader.json.*.tmp")))
            journal = folder / ".reader.json.journal"
            torn += journal.exists() and not journal.read_bytes().endswith(b"\n")
            saved.update(acks)
            store = Store(db, backups=False)  # always loads
            missing = [a for a in saved if store.annotation(a) is None]
            assert not missing, f"{len(missing)} acknowledged saves lost after kill {kills}"
            # A save may complete just before the kill, unacknowledged: at most one per kill.
            assert size + len(saved) <= len(store) <= size + len(saved) + round_ + 1
            store.close()
        assert not list(folder.glob(".reader.json.*.tmp")) or mid_write
    if STRESS:
        figures = {
            "kills": kills,
            "mid_write": mid_write,
            "torn_appends": torn,
            "acknowledged": acknowledged,
            "sizes": SIZES,
        }
        out = ROOT / "bench" / ".data" / "crash.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(figures))
    print(
        f"{kills} kills, {mid_write} in a fold, {torn} in an append, "
        f"{acknowledged} saves acknowledged, none lost"
    )


def test_a_killed_writers_temporary_file_is_cleaned_by_the_next(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    seed(db, 0)
    (tmp_path / ".reader.json.abc123.tmp").write_bytes(b'{"half": ')  # as a crash leaves it
    store = Store(db)
    store.save_annotation(new_annotation(store.articles()[0].id, TEXT, 7, 20))
    assert not list(tmp_path.glob("*.tmp"))


def test_a_full_disk_mid_append_saves_nothing_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.storage.journal

    db = tmp_path / "reader.json"
    seed(db, 100)
    store = Store(db)
    store.save_annotation(new_annotation(store.articles()[0].id, TEXT, 7, 20, note="kept"))
    before = (db.read_bytes(), store.journal.path.read_bytes())

    def half_then_full(fd: int) -> None:
        os.write(fd, b"0000 {half")  # as a full disk leaves a line
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reader.storage.journal, "_sync", half_then_full)
    from reader.storage.database import StoreError

    with pytest.raises(
        StoreError,
        match="could not save \\(No space left on device\\); the file on disk is unchanged",
    ):
        store.save_annotation(new_annotation(store.articles()[0].id, TEXT, 7, 20, note="lost"))
    monkeypatch.undo()
    assert (db.read_bytes(), store.journal.path.read_bytes()) == before
    assert len(store) == 101 and len(Store(db)) == 101
    store.save_annotation(new_annotation(store.articles()[0].id, TEXT, 7, 20, note="next"))
    assert sorted(a.note for a in Store(db).annotations() if a.note) == ["kept", "next"]


def test_a_full_disk_mid_fold_leaves_the_file_and_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.storage.atomic

    db = tmp_path / "reader.json"
    seed(db, 100)
    store = Store(db)
    store.save_annotation(new_annotation(store.articles()[0].id, TEXT, 7, 20, note="kept"))
    before = (db.read_bytes(), store.journal.path.read_bytes())

    def half_then_full(handle, payload) -> None:  # type: ignore[no-untyped-def]
        handle.write(b'{"meta": {')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reader.storage.atomic, "_write_payload", half_then_full)
    from reader.storage.database import StoreError

    with pytest.raises(StoreError, match="No space left on device"):
        store.fold()
    monkeypatch.undo()
    assert (db.read_bytes(), store.journal.path.read_bytes()) == before
    assert not list(tmp_path.glob("*.tmp"))
    assert len(Store(db)) == 101
    assert store.fold() and not store.journal.path.exists() and len(Store(db)) == 101


def _can_mount_tmpfs() -> bool:
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    probe = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            "mount -t tmpfs tmpfs /mnt",
        ],
        capture_output=True,
    )
    return probe.returncode == 0


@pytest.mark.skipif(
    not _can_mount_tmpfs(), reason="needs Linux user namespaces to mount a tiny tmpfs"
)
def test_a_really_full_disk_keeps_every_returned_save(tmp_path: Path) -> None:
    """A 300 KB tmpfs (in a private mount namespace) fills up under a writer process."""
    mount = tmp_path / "disk"
    mount.mkdir()
    script = (
        f"mount -t tmpfs -o size=300k tmpfs {mount} && "
        f"{sys.executable} -m tests.helpers.writer fill {mount}/reader.json > {mount}/../acks; "
        f"echo fill=$?; ls -a {mount}; "
        f"{sys.executable} -m tests.helpers.writer verify {mount}/reader.json {mount}/../acks"
    )
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    acks = (tmp_path / "acks").read_text()
    assert "fill=3" in result.stdout, result.stdout + result.stderr
    assert (
        "FULL" in acks and "No space left on device" in acks and "file on disk is unchanged" in acks
    )
    saved = [line for line in acks.splitlines() if line and not line.startswith("FULL")]
    assert len(saved) > 5
    assert ".tmp" not in result.stdout  # no half-written temporary file left behind
    assert f"{len(saved)} acknowledged, 0 missing" in result.stdout, result.stdout + result.stderr
