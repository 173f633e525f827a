"""Whether the search index kept beside a database says of its annotations what they hold.

A start takes an annotation's words from the kept index (`index_file`) when the index's
fingerprint of it is still that annotation's, or when the state file vouches for the whole
index. A file crafted with the right ids and fingerprints but other words would hide those
annotations from every search, and nothing at a start would notice: checking the words
is the work the index is kept to save. `reader doctor` does that work once: it reads the
words of every annotation a start would take from the kept index, and compares them, row
by row, with what the file holds (words, the field each is in, and the columns searches
sort and filter by); `--fix` deletes the kept files, which the next start builds again.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reader.annotations.documents import COLUMNS, Documents, fingerprint
from reader.annotations.index_file import (
    IndexFileError,
    SavedIndex,
    index_path,
    read_index,
    rows_path,
    size_limit,
    state_path,
    vouched,
)
from reader.annotations.query import field_words
from reader.storage.database import Store


@dataclass(frozen=True)
class IndexCheck:
    """What the check found: how many annotations a start would take from the kept index,
    and of those, how many it holds otherwise than the database does."""

    taken: int
    wrong: int


def kept_files(db: Path) -> list[Path]:
    """The files Reader keeps beside `db` for its search index (any may be missing)."""
    return [index_path(db), state_path(db), rows_path(db)]


def remove_kept_index(db: Path) -> None:
    """Delete the files of the search index kept beside `db` (derived data: the next start
    builds them again); OSError names the one that could not be removed."""
    for path in kept_files(db):
        path.unlink(missing_ok=True)


def check_kept_index(store: Store) -> IndexCheck | None:
    """Compare the index kept beside `store`'s database with one built from its annotations;
    None when there is no kept index a start would read (none, or one damaged past its
    header, which a start reads until the damage and then builds afresh and saves)."""
    saved = read_index(index_path(store.path), size_limit(store.path))
    if saved is None:
        return None
    try:
        return _compare(store, saved)
    except IndexFileError:
        return None
    finally:
        saved.close()


def _compare(store: Store, saved: SavedIndex) -> IndexCheck:
    annotations, as_read = store.annotations_as_read()
    by_id = {annotation.id: annotation for annotation in annotations}
    checked = (
        saved.header_sum is not None
        and as_read is not None
        and vouched(state_path(store.path), saved.header_sum, as_read)
    )
    taken = [  # the annotation of each kept row a start would take, else None
        annotation
        if annotation is not None and (checked or fingerprint(annotation) == printed)
        else None
        for annotation, printed in zip(
            map(by_id.get, saved.ids), np.asarray(saved.fingerprints).tolist(), strict=True
        )
    ]
    del by_id
    used = np.fromiter((annotation is not None for annotation in taken), bool, len(taken))
    wrong = np.zeros(len(taken), dtype=bool)
    documents = Documents()
    for annotation in taken:
        if annotation is not None:
            documents.add(annotation, 0)
    columns = documents.saved_columns(documents.alive())
    for name in COLUMNS:
        kept = np.asarray(saved.columns[name], dtype=np.int64)[used]
        wrong[used] |= kept != np.asarray(columns[name], dtype=np.int64)
    # Every (row, word, field) of the rows taken, as one number: as the file holds them,
    # and as the annotations' words give them (a word the file lacks numbered after its).
    number_of = {word: number for number, word in enumerate(saved.words)}
    kept_keys: list[np.ndarray] = []
    for first, last, entries in saved.all_pieces():
        rows = entries >> 3
        keep = used[rows]
        numbers = np.repeat(
            np.arange(first, last, dtype=np.int64), np.diff(saved.bounds[first : last + 1])
        )
        kept_keys.append(
            (rows[keep].astype(np.int64) << 35) | (numbers[keep] << 3) | (entries[keep] & 7)
        )
    expected = array("q")
    for row, annotation in enumerate(taken):
        if annotation is None:
            continue
        for field, words in field_words(annotation):
            for word in words:
                number = number_of.setdefault(word, len(number_of))
                expected.append((row << 35) | (number << 3) | field)
    held = np.sort(np.concatenate(kept_keys)) if kept_keys else np.zeros(0, dtype=np.int64)
    given = np.sort(np.frombuffer(expected, dtype=np.int64))
    if not np.array_equal(held, given):
        wrong[np.setxor1d(held, given) >> 35] = True
    return IndexCheck(taken=int(np.count_nonzero(used)), wrong=int(np.count_nonzero(wrong)))
