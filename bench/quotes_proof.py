"""Write everything the quote finder says about the gold articles and the bench's 1 MB article.

`python -m bench.quotes_proof OUT` writes one line per quotation: its spans, whether it is
speech, the speaker, the mention, the cue, the confidence (repr, every digit) and the
description, for every article of tests/data/quotes (all folders) and tests/data/gold, found
three ways (as `bench.quotes` does; with the gold speakers as the codebook; the ranker's
traced candidates and their features), and for the bench's 1 MB article as the app finds
it. A change meant only to make the finder faster must leave OUT byte-identical.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from bench.data import big_article
from reader.core.text import TextStructure
from reader.quotes import QuoteFinding, find_quotes
from reader.quotes.article import article_quotes
from reader.quotes.attribution import trace_candidates

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [
    ROOT / "tests" / "data" / "gold",
    *sorted((ROOT / "tests" / "data" / "quotes").iterdir()),
]


def _line(finding: QuoteFinding) -> str:
    q = finding.quotation
    return (
        f"{q.outer.start}-{q.outer.end} {q.inner.start}-{q.inner.end} {finding.speech} "
        f"{finding.speaker!r} {finding.mention!r} {finding.cue!r} {finding.confidence!r} "
        f"{finding.description!r}"
    )


def _write(out: list[str], title: str, findings: Iterable[QuoteFinding]) -> None:
    out.append(f"## {title}")
    out.extend(_line(f) for f in findings)


def main(argv: list[str]) -> int:
    out: list[str] = []
    for folder in FOLDERS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            name = f"{folder.name}/{path.name}"
            text = path.read_text(encoding="utf-8")
            _write(out, name, find_quotes(text))
            gold = path.with_suffix(".quotes.json")
            known = sorted(
                {
                    g["speaker"]
                    for g in json.loads(gold.read_text(encoding="utf-8"))
                    if g.get("speaker")
                }
                if gold.exists()
                else set()
            )
            _write(out, f"{name} known={len(known)}", find_quotes(text, known, headline=None))
            out.append(f"## {name} trace")
            for finding, rule, candidates in trace_candidates(text):
                out.append(_line(finding))
                out.append(
                    f"  rule {rule.name!r} {rule.mention!r} {rule.cue!r} {rule.confidence!r}"
                )
                out.extend(f"  {c.name!r} {c.values!r}" for c in candidates)
    text = big_article(1_000_000)
    _write(out, "big article", article_quotes(TextStructure(text), ""))
    Path(argv[0]).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} lines written to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
