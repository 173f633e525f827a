"""Undo and redo of annotation changes.

Every change the user makes to annotations is an `Edit` from one state of an annotation to
another (`None` for "does not exist"): tagging is `None -> new`, editing is `old -> new`,
deleting is `old -> None`. Undo applies the edit backwards, which for a delete restores the
annotation with its original id and timestamps. The history lives for one session.

All calls must come from one thread at a time (the UI runs them on its save thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace

import msgspec

from reader.core.codebook import name_key
from reader.core.records import Annotation, Source, Theme
from reader.storage.database import Store

# What one step did to the codebook: (kind, key) -> (entry before, entry after), None for
# no entry ("Doug King" renamed: his entry, description and all, moved to the new name).
CodebookChange = dict[tuple[str, str], tuple[Source | Theme | None, Source | Theme | None]]

MAX_UNDO = 200


@dataclass(frozen=True)
class Edit:
    """One change of one annotation; `label` says what it was, for messages. `step`, when
    given, names the whole command it was part of ("merge of themes X and Y into Z"), which
    undo and redo say instead of one annotation's change."""

    before: Annotation | None
    after: Annotation | None
    label: str
    step: str = ""

    def reversed(self) -> Edit:
        return replace(self, before=self.after, after=self.before)

    @property
    def annotation(self) -> Annotation | None:
        """The annotation the edit concerns (after it if it exists, else before)."""
        return self.after or self.before


class History:
    """Applies edits to a store and remembers them for undo and redo.

    Each step of the history is one edit, or a group of edits made by one command (tagging
    all of a speaker's quotes), which undo reverses together.
    """

    def __init__(self, store: Store, text_of: Callable[[int], str | None] | None = None) -> None:
        """`text_of`: an article's text as it is now (None when it cannot be read), so that
        a state undo or redo brings back is placed in the text as it is now, not where it
        was before the article changed on disk."""
        self.store = store
        self._text_of = text_of
        self._undo: list[tuple[Edit, ...]] = []
        self._redo: list[tuple[Edit, ...]] = []
        self._codebook: dict[int, CodebookChange] = {}  # id(step) -> what it did there
        # id(step) -> the last tag and themes before and after a codebook step (a rename
        # renames them: undone, the renamed name came back with `.` as a stray code)
        self._recent: dict[int, tuple[tuple[object, object], tuple[object, object]]] = {}
        self._steps = 0  # steps remembered so far (a step made inside `codebook_change`)
        # id(step) -> the sources and themes (keys) it brought into the codebook: what an
        # undo of it may take out again (never a name set up before, in the codebook)
        self._brought: dict[int, tuple[set[str], set[str]]] = {}

    @property
    def steps(self) -> int:
        """How many steps were made so far (a caller can tell whether any came since)."""
        return self._steps

    def apply(self, edit: Edit) -> Edit:
        """Make the change and remember it; returns the edit as saved."""
        new = self._new_names([edit])
        saved = self._perform(edit)
        self._remember((saved,))
        self._brought[id(self._undo[-1])] = new
        return saved

    def apply_all(self, edits: list[Edit]) -> list[Edit]:
        """Make several changes in one write and remember them as one step."""
        new = self._new_names(edits)
        saved = self._perform_all(edits)
        if saved:
            self._remember(tuple(saved))
            self._brought[id(self._undo[-1])] = new
        return saved

    def _new_names(self, edits: list[Edit]) -> tuple[set[str], set[str]]:
        """The keys of the sources and themes `edits` bring that the codebook lacks now."""
        sources = {
            name_key(e.after.source) for e in edits if e.after is not None and e.after.source
        }
        themes = {name_key(t) for e in edits if e.after is not None for t in e.after.themes}
        # (looked up one by one: a copy of the whole codebook at every tag was work on
        # each keystroke's path)
        return (
            {k for k in sources if not self.store.in_codebook("source", k)},
            {k for k in themes if not self.store.in_codebook("theme", k)},
        )

    def _remember(self, step: tuple[Edit, ...]) -> None:
        self._undo.append(step)
        for dropped in self._undo[:-MAX_UNDO]:
            self._codebook.pop(id(dropped), None)
            self._recent.pop(id(dropped), None)
            self._brought.pop(id(dropped), None)
        del self._undo[:-MAX_UNDO]
        for dropped in self._redo:
            self._codebook.pop(id(dropped), None)
            self._recent.pop(id(dropped), None)
            self._brought.pop(id(dropped), None)
        self._redo.clear()
        self._steps += 1

    @contextmanager
    def codebook_change(self, step: str = "codebook change") -> Iterator[None]:
        """Around a command that changes the codebook and makes one step of edits (a rename,
        a merge, a delete): undo puts the codebook entries back as they were (descriptions,
        colours and quick keys included), redo as the command left them. A command that
        changed no annotation (a name set up, unused yet) is a step of its own, named
        `step`: it had been no step, and `u` took back the step before it."""
        before, steps = self.store.codebook_entries(), self._steps
        recent = self.store.recent_tags()
        yield
        after = self.store.codebook_entries()
        change = {
            key: (before.get(key), after.get(key))
            for key in before.keys() | after.keys()
            if before.get(key) != after.get(key)
        }
        if self._steps == steps:
            if not change:
                return
            self._remember((Edit(None, None, step, step=step),))
        elif not self._undo:
            return
        self._recent[id(self._undo[-1])] = (recent, self.store.recent_tags())
        if change:
            self._codebook[id(self._undo[-1])] = change

    def change_codebook(self, step: str, change: Callable[[], object]) -> Edit | None:
        """A change of the codebook's entries alone (a description, a colour, a quick key)
        made as one step, which undo and redo take back and make again as any other: a
        description typed after a rename was lost to the `u` that took back the rename.
        Returns the step's edit (no annotation in it), or None when nothing changed."""
        with self.store.batch():
            # (read in the batch, after another Reader's changes are taken in: read before,
            # a change the poll had not brought yet counted as part of this step)
            before = self.store.codebook_entries()
            change()
            after = self.store.codebook_entries()
        changed = {
            key: (before.get(key), after.get(key))
            for key in before.keys() | after.keys()
            if before.get(key) != after.get(key)
        }
        if not changed:
            return None
        edit = Edit(None, None, step, step=step)
        self._remember((edit,))
        self._codebook[id(self._undo[-1])] = changed
        return edit

    def undo(self) -> Edit | None:
        """Reverse the last step; returns its (first) edit, or None when there is nothing to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        with self.store.batch():
            undone = [edit.reversed() for edit in reversed(step)]
            done = self._perform_all(self._placed_now(undone))
            gone = [e.after for e in step if e.after is not None]  # names these brought
            brought = self._brought.get(id(step))
            self.store.forget_unused(
                [a.source for a in gone if a.source and _kept(brought, 0, a.source)],
                [t for a in gone for t in a.themes if _kept(brought, 1, t)],
                # (a source this step brought: its description was filled in by the same tag,
                # from the article; later edits of it are later steps, undone before this)
                described_too=brought is not None,
            )
            recent = self._recent.get(id(step))
            if recent is not None:  # (a codebook step: its last tag back as it was)
                self.store.set_recent_tags(recent[0])
            else:
                self._forget_undone_tag(gone)
            change = self._codebook.get(id(step))
            if change:
                self.store.set_codebook_entries(self._entries_back(change, undo=True))
        self._redo.append(step)
        summary = _summary(step)
        if done and not summary.step and all(e.before == e.after for e in done):
            # (another Reader's version of it stands, kept by the redo: "Undid tag" said
            # it was gone, and it was not)
            return replace(summary, label=f"{summary.label}: another Reader's version stands")
        return summary

    def _forget_undone_tag(self, gone: list[Annotation]) -> None:
        """When the tag `.` would repeat came from the step just undone, `.` goes back to
        the tag of the step before it (none left: nothing to repeat), never to the undone
        one: it wrote an undone speaker into another article."""
        last = self.store.last_tag()
        if last is None or all((a.source, tuple(a.themes)) != last for a in gone):
            return
        for step in reversed(self._undo):
            made = [e.after for e in step if e.after is not None and e.label != "delete"]
            if made and (made[-1].source or made[-1].themes):
                self.store.remember_tag(made[-1].source, made[-1].themes)
                return
        self.store.forget_last_tag()

    def _entries_back(
        self, change: CodebookChange, *, undo: bool
    ) -> dict[tuple[str, str], Source | Theme | None]:
        """The codebook entries a step's undo (or redo) puts back: each as it was (or as the
        step left it), but an entry another Reader changed since keeps what that Reader
        changed of it (the undo of a description wiped the colour a teammate gave the
        theme after it)."""
        now = self.store.codebook_entries()
        back: dict[tuple[str, str], Source | Theme | None] = {}
        for key, (before, after) in change.items():
            wanted, left = (before, after) if undo else (after, before)
            current = now.get(key)
            if current == left or current is None or wanted is None or left is None:
                back[key] = wanted
                continue
            names = [f.name for f in fields(wanted)]
            back[key] = replace(
                current,
                **{n: getattr(wanted, n) for n in names if getattr(wanted, n) != getattr(left, n)},
            )
        return back

    def redo(self) -> Edit | None:
        """Make the last undone step again."""
        if not self._redo:
            return None
        step = self._redo.pop()
        change = self._codebook.pop(id(step), None)
        recent = self._recent.pop(id(step), None)
        with self.store.batch():
            done = tuple(self._perform_all(self._placed_now(list(step))))
            if change:
                self.store.set_codebook_entries(self._entries_back(change, undo=False))
            if recent is not None:
                self.store.set_recent_tags(recent[1])
        self._undo.append(done)
        brought = self._brought.pop(id(step), None)
        if brought is not None:
            self._brought[id(done)] = brought
        if change:
            self._codebook[id(done)] = change
        if recent is not None:
            self._recent[id(done)] = recent
        return _summary(done)

    def _placed_now(self, edits: list[Edit]) -> list[Edit]:
        """The edits with each state they bring back placed in its article's text as it is
        now: an article edited on disk since the step was made moved or changed its words,
        and the old offsets would mark other words (or none)."""
        if self._text_of is None:
            return edits
        from reader.core.anchoring import reanchor  # rapidfuzz: only when undoing

        texts: dict[int, str | None] = {}
        placed = []
        for edit in edits:
            state = edit.after
            if state is not None:
                if state.article_id not in texts:
                    texts[state.article_id] = self._text_of(state.article_id)
                text = texts[state.article_id]
                if text is not None:
                    edit = replace(edit, after=reanchor(state, text))
            placed.append(edit)
        return placed

    def _perform_all(self, edits: list[Edit]) -> list[Edit]:
        """Several edits in one write: the deletions, then the saves, each in bulk (a
        rename of hundreds of annotations is one table update, not hundreds). Each save
        changes only what its edit changed of the annotation as the database holds it now
        (`changed_on`): another Reader's change since this one read it stays."""
        with self.store.batch():  # (on top of the latest state on disk, under its lock)
            # Each edit from the annotation as saved now (its undo then goes back to that,
            # not to the older copy this Reader had shown: another's change since stays).
            edits = [self._from_saved(edit) for edit in edits]
            deleted = {e.before.id for e in edits if e.after is None and e.before is not None}
            if deleted:
                self.store.delete_annotations(deleted)
            after = [e.after for e in edits if e.after is not None]
            saved = iter(self.store.save_annotations(after) if after else [])
        return [
            replace(edit, after=next(saved)) if edit.after is not None else edit for edit in edits
        ]

    def _from_saved(self, edit: Edit) -> Edit:
        """`edit` made on the annotation as the database holds it now (`changed_on`). An
        edit that brings an annotation back (the undo of a delete, the redo of a tag) keeps
        the one the database holds under its id, when another Reader saved it since: a
        note written there after this Reader's delete stood, and the old copy replaced it."""
        if edit.before is None:
            current = self.store.annotation(edit.after.id) if edit.after is not None else None
            return edit if current is None else replace(edit, before=current, after=current)
        current = self.store.annotation(edit.before.id)
        if current is None or current == edit.before:
            return edit
        after = changed_on(current, edit.before, edit.after) if edit.after is not None else None
        return replace(edit, before=current, after=after)

    def _perform(self, edit: Edit) -> Edit:
        return self._perform_all([edit])[0]


# The fields that place an annotation in its article: changed together or not at all (the
# offsets of one version with the quote of another would mark other words).
_PLACE = ("article_id", "start", "end", "quote", "prefix", "suffix", "orphaned")


def changed_on(current: Annotation | None, before: Annotation, after: Annotation) -> Annotation:
    """`after`, an edit of `before`, made on `current` (the annotation as the database holds
    it now): what the edit changed (its place as one), with what it left alone as `current`
    has it. A recode, an import or a hand edit made by another Reader since `before` was
    read, of fields this edit did not touch, stays; where both changed a field, the edit
    wins (it is the later). With no `current` (deleted since, elsewhere), the edit stands,
    as a merge keeps a change made after a deletion."""
    if current is None or current == before or current.id != after.id:
        return after
    fields = {
        name: getattr(after, name)
        for name in after.__struct_fields__
        if name not in _PLACE and getattr(after, name) != getattr(before, name)
    }
    if any(getattr(after, name) != getattr(before, name) for name in _PLACE):
        fields.update({name: getattr(after, name) for name in _PLACE})
    return msgspec.structs.replace(current, **fields)


def _summary(step: tuple[Edit, ...]) -> Edit:
    """One edit standing for a step, labelled with how many changes it made."""
    first = step[0]
    if len(step) == 1 or first.step:
        return first
    return replace(first, label=f"{first.label} of {len(step)} quotes")


def _kept(brought: tuple[set[str], set[str]] | None, which: int, name: str) -> bool:
    """Whether an undo may take `name` out of the codebook: the step brought it there (a
    step whose names are not known, made before this was kept, as before: any)."""
    return brought is None or name_key(name) in brought[which]
