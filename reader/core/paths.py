"""Where the library folder and its database are.

The library is, in order: the folder named on the command line (`reader DIR` or
`--library DIR`), `$READER_LIBRARY`, the current folder when it holds a `reader.json` (a
library, such as a teammate's clone), `./library` when the current folder has one, else
`library` in the user data folder (platformdirs), created on first use. The database is
`--db FILE` when given, else `reader.json` inside the library, so the folder can be moved
or synced whole.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from reader.core.files import TOO_LONG, name_too_long
from reader.core.text import shown_name

DB_NAME = "reader.json"
ENV_LIBRARY = "READER_LIBRARY"


class PathError(Exception):
    """A library or database location that cannot be used; one line for the user.

    `usage`: the fault is in what was typed (exit 2), not in the files found (exit 1).
    """

    def __init__(self, message: str, *, usage: bool = True) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass(frozen=True)
class Locations:
    """The library folder and database file one run of Reader works on."""

    library: Path
    db: Path


def default_library(cwd: Path | None = None) -> Path:
    """The library used when none is named."""
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    here = cwd or Path.cwd()
    if (here / DB_NAME).is_file():
        # (inside a library: `cd alice && reader import ../bob/reader.json` merged into a
        # library in the user data folder, and said nothing of where)
        return here
    local = here / "library"
    if local.is_dir():
        return local
    return user_data_path("reader", appauthor=False) / "library"


def resolve(library: str | None = None, db: str | None = None, create: bool = True) -> Locations:
    """The library and database for the given options; checks the library is a folder.
    The default library is made when missing, unless `create` is False (a command that
    only reads): it is then given as it would be, not there."""
    for given in (library, db):
        if given and name_too_long(Path(given).expanduser()):
            raise PathError(f"{shown_name(given)}: {TOO_LONG}")
    if library:
        folder = Path(library).expanduser()
        if not folder.exists():
            raise PathError(f"{folder}: no such folder; create it or name an existing library")
    else:
        folder = default_library()
        if not folder.exists() and not create:
            return Locations(library=folder, db=Path(db).expanduser() if db else folder / DB_NAME)
        if not folder.exists():
            try:
                folder.mkdir(parents=True)
            except OSError as error:
                raise PathError(f"{folder}: cannot create the library ({error.strerror})") from None
    if not folder.is_dir():
        raise PathError(f"{folder}: not a folder; name a folder of articles")
    database = Path(db).expanduser() if db else folder / DB_NAME
    if database.is_symlink() and not database.exists():
        raise PathError(
            f"{database}: a link to {os.readlink(database)}, which does not exist; remove the "
            "link or point it at a Reader database",
            usage=False,
        )
    if database.is_dir():
        if db:
            raise PathError(f"{database}: is a folder; --db takes a file name")
        raise PathError(  # (a folder where the library's database belongs)
            f"{database}: is a folder where the library's database belongs; move it away, "
            "or keep the database elsewhere with --db FILE",
            usage=False,
        )
    if not database.parent.is_dir():
        raise PathError(f"{database.parent}: no such folder for the database; create it first")
    return Locations(library=folder.resolve(), db=database.resolve())


# Names Windows keeps for its devices, whatever the extension: a folder synced to Windows
# cannot hold a file so named.
_DEVICE_NAME = re.compile(r"(?i:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])")


def is_device_name(stem: str) -> bool:
    """Whether a file named `stem` (with any extension) is a device on Windows: "CON",
    "nul", "COM1.txt"."""
    return _DEVICE_NAME.fullmatch(stem.split(".")[0].strip()) is not None


def slug(title: str, limit: int = 72) -> str:
    """A file name stem from a title: ASCII letters and digits joined by hyphens, whole
    words only, at most `limit` characters (a first word longer than that is cut). A title
    with none (Japanese, Arabic, Greek news) keeps its own letters and digits, so that a
    library of such news is not all `article-N.md`; its stem is also at most `STEM_BYTES`
    bytes in UTF-8 (letters of Adlam or CJK Extension B take 4 bytes each: 72 of them were
    past a file name's 255 bytes, and such an article could not be added). Empty when the
    title has no letters at all."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    if not words:  # (letters and digits of any script: never a mark, a space or a control)
        words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", title).casefold())
    stem = ""
    for word in words:
        if not stem and (len(word) > limit or _utf8_size(word) > STEM_BYTES):
            return cut_to_bytes(word[:limit], STEM_BYTES)
        joined = f"{stem}-{word}" if stem else word
        if len(joined) > limit or _utf8_size(joined) > STEM_BYTES:
            break
        stem = joined
    return stem


# A stem's bound in bytes: a file name holds 255, and the stem gets a number ("-12"), a
# suffix ("-article") and an extension after it, and the library's side files a prefix.
STEM_BYTES = 160


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def cut_to_bytes(text: str, size: int) -> str:
    """The longest start of `text` of at most `size` bytes in UTF-8, whole characters."""
    while _utf8_size(text) > size:
        text = text[: max(0, len(text) - 1 - (_utf8_size(text) - size) // 4)]
    return text
