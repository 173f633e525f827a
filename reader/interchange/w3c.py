"""The W3C Web Annotation Data Model (JSON-LD): export and import.

An export is an `AnnotationCollection` whose first page holds every annotation:

- `id`: `urn:uuid:` and the annotation's id; `created`, `modified`: its dates (UTC);
  `creator`: its coder, as a `Person` with a `name` (left out when the coder is unknown).
- `target`: `source` is the article's web address, or its file's `file://` URI; selectors
  are a `TextQuoteSelector` (exact, prefix, suffix), always, and a `TextPositionSelector`
  (start, end in the article's text as Reader normalises it: line endings as "\\n",
  escape and control characters removed). Positions count Unicode code points, as the
  model says they MUST (§4.2.4, §4.2.5); `--positions utf16` counts UTF-16 code units
  instead, as JavaScript clients such as Hypothesis do (they check the position against
  the quote and fall back on the quote, so code points anchor there too). In UTF-16 an
  annotation whose article cannot be read has no position selector, only the quote.
- `body`: `TextualBody` items: each theme with purpose `tagging`; the note with purpose
  `commenting`; the source with purpose `identifying` (the body identifies who is quoted:
  in the model's words, it "assigns an identity to the target"), with the source's
  codebook description as `description` (a property of Reader's own, outside the model's
  vocabulary: other tools ignore it). Theme colours and descriptions are not carried.
- `motivation`: `quoting` for a quotation (the speaker's own words; the model's word for
  reusing the target's text); a passage is `classifying` when it has a body, else
  `highlighting`. Import reads `quoting` back as a quotation; a file without it has the
  kind worked out from the quote marks around the passage.

Import reads a collection, a page, a list or a single annotation; other tools' annotations
work too when their target is an article of the library (by address or quote). Positions
are read in whichever unit puts the `exact` quote at them in the article (the import says
which); when neither does, the passage is found by its quote.
"""

from __future__ import annotations

import json
from typing import Any

from reader import __version__
from reader.core.codebook import name_key
from reader.core.records import PASSAGE, QUOTATION, Annotation, now
from reader.core.text import clean_line, json_text
from reader.core.text_units import CODEPOINTS
from reader.interchange.fields import (
    BadRecord,
    ImportFileError,
    clean_text,
    load_json,
    optional_name,
    position,
    record_id,
    records,
    span,
    text,
)
from reader.interchange.importing import Incoming, IncomingFile, as_uuid
from reader.interchange.position_units import export_span
from reader.interchange.selection import Selection

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SOURCE_PURPOSE = "identifying"
DESCRIPTION = "description"  # the source's description, on its identifying body (Reader's own)


def _stamp(value: str) -> str:
    return value.replace("+00:00", "Z") if value else value


def annotation_json(
    annotation: Annotation,
    uri: str,
    text: str | None = None,
    unit: str = CODEPOINTS,
    description: str = "",
) -> dict[str, Any]:
    """One annotation in the Web Annotation model, its position counted in `unit` of
    `text` (its article's text: needed for UTF-16 only); `description`: its source's, from
    the codebook."""
    body: list[dict[str, Any]] = []
    if annotation.source:
        body.append(_textual(annotation.source, SOURCE_PURPOSE))
        if description:
            body[-1][DESCRIPTION] = description
    body += [_textual(theme, "tagging") for theme in annotation.themes]
    if annotation.note:
        body.append(_textual(annotation.note, "commenting"))
    item: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{as_uuid(annotation.id)}",
        "type": "Annotation",
    }
    if annotation.created:
        item["created"] = _stamp(annotation.created)
    if annotation.updated:
        item["modified"] = _stamp(annotation.updated)
    if annotation.coder:
        item["creator"] = {"type": "Person", "name": annotation.coder}
    if body:
        item["body"] = body
    if annotation.is_quotation:
        item["motivation"] = "quoting"
    else:
        item["motivation"] = "classifying" if body else "highlighting"
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": annotation.quote,
            "prefix": annotation.prefix,
            "suffix": annotation.suffix,
        }
    ]
    where = export_span(text, annotation.start, annotation.end, unit)
    if where is not None:
        selectors.append({"type": "TextPositionSelector", "start": where[0], "end": where[1]})
    item["target"] = {"source": uri, "selector": selectors}
    return item


def _textual(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def to_w3c(selection: Selection, unit: str = CODEPOINTS) -> str:
    """The selection as an `AnnotationCollection`, positions counted in `unit`."""
    described = {name_key(s.name): s.description for s in selection.sources if s.description}
    items = [
        annotation_json(
            a,
            selection.article(a).uri,
            selection.article(a).text,
            unit,
            described.get(name_key(a.source), "") if a.source else "",
        )
        for a in selection.annotations
    ]
    collection = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{as_uuid(_collection_key(selection))}",
        "type": "AnnotationCollection",
        "label": f"Reader annotations{': ' + selection.query if selection.query else ''}",
        "generator": {"type": "Software", "name": f"Reader {__version__}"},
        "generated": _stamp(now()),
        "total": len(items),
        "first": {
            "@context": CONTEXT,
            "id": f"urn:uuid:{as_uuid(_collection_key(selection) + ':page-1')}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    return json_text(collection) + "\n"


def _collection_key(selection: Selection) -> str:
    return "reader-export:" + ",".join(a.id for a in selection.annotations)


# --- reading -----------------------------------------------------------------------------------


def from_w3c(data: str, name: str) -> IncomingFile:
    """The annotations of a W3C JSON(-LD) document; a malformed one is refused by its id."""
    items = _items(load_json(data, name), name)
    if items is None:
        raise ImportFileError(f"{name}: no Web Annotation, page or collection in it")
    if items and not any(_is_annotation(item) for item in items):
        # ("[1, 2, 3]" imported nothing and said so with exit 0, as if it were annotations)
        raise ImportFileError(
            f"{name}: no Web Annotation among its {len(items):,} items; give a W3C export "
            "(reader export --format w3c), a Reader JSON export, a QDPX project or a reader.json"
        )
    incoming = IncomingFile()
    for item in items:
        if not _is_annotation(item):
            continue
        try:
            incoming.items.append(_incoming(item))
        except BadRecord as error:
            incoming.refused.append(f"{record_id(item)}: {error}")
            continue
        _read_description(item, incoming)
    return incoming


def _read_description(item: dict[str, Any], incoming: IncomingFile) -> None:
    """The source description an annotation's identifying body carries, if any."""
    bodies = item.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if isinstance(body, dict) and _purpose(body) == SOURCE_PURPOSE:
            name, description = body.get("value"), body.get(DESCRIPTION)
            if isinstance(name, str) and isinstance(description, str) and description.strip():
                incoming.descriptions.setdefault(clean_text(name), clean_text(description))
            return


def _items(document: Any, name: str) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return None
    kind = _types(document)
    if "AnnotationCollection" in kind:
        first = document.get("first")
        if isinstance(first, dict):
            return records(first.get("items"), "items", name)
        if "items" in document:  # (some tools put them on the collection itself)
            return records(document.get("items"), "items", name)
        if isinstance(first, str):  # a page elsewhere: never fetched
            raise ImportFileError(
                f"{name}: its annotations are on a page elsewhere ({clean_line(first)[:120]}); "
                "save that page as a file and import it"
            )
        return []
    if "AnnotationPage" in kind:
        return records(document.get("items"), "items", name)
    if "Annotation" in kind:
        return [document]
    return None


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("type", [])
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _is_annotation(item: Any) -> bool:
    return isinstance(item, dict) and "Annotation" in _types(item) and "target" in item


def _incoming(item: dict[str, Any]) -> Incoming:
    target = item["target"]
    target = target[0] if isinstance(target, list) and target else target
    if isinstance(target, str):
        uri, selectors = target, []
    elif isinstance(target, dict):
        uri = text(target.get("source"), "target source")
        selectors = target.get("selector", [])
        selectors = selectors if isinstance(selectors, list) else [selectors]
    else:
        raise BadRecord("its target is neither an address nor a specific resource")
    quote: dict[str, Any] = next(
        (s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), {}
    )
    where: dict[str, Any] = next(
        (s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"),
        {},
    )
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    textual = [b for b in bodies if isinstance(b, dict) and "value" in b]
    sources = [b["value"] for b in textual if _purpose(b) == SOURCE_PURPOSE]
    themes = tuple(text(b["value"], "a theme") for b in textual if _purpose(b) == "tagging")
    notes = [text(b["value"], "a note") for b in textual if _purpose(b) in ("commenting", "")]
    start, end = span(position(where.get("start"), "start"), position(where.get("end"), "end"))
    identifier = item.get("id")
    motivation = item.get("motivation")
    motivations = motivation if isinstance(motivation, list) else [motivation]
    return Incoming(
        id=text(identifier, "id") if identifier is not None else _content_id(item),
        quote=text(quote.get("exact"), "the quote"),
        start=start,
        end=end,
        prefix=text(quote.get("prefix"), "prefix"),
        suffix=text(quote.get("suffix"), "suffix"),
        source=optional_name(sources[0], "source") if sources else None,
        themes=themes,
        note="\n\n".join(notes),
        created=_stored(item.get("created")),
        updated=_stored(item.get("modified")),
        article_uri=uri,
        unit=None,  # code points or UTF-16: the one that puts `exact` there, on import
        coder=_creator(item.get("creator")),
        kind=QUOTATION if "quoting" in motivations else (PASSAGE if motivation else None),
    )


def _creator(value: Any) -> str | None:
    """The coder a `creator` names (a Person or Agent with a name or nickname, or a list of
    them: the first); None when there is no creator."""
    value = value[0] if isinstance(value, list) and value else value
    if isinstance(value, dict):
        name = value.get("name", value.get("nickname"))
        name = name[0] if isinstance(name, list) and name else name
        return text(name, "creator name") if isinstance(name, str) else None
    return None


def _content_id(item: dict[str, Any]) -> str:
    """An id for an annotation that has none: the same for the same annotation."""
    return json.dumps(item, sort_keys=True, ensure_ascii=True)[:10_000]


def _purpose(body: dict[str, Any]) -> str:
    purpose = body.get("purpose", "")
    if isinstance(purpose, list):
        purpose = purpose[0] if purpose else ""
    return purpose if isinstance(purpose, str) else ""


def _stored(value: Any) -> str:
    if not isinstance(value, str) or not value:
        return ""
    return value[:-1] + "+00:00" if value.endswith("Z") else value
