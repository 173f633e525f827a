"""House styles of newspapers the quote finder meets on news it was never tuned on (stop 78's
blind batches): a dash typed as two hyphens, a lede whose first words are set in capitals."""

from __future__ import annotations

import pytest

from tests.helpers.quotes import headlined, speech_of


@pytest.mark.parametrize(
    "dateline", ["MANILA, Philippines --", "HOUSTON --", "NEW YORK (AP) --", "OTTAWA --"]
)
def test_a_dateline_dash_typed_as_two_hyphens_ends_the_dateline(dateline: str) -> None:
    text = headlined(
        f"{dateline} Sen. Nancy Binay on Thursday said she was “seriously considering” "
        "running for mayor.\n\nBinay will end her last term next year."
    )
    assert speech_of(text) == [("seriously considering", "Nancy Binay")]
