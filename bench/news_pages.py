"""Choose the pages of a blind set of real news for quote and speaker finding (issue 17),
before any of them is read: the pages of one dataset of `bench/extraction_corpus.csv` whose
hand-marked story has 150 words or more and six double quotation marks or more, in the order
of sha256(salt + "|" + file name), at most one page a site, cut into batches of a fixed size
(batch 2 goes on down the same order after batch 1, never repeating a site of batch 1).

A dataset may hold one story under several addresses (a wire story a paper saved three times;
the Canadian set holds one Times Colonist story eleven times): an article most of whose
8-word runs an earlier article of the set's batches holds is a copy of it, never written to
a set (it would score again what an earlier batch scored, or a studied article's mends) nor
handed out to be labelled.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bench.convert_probes import convert_article, converted, write_article
from bench.fetch_extraction_corpus import MANIFEST, SOURCES, Repository, Source

CACHE = Path(__file__).resolve().parent / ".data" / "extraction" / "sources"

MIN_WORDS = 150
MIN_MARKS = 6
_DOUBLE_MARKS = re.compile(r"[\"“”]")

Page = tuple[str, str]  # (the set's name for the page, its text)


Row = dict[str, str]  # a manifest's row

COPY_SHARE = 0.6  # the share of an article's 8-word runs another holds that makes it a copy
_RUN = 8


class Originals:
    """The articles met so far, by their 8-word runs: which one a new article copies."""

    def __init__(self) -> None:
        self._first: dict[str, int] = {}  # a run -> the first article holding it
        self._names: list[str] = []
        self._sizes: list[int] = []

    def copied(self, text: str) -> str | None:
        """The earlier article `text` copies, or None."""
        runs = _runs(text)
        shared = Counter(self._first[run] for run in runs if run in self._first)
        for index, count in shared.most_common(1):
            if count > COPY_SHARE * min(len(runs), self._sizes[index]):
                return self._names[index]
        return None

    def add(self, name: str, text: str) -> None:
        runs = _runs(text)
        index = len(self._names)
        self._names.append(name)
        self._sizes.append(len(runs))
        for run in runs:
            self._first.setdefault(run, index)

    def add_all(self, pages: Iterable[Page]) -> None:
        for name, text in pages:
            self.add(name, text)


def _runs(text: str) -> set[str]:
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1)}


def pinned_repositories(
    sources: Mapping[str, Source], mirror: Path | None, cache: Path = CACHE
) -> dict[str, Repository]:
    """Each source's repository at its pinned commit, by the source's key: a bare copy under
    `cache` (fetched there when missing), or `mirror`/owner+name/repo."""
    cache.mkdir(parents=True, exist_ok=True)
    return {key: Repository(source, mirror, cache) for key, source in sources.items()}


def double_marks(story: str) -> int:
    """How many double quotation marks (" “ ”) a story holds: what the blind sets' rules count."""
    return len(_DOUBLE_MARKS.findall(story))


def batch_set_name(stem: str, number: int) -> str:
    """The `bench.quotes` set of a batch: STEM-quotes for the first, STEM-quotes-N after."""
    return f"{stem}-quotes" + ("" if number == 1 else f"-{number}")


def labelled_batches(stem: str, count: int) -> dict[int, tuple[Path, Path]]:
    """Each of `count` batches' labels file (tests/data/quotes/STEMN_labels.json) and its
    set's folder under bench/.data (the variable READER_STEM_QUOTES_N overrides it)."""
    root = Path(__file__).resolve().parent.parent
    batches = {}
    for number in range(1, count + 1):
        labels = root / "tests" / "data" / "quotes" / f"{stem}{number}_labels.json"
        variable = f"READER_{stem.upper()}_QUOTES_{number}"
        default = root / "bench" / ".data" / batch_set_name(stem, number)
        batches[number] = (labels, Path(os.environ.get(variable, default)))
    return batches


def corpus_gold(row: Row) -> str:
    """Where a page of `bench/extraction_corpus.csv` keeps its gold: its `gold` column."""
    return row["gold"].split(":", 1)[1]


def chosen_pages(
    repository: Repository | None,
    dataset: str,
    salt: str,
    story_of: Callable[[bytes], tuple[str, str]],
    per_batch: int,
    batch: int = 1,
    manifest: Path | None = None,
    gold_of: Callable[[Row], str] = corpus_gold,
    read_gold: Callable[[Repository | None, str], bytes] | None = None,
    keep: Callable[[Row], bool] | None = None,
    rows_of: Callable[[Repository | None], list[Row]] | None = None,
    through: bool = False,
) -> list[Page]:
    """A batch's pages (with `through`, those of every batch up to it, in order), (file
    name, text): `story_of` reads the dataset's gold file as
    (headline, story), the headline "" where the dataset marks none; the text labelled is the
    headline on its own line, then the story (the thresholds count the story only). The
    pages are the `manifest`'s rows of `dataset` (the extraction corpus's unless another is
    given, with `gold_of` saying where a row's gold is, and `read_gold` how to read it when
    a plain read of the repository will not do; `keep` chooses the rows when a manifest has
    no `dataset` column; `rows_of` lists a dataset's rows itself where no manifest is kept)."""
    if rows_of is not None:
        listed = rows_of(repository)
    else:
        with (manifest or MANIFEST).open(encoding="utf-8", newline="") as handle:
            listed = list(csv.DictReader(handle))
    rows = [row for row in listed if (keep(row) if keep else row["dataset"] == dataset)]
    rows.sort(key=lambda row: hashlib.sha256(f"{salt}|{row['file']}".encode()).hexdigest())
    pages: list[Page] = []
    sites: set[str] = set()
    for row in rows:
        if row["site"] in sites:
            continue
        path = gold_of(row)
        if read_gold is not None:
            raw = read_gold(repository, path)
        elif repository is not None:
            raw = repository.read(path)
        else:
            raise ValueError("a set with no source repository must say how to read its pages")
        headline, story = story_of(raw)
        if len(story.split()) < MIN_WORDS or double_marks(story) < MIN_MARKS:
            continue
        sites.add(row["site"])
        pages.append((row["file"], (f"{headline}\n\n" if headline else "") + story + "\n"))
        if len(pages) == per_batch * batch:
            break
    return pages if through else pages[per_batch * (batch - 1) :]


def story_only(paragraphs_of: Callable[[bytes], list[str]]) -> Callable[[bytes], tuple[str, str]]:
    """A `story_of` for a dataset that marks no headline: its gold paragraphs, joined."""

    def story_of(raw: bytes) -> tuple[str, str]:
        return "", "\n\n".join(paragraphs_of(raw)).strip()

    return story_of


@dataclass(frozen=True)
class NewsQuoteSet:
    """A blind set of real news drawn from one dataset, in labelled batches."""

    dataset: str  # as in bench/extraction_corpus.csv
    source: str  # its gold files' key in `sources` ("": `read_gold` reads them itself)
    salt: str
    story_of: Callable[[bytes], tuple[str, str]]
    per_batch: int
    batches: dict[int, tuple[Path, Path]]  # batch -> its labels file, its set's folder
    prefix: str  # the pages' names in the set: prefix + the file name after the dataset's
    manifest: Path | None = None  # None: bench/extraction_corpus.csv
    gold_of: Callable[[Row], str] = corpus_gold
    sources: Mapping[str, Source] = field(default_factory=lambda: SOURCES)
    read_gold: Callable[[Repository | None, str], bytes] | None = None
    keep: Callable[[Row], bool] | None = None  # None: the manifest's rows of `dataset`
    rows_of: Callable[[Repository | None], list[Row]] | None = None  # None: the manifest's

    def chosen(self, repository: Repository | None, batch: int = 1) -> list[Page]:
        """A batch's articles, (name, text)."""
        return self._pages(repository, batch, through=False)

    def chosen_by_batch(self, repository: Repository | None, last: int) -> list[list[Page]]:
        """The articles of batches 1 to `last`, each batch's apart, read in one pass."""
        pages = self._pages(repository, last, through=True)
        size = self.per_batch
        return [pages[size * number : size * (number + 1)] for number in range(last)]

    def _pages(self, repository: Repository | None, batch: int, through: bool) -> list[Page]:
        pages = chosen_pages(
            repository,
            self.dataset,
            self.salt,
            self.story_of,
            self.per_batch,
            batch,
            self.manifest,
            self.gold_of,
            self.read_gold,
            self.keep,
            self.rows_of,
            through,
        )
        return [(self.prefix + name.removeprefix(f"{self.dataset}-"), text) for name, text in pages]

    def main(self, prog: str, description: str, argv: list[str] | None = None) -> int:
        """`--texts OUT [--batch N]` writes a batch's bare texts to label; without it, every
        batch whose labels exist is converted to its set's folder."""
        parser = argparse.ArgumentParser(prog=prog, description=description)
        parser.add_argument(
            "--mirror", type=Path, help="read the dataset from a bare copy DIR/owner+name/repo"
        )
        parser.add_argument(
            "--texts", type=Path, help="write the bare texts here (for labelling), no gold"
        )
        parser.add_argument(
            "--batch",
            type=int,
            choices=sorted(self.batches),
            default=1,
            help="with --texts: which batch",
        )
        args = parser.parse_args(argv)
        CACHE.mkdir(parents=True, exist_ok=True)
        # (a set whose pages another script fetched reads them itself: no repository)
        repository = (
            Repository(self.sources[self.source], args.mirror, CACHE) if self.source else None
        )
        if args.texts is not None:
            args.texts.mkdir(parents=True, exist_ok=True)
            *earlier, wanted = self.chosen_by_batch(repository, args.batch)
            originals = Originals()
            for pages in earlier:
                originals.add_all(pages)
            articles, copies = [], []
            for name, text in wanted:
                if originals.copied(text) is None:
                    articles.append((name, text))
                    originals.add(name, text)
                else:
                    copies.append(name)
            for name, text in articles:
                (args.texts / f"{name}.txt").write_text(text, encoding="utf-8")
            print(
                f"{self.dataset} batch {args.batch}: {len(articles)} texts in {args.texts}"
                + (f" ({len(copies)} copies of earlier articles left out)" if copies else "")
            )
            return 0
        built = 0
        originals = Originals()
        labelled = [
            batch for batch, (labels_path, _) in self.batches.items() if labels_path.exists()
        ]
        by_batch = self.chosen_by_batch(repository, max(labelled)) if labelled else []
        for batch, (labels_path, out) in sorted(self.batches.items()):
            if not labels_path.exists():
                continue
            written, left_out = build_labelled(by_batch[batch - 1], labels_path, out, originals)
            built += 1
            print(converted(out.name, written, left_out, out))
        if not built:
            first = min(self.batches.items())[1][0]
            print(f"error: {first} not found: label the texts first (--texts)", file=sys.stderr)
            return 1
        return 0


def build_labelled(
    articles: Iterable[tuple[str, str]], labels_path: Path, out: Path, originals: Originals
) -> tuple[int, list[str]]:
    """Write each labelled article and its gold into `out`; how many were written, and each
    one left out and why (a copy of an article written before, a label matching no
    quotation). A copy's files a converter wrote before this rule are removed."""
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["articles"]
    written, left_out = 0, []
    for name, text in articles:
        if name not in labels:
            continue
        original = originals.copied(text)
        if original is not None:
            left_out.append(f"{name} (a copy of {original})")
            for stale in (out / f"{name}.txt", out / f"{name}.quotes.json"):
                stale.unlink(missing_ok=True)  # (written by a converter before this rule)
            continue
        gold = convert_article(text, labels[name]["labels"], prefer_double=True)
        if gold is None:
            left_out.append(f"{name} (a label matches no quotation)")
            continue
        originals.add(name, text)
        write_article(out, name, text, gold)
        written += 1
    return written, left_out


def pinned_chosen(
    chosen: Callable[[Repository], list[Page]],
    sources: Mapping[str, Source],
    mirror: Path | None,
    cache: Path,
) -> list[Page]:
    """A one-batch set's articles, (name, text), that `chosen` picks from its one pinned
    repository (`pinned_repositories`: under `cache`, fetched there when missing, or a copy
    under `mirror`)."""
    (repository,) = pinned_repositories(sources, mirror, cache).values()
    return chosen(repository)


def pinned_set_main(
    argv: list[str] | None,
    module: str,
    stem: str,
    description: str,
    batches: Mapping[int, tuple[Path, Path]],
    chosen_from: Callable[[Path | None], list[tuple[str, str]]],
) -> int:
    """The command line of a one-batch set its converter chooses itself from pinned
    repositories (gossipcop, pacific, southasia): `--texts OUT` writes the bare texts to
    label; without it, the labelled articles and their gold go to the set's folder."""
    parser = argparse.ArgumentParser(prog=f"python -m bench.{module}", description=description)
    parser.add_argument(
        "--mirror", type=Path, help="read the datasets from bare copies DIR/owner+name/repo"
    )
    parser.add_argument(
        "--texts", type=Path, help="write the bare texts here (for labelling), no gold"
    )
    args = parser.parse_args(argv)
    articles = chosen_from(args.mirror)
    if args.texts is not None:
        args.texts.mkdir(parents=True, exist_ok=True)
        for name, text in articles:
            (args.texts / f"{name}.txt").write_text(text, encoding="utf-8")
        print(f"{stem}: {len(articles)} texts in {args.texts}")
        return 0
    labels_path, out = batches[1]
    if not labels_path.exists():
        print(f"error: {labels_path} not found: label the texts first (--texts)", file=sys.stderr)
        return 1
    written, left_out = build_labelled(articles, labels_path, out, Originals())
    print(converted(out.name, written, left_out, out))
    return 0
