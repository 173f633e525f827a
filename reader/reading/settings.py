"""The user's own settings files: the keymap, and where each library was left off.

Both live in the user's folders (platformdirs), never in the library, which may be shared:
- `keymap.toml` in the config folder (`~/.config/reader/keymap.toml` on Linux) remaps keys
  by the id every binding has, as posting does:

      [keymap]
      "article.tag" = "t,enter,ctrl+t"
      "app.search" = "slash,ctrl+f"

  `?` lists every id with its keys. A file that cannot be read, or an id or key that is not
  text, is reported in one line and left out; the rest applies.
- `positions.json` in the state folder: for each library folder, the article read last and
  where the cursor was, so that reopening goes back there.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path, user_state_path

from reader.core.files import open_regular, read_bounded
from reader.storage.atomic import write_atomically

MAX_SETTINGS_BYTES = 1024 * 1024


@dataclass
class Keymap:
    """Binding id -> keys (comma-separated, Textual's names), and what was left out."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def keymap_path() -> Path:
    """Where the user's keymap is read from."""
    return user_config_path("reader", appauthor=False) / "keymap.toml"


def shown_path(path: Path) -> str:
    """A path as a person reads it: the home folder written `~`."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


def load_keymap(path: Path | None = None) -> Keymap:
    """The keymap of `path` (default: the user's); an absent file is an empty keymap."""
    path = path or keymap_path()
    keymap = Keymap()
    try:
        with open_regular(path) as handle:  # (never a pipe: it would wait)
            data = tomllib.loads(handle.read(MAX_SETTINGS_BYTES).decode("utf-8", "replace"))
    except FileNotFoundError:
        return keymap
    except (OSError, tomllib.TOMLDecodeError, RecursionError) as error:
        keymap.problems.append(f"{path}: not read ({error}); the default keys apply")
        return keymap
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        keymap.problems.append(f'{path}: [keymap] is not a table of id = "keys"')
        return keymap
    for binding_id, keys in table.items():
        if isinstance(keys, str) and keys.strip() and all(k.strip() for k in keys.split(",")):
            keymap.keys[binding_id] = ",".join(k.strip() for k in keys.split(","))
        else:
            keymap.problems.append(f"{path}: {binding_id!r} left out (keys must be text)")
    return keymap


def positions_path() -> Path:
    """Where the reading positions are kept."""
    return user_state_path("reader", appauthor=False) / "positions.json"


def load_position(library: Path, path: Path | None = None) -> tuple[str, int] | None:
    """The article (its path in the library) and cursor offset where `library` was left."""
    try:
        raw = read_bounded(path or positions_path(), MAX_SETTINGS_BYTES)
        entry = json.loads(raw).get(str(library.resolve()))
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
    if (
        isinstance(entry, dict)
        and isinstance(entry.get("article"), str)
        and type(entry.get("cursor")) is int
    ):
        return entry["article"], max(0, entry["cursor"])
    return None


def save_position(library: Path, article: str, cursor: int, path: Path | None = None) -> None:
    """Remember where `library` was left; a failure to write is not worth a word."""
    path = path or positions_path()
    try:
        try:
            data = json.loads(read_bounded(path, MAX_SETTINGS_BYTES))
            data = data if isinstance(data, dict) else {}
        except (OSError, ValueError, RecursionError):
            data = {}
        data.pop(str(library.resolve()), None)  # the newest entry goes last
        data[str(library.resolve())] = {"article": article, "cursor": cursor}
        if len(data) > 200:  # the oldest libraries fall out
            data = dict(list(data.items())[-200:])
        write_atomically(path, json.dumps(data).encode("utf-8"))
    except OSError:
        return
