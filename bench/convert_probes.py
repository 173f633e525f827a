"""Convert the helpers' blind probes (made-up news, speakers labelled before any run) into
the gold format of `tests/data/quotes/`, as the `probes` set of `python -m bench.quotes`.

    python -m bench.convert_probes [--out DIR] NAME FOLDER [NAME FOLDER ...]

Each FOLDER holds `NAME.txt` articles and, beside each, a `NAME.json` list of labels in
text order: `{"quote_start_words": "...", "speaker": "Full Name" | "none" | null,
"debatable": bool}`. Each label is matched, in order, to the next quotation of the article
(`reader.core.text` pairs the marks, as the finder does) whose words begin with the label's;
the gold span is that quotation's words between its marks. A speaker "none" (or null) is
`speaker_status` "no-source" (not scored for the speaker); a debatable label is scored like
the others and marked `"debatable": true`. An article any of whose labels cannot be matched
is left out and named (nothing is guessed). Output: `tests/data/quotes/probes/NAME-ARTICLE`
`.txt` and `.quotes.json` (`--out DIR` writes them to DIR instead: the real pages of the
`zyte` set, labelled the same way, go to `tests/data/quotes/zyte`). The articles are the helpers' own writing for this project: no
one else's text or licence.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from reader.core.text import Span, TextStructure

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "quotes" / "probes"


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9 ]", " ", plain.replace("’", "").replace("'", "")).split()


def _opening_words(text: str, inner: Span, count: int) -> list[str]:
    return _words(text[inner.start : inner.end])[:count]


def convert_article(
    text: str, labels: list[dict[str, Any]], prefer_double: bool = False
) -> list[dict[str, Any]] | None:
    """The gold quotations of one article, or None when a label matches no quotation.
    `prefer_double`: the labels are of double marks only (the real-news briefs: "passages in
    single marks alone are not labelled"), so a label goes to the first double-marked
    quotation its words begin, a single-marked one only when none does (a subhead's
    "'We want …,' researcher says" is not the label of the “We want …” below it)."""
    quotations = TextStructure(text).quotations
    gold: list[dict[str, Any]] = []
    at = 0
    for label in labels:
        wanted = _words(label.get("quote_start_words") or "")[:6]
        if not wanted:
            return None
        matching = [
            index
            for index in range(at, len(quotations))
            if _opening_words(text, quotations[index].inner, len(wanted)) == wanted
        ]
        doubled = [i for i in matching if quotations[i].kind == "double"]
        if prefer_double and doubled:
            matching = doubled
        if not matching:
            if gold and _continues(text, quotations[at - 1].inner, wanted, label, gold[-1]):
                continue  # a later paragraph's piece of the quotation labelled before
            return None
        index = matching[0]
        inner = quotations[index].inner
        at = index + 1
        speaker = label.get("speaker")
        named = bool(speaker) and str(speaker).casefold() != "none"
        item: dict[str, Any] = {
            "quote": text[inner.start : inner.end],
            "speaker": speaker if named else None,
            "speaker_mentions": [],
            "start": inner.start,
            "end": inner.end,
        }
        if not named:
            item["speaker_status"] = "no-source"
        if label.get("debatable"):
            item["debatable"] = True
        gold.append(item)
    return gold


def _continues(
    text: str, inner: Span, wanted: list[str], label: dict[str, Any], last: dict[str, Any]
) -> bool:
    """Whether a label names a later paragraph's piece of the quotation `inner`, labelled
    just before with the same speaker: a quotation over several paragraphs opens each with a
    mark and closes only at its end, and the finder, like `TextStructure`, holds it as one."""
    speaker = label.get("speaker")
    same = (speaker if speaker and str(speaker).casefold() != "none" else None) == last["speaker"]
    # (a new paragraph's mark, or one after a full stop where a page lost the break)
    pieces = re.split(r"(?:\n\s*|(?<=[.?!])\s+)[\"“]", text[inner.start : inner.end])[1:]
    return same and any(_words(piece)[: len(wanted)] == wanted for piece in pieces)


def convert(name: str, folder: Path, out: Path = OUT) -> tuple[int, list[str]]:
    """Write one probe's articles to `out`; how many were written, and those left out."""
    written, left_out = 0, []
    for text_path in sorted(folder.glob("*.txt")):
        labels_path = text_path.with_suffix(".json")
        if not labels_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        gold = convert_article(text, labels) if isinstance(labels, list) else None
        if gold is None:
            left_out.append(text_path.name)
            continue
        write_article(out, f"{name}-{text_path.stem}", text, gold)
        written += 1
    return written, left_out


def converted(name: str, written: int, left_out: list[str], where: Path | None = None) -> str:
    """The line a converter prints: how many articles of a set it wrote (and where), and
    those it left out."""
    place = f" in {where}" if where is not None else ""
    return f"{name}: {written} articles{place}" + (
        f"; left out: {', '.join(left_out)}" if left_out else ""
    )


def write_article(out: Path, stem: str, text: str, gold: list[dict[str, Any]]) -> None:
    """Write an article and its gold quotations as a set of `bench.quotes` holds them."""
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.txt").write_text(text, encoding="utf-8")
    (out / f"{stem}.quotes.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    out = OUT
    if argv[:1] == ["--out"] and len(argv) > 1:
        out, argv = Path(argv[1]), argv[2:]
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    for name, folder in zip(argv[::2], argv[1::2], strict=True):
        written, left_out = convert(name, Path(folder), out)
        print(converted(name, written, left_out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
