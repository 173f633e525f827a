"""Annotations as rows (CSV) and as records (JSON).

CSV: one row per annotation with every field (`coder` last: who made it); themes joined by "; "; UTF-8 with a byte-order
mark so that spreadsheet programs read it as UTF-8 (Python: `encoding="utf-8-sig"`).
JSON: the annotations as stored (their `coder` too), the metadata of their articles and the codebook entries
they use; `reader import --format json` reads it back.
"""

from __future__ import annotations

import contextlib
import csv
import io
from typing import Any

from reader import __version__
from reader.core.codebook import name_key, unique_names
from reader.core.records import KINDS, now
from reader.core.spreadsheet import spreadsheet_safe
from reader.core.text import controls_escaped, json_text, one_line
from reader.interchange.fields import (
    BadRecord,
    ImportFileError,
    clean_text,
    load_json,
    names,
    optional_name,
    position,
    record_id,
    records,
    span,
    text,
)
from reader.interchange.importing import Incoming, IncomingFile
from reader.interchange.selection import Selection

CSV_COLUMNS = (
    "id",
    "quote",
    "source",
    "source_description",
    "themes",
    "note",
    "article",
    "title",
    "site",
    "author",
    "published",
    "url",
    "start",
    "end",
    "prefix",
    "suffix",
    "created",
    "updated",
    "orphaned",
    "kind",
    "coder",
)
JSON_FORMAT = "reader-annotations"
JSON_VERSION = 1


def to_csv(selection: Selection) -> str:
    """The selection as CSV text (with its byte-order mark): `CSV_COLUMNS`, then a column
    per theme ("theme: NAME", 1 or 0), the layout R and SPSS read codes in, and one a theme
    holding "; " cannot split as the `themes` cell can."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    themes = unique_names(
        [*(t.name for t in selection.themes), *(t for a in selection.annotations for t in a.themes)]
    )
    writer.writerow(
        [*CSV_COLUMNS, *(spreadsheet_safe(controls_escaped(f"theme: {t}")) for t in themes)]
    )
    # (the codebook's description of each source: "Mayor", "a soil scientist at …", what
    # an editor reads beside the name)
    described = {name_key(s.name): s.description for s in selection.sources if s.description}
    for annotation in selection.annotations:
        record = selection.article(annotation).record
        row = {
            **annotation.to_doc(),
            "themes": "; ".join(annotation.themes),
            "source": annotation.source or "",
            "source_description": described.get(name_key(annotation.source or ""), ""),
            "article": one_line(record.path),  # (a name's escapes: not into a pipe's reader)
            "title": record.title,
            "site": record.site or "",
            "author": record.author or "",
            "published": record.published or "",
            "url": record.url or "",
            "orphaned": "yes" if annotation.orphaned else "no",  # (empty read as missing)
        }
        # (what a teammate's database holds comes in by git with no import to clean it)
        coded = {name_key(t) for t in annotation.themes}
        cells = [
            *(row[column] for column in CSV_COLUMNS),
            *(1 if name_key(t) in coded else 0 for t in themes),
        ]
        writer.writerow(
            [spreadsheet_safe(controls_escaped(c) if isinstance(c, str) else c) for c in cells]
        )
    return out.getvalue()


def to_json(selection: Selection) -> str:
    """The selection as a JSON document (see the module docstring)."""
    document: dict[str, Any] = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "generator": f"Reader {__version__}",
        "exported": now(),
        "query": selection.query,
        "articles": [
            {
                "id": article.record.id,
                "path": article.record.path,
                "title": article.record.title,
                "site": article.record.site,
                "author": article.record.author,
                "published": article.record.published,
                "url": article.record.url,
                "uri": article.uri,
                "sha256": article.record.sha256,
            }
            for article in selection.articles.values()
        ],
        "annotations": [annotation.to_doc() for annotation in selection.annotations],
        "sources": [{"name": s.name, "description": s.description} for s in selection.sources],
        "themes": [
            {"name": t.name, "colour": t.colour, "description": t.description}
            for t in selection.themes
        ],
    }
    return json_text(document) + "\n"


def from_json(data: str, name: str) -> IncomingFile:
    """The annotations of a Reader JSON export and the codebook it carries (source
    descriptions, theme colours and descriptions); a malformed annotation is refused by its
    id."""
    document = load_json(data, name)
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise ImportFileError(f"{name}: not a Reader JSON export (reader export --format json)")
    version = document.get("version", 0)
    if type(version) is not int:
        raise ImportFileError(f"{name}: its version is not a number; is it a Reader export?")
    if version > JSON_VERSION:
        raise ImportFileError(f"{name}: written by a newer Reader; update Reader to import it")
    articles = {
        a.get("id"): a
        for a in records(document.get("articles"), "articles", name)
        if isinstance(a, dict) and isinstance(a.get("id"), int | str)
    }
    incoming = IncomingFile()
    for doc in records(document.get("annotations"), "annotations", name):
        try:
            incoming.items.append(_incoming(doc, articles))
        except BadRecord as error:
            incoming.refused.append(f"{record_id(doc)}: {error}")
    for entry in records(document.get("sources"), "sources", name):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            incoming.codebook.append(("source", clean_text(entry["name"])))
            with contextlib.suppress(BadRecord):
                incoming.descriptions[clean_text(entry["name"])] = text(
                    entry.get("description"), "description"
                )
    for entry in records(document.get("themes"), "themes", name):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            incoming.codebook.append(("theme", clean_text(entry["name"])))
            with contextlib.suppress(BadRecord):
                incoming.themes[clean_text(entry["name"])] = (
                    text(entry.get("colour"), "colour"),
                    text(entry.get("description"), "description"),
                )
    return incoming


def _incoming(doc: Any, articles: dict[Any, dict[str, Any]]) -> Incoming:
    if not isinstance(doc, dict):
        raise BadRecord("is not an object")
    identifier = text(doc.get("id"), "id")
    if not identifier:
        raise BadRecord("has no id")
    key = doc.get("article_id")
    article = articles.get(key, {}) if isinstance(key, int | str) else {}
    start, end = span(position(doc.get("start"), "start"), position(doc.get("end"), "end"))
    return Incoming(
        id=identifier,
        quote=text(doc.get("quote"), "quote"),
        start=start,
        end=end,
        prefix=text(doc.get("prefix"), "prefix"),
        suffix=text(doc.get("suffix"), "suffix"),
        source=optional_name(doc.get("source"), "source"),
        themes=names(doc.get("themes"), "themes"),
        note=text(doc.get("note"), "note"),
        kind=_kind(doc.get("kind")),
        coder=text(doc["coder"], "coder") if doc.get("coder") is not None else None,
        created=text(doc.get("created"), "created"),
        updated=text(doc.get("updated"), "updated"),
        article_path=text(article.get("path"), "article path"),
        article_uri=text(article.get("url") or article.get("uri"), "article url"),
        article_sha256=text(article.get("sha256"), "article sha256"),
        article_title=text(article.get("title"), "article title"),
    )


def _kind(value: Any) -> str | None:
    if value is None:
        return None
    if value not in KINDS:
        raise BadRecord(f"kind is {str(value)[:20]!r}, not quotation or passage")
    return str(value)
