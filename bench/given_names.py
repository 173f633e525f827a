"""Rebuild the last block of reader/quotes/data/given_names.txt from the US Social Security
Administration's baby-name files, so that a name from any culture starts a person's name.

    python -m bench.given_names SSA_FOLDER [CORPUS_FOLDER ...]

SSA_FOLDER holds the national files `yob1930.txt` … `yob2023.txt` ("Name,F,count"; from
https://www.ssa.gov/oact/babynames/names.zip, public domain as a work of the US government).
A name given to 2,000 or more babies from 1930 to 2023 joins the list, unless the list already
holds it, or it is one of the finder's other words (a place, a title, a determiner …), or news
writing shows it is a word or a place rather than a given name. That evidence comes from the
CORPUS_FOLDERs' `.txt` articles (default: PolNeAR's dev articles in `bench/.data/polnear/dev`,
never its blind test split): a name written mostly in lower case mid-sentence ("case",
"early", "victory") is a word; one written capitalised five times or more but seldom followed
by another capitalised word ("in Hamilton,", "Houston said") is a place or a surname. The
gender is "f" or "m" when one gender has 95 % of the births, else "u" (unknown is better
than wrong). The block replaces everything after its header line, so a rebuild is idempotent.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from reader.quotes.lexicon import words

TARGET = Path(__file__).resolve().parent.parent / "reader" / "quotes" / "data" / "given_names.txt"
DEFAULT_CORPUS = Path(__file__).resolve().parent / ".data" / "polnear" / "dev"
HEADER = "# From the US Social Security Administration's national baby-name files, 1930-2023"
FIRST_YEAR, LAST_YEAR = 1930, 2023
MIN_BIRTHS = 2000
ONE_GENDER = 0.95
# The finder's own word lists: a word there is not also a given name.
_WORD_LISTS = [
    "titles",
    "person_nouns",
    "place_words",
    "building_words",
    "countries",
    "cities",
    "regions",
    "demonyms",
    "org_words",
    "not_names",
    "determiners",
    "prepositions",
    "adverbs",
    "common_verbs",
    "connectors",
    "epithets",
    "org_nouns",
    "institution_nouns",
    "documents",
    "speech_verbs",
    "reporting_verbs",
    "weak_verbs",
    "auxiliaries",
    "name_particles",
    "surname_particles",
    "abbreviations",
    "description_stops",
    "descriptor_stops",
    "statement_nouns",
    "work_nouns",
    "noun_like_verbs",
    "female_words",
    "male_words",
]
_MID_SENTENCE = re.compile(r"(?<=[a-z,;] )([A-Za-z]+)\b")
_CAPITALISED = re.compile(r"\b([A-Z][a-z]+)\b( [A-Z][a-z])?")


def births(folder: Path) -> tuple[Counter[str], Counter[str]]:
    """Girls' and boys' births per folded name over the years."""
    female: Counter[str] = Counter()
    male: Counter[str] = Counter()
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        path = folder / f"yob{year}.txt"
        if not path.exists():
            continue
        for line in path.read_text(encoding="ascii").splitlines():
            name, sex, count = line.split(",")
            (female if sex == "F" else male)[name.casefold()] += int(count)
    return female, male


def usage(folders: list[Path]) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """How news writing uses each word: in lower case mid-sentence, capitalised mid-sentence,
    capitalised anywhere, and capitalised with a capitalised word after it."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    before_name: Counter[str] = Counter()
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for found in _MID_SENTENCE.finditer(text):
                word = found.group(1)
                if word[0].islower():
                    lower[word] += 1
                elif word[1:].islower():
                    upper[word.casefold()] += 1
            for found in _CAPITALISED.finditer(text):
                folded = found.group(1).casefold()
                capitalised[folded] += 1
                before_name[folded] += found.group(2) is not None
    return lower, upper, capitalised, before_name


def new_names(ssa: Path, corpus: list[Path], listed: set[str]) -> dict[str, str]:
    female, male = births(ssa)
    lower, upper, capitalised, before_name = usage(corpus)
    other_words = {w.casefold() for name in _WORD_LISTS for w in words(name)}
    place_parts = {
        part.casefold()
        for name in ("cities", "regions", "countries")
        for place in words(name)
        for part in re.findall(r"[A-Za-z]+", place)
    }
    found: dict[str, str] = {}
    for name in set(female) | set(male):
        total = female[name] + male[name]
        if total < MIN_BIRTHS or len(name) < 3 or name in listed:
            continue
        if name in other_words or name in place_parts:
            continue
        if lower[name] >= 1 and lower[name] * 3 >= upper[name]:
            continue  # a word: "case", "early"
        if capitalised[name] >= 5 and before_name[name] < 0.3 * capitalised[name]:
            continue  # a place or a surname: "Hamilton", "Houston"
        share = female[name] / total
        found[name] = "f" if share >= ONE_GENDER else "m" if share <= 1 - ONE_GENDER else "u"
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    ssa = Path(argv[0])
    corpus = [Path(a) for a in argv[1:]] or [DEFAULT_CORPUS]
    text = TARGET.read_text(encoding="utf-8")
    head = text.split("\n" + HEADER)[0].rstrip("\n")
    listed = {line.split()[0] for line in head.splitlines() if line and line[0] != "#"}
    found = new_names(ssa, corpus, listed)
    block = [
        "",
        HEADER,
        "# (public domain; names given to 2,000 or more babies in those years, of every origin:",
        '# "Ewan", "Yuna", "Samir", "Amara"), less the names above and words: places, titles and',
        '# the other word lists, names news writing uses mostly in lower case ("case", "early"),',
        '# and capitalised words seldom followed by a surname ("Hamilton"), counted in PolNeAR\'s',
        '# dev articles. "u": neither gender nineteen times the other. Built by bench/given_names.py.',
    ]
    block += [f"{name} {gender}" for name, gender in sorted(found.items())]
    TARGET.write_text(head + "\n" + "\n".join(block) + "\n", encoding="utf-8")
    print(f"{len(found)} names from the SSA files written to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
