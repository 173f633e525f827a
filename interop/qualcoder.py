"""Import a Reader .qdpx into QualCoder, headless, and check each coding's drawn words.

Run by `make interop` (not part of `make test`), with a Python that has PyQt6, Pillow and
pymupdf, and a QualCoder source tree (its `src` folder); nothing of QualCoder is kept in
this repository, it is imported from QUALCODER_SRC at run time:

    make interop QUALCODER_SRC=~/QualCoder/src QUALCODER_PYTHON=~/qc-venv/bin/python

What it does, as a user would:
1. builds a small library whose article has emoji and a CJK Extension B character (𠮷)
   before and inside its quotes, tags them with `reader import` (a W3C file naming each
   quote), or takes `--library DIR` (read only);
2. exports it with `reader export -f qdpx` in the default unit and with
   `--positions codepoints`;
3. runs QualCoder's own REFI-QDA importer (`qualcoder.refi.RefiImport`) on each export
   into a throw-away project whose tables come from QualCoder's `new_project()`;
4. for every coding QualCoder stored, selects its positions in a `QTextDocument` of the
   source text, which is what QualCoder's coding window highlights
   (`code_text.py`, `_apply_format_to_code_item`: `cursor.setPosition(pos0)`,
   `setPosition(pos1, KeepAnchor)`), and compares those words with Reader's quote.

Exit status 0 when every coding of the default export is drawn on its quote; the
code-point export is shown for comparison (after an emoji it is drawn early).
"""

from __future__ import annotations

import argparse
import ast
import builtins
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import types
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ARTICLE = (
    "Fans 😀🎉 of 𠮷野家 queue\n\n"
    "The owner said: “Our 𠮷 sign stays 👍 forever,” and smiled.\n\n"
    "Later 👨‍👩‍👧 visitors wrote: “Best beef bowl in town.”\n"
    "Their guide added: “Come early.\n\nThe queue 🎉 is long.”\n"
)
QUOTES = {
    "Fans": "Crowd",
    "Our 𠮷 sign stays 👍 forever,": "Owner",
    "Best beef bowl in town.": "Visitors",
    "Come early.\n\nThe queue 🎉 is long.": "Guide",
}

_QT_APP: Any = None


def sample_library(folder: Path, reader: str) -> None:
    """The sample article, its quotes tagged through `reader import` (no positions)."""
    folder.mkdir()
    (folder / "queue.txt").write_text(ARTICLE, encoding="utf-8")
    items = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "id": f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
            "motivation": "quoting",
            "body": [
                {"type": "TextualBody", "value": source, "purpose": "identifying"},
                {"type": "TextualBody", "value": f"theme {number}", "purpose": "tagging"},
            ],
            "target": {
                "source": "queue.txt",
                "selector": {"type": "TextQuoteSelector", "exact": quote},
            },
        }
        for number, (quote, source) in enumerate(QUOTES.items())
    ]
    tags = folder.parent / "tags.jsonld"
    tags.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    run([reader, "import", str(tags), "--library", str(folder)])


def run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"interop: {' '.join(command[:3])} failed: {done.stderr.strip()}")
    return done.stdout


def qualcoder_tables(source: Path) -> list[str]:
    """The CREATE TABLE statements of QualCoder's `new_project()`, read from its source."""
    tree = ast.parse((source / "qualcoder" / "__main__.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "new_project":
            return [
                call.args[0].value
                for call in ast.walk(node)
                if isinstance(call, ast.Call)
                and getattr(call.func, "attr", "") == "execute"
                and call.args
                and isinstance(call.args[0], ast.Constant)
                and str(call.args[0].value).upper().lstrip().startswith("CREATE TABLE")
            ]
    sys.exit(f"interop: no new_project() in {source}/qualcoder/__main__.py")


def load_qualcoder(source: Path) -> Any:
    """QualCoder's refi module and Qt, headless; media playback stubbed (it needs audio
    libraries and is not used by an import)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(source))
    builtins.__dict__.setdefault("_", lambda text: text)  # QualCoder installs gettext's _
    stub = types.ModuleType("qualcoder.media_player_qt")
    stub.MediaInstance = object  # type: ignore[attr-defined]
    stub.make_vlc_instance = lambda *a, **k: None  # type: ignore[attr-defined]
    sys.modules["qualcoder.media_player_qt"] = stub
    from PyQt6 import QtWidgets

    global _QT_APP
    _QT_APP = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # kept alive
    import qualcoder.refi as refi

    return refi


def import_into_qualcoder(qdpx: Path, source: Path, work: Path) -> sqlite3.Connection:
    """QualCoder's own REFI-QDA import of `qdpx` into a new project; its database."""
    from PyQt6 import QtWidgets

    refi = load_qualcoder(source)
    project = work / "check.qda"
    for sub in ("", "images", "audio", "video", "documents"):
        (project / sub).mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(project / "data.qda")
    for statement in qualcoder_tables(source):
        conn.execute(statement)
    conn.execute(
        "insert into project (databaseversion, date, memo, about, bookmarkfile, bookmarkpos,"
        " codername, recently_used_codes) values ('v17', '2026-01-01 00:00:00', '', 'check',"
        " 0, 0, 'default', '')"
    )
    conn.commit()
    app = SimpleNamespace(
        conn=conn,
        project_path=str(project),
        ai_models=[],
        ai=None,
        project_events=None,
        settings={"directory": str(work), "codername": "default", "ai_enable": "False"},
        write_config_ini=lambda *a, **k: None,
    )
    picked = (str(qdpx), "(*.qdpx *.QDPX)")
    QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: picked)  # type: ignore[method-assign]
    refi.Message = lambda *a, **k: SimpleNamespace(exec=lambda: None)
    refi.RefiImport(app, QtWidgets.QTextEdit(), "qdpx")
    return conn


def drawn_codings(conn: sqlite3.Connection) -> list[tuple[str, int, int, str]]:
    """(code, pos0, pos1, the words Qt selects at pos0-pos1) for every text coding."""
    from PyQt6 import QtGui

    rows = conn.execute(
        "select code_name.name, code_text.pos0, code_text.pos1, source.fulltext from code_text"
        " join source on source.id = code_text.fid"
        " join code_name on code_name.cid = code_text.cid order by code_text.pos0"
    ).fetchall()
    documents: dict[str, Any] = {}
    drawn = []
    for code, start, end, text in rows:
        if text not in documents:
            documents[text] = QtGui.QTextDocument()
            documents[text].setPlainText(text)
        cursor = QtGui.QTextCursor(documents[text])
        cursor.setPosition(start)
        cursor.setPosition(end, QtGui.QTextCursor.MoveMode.KeepAnchor)
        drawn.append((code, start, end, cursor.selectedText().replace("\u2029", "\n")))
    return drawn


def check(qdpx: Path, quotes: Counter[str], source: Path, work: Path) -> int:
    """Print each coding's drawn words; the number of codings not drawn on a quote."""
    conn = import_into_qualcoder(qdpx, source, work)
    codings = drawn_codings(conn)
    conn.close()
    wrong = [c for c in codings if c[3] not in quotes]
    passages = Counter(words for _, _, _, words in {(0, s, e, w) for _, s, e, w in codings})
    for code, start, end, words in codings:
        mark = "ok " if words in quotes else "BAD"
        print(f"  {mark} {code[:20]:<20} {start:>4}-{end:<4} drawn {words[:60]!r}")
    missing = quotes - passages
    print(f"  {len(codings) - len(wrong)} of {len(codings)} codings drawn on their quote", end="")
    print(f"; quotes with no coding: {sum(missing.values())}")
    return len(wrong) + sum(missing.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--qualcoder-src", required=True, type=Path, help="QualCoder's src")
    parser.add_argument("--reader", default="reader", help="the reader command to run")
    parser.add_argument("--library", type=Path, help="check this library (default: a sample)")
    args = parser.parse_args()
    if not (args.qualcoder_src / "qualcoder" / "refi.py").is_file():
        sys.exit(f"interop: {args.qualcoder_src}: no qualcoder/refi.py; give QualCoder's src")
    with tempfile.TemporaryDirectory(prefix="reader-interop-") as temp:
        work = Path(temp)
        library = args.library
        if library is None:
            library = work / "library"
            sample_library(library, args.reader)
        stored = json.loads(run([args.reader, "export", "-f", "json", "--library", str(library)]))
        quotes = Counter(a["quote"] for a in stored["annotations"])
        failures = {}
        for unit in ("utf16", "codepoints"):
            qdpx = work / unit / f"reader-{unit}.qdpx"
            qdpx.parent.mkdir()
            export = ["export", "-f", "qdpx", "-o", str(qdpx), "--positions", unit]
            run([args.reader, *export, "--library", str(library)])
            print(f"{qdpx.name}: {sum(quotes.values())} annotations, imported by QualCoder")
            failures[unit] = check(qdpx, quotes, args.qualcoder_src, work / unit)
    print(
        f"default (utf16): {'every coding on its words' if not failures['utf16'] else 'FAILED'};"
        f" codepoints: {failures['codepoints']} codings or quotes off"
    )
    return 1 if failures["utf16"] else 0


if __name__ == "__main__":
    sys.exit(main())
