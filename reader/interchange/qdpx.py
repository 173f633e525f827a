"""REFI-QDA projects (.qdpx): the exchange format of QualCoder, NVivo, ATLAS.ti and MAXQDA.

A .qdpx file is a zip archive holding `project.qde` (XML in the `urn:QDA-XML:project:1.0`
namespace, valid against the standard's Project.xsd) and the articles as plain-text sources
(`sources/<guid>.txt`, referred to as `internal://<guid>.txt`).

- The codebook has two code groups, "Sources" and "Themes" (parent codes that cannot be
  coded themselves, also listed as two Sets); sources are codes under the first, themes
  under the second, nested as Reader nests them (`policing/oversight` is "oversight" under
  "policing").
- Every annotation is a `PlainTextSelection` of its article's source with one `Coding` per
  code (its source and each theme) and its note as the `Description`.
- Positions: `startPosition`/`endPosition` count Unicode characters (code points) from 0 in
  the source text as written to the archive: UTF-8 without a byte-order mark, line endings
  "\\n". A byte-order mark or "\\r\\n" line endings would shift every selection after them in
  a tool that counts characters, which is what moves codings to the wrong words after
  import; Reader writes neither, and reads a BOM or "\\r\\n" back correctly.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from xml.etree import ElementTree as ET

from reader import __version__
from reader.core.records import now
from reader.core.text import normalise
from reader.interchange.importing import ImportFileError, Incoming, as_uuid
from reader.interchange.selection import ExportArticle, Selection
from reader.library.article_files import text_hash

NAMESPACE = "urn:QDA-XML:project:1.0"
_Q = f"{{{NAMESPACE}}}"
SOURCES_GROUP = "Sources"
THEMES_GROUP = "Themes"
_READER_NAMESPACE = uuid.UUID("6f1c6a52-5d0e-4b55-9a51-2f1d1f0a8c3e")  # stable code guids


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(_READER_NAMESPACE, "\x1f".join(parts)))


def _stamp(value: str) -> str:
    return (value or now()).replace("+00:00", "Z")


def to_qdpx(selection: Selection) -> bytes:
    """The selection as a .qdpx archive; articles whose file cannot be read are left out."""
    ET.register_namespace("", NAMESPACE)
    user = _guid("user", "Reader")
    project = ET.Element(
        f"{_Q}Project",
        {
            "name": "Reader annotations",
            "origin": f"Reader {__version__}",
            "creatingUserGUID": user,
            "creationDateTime": _stamp(now()),
        },
    )
    users = ET.SubElement(project, f"{_Q}Users")
    ET.SubElement(users, f"{_Q}User", {"guid": user, "name": "Reader"})
    codes = _codebook(project, selection)
    sources = ET.SubElement(project, f"{_Q}Sources")
    files: dict[str, str] = {}
    for article in selection.articles.values():
        if article.text is None:
            continue
        files[_source_guid(article)] = article.text
        _text_source(sources, article, selection, codes, user)
    if not len(sources):
        project.remove(sources)
    _sets(project, codes)
    xml = ET.tostring(project, encoding="unicode", xml_declaration=False)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("project.qde", '<?xml version="1.0" encoding="utf-8"?>\n' + xml)
        for guid, text in files.items():
            zipped.writestr(f"sources/{guid}.txt", text.encode("utf-8"))
    return archive.getvalue()


def _source_guid(article: ExportArticle) -> str:
    return _guid("article", article.record.path, article.record.sha256)


class _Codes:
    """The code guids of one export: sources and themes by name, and the two groups."""

    def __init__(self) -> None:
        self.sources: dict[str, str] = {}
        self.themes: dict[str, str] = {}
        self.groups: dict[str, list[str]] = {SOURCES_GROUP: [], THEMES_GROUP: []}


def _codebook(project: ET.Element, selection: Selection) -> _Codes:
    codes = _Codes()
    book = ET.SubElement(project, f"{_Q}CodeBook")
    holder = ET.SubElement(book, f"{_Q}Codes")
    group_sources = _code(holder, SOURCES_GROUP, _guid("group", SOURCES_GROUP), codable=False)
    descriptions = {s.name: s.description for s in selection.sources}
    for name in sorted({a.source for a in selection.annotations if a.source}, key=str.casefold):
        guid = _guid("source", name.casefold())
        _code(group_sources, name, guid, description=descriptions.get(name, ""))
        codes.sources[name] = guid
        codes.groups[SOURCES_GROUP].append(guid)
    group_themes = _code(holder, THEMES_GROUP, _guid("group", THEMES_GROUP), codable=False)
    colours = {t.name: t.colour for t in selection.themes}
    parents: dict[str, ET.Element] = {}
    for name in sorted({t for a in selection.annotations for t in a.themes}, key=str.casefold):
        parent = group_themes
        path: list[str] = []
        for part in [p.strip() for p in name.split("/") if p.strip()]:
            path.append(part)
            key = "/".join(path).casefold()
            if key not in parents:
                guid = _guid("theme", key)
                parents[key] = _code(parent, part, guid, colour=colours.get("/".join(path), ""))
                codes.themes["/".join(path)] = guid
                codes.groups[THEMES_GROUP].append(guid)
            parent = parents[key]
        codes.themes[name] = parent.get("guid", "")
    if not len(group_sources):
        holder.remove(group_sources)
    if not len(group_themes):
        holder.remove(group_themes)
    if not len(holder):
        project.remove(book)
    return codes


def _code(
    parent: ET.Element,
    name: str,
    guid: str,
    *,
    codable: bool = True,
    description: str = "",
    colour: str = "",
) -> ET.Element:
    attributes = {"guid": guid, "name": name, "isCodable": "true" if codable else "false"}
    if colour.startswith("#") and len(colour) in (4, 7):
        attributes["color"] = colour
    code = ET.SubElement(parent, f"{_Q}Code", attributes)
    if description:
        ET.SubElement(code, f"{_Q}Description").text = description
    return code


def _text_source(
    sources: ET.Element, article: ExportArticle, selection: Selection, codes: _Codes, user: str
) -> None:
    guid = _source_guid(article)
    source = ET.SubElement(
        sources,
        f"{_Q}TextSource",
        {
            "guid": guid,
            "name": article.record.title,
            "plainTextPath": f"internal://{guid}.txt",
            "creatingUser": user,
            "creationDateTime": _stamp(article.record.added),
        },
    )
    ET.SubElement(source, f"{_Q}Description").text = article.uri
    for annotation in selection.annotations:
        if annotation.article_id != article.record.id:
            continue
        selected = ET.SubElement(
            source,
            f"{_Q}PlainTextSelection",
            {
                "guid": as_uuid(annotation.id),
                "name": annotation.quote[:80],
                "startPosition": str(annotation.start),
                "endPosition": str(annotation.end),
                "creatingUser": user,
                "creationDateTime": _stamp(annotation.created),
            },
        )
        if annotation.note:
            ET.SubElement(selected, f"{_Q}Description").text = annotation.note
        targets = [codes.sources[annotation.source]] if annotation.source else []
        targets += [codes.themes[theme] for theme in annotation.themes]
        for target in targets:
            coding = ET.SubElement(
                selected,
                f"{_Q}Coding",
                {"guid": _guid("coding", annotation.id, target), "creatingUser": user},
            )
            ET.SubElement(coding, f"{_Q}CodeRef", {"targetGUID": target})


def _sets(project: ET.Element, codes: _Codes) -> None:
    groups = {name: members for name, members in codes.groups.items() if members}
    if not groups:
        return
    holder = ET.SubElement(project, f"{_Q}Sets")
    for name, members in groups.items():
        group = ET.SubElement(holder, f"{_Q}Set", {"guid": _guid("set", name), "name": name})
        for member in members:
            ET.SubElement(group, f"{_Q}MemberCode", {"targetGUID": member})


# --- reading -------------------------------------------------------------------------------------


def from_qdpx(data: bytes, name: str) -> list[Incoming]:
    """The coded text selections of a .qdpx project, as incoming annotations.

    Codes under a "Sources" group become the source; other codes become themes (nested
    codes joined with "/"); a selection's description becomes its note.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zipped:
            qde = next((n for n in zipped.namelist() if n.lower().endswith(".qde")), None)
            if qde is None:
                raise ImportFileError(f"{name}: no project.qde in the archive; is it a .qdpx file?")
            root = ET.fromstring(zipped.read(qde))
            texts = {
                n.rsplit("/", 1)[-1]: zipped.read(n)
                for n in zipped.namelist()
                if n.lower().endswith(".txt")
            }
    except (zipfile.BadZipFile, ET.ParseError) as error:
        raise ImportFileError(f"{name}: not a REFI-QDA project ({error})") from None
    code_names, source_codes = _read_codes(root)
    incoming: list[Incoming] = []
    for source in root.iter(f"{_Q}TextSource"):
        text = _source_text(source, texts)
        title = source.get("name", "")
        uri = (source.findtext(f"{_Q}Description") or "").strip()
        for selected in source.iter(f"{_Q}PlainTextSelection"):
            start = int(selected.get("startPosition", "0"))
            end = int(selected.get("endPosition", "0"))
            refs = [ref.get("targetGUID", "") for ref in selected.iter(f"{_Q}CodeRef")]
            speakers = [code_names[r] for r in refs if r in source_codes]
            themes = tuple(code_names[r] for r in refs if r in code_names and r not in source_codes)
            incoming.append(
                Incoming(
                    id=selected.get("guid", ""),
                    quote=text[start:end] if text is not None else selected.get("name", ""),
                    start=start,
                    end=end,
                    prefix=text[max(0, start - 32) : start] if text is not None else "",
                    suffix=text[end : end + 32] if text is not None else "",
                    source=speakers[0] if speakers else None,
                    themes=themes,
                    note=(selected.findtext(f"{_Q}Description") or "").strip(),
                    created=(selected.get("creationDateTime") or "").replace("Z", "+00:00"),
                    article_uri=uri,
                    article_sha256=text_hash(text) if text is not None else "",
                    article_title=title,
                )
            )
    return incoming


def _read_codes(root: ET.Element) -> tuple[dict[str, str], set[str]]:
    names: dict[str, str] = {}
    source_codes: set[str] = set()

    def walk(code: ET.Element, path: list[str], under_sources: bool) -> None:
        name = code.get("name", "")
        guid = code.get("guid", "")
        is_group = (
            not path and name in (SOURCES_GROUP, THEMES_GROUP) and code.get("isCodable") == "false"
        )
        inside_sources = under_sources or (is_group and name == SOURCES_GROUP)
        here = path if is_group else [*path, name]
        if not is_group:
            names[guid] = name if inside_sources else "/".join(here)
            if inside_sources:
                source_codes.add(guid)
        for child in code.findall(f"{_Q}Code"):
            walk(child, here, inside_sources)

    for codes in root.iter(f"{_Q}Codes"):
        for code in codes.findall(f"{_Q}Code"):
            walk(code, [], False)
    return names, source_codes


def _source_text(source: ET.Element, texts: dict[str, bytes]) -> str | None:
    inline = source.findtext(f"{_Q}PlainTextContent")
    if inline is not None:
        return normalise(inline)
    path = source.get("plainTextPath", "")
    data = texts.get(path.rsplit("/", 1)[-1]) if path else None
    if data is None:
        return None
    return normalise(data.decode("utf-8-sig", errors="replace"))
