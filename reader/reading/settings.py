"""The user's own settings files: the keymap, and where each library was left off.

Both live in the user's folders (platformdirs), never in the library, which may be shared:
- `keymap.toml` in the config folder (`~/.config/reader/keymap.toml` on Linux) remaps keys
  by the id every binding has, as posting does:

      [keymap]
      "article.tag" = "t,enter,ctrl+t"
      "app.search" = "slash,ctrl+f"

  `?` lists every id with its keys. A file that cannot be read, or an id or key that is not
  text, is reported in one line and left out; the rest applies. An id that is no binding's
  and a key given to two bindings of one place are reported too (`keymap_problems`).
- `positions.json` in the state folder: for each library folder, the article read last and
  where the cursor was, so that reopening goes back there.
"""

from __future__ import annotations

import json
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import cache
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
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
        if len(raw) > MAX_SETTINGS_BYTES:  # (read cut, it had said "Unterminated string")
            keymap.problems.append(
                f"{path}: over {MAX_SETTINGS_BYTES >> 10} KB, more than a keymap holds; not "
                "read, the default keys apply (keep the entries, drop the rest)"
            )
            return keymap
        data = tomllib.loads(raw.decode("utf-8", "replace"))
    except FileNotFoundError:
        return keymap
    except (OSError, tomllib.TOMLDecodeError, RecursionError) as error:
        keymap.problems.append(f"{path}: not read ({error}); the default keys apply")
        return keymap
    for name in data:  # (`[keymaps]`, or ids with no section: read by no one, in silence)
        if name != "keymap":
            keymap.problems.append(
                f"{path}: {name!r} is no section of a keymap, and is left out: the ids go "
                "under [keymap]"
            )
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        keymap.problems.append(f'{path}: [keymap] is not a table of id = "keys"')
        return keymap
    for binding_id, keys in table.items():
        named = [k.strip() for k in keys.split(",")] if isinstance(keys, str) else []
        unknown = [k for k in named if k and not is_key_name(k)]
        if unknown:  # ("ae", "ctrl+": the binding had no key that works, and no word said)
            keymap.problems.append(
                f"{path}: {binding_id!r} left out ({unknown[0]!r} is no key: a character, "
                "or a name such as enter, f5, ctrl+t, shift+tab, question_mark)"
            )
        elif named and all(named):
            keymap.keys[binding_id] = ",".join(named)
        elif isinstance(keys, str):
            keymap.problems.append(
                f"{path}: {binding_id!r} left out (an empty key name: commas separate keys; "
                'the comma key itself is "comma")'
            )
        else:
            keymap.problems.append(f"{path}: {binding_id!r} left out (keys must be text)")
    return keymap


# Keys by name, as Textual names them, beside a character and a character's Unicode name
# ("question_mark", "full_stop"): what a keymap can give a binding.
_NAMED_KEYS = frozenset(
    {
        "enter", "tab", "escape", "space", "backspace", "delete", "insert", "home", "end",
        "pageup", "pagedown", "up", "down", "left", "right",
        *(f"f{n}" for n in range(1, 25)),
        # (Textual's plain words for some characters' Unicode names: "solidus" is "slash")
        "slash", "backslash", "at", "minus", "plus", "underscore",
    }
)  # fmt: skip
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def is_key_name(key: str) -> bool:
    """Whether `key` names a key: a character, a key's name, a character's name with _ for
    spaces, each after modifiers joined by + ("ctrl+t", "shift+tab")."""
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if any(modifier.casefold() not in _MODIFIERS for modifier in modifiers):
        return False
    if len(base) == 1:
        return True
    if base.casefold() in _NAMED_KEYS:
        return True
    return base.casefold() in _character_names()


@cache
def _character_names() -> frozenset[str]:
    """Characters' Unicode names as Textual writes them ("less_than_sign" for "<"), for
    the characters a keyboard types (up to U+2FFF)."""
    names = set()
    for point in range(0x20, 0x3000):
        name = unicodedata.name(chr(point), "")
        if name:
            names.add(name.casefold().replace(" ", "_").replace("-", "_"))
    return frozenset(names)


def keymap_problems(
    keymap: Keymap, bindings: Sequence[tuple[str, str, str]], path: Path | None = None
) -> list[str]:
    """What in a keymap no key will do, given the app's `bindings` (where each answers,
    its id, its default keys): an id that is no binding's (a typo: the nearest id is
    named), and a key the keymap gives a binding that another binding answering in the
    same place already has (only one of the two would answer it)."""
    path = path or keymap_path()
    known = {binding_id for _, binding_id, _ in bindings}
    problems = []
    for binding_id in keymap.keys:
        if binding_id not in known:
            nearest = get_close_matches(binding_id, sorted(known), n=1, cutoff=0.6)
            hint = f"; did you mean {nearest[0]!r}?" if nearest else ""
            problems.append(
                f"{path}: {binding_id!r} is no key's id (`reader keys` lists them){hint}"
            )
    holders: dict[tuple[str, str], list[str]] = {}
    for where, binding_id, defaults in bindings:
        keys = keymap.keys.get(binding_id, defaults).split(",")
        for key in dict.fromkeys(key.strip() for key in keys):  # ("t,t" is one key)
            holders.setdefault((where, key), []).append(binding_id)
    for (_, key), ids in holders.items():
        if len(ids) > 1 and any(binding_id in keymap.keys for binding_id in ids):
            problems.append(
                f"{path}: {key!r} is the key of both {ids[0]!r} and {ids[1]!r}, which "
                f"answer in the same place: {ids[0]!r} takes it (the first); give "
                f"{ids[1]!r} another key"
            )
    return problems


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
