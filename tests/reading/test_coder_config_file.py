"""`reader config coder NAME` edits the user's config.toml in place: every other setting,
comment and byte of it stays as it was, and a file that is not valid TOML is refused in one
line, untouched, and said when the coder in use is shown (never the login name unsaid)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reader.core.coders import clean_coder
from reader.reading import coder_config
from tests.helpers.cli import run_reader

CONFIG = """\
# My settings, kept by hand.
"editor command" = "vim"   # a quoted key
'literal key' = 'C:\\no escapes'
limit = inf
floor = -inf
ratio = 0.5
when = 1979-05-27T07:32:00Z
names = ["a", "b # not a comment"]
grid = [
[1, 2],
[3],
]
notes = \"\"\"
coder = "not this one"
[not a table]
\"\"\"
point = { x = 1, y = 2 }

[ui]
theme = "dark"   # comment after a value
[ui.colors]
accent = "#ff0000"

[[profiles]]
name = "one"
coder = "a table's coder, not the user's"
[[profiles]]
name = "two"
"""


@pytest.fixture
def config(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's config file (in the test's own home), with $READER_CODER unset."""
    monkeypatch.delenv("READER_CODER", raising=False)
    path = coder_config.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _shown() -> dict[str, str]:
    result = run_reader("config", "coder", "--json")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def _without_coder(text: str) -> dict[str, object]:
    settings = tomllib.loads(text)
    settings.pop("coder", None)
    return settings


def _one_line_refusal(result: subprocess.CompletedProcess[str], path: Path) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("reader: ") and str(path) in result.stderr


def test_setting_the_coder_keeps_every_other_setting_and_comment(config: Path) -> None:
    config.write_text(CONFIG, encoding="utf-8")
    result = run_reader("config", "coder", "Ann Lee")
    assert result.returncode == 0, result.stderr
    after = config.read_text(encoding="utf-8")
    assert tomllib.loads(after)["coder"] == "Ann Lee"
    assert _without_coder(after) == tomllib.loads(CONFIG)
    # one line added before the first table, nothing else changed: comments, blanks, spacing
    assert after == CONFIG.replace("\n[ui]", '\ncoder = "Ann Lee"\n[ui]', 1)
    assert _shown() == {"coder": "Ann Lee", "origin": "config"}

    assert run_reader("config", "coder", "Bob").returncode == 0  # the value replaced in place
    assert config.read_text(encoding="utf-8") == after.replace('"Ann Lee"', '"Bob"')
    assert run_reader("config", "coder", "--unset").returncode == 0  # and the line removed
    assert config.read_text(encoding="utf-8") == CONFIG


def test_a_coder_line_of_the_users_own_keeps_its_comment_and_spacing(config: Path) -> None:
    original = "# top\r\n  coder =   'old'   # my name\r\nlevel = nan\r\n[t]\r\nk = 1\r\n"
    config.write_bytes(original.encode())
    assert run_reader("config", "coder", "New Name").returncode == 0
    assert config.read_bytes() == original.replace("'old'", '"New Name"').encode()
    assert _shown() == {"coder": "New Name", "origin": "config"}


def test_a_name_with_quotes_backslashes_a_newline_and_accents_reads_back(config: Path) -> None:
    config.write_text('# mine\n[ui]\ntheme = "dark"\n', encoding="utf-8")
    name = 'Zoë "Q" O\'Brien \\ C:\\path\nSmith 李'
    expected = clean_coder(name)  # one line: the newline folds to a blank, as everywhere
    assert expected == 'Zoë "Q" O\'Brien \\ C:\\path Smith 李'
    result = run_reader("config", "coder", name)
    assert result.returncode == 0, result.stderr
    after = config.read_text(encoding="utf-8")
    assert tomllib.loads(after) == {"coder": expected, "ui": {"theme": "dark"}}
    assert after.startswith("# mine\n")
    assert _shown() == {"coder": expected, "origin": "config"}


def test_toml_strings_escape_what_toml_requires() -> None:
    value = 'a"b\\c\nd\te\x00f\x1fg\x7fh\x08\x0c\ré ü 李 \u2028'
    quoted = coder_config.toml_string(value)
    assert "\n" not in quoted and "\x7f" not in quoted and "\x00" not in quoted
    assert tomllib.loads(f"v = {quoted}") == {"v": value}


def test_a_name_that_is_not_utf8_is_refused_in_one_line(config: Path) -> None:
    config.write_text('[ui]\ntheme = "dark"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "config", "coder", b"Ann \xff"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "UTF-8" in result.stderr
    assert config.read_text(encoding="utf-8") == '[ui]\ntheme = "dark"\n'


def test_a_config_that_is_not_valid_toml_is_refused_and_left_as_it_was(config: Path) -> None:
    damaged = b'coder = "Ann Lee"\n[ui\ntheme = "dark"\n# caf\xe9\n'
    config.write_bytes(damaged)
    for args in (("Bob",), ("--unset",), ()):
        result = run_reader("config", "coder", *args)
        _one_line_refusal(result, config)
        assert "fix or remove it" in result.stderr
        assert config.read_bytes() == damaged
    # shown: not "your login name" as if the file named no coder
    shown = run_reader("config", "coder", "--json")
    _one_line_refusal(shown, config)
    assert shown.stdout == ""


def test_a_damaged_config_is_said_where_the_coder_is_picked(config: Path) -> None:
    config.write_text("coder = \n", encoding="utf-8")
    coder = coder_config.current_coder()
    assert coder.origin in ("login", "none")
    assert str(config) in coder.problem and "fix or remove it" in coder.problem
    assert "\n" not in coder.problem
    config.write_text('coder = "Ann"\n', encoding="utf-8")
    assert coder_config.current_coder() == coder_config.Coder("Ann", "config")


def test_bytes_that_are_not_utf8_in_a_comment_are_kept(config: Path) -> None:
    original = b"# caf\xe9 au lait\nlimit = 3\n[ui]\ntheme = 'dark'\n"
    config.write_bytes(original)
    assert run_reader("config", "coder", "Ann").returncode == 0
    assert config.read_bytes() == original.replace(b"[ui]", b'coder = "Ann"\n[ui]')


def test_a_config_kept_as_a_link_stays_a_link(config: Path, tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "reader.toml"
    target.write_text('[ui]\ntheme = "dark"\n', encoding="utf-8")
    config.symlink_to(target)
    assert run_reader("config", "coder", "Ann").returncode == 0
    assert config.is_symlink()
    assert target.read_text(encoding="utf-8") == 'coder = "Ann"\n[ui]\ntheme = "dark"\n'


async def test_the_app_says_a_damaged_config_once_it_is_up(config: Path, tmp_path: Path) -> None:
    from reader.ui.app import ReaderApp
    from tests.helpers.pilot import notified, settle

    config.write_text("coder = \n", encoding="utf-8")
    library = tmp_path / "library"
    library.mkdir()
    app = ReaderApp(library=library)
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        said = notified(app)
    assert str(config) in said and "stamped on your annotations" in said
