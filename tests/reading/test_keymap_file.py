"""The keymap file: entries no key will do are said, not silently ignored."""

from __future__ import annotations

from pathlib import Path

from reader.reading.settings import Keymap, keymap_problems, load_keymap

BINDINGS = [
    ("Everywhere", "app.search", "slash"),
    ("Everywhere", "app.quit", "q"),
    ("Article", "article.tag", "t,enter"),
    ("Article", "article.quote_next", "n"),
    ("Library", "library.next", "j"),
]


def _problems(keys: dict[str, str]) -> list[str]:
    return keymap_problems(Keymap(keys=keys), BINDINGS, Path("keymap.toml"))


def test_an_id_no_binding_has_is_named_with_the_nearest_one() -> None:
    (typo, unknown) = _problems({"app.serch": "ctrl+f", "no.such.thing": "z"})
    assert "'app.serch' is no key's id" in typo and "did you mean 'app.search'?" in typo
    assert "'no.such.thing' is no key's id" in unknown and "did you mean" not in unknown


def test_a_key_given_to_two_bindings_of_one_place_is_said() -> None:
    (clash,) = _problems({"article.tag": "n"})
    assert "'n' is the key of both 'article.tag' and 'article.quote_next'" in clash
    # The same key in another place is no clash (a pane's own key wins there), nor are the
    # app's own defaults, nor a key moved away from its old binding.
    assert _problems({"library.next": "n", "article.quote_next": "m"}) == []
    assert _problems({"article.tag": "t", "article.quote_next": "t,x"}) != []
    assert _problems({"article.tag": "x", "article.quote_next": "t"}) == []
    assert _problems({"article.tag": "t,t"}) == []  # one binding's key given twice


def test_a_comma_alone_is_named_as_the_comma_key(tmp_path: Path) -> None:
    keymap_file = tmp_path / "keymap.toml"
    keymap_file.write_text('[keymap]\n"app.search" = ","\n"app.quit" = 3\n')
    keymap = load_keymap(keymap_file)
    assert keymap.keys == {}
    comma, number = keymap.problems
    assert "'app.search' left out" in comma and 'the comma key itself is "comma"' in comma
    assert "'app.quit' left out (keys must be text)" in number


def test_a_section_not_keymap_and_a_key_that_is_none_are_said_and_left_out(
    tmp_path: Path,
) -> None:
    """`[keymaps]` was read by no one in silence; "ae" or "ctrl+" left a binding with no
    key that works (a newcomer remapped `t` and `enter` away and could not tag)."""
    path = tmp_path / "keymap.toml"
    path.write_text(
        '"app.quit" = "x"\n[keymaps]\n"app.search" = "ctrl+f"\n[keymap]\n'
        '"article.tag" = "ae"\n"article.quote_next" = "ctrl+"\n"app.search" = "ctrl+f,slash"\n'
        '"app.quit" = "ctrl+q,question_mark,hyphen_minus,ä"\n',
        encoding="utf-8",
    )
    keymap = load_keymap(path)
    said = "\n".join(keymap.problems)
    assert "'app.quit' is no section of a keymap" in said  # (an id before any section)
    assert "'keymaps' is no section of a keymap" in said
    assert "'article.tag' left out ('ae' is no key" in said
    assert "'article.quote_next' left out ('ctrl+' is no key" in said
    assert keymap.keys == {
        "app.search": "ctrl+f,slash",
        "app.quit": "ctrl+q,question_mark,hyphen_minus,ä",
    }


def test_every_key_the_app_gives_is_a_key_name() -> None:
    import json

    from tests.helpers.cli import run_reader

    listed = json.loads(run_reader("keys", "--json").stdout)
    from reader.reading.settings import is_key_name

    assert all(is_key_name(key) for entry in listed for key in entry["keys"].split(","))


def test_the_key_two_bindings_are_given_is_said_with_the_one_that_takes_it() -> None:
    (clash,) = _problems({"article.tag": "n"})
    assert "'article.tag' takes it (the first); give 'article.quote_next' another key" in clash


def test_a_keymap_over_the_bound_is_said_not_read_in_part(tmp_path: Path) -> None:
    """A keymap of 1 MB of comments then an entry was read to 1 MB without a word, or
    said "Unterminated string" when the cut fell in one (an attack's finding)."""
    keymap_file = tmp_path / "keymap.toml"
    keymap_file.write_text("#" * (1 << 20) + '\n[keymap]\n"app.search" = "ctrl+f"\n')
    keymap = load_keymap(keymap_file)
    assert keymap.keys == {}
    (said,) = keymap.problems
    assert "over 1024 KB" in said and "the default keys apply" in said
