"""Rebuild reader/quotes/data/given_name_genders.txt: the gender of given names the main list
(`given_names.txt`) lacks, from the World Gender Name Dictionary, so that "she said" after
"Shireen Jafri" or "he said" after "Hamish Carruthers" can be read.

    python -m bench.given_name_genders WGND_CSV

WGND_CSV is the collapsed WGND 1.0 file `namesGenderDatabase.csv` ("NAME,TREND"; TREND sums
the gender each national source gives a name, + for women, - for men), as kept in the
repository epicalekspwner/OpenData (`genderGuesser/`, commit 80ce5f9). WGND 1.0 (Raffo,
WIPO, 2018, doi:10.7910/DVN/YPRQH8) is under CC0 1.0: it may be copied without conditions.
It gathers the name statistics of the US, Canada (Alberta), the UK, France, Spain, Sweden,
Denmark, Michael (2007) and WIPO's lists, so it knows names of every origin ("Harjinder",
"Anneke", "Devika", "Aurèle" folded to "aurele").

A name joins when it is one word of three letters or more, is not in the main list (whose
"u" stays unknown) nor one of the finder's other words (places, titles, verbs …), and its
TREND says one gender clearly: FEMALE_AT or more for "f", MALE_AT or less for "m". The
thresholds were set by how often the main list agrees where both know a name (the sources
call a name used for both mostly male more often than mostly female, so "m" asks more).
The file is used for gender only: a word in it does not start a person's name.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

from bench.given_names import _WORD_LISTS
from reader.quotes.lexicon import table, words

TARGET = Path(__file__).resolve().parent.parent / "reader" / "quotes" / "data"
TARGET_FILE = TARGET / "given_name_genders.txt"
FEMALE_AT = 3
MALE_AT = -4
_NAME = re.compile(r"[a-z]{3,}(?:-[a-z]{2,})?")
# Punjabi given names are shared by men and women ("Parminder", "Harpreet", "Jasbir"; Singh
# or Kaur tells): whatever the sources count, their gender stays unknown.
_SHARED_ENDINGS = ("preet", "inder", "jeet", "jit", "deep", "dip", "jot", "meet", "want", "bir")


def fold(name: str) -> str:
    """A name as the lists spell it: lower case, accents dropped ("Aurèle" -> "aurele")."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def genders(rows: list[tuple[str, int]], listed: set[str], other: set[str]) -> dict[str, str]:
    """The names the main list lacks whose sources agree on a gender."""
    found: dict[str, str] = {}
    for name, trend in rows:
        folded = fold(name)
        if not _NAME.fullmatch(folded) or folded in listed or folded in other:
            continue
        if folded.endswith(_SHARED_ENDINGS):
            continue
        if trend >= FEMALE_AT:
            found[folded] = "f"
        elif trend <= MALE_AT:
            found[folded] = "m"
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    with open(argv[0], encoding="utf-8", newline="") as source:
        rows = [(r["NAME"], int(r["TREND"])) for r in csv.DictReader(source)]
    listed = set(table("given_names"))
    other = {w.casefold() for name in _WORD_LISTS for w in words(name)}
    other |= {
        part.casefold()
        for name in ("cities", "regions", "countries")
        for place in words(name)
        for part in re.findall(r"[A-Za-z]+", place)
    }
    found = genders(rows, listed, other)
    head = [
        "# The gender of given names that given_names.txt lacks, from the World Gender Name",
        "# Dictionary 1.0 (Raffo, WIPO, 2018; CC0 1.0): a name whose national sources agree",
        f"# ({FEMALE_AT} or more net for women, {-MALE_AT} or more for men). Gender only: a word",
        "# here does not start a person's name. Built by bench/given_name_genders.py.",
    ]
    lines = [f"{name} {gender}" for name, gender in sorted(found.items())]
    TARGET_FILE.write_text("\n".join(head + lines) + "\n", encoding="utf-8")
    print(f"{len(found)} names written to {TARGET_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
