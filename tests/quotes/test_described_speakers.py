"""Speakers the article calls by a description: an age, a body's word, a company.

From a tester's articles written for Reader (stop 73), each a pattern no labelled set held.
"""

from __future__ import annotations

from tests.helpers.quotes import headlined, speech_of


def test_a_company_set_beside_a_possessive_is_a_body_not_a_she() -> None:
    # "Lennox's management company, Northlight Artists," had been a person of no known
    # sex, the last named before "she said", and took the singer's words
    text = headlined(
        "Fans of pop singer Kira Lennox have accused ticketing platform StageDoor of "
        "dragging its feet on refunds after the star cancelled her tour.\n\n"
        "Consumer group Which? said refunds were late. Its consumer rights editor, Lisa "
        "Harmon, said: “Fourteen working days is a long time to wait.”\n\n"
        "Lennox's management company, Northlight Artists, declined to comment on whether "
        "the singer would reschedule the dates.\n\n"
        "On Sunday evening Lennox posted again, thanking fans for their messages. “Reading "
        "your comments is the best medicine,” she said in the video."
    )
    assert [s for _, s in speech_of(text)] == ["Lisa Harmon", "Kira Lennox"]
