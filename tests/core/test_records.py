"""The kind of a span (quotation or passage) as the import of many spans reads it."""

from __future__ import annotations

import pytest

from reader.core import records


def test_many_spans_in_one_paragraph_read_its_quotation_marks_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = 'She said "the river rose overnight" and left. '
    text = "A title\n\n" + sentence * 400
    calls: list[int] = []
    real = records.quotations

    def counted(window: str) -> list[records.Quotation]:
        calls.append(len(window))
        return list(real(window))

    monkeypatch.setattr(records, "quotations", counted)
    records._window_quotations.cache_clear()  # a window read by an earlier test
    inner = text.index("the river")
    kinds = [
        records.kind_of(text, inner + n * len(sentence), inner + n * len(sentence) + 9)
        for n in range(200)
    ]
    outside = records.kind_of(text, text.index("She"), text.index("She") + 3)

    assert kinds == ["quotation"] * 200
    assert outside == "passage"
    assert len(calls) == 1


def test_a_codebook_entry_is_stored_with_every_field_as_asdict_gives_them() -> None:
    # entry_document is asdict without the deep copies: a field added to Source or Theme
    # must be added there too, or it would be dropped on save.
    from dataclasses import asdict

    theme = records.Theme("Public safety", colour="red", description="d", key=3)
    source = records.Source("Doug King", description="mayor")
    assert records.entry_document(theme) == asdict(theme)
    assert records.entry_document(source) == asdict(source)
