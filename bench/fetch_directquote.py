"""Download DirectQuote at its pinned commit and convert it for `python -m bench.quotes`.

    python -m bench.fetch_directquote [--raw PATH] [--keep-zip]

DirectQuote (github.com/THUNLP-MT/DirectQuote; Zhang & Liu, *DirectQuote: A Dataset for
Direct Quotation Extraction and Attribution in News Articles*) is 19,760 news
paragraphs (AP, CNN, ABC, NYT, CBS, BBC, Reuters, the Guardian, the Globe and Mail, the Star,
NZ Herald, ABC Australia, Sydney Morning Herald; 2020-09 to 2021-03) with 10,353 direct
quotations, each labelled with its speaker's mention. Its repository has no licence and the
paragraphs are copyrighted news, so Reader never ships it: this script fetches the zip of the
pinned commit, unpacks it to `bench/.data/directquote-raw/` and converts its one data file,
`data/truecased.txt`, into `bench/.data/directquote/{dev,test}` (git ignores `bench/.data/`).
`--raw PATH` converts a checkout, an unpacked zip or the data file itself instead.

**The source format** (the repository's README): CoNLL-2003 style, one whitespace-separated
token a line with its label last, a blank line between paragraphs, IOB1 chunks of the labels
`LeftSpeaker` (a quotation whose speaker is named before it), `RightSpeaker` (named after
it), `Unknown` (a quotation with no speaker in the paragraph), `Speaker` (a speaker's
mention) and `Out`.

**How it is converted** (standard library and Reader's word lists only; the same output on
every run):

- Each paragraph is one article under the headline "News" (the finder reads a first line
  as the headline, whose quotations are never speech): its tokens joined again as prose (no space before `,` `.`
  `'s` `n't` ..., a straight double mark opening and closing in turn), so that the finder
  reads news, not tokens. The item's id is a digest of its tokens (`item_id`).
- A quotation is a chunk of `LeftSpeaker`/`RightSpeaker`/`Unknown`; its gold span is the
  chunk's text without the quotation marks at its ends (Reader's gold spans are the words
  between the marks).
- Its speaker is the `Speaker` chunk on the side the label gives (the nearest one), else the
  nearest on the other side (`speaker_resolution` says which). Titles before the name are
  dropped ("President Joe Biden" -> "Joe Biden"; the words as written are kept among
  `speaker_mentions`), and a surname alone is expanded to the paragraph's fullest form of the
  name. A mention that is a pronoun or not capitalised is `speaker_status` "description"
  (not scored); an `Unknown` quotation, or one without a speaker chunk, is "no-source".
- `corpus.json` in each split folder gives the provenance and counts, `dropped.json` the
  chunks that could not be turned into a span.

**The split**, fixed before any converted item was read: by the SHA-256 of the item id
(`directquote_split`), 60% `dev` and 40% `test`. The test split is **blind**: this script
prints only its counts, and `bench.quotes` scores it only when asked with
`--blind-directquote`, once, at the end of a piece of work.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.data import download
from reader.quotes.lexicon import words

COMMIT = "6dcd6f64f3e3553a71e8327a9678bdc75b66140e"
URL = f"https://codeload.github.com/THUNLP-MT/DirectQuote/zip/{COMMIT}"
DATA = Path(__file__).resolve().parent / ".data"
RAW = DATA / "directquote-raw"
OUT = DATA / "directquote"
DATA_FILE = Path("data") / "truecased.txt"
QUOTE_LABELS = {"leftspeaker": "left", "rightspeaker": "right", "unknown": "unknown"}
TEST_SHARE = 40  # percent of the items in the blind split
HEADLINE = "News\n\n"

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "…"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
_CLITICS = ("'s", "’s", "n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m")
_OPENING = {"“", "‘"}
_CLOSING = {"”", "’"}
_MARKS = set("\"“”‘’'«»`")
_TITLES = words("titles")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "you"}


def directquote_split(item_id: str) -> str:
    """ "dev" or "test": the fixed split an item belongs to (a digest of its id)."""
    digest = hashlib.sha256(f"reader-directquote:{item_id}".encode()).hexdigest()
    return "test" if int(digest, 16) % 100 < TEST_SHARE else "dev"


def item_id(tokens: list[str]) -> str:
    """A paragraph's id: a digest of its tokens (stable under any reordering of the file)."""
    return hashlib.sha256(" ".join(tokens).encode()).hexdigest()[:16]


@dataclass
class Chunk:
    kind: str  # "left", "right", "unknown" or "speaker"
    first: int  # token indices, inclusive
    last: int


@dataclass
class Paragraph:
    tokens: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def read_conll(lines: list[str]) -> list[Paragraph]:
    """The paragraphs of the data file: (token, label) lines, a blank line between them."""
    paragraphs: list[Paragraph] = []
    current = Paragraph()
    for line in lines:
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if current.tokens:
                paragraphs.append(current)
            current = Paragraph()
            continue
        current.tokens.append(parts[0])
        current.labels.append(parts[-1] if len(parts) > 1 else "O")
    if current.tokens:
        paragraphs.append(current)
    return paragraphs


def _label(raw: str) -> tuple[str, str]:
    """(prefix, kind) of an IOB label: ("B", "left"), ("I", "speaker"), ("", "")."""
    prefix, _, name = raw.rpartition("-")
    name = name.casefold()
    if name in QUOTE_LABELS:
        return prefix.upper(), QUOTE_LABELS[name]
    if name == "speaker":
        return prefix.upper(), "speaker"
    return "", ""


def chunks(labels: list[str]) -> list[Chunk]:
    """The IOB1 chunks: a run of one kind, broken where a B- label starts another."""
    found: list[Chunk] = []
    for index, raw in enumerate(labels):
        prefix, kind = _label(raw)
        if not kind:
            continue
        last = found[-1] if found else None
        if last is not None and last.kind == kind and last.last == index - 1 and prefix != "B":
            last.last = index
        else:
            found.append(Chunk(kind, index, index))
    return found


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens as prose, and each token's (start, end) in it."""
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    glue_next = False
    double_open = False
    for token in tokens:
        space = bool(out) and not glue_next
        glue_next = False
        if token == '"':
            if double_open:
                space = False
            else:
                glue_next = True
            double_open = not double_open
        elif token in _OPENING or token in _NO_SPACE_AFTER:
            glue_next = True
        elif token in _CLOSING or token in _NO_SPACE_BEFORE or token.startswith(_CLITICS):
            space = False
        if space:
            out.append(" ")
            length += 1
        offsets.append((length, length + len(token)))
        out.append(token)
        length += len(token)
    return "".join(out), offsets


def _name_words(tokens: list[str]) -> list[str]:
    """A speaker mention without the titles before the name ("President Joe Biden")."""
    kept = list(tokens)
    while len(kept) > 1 and kept[0].casefold().rstrip(".") in _TITLES:
        kept.pop(0)
    return kept


def _fullest(name: list[str], tokens: list[str]) -> list[str]:
    """A surname alone expanded to the paragraph's fullest capitalised run ending in it."""
    if len(name) != 1:
        return name
    best = name
    for index, token in enumerate(tokens):
        if token != name[0]:
            continue
        start = index
        while start > 0 and tokens[start - 1][:1].isupper() and tokens[start - 1] not in _MARKS:
            start -= 1
        run = _name_words(tokens[start : index + 1])
        if len(run) > len(best) and all(re.fullmatch(r"[A-Z][\w.'’-]*", w) for w in run):
            best = run
    return best


def convert_paragraph(paragraph: Paragraph) -> tuple[str, list[dict], list[dict]]:
    """A paragraph's text, its gold quotations and what could not be converted."""
    tokens = paragraph.tokens
    body, offsets = detokenise(tokens)
    # A neutral headline first: the finder takes an article's first line for its headline,
    # whose quotations are never speech, and a paragraph alone would be all headline.
    text = HEADLINE + body
    offsets = [(start + len(HEADLINE), end + len(HEADLINE)) for start, end in offsets]
    found = chunks(paragraph.labels)
    speakers = [c for c in found if c.kind == "speaker"]
    quotes, dropped = [], []
    for chunk in found:
        if chunk.kind == "speaker":
            continue
        first, last = chunk.first, chunk.last
        while first <= last and tokens[first] in _MARKS:
            first += 1
        while last >= first and tokens[last] in _MARKS:
            last -= 1
        if first > last:
            dropped.append({"reason": "a quotation of marks only", "token": chunk.first})
            continue
        start, end = offsets[first][0], offsets[last][1]
        item: dict = {"quote": text[start:end], "start": start, "end": end}
        before = [s for s in speakers if s.last < chunk.first]
        after = [s for s in speakers if s.first > chunk.last]
        wanted = before[-1:] if chunk.kind == "left" else after[:1]
        other = after[:1] if chunk.kind == "left" else before[-1:]
        speaker = (wanted or other or [None])[0] if chunk.kind != "unknown" else None
        if speaker is None:
            item.update(speaker="", speaker_mentions=[], speaker_status="no-source")
            item["speaker_resolution"] = chunk.kind
        else:
            written = tokens[speaker.first : speaker.last + 1]
            name = _fullest(_name_words(written), tokens)
            full = " ".join(name)
            mentions = sorted({full, " ".join(written)})
            named = name[0][:1].isupper() and name[0].casefold() not in _PRONOUNS
            item.update(
                speaker=full,
                speaker_mentions=mentions,
                speaker_status="named" if named else "description",
                speaker_resolution=chunk.kind + ("" if wanted else "-other-side"),
            )
        item["label"] = chunk.kind
        quotes.append(item)
    return text, quotes, dropped


def convert(data_file: Path, out: Path, commit: str = COMMIT) -> dict[str, Counter]:
    """Convert the data file into out/{dev,test}; return the counts of each split."""
    paragraphs = read_conll(data_file.read_text(encoding="utf-8").splitlines())
    counts = {"dev": Counter(), "test": Counter()}
    dropped: dict[str, list] = {"dev": [], "test": []}
    seen: set[str] = set()
    for split in counts:
        folder = out / split
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    for paragraph in paragraphs:
        ident = item_id(paragraph.tokens)
        split = directquote_split(ident)
        counts[split]["paragraphs"] += 1
        if ident in seen:
            counts[split]["duplicates"] += 1
            continue
        seen.add(ident)
        text, quotes, lost = convert_paragraph(paragraph)
        dropped[split] += [{"item": ident, **d} for d in lost]
        counts[split]["dropped"] += len(lost)
        counts[split]["quotations"] += len(quotes)
        for status in ("named", "description", "no-source"):
            counts[split][status] += sum(1 for q in quotes if q["speaker_status"] == status)
        name = f"dq-{ident}"
        folder = out / split
        (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
        for suffix, value in ((".quotes.json", quotes), (".nonquotes.json", [])):
            (folder / f"{name}{suffix}").write_text(
                json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
    for split, count in counts.items():
        about = {
            "corpus": "DirectQuote",
            "repository": "https://github.com/THUNLP-MT/DirectQuote",
            "commit": commit,
            "licence": "none stated: not redistributed",
            "split": split,
            "counts": dict(sorted(count.items())),
        }
        folder = out / split
        (folder / "corpus.json").write_text(json.dumps(about, indent=1) + "\n", encoding="utf-8")
        (folder / "dropped.json").write_text(
            json.dumps(dropped[split], indent=1) + "\n", encoding="utf-8"
        )
    return counts


def data_file(path: Path) -> Path:
    """The data file in a checkout or unpacked zip (or the file itself)."""
    if path.is_file():
        return path
    found = sorted(path.rglob(DATA_FILE.name))
    return found[0] if found else path / DATA_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fetch_directquote", description=__doc__)
    parser.add_argument("--raw", type=Path, help="a checkout, unpacked zip or the data file")
    parser.add_argument("--keep-zip", action="store_true", help="keep the downloaded zip")
    parser.add_argument("--out", type=Path, default=OUT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.raw is not None:
        source = data_file(args.raw)
    else:
        archive = download(URL, RAW / f"DirectQuote-{COMMIT}.zip")
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(RAW)
        if not args.keep_zip:
            archive.unlink()
        source = data_file(RAW)
    if not source.is_file():
        print(f"{source}: no DirectQuote data file", file=sys.stderr)
        return 1
    counts = convert(source, args.out)
    for split, count in counts.items():  # counts only: the test split is blind
        print(f"{split}: " + ", ".join(f"{k} {v}" for k, v in sorted(count.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
