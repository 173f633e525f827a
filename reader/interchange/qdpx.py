"""REFI-QDA projects (.qdpx): the exchange format of QualCoder, NVivo, ATLAS.ti and MAXQDA.

A .qdpx file is a zip archive holding `project.qde` (XML in the `urn:QDA-XML:project:1.0`
namespace, valid against the standard's Project.xsd) and the articles as plain-text sources
(`sources/<guid>.txt`, referred to as `internal://<guid>.txt`).

- The codebook has two code groups, "Sources" and "Themes" (parent codes that cannot be
  coded themselves, also listed as two Sets); sources are codes under the first, themes
  under the second, nested as Reader nests them (`policing/oversight` is "oversight" under
  "policing").
- Every annotation is a `PlainTextSelection` of its article's source with one `Coding` per
  code (its source and each theme), its note as the `Description`, its dates as
  `creationDateTime` and `modifiedDateTime`. Source codes carry the source's description,
  theme codes the theme's colour and description; import reads them all back.
- Coders: the project's `Users` list has one `User` per coder of the export (the unknown
  coder "" is the user "Reader"); a selection and its codings name theirs in `creatingUser`.
  Import reads the name back from `Users` ("Reader" back as "").
- Positions: `startPosition`/`endPosition` count from 0, end excluded, in the source text
  as written to the archive: UTF-8 without a byte-order mark, line endings "\\n". They count
  UTF-16 code units by default (`--positions codepoints` for code points): the standard's
  schema says only "integer", and the QDA tools draw codings at UTF-16 positions
  (QualCoder hands them to Qt unconverted), so code points put every coding after an
  emoji one unit per emoji too early there. A byte-order mark or "\\r\\n" line endings
  would shift selections the same way; Reader writes neither, and reads them back.
- Each article's site, author, day of publication and web address are the source's
  `VariableValue`s of the project's `Variables` "Site", "Author", "Published" (a Date) and
  "Address" (the QDA tools' document variables or attributes: what a study compares
  outlets and dates by); only the variables some article has are declared.
- Each selection's `name` is the start of its quote (80 characters), which is what tells
  the unit on import: the positions are read in the unit that puts that text there
  (`position_units.read_span`), so files in either unit, Reader's or another tool's, come
  back on the same words.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import cast
from xml.etree import ElementTree as ET

from reader import __version__
from reader.core.codebook import MAX_NAME_CHARS, unique_names
from reader.core.records import KINDS, now
from reader.core.text import normalise
from reader.core.text_units import UTF16
from reader.core.xml_prolog import declares_dtd
from reader.interchange.fields import MAX_TEXT, BadRecord, ImportFileError, clean_text, span
from reader.interchange.importing import Incoming, IncomingFile, IncomingText, as_uuid
from reader.interchange.position_units import NEITHER, export_span, read_span
from reader.interchange.selection import ExportArticle, Selection
from reader.library.article_files import text_hash

NAMESPACE = "urn:QDA-XML:project:1.0"
_Q = f"{{{NAMESPACE}}}"
SOURCES_GROUP = "Sources"
THEMES_GROUP = "Themes"
KIND_GROUP = "Kind"  # codes "quotation" and "passage": what each selection is
KIND_DESCRIPTIONS = {
    "quotation": "The speaker's own words, in quote marks in the article",
    "passage": "Any other passage: a paraphrase, context, a sentence of the story",
}
MAX_MEMBER_BYTES = 50 * 1024 * 1024  # one article's text; a long book is 5 MB
MAX_TOTAL_BYTES = 500 * 1024 * 1024  # everything the archive unpacks to
# Characters all selections may cut from their texts (each its own copy): 300 selections of
# one 20 MB text in a 31 KB archive wanted 6 GB, and one selection coded at 500 sources 2.4 GB.
# 100,000 quotations of 500 characters fit.
MAX_QUOTED = 50_000_000
_READER_NAMESPACE = uuid.UUID("6f1c6a52-5d0e-4b55-9a51-2f1d1f0a8c3e")  # stable code guids


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(_READER_NAMESPACE, "\x1f".join(parts)))


READER_USER = "Reader"  # the user of the annotations whose coder is unknown


def _user_guid(coder: str) -> str:
    return _guid("coder", coder) if coder else _guid("user", READER_USER)


def _stamp(value: str) -> str:
    return (value or now()).replace("+00:00", "Z")


def to_qdpx(selection: Selection, unit: str = UTF16) -> bytes:
    """The selection as a .qdpx archive, positions counted in `unit` (see the module
    docstring); articles whose file cannot be read are left out."""
    ET.register_namespace("", NAMESPACE)
    user = _user_guid("")
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
    coders = sorted({a.coder for a in selection.annotations} | {""})
    for coder in coders:
        ET.SubElement(users, f"{_Q}User", {"guid": _user_guid(coder), "name": coder or READER_USER})
    codes = _codebook(project, selection)
    readable = [a for a in selection.articles.values() if a.text is not None]
    variables = _variables(project, readable)
    sources = ET.SubElement(project, f"{_Q}Sources")
    files: dict[str, str] = {}
    for article in readable:
        assert article.text is not None
        files[_source_guid(article)] = article.text
        source = _text_source(sources, article, selection, codes, user, unit)
        for name, value in _variable_values(article).items():
            held = ET.SubElement(source, f"{_Q}VariableValue")
            ET.SubElement(held, f"{_Q}VariableRef", {"targetGUID": variables[name]})
            kind = "DateValue" if VARIABLES[name] == "Date" else "TextValue"
            ET.SubElement(held, f"{_Q}{kind}").text = value
    if not len(sources):
        project.remove(sources)
    _sets(project, codes)
    # Characters XML 1.0 forbids, even escaped (a database edited by hand, a coder's name
    # from another tool): never markup, so taking them out of the text keeps it well formed.
    xml = _NOT_XML.sub("", ET.tostring(project, encoding="unicode", xml_declaration=False))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("project.qde", '<?xml version="1.0" encoding="utf-8"?>\n' + xml)
        for guid, text in files.items():
            zipped.writestr(f"sources/{guid}.txt", text.encode("utf-8"))
    return archive.getvalue()


# The articles' facts as the QDA tools' document variables (MAXQDA's document variables,
# NVivo's attributes, QualCoder's case and file attributes): what a study compares by.
VARIABLES = {"Site": "Text", "Author": "Text", "Published": "Date", "Address": "Text"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _variable_values(article: ExportArticle) -> dict[str, str]:
    """The variables an article has a value for: its site, author, day of publication
    (when it is a day of the calendar) and web address."""
    record = article.record
    published = (record.published or "")[:10]
    try:
        day = date.fromisoformat(published).isoformat() if _ISO_DATE.fullmatch(published) else ""
    except ValueError:
        day = ""
    values = {
        "Site": clean_text(record.site or "").strip(),
        "Author": clean_text(record.author or "").strip(),
        "Published": day,
        "Address": clean_text(record.url or "").strip(),
    }
    return {name: value for name, value in values.items() if value}


def _variables(project: ET.Element, articles: list[ExportArticle]) -> dict[str, str]:
    """The project's `Variables` that some article has a value of: their guids by name."""
    used = {name for article in articles for name in _variable_values(article)}
    if not used:
        return {}
    holder = ET.SubElement(project, f"{_Q}Variables")
    guids = {}
    for name, kind in VARIABLES.items():
        if name in used:
            guids[name] = _guid("variable", name)
            ET.SubElement(
                holder, f"{_Q}Variable", {"guid": guids[name], "name": name, "typeOfVariable": kind}
            )
    return guids


def _source_guid(article: ExportArticle) -> str:
    return _guid("article", article.record.path, article.record.sha256)


class _Codes:
    """The code guids of one export: sources and themes by name, and the two groups."""

    def __init__(self) -> None:
        self.sources: dict[str, str] = {}
        self.themes: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.groups: dict[str, list[str]] = {SOURCES_GROUP: [], THEMES_GROUP: [], KIND_GROUP: []}


def _codebook(project: ET.Element, selection: Selection) -> _Codes:
    codes = _Codes()
    book = ET.SubElement(project, f"{_Q}CodeBook")
    holder = ET.SubElement(book, f"{_Q}Codes")
    group_sources = _code(holder, SOURCES_GROUP, _guid("group", SOURCES_GROUP), codable=False)
    descriptions = {s.name: s.description for s in selection.sources}
    used = {a.source for a in selection.annotations if a.source}
    for name in sorted(used | {s.name for s in selection.sources}, key=str.casefold):
        guid = _guid("source", name.casefold())
        _code(group_sources, name, guid, description=descriptions.get(name, ""))
        codes.sources[name] = guid
        codes.groups[SOURCES_GROUP].append(guid)
    group_themes = _code(holder, THEMES_GROUP, _guid("group", THEMES_GROUP), codable=False)
    colours = {t.name: t.colour for t in selection.themes}
    about = {t.name: t.description for t in selection.themes}
    parents: dict[str, ET.Element] = {}
    used_themes = {t for a in selection.annotations for t in a.themes}
    for name in sorted(used_themes | {t.name for t in selection.themes}, key=str.casefold):
        parent = group_themes
        path: list[str] = []
        for part in [p.strip() for p in name.split("/") if p.strip()]:
            path.append(part)
            key = "/".join(path).casefold()
            if key not in parents:
                guid = _guid("theme", key)
                named = "/".join(path)
                parents[key] = _code(
                    parent,
                    part,
                    guid,
                    colour=colours.get(named, ""),
                    description=about.get(named, ""),
                )
                codes.themes["/".join(path)] = guid
                codes.groups[THEMES_GROUP].append(guid)
            parent = parents[key]
        codes.themes[name] = parent.get("guid", "")
    used_kinds = sorted({a.kind for a in selection.annotations})
    if used_kinds:
        group_kinds = _code(holder, KIND_GROUP, _guid("group", KIND_GROUP), codable=False)
        for kind in used_kinds:
            guid = _guid("kind", kind)
            _code(group_kinds, kind, guid, description=KIND_DESCRIPTIONS[kind])
            codes.kinds[kind] = guid
            codes.groups[KIND_GROUP].append(guid)
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
    sources: ET.Element,
    article: ExportArticle,
    selection: Selection,
    codes: _Codes,
    user: str,
    unit: str,
) -> ET.Element:
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
        start, end = export_span(article.text, annotation.start, annotation.end, unit) or (
            annotation.start,
            annotation.end,
        )
        selected = ET.SubElement(
            source,
            f"{_Q}PlainTextSelection",
            {
                "guid": as_uuid(annotation.id),
                "name": annotation.quote[:80],
                "startPosition": str(start),
                "endPosition": str(end),
                "creatingUser": _user_guid(annotation.coder),
                "creationDateTime": _stamp(annotation.created),
                **({"modifiedDateTime": _stamp(annotation.updated)} if annotation.updated else {}),
            },
        )
        if annotation.note:
            ET.SubElement(selected, f"{_Q}Description").text = annotation.note
        targets = [codes.sources[annotation.source]] if annotation.source else []
        targets += [codes.themes[theme] for theme in annotation.themes]
        targets.append(codes.kinds[annotation.kind])
        for target in targets:
            coding = ET.SubElement(
                selected,
                f"{_Q}Coding",
                {
                    "guid": _guid("coding", annotation.id, target),
                    "creatingUser": _user_guid(annotation.coder),
                },
            )
            ET.SubElement(coding, f"{_Q}CodeRef", {"targetGUID": target})
    return source


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

# Elements of a project read at most: a selection with its codings is about ten, so this is
# far beyond 100,000 annotations; 12 million empty elements (47 MB) took 1.2 GB and 10 s.
MAX_ELEMENTS = 2_000_000


def _parsed(project: bytes, where: str) -> ET.Element:
    """The project's XML, counted as it is read: refused past `MAX_ELEMENTS`, or when its
    root is not a REFI-QDA `Project`."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start",))
    root: ET.Element | None = None
    count = 0
    for at in range(0, len(project), 1 << 20):
        parser.feed(project[at : at + (1 << 20)])
        # ("start" events only: each is (event, element))
        for _, element in cast("Iterator[tuple[str, ET.Element]]", parser.read_events()):
            count += 1
            if root is None:
                root = element
                if root.tag != f"{_Q}Project":
                    raise ImportFileError(
                        f"{where} is no REFI-QDA project (its root is {root.tag[:80]!r}, "
                        "not Project); export the project again from its QDA tool"
                    )
            if count > MAX_ELEMENTS:
                raise ImportFileError(
                    f"{where} holds over {MAX_ELEMENTS:,} XML elements, more than any project "
                    "of annotations needs; Reader does not read it"
                )
    parser.close()
    if root is None:
        raise ET.ParseError("no element found")
    return root


def from_qdpx(data: bytes, name: str) -> IncomingFile:
    """The coded text selections of a .qdpx project, as incoming annotations.

    Codes under a "Sources" group become the source; other codes become themes (nested
    codes joined with "/"); a selection's description becomes its note. Positions are read
    in the unit (code points or UTF-16 code units) that puts the selection's `name` at
    them in its source text; the unit goes into each item's `read_as`. The archive is
    read within limits (`MAX_MEMBER_BYTES` a member, `MAX_TOTAL_BYTES` in all, checked on
    the sizes the archive declares and again on the bytes it really gives), so a zip bomb
    is refused before it fills the memory. A selection whose positions are not whole
    numbers is refused by its guid.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zipped:
            wanted = [
                info
                for info in zipped.infolist()
                if info.filename.lower().endswith((".qde", ".txt")) and not info.is_dir()
            ]
            projects = [i for i in wanted if i.filename.lower().endswith(".qde")]
            # (the standard's name first: another .qde listed before it is not the project)
            projects.sort(key=lambda i: i.filename.rsplit("/", 1)[-1].lower() != "project.qde")
            qde = projects[0] if projects else None
            if qde is None:
                raise ImportFileError(f"{name}: no project.qde in the archive; is it a .qdpx file?")
            _check_sizes(wanted, name)
            budget = [MAX_TOTAL_BYTES]
            project = _read_member(zipped, qde, budget, name)
            if declares_dtd(project):
                raise ImportFileError(
                    f"{name}: its {qde.filename} declares a DTD or entities, which a REFI-QDA "
                    "project never needs; Reader does not read such files (export it again)"
                )
            root = _parsed(project, f"{name}: its {qde.filename}")
            texts = {
                info.filename.rsplit("/", 1)[-1]: _read_member(zipped, info, budget, name)
                for info in wanted
                if info is not qde
            }
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ET.ParseError,
        zlib.error,
        EOFError,
        LookupError,  # (an encoding no codec reads: "x-nope", "base64")
    ) as error:
        raise ImportFileError(
            f"{name}: not a REFI-QDA project, or a damaged one ({error})"
        ) from None
    except (NotImplementedError, RuntimeError, ValueError) as error:  # encrypted, odd methods
        raise ImportFileError(f"{name}: cannot read this archive ({error})") from None
    code_names, source_codes, kind_codes = _read_codes(root, name)
    users = _read_users(root)
    incoming = IncomingFile()
    _read_codebook(root, code_names, source_codes, incoming)
    # (a code with codes under it is the path of the nested themes, not a theme of its own:
    # "housing" of "housing/rent"; added, it had taken the quick keys of the real ones)
    parents = {
        "/".join(parts[:depth])
        for guid, code_name in code_names.items()
        if guid not in source_codes
        for parts in [code_name.split("/")]
        for depth in range(1, len(parts))
    }
    incoming.codebook = [
        ("source" if guid in source_codes else "theme", clean_text(code_name))
        for guid, code_name in code_names.items()
        if guid in source_codes or code_name not in parents
    ]
    quoted = 0  # characters the selections cut from their texts, so far
    for source in root.iter(f"{_Q}TextSource"):
        text = _source_text(source, texts)
        title = clean_text(source.get("name", ""))
        uri = clean_text((source.findtext(f"{_Q}Description") or "").strip())
        sha256 = text_hash(text) if text is not None else ""
        if text is not None and text.strip():
            incoming.texts.setdefault(sha256, IncomingText(title, text))
        for selected in source.iter(f"{_Q}PlainTextSelection"):
            guid = clean_text(selected.get("guid", ""))[:80] or "(a selection with no guid)"
            try:
                start, end = span(
                    _position(selected.get("startPosition"), "startPosition"),
                    _position(selected.get("endPosition"), "endPosition"),
                )
            except BadRecord as error:
                incoming.refused.append(f"{guid}: {error}")
                continue
            width = end - start if start is not None and end is not None else 0
            if text is not None and width > 2 * MAX_TEXT:  # (UTF-16 units: 2 a character)
                incoming.refused.append(
                    f"{guid}: selects {width:,} positions; a quotation holds at most "
                    f"{MAX_TEXT:,} characters"
                )
                continue
            refs = [ref.get("targetGUID", "") for ref in selected.iter(f"{_Q}CodeRef")]
            speakers = [code_names[r] for r in refs if r in source_codes]
            # (counted once for each annotation it becomes: one selection of a whole text
            # coded at 500 sources had made 500 copies of it, 2.4 GB from an 11 KB file)
            quoted += min(width, len(text or "")) * max(1, len(unique_names(speakers)))
            if quoted > MAX_QUOTED:
                raise ImportFileError(
                    f"{name}: its selections add up to over {MAX_QUOTED:,} characters of text, "
                    "more than any project's quotations; Reader does not import it"
                )
            kinds = [kind_codes[r] for r in refs if r in kind_codes]
            themes = tuple(code_names[r] for r in refs if r in code_names and r not in source_codes)
            passage = replace(
                _passage(guid, text, start, end, clean_text(selected.get("name", ""))),
                themes=tuple(clean_text(t) for t in themes),
                note=clean_text((selected.findtext(f"{_Q}Description") or "").strip()),
                created=_date(selected.get("creationDateTime")),
                updated=_date(selected.get("modifiedDateTime")),
                article_uri=uri,
                kind=kinds[0] if kinds else None,
                coder=users.get(selected.get("creatingUser", "")),
                article_sha256=sha256,
                article_title=title,
            )
            # A selection coded at two sources or more ("the mayor and her deputy said
            # together") is an annotation for each, the second on under an id of its own
            # made from the selection's (the first was kept and the others dropped unsaid)
            named: list[str | None] = [clean_text(name) for name in unique_names(speakers)]
            named = named or [None]
            incoming.items.append(replace(passage, source=named[0]))
            incoming.items += [
                replace(passage, id=f"{guid}/source-{number}", source=speaker)
                for number, speaker in enumerate(named[1:], start=2)
            ]
    return incoming


def _date(value: str | None) -> str:
    return clean_text(value or "").replace("Z", "+00:00")


def _read_codebook(
    root: ET.Element, names: dict[str, str], source_codes: set[str], incoming: IncomingFile
) -> None:
    """The codes' descriptions (sources and themes) and colours (themes) into `incoming`."""
    for code in root.iter(f"{_Q}Code"):
        named = names.get(code.get("guid", ""))
        if named is None:
            continue
        description = clean_text((code.findtext(f"{_Q}Description") or "").strip())
        if code.get("guid") in source_codes:
            if description:
                incoming.descriptions.setdefault(clean_text(named), description)
        elif description or code.get("color"):
            incoming.themes[clean_text(named)] = (code.get("color", ""), description)


def _passage(
    guid: str, text: str | None, start: int | None, end: int | None, name: str
) -> Incoming:
    """A selection's passage: its positions read in the unit that puts its `name` (the
    start of its text, as Reader and QualCoder write it) there in the source text. Without
    the text, the unit is left for the import to work out against the library's article."""
    if text is None or start is None or end is None:
        return Incoming(id=guid, quote=name, start=start, end=end, unit=None, prefer=UTF16)
    reading = read_span(text, start, end, name, prefer=UTF16, partial=True)
    begin, stop = reading.start, reading.end
    return Incoming(
        id=guid,
        quote=name if reading.unit == NEITHER and name else text[begin:stop],
        start=begin,
        end=stop,
        prefix=text[max(0, begin - 32) : begin],
        suffix=text[stop : stop + 32],
        read_as=reading.unit,
    )


def _read_users(root: ET.Element) -> dict[str, str]:
    """User guid -> coder name, from the project's `Users` ("Reader" is the unknown coder)."""
    users: dict[str, str] = {}
    for user in root.iter(f"{_Q}User"):
        guid, name = user.get("guid", ""), clean_text(user.get("name", "")).strip()
        if guid:
            users[guid] = "" if guid == _user_guid("") else name
    return users


def _check_sizes(members: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse an archive whose members say they are too big, before reading any."""
    for info in members:
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportFileError(_too_big(name, f"{info.filename} is {info.file_size >> 20} MB"))
    total = sum(info.file_size for info in members)
    if total > MAX_TOTAL_BYTES:
        raise ImportFileError(_too_big(name, f"its texts add up to {total >> 20} MB"))


def _read_member(
    zipped: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int], name: str
) -> bytes:
    """A member's bytes, read in pieces and stopped at the limits whatever its header says."""
    limit = min(MAX_MEMBER_BYTES, budget[0])
    chunks: list[bytes] = []
    size = 0
    with zipped.open(info) as member:
        while chunk := member.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise ImportFileError(
                    _too_big(name, f"{info.filename} unpacks to more than it says")
                )
            chunks.append(chunk)
    budget[0] -= size
    return b"".join(chunks)


def _too_big(name: str, why: str) -> str:
    return (
        f"{name}: too big to import ({why}; the limits are {MAX_MEMBER_BYTES >> 20} MB a text "
        f"and {MAX_TOTAL_BYTES >> 20} MB in all)"
    )


def _position(value: str | None, field: str) -> int | None:
    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 12:
        raise BadRecord(f"{field} {value[:20]!r} is not a position")
    return int(value)


MAX_CODE_DEPTH = 32  # codes nested deeper are no codebook (a theme's path is cut there)


def _read_codes(
    root: ET.Element, name: str = "project"
) -> tuple[dict[str, str], set[str], dict[str, str]]:
    """Code guid -> name (themes nested with "/"), the guids of sources, and the guids of
    the kind codes (guid -> "quotation" / "passage"). Read without recursion, and refused
    past `MAX_CODE_DEPTH` levels: 67 KB of codes each inside the last made theme paths of
    3.9 GB in all, and 100,000 levels overflowed the stack."""
    names: dict[str, str] = {}
    source_codes: set[str] = set()
    kinds: dict[str, str] = {}
    pending: list[tuple[ET.Element, list[str], str]] = [
        (code, [], "") for codes in root.iter(f"{_Q}Codes") for code in codes.findall(f"{_Q}Code")
    ]
    pending.reverse()
    while pending:
        code, path, group = pending.pop()
        if len(path) > MAX_CODE_DEPTH:
            raise ImportFileError(
                f"{name}: codes nested more than {MAX_CODE_DEPTH} deep; not a codebook Reader "
                "can read"
            )
        code_name = code.get("name", "")[:MAX_NAME_CHARS]  # (31 levels of 1 MB: 5.9 GB)
        guid = code.get("guid", "")
        is_group = (
            not path
            and code_name in (SOURCES_GROUP, THEMES_GROUP, KIND_GROUP)
            and code.get("isCodable") == "false"
        )
        group = code_name if is_group else group
        here = path if is_group else [*path, code_name]
        if is_group:
            pass
        elif group == KIND_GROUP and code_name in KINDS:
            kinds[guid] = code_name
        else:
            names[guid] = code_name if group == SOURCES_GROUP else "/".join(here)
            if group == SOURCES_GROUP:
                source_codes.add(guid)
        children = code.findall(f"{_Q}Code")
        pending.extend((child, here, group) for child in reversed(children))
    return names, source_codes, kinds


def _source_text(source: ET.Element, texts: dict[str, bytes]) -> str | None:
    inline = source.findtext(f"{_Q}PlainTextContent")
    if inline is not None:
        return normalise(inline)
    path = source.get("plainTextPath", "")
    data = texts.get(path.rsplit("/", 1)[-1]) if path else None
    if data is None:
        return None
    return normalise(data.decode("utf-8-sig", errors="replace"))
