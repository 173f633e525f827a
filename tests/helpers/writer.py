"""A writer process for crash and concurrency tests: `python -m tests.helpers.writer MODE ...`.

- `write DB LABEL [COUNT]`: save annotations one by one (forever, or COUNT of them); after each
  save returns, print its id on stdout (flushed): the parent kills us at any moment and
  checks that every printed id is in the database. One save in eight is followed by a fold
  (the journal into reader.json), so kills land in appends, folds and the opening replay.
- `fill DB`: save annotations with large notes until the disk is full; print each id, then
  `FULL <message>` and exit 3 when a save fails.
- `edit DB LABEL COUNT`: edit the notes of existing annotations COUNT times.
- `verify DB ACKS`: load the database and check every id listed in the file ACKS is there;
  exit 0 if so.
"""

from __future__ import annotations

import random
import sys
from itertools import count
from pathlib import Path

from reader.core.records import edited, new_annotation
from reader.storage.database import Store, StoreError

TEXT = "Title\n\n" + "A sentence that people are quoted in, with more words. " * 40


def _article(store: Store) -> int:
    if not store.articles():
        return store.add_article(path="a.txt", title="Title", sha256="0").id
    return store.articles()[0].id


def write(db: Path, label: str, limit: int | None) -> None:
    store = Store(db)
    article_id = _article(store)
    for number in count() if limit is None else range(limit):
        start = random.randrange(7, len(TEXT) - 80)
        annotation = new_annotation(
            article_id, TEXT, start, start + 60, source=f"{label} {number}", themes=[label]
        )
        store.save_annotation(annotation)
        print(annotation.id, flush=True)
        if random.random() < 1 / 8:
            store.fold()


def fill(db: Path) -> int:
    store = Store(db)
    article_id = _article(store)
    for number in count():
        annotation = new_annotation(
            article_id, TEXT, 7, 60, source=f"fill {number}", note="x" * 4000
        )
        try:
            store.save_annotation(annotation)
        except StoreError as error:
            print(f"FULL {error}", flush=True)
            return 3
        print(annotation.id, flush=True)
    return 0


def edit(db: Path, label: str, times: int) -> None:
    store = Store(db)
    for number in range(times):
        annotations = store.annotations()
        target = random.choice(annotations)
        store.save_annotation(edited(target, note=f"{label} edit {number}"))
        print(target.id, flush=True)


def verify(db: Path, acks: Path) -> int:
    store = Store(db)
    wanted = [
        line.strip()
        for line in acks.read_text().splitlines()
        if line.strip() and not line.startswith("FULL")
    ]
    missing = [a for a in wanted if store.annotation(a) is None]
    print(f"{len(wanted)} acknowledged, {len(missing)} missing, {len(store)} in the file")
    return 1 if missing else 0


if __name__ == "__main__":
    mode, db = sys.argv[1], Path(sys.argv[2])
    if mode == "write":
        write(db, sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else None)
    elif mode == "fill":
        sys.exit(fill(db))
    elif mode == "edit":
        edit(db, sys.argv[3], int(sys.argv[4]))
    elif mode == "verify":
        sys.exit(verify(db, Path(sys.argv[3])))
