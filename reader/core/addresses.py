"""Web addresses as Reader stores and shows them: never with a user name and password."""

from __future__ import annotations

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
