"""Annotations as rows (CSV) and as records (JSON).

CSV: one row per annotation with every field; themes joined by "; "; UTF-8 with a byte-order
mark so that spreadsheet programs read it as UTF-8 (Python: `encoding="utf-8-sig"`).
JSON: the annotations as stored, the metadata of their articles and the codebook entries
they use; `reader import --format json` reads it back.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from reader import __version__
from reader.core.records import now
from reader.interchange.importing import ImportFileError, Incoming
from reader.interchange.selection import Selection

CSV_COLUMNS = (
    "id",
    "quote",
    "source",
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
)
JSON_FORMAT = "reader-annotations"
JSON_VERSION = 1


def to_csv(selection: Selection) -> str:
    """The selection as CSV text (with its byte-order mark)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for annotation in selection.annotations:
        record = selection.article(annotation).record
        row = {
            **annotation.to_doc(),
            "themes": "; ".join(annotation.themes),
            "source": annotation.source or "",
            "article": record.path,
            "title": record.title,
            "site": record.site or "",
            "author": record.author or "",
            "published": record.published or "",
            "url": record.url or "",
            "orphaned": "yes" if annotation.orphaned else "",
        }
        writer.writerow([row[column] for column in CSV_COLUMNS])
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
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def from_json(data: str, name: str) -> tuple[list[Incoming], dict[str, str]]:
    """The annotations of a Reader JSON export, and the source descriptions it carries."""
    try:
        document = json.loads(data)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"{name}: not JSON ({error.msg}, line {error.lineno})") from None
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise ImportFileError(f"{name}: not a Reader JSON export (reader export --format json)")
    if int(document.get("version", 0)) > JSON_VERSION:
        raise ImportFileError(f"{name}: written by a newer Reader; update Reader to import it")
    articles = {a.get("id"): a for a in document.get("articles", []) if isinstance(a, dict)}
    incoming = []
    for doc in document.get("annotations", []):
        article = articles.get(doc.get("article_id"), {})
        incoming.append(
            Incoming(
                id=str(doc["id"]),
                quote=str(doc.get("quote", "")),
                start=doc.get("start"),
                end=doc.get("end"),
                prefix=str(doc.get("prefix", "")),
                suffix=str(doc.get("suffix", "")),
                source=doc.get("source"),
                themes=tuple(doc.get("themes", ())),
                note=str(doc.get("note", "")),
                created=str(doc.get("created", "")),
                updated=str(doc.get("updated", "")),
                article_path=str(article.get("path") or ""),
                article_uri=str(article.get("url") or article.get("uri") or ""),
                article_sha256=str(article.get("sha256") or ""),
                article_title=str(article.get("title") or ""),
            )
        )
    descriptions = {
        str(s["name"]): str(s.get("description", ""))
        for s in document.get("sources", [])
        if isinstance(s, dict) and s.get("name")
    }
    return incoming, descriptions
