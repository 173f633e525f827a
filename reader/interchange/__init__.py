"""Annotations out of Reader and back in: Markdown, CSV, JSON, W3C, REFI-QDA, Obsidian.

`selection` gathers what to export (a search query's annotations with their articles);
`markdown`, `tables`, `w3c` and `qdpx` write the formats and `output` writes any of them to
a file or folder; `importing` places imported annotations back in the library.
`reader.cli.export` and `reader.cli.import_annotations` are the command line over them;
the app's export dialog uses `output`.
"""

from __future__ import annotations

EXPORT_FORMATS = ("markdown", "csv", "json", "w3c", "qdpx", "obsidian")
IMPORT_FORMATS = ("w3c", "json", "qdpx", "reader")  # reader: another copy's reader.json
GROUPS = ("theme", "source", "article")  # how a Markdown export is divided
EXTENSIONS = {
    "markdown": ".md",
    "csv": ".csv",
    "json": ".json",
    "w3c": ".jsonld",
    "qdpx": ".qdpx",
    "obsidian": "",
}
