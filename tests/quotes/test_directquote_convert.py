"""The DirectQuote converter on a few paragraphs written here in its format (the corpus itself
is never committed: `python -m bench.fetch_directquote` fetches it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import fetch_directquote as dq
from bench.quotes import read_article, score_findings

SAMPLE = """\
Prime O
Minister O
Justin O
Trudeau O
spoke O
. O
Trudeau I-Speaker
said O
: O
" I-LeftSpeaker
It I-LeftSpeaker
's I-LeftSpeaker
time I-LeftSpeaker
. I-LeftSpeaker
" I-LeftSpeaker

" I-RightSpeaker
We I-RightSpeaker
will I-RightSpeaker
not I-RightSpeaker
, I-RightSpeaker
" I-RightSpeaker
said O
President I-Speaker
Joe I-Speaker
Biden I-Speaker
. O

The O
sign O
read O
" O
Keep I-Unknown
out I-Unknown
" O
. O
"""


def test_paragraphs_become_articles_with_exact_spans_and_full_names(tmp_path: Path) -> None:
    raw = tmp_path / "truecased.txt"
    raw.write_text(SAMPLE, encoding="utf-8")
    counts = dq.convert(raw, tmp_path / "out")
    assert sum(c["quotations"] for c in counts.values()) == 3
    items = {}
    for path in sorted((tmp_path / "out").glob("*/dq-*.txt")):
        text = path.read_text(encoding="utf-8")
        for item in json.loads(path.with_suffix(".quotes.json").read_text(encoding="utf-8")):
            assert text[item["start"] : item["end"]] == item["quote"]
            items[item["quote"]] = (text, item)
    assert items["It's time."][0].endswith('Trudeau said: "It\'s time."')
    assert items["It's time."][1]["speaker"] == "Justin Trudeau"
    assert items["We will not,"][0] == 'News\n\n"We will not," said President Joe Biden.'
    assert items["We will not,"][1]["speaker"] == "Joe Biden"
    assert items["Keep out"][1]["speaker_status"] == "no-source"
    found = [score_findings(read_article(p)) for p in (tmp_path / "out").glob("*/dq-*.txt")]
    assert sum(s.found for s in found) >= 2  # the sign's words may be taken for a name
    assert sum(s.speaker_right for s in found) == 2


def test_the_split_is_a_fixed_hash_of_the_item() -> None:
    splits = [dq.directquote_split(f"{n:04d}") for n in range(2000)]
    assert 0.35 < splits.count("test") / len(splits) < 0.45
    assert dq.directquote_split("0001") == dq.directquote_split("0001")


def test_a_download_that_fails_ends_in_one_line_and_leaves_no_partial_file(
    tmp_path: Path,
) -> None:
    from bench.data import download

    target = tmp_path / "corpus.zip"
    with pytest.raises(SystemExit) as ended:
        download("http://127.0.0.1:9/corpus.zip", target)  # the discard port: refused
    assert str(ended.value).startswith("error: cannot download http://127.0.0.1:9/corpus.zip (")
    assert "\n" not in str(ended.value)
    assert not target.exists() and not target.with_suffix(".part").exists()
