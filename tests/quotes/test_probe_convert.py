"""The probes' labels become gold quotations by matching each, in order, to a quotation."""

from __future__ import annotations

from bench.convert_probes import convert_article

TEXT = (
    "Council backs the plan\n\n"
    "“We will fix the road this summer,” Mayor Jane Roe said. Critics called it a "
    "“fantasy budget,” and one resident said “it has been broken for years.”\n"
)


def test_labels_match_the_next_quotation_that_begins_with_their_words() -> None:
    gold = convert_article(
        TEXT,
        [
            {"quote_start_words": "We will fix the", "speaker": "Jane Roe"},
            # "fantasy budget" is a scare quote: the probe left it unlabelled (SKIP)
            {"quote_start_words": "it has been broken", "speaker": "none", "debatable": True},
        ],
    )
    assert gold is not None
    assert [(g["quote"], g["speaker"]) for g in gold] == [
        ("We will fix the road this summer,", "Jane Roe"),
        ("it has been broken for years.", None),
    ]
    assert [TEXT[g["start"] : g["end"]] for g in gold] == [g["quote"] for g in gold]
    assert gold[1]["speaker_status"] == "no-source" and gold[1]["debatable"]


def test_an_article_with_a_label_that_matches_nothing_is_left_out() -> None:
    labels = [{"quote_start_words": "Words nobody wrote", "speaker": "Jane Roe"}]
    assert convert_article(TEXT, labels) is None
