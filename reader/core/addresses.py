"""Web addresses as Reader stores and shows them: never with a user name and password."""

from __future__ import annotations

import re
from urllib.parse import urlsplit


def without_credentials(url: str) -> str:
    """`url` without a user name and password ("http://user:pass@host/" -> "http://host/"):
    what is stored, shown and cited never carries them (a feed followed with them kept
    them in every article it brought, in a database a team commits)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()


_ADDRESS = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://\S+")


def credentials_hidden(text: str) -> str:
    """A message with every address in it without its user name and password: an item's
    link is resolved against its feed's address, so an error about it quoted them. Only an
    address's own user part goes (an "@" in its query, "?list=news@example.org", is not
    one; a password holding "@" goes whole), as `without_credentials` reads it."""
    if "@" not in text:
        return text
    return _ADDRESS.sub(lambda found: without_credentials(found.group()), text)
