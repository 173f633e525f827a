"""The SSA block of the given-names list: names in, words and places out, gender by births."""

from __future__ import annotations

from pathlib import Path

from bench.given_names import new_names


def test_names_join_with_their_gender_and_words_and_places_stay_out(tmp_path: Path) -> None:
    ssa = tmp_path / "ssa"
    ssa.mkdir()
    (ssa / "yob1990.txt").write_text(
        "Yuna,F,2500\nEwan,M,3000\nRiley,F,1500\nRiley,M,1500\nEarly,M,2500\n"
        "Hamilton,M,4800\nRare,F,40\nMary,F,90000\n",
        encoding="ascii",
    )
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The vote came early, and it came early again; officials in Hamilton said so. "
        "Officers in Hamilton, Hamilton police and Hamilton residents agreed. Reporters in "
        "Hamilton met Ewan Price.",
        encoding="utf-8",
    )
    found = new_names(ssa, [corpus], listed={"mary"})
    assert found == {"yuna": "f", "ewan": "m", "riley": "u"}


def test_the_gender_only_list_takes_names_whose_sources_agree() -> None:
    from bench.given_name_genders import genders

    rows = [
        ("SHIREEN", 4),  # women's name in every source that has it
        ("HAMISH", -4),
        ("AURÈLE", -3),  # men's, but too few sources agree for "m"
        ("PARMINDER", -6),  # Punjabi names are shared: unknown whatever the count
        ("MARY", 9),  # in the main list already
        ("TORONTO", 2),
        ("A K", -5),
    ]
    assert genders(rows, listed={"mary"}, other={"toronto"}) == {"shireen": "f", "hamish": "m"}
