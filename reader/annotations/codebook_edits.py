"""Codebook changes as annotation edits: rename, merge and delete sources and themes.

Each operation returns the `Edit`s that make it (one per annotation touched), which the
history applies as one step, so one undo reverses a whole rename, merge or delete. Themes
nest one level with "/": renaming or deleting "policing" takes "policing/oversight" along.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.annotations.history import Edit, History
from reader.core.codebook import clean_name, name_key, unique_names
from reader.core.records import Annotation, edited

if TYPE_CHECKING:
    from reader.storage.database import Store

SOURCE, THEME = "source", "theme"


def _theme_matches(theme: str, keys: set[str]) -> str | None:
    """The old name `theme` falls under (itself, or its parent), if any."""
    key = name_key(theme)
    for old in keys:
        if key == old or key.startswith(old + "/"):
            return old
    return None


def rename_edits(
    annotations: Iterable[Annotation], kind: str, old_names: Iterable[str], new_name: str
) -> list[Edit]:
    """Give every annotation of `old_names` the name `new_name` (a merge, for several)."""
    new = clean_name(new_name)
    keys = {name_key(n) for n in old_names}
    edits: list[Edit] = []
    for annotation in annotations:
        if kind == SOURCE:
            source = annotation.source
            if source and name_key(source) in keys and source != new:
                edits.append(Edit(annotation, edited(annotation, source=new), "rename"))
            continue
        themes = _renamed_themes(annotation.themes, keys, new)
        if tuple(themes) != annotation.themes:
            edits.append(Edit(annotation, edited(annotation, themes=themes), "rename"))
    return edits


def _renamed_themes(themes: Iterable[str], keys: set[str], new: str) -> list[str]:
    """`themes` with those of the old names (`keys`) renamed `new`, their children kept
    under it ("policing/oversight" -> "police/oversight")."""
    renamed = []
    for theme in themes:
        old = _theme_matches(theme, keys)
        if old is None:
            renamed.append(theme)
        else:
            rest = theme[len(old) :] if name_key(theme) != old else ""
            renamed.append(new + rest)
    return unique_names(renamed)


def delete_edits(annotations: Iterable[Annotation], kind: str, name: str) -> list[Edit]:
    """Take `name` off every annotation (the annotations stay, with their other tags)."""
    key = name_key(name)
    edits: list[Edit] = []
    for annotation in annotations:
        if kind == SOURCE:
            if annotation.source and name_key(annotation.source) == key:
                edits.append(Edit(annotation, edited(annotation, source=None), "untag"))
            continue
        themes = [t for t in annotation.themes if _theme_matches(t, {key}) is None]
        if len(themes) != len(annotation.themes):
            edits.append(Edit(annotation, edited(annotation, themes=themes), "untag"))
    return edits


def _listed(names: list[str]) -> str:
    """ "X", "X and Y", "X, Y and Z"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def rename_step(kind: str, old_names: list[str], new_name: str) -> str:
    """What a rename or merge is called in undo's message: "merge of themes X and Y into
    Z", "rename of source X to Y"."""
    new = clean_name(new_name)
    olds = [clean_name(n) for n in old_names]
    if len(olds) == 1:
        return f"rename of {kind} {olds[0]} to {new}"
    return f"merge of {kind}s {_listed(olds)} into {new}"


def apply_rename(history: History, kind: str, old_names: list[str], new_name: str) -> list[Edit]:
    """Rename (or merge) in one undoable step; the codebook entries follow, keeping their
    description and colour (the first non-empty one when merging)."""
    store = history.store
    new = clean_name(new_name)
    update = store.update_source if kind == SOURCE else store.update_theme
    step = rename_step(kind, old_names, new)
    with store.batch(), history.codebook_change(step):
        # The entries move first, so the renamed annotations find theirs (a theme keeps its
        # quick key: saved first, they made a new entry on the next free key).
        for old in old_names:
            if kind == THEME and name_key(old) != name_key(new):
                for theme in store.themes():  # children: "policing/oversight" too
                    key = name_key(theme.name)
                    if key.startswith(name_key(old) + "/"):
                        store.update_theme(theme.name, new_name=new + theme.name[len(old) :])
            update(old, new_name=new)
        edits = rename_edits(store.annotations(), kind, old_names, new)
        saved = history.apply_all([replace(e, step=step) for e in edits])
        rename_in_recent_tags(store, kind, old_names, new)
    return saved


def rename_in_recent_tags(store: Store, kind: str, old_names: list[str], new: str) -> None:
    """What `.` and `a` with `T` repeat follow a rename (made here, or read from a
    teammate's versions at an import): it brought the old name back as a new code."""
    keys = {name_key(n) for n in old_names}
    if kind == THEME:  # (and what `a` applies with `T` on)
        store.remember_themes(_renamed_themes(store.last_themes(), keys, new))
    last = store.last_tag()
    if last is None:
        return
    source, themes = last
    if kind == SOURCE:
        source = new if source and name_key(source) in keys else source
    else:
        themes = tuple(_renamed_themes(themes, keys, new))
    store.remember_tag(source, themes)


def apply_delete(history: History, kind: str, name: str) -> list[Edit]:
    """Take a source or theme off every annotation, in one undoable step."""
    store = history.store
    step = f"removal of {kind} {clean_name(name)}"
    with store.batch(), history.codebook_change(step):
        edits = delete_edits(store.annotations(), kind, name)
        saved = history.apply_all([replace(e, step=step) for e in edits])
        store.remove_from_codebook(kind, name)
    return saved
