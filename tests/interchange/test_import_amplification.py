"""Files that are small on disk and huge once read: entities a parser would expand, and
selections that each copy the same long text. Refused in one line (or read as written),
never gigabytes of memory."""

from __future__ import annotations

import pytest

from reader.interchange.fields import ImportFileError
from reader.interchange.qdpx import from_qdpx
from reader.library.feed_discovery import is_feed, parse_feed
from tests.interchange.test_import_hostile import PROJECT, qdpx

GUID = "b0b0b0b0-0000-0000-0000-000000000009"
ENTITY = b'<!DOCTYPE x [<!ENTITY e "' + b"x" * 290 + b'">]>'


def test_a_project_that_declares_entities_is_refused_in_one_line() -> None:
    project = b'<?xml version="1.0"?>' + ENTITY + b"<Project name='&e;&e;&e;'/>"
    with pytest.raises(ImportFileError, match="declares a DTD or entities") as refused:
        from_qdpx(qdpx({"project.qde": project}), "ent.qdpx")
    assert "\n" not in str(refused.value)


def test_a_project_that_declares_entities_in_utf_16_is_refused_too() -> None:
    # (its bytes do not spell "<!ENTITY": a 6 KB .qdpx took 246 MB, a 53 KB one 2 GB)
    text = '<?xml version="1.0" encoding="UTF-16"?>' + ENTITY.decode() + "<Project name='&e;'/>"
    for encoded in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        with pytest.raises(ImportFileError, match="declares a DTD or entities"):
            from_qdpx(qdpx({"project.qde": encoded}), "ent.qdpx")


def _selections(count: int, length: int) -> bytes:
    selections = "".join(
        f'<PlainTextSelection guid="s{n}" name="x" startPosition="0" endPosition="{length}"/>'
        for n in range(count)
    )
    project = PROJECT.format(g=GUID, start=0, end=1).replace(
        '<PlainTextSelection guid="s1" name="q" startPosition="0" endPosition="1"/>', selections
    )
    return qdpx({"project.qde": project.encode(), f"sources/{GUID}.txt": b"x" * length})


def test_a_selection_longer_than_any_quotation_is_refused_by_its_guid() -> None:
    found = from_qdpx(_selections(3, 2_000_001 * 2), "long.qdpx")  # (4 MB: over 1 M characters)
    assert found.items == []
    assert len(found.refused) == 3 and "a quotation holds at most 1,000,000" in found.refused[0]


def test_selections_that_copy_the_text_over_and_over_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.interchange.qdpx as module

    monkeypatch.setattr(module, "MAX_QUOTED", 50_000)  # (50 M characters, scaled down)
    with pytest.raises(ImportFileError, match="add up to over 50,000 characters"):
        from_qdpx(_selections(11, 5_000), "copies.qdpx")
    assert len(from_qdpx(_selections(9, 5_000), "fine.qdpx").items) == 9


def test_one_selection_coded_at_many_sources_counts_once_for_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One selection of a whole 1 MB text coded at 500 sources became 500 copies of it: 2.4
    # GB of memory and a 490 MB reader.json from an 11 KB file (stop 77's attacker)
    import reader.interchange.qdpx as module

    monkeypatch.setattr(module, "MAX_QUOTED", 50_000)  # (50 M characters, scaled down)

    def coded_at(sources: int) -> bytes:
        codes = "".join(
            f"<Code guid='c{n}' name='Speaker {n}' isCodable='true'/>" for n in range(sources)
        )
        refs = "".join(f"<CodeRef targetGUID='c{n}'/>" for n in range(sources))
        project = (
            "<Project xmlns='urn:QDA-XML:project:1.0' name='x'><CodeBook><Codes>"
            f"<Code guid='g' name='Sources' isCodable='false'>{codes}</Code>"
            "</Codes></CodeBook><Sources>"
            f"<TextSource guid='{GUID}' name='ICE' plainTextPath='internal://{GUID}.txt'>"
            f"<PlainTextSelection guid='s1' name='q' startPosition='0' endPosition='5000'>"
            f"{refs}</PlainTextSelection></TextSource></Sources></Project>"
        )
        return qdpx({"project.qde": project.encode(), f"sources/{GUID}.txt": b"x" * 5_000})

    assert len(from_qdpx(coded_at(9), "nine.qdpx").items) == 9
    with pytest.raises(ImportFileError, match="add up to over 50,000 characters"):
        from_qdpx(coded_at(11), "many.qdpx")


def test_a_feed_that_declares_entities_is_read_without_expanding_them() -> None:
    refs = b"&e;" * 100_000
    body = (
        b'<?xml version="1.0"?>'
        + ENTITY.replace(b"DOCTYPE x", b"DOCTYPE rss")
        + b'<rss version="2.0">'
        b"<channel><title>T</title><item><title>a</title><link>http://example.com/a</link>"
        b"<description>" + refs + b"</description></item></channel></rss>"
    )
    parsed = parse_feed(body)
    assert is_feed(parsed) and parsed.entries[0].link == "http://example.com/a"
    assert len(parsed.entries[0].get("summary", "")) < 3 * len(body)  # (expanded: 29 M)


@pytest.mark.parametrize("hiding", ["<!-- <a -->", "<?pi <b?>", "<!-- x --><!-- <c> -->"])
def test_a_feed_whose_prolog_hides_its_declarations_does_not_expand_them(hiding: str) -> None:
    # (the declarations were dropped only before the first "<" and a letter: a comment
    # holding one ended the search, and a 1.8 MB feed took 719 MB)
    refs = b"&e;" * 100_000
    body = (
        b'<?xml version="1.0"?>'
        + ENTITY.replace(b"DOCTYPE x [", b"DOCTYPE rss [" + hiding.encode())
        + b'<rss version="2.0">'
        b"<channel><title>T</title><item><title>a</title><link>http://example.com/a</link>"
        b"<description>" + refs + b"</description></item></channel></rss>"
    )
    parsed = parse_feed(body)
    assert is_feed(parsed) and parsed.entries[0].link == "http://example.com/a"
    assert len(parsed.entries[0].get("summary", "")) < 3 * len(body)


@pytest.mark.parametrize("encoding", ["cp037", "cp500", "utf-7", "utf-32"])
def test_a_feed_in_an_encoding_unlike_ascii_does_not_expand_its_entities(encoding: str) -> None:
    # (in EBCDIC the bytes of "<!ENTITY" are others: its declarations were not dropped, and
    # feedparser, which decodes the feed first, expanded them)
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        + ENTITY.replace(b"DOCTYPE x", b"DOCTYPE rss").decode()
        + '<rss version="2.0"><channel><title>T</title><item><title>a</title>'
        "<link>http://example.com/a</link><description>"
        + "&e;" * 1000
        + "</description></item></channel></rss>"
    )
    body = text.encode(encoding)
    parsed = parse_feed(body)
    assert is_feed(parsed) and parsed.entries[0].link == "http://example.com/a"
    assert len(parsed.entries[0].get("summary", "")) < 10_000  # (expanded: 290,000)


def test_a_feed_with_an_rss_091_doctype_is_still_read() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<title>T</title><item><title>a &amp; b</title><link>http://example.com/a</link></item>"
        b"</channel></rss>"
    )
    parsed = parse_feed(body)
    assert is_feed(parsed) and parsed.entries[0].title == "a & b"


NS = 'xmlns="urn:QDA-XML:project:1.0"'


@pytest.mark.parametrize("encoding", ["x-nope", "base64", "rot13"])
def test_a_project_in_an_encoding_no_codec_reads_is_one_line(encoding: str) -> None:
    """An attack's finding: a traceback (LookupError: unknown encoding)."""
    project = f'<?xml version="1.0" encoding="{encoding}"?><Project {NS}/>'.encode()
    with pytest.raises(ImportFileError, match="not a REFI-QDA project"):
        from_qdpx(qdpx({"project.qde": project}), "enc.qdpx")


def test_a_project_of_millions_of_empty_elements_is_refused_as_it_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """12 million `<a/>` (47 MB, under the member limit) took 1.2 GB and 10 s, then said
    "imported 0" (an attack's finding): the elements are counted as they are read."""
    import reader.interchange.qdpx as module

    monkeypatch.setattr(module, "MAX_ELEMENTS", 1_000)
    project = f"<Project {NS}>{'<a/>' * 1_001}</Project>".encode()
    with pytest.raises(ImportFileError, match="over 1,000 XML elements"):
        from_qdpx(qdpx({"project.qde": project}), "many.qdpx")


def test_a_root_that_is_no_project_and_a_stray_qde_first_are_told_apart() -> None:
    with pytest.raises(ImportFileError, match="is no REFI-QDA project"):
        from_qdpx(qdpx({"project.qde": b"<Other/>"}), "other.qdpx")
    empty = f"<Project {NS}/>".encode()
    stray = qdpx({"a-notes.qde": b"<Other/>", "project.qde": empty})
    assert from_qdpx(stray, "two.qdpx").items == []  # the project itself, not the stray
