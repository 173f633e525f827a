"""A document that "quoted" someone before a colon: the words are that person's."""

from __future__ import annotations

import pytest

from tests.helpers.quotes import headlined, speech_of


@pytest.mark.parametrize(
    "introduction",
    [
        # a tester's press-release story (stop 73): it had named no one
        "The release quoted the company's managing director, Owen Pryce:",
        "The release quoted Owen Pryce:",
    ],
)
def test_a_release_that_quoted_someone_gives_them_the_words(introduction: str) -> None:
    text = headlined(
        "Fans of pop singer Kira Lennox are angry about refunds.\n\n"
        f"{introduction} “We understand the frustration fans are feeling.”"
    )
    assert [s for _, s in speech_of(text)] == ["Owen Pryce"]


def test_someone_quoted_by_the_paper_is_not_its_speaker() -> None:
    # "was quoted" is passive: its subject spoke
    text = headlined(
        "Owen Pryce runs the ticketing firm.\n\n"
        "Kira Lennox was quoted in the paper: “I need to get well.”"
    )
    assert [s for _, s in speech_of(text)] == ["Kira Lennox"]
