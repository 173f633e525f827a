"""Writing an export to a file (or, for Obsidian, a folder), atomically; or rendering it."""

from __future__ import annotations

from pathlib import Path

from reader.interchange.markdown import to_markdown, to_obsidian
from reader.interchange.qdpx import to_qdpx
from reader.interchange.selection import Selection
from reader.interchange.tables import to_csv, to_json
from reader.interchange.w3c import to_w3c
from reader.storage.atomic import write_atomically


class ExportError(Exception):
    """An export that cannot be written; the message is one line for the user."""


def render(selection: Selection, fmt: str, group_by: str = "theme") -> bytes | str:
    """The export as text (bytes for the zip archive of `qdpx`); not for `obsidian`."""
    if fmt == "qdpx":
        return to_qdpx(selection)
    if fmt == "markdown":
        return to_markdown(selection, group_by)
    if fmt == "csv":
        return to_csv(selection)
    if fmt == "json":
        return to_json(selection)
    if fmt == "w3c":
        return to_w3c(selection)
    raise ExportError(f"{fmt}: not a format that renders to one file")


def write_export(selection: Selection, fmt: str, target: Path, group_by: str = "theme") -> str:
    """Write the export to `target` (a folder for `obsidian`); returns a one-line summary."""
    count = len(selection.annotations)
    articles = len(selection.articles)
    try:
        if fmt == "obsidian":
            target.mkdir(parents=True, exist_ok=True)
            for name, text in to_obsidian(selection).items():
                write_atomically(target / name, text.encode("utf-8"))
            return f"{_plural(count, 'annotation')} from {_plural(articles, 'article')} as notes in {target}"
        payload = render(selection, fmt, group_by)
        write_atomically(target, payload if isinstance(payload, bytes) else payload.encode("utf-8"))
    except OSError as error:
        raise ExportError(f"{target}: cannot write it ({error.strerror or error})") from None
    return f"{_plural(count, 'annotation')} from {_plural(articles, 'article')} to {target}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
