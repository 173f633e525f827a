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
