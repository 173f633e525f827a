"""`reader export` and `reader import`: annotations out to other tools, and back in.

Export writes to standard output, or to `-o FILE` (replaced atomically); `qdpx` (a zip
archive) needs `-o FILE`, `obsidian` (a folder of notes) needs `-o FOLDER`. Import reads a
file written by Reader or by another tool in the same format; annotations already in the
database are skipped, so importing twice adds nothing twice.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.exports import EXPORT_FORMATS
from reader.exports.incoming import ImportFileError, import_incoming
from reader.exports.output import ExportError, render, write_export
from reader.exports.qdpx import from_qdpx
from reader.exports.selection import select
from reader.exports.tables import JSON_FORMAT, from_json
from reader.exports.w3c import from_w3c
from reader.library import Library
from reader.paths import Locations
from reader.store import Store


def _fail(message: str, status: int = 1) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return status


def run_export(where: Locations, fmt: str, query: str, output: str | None, group_by: str) -> int:
    if fmt not in EXPORT_FORMATS:
        return _fail(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}", 2)
    if fmt in ("qdpx", "obsidian") and not output:
        what = "FILE.qdpx (a zip archive)" if fmt == "qdpx" else "FOLDER (a folder of notes)"
        return _fail(f"--format {fmt} needs -o {what}", 2)
    store = Store(where.db)
    try:
        selection = select(store, Library(where.library, store), query)
    finally:
        store.close()
    if output is None:
        payload = render(selection, fmt, group_by)
        assert isinstance(payload, str)
        sys.stdout.write(payload.removeprefix("\ufeff") if sys.stdout.isatty() else payload)
        return 0
    try:
        summary = write_export(selection, fmt, Path(output).expanduser(), group_by)
    except ExportError as error:
        return _fail(str(error))
    print(f"Exported {summary}", file=sys.stderr)
    return 0


def run_import(where: Locations, file: str, fmt: str | None, as_json: bool) -> int:
    path = Path(file).expanduser()
    try:
        data = path.read_bytes()
    except OSError as error:
        return _fail(f"{path}: cannot read it ({error.strerror or error})")
    fmt = fmt or _guess_format(path, data)
    descriptions: dict[str, str] = {}
    try:
        if fmt == "qdpx":
            incoming = from_qdpx(data, str(path))
        else:
            text = data.decode("utf-8-sig", errors="replace")
            if fmt == "json":
                incoming, descriptions = from_json(text, str(path))
            else:
                incoming = from_w3c(text, str(path))
    except ImportFileError as error:
        return _fail(str(error))
    store = Store(where.db)
    try:
        report = import_incoming(store, Library(where.library, store), incoming, descriptions)
    finally:
        store.close()
    if as_json:
        summary = {
            "imported": len(report.added),
            "present": report.present,
            "orphaned": report.orphaned,
            "not_placed": report.unplaced,
        }
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        line = f"imported {len(report.added)} annotations from {path}"
        if report.present:
            line += f"; {report.present} were already there"
        if report.orphaned:
            line += f"; {report.orphaned} kept as orphans (their quote was not found)"
        print(line)
        for reason in report.unplaced:
            print(f"not imported: {reason}", file=sys.stderr)
    return 1 if report.unplaced and not report.added and not report.present else 0


def _guess_format(path: Path, data: bytes) -> str:
    if path.suffix.lower() == ".qdpx" or data[:2] == b"PK":
        return "qdpx"
    return "json" if f'"{JSON_FORMAT}"'.encode() in data[:400] else "w3c"
