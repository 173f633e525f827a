"""Rebuild reader/annotations/data/english_words.txt.gz from pyspellchecker's English list.

Search uses the list to tell a typo (not a word: correct it) from a real word that no
annotation holds (do not turn it into another word). `pip download pyspellchecker==0.9.1
--no-deps`, unzip it, and run `python -m bench.make_word_list PATH/spellchecker/resources/en.json.gz`.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "reader" / "annotations" / "data"


def main(argv: list[str]) -> int:
    source = Path(argv[0])
    with gzip.open(source) as handle:
        counts = json.loads(handle.read())
    words = sorted(w for w in counts if w.isalpha() and w.isascii() and w.islower() and len(w) >= 2)
    with gzip.open(TARGET / "english_words.txt.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(
            "# English words that are real words, for telling a typo from a word a corpus lacks.\n"
        )
        out.write(
            "# From pyspellchecker 0.9.1 (MIT licence, Tyler Barrus): its en.json.gz, lower-case\n"
        )
        out.write("# ASCII words of two letters or more; made by bench/make_word_list.py.\n")
        out.write("\n".join(words) + "\n")
    print(f"{len(words):,} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
