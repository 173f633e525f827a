"""Web addresses as Reader shows them: never with a user name and password."""

from __future__ import annotations

import pytest

from reader.core.addresses import credentials_hidden, without_credentials


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("http://ann:pw@h.org/a.html: 404", "http://h.org/a.html: 404"),
        # a password holding "@": it goes whole (its end was shown, "t99@…")
        ("http://alice:s3cr@t99@127.0.0.1:18951/feed.xml: x", "http://127.0.0.1:18951/feed.xml: x"),
        # an "@" in the query is no user part (the message named a host never asked)
        (
            "http://127.0.0.1:18952?list=news@example.org: cannot",
            "http://127.0.0.1:18952?list=news@example.org: cannot",
        ),
        (
            "write to jane@example.org or mailto:a@b.org",
            "write to jane@example.org or mailto:a@b.org",
        ),
        ("http://a:b@c.org/x and https://d:e@f.org/y.", "http://c.org/x and https://f.org/y."),
    ],
)
def test_a_message_says_no_password_and_leaves_other_words_alone(message: str, shown: str) -> None:
    assert credentials_hidden(message) == shown


def test_an_address_loses_only_its_user_part() -> None:
    assert (
        without_credentials("https://u:p@Example.org:8080/a?b=c@d")
        == "https://Example.org:8080/a?b=c@d"
    )
