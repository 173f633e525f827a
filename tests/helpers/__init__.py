"""Helpers shared by the tests: plain functions and constants, imported by test modules.

`paths` (the repository's data), `seeding` (tagging through the domain, no UI), `cli`
(running `reader` as a subprocess), `pilot` (driving the app and reading its screen), `web`
(pages and feeds served on 127.0.0.1), `hostile` (crafted articles), `w3c_schema` (the W3C
test suite's schemas), `writer` (a writer process for crash and concurrency tests).
Fixtures built from these live in `tests/conftest.py`.
"""
